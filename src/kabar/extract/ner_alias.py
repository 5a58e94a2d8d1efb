"""Alias rules: when two names written differently in one event are the same entity.

Each rule is general knowledge about how Indonesian and English news shorten and vary names, applied to the
names one event actually uses: acronyms ("AS" = "Amerika Serikat", "PBB" = "Perserikatan Bangsa-Bangsa"),
syllable abbreviations ("Korut" = "Korea Utara", "Jabar" = "Jawa Barat"), translated word order ("Kosmodrom
Vostochny" = "Vostochny Cosmodrome"), a surname or first name for the full name ("Putin", "Kim"), a one-letter
misspelling of a rare name ("Shogu" = "Shoigu"), and the gazetteer's known aliases ("Moskow" = "Moscow").
"""

from __future__ import annotations

from kabar.extract.ner_lexicon import (
    DEMONYMS,
    NAME_FILLERS,
    TRANSLATIONS,
    fold,
    gazetteer,
    is_role_word,
    possessive_length,
)

# Shortest word (in letters) a one-letter misspelling may be accepted in: shorter names differ by one letter
# far too often for real ("Iran"/"Iraq", "Kim"/"Kin"); 5 keeps "Shogu"/"Shoigu" and "Peskov"/"Peskob".
MISSPELLING_MIN_CHARS = 5
# Shortest syllable abbreviation accepted ("Korut", "Jabar", "Sulsel"); 3-letter ones collide with words.
SYLLABLE_ABBREVIATION_MIN_CHARS = 4
# Each piece of a syllable abbreviation is at least this long ("Kor"+"ut"); one-letter pieces are acronyms.
SYLLABLE_PIECE_MIN_CHARS = 2


def strip_titles(name: str) -> str:
    """Drop leading titles, lowercase edge words and a trailing possessive: "Presiden Vladimir Putin's" ->
    "Vladimir Putin", "wilayah Amur timur" -> "Amur"."""
    words = name.split()
    while len(words) > 1 and (
        is_role_word(words[0]) or words[0][:1].islower() or words[0].casefold() in DEMONYMS
    ):
        words.pop(0)  # titles and lowercase lead words: "Presiden Putin", "wilayah Amur"
    while len(words) > 1 and words[-1][:1].islower() and words[-1].casefold() not in NAME_FILLERS:
        words.pop()  # "Amur timur"
    text = " ".join(words)
    text = text[: len(text) - possessive_length(text)]
    return text.strip(" ,.;:-\"'“”‘’()")


def name_words(name: str) -> list[str]:
    """Folded words of a name without connectors ("The Telegraph" -> ["telegraph"])."""
    words = fold(name).split()
    kept = [w for w in words if w not in NAME_FILLERS]
    return kept or words


def translation_key(name: str) -> frozenset[str]:
    """Order-free key of a name with Indonesian geo/organisation words translated ("Korea Utara" = "North Korea")."""
    return frozenset(TRANSLATIONS.get(w, w) for w in name_words(name))


def gazetteer_ids(name: str) -> frozenset[int]:
    gaz = gazetteer()
    folded = fold(name)
    ids = gaz.by_form.get(folded, ())
    if folded in gaz.capitals_only and not name.replace(".", "").replace(" ", "").isupper():
        return frozenset()
    return frozenset(ids)


def is_acronym_of(short: str, full: str) -> bool:
    """ "AS" of "Amerika Serikat", "PBB" of "Perserikatan Bangsa-Bangsa", "UN" of "United Nations"."""
    letters = short.replace(".", "")
    if not (2 <= len(letters) <= 8 and letters.isupper() and letters.isalpha()):
        return False
    all_words = fold(full).split()
    if len(all_words) < 2:
        return False
    target = letters.casefold()
    with_fillers = "".join(w[0] for w in all_words)
    without_fillers = "".join(w[0] for w in all_words if w not in NAME_FILLERS)
    return target in {with_fillers, without_fillers}


def is_syllable_abbreviation_of(short: str, full: str) -> bool:
    """ "Korut" of "Korea Utara", "Jabar" of "Jawa Barat": the word is a prefix of each word in turn."""
    if " " in short.strip():
        return False
    target = fold(short).replace(" ", "")
    words = name_words(full)
    if len(target) < SYLLABLE_ABBREVIATION_MIN_CHARS or len(words) < 2:
        return False

    def split(rest: str, k: int) -> bool:
        if k == len(words):
            return rest == ""
        word = words[k]
        for size in range(min(len(word), len(rest)), SYLLABLE_PIECE_MIN_CHARS - 1, -1):
            if rest[:size] == word[:size] and split(rest[size:], k + 1):
                return True
        return False

    return split(target, 0)


def edit_distance_at_most_one(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


def is_misspelling_of(a: str, b: str) -> bool:
    """Same words but one, which differs by one letter in a long enough word ("Sergei Shogu"/"Sergei Shoigu")."""
    wa, wb = name_words(a), name_words(b)
    if len(wa) != len(wb) or wa == wb:
        return False
    differing = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
    if len(differing) != 1:
        return False
    x, y = differing[0]
    if min(len(x), len(y)) < MISSPELLING_MIN_CHARS or not edit_distance_at_most_one(x, y):
        return False
    if x[0] != y[0]:
        return False  # slips rarely hit the first letter; names that differ there are usually distinct

    # Two different known names ("Gambia"/"Zambia") are never a misspelling of one another.
    ids_a, ids_b = gazetteer_ids(a), gazetteer_ids(b)
    return not (ids_a and ids_b and not ids_a & ids_b)


def is_name_part_of(part: str, full: str) -> bool:
    """ "Putin" of "Vladimir Putin", "Kim" of "Kim Jong Un", "Jong Un" no: the part starts or ends the name."""
    wp, wf = name_words(part), name_words(full)
    if len(wp) >= len(wf):
        return False
    return wf[: len(wp)] == wp or wf[-len(wp) :] == wp
