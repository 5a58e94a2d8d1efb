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
