"""Error analysis on NERGrit *valid* by cross-validation (the test file is never looked at).

    .venv/bin/python -m bench.ner.errors [--save PATH] [--load PATH]

NERGrit valid is cut into folds; each fold is tagged by a model trained on the other folds plus every other
training part, with the shipped settings (`bench/ner/train.py`). Every gold or predicted span that is not an
exact match is put in one class: a miss (no predicted span overlaps it), a boundary error (an overlapping
prediction of the same type), a type confusion (the same span, another type), a boundary-and-type error, or a
spurious prediction (no gold span overlaps it). Prints the counts per type and the most frequent strings.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from bench.ner.train import DEFAULT_NERGRIT_WEIGHT, add_cross_validation_options, comma_pairs, comma_set
from bench.ner.tune import cross_validate
from kabar.extract.ner_crf import spans_from_tags
from kabar.extract.ner_eval import score


def classify(words: list[str], gold: list[str], predicted: list[str]) -> list[tuple[str, str, str, str]]:
    """(class, gold type, predicted type, text) for every span that is not an exact, correctly typed match."""
    gold_spans = spans_from_tags(gold)
    predicted_spans = spans_from_tags(predicted)
    exact = {(s.start, s.end, s.type) for s in gold_spans} & {
        (s.start, s.end, s.type) for s in predicted_spans
    }
    out: list[tuple[str, str, str, str]] = []

    def text(span: object) -> str:
        return " ".join(words[span.start : span.end])  # type: ignore[attr-defined]

    for g in gold_spans:
        if (g.start, g.end, g.type) in exact:
            continue
        overlaps = [p for p in predicted_spans if p.start < g.end and g.start < p.end]
        if not overlaps:
            out.append(("miss", g.type, "-", text(g)))
            continue
        p = overlaps[0]
        same_span = (p.start, p.end) == (g.start, g.end)
        if same_span:
            out.append(("type", g.type, p.type, text(g)))
        elif p.type == g.type:
            out.append(("boundary", g.type, p.type, f"{text(g)} => {text(p)}"))
        else:
            out.append(("boundary+type", g.type, p.type, f"{text(g)} => {text(p)}"))
    for p in predicted_spans:
        if (p.start, p.end, p.type) in exact:
            continue
        if not any(g.start < p.end and p.start < g.end for g in gold_spans):
            out.append(("spurious", "-", p.type, text(p)))
    return out


def report(records: list[dict[str, list[str]]], examples: int) -> None:
    errors = [e for r in records for e in classify(r["words"], r["gold"], r["predicted"])]
    counts = Counter((e[0], e[1], e[2]) for e in errors)
    print("| class | gold | predicted | count |")
    print("| --- | --- | --- | ---: |")
    for (cls, g, p), n in counts.most_common():
        print(f"| {cls} | {g} | {p} | {n} |")
    for key, _ in counts.most_common():
        print(f"\n## {key}")
        texts = Counter(e[3] for e in errors if (e[0], e[1], e[2]) == key)
        print("; ".join(f"{t} ({n})" if n > 1 else t for t, n in texts.most_common(examples)))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--save", type=Path, help="write the cross-validated predictions here (JSON)")
    parser.add_argument("--load", type=Path, help="read predictions saved earlier instead of training")
    parser.add_argument("--examples", type=int, default=40)
    parser.add_argument(
        "--column", default="predicted", help="predicted (CRF alone), corrected or org_patterns"
    )
    parser.add_argument("--weight", type=int, default=DEFAULT_NERGRIT_WEIGHT, help="copies of NERGrit folds")
    add_cross_validation_options(parser)
    args = parser.parse_args()
    if args.load:
        records = json.loads(args.load.read_text(encoding="utf-8"))
    else:
        records = cross_validate(
            weight=args.weight,
            without=comma_set(args.without),
            groups=comma_set(args.groups),
            domains_of=comma_pairs(args.domain_of),
            relabel=comma_set(args.relabel),
        )
        if args.save:
            args.save.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    for column in ("predicted", "corrected", "org_patterns"):
        if column not in records[0]:
            continue
        result = score([r["gold"] for r in records], [r[column] for r in records])
        per = " ".join(
            f"{t} P {v[0] * 100:.1f} R {v[1] * 100:.1f} F {v[2] * 100:.1f}"
            for t, v in result.per_type.items()
        )
        print(f"{column}: macro {result.macro_f1 * 100:.1f} micro {result.micro_f1 * 100:.1f} ({per})")
    report([{**r, "predicted": r[args.column]} for r in records], args.examples)


if __name__ == "__main__":
    main()
