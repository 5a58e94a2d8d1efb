"""Parquet export of a store: documents, events and briefings, for analysis tools (pandas, DuckDB, Spark).

Three files in one folder, written page by page so memory stays bounded on large stores:

* `documents.parquet`: one row per document (metadata, clean text, every source, its event);
* `events.parquet`: one row per event (title, dates, languages, member documents);
* `briefings.parquet`: one row per event with its summary as text and the whole briefed event as
  `kabar.briefing/1` JSON (the `events[]` entry), so nothing of the briefing is lost in the flattening.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from kabar.errors import KabarError
from kabar.records import Document, Event
from kabar.store import Store

# Rows read from the store and written as one Parquet row group at a time.
PAGE_ROWS = 2000

DOCUMENTS_FILE = "documents.parquet"
EVENTS_FILE = "events.parquet"
BRIEFINGS_FILE = "briefings.parquet"


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise KabarError("Parquet output needs pyarrow: pip install 'kabar[parquet]'") from None
    return pyarrow


def _schemas(pa: Any) -> dict[str, Any]:
    text = pa.string()
    return {
        DOCUMENTS_FILE: pa.schema(
            [
                ("id", text),
                ("event_id", text),
                ("source", text),
                ("sources", pa.list_(text)),
                ("url", text),
                ("title", text),
                ("outlet", text),
                ("author", text),
                ("published", text),
                ("language", text),
                ("text", text),
                ("captions", pa.list_(text)),
                ("removed_lines", pa.int32()),
            ]
        ),
        EVENTS_FILE: pa.schema(
            [
                ("id", text),
                ("title", text),
                ("first_published", text),
                ("last_published", text),
                ("languages", pa.list_(text)),
                ("documents", pa.list_(text)),
                ("n_documents", pa.int32()),
            ]
        ),
        BRIEFINGS_FILE: pa.schema(
            [
                ("event_id", text),
                ("title", text),
                ("summary", text),
                ("n_facts", pa.int32()),
                ("n_divergences", pa.int32()),
                ("n_quotes", pa.int32()),
                ("n_entities", pa.int32()),
                ("n_duplicates", pa.int32()),
                ("briefing", text),
            ]
        ),
    }


def _document_row(store: Store, document: Document) -> dict[str, Any]:
    return {
        "id": document.id,
        "event_id": store.event_of_document(document.id),
        "source": document.source,
        "sources": list(document.sources),
        "url": document.url,
        "title": document.title,
        "outlet": document.outlet,
        "author": document.author,
        "published": document.published,
        "language": document.language,
        "text": document.text,
        "captions": list(document.captions),
        "removed_lines": len(document.removed),
    }


def _event_row(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "title": event.title,
        "first_published": event.first_published,
        "last_published": event.last_published,
        "languages": list(event.languages),
        "documents": list(event.documents),
        "n_documents": len(event.documents),
    }


def _briefing_row(event: Event) -> dict[str, Any]:
    return {
        "event_id": event.id,
        "title": event.title,
        "summary": " ".join(sentence.text for sentence in event.summary),
        "n_facts": len(event.facts),
        "n_divergences": len(event.divergences),
        "n_quotes": len(event.quotes),
        "n_entities": len(event.entities),
        "n_duplicates": len(event.duplicates),
        "briefing": json.dumps(asdict(event), ensure_ascii=False),
    }


def _pages_of_documents(store: Store) -> Iterator[list[Document]]:
    offset = 0
    while page := store.documents(limit=PAGE_ROWS, offset=offset):
        yield page
        offset += len(page)


def _pages_of_events(store: Store) -> Iterator[list[Event]]:
    offset = 0
    while page := store.events(limit=PAGE_ROWS, offset=offset):
        yield page
        offset += len(page)


def write_parquet(store: Store, directory: str | Path) -> dict[str, int]:
    """Write the store's documents, events and briefings as Parquet files in `directory`; rows written per file."""
    pa = _pyarrow()
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    schemas = _schemas(pa)
    counts = dict.fromkeys(schemas, 0)
    writers = {name: pa.parquet.ParquetWriter(folder / name, schema) for name, schema in schemas.items()}
    try:
        for documents in _pages_of_documents(store):
            rows = [_document_row(store, document) for document in documents]
            writers[DOCUMENTS_FILE].write_table(pa.Table.from_pylist(rows, schema=schemas[DOCUMENTS_FILE]))
            counts[DOCUMENTS_FILE] += len(rows)
        for events in _pages_of_events(store):
            for name, make_row in ((EVENTS_FILE, _event_row), (BRIEFINGS_FILE, _briefing_row)):
                rows = [make_row(event) for event in events]
                writers[name].write_table(pa.Table.from_pylist(rows, schema=schemas[name]))
                counts[name] += len(rows)
    finally:
        for writer in writers.values():
            writer.close()
    return counts
