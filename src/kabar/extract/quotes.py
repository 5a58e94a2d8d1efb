"""Direct quotes and who said them, in Indonesian and English news prose.

Attribution forms handled (speaker after the quote, before it, or in a reporting clause around it):

- quote first: `"…," kata X` / `ujar X` / `ucap X` / `ungkap X` / `jelas X` / `tegas X` / `tutur X` / `tanya X`,
  `"…," said X`, `"…," X said`, `"…," kata X kepada wartawan`;
- speaker first: `X mengatakan, "…"`, `X menjawab, "…"`, `X said: "…"`, `X mengatakan bahwa … "…"`,
  `Menurut X, "…"`, `According to X, "…"`;
- a quote that runs over several sentences, and a second quoted span right after an attributed one
  (`"A," kata X. "B."`), which continues X's words.

Curly (“ ” „ « ») and straight double quote marks are both read. Scare quotes (a word or two in quote marks with no
speech verb around them) are not quotes and are skipped. The speaker returned here is the name as the text writes
it, with leading titles and roles removed ("Juru bicara Kremlin Dmitry Peskov" -> "Dmitry Peskov"); resolving it to
the fullest name the event uses is the briefing's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kabar.records import Document, Quote

# Fewer words than this inside quote marks is a scare quote or a term ("meresahkan", "win-win"), not a quote.
# Three keeps short real answers ("Mengapa di sini?") and drops one- or two-word terms; chosen by reading news copy.
MIN_QUOTE_WORDS = 3

# How far (characters) after a closing quote mark the attribution verb may start ("," + spaces); beyond that the
# words belong to a new clause.
MAX_GAP_AFTER_QUOTE = 4

# Speech verbs that follow a quote and precede the speaker ("…," kata Kim).
_AFTER_VERBS_ID = (
    "kata|katanya|ujar|ujarnya|ucap|ucapnya|ungkap|ungkapnya|jelas|jelasnya|tegas|tegasnya|tutur|tuturnya|"
    "terang|terangnya|imbuh|imbuhnya|tambah|tambahnya|sebut|sebutnya|papar|paparnya|lanjut|lanjutnya|"
    "tanya|seru|pungkas|pungkasnya|timpal|kilah|aku|bebernya|beber|lapor|tulis"
)
_AFTER_VERBS_EN = (
    "said|says|added|adds|told|asked|asks|explained|wrote|writes|stated|noted|insisted|replied|warned"
)
_AFTER_VERB = re.compile(rf"^\s*[,.]?\s*(?P<verb>{_AFTER_VERBS_ID}|{_AFTER_VERBS_EN})\b\s*", re.IGNORECASE)
# English inverted order: `"…," Peskov said` / `"…," the spokesman told reporters`.
_AFTER_NAME_VERBS = (
    rf"{_AFTER_VERBS_EN}|mengatakan|memberi tahu|memberitahu|memberitahukan|menambahkan|menjelaskan|menegaskan|"
    r"menuturkan|mengungkapkan|menyatakan|berkata"
)
_AFTER_NAME_VERB = re.compile(
    rf"^\s*,?\s*(?P<name>[^.;\"“”]{{2,100}}?)\s+(?P<verb>{_AFTER_NAME_VERBS})\b", re.IGNORECASE
)

# Speech verbs that stand between a speaker and the quote (Peskov mengatakan, "…").
_BEFORE_VERBS = (
    r"mengatakan|berkata|menjawab|menegaskan|menyatakan|menjelaskan|mengungkapkan|menambahkan|menyebut|"
    r"menyebutkan|menuturkan|mengucapkan|bertanya|menanyakan|menulis|melaporkan|memperingatkan|berujar|"
    r"said|says|told|asked|answered|replied|added|stated|wrote|warned|declared|explained"
)
_BEFORE_VERB = re.compile(rf"\b(?P<verb>{_BEFORE_VERBS})\b", re.IGNORECASE)
_ACCORDING_TO = re.compile(r"\b(?:menurut|according to)\s+(?P<who>[^,.;\"“”]{2,80})", re.IGNORECASE)

# Words of a role or title that stand before a name and are not part of it (lowercase compare). A run of capitalised
# words that starts with these is trimmed to the name after them.
TITLE_WORDS = frozenset(
    [
        "juru",
        "bicara",
        "jubir",
        "presiden",
        "wakil",
        "menteri",
        "sekretaris",
        "jenderal",
        "direktur",
        "ketua",
        "kepala",
        "pemimpin",
        "gubernur",
        "bupati",
        "wali",
        "kota",
        "walikota",
        "perdana",
        "duta",
        "besar",
        "dubes",
        "panglima",
        "kapolri",
        "kapolda",
        "kapolres",
        "kepolisian",
        "pejabat",
        "penasihat",
        "profesor",
        "prof",
        "dr",
        "ir",
        "haji",
        "hj",
        "mantan",
        "pendiri",
        "anggota",
        "senator",
        "jenderal",
        "kolonel",
        "mayor",
        "letnan",
        "komisaris",
        "ceo",
        "raja",
        "ratu",
        "pangeran",
        "paus",
        "uskup",
        "imam",
        "kiai",
        "ustaz",
        "menlu",
        "menhan",
        "mendagri",
        "president",
        "vice",
        "minister",
        "secretary",
        "general",
        "director",
        "chairman",
        "chairwoman",
        "chair",
        "head",
        "leader",
        "governor",
        "mayor",
        "prime",
        "ambassador",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "adviser",
        "advisor",
        "professor",
        "dr",
        "mr",
        "mrs",
        "ms",
        "sir",
        "former",
        "founder",
        "senator",
        "colonel",
        "major",
        "lieutenant",
        "commissioner",
        "chief",
        "king",
        "queen",
        "prince",
        "pope",
        "bishop",
        "deputy",
        "foreign",
        "defense",
        "defence",
        "national",
        "security",
        "state",
        "department",
        "white",
        "house",
    ]
)
# Portfolios that follow a minister's title ("Menteri Perdagangan Zulkifli Hasan") are part of the title.
PORTFOLIO_WORDS = frozenset(
    [
        "perdagangan",
        "keuangan",
        "pertahanan",
        "luar",
        "dalam",
        "negeri",
        "kesehatan",
        "pendidikan",
        "perhubungan",
        "pertanian",
        "agama",
        "sosial",
        "hukum",
        "ham",
        "bumn",
        "perindustrian",
        "koordinator",
        "kebudayaan",
        "pariwisata",
        "perikanan",
        "kelautan",
        "lingkungan",
        "kehutanan",
        "energi",
        "ketenagakerjaan",
        "komunikasi",
        "informatika",
        "kominfo",
        "perumahan",
        "investasi",
        "trade",
        "finance",
        "treasury",
        "justice",
        "interior",
        "health",
        "education",
        "transport",
        "agriculture",
        "energy",
        "commerce",
        "labor",
    ]
)

# Words inside a speaker phrase that end the name (what follows is circumstance, not speaker).
_NAME_STOP = re.compile(
    r"\s+(?:kepada|dalam|sambil|saat|ketika|di|pada|dari|seperti|usai|seusai|setelah|sebelum|lewat|melalui|"
    r"to|in|on|at|while|during|after|before|from|via|as|when)\b",
)  # case-sensitive on purpose: "AS" (Amerika Serikat) in a name is not the English "as"

_OPENERS = {"“": "”", "„": "“", "«": "»", '"': '"'}
_CAPITALISED_RUN = re.compile(
    r"(?<!\w)(?:[A-Z][\w.'’-]*|(?:bin|binti|al|van|de|der|von|da|el)\b)(?:\s+(?:[A-Z][\w.'’-]*|(?:bin|binti|al|van|de|der|von|da|el)\b))*(?<![.])"
)
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")

# Longest role phrase kept as a speaker when the text names nobody ("seorang pejabat senior AS").
MAX_ROLE_WORDS = 4
_DETERMINERS = frozenset(["the", "a", "an", "one", "seorang", "sang", "para", "sebuah", "itu", "tersebut"])
# Pronoun speakers stand for the last named speaker of the document.
PRONOUNS = frozenset(["dia", "ia", "beliau", "mereka", "he", "she", "they"])

# Generic speakers that quotes are attributed to without a name ("tanya wartawan").
GENERIC_SPEAKERS = {
    "wartawan": "wartawan",
    "para wartawan": "wartawan",
    "jurnalis": "wartawan",
    "reporter": "wartawan",
    "reporters": "reporters",
    "a reporter": "reporters",
}


@dataclass(slots=True)
class _Span:
    start: int  # offset of the opening mark in the paragraph
    end: int  # offset just after the closing mark
    text: str


def _quoted_spans(paragraph: str) -> list[_Span]:
    """Quoted stretches of a paragraph, outermost double quotes only (single quotes nest inside)."""
    spans: list[_Span] = []
    position = 0
    while position < len(paragraph):
        opener_at = -1
        opener = ""
        for mark in _OPENERS:
            found = paragraph.find(mark, position)
            if found != -1 and (opener_at == -1 or found < opener_at):
                opener_at, opener = found, mark
        if opener_at == -1:
            break
        closer = _OPENERS[opener]
        close_at = paragraph.find(closer, opener_at + 1)
        if opener == "“" and close_at == -1:
            close_at = paragraph.find('"', opener_at + 1)
        if close_at == -1:
            # An opened quote that never closes in this paragraph: it runs to the paragraph's end.
            close_at = len(paragraph)
        inner = paragraph[opener_at + 1 : close_at].strip()
        spans.append(_Span(opener_at, min(close_at + 1, len(paragraph)), inner))
        position = close_at + 1
    return spans


# Capitalised only because they open a sentence ("Bagi Kremlin …", "Namun Putin …"): never part of a name.
LEADING_FUNCTION_WORDS = frozenset(
    [
        "bagi",
        "dalam",
        "namun",
        "tetapi",
        "tapi",
        "sementara",
        "menurut",
        "kata",
        "ujar",
        "dan",
        "atau",
        "untuk",
        "dari",
        "dengan",
        "oleh",
        "pada",
        "saat",
        "ketika",
        "setelah",
        "sebelum",
        "sejak",
        "karena",
        "meski",
        "meskipun",
        "walau",
        "jika",
        "kalau",
        "bahwa",
        "para",
        "sang",
        "si",
        "kepada",
        "tentang",
        "terhadap",
        "the",
        "a",
        "an",
        "but",
        "and",
        "or",
        "for",
        "from",
        "with",
        "by",
        "at",
        "on",
        "in",
        "when",
        "after",
        "before",
        "since",
        "because",
        "while",
        "if",
        "that",
        "as",
        "of",
        "to",
    ]
)


def _strip_titles(phrase: str) -> str:
    words = phrase.split()
    while words and (
        words[0].lower().strip(",.") in TITLE_WORDS
        or words[0].lower().strip(",.") in LEADING_FUNCTION_WORDS
        or (len(words) > 2 and words[0].lower().strip(",.") in PORTFOLIO_WORDS)
    ):
        words.pop(0)
    return " ".join(words)


def clean_name(run: str, known_single: set[str]) -> str:
    """A capitalised run reduced to the name in it: titles, sentence-opening words and a leading organisation the
    text also uses alone are dropped ("Juru bicara Kremlin Dmitry Peskov" -> "Dmitry Peskov")."""
    return _trim_known_prefix(_strip_titles(run), known_single)


def _name_from_phrase(phrase: str, known_single: set[str]) -> str | None:
    """The speaker's name in an attribution phrase ("juru bicara Departemen Luar Negeri AS, Matthew Miller, …")."""
    phrase = _NAME_STOP.split(phrase, maxsplit=1)[0].strip(" ,.;:")
    if not phrase:
        return None
    lowered = phrase.lower()
    for generic, normal in GENERIC_SPEAKERS.items():
        if lowered == generic or lowered.startswith(generic + " ") or lowered.endswith(" " + generic):
            return normal
    parts = [part.strip() for part in phrase.split(",") if part.strip()]
    # A role first and the name after a comma: "juru bicara Kemlu AS, Matthew Miller".
    candidates = parts[1:] if len(parts) >= 2 and parts[0][:1].islower() else parts
    for part in candidates:
        runs = [_strip_titles(run.group(0)) for run in _CAPITALISED_RUN.finditer(part)]
        runs = [run for run in runs if run and run[:1].isupper()]
        if runs:
            # "the US ambassador Linda Thomas-Greenfield": a role first puts the name last.
            return _trim_known_prefix(runs[-1] if part[:1].islower() else runs[0], known_single)
    return _role_phrase(parts[0].split()[:MAX_ROLE_WORDS]) if parts else None


def _role_phrase(words: list[str]) -> str | None:
    """A speaker given only by role ("the ambassador", "seorang pejabat senior"), without its determiner."""
    words = [word.strip("'\"“”‘’") for word in words]
    words = [word for word in words if word]
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    if not words or any(word[:1].isdigit() for word in words):
        return None
    phrase = " ".join(words).strip(" ,.;:'\"“”‘’")
    return phrase or None


# A capitalised run this long before a speech verb is an organisation or place followed by a person's name
# ("Gedung Putih Jake Sullivan", "Federasi Rusia Vladimir Putin"); personal names in Indonesian and English news
# are two or three words, so the run is cut to its last PERSON_NAME_WORDS words.
LONG_RUN_WORDS = 4
PERSON_NAME_WORDS = 2


def _trim_known_prefix(run: str, known_single: set[str]) -> str:
    """Drop a leading organisation the document also uses alone ("Kremlin Dmitry Peskov" -> "Dmitry Peskov")."""
    words = run.split()
    while len(words) > 2 and words[0] in known_single:
        words.pop(0)
    if len(words) >= LONG_RUN_WORDS:
        words = words[-PERSON_NAME_WORDS:]
    return " ".join(words)


def _speaker_before(text_before: str, known_single: set[str]) -> str | None:
    """The subject of the last speech verb before a quote, in the same sentence."""
    according = list(_ACCORDING_TO.finditer(text_before))
    if according:
        return _name_from_phrase(according[-1].group("who"), known_single)
    verbs = list(_BEFORE_VERB.finditer(text_before))
    if not verbs:
        return None
    subject = text_before[: verbs[-1].start()]
    # The subject ends right before the verb, possibly with a short adverbial in between ("Putin dengan bangga").
    subject = re.split(r"[.;:!?]|,\s+(?=[a-z])", subject)[-1]
    lowered = subject.lower().strip()
    for generic, normal in GENERIC_SPEAKERS.items():
        if lowered.endswith(generic) or lowered.startswith(generic):
            return normal
    runs = [_strip_titles(run.group(0)) for run in _CAPITALISED_RUN.finditer(subject)]
    runs = [run for run in runs if run and run[:1].isupper()]
    if not runs:
        return _role_phrase(subject.split()[-MAX_ROLE_WORDS:])
    return _trim_known_prefix(runs[-1], known_single)


def _speaker_after(text_after: str, known_single: set[str]) -> tuple[str | None, bool]:
    """(speaker, found_attribution) from the words right after a closing quote mark."""
    match = _AFTER_VERB.match(text_after)
    if match and match.start("verb") <= MAX_GAP_AFTER_QUOTE:
        rest = text_after[match.end() :]
        rest = re.split(r"[.;!?\"“”]", rest, maxsplit=1)[0]
        return _name_from_phrase(rest, known_single), True
    match = _AFTER_NAME_VERB.match(text_after)
    if match:
        name = _name_from_phrase(match.group("name"), known_single)
        if name:
            return name, True
    return None, False


def _sentence_index(document: Document, offset: int) -> int | None:
    for sentence in document.sentences:
        if sentence.start <= offset < sentence.end:
            return sentence.index
    return None


def _standalone_names(text: str) -> set[str]:
    """Single capitalised words the text uses on their own mid-sentence ("… bagi Kremlin." -> "Kremlin")."""
    names: set[str] = set()
    for run in _CAPITALISED_RUN.finditer(text):
        words = run.group(0).split()
        start = run.start()
        if len(words) == 1 and start > 0 and text[start - 2 : start].strip() not in (".", "!", "?", ""):
            names.add(words[0])
    return names


def _sentence_start(paragraph: str, offset: int) -> int:
    """Offset where the sentence holding `offset` starts (after the last . ! ? outside quotes)."""
    cut = 0
    for match in re.finditer(r"[.!?][\"”’]?\s+", paragraph[:offset]):
        cut = match.end()
    return cut


def find_quotes(document: Document) -> list[Quote]:
    """Every direct quote in a clean document, with its speaker as written (titles removed) and sentence index."""
    quotes: list[Quote] = []
    known_single = _standalone_names(document.text)
    last_named: str | None = None
    offset = 0
    for paragraph in document.text.split("\n\n"):
        paragraph_start = document.text.find(paragraph, offset)
        offset = paragraph_start + len(paragraph)
        previous_speaker: str | None = None
        previous_end = -1
        for span in _quoted_spans(paragraph):
            words = _WORD.findall(span.text)
            text_after = paragraph[span.end :]
            sentence_start = _sentence_start(paragraph, span.start)
            text_before = paragraph[sentence_start : span.start]
            after_speaker, after_found = _speaker_after(text_after, known_single)
            before_speaker = _speaker_before(text_before, known_single) if text_before.strip() else None
            quote_first = not text_before.strip()
            if quote_first:
                speaker = after_speaker if after_found else None
            else:
                speaker = before_speaker or (after_speaker if after_found else None)
            attributed = speaker is not None
            if (
                not attributed
                and quote_first
                and previous_speaker is not None
                and previous_end >= 0
                and not paragraph[previous_end : span.start].strip()
            ):
                # "…," kata X. "More words." — a span right after an attributed one goes on with X's words.
                speaker = previous_speaker
                attributed = True
            if speaker is not None and speaker.lower() in PRONOUNS:
                speaker = last_named
                attributed = speaker is not None
            if not attributed or len(words) < MIN_QUOTE_WORDS:
                continue
            last_named = speaker
            text = span.text.strip().rstrip(",").strip()
            quotes.append(
                Quote(
                    speaker=speaker,
                    text=text,
                    source=document.id,
                    sentence=_sentence_index(document, paragraph_start + span.start + 1),
                )
            )
            previous_speaker = speaker
            # The attribution runs to the end of its sentence; a continuation span must start right there.
            tail = re.search(r"[.!?](?=\s|$)", text_after)
            previous_end = span.end + tail.end() if tail else len(paragraph)
    return quotes


__all__ = ["MIN_QUOTE_WORDS", "find_quotes"]
