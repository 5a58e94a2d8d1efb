"""Which features and which corrections of the CRF's spans help, measured on development files the reported
scores never use.

    .venv/bin/python -m bench.ner.ablation                       # corrections, shipped feature groups
    .venv/bin/python -m bench.ner.ablation --features "-;clusters;clusters,e5"   # feature groups

Trains a development model on the training parts minus NER-UI and NER-UGM test fold 02 and idner-news-2k dev
(those three become the development set). Without `--features` it scores that set with the CRF alone, with all
corrections (`kabar.extract.entities.Corrections`), and with each correction left out, and with each alone.
With `--features` (semicolon-separated feature-group sets, "-" for none) it trains one development model per
set and prints the CRF-alone scores of each (NERGrit is scored by `bench.ner.tune`'s cross-validation).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import pycrfsuite

from bench.ner.data import TRAIN_PARTS, load, training_sentences
from bench.ner.train import (
    DEFAULT_C1,
    DEFAULT_C2,
    DEFAULT_DOMAINS_OF,
    DEFAULT_MAX_ITERATIONS,
    DEFAULT_NERGRIT_WEIGHT,
    DEFAULT_RELABEL,
    comma_set,
)
from kabar.extract.entities import ALL_CORRECTIONS, INDONESIAN_CORRECTIONS, Corrections, tag_words
from kabar.extract.ner_crf import DEFAULT_GROUPS, SHIPPED_DOMAIN, CrfTagger, sentence_features
from kabar.extract.ner_eval import Tagged, score

DEV_PARTS = ("nerui-test02", "nerugm-test02", "idner-dev")


def train_development_model(
    path: Path, groups: frozenset[str], relabel: frozenset[str] = DEFAULT_RELABEL
) -> None:
    train, _, domains = training_sentences(
        {p.name for p in TRAIN_PARTS if p.name not in DEV_PARTS},
        {"nergrit-valid": DEFAULT_NERGRIT_WEIGHT},
        DEFAULT_DOMAINS_OF,
        relabel,
    )
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence, domain in zip(train, domains, strict=True):
        trainer.append(sentence_features(sentence.words, domain, groups), sentence.tags)
    trainer.set_params(
        {
            "c1": DEFAULT_C1,
            "c2": DEFAULT_C2,
            "max_iterations": DEFAULT_MAX_ITERATIONS,
            "feature.possible_transitions": True,
        }
    )
    started = time.perf_counter()
    trainer.train(str(path))
    print(
        f"development model ({sorted(groups)}, relabelled {sorted(relabel)}) trained in {time.perf_counter() - started:.0f}s "
        f"on {len(train)} sentences",
        flush=True,
    )


def _cells(tagger: CrfTagger, dev: dict[str, list[Tagged]], corrections: Corrections | None) -> str:
    cells = []
    for sentences in dev.values():
        if corrections is None:
            predicted = [tagger.tags(s.words) for s in sentences]
        else:
            predicted = [tag_words(s.words, tagger, corrections) for s in sentences]
        result = score([s.tags for s in sentences], predicted)
        cells.append(f"{result.macro_f1 * 100:.1f} / {result.micro_f1 * 100:.1f}")
    return " | ".join(cells)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--features", help="semicolon-separated feature-group sets ('-' for none)")
    parser.add_argument(
        "--relabel",
        default=",".join(sorted(DEFAULT_RELABEL)),
        help="corpora given NERGrit's organisation convention ('-' for none)",
    )
    parser.add_argument("--keep", type=Path, help="also copy the development model here")
    args = parser.parse_args()
    relabel = comma_set(args.relabel)
    dev = {p.name: load(p) for p in TRAIN_PARTS if p.name in DEV_PARTS}
    header = "| variant | " + " | ".join(f"{name} macro / micro" for name in dev) + " |"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "dev.crfsuite"
        if args.features:
            rows = []
            for variant in args.features.split(";"):
                groups = frozenset(g for g in variant.split(",") if g and g != "-")
                train_development_model(path, groups, relabel)
                tagger = CrfTagger(path, SHIPPED_DOMAIN, groups)
                label = (
                    f"{', '.join(sorted(groups)) or 'none'}; relabelled {', '.join(sorted(relabel)) or '-'}"
                )
                rows.append(f"| CRF alone, features {label} | {_cells(tagger, dev, None)} |")
                rows.append(
                    f"| + Indonesian corrections, features {label} | {_cells(tagger, dev, INDONESIAN_CORRECTIONS)} |"
                )
            print(header)
            print("| --- |" + " ---: |" * len(dev))
            print("\n".join(rows))
            return
        train_development_model(path, DEFAULT_GROUPS, relabel)
        if args.keep:
            shutil.copyfile(path, args.keep)
        tagger = CrfTagger(path, SHIPPED_DOMAIN)
        variants: dict[str, Corrections | None] = {
            "CRF alone": None,
            "shipped for Indonesian": INDONESIAN_CORRECTIONS,
            "Indonesian without organisation patterns": replace(INDONESIAN_CORRECTIONS, org_patterns=False),
            "all corrections (shipped for other languages)": ALL_CORRECTIONS,
        }
        names = ("gazetteer", "rules", "given_names", "edge_words", "retype", "org_patterns")
        for name in names:
            variants[f"without {name}"] = replace(ALL_CORRECTIONS, **{name: False})
        variants["no corrections (edge trimming only)"] = Corrections(**{n: False for n in names})
        for name in names:
            variants[f"only {name}"] = Corrections(**{n: n == name for n in names})
        print(header)
        print("| --- |" + " ---: |" * len(dev))
        for variant, corrections in variants.items():
            print(f"| {variant} | {_cells(tagger, dev, corrections)} |", flush=True)


if __name__ == "__main__":
    main()
