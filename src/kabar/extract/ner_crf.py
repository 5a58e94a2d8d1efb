"""CRF sequence tagger (python-crfsuite) over word-shape, affix, context, dictionary and gazetteer features.

The same `sentence_features` serve training (`bench/ner/train.py`) and tagging, so the shipped model always
sees the features it was trained on. Labels are IOB2 over PER, ORG and LOC.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

from kabar.extract.ner_lexicon import (
    LOC_HEADS,
    LOC_TAILS,
    ORG_HEADS,
    ORG_TAILS,
    PERSON_TITLES,
    SPEECH_VERBS,
    fold,
    gazetteer,
    given_names,
)
from kabar.extract.ner_rules import Casing, Span, dictionary_words, is_headline

MODEL_NAME = "ner-id.crfsuite"
# The shipped model is trained with domain-adapted features (`bench/ner/train.py`): NERGrit's Wikipedia-style
# sentences as "wiki", every news corpus as "news". kabar reads news, so it tags with the "news" copies.
SHIPPED_DOMAIN = "news"

# Words either side of a token whose identity is a feature (2 catches "juru bicara X" and "X , kata").
CONTEXT_WINDOW = 2
# Prefix and suffix lengths used as features (Indonesian affixes: me-/ber-/-kan/-nya; name endings: -ov, -ski).
AFFIX_LENGTHS = (1, 2, 3, 4)


def model_path() -> Path:
    return Path(str(resources.files("kabar.extract").joinpath(f"models/{MODEL_NAME}")))


_DIGITS = re.compile(r"\d")


def word_shape(word: str) -> str:
    """ "Putin" -> "Xx", "KCNA" -> "X", "13/9" -> "d/d", "Jong-un" -> "Xx-x": runs of a character class."""
    out: list[str] = []
    for c in word:
        cls = "X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c
        if not out or out[-1] != cls:
            out.append(cls)
    return "".join(out)[:6]


def gazetteer_tags(words: Sequence[str]) -> list[str]:
    """Per token "B-LOC"/"I-ORG"/... for the longest gazetteer matches, "" elsewhere; case-insensitive.

    Case is left to the model (it also sees the shape), so lowercased training text still fires the feature.
    """
    gaz = gazetteer()
    tags = [""] * len(words)
    i = 0
    while i < len(words):
        matched = 0
        if words[i][:1].isalnum():
            for length in range(min(gaz.max_tokens + 2, len(words) - i), 0, -1):
                entries = gaz.lookup(" ".join(words[i : i + length]))
                if entries:
                    kind = entries[0].type
                    tags[i] = f"B-{kind}"
                    for k in range(i + 1, i + length):
                        tags[k] = f"I-{kind}"
                    matched = length
                    break
        i += matched or 1
    return tags


def _word_features(word: str, prefix: str) -> list[str]:
    lower = word.casefold()
    return [f"{prefix}w={lower}", f"{prefix}s={word_shape(word)}"]


def sentence_features(words: Sequence[str], domain: str | None = None) -> list[list[str]]:
    """CRF features of every token of one tokenised sentence.

    With a `domain` every feature also gets a copy prefixed by it ("frustratingly easy" domain adaptation,
    Daumé III 2007): the shared copy learns what holds across corpora, the prefixed one what is particular to
    one (Wikipedia-style NERGrit leaves album and film titles untagged; news corpora do not have them).
    """
    gaz = gazetteer_tags(words)
    dictionary = dictionary_words()
    given = given_names()
    folded = [fold(w) for w in words]
    features: list[list[str]] = []
    n = len(words)
    for i, word in enumerate(words):
        lower = word.casefold()
        f = ["bias", f"w={lower}", f"s={word_shape(word)}", f"len={min(len(word), 8)}"]
        if word[:1].isupper():
            f.append("title" if word[1:].islower() else "upper" if word.isupper() else "cap")
        if i == 0:
            f.append("first")
        if any(c.isdigit() for c in word):
            f.append(f"digits={_DIGITS.sub('0', lower)[:6]}")
        for size in AFFIX_LENGTHS:
            if len(lower) > size:
                f.append(f"p{size}={lower[:size]}")
                f.append(f"x{size}={lower[-size:]}")
        if lower in dictionary:
            f.append("dict")
        if word[:1].isupper():
            # Case means most where the word is not a common word: "Kim" vs "Pertemuan" at a sentence start.
            f.append(f"cap|{'dict' if lower in dictionary else 'nodict'}|{'first' if i == 0 else 'inside'}")
        if lower in given and word[:1].isupper():
            f.append("given_name")
        if lower in PERSON_TITLES:
            f.append("title_word")
        if lower in ORG_HEADS:
            f.append("org_head")
        if lower in LOC_HEADS:
            f.append("loc_head")
        if lower in ORG_TAILS:
            f.append("org_tail")
        if lower in LOC_TAILS:
            f.append("loc_tail")
        if gaz[i]:
            f.append(f"gaz={gaz[i]}")
            f.append(f"gazc={gaz[i]}|{'cap' if word[:1].isupper() else 'low'}")
        for offset in range(1, CONTEXT_WINDOW + 1):
            for sign, k in (("-", i - offset), ("+", i + offset)):
                if 0 <= k < n:
                    f.extend(_word_features(words[k], f"{sign}{offset}"))
                    if gaz[k]:
                        f.append(f"{sign}{offset}gaz={gaz[k]}")
                else:
                    f.append(f"{sign}{offset}=EDGE")
        if i > 0:
            previous = folded[i - 1]
            f.append(f"-1w|w={previous}|{lower}")
            if previous in PERSON_TITLES:
                f.append("after_title")
            if previous in given and words[i - 1][:1].isupper():
                f.append("after_given_name")
            if previous in SPEECH_VERBS:
                f.append("after_speech")
        if i + 1 < n:
            f.append(f"w|+1w={lower}|{folded[i + 1]}")
            if folded[i + 1] in SPEECH_VERBS:
                f.append("before_speech")
        if domain:
            f.extend([f"{domain}:{x}" for x in f])
        features.append(f)
    return features


def spans_from_tags(tags: Sequence[str]) -> list[Span]:
    """Chunks of IOB2 tags, conlleval style: an I- that does not continue a chunk of its type starts one."""
    spans: list[Span] = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == kind and start >= 0
        if start >= 0 and not continues:
            spans.append(Span(start, i, kind))
            start, kind = -1, ""
        if prefix in {"B", "I"} and not continues:
            start, kind = i, label
    return spans


def to_bilou(tags: Sequence[str]) -> list[str]:
    """IOB2 -> BILOU (last and unit tokens marked): a CRF learns entity ends better with them."""
    out: list[str] = []
    for i, tag in enumerate(tags):
        if tag == "O":
            out.append(tag)
            continue
        prefix, _, label = tag.partition("-")
        ends = i + 1 == len(tags) or tags[i + 1] != f"I-{label}"
        if prefix == "B":
            out.append(f"U-{label}" if ends else tag)
        else:
            out.append(f"L-{label}" if ends else tag)
    return out


def from_bilou(tags: Sequence[str]) -> list[str]:
    """BILOU -> IOB2 (U- becomes B-, L- becomes I-); IOB2 tags pass through unchanged."""
    return [f"B-{t[2:]}" if t.startswith("U-") else f"I-{t[2:]}" if t.startswith("L-") else t for t in tags]


class CrfTagger:
    """The trained model, ready to tag tokenised sentences."""

    def __init__(self, path: Path, domain: str | None = None) -> None:
        self.domain = domain
        import pycrfsuite

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))

    def tags(self, words: Sequence[str], domain: str | None = None) -> list[str]:
        if not words:
            return []
        return from_bilou(self._tagger.tag(sentence_features(words, domain or self.domain)))

    def spans(self, words: Sequence[str], casing: Casing | None = None) -> list[Span]:
        """Entity spans of a sentence. A title-case headline is first put in sentence case, word by word,
        where the document shows a word is common (the model was trained on sentence-case text)."""
        words = list(words)
        if casing is not None and is_headline(words):  # only with a document to judge its words by
            words = [w.lower() if w[:1].isupper() and casing.is_common(w) else w for w in words]
        return spans_from_tags(self.tags(words))


@cache
def shipped_tagger() -> CrfTagger | None:
    """The model shipped in `kabar/extract/models`, or None where it is missing (the rules then work alone)."""
    path = model_path()
    if not path.is_file():
        return None
    return CrfTagger(path, SHIPPED_DOMAIN)
