"""Metadata from browser-faithful text copies (session 8): a page's inline meta items (author, date, comment link,
categories; kicker and headline) rendered on one line."""

from __future__ import annotations

import pytest

from kabar.clean import dates, meta
from kabar.clean.lines import clean_lines
from kabar.clean.meta import parse_dated_names

MENU = "\n".join(["Início", "Sobre", "Receitas", "Contato", "Busca"])
BODY = "\n\n".join(
    [
        "Neste fim de semana a horta comunitária do bairro abriu as portas para as famílias da vizinhança.",
        "As crianças plantaram mudas de alface e couve, e cada família levou para casa um vaso com temperos.",
        "A próxima oficina será no mês que vem, com uma aula sobre compostagem para quem mora em apartamento.",
    ]
)


def _post(meta_line: str) -> str:
    return "\n\n".join([MENU, "Uma tarde de plantio na horta do bairro", meta_line, BODY])


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Maria Souza 14/03/2021 Comente! Jardinagem, Família e Crianças", "2021-03-14"),
        ("Maria Souza 14/03/2021 3 comentários Jardinagem, Família e Crianças", "2021-03-14"),
        ("March 14, 2021 Leave a comment", "2021-03-14"),
        ("Budi Santoso 14/03/2021 0 Komentar", "2021-03-14"),
    ],
)
def test_meta_line_with_a_comment_link_is_read(line: str, day: str) -> None:
    found = parse_dated_names(line)
    assert found is not None
    assert found[0][0].iso == day


def test_meta_line_with_a_comment_link_dates_the_post(monkeypatch: pytest.MonkeyPatch) -> None:
    line = "Maria Souza 14/03/2021 3 comentários Jardinagem Doméstica, Alimentação Saudável, Sustentabilidade"
    result = clean_lines(_post(line))
    assert result.published == "2021-03-14"
    assert result.title == "Uma tarde de plantio na horta do bairro"
    assert result.line_is_body.count(True) == 3
    monkeypatch.setattr(meta, "COMMENT_LINKS_IN_META", False)
    assert clean_lines(_post(line)).published is None


def test_long_meta_line_with_categories_is_still_a_meta_line(monkeypatch: pytest.MonkeyPatch) -> None:
    # 97 characters: the categories make a one-line meta item longer than the former 90-character cap.
    line = "Maria Souza 14/03/2021 3 comentários Jardinagem Doméstica, Alimentação Saudável, Sustentabilidade"
    assert len(line) > 90
    assert parse_dated_names(line) is not None
    monkeypatch.setattr(dates, "META_LINE_MAX_CHARS", 90)
    assert parse_dated_names(line) is None


SHARE_BODY = "\n\n".join(
    [
        "The city council approved a plan on Tuesday to add three new bus lines to the northern districts.",
        "Riders in the northern districts have waited years for the bus lines, the council members said.",
        "The first of the three bus lines will open in the spring, and the other two before the end of next year.",
    ]
)


def _share_box_page() -> str:
    return "\n\n".join(
        [
            MENU,
            "Council approves three new bus lines for the north",
            "New, 6 comments",
            "By Jane Doe Nov 18, 2019, 11:47am EST",
            "Share this story",
            "Share All sharing options for: Council approves three new bus lines for the north",
            "Reddit",
            "Pocket",
            "Photo by John Roe",
            "Northern districts bus lines map",
            SHARE_BODY,
        ]
    )


def test_headline_behind_a_share_box_label_counts_as_repeated(monkeypatch: pytest.MonkeyPatch) -> None:
    assert meta.repeats_headline("Share All sharing options for: Bus lines open", "Bus lines open")
    assert not meta.repeats_headline("BLOG > Transport > Bus lines open", "Bus lines open")
    assert clean_lines(_share_box_page()).title == "Council approves three new bus lines for the north"
    monkeypatch.setattr(meta, "REPEAT_AFTER_LABEL", False)
    assert clean_lines(_share_box_page()).title == "Northern districts bus lines map"


def _stats_page() -> str:
    rows = {
        "Forwards": [
            "FW Adam Smith 63 85% 2 goals, 1 assist.",
            "FW Ben Jones 57 77% 1 goal, 3 shots on target.",
        ],
        "Midfield": [
            "MF Carl Brown 60 81% 1 assist, 40 passes.",
            "MF Dan White 49 66% 2 tackles, 35 passes.",
        ],
        "Defence": ["DF Ed Green 70 95% 4 tackles, 2 blocks.", "DF Fred Black 68 92% 3 tackles, 1 block."],
    }
    tables = []
    for group, lines in rows.items():
        tables += [group, "Pos Player Minutes % Stats", *lines]
    return "\n".join(
        [
            MENU,
            "Filed under:",
            "United minutes, stats and notes: Week 11",
            "New, 6 comments",
            "By Jane Doe Nov 18, 2019, 11:47am EST",
            "Share this story",
            "Share this on Facebook",
            "Share this on Twitter",
            "Reddit",
            "Pocket",
            "Flipboard",
            "Email",
            "Photo by John Roe/Getty Images",
            "Below, we look at the minutes and the stats of every United player in the win on Saturday.",
            *tables,
            "Each player above kept his minutes up, and the stats show how well the whole squad played.",
        ]
    )


def test_table_head_printed_over_each_table_is_no_headline(monkeypatch: pytest.MonkeyPatch) -> None:
    from kabar.clean import lines

    assert clean_lines(_stats_page()).title == "United minutes, stats and notes: Week 11"
    monkeypatch.setattr(lines, "BODY_HEADING_IS_NO_HEADLINE", False)
    assert clean_lines(_stats_page()).title == "Pos Player Minutes % Stats"


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Nov 15, 20195:45 AM", "2019-11-15"),
        ("Rabu, 14 Sep 202310:15 WIB", "2023-09-14T10:15:00+07:00"),
        ("Published Tue, Nov 19 20197:05 AM EST", "2019-11-19T07:05:00-05:00"),
    ],
)
def test_year_glued_to_its_time_is_read(line: str, iso: str) -> None:
    found = dates.find_dates(line)
    assert [item.iso for item in found] == [iso]


def test_a_number_after_a_year_is_no_time() -> None:
    assert dates.find_dates("Nov 15, 20191") == []


def _sourced_page() -> str:
    return "\n\n".join(
        [
            MENU,
            "Ministry says the northern bus lines will open in spring",
            "November 18, 2019",
            "Share",
            "“The northern bus lines will open in the spring, as the council decided,” the ministry said.",
            "Source: Transport Ministry, October 25, 2019",
            SHARE_BODY,
        ]
    )


def test_a_source_field_date_does_not_date_the_article(monkeypatch: pytest.MonkeyPatch) -> None:
    assert meta.is_side_date_field("Air Date: November 19, 2019")
    assert not meta.is_side_date_field("Published: November 19, 2019")
    assert not meta.is_side_date_field("Last Updated : Nov 20, 2019 01:41 PM IST | Source: Moneycontrol.com")
    assert clean_lines(_sourced_page()).published == "2019-11-18"
    monkeypatch.setattr(meta, "SIDE_DATE_FIELDS", False)
    assert clean_lines(_sourced_page()).published == "2019-10-25"


def _dek_page() -> str:
    return "\n\n".join(
        [
            MENU,
            "Facebook",
            "Council approves three new bus lines",
            "Riders in the northern districts have waited years for the new bus lines, and the first opens in spring",
            "By Jane Doe",
            "November 18, 2019",
            SHARE_BODY,
        ]
    )


def test_dek_under_its_headline_is_no_headline(monkeypatch: pytest.MonkeyPatch) -> None:
    from kabar.clean import lines

    assert clean_lines(_dek_page()).title == "Council approves three new bus lines"
    monkeypatch.setattr(lines, "DEK_IS_NO_HEADLINE", False)
    assert clean_lines(_dek_page()).title.startswith("Riders in the northern districts")


def _two_sentence_headline_page() -> str:
    return "\n\n".join(
        [
            "You are on an old browser. For the best experience, please update to a modern browser.",
            "CHROME SAFARI FIREFOX",
            "Subscribe",
            "Bus Fares Are Going Up Next Year. Why Riders Should Not Worry.",
            "By",
            "Jane Doe",
            "Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET",
            SHARE_BODY,
        ]
    )


def test_signed_title_case_sentences_are_a_headline(monkeypatch: pytest.MonkeyPatch) -> None:
    from kabar.clean import lines

    title = "Bus Fares Are Going Up Next Year. Why Riders Should Not Worry."
    assert clean_lines(_two_sentence_headline_page()).title == title
    monkeypatch.setattr(lines, "TITLE_CASE_SENTENCES", False)
    assert clean_lines(_two_sentence_headline_page()).title != title


def _related_box_page() -> str:
    return "\n\n".join(
        [
            MENU,
            "Council approves three new bus lines",
            "By Jane Doe",
            "November 18, 2019",
            "More On:",
            "buses",
            "Northern districts bus lines will open in the spring after years of waiting",
            "City tram network to get new stops",
            SHARE_BODY,
        ]
    )


def test_links_under_a_related_header_and_its_tag_are_no_headline(monkeypatch: pytest.MonkeyPatch) -> None:
    from kabar.clean import lines

    assert clean_lines(_related_box_page()).title == "Council approves three new bus lines"
    monkeypatch.setattr(lines, "RELATED_BOX_IS_NO_HEADLINE", False)
    assert clean_lines(_related_box_page()).title != "Council approves three new bus lines"


def test_caption_with_a_bracketed_file_credit_is_no_headline() -> None:
    from kabar.clean import rules

    caption = "Buses wait at the northern depot, which opened 18 years ago [File: Reuters]"
    assert rules.is_caption_credit(caption)
    assert rules.is_caption_credit("Riders at the new northern stop (File photo)")
    page = "\n\n".join(
        [
            MENU,
            "Council approves three new bus lines",
            "The council says the first line opens in spring while riders ask for more.",
            "18 Nov 2019 08:00 GMT",
            caption,
            SHARE_BODY,
        ]
    )
    assert clean_lines(page).title == "Council approves three new bus lines"


def _video_page() -> str:
    return "\n\n".join(
        [
            MENU,
            "Council approves three new bus lines",
            "By Jane Doe",
            "Updated 0339 GMT November 19, 2019",
            "Facebook",
            "Twitter",
            "Email",
            "Chat with us in Facebook Messenger. Find out what's happening in the world as it unfolds.",
            "JUST WATCHED",
            "Mayor says the northern districts get three new bus lines in the spring",
            "Replay",
            SHARE_BODY,
        ]
    )


def test_clip_title_under_a_video_label_is_no_headline(monkeypatch: pytest.MonkeyPatch) -> None:
    from kabar.clean import lines

    assert clean_lines(_video_page()).title == "Council approves three new bus lines"
    monkeypatch.setattr(lines, "VIDEO_TITLE_IS_NO_HEADLINE", False)
    assert (
        clean_lines(_video_page()).title
        == "Mayor says the northern districts get three new bus lines in the spring"
    )


def test_time_before_a_numeric_date_is_read() -> None:
    found = dates.find_dates("5:45 AM PST 11/19/2019 by Patrick Doe")
    assert [item.iso for item in found] == ["2019-11-19T05:45:00-08:00"]
    assert [item.iso for item in dates.find_dates("10:15 WIB, 14/09/2023")] == ["2023-09-14T10:15:00+07:00"]
