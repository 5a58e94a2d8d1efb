"""The article-extraction-benchmark metric, re-implemented from its description (SOURCE.md of that set).

Tokens are `\\w+` matches; each text is a multiset of 4-token shingles; per page true positives, false positives and
false negatives are counted over shingles and normalised to sum 1 (so long pages do not weigh more); precision and
recall are averaged over pages; F1 is the harmonic mean of the two averages. "Accuracy" is the share of pages whose
token sequence matches the ground truth exactly.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

TOKEN_RE = re.compile(r"\w+", re.UNICODE)
SHINGLE_TOKENS = 4


def shingles(text: str) -> Counter[str]:
    tokens = TOKEN_RE.findall(text or "")
    grams = (
        " ".join(tokens[i : i + SHINGLE_TOKENS]) for i in range(max(1, len(tokens) - SHINGLE_TOKENS + 1))
    )
    return Counter(gram for gram in grams if gram)


def page_counts(truth: str, prediction: str) -> tuple[float, float, float]:
    """(tp, fp, fn) of one page, normalised to sum 1 (all zero where both texts are empty)."""
    expected, predicted = shingles(truth), shingles(prediction)
    tp = fp = fn = 0
    for key in expected.keys() | predicted.keys():
        e, p = expected.get(key, 0), predicted.get(key, 0)
        tp += min(e, p)
        fp += max(0, p - e)
        fn += max(0, e - p)
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def page_precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def page_recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


@dataclass(frozen=True)
class Scores:
    f1: float
    precision: float
    recall: float
    accuracy: float
    pages: int


def score(pairs: Iterable[tuple[str, str]]) -> Scores:
    """Scores over (ground truth, prediction) pairs."""
    precisions: list[float] = []
    recalls: list[float] = []
    exact = 0
    for truth, prediction in pairs:
        counts = page_counts(truth, prediction)
        precisions.append(page_precision(*counts))
        recalls.append(page_recall(*counts))
        exact += TOKEN_RE.findall(truth or "") == TOKEN_RE.findall(prediction or "")
    if not precisions:
        return Scores(0.0, 0.0, 0.0, 0.0, 0)
    precision = sum(precisions) / len(precisions)
    recall = sum(recalls) / len(recalls)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(f1, precision, recall, exact / len(precisions), len(precisions))
