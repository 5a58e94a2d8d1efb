"""Facts: the event's claims grouped across sources, each with every document that makes it.

Sentences of different documents that say the same claim (`pool.supports_claim`: a paraphrase score >= 1 — same
stems, or an e5 cosine that only rewrites reach where embeddings are on — or a weaker one about the same names,
with agreeing numbers) form one fact; a member stays only if it says what the fact's wording says (not merely
what another member says), and every other document that holds the claim (`summary.supporters`) is added to its
sources. The fact is worded by its most central member; the other wordings are kept as variants. Facts are ordered
by how many independent outlets make them (a rewrite of an outlet's article is not a second confirmation), then by
how many documents, then by salience; claims only one outlet makes are marked `single_source`.
"""

from __future__ import annotations

import numpy as np

from kabar.briefing.pool import RELAXED_PARAPHRASE, Pool, supports_claim
from kabar.briefing.summary import concept_weights, rewrites_a_wording, supporters
from kabar.records import Cited, Fact

# How many facts a briefing lists: all that several outlets confirm come first; a reader scanning a briefing of
# a large event does not read a hundred claims, so the list stops here (the summary and the sources hold the rest).
MAX_FACTS = 25
# Of those, at most this many single-outlet claims (the most salient ones), so that they do not crowd out
# corroborated facts but a reader still sees what only one source says.
MAX_SINGLE_SOURCE_FACTS = 8
# How many candidate facts (sentence groups, most documents and most salient first) get the full support check.
SUPPORT_CHECKED_FACTS = 4 * MAX_FACTS


def _cluster(pool: Pool, order: list[int]) -> list[list[int]]:
    """Greedy grouping in salience order. A sentence is linked to an earlier group when it paraphrases one of its
    sentences (score >= 1) or makes the same claim as the group's first (most salient) sentence in the relaxed
    sense of `same_claim` (fewer shared words, the same distinctive names); it joins the best-linked group that
    holds no sentence of its document, and any other group it links to merges into that one when their documents
    do not overlap (the rewrite of a report joins the report's group and brings its own wording's group along).
    The relaxed test is only taken against a group's first sentence, so that loose matches cannot chain from one
    claim to another."""
    group_of: dict[int, int] = {}
    groups: dict[int, list[int]] = {}
    docs_in: dict[int, set[int]] = {}
    next_id = 0
    for index in order:
        unit = pool.units[index]
        row = pool.paraphrase[index]
        linked: dict[int, float] = {}
        for other in np.nonzero(row >= RELAXED_PARAPHRASE)[0]:
            other = int(other)
            group = group_of.get(other)
            if group is None or pool.units[other].doc == unit.doc:
                continue
            value = float(row[other])
            if (value >= 1.0 or other == groups[group][0]) and supports_claim(pool, other, index):
                linked[group] = max(linked.get(group, 0.0), value)
        joinable = [group for group in linked if unit.doc not in docs_in[group]]
        if not joinable:
            group_of[index] = next_id
            groups[next_id] = [index]
            docs_in[next_id] = {unit.doc}
            next_id += 1
            continue
        target = max(joinable, key=lambda group: (linked[group], -group))
        group_of[index] = target
        groups[target].append(index)
        docs_in[target].add(unit.doc)
        for group in sorted(linked, key=lambda group: (-linked[group], group)):
            if group != target and group in groups and not docs_in[group] & docs_in[target]:
                for member in groups.pop(group):
                    group_of[member] = target
                    groups[target].append(member)
                docs_in[target] |= docs_in.pop(group)
    return [groups[group] for group in sorted(groups)]


def build_facts(pool: Pool, *, skip_quotes: bool = True) -> list[Fact]:
    candidates = [
        index
        for index, unit in enumerate(pool.units)
        if unit.usable and not (skip_quotes and unit.text.lstrip()[:1] in '"“«„')
    ]
    weights = concept_weights(pool, candidates)

    def salience(index: int) -> float:
        unit = pool.units[index]
        # Sorted: a float sum's last bits depend on its order, and a set's order on the process's hash seed.
        return sum(weights.get(term, 0.0) for term in sorted(set(unit.terms))) / max(1.0, unit.words) ** 0.5

    scores = {index: salience(index) for index in candidates}
    order = sorted(candidates, key=lambda index: (-scores[index], index))
    facts: list[tuple[tuple[int, int, float], Fact]] = []
    ids = pool.doc_ids
    groups = _cluster(pool, order)
    # Support (one or two sentences of a document holding the claim) is worked out for the most salient groups
    # only: it costs a pass over every document per fact.
    groups.sort(
        key=lambda group: (-len({pool.units[index].doc for index in group}), -max(scores[i] for i in group))
    )
    for group in groups[:SUPPORT_CHECKED_FACTS]:
        representative = min(group, key=lambda index: (pool.units[index].quoted, -scores[index], index))
        # A member joined through another member (a chain of matches, or two groups merged) need not say what the
        # representative says: it stays in the fact only if it does (hand-labelled audit: members linked to the
        # representative only through others were wrong 5 times in 6 on DUC 2004).
        says = [
            index for index in group if index == representative or supports_claim(pool, representative, index)
        ]
        # ... or if its document is a copy or rewrite of a member's that says it, and rewrites that member closely.
        wordings = says
        group = says + [
            index
            for index in group
            if index not in says and rewrites_a_wording(pool, wordings, pool.units[index].doc)
        ]
        docs = {pool.units[index].doc for index in group} | set(supporters(pool, representative))
        outlets = pool.groups(docs)
        variants = [
            Cited(text=pool.units[index].text, sources=[ids[pool.units[index].doc]])
            for index in group
            if index != representative
        ]
        rep_doc = pool.units[representative].doc
        fact = Fact(
            text=pool.units[representative].text,
            sources=[ids[rep_doc], *[ids[doc] for doc in sorted(docs) if doc != rep_doc]],
            outlets=outlets,
            single_source=outlets == 1,
            variants=variants,
        )
        facts.append(((outlets, len(docs), scores[representative]), fact))
    facts.sort(key=lambda item: (-item[0][0], -item[0][1], -item[0][2]))
    corroborated = [fact for _, fact in facts if not fact.single_source]
    single = [fact for _, fact in facts if fact.single_source]
    kept = corroborated[:MAX_FACTS]
    kept += single[: max(0, min(MAX_SINGLE_SOURCE_FACTS, MAX_FACTS - len(kept)))]
    return kept


__all__ = ["MAX_FACTS", "build_facts"]
