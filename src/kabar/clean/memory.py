"""Lines an outlet repeats across its articles: the cross-document evidence for site chrome.

A line that recurs, word for word, in many articles of one outlet ("Editor: Sri Ulfanita", "Simak berita lainnya
di Google News", a newsletter box) is the site's frame, not the news. `ChromeMemory` counts, per outlet, in how
many distinct documents each normalised line was seen. Cleaning only reads the memory; `observe` is the only
writer, so for a given memory state cleaning is deterministic. The pipeline observes a whole batch first, then
cleans each document of it, so the order of documents does not change the result.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

MEMORY_FORMAT = "kabar.chrome-memory/1"

# A line seen in at least this many distinct documents of one outlet is chrome. Three is the smallest count that
# is not a coincidence of two articles quoting the same sentence; a short line ("Editor: X", "Tags") reaches it
# within the first handful of articles of an outlet.
MIN_DOCUMENTS_SHORT = 3
# Long sentence-like lines recur legitimately (an outlet updating one story several times), so they need more.
MIN_DOCUMENTS_LONG = 6
# Share of an outlet's documents a long line must appear in (see ChromeMemory.is_chrome).
LONG_LINE_MIN_SHARE = 0.5
# What counts as a short line, in words.
SHORT_LINE_WORDS = 15
# Lines are bucketed under this key when the outlet is unknown; a template's chrome ("Page Nav") recurs across
# sites built on it, so unknown-outlet documents share one bucket with a higher bar.
UNKNOWN_OUTLET = ""
MIN_DOCUMENTS_UNKNOWN = 5
# Lines shorter than this (in characters, normalised) are too generic to count ("Ya.", "1").
MIN_LINE_CHARS = 3
# Cap on remembered lines per outlet; when exceeded, lines seen in a single document are dropped first.
MAX_LINES_PER_OUTLET = 50_000
# Documents remembered as observed (most recent first), so that a document read again is not counted twice.
# Without a cap the memory kept the key of every document ever observed and grew with the corpus (a 1M-page crawl:
# ~100 MB in memory, ~30 MB of JSON at every checkpoint). Re-reads come soon after the first read: the same folder
# ingested again, a page in two consecutive crawl snapshots, a resumed run re-reading its last batch. 100,000
# documents is 100 days of a 1,000-article-a-day feed (~10 MB). A document re-read after that many others is
# counted once more, which raises each of its lines' counts by one: a line then needs one distinct document fewer
# to pass MIN_DOCUMENTS_SHORT, a bounded and rare error next to unbounded growth.
MAX_SEEN_DOCUMENTS = 100_000

_DIGITS_RE = re.compile(r"\d+")
_SPACE_RE = re.compile(r"\s+")


def normalise_line(line: str) -> str:
    """The form lines are compared in: lowercase, digits folded to 0, spaces collapsed."""
    return _SPACE_RE.sub(" ", _DIGITS_RE.sub("0", line.lower())).strip()


def line_key(line: str) -> str:
    return hashlib.blake2b(normalise_line(line).encode("utf-8"), digest_size=8).hexdigest()


def outlet_key(outlet: str | None) -> str:
    if not outlet:
        return UNKNOWN_OUTLET
    key = outlet.lower().strip()
    key = re.sub(r"^(?:https?://)?(?:www\.|m\.|amp\.)?", "", key)
    return key.split("/")[0]


@dataclass
class _Outlet:
    documents: int = 0
    lines: dict[str, int] = field(default_factory=dict)


@dataclass
class ChromeMemory:
    """Per-outlet counts of lines across documents; serialisable with `to_dict` / `from_dict`."""

    outlets: dict[str, _Outlet] = field(default_factory=dict)
    # Keys of the documents observed, least recently observed first, at most MAX_SEEN_DOCUMENTS.
    seen_documents: OrderedDict[str, None] = field(default_factory=OrderedDict)

    def observe(self, lines: Iterable[str], *, outlet: str | None, document_key: str) -> None:
        """Count each distinct line of one document once. A document observed recently is ignored."""
        if document_key in self.seen_documents:
            self.seen_documents.move_to_end(document_key)
            return
        self.seen_documents[document_key] = None
        while len(self.seen_documents) > MAX_SEEN_DOCUMENTS:
            self.seen_documents.popitem(last=False)
        bucket = self.outlets.setdefault(outlet_key(outlet), _Outlet())
        bucket.documents += 1
        keys = {line_key(line) for line in lines if len(normalise_line(line)) >= MIN_LINE_CHARS}
        for key in keys:
            bucket.lines[key] = bucket.lines.get(key, 0) + 1
        if len(bucket.lines) > MAX_LINES_PER_OUTLET:
            bucket.lines = {k: v for k, v in bucket.lines.items() if v > 1}

    def documents_with(self, line: str, *, outlet: str | None) -> int:
        bucket = self.outlets.get(outlet_key(outlet))
        return bucket.lines.get(line_key(line), 0) if bucket else 0

    def is_chrome(self, line: str, *, outlet: str | None) -> bool:
        """Whether `line` recurs across enough of the outlet's documents to be the site's frame."""
        if len(normalise_line(line)) < MIN_LINE_CHARS:
            return False
        count = self.documents_with(line, outlet=outlet)
        if outlet_key(outlet) == UNKNOWN_OUTLET:
            needed = MIN_DOCUMENTS_UNKNOWN
        elif len(line.split()) <= SHORT_LINE_WORDS:
            needed = MIN_DOCUMENTS_SHORT
        else:
            # A long paragraph must also be in most of the outlet's documents: a quote the outlet repeats across
            # one story's follow-ups is news, a boilerplate paragraph is printed under nearly every article.
            bucket = self.outlets.get(outlet_key(outlet))
            if bucket is None or count < LONG_LINE_MIN_SHARE * bucket.documents:
                return False
            needed = MIN_DOCUMENTS_LONG
        return count >= needed

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": MEMORY_FORMAT,
            "outlets": {
                name: {"documents": bucket.documents, "lines": dict(sorted(bucket.lines.items()))}
                for name, bucket in sorted(self.outlets.items())
            },
            "seen_documents": list(
                self.seen_documents
            ),  # in recency order: it decides what is forgotten next
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ChromeMemory:
        if data.get("format") != MEMORY_FORMAT:
            raise ValueError(f"not a chrome memory: format {data.get('format')!r}")
        memory = cls()
        for name, bucket in data.get("outlets", {}).items():
            memory.outlets[name] = _Outlet(
                int(bucket["documents"]), {k: int(v) for k, v in bucket["lines"].items()}
            )
        memory.seen_documents = OrderedDict.fromkeys(
            list(data.get("seen_documents", []))[-MAX_SEEN_DOCUMENTS:]
        )
        return memory
