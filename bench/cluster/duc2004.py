"""DUC 2004 (task 2 event topics + task 5 person topics) clustering: kabar beside agglomerative TF-IDF and HDBSCAN.

All 1,003 documents minus the 12 DOCNOs listed in more than one cluster (see SOURCE.md) are clustered together;
documents carry their publication date (from the DOCNO) as the pipeline would give it. No parameter is tuned
here: every system runs with the value chosen on ECB+ topics 1-35.

    .venv/bin/python -m bench.cluster.duc2004
"""

from __future__ import annotations

import argparse
import time

from bench.cluster.common import (
    TABLE_HEAD,
    agglomerative_clusters,
    cached_embeddings,
    hdbscan_clusters,
    kabar_clusters,
    load_duc,
    row,
    scores,
)
from bench.cluster.ecbplus import AGGLOMERATIVE_DISTANCE, HDBSCAN_MIN_CLUSTER_SIZE
from bench.shared_data import require_dataset


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-embeddings", action="store_true")
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
        started = time.perf_counter()
        print(
            row(
                "kabar EventClusterer (terms + entities + time)",
                scores(gold, kabar_clusters(docs, use_embeddings=False)),
            )
        )
        elapsed = time.perf_counter() - started
        if not args.no_embeddings:
            cached_embeddings(docs)
            print(
                row(
                    "kabar EventClusterer (+ e5, which it uses across languages only)",
                    scores(gold, kabar_clusters(docs, use_embeddings=True)),
                )
            )
        print(
            row(
                f"agglomerative TF-IDF, average link, d={AGGLOMERATIVE_DISTANCE}",
                scores(gold, agglomerative_clusters(docs, AGGLOMERATIVE_DISTANCE)),
            )
        )
        print(
            row(
                f"HDBSCAN TF-IDF cosine, min size {HDBSCAN_MIN_CLUSTER_SIZE}",
                scores(gold, hdbscan_clusters(docs, HDBSCAN_MIN_CLUSTER_SIZE)),
            )
        )
        print(f"\n(kabar: {elapsed:.1f} s for {len(docs)} documents)")


if __name__ == "__main__":
    main()
