"""Executors: the same pipeline steps in this process, on all local cores, or on Ray (`kabar run`).

>>> from kabar.executors import make_executor, run                          # doctest: +SKIP
>>> with Store("news.db") as store, make_executor("local", workers=0) as executor:   # doctest: +SKIP
...     report = run(["news/"], store, executor)

Per-document steps (clean, sentences, embeddings) and per-event steps (briefing) are pure functions run by any
executor; the steps that see the whole corpus (chrome memory, event clustering) run in the driver in a fixed order,
so every executor gives the same store. See `kabar.executors.runner` for what runs where.
"""

from __future__ import annotations

from kabar.executors.base import Executor, InProcessExecutor, ProcessExecutor, available_cores, make_executor
from kabar.executors.runner import RunReport, briefing_of, run, update_events
from kabar.executors.sources import discover_sources, is_url, read_source

__all__ = [
    "Executor",
    "InProcessExecutor",
    "ProcessExecutor",
    "RunReport",
    "available_cores",
    "briefing_of",
    "discover_sources",
    "is_url",
    "make_executor",
    "read_source",
    "run",
    "update_events",
]
