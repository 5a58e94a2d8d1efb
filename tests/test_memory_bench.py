"""The simulated siblings of bench/clean/memory_bench.py carry a page's frame and not its article."""

from __future__ import annotations

from bench.clean.memory_bench import build_siblings, donor_stream, donor_titles, run
from bench.clean.text_bench import LabelledScrape

NAV = ["Home", "Politik", "Ekonomi", "Olahraga"]
FOOTER = ["Simak berita lainnya di Google News", "Copyright 2026 Contoh Media. All rights reserved."]
# A sentence-like promotion between the paragraphs that no rule names: only repetition shows it is the site's.
PROMO = "Nikmati diskon ongkos kirim untuk semua pembaca setia kami akhir pekan ini."
FRAME = [*NAV, PROMO, *FOOTER]


def _page(page_id: str, title: str, body: list[str]) -> LabelledScrape:
    lines = [*NAV, title, body[0], PROMO, *body[1:], *FOOTER]
    labels = [False] * (len(NAV) + 1) + [True, False] + [True] * (len(body) - 1) + [False] * len(FOOTER)
    return LabelledScrape(
        id=page_id, subset="test", text="\n\n".join(lines) + "\n", labels=labels, lines=lines, title=title
    )


def _pages() -> list[LabelledScrape]:
    # Pages differ in words, not only in digits: the memory compares lines with their digits folded to 0.
    places = ["Bandung", "Medan", "Surabaya", "Makassar", "Padang", "Kupang", "Jayapura", "Ambon"]
    pages = []
    for n, place in enumerate(places):
        body = [
            f"Banjir merendam ratusan rumah warga di {place} sejak Senin malam, kata petugas setempat.",
            f"Pemerintah daerah {place} mengirim bantuan pangan dan membuka posko pengungsian.",
        ]
        pages.append(_page(f"p{n}", f"Banjir besar melanda {place}", body))
    return pages


def test_siblings_carry_the_frame_and_not_the_body() -> None:
    pages = _pages()
    page = pages[0]
    body = {line for line, is_body in zip(page.lines, page.labels, strict=True) if is_body}
    donors = donor_stream(page, pages)
    assert not body & set(donors)
    siblings = build_siblings(page, donors, 3, "full")
    assert len(siblings) == 3
    for sibling in siblings:
        assert len(sibling) == len(page.lines)
        assert [line for line in sibling if line in FRAME] == FRAME
        assert page.title in sibling
        assert not body & set(sibling)
    # Siblings share no body line with each other: their bodies are other articles, not one repeated donor.
    donor_lines = [set(sibling) - set(page.lines) for sibling in siblings]
    assert all(len(lines) == 2 for lines in donor_lines)
    assert not donor_lines[0] & donor_lines[1] and not donor_lines[1] & donor_lines[2]
    # The same seed builds the same siblings.
    assert build_siblings(page, donor_stream(page, pages), 3, "full") == siblings


def test_partial_and_own_title_siblings() -> None:
    pages = _pages()
    page = pages[0]
    donors = donor_stream(page, pages)
    partial = build_siblings(page, donors, 5, "partial")
    kept = [sum(line in FRAME for line in sibling) for sibling in partial]
    assert all(0 <= n <= len(FRAME) for n in kept) and len(set(kept)) > 1
    own = build_siblings(page, donors, 3, "own-title", titles=donor_titles(page, pages))
    assert all(page.title not in sibling for sibling in own)
    assert len({sibling[len(NAV)] for sibling in own}) == 3


def test_memory_learns_the_simulated_frame() -> None:
    """Alone, the page keeps the promotion (no rule names it); after three siblings the memory takes it, and no
    body line (the siblings carry other bodies). Two siblings are not enough (MIN_DOCUMENTS_SHORT)."""
    pages = _pages()
    rows, _ = run([pages[0]], pages, "full", (0, 2, 3))
    alone, two, three = rows[0].counts["test"], rows[2].counts["test"], rows[3].counts["test"]
    assert alone.fp == 1 and rows[0].by_memory == 0
    assert (two.tp, two.fp, two.fn) == (alone.tp, alone.fp, alone.fn)
    assert three.fp == 0 and three.fn == 0 and three.tp == alone.tp
    assert rows[3].by_memory >= 1 and rows[3].chrome_removed == 1
    assert not rows[3].by_memory_body and rows[3].body_lost == 0
