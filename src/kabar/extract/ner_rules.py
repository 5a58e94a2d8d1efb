"""Rule and gazetteer recogniser: capitalised runs typed by titles, head words and the gazetteer.

It is the fallback when the trained model file is missing, and it supplies the gazetteer spans the CRF tagger
may have missed (English names the Indonesian training data never saw).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from kabar.extract.ner_lexicon import (
    COMPASS_WORDS,
    DEMONYMS,
    LOC_HEADS,
    LOC_TAILS,
    NAME_FILLERS,
    NOT_NAMES,
    ORG_HEADS,
    ORG_TAILS,
    PERSON_TITLES,
    SPEECH_VERBS,
    Token,
    gazetteer,
    given_names,
    is_title_word,
)

# Words that stay lowercase inside an ordinary sentence in either language; capitalised, they mark title case.
FUNCTION_WORDS = frozenset(
    [
        "dan",
        "di",
        "ke",
        "dari",
        "yang",
        "untuk",
        "dengan",
        "pada",
        "dalam",
        "atau",
        "ini",
        "itu",
        "the",
        "of",
        "and",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "from",
        "by",
        "or",
        "a",
        "an",
    ]
)

# Connectors allowed inside a capitalised name run ("Georg Ludwig von Trapp", "Bank of England").
NAME_CONNECTORS = frozenset({"von", "van", "der", "de", "bin", "binti", "al", "el", "of", "la", "le"})

# A sentence is a headline in title case when at least this share of its words start with a capital (the seed
# headlines are at 0.8-1.0; name-heavy English news sentences reach 0.65, ordinary ones stay under 0.4) ...
HEADLINE_CAPITALISED_SHARE = 0.75
# ... or at least this share when a function word ("Dan", "The", "Di") is capitalised inside it, which only
# title case does.
HEADLINE_WITH_FUNCTION_WORD_SHARE = 0.5
# Shortest sentence (in words) judged as a headline; shorter ones are too few words to tell.
HEADLINE_MIN_WORDS = 4


@dataclass(frozen=True, slots=True)
class Span:
    """Tokens [start, end) of a sentence recognised as an entity of `type`."""

    start: int
    end: int
    type: str
    # What decided it beyond a guess: "gazetteer" (a known name), "rule" (a head word, a title, a given name,
    # a verb of saying), or "" for the rules' default guess and for the model's spans.
    evidence: str = ""


def is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def is_word(word: str) -> bool:
    return any(c.isalnum() for c in word)


@cache
def dictionary_words() -> frozenset[str]:
    """Indonesian root words (Sastrawi's list): a capitalised one is more likely a common word than a name."""
    try:
        text = resources.files("Sastrawi").joinpath("Stemmer/data/kata-dasar.txt").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return frozenset()
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


def is_headline(words: list[str]) -> bool:
    """Title-case text ("Pertemuan Vladimir Putin Dan Kim Jong Un Bahas Masalah Militer")."""
    alpha = [w for w in words if w[:1].isalpha()]
    if len(alpha) < HEADLINE_MIN_WORDS:
        return False
    share = sum(is_capitalised(w) for w in alpha) / len(alpha)
    if share >= HEADLINE_CAPITALISED_SHARE:
        return True
    function_word_capitalised = any(is_capitalised(w) and w.casefold() in FUNCTION_WORDS for w in alpha[1:])
    return share >= HEADLINE_WITH_FUNCTION_WORD_SHARE and function_word_capitalised


def gazetteer_spans(words: list[str]) -> list[Span]:
    """Longest gazetteer matches that start with a capital (or are all capitals), left to right."""
    gaz = gazetteer()
    spans: list[Span] = []
    i = 0
    while i < len(words):
        found: Span | None = None
        if is_capitalised(words[i]):
            for length in range(min(gaz.max_tokens + 2, len(words) - i), 0, -1):
                surface = " ".join(words[i : i + length])
                entries = gaz.lookup(surface)
                if entries and is_capitalised(words[i + length - 1]):
                    found = Span(i, i + length, entries[0].type, evidence="gazetteer")
                    break
        if found:
            spans.append(found)
            i = found.end
        else:
            i += 1
    return spans


@cache
def _stemmer():  # type: ignore[no-untyped-def]
    try:
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
    except ModuleNotFoundError:
        return None
    return StemmerFactory().create_stemmer()


@cache
def is_dictionary_word(lower: str) -> bool:
    """An Indonesian word (root or derived from a root: "pertahanan" -> "tahan") or a listed function word."""
    if lower in NOT_NAMES or lower in dictionary_words():
        return True
    stemmer = _stemmer()
    if stemmer is None or not lower.isalpha():
        return False
    stem = stemmer.stem(lower)
    return stem != lower and stem in dictionary_words()


@dataclass(slots=True)
class Casing:
    """How a document writes each word: lowercase, or capitalised inside a sentence (where case is telling)."""

    lowercase: dict[str, int]
    capitalised_inside: dict[str, int]

    @classmethod
    def of(cls, sentences: list[list[str]]) -> Casing:
        lowercase: dict[str, int] = {}
        inside: dict[str, int] = {}
        for words in sentences:
            if is_headline(words):
                continue
            for k, word in enumerate(words):
                if not word[:1].isalpha():
                    continue
                key = word.casefold()
                if word[0].islower():
                    lowercase[key] = lowercase.get(key, 0) + 1
                elif k > 0 and words[k - 1][:1].isalnum():
                    inside[key] = inside.get(key, 0) + 1
        return cls(lowercase, inside)

    def is_common(self, word: str) -> bool:
        """A capitalised word at a sentence start or in a headline: a common word or a name?

        The document itself decides first (a word it also writes in lowercase is common; one it capitalises
        mid-sentence is a name), the dictionary only where the document never uses the word elsewhere.
        """
        key = word.casefold()
        low, cap = self.lowercase.get(key, 0), self.capitalised_inside.get(key, 0)
        if low or cap:
            return low >= cap
        return is_dictionary_word(key)


NO_CASING = Casing({}, {})


def _name_like(word: str, position: int, words: list[str], headline: bool, casing: Casing) -> bool:
    if not is_capitalised(word) or not is_word(word):
        return False
    lower = word.casefold()
    if lower in NOT_NAMES or lower in DEMONYMS or is_title_word(word):
        return False
    if lower in COMPASS_WORDS and position + 1 < len(words) and words[position + 1].casefold() in DEMONYMS:
        return False  # "North Korean leader"
    sentence_initial = position == 0 or words[position - 1] in {'"', "“", "'", "‘", ":", "(", "-", "–", "—"}
    return not ((headline or sentence_initial) and casing.is_common(word))


def _type_of(run: list[str], before: list[str], after: list[str]) -> tuple[str, bool]:
    """The type of a capitalised run, and whether explicit evidence (not the default guess) decided it."""
    first, last = run[0].casefold(), run[-1].casefold()
    if last in ORG_TAILS:
        return "ORG", True
    if last in LOC_TAILS:
        return "LOC", True
    if first in given_names() and len(run) > 1:
        return "PER", True  # before head words: "Tim Cook" is a person, though "tim" is Indonesian for team
    if first in ORG_HEADS:
        return "ORG", True
    if first in LOC_HEADS:
        return "LOC", True
    previous = before[-1].casefold() if before else ""
    following = next((w.casefold() for w in after if is_word(w)), "")
    if (
        previous in PERSON_TITLES
        or previous in SPEECH_VERBS
        or following in SPEECH_VERBS
        or (first in given_names() and len(run) > 1)
    ):
        return "PER", True
    if len(run) == 1 and run[0].isupper() and len(run[0]) >= 2:
        return "ORG", False  # an unknown acronym is most often an organisation ("KCNA", "BUMN")
    if previous in {"di", "ke", "dari", "in", "at", "from", "to"} or previous in LOC_HEADS:
        return "LOC", False
    if previous in ORG_HEADS or (
        len(before) > 1 and f"{before[-2]} {before[-1]}".casefold() == "kantor berita"
    ):
        return "ORG", True
    return "PER", False


def rule_spans(tokens: list[Token], casing: Casing = NO_CASING) -> list[Span]:
    """Entity spans of one sentence by rules: gazetteer matches first, then typed capitalised runs."""
    words = [t.text for t in tokens]
    headline = is_headline(words)
    spans = gazetteer_spans(words)
    taken = [False] * len(words)
    for span in spans:
        for k in range(span.start, span.end):
            taken[k] = True

    def name_like(k: int) -> bool:
        return not taken[k] and _name_like(words[k], k, words, headline, casing)

    i = 0
    after_title = False
    while i < len(words):
        if is_title_word(words[i]):
            after_title = True
            i += 1
            continue
        # Capitalised common words right after a title are part of it ("Menteri Pertahanan Rusia").
        if after_title and (taken[i] or (is_capitalised(words[i]) and casing.is_common(words[i]))):
            i += 1
            continue
        after_title = False
        if not name_like(i):
            i += 1
            continue
        j = i + 1
        while j < len(words):
            if name_like(j):
                j += 1
            elif words[j].casefold() in NAME_CONNECTORS and j + 1 < len(words) and name_like(j + 1):
                j += 2
            else:
                break
        # An organisation or place head word before the run belongs to the name ("Universitas X").
        start = i
        while start > 0 and not taken[start - 1] and is_capitalised(words[start - 1]):
            head = words[start - 1].casefold()
            if head in ORG_HEADS or head in LOC_HEADS:
                start -= 1
            else:
                break
        run = words[start:j]
        if not all(w.casefold() in NAME_FILLERS for w in run):
            kind, evidence = _type_of(run, words[:start], words[j : j + 3])
            spans.append(Span(start, j, kind, "rule" if evidence else ""))
        i = j
    spans.sort(key=lambda s: s.start)
    return spans
