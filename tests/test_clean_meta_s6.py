"""Metadata from text scrapes (session 6): publication day from date-and-author lines, headline choice."""

from __future__ import annotations

from kabar.clean.lines import clean_lines
from kabar.clean.meta import Byline, parse_bylines, parse_dated_names

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


def _article(meta_line: str) -> str:
    return "\n\n".join([MENU, "South Korea's roadmap to drive down solar costs", meta_line, BODY, COMMENTS])


def test_date_then_name_line_dates_and_signs_the_post() -> None:
    result = clean_lines(_article("November 20, 2019 Emiliano Bellini"))
    assert result.published == "2019-11-20"
    assert result.authors == ["Emiliano Bellini"]
    assert result.line_is_body.count(True) == 3  # the meta line is not a body line


def test_name_then_date_and_time_line_dates_the_post() -> None:
    result = clean_lines(_article("Brent Co November 20, 2019 12:32"))
    assert result.published == "2019-11-20"
    assert result.authors == ["Brent Co"]
    indonesian = clean_lines(_article("Selasa, 12 Sep 2023 10:15 WIB Ahmad Fauzi"))
    assert indonesian.published == "2023-09-12T10:15:00+07:00"
    assert indonesian.authors == ["Ahmad Fauzi"]


def test_date_name_and_categories_dates_the_post_but_names_nobody() -> None:
    # The categories after the name cannot be told from a longer name: the line dates the post, the author stays
    # unknown.
    result = clean_lines(_article("21/06/2014 Tony Carter All, Books, Kit Reviews, News"))
    assert result.published == "2014-06-21"
    assert result.authors == []
    assert result.line_is_body.count(True) == 3


def test_embedded_post_signature_is_body_and_no_byline() -> None:
    # "— Name (@handle) date" closes a quoted tweet inside the article: it stays in the body and dates nothing.
    signature = "— Governor Kristi Noem (@govkristinoem) November 18, 2019"
    scrape = "\n\n".join(
        [MENU, "South Dakota doubles down on its meth campaign", BODY, signature, BODY, COMMENTS]
    )
    result = clean_lines(scrape)
    assert signature in result.paragraphs
    assert result.published is None
    assert result.authors == []


def test_date_before_the_credit_and_date_after_a_name_in_indonesian_bylines() -> None:
    result = clean_lines(_article("Rabu, 13 September 2023 10:15 WIB | Penulis: Ahmad Fauzi"))
    assert result.published == "2023-09-13T10:15:00+07:00"
    assert result.authors == ["Ahmad Fauzi"]
    assert parse_bylines("Oleh Ahmad Fauzi - 14/09/2023") == [Byline("oleh", "Ahmad Fauzi")]


def test_comma_before_the_next_labelled_role_separates_credits() -> None:
    result = clean_lines(
        _article("Reporter: Budi Santoso, Editor: Ani Lestari | 14 September 2023 21:31 WIB")
    )
    assert result.authors == ["Budi Santoso"]
    assert result.editors == ["Ani Lestari"]
    assert result.published == "2023-09-14T21:31:00+07:00"
    # Commas between names stay inside one credit.
    assert parse_bylines("By Jane Doe, John Roe and Ann Poe") == [
        Byline("by", "Jane Doe, John Roe and Ann Poe")
    ]


def test_dates_of_a_list_of_other_stories_do_not_date_the_article() -> None:
    # The article's meta line, then "MORE STORIES LIKE THIS ONE" (headline, date, headline, date, ...) between it
    # and the body: the list's dates are nearer the body but date other stories.
    teasers = [
        line
        for headline, day in [
            ("2017 Lexus LC500 coupe arrives in the Philippines", "May 15, 2017"),
            ("NAIAS 2016: All-new Lexus LC500 makes world premiere", "January 12, 2016"),
            ("First Impressions: 2013 Lexus IS 350, IS 350 F Sport", "June 18, 2013"),
            ("This topless Hyundai Santa Fe is the strangest thing you'll see", "September 12, 2018"),
        ]
        for line in ("AUTO NEWS", headline, day)
    ]
    scrape = "\n\n".join(
        [
            MENU,
            "Lexus wants you to go topless with 2020 LC500 Convertible",
            "Brent Co November 20, 2019 12:32",
            "MORE STORIES LIKE THIS ONE",
            *teasers,
            BODY,
        ]
    )
    assert clean_lines(scrape).published == "2019-11-20"
    # With nothing else to go by, the list's dates still stand (unknown would be no better founded).
    alone = "\n\n".join([MENU, "Lexus wants you to go topless with 2020 LC500 Convertible", *teasers, BODY])
    assert clean_lines(alone).published == "2018-09-12"


def test_two_word_headline_over_the_post_date_is_the_headline() -> None:
    menu = "\n".join(["Join Private Club", "Dare to Play 3", "Register", "Log In", "Blog"])
    signed = "\n\n".join([menu, "About bugs", "August 13, 2018", "Leave a comment", BODY])
    assert clean_lines(signed).title == "About bugs"
    # Without the date under it a two-word line is a menu entry or a section name, never the headline.
    unsigned = "\n\n".join([menu, "About bugs", "Leave a comment", BODY])
    assert clean_lines(unsigned).title != "About bugs"


def test_labelled_field_beside_a_date_names_nobody() -> None:
    result = clean_lines(_article("Air Date: November 19, 2019"))
    assert result.authors == []
    assert parse_dated_names("Air Date: November 19, 2019") is not None
    assert parse_dated_names("Air Date: November 19, 2019")[1] == []  # type: ignore[index]


def test_next_post_teaser_keeps_its_own_date_and_author_line() -> None:
    # Under "Next Post" the teaser's headline comes first; its date-and-author line belongs to the teaser and does
    # not date this article.
    scrape = "\n\n".join(
        [
            MENU,
            "Lexus wants you to go topless with 2020 LC500 Convertible",
            BODY,
            "Next Post",
            "2020 Mini JCW GP is a 300HP monster hatch",
            "Marcus De Guzman 2019-11-20 17:27:46",
            "Tags: lexus, convertible",
        ]
    )
    result = clean_lines(scrape)
    assert result.published is None
    assert result.authors == []


def test_place_before_its_date_is_no_author() -> None:
    # "Place, date" is how a dateline or a letter is signed: it dates the text, the author stays unknown.
    result = clean_lines(_article("Jakarta Selatan, 14 September 2023"))
    assert result.authors == []
    assert result.published == "2023-09-14"
    assert parse_dated_names("Bandung Barat, Rabu (13/9/2023)")[1] == []  # type: ignore[index]
