"""Text step: sentences, tokens and stems of clean documents."""

from __future__ import annotations

from kabar.records import Document
from kabar.text.sentences import split_sentences
from kabar.text.tokens import content_terms, stem, stopwords, tokenize


def analyse(document: Document) -> Document:
    """Fill `document.sentences` from its clean text (idempotent)."""
    document.sentences = split_sentences(document.text)
    return document


__all__ = ["analyse", "content_terms", "split_sentences", "stem", "stopwords", "tokenize"]
