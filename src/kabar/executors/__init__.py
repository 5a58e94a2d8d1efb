"""Executors: the same pipeline steps in this process, on all local cores, or on Ray (`kabar run`).

>>> from kabar.executors import make_executor, run                          # doctest: +SKIP
>>> with Store("news.db") as store, make_executor("local", workers=0) as executor:   # doctest: +SKIP
...     report = run(["news/"], store, executor)

Per-document steps (clean, sentences, embeddings) and per-event steps (briefing) are pure functions run by any
executor; the steps that see the whole corpus (chrome memory, event clustering) run in the driver in a fixed order,
so every executor gives the same store. See `kabar.executors.runner` for what runs where.

Names are imported on first use, so that `kabar --help` does not load the pipeline.
"""

from __future__ import annotations

import importlib
from typing import Any

_HOMES = {
    "Executor": "kabar.executors.base",
    "InProcessExecutor": "kabar.executors.base",
    "ProcessExecutor": "kabar.executors.base",
    "available_cores": "kabar.executors.base",
    "make_executor": "kabar.executors.base",
    "RunReport": "kabar.executors.runner",
    "briefing_of": "kabar.executors.runner",
    "run": "kabar.executors.runner",
    "update_events": "kabar.executors.runner",
    "discover_sources": "kabar.executors.sources",
    "is_url": "kabar.executors.sources",
    "read_source": "kabar.executors.sources",
    "write_parquet": "kabar.executors.parquet",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'kabar.executors' has no attribute {name!r}")
    return getattr(importlib.import_module(_HOMES[name]), name)


__all__ = sorted(_HOMES)
