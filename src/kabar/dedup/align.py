"""Sentence-level confirmation of a candidate pair: align the sentences two documents share.

A rewrite keeps the facts of its source sentence by sentence while changing the words around them ("Pembicaraan
kedua pemimpin tersebut diawasi dengan ketat" becomes "Percakapan dan pertemuan antara kedua pemimpin ini diawasi
dengan sangat ketat"), so two sentences are compared on their *content stems* (stopwords removed, Sastrawi stems
for Indonesian), not on their surface words. Each sentence of one document is matched to at most one sentence of the
other (greedy by similarity, which also handles reordered paragraphs); the matched share of the shorter document is
the pair's similarity. A rewrite also keeps its source's order, so a sentence next to an aligned pair (the next, or
the previous, usable sentence on both sides) aligns on much weaker overlap: that is where synonym substitution and
paraphrase leave too few shared stems for a match on their own.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from kabar.records import Passage

# A sentence with fewer content terms than this says too little to be evidence of reuse ("Baca juga: ...",
# "Editor: Sri Ulfanita"); such sentences are left out of the alignment and of the coverage denominators.
MIN_SENTENCE_TERMS = 4

# Two sentences align when the Dice coefficient of their content-stem sets reaches this. Calibrated with
# `bench/dedup/plagiarism.py --sweep`: 0.4 finds one more paraphrase case but lets a distractor pair through
# (precision 0.986), 0.6 loses a quarter of the semantic-variation cases; 0.5 keeps precision at 1.0.
SENTENCE_MATCH_DICE = 0.5

# A sentence next to an aligned pair, on both sides in the same direction, aligns with its counterpart at this Dice
# (and counts in the coverage with that low weight). Chosen on the even half of `bench/dedup/plagiarism.py --sweep`
# together with the candidate bands and REWRITE_MIN_SIMILARITY (`kabar.dedup.index`); recall there at precision
# 1.000, similarity 0.35 and one-row bands: 0.5 (no neighbour rule) 0.633, 0.4 0.700, 0.3 0.733, 0.25 0.750, 0.2
# 0.800, 0.15 and 0.1 0.783. ECB+ pairs (`bench/dedup/ecbplus_pairs.py --sweep`) 422, 440, 458, 467, 475, 482, 492.
NEIGHBOUR_MATCH_DICE = 0.2

# Reports of one event written independently quote the same people word for word ("I see many houses were damaged
# ...," said a resident to AP), so a shared quotation is no evidence that one text was made from the other. A
# sentence counts as a quotation when at least QUOTATION_SHARE of its characters are inside quotation marks or when
# it quotes at least QUOTATION_MIN_WORDS words in one piece (a long quote with a long attribution, "..., said X, a
# 22-year-old resident of Y village in Z district"); `kabar.dedup.index` requires aligned sentences outside
# quotations. 'He said that "it was fine".' is not a quotation; on ECB+ the rule removes the pairs of same-event
# reports that shared a quote and little else (bench/dedup/ecbplus_pairs.py).
QUOTATION_SHARE = 0.5
QUOTATION_MIN_WORDS = 6
_QUOTED = re.compile(r'"[^"]+"|“[^”]+”|«[^»]+»|„[^“”]+[“”]')


def is_quotation(text: str) -> bool:
    """Whether the sentence is mostly, or substantially, a direct quotation (an unclosed opening quote mark runs
    to the end: a quotation split over sentences)."""
    stripped = text.strip()
    if not stripped:
        return False
    spans = [m.group(0) for m in _QUOTED.finditer(stripped)]
    if not spans and stripped[0] in '"“«„' and stripped.count(stripped[0]) == 1:
        spans = [stripped]
    quoted = sum(len(span) for span in spans)
    longest = max((len(span.split()) for span in spans), default=0)
    return quoted >= QUOTATION_SHARE * len(stripped) or longest >= QUOTATION_MIN_WORDS


@dataclass(slots=True)
class SentenceTerms:
    """One sentence of a document reduced to what the alignment needs."""

    text: str
    terms: frozenset[str]


@dataclass(slots=True)
class Alignment:
    """The sentences two documents share: matched index pairs with their similarity, and coverage figures."""

    pairs: list[tuple[int, int, float]]
    coverage_a: float
    coverage_b: float
    identical_share: float
    evidence: int = 0  # aligned pairs that count as evidence of reuse (neither sentence a quotation)

    @property
    def similarity(self) -> float:
        """The matched share of the shorter document (the one better covered), similarity-weighted."""
        return max(self.coverage_a, self.coverage_b)


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2.0 * len(a & b) / (len(a) + len(b))


def align_sentences(a: Sequence[SentenceTerms], b: Sequence[SentenceTerms]) -> Alignment:
    """Greedy one-to-one sentence matching by content-stem Dice at or above `SENTENCE_MATCH_DICE`, extended to the
    neighbours of aligned pairs at `NEIGHBOUR_MATCH_DICE`."""
    usable_a = [i for i, s in enumerate(a) if len(s.terms) >= MIN_SENTENCE_TERMS]
    usable_b = [j for j, s in enumerate(b) if len(s.terms) >= MIN_SENTENCE_TERMS]
    postings: dict[str, list[int]] = defaultdict(list)
    for j in usable_b:
        for term in b[j].terms:
            postings[term].append(j)
    scored: list[tuple[float, int, int]] = []
    for i in usable_a:
        overlap: dict[int, int] = defaultdict(int)
        for term in a[i].terms:
            for j in postings.get(term, ()):
                overlap[j] += 1
        size_a = len(a[i].terms)
        for j, shared in overlap.items():
            similarity = 2.0 * shared / (size_a + len(b[j].terms))
            if similarity >= SENTENCE_MATCH_DICE:
                scored.append((similarity, i, j))
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for similarity, i, j in scored:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append((i, j, similarity))
    pairs.extend(_neighbours(a, b, usable_a, usable_b, used_a, used_b, pairs))
    pairs.sort()
    evidence = [(i, j, s) for i, j, s in pairs if not (is_quotation(a[i].text) or is_quotation(b[j].text))]
    weight_a = sum(len(a[i].terms) for i in usable_a)
    weight_b = sum(len(b[j].terms) for j in usable_b)
    covered_a = sum(len(a[i].terms) * similarity for i, _, similarity in pairs)
    covered_b = sum(len(b[j].terms) * similarity for _, j, similarity in pairs)
    identical = sum(1 for i, j, _ in pairs if a[i].text.split() == b[j].text.split())
    return Alignment(
        pairs=pairs,
        coverage_a=covered_a / weight_a if weight_a else 0.0,
        coverage_b=covered_b / weight_b if weight_b else 0.0,
        identical_share=identical / len(pairs) if pairs else 0.0,
        evidence=len(evidence),
    )


def _neighbours(
    a: Sequence[SentenceTerms],
    b: Sequence[SentenceTerms],
    usable_a: list[int],
    usable_b: list[int],
    used_a: set[int],
    used_b: set[int],
    anchors: list[tuple[int, int, float]],
) -> list[tuple[int, int, float]]:
    """Unaligned usable sentences next to an aligned pair (the following ones on both sides, or the preceding ones)
    whose stems agree at NEIGHBOUR_MATCH_DICE; each new pair anchors its own neighbours in turn."""
    position_a = {i: k for k, i in enumerate(usable_a)}
    position_b = {j: k for k, j in enumerate(usable_b)}
    found: list[tuple[int, int, float]] = []
    frontier = list(anchors)
    while frontier:
        i, j, _ = frontier.pop()
        for step in (-1, 1):
            ka, kb = position_a[i] + step, position_b[j] + step
            if not (0 <= ka < len(usable_a) and 0 <= kb < len(usable_b)):
                continue
            ni, nj = usable_a[ka], usable_b[kb]
            if ni in used_a or nj in used_b:
                continue
            similarity = dice(a[ni].terms, b[nj].terms)
            if similarity >= NEIGHBOUR_MATCH_DICE:
                used_a.add(ni)
                used_b.add(nj)
                found.append((ni, nj, similarity))
                frontier.append((ni, nj, similarity))
    return found


def passages(a: Sequence[SentenceTerms], b: Sequence[SentenceTerms], alignment: Alignment) -> list[Passage]:
    """Runs of consecutive aligned sentences (consecutive on both sides) joined into shared passages."""
    result: list[Passage] = []
    run: list[tuple[int, int, float]] = []

    def flush() -> None:
        if run:
            result.append(
                Passage(
                    a=" ".join(a[i].text for i, _, _ in run),
                    b=" ".join(b[j].text for _, j, _ in run),
                    similarity=round(sum(s for _, _, s in run) / len(run), 3),
                )
            )
            run.clear()

    for pair in sorted(alignment.pairs):
        if run and not (pair[0] == run[-1][0] + 1 and pair[1] == run[-1][1] + 1):
            flush()
        run.append(pair)
    flush()
    return result
