"""The Markdown rendering: one readable page per briefing, every claim linked to its numbered sources.

Per event: the summary with citations [1][3] that link to the event's numbered source list (outlet, title, time),
facts with how many outlets and documents report them (single-source claims marked), divergences side by side,
quotes with their speakers, the timeline, entities, and which documents are rewrites or copies of which. The output
depends only on the briefing (no clock, no locale), so the same briefing always renders to the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from kabar.records import Briefing, Document, Event

_ESCAPE = re.compile(r"([\\`*_\[\]<>])")
# Longest title a source line shows before it is cut with an ellipsis.
MAX_TITLE_CHARS = 120


def _md(text: str) -> str:
    """Text as Markdown that shows literally (no accidental emphasis, links or HTML); newlines become spaces."""
    return _ESCAPE.sub(r"\\\1", " ".join(text.split()))


def _cell(text: str) -> str:
    return _md(text).replace("|", "\\|")


def _time(value: str | None) -> str:
    if not value:
        return "time unknown"
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    if moment.hour == moment.minute == moment.second == 0 and "T" not in value:
        return moment.date().isoformat()
    offset = moment.strftime("%z")
    offset = f"{offset[:3]}:{offset[3:]}" if offset else ""
    return f"{moment.strftime('%Y-%m-%d %H:%M')}{' UTC' + offset if offset else ''}"


class _Sources:
    """The numbered source list of one event: document id -> [n] with an anchor."""

    def __init__(self, event_number: int, event: Event, documents: dict[str, Document]) -> None:
        self.event_number = event_number
        self.numbers: dict[str, int] = {}
        for document_id in event.documents:
            if document_id not in self.numbers:
                self.numbers[document_id] = len(self.numbers) + 1
        self.documents = documents

    def anchor(self, document_id: str) -> str:
        return f"e{self.event_number}-s{self.numbers[document_id]}"

    def number(self, document_id: str) -> int:
        if document_id not in self.numbers:
            self.numbers[document_id] = len(self.numbers) + 1
        return self.numbers[document_id]

    def cite(self, document_ids: Sequence[str]) -> str:
        ordered = sorted(set(document_ids), key=self.number)
        return "".join(f"[\\[{self.number(doc)}\\]](#{self.anchor(doc)})" for doc in ordered)

    def label(self, document_id: str) -> str:
        document = self.documents.get(document_id)
        if document is None:
            return f"`{document_id}`"
        outlet = document.outlet or (document.url or document.source or "").split("/")[-1] or "unknown outlet"
        title = document.title or "untitled"
        if len(title) > MAX_TITLE_CHARS:
            title = title[: MAX_TITLE_CHARS - 1].rstrip() + "…"
        parts = [f"**{_md(outlet)}**", _md(title), _time(document.published)]
        if document.url:
            parts.append(f"<{document.url}>")
        return " — ".join(parts) + f" `{document_id}`"


def _event_markdown(number: int, event: Event, documents: dict[str, Document]) -> list[str]:
    sources = _Sources(number, event, documents)
    title = event.title or f"Event {number}"
    lines = [f"## {number}. {_md(title)}", ""]
    span = ""
    if event.first_published or event.last_published:
        first, last = _time(event.first_published), _time(event.last_published)
        span = first if first == last else f"{first} – {last}"
    meta = [f"{len(event.documents)} article{'s' if len(event.documents) != 1 else ''}"]
    if span:
        meta.append(span)
    if event.languages:
        meta.append("languages: " + ", ".join(event.languages))
    lines += ["*" + " · ".join(meta) + "*", ""]

    lines += ["### Summary", ""]
    if event.summary:
        lines.append(
            " ".join(f"{_md(sentence.text)} {sources.cite(sentence.sources)}" for sentence in event.summary)
        )
    else:
        lines.append("*No summary: the articles hold no usable sentences.*")
    lines.append("")

    if event.facts:
        lines += ["### Facts", ""]
        for fact in event.facts:
            documents_note = f"{len(fact.sources)} document{'s' if len(fact.sources) != 1 else ''}"
            if fact.single_source:
                badge = "single source" if len(fact.sources) == 1 else f"single outlet, {documents_note}"
                lines.append(f"- *{badge}:* {_md(fact.text)} {sources.cite(fact.sources)}")
            else:
                badge = f"{fact.outlets} outlets, {documents_note}"
                lines.append(f"- **{badge}:** {_md(fact.text)} {sources.cite(fact.sources)}")
        lines.append("")

    if event.divergences:
        lines += ["### Divergences", ""]
        for divergence in event.divergences:
            lines += [f"**{_md(divergence.about)}**", ""]
            header = [
                f"Side {chr(ord('A') + index)} {sources.cite(claim.sources)}"
                for index, claim in enumerate(divergence.claims)
            ]
            lines.append("| " + " | ".join(header) + " |")
            lines.append("|" + "---|" * len(divergence.claims))
            lines.append("| " + " | ".join(_cell(claim.text) for claim in divergence.claims) + " |")
            lines.append("")

    if event.quotes:
        lines += ["### Quotes", ""]
        for quote in event.quotes:
            speaker = _md(quote.speaker) if quote.speaker else "unknown speaker"
            lines.append(f"> “{_md(quote.text)}” — **{speaker}** {sources.cite([quote.source])}")
            lines.append("")

    if event.timeline:
        lines += ["### Timeline", ""]
        for entry in event.timeline:
            expression = f" ({_md(entry.expression)})" if entry.expression else ""
            lines.append(f"- **{entry.date}**{expression} — {_md(entry.text)} {sources.cite(entry.sources)}")
        lines.append("")

    if event.entities:
        lines += ["### Entities", ""]
        for entity in event.entities:
            aliases = [alias for alias in entity.aliases if alias != entity.name]
            alias_note = f" — also {', '.join(_md(alias) for alias in aliases)}" if aliases else ""
            cited = f" {sources.cite(entity.sources)}" if entity.sources else ""
            lines.append(f"- **{_md(entity.name)}** ({_md(entity.type)}){alias_note}{cited}")
        lines.append("")

    if event.duplicates:
        lines += ["### Rewrites and copies", ""]
        for duplicate in event.duplicates:
            cited = " and ".join(sources.cite([doc]) for doc in duplicate.documents)
            lines.append(f"- {cited}: {duplicate.kind} (similarity {duplicate.similarity:.2f})")
        lines.append("")

    lines += ["### Sources", ""]
    for document_id, source_number in sorted(sources.numbers.items(), key=lambda item: item[1]):
        lines.append(
            f'{source_number}. <a id="{sources.anchor(document_id)}"></a>{sources.label(document_id)}'
        )
    lines.append("")
    return lines


def render_markdown(briefing: Briefing) -> str:
    """The briefing as Markdown (deterministic: same briefing, same text)."""
    documents = {document.id: document for document in briefing.documents}
    count = len(briefing.events)
    lines = [
        "# kabar briefing",
        "",
        f"*{len(briefing.documents)} document{'s' if len(briefing.documents) != 1 else ''}, "
        f"{count} event{'s' if count != 1 else ''} · generated {_time(briefing.generated)}*",
        "",
    ]
    if not briefing.events:
        lines += ["No events: the input held no usable articles.", ""]
    for number, event in enumerate(briefing.events, start=1):
        lines += _event_markdown(number, event, documents)
    return "\n".join(lines).rstrip() + "\n"


__all__ = ["render_markdown"]
