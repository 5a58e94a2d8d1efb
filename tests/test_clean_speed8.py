"""Session 8 speed work gives the same answers as before.

`visible_text` folds the source's whitespace in one pass over the joined text (or, where a piece is preformatted or
the page holds the break marker, piece by piece as before); the expected strings are what the per-piece rendering
gave for these made-up pages."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kabar.clean import dates, lines, rules
from kabar.clean.html import visible_text

RENDERED = [
    (
        "<div><p>Kata  pertama\n   dan <b>kedua</b>\t kalimat.</p>\n<p> Paragraf\r\n dua </p></div>",
        "Kata pertama dan kedua kalimat.\n\nParagraf dua",
    ),
    # Preformatted text keeps its breaks (the exact rendering).
    ("<div>Menu<pre>kode  a\n\n\tb</pre><p>Lanjut</p></div>", "Menu\n\nkode a\n\nb\n\nLanjut"),
    ("<form>Komentar<textarea>  tulis\n di sini </textarea>Kirim</form>", "Komentar tulis\ndi sini Kirim"),
    # The page's own text holds the break marker: it stays text.
    ("<p>tanda \ue000 di teks</p><p>dua</p>", "tanda \ue000 di teks\n\ndua"),
    (
        "<table><tr><td> a </td><td>b\n</td></tr></table>"
        "<div>a<!-- c --> b<span style='display: none'>x</span>c<i hidden>h</i>d</div>",
        "a b\n\na bcd",
    ),
    (
        "<p>\xa0 \u200b a\u2003 \x0c b</p><div>x<br>y<br/>\n<br> z</div><script>s()</script>ekor",
        "a b\n\nx\ny\n\nz\nekor",
    ),
]


@pytest.mark.parametrize(("page", "expected"), RENDERED)
def test_visible_text_as_the_per_piece_rendering(page: str, expected: str) -> None:
    assert visible_text(page) == expected


# TRUNCATED_RE's guard (`rules.is_truncated`): one example for each branch, with and without trailing whitespace,
# and lines that end otherwise or carry the signs elsewhere.
TRUNCATED = [
    "Baca selengkapnya...",
    "Read the full story…",
    "Potongan berita [...]",
    "Potongan berita [ … ]",
    "Potongan berita (...)",
    "Potongan berita ( … ) \t",
    "Read more...\n",
    "Teks terpotong…\u00a0",
]
NOT_TRUNCATED = [
    "Ia berkata... lalu pergi.",
    "Harga naik (lihat tabel).",
    "Skor akhir [3-1]",
    "",
    "Kalimat biasa tanpa elipsis",
]


@pytest.mark.parametrize("text", TRUNCATED + NOT_TRUNCATED)
def test_truncated_guard_answers_as_the_search(text: str) -> None:
    assert rules.is_truncated(text) == (rules.TRUNCATED_RE.search(text) is not None)
    assert rules.is_truncated(text) == (text in TRUNCATED)


def test_body_like_cache_starts_afresh_on_a_replaced_text() -> None:
    # `dataclasses.replace` builds a new unit: the cached answers of the old text must not travel with it.
    unit = lines.Unit(
        "Pemerintah menaikkan harga bahan bakar minyak mulai pekan depan, kata menteri.", [0], True
    )
    assert lines._is_body_like(unit)
    cut = replace(unit, text="Pemerintah menaikkan harga bahan bakar minyak mulai pekan depan, kata...")
    assert not lines._is_body_like(cut)
    assert lines._is_body_like(unit)


@pytest.mark.parametrize(
    ("text", "shouted"),
    [
        ("POLICE SAY THE MAN FLED THE SCENE BEFORE OFFICERS ARRIVED", True),
        ("Police say the man fled the scene before officers arrived", False),
        ("ПОЛИЦИЯ ГОВОРИТ ЧТО МУЖЧИНА СКРЫЛСЯ ДО ПРИЕЗДА ОФИЦЕРОВ НА МЕСТО", True),
        ("Полиция говорит что мужчина скрылся до приезда офицеров на место", False),
    ],
)
def test_shouted_link_counts_cased_letters_in_any_script(text: str, shouted: bool) -> None:
    assert lines._is_shouted_link(lines.Unit(text, [0], True)) is shouted


def test_dates_and_rest_hands_out_lists_of_their_own() -> None:
    # The answer is cached per line (session 8 speed): a caller changing its list must not change the next answer.
    first = dates.dates_and_rest("Kamis, 14/09/2023 10:15 WIB")
    assert first is not None
    first[0].clear()
    again = dates.dates_and_rest("Kamis, 14/09/2023 10:15 WIB")
    assert again is not None and len(again[0]) == 1
