"""Copies and rewrites: which documents are the same text, or one rewritten from another.

`find_duplicates(docs)` compares a whole set; `DedupIndex.add(doc)` does the same incrementally for a stream, with
memory bounded by a time window; `collapse_copies(docs, duplicates)` merges exact copies into one document that keeps
every source.
"""

from __future__ import annotations

from kabar.dedup.align import SENTENCE_MATCH_DICE, align_sentences
from kabar.dedup.index import (
    COPY_MIN_COVERAGE,
    REWRITE_MIN_SIMILARITY,
    DedupIndex,
    collapse_copies,
    compare,
    find_duplicates,
    sentence_terms,
)

__all__ = [
    "COPY_MIN_COVERAGE",
    "REWRITE_MIN_SIMILARITY",
    "SENTENCE_MATCH_DICE",
    "DedupIndex",
    "align_sentences",
    "collapse_copies",
    "compare",
    "find_duplicates",
    "sentence_terms",
]
