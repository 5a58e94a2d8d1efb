"""Build the line-labelled text-scrape set from the article-extraction-benchmark (MIT licence).

Each page is rendered to plain text the way a browser's select-all-and-copy does (innerText: scripts, styles and
hidden elements dropped, the source's whitespace folded to single spaces outside <pre> — since 2026-12-06, session 8;
before, a paragraph the source wrapped stayed wrapped — block elements and <br> on their own lines, paragraphs and
headings set off by a blank line), and
every line is labelled body or chrome by the page's human-checked ground-truth body ("aligned" labelling, the
default since 2026-12-05):
- the page's tokens, in page order, are aligned with the ground truth's tokens (difflib's longest-matching-blocks
  alignment, monotone: each ground-truth token pairs with at most one page token, in order);
- a line is body when at least LINE_MATCH_SHARE of its tokens are paired; a line of fewer than LONG_LINE_TOKENS
  tokens must moreover lie between the first and the last long body line (a "Photos" menu entry elsewhere on the
  page is not body just because the word occurs at the truth's edge). Since 2026-12-06 two characters of a script
  written without spaces count as a token for this length (a Japanese sentence is one or two word tokens; the
  first sentence of a Japanese article was chrome for lying above the first "long" line);
- a line without any token ("%", "___") is chrome, except (since 2026-12-06) where the nearest lines with tokens on
  both sides are body and the ground truth prints the line's characters between the words paired with those two
  lines (the "%" head of a table column inside the article). These two changes turned 6 lines of the 30,587 from
  chrome to body (4 "%" heads and 1 Japanese sentence in the tuning half, 1 Japanese sentence in the held-out
  half), each checked by reading, and no line from body to chrome.
The earlier "shingles" labelling (kept for comparison: --labelling shingles) called a long line body when 80 % of its
3-token shingles occurred anywhere in the ground truth, and a short line body when its words occurred anywhere in it.
That labelled as body every copy of a body sentence (a "Key Points" standfirst repeating the first paragraph, the
headline printed again in a share box, a "Highlights" sentence lifted from the middle of the article) and every
short line whose word the article happens to use (gallery counters "1" / "of", "Close", "Фото:", section names
"Business", a "Share" button). Alignment pairs each ground-truth word with one place on the page, the place that
keeps the article's order, so copies and stray words stay chrome.
Metadata labels come from the page too: the headline is the single <h1> whose text is a line of the scrape (an
<h1> that is the site's own name yields to the article's part of the <title>, see headline_label); the
publication day is the page's article:published_time / datePublished day where the scrape prints that day.

Run:  nice .venv/bin/python -m bench.clean.build_scrapes  → bench/clean/data/scrapes_aeb.jsonl.gz
      nice .venv/bin/python -m bench.clean.build_scrapes --labelling shingles --output /tmp/aeb_shingles.jsonl.gz
      (the earlier labels, for `bench.clean.text_bench --aeb /tmp/aeb_shingles.jsonl.gz`)
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import json
import re
from pathlib import Path

import lxml.html

from bench.clean.html_bench import load_pages
from kabar.clean.dates import find_dates
from kabar.clean.html import page_metadata, visible_text

OUTPUT = Path(__file__).parent / "data" / "scrapes_aeb.jsonl.gz"
# Share of a long line's shingles that must occur in the ground truth for it to be body. 0.8 tolerates the
# small differences between rendered text and the ground truth (quotes, spacing, a trailing credit).
LONG_LINE_SHARE = 0.8
LONG_LINE_TOKENS = 4
# Share of a line's tokens the alignment must pair with ground-truth tokens for the line to be body: the same 0.8
# tolerance as the shingle rule (a trailing credit, a word the renderer splits differently), which for lines of
# fewer than five tokens means every token.
LINE_MATCH_SHARE = 0.8
SHINGLE = 3
# Pages whose rendered text has more lines than this are mostly link lists; capped to keep the set small.
MAX_LINES = 400


_TOKEN = re.compile(r"\w+")
_DENSE_SCRIPT = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def _shingles(tokens: list[str]) -> list[str]:
    return [" ".join(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)]


def label_lines_by_shingles(lines: list[str], truth: str) -> list[bool]:
    """The earlier labelling: shingles of a long line anywhere in the ground truth, words of a short line anywhere
    in it (between the first and the last long body line)."""
    truth_tokens = _TOKEN.findall(truth.lower())
    truth_shingles = set(_shingles(truth_tokens))
    truth_joined = " " + " ".join(truth_tokens) + " "
    labels: list[bool | None] = []
    for line in lines:
        tokens = _TOKEN.findall(line.lower())
        if len(tokens) >= LONG_LINE_TOKENS:
            grams = _shingles(tokens)
            share = sum(g in truth_shingles for g in grams) / len(grams)
            labels.append(share >= LONG_LINE_SHARE)
        else:
            labels.append(None)
    long_body = [i for i, label in enumerate(labels) if label]
    first, last = (long_body[0], long_body[-1]) if long_body else (0, -1)
    result: list[bool] = []
    for i, (line, label) in enumerate(zip(lines, labels, strict=True)):
        if label is None:
            tokens = _TOKEN.findall(line.lower())
            label = bool(tokens) and first <= i <= last and f" {' '.join(tokens)} " in truth_joined
        result.append(bool(label))
    return result


def label_lines(lines: list[str], truth: str) -> list[bool]:
    """Body where the line's tokens are the ground truth's tokens at that point of the page (see the module doc)."""
    truth_lower = truth.lower()
    truth_matches = list(_TOKEN.finditer(truth_lower))
    truth_tokens = [match.group(0) for match in truth_matches]
    line_tokens = [_TOKEN.findall(line.lower()) for line in lines]
    page_tokens = [token for tokens in line_tokens for token in tokens]
    owner = [index for index, tokens in enumerate(line_tokens) for _ in tokens]
    matcher = difflib.SequenceMatcher(None, page_tokens, truth_tokens, autojunk=False)
    paired = [0] * len(lines)
    # Where each line's paired tokens lie in the ground truth (first and last character), for tokenless lines.
    truth_span: list[tuple[int, int] | None] = [None] * len(lines)
    for page_start, truth_start, size in matcher.get_matching_blocks():
        for offset in range(size):
            line = owner[page_start + offset]
            paired[line] += 1
            match = truth_matches[truth_start + offset]
            span = truth_span[line]
            truth_span[line] = (match.start(), match.end()) if span is None else (span[0], match.end())
    matched = [
        bool(tokens) and paired[i] >= LINE_MATCH_SHARE * len(tokens) for i, tokens in enumerate(line_tokens)
    ]
    size = [_line_size(line, tokens) for line, tokens in zip(lines, line_tokens, strict=True)]
    long_body = [i for i in range(len(lines)) if matched[i] and size[i] >= LONG_LINE_TOKENS]
    first, last = (long_body[0], long_body[-1]) if long_body else (0, -1)
    labels = [matched[i] and (size[i] >= LONG_LINE_TOKENS or first <= i <= last) for i in range(len(lines))]
    for i, tokens in enumerate(line_tokens):
        if not tokens:
            labels[i] = _tokenless_in_truth(i, lines, labels, line_tokens, truth_span, truth_lower)
    return labels


def _line_size(line: str, tokens: list[str]) -> int:
    """A line's length in words for the short-line test: scripts written without spaces (Chinese, Japanese, Thai)
    make a whole clause one `\\w+` token, so there two characters count as a word (as in `kabar.clean.lines`)."""
    return max(len(tokens), len(_DENSE_SCRIPT.findall(line)) // 2)


def _tokenless_in_truth(
    index: int,
    lines: list[str],
    labels: list[bool],
    line_tokens: list[list[str]],
    truth_span: list[tuple[int, int] | None],
    truth: str,
) -> bool:
    """A line without tokens ("%", "—") is body when the nearest lines with tokens on both sides are body and the
    ground truth prints the line's characters between the words it paired with those two lines: the "%" head of
    a table column inside the article, not a separator or a "%" of a poll widget outside it."""
    before = next((j for j in range(index - 1, -1, -1) if line_tokens[j]), None)
    after = next((j for j in range(index + 1, len(lines)) if line_tokens[j]), None)
    if before is None or after is None or not (labels[before] and labels[after]):
        return False
    start_span, end_span = truth_span[before], truth_span[after]
    if start_span is None or end_span is None or start_span[1] > end_span[0]:
        return False
    gap = truth[start_span[1] : end_span[0]].strip()
    # The punctuation that ends the line before ("85%") or opens the line after is theirs, not this line's.
    tail = re.search(r"[^\w\s]*$", lines[before].strip().lower())
    head = re.match(r"[^\w\s]*", lines[after].strip().lower())
    if tail and tail.group(0) and gap.startswith(tail.group(0)):
        gap = gap[len(tail.group(0)) :]
    if head and head.group(0) and gap.endswith(head.group(0)):
        gap = gap[: -len(head.group(0))]
    text = lines[index].strip().lower()
    return bool(text) and text in gap


LABELLINGS = {"aligned": label_lines, "shingles": label_lines_by_shingles}

# How a page's <title> joins the headline and the site's name ("Headline | Site", "Headline - Site").
_TITLE_SEPARATOR_RE = re.compile(r"\s+[|\-\u2013\u2014]\s+")


def headline_label(
    h1: list[str], lines: list[str], sitename: str | None, page_title: str | None
) -> str | None:
    """The headline label: the page's single <h1> where the scrape prints it. Since 2026-12-06 an <h1> that is the
    site's own name (its og:site_name: a logo set as <h1>, "India Post", "Kabar tentang Dunia Islam") is not the
    headline; the article's part of the <title> ("Headline | Site") is, where the scrape prints it, else the
    headline is unknown. That changed the label of 3 pages, each checked by reading."""
    if len(h1) != 1 or h1[0] not in lines:
        return None
    if not sitename or h1[0].casefold() != sitename.strip().casefold():
        return h1[0]
    parts = [part.strip() for part in _TITLE_SEPARATOR_RE.split(page_title or "")]
    article_parts = [part for part in parts if part and part.casefold() != sitename.strip().casefold()]
    return article_parts[0] if len(article_parts) == 1 and article_parts[0] in lines else None


def build(labelling: str = "aligned") -> list[dict[str, object]]:
    records = []
    for key, url, page, truth in load_pages():
        text = visible_text(page)
        lines = [line for line in text.split("\n")][: MAX_LINES * 2]
        non_empty = [line for line in lines if line]
        if len(non_empty) > MAX_LINES or not non_empty:
            continue
        labels = LABELLINGS[labelling](non_empty, truth)
        if not any(labels):
            continue
        tree = lxml.html.document_fromstring(page)
        h1 = [re.sub(r"\s+", " ", h.text_content()).strip() for h in tree.iter("h1")]
        meta = page_metadata(page, url)
        title = headline_label(h1, non_empty, meta.sitename, tree.findtext(".//title"))
        published_day = (meta.published or "")[:10] or None
        printed_days = {found.iso[:10] for line in non_empty for found in find_dates(line, day_first=False)}
        printed_days |= {found.iso[:10] for line in non_empty for found in find_dates(line)}
        records.append(
            {
                "id": f"aeb-{key[:12]}",
                "url": url,
                "language": None,
                "text": text,
                "labels": labels,
                "title": title,
                "published_day": published_day if published_day in printed_days else None,
            }
        )
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--labelling", choices=sorted(LABELLINGS), default="aligned", help="how lines are labelled"
    )
    parser.add_argument("--output", type=Path, default=OUTPUT, help=f"where the set goes (default {OUTPUT})")
    args = parser.parse_args()
    output: Path = args.output
    records = build(args.labelling)
    output.parent.mkdir(parents=True, exist_ok=True)
    payload = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records).encode("utf-8")
    with (
        output.open("wb") as raw_file,
        gzip.GzipFile(filename="", fileobj=raw_file, mode="wb", mtime=0) as handle,
    ):
        # mtime 0 and no file name in the header: rebuilding the same set gives the same bytes, wherever it is written.
        handle.write(payload)
    lines = sum(len(r["labels"]) for r in records)  # type: ignore[arg-type]
    body = sum(sum(r["labels"]) for r in records)  # type: ignore[arg-type]
    print(
        f"{len(records)} documents, {lines} lines ({body} body) -> {output} ({output.stat().st_size} bytes)"
    )


if __name__ == "__main__":
    main()
