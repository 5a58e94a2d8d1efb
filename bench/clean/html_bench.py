"""HTML body extraction on the article-extraction-benchmark: kabar side by side with trafilatura and justext.

Run from the repository root:  nice .venv/bin/python -m bench.clean.html_bench [--limit N] [--show-worst K]

Prints F1, precision, recall and exact-match accuracy (metric: bench/clean/metric.py, as the set's SOURCE.md
defines it) and CPU time per page for every extractor, all in this one run over the same pages.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections.abc import Callable

import justext
import trafilatura

from bench.clean.metric import page_counts, page_precision, page_recall, score
from bench.shared_data import require_dataset
from kabar.clean import clean
from kabar.clean.html import EXTRACT_OPTIONS, decode_html
from kabar.records import RawDocument

DATASET = "article-extraction-benchmark"


def load_pages(limit: int | None = None) -> list[tuple[str, str, str, str]]:
    """(page id, url, html, ground-truth body) for every page of the set, in a fixed order."""
    root = require_dataset(DATASET)
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth):
        raw = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes())
        pages.append((key, truth[key].get("url", ""), decode_html(raw), truth[key].get("articleBody", "")))
    return pages[:limit] if limit else pages


def kabar_extract(page: str, url: str) -> str:
    return clean(RawDocument(source=url, kind="html", body=page, url=url), doc_id="bench").text


def trafilatura_default(page: str, url: str) -> str:
    return trafilatura.extract(page, url=url) or ""


def trafilatura_kabar_settings(page: str, url: str) -> str:
    return trafilatura.extract(page, url=url, **EXTRACT_OPTIONS) or ""  # type: ignore[arg-type]


_STOPLIST = justext.get_stoplist("English")


def trafilatura_precision(page: str, url: str) -> str:
    return trafilatura.extract(page, url=url, include_comments=False, favor_precision=True) or ""


def justext_extract(page: str, url: str) -> str:
    paragraphs = justext.justext(page.encode("utf-8"), _STOPLIST)
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


EXTRACTORS: dict[str, Callable[[str, str], str]] = {
    "kabar (clean(), full)": kabar_extract,
    "trafilatura 2.x default": trafilatura_default,
    "trafilatura, kabar's settings": trafilatura_kabar_settings,
    "trafilatura precision, no comm.": trafilatura_precision,
    "justext (English stoplist)": justext_extract,
}


def run(
    pages: list[tuple[str, str, str, str]], names: list[str]
) -> dict[str, tuple[object, float, list[str]]]:
    results = {}
    for name in names:
        extractor = EXTRACTORS[name]
        outputs = []
        started = time.process_time()
        for _, url, page, _ in pages:
            outputs.append(extractor(page, url))
        elapsed = time.process_time() - started
        results[name] = (
            score((truth, out) for (_, _, _, truth), out in zip(pages, outputs, strict=True)),
            elapsed,
            outputs,
        )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages (sorted by id)")
    parser.add_argument("--show-worst", type=int, default=0, help="list kabar's K worst pages")
    parser.add_argument("--only", nargs="*", default=None, help="extractor names to run (substring match)")
    args = parser.parse_args()
    pages = load_pages(args.limit)
    names = [n for n in EXTRACTORS if not args.only or any(o in n for o in args.only)]
    results = run(pages, names)
    print(f"article-extraction-benchmark, {len(pages)} pages")
    print(f"| {'extractor':32} | F1     | precision | recall | accuracy | ms/page (CPU) |")
    print(f"|{'-' * 34}|--------|-----------|--------|----------|---------------|")
    for name, (scores, elapsed, _) in results.items():
        print(
            f"| {name:32} | {scores.f1:.4f} | {scores.precision:.4f}    | {scores.recall:.4f} | "  # type: ignore[attr-defined]
            f"{scores.accuracy:.3f}    | {1000 * elapsed / len(pages):13.1f} |"  # type: ignore[attr-defined]
        )
    if args.show_worst and names and names[0].startswith("kabar"):
        outputs = results[names[0]][2]
        rows = []
        for (key, url, _, truth), out in zip(pages, outputs, strict=True):
            counts = page_counts(truth, out)
            rows.append((min(page_precision(*counts), page_recall(*counts)), key, url, counts))
        for worst, key, url, counts in sorted(rows)[: args.show_worst]:
            print(
                f"{worst:.3f} P={page_precision(*counts):.3f} R={page_recall(*counts):.3f} {key[:12]} {url}"
            )


if __name__ == "__main__":
    main()
