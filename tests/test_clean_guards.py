"""The cheap guards in front of costly searches (kabar.clean.rules, sessions 7 and 8) answer as the searches do.

Each guard skips the search where its pattern cannot match; these made-up lines, one or more for every branch of
each guarded pattern, must still reach it. A branch added to a pattern without its key fails here."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from kabar.clean import lines, rules

BRANCH_EXAMPLES: dict[str, tuple[re.Pattern[str], Callable[[str], bool], list[str]]] = {
    "caption credit": (
        rules.CAPTION_CREDIT_RE,
        rules.is_caption_credit,
        [
            "Warga antre di pasar. Foto: Budi Santoso",
            "Petugas memeriksa dokumen /kompas.id/",
            "/setkab.go.id/",
            "Pemain merayakan gol (ANTARA FOTO/Budi Santoso)",
            "Suasana sidang (Foto: Istimewa)",
            "A crowd gathers outside the hall. Getty Images",
            "Protesters march downtown.Jane Doe/AP file",
            "In this March 3, 2019, photo, a worker sorts parcels",
            "This undated photo shows the old bridge",
            "Petugas berjaga (Detik Foto/Andi Rahman)",
            "Ilustrasi kantor pajak",
            "John Smith, left, talks with Mary Jones",
            "The team (L-R) poses for a picture",
            "A stock image of a woman holding a phone",
            "Rapat kabinet TRIBUNNEWS.COM/Rahmat Hidayat",
        ],
    ),
    "copyright": (
        rules.COPYRIGHT_RE,
        rules.is_copyright,
        [
            "Dilarang mengutip tanpa izin",
            "Hak cipta PT Contoh Media",
            "Copyright 2020 Example News",
            "© 2021 Example News",
            "(c) 2019 Example",
            "Example Media Group. All rights reserved.",
            "Konten ini hak cipta dilindungi undang-undang",
            "This article may not be reproduced in any form",
            "Artikel ini telah tayang di Contoh.com dengan judul lain",
            # re.IGNORECASE matches the dotless "ı" to "i": the guard folds it so.
            "Copyrıght 2020 Example News",
        ],
    ),
    "credit phrase": (
        rules.CREDIT_PHRASE_RE,
        rules.is_credit_phrase,
        [
            "Photo by Jane Doe",
            "The old harbour in 1987. Illustration by John Roe",
            "Courtesy of Andrew Smith",
            "A nurse prepares the vaccineCredit: Example Agency",
            "Jane Doe Submitted photo",
            "Pictured: the new stadium",
        ],
    ),
    "typo widget": (
        rules.TYPO_WIDGET_RE,
        rules.is_typo_widget,
        [
            "Press Ctrl+Enter to report it",
            "Found a typo in this article?",
            "Нашли ошибку?",
            "Знайшли помилку?",
            "Kļūda rakstā?",
            "Menemukan salah ketik?",
            "Report a correction",
            "Laporkan kesalahan",
            "Select the text and press the button",
            "Выделите текст и нажмите",
            "Iezīmējiet tekstu un spiediet",
        ],
    ),
    "comment form": (
        rules.COMMENT_FORM_RE,
        rules.is_comment_form,
        [
            "Save my name, email, and website in this browser",
            "This site uses Akismet to reduce spam.",
            "Your email address will not be published.",
            "Required fields are marked *",
            "Alamat email Anda tidak akan dipublikasikan.",
            "Komentar Anda akan dimoderasi",
            "We moderate all comments before they appear",
        ],
    ),
    "legal notice": (
        rules.LEGAL_NOTICE_RE,
        rules.is_legal_notice,
        [
            "This material may not be redistributed.",
            "Use of this site constitutes acceptance of our terms.",
        ],
    ),
    "appeal": (
        rules.APPEAL_RE,
        rules.is_appeal,
        [
            "We bring you the news at no cost to you.",
            "We need your support to keep going.",
            "We rely on readers to support our journalism.",
        ],
    ),
    "paywall notice": (
        rules.PAYWALL_NOTICE_RE,
        rules.is_paywall_notice,
        [
            "This article is only for paid subscribers",
            "Artikel ini khusus pelanggan premium",
            "この記事は有料会員限定です",
            "【会員限定】",
        ],
    ),
    # Session 8's guards (rules: "Cheap guards for the searches of the caption, subscription and menu rules";
    # lines._is_glued_read_more).
    "via credit": (
        rules.VIA_CREDIT_RE,
        rules.is_via_credit,
        [
            "The new keyboard mechanism via iFixit",
            "A rover on the crater rim VIA NASA",
            "Old map via theGuardian",
        ],
    ),
    "source tail": (
        rules.SOURCE_TAIL_RE,
        rules.is_source_tail,
        [
            "A man walks past the border fence. (AP)",
            "Rescuers search the rubble. (Reuters).",
            "The first map of the moon (NASA/JPL-Caltech/ASU)",
        ],
    ),
    "closing credit": (
        rules.CLOSING_CREDIT_RE,
        rules.is_closing_credit,
        [
            "The module docks with the station. Credit: Example Agency",
            "The module docks with the station. Image credits: ESA",
            "Protesters rally in the square. Jane DOE / AFP",
        ],
    ),
    "subscription notice": (
        rules.SUBSCRIPTION_NOTICE_RE,
        rules.is_subscription_notice,
        [
            "Please check your inbox to confirm your subscription.",
            "Thanks for subscribing!",
            "Thank you for subscribing to our newsletter",
            "Terima kasih telah berlangganan",
            "Cek email untuk konfirmasi langganan Anda",
        ],
    ),
    "caption toggle": (
        rules.CAPTION_TOGGLE_RE,
        rules.is_caption_toggle,
        ["Workers repair the bridge. more", "Workers repair the bridge... less", "The mayor speaks.” more"],
    ),
    "pipe list": (
        rules.PIPE_LIST_RE,
        rules.is_pipe_list,
        ["Home | News | Sport", "Privacy Policy | Terms of Use"],
    ),
    "glued read more": (
        lines._GLUED_READ_MORE_RE,
        lines._is_glued_read_more,
        [
            "The market opened with sights, sounds,… Read more",
            "The market opened with sights... Continue reading »",
            "Harga cabai naik lagi... Baca selengkapnya",
            "Os preços subiram… Leia mais",
            "Les prix ont augmenté... Lire la suite",
            "Die Preise stiegen... Weiterlesen",
            "Los precios subieron… Leer más",
            "I prezzi sono saliti... Leggi tutto",
        ],
    ),
}

# Lines none of the patterns match, and lines that carry a key without a match: the guards must say no as well.
PROSE = [
    "Pemerintah menaikkan harga bahan bakar minyak mulai pekan depan, kata menteri.",
    "The council voted on Tuesday to build a new school in the northern district.",
    "Ia mengatakan: pembangunan jembatan selesai tahun depan (sesuai rencana).",
    "This is the photo that started it all, she said.",
    "In the end, the support of voters decided the race.",
    "He travelled via Jakarta (to Bandung) and read more than he slept | she said.",
    "Pemerintah menaikkan harga bahan bakar minyak (BBM) mulai pekan depan, kata menteri.",
    "Please confirm your booking online, the credit card company said.",
    "Want to hear more",
]


@pytest.mark.parametrize("name", sorted(BRANCH_EXAMPLES))
def test_each_branch_passes_its_guard(name: str) -> None:
    pattern, guarded, examples = BRANCH_EXAMPLES[name]
    for text in examples:
        assert pattern.search(text) is not None, text
        assert guarded(text), text


@pytest.mark.parametrize("name", sorted(BRANCH_EXAMPLES))
def test_guard_answers_as_the_search_on_prose(name: str) -> None:
    pattern, guarded, _ = BRANCH_EXAMPLES[name]
    for text in PROSE:
        assert guarded(text) == (pattern.search(text) is not None), text


def test_guard_text_folds_what_ignorecase_matches() -> None:
    # "İ" lowers to "i" and a combining dot; the dotless "ı", the long "ſ" and the old Cyrillic letter forms match
    # their plain letters under re.IGNORECASE.
    assert rules.guard_text("İNFO ıſ \u1c80") == "info is в"


def test_nav_key_as_before() -> None:
    # The menu key `_apply_rules` now builds only for the lines that reach the menu test.
    assert lines._nav_key("  HOME » News -- Politik & Hukum ") == "home news politik & hukum"
