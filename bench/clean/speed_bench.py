"""Speed of kabar.clean per core, side by side with trafilatura alone, in one run.

Run from the repository root:  nice .venv/bin/python -m bench.clean.speed_bench [--repeat N]

Single process, CPU time (time.process_time), so the figures are documents per second per core. HTML: the 181
article-extraction-benchmark pages (needs ../shared/data); text: the committed labelled scrape set.
Rows:
- trafilatura.extract, default settings (what a user would call);
- kabar extraction: the body only, the part the issue bounds at +10 % of trafilatura's own time. Since session 8
  that is the page's visible text cleaned as a scrape, with trafilatura (kabar's settings) asked only where that
  body is short or not prose (kabar.clean.lines.clean_page_text); the page's <title> it takes as a hint is read
  before the clock starts, as metadata work belongs to the next row;
- kabar clean(): everything (body, metadata from meta/JSON-LD/htmldate, captions, language).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import trafilatura

from bench.clean.html_bench import load_pages
from bench.clean.text_bench import load_all
from kabar.clean import clean
from kabar.clean.html import decode_html, extract_text, page_metadata, visible_text
from kabar.clean.lines import clean_page_text
from kabar.records import RawDocument


def _time_rows(
    rows: dict[str, tuple[list[object], Callable[[object], object]]], repeat: int
) -> dict[str, float]:
    """Fastest of `repeat` runs per row; the rows take turns within each round, so that a burst of load on a
    shared machine hits all of them alike instead of one."""
    best = {name: float("inf") for name in rows}
    for _ in range(repeat):
        for name, (items, work) in rows.items():
            started = time.process_time()
            for item in items:
                work(item)
            best[name] = min(best[name], time.process_time() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per row; the fastest counts")
    args = parser.parse_args()
    pages = [(url, page) for _, url, page, _ in load_pages()]
    title_hints = {url: page_metadata(decode_html(page), url).title for url, page in pages}
    scrapes = [s.text for s in load_all()]
    clean(
        RawDocument(source="warm-up", kind="text", body="Kalimat pembuka untuk memuat model bahasa. " * 5),
        doc_id="w",
    )

    def clean_html(item: object) -> object:
        url, page = item  # type: ignore[misc]
        return clean(RawDocument(source=url, kind="html", body=page, url=url), doc_id="s")

    def extract_body(item: object) -> object:
        url, page = item  # type: ignore[misc]
        html = decode_html(page)
        return clean_page_text(visible_text(html), lambda: extract_text(html), title_hint=title_hints[url])

    def clean_scrape(text: object) -> object:
        return clean(RawDocument(source="s", kind="text", body=text), doc_id="s")  # type: ignore[arg-type]

    plan: dict[str, tuple[list[object], Callable[[object], object]]] = {
        "HTML: trafilatura.extract (default)": (
            pages,
            lambda item: trafilatura.extract(item[1], url=item[0]),
        ),  # type: ignore[index]
        "HTML: kabar extraction (body only)": (pages, extract_body),
        "HTML: kabar clean() (body + metadata)": (pages, clean_html),
        "text: kabar clean()": (scrapes, clean_scrape),  # type: ignore[dict-item]
    }
    timings = _time_rows(plan, args.repeat)
    rows = [(name, len(plan[name][0]), seconds) for name, seconds in timings.items()]
    baseline = rows[0][2]
    print("| what                                    | docs | CPU s  | docs/s per core | vs trafilatura |")
    print("|-----------------------------------------|------|--------|-----------------|----------------|")
    for name, count, seconds in rows:
        ratio = f"{seconds / baseline:.2f}x" if name.startswith("HTML") else "-"
        print(f"| {name:39} | {count:4} | {seconds:6.2f} | {count / seconds:15.1f} | {ratio:14} |")


if __name__ == "__main__":
    main()
