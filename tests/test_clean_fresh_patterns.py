"""Whole-page scrapes, session 8 rules from pages unlike the labelled aeb set (the fresh-dev pages and Readability's
test pages): code blocks inside tech articles, news tickers under the article, footers whose links the copy
joined with separators, rankings of the most read stories (kabar.clean.lines)."""

from __future__ import annotations

import pytest
from tests.made_up_page import P1, P2, P3, P4, P5
from tests.made_up_page import body_of as _body

from kabar.clean import lines

CODE = [
    "// counter.js",
    "function Counter(start) {",
    "this.value = start || 0;",
    "}",
    "Counter.prototype.add = function(step) {",
    "this.value += step;",
    "return this;",
    "};",
]
HTML = [
    "<!DOCTYPE html>",
    "<html>",
    "<head>",
    '<script src="counter.js"></script>',
    "</head>",
    "</html>",
]


@pytest.fixture
def no_code_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lines, "CODE_BLOCKS_ANNOUNCED", False)


def _code_page() -> list[str]:
    return [
        P1,
        "Here is the whole counter, a constructor and one method:",
        *CODE,
        "And the page that loads it:",
        *HTML,
        "Notes:",
        P2,
        P3,
        P4,
    ]


def test_announced_code_blocks_stay_in_the_body() -> None:
    body = _body(_code_page())
    for line in [P1, *CODE, *HTML, P2, P4]:
        assert line in body
    # The closing brackets are code lines here, not layout labels.
    assert "\n}\n" in body and "\n};\n" in body


def test_without_the_rule_the_code_cuts_the_article(no_code_blocks: None) -> None:
    body = _body(_code_page())
    assert P1 not in body or "};" not in body


def test_code_block_right_under_a_paragraph() -> None:
    block = ["fetch(url).then(function(res) {", "if (res.ok) {", "console.log(res.status);", "}", "});"]
    body = _body([P1, P2, *block, P3, P4])
    for line in block:
        assert line in body


def test_a_short_run_under_a_paragraph_is_no_block() -> None:
    # Two bracket lines under a paragraph are layout, not code: the rule needs an announcement or four lines.
    body = _body([P1, P2, "}", "]", P3, P4])
    assert "\n}\n" not in body and "\n]\n" not in body


def test_a_list_of_rules_ending_with_semicolons_is_no_code() -> None:
    rules_list = [
        "contains insults or threats to other readers or to specific organisations;",
        "promotes products or services of third parties (without permission);",
        "violates the privacy of others, including their correspondence;",
    ]
    assert not any(lines._is_code_line(lines.Unit(text, [0], False)) for text in rules_list)


TICKER = [
    "Latest",
    "14:44 Council approves the new bus lanes after a long night of debate",
    "14:32 Storm warning lifted for the coast",
    "14:10",
    "Weather.",
    "The storm that closed the coastal road on Monday has moved out to sea, the weather service said, and the "
    "road will reopen in the afternoon once crews have cleared the fallen trees and checked the bridges.",
    "13:54 Ministers meet union leaders over pay",
    "13:43 Two arrested after the museum break-in",
    "13:18 Prices rose again in March, figures show",
    "13:02",
    "Goodbye.",
    "Thank you all for following this live with me today. My colleague takes over the page from here, and she will "
    "bring you the afternoon's news as it comes in, starting with the council's vote and the reactions to it.",
    "If you are still dry, enjoy it while it lasts: the forecasters expect the rain to reach the city by the "
    "evening and to stay for the whole weekend, with the heaviest showers on Saturday afternoon, so the market "
    "and the open-air concert in the park have both been moved indoors, and the organisers ask visitors to "
    "check the times again before they set out, since both will start an hour later than planned.",
    "12:47 Hospital waiting lists at their longest in a decade",
    "12:31 New stadium plans unveiled",
]


@pytest.fixture
def no_tickers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lines, "NEWS_TICKERS_DROPPED", False)


def test_news_ticker_under_the_article_leaves_the_body() -> None:
    body = _body([P1, P2, P3, P4, *TICKER])
    assert P4 in body
    assert "Council approves" not in body and "Prices rose again" not in body
    assert "The storm that closed" not in body


def test_without_the_rule_the_ticker_joins_the_article(no_tickers: None) -> None:
    body = _body([P1, P2, P3, P4, *TICKER])
    assert "Council approves" in body


def test_a_live_update_led_by_its_time_stays() -> None:
    # One long update led by its time is the article's own, not a ticker.
    update = (
        "12:00 PM -- Police officers were at the hotel on Thursday morning and spoke with the manager, who told us "
        "that nobody had been hurt and that the guests had been moved to another floor."
    )
    body = _body([P1, update, P2, P3, P4])
    assert update in body


def test_a_live_blog_alternating_times_and_updates_stays() -> None:
    live = [
        "14:44 Crews reach the flooded villages",
        P2,
        "14:10 The river peaks at noon",
        P3,
        "13:40 Schools close across the province",
        P4,
        "13:05 Rain expected to ease tonight",
        P5,
    ]
    body = _body([P1, *live])
    for line in live:
        assert line in body


FOOTER_LISTS = [
    "Our services The shop of the Daily Example ▪ Crosswords ▪ Weather ▪ Traffic ▪ Property prices ▪ Holiday "
    "lettings ▪ Used cars ▪ Recipes ▪ Horoscopes ▪ TV listings ▪ Dating ▪ Jobs in the region ▪ Local directory",
    "Our group's sites Example Weekly • The Evening Example • Example Sport • Example Jobs • The Example Prize "
    "for local journalism • Example Events • The Readers' Society of the Daily Example",
]


@pytest.fixture
def no_separated_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lines, "SEPARATED_LISTS_DROPPED", False)


@pytest.mark.parametrize("footer", FOOTER_LISTS)
def test_separated_link_list_is_a_menu(footer: str) -> None:
    assert lines._is_separated_link_list(footer)


def test_separated_link_lists_leave_the_body() -> None:
    body = _body([P1, P2, P3, P4, *FOOTER_LISTS])
    assert P4 in body
    assert not any(footer in body for footer in FOOTER_LISTS)


def test_without_the_rule_the_lists_stay(no_separated_lists: None) -> None:
    body = _body([P1, P2, P3, P4, *FOOTER_LISTS])
    assert any(footer in body for footer in FOOTER_LISTS)


@pytest.mark.parametrize(
    "line",
    [
        # A dateline and byline with separators: long items, two separators.
        "The Daily Example | 04.05.2026 at 13:36 • Updated 05.05.2026 at 20:13 | By Jane Doe (with John Roe and "
        "Mary Major)",
        # Prose that uses a middle dot or a bar: its items are sentences.
        "The vote was close · Some members left early. Others stayed · The chair thanked them all · The count "
        "took an hour · It ended at midnight",
    ],
)
def test_lines_with_separators_that_are_no_link_lists(line: str) -> None:
    assert not lines._is_separated_link_list(line)


def test_a_table_row_with_bars_is_no_link_list() -> None:
    assert not lines._is_separated_link_list("| 1 | Jane Doe | 5040 | 5 | 1 | 17 | 27 |")
    assert not lines._is_separated_link_list("1 | Jane Doe | 5040 | 5 | 1 | 17")


RANKING = [
    "Most read",
    "1 Venice under water as the storm reaches the northern lagoon",
    "2 Minister resigns over the hospital contracts affair",
    "3 Nurse admits to harming patients over a decade",
    "4 Ancient temple found under the old market square",
    "5 Refugees set to return home by the middle of next month",
]
RELATED = ["Media", "Press freedom", "Share this story", "Ghana's tree with the best phone signal"]


@pytest.fixture
def no_rankings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lines, "RANKED_HEADLINES_DROPPED", False)


def test_most_read_ranking_leaves_the_body() -> None:
    body = _body([P1, P2, P3, *RELATED, *RANKING])
    assert P3 in body
    assert not any(line in body for line in RANKING[1:] + RELATED)


# In a script written without spaces a headline counts two characters a word, as long as a paragraph (made-up
# headlines, each over 60 characters: 30 words and more).
DENSE_RANKING = [
    "阅读最多",
    "1 南方多个省份连日遭遇强降雨袭击，数十万居民已经紧急转移安置，当地政府启动最高级别应急响应并派出救援队伍前往灾区开展救援工作，气象部门预计降雨还将持续",
    "2 国家统计局发布最新数据显示，今年前三季度全国居民人均可支配收入继续保持增长，城乡居民收入差距进一步缩小，消费市场持续回暖，专家预计全年经济将稳中向好",
    "3 考古人员在古城遗址中发现一座保存完好的古代寺庙建筑群，出土了大量珍贵文物，专家表示这一发现对研究当地古代历史和宗教文化具有十分重要的意义",
    "4 新修订的交通安全法将于明年起正式施行，对酒后驾驶和超速行驶等违法行为的处罚力度明显加大，广大驾驶人需要提前了解和熟悉相关的新规定",
]


def test_dense_script_ranking_leaves_the_body() -> None:
    body = _body([P1, P2, P3, *RELATED, *DENSE_RANKING])
    assert P3 in body
    assert not any(line[2:12] in body for line in DENSE_RANKING[1:])
    assert not any(line in body for line in RELATED)


def test_without_the_rule_the_dense_ranking_joins_the_body(no_rankings: None) -> None:
    body = _body([P1, P2, P3, *RELATED, *DENSE_RANKING])
    assert any(line[2:12] in body for line in DENSE_RANKING[1:])


@pytest.mark.parametrize(
    "items",
    [
        # Steps numbered with a full stop are the article's.
        [
            "1. Open the settings app on the phone",
            "2. Tap the name at the top",
            "3. Choose the backup option",
        ],
        # A standings table carries figures.
        ["1 Jane Doe Racing 5040 5 1", "2 John Roe Motors 5035 7 0", "3 Mary Major Team 5033 4 6"],
    ],
)
def test_numbered_lines_that_are_no_ranking(items: list[str]) -> None:
    units = [lines.Unit(text, [i], False) for i, text in enumerate(items)]
    lines._mark_ranked_headlines(units)
    assert all(unit.reason is None for unit in units)


CARD = [
    "How to Stop Buying Things You Never Use How to Stop Buying Things You Never Use",
    "Most of us have a cupboard full of gadgets we used once. The trick is to notice the moment you… Read more",
]


@pytest.fixture
def no_glued_read_more(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lines, "GLUED_READ_MORE_TEASERS", False)


@pytest.mark.parametrize(
    "blurb",
    [
        CARD[1],
        "Take our annual tour of the best restaurants in the region. ... Read more»",
        "Pemerintah kota memutuskan untuk menunda pembangunan jalan layang hingga tahun depan... Baca selengkapnya",
        "It seems contradictory, but I love being frugal and I also love spending money. Over the… Read more Read more",
    ],
)
def test_glued_read_more_blurbs_are_teasers(blurb: str) -> None:
    assert lines._GLUED_READ_MORE_RE.search(blurb)


def test_glued_read_more_card_leaves_the_body() -> None:
    body = _body([P1, P2, *CARD, P3, P4])
    assert P2 in body and P3 in body
    assert not any(line in body for line in CARD)


def test_without_the_rule_the_card_stays(no_glued_read_more: None) -> None:
    body = _body([P1, P2, *CARD, P3, P4])
    assert CARD[1] in body


def test_a_title_printed_once_is_no_repeat() -> None:
    assert lines._is_repeated_title("Stop Buying Now Stop Buying Now Stop Buying Now")
    assert not lines._is_repeated_title("How to Stop Buying Things You Never Use")


PLAYER = ["Video Ad Feedback", "Autoplay", "Skip Ad", "Buy Photo", "Wait 1 second to continue."]


@pytest.fixture
def no_player_controls(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lines, "_mark_player_controls", lambda units: None)


def test_video_player_controls_leave_the_body() -> None:
    body = _body([P1, P2, *PLAYER, P3, P4])
    assert P2 in body and P3 in body
    assert not any(control in body for control in PLAYER)


def test_without_the_rule_the_controls_stay(no_player_controls: None) -> None:
    body = _body([P1, P2, *PLAYER, P3, P4])
    assert any(control in body for control in PLAYER)


def test_up_next_is_no_player_control() -> None:
    # A closing section of an article may be headed so.
    assert not lines.rules.PLAYER_CONTROL_RE.match("UP NEXT")


NOTICES = [
    "Thanks! Please check your inbox to confirm your subscription.",
    "You'll receive an email from news@example.org to confirm your subscription. If you don't see it, check spam.",
    "Terima kasih telah berlangganan.",
]


@pytest.fixture
def no_subscription_notices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lines, "_mark_subscription_notices", lambda units: None)


def test_newsletter_confirmation_notices_leave_the_body() -> None:
    body = _body([P1, P2, P3, P4, *NOTICES])
    assert P4 in body
    assert not any(notice in body for notice in NOTICES)


def test_without_the_rule_the_notices_stay(no_subscription_notices: None) -> None:
    body = _body([P1, P2, P3, P4, *NOTICES])
    assert any(notice in body for notice in NOTICES)


def test_prose_about_subscriptions_is_no_notice() -> None:
    line = (
        "The company said that readers who want to cancel must confirm your subscription details by phone, a rule "
        "that consumer groups called unfair in a complaint filed last week with the regulator in the capital."
    )
    body = _body([P1, P2, line, P3, P4])
    assert line in body


@pytest.fixture
def no_pagers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lines, "_mark_pagers", lambda units: None)


PAGER_TAIL = ["« Previous | Next »", "Read the comments (3)", "share17", "tweet0"]


def test_pager_under_the_article_leaves_the_body() -> None:
    body = _body([P1, P2, P3, P4, *PAGER_TAIL])
    assert P4 in body
    assert not any(line in body for line in PAGER_TAIL)


def test_without_the_rule_the_pager_stays(no_pagers: None) -> None:
    body = _body([P1, P2, P3, P4, *PAGER_TAIL])
    assert PAGER_TAIL[0] in body


@pytest.mark.parametrize(
    "pager", ["« Vorige | Nächste »", "Previous Next", "‹ Older | Newer ›", "« Sebelumnya | Selanjutnya »"]
)
def test_pager_lines(pager: str) -> None:
    assert lines.rules.PAGER_RE.match(pager)
