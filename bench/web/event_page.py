"""How fast `kabar serve` renders an event page (and the other pages) from a store of 100k documents.

Builds a synthetic store once (bench/out/web-100k.db, reused on later runs; --rebuild to redo it): documents of
realistic length (~25 sentences in paragraphs, Indonesian-like words from a seeded generator, 300 outlets over a
year), grouped into events of 2–12 documents with complete synthetic briefings (summary, facts, divergences,
quotes, entities, timeline, rewrites), plus one large event of 60 documents. Then times whole requests through
the ASGI app (FastAPI TestClient: open the store, read, build the view, render the template) and the HTML report.

    nice .venv/bin/python -m bench.web.event_page [--documents 100000] [--runs 30] [--rebuild]

Target (issue 6): an event page in under 200 ms from a 100k-document store.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kabar.records import (
    Cited,
    Divergence,
    Document,
    Duplicate,
    Entity,
    Event,
    Fact,
    Passage,
    Quote,
    Sentence,
    SummarySentence,
    TimelineEntry,
)
from kabar.store import Store

OUT = Path(__file__).resolve().parents[1] / "out"
TARGET_MS = 200.0
SEED = 20230913
OUTLETS = 300
TYPICAL_EVENT = 6  # documents in the event measured as "typical" (the seed event has 5)
LARGE_EVENT = 60  # a big story: many outlets over several days
ENTITY_POOL = 20_000  # distinct entity names across the synthetic store

SYLLABLES = [
    "ka",
    "ba",
    "ra",
    "ta",
    "na",
    "si",
    "mu",
    "lo",
    "ge",
    "pe",
    "an",
    "kan",
    "ng",
    "ri",
    "du",
    "ja",
    "wa",
]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def _sentence(rng: random.Random, vocabulary: list[str]) -> str:
    words = [rng.choice(vocabulary) for _ in range(rng.randint(9, 24))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def synthetic_document(number: int, rng: random.Random, vocabulary: list[str], start: datetime) -> Document:
    sentences: list[Sentence] = []
    parts: list[str] = []
    offset = 0
    index = 0
    for paragraph in range(rng.randint(6, 10)):
        texts = [_sentence(rng, vocabulary) for _ in range(rng.randint(2, 4))]
        paragraph_text = " ".join(texts)
        if parts:
            offset += 2  # the blank line between paragraphs
        cursor = offset
        for text in texts:
            sentences.append(Sentence(index, text, cursor, cursor + len(text), paragraph))
            index += 1
            cursor += len(text) + 1
        parts.append(paragraph_text)
        offset += len(paragraph_text)
    text = "\n\n".join(parts)
    published = start + timedelta(minutes=rng.randint(0, 365 * 24 * 60))
    return Document(
        id=f"{number:016x}",
        source=f"synthetic/{number}.txt",
        text=text,
        url=f"https://outlet{number % OUTLETS}.example/{number}",
        title=_sentence(rng, vocabulary)[:-1],
        outlet=f"Outlet {number % OUTLETS}",
        published=published.astimezone(UTC).isoformat(),
        language="id",
        sentences=sentences,
    )


def synthetic_event(event_id: str, documents: list[Document], rng: random.Random) -> Event:
    ids = [d.id for d in documents]

    def some(k: int) -> list[str]:
        return rng.sample(ids, min(k, len(ids)))

    def sentence_of(document: Document) -> tuple[str, int]:
        sentence = rng.choice(document.sentences)
        return sentence.text, sentence.index

    summary = []
    for _ in range(5):
        origin = rng.choice(documents)
        text, index = sentence_of(origin)
        summary.append(
            SummarySentence(text, [origin.id, *some(2)], {"document": origin.id, "sentence": index})
        )
    facts = []
    for _ in range(12):
        sources = some(rng.randint(1, 4))
        text, _ = sentence_of(next(d for d in documents if d.id == sources[0]))
        facts.append(Fact(text, sources, len(sources), len(sources) == 1, [Cited(text, sources[:1])]))
    dates = sorted(d.published or "" for d in documents)
    return Event(
        id=event_id,
        title=documents[0].title,
        documents=ids,
        first_published=dates[0],
        last_published=dates[-1],
        languages=["id"],
        duplicates=[Duplicate(ids[:2], 0.91, "rewrite", [Passage("a", "b", 0.9)])] if len(ids) > 2 else [],
        summary=summary,
        facts=facts,
        divergences=[
            Divergence("jumlah korban", [Cited("12 orang", some(1)), Cited("15 orang", some(1))], "number")
        ],
        quotes=[Quote("Juru Bicara", sentence_of(d)[0], d.id) for d in documents[:5]],
        entities=[
            # Names drawn from a large pool with a long tail, as in news: a few names recur, most are rare.
            Entity(f"Nama {k}", rng.choice(["PER", "ORG", "LOC"]), [f"N{k}"], some(3), rng.randint(1, 30))
            for k in {min(int(rng.paretovariate(0.6)), ENTITY_POOL) for _ in range(25)}
        ],
        timeline=[TimelineEntry(dates[0][:10], sentence_of(documents[0])[0], ids[:1]) for _ in range(6)],
    )


def build_store(path: Path, total: int) -> dict[str, str]:
    """Write the synthetic store; returns the ids of the measured events ("typical", "large")."""
    rng = random.Random(SEED)
    vocabulary = [_word(rng) for _ in range(5000)]
    start = datetime(2023, 1, 1, tzinfo=UTC)
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    began = time.perf_counter()
    with Store(path) as store:
        pending: list[Document] = []
        events: list[Event] = []
        number = 0
        event_count = 0
        sizes = [LARGE_EVENT, TYPICAL_EVENT]
        while number < total:
            size = sizes.pop(0) if sizes else rng.randint(2, 12)
            size = min(size, total - number)
            members = [synthetic_document(number + k, rng, vocabulary, start) for k in range(size)]
            number += size
            pending.extend(members)
            events.append(synthetic_event(f"event-{event_count:06d}", members, rng))
            event_count += 1
            if len(pending) >= 2000 or number >= total:
                for document in pending:
                    store.add_document(document)
                store.save_events(events)
                pending, events = [], []
                print(f"  {number:>7} documents ({time.perf_counter() - began:.0f} s)", file=sys.stderr)
    return {"typical": "event-000001", "large": "event-000000"}


def _time(call, runs: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    call()  # warm: templates compiled, pages cached by SQLite
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        call()
        samples.append((time.perf_counter() - began) * 1000)
    samples.sort()
    return {
        "median": statistics.median(samples),
        "p95": samples[min(len(samples) - 1, round(0.95 * len(samples)) - 1)],
        "max": samples[-1],
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    from kabar.render.html import render_html
    from kabar.web.app import create_app

    path = OUT / f"web-{args.documents // 1000}k.db"
    events = {"typical": "event-000001", "large": "event-000000"}
    if args.rebuild or not path.exists():
        print(f"building {path} ({args.documents} synthetic documents)…", file=sys.stderr)
        began = time.perf_counter()
        events = build_store(path, args.documents)
        print(f"built in {time.perf_counter() - began:.0f} s", file=sys.stderr)
    with Store(path) as store:
        documents, event_count = store.count_documents(), store.count_events()
        briefings = {name: store.briefing_for_event(event_id) for name, event_id in events.items()}
    client = TestClient(create_app(path))

    def get(url: str):  # type: ignore[no-untyped-def]
        def call() -> None:
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)

        return call

    size_mb = (
        sum(Path(f"{path}{s}").stat().st_size for s in ("", "-wal") if Path(f"{path}{s}").exists()) / 1e6
    )
    print(f"store: {documents} documents, {event_count} events, {size_mb:.0f} MB; {args.runs} runs each")
    print(f"{'what':46} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}")
    rows = [
        (f"event page, {TYPICAL_EVENT} documents (GET /events/ID)", get(f"/events/{events['typical']}")),
        (f"event page, {LARGE_EVENT} documents", get(f"/events/{events['large']}")),
        ("document page (GET /documents/ID)", get(f"/documents/{briefings['typical'].documents[0].id}")),
        ("events list, first page (GET /)", get("/")),
        ("events list filtered by outlet", get("/?outlet=Outlet%207")),
        ("events list filtered by a rare entity", get("/?entity=Nama%20900")),
        ("events list filtered by a common entity", get("/?entity=Nama%201")),
        (
            "search, one word (GET /search?q=...)",
            get(f"/search?q={briefings['typical'].documents[0].title.split()[0]}"),
        ),
        (
            f"JSON briefing, {TYPICAL_EVENT} documents (GET /api/events/ID)",
            get(f"/api/events/{events['typical']}"),
        ),
        (f"render_html report, {TYPICAL_EVENT} documents", lambda: render_html(briefings["typical"])),
    ]
    worst_event_page = 0.0
    for label, call in rows:
        figures = _time(call, args.runs)
        if label.startswith("event page"):
            worst_event_page = max(worst_event_page, figures["p95"])
        print(f"{label:46} {figures['median']:>10.1f} {figures['p95']:>8.1f} {figures['max']:>8.1f}")
    verdict = "meets" if worst_event_page < TARGET_MS else "MISSES"
    print(f"event page p95 {worst_event_page:.1f} ms: {verdict} the {TARGET_MS:.0f} ms target")


if __name__ == "__main__":
    main()
