"""Word tokens, stopwords and stems for Indonesian and English.

Stemming uses Sastrawi for Indonesian (cached per word: Sastrawi is slow per call but news vocabulary repeats) and
a light, deterministic suffix stripper for English (no NLTK data is needed, so nothing downloads).
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)

ENGLISH_STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "said",
        "says",
        "also",
        "one",
        "two",
        "new",
        "would",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "us",
        "mr",
        "mrs",
        "ms",
    ]
)


@lru_cache(maxsize=1)
def indonesian_stopwords() -> frozenset[str]:
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

    return frozenset(StopWordRemoverFactory().get_stop_words()) | {
        "yang",
        "dan",
        "di",
        "ke",
        "dari",
        "ini",
        "itu",
    }


@lru_cache(maxsize=1)
def _sastrawi():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=200_000)
def stem_indonesian(word: str) -> str:
    # Sastrawi drops hyphenated reduplication ("negara-negara" -> "negara") and returns "" for some tokens.
    return _sastrawi().stem(word) or word


_ENGLISH_SUFFIXES = (
    "ational",
    "ization",
    "fulness",
    "iveness",
    "ements",
    "ations",
    "ingly",
    "ement",
    "ation",
    "ness",
    "ment",
    "ings",
    "ing",
    "edly",
    "ies",
    "ied",
    "ers",
    "est",
    "ed",
    "es",
    "ly",
    "er",
    "s",
)


@lru_cache(maxsize=200_000)
def stem_english(word: str) -> str:
    """Strip one common English suffix, keeping a stem of at least three letters."""
    for suffix in _ENGLISH_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            if suffix in ("ies", "ied"):
                stem += "y"
            return stem
    return word


def tokenize(text: str) -> list[str]:
    """Lowercase Unicode word tokens ("Kim Jong-un's" -> ["kim", "jong-un's"])."""
    return [match.group(0).lower() for match in _WORD.finditer(text)]


def stopwords(language: str | None) -> frozenset[str]:
    if language == "id":
        return indonesian_stopwords()
    if language == "en":
        return ENGLISH_STOPWORDS
    return indonesian_stopwords() | ENGLISH_STOPWORDS


def stem(word: str, language: str | None) -> str:
    if language == "en":
        return stem_english(word)
    if language == "id":
        return stem_indonesian(word)
    return word


def content_terms(text: str, language: str | None) -> list[str]:
    """Stemmed tokens without stopwords and bare numbers: the terms that say what a text is about."""
    stop = stopwords(language)
    return [
        stem(token, language)
        for token in tokenize(text)
        if token not in stop and not token.isdigit() and len(token) > 1
    ]
