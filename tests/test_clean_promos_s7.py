"""Whole-page scrapes, session 7 rules: promotional and interaction lines printed inside or around the body
(newsletter, magazine and app promos, calls to follow or listen, comment-form prompts, share widgets; a lone "By" is in test_clean_repeats_s7.py)
are chrome; body sentences that merely open with "Get", "Follow" or "Ikuti" stay (kabar.clean.lines)."""

from __future__ import annotations

import pytest

from kabar.clean import rules
from kabar.clean.lines import _promo_reason, clean_lines

EN_BODY = [
    "The city council voted on Tuesday to close the old river bridge to heavy trucks from next month, after "
    "engineers found cracks in two of its supporting piers during a routine inspection.",
    "Trucks heavier than twelve tonnes will have to use the ring road, which adds about twenty minutes to a "
    "crossing, the transport office said in a statement on its website.",
    "Shop owners on the east bank said they feared losing customers, while residents near the bridge welcomed "
    "the decision and asked for a lower speed limit as well.",
    "Repairs are expected to take at least eight months and will cost the city about four million dollars, "
    "most of it paid for by a regional infrastructure fund.",
]
EN_PROMOS = [
    "Get Weekend Rider Magazine delivered to your door every month. 12 issues for £19.99. Click here for details.",
    "Listen to City Morning live at 07:15 weekdays - or listen back here.",
    "Follow The Daily Ledger Opinion and Ideas desk on Facebook, Twitter (@LedgerViews) and Instagram.",
    "Get access to our premium subscription for as little as $2 a week. Use the code SAVE20 at checkout.",
    "Start your morning with the Briefing, a short read on the day's markets. Sign up for the free newsletter.",
    "In each episode of our weekly video show, the desk looks closer at the week in politics. Click to subscribe!",
    "As you comment, please be respectful of other readers and their views. We reserve the right to remove any "
    "comment that is rude or off-topic.",
    "The Ledger is committed to publishing a diversity of letters to the editor. We'd like to hear what you "
    "think about this or any of our articles.",
    "AddThis Sharing Buttons",
    "Share to LinkedInLinkedInShare to FacebookFacebookShare to EmailEmail",
    "Copied!",
    "THE WEEK IN REVIEW -- NOW ON YOUTUBE!",
    "By",
    "Post Comment (+)",
    "Text size",
    "Reach the reporters on Twitter at http://twitter.com/janedoe and http://twitter.com/johnroe",
    "More AP Soccer: https://example.com/soccer and https://twitter.com/example",
    "If you enjoyed this article, we have an offer for you: join our members' club and read without limits.",
    "Follow our full coverage of the city elections at https://example.com/elections",
    "Jane Roe's book about the river towns of the north and the people who kept their ferries running through "
    'two wars, "Crossings" (Northern Press, 2019), is out now. Follow her on Twitter @janeroe. Follow us on '
    "Twitter @ledger.",
]

ID_BODY = [
    "Pemerintah kota menutup jembatan lama di atas sungai untuk truk bermuatan berat mulai bulan depan setelah "
    "petugas menemukan retakan pada dua tiang penyangganya.",
    "Truk dengan berat lebih dari dua belas ton harus melewati jalan lingkar yang menambah waktu tempuh sekitar "
    "dua puluh menit, kata kepala dinas perhubungan.",
    "Pemilik toko di sisi timur sungai khawatir kehilangan pelanggan, sedangkan warga di sekitar jembatan "
    "menyambut baik keputusan itu.",
    "Perbaikan diperkirakan memakan waktu delapan bulan dengan biaya sekitar empat puluh miliar rupiah dari "
    "anggaran daerah.",
]
ID_PROMOS = [
    "Cek berita dan artikel lainnya di Google News.",
    "Suka artikel ini? Ikuti kami di Instagram @kabarkota.",
    "Dapatkan update berita pilihan setiap hari dari Kabar.id. Mari bergabung di Grup Telegram Kabar, caranya klik "
    "tautan di profil kami, kemudian join. Anda harus memasang aplikasi Telegram terlebih dahulu di ponsel.",
    "Yuk, ikuti saluran WhatsApp Kabar Kota untuk update berita terbaru setiap hari.",
    "Jangan lupa gabung ke Grup Telegram kami agar tidak ketinggalan informasi.",
    "Temukan berita pilihan lainnya hanya di aplikasi Kabar Kota.",
    "Berkomentarlah dengan bijak dan sopan.",
    "Tinggalkan Balasan",
    "Anda harus masuk untuk mengirim komentar.",
    "Lascia un commento",
    "Devi essere connesso per inviare un commento.",
]


def _interleaved(body: list[str], promos: list[str]) -> str:
    # Promos between the body's paragraphs: the body-span search alone keeps them.
    lines = [body[0], body[1]]
    for promo in promos:
        lines.append(promo)
    return "\n\n".join([*lines, body[2], body[3]])


@pytest.mark.parametrize("promo", EN_PROMOS)
def test_english_promos_inside_the_body_are_removed(promo: str) -> None:
    body = "\n".join(clean_lines(_interleaved(EN_BODY, [promo])).paragraphs)
    assert all(paragraph in body for paragraph in EN_BODY)
    assert promo not in body


@pytest.mark.parametrize("promo", ID_PROMOS)
def test_indonesian_and_comment_form_promos_inside_the_body_are_removed(promo: str) -> None:
    body = "\n".join(clean_lines(_interleaved(ID_BODY, [promo])).paragraphs)
    assert all(paragraph in body for paragraph in ID_BODY)
    assert promo not in body


@pytest.mark.parametrize(
    "sentence",
    [
        "Follow-up talks begin Monday in Geneva, where both delegations are expected to present new proposals.",
        "Get ready for a long winter, the forecasters warned on Tuesday as the first storm reached the coast.",
        "Follow the money, the prosecutor told the jury, and you will find who ordered the payments.",
        "Ikuti perkembangan kasus ini, polisi masih memeriksa tiga saksi di Polres Jakarta Selatan.",
        "Dapatkan informasi lengkap dari petugas sebelum berangkat ke terminal pada musim mudik.",
        "Why does it matter? Get the facts before you vote on Sunday, the mayor told reporters.",
        "Ikuti langkah berikut untuk mengaktifkan fitur baru di aplikasi WhatsApp.",
        "Get started by opening the app and choosing a language from the first screen.",
        '"Bergabung dengan sebuah band adalah mimpi saya," tulisnya di akun Twitter miliknya.',
        "Grab meluncurkan fitur baru di aplikasinya untuk pengemudi ojek daring di Jakarta.",
        "Simak selengkapnya: polisi menangkap dua tersangka di Bekasi pada Senin malam.",
        "By the end of the year the company expects to hire another two hundred engineers.",
        "Reach the summit on Monday, the guide told the climbers, or turn back before the storm.",
        "Follow the prompts on the Google Home app to finish the setup of the speaker.",
        "Cek nama penerima bantuan sosial di aplikasi Cek Bansos milik Kementerian Sosial.",
        "Cek pesan WhatsApp dari nomor tak dikenal sebelum membuka tautan apa pun.",
        "Pantau arus mudik melalui aplikasi milik pengelola jalan tol sebelum berangkat.",
    ],
)
def test_body_sentences_that_open_with_a_call_to_action_verb_are_not_promos(sentence: str) -> None:
    assert _promo_reason(sentence, len(sentence.split())) is None


def test_a_glued_share_bar_needs_two_buttons_and_nothing_but_network_names() -> None:
    assert rules.is_glued_share_buttons("Share to TwitterTwitterShare to FacebookFacebook")
    assert not rules.is_glued_share_buttons("Share to Facebook")
    assert not rules.is_glued_share_buttons(
        "Share to Facebook and share to Twitter what you think of the plan"
    )


@pytest.mark.parametrize(
    ("sentence", "promo"),
    [
        (
            "Ikuti perkembangan kasus ini, polisi masih memeriksa tiga saksi di Polres Jakarta Selatan.",
            "Ikuti perkembangan berita terkini hanya di aplikasi Kabar Kota.",
        ),
        (
            "Dapatkan informasi lengkap dari petugas sebelum berangkat ke terminal pada musim mudik.",
            "Dapatkan informasi terbaru setiap hari di aplikasi Kabar Kota.",
        ),
    ],
)
def test_an_imperative_body_sentence_stays_without_a_promo_object(sentence: str, promo: str) -> None:
    body = "\n".join(clean_lines("\n\n".join([*ID_BODY[:2], sentence, *ID_BODY[2:]])).paragraphs)
    assert sentence in body
    assert promo not in "\n".join(clean_lines("\n\n".join([*ID_BODY[:2], promo, *ID_BODY[2:]])).paragraphs)
