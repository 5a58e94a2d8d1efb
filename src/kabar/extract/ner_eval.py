"""Reading CoNLL-style NER files and scoring entity spans (used by `bench/ner` and the quality gate).

The score is IndoNLU's: entity-level (exact span and type) F1 per type, and their macro average (IndoNLU's
`tm_f1`, what its Table 5 reports); the micro average (seqeval / CoNLL's overall F1) is given beside it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

# Tags of the shared NER sets mapped onto kabar's three types; anything else (NERP's EVT and FNB, NER-UGM's
# QUANTITY and TIME) becomes O.
TYPE_MAP = {
    "PER": "PER",
    "PERSON": "PER",
    "PPL": "PER",
    "ORG": "ORG",
    "ORGANISATION": "ORG",
    "ORGANIZATION": "ORG",
    "IND": "ORG",
    "LOC": "LOC",
    "LOCATION": "LOC",
    "PLACE": "LOC",
    "PLC": "LOC",
}


@dataclass(slots=True)
class Tagged:
    """One sentence: tokens and their IOB2 tags over PER/ORG/LOC."""

    words: list[str]
    tags: list[str]


def map_tag(tag: str) -> str:
    prefix, _, label = tag.partition("-")
    if prefix not in {"B", "I"} or label not in TYPE_MAP:
        return "O"
    return f"{prefix}-{TYPE_MAP[label]}"


def read_conll(path: Path) -> list[Tagged]:
    """Token per line (`token<TAB>tag` or `token POS tag`), blank line between sentences, any line ending."""
    sentences: list[Tagged] = []
    words: list[str] = []
    tags: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip("\r\n")
        if not line.strip():
            if words:
                sentences.append(Tagged(words, tags))
                words, tags = [], []
            continue
        parts = line.split("\t") if "\t" in line else line.split(" ")
        parts = [p for p in parts if p != ""]
        if len(parts) < 2:
            continue
        words.append(parts[0])
        tags.append(map_tag(parts[-1].strip()))
    if words:
        sentences.append(Tagged(words, tags))
    return sentences


def chunks(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """(start, end, type) of every entity in IOB2 tags, conlleval style (a stray I- starts an entity)."""
    found: set[tuple[int, int, str]] = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == kind and start >= 0
        if start >= 0 and not continues:
            found.add((start, i, kind))
            start, kind = -1, ""
        if prefix in {"B", "I"} and not continues:
            start, kind = i, label
    return found


@dataclass(slots=True)
class Scores:
    per_type: dict[str, tuple[float, float, float, int]]  # type -> precision, recall, F1, gold count
    macro_f1: float
    micro_precision: float
    micro_recall: float
    micro_f1: float


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score(gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]) -> Scores:
    """Entity-level scores of predicted tag sequences against gold ones (same sentences, same order)."""
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g, p in zip(gold, predicted, strict=True):
        gold_chunks, pred_chunks = chunks(g), chunks(p)
        for _, _, kind in gold_chunks:
            n_gold[kind] += 1
        for _, _, kind in pred_chunks:
            n_pred[kind] += 1
        for _, _, kind in gold_chunks & pred_chunks:
            tp[kind] += 1
    types = sorted(set(n_gold) | set(n_pred))
    per_type = {}
    for kind in types:
        precision, recall, f1 = _prf(tp[kind], n_pred[kind], n_gold[kind])
        per_type[kind] = (precision, recall, f1, n_gold[kind])
    macro = sum(v[2] for v in per_type.values()) / len(per_type) if per_type else 0.0
    mp, mr, mf = _prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return Scores(per_type, macro, mp, mr, mf)
