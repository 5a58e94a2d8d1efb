"""Which shared NER files the shipped model trains on, and which it is scored on: never the same sentence.

Scored (held out): NERGrit test, NERP test, NER-UI and NER-UGM test fold 01, idner-news-2k test.
Trained on: NERGrit valid, NERP valid, NER-UI and NER-UGM test folds 02-05 (the five IndoLEM test folds
partition each corpus, so folds 02-05 are exactly the sentences fold 01 does not hold), idner-news-2k dev.
Any training sentence whose words equal a scored sentence's (the corpora repeat a few) is dropped.
The data are read in place from ../shared/data; nothing is copied into the project.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bench.shared_data import require_dataset
from kabar.extract.ner_crf import gazetteer_tags, spans_from_tags
from kabar.extract.ner_eval import Tagged, read_conll
from kabar.extract.ner_rules import dictionary_words

# Genre of each part, for the domain-adapted features (`kabar.extract.ner_crf.sentence_features`): NERGrit is
# Wikipedia-style text, everything else is news. kabar tags its documents as news.
WIKI = "wiki"
NEWS = "news"
# NERP is lowercased news whose organisation type (IND) covers companies only: its own feature copies keep
# what is particular to it (no case; parties and state bodies untagged) out of the "news" ones kabar uses.
# NERGrit-valid cross-validation (`bench.ner.errors`, word clusters on): 60.7 -> 61.5 macro F1.
LOWER = "lower"


@dataclass(frozen=True, slots=True)
class Part:
    name: str
    dataset: str
    path: str
    lowercased: bool = False
    domain: str = NEWS


TRAIN_PARTS = (
    Part("nergrit-valid", "indonlu-ner", "nergrit_ner-grit/valid_preprocess.txt", domain=WIKI),
    Part("nerp-valid", "indonlu-ner", "nerp_ner-prosa/valid_preprocess.txt", lowercased=True, domain=LOWER),
    *(Part(f"nerui-test{k:02d}", "indolem-ner", f"nerui/test.{k:02d}.tsv") for k in range(2, 6)),
    *(Part(f"nerugm-test{k:02d}", "indolem-ner", f"nerugm/test.{k:02d}.tsv") for k in range(2, 6)),
    Part("idner-dev", "idner-news-2k", "dev.txt"),
)

EVAL_PARTS = (
    Part("NERGrit test", "indonlu-ner", "nergrit_ner-grit/test_preprocess.txt", domain=WIKI),
    Part("NERP test", "indonlu-ner", "nerp_ner-prosa/test_preprocess.txt", lowercased=True, domain=LOWER),
    Part("NER-UI test fold 01", "indolem-ner", "nerui/test.01.tsv"),
    Part("NER-UGM test fold 01", "indolem-ner", "nerugm/test.01.tsv"),
    Part("idner-news-2k test", "idner-news-2k", "test.txt"),
)


def tag_untagged_organisations(sentence: Tagged, lowercased: bool) -> Tagged:
    """NERGrit's convention for organisations, applied to a corpus that leaves some of them untagged.

    NER-UGM leaves "KPK", "DPR", "Golkar" or "TNI" untagged about as often as it tags them, and NERP tags
    companies (its IND type) but never parties or state bodies ("partai golkar", "komisi pemberantasan
    korupsi" are O); NERGrit, NER-UI and idner-news-2k tag them ORG. A span that kabar's gazetteer lists as an
    organisation and the corpus left wholly untagged becomes ORG. In cased text the span must start with a
    capital ("antara" is a preposition, "Antara" the news agency); in lowercased text a one-word match that is
    also a common word is left alone.
    """
    tags = list(sentence.tags)
    common = dictionary_words()
    for span in spans_from_tags(gazetteer_tags(sentence.words)):
        words = sentence.words[span.start : span.end]
        while words and not words[-1][:1].isalnum():  # "DPR ." matches with its full stop
            words = words[:-1]
        end = span.start + len(words)
        if span.type != "ORG" or not words or any(t != "O" for t in tags[span.start : end]):
            continue
        if lowercased and len(words) == 1 and words[0].casefold() in common:
            continue
        if not lowercased and not words[0][:1].isupper():
            continue
        tags[span.start] = "B-ORG"
        for k in range(span.start + 1, end):
            tags[k] = "I-ORG"
    return Tagged(list(sentence.words), tags)


def load(part: Part) -> list[Tagged]:
    return read_conll(require_dataset(part.dataset) / Path(part.path))


def eval_sets() -> dict[str, list[Tagged]]:
    return {part.name: load(part) for part in EVAL_PARTS}


def training_sentences(
    include: set[str] | None = None,
    copies: dict[str, int] | None = None,
    domains_of: dict[str, str] | None = None,
    relabel: frozenset[str] = frozenset(),
) -> tuple[list[Tagged], dict[str, int], list[str]]:
    """Training sentences (held-out sentences removed; a part repeated `copies[name]` times), how many
    distinct sentences each part gave, and the domain of every returned sentence (the part's own, or
    `domains_of[name]` where given). Parts named in `relabel` (or their corpus prefix) get NERGrit's
    convention for organisations (`tag_untagged_organisations`)."""
    held_out = {tuple(s.words) for sentences in eval_sets().values() for s in sentences}
    kept: list[Tagged] = []
    domains: list[str] = []
    counts: dict[str, int] = {}
    for part in TRAIN_PARTS:
        if include is not None and part.name not in include and part.name.split("-")[0] not in include:
            continue
        sentences = [s for s in load(part) if tuple(s.words) not in held_out]
        if part.name in relabel or part.name.split("-")[0] in relabel:
            sentences = [tag_untagged_organisations(s, part.lowercased) for s in sentences]
        counts[part.name] = len(sentences)
        repeated = sentences * (copies or {}).get(part.name, 1)
        kept.extend(repeated)
        domains.extend([(domains_of or {}).get(part.name, part.domain)] * len(repeated))
    return kept, counts, domains
