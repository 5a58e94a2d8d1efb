"""A silver check of kabar's entity recogniser on English news: ECB+'s annotated proper-name mentions.

No English NER set is in ../shared/data. ECB+ (English news, ../shared/data/ecbplus) annotates the participants of
its events in the sentences it annotated: HUMAN_PART_PER, HUMAN_PART_ORG and LOC_* markables. Most of them are
pronouns and common nouns ("she", "the actress"); the ones written as a proper name (every token capitalised, or a
lower-case connector such as "of" inside: "Tara Reid", "Promises Treatment Center", "Bank of America") are what a
named-entity recogniser should find, with their type (PER, ORG, LOC).

So this measures **recall only**: a name kabar finds that ECB+ did not annotate (it annotates only its events'
participants, and only in some sentences) cannot be counted against it, so precision is not measured. Per mention:
exact span and type; exact span, any type; any overlap.
Topics 1-35 are the development part (where the English corrections were chosen), 36-45 the held-out part, as in
the clustering benchmark.

    nice -n 5 .venv/bin/python -m bench.ner.english_ecbplus
"""

from __future__ import annotations

import argparse
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bench.shared_data import require_dataset
from kabar.extract.entities import find_mentions
from kabar.records import Document
from kabar.text import analyse

MARKABLE_TYPES = {"HUMAN_PART_PER": "PER", "HUMAN_PART_ORG": "ORG"}
LOCATION_PREFIX = "LOC_"
# Lower-case words allowed inside a written name ("Bank of America", "Federal Bureau of Investigation").
CONNECTORS = frozenset({"of", "the", "de", "del", "da", "van", "von", "and", "for", "on", "-", "'s"})
DEVELOPMENT_TOPICS = range(1, 36)
HELD_OUT_TOPICS = range(36, 46)


@dataclass(frozen=True, slots=True)
class GoldName:
    document: str
    start: int  # character offsets into the document text built below
    end: int
    type: str


@dataclass(slots=True)
class Tally:
    gold: int = 0
    exact_typed: int = 0
    exact_span: int = 0
    overlap: int = 0
    per_type: Counter[str] = field(default_factory=Counter)
    found_per_type: Counter[str] = field(default_factory=Counter)


def _is_written_name(words: list[str], common: frozenset[str]) -> bool:
    """Every word capitalised (connectors aside), and not a lone common word capitalised at a sentence start ("He",
    "Police", "Authorities"): a one-word mention counts only if the corpus never writes it in lower case."""
    if not words or not words[0][:1].isupper() or not words[-1][:1].isupper():
        return False
    if len(words) == 1 and words[0].lower() in common:
        return False
    return all(word[:1].isupper() or word.lower() in CONNECTORS for word in words)


def lower_case_words(root: Path) -> frozenset[str]:
    """Words the corpus writes in lower case somewhere (common words, pronouns once lower-cased)."""
    words: set[str] = set()
    for path in (root / "docs").glob("*/*.xml"):
        for token in ET.parse(path).getroot().iter("token"):
            text = token.text or ""
            if text[:1].islower():
                words.add(text)
    return frozenset(words | {"i", "i'm", "i've", "i'd", "i'll"})


def read_document(path: Path, common: frozenset[str]) -> tuple[str, list[GoldName]]:
    """The document's text (tokens joined by spaces, one sentence a line) and its gold written names."""
    root = ET.parse(path).getroot()
    offsets: dict[str, tuple[int, int, int]] = {}  # t_id -> (sentence, start, end)
    lines: list[str] = []
    position = 0
    current: int | None = None
    line_tokens: list[str] = []
    for token in root.iter("token"):
        sentence = int(token.get("sentence", "0"))
        if current is not None and sentence != current:
            lines.append(" ".join(line_tokens))
            position += len(lines[-1]) + 1
            line_tokens = []
        current = sentence
        text = token.text or ""
        start = position + sum(len(t) + 1 for t in line_tokens)
        offsets[token.get("t_id", "")] = (sentence, start, start + len(text))
        line_tokens.append(text)
    if line_tokens:
        lines.append(" ".join(line_tokens))
    document_text = "\n".join(lines)
    names: list[GoldName] = []
    markables = root.find("Markables")
    for markable in markables if markables is not None else []:
        anchors = [a.get("t_id", "") for a in markable.findall("token_anchor")]
        spans = [offsets[t] for t in anchors if t in offsets]
        if not spans:
            continue
        tag = markable.tag
        kind = MARKABLE_TYPES.get(tag) or ("LOC" if tag.startswith(LOCATION_PREFIX) else None)
        ids = [int(t) for t in anchors if t.isdigit()]
        if kind is None or len(ids) != len(anchors) or ids != list(range(ids[0], ids[0] + len(ids))):
            continue  # not a participant, or a discontinuous mention
        words = [document_text[start:end] for _, start, end in spans]
        if _is_written_name(words, common):
            # ECB+ keeps a possessive on its token ("Nixon's"); the name is the word without it.
            end = spans[-1][2] - (2 if words[-1].endswith(("'s", "’s")) else 0)
            names.append(GoldName(path.name, spans[0][1], end, kind))
    return document_text, names


def evaluate(root: Path, topics: range, common: frozenset[str]) -> tuple[Tally, int, float]:
    tally = Tally()
    documents = 0
    seconds = 0.0
    for path in sorted((root / "docs").glob("*/*.xml")):
        if int(path.name.split("_", 1)[0]) not in topics:
            continue
        text, names = read_document(path, common)
        if not names:
            continue
        documents += 1
        document = Document(id=path.name, source=path.name, text=text, language="en")
        started = time.process_time()
        analyse(document)
        mentions = find_mentions(document)
        seconds += time.process_time() - started
        for name in names:
            tally.gold += 1
            tally.per_type[name.type] += 1
            exact = [m for m in mentions if m.start == name.start and m.end == name.end]
            if exact:
                tally.exact_span += 1
                if any(m.type == name.type for m in exact):
                    tally.exact_typed += 1
                    tally.found_per_type[name.type] += 1
            if any(m.start < name.end and name.start < m.end for m in mentions):
                tally.overlap += 1
    return tally, documents, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args()
    root = require_dataset("ecbplus")
    common = lower_case_words(root)
    print(
        "| topics | documents | gold names | recall, exact span and type | exact span | overlap | PER | ORG | LOC |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, topics in (("1-35 (development)", DEVELOPMENT_TOPICS), ("36-45 (held out)", HELD_OUT_TOPICS)):
        tally, documents, seconds = evaluate(root, topics, common)
        by_type = [
            f"{tally.found_per_type[kind] / tally.per_type[kind]:.3f} ({tally.per_type[kind]})"
            if tally.per_type[kind]
            else "-"
            for kind in ("PER", "ORG", "LOC")
        ]
        print(
            f"| {label} | {documents} | {tally.gold} | **{tally.exact_typed / tally.gold:.3f}** | "
            f"{tally.exact_span / tally.gold:.3f} | {tally.overlap / tally.gold:.3f} | {' | '.join(by_type)} |"
        )
        print(f"<!-- {label}: {seconds:.1f} s CPU for analyse + find_mentions -->")


if __name__ == "__main__":
    main()
