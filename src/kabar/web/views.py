"""View models: what the event, document and list pages show, computed from the records.

The web app and the self-contained HTML report (`kabar.render.html`) both build these and hand them to the same
Jinja partials, so a briefing reads the same wherever it is opened. Only the links differ: a `Links` object says
where a document, a sentence of it, or an event lives (a page of the app, or an anchor inside the report file).

Nothing here produces markup; templates do, with autoescape on, so article text can never become HTML.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol
from urllib.parse import quote, urlsplit

from kabar.records import Cited, Document, Duplicate, Event, Sentence
from kabar.text import stopwords, tokenize
from kabar.web.charts import CoverageChart, TimelineChart, coverage_chart, parse_published, timeline_chart

# A citation only points at a sentence of a non-origin source when that sentence shares at least this share of the
# cited text's content words. Calibrated on the seed event: true supporting sentences share 0.3–0.9 of the words
# of a summary sentence, unrelated ones under 0.15; below the floor the link opens the document at its top.
MIN_SUPPORT_OVERLAP = 0.2

# Words shorter than this carry little evidence of support (particles, numbers like "13").
MIN_SUPPORT_TOKEN_LENGTH = 3

UNKNOWN_OUTLET = "unknown outlet"


class Links(Protocol):
    """Where things live: pages of the web app, or anchors inside one report file."""

    def document(self, document_id: str) -> str: ...

    def sentence(self, document_id: str, index: int) -> str: ...

    def event(self, event_id: str) -> str: ...


class AppLinks:
    """Links between the pages of `kabar serve`."""

    def document(self, document_id: str) -> str:
        return f"/documents/{quote(document_id, safe='')}"

    def sentence(self, document_id: str, index: int) -> str:
        return f"{self.document(document_id)}#{sentence_anchor(index)}"

    def event(self, event_id: str) -> str:
        return f"/events/{quote(event_id, safe='')}"


class ReportLinks:
    """Anchors inside one self-contained report file, where every document is printed below the events."""

    def document(self, document_id: str) -> str:
        return f"#{document_anchor(document_id)}"

    def sentence(self, document_id: str, index: int) -> str:
        return f"#{document_anchor(document_id)}-{sentence_anchor(index)}"

    def event(self, event_id: str) -> str:
        return f"#{event_anchor(event_id)}"


def sentence_anchor(index: int) -> str:
    return f"s-{index}"


def document_anchor(document_id: str) -> str:
    return f"doc-{_anchor_safe(document_id)}"


def event_anchor(event_id: str) -> str:
    return f"event-{_anchor_safe(event_id)}"


def _anchor_safe(identifier: str) -> str:
    # Ids are hashes in practice; anything else is squashed so the fragment needs no escaping anywhere.
    return re.sub(r"[^A-Za-z0-9_-]", "_", identifier)


# --------------------------------------------------------------------------------------------------- documents


@dataclass(slots=True)
class Segment:
    """A run of a paragraph: a sentence (with its index) or the text between sentences."""

    text: str
    sentence: int | None = None


@dataclass(slots=True)
class DocumentView:
    document: Document
    number: int | None
    anchor_prefix: str
    paragraphs: list[list[Segment]]
    safe_url: str | None
    published_label: str | None
    outlet: str


def document_view(document: Document, number: int | None = None, anchor_prefix: str = "") -> DocumentView:
    """A document split into paragraphs of sentence spans, so each sentence can be a link target.

    `anchor_prefix` goes before each sentence's `s-N` id (the report holds many documents on one page).
    """
    return DocumentView(
        document=document,
        number=number,
        anchor_prefix=anchor_prefix,
        paragraphs=paragraphs(document.text, document.sentences),
        safe_url=safe_url(document.url),
        published_label=published_label(document.published),
        outlet=document.outlet or UNKNOWN_OUTLET,
    )


_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


def paragraphs(text: str, sentences: Sequence[Sentence]) -> list[list[Segment]]:
    """Cut `text` into paragraphs (blank-line separated) of segments, sentences marked by their index.

    Sentence offsets come from the store; if they ever disagree with the text (overlap or run past its end) the
    offending sentence is rendered as plain text rather than guessed at.
    """
    result: list[list[Segment]] = [[]]

    def add_plain(chunk: str) -> None:
        parts = _BLANK_LINE.split(chunk)
        for position, part in enumerate(parts):
            if position > 0 and result[-1]:
                result.append([])
            if part:
                result[-1].append(Segment(part))

    cursor = 0
    for sentence in sorted(sentences, key=lambda s: s.start):
        if sentence.start < cursor or sentence.end > len(text) or sentence.end <= sentence.start:
            continue
        add_plain(text[cursor : sentence.start])
        result[-1].append(Segment(text[sentence.start : sentence.end], sentence.index))
        cursor = sentence.end
    add_plain(text[cursor:])
    return [paragraph for paragraph in result if any(segment.text.strip() for segment in paragraph)]


def safe_url(url: str | None) -> str | None:
    """The URL if it is plain http(s); anything else (javascript:, data:) is shown as text only, never linked."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in {"http", "https"} else None


def published_label(published: str | None) -> str | None:
    """'13 Sep 2023, 21:31 UTC+07:00' for display; the raw value when it does not parse."""
    moment = parse_published(published)
    if moment is None:
        return published
    if moment.tzinfo is None:
        return moment.strftime("%d %b %Y, %H:%M")
    offset = moment.strftime("%z")
    zone = "UTC" if offset in {"+0000", "-0000"} else f"UTC{offset[:3]}:{offset[3:]}"
    return f"{moment.strftime('%d %b %Y, %H:%M')} {zone}"


def date_label(value: str | None) -> str | None:
    moment = parse_published(value)
    return moment.strftime("%d %b %Y") if moment else value


# ---------------------------------------------------------------------------------------------- citations


@dataclass(slots=True)
class Citation:
    number: int
    document_id: str
    sentence: int | None
    href: str
    label: str


@dataclass(slots=True)
class CitedView:
    text: str
    citations: list[Citation]


@dataclass(slots=True)
class SourceView:
    number: int
    document: Document
    outlet: str
    href: str
    published_label: str | None


class SupportFinder:
    """Finds, in a cited document, the sentence most like the text that cites it (content-word overlap).

    Token sets are computed once per document per page, so a page with many citations stays cheap.
    """

    def __init__(self, documents: dict[str, Document]) -> None:
        self._documents = documents
        self._cache: dict[str, list[tuple[int, frozenset[str]]]] = {}

    def _terms(self, text: str, language: str | None) -> frozenset[str]:
        stop = stopwords(language)
        return frozenset(
            token for token in tokenize(text) if len(token) >= MIN_SUPPORT_TOKEN_LENGTH and token not in stop
        )

    def _sentences(self, document: Document) -> list[tuple[int, frozenset[str]]]:
        cached = self._cache.get(document.id)
        if cached is None:
            cached = [(s.index, self._terms(s.text, document.language)) for s in document.sentences]
            self._cache[document.id] = cached
        return cached

    def find(self, text: str, document_id: str) -> int | None:
        document = self._documents.get(document_id)
        if document is None or not document.sentences:
            return None
        wanted = self._terms(text, document.language)
        if not wanted:
            return None
        best_index, best_score = None, 0.0
        for index, terms in self._sentences(document):
            shared = len(wanted & terms)
            if not shared:
                continue
            # Recall of the cited text's words first; a shorter sentence wins ties (less noise around the claim).
            score = shared / len(wanted) + 1e-6 * shared / max(len(terms), 1)
            if score > best_score:
                best_index, best_score = index, score
        return best_index if best_score >= MIN_SUPPORT_OVERLAP else None


# ------------------------------------------------------------------------------------------------- events


@dataclass(slots=True)
class FactView:
    text: str
    citations: list[Citation]
    sources: int
    outlets: int
    single_source: bool
    variants: list[CitedView]


@dataclass(slots=True)
class DivergenceView:
    about: str
    kind: str
    claims: list[CitedView]


@dataclass(slots=True)
class QuoteView:
    speaker: str | None
    text: str
    citation: Citation | None


@dataclass(slots=True)
class TimelineItem:
    number: int
    date: str
    date_label: str
    text: str
    expression: str | None
    citations: list[Citation]


@dataclass(slots=True)
class EntityGroup:
    type: str
    label: str
    entities: list[EntityItem]


@dataclass(slots=True)
class EntityItem:
    name: str
    aliases: list[str]
    mentions: int
    sources: int


@dataclass(slots=True)
class Headline:
    source: SourceView
    title: str
    rewrite_group: int | None


@dataclass(slots=True)
class RewritePair:
    a: SourceView
    b: SourceView
    kind: str
    similarity_percent: int
    passages: list[tuple[str, str]]


@dataclass(slots=True)
class RewriteGroup:
    number: int
    members: list[SourceView]
    pairs: list[RewritePair]


@dataclass(slots=True)
class EventView:
    event: Event
    anchor: str
    href: str
    title: str
    sources: list[SourceView]
    outlets: list[str]
    languages: list[str]
    date_range: str | None
    summary: list[CitedView]
    facts: list[FactView]
    divergences: list[DivergenceView]
    quotes: list[QuoteView]
    timeline: list[TimelineItem]
    timeline_chart: TimelineChart | None
    coverage: CoverageChart | None
    entity_groups: list[EntityGroup]
    headlines: list[Headline]
    rewrite_groups: list[RewriteGroup]
    missing_documents: list[str] = field(default_factory=list)


ENTITY_TYPE_LABELS = {
    "PER": "People",
    "PERSON": "People",
    "ORG": "Organisations",
    "ORGANIZATION": "Organisations",
    "LOC": "Places",
    "GPE": "Places",
    "LOCATION": "Places",
}

# How many aligned passages of a rewrite pair to show: enough to see what was copied, not the whole article.
MAX_PASSAGES_SHOWN = 3


def event_title(event: Event, documents: dict[str, Document]) -> str:
    if event.title:
        return event.title
    for document_id in event.documents:
        document = documents.get(document_id)
        if document and document.title:
            return document.title
    return f"Event {event.id}"


def date_range_label(first: str | None, last: str | None) -> str | None:
    first_label, last_label = date_label(first), date_label(last)
    if first_label and last_label and first_label != last_label:
        return f"{first_label} – {last_label}"
    return first_label or last_label


def event_view(event: Event, documents: Iterable[Document], links: Links) -> EventView:
    """Everything the event page shows, with every citation resolved to a numbered source and a sentence."""
    by_id = {document.id: document for document in documents}
    sources: list[SourceView] = []
    numbers: dict[str, int] = {}
    missing: list[str] = []
    for document_id in event.documents:
        document = by_id.get(document_id)
        if document is None:
            missing.append(document_id)
            continue
        numbers[document_id] = len(sources) + 1
        sources.append(
            SourceView(
                number=numbers[document_id],
                document=document,
                outlet=document.outlet or UNKNOWN_OUTLET,
                href=links.document(document_id),
                published_label=published_label(document.published),
            )
        )
    support = SupportFinder(by_id)

    def cite(document_id: str, text: str, sentence: int | None = None) -> Citation | None:
        number = numbers.get(document_id)
        if number is None:
            return None
        if sentence is None:
            sentence = support.find(text, document_id)
        source = sources[number - 1]
        where = f", sentence {sentence + 1}" if sentence is not None else ""
        href = links.sentence(document_id, sentence) if sentence is not None else links.document(document_id)
        return Citation(number, document_id, sentence, href, f"Source {number}: {source.outlet}{where}")

    def cite_all(text: str, document_ids: Iterable[str], origin: dict | None = None) -> list[Citation]:
        citations: list[Citation] = []
        seen: set[str] = set()
        for document_id in document_ids:
            if document_id in seen:
                continue
            seen.add(document_id)
            sentence = None
            if origin and origin.get("document") == document_id and isinstance(origin.get("sentence"), int):
                sentence = origin["sentence"]
            citation = cite(document_id, text, sentence)
            if citation:
                citations.append(citation)
        return sorted(citations, key=lambda c: c.number)

    def cited(item: Cited) -> CitedView:
        return CitedView(item.text, cite_all(item.text, item.sources))

    summary = [
        CitedView(
            s.text,
            cite_all(
                s.text, [*([s.origin["document"]] if s.origin.get("document") else []), *s.sources], s.origin
            ),
        )
        for s in event.summary
    ]
    facts = [
        FactView(
            text=fact.text,
            citations=_fact_citations(fact.text, fact.sources, fact.variants, cite_all),
            sources=len(set(fact.sources)),
            outlets=fact.outlets,
            single_source=fact.single_source,
            variants=[cited(v) for v in fact.variants if v.text.strip() != fact.text.strip()],
        )
        for fact in event.facts
    ]
    divergences = [DivergenceView(d.about, d.kind, [cited(c) for c in d.claims]) for d in event.divergences]
    quotes = [QuoteView(q.speaker, q.text, cite(q.source, q.text, q.sentence)) for q in event.quotes]
    timeline_entries = sorted(event.timeline, key=lambda entry: entry.date)
    timeline = [
        TimelineItem(
            number=position,
            date=entry.date,
            date_label=_timeline_date_label(entry.date),
            text=entry.text,
            expression=entry.expression,
            citations=cite_all(entry.text, entry.sources),
        )
        for position, entry in enumerate(timeline_entries, start=1)
    ]
    rewrite_groups, group_of = _rewrite_groups(event, sources, numbers)
    headlines = sorted(
        (
            Headline(source, source.document.title or "(no headline)", group_of.get(source.document.id))
            for source in sources
        ),
        key=lambda h: (h.source.document.published or "~", h.source.number),
    )
    outlets = sorted({source.outlet for source in sources})
    languages = event.languages or sorted({s.document.language for s in sources if s.document.language})
    return EventView(
        event=event,
        anchor=event_anchor(event.id),
        href=links.event(event.id),
        title=event_title(event, by_id),
        sources=sources,
        outlets=outlets,
        languages=list(languages),
        date_range=date_range_label(
            event.first_published or _first_published(sources),
            event.last_published or _last_published(sources),
        ),
        summary=summary,
        facts=facts,
        divergences=divergences,
        quotes=quotes,
        timeline=timeline,
        timeline_chart=timeline_chart([(item.number, item.date, item.text) for item in timeline]),
        coverage=coverage_chart(
            [(s.number, s.outlet, s.document.published, s.document.title or "", s.href) for s in sources]
        ),
        entity_groups=_entity_groups(event),
        headlines=headlines,
        rewrite_groups=rewrite_groups,
        missing_documents=missing,
    )


CiteAll = Callable[..., list[Citation]]


def _fact_citations(
    text: str, sources: list[str], variants: list[Cited], cite_all: CiteAll
) -> list[Citation]:
    # A variant says in which words each source stated the fact: match that wording in its own source.
    citations: dict[str, Citation] = {}
    for variant in variants:
        for citation in cite_all(variant.text, variant.sources):
            citations.setdefault(citation.document_id, citation)
    for citation in cite_all(text, sources):
        citations.setdefault(citation.document_id, citation)
    return sorted(citations.values(), key=lambda c: c.number)


def _first_published(sources: list[SourceView]) -> str | None:
    dates = sorted(s.document.published for s in sources if s.document.published)
    return dates[0] if dates else None


def _last_published(sources: list[SourceView]) -> str | None:
    dates = sorted(s.document.published for s in sources if s.document.published)
    return dates[-1] if dates else None


def _timeline_date_label(value: str) -> str:
    for pattern, shown in (("%Y-%m-%d", "%d %b %Y"), ("%Y-%m", "%b %Y"), ("%Y", "%Y")):
        try:
            return datetime.strptime(value, pattern).strftime(shown)
        except ValueError:
            continue
    return value


def _entity_groups(event: Event) -> list[EntityGroup]:
    groups: dict[str, list[EntityItem]] = {}
    for entity in event.entities:
        label = ENTITY_TYPE_LABELS.get(entity.type.upper(), entity.type.title() or "Other")
        aliases = [alias for alias in entity.aliases if alias != entity.name]
        groups.setdefault(label, []).append(
            EntityItem(entity.name, aliases, entity.mentions, len(set(entity.sources)))
        )
    order = ["People", "Organisations", "Places"]
    return [
        EntityGroup(
            type=label,
            label=label,
            entities=sorted(items, key=lambda e: (-e.mentions, -e.sources, e.name)),
        )
        for label, items in sorted(
            groups.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else 9, kv[0])
        )
    ]


def _rewrite_groups(
    event: Event, sources: list[SourceView], numbers: dict[str, int]
) -> tuple[list[RewriteGroup], dict[str, int]]:
    """Join duplicate pairs into groups (a copy of a rewrite of X is in X's group)."""
    parent: dict[str, str] = {}

    def root(item: str) -> str:
        while parent.setdefault(item, item) != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    pairs: list[tuple[str, str, Duplicate]] = []
    for duplicate in event.duplicates:
        members = [d for d in duplicate.documents if d in numbers]
        for other in members[1:]:
            parent[root(other)] = root(members[0])
            pairs.append((members[0], other, duplicate))
    grouped: dict[str, list[str]] = {}
    for document_id in parent:
        grouped.setdefault(root(document_id), []).append(document_id)
    groups: list[RewriteGroup] = []
    group_of: dict[str, int] = {}
    for members in sorted(grouped.values(), key=lambda m: min(numbers[d] for d in m)):
        if len(members) < 2:
            continue
        number = len(groups) + 1
        member_views = sorted((sources[numbers[d] - 1] for d in members), key=lambda s: s.number)
        for d in members:
            group_of[d] = number
        group_pairs = [
            RewritePair(
                a=sources[numbers[a] - 1],
                b=sources[numbers[b] - 1],
                kind=duplicate.kind,
                similarity_percent=round(100 * duplicate.similarity),
                passages=[(p.a, p.b) for p in duplicate.passages[:MAX_PASSAGES_SHOWN]],
            )
            for a, b, duplicate in pairs
            if a in members
        ]
        groups.append(RewriteGroup(number, member_views, group_pairs))
    return groups, group_of


# ------------------------------------------------------------------------------------------ events list


@dataclass(slots=True)
class EventRow:
    event: Event
    href: str
    title: str
    documents: int
    outlets: list[str]
    languages: list[str]
    date_range: str | None
    top_entities: list[str]


# Entities named on an events-list row: enough to tell events apart at a glance.
LIST_ENTITIES_SHOWN = 4


def event_row(event: Event, documents: dict[str, Document], links: Links) -> EventRow:
    members = [documents[d] for d in event.documents if d in documents]
    outlets = sorted({d.outlet or UNKNOWN_OUTLET for d in members})
    languages = event.languages or sorted({d.language for d in members if d.language})
    dates = sorted(d.published for d in members if d.published)
    first = event.first_published or (dates[0] if dates else None)
    last = event.last_published or (dates[-1] if dates else None)
    top = sorted(event.entities, key=lambda e: (-e.mentions, -len(e.sources), e.name))[:LIST_ENTITIES_SHOWN]
    return EventRow(
        event=event,
        href=links.event(event.id),
        title=event_title(event, documents),
        documents=len(event.documents),
        outlets=outlets,
        languages=list(languages),
        date_range=date_range_label(first, last),
        top_entities=[e.name for e in top],
    )


def outlet_counts(documents: Iterable[Document]) -> Counter[str]:
    return Counter(d.outlet or UNKNOWN_OUTLET for d in documents)
