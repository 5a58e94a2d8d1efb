"""Whole-page scrapes, session 7 rules from the fresh-dev pages: reader widgets ("report a typo"), comment-box
standing notes, paywall notices, video-player chrome and screenshot credits inside the body (kabar.clean.lines)."""

from __future__ import annotations

import pytest
from tests.made_up_page import FOOTER, HEADLINE, MENU, P1, P2, P3, P4
from tests.made_up_page import body_of as _body

from kabar.clean.lines import clean_lines


@pytest.mark.parametrize(
    "widget",
    [
        ["Found a typo?", "Select the text and press Ctrl+Enter to send it to the editors."],
        ["Нашли ошибку?", "Выделите текст и нажмите Ctrl+Enter"],
        ["Kļūda rakstā?", "Iezīmējiet tekstu un spiediet Ctrl+Enter, lai to nosūtītu redaktoram!"],
        ["Menemukan salah ketik?", "Blok teks lalu tekan Ctrl + Enter untuk melapor ke redaksi."],
        ["Заметили опечатку?", "Помітили помилку?", "Spot a mistake?"],
        ["Report an error"],
        ["Laporkan kesalahan"],
    ],
)
def test_report_a_typo_widget_leaves_the_body(widget: list[str]) -> None:
    body = _body([P1, P2, *widget, P3, P4])
    for line in widget:
        assert line not in body
    assert P3 in body and P4 in body


@pytest.mark.parametrize(
    "note",
    [
        "El contenido de los comentarios es la opinión de los usuarios y no de este diario.",
        "No está permitido publicar comentarios contrarios a las leyes o injuriantes.",
        "El diario se reserva el derecho de eliminar cualquier comentario inapropiado.",
        "Normas de uso",
        "Comments are the responsibility of their authors, not of this site.",
        "The site reserves the right to delete comments that break these rules.",
        "Komentar sepenuhnya menjadi tanggung jawab pemberi komentar.",
        "Redaksi berhak menghapus komentar yang melanggar aturan.",
        "الآراء الواردة أدناه لا تعبر عن رأي الموقع، بل تعكس وجهات نظر أصحابها فقط.",
    ],
)
def test_comment_box_standing_notes_leave_the_body(note: str) -> None:
    body = _body([P1, P2, P3, P4, note])
    assert note not in body
    assert P4 in body


@pytest.mark.parametrize(
    "notice",
    [
        "This article is for subscribers only.",
        "This content is available only to members",
        "Artikel ini khusus pelanggan premium.",
        "［有料会員限定］ この記事は会員限定です。",
    ],
)
def test_paywall_notices_leave_the_body(notice: str) -> None:
    body = _body([P1, P2, P3, P4, notice])
    assert notice not in body


def test_video_player_source_label_leaves_the_body() -> None:
    chrome = ["- Source:", "CNN"]
    body = _body([P1, P2, *chrome, P3, P4])
    for line in chrome:
        assert line not in body.split("\n")
    assert all(p in body for p in (P1, P2, P3, P4))


@pytest.mark.parametrize("credit", ["Screenshot by Ann Example/Example Esports", "Screenshot via Twitter"])
def test_screenshot_credits_leave_the_body(credit: str) -> None:
    body = _body([P1, P2, credit, P3, P4])
    assert credit not in body
    assert all(p in body for p in (P1, P2, P3, P4))


def test_prose_that_names_keys_or_comments_stays() -> None:
    prose = [
        "The app opens with Ctrl+Alt+K, which clashes with the shortcut of the writer's own note-taking tool.",
        "Readers left more comments on the story than on any other this year, most of them about the price.",
    ]
    body = _body([P1, P2, *prose, P3, P4])
    for line in prose:
        assert line in body


def test_a_box_printed_again_inside_the_article_does_not_end_it() -> None:
    box = [
        "Most Popular",
        "Business",
        "The Cheapest Way to Heat a Small Flat This Winter",
        "Ann Example",
        "Science",
        "Why the Night Sky Is Getting Brighter Every Year",
        "Bob Example",
    ]
    caption = "Farmers burn rice straw near the city on November 4.Photograph: Cee Example/Example Images"
    p5 = (
        "Some villages have tried it already. They rent the machines together and sell the straw to a power "
        "plant, which burns it under filters, and their fields were green again within a week of the harvest."
    )
    p6 = (
        "The province says it will pay for more machines next year, but farmers doubt the money will arrive "
        "before the harvest, and many say they will burn again if the rains come late and the wheat cannot wait."
    )
    tail = [P1.replace("November", "December"), P2[:-1] + " again."]
    page = [P1, P2, *box, caption, P3, P4, *box, p5, p6, *tail]
    body = _body(page)
    for paragraph in (P1, P2, P3, P4, p5, p6):
        assert paragraph in body
    assert "Most Popular" not in body


MY_S1 = "ရန်ကုန်မြို့တွင် ယနေ့ မိုးသည်းထန်စွာ ရွာသွန်းခဲ့သဖြင့် လမ်းများ ရေလွှမ်းမိုးခဲ့သည်။"
MY_S2 = "မြို့တော်စည်ပင်သာယာရေးအဖွဲ့က ရေနုတ်မြောင်းများကို ရှင်းလင်းရန် ဝန်ထမ်းများ စေလွှတ်ခဲ့သည်။"
MY_S3 = "ကျောင်းများကို ယနေ့ ပိတ်ထားပြီး မနက်ဖြန် ပြန်ဖွင့်မည်ဟု ပညာရေးဝန်ကြီးဌာနက ပြောသည်။"


def test_burmese_paragraphs_are_paragraphs() -> None:
    paragraphs = [
        f"{MY_S1} {MY_S2}",
        f"{MY_S2} {MY_S3}",
        f"{MY_S3} {MY_S1}",
        f"{MY_S1} {MY_S3}",
    ]
    menu = ["ပင်မစာမျက်နှာ", "မြန်မာ့ရေးရာ", "နိုင်ငံတကာ", "အားကစား", "ဗီဒီယိုများ", "ဓာတ်ပုံများ"]
    more = ["ထိပ်တန်း သတင်းများ", "ကုန်သွယ်စီးပွား", "အသံဖိုင်များ", "ဘီဘီစီ လမ်းညွှန်", "ကွတ်ကီးစ်"]
    result = clean_lines("\n".join([*menu, "ရန်ကုန်တွင် မိုးကြီး", *paragraphs, *more, *menu]))
    assert result.paragraphs == paragraphs


def test_hindi_paragraphs_closed_by_a_danda_are_paragraphs() -> None:
    paragraphs = [
        "दिल्ली में आज भारी बारिश के कारण कई सड़कों पर पानी भर गया और यातायात धीमा रहा।",
        "नगर निगम ने कहा कि नालियों की सफाई के लिए अतिरिक्त कर्मचारी भेजे गए हैं।",
        "स्कूल आज बंद रहे और शिक्षा विभाग ने कहा कि वे कल फिर से खुलेंगे।",
    ]
    menu = ["होम", "देश", "विदेश", "खेल", "मनोरंजन", "वीडियो", "फोटो", "राज्य", "बिजनेस", "टेक"]
    result = clean_lines("\n".join([*menu, "दिल्ली में भारी बारिश", *paragraphs, *menu]))
    assert result.paragraphs == paragraphs


def test_an_opening_paragraph_over_a_subheading_stays() -> None:
    opening = (
        "The smoke arrives every November, and this year it came early. For two weeks the city's schools have "
        "been closed and flights cancelled, while the hospitals fill with children who cannot breathe."
    )
    page = [*MENU, HEADLINE, "Gear Guide", "64L", opening, "S", "Why the fields burn", P2, P3, P4, *FOOTER]
    body = "\n".join(clean_lines("\n".join(page)).paragraphs)
    assert opening in body
    assert P2 in body and P4 in body


def test_a_caption_under_its_credit_between_paragraphs_leaves_the_body() -> None:
    credit = "© Cee Example"
    caption = "Farmers burn rice straw near the city on November 4"
    body = _body([P1, P2, credit, caption, P3, P4])
    assert caption not in body and credit not in body
    assert all(p in body for p in (P1, P2, P3, P4))


def test_a_caption_placing_a_person_left_or_right_leaves_the_body() -> None:
    caption = "The province's governor (left) with farmers at a harvest fair in October"
    body = _body([P1, P2, caption, P3, P4])
    assert caption not in body
    assert all(p in body for p in (P1, P2, P3, P4))


@pytest.mark.parametrize(
    "photo",
    [
        [
            "Hak atas foto",
            "Ann Example",
            "Keterangan gambar",
            "Petani membakar jerami di dekat kota pada November",
        ],
        ["Автор фото", "Ann Example", "Подпись к фото", "Фермеры сжигают солому недалеко от города в ноябре"],
    ],
)
def test_translated_photo_markers_take_their_credit_and_caption_out(photo: list[str]) -> None:
    body = _body([P1, P2, *photo, P3, P4])
    for line in photo:
        assert line not in body
    assert all(p in body for p in (P1, P2, P3, P4))


@pytest.mark.parametrize("link", ["Advertise with The Daily Example", "Pasang iklan di sini", "ลงโฆษณากับเดลี่"])
def test_links_for_advertisers_leave_the_body(link: str) -> None:
    body = _body([P1, P2, link, P3, P4])
    assert link not in body
