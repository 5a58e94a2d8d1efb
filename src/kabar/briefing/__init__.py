"""The event briefing: cited summary, corroborated facts, divergences, quotes with speakers, timeline.

    brief_event(event, docs, entities=..., duplicates=..., words=120) -> Event

Per-sentence features (content stems; e5 embeddings only when asked for, see features.SENTENCE_EMBEDDINGS) are
computed once at ingest by `sentence_features` / `attach_features` and kept in `Document.extra[FEATURES_KEY]`;
`brief_event` uses them when present and computes (and keeps) them otherwise, so a briefing never redoes them.
"""

from __future__ import annotations

from collections.abc import Sequence

from kabar.briefing.divergences import build_divergences
from kabar.briefing.facts import build_facts
from kabar.briefing.features import (
    FEATURES_KEY,
    SENTENCE_EMBEDDINGS,
    attach_features,
    sentence_features,
    wants_embeddings,
)
from kabar.briefing.pool import Pool, build_pool
from kabar.briefing.speakers import SpeakerResolver
from kabar.briefing.summary import summarize
from kabar.briefing.timeline import build_timeline, timeline_candidates
from kabar.extract.quotes import find_quotes
from kabar.records import Document, Duplicate, Entity, Event, Quote, SummarySentence
from kabar.text import analyse

# Summary length when the caller does not say: the issue asks for 80–200 words; 120 is one screen and about six
# news sentences (DUC's 100-word summaries hold four to five).
DEFAULT_WORDS = 120


def build_summary(pool: Pool, words: int, *, overflow: bool = False) -> list[SummarySentence]:
    selection = summarize(pool, words, overflow=overflow)
    ids = pool.doc_ids
    sentences: list[SummarySentence] = []
    for index, support in zip(selection.units, selection.supporters, strict=True):
        unit = pool.units[index]
        sentences.append(
            SummarySentence(
                text=unit.text,
                sources=[ids[doc] for doc in support],
                origin={"document": ids[unit.doc], "sentence": unit.sentence},
            )
        )
    return sentences


def event_quotes(documents: Sequence[Document], entities: Sequence[Entity] = ()) -> list[Quote]:
    resolver = SpeakerResolver(documents, entities)
    quotes: list[Quote] = []
    for document in documents:
        for quote in find_quotes(document):
            raw = quote.speaker
            quote.speaker = resolver(raw)
            if quote.speaker_type is None and raw:
                quote.speaker_type = resolver.entity_type(raw)
            quotes.append(quote)
    return quotes


def brief_event(
    event: Event,
    docs: Sequence[Document],
    *,
    entities: Sequence[Entity] = (),
    duplicates: Sequence[Duplicate] = (),
    words: int = DEFAULT_WORDS,
) -> Event:
    """Fill the event's summary, facts, divergences, quotes and timeline from its (clean) documents.

    `entities` and `duplicates` are passed through onto the event; duplicates also tell which documents are not
    independent of one another (a rewrite is no second confirmation).
    """
    member_ids = set(event.documents) if event.documents else {document.id for document in docs}
    documents = [document for document in docs if document.id in member_ids]
    for document in documents:
        if not document.sentences:
            analyse(document)
    event.entities = list(entities)
    event.duplicates = list(duplicates)
    if not documents:
        return event
    pool = build_pool(documents, duplicates)
    event.summary = build_summary(pool, words)
    event.facts = build_facts(pool)
    event.quotes = event_quotes(documents, entities)
    dated = timeline_candidates(documents)
    event.timeline = build_timeline(documents, dated)
    event.divergences = build_divergences(pool, event.quotes, dated)
    return event


__all__ = [
    "DEFAULT_WORDS",
    "FEATURES_KEY",
    "SENTENCE_EMBEDDINGS",
    "attach_features",
    "brief_event",
    "build_summary",
    "sentence_features",
    "wants_embeddings",
]
