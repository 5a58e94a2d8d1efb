"""Choose training settings by cross-validation on NERGrit *valid* only (the test file is never looked at).

    .venv/bin/python -m bench.ner.tune --folds 3 --weights 1,3 --c1 0.1 --c2 0.02

For each setting, NERGrit valid is cut into folds; each fold is tagged by a model trained on the other folds
plus every other training part (`bench/ner/data.py`), and the macro F1 over the folds' sentences is printed.
"""

from __future__ import annotations

import argparse
import itertools
import tempfile
from pathlib import Path

import pycrfsuite

from bench.ner.data import TRAIN_PARTS, load, training_sentences
from kabar.extract.ner_crf import CrfTagger, sentence_features, to_bilou
from kabar.extract.ner_eval import Tagged, score


def _train(
    sentences: list[Tagged],
    path: Path,
    c1: float,
    c2: float,
    iterations: int,
    bilou: bool,
    domains: list[str | None] | None = None,
) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for k, sentence in enumerate(sentences):
        domain = domains[k] if domains else None
        tags = to_bilou(sentence.tags) if bilou else sentence.tags
        trainer.append(sentence_features(sentence.words, domain), tags)
    trainer.set_params(
        {"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True}
    )
    trainer.train(str(path))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument(
        "--weights", default="1", help="copies of the NERGrit training folds, comma-separated"
    )
    parser.add_argument("--c1", default="0.1")
    parser.add_argument("--c2", default="0.02")
    parser.add_argument("--iterations", type=int, default=100)
    parser.add_argument("--bilou", action="store_true", help="train on BILOU tags instead of IOB2")
    parser.add_argument("--domains", action="store_true", help="domain-adaptation feature copies (wiki/news)")
    parser.add_argument("--without", default="", help="comma-separated training parts to leave out")
    args = parser.parse_args()

    nergrit = load(next(p for p in TRAIN_PARTS if p.name == "nergrit-valid"))
    without = {w for w in args.without.split(",") if w}
    others, _, _ = training_sentences({p.name for p in TRAIN_PARTS if p.name != "nergrit-valid"} - without)
    folds = [nergrit[k :: args.folds] for k in range(args.folds)]
    settings = itertools.product(
        [int(w) for w in args.weights.split(",")],
        [float(c) for c in args.c1.split(",")],
        [float(c) for c in args.c2.split(",")],
    )
    with tempfile.TemporaryDirectory() as tmp:
        for weight, c1, c2 in settings:
            gold: list[list[str]] = []
            predicted: list[list[str]] = []
            for k, held in enumerate(folds):
                wiki = [s for j, f in enumerate(folds) if j != k for s in f] * weight
                train = others + wiki
                domains: list[str | None] | None = None
                if args.domains:
                    domains = ["news"] * len(others) + ["wiki"] * len(wiki)
                path = Path(tmp) / f"fold{k}.crfsuite"
                _train(train, path, c1, c2, args.iterations, args.bilou, domains)
                tagger = CrfTagger(path)
                gold += [s.tags for s in held]
                predicted += [tagger.tags(s.words, "wiki" if args.domains else None) for s in held]
            result = score(gold, predicted)
            per = " ".join(f"{t} {v[2] * 100:.1f}" for t, v in result.per_type.items())
            print(
                f"domains {args.domains} bilou {args.bilou} weight {weight} c1 {c1} c2 {c2} without {sorted(without)}: macro {result.macro_f1 * 100:.1f} "
                f"micro {result.micro_f1 * 100:.1f} ({per})",
                flush=True,
            )


if __name__ == "__main__":
    main()
