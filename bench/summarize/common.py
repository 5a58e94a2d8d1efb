"""Shared pieces of the summarisation benchmarks: ROUGE as calibrated, baselines, kabar's summariser, a cache.

ROUGE (DUC): Google's `rouge-score` with the Porter stemmer, peer and references cut to their first 100
whitespace tokens, recall averaged over a cluster's four references, then over clusters. On the SumRepo peers that
ship with DUC 2004 this lands within about 0.5 R-1 of the published ROUGE-1.5.5 numbers (see docs/BENCHMARKS.md (briefing)
for the calibration table this script prints).

ROUGE (IndoSum): the same package with a Unicode word tokenizer (lowercase `\\w+` tokens, no stemmer), F1, and
ROUGE-L over summary-level LCS (`rougeLsum`, sentences on their own lines).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from rouge_score import rouge_scorer

from kabar.briefing.features import FEATURES_KEY, FEATURES_VERSION, embed_texts, sentence_features
from kabar.briefing.pool import build_pool
from kabar.briefing.summary import select
from kabar.records import Document

CACHE_DIR = Path.home() / ".cache" / "kabar-bench"
_WORD = re.compile(r"\w+", re.UNICODE)


# --- ROUGE --------------------------------------------------------------------------------------------------


def truncate_words(text: str, words: int) -> str:
    return " ".join(text.split()[:words])


class DucRouge:
    """ROUGE-1/2 recall at a word limit, averaged over the references (the calibrated DUC set-up)."""

    def __init__(self, limit: int = 100) -> None:
        self.limit = limit
        self.scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)

    def score(self, peer: str, references: Sequence[str]) -> tuple[float, float]:
        peer_cut = truncate_words(peer, self.limit)
        r1 = r2 = 0.0
        for reference in references:
            scores = self.scorer.score(truncate_words(reference, self.limit), peer_cut)
            r1 += scores["rouge1"].recall
            r2 += scores["rouge2"].recall
        return 100 * r1 / len(references), 100 * r2 / len(references)


class UnicodeTokenizer:
    """rouge-score's default tokenizer keeps only [a-z0-9]; this one keeps every Unicode word character."""

    def tokenize(self, text: str) -> list[str]:
        return _WORD.findall(text.lower())


class IndoRouge:
    """ROUGE-1/2/Lsum F1 with a Unicode tokenizer and no stemming (IndoSum)."""

    def __init__(self) -> None:
        self.scorer = rouge_scorer.RougeScorer(
            ["rouge1", "rouge2", "rougeLsum"], use_stemmer=False, tokenizer=UnicodeTokenizer()
        )

    def score(
        self, peer_sentences: Sequence[str], reference_sentences: Sequence[str]
    ) -> tuple[float, float, float]:
        scores = self.scorer.score("\n".join(reference_sentences), "\n".join(peer_sentences))
        return (
            100 * scores["rouge1"].fmeasure,
            100 * scores["rouge2"].fmeasure,
            100 * scores["rougeLsum"].fmeasure,
        )


# --- baselines ----------------------------------------------------------------------------------------------


def _tfidf(sentences: Sequence[str]) -> np.ndarray:
    tokens = [_WORD.findall(sentence.lower()) for sentence in sentences]
    vocabulary: dict[str, int] = {}
    for words in tokens:
        for word in words:
            vocabulary.setdefault(word, len(vocabulary))
    matrix = np.zeros((len(sentences), max(1, len(vocabulary))))
    for row, words in enumerate(tokens):
        for word in words:
            matrix[row, vocabulary[word]] += 1
    df = (matrix > 0).sum(axis=0)
    idf = np.log((1 + len(sentences)) / (1 + df)) + 1
    matrix *= idf
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.maximum(norms, 1e-12)


def _pagerank(weights: np.ndarray, damping: float = 0.85, iterations: int = 100) -> np.ndarray:
    n_nodes = len(weights)
    if n_nodes == 0:
        return np.zeros(0)
    row_sums = weights.sum(axis=1, keepdims=True)
    transition = np.where(row_sums > 0, weights / np.maximum(row_sums, 1e-12), 1.0 / n_nodes)
    scores = np.full(n_nodes, 1.0 / n_nodes)
    for _ in range(iterations):
        updated = (1 - damping) / n_nodes + damping * transition.T @ scores
        if np.abs(updated - scores).sum() < 1e-8:
            return updated
        scores = updated
    return scores


def _pick(
    order: Sequence[int],
    sentences: Sequence[str],
    similarity: np.ndarray,
    words: int,
    max_sentences: int | None,
    redundancy: float,
) -> list[int]:
    chosen: list[int] = []
    total = 0
    for index in order:
        if total >= words or (max_sentences is not None and len(chosen) >= max_sentences):
            break
        if any(similarity[index, other] > redundancy for other in chosen):
            continue
        chosen.append(index)
        total += len(sentences[index].split())
    return chosen


# Baseline sentences shorter than this many words are skipped (datelines, bylines), as SumRepo's systems do.
MIN_BASELINE_WORDS = 8
# Cosine above which a baseline skips a sentence as a repeat of one it already chose (MMR-style cut-off used in
# MEAD/SumRepo re-implementations of LexRank).
BASELINE_REDUNDANCY = 0.5
# LexRank edge threshold (Erkan & Radev 2004 use 0.1 for their best "threshold" variant).
LEXRANK_THRESHOLD = 0.1


def lexrank(sentences: Sequence[str], words: int, max_sentences: int | None = None) -> list[int]:
    usable = [i for i, sentence in enumerate(sentences) if len(sentence.split()) >= MIN_BASELINE_WORDS]
    if not usable:
        return []
    vectors = _tfidf([sentences[i] for i in usable])
    cosine = vectors @ vectors.T
    graph = (cosine > LEXRANK_THRESHOLD).astype(float)
    scores = _pagerank(graph)
    order = [usable[i] for i in np.argsort(-scores, kind="stable")]
    full = np.zeros((len(sentences), len(sentences)))
    full[np.ix_(usable, usable)] = cosine
    return _pick(order, sentences, full, words, max_sentences, BASELINE_REDUNDANCY)


def textrank(sentences: Sequence[str], words: int, max_sentences: int | None = None) -> list[int]:
    """Mihalcea & Tarau 2004: overlap / (log|a| + log|b|) edges, PageRank."""
    usable = [i for i, sentence in enumerate(sentences) if len(sentence.split()) >= MIN_BASELINE_WORDS]
    if not usable:
        return []
    token_sets = [set(_WORD.findall(sentences[i].lower())) for i in usable]
    lengths = [len(_WORD.findall(sentences[i].lower())) for i in usable]
    weights = np.zeros((len(usable), len(usable)))
    for a in range(len(usable)):
        for b in range(a + 1, len(usable)):
            denominator = math.log(max(lengths[a], 2)) + math.log(max(lengths[b], 2))
            weights[a, b] = weights[b, a] = len(token_sets[a] & token_sets[b]) / denominator
    scores = _pagerank(weights)
    order = [usable[i] for i in np.argsort(-scores, kind="stable")]
    vectors = _tfidf([sentences[i] for i in usable])
    full = np.zeros((len(sentences), len(sentences)))
    full[np.ix_(usable, usable)] = vectors @ vectors.T
    return _pick(order, sentences, full, words, max_sentences, BASELINE_REDUNDANCY)


# --- kabar --------------------------------------------------------------------------------------------------


class EmbeddingCache:
    """Sentence embeddings kept between benchmark runs (a stand-in for the store's ingest-time features)."""

    def __init__(self, name: str) -> None:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        self.path = CACHE_DIR / f"{name}-e5.npz"
        self.vectors: dict[str, np.ndarray] = {}
        if self.path.exists():
            data = np.load(self.path)
            self.vectors = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))
        self.dirty = False

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    def attach(self, document: Document, embed: bool) -> None:
        """Store kabar's ingest features in `document.extra`, taking embeddings from the cache where it can."""
        features = sentence_features(document, embed=False)
        if embed:
            from kabar.briefing.features import strip_dateline

            texts = [strip_dateline(sentence.text) for sentence in document.sentences]
            keys = [self.key(text) for text in texts]
            missing = [i for i, key in enumerate(keys) if key not in self.vectors]
            if missing:
                computed = embed_texts([texts[i] for i in missing])
                if computed is not None:
                    for i, vector in zip(missing, computed, strict=True):
                        self.vectors[keys[i]] = vector.astype(np.float16)
                    self.dirty = True
            if all(key in self.vectors for key in keys) and keys:
                features["embedding"] = np.vstack([self.vectors[key] for key in keys])
        features["version"] = FEATURES_VERSION
        document.extra[FEATURES_KEY] = features

    def save(self) -> None:
        if self.dirty and self.vectors:
            keys = np.array(list(self.vectors))
            np.savez(self.path, keys=keys, vectors=np.vstack(list(self.vectors.values())))
            self.dirty = False


def kabar_summary(
    documents: Sequence[Document], words: int, *, max_sentences: int | None = None, overflow: bool = True
) -> list[str]:
    """kabar's own summary selection (the code `brief_event` runs), sentences in selection order."""
    pool = build_pool(documents)
    chosen = select(pool, words, overflow=overflow, max_sentences=max_sentences)
    return [pool.units[index].text for index in chosen]
