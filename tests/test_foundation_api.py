"""The Python API under the CLI: names stay callable whatever pipeline modules are imported."""

from __future__ import annotations

import importlib
from pathlib import Path

import kabar
from kabar import api


def test_top_level_names_survive_importing_every_pipeline_folder() -> None:
    for folder in ("ingest", "clean", "text", "dedup", "cluster", "extract", "briefing", "render", "store"):
        importlib.import_module(f"kabar.{folder}")
    assert kabar.brief is api.brief and callable(kabar.brief)
    assert kabar.update_events is api.update_events
    assert kabar.Store.__module__ == "kabar.store"


def test_brief_returns_a_briefing_of_one_event(example_dir: Path) -> None:
    briefing = kabar.brief(
        [example_dir / "002_2cb02904a071195f.txt", example_dir / "000_3b521a0d7e18530a.txt"]
    )
    assert isinstance(briefing, kabar.Briefing)
    assert len(briefing.documents) == 2 and len(briefing.events) == 1
    assert sorted(briefing.events[0].documents) == sorted(d.id for d in briefing.documents)
    assert all(sentence.sources for sentence in briefing.events[0].summary)


def test_syndicated_copies_collapse_and_stay_assigned(example_dir: Path, tmp_path: Path) -> None:
    body = (example_dir / "002_2cb02904a071195f.txt").read_text(encoding="utf-8")
    (tmp_path / "site-a.txt").write_text(body + "\n\nBaca Juga: Berita lain dari situs A\n", encoding="utf-8")
    (tmp_path / "site-b.txt").write_text("Responsive Ad\n\n" + body + "\n\nTags\n", encoding="utf-8")
    with kabar.Store(tmp_path / "k.db") as store:
        report = api.ingest([tmp_path], store)
        assert len(set(report.new)) == 2  # different raw pages, two stored documents
        kabar.update_events(store)
        [event] = store.events()
        assert [d.kind for d in event.duplicates] == ["copy"]
        [kept] = store.documents_by_id(event.documents)
        assert sorted(Path(source).name for source in kept.sources) == ["site-a.txt", "site-b.txt"]
        assert store.unassigned_document_ids() == []  # the collapsed copy is not re-briefed at every update
        assert kabar.update_events(store) == []
