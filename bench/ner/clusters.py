"""Word classes for the entity CRF, learnt offline from unlabelled Indonesian news (IndoSum), in one command.

    .venv/bin/python -m bench.ner.clusters      # writes src/kabar/extract/models/word-clusters.tsv

Distributional word classes (Brown-style) help a CRF tag names it never saw in labelled data: a club, band or
town name seen in similar contexts falls in the class of the names that were labelled (Turian et al. 2010; Ratinov
and Roth 2009). Here the classes are k-means clusters of PPMI-SVD word vectors: for every word seen at least
`MIN_COUNT` times in the IndoSum articles (lowercased; only the unlabelled article text of the dev folds in
../shared/data/indosum is read, no summaries, no labels), counts of the words one and two positions to its left
and right (position-marked contexts among the `CONTEXT_WORDS` commonest words), positive PMI with context
distribution smoothing (Levy, Goldberg and Dagan 2015), a truncated SVD, unit length, then k-means at several
granularities. The file lists each word with its class at each granularity; the CRF uses them as features
(`kabar.extract.ner_crf.word_clusters`). Deterministic (fixed seeds).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.cluster import MiniBatchKMeans
from sklearn.decomposition import TruncatedSVD

from bench.shared_data import require_dataset
from kabar.extract.ner_crf import clusters_path

# A word needs this many occurrences to get a class: rarer words have too few contexts to place (and the file
# stays small: ~40k words).
MIN_COUNT = 5
# Context vocabulary: the commonest words, each marked with its offset (-2, -1, +1, +2).
CONTEXT_WORDS = 5000
CONTEXT_OFFSETS = (-2, -1, 1, 2)
# Smoothing exponent of the context distribution in PMI (Levy et al. 2015's 0.75).
CONTEXT_SMOOTHING = 0.75
SVD_DIMENSIONS = 100
# Granularities: coarse classes generalise, fine ones separate (a CRF uses all of them, like Brown bit prefixes).
CLUSTER_COUNTS = (50, 200, 800)
SEED = 13


def articles() -> list[list[str]]:
    """Every sentence of every IndoSum dev article, lowercased tokens."""
    root = require_dataset("indosum")
    sentences: list[list[str]] = []
    for path in sorted(root.glob("dev.*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            article = json.loads(line)
            for paragraph in article["paragraphs"]:
                for sentence in paragraph:
                    sentences.append([w.casefold() for w in sentence])
    return sentences


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=clusters_path())
    args = parser.parse_args()
    started = time.perf_counter()
    sentences = articles()
    counts = Counter(w for s in sentences for w in s)
    print(f"{len(sentences)} sentences, {sum(counts.values())} tokens, {len(counts)} types")
    vocabulary = sorted((w for w, n in counts.items() if n >= MIN_COUNT), key=lambda w: (-counts[w], w))
    index = {w: i for i, w in enumerate(vocabulary)}
    context_index = {w: i for i, w in enumerate(vocabulary[:CONTEXT_WORDS])}
    rows: list[int] = []
    cols: list[int] = []
    for s in sentences:
        for i, w in enumerate(s):
            row = index.get(w)
            if row is None:
                continue
            for k, offset in enumerate(CONTEXT_OFFSETS):
                j = i + offset
                if 0 <= j < len(s):
                    col = context_index.get(s[j])
                    if col is not None:
                        rows.append(row)
                        cols.append(k * CONTEXT_WORDS + col)
    shape = (len(vocabulary), len(CONTEXT_OFFSETS) * CONTEXT_WORDS)
    cooc = sparse.coo_matrix((np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=shape).tocsr()
    cooc.sum_duplicates()
    total = cooc.sum()
    word_p = np.asarray(cooc.sum(axis=1)).ravel() / total
    context_mass = np.asarray(cooc.sum(axis=0)).ravel() ** CONTEXT_SMOOTHING
    context_p = context_mass / context_mass.sum()
    coo = cooc.tocoo()
    pmi = np.log(coo.data / total / (word_p[coo.row] * context_p[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=shape)
    vectors = TruncatedSVD(SVD_DIMENSIONS, random_state=SEED).fit_transform(ppmi)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12
    print(f"{len(vocabulary)} words with a class; vectors in {time.perf_counter() - started:.0f}s")
    labels = []
    for k in CLUSTER_COUNTS:
        km = MiniBatchKMeans(k, random_state=SEED, batch_size=4096, n_init=3)
        labels.append(km.fit_predict(vectors))
        print(f"k={k} in {time.perf_counter() - started:.0f}s", flush=True)
    lines = [f"# word classes at {', '.join(map(str, CLUSTER_COUNTS))} clusters; bench/ner/clusters.py"]
    lines += ["\t".join([w, *(str(int(lab[i])) for lab in labels)]) for i, w in enumerate(vocabulary)]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"-> {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
