"""Quote speakers resolved to the fullest name the event uses ("Putin" -> "Vladimir Putin", "Kremlin").

With the event's entities (from `kabar.extract.entities`) the NER step's `resolve` decides. Without them — or when
it finds nothing — the fallback looks for the longest capitalised name in the event's documents that ends with (or
starts with) the speaker's words: "Guterres" -> "Antonio Guterres", "Kim" -> "Kim Jong Un".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from kabar.extract.quotes import clean_name
from kabar.records import Document, Entity

# Longest name (in words) the fallback accepts as a person's full name; longer capitalised runs are a title or an
# organisation glued to the name ("Presiden Rusia Vladimir Putin").
MAX_NAME_WORDS = 3

# How often a longer name must occur before a speaker given by its first word is expanded to it.
MIN_PREFIX_RUN_COUNT = 2

_RUN = re.compile(r"(?<!\w)[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")


def _entity_resolver():  # type: ignore[no-untyped-def]
    try:
        from kabar.extract.entities import resolve
    except ImportError:  # the NER step is optional for the briefing
        return None
    return resolve


def _is_acronym(word: str) -> bool:
    """PBB, KCNA, NATO: an organisation, not a first name."""
    letters = [char for char in word if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


class SpeakerResolver:
    def __init__(self, documents: Sequence[Document], entities: Sequence[Entity] = ()) -> None:
        self.entities = list(entities)
        self.resolve_entity = _entity_resolver() if self.entities else None
        runs: Counter[str] = Counter()
        single: set[str] = set()
        found: list[str] = []
        for document in documents:
            for match in _RUN.finditer(document.text):
                words = match.group(0).split()
                if len(words) == 1:
                    before = document.text[max(0, match.start() - 2) : match.start()].strip()
                    if before and before[-1] not in '.!?"“':
                        single.add(words[0])
                found.append(match.group(0))
        for run in found:
            name = clean_name(run, single).split()
            # Every stretch of two or three words of the cleaned run is a candidate full name.
            for size in range(2, MAX_NAME_WORDS + 1):
                for start in range(0, len(name) - size + 1):
                    part = name[start : start + size]
                    if not _is_acronym(part[0]):
                        runs[" ".join(part)] += 1
        self.runs = runs
        # Candidate full names by their last word and by their first word, so that a lookup is not a scan.
        self.by_last: dict[str, list[str]] = {}
        self.by_first: dict[str, list[str]] = {}
        for run in sorted(runs):
            words = run.split()
            self.by_last.setdefault(words[-1], []).append(run)
            self.by_first.setdefault(words[0], []).append(run)
        self.single = single

    def entity_type(self, name: str) -> str | None:
        if self.resolve_entity is None:
            return None
        entity = self.resolve_entity(name, self.entities)
        return entity.type if entity is not None else None

    def __call__(self, speaker: str | None) -> str | None:
        if not speaker:
            return speaker
        words = speaker.split()
        if self.resolve_entity is not None:
            # The whole name first, then without its leading words ("Korea Utara KCNA" -> "KCNA").
            for start in range(len(words)):
                entity = self.resolve_entity(" ".join(words[start:]), self.entities)
                if entity is not None:
                    return entity.name
        best, best_key = speaker, (0, 0)
        for run in self.by_last.get(words[-1], []) + self.by_first.get(words[0], []):
            count = self.runs[run]
            run_words = run.split()
            if len(run_words) <= len(words) or len(run_words) > MAX_NAME_WORDS:
                continue
            if run_words[0] in self.single and run_words[0] not in words:
                continue  # "Rusia Vladimir Putin": a country the event names on its own, not a first name
            # A surname gains one word: the first name before it ("Putin" -> "Vladimir Putin").
            suffix = len(run_words) == len(words) + 1 and run_words[1:] == words
            # A first name ("Kim" -> "Kim Jong Un") only from a name the event repeats: a one-off run that starts
            # with the speaker ("Kremlin Dmitry Peskov") is an organisation before a person.
            prefix = run_words[: len(words)] == words and count >= MIN_PREFIX_RUN_COUNT
            if suffix or prefix:
                key = (count, len(run_words) if prefix else 0)
                if key > best_key:
                    best, best_key = run, key
        return best


__all__ = ["SpeakerResolver"]
