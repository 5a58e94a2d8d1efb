"""Quality gates for kabar.clean: fail when a benchmark figure drops below its recorded floor.

- HTML body extraction on the article-extraction-benchmark (all 181 pages, about 5 s; needs ../shared/data, skips
  without it): F1 with the set's own metric (bench/clean/metric.py). Nothing is cached.
- Text-scrape clean-up on the committed labelled scrape set (bench/clean/data, no shared data needed): line F1,
  and no body line of the seeds lost.
- Outlets from Indonesian datelines on IndoSum's design fold (750 articles, about 10 s; needs ../shared/data):
  accuracy where the dateline names the outlet, and how often an outlet is reported where the text names none.
Floors are the figures measured on 2026-11-24 and 2026-12-05 (docs/BENCHMARKS.md, issue 3 section) minus a small
margin for harmless changes; raise them when the figures improve.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bench.clean.build_scrapes import label_lines, label_lines_by_shingles
from bench.clean.html_bench import kabar_extract, load_pages
from bench.clean.metric import score
from bench.clean.outlet_bench import score_outlets
from bench.clean.text_bench import evaluate, hard_wrapped, load_all

# Measured F1 0.9821 on 2026-12-06, session 8 (the page's visible text cleaned as a scrape, trafilatura as the check;
# partly in-sample: the text rules were tuned on these pages' text renderings), 0.9752 in session 7 (0.9721 in session
# 6, 0.9715 on 2026-11-24; trafilatura default on the same run: 0.9525, its best setting tried 0.9641); the floor
# stays above every trafilatura setting and just under the figure.
HTML_F1_FLOOR = 0.978
# Measured line F1 (micro) with the aligned aeb labels: all 0.9757 on 2026-12-06, session 8, on the browser-faithful
# rendering (session 7's rules scored 0.9649 on it: tuning half 0.9657 -> 0.9796, held-out 0.9625 -> 0.9710); 0.9745
# in session 7 (both aeb halves were development data that session: tuning half 0.9801, former held-out half 0.9675);
# 0.9625 in session 6 (tuning half 0.9761, held-out half 0.9466), Indonesian authored 1.0, seeds 1.0; 0.9406 in
# session 5 (tuning 0.9339, held-out 0.9443), 0.9353 earlier that day, 0.9283 on 2026-12-05. Before (2026-11-24,
# shingle labels): 0.8900.
TEXT_LINE_F1_FLOOR = 0.972
INDONESIAN_LINE_F1_FLOOR = 0.97
# Measured headline accuracy on the rendered aeb pages with a single-<h1> label: 0.913 on 2026-12-06, session 8 (149
# pages; tuning half 0.946, held-out 0.880; session 7's rules gave 0.839 on the browser-faithful rendering), 0.858 in
# session 7 (0.851 of it from relabelling 3 pages whose <h1> is the site's name, kabar unchanged), 0.831 in session 6
# (148 pages; tuning half 0.919, held-out 0.743), 0.804 in session 5 (tuning 0.878, held-out 0.730), 0.784 earlier
# that day, 0.770 on 2026-12-05, 0.750 on 2026-11-24, 0.676 before the headline/body word overlap.
AEB_TITLE_ACCURACY_FLOOR = 0.90
# Measured publication-day accuracy on the aeb pages whose metadata day the scrape prints: 0.976 on 2026-12-06,
# session 8 (125 pages; session 7's rules gave 0.944 on the browser-faithful rendering), 0.960 in session 7 (bylines
# with the date after the name), 0.952 in session 6 (124 pages; tuning half 0.966, held-out 0.939: a date with a name
# beside it dates the post, the dates of a list of other stories only when nothing else does), 0.895 before (0.831
# before date-and-author meta lines and the preference for dates above the body).
AEB_PUBLISHED_DAY_FLOOR = 0.97
# The same set hard-wrapped at 79 columns (`lynx -dump`; `bench.clean.text_bench --wrap 79`): line F1 0.6447 before
# kabar unwrapped hard-wrapped text, 0.9113 after (2026-12-05), 0.9563 on 2026-12-06 (a page whose densest stretch
# holds no paragraph no longer keeps every line), 0.9590 later that day (session 5), 0.9778 in session 6 (tuning half
# 0.9833, held-out 0.9725: short menu lines no longer set the wrap width), 0.9863 in session 7, 0.9872 in session 8
# (browser-faithful rendering; 0.9808 with session 7's rules), seeds and Indonesian authored 1.0 with no body line
# lost.
WRAPPED_WIDTH = 79
WRAPPED_LINE_F1_FLOOR = 0.985
# Measured on IndoSum dev.01 (bench.clean.outlet_bench) on 2026-12-06, session 8: 0.994 (506/509) of the articles
# whose dateline names their outlet get it (0.919 before "Rimanews -", "Samarinda, Kalimantan Timur (ANTARA News) -"
# and lone "Merdeka.com -" lines were read); an outlet reported where the text names none on 2 of 241, both right on
# reading (a republished article's own dateline: "Malang (Kabarpas.com) –", "BOLASPORT.COM -").
OUTLET_ACCURACY_FLOOR = 0.99
OUTLET_GUESSED_CEILING = 0.01


@pytest.mark.quality
@pytest.mark.timeout(120)
def test_html_extraction_f1_stays_above_floor(shared_data: Path) -> None:
    pages = load_pages()
    result = score((truth, kabar_extract(page, url)) for _, url, page, truth in pages)
    assert result.pages == 181
    assert result.f1 >= HTML_F1_FLOOR, f"HTML F1 {result.f1:.4f} fell below the floor {HTML_F1_FLOOR}"


@pytest.mark.timeout(120)
def test_text_scrape_line_f1_stays_above_floor() -> None:
    result = evaluate(load_all())
    lines = result["lines"]
    assert lines["all"].f1 >= TEXT_LINE_F1_FLOOR  # type: ignore[index]
    assert lines["id-authored"].f1 >= INDONESIAN_LINE_F1_FLOOR  # type: ignore[index]
    assert lines["seeds"].recall == 1.0  # type: ignore[index]
    assert result["lost_seed_lines"] == []
    titles = result["meta"]["title/aeb"]  # type: ignore[index]
    assert sum(titles) / len(titles) >= AEB_TITLE_ACCURACY_FLOOR
    days = result["meta"]["published day/aeb"]  # type: ignore[index]
    assert sum(days) / len(days) >= AEB_PUBLISHED_DAY_FLOOR


@pytest.mark.timeout(120)
def test_hard_wrapped_scrape_line_f1_stays_above_floor() -> None:
    result = evaluate([hard_wrapped(scrape, WRAPPED_WIDTH) for scrape in load_all()])
    assert result["lines"]["all"].f1 >= WRAPPED_LINE_F1_FLOOR  # type: ignore[index]
    assert result["lost_seed_lines"] == []


def test_aeb_lines_are_labelled_by_their_place_in_the_ground_truth() -> None:
    # A copy of a body sentence above the article ("Key Points"), a gallery counter whose figure the article uses
    # and a menu word it uses are chrome; the article's lines, a short one among them, are body.
    truth = (
        "The council voted on Tuesday to expand the bus network to the north.\n"
        "Fares stay the same.\n"
        "The first of 2 new routes starts in March, officials said."
    )
    lines = [
        "News",
        "The council voted on Tuesday to expand the bus network to the north.",
        "1",
        "of",
        "2",
        "The council voted on Tuesday to expand the bus network to the north.",
        "Fares stay the same.",
        "The first of 2 new routes starts in March, officials said.",
        "Routes",
    ]
    # Alignment pairs each ground-truth word with one place on the page, the place that keeps the article's order.
    assert label_lines(lines, truth) == [False, False, False, False, False, True, True, True, False]
    # The earlier labelling took the copy and the counter's "of" and "2" for body too.
    assert label_lines_by_shingles(lines, truth) == [False, True, False, True, True, True, True, True, False]


def test_aeb_labels_tokenless_table_heads_and_unspaced_sentences_by_the_ground_truth() -> None:
    # A "%" column head the ground truth prints between two body lines is body; a separator it does not print is
    # chrome. A Japanese sentence is one or two \w+ tokens but long: it is not held to the short-line test, which
    # would make the article's first sentence chrome for lying above its first "long" line.
    truth = (
        "先日、改造した端末を販売した男性が逮捕されました。\nPos Player Plays % Stats\nDL Larry Ogunjobi 63 85%\n"
        "The defence had its best game of the season on Sunday."
    )
    japanese = "先日、改造した端末を販売した男性が逮捕されました。"
    table = ["Pos", "Player", "Plays", "%", "Stats", "DL", "Larry Ogunjobi", "63", "85%", "%"]
    lines = ["ホーム", japanese, "***", *table, "The defence had its best game of the season on Sunday."]
    expected = [False, True, False, True, True, True, True, True, True, True, True, True, False, True]
    assert label_lines(lines, truth) == expected


@pytest.mark.quality
@pytest.mark.timeout(120)
def test_indonesian_dateline_outlets_stay_above_floor(shared_data: Path) -> None:
    result = score_outlets(shared_data / "indosum", ["dev.01.jsonl"])
    assert result.articles == 750
    assert result.accuracy >= OUTLET_ACCURACY_FLOOR, (
        f"outlet accuracy {result.accuracy:.3f} fell below the floor"
    )
    assert result.guessed <= OUTLET_GUESSED_CEILING, (
        f"an outlet reported without one named: {result.guessed:.3f}"
    )
