"""The HTML path cleans the page's visible text first and asks the extractor only where that body is short
(`kabar.clean.lines.PAGE_TEXT_FIRST`, session 8). Made-up pages only."""

from __future__ import annotations

import pytest

from kabar.clean import clean, lines
from kabar.records import RawDocument

PARAGRAPHS = [
    "The city council voted on Tuesday to expand the night bus network to four new districts next year, ending a "
    "long campaign by residents.",
    "Officials said the plan would cost about 12 million dollars a year and would be paid for by a new levy on "
    "parking in the centre.",
    "Residents of the eastern districts have asked for later buses for years, the council's transport chair told "
    "reporters after the vote.",
    "The first new routes are expected to start running in March, after a public consultation that will open in "
    "January and last six weeks.",
    "Opposition members said the levy would hurt shops in the centre, but the motion passed by 31 votes to 12 after "
    "a three-hour debate.",
]
COMMENTS = [
    (
        "2 hours ago",
        "About time, the last bus leaves far too early for the people who work late shifts at night.",
    ),
    (
        "3 hours ago",
        "Who is going to pay for all this in the end? Not the council, that is for sure, it is all of us.",
    ),
    (
        "5 hours ago",
        "I have waited ten years for a bus after midnight in my street and will believe it when I see it.",
    ),
]
MENU = "".join(f'<li><a href="/{w}">{w}</a></li>' for w in ["Home", "News", "Sport", "Business", "Weather"])
# The comment thread sits in the same block as the article, so the extractor passes it on with the body.
PAGE = f"""<html><head><title>Night buses to reach four more districts | The Daily Courier</title></head><body>
<header><ul class="menu">{MENU}</ul></header>
<div class="main"><h1>Night buses to reach four more districts</h1>
{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}
<p>Comments</p>
{"".join(f"<p>{when}</p><p>{text}</p>" for when, text in COMMENTS)}
</div>
<footer><p>About us</p><p>Contact</p><p>Privacy policy</p><p>© 2026 The Daily Courier</p></footer></body></html>"""


def _body(page: str) -> str:
    return clean(RawDocument(source="made-up", kind="html", body=page), doc_id="x").text


def test_comment_thread_in_the_article_block_leaves_the_body() -> None:
    body = _body(PAGE)
    assert all(p in body for p in PARAGRAPHS)
    assert not any(text in body for _, text in COMMENTS)


def test_comment_thread_stays_with_the_switch_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lines, "PAGE_TEXT_FIRST", False)
    body = _body(PAGE)
    assert all(p in body for p in PARAGRAPHS)
    assert any(text in body for _, text in COMMENTS)


# A page of short blocks: a product page's feature blurbs, and one long sentence (the site's footer) that the text
# search takes for the body. The extractor, reading the markup, keeps the blurbs.
FEATURES = [
    "Designed to be redesigned",
    "Get to the tools you use most from one menu",
    "Themes",
    "Dress up your browser in one click",
    "Add-ons",
    "Compare prices and block ads",
]
FOOTER = (
    "This site is run by the Example Foundation, a non-profit organisation that makes software for everyone, and "
    "its content is available under a Creative Commons licence."
)
SHORT_PAGE_TEXT = "\n".join(
    [
        "Home",
        "Download",
        "Support",
        "",
        "Make the browser your own",
        "",
        *FEATURES,
        "",
        FOOTER,
        "",
        "Privacy",
        "Legal",
    ]
)


def test_short_page_body_far_from_the_extractors_output_gives_way_to_it() -> None:
    result = lines.clean_page_text(SHORT_PAGE_TEXT, lambda: "\n".join(FEATURES))
    assert result.paragraphs == FEATURES


def test_short_page_body_is_kept_without_the_share_check(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lines, "PAGE_SPAN_MIN_SHARE", 0.0)
    result = lines.clean_page_text(SHORT_PAGE_TEXT, lambda: "\n".join(FEATURES))
    assert result.paragraphs == [FOOTER]


def test_extractor_is_not_run_for_a_long_body(monkeypatch: pytest.MonkeyPatch) -> None:
    # (The made-up article has about 110 words; the bound is lowered under it.)
    monkeypatch.setattr(lines, "PAGE_BODY_CHECK_MAX_WORDS", 50)
    calls: list[int] = []

    def extract() -> str:
        calls.append(1)
        return ""

    page_text = "\n\n".join(["Home", "News", *PARAGRAPHS, "About us"])
    result = lines.clean_page_text(page_text, extract)
    assert result.paragraphs == PARAGRAPHS
    assert not calls


def test_extractor_is_asked_below_the_word_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lines, "PAGE_BODY_CHECK_MAX_WORDS", 10_000)
    calls: list[int] = []

    def extract() -> str:
        calls.append(1)
        return "\n".join(PARAGRAPHS)

    page_text = "\n\n".join(["Home", "News", *PARAGRAPHS, "About us"])
    assert lines.clean_page_text(page_text, extract).paragraphs == PARAGRAPHS
    assert calls


# A long stretch of short lines and no paragraph: what the text search found is no article (an archive list by
# month, a tag cloud), so the extractor is asked whatever the stretch's length.
ARCHIVE_PAGE_TEXT = "\n\n".join(
    f"{month} {year} archive of local council and city news {count} stories"
    for year in (2019, 2018, 2017)
    for count, month in enumerate(
        ["January", "February", "March", "April", "May", "June", "July", "August"], 11
    )
)


def _extractor_calls(page_text: str) -> int:
    calls: list[int] = []

    def extract() -> str:
        calls.append(1)
        return ""

    lines.clean_page_text(page_text, extract)
    return len(calls)


def test_extractor_is_asked_for_a_long_body_without_paragraphs() -> None:
    result = lines.classify_lines(ARCHIVE_PAGE_TEXT)
    words = sum(unit.words for unit in result.units if unit.reason is None)
    assert words >= lines.PAGE_BODY_CHECK_MAX_WORDS
    assert _extractor_calls(ARCHIVE_PAGE_TEXT) == 1


def test_long_body_without_paragraphs_is_not_checked_with_the_switch_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(lines, "PAGE_BODY_MIN_PROSE_SHARE", 0.0)
    assert _extractor_calls(ARCHIVE_PAGE_TEXT) == 0
