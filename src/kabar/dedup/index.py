"""Copies and rewrites: a streaming MinHash-LSH index over content-stem bigrams, confirmed sentence by sentence.

Candidate generation is sublinear: every document becomes a MinHash signature of its content-stem bigrams (two
consecutive stems, stopwords removed, so that a rewrite which swaps function words or reorders a clause still
shares most of them), and `datasketch.MinHashLSH` (one-row bands) returns only documents that share at least one
of its minima. Candidates whose estimated Jaccard is too low are dropped cheaply (one vector compare of their
signatures) before the expensive sentence alignment (`kabar.dedup.align`) confirms them and finds the passages they
share.

Memory is bounded by a time window: documents published more than `window_days` before the newest document seen
leave the index (rewrites and syndicated copies appear within days of their source), so the index holds one window
of documents however long the stream runs.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from kabar.dedup.align import MIN_SENTENCE_TERMS, SentenceTerms, align_sentences, passages
from kabar.records import Document, Duplicate, published_datetime
from kabar.text import content_terms, split_sentences

NUM_PERM = 128
MINHASH_SEED = 1
# 128 bands of one row: a document is a candidate when it shares any of the 128 minima, so the signature-agreement
# filter below, not the banding, decides which pairs are aligned (at estimated Jaccard 0.05 the old 64 bands of 2
# rows let a pair through with probability 0.15, at 0.10 with 0.47: paraphrases there were lost at random). On the
# even half of `bench/dedup/plagiarism.py --sweep` (similarity 0.35, neighbour Dice 0.2) recall 0.667 -> 0.800 at
# precision 1.000 against 64x2 (ECB+ pairs 384 -> 475). Cost (`bench/cluster/scale.py --phase dedup --documents
# 10000`, synthetic news, a window of 6,000 documents): 1.4 -> 3.5 ms of CPU a document, peak RSS 339 -> 400 MiB;
# most of it is aligning the pairs at estimated Jaccard 0.05-0.1 that the narrower banding never looked at.
LSH_BANDS = 128
LSH_ROWS = 1
# Candidates whose signatures agree on fewer than this share of their 128 minima are not aligned at all. Paraphrased
# rewrites sit at 0.05-0.2 bigram Jaccard, different reports of one event at 0.02-0.04 (seeds). Sweep (even half,
# shipped bands, neighbour Dice and similarity): 0.03-0.06 recall 0.800, 0.07 0.750, precision 1.000 throughout;
# ECB+ pairs 495 / 483 / 475 / 458 / 446 for 0.03 / 0.04 / 0.05 / 0.06 / 0.07 (cross-event 3 / 1 / 1 / 0 / 0).
MIN_ESTIMATED_JACCARD = 0.05

# A confirmed pair must share this share of the shorter document's content (similarity-weighted coverage, see
# `Alignment.similarity`) and at least `MIN_SHARED_SENTENCES` aligned sentences (fewer where a text has fewer).
# Chosen on the even half of `bench/dedup/plagiarism.py --sweep` with the one-row bands and neighbour Dice 0.2:
# recall at precision 1.000 for 0.2 / 0.25 / 0.3 / 0.35 / 0.4 / 0.45: 0.867 / 0.867 / 0.833 / 0.800 / 0.717 /
# 0.650; ECB+ pairs (`bench/dedup/ecbplus_pairs.py --sweep`) 756 / 657 / 554 / 475 / 408 / 347 (490 before this rule
# set), cross-event 2 / 1 / 1 / 1 / 1 / 1. 0.35 is the lowest that does not report more ECB+ pairs (different
# outlets' reports of one event that share a wire sentence or two) than before. On the seeds the rewrite pair
# 000/002 scores 0.50 and every other pair 0.11 or less.
REWRITE_MIN_SIMILARITY = 0.35
MIN_SHARED_SENTENCES = 2
# At least this many of the aligned sentences must lie outside quotations (`kabar.dedup.align.is_quotation`): a
# quote shared by two reports of one event is no sign of reuse. On the plagiarism corpus 1 costs one gold case of
# 93 (a story whose reused part is dialogue; recall 0.645 -> 0.634, precision stays 1.0); 2 (no quoted sentence
# counted at all) costs two more, cases that share one fact and one quote.
MIN_UNQUOTED_SENTENCES = 1
# A copy (same text, different chrome) covers both documents almost fully with sentences that are word for word
# the same; what differs is the odd caption, byline or "read also" line the cleaner kept.
COPY_MIN_COVERAGE = 0.85
COPY_MIN_IDENTICAL_SHARE = 0.9

# Rewrites and syndicated copies appear within days of their source; a month keeps slow rewrites too.
DEFAULT_WINDOW_DAYS = 30.0


def _hash32(token: bytes) -> int:
    """CRC32: deterministic across processes (Python's `hash` is salted) and much faster than SHA-1."""
    return zlib.crc32(token)


# One template's permutations are shared by every signature (generating them per document costs more than hashing).
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, hashfunc=_hash32)


def signature(shingles: Iterable[str]) -> LeanMinHash:
    """MinHash signature of a set of shingles (datasketch, shared permutations, CRC32 token hash)."""
    minhash = MinHash(
        num_perm=NUM_PERM,
        seed=MINHASH_SEED,
        hashfunc=_hash32,
        permutations=_TEMPLATE.permutations,
        scheme=_TEMPLATE.scheme,
    )
    minhash.update_batch([s.encode("utf-8") for s in set(shingles)])
    return LeanMinHash(minhash)


def shingles(terms: Sequence[str]) -> list[str]:
    """Content-stem bigrams; a text of one term gives that term."""
    if len(terms) < 2:
        return list(terms)
    return [f"{terms[i]} {terms[i + 1]}" for i in range(len(terms) - 1)]


@dataclass(slots=True)
class _Entry:
    """What the index keeps of one document: its signature, sentence stems and (compressed) sentence texts."""

    doc_id: str
    published: datetime | None
    signature: LeanMinHash
    sentences: list[SentenceTerms]


def sentence_terms(doc: Document) -> list[SentenceTerms]:
    """The document's sentences with their content stems (sentences are split here when `analyse` was not run)."""
    return [SentenceTerms(text, frozenset(terms)) for text, terms in _sentence_stems(doc)]


def _sentence_stems(doc: Document) -> list[tuple[str, list[str]]]:
    sentences = doc.sentences or split_sentences(doc.text)
    return [(s.text, content_terms(s.text, doc.language)) for s in sentences]


def _usable(sentences: Sequence[SentenceTerms]) -> int:
    return sum(1 for s in sentences if len(s.terms) >= MIN_SENTENCE_TERMS)


def compare(
    id_a: str, sentences_a: Sequence[SentenceTerms], id_b: str, sentences_b: Sequence[SentenceTerms]
) -> Duplicate | None:
    """Confirm one candidate pair at sentence level; None when it is not a copy or rewrite."""
    if id_b < id_a:
        id_a, sentences_a, id_b, sentences_b = id_b, sentences_b, id_a, sentences_a
    alignment = align_sentences(sentences_a, sentences_b)
    # A one-sentence text can share no more than its one sentence.
    usable = min(_usable(sentences_a), _usable(sentences_b))
    if len(alignment.pairs) < min(MIN_SHARED_SENTENCES, max(usable, 1)):
        return None
    if alignment.evidence < MIN_UNQUOTED_SENTENCES:
        return None  # what the two share is what somebody said, which independent reports quote alike
    if alignment.similarity < REWRITE_MIN_SIMILARITY:
        return None
    is_copy = (
        min(alignment.coverage_a, alignment.coverage_b) >= COPY_MIN_COVERAGE
        and alignment.identical_share >= COPY_MIN_IDENTICAL_SHARE
    )
    return Duplicate(
        documents=[id_a, id_b],
        similarity=round(min(1.0, alignment.similarity), 3),
        kind="copy" if is_copy else "rewrite",
        passages=passages(sentences_a, sentences_b, alignment),
    )


class DedupIndex:
    """Streaming copy/rewrite detector: `add(doc)` returns the duplicates it forms with documents already added.

    `window_days` bounds memory: documents published that long before the newest one leave the index. Undated
    documents stay until `max_documents` (when set) pushes the oldest additions out.
    """

    def __init__(
        self, window_days: float | None = DEFAULT_WINDOW_DAYS, max_documents: int | None = None
    ) -> None:
        self.window_days = window_days
        self.max_documents = max_documents
        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=(LSH_BANDS, LSH_ROWS))
        self._entries: dict[str, _Entry] = {}
        self._newest: datetime | None = None

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._entries

    def add(self, doc: Document) -> list[Duplicate]:
        """Index one document and return its copies/rewrites among the documents in the window."""
        stems = _sentence_stems(doc)
        return self.add_prepared(
            doc.id,
            published_datetime(doc.published),
            [SentenceTerms(text, frozenset(terms)) for text, terms in stems],
            [term for _, terms in stems for term in terms],
        )

    def add_prepared(
        self,
        doc_id: str,
        published: datetime | None,
        sentences: Sequence[SentenceTerms],
        terms: Sequence[str],
    ) -> list[Duplicate]:
        """`add` for a document already reduced to its sentences' stems and the ordered stems of its whole text
        (per-document work an executor can do elsewhere, or a benchmark once)."""
        entry = _Entry(doc_id, published, signature(shingles(terms)), list(sentences))
        return self._add_entry(entry)

    def _add_entry(self, entry: _Entry) -> list[Duplicate]:
        if entry.doc_id in self._entries:
            self.remove(entry.doc_id)
        lean = entry.signature
        duplicates: list[Duplicate] = []
        candidates = sorted(self._lsh.query(lean))
        # One vector compare for all candidates: with one-row bands a document meets hundreds in a busy window.
        estimates = np.zeros(len(candidates))
        if candidates:
            minima = np.stack([self._entries[key].signature.hashvalues for key in candidates])
            estimates = (minima == lean.hashvalues).mean(axis=1)
        for other_id, estimate in zip(candidates, estimates, strict=True):
            if estimate < MIN_ESTIMATED_JACCARD:
                continue
            other = self._entries[other_id]
            duplicate = compare(entry.doc_id, entry.sentences, other.doc_id, other.sentences)
            if duplicate is not None:
                duplicates.append(duplicate)
        self._lsh.insert(entry.doc_id, lean, check_duplication=False)
        self._entries[entry.doc_id] = entry
        if entry.published is not None and (self._newest is None or entry.published > self._newest):
            self._newest = entry.published
        self._evict()
        return duplicates

    def remove(self, doc_id: str) -> None:
        if doc_id in self._entries:
            self._lsh.remove(doc_id)
            del self._entries[doc_id]

    def _evict(self) -> None:
        if self.window_days is not None and self._newest is not None:
            horizon = self._newest - timedelta(days=self.window_days)
            stale = [
                key for key, e in self._entries.items() if e.published is not None and e.published < horizon
            ]
            for key in stale:
                self.remove(key)
        if self.max_documents is not None:
            while len(self._entries) > self.max_documents:
                self.remove(next(iter(self._entries)))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able snapshot (signatures as lists, sentences as text + stems) the store can persist."""
        return {
            "version": 1,
            "window_days": self.window_days,
            "max_documents": self.max_documents,
            "documents": [
                {
                    "id": e.doc_id,
                    "published": e.published.isoformat() if e.published else None,
                    "signature": [int(v) for v in e.signature.hashvalues],
                    "sentences": [[s.text, sorted(s.terms)] for s in e.sentences],
                }
                for e in self._entries.values()
            ],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DedupIndex:
        index = cls(window_days=data.get("window_days"), max_documents=data.get("max_documents"))
        for item in data["documents"]:
            entry = _Entry(
                doc_id=item["id"],
                published=published_datetime(item["published"]),
                signature=LeanMinHash(
                    seed=MINHASH_SEED, hashvalues=item["signature"], scheme=_TEMPLATE.scheme
                ),
                sentences=[SentenceTerms(text, frozenset(terms)) for text, terms in item["sentences"]],
            )
            index._add_entry(entry)
        return index


def find_duplicates(docs: Sequence[Document]) -> list[Duplicate]:
    """Every copy/rewrite pair among `docs`, sorted by document ids (no time window: the whole set is compared)."""
    index = DedupIndex(window_days=None)
    found: list[Duplicate] = []
    for doc in sorted(docs, key=lambda d: d.id):
        found.extend(index.add(doc))
    return sorted(found, key=lambda d: tuple(d.documents))


def collapse_copies(docs: Sequence[Document], duplicates: Iterable[Duplicate]) -> list[Document]:
    """Merge each group of exact copies into one document (the earliest published, then smallest id) that keeps
    every copy's `sources`; rewrites stay separate documents. Order of the survivors follows `docs`."""
    parent: dict[str, str] = {d.id: d.id for d in docs}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for duplicate in duplicates:
        if duplicate.kind != "copy":
            continue
        a, b = duplicate.documents
        if a in parent and b in parent:
            parent[root(a)] = root(b)
    groups: dict[str, list[Document]] = {}
    for doc in docs:
        groups.setdefault(root(doc.id), []).append(doc)

    def seniority(doc: Document) -> tuple[int, float, str]:
        published = published_datetime(doc.published)
        return (0 if published else 1, published.timestamp() if published else 0.0, doc.id)

    keepers: dict[str, Document] = {}
    for key, members in groups.items():
        keeper = min(members, key=seniority)
        merged: list[str] = []
        for member in sorted(members, key=seniority):
            for source in [*(member.sources or []), member.source]:
                if source and source not in merged:
                    merged.append(source)
        keepers[key] = replace(keeper, sources=merged)
    return [keepers[root(doc.id)] for doc in docs if keepers[root(doc.id)].id == doc.id]
