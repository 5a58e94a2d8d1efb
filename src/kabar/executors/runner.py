"""`kabar run`: the whole pipeline over a corpus, its per-document and per-event work spread over an executor.

What runs where (the same under every executor, so results are identical):

1. **Read and observe** (driver). Inputs are read in the order given and grouped into clean batches exactly as
   `kabar.api.ingest` does (whole inputs, at least `CLEAN_BATCH_DOCUMENTS` documents). Every document of a batch is
   observed into the chrome memory before any of it is cleaned. Reading is I/O and observing is hashing lines, both
   cheap next to cleaning.
2. **Prepare** (executor, `DOCUMENTS_PER_TASK` documents a task). Clean, language, sentences and the embedding the
   clusterer needs. Each task carries a copy of the chrome memory as it stood after its batch was observed, so a
   document is cleaned the same way whoever cleans it and whenever. Documents already in the store (by id) are not
   prepared again. The driver stores results in input order, one transaction per document.
3. **Cluster** (executor, then driver). Documents that belong to no event are clustered in slices of
   `CLUSTER_SLICE_DOCUMENTS` (in the store's order: publication time, then arrival). The clusterer's per-document
   work (terms, stems, entities) runs on the executor; the driver adds the results to the one clusterer
   (`EventClusterer.add_features`) and saves the slice with the clusterer state in one transaction. Adding is
   sequential by nature (a document joins the events formed by the documents before it), cheap once the features
   exist, and keeping it in one place is what makes the events of every executor equal (no partitions to merge);
   memory is bounded by the slice and by the clusterer's time window: the clusterer holds the live events of the
   window only, and the store keeps the members it archived or retired (`Store.save_clustered_events`). Each
   document's arrival time (when the store received it) goes with its features: the clock by which events with no
   dated document retire, so a crawl without dates stays bounded too.
4. **Brief** (executor, a few events a task). Events are independent, so each changed event is briefed anywhere;
   the driver saves them as they arrive.

Resumable: the chrome memory is saved after every fully stored batch, the clusterer after every slice, and the
events still to brief are remembered in the store, so a run killed at any point and started again skips what is
done and ends with the same store as an uninterrupted run.
"""

from __future__ import annotations

import copy
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from kabar.clean import ChromeMemory, observe
from kabar.cluster import EventClusterer
from kabar.errors import InputError
from kabar.executors.base import DOCUMENTS_PER_TASK, Executor, InProcessExecutor
from kabar.executors.sources import discover_sources, read_source
from kabar.executors.steps import (
    BriefTask,
    FeatureTask,
    Prepared,
    PrepareFunction,
    PrepareTask,
    brief_task,
    chrome_for,
    cluster_features_task,
    prepare_task,
)
from kabar.ingest import document_id, why_nothing_found
from kabar.ingest.readers import MAX_DOCUMENT_BYTES
from kabar.pipeline import BriefOptions
from kabar.records import Briefing, Document, Event, RawDocument, published_datetime
from kabar.store import Store

# Store keys of the state kept between runs.
CLUSTERER_STATE = "clusterer"
CHROME_STATE = "chrome"
# Events clustered but not yet briefed, kept in the store so that a resumed run briefs them.
UNBRIEFED_STATE = "executors.unbriefed"
# Documents read before cleaning starts: cross-document chrome is found within a batch (and the store's memory of
# earlier batches), and memory stays bounded on large inputs.
CLEAN_BATCH_DOCUMENTS = 1000
# Documents added to the clusterer at a time. The clusterer weighs terms by the document frequencies of what it has
# seen, including the slice being added, so this is part of the result: every executor uses the same slices. At
# 5,000 documents a slice holds about 100 MB of documents with sentences.
CLUSTER_SLICE_DOCUMENTS = 5000
# The chrome memory is snapshotted at a batch boundary at most this often (a snapshot of a large memory costs a
# fraction of a second); a resumed run redoes at most the batches since the last saved snapshot. The list of events
# still to brief is saved as often: a resumed run briefs again at most the events of the last 30 seconds (briefing
# is deterministic, so the result is the same), and the list is not rewritten after every task of a long run.
CHECKPOINT_SECONDS = 30.0


class RunProgress(Protocol):
    """Where a run is: stages with a known or growing total, advanced as work completes."""

    def stage(self, name: str, total: int) -> None: ...

    def grow(self, count: int) -> None: ...

    def advance(self, count: int = 1) -> None: ...

    def close(self) -> None: ...


@dataclass(slots=True)
class IngestReport:
    """What an ingest did: documents stored, documents already known, inputs that failed (with the reason).

    `documents` lists every document read, in input order (a document read twice appears twice).
    """

    new: list[str] = field(default_factory=list)
    known: list[str] = field(default_factory=list)
    failed: list[InputError] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    sources: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed

    @property
    def read(self) -> int:
        return len(self.documents)


@dataclass(slots=True)
class RunReport(IngestReport):
    """What a run did: the ingest, the events briefed, who ran it and how long each step took."""

    engine: str = InProcessExecutor.name
    workers: int = 1
    events: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


@dataclass(slots=True)
class _Checkpoint:
    """The chrome memory as it stood after a batch was observed; saved once every task up to `tasks` is stored."""

    tasks: int
    chrome: dict


def _batches(
    sources: Sequence[str],
    *,
    keep_going: bool,
    max_bytes: int,
    report: IngestReport,
    on_source: Callable[[str], None] | None = None,
) -> Iterator[list[RawDocument]]:
    """Clean batches: whole inputs, closed once they hold at least `CLEAN_BATCH_DOCUMENTS` documents.

    `on_source` is called once per input, after it is read (and after its batch is cleaned where it closed one).
    """
    batch: list[RawDocument] = []
    for source in sources:
        try:
            # All of one input or nothing of it: a bad record half-way through a file drops the whole file.
            batch.extend(list(read_source(source, max_bytes=max_bytes)))
        except InputError as error:
            if not keep_going:
                raise
            report.failed.append(error)
        if len(batch) >= CLEAN_BATCH_DOCUMENTS:
            yield batch
            batch = []
        if on_source:
            on_source(source)
    if batch:
        yield batch


def ingest_documents(
    paths: Iterable[str | Path],
    store: Store,
    executor: Executor,
    report: IngestReport,
    *,
    keep_going: bool = False,
    max_bytes: int = MAX_DOCUMENT_BYTES,
    task_documents: int = DOCUMENTS_PER_TASK,
    progress: RunProgress | None = None,
    on_source: Callable[[str], None] | None = None,
    prepare: PrepareFunction | None = None,
) -> None:
    """Steps 1 and 2: read, observe, prepare on the executor, store in input order (with the raw form).

    This is `kabar ingest` (`kabar.api.ingest` calls it with the in-process executor and one document a task, so
    that every document is stored as soon as it is clean); `prepare` replaces `kabar.pipeline.prepare` (it must be
    importable by name for executors that run elsewhere).
    """
    stored_chrome = store.state(CHROME_STATE)
    chrome = ChromeMemory.from_dict(stored_chrome) if stored_chrome else ChromeMemory()
    paths = list(paths)  # read twice where nothing is found (the reason names what was skipped)
    try:
        sources = discover_sources(paths)
    except InputError as error:
        if not keep_going:
            raise
        report.failed.append(error)
        sources = []
    report.sources = len(sources)
    if not sources and not report.failed:
        raise InputError("input", why_nothing_found(paths))
    if progress:
        progress.stage("documents", 0)

    checkpoints: deque[_Checkpoint] = deque()
    # The raw documents of the tasks in flight, in task order (results come back in task order): stored with the
    # clean documents, as `kabar ingest` always did, without shipping them back from the workers.
    in_flight: deque[list[RawDocument]] = deque()
    generated = 0
    last_checkpoint = time.monotonic()
    batches = _batches(
        sources, keep_going=keep_going, max_bytes=max_bytes, report=report, on_source=on_source
    )

    def tasks() -> Iterator[PrepareTask]:
        nonlocal generated, last_checkpoint
        for batch in batches:
            for raw in batch:
                observe(chrome, raw)
            fresh: list[RawDocument] = []
            for raw in batch:
                raw_id = document_id(raw)
                report.documents.append(raw_id)
                if store.has_document(raw_id):
                    # Known content read again: the store only records the new place it was found.
                    store.add_document(Document(id=raw_id, source=raw.source, text=""))
                    report.known.append(raw_id)
                else:
                    fresh.append(raw)
            if progress:
                progress.grow(len(batch))
                progress.advance(len(batch) - len(fresh))
            for start in range(0, len(fresh), task_documents):
                raws = fresh[start : start + task_documents]
                generated += 1
                in_flight.append(raws)
                # A copy: later batches go on observing into `chrome` while this task waits in a queue.
                yield PrepareTask(raws, copy.deepcopy(chrome_for(raws, chrome)), keep_going, prepare)
            if time.monotonic() - last_checkpoint >= CHECKPOINT_SECONDS:
                checkpoints.append(_Checkpoint(generated, chrome.to_dict()))
                last_checkpoint = time.monotonic()
        checkpoints.append(_Checkpoint(generated, chrome.to_dict()))

    def save_done_checkpoints(done: int) -> None:
        latest = None
        while checkpoints and checkpoints[0].tasks <= done:
            latest = checkpoints.popleft()
        if latest is not None:
            store.save_events([], state={CHROME_STATE: latest.chrome})

    done = 0
    prepared: Prepared
    for prepared in executor.map(prepare_task, tasks()):
        raws = in_flight.popleft()
        for failure in prepared.failures:
            report.failed.append(InputError(failure.source, failure.reason))
        for document, raw in zip(prepared.documents, raws, strict=True):
            if document is None:
                continue
            if store.add_document(document, raw):
                report.new.append(document.id)
            else:
                report.known.append(document.id)
        done += 1
        if progress:
            progress.advance(len(prepared.documents))
        save_done_checkpoints(done)
    save_done_checkpoints(generated)


def _brief_tasks(store: Store, event_ids: Sequence[str], task_documents: int) -> Iterator[BriefTask]:
    """Whole events (never split) until a task holds `task_documents` documents: briefing costs grow with an
    event's documents, so tasks are balanced by documents rather than by events."""
    events: list[Event] = []
    documents: dict[str, Document] = {}
    for event_id in event_ids:
        event = store.event(event_id)
        if event is None:  # emptied by a merge since it was clustered
            continue
        events.append(event)
        documents.update((d.id, d) for d in store.documents_by_id(event.documents))
        if len(documents) >= task_documents:
            yield BriefTask(events, documents)
            events, documents = [], {}
    if events:
        yield BriefTask(events, documents)


def _feature_tasks(documents: Sequence[Document], task_documents: int) -> Iterator[FeatureTask]:
    for start in range(0, len(documents), task_documents):
        yield FeatureTask(list(documents[start : start + task_documents]))


def _save_unbriefed(
    store: Store, events: Sequence[Event], *, added: Iterable[str] = (), done: Iterable[str] = ()
) -> None:
    """Save `events` and update the stored list of events still to brief, in one transaction.

    The list is read back inside the transaction, so that another process updating the same store (which adds its
    own events to the list) does not lose its entries to this one's.
    """
    with store.transaction():
        unbriefed = (set(store.state(UNBRIEFED_STATE) or []) | set(added)) - set(done)
        store.save_events(events, state={UNBRIEFED_STATE: sorted(unbriefed)})


def update_events(
    store: Store,
    executor: Executor | None = None,
    options: BriefOptions | None = None,
    *,
    task_documents: int = DOCUMENTS_PER_TASK,
    progress: RunProgress | None = None,
    seconds: dict[str, float] | None = None,
) -> list[str]:
    """Steps 3 and 4: cluster the documents that belong to no event, then brief every changed event.

    This is `kabar.api.update_events` (which calls it in-process). Incremental: documents already in events are
    not clustered again, and event ids stay stable as events grow. Returns the ids of the events briefed, sorted;
    `seconds` (if given) receives the time each step took.
    """
    started = time.perf_counter()
    executor = executor or InProcessExecutor()
    options = options or BriefOptions()
    pending = store.unassigned_document_ids()
    if progress and pending:
        progress.stage("clustering", len(pending))
    for start in range(0, len(pending), CLUSTER_SLICE_DOCUMENTS):
        piece = store.documents_by_id(pending[start : start + CLUSTER_SLICE_DOCUMENTS])
        # The per-document part of clustering on the executor; only adding them to the clusterer is sequential.
        features = [
            feature
            for chunk in executor.map(cluster_features_task, _feature_tasks(piece, task_documents))
            for feature in chunk
        ]
        # Hold the write lock from reading the clusterer state to saving it, so that two processes updating one
        # store take turns instead of overwriting each other's state.
        with store.transaction():
            # The clusterer holds one time window (memory and the saved state stay bounded however long the
            # crawl); the store keeps every event's members. Documents another process clustered meanwhile are
            # skipped here, as the clusterer no longer remembers every document it clustered.
            features = [feature for feature in features if store.event_of_document(feature.doc_id) is None]
            # When each document reached the store: the clock by which events with no dated member retire (a crawl
            # without dates would otherwise keep every event). Read from the store, so every engine and a resumed
            # run see the same times.
            arrivals = store.arrival_times([feature.doc_id for feature in features])
            for feature in features:
                feature.arrived = published_datetime(arrivals.get(feature.doc_id))
            state = store.state(CLUSTERER_STATE)
            clusterer = (
                EventClusterer.from_dict(state, keep_retired=False)
                if state
                else EventClusterer(keep_retired=False)
            )
            changed = set(clusterer.add_features(features).values())
            unbriefed = set(store.state(UNBRIEFED_STATE) or []) | changed
            store.save_clustered_events(
                clusterer.events(changed),
                absorbed=clusterer.absorbed(),
                state={CLUSTERER_STATE: clusterer.to_dict(), UNBRIEFED_STATE: sorted(unbriefed)},
            )
        if progress:
            progress.advance(len(piece))
        del piece, features
    clustered = time.perf_counter()
    order = sorted(store.state(UNBRIEFED_STATE) or [])
    if progress and order:
        progress.stage("briefing", len(order))
    briefed_ids: list[str] = []
    briefed: list[Event]
    waiting: list[Event] = []  # briefed, saved, not yet struck off the stored list
    last_checkpoint = time.monotonic()
    stale: set[str] = set()  # changed by another process while being briefed here: stay on the list
    for briefed in executor.map(brief_task, _brief_tasks(store, order, task_documents), options):
        stale.update(store.save_briefed_events(briefed))
        briefed = [event for event in briefed if event.id not in stale]
        waiting.extend(briefed)
        briefed_ids.extend(event.id for event in briefed)
        if time.monotonic() - last_checkpoint >= CHECKPOINT_SECONDS:
            _save_unbriefed(store, [], done=[event.id for event in waiting])
            waiting.clear()
            last_checkpoint = time.monotonic()
        if progress:
            progress.advance(len(briefed))
    if order:
        # Every event of `order` is briefed now, vanished (merged away) since it was clustered, or changed by another
        # process meanwhile (stale: it stays on the list, for the next update to brief).
        _save_unbriefed(store, [], done=[event_id for event_id in order if event_id not in stale])
    if seconds is not None:
        seconds["clustering"] = clustered - started
        seconds["briefing"] = time.perf_counter() - clustered
    return sorted(briefed_ids)


def run(
    paths: Iterable[str | Path],
    store: Store,
    executor: Executor | None = None,
    *,
    options: BriefOptions | None = None,
    keep_going: bool = False,
    max_bytes: int = MAX_DOCUMENT_BYTES,
    task_documents: int = DOCUMENTS_PER_TASK,
    progress: RunProgress | None = None,
) -> RunReport:
    """Read, clean, store, cluster and brief `paths` into `store`, the heavy steps on `executor`.

    The executor (in-process by default) changes how fast, never what: every executor gives the same documents,
    events and briefings; so does `task_documents`, the size of a unit of parallel work. Without `keep_going` the first bad input raises InputError (documents stored before it
    stay stored); with it, bad inputs are collected in the report.
    """
    executor = executor or InProcessExecutor()
    report = RunReport(engine=executor.name, workers=executor.workers)
    started = time.perf_counter()
    ingest_documents(
        paths,
        store,
        executor,
        report,
        keep_going=keep_going,
        max_bytes=max_bytes,
        task_documents=task_documents,
        progress=progress,
    )
    report.seconds["documents"] = time.perf_counter() - started
    middle = time.perf_counter()
    report.events = update_events(
        store, executor, options, task_documents=task_documents, progress=progress, seconds=report.seconds
    )
    report.seconds["events"] = time.perf_counter() - middle
    report.seconds["total"] = time.perf_counter() - started
    if progress:
        progress.close()
    return report


def briefing_of(store: Store, document_ids: Sequence[str]) -> Briefing:
    """The briefing of the events the given documents belong to (what `kabar brief` prints for its input)."""
    from datetime import UTC, datetime

    event_ids = list(dict.fromkeys(e for e in (store.event_of_document(d) for d in document_ids) if e))
    events = [event for event in (store.event(e) for e in event_ids) if event is not None]
    documents: dict[str, Document] = {}
    for event in events:
        for document in store.documents_by_id(event.documents):
            documents.setdefault(document.id, document)
    generated = datetime.now(UTC).isoformat(timespec="seconds")
    return Briefing(generated=generated, documents=list(documents.values()), events=events)
