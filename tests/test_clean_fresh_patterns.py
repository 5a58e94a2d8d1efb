"""Whole-page scrapes, session 8 rules from pages unlike the labelled aeb set (the fresh-dev pages and Readability's
test pages): code blocks inside tech articles (kabar.clean.lines)."""

from __future__ import annotations

import pytest
from tests.made_up_page import P1, P2, P3, P4
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
