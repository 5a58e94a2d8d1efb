"""DUC 2004 (task 2 event topics + task 5 person topics) clustering: kabar beside agglomerative TF-IDF and HDBSCAN.

All 1,003 documents minus the 12 DOCNOs listed in more than one cluster (see SOURCE.md) are clustered together;
documents carry their publication date (from the DOCNO) as the pipeline would give it. No parameter is tuned
here: every system runs with the value chosen on ECB+ topics 1-35.

    .venv/bin/python -m bench.cluster.duc2004
"""

from __future__ import annotations

import argparse

from bench.cluster.common import TABLE_HEAD, baseline_rows, kabar_clusters, kabar_rows, load_duc, scores
from bench.shared_data import require_dataset


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-embeddings", action="store_true")
    parser.add_argument(
        "--sensitivity",
        action="store_true",
        help="kabar's F1 over time windows and join thresholds (not tuning)",
    )
    args = parser.parse_args()
    items, dropped = load_duc(require_dataset("duc2004"))
    for name, subset in (
        ("task 2 (event topics)", [i for i in items if i.group == "task2"]),
        ("task 5 (person topics)", [i for i in items if i.group == "task5"]),
        ("tasks 2 + 5 together", items),
    ):
        docs = [item.doc for item in subset]
        gold = [item.gold for item in subset]
        print(
            f"\n### DUC 2004 {name}: {len(docs)} documents, {len(set(gold))} gold clusters ({dropped} multi-cluster DOCNOs dropped)\n"
        )
        print(TABLE_HEAD)
        rows, elapsed = kabar_rows(docs, gold, not args.no_embeddings)
        print("\n".join(rows + baseline_rows(docs, gold)))
        print(f"\n(kabar: {elapsed:.1f} s for {len(docs)} documents)")
        if args.sensitivity:
            sensitivity(docs, gold)


def sensitivity(docs: list, gold: list[str]) -> None:
    """kabar with other windows (time decay scaled with the window) and join thresholds: how much of the gap to
    the baselines the ECB+-tuned constants explain. Printed for reading, never used to set a constant."""
    import kabar.cluster.clusterer as clusterer

    decay = clusterer.TIME_DECAY_DAYS
    print("\n| window / decay days | join threshold | B³ P | B³ R | B³ F1 | ARI | clusters |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    try:
        for window in (30.0, 90.0, 365.0):
            clusterer.TIME_DECAY_DAYS = window
            for threshold in (0.2, 0.25, 0.3):
                s = scores(
                    gold,
                    kabar_clusters(docs, use_embeddings=False, window_days=window, join_threshold=threshold),
                )
                print(
                    f"| {window:.0f} | {threshold} | {s['P']:.3f} | {s['R']:.3f} | {s['F1']:.3f} | {s['ARI']:.3f} "
                    f"| {s['clusters']} |"
                )
    finally:
        clusterer.TIME_DECAY_DAYS = decay


if __name__ == "__main__":
    main()
