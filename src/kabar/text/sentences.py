"""Sentence splitting for Indonesian and English news text.

Paragraphs are separated by blank lines in a clean document; a sentence never crosses a paragraph. Inside a
paragraph a sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets that follow) when the next
word starts like a sentence does: a capital letter, a digit or an opening quote. Known abbreviations, initials and
numbers ("Rp 1.5", "13.9.2023") do not end a sentence.
"""

from __future__ import annotations

import re

from kabar.records import Sentence

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")

# Titles and abbreviations after which a full stop does not end a sentence (lowercase, without the stop).
# Indonesian forms first, then English. Checked on the token before the candidate break.
ABBREVIATIONS = frozenset(
    [
        "dr",
        "drs",
        "dra",
        "prof",
        "ir",
        "h",
        "hj",
        "kh",
        "st",
        "no",
        "nos",
        "jl",
        "jln",
        "tn",
        "ny",
        "nn",
        "sdr",
        "sdri",
        "bpk",
        "bp",
        "kec",
        "kab",
        "kel",
        "prov",
        "rp",
        "dll",
        "dsb",
        "dst",
        "dkk",
        "yth",
        "a.n",
        "u.p",
        "s.h",
        "s.e",
        "s.t",
        "s.pd",
        "s.kom",
        "m.si",
        "m.sc",
        "m.h",
        "m.m",
        "m.kes",
        "ph.d",
        "s.ag",
        "s.ip",
        "s.sos",
        "tgl",
        "thn",
        "hlm",
        "mr",
        "mrs",
        "ms",
        "mt",
        "jr",
        "sr",
        "gen",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "capt",
        "sgt",
        "cpl",
        "inc",
        "corp",
        "co",
        "ltd",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "approx",
        "dept",
        "est",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "agu",
        "sep",
        "sept",
        "okt",
        "oct",
        "nov",
        "des",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "a.s",
        "p.m",
        "a.m",
    ]
)

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace.
_BOUNDARY = re.compile(r"([.!?…]+)([\"'”’)\]]*)(\s+)")
# What may start a sentence after a boundary.
_SENTENCE_START = re.compile(r"[\"'“‘(\[]?[A-Z0-9À-ÖØ-ÞĀ-Ž]")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def _is_abbreviation(text_before: str) -> bool:
    match = _WORD_BEFORE.search(text_before)
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    if word in ABBREVIATIONS:
        return True
    # A single capital letter is an initial ("J. Smith", "H. Agus"), unless it is "I" or "A" in English prose.
    return len(match.group(1)) == 1 and match.group(1).isupper() and match.group(1) not in {"I", "A"}


def _split_paragraph(paragraph: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) inside one paragraph."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        end = match.end(2)
        following = paragraph[match.end() :]
        if not following or not _SENTENCE_START.match(following):
            continue
        if match.group(1) == "." and _is_abbreviation(paragraph[start : match.start(1)]):
            continue
        if paragraph[start:end].strip():
            spans.append((start, end))
        start = match.end()
    if paragraph[start:].strip():
        spans.append((start, len(paragraph.rstrip())))
    return spans


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of a clean text, with character offsets into `text` and their paragraph number."""
    sentences: list[Sentence] = []
    paragraph_number = 0
    position = 0
    for block in [*PARAGRAPH_BREAK.finditer(text), None]:
        block_end = block.start() if block else len(text)
        paragraph = text[position:block_end]
        if paragraph.strip():
            for start, end in _split_paragraph(paragraph):
                # Trim leading whitespace so offsets point at the first character of the sentence.
                while start < end and paragraph[start].isspace():
                    start += 1
                sentence_text = " ".join(paragraph[start:end].split())
                sentences.append(
                    Sentence(
                        index=len(sentences),
                        text=sentence_text,
                        start=position + start,
                        end=position + end,
                        paragraph=paragraph_number,
                    )
                )
            paragraph_number += 1
        if block is None:
            break
        position = block.end()
    return sentences
