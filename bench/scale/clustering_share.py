"""How much of event clustering is per-document work (parallel on the executor) and how much is sequential.

    OMP_NUM_THREADS=1 nice -n 10 .venv/bin/python -m bench.scale.clustering_share bench/out/scale/acceptance-10k/local.db \\
        --documents 5000

Reads the first `--documents` documents of a store in the order `kabar run` clusters them (publication time, then
arrival), computes the clusterer's per-document features in this process (`cluster_features_task`, what the
executor runs) and then adds them to a fresh clusterer in one slice (`EventClusterer.add_features`, what the driver
runs). Prints the CPU seconds of each part, per document: the sequential part is what bounds the speed-up of more
workers (Amdahl), since everything else in `kabar run` is per document or per event.
"""

from __future__ import annotations

import argparse
import json
import time


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("db")
    parser.add_argument("--documents", type=int, default=5000)
    args = parser.parse_args()

    from kabar.cluster import EventClusterer
    from kabar.executors.steps import FeatureTask, cluster_features_task
    from kabar.store import Store

    with Store(args.db) as store:
        rows = store._db.execute(
            "SELECT id FROM documents ORDER BY coalesce(published, added), rowid LIMIT ?", (args.documents,)
        ).fetchall()
        started = time.process_time()
        documents = store.documents_by_id([row[0] for row in rows])
        read = time.process_time() - started
    started = time.process_time()
    features = cluster_features_task(None, FeatureTask(documents))
    per_document = time.process_time() - started
    clusterer = EventClusterer()
    started = time.process_time()
    assignments = clusterer.add_features(features)
    sequential = time.process_time() - started
    count = len(documents)
    print(
        json.dumps(
            {
                "documents": count,
                "events": len(set(assignments.values())),
                "read_cpu_s": round(read, 2),
                "features_cpu_s": round(per_document, 2),
                "add_features_cpu_s": round(sequential, 2),
                "features_ms_per_document": round(1000 * per_document / count, 2),
                "add_features_ms_per_document": round(1000 * sequential / count, 2),
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
