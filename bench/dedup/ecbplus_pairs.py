"""Copies/rewrites among ECB+ news: how many pairs dedup reports, and whether they stay within one event.

ECB+ holds many reports of each event written by different outlets (and some wire copies), so it shows what dedup
finds among real same-event news: a reported pair across two different events would be a plain error; pairs within
an event are copies or rewrites (wire stories re-run by several outlets) or over-eager matches of one event's facts.
The pairs are listed for reading, not scored: ECB+ has no gold for reuse.

    .venv/bin/python -m bench.dedup.ecbplus_pairs            # the pairs with the shipped constants
    .venv/bin/python -m bench.dedup.ecbplus_pairs --sweep    # pair counts over the grid of bench/dedup/plagiarism.py
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

from bench.cluster.common import load_ecbplus
from bench.dedup.plagiarism import sweep_settings
from bench.shared_data import require_dataset
from kabar.dedup import find_duplicates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sweep", action="store_true", help="pairs and cross-event pairs over the constants' grid"
    )
    args = parser.parse_args()
    items = load_ecbplus(require_dataset("ecbplus"))
    gold = {item.doc.id: item.gold for item in items}
    if args.sweep:
        for label in sweep_settings():
            found = find_duplicates([item.doc for item in items])
            across = sum(1 for d in found if gold[d.documents[0]] != gold[d.documents[1]])
            print(f"{label}: {len(found)} pairs, across events {across}", flush=True)
        return
    started = time.perf_counter()
    found = find_duplicates([item.doc for item in items])
    elapsed = time.perf_counter() - started
    kinds = Counter(d.kind for d in found)
    across = [d for d in found if gold[d.documents[0]] != gold[d.documents[1]]]
    print(
        f"ECB+: {len(items)} documents, {len(found)} pairs in {elapsed:.1f} s ({dict(kinds)}); across events: {len(across)}"
    )
    print("\n| pair | same event | kind | similarity |\n| --- | --- | --- | --- |")
    for d in sorted(found, key=lambda d: -d.similarity):
        a, b = d.documents
        print(f"| {a} / {b} | {'yes' if gold[a] == gold[b] else 'NO'} | {d.kind} | {d.similarity} |")


if __name__ == "__main__":
    main()
