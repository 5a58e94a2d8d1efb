"""Shared pieces of the clustering benchmarks: loaders that turn each set into kabar Documents the way the pipeline
would see them (text, title and published date where the set has one), clustering metrics, and the baselines."""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from kabar.records import Document, RawDocument
from kabar.text import analyse

CACHE_DIR = Path(os.environ.get("KABAR_BENCH_CACHE", "/tmp/kabar-bench-cache"))


@dataclass(slots=True)
class Labelled:
    doc: Document
    gold: str
    group: str  # ECB+ topic, DUC task, ...


def to_document(
    doc_id: str,
    text: str,
    *,
    title: str | None = None,
    published: str | None = None,
    language: str | None = None,
) -> Document:
    """A Document as kabar's pipeline makes it from a plain-text body: the cleaning step (text, title, published
    date, language) and sentence analysis. The briefing's sentence features (`pipeline.prepare` also embeds every
    sentence) are left out: neither dedup nor clustering reads them, and they cost most of the time."""
    from kabar.clean import clean

    raw = RawDocument(source=doc_id, kind="text", body=text, title=title, published=published)
    doc = analyse(clean(raw, doc_id=doc_id))
    doc.id = doc_id
    if doc.language is None and language:
        doc.language = language
    return doc


def _code_version() -> str:
    """A hash of the cleaning and text code: prepared documents cached under another hash are stale."""
    import kabar.clean
    import kabar.text

    digest = hashlib.sha1()
    for package in (kabar.clean, kabar.text):
        for path in sorted(Path(package.__file__).parent.glob("*.py")):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def cached_items(name: str, build: Callable[[], list[Labelled]]) -> list[Labelled]:
    """`build()` once per version of the cleaning code, pickled outside the project (`KABAR_BENCH_CACHE`);
    `KABAR_BENCH_CLEAN_VERSION` pins a version (to compare clusterer changes while the cleaner changes)."""
    import pickle

    version = os.environ.get("KABAR_BENCH_CLEAN_VERSION") or _code_version()
    path = CACHE_DIR / f"{name}-{version}.pkl"
    if path.exists():
        with open(path, "rb") as handle:
            return pickle.load(handle)
    items = build()
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        pickle.dump(items, handle)
    return items


# -- ECB+ ------------------------------------------------------------------------------------------------------


def _detokenise(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = re.sub(r" ([.,;:!?%)\]'])", r"\1", text)
    text = re.sub(r"([(\[$]) ", r"\1", text)
    return text.replace(" n't", "n't").replace(" 's", "'s")


def ecbplus_text(path: Path) -> str:
    sentences: dict[int, list[str]] = defaultdict(list)
    for token in ET.parse(path).getroot().iter("token"):
        sentences[int(token.get("sentence", "0"))].append(token.text or "")
    return "\n".join(_detokenise(sentences[k]) for k in sorted(sentences))


def load_ecbplus(root: Path, topics: Sequence[int] | None = None, *, raw: bool = False) -> list[Labelled]:
    """ECB+ documents with their gold event (`<topic>_ecb` / `<topic>_ecbplus`), prepared by the cleaning step
    (cached), or with `raw=True` as the bare token text (no title, no date) that the quality gate uses."""

    def build(prepare: bool) -> list[Labelled]:
        rows = [line.split("\t") for line in (root / "cluster_labels.tsv").read_text().splitlines()[1:]]
        items = []
        for topic, cluster, file, _name, _ntok in rows:
            text = ecbplus_text(root / "docs" / topic / file)
            doc = (
                to_document(file, text, language="en")
                if prepare
                else analyse(Document(id=file, source=file, text=text, language="en"))
            )
            items.append(Labelled(doc, gold=cluster, group=topic))
        return items

    items = build(False) if raw else cached_items("ecbplus", lambda: build(True))
    wanted = set(topics) if topics is not None else None
    return [item for item in items if wanted is None or int(item.group) in wanted]


# -- DUC 2004 --------------------------------------------------------------------------------------------------


def load_duc(root: Path) -> tuple[list[Labelled], int]:
    """DUC 2004 task 2 + task 5 documents. DOCNOs in more than one cluster (12: see SOURCE.md) are dropped so the
    gold is a partition; returns the items and how many documents were dropped."""
    rows = [line.split("\t") for line in (root / "cluster_labels.tsv").read_text().splitlines()[1:]]
    counts = Counter(row[2] for row in rows)
    dropped = {row[2] for row in rows if counts[row[2]] > 1}

    def build() -> list[Labelled]:
        items: list[Labelled] = []
        for task, cluster, docno, date, path in rows:
            if docno in dropped:
                continue
            raw = (root / path).read_text(errors="replace")
            match = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
            body = match.group(1) if match else raw
            paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n|\n(?=\s)", body) if p.strip()]
            text = "\n\n".join(paragraphs).replace("``", '"').replace("''", '"')
            published = f"{date}T12:00:00+00:00"
            doc = to_document(docno, text, published=published, language="en")
            items.append(Labelled(doc, gold=cluster, group=task))
        return items

    return cached_items("duc2004", build), len(dropped)


# -- IndoSum + seeds -------------------------------------------------------------------------------------------


def indosum_articles(
    root: Path, limit: int | None = None, fold: str = "dev.01.jsonl"
) -> list[tuple[str, str, str]]:
    """(id, text, published ISO) for IndoSum articles; the id starts with the article's Unix timestamp."""
    found = []
    with open(root / fold, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            paragraphs = [
                " ".join(" ".join(sentence) for sentence in paragraph) for paragraph in record["paragraphs"]
            ]
            text = "\n\n".join(_detokenise(p.split()) for p in paragraphs)
            stamp = record["id"].split("-", 1)[0]
            published = (
                datetime.fromtimestamp(int(stamp), tz=UTC).isoformat(timespec="seconds")
                if stamp.isdigit()
                else None
            )
            found.append((record["id"], text, published))
            if limit is not None and len(found) >= limit:
                break
    return found


# -- metrics ---------------------------------------------------------------------------------------------------


def bcubed(gold: Sequence[str], predicted: Sequence[str]) -> tuple[float, float, float]:
    by_gold: dict[str, set[int]] = defaultdict(set)
    by_pred: dict[str, set[int]] = defaultdict(set)
    for i, (g, p) in enumerate(zip(gold, predicted, strict=True)):
        by_gold[g].add(i)
        by_pred[p].add(i)
    precision = recall = 0.0
    for g, p in zip(gold, predicted, strict=True):
        shared = len(by_gold[g] & by_pred[p])
        precision += shared / len(by_pred[p])
        recall += shared / len(by_gold[g])
    n = len(gold)
    precision, recall = precision / n, recall / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    from sklearn.metrics import adjusted_rand_score

    p, r, f = bcubed(gold, predicted)
    return {
        "P": p,
        "R": r,
        "F1": f,
        "ARI": adjusted_rand_score(gold, predicted),
        "clusters": len(set(predicted)),
        "gold": len(set(gold)),
    }


def row(name: str, figures: dict[str, float]) -> str:
    return (
        f"| {name} | {figures['P']:.3f} | {figures['R']:.3f} | {figures['F1']:.3f} | {figures['ARI']:.3f} "
        f"| {figures['clusters']} / {figures['gold']} |"
    )


TABLE_HEAD = "| system | B³ P | B³ R | B³ F1 | ARI | clusters / gold |\n| --- | --- | --- | --- | --- | --- |"


# -- systems ---------------------------------------------------------------------------------------------------


def cached_embeddings(docs: Sequence[Document]) -> None:
    """Fill doc.extra["embedding"] through kabar, caching vectors outside the project (keyed by text hash)."""
    from kabar.cluster import embed_documents
    from kabar.cluster.features import embedding_text

    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    store = CACHE_DIR / "embeddings.npz"
    cache: dict[str, np.ndarray] = dict(np.load(store)) if store.exists() else {}
    keys = [hashlib.sha1(embedding_text(doc).encode()).hexdigest() for doc in docs]
    for doc, key in zip(docs, keys, strict=True):
        if key in cache:
            doc.extra["embedding"] = cache[key]
    missing = [doc for doc in docs if doc.extra.get("embedding") is None]
    if missing:
        print(f"embedding {len(missing)} documents ...", file=sys.stderr)
        embed_documents(missing)
        for doc, key in zip(docs, keys, strict=True):
            cache[key] = np.asarray(doc.extra["embedding"], dtype=np.float32)
        np.savez(store, **cache)


def kabar_clusters(docs: Sequence[Document], batch: int | None = None, **options: object) -> list[str]:
    """kabar's EventClusterer, fed in batches of `batch` documents (all at once when None), in the given order."""
    from kabar.cluster import EventClusterer

    clusterer = EventClusterer(**options)  # type: ignore[arg-type]
    step = batch or len(docs)
    assignment: dict[str, str] = {}
    for start in range(0, len(docs), step):
        assignment.update(clusterer.add(list(docs[start : start + step])))
    return [assignment[doc.id] for doc in docs]


def _tfidf(docs: Sequence[Document]):  # -> scipy sparse matrix
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [f"{doc.title or ''}\n{doc.text}" for doc in docs]
    english = sum(doc.language == "en" for doc in docs) > len(docs) / 2
    vectoriser = TfidfVectorizer(sublinear_tf=True, stop_words="english" if english else None)
    return vectoriser.fit_transform(texts)


def agglomerative_clusters(docs: Sequence[Document], distance: float) -> list[str]:
    """Baseline: average-linkage agglomerative clustering on TF-IDF cosine distance, cut at `distance`."""
    from sklearn.cluster import AgglomerativeClustering

    matrix = _tfidf(docs).toarray()
    model = AgglomerativeClustering(
        n_clusters=None, distance_threshold=distance, metric="cosine", linkage="average"
    ).fit(matrix)
    return [str(label) for label in model.labels_]


def hdbscan_clusters(docs: Sequence[Document], min_cluster_size: int) -> list[str]:
    """Baseline: HDBSCAN on TF-IDF cosine distances; noise points become singleton clusters."""
    from sklearn.cluster import HDBSCAN

    matrix = _tfidf(docs)
    distances = 1.0 - (matrix @ matrix.T).toarray()
    np.clip(distances, 0.0, None, out=distances)
    labels = HDBSCAN(min_cluster_size=min_cluster_size, metric="precomputed").fit_predict(distances)
    return [str(label) if label >= 0 else f"noise-{i}" for i, label in enumerate(labels)]


Clusterer = Callable[[Sequence[Document]], list[str]]


# -- the comparison every clustering table makes ---------------------------------------------------------------

# Baseline parameters chosen on ECB+ topics 1-35 by `bench.cluster.ecbplus --tune` (best B-cubed F1 there:
# agglomerative 0.871 at 0.85 against 0.866 at 0.8 and 0.802 at 0.9; HDBSCAN 0.885 at 3 against 0.880 at 4), and
# used unchanged on every other set.
AGGLOMERATIVE_DISTANCE = 0.85
HDBSCAN_MIN_CLUSTER_SIZE = 3


def kabar_rows(docs: Sequence[Document], gold: Sequence[str], embeddings: bool) -> tuple[list[str], float]:
    """Table rows for kabar as shipped without embeddings (terms + entities + time, a lean install), the same without
    its consolidation step and, with `embeddings`, as shipped with the embed extra (e5 mixed into the
    within-language similarity at EMBEDDING_WEIGHT); and the seconds the first run took."""
    from kabar.cluster.clusterer import EMBEDDING_WEIGHT

    started = time.perf_counter()
    rows = [
        row(
            "kabar EventClusterer (terms + entities + time)",
            scores(gold, kabar_clusters(docs, use_embeddings=False)),
        )
    ]
    elapsed = time.perf_counter() - started
    # The same without the last step of a batch (small events consolidated into their live event): what it adds.
    rows.append(
        row(
            "kabar without consolidation of small events",
            scores(gold, kabar_clusters(docs, use_embeddings=False, consolidate_threshold=1.0)),
        )
    )
    if embeddings:
        cached_embeddings(docs)
        name = f"kabar + e5 embeddings (weight {EMBEDDING_WEIGHT}, as shipped with the embed extra)"
        rows.append(row(name, scores(gold, kabar_clusters(docs, use_embeddings=True))))
    return rows, elapsed


def baseline_rows(docs: Sequence[Document], gold: Sequence[str]) -> list[str]:
    """Table rows for the two baselines at their ECB+ 1-35 optimum."""
    return [
        row(
            f"agglomerative TF-IDF, average link, d={AGGLOMERATIVE_DISTANCE}",
            scores(gold, agglomerative_clusters(docs, AGGLOMERATIVE_DISTANCE)),
        ),
        row(
            f"HDBSCAN TF-IDF cosine, min cluster size {HDBSCAN_MIN_CLUSTER_SIZE}",
            scores(gold, hdbscan_clusters(docs, HDBSCAN_MIN_CLUSTER_SIZE)),
        ),
    ]
