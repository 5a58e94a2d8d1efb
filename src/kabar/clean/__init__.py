"""Clean article text and metadata out of raw scrapes and HTML (Indonesian and English).

`clean(raw, doc_id=..., chrome=memory)` turns a `RawDocument` into a `Document`: the body as paragraphs separated
by one blank line, title, outlet, author, publication time (ISO 8601 with offset, or a bare date where no time
zone is given, or None), language judged on the body, every removed line with its reason, and photo captions.

Metadata given by the container (a JSON-lines field, a feed entry, a WARC URI) wins over what the text says,
except where it is empty. Cross-document chrome: build one `ChromeMemory`, `observe(raw)` every document of a
batch, then clean each; cleaning only reads the memory.
"""

from __future__ import annotations

from kabar.clean.core import clean, observe
from kabar.clean.memory import ChromeMemory

__all__ = ["ChromeMemory", "clean", "observe"]
