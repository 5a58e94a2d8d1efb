"""Copies/rewrites among ECB+ news: how many pairs dedup reports, and whether they stay within one event.

ECB+ holds many reports of each event written by different outlets (and some wire copies), so it shows what dedup
finds among real same-event news: a reported pair across two different events would be a plain error; pairs within
an event are copies or rewrites (wire stories re-run by several outlets) or over-eager matches of one event's facts.
The pairs are listed for reading, not scored: ECB+ has no gold for reuse.

    .venv/bin/python -m bench.dedup.ecbplus_pairs
"""

from __future__ import annotations

import time
from collections import Counter

from bench.cluster.common import load_ecbplus
from bench.shared_data import require_dataset
from kabar.dedup import find_duplicates


def main() -> None:
    items = load_ecbplus(require_dataset("ecbplus"))
    gold = {item.doc.id: item.gold for item in items}
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
