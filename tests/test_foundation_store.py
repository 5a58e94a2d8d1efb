"""The SQLite store: migrations, idempotent writes, full-text search, events, and crash/concurrency safety."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kabar.errors import StoreError
from kabar.records import Document, Entity, Event, Fact, RawDocument, Removed, Sentence, SummarySentence
from kabar.store import SCHEMA_VERSION, Store
from kabar.text import analyse


def make_document(doc_id: str, text: str, **metadata: str) -> Document:
    document = Document(id=doc_id, source=f"{doc_id}.txt", text=text, **metadata)
    return analyse(document)


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "kabar.db") as opened:
        yield opened


def test_new_store_is_migrated_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with Store(path) as reopened:  # reopening migrates nothing and loses nothing
        assert reopened.schema_version == SCHEMA_VERSION


def test_store_from_a_newer_kabar_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    Store(path).close()
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer than this kabar"):
        Store(path)


def test_a_file_that_is_not_a_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("not a database at all " * 100)
    with pytest.raises(StoreError, match="not a kabar store"):
        Store(path)


def test_add_document_round_trip_and_idempotence(store: Store) -> None:
    document = make_document(
        "d1",
        "Kim bertemu Putin di Vostochny.\n\nPertemuan berlangsung Rabu.",
        title="Kim bertemu Putin",
        outlet="Contoh.id",
        published="2023-09-13T10:00:00+07:00",
        language="id",
    )
    document.removed = [Removed(text="Baca Juga: lain", reason="related-link")]
    raw = RawDocument(source="d1.txt", kind="text", body="Kim bertemu Putin ... Baca Juga: lain")
    assert store.add_document(document, raw) is True
    again = make_document("d1", document.text)
    again.source = "copy/d1.txt"
    assert store.add_document(again) is False  # same content: nothing new, but the new place is remembered
    loaded = store.document("d1")
    assert loaded is not None
    assert (loaded.title, loaded.outlet, loaded.published, loaded.language) == (
        "Kim bertemu Putin",
        "Contoh.id",
        "2023-09-13T10:00:00+07:00",
        "id",
    )
    assert loaded.removed == [Removed(text="Baca Juga: lain", reason="related-link")]
    assert loaded.sources == ["d1.txt", "copy/d1.txt"]
    assert [s.text for s in loaded.sentences] == [
        "Kim bertemu Putin di Vostochny.",
        "Pertemuan berlangsung Rabu.",
    ]
    assert isinstance(loaded.sentences[0], Sentence)
    assert store.raw_document("d1").body == raw.body
    assert store.count_documents() == 1


def test_full_text_search_ranks_and_snippets(store: Store) -> None:
    store.add_document(
        make_document("a", "Putin dan Kim bertemu di kosmodrom Vostochny. Vostochny di Amur.", title="A")
    )
    store.add_document(make_document("b", "Bendungan baru diresmikan di Jawa Tengah.", title="Bendungan"))
    store.add_document(make_document("c", "Rapat membahas Vostochny sekilas.", title="C"))
    hits = store.search("vostochny")
    assert [hit.document_id for hit in hits] == ["a", "c"]
    assert "[Vostochny]" in hits[0].snippet
    assert store.search("bendungan")[0].title == "Bendungan"
    assert store.search("tidakada") == []
    assert store.search('  "" ') == []  # quotes alone are not a query, and not an FTS syntax error


def test_events_round_trip_and_reassignment(store: Store) -> None:
    for doc_id in ("a", "b", "c"):
        store.add_document(make_document(doc_id, f"Teks {doc_id}.", outlet=f"Outlet {doc_id}"))
    event = Event(
        id="e1",
        title="Pertemuan",
        documents=["a", "b"],
        last_published="2023-09-13T10:00:00+07:00",
        summary=[
            SummarySentence(
                text="Kim bertemu Putin.", sources=["a", "b"], origin={"document": "a", "sentence": 0}
            )
        ],
        facts=[Fact(text="Kim bertemu Putin.", sources=["a", "b"], outlets=2, single_source=False)],
    )
    store.save_events([event], state={"clusterer": {"n": 1}})
    assert store.event("e1") == event
    assert store.event_of_document("b") == "e1"
    assert store.unassigned_document_ids() == ["c"]
    assert store.state("clusterer") == {"n": 1}
    briefing = store.briefing_for_event("e1")
    assert [d.id for d in briefing.documents] == ["a", "b"] and briefing.events == [event]
    # Merging "b" into another event moves it; an event left without documents disappears.
    store.save_events([Event(id="e2", title="Lain", documents=["a", "b", "c"])])
    store.save_events([Event(id="e1", title="Pertemuan", documents=[])])
    assert store.event("e1") is None and store.count_events() == 1


def test_an_event_saved_with_documents_of_another_takes_them(store: Store) -> None:
    # The clusterer may merge an event stored by an earlier run into another and forget the absorbed id: only the
    # absorbing event is saved. Its documents leave the absorbed event, which disappears with its last one.
    for doc_id in ("a", "b", "c", "d"):
        store.add_document(make_document(doc_id, f"Teks {doc_id}.", outlet=f"Outlet {doc_id}"))
    store.save_events(
        [
            Event(id="e1", title="Pertemuan", documents=["a", "b"]),
            Event(id="e3", title="Lain", documents=["d"]),
        ]
    )
    store.save_events([Event(id="e2", title="Pertemuan lagi", documents=["a", "b", "c"])])
    assert store.event("e1") is None
    assert [store.event_of_document(d) for d in ("a", "b", "c", "d")] == ["e2", "e2", "e2", "e3"]
    assert store.count_events() == 2
    # Taking part of an event's documents leaves it the rest.
    store.save_events([Event(id="e4", title="Pecahan", documents=["c"])])
    assert sorted(store.event_of_document(d) for d in ("a", "b", "c")) == ["e2", "e2", "e4"]


def test_a_briefing_of_an_event_that_changed_meanwhile_is_not_saved(store: Store) -> None:
    for doc_id in ("a", "b", "c"):
        store.add_document(make_document(doc_id, f"Teks {doc_id}."))
    store.save_events([Event(id="e1", title="Pertemuan", documents=["a", "b"])])
    briefed = Event(
        id="e1",
        title="Pertemuan",
        documents=["a", "b"],
        summary=[SummarySentence(text="Teks a.", sources=["a"])],
    )
    # Another process clusters "c" into the event while this one briefs it.
    store.save_events([Event(id="e1", title="Pertemuan", documents=["a", "b", "c"])])
    assert store.save_briefed_events([briefed]) == ["e1"]
    assert sorted(store.event("e1").documents) == ["a", "b", "c"] and store.event("e1").summary == []
    # A briefing of the event as it stands is saved.
    current = Event(
        id="e1",
        title="Pertemuan",
        documents=["a", "b", "c"],
        summary=[SummarySentence(text="Teks a.", sources=["a", "c"])],
    )
    assert store.save_briefed_events([current]) == []
    assert store.event("e1") == current


def test_rename_source_renames_a_file_and_its_records_only(store: Store) -> None:
    first = make_document("a", "Kim bertemu Putin.")
    first.source = "/tmp/up_1/crawl.warc#record-0"
    second = make_document("b", "Putin menjamu Kim.")
    second.source = "/tmp/up_1/crawl.warc#record-1"
    other = make_document("c", "Berita lain.")
    other.source = "/tmp/upX1/crawl.warc#record-0"  # "_" in the old name is a letter, not a LIKE wildcard
    shouting = make_document("d", "Berita lain lagi.")
    shouting.source = "/TMP/UP_1/crawl.warc#record-0"  # another path: file names are case-sensitive
    for document in (first, second, other, shouting):
        store.add_document(document)
    # The same article read again from another place keeps both places.
    again = make_document("a", "Kim bertemu Putin.")
    again.source = "feed.xml#entry-2"
    store.add_document(again)
    assert store.rename_source("/tmp/up_1/crawl.warc", "upload:crawl.warc") == 2
    assert store.document("a").source == "upload:crawl.warc#record-0"
    assert sorted(store.document("a").sources) == ["feed.xml#entry-2", "upload:crawl.warc#record-0"]
    assert store.document("b").source == "upload:crawl.warc#record-1"
    assert store.document("c").source == "/tmp/upX1/crawl.warc#record-0"
    assert store.document("d").source == "/TMP/UP_1/crawl.warc#record-0"


def _entity_index(store: Store) -> set[tuple[str, str, str]]:
    return {tuple(row) for row in store._db.execute("SELECT event_id, key, name FROM event_entities")}


def test_entity_index_follows_saved_events(store: Store) -> None:
    store.add_document(make_document("a", "Kim bertemu Putin di Vostochny."))
    kim = Entity(name="Kim Jong Un", type="PERSON", aliases=["Kim Jong-un", "Kim"], sources=["a"], mentions=3)
    store.save_events([Event(id="e1", title="Pertemuan", documents=["a"], entities=[kim])])
    assert _entity_index(store) == {
        ("e1", "kim jong un", "Kim Jong Un"),
        ("e1", "kim jong-un", "Kim Jong Un"),
        ("e1", "kim", "Kim Jong Un"),
    }
    # A re-briefed event replaces its entities; an event that disappears takes its entities with it.
    putin = Entity(name="Vladimir Putin", type="PERSON", aliases=[], sources=["a"], mentions=1)
    store.save_events([Event(id="e1", title="Pertemuan", documents=["a"], entities=[putin])])
    assert _entity_index(store) == {("e1", "vladimir putin", "Vladimir Putin")}
    store.save_events([Event(id="e1", title="Pertemuan", documents=[])])
    assert _entity_index(store) == set()


def test_migration_indexes_the_entities_of_briefings_stored_before_it(tmp_path: Path) -> None:
    from kabar.store.migrations import MIGRATIONS

    path = tmp_path / "v2.db"
    with Store(path) as store:
        store.add_document(make_document("a", "Kim bertemu Putin di Vostochny."))
        kim = Entity(name="Kim Jong Un", type="PERSON", aliases=["Kim"], sources=["a"], mentions=2)
        store.save_events([Event(id="e1", title="Pertemuan", documents=["a"], entities=[kim])])
    # Turn it back into a version-2 store, as an older kabar left it.
    with sqlite3.connect(path) as db:
        db.execute("DROP TABLE event_entities")
        db.execute("PRAGMA user_version = 2")
    assert [version for version, _ in MIGRATIONS if version > 2] == [3]
    with Store(path) as reopened:
        assert reopened.schema_version == SCHEMA_VERSION
        assert _entity_index(reopened) == {("e1", "kim jong un", "Kim Jong Un"), ("e1", "kim", "Kim Jong Un")}


def test_killed_process_leaves_the_store_as_before_that_document(tmp_path: Path) -> None:
    path = tmp_path / "crash.db"
    with Store(path) as store:
        store.add_document(make_document("kept", "Dokumen yang sudah tersimpan."))
    script = textwrap.dedent(
        f"""
        import os, signal
        from kabar.records import Document
        from kabar.store import Store
        store = Store({str(path)!r})
        with store.transaction() as db:
            store._insert_document(db, Document(id="lost", source="x", text="Setengah jalan."), None)
            os.kill(os.getpid(), signal.SIGKILL)  # killed in the middle of the document's transaction
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert result.returncode == -9
    with Store(path) as store:
        assert store._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.document("kept") is not None
        assert store.document("lost") is None
        assert store.search("setengah") == []
        assert store.count_documents() == 1


def test_two_writers_at_once_both_succeed(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    Store(path).close()
    script = textwrap.dedent(
        """
        import sys
        from kabar.records import Document
        from kabar.store import Store
        prefix = sys.argv[1]
        with Store(sys.argv[2]) as store:
            for number in range(150):
                store.add_document(Document(id=f"{prefix}{number}", source="x", text=f"Dokumen {prefix} {number}."))
        """
    )
    writers = [
        subprocess.Popen([sys.executable, "-c", script, prefix, str(path)], stderr=subprocess.PIPE)
        for prefix in ("p", "q")
    ]
    for writer in writers:
        _, errors = writer.communicate(timeout=120)
        assert writer.returncode == 0, errors.decode()
    with Store(path) as store:
        assert store.count_documents() == 300
        assert store._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert len(store.search("dokumen", limit=500)) == 300


def test_embeddings_in_extra_round_trip_compactly(store: Store) -> None:
    import numpy as np

    document = make_document("emb", "Satu kalimat. Dua kalimat.")
    vectors = np.arange(2 * 384, dtype=np.float32).reshape(2, 384) / 1000
    document.extra = {
        "embedding": vectors[0],
        "features": {"version": 1, "terms": [["satu"], ["dua"]], "embedding": vectors.astype(np.float16)},
        "unstorable": object(),
    }
    store.add_document(document)
    loaded = store.document("emb")
    assert (
        np.array_equal(loaded.extra["embedding"], vectors[0])
        and loaded.extra["embedding"].dtype == np.float32
    )
    features = loaded.extra["features"]
    assert features["terms"] == [["satu"], ["dua"]]
    assert features["embedding"].dtype == np.float16 and features["embedding"].shape == (2, 384)
    assert "unstorable" not in loaded.extra
    stored = store._db.execute("SELECT length(extra) FROM documents WHERE id = 'emb'").fetchone()[0]
    assert stored < 8000  # ~1.5 KB of float16 and 3 KB of float32 as base64, not 10 KB of JSON numbers
