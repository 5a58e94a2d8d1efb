"""Divergences: points on which the sources disagree, each side with its sources.

- place: where the event's happening took place. Locative phrases ("di Vostochny Cosmodrome", "in Vladivostok")
  attached to the event's core predicates (the stems that stand right before a locative in at least two documents,
  e.g. "bertemu"/"pertemuan" -> temu, "berlangsung") are collected per document. Places one document names together
  are compatible (a region and a site in it, a nickname and the name); places no document links form separate
  sides. A preview expecting the meeting in Vladivostok against reports from the Vostochny Cosmodrome is the case.
- number: two documents make the same claim (paraphrase score) with different numbers before the same word
  ("19 bulan" / "18 bulan").
- date: the same happening dated differently by different documents.
- speaker: the same quote attributed to different people.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from kabar.briefing.pool import Pool
from kabar.briefing.timeline import _Candidate, timeline_candidates
from kabar.records import Cited, Divergence, Quote
from kabar.text import content_terms, stem

# A predicate counts as a core happening of the event when it stands before a locative in at least this many
# documents (one article's "berkeliling di ..." is not the event's main happening).
MIN_PREDICATE_DOCUMENTS = 2
# How many words before a locative the predicate may stand ("bertemu di", "tiba pada Rabu pagi di").
PREDICATE_WINDOW = 5
# A document's lead: its first sentences, where news says what happened.
LEAD_SENTENCES = 3
# Two claims with numbers are about the same point from this paraphrase score (pool scale, 1.0 = same claim);
# a little below "same claim" because the differing number itself lowers the similarity.
NUMBER_CLAIM_SIMILARITY = 0.8
# Quote texts this alike (Dice of stems) are the same quote.
SAME_QUOTE_DICE = 0.6
# Dated clauses this alike (Dice of stems) are about the same happening (with different dates: a divergence).
SAME_HAPPENING_DICE = 0.5

_LOCATIVE = re.compile(
    r"(?<!\w)(?:di|in|at)\s+((?:[A-Z][\w'’-]*)(?:\s+(?:[A-Z][\w'’-]*|de|del|am|on|upon))*)(?:,\s+([A-Z][\w'’-]*))?"
)
# Words that name a kind of place, not which one ("Kosmodrom Vostochny" = "Vostochny Cosmodrome").
_PLACE_GENERIC = frozenset(
    [
        "kosmodrom",
        "cosmodrome",
        "kota",
        "city",
        "kabupaten",
        "provinsi",
        "province",
        "wilayah",
        "region",
        "negeri",
        "pulau",
        "island",
        "gedung",
        "istana",
        "palace",
        "bandara",
        "airport",
        "pelabuhan",
        "port",
        "stasiun",
        "station",
        "the",
    ]
)
_NUMBER = re.compile(r"(?<![\w/.,])(\d+(?:[.,]\d+)?)\s+([a-zA-Z]\w+)")


def _place_key(place: str) -> frozenset[str]:
    return frozenset(word.casefold() for word in place.split() if word.casefold() not in _PLACE_GENERIC)


# Words between a predicate and its locative that are not the predicate: times of day, auxiliaries.
_NOT_PREDICATE = frozenset(
    [
        "pagi",
        "siang",
        "sore",
        "petang",
        "malam",
        "hari",
        "pada",
        "tanggal",
        "tadi",
        "kemarin",
        "sedang",
        "akan",
        "telah",
        "sudah",
        "masih",
        "juga",
        "baru",
        "kini",
        "today",
        "yesterday",
        "morning",
        "evening",
        "night",
        "on",
        "was",
        "were",
        "will",
        "be",
        "been",
        "being",
        "had",
        "has",
        "have",
        "also",
        "yang",
        "dan",
        "atau",
        "dari",
        "untuk",
        "dengan",
        "ini",
        "itu",
        "tersebut",
        "para",
        "sang",
        "sebuah",
        "seorang",
        "kedua",
        "mereka",
        "ia",
        "dia",
        "the",
        "a",
        "an",
        "of",
        "and",
        "or",
        "to",
        "for",
        "with",
        "this",
        "that",
        "their",
        "its",
        "his",
        "her",
    ]
)


def _place_claims(pool: Pool) -> list[tuple[int, set[str], str, int]]:
    """(document, predicate stems, place, unit) for each locative phrase in a usable sentence.

    The predicate stems are the lowercase words in the few words before the locative ("pertemuan … berlangsung di",
    "kedua pemimpin tiba pada Rabu pagi di"); names, times of day and function words are skipped.
    """
    claims: list[tuple[int, set[str], str, int]] = []
    for unit_index, unit in enumerate(pool.units):
        if not unit.usable:
            continue
        language = pool.documents[unit.doc].language
        for match in _LOCATIVE.finditer(unit.text):
            before = unit.text[: match.start()]
            clause = re.split(r"[,;:]", before)[-1]
            words = re.findall(r"\w+(?:[-'’]\w+)*", clause)
            # The sentence's first word is capitalised whatever it is ("Pertemuan diperkirakan …"); lowercase it.
            if words and clause is before and before.lstrip().startswith(words[0]):
                words[0] = words[0].lower()
            predicates = {
                stem(word.lower(), language)
                for word in words[-PREDICATE_WINDOW:]
                if not word[:1].isupper() and not word.isdigit() and word.lower() not in _NOT_PREDICATE
            }
            claims.append((unit.doc, predicates, match.group(1), unit_index))
    return claims


def _happening_terms(pool: Pool) -> set[str]:
    """Stems in the leads (first LEAD_SENTENCES usable sentences) of at least half of the documents: what the
    event is (pertemuan/bertemu -> temu)."""
    docs_by_term: dict[str, set[int]] = {}
    for unit in pool.units:
        if unit.usable and unit.rank < LEAD_SENTENCES:
            for term in unit.terms:
                docs_by_term.setdefault(term, set()).add(unit.doc)
    needed = max(MIN_PREDICATE_DOCUMENTS, (len(pool.documents) + 1) // 2)
    return {term for term, docs in docs_by_term.items() if len(docs) >= needed}


def place_divergences(pool: Pool) -> list[Divergence]:
    claims = _place_claims(pool)
    happening = _happening_terms(pool)
    docs_by_predicate: dict[str, set[int]] = {}
    for doc, predicates, _place, _unit in claims:
        for predicate in predicates & happening:
            docs_by_predicate.setdefault(predicate, set()).add(doc)
    core = {
        predicate for predicate, docs in docs_by_predicate.items() if len(docs) >= MIN_PREDICATE_DOCUMENTS
    }
    places: dict[frozenset[str], dict[str, object]] = {}
    for doc, predicates, place, unit in claims:
        key = _place_key(place)
        if not (predicates & core) or not key:
            continue
        entry = places.setdefault(key, {"name": place, "docs": set(), "units": []})
        entry["docs"].add(doc)  # type: ignore[union-attr]
        if unit not in entry["units"]:  # type: ignore[operator]
            entry["units"].append(unit)  # type: ignore[union-attr]
    keys = list(places)
    parent = {key: key for key in keys}

    def find(key: frozenset[str]) -> frozenset[str]:
        while parent[key] != key:
            key = parent[key]
        return key

    def union(a: frozenset[str], b: frozenset[str]) -> None:
        root_a, root_b = find(a), find(b)
        if root_a != root_b:
            parent[root_b] = root_a

    # Same place under two keys when they share a specific word ("Kosmodrom Vostochny" / "Vostochny Cosmodrome").
    for a in keys:
        for b in keys:
            if a != b and (a & b):
                union(a, b)
    # Places one document names (with any predicate) are compatible in its eyes: a nickname and the name, a region
    # and a site in it ("pertemuan di Negeri Beruang Merah" and "tiba … di Vostochny Cosmodrome").
    mentioned: dict[int, set[frozenset[str]]] = {}
    for doc, _predicate, place, _unit in claims:
        key = _place_key(place)
        for known in keys:
            if key and (key & known):
                mentioned.setdefault(doc, set()).add(known)
    for doc_keys in mentioned.values():
        ordered = sorted(doc_keys, key=sorted)
        for other in ordered[1:]:
            union(ordered[0], other)
    sides: dict[frozenset[str], list[frozenset[str]]] = {}
    for key in keys:
        sides.setdefault(find(key), []).append(key)
    if len(sides) < 2:
        return []
    ids = pool.doc_ids
    claims_out: list[Cited] = []
    names: list[str] = []
    for members in sorted(
        sides.values(), key=lambda group: (-len(_docs(places, group)), sorted(map(sorted, group)))
    ):
        docs = _docs(places, members)
        # The side is worded by its most-attested place and a sentence that names it.
        main = max(members, key=lambda key: (len(places[key]["docs"]), len(key)))  # type: ignore[arg-type]
        unit = places[main]["units"][0]  # type: ignore[index]
        names.append(str(places[main]["name"]))
        claims_out.append(Cited(text=pool.units[unit].text, sources=[ids[doc] for doc in sorted(docs)]))
    return [Divergence(about="place: " + " vs ".join(names), claims=claims_out, kind="place")]


def _docs(places: dict[frozenset[str], dict[str, object]], keys: list[frozenset[str]]) -> set[int]:
    docs: set[int] = set()
    for key in keys:
        docs |= places[key]["docs"]  # type: ignore[arg-type]
    return docs


def number_divergences(pool: Pool) -> list[Divergence]:
    found: list[Divergence] = []
    seen: set[tuple[str, frozenset[str]]] = set()
    numbers = [
        {
            (match.group(2).casefold(), match.group(1).replace(",", "."))
            for match in _NUMBER.finditer(unit.text)
        }
        for unit in pool.units
    ]
    ids = pool.doc_ids
    with_numbers = np.array(
        [index for index, unit in enumerate(pool.units) if numbers[index] and unit.usable], dtype=int
    )
    for i in with_numbers:
        unit = pool.units[i]
        close = with_numbers[pool.paraphrase[i, with_numbers] >= NUMBER_CLAIM_SIMILARITY]
        for j in close[close > i]:
            other = pool.units[j]
            if pool.group_of_doc[other.doc] == pool.group_of_doc[unit.doc]:
                continue
            for word, value in sorted(numbers[i]):
                for other_word, other_value in sorted(numbers[j]):
                    if word == other_word and value != other_value:
                        key = (word, frozenset({value, other_value}))
                        if key in seen:
                            continue
                        seen.add(key)
                        found.append(
                            Divergence(
                                about=f"number: {value} vs {other_value} {word}",
                                claims=[
                                    Cited(text=unit.text, sources=[ids[unit.doc]]),
                                    Cited(text=other.text, sources=[ids[other.doc]]),
                                ],
                                kind="number",
                            )
                        )
    return found


def _similar_pairs(term_sets: Sequence[set[str]], threshold: float) -> list[tuple[int, int]]:
    """Index pairs (i < j) whose term sets have a Dice coefficient of at least `threshold` (sparse products, so
    that only pairs sharing a term are looked at)."""
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for row, terms in enumerate(term_sets):
        for term in terms:
            rows.append(row)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
    if not rows:
        return []
    matrix = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(term_sets), len(vocabulary)))
    shared = sparse.triu(matrix @ matrix.T, k=1).tocoo()
    sizes = np.array([len(terms) for terms in term_sets], dtype=float)
    dice = 2 * shared.data / np.maximum(sizes[shared.row] + sizes[shared.col], 1.0)
    keep = dice >= threshold
    return sorted(zip(shared.row[keep].tolist(), shared.col[keep].tolist(), strict=True))


def date_divergences(candidates: Sequence[_Candidate]) -> list[Divergence]:
    found: list[Divergence] = []
    for i, j in _similar_pairs([candidate.terms for candidate in candidates], SAME_HAPPENING_DICE):
        first, second = candidates[i], candidates[j]
        if first.doc == second.doc or first.date == second.date or len(first.date) != len(second.date):
            continue
        found.append(
            Divergence(
                about=f"date: {first.date} vs {second.date}",
                claims=[
                    Cited(text=first.text, sources=[first.doc]),
                    Cited(text=second.text, sources=[second.doc]),
                ],
                kind="date",
            )
        )
    return found


def speaker_divergences(quotes: Sequence[Quote], languages: dict[str, str | None]) -> list[Divergence]:
    found: list[Divergence] = []
    terms = [set(content_terms(quote.text, languages.get(quote.source))) for quote in quotes]
    for i, j in _similar_pairs(terms, SAME_QUOTE_DICE):
        first, second = quotes[i], quotes[j]
        if first.source == second.source or not first.speaker or not second.speaker:
            continue
        if first.speaker.casefold() == second.speaker.casefold():
            continue
        found.append(
            Divergence(
                about=f"speaker: {first.speaker} vs {second.speaker}",
                claims=[
                    Cited(text=f"{first.speaker}: “{first.text}”", sources=[first.source]),
                    Cited(text=f"{second.speaker}: “{second.text}”", sources=[second.source]),
                ],
                kind="speaker",
            )
        )
    return found


def build_divergences(
    pool: Pool, quotes: Sequence[Quote], dated: Sequence[_Candidate] | None = None
) -> list[Divergence]:
    """All divergences; `dated` are the timeline's dated clauses when the caller has them already."""
    languages = {document.id: document.language for document in pool.documents}
    if dated is None:
        dated = timeline_candidates(pool.documents)
    return [
        *place_divergences(pool),
        *date_divergences(dated),
        *number_divergences(pool),
        *speaker_divergences(quotes, languages),
    ]


__all__ = ["build_divergences"]
