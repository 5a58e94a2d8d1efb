"""Organisation patterns: a capitalised name after an organisation head word ("Kementerian Perhubungan",
"Partai Konservatif", "PT Angkasa Pura II", "Universitas Semarang"), before an organisation tail ("Hamburger
SV", "Batara Band"), and a name spelt out before its acronym in brackets ("Sekolah Tinggi Kesejahteraan Sosial
( STKS )": both are one organisation, and the type of one is the type of the other).

Applied to the CRF's spans by `kabar.extract.entities` (`Corrections.org_patterns`); measured in
`bench/ner/ablation.py` and by cross-validation on NERGrit valid (`bench/ner/errors.py`).
"""

from __future__ import annotations

from collections.abc import Sequence

from kabar.extract.ner_crf import place_names
from kabar.extract.ner_lexicon import DEMONYMS, fold
from kabar.extract.ner_rules import Span, dictionary_words

# Head words that make the capitalised run after them an organisation's name. Narrower than
# `ner_lexicon.ORG_HEADS`: words that also head places or people's titles ("Kantor", "Rumah", "Stasiun",
# "Tim", "Pemerintah") are left out.
ORG_PATTERN_HEADS = frozenset(
    {
        "kementerian",
        "kemenko",
        "departemen",
        "partai",
        "pt",
        "cv",
        "universitas",
        "institut",
        "politeknik",
        "akademi",
        "badan",
        "komisi",
        "dewan",
        "majelis",
        "mahkamah",
        "lembaga",
        "yayasan",
        "koperasi",
        "persatuan",
        "perhimpunan",
        "ikatan",
        "asosiasi",
        "federasi",
        "kejaksaan",
        "kepolisian",
        "bank",
        "klub",
        "university",
        "institute",
        "ministry",
        "department",
        "party",
        "council",
        "commission",
        "foundation",
        "association",
        "federation",
    }
)
# Two-word heads whose first word alone is too vague ("Sekolah" heads schools NERGrit tags as places too).
ORG_PATTERN_HEAD_PAIRS = frozenset({("sekolah", "tinggi"), ("perguruan", "tinggi")})
# Indonesian football clubs are named "Persatuan Sepak Bola <town>" and written as one word starting with
# "Pers" ("Persib", "Persija", "Persebaya", "Persekabpas"); the dictionary keeps out common words ("persis").
CLUB_PREFIX = "Pers"
CLUB_NAME_LETTERS = (5, 12)
# Last words that make the capitalised run they end an organisation's name.
ORG_PATTERN_TAILS = frozenset(
    {
        "fc",
        "sv",
        "afc",
        "united",
        "band",
        "records",
        "corp",
        "corporation",
        "inc",
        "ltd",
        "llc",
        "plc",
        "tbk",
        "airlines",
        "airways",
        "orchestra",
        "group",
    }
)
# Lowercase words allowed inside a name ("Kementerian Energi dan Sumber Daya Mineral", "Bank of America").
CONNECTORS = frozenset({"dan", "&", "of", "the", "de", "van", "für", "untuk"})
# Capitalised words that end a name rather than continue it.
RUN_BREAKERS = frozenset({"No", "Nomor", "No."})
# Longest all-capital word read as an acronym.
ACRONYM_MAX_LETTERS = 8


def _capitalised(word: str) -> bool:
    """Starts with a capital, or is a number or Roman numeral inside a name ("PT Angkasa Pura II", "Sigma 6")."""
    return word[:1].isupper() or (word.isdigit() and len(word) <= 4)


def _run_end(words: Sequence[str], start: int) -> int:
    """End of the capitalised run from `start` (connectors allowed between capitalised words; "No" for
    "nomor" ends it: "Departemen Sosial RI No : 25")."""
    end = start
    n = len(words)
    while end < n and words[end] not in RUN_BREAKERS:
        name_word = _capitalised(words[end]) and words[end][:1].isalnum()
        connector = words[end].casefold() in CONNECTORS and end > start and end + 1 < n
        if not (name_word or (connector and _capitalised(words[end + 1]))):
            break
        end += 1
    return end


def _is_club_name(word: str) -> bool:
    low, high = CLUB_NAME_LETTERS
    return (
        word.startswith(CLUB_PREFIX)
        and low <= len(word) <= high
        and word[1:].islower()
        and word.casefold() not in dictionary_words()
    )


# English teams and bands are named by a capitalised plural after "the": "the Colts", "the Red Sox", "the Tar Heels",
# "the Rolling Stones". Not a place ("the Philippines", "the United States": the known place names) and not a
# people ("the Americans", "the Israelis": demonyms with their plural "s"). The article is lower case, or "The" opens
# the sentence. Chosen on ECB+ topics 1-35 (`bench.ner.english_ecbplus`:
# sports teams were the largest group of organisations missed); what it adds there was read by hand (BENCHMARKS).
TEAM_ARTICLE = "the"
TEAM_PLURAL_MIN_LETTERS = 4
TEAM_IRREGULAR_PLURALS = frozenset({"Sox"})
# Plurals after "the" that name events, awards, holidays and landforms rather than a team (read off the rule's output
# on ECB+: "the Oscars", "the Academy Awards", "the NBA Finals", "the Winter Meetings", "the Nuba Mountains").
NOT_TEAM_PLURALS = frozenset(
    {
        "Awards", "Oscars", "Emmys", "Grammys", "Tonys", "Globes", "Olympics", "Paralympics", "Games", "Finals",
        "Playoffs", "Championships", "Meetings", "Talks", "Elections", "Christmas", "Holidays", "Mountains",
        "Islands", "Hills", "Highlands", "Lakes", "Falls", "Springs", "Keys", "Heights", "Straits", "Alps",
        "Rockies", "Andes", "Himalayas", "Balkans", "Midlands", "Tropics", "Americas",
    }
)  # fmt: skip


def _is_team_plural(word: str) -> bool:
    if word in TEAM_IRREGULAR_PLURALS:
        return True
    return (
        len(word) >= TEAM_PLURAL_MIN_LETTERS
        and word[:1].isupper()
        and word[1:].islower()
        and word.endswith("s")
        and word.isalpha()
        and word not in NOT_TEAM_PLURALS
        and not word.endswith(("ss", "us", "is"))
        and word[:-1].casefold() not in DEMONYMS
    )


def _team_start(words: Sequence[str], start: int, end: int) -> int | None:
    """Where the team's name starts if the capitalised run words[start:end] is "the <...Plural>" (or opens a
    sentence with "The <...Plural>") and names no known place; None otherwise."""
    if start > 0 and words[start - 1] == TEAM_ARTICLE:
        first = start
    elif start == 0 and words[0] == TEAM_ARTICLE.capitalize() and end - start >= 2:
        first = 1
    else:
        return None
    if not _is_team_plural(words[end - 1]) or fold(" ".join(words[first:end])) in place_names()[0]:
        return None
    return first


def _initials(words: Sequence[str]) -> set[str]:
    letters = [w[0].upper() for w in words if w[:1].isalnum()]
    content = [w[0].upper() for w in words if w[:1].isalnum() and w.casefold() not in CONNECTORS]
    return {"".join(letters), "".join(content)}


def org_pattern_spans(words: Sequence[str]) -> list[Span]:
    """Organisation spans: from a head word to the end of its capitalised run ("Kedudukan [Sekolah Tinggi
    Kesejahteraan Sosial]", "Program Pascasarjana [Institut Pertanian Bogor]"), a whole run ending in a tail
    word ("[Hamburger SV]"), or a club name on its own ("Tim [Persib] U - 18")."""
    spans: list[Span] = []
    n = len(words)
    i = 0
    while i < n:
        if not (_capitalised(words[i]) and words[i][:1].isalpha()):
            i += 1
            continue
        end = _run_end(words, i)
        if end == i:  # a run breaker
            i += 1
            continue
        lowered = [w.casefold() for w in words[i:end]]
        head = next(
            (
                i + k
                for k, w in enumerate(lowered[:-1])
                if w in ORG_PATTERN_HEADS or tuple(lowered[k : k + 2]) in ORG_PATTERN_HEAD_PAIRS
            ),
            None,
        )
        # A head pair needs a name after it ("Sekolah Tinggi" alone is no organisation's name).
        paired = head is not None and tuple(lowered[head - i : head - i + 2]) in ORG_PATTERN_HEAD_PAIRS
        if head is not None and end - head >= (3 if paired else 2):
            spans.append(Span(head, end, "ORG", "rule"))
        elif end - i >= 2 and lowered[-1] in ORG_PATTERN_TAILS:
            spans.append(Span(i, end, "ORG", "rule"))
        elif (team := _team_start(words, i, end)) is not None:
            spans.append(Span(team, end, "ORG", "rule"))
        else:
            spans.extend(Span(k, k + 1, "ORG", "rule") for k in range(i, end) if _is_club_name(words[k]))
        i = end
    return spans


def acronym_pairs(words: Sequence[str]) -> list[tuple[Span, Span]]:
    """(spelt-out name, acronym) pairs written "Name Spelt Out ( NSO )"; the spans carry no type ("")."""
    pairs: list[tuple[Span, Span]] = []
    for k in range(1, len(words) - 2):
        if words[k] != "(" or words[k + 2] != ")":
            continue
        acronym = words[k + 1]
        if not (2 <= len(acronym) <= ACRONYM_MAX_LETTERS and acronym.isupper() and acronym.isalpha()):
            continue
        # The longest capitalised run ending just before the bracket whose initials spell the acronym.
        for start in range(max(0, k - len(acronym) - 3), k):
            if _run_end(words, start) == k and acronym in _initials(words[start:k]):
                pairs.append((Span(start, k, ""), Span(k + 1, k + 2, "")))
                break
    return pairs
