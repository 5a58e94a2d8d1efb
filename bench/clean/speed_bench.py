"""Speed of kabar.clean per core, side by side with trafilatura alone, in one run.

Run from the repository root:  nice .venv/bin/python -m bench.clean.speed_bench [--repeat N]

Single process, CPU time (time.process_time), so the figures are documents per second per core. HTML: the 181
article-extraction-benchmark pages (needs ../shared/data); text: the committed labelled scrape set.
Rows:
- trafilatura.extract, default settings (what a user would call);
- kabar extraction: the body only (trafilatura with kabar's settings + kabar's line clean-up), the part the
  issue bounds at +10 % of trafilatura's own time;
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
from kabar.clean.html import extract_text
from kabar.clean.lines import clean_lines
from kabar.records import RawDocument


def _time(items: list[object], work: Callable[[object], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for item in items:
            work(item)
        best = min(best, time.process_time() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per row; the fastest counts")
    args = parser.parse_args()
    pages = [(url, page) for _, url, page, _ in load_pages()]
    scrapes = [s.text for s in load_all()]
    clean(
        RawDocument(source="warm-up", kind="text", body="Kalimat pembuka untuk memuat model bahasa. " * 5),
        doc_id="w",
    )

    rows: list[tuple[str, int, float]] = []
    html_rows: dict[str, Callable[[object], object]] = {
        "trafilatura.extract (default)": lambda item: trafilatura.extract(item[1], url=item[0]),  # type: ignore[index]
        "kabar extraction (body only)": lambda item: clean_lines(extract_text(item[1]), extracted=True),  # type: ignore[index]
        "kabar clean() (body + metadata)": lambda item: clean(
            RawDocument(source=item[0], kind="html", body=item[1], url=item[0]),  # type: ignore[index]
            doc_id="s",
        ),
    }
    for name, work in html_rows.items():
        rows.append((f"HTML: {name}", len(pages), _time(pages, work, args.repeat)))  # type: ignore[arg-type]
    rows.append(
        (
            "text: kabar clean()",
            len(scrapes),
            _time(
                scrapes,
                lambda text: clean(RawDocument(source="s", kind="text", body=text), doc_id="s"),
                args.repeat,
            ),  # type: ignore[arg-type]
        )
    )
    baseline = rows[0][2]
    print("| what                                    | docs | CPU s  | docs/s per core | vs trafilatura |")
    print("|-----------------------------------------|------|--------|-----------------|----------------|")
    for name, count, seconds in rows:
        ratio = f"{seconds / baseline:.2f}x" if name.startswith("HTML") else "-"
        print(f"| {name:39} | {count:4} | {seconds:6.2f} | {count / seconds:15.1f} | {ratio:14} |")


if __name__ == "__main__":
    main()
