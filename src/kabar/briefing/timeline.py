"""The timeline: dated happenings across the event's documents, one entry per happening, sorted.

Each temporal expression (see `kabar.extract.dates`) dates the clause it stands in ("… meninggalkan Pyongyang pada
Minggu sore, dan Kremlin mengkonfirmasi kedatangannya pada hari Selasa" gives two entries). Entries with the same
date whose clauses say the same thing merge, with all their sources. Left out: datelines and the dates of a cited
report ("dikutip Kamis (14/9/2023)", "Menurut The Telegraph, Kamis, 14 September 2023"), which date the writing,
not a happening, and years alone ("sejak 1945"), which are background.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from kabar.briefing.pool import strip_dateline
from kabar.extract.dates import DateMention, find_dates, publication_anchor
from kabar.records import Document, TimelineEntry
from kabar.text import content_terms

# idf-free Dice of stems between two clauses with the same date from which they are one happening; the shared date
# is strong evidence already, so this is lower than the fact threshold (clauses are short: "Kim tiba di Rusia pada
# Selasa" vs "Kremlin mengkonfirmasi kedatangannya pada hari Selasa" share "Kim"/"Rusia"/"datang" stems only loosely).
SAME_HAPPENING_DICE = 0.3
# A clause shorter than this many words is not a happening on its own; the whole sentence is used instead.
MIN_CLAUSE_WORDS = 4
# Words before a date that make it the date of a cited report or of the quotation, not of a happening.
_CITATION = re.compile(
    r"\b(dikutip|mengutip|dilansir|melansir|diakses|menurut|laman|lapor|dilaporkan|according to|reported|"
    r"wrote|published|updated|diperbarui|diterbitkan)\b[^.]{0,40}$",
    re.IGNORECASE,
)
# Clause boundaries between two happenings in one sentence ("…, dan Kremlin mengkonfirmasi …"). Not "before" or
# "after": the clause they open is a circumstance of the main clause, and cut off alone it reads as a fragment.
_CLAUSE_SPLIT = re.compile(
    r",\s+(?:dan|serta|sementara|sedangkan|lalu|kemudian|and|while|but|then)\s+|;\s+",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class _Candidate:
    date: str
    text: str
    expression: str
    doc: str
    terms: set[str] = field(default_factory=set)


def _clause(sentence: str, sentence_start: int, mention: DateMention, several: bool) -> str:
    if not several:
        return sentence.strip()
    position = mention.start - sentence_start
    start = 0
    for match in _CLAUSE_SPLIT.finditer(sentence):
        if match.end() <= position:
            start = match.end()
        elif match.start() >= position:
            clause = sentence[start : match.start()].strip(" ,;")
            return clause if len(_WORD.findall(clause)) >= MIN_CLAUSE_WORDS else sentence.strip()
    clause = sentence[start:].strip(" ,;")
    return clause if len(_WORD.findall(clause)) >= MIN_CLAUSE_WORDS else sentence.strip()


def candidates_for(document: Document, default_anchor: date | None) -> list[_Candidate]:
    mentions = find_dates(document, default_anchor=default_anchor)
    by_sentence: dict[int, list[DateMention]] = {}
    for mention in mentions:
        if mention.sentence is not None and mention.granularity in ("day", "week", "month"):
            by_sentence.setdefault(mention.sentence, []).append(mention)
    sentences = {sentence.index: sentence for sentence in document.sentences}
    found: list[_Candidate] = []
    for index, group in by_sentence.items():
        sentence = sentences[index]
        rest = sentence.text
        for mention in group:
            rest = rest.replace(mention.expression, " ")
        if len(_WORD.findall(re.sub(r"\d+", " ", rest))) < MIN_CLAUSE_WORDS:
            continue  # a dateline ("14 September 2023, 21:31 WIB")
        for mention in group:
            before = document.text[max(sentence.start, mention.start - 60) : mention.start]
            if _CITATION.search(before):
                continue
            text = strip_dateline(_clause(sentence.text, sentence.start, mention, len(group) > 1))
            terms = set(content_terms(text, document.language))
            found.append(_Candidate(mention.date, text, mention.expression, document.id, terms))
    return found


def _dice(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def event_anchor(documents: Sequence[Document]) -> date | None:
    """The earliest anchor among the documents: the fallback for a document that dates nothing itself."""
    anchors = [anchor for anchor in (publication_anchor(document) for document in documents) if anchor]
    return min(anchors) if anchors else None


def build_timeline(
    documents: Sequence[Document], candidates: Sequence[_Candidate] | None = None
) -> list[TimelineEntry]:
    """One entry per dated happening, sorted; `candidates` (from `timeline_candidates`) saves a second scan."""
    if candidates is None:
        candidates = timeline_candidates(documents)
    merged: list[tuple[_Candidate, list[str]]] = []
    by_date: dict[str, list[int]] = {}
    for candidate in candidates:
        for position in by_date.get(candidate.date, []):
            kept, sources = merged[position]
            if _dice(kept.terms, candidate.terms) >= SAME_HAPPENING_DICE:
                if candidate.doc not in sources:
                    sources.append(candidate.doc)
                break
        else:
            by_date.setdefault(candidate.date, []).append(len(merged))
            merged.append((candidate, [candidate.doc]))
    entries = [
        TimelineEntry(
            date=candidate.date, text=candidate.text, sources=sources, expression=candidate.expression
        )
        for candidate, sources in merged
    ]
    entries.sort(key=lambda entry: (entry.date, -len(entry.sources), entry.text))
    return entries


def timeline_candidates(documents: Sequence[Document]) -> list[_Candidate]:
    """Every dated clause before merging (the date divergences compare them)."""
    default_anchor = event_anchor(documents)
    return [candidate for document in documents for candidate in candidates_for(document, default_anchor)]


__all__ = ["build_timeline", "event_anchor", "timeline_candidates"]
