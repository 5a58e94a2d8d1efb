"""Session 8 speed work gives the same answers as before.

`visible_text` folds the source's whitespace in one pass over the joined text (or, where a piece is preformatted or
the page holds the break marker, piece by piece as before); the expected strings are what the per-piece rendering
gave for these made-up pages."""

from __future__ import annotations

import pytest

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
