"""Versioned schema migrations, applied in order inside one transaction when a store is opened.

The store's version is SQLite's `user_version`. Never edit a released migration: add a new one.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[int, list[str]]] = [
    (
        1,
        [
            """CREATE TABLE documents (
                   id TEXT PRIMARY KEY,
                   source TEXT NOT NULL,
                   url TEXT,
                   title TEXT,
                   outlet TEXT,
                   author TEXT,
                   published TEXT,
                   language TEXT,
                   text TEXT NOT NULL,
                   removed TEXT NOT NULL DEFAULT '[]',
                   captions TEXT NOT NULL DEFAULT '[]',
                   extra TEXT NOT NULL DEFAULT '{}',
                   added TEXT NOT NULL
               )""",
            "CREATE INDEX documents_published ON documents (published)",
            "CREATE INDEX documents_outlet ON documents (outlet)",
            """CREATE TABLE document_sources (
                   document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
                   source TEXT NOT NULL,
                   PRIMARY KEY (document_id, source)
               )""",
            """CREATE TABLE raw_documents (
                   document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
                   kind TEXT NOT NULL,
                   body BLOB NOT NULL
               )""",
            """CREATE TABLE sentences (
                   document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
                   idx INTEGER NOT NULL,
                   text TEXT NOT NULL,
                   start INTEGER NOT NULL,
                   end INTEGER NOT NULL,
                   paragraph INTEGER NOT NULL,
                   features BLOB,
                   PRIMARY KEY (document_id, idx)
               )""",
            """CREATE TABLE events (
                   id TEXT PRIMARY KEY,
                   title TEXT,
                   first_published TEXT,
                   last_published TEXT,
                   n_documents INTEGER NOT NULL DEFAULT 0,
                   n_outlets INTEGER NOT NULL DEFAULT 0,
                   briefing TEXT NOT NULL,
                   updated TEXT NOT NULL
               )""",
            "CREATE INDEX events_recent ON events (last_published)",
            """CREATE TABLE event_documents (
                   event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
                   document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
                   PRIMARY KEY (event_id, document_id)
               )""",
            "CREATE INDEX event_documents_document ON event_documents (document_id)",
            "CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            # Full-text index over headline and clean text, kept in step with `documents` by triggers.
            """CREATE VIRTUAL TABLE documents_fts USING fts5(
                   title, text, content='documents', content_rowid='rowid',
                   tokenize='unicode61 remove_diacritics 2'
               )""",
            """CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
                   INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
               END""",
            """CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
                   INSERT INTO documents_fts (documents_fts, rowid, title, text)
                   VALUES ('delete', old.rowid, old.title, old.text);
               END""",
            """CREATE TRIGGER documents_fts_update AFTER UPDATE ON documents BEGIN
                   INSERT INTO documents_fts (documents_fts, rowid, title, text)
                   VALUES ('delete', old.rowid, old.title, old.text);
                   INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
               END""",
        ],
    ),
]

MIGRATIONS.append(
    (
        2,
        [
            # The events list's order (newest day first, then the most covered): one index walk instead of a sort
            # of every event (74 ms -> 10 ms on a 100k-document store; bench/web/event_page.py).
            """CREATE INDEX events_listing ON events (
                   substr(coalesce(last_published, updated), 1, 10) DESC, n_outlets DESC, n_documents DESC,
                   coalesce(last_published, updated) DESC, id
               )""",
        ],
    )
)

MIGRATIONS.append(
    (
        3,
        [
            # Every name and alias of every entity of an event, for the events list's entity filter: an exact,
            # indexed match instead of a LIKE over every briefing's JSON (which also matched any other field
            # holding the same string). `key` is lower() of the name, the one case folding SQLite and the store
            # agree on (ASCII letters; other letters match as written).
            """CREATE TABLE event_entities (
                   event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
                   key TEXT NOT NULL,
                   name TEXT NOT NULL,
                   type TEXT NOT NULL,
                   PRIMARY KEY (event_id, key)
               )""",
            "CREATE INDEX event_entities_key ON event_entities (key)",
            # Stores written before this version: the names come from the briefings already stored.
            """INSERT OR IGNORE INTO event_entities (event_id, key, name, type)
               SELECT e.id, lower(names.value), json_extract(entity.value, '$.name'),
                      json_extract(entity.value, '$.type')
               FROM events e, json_each(e.briefing, '$.entities') AS entity,
                    json_each(json_array(json_extract(entity.value, '$.name'))) AS names
               UNION ALL
               SELECT e.id, lower(alias.value), json_extract(entity.value, '$.name'),
                      json_extract(entity.value, '$.type')
               FROM events e, json_each(e.briefing, '$.entities') AS entity,
                    json_each(entity.value, '$.aliases') AS alias""",
        ],
    )
)

SCHEMA_VERSION = MIGRATIONS[-1][0]
