"""Named entities of documents: find the mentions, merge the aliases an event uses, resolve a name to its entity.

`find_mentions` tags each sentence with the shipped CRF model (`models/ner-id.crfsuite`, trained by
`python -m bench.ner.train` on the Indonesian NER sets), corrects its spans with the gazetteer and the
organisation patterns of `ner_orgs` (and, for text not in Indonesian, the title and head-word rules), then tags
the document's other uses of the names it found; without the model file the rule recogniser works alone. `merge_entities` groups the mentions of one event into
`kabar.records.Entity` records by the alias rules of `ner_alias`; `resolve` maps a name ("Putin", "Kremlin")
to one of those entities.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from kabar.extract import ner_alias
from kabar.extract.ner_crf import CrfTagger, shipped_tagger
from kabar.extract.ner_lexicon import (
    DEMONYMS,
    ENTITY_TYPES,
    LOC_HEADS,
    ORG_HEADS,
    Token,
    fold,
    given_names,
    is_role_word,
    possessive_length,
    tokenize_with_offsets,
)
from kabar.extract.ner_orgs import acronym_pairs, org_pattern_spans
from kabar.extract.ner_rules import NO_CASING, Casing, Span, is_capitalised, is_dictionary_word, rule_spans
from kabar.records import Document, Entity, Sentence
from kabar.text import split_sentences


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
    return doc.sentences or split_sentences(doc.text)


# Lowercase words allowed inside a name in edited text ("Georg von Trapp", "Bank of England", "Komsomolsk-on-Amur"
# is one token anyway).
NAME_INNER_LOWERCASE = frozenset(
    {"von", "van", "der", "den", "de", "du", "da", "bin", "binti", "al", "el", "of", "the", "la", "le", "y"}
)


def _has_alnum(word: str) -> bool:
    return any(c.isalnum() for c in word)


def _trim(span: Span, words: list[str], edge_words: bool) -> Span | None:
    """Drop punctuation at the edges of a span; None when nothing name-like is left. (Titles the model
    includes are otherwise left in the mention and stripped when aliases are merged.)

    With `edge_words` a span also loses titles, nationality adjectives and lowercase words at its start
    ("Ukrainian President Volodymyr Zelenskiy", "wilayah Amur") and is cut at the first lowercase word after its
    name ("Antonio Guterres said any"), since the model, trained on Indonesian, can run on into English words it
    has never seen.
    """
    start, end = span.start, span.end
    while start < end and not _has_alnum(words[start]):
        start += 1
    if edge_words:
        while start < end - 1 and (
            words[start][:1].islower() or is_role_word(words[start]) or words[start].casefold() in DEMONYMS
        ):
            start += 1
        for k in range(start + 1, end):
            if words[k][:1].islower() and words[k].casefold() not in NAME_INNER_LOWERCASE:
                end = k
                break
    while end > start and (
        not _has_alnum(words[end - 1]) or words[end - 1].casefold() in NAME_INNER_LOWERCASE
    ):
        end -= 1
    if start >= end:
        return None
    return Span(start, end, span.type)


@dataclass(frozen=True, slots=True)
class Corrections:
    """Which corrections of the model's spans `sentence_spans` applies (all by default; `bench.ner.ablation`
    measures each)."""

    # Known names replace shorter model spans and fill gaps ("Korea" -> "Korea Utara").
    gazetteer: bool = True
    # So do capitalised runs typed by a head word, a title, a given name or a verb of saying.
    rules: bool = True
    # A person span takes a given name just before it ("Jong-un" -> "Kim Jong-un").
    given_names: bool = True
    # Model spans lose titles, nationality adjectives and lowercase words at their edges ("wilayah Amur").
    edge_words: bool = True
    # A known name or rule span of the same extent as a model span decides its type.
    retype: bool = True
    # Organisation patterns (`ner_orgs`): a capitalised run after "Kementerian"/"Partai"/"PT"/... or before
    # "FC"/"Band"/... is one organisation, and a name and its acronym in brackets share a type.
    org_patterns: bool = True


ALL_CORRECTIONS = Corrections()
# For Indonesian, the language the model was trained on, only the corrections that do not cost F1 on the
# development files (`bench.ner.ablation`: the rules cost 0.7-2.6 macro F1, the edge-word cut -1.3 to +0.6,
# the gazetteer and given names -0.4 to +0.4; docs/BENCHMARKS.md (entities)). Text in other languages (English) gets
# all of them: there the model meets words it never saw and runs on into them ("Antonio Guterres said any").
# The organisation patterns (`ner_orgs`) are left out for Indonesian too: they help on NERGrit's Wikipedia-style
# text (valid cross-validation 62.4 -> 65.4 macro F1, optimistic since the rules were written from those errors)
# but cost 0.3-0.8 macro F1 on every development news file, also when those files' untagged organisations are
# counted as organisations (`bench.ner.ablation`; docs/BENCHMARKS.md (entities)). kabar reads news.
INDONESIAN_CORRECTIONS = Corrections(rules=False, edge_words=False, retype=False, org_patterns=False)


def corrections_for(language: str | None) -> Corrections:
    return INDONESIAN_CORRECTIONS if language in {"id", "ms", None} else ALL_CORRECTIONS


def sentence_spans(
    tokens: Sequence[Token],
    casing: Casing | None,
    tagger: CrfTagger | None = None,
    corrections: Corrections = INDONESIAN_CORRECTIONS,
) -> list[Span]:
    """Entity spans of one sentence: the CRF model's (the shipped one unless `tagger` is given) corrected by
    the gazetteer and the rules; the rules alone where no model is shipped.

    `casing` (how the document writes each word) lets the model read title-case headlines; None for lone
    sentences.
    """
    words = [t.text for t in tokens]
    tagger = tagger or shipped_tagger()
    rules = rule_spans(list(tokens), casing or NO_CASING)
    if tagger is None:
        spans = rules
    else:
        model = [t for s in tagger.spans(words, casing) if (t := _trim(s, words, corrections.edge_words))]
        spans = _corrected(model, words, rules, corrections)
        if corrections.org_patterns:
            spans = _with_org_patterns(spans, words)
    # The model's spans were trimmed before the corrections; known names and rule spans keep their words
    # ("European Union" starts with a nationality adjective), only edge punctuation goes.
    trimmed = [t for s in spans if (t := _trim(s, words, False)) is not None]
    return sorted((t for t in trimmed if t.type in ENTITY_TYPES), key=lambda s: s.start)


def _corrected(
    model: list[Span], words: list[str], rules: list[Span], corrections: Corrections
) -> list[Span]:
    """The model's spans corrected by what is known for sure: a gazetteer name or a rule with evidence that
    covers a model span and more replaces it ("Korea" -> "Korea Utara"), one the model missed is added, and
    a person span grows to take a given name just before it ("Jong-un" -> "Kim Jong-un")."""
    spans = list(model)
    trusted = {"gazetteer"} if corrections.gazetteer else set()
    if corrections.rules:
        trusted.add("rule")
    for known in sorted((r for r in rules if r.evidence in trusted), key=lambda r: r.start - r.end):
        overlapping = [s for s in spans if s.start < known.end and known.start < s.end]
        inside = all(known.start <= s.start and s.end <= known.end for s in overlapping)
        longer = not overlapping or any((s.end - s.start) < (known.end - known.start) for s in overlapping)
        retyped = corrections.retype and any(
            (s.start, s.end) == (known.start, known.end) and s.type != known.type for s in overlapping
        )
        if inside and (longer or retyped):
            spans = [s for s in spans if s not in overlapping] + [known]
    if not corrections.given_names:
        return spans
    given = given_names()
    grown: list[Span] = []
    taken = {k for s in spans for k in range(s.start, s.end)}
    for span in sorted(spans, key=lambda s: s.start):
        start = span.start
        while (
            span.type == "PER"
            and start > 0
            and start - 1 not in taken
            and is_capitalised(words[start - 1])
            and words[start - 1].casefold() in given
        ):
            start -= 1
            taken.add(start)
        grown.append(Span(start, span.end, span.type))
    return grown


def _with_org_patterns(spans: list[Span], words: list[str]) -> list[Span]:
    """An organisation pattern replaces the spans inside it (whatever their type) or fills a gap; then a name
    spelt out before its acronym in brackets lends its type to the acronym, and the acronym to the name."""
    out = list(spans)
    for pattern in org_pattern_spans(words):
        # A name of another kind the model found after the organisation's first two words ends it: "Partai
        # Demokrat [Anas Urbaningrum]" is a party and a person.
        cut = min(
            (s.start for s in out if s.type != "ORG" and pattern.start + 2 <= s.start < pattern.end),
            default=pattern.end,
        )
        pattern = Span(pattern.start, cut, pattern.type, pattern.evidence)
        overlapping = [s for s in out if s.start < pattern.end and pattern.start < s.end]
        if all(pattern.start <= s.start and s.end <= pattern.end for s in overlapping):
            out = [s for s in out if s not in overlapping] + [pattern]
    for name, acronym in acronym_pairs(words):
        typed = {(s.start, s.end): s.type for s in out}
        covered = {k for s in out for k in range(s.start, s.end)}
        name_type = typed.get((name.start, name.end))
        acronym_type = typed.get((acronym.start, acronym.end))
        if name_type and acronym.start not in covered:
            out.append(Span(acronym.start, acronym.end, name_type))
        elif acronym_type and not covered & set(range(name.start, name.end)):
            out.append(Span(name.start, name.end, acronym_type))
    return sorted(out, key=lambda s: s.start)


def tag_words(
    words: Sequence[str], tagger: CrfTagger | None = None, corrections: Corrections = INDONESIAN_CORRECTIONS
) -> list[str]:
    """IOB2 tags of a pre-tokenised sentence by the full recogniser (how `bench/ner` scores kabar)."""
    tokens = [Token(w, 0, 0) for w in words]
    tags = ["O"] * len(words)
    for span in sentence_spans(tokens, None, tagger, corrections):
        tags[span.start] = f"B-{span.type}"
        for k in range(span.start + 1, span.end):
            tags[k] = f"I-{span.type}"
    return tags


# A tagged form outvotes any number of times a word was seen only as part of a person's name (2 > 1).
NAME_VOTE = 2
NAME_PART_VOTE = 1


def _consistent_spans(
    tokenised: list[list[Token]], found: list[list[Span]], casing: Casing
) -> list[list[Span]]:
    """Add the places where a document repeats a name it was found to use but the tagger missed.

    A name tagged once ("Kim Jong Un", PER) is a name wherever the document writes it again, and so are the
    first and last word of a person's name ("Kim", "Putin") when the document never writes them in lowercase.
    """
    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for tokens, spans in zip(tokenised, found, strict=True):
        for span in spans:
            words = tuple(t.text for t in tokens[span.start : span.end])
            votes[words][span.type] += NAME_VOTE
            if span.type == "PER" and len(words) > 1:
                for part in (words[:1], words[-1:]):
                    if not casing.is_common(part[0]):
                        votes[part]["PER"] += NAME_PART_VOTE
    known = {words: kinds.most_common(1)[0][0] for words, kinds in votes.items() if is_capitalised(words[0])}
    longest = max((len(w) for w in known), default=0)
    result: list[list[Span]] = []
    for tokens, spans in zip(tokenised, found, strict=True):
        words = [t.text for t in tokens]
        covered = [False] * len(words)
        for span in spans:
            for k in range(span.start, span.end):
                covered[k] = True
        added = list(spans)
        i = 0
        while i < len(words):
            match = 0
            for length in range(min(longest, len(words) - i), 0, -1):
                candidate = tuple(words[i : i + length])
                if candidate in known and not any(covered[i : i + length]):
                    before_ok = i == 0 or not is_capitalised(words[i - 1]) or not words[i - 1][:1].isalpha()
                    after = i + length
                    after_ok = (
                        after == len(words)
                        or not is_capitalised(words[after])
                        or not words[after][:1].isalpha()
                    )
                    if before_ok and after_ok:
                        added.append(Span(i, i + length, known[candidate]))
                        match = length
                    break
            i += match or 1
        result.append(sorted(added, key=lambda s: s.start))
    return result


def _is_name(words: list[str]) -> bool:
    """False for spans of common words only ("kosmodrom", "Kosmodrom", "kota"): the model's slips on
    edited text, where a name has a capital and is not just a head word or a dictionary word."""
    if all(w.casefold() in LOC_HEADS or w.casefold() in ORG_HEADS or not _has_alnum(w) for w in words):
        return False
    return any(is_capitalised(w) or w[:1].isdigit() or not is_dictionary_word(w.casefold()) for w in words)


def find_mentions(doc: Document) -> list[Mention]:
    """Every person, organisation and place the document names, in text order."""
    sentences = _sentences(doc)
    tokenised = [tokenize_with_offsets(doc.text[s.start : s.end], s.start) for s in sentences]
    casing = Casing.of([[t.text for t in tokens] for tokens in tokenised])
    corrections = corrections_for(doc.language)
    found = [sentence_spans(tokens, casing, None, corrections) for tokens in tokenised]
    found = _consistent_spans(tokenised, found, casing)
    mentions: list[Mention] = []
    for sentence, tokens, spans in zip(sentences, tokenised, found, strict=True):
        for span in spans:
            if not _is_name([t.text for t in tokens[span.start : span.end]]):
                continue
            start, end = tokens[span.start].start, tokens[span.end - 1].end
            end -= possessive_length(doc.text[start:end])
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
    # fuller form it fits (`keys` is ordered by count, so the first fit is the most mentioned). Candidates come
    # from indexes (same words but one, same initials, same first letters, same first or last word), so an
    # event with thousands of distinct names still merges in well under a second.
    surface = {key: forms.surface(key) for key in keys}
    kind = {key: forms.type(key) for key in keys}
    words = {key: tuple(ner_alias.name_words(surface[key])) for key in keys}
    rank = {key: i for i, key in enumerate(keys)}

    # A misspelling keeps every other word, the first letter and the length within one of the word it changes.
    all_but_one: dict[tuple[int, tuple[str, ...], str, int], list[str]] = defaultdict(list)
    for key in keys:
        name = words[key]
        for i, word in enumerate(name):
            rest = name[:i] + name[i + 1 :]
            done = False
            for length in (len(word) - 1, len(word), len(word) + 1):
                for other in all_but_one.get((i, rest, word[0], length), ()):
                    if ner_alias.is_misspelling_of(surface[key], surface[other]):
                        forms.union(other, key)
                        done = True
                        break
                if done:
                    break
            all_but_one[(i, rest, word[0], len(word))].append(key)

    by_initials: dict[str, list[str]] = defaultdict(list)
    by_prefix: dict[str, list[str]] = defaultdict(list)
    by_edge_words: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for key in keys:
        all_words = fold(surface[key]).split()
        if len(all_words) > 1:
            by_initials["".join(w[0] for w in all_words)].append(key)
            by_initials["".join(w[0] for w in words[key])].append(key)
            by_prefix[words[key][0][: ner_alias.SYLLABLE_PIECE_MIN_CHARS]].append(key)
        if kind[key] == "PER":
            for size in range(1, len(words[key])):
                by_edge_words[words[key][:size]].append(key)
                by_edge_words[words[key][-size:]].append(key)
    for key in keys:
        short = surface[key]
        compact = fold(short).replace(" ", "")
        candidates = set(by_initials.get(compact, ())) | set(
            by_prefix.get(compact[: ner_alias.SYLLABLE_PIECE_MIN_CHARS], ())
        )
        if kind[key] == "PER":
            candidates |= set(by_edge_words.get(words[key], ()))
        for other in sorted(candidates - {key}, key=rank.__getitem__):
            full = surface[other]
            if ner_alias.is_acronym_of(short, full) or ner_alias.is_syllable_abbreviation_of(short, full):
                forms.union(other, key)
                break
            if kind[key] == "PER" and kind[other] == "PER" and ner_alias.is_name_part_of(short, full):
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
        aliases = sorted(
            {s for m in members for s in forms.surfaces[m]} - {name},
            key=lambda alias: (alias.casefold(), alias),
        )
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
