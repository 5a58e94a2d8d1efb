"""kabar: turn a pile of news articles into cited, trustworthy event briefings — offline, Indonesian first.

The Python API in a nutshell:

    import kabar
    from kabar import api

    briefing = kabar.brief(["examples/kim-putin-2023"])      # -> kabar.Briefing
    with kabar.Store("kabar.db") as store:                    # the embedded SQLite store
        api.ingest(["news/"], store)                          # read, clean, store
        kabar.update_events(store)                            # cluster and brief what changed

(`kabar.ingest` and `kabar.briefing` are the pipeline's folders, so the ingest function lives in `kabar.api`.)

Names are imported on first use, so `import kabar.text` (say, in a worker process) does not load every step.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "brief": "kabar.api",
    "brief_documents": "kabar.api",
    "update_events": "kabar.api",
    "IngestReport": "kabar.api",
    "BriefOptions": "kabar.pipeline",
    "Briefing": "kabar.records",
    "Document": "kabar.records",
    "Event": "kabar.records",
    "Store": "kabar.store",
    "InputError": "kabar.errors",
    "KabarError": "kabar.errors",
    "StoreError": "kabar.errors",
}

if TYPE_CHECKING:
    from kabar.api import IngestReport, brief, brief_documents, update_events
    from kabar.errors import InputError, KabarError, StoreError
    from kabar.pipeline import BriefOptions
    from kabar.records import Briefing, Document, Event
    from kabar.store import Store


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'kabar' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


__all__ = [
    "BriefOptions",
    "Briefing",
    "Document",
    "Event",
    "IngestReport",
    "InputError",
    "KabarError",
    "Store",
    "StoreError",
    "__version__",
    "brief",
    "brief_documents",
    "update_events",
]
