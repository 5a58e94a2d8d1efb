"""The pipeline: which step runs after which, as plain functions over records.

    ingest (readers) -> clean (boilerplate, metadata, language) -> text (sentences, tokens, stems)
      -> dedup (copies, rewrites) -> cluster (events) -> extract (entities, quotes, dates)
      -> brief (summary, facts, divergences, timeline) -> render / store

Per-document steps (`prepare`) need nothing but the document, so any executor can run them anywhere; group steps
(`group_events`, `brief_events`) see many documents at once. None of them knows who runs it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from kabar.briefing import brief_event
from kabar.briefing.features import attach_features
from kabar.clean import ChromeMemory, clean
from kabar.cluster import EventClusterer
from kabar.dedup import collapse_copies, find_duplicates
from kabar.extract.entities import find_mentions, merge_entities
from kabar.ingest import document_id
from kabar.records import Document, Event, RawDocument
from kabar.text import analyse

# Summary length a reader takes in at a glance; the issue asks for 80–200 words, and DUC-style summaries are 100.
DEFAULT_SUMMARY_WORDS = 120


@dataclass(slots=True)
class BriefOptions:
    """How events are formed and briefed."""

    words: int = DEFAULT_SUMMARY_WORDS
    single_event: bool = False


@dataclass(slots=True)
class GroupResult:
    """Events (membership only, not yet briefed) and the copies/rewrites found among their documents."""

    events: list[Event]
    documents: dict[str, Document] = field(default_factory=dict)


def prepare(raw: RawDocument, chrome: ChromeMemory | None = None) -> Document:
    """Per-document steps: clean text and metadata, sentences, and the sentence features every briefing reuses.

    The features (content stems and multilingual embeddings per sentence) are computed once here and stored with
    the document, so that briefing an event again as it grows does not embed its sentences again.
    """
    document = clean(raw, doc_id=document_id(raw), chrome=chrome)
    analyse(document)
    attach_features(document)
    return document


def single_event(documents: Sequence[Document]) -> Event:
    """All documents as one event (for input a user already grouped); its id comes from the member ids."""
    ids = sorted(document.id for document in documents)
    event_id = "e" + hashlib.sha256(" ".join(ids).encode()).hexdigest()[:15]
    published = sorted(document.published for document in documents if document.published)
    titles = [document.title for document in documents if document.title]
    return Event(
        id=event_id,
        title=titles[0] if titles else None,
        documents=[document.id for document in documents],
        first_published=published[0] if published else None,
        last_published=published[-1] if published else None,
        languages=sorted({document.language for document in documents if document.language}),
    )


def cluster_events(documents: Sequence[Document], clusterer: EventClusterer) -> list[str]:
    """Add documents to the clusterer; the ids of the events that changed."""
    assignments = clusterer.add(list(documents))
    return sorted(set(assignments.values()))


def brief_events(
    events: Iterable[Event], documents: dict[str, Document], options: BriefOptions
) -> list[Event]:
    """Dedup, extract and brief each event from its documents."""
    briefed = []
    for event in events:
        members = [documents[document_id] for document_id in event.documents if document_id in documents]
        duplicates = find_duplicates(members)
        kept = collapse_copies(members, duplicates)
        mentions = [mention for document in kept for mention in find_mentions(document)]
        entities = merge_entities(kept, mentions)
        event.documents = [document.id for document in kept]
        for document in kept:
            documents[document.id] = document
        briefed.append(
            brief_event(event, kept, entities=entities, duplicates=duplicates, words=options.words)
        )
    return briefed
