"""Read-only list queries over a store file: the web pages' lists and `kabar ls events`.

The events list filters by date, outlet and entity and shows each event's outlets; search snippets need markers
that cannot occur in article text. These are plain SQL over the store's schema, on a read-only connection of their
own, so a web page can never write.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from kabar.records import Event, event_from_dict

# Snippet markers: Unicode noncharacters, which no article contains (cleaned text drops them), unlike "[...]".
MATCH_START = "\ufdd0"
MATCH_END = "\ufdd1"

# Words of FTS5 context around a match in a search snippet.
SNIPPET_WORDS = 24


@dataclass(slots=True)
class EventFilters:
    date_from: str | None = None  # YYYY-MM-DD, inclusive, against the event's last article
    date_to: str | None = None  # YYYY-MM-DD, inclusive, against the event's first article
    outlet: str | None = None  # exact outlet name, case-insensitive
    entity: str | None = None  # name or alias of an entity, case-insensitive

    @property
    def active(self) -> bool:
        return any((self.date_from, self.date_to, self.outlet, self.entity))


@dataclass(slots=True)
class Hit:
    document_id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: list[tuple[str, bool]]
    sentence: int | None = None  # the first sentence holding a searched word, for a link straight to it


class Queries:
    """A read-only connection to a store file for the pages' list queries."""

    def __init__(self, path: str | Path) -> None:
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._db.row_factory = sqlite3.Row

    def close(self) -> None:
        self._db.close()

    def events(self, filters: EventFilters, limit: int, offset: int) -> tuple[list[Event], int]:
        """Events matching the filters: newest day first, then the most covered (outlets, articles) that day."""
        where, params = self._where(filters)
        # One pass over the events: the ids of all matches in order (only ids go through the sorter, so this is
        # cheap even for every event of a 100k-document store), giving the total and the page; a filter that
        # reads the briefings (entity) thus reads them once. Then only the page's briefings are loaded.
        ids = [
            row[0]
            for row in self._db.execute(
                f"""SELECT e.id FROM events e {where}
                    ORDER BY substr(coalesce(e.last_published, e.updated), 1, 10) DESC, e.n_outlets DESC,
                             e.n_documents DESC, coalesce(e.last_published, e.updated) DESC, e.id""",
                params,
            )
        ]
        page = ids[offset : offset + limit]
        if not page:
            return [], len(ids)
        briefings = dict(
            self._db.execute(
                f"SELECT id, briefing FROM events WHERE id IN ({','.join('?' * len(page))})", page
            )
        )
        return [event_from_dict(json.loads(briefings[event_id])) for event_id in page], len(ids)

    def _where(self, filters: EventFilters) -> tuple[str, list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        if filters.date_from:
            clauses.append("substr(coalesce(e.last_published, e.first_published, ''), 1, 10) >= ?")
            params.append(filters.date_from)
        if filters.date_to:
            clauses.append("substr(coalesce(e.first_published, e.last_published, '9999'), 1, 10) <= ?")
            params.append(filters.date_to)
        if filters.outlet:
            # Resolve the spelling first (case-insensitive), then let the outlet index find the documents.
            names = [
                row[0]
                for row in self._db.execute(
                    "SELECT DISTINCT outlet FROM documents WHERE outlet = ? COLLATE NOCASE",
                    (filters.outlet.strip(),),
                )
            ]
            marks = ",".join("?" * len(names)) or "NULL"
            clauses.append(
                f"""e.id IN (SELECT ed.event_id FROM documents d JOIN event_documents ed ON ed.document_id = d.id
                             WHERE d.outlet IN ({marks}))"""
            )
            params.extend(names)
        if filters.entity:
            # Exact name or alias of an entity, through the store's entity index (migration 3).
            clauses.append("e.id IN (SELECT event_id FROM event_entities WHERE key = lower(?))")
            params.append(filters.entity.strip())
        return ("WHERE " + " AND ".join(clauses)) if clauses else "", params

    def outlets_of_events(self, event_ids: list[str]) -> dict[str, list[str]]:
        if not event_ids:
            return {}
        marks = ",".join("?" * len(event_ids))
        result: dict[str, list[str]] = {event_id: [] for event_id in event_ids}
        for row in self._db.execute(
            f"""SELECT DISTINCT ed.event_id, d.outlet FROM event_documents ed JOIN documents d ON d.id = ed.document_id
                WHERE ed.event_id IN ({marks}) ORDER BY d.outlet""",
            event_ids,
        ):
            result[row[0]].append(row[1] or "unknown outlet")
        return result

    def outlets(self, limit: int = 500) -> list[str]:
        """Outlet names for the filter's suggestions, most prolific first."""
        return [
            row[0]
            for row in self._db.execute(
                "SELECT outlet FROM documents WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY count(*) DESC LIMIT ?",
                (limit,),
            )
        ]

    def events_of_document(self, document_id: str) -> list[tuple[str, str | None]]:
        return [
            (row[0], row[1])
            for row in self._db.execute(
                """SELECT e.id, e.title FROM event_documents ed JOIN events e ON e.id = ed.event_id
                   WHERE ed.document_id = ?""",
                (document_id,),
            )
        ]

    def search(self, query: str, limit: int) -> list[Hit]:
        """Full-text search (the store's FTS5 index), best first, snippets split into (text, is_match) parts."""
        terms = [term for term in query.replace('"', " ").split() if term]
        if not terms:
            return []
        fts_query = " ".join(f'"{term}"' for term in terms)
        rows = self._db.execute(
            """SELECT d.id, d.title, d.outlet, d.published,
                      snippet(documents_fts, 1, ?, ?, ' … ', ?) AS snippet
               FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
               WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts) LIMIT ?""",
            (MATCH_START, MATCH_END, SNIPPET_WORDS, fts_query, limit),
        ).fetchall()
        return [
            Hit(
                row[0],
                row[1],
                row[2],
                row[3],
                split_snippet(row[4] or ""),
                self._first_sentence(row[0], terms),
            )
            for row in rows
        ]

    def _first_sentence(self, document_id: str, terms: list[str]) -> int | None:
        for term in terms:
            escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            row = self._db.execute(
                "SELECT idx FROM sentences WHERE document_id = ? AND text LIKE ? ESCAPE '\\' ORDER BY idx LIMIT 1",
                (document_id, f"%{escaped}%"),
            ).fetchone()
            if row is not None:
                return int(row[0])
        return None


def split_snippet(snippet: str) -> list[tuple[str, bool]]:
    """'a \ufdd0b\ufdd1 c' -> [('a ', False), ('b', True), (' c', False)]; the template escapes each part."""
    parts: list[tuple[str, bool]] = []
    rest = snippet
    while rest:
        start = rest.find(MATCH_START)
        if start < 0:
            parts.append((rest, False))
            break
        if start:
            parts.append((rest[:start], False))
        end = rest.find(MATCH_END, start)
        if end < 0:
            parts.append((rest[start + 1 :], True))
            break
        parts.append((rest[start + 1 : end], True))
        rest = rest[end + 1 :]
    return [(text.replace(MATCH_START, "").replace(MATCH_END, ""), marked) for text, marked in parts if text]
