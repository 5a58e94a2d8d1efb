"""The embedded store: one SQLite file holds documents, sentences, events and their briefings.

WAL mode lets readers (the web app) work while a writer ingests; each document is written in one transaction, so a
failure half-way (an exception, Ctrl-C, a killed process) leaves the store as it was before that document. Writers
take SQLite's write lock up front (`BEGIN IMMEDIATE`) and wait for each other (busy timeout), so two `kabar ingest`
processes on one store both succeed.
"""

from __future__ import annotations

import base64
import json
import os
import sqlite3
import time
import zlib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kabar.errors import StoreError
from kabar.records import (
    Briefing,
    Document,
    Event,
    RawDocument,
    Removed,
    Sentence,
    event_from_dict,
)
from kabar.store.migrations import MIGRATIONS, SCHEMA_VERSION

DEFAULT_DB = "kabar.db"
MEMORY = ":memory:"
# Marks a numpy array (an embedding) stored in a document's `extra` JSON as base64 of its raw bytes: float16
# sentence embeddings take 1 KB a sentence this way, against about 8 KB as a JSON list of numbers.
ARRAY_TAG = "__ndarray__"

# How long a writer waits for another writer's transaction before giving up. A document's transaction takes
# milliseconds; event updates over large stores take seconds, so wait generously.
BUSY_TIMEOUT_SECONDS = 120.0
# Opening a store sets its journal mode and migrates it. Two processes opening a new file at the same moment both
# take a shared lock and then ask for the exclusive one; SQLite breaks that deadlock by failing one of them at once
# ("database is locked") instead of calling the busy handler, so the busy timeout above does not cover it. The
# open is retried, from a short pause doubling up to OPEN_RETRY_MAX_PAUSE_SECONDS, until BUSY_TIMEOUT_SECONDS.
OPEN_RETRY_FIRST_PAUSE_SECONDS = 0.02
OPEN_RETRY_MAX_PAUSE_SECONDS = 1.0


def _is_lock_error(error: sqlite3.OperationalError) -> bool:
    message = str(error).lower()
    return "locked" in message or "busy" in message


def default_db_path() -> str:
    """`$KABAR_DB` if set, else `./kabar.db`."""
    return os.environ.get("KABAR_DB") or DEFAULT_DB


@dataclass(slots=True)
class SearchHit:
    """A full-text search result: the document, its headline, and a snippet with the match in [brackets]."""

    document_id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str
    rank: float


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A kabar store in one SQLite file (or in memory with `Store(":memory:")`).

    >>> with Store(":memory:") as store:
    ...     store.count_documents()
    0
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = str(path) if path is not None else default_db_path()
        try:
            self._db = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: cannot open store ({error})") from None
        self._db.row_factory = sqlite3.Row
        deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
        pause = OPEN_RETRY_FIRST_PAUSE_SECONDS
        while True:
            try:
                self._set_up()
                return
            except sqlite3.OperationalError as error:
                locked = _is_lock_error(error)
                if not locked or time.monotonic() + pause > deadline:
                    self._db.close()
                    reason = "locked by another process" if locked else "not a kabar store"
                    raise StoreError(f"{self.path}: {reason} ({error})") from None
                time.sleep(pause)
                pause = min(pause * 2, OPEN_RETRY_MAX_PAUSE_SECONDS)
            except sqlite3.DatabaseError as error:
                self._db.close()
                raise StoreError(f"{self.path}: not a kabar store ({error})") from None

    def _set_up(self) -> None:
        """Journal mode and schema; safe to repeat after a lock error (each step is idempotent)."""
        self._db.execute("PRAGMA foreign_keys = ON")
        if self.path != MEMORY:
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
        self._migrate()

    # -- life cycle ---------------------------------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is stored, or none of it (also on KeyboardInterrupt).

        Nested use joins the outer transaction, so a read-modify-write cycle (such as an event update reading the
        clusterer state and saving it back) can hold the write lock from its first read to its last write.
        """
        if self._db.in_transaction:
            yield self._db
            return
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: store schema version {version} is newer than this kabar ({SCHEMA_VERSION}); "
                "upgrade kabar"
            )
        if version == SCHEMA_VERSION:
            return
        with self.transaction() as db:
            # Re-read inside the write lock: another process may have migrated meanwhile.
            version = db.execute("PRAGMA user_version").fetchone()[0]
            for target, statements in MIGRATIONS:
                if target <= version:
                    continue
                for statement in statements:
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {target}")

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    # -- documents ----------------------------------------------------------------------------------------------

    def has_document(self, document_id: str) -> bool:
        return self._db.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone() is not None

    def add_document(self, document: Document, raw: RawDocument | None = None) -> bool:
        """Store a clean document (and its raw form) in one transaction; False if its id is already stored.

        A known document read again from a new place gains that place in its sources.
        """
        with self.transaction() as db:
            if db.execute("SELECT 1 FROM documents WHERE id = ?", (document.id,)).fetchone():
                for source in [document.source, *document.sources]:
                    db.execute(
                        "INSERT OR IGNORE INTO document_sources (document_id, source) VALUES (?, ?)",
                        (document.id, source),
                    )
                return False
            self._insert_document(db, document, raw)
            return True

    def rename_source(self, old: str, new: str) -> int:
        """Record documents read from `old` (a path, and its `#record-N`-style parts) as read from `new`.

        For inputs that were read from a temporary copy, such as uploads: the store should name what the user
        gave, not a path that no longer exists. Returns how many source entries changed.
        """
        # The path itself, or the path followed by "#" and a part; compared as written (LIKE would fold case).
        matches = "source = ? OR substr(source, 1, ?) = ?"
        match_values = (old, len(old) + 1, old + "#")
        with self.transaction() as db:
            db.execute(
                f"UPDATE documents SET source = ? || substr(source, ?) WHERE {matches}",
                (new, len(old) + 1, *match_values),
            )
            rows = db.execute(
                f"SELECT document_id, source FROM document_sources WHERE {matches}", match_values
            ).fetchall()
            for document_id, source in rows:
                db.execute(
                    "DELETE FROM document_sources WHERE document_id = ? AND source = ?", (document_id, source)
                )
                db.execute(
                    "INSERT OR IGNORE INTO document_sources (document_id, source) VALUES (?, ?)",
                    (document_id, new + source[len(old) :]),
                )
        return len(rows)

    def _insert_document(self, db: sqlite3.Connection, document: Document, raw: RawDocument | None) -> None:
        db.execute(
            """INSERT INTO documents (id, source, url, title, outlet, author, published, language, text,
                                      removed, captions, extra, added)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                document.id,
                document.source,
                document.url,
                document.title,
                document.outlet,
                document.author,
                document.published,
                document.language,
                document.text,
                json.dumps([asdict(item) for item in document.removed], ensure_ascii=False),
                json.dumps(document.captions, ensure_ascii=False),
                json.dumps(_jsonable_extra(document.extra), ensure_ascii=False),
                _now(),
            ),
        )
        for source in dict.fromkeys([document.source, *document.sources]):
            db.execute(
                "INSERT OR IGNORE INTO document_sources (document_id, source) VALUES (?, ?)",
                (document.id, source),
            )
        db.executemany(
            """INSERT INTO sentences (document_id, idx, text, start, end, paragraph) VALUES (?, ?, ?, ?, ?, ?)""",
            [(document.id, s.index, s.text, s.start, s.end, s.paragraph) for s in document.sentences],
        )
        if raw is not None:
            db.execute(
                "INSERT INTO raw_documents (document_id, kind, body) VALUES (?, ?, ?)",
                (document.id, raw.kind, zlib.compress(raw.body.encode("utf-8"))),
            )

    def _document_from_row(self, row: sqlite3.Row, *, with_sentences: bool = True) -> Document:
        document = Document(
            id=row["id"],
            source=row["source"],
            text=row["text"],
            url=row["url"],
            title=row["title"],
            outlet=row["outlet"],
            author=row["author"],
            published=row["published"],
            language=row["language"],
            removed=[Removed(**item) for item in json.loads(row["removed"])],
            captions=json.loads(row["captions"]),
            extra=_decode_arrays(json.loads(row["extra"])),
        )
        document.sources = [
            source
            for (source,) in self._db.execute(
                "SELECT source FROM document_sources WHERE document_id = ? ORDER BY rowid", (document.id,)
            )
        ]
        if with_sentences:
            document.sentences = [
                Sentence(
                    index=r["idx"], text=r["text"], start=r["start"], end=r["end"], paragraph=r["paragraph"]
                )
                for r in self._db.execute(
                    "SELECT idx, text, start, end, paragraph FROM sentences WHERE document_id = ? ORDER BY idx",
                    (document.id,),
                )
            ]
        return document

    def document(self, document_id: str) -> Document | None:
        """One document by id (a unique id prefix of at least 6 characters also works)."""
        row = self._db.execute("SELECT * FROM documents WHERE id = ?", (document_id,)).fetchone()
        if row is None and len(document_id) >= 6:
            rows = self._db.execute(
                "SELECT * FROM documents WHERE id LIKE ? LIMIT 2", (document_id.replace("%", "") + "%",)
            ).fetchall()
            row = rows[0] if len(rows) == 1 else None
        return self._document_from_row(row) if row else None

    def documents_by_id(self, document_ids: Sequence[str]) -> list[Document]:
        """Documents in the order of the given ids (unknown ids are skipped)."""
        found = []
        for document_id in document_ids:
            row = self._db.execute("SELECT * FROM documents WHERE id = ?", (document_id,)).fetchone()
            if row is not None:
                found.append(self._document_from_row(row))
        return found

    def documents(
        self, limit: int | None = 50, offset: int = 0, *, with_sentences: bool = False
    ) -> list[Document]:
        """Documents, most recently added first."""
        rows = self._db.execute(
            "SELECT * FROM documents ORDER BY added DESC, rowid DESC LIMIT ? OFFSET ?",
            (-1 if limit is None else limit, offset),
        ).fetchall()
        return [self._document_from_row(row, with_sentences=with_sentences) for row in rows]

    def count_documents(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM documents").fetchone()[0])

    def raw_document(self, document_id: str) -> RawDocument | None:
        """The document as it was read, before clean-up (kept so it can be cleaned again by a better kabar)."""
        row = self._db.execute(
            """SELECT r.kind, r.body, d.source, d.url FROM raw_documents r JOIN documents d ON d.id = r.document_id
               WHERE r.document_id = ?""",
            (document_id,),
        ).fetchone()
        if row is None:
            return None
        return RawDocument(
            source=row["source"], kind=row["kind"], body=zlib.decompress(row["body"]).decode(), url=row["url"]
        )

    def arrival_times(self, document_ids: Sequence[str]) -> dict[str, str]:
        """When each of the documents was added to the store (ISO 8601; unknown ids are left out)."""
        found: dict[str, str] = {}
        for document_id in document_ids:
            row = self._db.execute("SELECT added FROM documents WHERE id = ?", (document_id,)).fetchone()
            if row is not None:
                found[document_id] = row[0]
        return found

    def unassigned_document_ids(self) -> list[str]:
        """Documents that belong to no event yet (new since the last event update, or interrupted before it)."""
        return [
            row[0]
            for row in self._db.execute(
                """SELECT id FROM documents WHERE id NOT IN (SELECT document_id FROM event_documents)
                   ORDER BY coalesce(published, added), rowid"""
            )
        ]

    # -- search -------------------------------------------------------------------------------------------------

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search over titles and clean text, best match first, with a snippet around the match."""
        terms = [term for term in query.replace('"', " ").split() if term]
        if not terms:
            return []
        fts_query = " ".join(f'"{term}"' for term in terms)
        rows = self._db.execute(
            """SELECT d.id, d.title, d.outlet, d.published,
                      snippet(documents_fts, 1, '[', ']', ' … ', 16) AS snippet, bm25(documents_fts) AS rank
               FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
               WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?""",
            (fts_query, limit),
        ).fetchall()
        return [
            SearchHit(
                document_id=row["id"],
                title=row["title"],
                outlet=row["outlet"],
                published=row["published"],
                snippet=row["snippet"],
                rank=round(-float(row["rank"]), 4),
            )
            for row in rows
        ]

    # -- events -------------------------------------------------------------------------------------------------

    def save_briefed_events(self, events: Sequence[Event]) -> list[str]:
        """Save the briefings of events whose stored members are still those they were briefed with.

        Briefing runs outside the write lock (it is the slow part), so another process may have clustered new
        documents into one of these events meanwhile; saving the older briefing would drop them from the event.
        Such an event is left as stored, for the next update to brief again. Returns the ids left unsaved.
        """
        with self.transaction() as db:
            current: list[Event] = []
            stale: list[str] = []
            for event in events:
                stored = {
                    row[0]
                    for row in db.execute(
                        "SELECT document_id FROM event_documents WHERE event_id = ?", (event.id,)
                    )
                }
                if stored == set(_members(event)):
                    current.append(event)
                else:
                    stale.append(event.id)
            self.save_events(current)
        return stale

    def save_events(self, events: Sequence[Event], state: dict[str, Any] | None = None) -> None:
        """Store events with their briefings (and the clusterer's state) in one transaction."""
        with self.transaction() as db:
            for event in events:
                db.execute(
                    """INSERT INTO events (id, title, first_published, last_published, n_documents, n_outlets,
                                           briefing, updated)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                       ON CONFLICT(id) DO UPDATE SET title = excluded.title,
                           first_published = excluded.first_published, last_published = excluded.last_published,
                           n_documents = excluded.n_documents, n_outlets = excluded.n_outlets,
                           briefing = excluded.briefing, updated = excluded.updated""",
                    (
                        event.id,
                        event.title,
                        event.first_published,
                        event.last_published,
                        len(event.documents),
                        self._outlet_count(db, event.documents),
                        json.dumps(asdict(event), ensure_ascii=False),
                        _now(),
                    ),
                )
                db.execute("DELETE FROM event_entities WHERE event_id = ?", (event.id,))
                db.executemany(
                    "INSERT OR IGNORE INTO event_entities (event_id, key, name, type) VALUES (?, lower(?), ?, ?)",
                    [
                        (event.id, name, entity.name, entity.type)
                        for entity in event.entities
                        for name in (entity.name, *entity.aliases)
                    ],
                )
                db.execute("DELETE FROM event_documents WHERE event_id = ?", (event.id,))
                members = _members(event)
                # A document belongs to one event: saving an event takes its documents from any other. The
                # clusterer can merge an event stored by an earlier run into another and forget its id; the
                # absorbed event then loses every document here and is removed below, instead of staying in the
                # store beside the event that absorbed it.
                db.executemany(
                    "DELETE FROM event_documents WHERE document_id = ? AND event_id != ?",
                    [(document_id, event.id) for document_id in members],
                )
                db.executemany(
                    "INSERT OR REPLACE INTO event_documents (event_id, document_id) VALUES (?, ?)",
                    [(event.id, document_id) for document_id in members],
                )
                for kept, copy in _collapsed_copies(event):
                    db.execute(
                        """INSERT OR IGNORE INTO document_sources (document_id, source)
                           SELECT ?, source FROM document_sources WHERE document_id = ?""",
                        (kept, copy),
                    )
            if state is not None:
                for key, value in state.items():
                    db.execute(
                        "INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)",
                        (key, json.dumps(value, ensure_ascii=False)),
                    )
            # Events emptied by a merge elsewhere are removed.
            db.execute("DELETE FROM events WHERE id NOT IN (SELECT event_id FROM event_documents)")

    def save_clustered_events(
        self,
        events: Sequence[Event],
        *,
        absorbed: Mapping[str, Sequence[str]] | None = None,
        state: dict[str, Any] | None = None,
    ) -> None:
        """Save the events an update changed, from a clusterer that holds one time window (`keep_retired=False`).

        Such a clusterer lists an event's members in the window and those it archived in this update; the members it
        archived earlier are forgotten there and kept here. So each event keeps its stored members that no saved
        event lists, first and in their stored order (as the clusterer's own list would have them), then those of
        the stored events merged into it (`absorbed`: event id -> merged event ids, in the order their members
        joined it), then the members listed. A document listed by an event still moves to it, so merges, splits
        and refinements move what they move, and every document stays in one event.
        """
        absorbed = absorbed or {}
        with self.transaction() as db:
            listed = {document_id for event in events for document_id in event.documents}
            saved = {event.id for event in events}
            complete: list[Event] = []
            for event in events:
                earlier: list[str] = []
                for source in [event.id, *(e for e in absorbed.get(event.id, ()) if e not in saved)]:
                    earlier.extend(d for d in self._members_in_order(db, source) if d not in listed)
                if earlier:
                    event = replace(event, documents=list(dict.fromkeys([*earlier, *event.documents])))
                complete.append(event)
            self.save_events(complete, state)

    @staticmethod
    def _members_in_order(db: sqlite3.Connection, event_id: str) -> list[str]:
        """An event's stored members in the order of its stored document list; members it does not list (exact
        copies collapsed by its briefing) after them, by id."""
        members = {
            row[0]
            for row in db.execute("SELECT document_id FROM event_documents WHERE event_id = ?", (event_id,))
        }
        if not members:
            return []
        row = db.execute(
            "SELECT json_extract(briefing, '$.documents') FROM events WHERE id = ?", (event_id,)
        ).fetchone()
        listed = [d for d in json.loads(row[0]) if d in members] if row and row[0] else []
        return [*listed, *sorted(members - set(listed))]

    @staticmethod
    def _outlet_count(db: sqlite3.Connection, document_ids: Sequence[str]) -> int:
        if not document_ids:
            return 0
        marks = ",".join("?" * len(document_ids))
        row = db.execute(
            f"SELECT count(DISTINCT coalesce(outlet, id)) FROM documents WHERE id IN ({marks})",
            list(document_ids),
        ).fetchone()
        return int(row[0])

    def state(self, key: str) -> Any:
        row = self._db.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def event(self, event_id: str) -> Event | None:
        row = self._db.execute("SELECT briefing FROM events WHERE id = ?", (event_id,)).fetchone()
        if row is None and len(event_id) >= 6:
            rows = self._db.execute(
                "SELECT briefing FROM events WHERE id LIKE ? LIMIT 2", (event_id.replace("%", "") + "%",)
            ).fetchall()
            row = rows[0] if len(rows) == 1 else None
        return event_from_dict(json.loads(row[0])) if row else None

    def events(self, limit: int | None = 50, offset: int = 0) -> list[Event]:
        """Events, newest first, then the most covered (by outlets, then documents)."""
        rows = self._db.execute(
            """SELECT briefing FROM events
               ORDER BY coalesce(last_published, updated) DESC, n_outlets DESC, n_documents DESC, id
               LIMIT ? OFFSET ?""",
            (-1 if limit is None else limit, offset),
        ).fetchall()
        return [event_from_dict(json.loads(row[0])) for row in rows]

    def count_events(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM events").fetchone()[0])

    def event_of_document(self, document_id: str) -> str | None:
        row = self._db.execute(
            "SELECT event_id FROM event_documents WHERE document_id = ?", (document_id,)
        ).fetchone()
        return row[0] if row else None

    def briefing_for_event(self, event_id: str) -> Briefing | None:
        """The briefing of one event: the event and its documents."""
        event = self.event(event_id)
        if event is None:
            return None
        return Briefing(generated=_now(), documents=self.documents_by_id(event.documents), events=[event])

    def briefing(self) -> Briefing:
        """Everything in the store as one briefing."""
        events = self.events(limit=None)
        documents = [
            self._document_from_row(row) for row in self._db.execute("SELECT * FROM documents ORDER BY rowid")
        ]
        return Briefing(generated=_now(), documents=documents, events=events)


def _members(event: Event) -> list[str]:
    """The stored documents an event holds: its documents and the exact copies collapsed into them.

    A copy collapsed into another document is not listed in `event.documents` (the survivor keeps its sources),
    but it belongs to the event all the same; otherwise it would wait for an event forever.
    """
    copies = [d for duplicate in event.duplicates if duplicate.kind == "copy" for d in duplicate.documents]
    return list(dict.fromkeys([*event.documents, *copies]))


def _collapsed_copies(event: Event) -> list[tuple[str, str]]:
    """(kept document, collapsed copy) pairs: the copy's sources become the kept document's sources too."""
    group_of: dict[str, set[str]] = {}
    for duplicate in event.duplicates:
        if duplicate.kind != "copy":
            continue
        merged = set(duplicate.documents).union(*(group_of.get(d, set()) for d in duplicate.documents))
        for document_id in merged:
            group_of[document_id] = merged
    kept_ids = set(event.documents)
    pairs = []
    for group in {id(group): group for group in group_of.values()}.values():
        for kept in sorted(group & kept_ids):
            pairs.extend((kept, copy) for copy in sorted(group - kept_ids))
    return pairs


def _jsonable_extra(extra: dict[str, Any]) -> dict[str, Any]:
    """`Document.extra` as JSON-ready values: numpy arrays (embeddings) become compact base64 records."""
    result: dict[str, Any] = {}
    for key, value in extra.items():
        try:
            encoded = _encode_arrays(value)
            json.dumps(encoded)
        except (TypeError, ValueError):
            continue  # a value that cannot be stored (an object of some step's own) stays in memory only
        result[key] = encoded
    return result


def _encode_arrays(value: Any) -> Any:
    if hasattr(value, "tobytes") and hasattr(value, "dtype") and hasattr(value, "shape"):
        return {
            ARRAY_TAG: base64.b64encode(value.tobytes()).decode("ascii"),
            "dtype": str(value.dtype),
            "shape": list(value.shape),
        }
    if isinstance(value, dict):
        return {key: _encode_arrays(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_encode_arrays(item) for item in value]
    return value


def _decode_arrays(value: Any) -> Any:
    if isinstance(value, dict):
        if ARRAY_TAG in value:
            import numpy as np

            flat = np.frombuffer(base64.b64decode(value[ARRAY_TAG]), dtype=value["dtype"])
            return flat.reshape(value["shape"]).copy()
        return {key: _decode_arrays(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_decode_arrays(item) for item in value]
    return value


__all__ = ["DEFAULT_DB", "MEMORY", "SCHEMA_VERSION", "SearchHit", "Store", "default_db_path"]
