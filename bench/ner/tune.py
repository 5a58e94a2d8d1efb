"""Choose training settings by cross-validation on NERGrit *valid* only (the test file is never looked at).

    .venv/bin/python -m bench.ner.tune --folds 3 --weights 1,3 --c1 0.1 --c2 0.02

For each setting, NERGrit valid is cut into folds; each fold is tagged by a model trained on the other folds
plus every other training part (`bench/ner/data.py`), and the macro F1 over the folds' sentences is printed.
"""

from __future__ import annotations

import argparse
import itertools
import tempfile
from dataclasses import replace
from pathlib import Path

import pycrfsuite

from bench.ner.data import TRAIN_PARTS, WIKI, load, training_sentences
from bench.ner.train import (
    DEFAULT_C1,
    DEFAULT_C2,
    DEFAULT_MAX_ITERATIONS,
    DEFAULT_NERGRIT_WEIGHT,
    DEFAULT_RELABEL,
    add_cross_validation_options,
    comma_pairs,
    comma_set,
)
from kabar.extract.entities import INDONESIAN_CORRECTIONS, tag_words
from kabar.extract.ner_crf import DEFAULT_GROUPS, CrfTagger, sentence_features, to_bilou
from kabar.extract.ner_eval import Tagged, score


def _train(
    sentences: list[Tagged],
    path: Path,
    c1: float,
    c2: float,
    iterations: int,
    bilou: bool,
    domains: list[str | None] | None = None,
    groups: frozenset[str] = DEFAULT_GROUPS,
) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for k, sentence in enumerate(sentences):
        domain = domains[k] if domains else None
        tags = to_bilou(sentence.tags) if bilou else sentence.tags
        trainer.append(sentence_features(sentence.words, domain, groups), tags)
    trainer.set_params(
        {"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True}
    )
    trainer.train(str(path))


def cross_validate(
    folds: int = 3,
    weight: int = DEFAULT_NERGRIT_WEIGHT,
    c1: float = DEFAULT_C1,
    c2: float = DEFAULT_C2,
    iterations: int = DEFAULT_MAX_ITERATIONS,
    bilou: bool = False,
    domains: bool = True,
    without: frozenset[str] = frozenset(),
    groups: frozenset[str] = DEFAULT_GROUPS,
    domains_of: dict[str, str] | None = None,
    relabel: frozenset[str] = DEFAULT_RELABEL,
) -> list[dict[str, list[str]]]:
    """Every NERGrit valid sentence tagged by a model that did not see it: words, gold tags, the CRF's tags
    ("predicted"), with the Indonesian corrections but no organisation patterns ("corrected"), and with them
    ("org_patterns")."""
    nergrit = load(next(p for p in TRAIN_PARTS if p.name == "nergrit-valid"))
    others, _, other_domains = training_sentences(
        {p.name for p in TRAIN_PARTS if p.name != "nergrit-valid"} - without,
        domains_of=domains_of,
        relabel=relabel,
    )
    parts = [nergrit[k::folds] for k in range(folds)]
    records: list[dict[str, list[str]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for k, held in enumerate(parts):
            wiki = [s for j, f in enumerate(parts) if j != k for s in f] * weight
            sentence_domains: list[str | None] | None = None
            if domains:
                sentence_domains = [*other_domains, *[WIKI] * len(wiki)]
            path = Path(tmp) / f"fold{k}.crfsuite"
            _train(others + wiki, path, c1, c2, iterations, bilou, sentence_domains, groups)
            tagger = CrfTagger(path, groups=groups)
            if domains:
                tagger.domain = WIKI
            for s in held:
                records.append(
                    {
                        "words": s.words,
                        "gold": s.tags,
                        "predicted": tagger.tags(s.words),
                        "corrected": tag_words(
                            s.words, tagger, replace(INDONESIAN_CORRECTIONS, org_patterns=False)
                        ),
                        "org_patterns": tag_words(
                            s.words, tagger, replace(INDONESIAN_CORRECTIONS, org_patterns=True)
                        ),
                    }
                )
    return records


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument(
        "--weights",
        default=str(DEFAULT_NERGRIT_WEIGHT),
        help="copies of the NERGrit training folds, comma-separated",
    )
    parser.add_argument("--c1", default=str(DEFAULT_C1))
    parser.add_argument("--c2", default=str(DEFAULT_C2))
    parser.add_argument("--iterations", type=int, default=DEFAULT_MAX_ITERATIONS)
    parser.add_argument("--bilou", action="store_true", help="train on BILOU tags instead of IOB2")
    parser.add_argument(
        "--no-domains", dest="domains", action="store_false", help="no domain-adaptation feature copies"
    )
    add_cross_validation_options(parser)
    args = parser.parse_args()
    groups = comma_set(args.groups)
    domains_of = comma_pairs(args.domain_of)
    without = comma_set(args.without)
    relabel = comma_set(args.relabel)
    settings = itertools.product(
        [int(w) for w in args.weights.split(",")],
        [float(c) for c in args.c1.split(",")],
        [float(c) for c in args.c2.split(",")],
    )
    for weight, c1, c2 in settings:
        records = cross_validate(
            args.folds,
            weight,
            c1,
            c2,
            args.iterations,
            args.bilou,
            args.domains,
            without,
            groups,
            domains_of,
            relabel,
        )
        result = score([r["gold"] for r in records], [r["predicted"] for r in records])
        per = " ".join(f"{t} {v[2] * 100:.1f}" for t, v in result.per_type.items())
        print(
            f"domains {args.domains} bilou {args.bilou} weight {weight} c1 {c1} c2 {c2} without {sorted(without)} groups {sorted(groups)} domains {domains_of} relabel {args.relabel}: "
            f"macro {result.macro_f1 * 100:.1f} micro {result.micro_f1 * 100:.1f} ({per})",
            flush=True,
        )


if __name__ == "__main__":
    main()
