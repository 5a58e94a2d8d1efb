"""Throughput and memory of streaming dedup and event clustering on synthetic news built from real text.

Synthetic documents are made from IndoSum sentences (real Indonesian news text): each document belongs to an event
whose base article it rewrites (keeps 60-90 % of its sentences, in order, and adds 1-3 sentences from elsewhere);
one in ten is a copy of an earlier report of its event. Documents arrive `--rate` a day, in batches of 1,000.

Per-document work (sentence splitting, Sastrawi stemming, entity runs) is what any executor does in parallel before
the grouping steps, so by default it is done once per IndoSum sentence up front and each synthetic document is
assembled from its sentences' stems: what is timed is then exactly the grouping step, `DedupIndex.add_prepared`
(MinHash signature, LSH query and insert, signature filter, sentence alignment, eviction) or
`EventClusterer.add_features` (IDF, candidate search, assignment, refinement, merge, retirement). `--full` times
`DedupIndex.add` / `EventClusterer.add` on Documents instead (stemming included; about 3x slower). CPU time is
given (the machine is shared; wall time beside it); peak memory is the process's maximum resident set size, read at
checkpoints, and includes the sentence pool the generator holds (printed first as the baseline). Run each phase in
its own process so its peak is its own:

    nice .venv/bin/python -m bench.cluster.scale --phase dedup --documents 1000000
    nice .venv/bin/python -m bench.cluster.scale --phase cluster --documents 1000000
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bench.cluster.common import indosum_articles
from bench.shared_data import require_dataset
from kabar.cluster.features import TITLE_REPEAT, DocFeatures, capitalised_entities, sublinear
from kabar.dedup.align import SentenceTerms
from kabar.records import Document
from kabar.text import analyse, content_terms

BATCH = 1000
NEW_EVENT_SHARE = 0.3
LIVE_EVENTS = 300  # a new report picks one of the most recent events
COPY_SHARE = 0.1


@dataclass(slots=True)
class Sentence:
    """One IndoSum sentence with the per-document work already done on it."""

    text: str
    stems: list[str]
    entities: list[str]


@dataclass(slots=True)
class Synthetic:
    doc_id: str
    published: datetime
    sentences: list[Sentence]

    def document(self) -> Document:
        texts = [s.text for s in self.sentences]
        text = "\n\n".join(" ".join(texts[i : i + 3]) for i in range(0, len(texts), 3))
        return analyse(
            Document(
                id=self.doc_id,
                source=self.doc_id,
                text=text,
                title=texts[0][:120],
                published=self.published.isoformat(timespec="seconds"),
                language="id",
            )
        )

    def cluster_features(self) -> DocFeatures:
        """What `EventClusterer.features` gives for `document()`, from the sentences' precomputed stems."""
        counts: Counter[str] = Counter()
        for sentence in self.sentences:
            counts.update(sentence.stems)
            counts.update("ent:" + e for e in sentence.entities)
        for stem in self.sentences[0].stems:  # the title is the first sentence
            counts[stem] += TITLE_REPEAT
        return DocFeatures(
            doc_id=self.doc_id,
            title=self.sentences[0].text[:120],
            language="id",
            published=self.published,
            terms=sublinear(counts),
            embedding=None,
        )

    def dedup_input(self) -> tuple[list[SentenceTerms], list[str]]:
        return (
            [SentenceTerms(s.text, frozenset(s.stems)) for s in self.sentences],
            [stem for s in self.sentences for stem in s.stems],
        )


def _base_articles() -> list[list[Sentence]]:
    root = require_dataset("indosum")
    seen: set[str] = set()
    bases: list[list[Sentence]] = []
    for fold in ("dev.01.jsonl", "dev.02.jsonl", "dev.03.jsonl", "dev.04.jsonl", "dev.05.jsonl"):
        for article_id, text, _ in indosum_articles(root, fold=fold):
            if article_id in seen:
                continue
            seen.add(article_id)
            sentences = []
            for s in analyse(Document(id="", source="", text=text, language="id")).sentences:
                entities = capitalised_entities(Document(id="", source="", text=s.text))
                sentences.append(Sentence(s.text, content_terms(s.text, "id"), entities))
            bases.append(sentences)
    return bases


def synthetic(
    total: int, rate: float, bases: list[list[Sentence]], seed: int = 1
) -> Iterator[list[Synthetic]]:
    pool = [sentence for base in bases for sentence in base]
    rng = random.Random(seed)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    events: list[tuple[int, list[Sentence]]] = []  # (base index, last report) of recent events
    batch: list[Synthetic] = []
    for k in range(total):
        published = start + timedelta(days=k / rate)
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
        batch.append(Synthetic(f"syn{k:07d}", published, sentences))
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
    parser.add_argument("--full", action="store_true", help="time add() on Documents, stemming included")
    args = parser.parse_args()
    checkpoints = {
        n
        for n in (10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 750_000, 1_000_000)
        if n <= args.documents
    }
    checkpoints.add(args.documents)
    started = time.perf_counter()
    bases = _base_articles()
    print(
        f"{sum(map(len, bases))} IndoSum sentences of {len(bases)} articles prepared in "
        f"{time.perf_counter() - started:.0f} s; baseline peak RSS {peak_mib():.0f} MiB",
        file=sys.stderr,
    )
    if args.phase == "dedup":
        from kabar.dedup import DedupIndex

        index = DedupIndex(window_days=args.window_days)

        def add(batch: list[Synthetic]) -> tuple[int, float]:
            if args.full:
                documents = [item.document() for item in batch]
                started = time.process_time()
                found = sum(len(index.add(doc)) for doc in documents)
                return found, time.process_time() - started
            prepared = [(item, *item.dedup_input()) for item in batch]
            started = time.process_time()
            found = sum(
                len(index.add_prepared(item.doc_id, item.published, sentences, terms))
                for item, sentences, terms in prepared
            )
            return found, time.process_time() - started

        def live() -> str:
            return f"{len(index):,} documents"
    else:
        from kabar.cluster import EventClusterer

        clusterer = EventClusterer(window_days=args.window_days, use_embeddings=False, keep_retired=False)

        def add(batch: list[Synthetic]) -> tuple[int, float]:
            if args.full:
                documents = [item.document() for item in batch]
                started = time.process_time()
                found = len(set(clusterer.add(documents).values()))
                return found, time.process_time() - started
            features = [item.cluster_features() for item in batch]
            started = time.process_time()
            found = len(set(clusterer.add_features(features).values()))
            return found, time.process_time() - started

        def live() -> str:
            return f"{clusterer.live_events:,} events, {clusterer.live_documents:,} documents, {len(clusterer._df):,} terms"

    timed = "add() on Documents" if args.full else "the grouping step on precomputed per-document work"
    print(
        f"{args.phase}: {args.documents} synthetic documents, {args.rate:.0f} a day, window {args.window_days} days; "
        f"timed: {timed}",
        flush=True,
    )
    print(
        "| documents | CPU s timed | docs/s (CPU, cumulative) | docs/s (CPU, last stretch) "
        "| peak RSS MiB | live in memory | found | wall s (all) |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    done, cpu, found, last_done, last_cpu = 0, 0.0, 0, 0, 0.0
    for batch in synthetic(args.documents, args.rate, bases):
        more, spent = add(batch)
        found += more
        cpu += spent
        done += len(batch)
        if done in checkpoints:
            stretch = (done - last_done) / (cpu - last_cpu) if cpu > last_cpu else 0.0
            print(
                f"| {done:,} | {cpu:.1f} | {done / cpu:.0f} | {stretch:.0f} | {peak_mib():.0f} "
                f"| {live()} | {found:,} | {time.perf_counter() - started:.0f} |",
                flush=True,
            )
            last_done, last_cpu = done, cpu


if __name__ == "__main__":
    main()
