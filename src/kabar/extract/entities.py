"""Named entities of documents: find the mentions, merge the aliases an event uses, resolve a name to its entity.

`find_mentions` tags each sentence with the shipped CRF model (`models/ner-id.crfsuite`, trained by
`python -m bench.ner.train` on the Indonesian NER sets) and adds gazetteer names it missed; without the model
file it falls back to the rule recogniser alone. `merge_entities` groups the mentions of one event into
`kabar.records.Entity` records by the alias rules of `ner_alias`; `resolve` maps a name ("Putin", "Kremlin")
to one of those entities.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from kabar.extract import ner_alias
from kabar.extract.ner_lexicon import ENTITY_TYPES, Token, fold, is_title_word, tokenize_with_offsets
from kabar.extract.ner_rules import Casing, Span, gazetteer_spans, is_capitalised, rule_spans
from kabar.records import Document, Entity, Sentence


@dataclass(frozen=True, slots=True)
class Mention:
    """One place a document names an entity: `start`/`end` are character offsets into `Document.text`."""

    text: str
    type: str
    document: str
    sentence: int
    start: int
    end: int


def _sentences(doc: Document) -> list[Sentence]:
    if doc.sentences:
        return doc.sentences
    try:
        from kabar.text import split_sentences
    except ImportError:
        return _fallback_sentences(doc.text)
    return split_sentences(doc.text)


_FALLBACK_SENTENCE_RE = re.compile(r"[^\n]+?(?:[.!?]+[\"”’)]*(?=\s)|$)", re.MULTILINE)


def _fallback_sentences(text: str) -> list[Sentence]:
    """Lines cut after sentence punctuation; only used before `kabar.text` is importable."""
    sentences: list[Sentence] = []
    paragraph = 0
    last_end = 0
    for match in _FALLBACK_SENTENCE_RE.finditer(text):
        if not match.group().strip():
            continue
        if "\n\n" in text[last_end : match.start()]:
            paragraph += 1
        start = match.start() + len(match.group()) - len(match.group().lstrip())
        sentences.append(Sentence(len(sentences), match.group().strip(), start, match.end(), paragraph))
        last_end = match.end()
    return sentences


def _tagger():  # type: ignore[no-untyped-def]
    from kabar.extract.ner_crf import shipped_tagger

    return shipped_tagger()


def _trim(span: Span, words: list[str]) -> Span | None:
    """Drop title words and punctuation at the edges of a span; None when nothing name-like is left."""
    start, end = span.start, span.end
    while start < end and (is_title_word(words[start]) or not words[start][:1].isalnum()):
        start += 1
    while end > start and not words[end - 1][:1].isalnum():
        end -= 1
    if start >= end:
        return None
    if not any(is_capitalised(w) or w[:1].isdigit() for w in words[start:end]):
        return None  # kabar reads edited news: a name is capitalised somewhere
    return Span(start, end, span.type)


def sentence_spans(tokens: list[Token], casing: Casing) -> list[Span]:
    """Entity spans of one sentence: the CRF model's, plus gazetteer names it did not cover."""
    words = [t.text for t in tokens]
    tagger = _tagger()
    spans = tagger.spans(words, casing) if tagger is not None else rule_spans(tokens, casing)
    covered = [False] * len(words)
    for span in spans:
        for k in range(span.start, span.end):
            covered[k] = True
    for span in gazetteer_spans(words):
        if not any(covered[span.start : span.end]):
            spans.append(span)
    trimmed = [t for s in spans if (t := _trim(s, words)) is not None and t.type in ENTITY_TYPES]
    return sorted(trimmed, key=lambda s: s.start)


def find_mentions(doc: Document) -> list[Mention]:
    """Every person, organisation and place the document names, in text order."""
    sentences = _sentences(doc)
    tokenised = [tokenize_with_offsets(doc.text[s.start : s.end], s.start) for s in sentences]
    casing = Casing.of([[t.text for t in tokens] for tokens in tokenised])
    mentions: list[Mention] = []
    for sentence, tokens in zip(sentences, tokenised, strict=True):
        for span in sentence_spans(tokens, casing):
            start, end = tokens[span.start].start, tokens[span.end - 1].end
            mentions.append(Mention(doc.text[start:end], span.type, doc.id, sentence.index, start, end))
    return mentions


class _Forms:
    """Distinct mention forms (folded, titles stripped) with counts, types, surfaces and sources; union-find."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.count: Counter[str] = Counter()
        self.types: dict[str, Counter[str]] = defaultdict(Counter)
        self.surfaces: dict[str, Counter[str]] = defaultdict(Counter)
        self.sources: dict[str, set[str]] = defaultdict(set)
        for mention in mentions:
            surface = ner_alias.strip_titles(mention.text)
            key = fold(surface)
            if not key:
                continue
            self.count[key] += 1
            self.types[key][mention.type] += 1
            self.surfaces[key][surface] += 1
            self.sources[key].add(mention.document)
        self.parent = {key: key for key in self.count}

    def surface(self, key: str) -> str:
        return self.surfaces[key].most_common(1)[0][0]

    def type(self, key: str) -> str:
        return self.types[key].most_common(1)[0][0]

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


# A form must be used this many times to name its entity when some form of the entity is; a fuller form seen
# once is more often a tagging slip ("Kim Jong Un Putin" from a caption) than the real full name.
CANONICAL_MIN_MENTIONS = 2


def _canonical(forms: _Forms, members: list[str]) -> str:
    """The fullest form (most words), among the forms used at least twice where any is; ties by count."""
    frequent = [m for m in members if forms.count[m] >= CANONICAL_MIN_MENTIONS] or members
    return max(frequent, key=lambda k: (len(ner_alias.name_words(forms.surface(k))), forms.count[k], len(k)))


def merge_entities(docs: Sequence[Document], mentions: Sequence[Mention]) -> list[Entity]:
    """The entities of one event: mentions grouped by alias rules, each with its fullest name as `name`.

    Sorted by mention count (descending), then name.
    """
    del docs  # the mentions carry their document ids; kept in the signature for callers that pass both
    forms = _Forms(mentions)
    keys = sorted(forms.count, key=lambda k: (-forms.count[k], k))

    # 1. Known aliases and translated word order: same gazetteer entry, or the same translated words.
    by_gazetteer: dict[int, str] = {}
    by_translation: dict[frozenset[str], str] = {}
    for key in keys:
        surface = forms.surface(key)
        for entry_id in ner_alias.gazetteer_ids(surface):
            if entry_id in by_gazetteer:
                forms.union(by_gazetteer[entry_id], key)
            else:
                by_gazetteer[entry_id] = key
        if forms.type(key) != "PER":
            tkey = ner_alias.translation_key(surface)
            if tkey in by_translation:
                forms.union(by_translation[tkey], key)
            else:
                by_translation[tkey] = key

    # 2. Misspellings of long names, then abbreviations and name parts, each joined to the most mentioned
    # fuller form it fits (`keys` is ordered by count, so the first fit is the most mentioned).
    for i, key in enumerate(keys):
        for other in keys[:i]:
            if ner_alias.is_misspelling_of(forms.surface(key), forms.surface(other)):
                forms.union(other, key)
                break
    for key in keys:
        surface = forms.surface(key)
        for other in keys:
            if other == key:
                continue
            full = forms.surface(other)
            if ner_alias.is_acronym_of(surface, full) or ner_alias.is_syllable_abbreviation_of(surface, full):
                forms.union(other, key)
                break
            if (
                forms.type(key) == "PER"
                and forms.type(other) == "PER"
                and ner_alias.is_name_part_of(surface, full)
            ):
                forms.union(other, key)
                break

    groups: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        groups[forms.find(key)].append(key)
    entities: list[Entity] = []
    for members in groups.values():
        canonical = _canonical(forms, members)
        type_votes: Counter[str] = Counter()
        for member in members:
            type_votes.update(forms.types[member])
        name = forms.surface(canonical)
        aliases = sorted({s for m in members for s in forms.surfaces[m]} - {name}, key=str.casefold)
        sources = sorted({d for m in members for d in forms.sources[m]})
        total = sum(forms.count[m] for m in members)
        entities.append(Entity(name, type_votes.most_common(1)[0][0], aliases, sources, total))
    entities.sort(key=lambda e: (-e.mentions, e.name.casefold()))
    return entities


def resolve(name: str, entities: Sequence[Entity]) -> Entity | None:
    """The entity a name refers to ("Putin" -> Vladimir Putin, "Moscow" -> Moskow), or None.

    Tries, in order: the name or an alias exactly; a surname or first name of a person; a known alias from the
    gazetteer; a one-letter misspelling. Among several fits the most mentioned entity wins.
    """
    surface = ner_alias.strip_titles(name)
    key = fold(surface)
    if not key:
        return None
    ranked = sorted(entities, key=lambda e: (-e.mentions, e.name.casefold()))
    for entity in ranked:
        if key in {fold(entity.name), *(fold(a) for a in entity.aliases)}:
            return entity
    for entity in ranked:
        if entity.type == "PER" and ner_alias.is_name_part_of(surface, entity.name):
            return entity
    ids = ner_alias.gazetteer_ids(surface)
    if ids:
        for entity in ranked:
            if any(ids & ner_alias.gazetteer_ids(form) for form in (entity.name, *entity.aliases)):
                return entity
    for entity in ranked:
        forms = (entity.name, *entity.aliases)
        if any(ner_alias.is_misspelling_of(surface, form) for form in forms):
            return entity
    return None
