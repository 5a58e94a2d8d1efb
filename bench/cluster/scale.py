"""Throughput and memory of streaming dedup and event clustering on synthetic news built from real text.

Synthetic documents are made from IndoSum sentences (real Indonesian news text): each document belongs to an event
whose base article it rewrites (keeps 60-90 % of its sentences, in order, and adds 1-3 sentences from elsewhere);
one in ten is a copy of an earlier report of its event. Documents arrive `--rate` a day, in batches of 1,000.
Only the time spent inside `DedupIndex.add` / `EventClusterer.add` counts (CPU time, as the machine is shared;
wall time beside it); peak memory is the process's maximum
resident set size, read at checkpoints. Run each phase in its own process so its peak is its own:

    nice .venv/bin/python -m bench.cluster.scale --phase dedup --documents 100000
    nice .venv/bin/python -m bench.cluster.scale --phase cluster --documents 100000
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from bench.cluster.common import indosum_articles
from bench.shared_data import require_dataset
from kabar.records import Document
from kabar.text import analyse

BATCH = 1000
NEW_EVENT_SHARE = 0.3
LIVE_EVENTS = 300  # a new report picks one of the most recent events
COPY_SHARE = 0.1


def _sentences(text: str) -> list[str]:
    return [s.text for s in analyse(Document(id="", source="", text=text)).sentences]


def synthetic(total: int, rate: float, seed: int = 1) -> Iterator[list[Document]]:
    root = require_dataset("indosum")
    seen: set[str] = set()
    bases: list[list[str]] = []
    for fold in ("dev.01.jsonl", "dev.02.jsonl", "dev.03.jsonl", "dev.04.jsonl", "dev.05.jsonl"):
        for article_id, text, _ in indosum_articles(root, fold=fold):
            if article_id not in seen:
                seen.add(article_id)
                bases.append(_sentences(text))
    pool = [sentence for base in bases for sentence in base]
    rng = random.Random(seed)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    events: list[tuple[int, list[str]]] = []  # (base index, last text) of recent events
    batch: list[Document] = []
    for k in range(total):
        published = (start + timedelta(days=k / rate)).isoformat(timespec="seconds")
        if not events or rng.random() < NEW_EVENT_SHARE:
            events.append((rng.randrange(len(bases)), []))
            events = events[-LIVE_EVENTS:]
        slot = rng.randrange(len(events))
        base_index, last = events[slot]
        if last and rng.random() < COPY_SHARE:
            sentences = last
        else:
            base = bases[base_index]
            keep = [s for s in base if rng.random() < rng.uniform(0.6, 0.9)] or base[:1]
            for _ in range(rng.randint(1, 3)):
                keep.insert(rng.randrange(len(keep) + 1), rng.choice(pool))
            sentences = keep
        events[slot] = (base_index, sentences)
        text = "\n\n".join(" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3))
        doc = analyse(
            Document(
                id=f"syn{k:07d}",
                source=f"syn{k}",
                text=text,
                title=sentences[0][:120],
                published=published,
                language="id",
            )
        )
        batch.append(doc)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phase", choices=("dedup", "cluster"), required=True)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--rate", type=float, default=2000.0, help="documents a day")
    parser.add_argument("--window-days", type=float, default=3.0)
    args = parser.parse_args()
    checkpoints = {
        n for n in (10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000) if n <= args.documents
    }
    checkpoints.add(args.documents)
    if args.phase == "dedup":
        from kabar.dedup import DedupIndex

        index = DedupIndex(window_days=args.window_days)

        def add(batch: list[Document]) -> int:
            return sum(len(index.add(doc)) for doc in batch)

        def live() -> int:
            return len(index)
    else:
        from kabar.cluster import EventClusterer

        clusterer = EventClusterer(window_days=args.window_days, use_embeddings=False, keep_retired=False)

        def add(batch: list[Document]) -> int:
            return len(set(clusterer.add(batch).values()))

        def live() -> int:
            return clusterer.live_events

    print(
        f"{args.phase}: {args.documents} synthetic documents, {args.rate:.0f} a day, window {args.window_days} days"
    )
    print(
        "| documents | wall s in add | CPU s in add | docs/s (CPU, cumulative) | docs/s (CPU, last stretch) "
        "| peak RSS MiB | live in memory | found |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    done, spent, cpu, found, last_done, last_spent = 0, 0.0, 0.0, 0, 0, 0.0
    for batch in synthetic(args.documents, args.rate):
        started, cpu_started = time.perf_counter(), time.process_time()
        found += add(batch)
        spent += time.perf_counter() - started
        cpu += time.process_time() - cpu_started
        done += len(batch)
        if done in checkpoints:
            stretch = (done - last_done) / (cpu - last_spent) if cpu > last_spent else 0.0
            print(
                f"| {done} | {spent:.1f} | {cpu:.1f} | {done / cpu:.0f} | {stretch:.0f} | {peak_mib():.0f} "
                f"| {live()} | {found} |",
                flush=True,
            )
            last_done, last_spent = done, cpu


if __name__ == "__main__":
    main()
