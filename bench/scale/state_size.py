"""What the runner's clustering bookkeeping costs per slice as the corpus grows: the saved clusterer state (bytes,
document ids it names), the live events and documents it holds, and the time to load it, to add the slice, and to
summarise / serialise / save the changed events.

    KABAR_SHARED_DATA=/work/shared/data nice -n 10 .venv/bin/python -m bench.scale.state_size \\
        --documents 20000 --per-day 250 --slice 1000 [--undated 0.3] [--db X.db]

Documents come from `bench.scale.corpus.reports` (real article text recombined, `--per-day` a day, so 20,000 span
80 days: about three 30-day windows) and are stored without cleaning; embeddings and briefing are off, so what is
timed is the clustering step of `kabar.executors.runner.update_events` on `--slice` documents at a time. With the
clusterer holding one time window, the state, the live events and the per-slice times stay flat after the first
window instead of growing with the corpus. `--undated` stores that share of documents without a date (a crawl's
pages where no date was found); their store arrival time is set to the report's date, as a crawl fetches a page
while it is news, so they reach the clusterer among the dated documents of their days (the runner takes documents
by publication time, else arrival time). Arrival time is also the clock by which events with no dated document
retire: with `--undated 1.0` (no page dated) the state stays one window of arrivals.

The store (`--db`, a new file in a temporary folder unless given) is kept when given, with `<db>.content.json`
beside it: every document's event and every event's documents, to compare two versions of the code on one corpus.
An existing store is not filled again.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.scale.corpus import reports
from kabar.cluster import EventClusterer
from kabar.cluster import features as cluster_features
from kabar.executors import runner, steps
from kabar.records import Document
from kabar.store import Store


def fill(db: str, documents: int, per_day: int, seed: int, undated: float) -> None:
    """Store the corpus's reports; `undated` of them (chosen with `seed`) without a date, arriving on it."""
    choose = random.Random(seed)
    arrivals: list[tuple[str, str]] = []
    with Store(db) as store:
        for index, report in enumerate(reports(documents, per_day=per_day, seed=seed)):
            doc_id = hashlib.sha256(str(index).encode()).hexdigest()[:16]  # as kabar's ids
            published = report.published.isoformat()
            dated = choose.random() >= undated
            if not dated:
                arrivals.append((published, doc_id))
            store.add_document(
                Document(
                    id=doc_id,
                    source=report.url,
                    url=report.url,
                    text="\n\n".join(report.paragraphs),
                    title=report.title,
                    outlet=report.outlet,
                    published=published if dated else None,
                    language=report.language,
                )
            )
    with sqlite3.connect(db) as connection:
        connection.executemany("UPDATE documents SET added = ? WHERE id = ?", arrivals)


def measure(db: str, slice_documents: int) -> tuple[float, list[dict[str, Any]]]:
    """Run the runner's event update over the store, timing each slice's steps (by wrapping them)."""
    cluster_features.embeddings_available = lambda: False  # type: ignore[assignment]
    steps.brief_events = lambda events, documents, options: events  # type: ignore[assignment]
    runner.CLUSTER_SLICE_DOCUMENTS = slice_documents
    marks: dict[str, Any] = {}
    rows: list[dict[str, Any]] = []
    real_state, real_add, real_save = Store.state, EventClusterer.add_features, Store.save_events
    real_events, real_to_dict = EventClusterer.events, EventClusterer.to_dict

    def state(self: Store, key: str) -> Any:
        if key == runner.CLUSTERER_STATE:
            marks["load"] = time.perf_counter()
        return real_state(self, key)

    def add_features(self: EventClusterer, features: Any) -> Any:
        marks["add"] = time.perf_counter()
        result = real_add(self, features)
        marks["added"] = time.perf_counter()
        marks["live"] = self.live_events
        marks["live_documents"] = self.live_documents
        marks["undated_live"] = sum(1 for event in self._live.values() if event.last is None)
        return result

    def events(self: EventClusterer, *args: Any) -> Any:
        started = time.perf_counter()
        result = real_events(self, *args)
        marks["events"] = time.perf_counter() - started
        return result

    def to_dict(self: EventClusterer) -> Any:
        started = time.perf_counter()
        result = real_to_dict(self)
        marks["to_dict"] = time.perf_counter() - started
        return result

    def save_events(self: Store, events: Any, state: Any = None) -> None:
        real_save(self, events, state)
        if state and runner.CLUSTERER_STATE in state:
            done = time.perf_counter()
            saved = state[runner.CLUSTERER_STATE]
            ids = {m[0] for e in saved["live"] for m in e["members"]}
            ids.update(d for e in saved["live"] for d in e.get("archived", []))
            ids.update(d for r in saved["retired"] for d in r[2])
            rows.append(
                {
                    "load_s": marks["add"] - marks["load"],
                    "add_s": marks["added"] - marks["add"],
                    "events_s": marks["events"],
                    "to_dict_s": marks["to_dict"],
                    "after_add_s": done - marks["added"],
                    "state_bytes": len(json.dumps(saved, ensure_ascii=False)),
                    "state_ids": len(ids),
                    "live_events": marks["live"],
                    "live_documents": marks["live_documents"],
                    "undated_live": marks["undated_live"],
                }
            )

    Store.state = state  # type: ignore[method-assign]
    EventClusterer.add_features = add_features  # type: ignore[method-assign]
    EventClusterer.events = events  # type: ignore[method-assign]
    EventClusterer.to_dict = to_dict  # type: ignore[method-assign]
    Store.save_events = save_events  # type: ignore[method-assign]
    try:
        with Store(db) as store:
            started = time.perf_counter()
            runner.update_events(store)
            return time.perf_counter() - started, rows
    finally:
        Store.state, EventClusterer.add_features, Store.save_events = real_state, real_add, real_save  # type: ignore[method-assign]
        EventClusterer.events, EventClusterer.to_dict = real_events, real_to_dict  # type: ignore[method-assign]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="the store (kept, and not filled again if it exists)")
    parser.add_argument("--documents", type=int, default=20000)
    parser.add_argument("--per-day", type=int, default=250)
    parser.add_argument("--slice", type=int, default=1000, help="documents per clusterer add")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--undated", type=float, default=0.0, help="share of documents stored without a date")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kabar-state-size-") as folder:
        db = args.db or str(Path(folder) / "state-size.db")
        if not Path(db).exists():
            fill(db, args.documents, args.per_day, args.seed, args.undated)
        total, rows = measure(db, args.slice)
        print(f"update_events {total:.1f} s, {len(rows)} slices of {args.slice}")
        print(
            "| slice | docs | state KB | ids in state | live events (undated) | live documents | load s | add s "
            "| events() s | to_dict s | after add s |"
        )
        print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
        for number, row in enumerate(rows, 1):
            print(
                f"| {number} | {number * args.slice:,} | {row['state_bytes'] / 1024:,.0f} | {row['state_ids']:,} "
                f"| {row['live_events']:,} ({row['undated_live']:,}) | {row['live_documents']:,} "
                f"| {row['load_s']:.2f} | {row['add_s']:.2f} | {row['events_s']:.3f} | {row['to_dict_s']:.3f} "
                f"| {row['after_add_s']:.2f} |"
            )
        with sqlite3.connect(db) as connection:
            membership = dict(connection.execute("SELECT document_id, event_id FROM event_documents"))
            briefs = {
                event_id: json.loads(briefing)["documents"]
                for event_id, briefing in connection.execute("SELECT id, briefing FROM events")
            }
        print(f"{len(membership):,} documents in {len(briefs):,} events")
        if args.db:
            with open(args.db + ".content.json", "w") as handle:
                json.dump({"membership": membership, "documents": briefs}, handle, sort_keys=True)


if __name__ == "__main__":
    main()
