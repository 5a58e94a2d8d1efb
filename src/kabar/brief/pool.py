"""The event's sentence pool: every usable source sentence, its features, and how alike two sentences are.

Similarity has two parts, computed once per event as matrices (quadratic in the number of sentences, which the issue
allows; numpy keeps 200 articles well within memory):

- lexical: idf-weighted overlap of content stems (`coverage[i, j]` = share of sentence i's term weight that
  sentence j also has — asymmetric, "j says what i says"; `dice` its symmetric form);
- semantic: cosine of e5 embeddings where the features have them (e5 cosines are compressed into roughly 0.8–1.0).

`paraphrase[i, j]` takes the stronger of the two, each scaled so that 1.0 is its "same claim" threshold: a rewrite
keeps the words, a translation or a paraphrase keeps the meaning.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from kabar.brief.features import features_of
from kabar.records import Document, Duplicate

# A sentence shorter than this many words is a heading, a dateline or a fragment, not a claim.
MIN_SENTENCE_WORDS = 6
# Longer than this is a run-on left by a paragraph without punctuation (a caption glued to a lead); unsafe to quote.
MAX_SENTENCE_WORDS = 70

# e5-small cosine of two sentences of one news story that say different things: the median over cross-document
# sentence pairs of the seed event is 0.85 (10th percentile 0.81, 90th 0.88). Rescaling starts here.
EMBEDDING_FLOOR = 0.85
# Cosine from which two sentences say the same thing: on the seed event, rewritten sentence pairs (000 vs 002, the
# Shoigu visit in 001 vs 004) score 0.94–0.99, while merely related sentences of the story top out near 0.93.
SAME_CLAIM_COSINE = 0.94
# idf-weighted Dice of stems from which two sentences say the same thing: rewritten pairs in the seeds score
# 0.45–0.8; different claims of the same story stay below 0.35 (99th percentile of cross-document pairs 0.30).
SAME_CLAIM_DICE = 0.45

# Lines that are site chrome even after clean-up: related-article links, share prompts, copyright lines.
_CHROME = re.compile(
    r"^\s*(baca juga|lihat juga|simak juga|simak video|baca selengkapnya|klik|editor|penulis|reporter|sumber|"
    r"tags?|terkini|terpopuler|dilarang|copyright|hak cipta|advertisement|iklan|follow|ikuti|read more|"
    r"related|share|subscribe)\b|https?://|www\.|\.com\b|@\w",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
# A dateline or outlet tag before a lead ("JAKARTA, KOMPAS.com - ", "AKURAT.CO, ", "Moskow: ", "Jakarta (ANTARA) -
# ", a dash left by a tag on the line above): not part of the claim, so summaries and facts leave it out.
_DATELINE = re.compile(
    r"^\s*[-–—•]\s+"
    r"|^\s*(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}\s*,?\s*)?"
    r"(?:[\w-]+\.(?i:com|co\.id|co|id|net|org|news|tv)\b|\([A-Z][A-Za-z.]{1,12}\))\s*[-–—,:]\s*"
    r"|^\s*[A-Z][a-z]+:\s+(?=[A-Z])"
)
# A sentence ends with one of these; a line without is a headline, a caption stub or a menu item.
_TERMINAL = re.compile(r"[.!?…][\"”’)\]»]*\s*$|[\"”»]\s*$")
_DOMAIN = re.compile(r"(?i)\b[\w-]+\.(?:com|co\.id|co|id|net|org|ru|uk|news|tv)\b/?|/\w+\.\w+/")


def strip_dateline(text: str) -> str:
    stripped = _DATELINE.sub("", text, count=1).strip()
    return stripped if stripped else text.strip()


_QUOTE_MARK = re.compile(r"[\"“”«»„]")


@dataclass(slots=True)
class Unit:
    """One source sentence in the pool."""

    doc: int  # index into Pool.documents
    sentence: int  # Sentence.index in its document
    text: str
    terms: list[str]
    words: int
    position: float  # 0 for a document's first sentence, 1 for its last
    rank: int  # 0-based position among the document's usable sentences
    usable: bool  # may stand in a summary or a fact (not chrome, not a fragment, not a question)
    quoted: bool  # holds a quote mark


@dataclass(slots=True)
class Pool:
    documents: list[Document]
    units: list[Unit]
    group_of_doc: list[int]  # independent-outlet group of each document
    coverage: np.ndarray  # [i, j]: share of i's term weight also in j
    dice: np.ndarray
    semantic: np.ndarray | None  # raw e5 cosine, or None without embeddings
    paraphrase: np.ndarray  # >= 1.0: the two sentences make the same claim
    idf: dict[str, float] = field(default_factory=dict)
    units_by_doc: list[np.ndarray] = field(default_factory=list)  # unit indices of each document

    @property
    def doc_ids(self) -> list[str]:
        return [document.id for document in self.documents]

    def groups(self, doc_indices: set[int] | list[int]) -> int:
        """How many independent outlets a set of documents amounts to."""
        return len({self.group_of_doc[index] for index in doc_indices})


def is_usable(text: str, words: int) -> bool:
    if words < MIN_SENTENCE_WORDS or words > MAX_SENTENCE_WORDS:
        return False
    if _CHROME.search(text) or _DOMAIN.search(text):
        return False
    stripped = text.strip()
    if not _TERMINAL.search(stripped):
        return False
    if stripped.endswith("?") or stripped.endswith("...") or stripped.endswith("…"):
        return False
    letters = [char for char in stripped if char.isalpha()]
    # Headlines in capitals and lines of numbers are not prose.
    return bool(letters) and sum(char.isupper() for char in letters) / len(letters) < 0.5


def outlet_groups(documents: Sequence[Document], duplicates: Sequence[Duplicate]) -> list[int]:
    """Union-find over documents: a rewrite or copy, or a second article of the same outlet, is not independent."""
    index = {document.id: position for position, document in enumerate(documents)}
    parent = list(range(len(documents)))

    def find(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def union(a: int, b: int) -> None:
        root_a, root_b = find(a), find(b)
        if root_a != root_b:
            parent[max(root_a, root_b)] = min(root_a, root_b)

    for duplicate in duplicates:
        members = [index[doc_id] for doc_id in duplicate.documents if doc_id in index]
        for other in members[1:]:
            union(members[0], other)
    by_outlet: dict[str, int] = {}
    for position, document in enumerate(documents):
        if document.outlet:
            key = document.outlet.strip().casefold()
            if key in by_outlet:
                union(by_outlet[key], position)
            else:
                by_outlet[key] = position
    return [find(position) for position in range(len(documents))]


def build_pool(
    documents: Sequence[Document], duplicates: Sequence[Duplicate] = (), *, embed: bool = True
) -> Pool:
    units: list[Unit] = []
    vectors: list[np.ndarray] = []
    have_vectors = True
    for doc_index, document in enumerate(documents):
        features = features_of(document, embed=embed)
        count = max(1, len(document.sentences) - 1)
        embedding = features.get("embedding")
        if embedding is None:
            have_vectors = False
        usable_rank = 0
        for position, (sentence, terms) in enumerate(zip(document.sentences, features["terms"], strict=True)):
            text = strip_dateline(sentence.text)
            words = len(_WORD.findall(text))
            usable = is_usable(text, words)
            units.append(
                Unit(
                    doc=doc_index,
                    sentence=sentence.index,
                    text=text,
                    terms=terms,
                    words=words,
                    position=position / count,
                    rank=usable_rank,
                    usable=usable,
                    quoted=bool(_QUOTE_MARK.search(sentence.text)),
                )
            )
            usable_rank += usable
            if embedding is not None:
                vectors.append(np.asarray(embedding[position], dtype=np.float32))
    groups = outlet_groups(documents, duplicates)
    coverage, dice, idf = _lexical(units, len(documents))
    semantic = None
    paraphrase = dice / SAME_CLAIM_DICE
    if have_vectors and vectors:
        matrix = np.vstack(vectors)
        semantic = matrix @ matrix.T
        scaled = np.clip((semantic - EMBEDDING_FLOOR) / (SAME_CLAIM_COSINE - EMBEDDING_FLOOR), 0.0, None)
        paraphrase = np.maximum(paraphrase, scaled)
    by_doc = [
        np.array([index for index, unit in enumerate(units) if unit.doc == doc], dtype=int)
        for doc in range(len(documents))
    ]
    return Pool(list(documents), units, groups, coverage, dice, semantic, paraphrase, idf, by_doc)


def _lexical(units: list[Unit], n_documents: int) -> tuple[np.ndarray, np.ndarray, dict[str, float]]:
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    doc_sets: dict[str, set[int]] = {}
    for row, unit in enumerate(units):
        for term in set(unit.terms):
            column = vocabulary.setdefault(term, len(vocabulary))
            rows.append(row)
            cols.append(column)
            doc_sets.setdefault(term, set()).add(unit.doc)
    # Sentence-level idf would punish the event's own key words (they are in every sentence); document-level idf
    # within the event does too, so both are blended with a floor: every term keeps at least IDF_FLOOR of weight.
    sentence_df = np.zeros(len(vocabulary))
    for column in cols:
        sentence_df[column] += 1
    n_units = max(1, len(units))
    idf_values = np.array([max(IDF_FLOOR, math.log((n_units + 1) / (df + 0.5))) for df in sentence_df])
    idf = {term: float(idf_values[column]) for term, column in vocabulary.items()}
    if not units or not vocabulary:
        empty = np.zeros((len(units), len(units)), dtype=np.float32)
        return empty, empty.copy(), idf
    binary = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(units), len(vocabulary))
    )
    weighted = binary.multiply(idf_values.astype(np.float32)).tocsr()
    shared = (weighted @ binary.T).toarray().astype(np.float32)  # [i, j] = weight of i's terms also in j
    totals = np.asarray(weighted.sum(axis=1)).ravel().astype(np.float32)
    coverage = shared / np.maximum(totals[:, None], 1e-9)
    dice = 2 * shared / np.maximum(totals[:, None] + totals[None, :], 1e-9)
    dice = np.minimum(dice, dice.T)  # shared is symmetric already; keeps float noise out
    return coverage, dice, idf


# Every term keeps at least this idf, so that words every sentence shares still count a little.
IDF_FLOOR = 0.5

__all__ = ["Pool", "Unit", "build_pool", "is_usable", "outlet_groups"]
