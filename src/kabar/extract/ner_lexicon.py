"""Word lists the entity recogniser and the alias merger share: the gazetteer, titles, head words, translations.

Everything here is general knowledge about Indonesian and English news text (how people are introduced, how
organisations and places are named), never a list fitted to a few articles. The gazetteer lives in
`models/gazetteer.tsv` so it can grow without touching code.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from kabar.text.calendar import CALENDAR_NAMES

ENTITY_TYPES = ("PER", "ORG", "LOC")

# Words that introduce a person's name ("Presiden Joko Widodo", "juru bicara Dmitry Peskov", "said Mr Smith").
# Lowercase; multiword titles are matched token by token, so each word of them is listed.
PERSON_TITLES = frozenset(
    [
        "presiden",
        "wapres",
        "wakil",
        "perdana",
        "menteri",
        "menlu",
        "menhan",
        "mendagri",
        "menkeu",
        "menkes",
        "jubir",
        "juru",
        "bicara",
        "gubernur",
        "wagub",
        "bupati",
        "wali",
        "walikota",
        "camat",
        "lurah",
        "ketua",
        "ketum",
        "wakil",
        "direktur",
        "dirut",
        "kepala",
        "sekretaris",
        "sekjen",
        "jenderal",
        "letjen",
        "mayjen",
        "brigjen",
        "jenderal",
        "kolonel",
        "kapten",
        "laksamana",
        "marsekal",
        "panglima",
        "kapolri",
        "kapolda",
        "kapolres",
        "kasad",
        "raja",
        "ratu",
        "pangeran",
        "putri",
        "sultan",
        "paus",
        "imam",
        "syekh",
        "kiai",
        "kyai",
        "ustaz",
        "ustadz",
        "habib",
        "pastor",
        "pendeta",
        "uskup",
        "senator",
        "anggota",
        "pemimpin",
        "pimpinan",
        "profesor",
        "prof",
        "dr",
        "drs",
        "ir",
        "pak",
        "bu",
        "bapak",
        "ibu",
        "tuan",
        "nyonya",
        "nona",
        "saudara",
        "mantan",
        "almarhum",
        "pelatih",
        "kapten",
        "penyerang",
        "bek",
        "kiper",
        "striker",
        "penyanyi",
        "aktor",
        "aktris",
        "artis",
        "sutradara",
        "penulis",
        "pengacara",
        "jaksa",
        "hakim",
        "terdakwa",
        "tersangka",
        "korban",
        "dokter",
        "analis",
        "pakar",
        "pengamat",
        "peneliti",
        "ekonom",
        "duta",
        "besar",
        "dubes",
        "konsul",
        "president",
        "vice",
        "prime",
        "minister",
        "secretary",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "governor",
        "mayor",
        "chairman",
        "chairwoman",
        "chair",
        "ceo",
        "cfo",
        "director",
        "general",
        "gen",
        "lt",
        "col",
        "maj",
        "sgt",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "sheikh",
        "rev",
        "senator",
        "sen",
        "rep",
        "congressman",
        "congresswoman",
        "leader",
        "professor",
        "mr",
        "mrs",
        "ms",
        "miss",
        "sir",
        "dame",
        "lord",
        "lady",
        "judge",
        "justice",
        "coach",
        "striker",
        "defender",
        "goalkeeper",
        "actor",
        "actress",
        "singer",
        "writer",
        "lawyer",
        "attorney",
        "prosecutor",
        "analyst",
        "expert",
        "economist",
        "ambassador",
        "envoy",
        "chancellor",
        "premier",
        "foreign",
        "defence",
        "defense",
    ]
)

# Verbs of saying after a name: "..., kata Guterres", "said Peskov".
SPEECH_VERBS = frozenset(
    [
        "kata",
        "ujar",
        "ucap",
        "tutur",
        "jelas",
        "ungkap",
        "papar",
        "tegas",
        "imbuh",
        "lanjut",
        "sebut",
        "tambah",
        "terang",
        "katanya",
        "ujarnya",
        "said",
        "says",
        "told",
        "added",
        "asked",
        "stated",
        "noted",
        "explained",
    ]
)

# First word of an organisation name.
ORG_HEADS = frozenset(
    [
        "universitas",
        "institut",
        "sekolah",
        "akademi",
        "politeknik",
        "kementerian",
        "kemenko",
        "departemen",
        "dinas",
        "badan",
        "komisi",
        "dewan",
        "majelis",
        "mahkamah",
        "pengadilan",
        "kejaksaan",
        "kepolisian",
        "polda",
        "polres",
        "polsek",
        "partai",
        "perusahaan",
        "pt",
        "cv",
        "bank",
        "yayasan",
        "lembaga",
        "asosiasi",
        "persatuan",
        "perhimpunan",
        "himpunan",
        "ikatan",
        "gerakan",
        "front",
        "organisasi",
        "koperasi",
        "kantor",
        "tim",
        "klub",
        "fc",
        "rumah",
        "harian",
        "majalah",
        "radio",
        "televisi",
        "stasiun",
        "grup",
        "kelompok",
        "pemerintah",
        "pemprov",
        "pemkot",
        "pemkab",
        "university",
        "institute",
        "college",
        "academy",
        "ministry",
        "department",
        "agency",
        "commission",
        "council",
        "committee",
        "court",
        "party",
        "company",
        "corporation",
        "bank",
        "foundation",
        "association",
        "union",
        "federation",
        "organization",
        "organisation",
    ]
)

# Last word of an organisation name ("Apple Inc", "Manchester United FC").
ORG_TAILS = frozenset(
    [
        "inc",
        "corp",
        "corporation",
        "co",
        "ltd",
        "llc",
        "plc",
        "group",
        "tbk",
        "university",
        "institute",
        "agency",
        "ministry",
        "party",
        "council",
        "committee",
        "association",
        "foundation",
        "bank",
        "airlines",
        "airways",
        "fc",
        "news",
        "times",
        "post",
        "herald",
    ]
)

# First word of a place name ("Kota Bandung", "Pulau Sebesi", "Kosmodrom Vostochny").
LOC_HEADS = frozenset(
    [
        "kota",
        "kabupaten",
        "kab",
        "provinsi",
        "kecamatan",
        "kelurahan",
        "desa",
        "dusun",
        "kampung",
        "pulau",
        "kepulauan",
        "gunung",
        "sungai",
        "danau",
        "laut",
        "selat",
        "teluk",
        "tanjung",
        "samudera",
        "samudra",
        "semenanjung",
        "lembah",
        "jalan",
        "jl",
        "bandara",
        "pelabuhan",
        "stasiun",
        "terminal",
        "kosmodrom",
        "gedung",
        "istana",
        "masjid",
        "gereja",
        "pura",
        "candi",
        "taman",
        "pantai",
        "benua",
        "wilayah",
        "kawasan",
        "distrik",
        "negara",
        "negeri",
        "lapangan",
        "stadion",
        "mount",
        "lake",
        "river",
        "sea",
        "gulf",
        "bay",
        "strait",
        "island",
        "islands",
        "cape",
        "peninsula",
        "valley",
        "street",
        "avenue",
        "airport",
        "port",
        "cosmodrome",
        "palace",
        "square",
        "park",
        "district",
        "province",
        "county",
        "city",
    ]
)

# Last word of a place name in English order ("Vostochny Cosmodrome", "Hudson River", "Kings County").
LOC_TAILS = frozenset(
    [
        "cosmodrome",
        "river",
        "lake",
        "sea",
        "ocean",
        "island",
        "islands",
        "mountains",
        "mountain",
        "peninsula",
        "valley",
        "street",
        "avenue",
        "airport",
        "port",
        "city",
        "county",
        "province",
        "district",
        "square",
        "park",
        "bay",
        "strait",
        "gulf",
        "region",
    ]
)

# Capitalised words that start sentences or headlines but are not names. Lowercase.
NOT_NAMES = (
    frozenset(
        [
            "a",
            "an",
            "the",
            "this",
            "that",
            "these",
            "those",
            "it",
            "he",
            "she",
            "they",
            "we",
            "i",
            "you",
            "his",
            "her",
            "their",
            "our",
            "its",
            "in",
            "on",
            "at",
            "of",
            "for",
            "to",
            "from",
            "by",
            "with",
            "and",
            "or",
            "but",
            "if",
            "when",
            "while",
            "after",
            "before",
            "as",
            "since",
            "so",
            "because",
            "although",
            "though",
            "however",
            "meanwhile",
            "also",
            "yang",
            "dan",
            "di",
            "ke",
            "dari",
            "pada",
            "untuk",
            "dengan",
            "dalam",
            "oleh",
            "itu",
            "ini",
            "ia",
            "dia",
            "mereka",
            "kami",
            "kita",
            "saya",
            "anda",
            "para",
            "sang",
            "si",
            "namun",
            "tetapi",
            "tapi",
            "sementara",
            "setelah",
            "sebelum",
            "ketika",
            "saat",
            "jika",
            "kalau",
            "karena",
            "meski",
            "meskipun",
            "walau",
            "walaupun",
            "bahkan",
            "juga",
            "lalu",
            "kemudian",
            "selain",
            "menurut",
            "bagi",
            "tentang",
            "seperti",
            "sebagai",
            "agar",
            "supaya",
            "hingga",
            "sampai",
            "sejak",
            "apakah",
            "mengapa",
            "kenapa",
            "bagaimana",
            "siapa",
            "apa",
            "kapan",
            "dimana",
            "di",
            "mana",
            "berapa",
            "ada",
            "tidak",
            "bukan",
            "belum",
            "sudah",
            "akan",
            "telah",
            "sedang",
            "masih",
            "baca",
            "juga",
            "editor",
            "penulis",
            "foto",
            "tags",
            "terkini",
            "terpopuler",
            "berita",
            "artikel",
            "halaman",
            "ok",
            "oke",
            "ya",
            "tak",
            "pun",
            "kedua",
            "dua",
            "tiga",
            "satu",
            "pertama",
            "hal",
            "acara",
            "kata",
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "agu",
            "agt",
            "aug",
            "sep",
            "sept",
            "okt",
            "oct",
            "nov",
            "des",
            "dec",
            "wib",
            "wita",
            "wit",
            "utc",
            "gmt",
        ]
    )
    | CALENDAR_NAMES
)

# English adjectives of nationality: "Russian President Vladimir Putin" names one person, not Russia.
DEMONYMS = frozenset(
    [
        "american",
        "russian",
        "chinese",
        "korean",
        "japanese",
        "indonesian",
        "british",
        "english",
        "french",
        "german",
        "italian",
        "spanish",
        "dutch",
        "ukrainian",
        "polish",
        "turkish",
        "iranian",
        "iraqi",
        "syrian",
        "israeli",
        "palestinian",
        "egyptian",
        "saudi",
        "indian",
        "pakistani",
        "afghan",
        "australian",
        "canadian",
        "mexican",
        "brazilian",
        "argentine",
        "malaysian",
        "singaporean",
        "thai",
        "vietnamese",
        "filipino",
        "burmese",
        "european",
        "african",
        "asian",
        "western",
        "eastern",
        "northern",
        "southern",
        "soviet",
        "arab",
        "muslim",
        "christian",
        "jewish",
        "catholic",
        "belarusian",
        "georgian",
        "swiss",
        "swedish",
        "norwegian",
        "danish",
        "finnish",
        "greek",
        "irish",
        "scottish",
        "welsh",
        "hungarian",
        "czech",
    ]
)

# Indonesian and English forms of words that recur in place and organisation names, mapped to one concept so
# "Korea Utara" and "North Korea", or "Kosmodrom Vostochny" and "Vostochny Cosmodrome", get the same key.
TRANSLATIONS: dict[str, str] = {
    "utara": "north",
    "selatan": "south",
    "timur": "east",
    "barat": "west",
    "tengah": "central",
    "tenggara": "southeast",
    "barat daya": "southwest",
    "timur laut": "northeast",
    "kosmodrom": "cosmodrome",
    "universitas": "university",
    "institut": "institute",
    "kementerian": "ministry",
    "departemen": "department",
    "dewan": "council",
    "komisi": "commission",
    "badan": "agency",
    "mahkamah": "court",
    "partai": "party",
    "kota": "city",
    "provinsi": "province",
    "pulau": "island",
    "kepulauan": "islands",
    "gunung": "mount",
    "sungai": "river",
    "danau": "lake",
    "laut": "sea",
    "samudera": "ocean",
    "samudra": "ocean",
    "teluk": "gulf",
    "selat": "strait",
    "semenanjung": "peninsula",
    "republik": "republic",
    "kerajaan": "kingdom",
    "federasi": "federation",
    "serikat": "united",
    "bersatu": "united",
    "persatuan": "union",
    "uni": "union",
    "nasional": "national",
    "internasional": "international",
    "bandara": "airport",
    "pelabuhan": "port",
    "istana": "palace",
    "gedung": "building",
    "lapangan": "square",
    "jalan": "street",
    "kepala": "head",
    "keamanan": "security",
    "pertahanan": "defence",
    "defense": "defence",
    "luar": "foreign",
    "negeri": "affairs",
    "bank": "bank",
}

# Words dropped before comparing names: articles and connectors ("The Telegraph" = "Telegraph").
NAME_FILLERS = frozenset(
    {"the", "of", "and", "dan", "de", "la", "le", "al", "el", "von", "van", "der", "bin"}
)

_TOKEN_RE = re.compile(r"\w+(?:[-'’.&]\w+)*|[^\w\s]", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark with its character offsets into the text it came from."""

    text: str
    start: int
    end: int


def tokenize_with_offsets(text: str, base: int = 0) -> list[Token]:
    """Words (keeping inner hyphens, apostrophes and dots: "Jong-un", "U.S") and punctuation, with offsets."""
    return [Token(m.group(), base + m.start(), base + m.end()) for m in _TOKEN_RE.finditer(text)]


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lowercase without diacritics, hyphens and apostrophes as spaces: the form names are compared in."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = re.sub(r"[-‐‑–—_/]", " ", stripped)
    stripped = re.sub(r"['’`.]", "", stripped)
    return " ".join(stripped.casefold().split())


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    type: str
    canonical: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Known names: every surface form (folded) -> indexes of its entries; the longest name in tokens."""

    entries: tuple[GazetteerEntry, ...]
    by_form: dict[str, tuple[int, ...]]
    capitals_only: frozenset[str]
    max_tokens: int

    def lookup(self, surface: str) -> list[GazetteerEntry]:
        """Entries whose canonical name or an alias is `surface`.

        Short aliases written in capitals ("AS", "MA", "PAN") only match in capitals, so the Indonesian word
        "as" or "pan" never becomes the United States or a party.
        """
        folded = fold(surface)
        ids = self.by_form.get(folded, ())
        if not ids:
            return []
        if folded in self.capitals_only and not surface.replace(".", "").isupper():
            return []
        return [self.entries[i] for i in ids]


# Aliases of at most this many characters that are written in capitals must match in capitals (calibrated by
# reading the gazetteer: every ambiguous abbreviation, "AS", "MA", "PAN", "DIY", "UN", is 3 letters or fewer).
SHORT_ALIAS_MAX_CHARS = 4


@cache
def gazetteer() -> Gazetteer:
    text = resources.files("kabar.extract").joinpath("models/gazetteer.tsv").read_text(encoding="utf-8")
    entries: list[GazetteerEntry] = []
    by_form: dict[str, list[int]] = {}
    capitals_only: set[str] = set()
    max_tokens = 1
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        kind, canonical = parts[0], parts[1]
        aliases = tuple(a for a in (parts[2].split("|") if len(parts) > 2 else []) if a)
        index = len(entries)
        entries.append(GazetteerEntry(kind, canonical, aliases))
        for form in (canonical, *aliases):
            folded = fold(form)
            if index not in by_form.setdefault(folded, []):
                by_form[folded].append(index)
            max_tokens = max(max_tokens, len(folded.split()))
            letters = form.replace(".", "")
            if len(letters) <= SHORT_ALIAS_MAX_CHARS and letters.isupper():
                capitals_only.add(folded)
    return Gazetteer(
        tuple(entries), {k: tuple(v) for k, v in by_form.items()}, frozenset(capitals_only), max_tokens
    )


@cache
def given_names() -> frozenset[str]:
    """Common given names (lowercase) from `models/given-names.txt`: a capitalised one usually starts a person."""
    text = resources.files("kabar.extract").joinpath("models/given-names.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


# English job and rank words that stand before a name in news ("Coroner Gary Hargrove", "Deputy Jerry Ortiz") and
# are not in PERSON_TITLES, whose words are also features of the trained model (adding there means retraining).
# Only cut from the edges of a found name and stripped when aliases merge; read off ECB+ topics 1-35, where they
# kept person mentions from matching the annotated names (`bench.ner.english_ecbplus`).
ENGLISH_ROLE_WORDS = frozenset(
    {
        "coroner", "deputy", "officer", "sergeant", "sgt", "inspector", "trooper", "detective", "constable",
        "sheriff", "agent", "commissioner", "superintendent", "capt", "lt", "cpl", "pvt", "aide", "manager",
        "receptionist", "comedian", "quarterback", "qb", "defenseman", "goalkeeper", "pitcher", "judge",
        "prosecutor", "attorney", "lawyer", "councilman", "councilwoman", "rep", "sen", "gov", "rev", "reverend",
    }
)  # fmt: skip


# An English possessive ends the word it names, not the name: "Obama's plan" names "Obama", "the Williams' house"
# names "Williams" (the tokenizer keeps the ending on the word).
_POSSESSIVE_RE = re.compile(r"(?<=\w)(?:['’]s|(?<=s)['’])$")


def possessive_length(text: str) -> int:
    """Characters of the possessive ending `text` ("'s", "’s", or the "'" of "Williams'"), 0 where there is none."""
    match = _POSSESSIVE_RE.search(text)
    return len(match.group(0)) if match else 0


def is_role_word(word: str) -> bool:
    """A title (`is_title_word`) or an English job or rank word standing before a name."""
    return is_title_word(word) or word.casefold().strip(".") in ENGLISH_ROLE_WORDS


def is_title_word(word: str) -> bool:
    """A title or role word, hyphenated ones included ("Secretary-General", "Wakil-Presiden")."""
    lower = word.casefold().strip(".")
    if lower in PERSON_TITLES:
        return True
    parts = [p for p in re.split(r"[-‐‑]", lower) if p]
    return len(parts) > 1 and all(p in PERSON_TITLES for p in parts)


COMPASS_WORDS = frozenset(
    {"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western"}
)
