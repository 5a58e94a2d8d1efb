"""Which corrections of the CRF's spans help, measured on development files the reported scores never use.

    .venv/bin/python -m bench.ner.ablation

Trains a development model on the training parts minus NER-UI and NER-UGM test fold 02 and idner-news-2k dev
(those three become the development set), then scores that set with the CRF alone, with all corrections
(`kabar.extract.entities.Corrections`), and with each correction left out, and with each alone.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import replace
from pathlib import Path

import pycrfsuite

from bench.ner.data import TRAIN_PARTS, load, training_sentences
from bench.ner.train import DEFAULT_C1, DEFAULT_C2, DEFAULT_MAX_ITERATIONS, DEFAULT_NERGRIT_WEIGHT
from kabar.extract.entities import ALL_CORRECTIONS, INDONESIAN_CORRECTIONS, Corrections, tag_words
from kabar.extract.ner_crf import SHIPPED_DOMAIN, CrfTagger, sentence_features
from kabar.extract.ner_eval import score

DEV_PARTS = ("nerui-test02", "nerugm-test02", "idner-dev")


def main() -> None:
    train, _, domains = training_sentences(
        {p.name for p in TRAIN_PARTS if p.name not in DEV_PARTS}, {"nergrit-valid": DEFAULT_NERGRIT_WEIGHT}
    )
    dev = {p.name: load(p) for p in TRAIN_PARTS if p.name in DEV_PARTS}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "dev.crfsuite"
        trainer = pycrfsuite.Trainer(verbose=False)
        for sentence, domain in zip(train, domains, strict=True):
            trainer.append(
                sentence_features(sentence.words, domain if SHIPPED_DOMAIN else None), sentence.tags
            )
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
        print(f"development model trained in {time.perf_counter() - started:.0f}s on {len(train)} sentences")
        tagger = CrfTagger(path, SHIPPED_DOMAIN)
        variants: dict[str, Corrections | None] = {
            "CRF alone": None,
            "shipped for Indonesian (gazetteer, given names)": INDONESIAN_CORRECTIONS,
            "all corrections (shipped for other languages)": ALL_CORRECTIONS,
        }
        names = ("gazetteer", "rules", "given_names", "edge_words", "retype")
        for name in names:
            variants[f"without {name}"] = replace(ALL_CORRECTIONS, **{name: False})
        variants["no corrections (edge trimming only)"] = Corrections(**{n: False for n in names})
        for name in names:
            variants[f"only {name}"] = Corrections(**{n: n == name for n in names})
        print("| variant | " + " | ".join(f"{name} macro / micro" for name in dev) + " |")
        print("| --- |" + " ---: |" * len(dev))
        for variant, corrections in variants.items():
            cells = []
            for sentences in dev.values():
                if corrections is None:
                    predicted = [tagger.tags(s.words) for s in sentences]
                else:
                    predicted = [tag_words(s.words, tagger, corrections) for s in sentences]
                result = score([s.tags for s in sentences], predicted)
                cells.append(f"{result.macro_f1 * 100:.1f} / {result.micro_f1 * 100:.1f}")
            print(f"| {variant} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
