"""Plain typed records that pass between the pipeline steps.

Every step of kabar takes and returns these dataclasses and nothing else, so a step never needs to know who runs
it (in-process, a pool of local workers, or Ray). They are also the shape of the JSON contract
(`kabar.briefing/1`, see `docs/json-contract.md`): `to_json()` on a `Briefing` gives exactly that document.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

SCHEMA_ID = "kabar.briefing/1"

RawKind = Literal["text", "html"]


def published_datetime(value: str | None) -> datetime | None:
    """A `published` value (ISO 8601, or a bare date) as an aware datetime; a bare date is taken as UTC midnight."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


@dataclass(slots=True)
class RawDocument:
    """One article as a reader found it, before any clean-up.

    `source` names where it came from precisely enough to find it again: a file path, `path#L12` for the 12th
    line of a JSON-lines file, `path#record-3` for a WARC record, `path#entry-2` for a feed entry, `-` for stdin.
    The optional fields are metadata the container itself gave (a JSON-lines field, a WARC target URI, a feed
    entry's title); clean-up prefers them over what it finds in the text.
    """

    source: str
    kind: RawKind
    body: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None


@dataclass(slots=True)
class Removed:
    """A line or block taken out of an article body, kept with the reason it was taken out."""

    text: str
    reason: str


@dataclass(slots=True)
class Sentence:
    """A sentence of a clean document; `start`/`end` are character offsets into `Document.text`."""

    index: int
    text: str
    start: int
    end: int
    paragraph: int


@dataclass(slots=True)
class Document:
    """A clean article: body text without chrome, its metadata, and what was removed.

    `published` is ISO 8601 with a UTC offset, or None when nothing trustworthy says when it was published.
    `language` is an ISO 639-1 code ("id", "en"), "other", or None when the body is too short to judge.
    `sources` lists every place this same content was found (exact copies collapse into one document).
    """

    id: str
    source: str
    text: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None
    removed: list[Removed] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Passage:
    """Two aligned stretches of text that two documents share."""

    a: str
    b: str
    similarity: float


@dataclass(slots=True)
class Duplicate:
    """Two documents that are copies or rewrites of one another."""

    documents: list[str]
    similarity: float
    kind: Literal["copy", "rewrite"] = "rewrite"
    passages: list[Passage] = field(default_factory=list)


@dataclass(slots=True)
class Cited:
    """A piece of text with every document that supports it."""

    text: str
    sources: list[str]


@dataclass(slots=True)
class SummarySentence:
    """A summary sentence, the sentence it was taken from, and every document that supports it."""

    text: str
    sources: list[str]
    origin: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Fact:
    """A claim grouped across sources; `outlets` counts independent outlets (a rewrite is not a second one)."""

    text: str
    sources: list[str]
    outlets: int = 1
    single_source: bool = True
    variants: list[Cited] = field(default_factory=list)


@dataclass(slots=True)
class Divergence:
    """A point on which the sources disagree, with each side and its sources."""

    about: str
    claims: list[Cited]
    kind: str = "other"


@dataclass(slots=True)
class Quote:
    """A direct quote with its speaker (resolved to the fullest name the event uses) and its source document."""

    speaker: str | None
    text: str
    source: str
    sentence: int | None = None
    speaker_type: str | None = None


@dataclass(slots=True)
class Entity:
    """A person, organisation or place, with every alias the event's documents use for it."""

    name: str
    type: str
    aliases: list[str]
    sources: list[str]
    mentions: int = 0


@dataclass(slots=True)
class TimelineEntry:
    """A dated happening: `date` is ISO (YYYY-MM-DD, or YYYY-MM where the text gives only a month)."""

    date: str
    text: str
    sources: list[str]
    expression: str | None = None


@dataclass(slots=True)
class Event:
    """A group of documents reporting one happening, and its briefing."""

    id: str
    title: str | None
    documents: list[str]
    first_published: str | None = None
    last_published: str | None = None
    languages: list[str] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    summary: list[SummarySentence] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    divergences: list[Divergence] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)


@dataclass(slots=True)
class Briefing:
    """Everything kabar knows about a set of articles: the documents and the events they form."""

    generated: str
    documents: list[Document]
    events: list[Event]
    schema: str = SCHEMA_ID

    def document(self, document_id: str) -> Document:
        for document in self.documents:
            if document.id == document_id:
                return document
        raise KeyError(document_id)

    def to_json(self) -> dict[str, Any]:
        """The briefing as the `kabar.briefing/1` JSON document (see `docs/json-contract.md`)."""
        data = asdict(self)
        ordered: dict[str, Any] = {"schema": data.pop("schema"), "generated": data.pop("generated")}
        ordered.update(data)
        for document in ordered["documents"]:
            document.pop("extra", None)
        return ordered


def _cited(items: list[dict[str, Any]]) -> list[Cited]:
    return [Cited(**item) for item in items]


def document_from_dict(data: dict[str, Any]) -> Document:
    """Rebuild a Document from its JSON form (the `documents[]` entries of `kabar.briefing/1`)."""
    fields = dict(data)
    fields["removed"] = [Removed(**item) for item in fields.get("removed", [])]
    fields["sentences"] = [Sentence(**item) for item in fields.get("sentences", [])]
    return Document(**fields)


def event_from_dict(data: dict[str, Any]) -> Event:
    """Rebuild an Event from its JSON form (the `events[]` entries of `kabar.briefing/1`)."""
    fields = dict(data)
    fields["duplicates"] = [
        Duplicate(**{**item, "passages": [Passage(**passage) for passage in item.get("passages", [])]})
        for item in fields.get("duplicates", [])
    ]
    fields["summary"] = [SummarySentence(**item) for item in fields.get("summary", [])]
    fields["facts"] = [
        Fact(**{**item, "variants": _cited(item.get("variants", []))}) for item in fields.get("facts", [])
    ]
    fields["divergences"] = [
        Divergence(**{**item, "claims": _cited(item.get("claims", []))})
        for item in fields.get("divergences", [])
    ]
    fields["quotes"] = [Quote(**item) for item in fields.get("quotes", [])]
    fields["entities"] = [Entity(**item) for item in fields.get("entities", [])]
    fields["timeline"] = [TimelineEntry(**item) for item in fields.get("timeline", [])]
    return Event(**fields)


def briefing_from_dict(data: dict[str, Any]) -> Briefing:
    """Rebuild a Briefing from a `kabar.briefing/1` JSON document."""
    return Briefing(
        generated=data["generated"],
        documents=[document_from_dict(item) for item in data["documents"]],
        events=[event_from_dict(item) for item in data["events"]],
        schema=data.get("schema", SCHEMA_ID),
    )
