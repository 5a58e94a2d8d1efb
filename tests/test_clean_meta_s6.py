"""Metadata from text scrapes (session 6): publication day from date-and-author lines, headline choice."""

from __future__ import annotations

from kabar.clean.lines import clean_lines

MENU = "\n".join(["Home", "About", "Research", "Blog", "Contact Us", "Donate"])
BODY = "\n\n".join(
    [
        "Our goal with hosting quarterly open threads is to give blog readers an opportunity to raise comments.",
        "We plan to keep hosting these threads as long as readers find them useful, and we read every one of them.",
        "The next open thread will follow in three months, and the comments on this one stay open until then.",
    ]
)
COMMENTS = "\n\n".join(
    [
        "Comments",
        "Milan Griffes on September 12, 2018 at 4:47 pm said:",
        "Any update on how the follow-up paper will affect the recommendation of the charity this year?",
    ]
)


def test_meta_line_under_an_empty_next_post_bar_dates_the_post() -> None:
    # "Previous Post / Next Post" links with no teaser under them, then the post's own date-and-author line: the
    # line is the post's meta line, not the next post's teaser, and dates the article.
    scrape = "\n\n".join(
        [
            MENU,
            "The GiveWell Blog",
            "September 2018 open thread",
            "Previous Post",
            "Next Post",
            "September 10, 2018 | by Catherine",
            BODY,
            COMMENTS,
        ]
    )
    result = clean_lines(scrape)
    assert result.published == "2018-09-10"
    assert result.authors == ["Catherine"]
    assert not any("Catherine" in paragraph for paragraph in result.paragraphs)
