"""The headline label of the aeb scrape set (bench/clean/build_scrapes.py): a site's name set as <h1> is not the
headline."""

from __future__ import annotations

from bench.clean.build_scrapes import headline_label

LINES = ["India Post", "Home", "With shattered dreams, deportees return home", "More than 300 were deported."]


def test_the_single_h1_is_the_headline() -> None:
    h1 = ["With shattered dreams, deportees return home"]
    assert headline_label(h1, LINES, "India Post", "Deportees | India Post") == h1[0]


def test_an_h1_that_is_the_site_name_yields_to_the_title_s_article_part() -> None:
    title = "With shattered dreams, deportees return home | India Post"
    assert headline_label(["India Post"], LINES, "India Post", title) == LINES[2]


def test_unknown_where_the_title_s_article_part_is_not_printed() -> None:
    assert headline_label(["India Post"], LINES, "india post", "Another headline - India Post") is None
    assert headline_label(["Not printed"], LINES, None, None) is None
