"""kabar's Python API: the CLI and the web app are thin layers over these functions.

>>> import kabar
>>> briefing = kabar.brief(["examples/kim-putin-2023"])          # doctest: +SKIP
>>> [len(event.documents) for event in briefing.events]          # doctest: +SKIP
[5]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from kabar.clean import ChromeMemory
from kabar.errors import InputError
from kabar.executors.base import InProcessExecutor
from kabar.executors.runner import (
    CHROME_STATE,
    CLEAN_BATCH_DOCUMENTS,
    CLUSTERER_STATE,
    IngestReport,
    ingest_documents,
)
from kabar.executors.runner import update_events as run_update_events
from kabar.ingest.readers import MAX_DOCUMENT_BYTES
from kabar.pipeline import BriefOptions, brief_events, prepare, single_event
from kabar.records import Briefing, Document, Event, RawDocument
from kabar.store import MEMORY, Store

__all__ = [
    "CHROME_STATE",
    "CLEAN_BATCH_DOCUMENTS",
    "CLUSTERER_STATE",
    "IngestReport",
    "brief",
    "brief_documents",
    "ingest",
    "update_events",
]

Progress = Callable[[str], None]


def _prepare(raw: RawDocument, chrome: ChromeMemory | None) -> Document:
    """The per-document step of `ingest`: `kabar.pipeline.prepare`, looked up here at call time."""
    return prepare(raw, chrome)


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
    `progress` is called with each input once it is read.

    One implementation with `kabar run`: this is its per-document stage (`kabar.executors.runner.ingest_documents`)
    in this process, one document a task, so each document is stored as soon as it is clean.
    """
    report = IngestReport()
    ingest_documents(
        paths,
        store,
        InProcessExecutor(),
        report,
        keep_going=keep_going,
        max_bytes=max_bytes,
        task_documents=1,
        on_source=progress,
        prepare=_prepare,
    )
    return report


def update_events(store: Store, options: BriefOptions | None = None) -> list[str]:
    """Put the documents that belong to no event yet into events, and brief every event that changed.

    Incremental: documents already in events are not clustered again, and event ids stay stable as they grow.
    Resumable: the clusterer's state is saved with each slice of documents it clustered, and the events still to
    brief are remembered in the store, so an interrupted update is finished by the next one. Returns the ids of the
    events briefed, sorted. One implementation with `kabar run` (`kabar.executors.runner.update_events`, here in
    this process).
    """
    return run_update_events(store, InProcessExecutor(), options)


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
