"""kabar's Python API: the CLI and the web app are thin layers over these functions.

>>> import kabar
>>> briefing = kabar.brief(["examples/kim-putin-2023"])          # doctest: +SKIP
>>> [len(event.documents) for event in briefing.events]          # doctest: +SKIP
[5]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from kabar.clean import ChromeMemory, observe
from kabar.cluster import EventClusterer
from kabar.errors import InputError
from kabar.ingest import discover, read_one
from kabar.ingest.readers import MAX_DOCUMENT_BYTES
from kabar.pipeline import BriefOptions, brief_events, cluster_events, prepare, single_event
from kabar.records import Briefing, Document, Event, RawDocument
from kabar.store import MEMORY, Store

CLUSTERER_STATE = "clusterer"
# Documents read before cleaning starts: cross-document chrome is found within a batch (and the store's memory of
# earlier batches), and memory stays bounded on large inputs.
CLEAN_BATCH_DOCUMENTS = 1000
CHROME_STATE = "chrome"

Progress = Callable[[str], None]


@dataclass(slots=True)
class IngestReport:
    """What an ingest did: documents stored, documents already known, inputs that failed (with the reason)."""

    new: list[str] = field(default_factory=list)
    known: list[str] = field(default_factory=list)
    failed: list[InputError] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    *,
    keep_going: bool = False,
    max_bytes: int = MAX_DOCUMENT_BYTES,
    progress: Progress | None = None,
) -> IngestReport:
    """Read, clean and store the articles in `paths`; each document in its own transaction.

    Without `keep_going` the first bad input raises InputError (documents stored before it stay stored, and
    nothing of the bad input is). With `keep_going` bad inputs are collected in the report and the rest is read.
    """
    report = IngestReport()
    stored_chrome = store.state(CHROME_STATE)
    chrome = ChromeMemory.from_dict(stored_chrome) if stored_chrome else ChromeMemory()
    batch: list[RawDocument] = []

    def clean_and_store_batch() -> None:
        # The whole batch is observed before any of it is cleaned, so that chrome an outlet repeats across the
        # batch is recognised in every document of it, whatever their order.
        for raw in batch:
            observe(chrome, raw)
        for raw in batch:
            document = prepare(raw, chrome)
            if store.add_document(document, raw):
                report.new.append(document.id)
            else:
                report.known.append(document.id)
            report.documents.append(document.id)
        batch.clear()

    try:
        sources = discover(paths)
    except InputError as error:
        if not keep_going:
            raise
        report.failed.append(error)
        sources = []
    for source in sources:
        try:
            # All of one input or nothing of it: a bad record half-way through a file drops the whole file.
            batch.extend(list(read_one(source, max_bytes=max_bytes)))
        except InputError as error:
            if not keep_going:
                raise
            report.failed.append(error)
        if len(batch) >= CLEAN_BATCH_DOCUMENTS:
            clean_and_store_batch()
        if progress:
            progress(source)
    clean_and_store_batch()
    if not sources and not report.failed:
        raise InputError("input", "no input files found")
    store.save_events([], state={CHROME_STATE: chrome.to_dict()})
    return report


def update_events(store: Store, options: BriefOptions | None = None) -> list[str]:
    """Put the documents that belong to no event yet into events, and brief every event that changed.

    Incremental: documents already in events are not clustered again, and event ids stay stable as they grow.
    All of it is saved in one transaction, so an interruption leaves the previous events in place and the new
    documents waiting for the next update.
    """
    options = options or BriefOptions()
    # Hold the write lock from reading the clusterer state to saving it back, so that two processes updating
    # one store take turns instead of overwriting each other's state.
    with store.transaction():
        pending = store.unassigned_document_ids()
        if not pending:
            return []
        state = store.state(CLUSTERER_STATE)
        clusterer = EventClusterer.from_dict(state) if state else EventClusterer()
        changed = set(cluster_events(store.documents_by_id(pending), clusterer))
        events = [event for event in clusterer.events() if event.id in changed]
        documents = {d.id: d for event in events for d in store.documents_by_id(event.documents)}
        briefed = brief_events(events, documents, options)
        store.save_events(briefed, state={CLUSTERER_STATE: clusterer.to_dict()})
    return [event.id for event in briefed]


def brief_documents(
    store: Store, document_ids: Sequence[str], options: BriefOptions | None = None
) -> Briefing:
    """The briefing of the events that the given stored documents belong to.

    With `options.single_event` the documents form one event of their own (not saved as a store event, since the
    grouping is the caller's); otherwise the store's events are updated first and the documents' events briefed.
    """
    options = options or BriefOptions()
    document_ids = list(dict.fromkeys(document_ids))
    if not document_ids:
        raise InputError("input", "no articles found in the input")
    if options.single_event:
        documents = {document.id: document for document in store.documents_by_id(document_ids)}
        events = brief_events([single_event(list(documents.values()))], documents, options)
    else:
        update_events(store, options)
        event_ids = list(dict.fromkeys(store.event_of_document(d) for d in document_ids))
        events = [event for event in (store.event(e) for e in event_ids if e) if event is not None]
        documents = {d.id: d for event in events for d in store.documents_by_id(event.documents)}
    return _briefing(events, documents)


def brief(
    paths: Sequence[str | Path],
    *,
    store: Store | None = None,
    options: BriefOptions | None = None,
    keep_going: bool = False,
    max_bytes: int = MAX_DOCUMENT_BYTES,
) -> Briefing:
    """Ingest `paths` (into `store`, or an in-memory one) and brief the events their articles belong to."""
    own_store = store is None
    store = store or Store(MEMORY)
    try:
        report = ingest(paths, store, keep_going=keep_going, max_bytes=max_bytes)
        return brief_documents(store, report.documents, options)
    finally:
        if own_store:
            store.close()


def _briefing(events: list[Event], documents: dict[str, Document]) -> Briefing:
    """The briefing of `events`: each event's documents once, in event order."""
    ordered = [documents[doc_id] for event in events for doc_id in event.documents if doc_id in documents]
    unique = list({document.id: document for document in ordered}.values())
    generated = datetime.now(UTC).isoformat(timespec="seconds")
    return Briefing(generated=generated, documents=unique, events=events)
