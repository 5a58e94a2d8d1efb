"""The extractive summary: which source sentences, in which order, and every document that supports each.

Selection is greedy maximisation of concept coverage under a word budget (Gillick & Favre's ILP objective, solved
greedily as in Lin & Bilmes' budgeted submodular maximisation): a concept is a content stem; its weight is how many
independent outlets use it (several articles, same story: a word many outlets use is what the story is about), or
within a single document how many of its sentences use it. A concept counts once however many chosen sentences
hold it, so a second sentence saying the same thing gains nothing: that is the redundancy control; paraphrases that
share few words are also kept out by the pool's paraphrase score. Lead sentences get a bonus (news puts the
happening first).

Support: a summary sentence is supported by every document with a sentence that makes the same claim
(paraphrase score) or holds most of its content (idf-weighted coverage), not only by the document it was taken from.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from kabar.briefing import pool as pool_module
from kabar.briefing.pool import (
    RELAXED_PARAPHRASE,
    SUPPORT_COVERAGE,
    Pool,
    Unit,
    negated,
    numbers_agree,
    same_claim,
    supports_claim,
    term_concepts,
)

# The selection constants below were tuned with bench/summarize/tune_duc.py on DUC 2004's first 25 clusters
# (d30001–d30040, terms only) and checked on the other 25 (d30042–d31050) before reporting all 50.
#
# Score = gain / words ** LENGTH_EXPONENT: 1 would favour short sentences too much (they are cheap), 0 long ones;
# Lin & Bilmes use a scaled cost of this form; 0.7 was best of 0.4–1.0 on both halves.
LENGTH_EXPONENT = 0.7
# Multiplier for a document's first usable sentence, decaying with rank as 1 + LEAD_BONUS / (1 + rank): news puts
# what happened first. 1.5 was best of 0.3–2.5 on the DUC tuning clusters.
LEAD_BONUS = 1.5
# An event of one outlet (a single article) has nothing to corroborate, and the inverted pyramid is then the best
# evidence of what matters: its summary is its usable sentences in document order, minus repeats. On IndoSum dev.01's
# first 200 articles, coverage selection with a lead multiplier of 3/10/30 scored R-1 58.9/62.0/64.5 against
# Lead-3's 65.5; document order scores 65.6 (bench/summarize/indosum.py).
# A sentence that opens with a pronoun or a connective leans on the sentence before it, which the summary may not
# carry; its score is multiplied by this (0.6 against 1.0: +0.2 R-1 on the DUC tuning clusters).
DANGLING_PENALTY = 0.6
# Quote-heavy sentences are better shown as quotes; in the summary they rank a little lower (0.8 against 0.5: +0.2
# R-1 on the DUC tuning clusters).
QUOTE_PENALTY = 0.8
# Multiplier 1 + CENTRALITY_WEIGHT * (share of other outlets saying the same): corroborated sentences first, which
# is what a briefing is for and what multi-document summaries reward (0 -> 1: +0.5 R-1 on the DUC tuning clusters).
CENTRALITY_WEIGHT = 1.0
# A concept must be used by at least this many independent outlets to count in a multi-outlet event (ICSISumm
# uses document frequency >= 3 of 10 on DUC; with events of 3–5 articles 2 is the only sensible floor).
MIN_CONCEPT_OUTLETS = 2
# ... and at least this share of the event's outlets (ICSISumm's 3 of 10 on DUC), so that in a large event a word two
# outlets happen to share does not count.
MIN_CONCEPT_SHARE = 0.0
# A concept's weight is (outlets using it) ** CONCEPT_POWER: above 1 favours what nearly every outlet says
# (1 -> 2: +0.5 R-1 on both DUC halves; with CONCEPT_REPEAT_WEIGHT 1, 2.5 beat 2 and 3 on the tuning half).
CONCEPT_POWER = 2.5
# ... times 1 + CONCEPT_REPEAT_WEIGHT * ln(sentences using it / outlets using it): what the articles keep coming back
# to, not just mention once, is what they are about (SumBasic's frequency signal on top of the outlet count).
# Swept 0, 0.5, 1, 2 with CONCEPT_POWER 2, 2.5, 3 on the DUC 2004 tuning half d30001–d30040 (bench/summarize/tune_duc.py):
# 1 with CONCEPT_POWER 2.5 was +0.7 R-1 there over 0 with 2 and +0.3 on the held-out half d30042–d31050. The
# landscape is rough (held-out half 39.8–40.5 R-1 across the grid; 1 with 2 was 0.9 lower on the tuning half).
CONCEPT_REPEAT_WEIGHT = 1.0
# Share of the idf weight of the names a sentence is about (capitalised mid-sentence) that a supporter must hold.
NAME_COVERAGE = 0.8
# When corroborated concepts fill less than this share of the word budget, the rest comes from the documents' leads.
FILL_SHARE = 0.6
# Shift of a quoted sentence in the reading order (positions run 0..1): reactions come after the happening.
QUOTE_ORDER_SHIFT = 0.5

_DANGLING = re.compile(
    r"^\s*(dia|ia|mereka|beliau|ini|itu|hal itu|namun|tapi|tetapi|sementara itu|selain itu|karena itu|oleh karena|"
    r"he|she|they|it|this|these|those|that|but|however|meanwhile|also|and|so)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Selection:
    units: list[int]  # pool unit indices in reading order
    supporters: list[list[int]]  # for each, the document indices that support it (its own first)


def concept_weights(pool: Pool, units: list[int]) -> dict[str, float]:
    """Weight of each concept over the usable sentences (computed once per pool)."""
    cached = pool.cache.get("concept_weights")
    if cached is None:
        cached = _concept_weights(pool, units)
        pool.cache["concept_weights"] = cached
    return cached  # type: ignore[return-value]


def _concept_weights(pool: Pool, units: list[int]) -> dict[str, float]:
    """Weight of each concept: independent outlets using it (multi-outlet) or sentences using it (single)."""
    outlets_by_concept: dict[str, set[int]] = {}
    sentence_count: Counter[str] = Counter()
    for index in units:
        unit = pool.units[index]
        for concept in pool.concepts[index]:
            outlets_by_concept.setdefault(concept, set()).add(pool.group_of_doc[unit.doc])
            sentence_count[concept] += 1
    n_outlets = len(set(pool.group_of_doc))

    def scale(concept: str) -> float:
        return pool_module.BIGRAM_WEIGHT if "_" in concept else 1.0

    if n_outlets >= 2:
        floor = max(MIN_CONCEPT_OUTLETS, math.ceil(MIN_CONCEPT_SHARE * n_outlets))
        return {
            concept: len(groups) ** CONCEPT_POWER
            * (1.0 + CONCEPT_REPEAT_WEIGHT * math.log(sentence_count[concept] / len(groups)))
            * scale(concept)
            for concept, groups in outlets_by_concept.items()
            if len(groups) >= floor
        }
    # One outlet: every concept counts by how many sentences use it, so that no sentence is worth nothing.
    return {concept: count * scale(concept) for concept, count in sentence_count.items()}


def _prior(unit: Unit) -> float:
    factor = 1.0 + LEAD_BONUS / (1.0 + unit.rank)
    if _DANGLING.match(unit.text):
        factor *= DANGLING_PENALTY
    if unit.quoted:
        factor *= QUOTE_PENALTY
    return factor


def _in_document_order(
    pool: Pool,
    candidates: list[int],
    words: int,
    *,
    overflow: bool,
    max_sentences: int | None,
    after: Sequence[int] = (),
) -> list[int]:
    """A single outlet's summary: its usable sentences from the top, skipping repeats (of each other and of the
    sentences `after` already chosen), within the budget."""
    chosen: list[int] = []
    total = 0
    for index in sorted(candidates, key=lambda i: (pool.units[i].doc, pool.units[i].rank)):
        if total >= words or (max_sentences is not None and len(chosen) >= max_sentences):
            break
        unit = pool.units[index]
        if not overflow and total + unit.words > words:
            continue
        if any(pool.paraphrase[index, other] >= 1.0 for other in (*after, *chosen)):
            continue
        chosen.append(index)
        total += unit.words
    return chosen


def centrality(pool: Pool) -> np.ndarray:
    """For each unit, the share of the other independent outlets that say the same (soft: 0..1 per outlet)."""
    n_units = len(pool.units)
    groups = sorted(set(pool.group_of_doc))
    if len(groups) < 2 or n_units == 0:
        return np.zeros(n_units)
    # Words only: e5 cosines between sentences of one story are high and noisy (median 0.80 in English DUC clusters,
    # 0.85 in the Indonesian seeds); mixing them in cost 0.5 R-1 on twelve DUC clusters.
    per_doc = pool.cache["lexical_support"]  # n_units x documents with sentences (best sentence of each)
    docs = [doc for doc, members in enumerate(pool.units_by_doc) if len(members)]
    column_of = {group: column for column, group in enumerate(groups)}
    per_group = np.zeros((n_units, len(groups)), dtype=np.float32)
    for position, doc in enumerate(docs):
        column = column_of[pool.group_of_doc[doc]]
        np.maximum(per_group[:, column], per_doc[:, position], out=per_group[:, column])
    own = np.array([column_of[pool.group_of_doc[unit.doc]] for unit in pool.units])
    per_group[np.arange(n_units), own] = 0.0
    return np.minimum(per_group, 1.0).sum(axis=1) / (len(groups) - 1)


def _prefix_concepts(unit: Unit, words: int) -> set[str]:
    """Concepts of a sentence's first `words` words, approximated by the same share of its content terms (they
    come in sentence order)."""
    keep = math.ceil(len(unit.terms) * words / max(1, unit.words))
    return term_concepts(unit.terms[:keep])


def select(pool: Pool, words: int, *, overflow: bool = False, max_sentences: int | None = None) -> list[int]:
    """Greedy budgeted coverage; returns pool unit indices in selection order.

    With `overflow` the last sentence may run past the budget (for ROUGE at a fixed length, which truncates);
    otherwise the summary stays within `words`. `max_sentences` caps the count as well (IndoSum's 3 sentences).
    """
    candidates = [index for index, unit in enumerate(pool.units) if unit.usable]
    weights = concept_weights(pool, candidates)
    central = centrality(pool)
    if len(set(pool.group_of_doc)) < 2:
        return _in_document_order(pool, candidates, words, overflow=overflow, max_sentences=max_sentences)
    priors = {
        index: _prior(pool.units[index]) * (1.0 + CENTRALITY_WEIGHT * central[index]) for index in candidates
    }
    term_sets = {index: pool.concepts[index] for index in candidates}
    covered: set[str] = set()
    chosen: list[int] = []
    total = 0
    while candidates and total < words and (max_sentences is None or len(chosen) < max_sentences):
        best, best_score = -1, 0.0
        remaining = words - total
        for index in candidates:
            unit = pool.units[index]
            if unit.words > remaining:
                if not overflow:
                    continue
                # Only the words within the budget count (ROUGE cuts the summary there): the gain and the cost
                # of a sentence that runs over are those of its first `remaining` words.
                concepts, length = _prefix_concepts(unit, remaining), remaining
            else:
                concepts, length = term_sets[index], unit.words
            gain = sum(weights.get(term, 0.0) for term in concepts - covered)
            if gain <= 0:
                continue
            score = gain / math.pow(length, LENGTH_EXPONENT) * priors[index]
            if score > best_score:
                best, best_score = index, score
        if best < 0:
            break
        chosen.append(best)
        covered |= term_sets[best]
        total += pool.units[best].words
        # Drop what the new sentence makes redundant: same claim in other words.
        row = pool.paraphrase[best]
        candidates = [
            index
            for index in candidates
            if index != best and not (row[index] >= RELAXED_PARAPHRASE and same_claim(pool, best, index))
        ]
    if candidates and total < FILL_SHARE * words and (max_sentences is None or len(chosen) < max_sentences):
        # Little is corroborated (two articles with hardly anything in common): fill the rest from the leads.
        remaining = None if max_sentences is None else max_sentences - len(chosen)
        chosen += _in_document_order(
            pool, candidates, words - total, overflow=overflow, max_sentences=remaining, after=chosen
        )
    return chosen


def supporters(pool: Pool, index: int) -> list[int]:
    """Documents (indices) that support unit `index`: its own, then each other one that says the same.

    A document supports a sentence when one of its sentences says the same claim (`pool.supports_claim`: the
    paraphrase test with agreeing numbers and negation), or when one of its sentences holds SUPPORT_COVERAGE of
    its idf-weighted content, the names it is about (NAME_COVERAGE of their weight: "Lavrov will visit next
    month" is not supported by "Shoigu visited"), every number it states and its negation.

    Two routes of earlier versions are gone, since most of what they cited did not say the claim (hand-labelled
    audit, bench/summarize/support_audit.py): two sentences of a document together holding the content (right 3
    times in 12: two sentences pick up a claim's words from different claims), and a rewrite of another
    supporter's wording in any document (4 in 12: support does not chain), now only in a document that copies or
    rewrites that supporter (`rewrites_a_wording`).
    """
    unit = pool.units[index]
    terms = set(unit.terms)
    weights = {term: pool.idf.get(term, 1.0) for term in terms}
    total = sum(weights.values()) or 1.0
    name_total = sum(weights[term] for term in unit.names)
    negative = negated(unit.text)

    found = {unit.doc}
    paraphrase = pool.paraphrase[index]
    coverage = pool.coverage[index]
    wordings: list[int] = []  # other documents' sentences that say the claim (their rewrites say it too)
    for doc, members in enumerate(pool.units_by_doc):
        if doc == unit.doc or len(members) == 0:
            continue
        close = [int(other) for other in members[paraphrase[members] >= RELAXED_PARAPHRASE]]
        same = [other for other in close if supports_claim(pool, index, other)]
        if same:
            found.add(doc)
            wordings += same
            continue
        best = int(members[int(np.argmax(coverage[members]))])
        if coverage[best] < SUPPORT_COVERAGE:
            continue
        held = set(pool.units[best].terms) & terms
        share = sum(weights[term] for term in held) / total
        names_ok = not name_total or sum(weights[t] for t in unit.names & held) / name_total >= NAME_COVERAGE
        if (
            share >= SUPPORT_COVERAGE
            and names_ok
            and numbers_agree(pool, index, best, required=True)
            and negated(pool.units[best].text) == negative
        ):
            found.add(doc)
    for doc, members in enumerate(pool.units_by_doc):
        if doc not in found and len(members) and rewrites_a_wording(pool, wordings, doc):
            found.add(doc)
    return [unit.doc, *sorted(found - {unit.doc})]


def rewrites_a_wording(pool: Pool, wordings: list[int], doc: int) -> bool:
    """Whether document `doc` closely rewrites (score >= 1, agreeing numbers) one of `wordings` held by a document
    it is a copy or rewrite of (same outlet group): 000 rewrites 002's "kedua pemimpin tiba ... di Vostochny
    Cosmodrome", which says 001's "bertemu di Kosmodrom Vostochny", though 000's wording alone is too far from 001's.
    Only within a rewrite: between independent documents support does not chain (audit: right 4 times in 12)."""
    group = pool.group_of_doc[doc]
    members = pool.units_by_doc[doc]
    for wording in wordings:
        if pool.group_of_doc[pool.units[wording].doc] != group:
            continue
        for other in members[pool.paraphrase[wording, members] >= 1.0]:
            if supports_claim(pool, wording, int(other)):
                return True
    return False


def reading_order(pool: Pool, chosen: list[int], support: dict[int, list[int]]) -> list[int]:
    """What happened first, then reactions and background: by the earliest place any supporter reports it, then
    by how many documents support it (of several leads, the best-attested one opens), then by source order."""

    def key(index: int) -> tuple[float, int, str, int]:
        unit = pool.units[index]
        earliest = unit.position
        row = pool.paraphrase[index]
        for other in np.nonzero(row >= 1.0)[0]:
            if pool.units[int(other)].doc in support[index]:
                earliest = min(earliest, pool.units[int(other)].position)
        shift = QUOTE_ORDER_SHIFT if unit.quoted else 0.0
        return (earliest + shift, -len(support[index]), pool.documents[unit.doc].id, unit.sentence)

    return sorted(chosen, key=key)


def summarize(pool: Pool, words: int, *, overflow: bool = False) -> Selection:
    chosen = select(pool, words, overflow=overflow)
    support = {index: supporters(pool, index) for index in chosen}
    ordered = reading_order(pool, chosen, support)
    return Selection(ordered, [support[index] for index in ordered])


__all__ = ["Selection", "concept_weights", "rewrites_a_wording", "select", "summarize", "supporters"]
