"""Shared set-up of the web tests (no tests here): stores built from the bundled example, hostile documents."""

from __future__ import annotations

import atexit
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from kabar import api
from kabar.records import Document, Event, SummarySentence
from kabar.store import Store
from kabar.text import analyse

HOSTILE_ID = "feedfacecafe0001"
HOSTILE_TITLE = "Warga <b>heboh</b> & <script>alert('judul')</script> terkejut"
HOSTILE_SCRIPT = "<script>alert('xss')</script>"
HOSTILE_TEXT = (
    f"Seorang warga menulis {HOSTILE_SCRIPT} di papan pengumuman kota pada hari Rabu.\n\n"
    'Petugas menemukan tulisan <img src=x onerror="alert(2)"> dan tautan javascript:alert(3) di sana.'
)
CRAFTED_EVENT_ID = "event-crafted-citations"


def build_seed_store(db_path: Path, example_paths: list[Path]) -> str:
    """A store made the way `kabar ingest examples/kim-putin-2023` makes it; returns the seed event's id."""
    with Store(db_path) as store:
        api.ingest(example_paths, store)
        api.update_events(store)
        events = store.events(limit=None)
    assert len(events) >= 1, "the seed articles should form an event"
    return max(events, key=lambda event: len(event.documents)).id


def add_hostile_document(db_path: Path) -> Document:
    """An article whose title, text and URL try to inject markup and script, stored as clean text would be."""
    document = analyse(
        Document(
            id=HOSTILE_ID,
            source="tests/hostile.txt",
            text=HOSTILE_TEXT,
            url="javascript:alert('url')",
            title=HOSTILE_TITLE,
            outlet="<i>Evil</i> Times",
            published="2023-09-13T10:00:00+07:00",
            language="id",
        )
    )
    with Store(db_path) as store:
        store.add_document(document)
    return document


def _stored_copy(store: Store, document: Document) -> Document:
    """The document again under another id (a document belongs to one event: the crafted event needs its own)."""
    copy = replace(document, id="c0de" + document.id[4:], source=f"{document.source}#crafted-copy")
    store.add_document(copy)
    return copy


def add_crafted_event(db_path: Path, seed_event_id: str) -> tuple[Event, dict[str, int]]:
    """An event over copies of two seed documents and the hostile one, whose summary cites known sentences.

    Summary sentence 1 is the longest sentence of the second document, word for word, with its origin given as
    sentence 2 of the first document: the citation of the first document must follow the origin, the citation of
    the second must find the identical sentence by word overlap. Returns the event and, per cited document, the
    sentence index its citation must open.
    """
    with Store(db_path) as store:
        seed = store.event(seed_event_id)
        assert seed is not None
        documents = store.documents_by_id(seed.documents)
        first, second = (_stored_copy(store, document) for document in documents[:2])
        supporting = max(second.sentences, key=lambda sentence: len(sentence.text))
        event = Event(
            id=CRAFTED_EVENT_ID,
            title=None,
            documents=[first.id, second.id, HOSTILE_ID],
            summary=[
                SummarySentence(
                    supporting.text, [first.id, second.id], {"document": first.id, "sentence": 2}
                ),
                SummarySentence(
                    HOSTILE_TEXT.split("\n")[0], [HOSTILE_ID], {"document": HOSTILE_ID, "sentence": 0}
                ),
            ],
        )
        store.save_events([event])
    return event, {first.id: 2, second.id: supporting.index, HOSTILE_ID: 0}


@dataclass(frozen=True)
class SeedStore:
    db: Path
    seed_event_id: str
    expected_sentences: dict[str, int]  # per document cited by the crafted event's first summary sentence


_TEMPLATE: list[SeedStore] = []


def seed_store_copy(target: Path, example_paths: list[Path]) -> SeedStore:
    """A fresh copy of the seed store (example + hostile document + crafted event) at `target`.

    Briefing the seed event takes the pipeline many seconds, so the store is built once per test process and
    copied (SQLite's backup API, safe with WAL) for each module that needs one.
    """
    if not _TEMPLATE:
        folder = Path(tempfile.mkdtemp(prefix="kabar-web-seed-"))
        atexit.register(shutil.rmtree, folder, True)
        db_path = folder / "seed.db"
        seed_event_id = build_seed_store(db_path, example_paths)
        add_hostile_document(db_path)
        _, expected = add_crafted_event(db_path, seed_event_id)
        _TEMPLATE.append(SeedStore(db_path, seed_event_id, expected))
    template = _TEMPLATE[0]
    source, copy = sqlite3.connect(template.db), sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        source.close()
        copy.close()
    return SeedStore(target, template.seed_event_id, template.expected_sentences)
