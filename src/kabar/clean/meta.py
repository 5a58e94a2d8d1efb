"""Metadata that an article's own text gives: the outlet of a dateline, author and editor lines.

A dateline opens the first paragraph: "AKURAT.CO, ...", "Netizen.co.id - ...", "Jakarta, CNN Indonesia -- ...",
"JAKARTA, KOMPAS.com - ...", "TEMPO.CO, Jakarta - ...", "WASHINGTON (Reuters) - ...". Only forms that name an
outlet unambiguously yield one: a web-address-like name, a name in brackets after a place, or "Place, Outlet --".
A bare word before a colon or dash ("Moskow:", "Jakarta -") is a place and gives no outlet: unknown stays null.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kabar.clean import rules
from kabar.clean.dates import (
    WEEKDAYS,
    FoundDate,
    dates_and_rest,
    find_dates,
    has_digit,
    is_date_words,
    without_date_words,
)

# A name written like a web address: "KOMPAS.com", "AKURAT.CO", "Netizen.co.id", "WartaBulukumba.Com".
_DOMAIN = r"[A-Za-z0-9][A-Za-z0-9\-]*(?:\.[A-Za-z]{2,6}){1,2}"
# A double dash may come spaced ("Jakarta, CNN Indonesia - - Ribuan ...") where the copy went through a tokeniser.
_DASH = r"(?:-\s-|-{1,2}|–|—|:|\|)"
_PLACE = r"[A-Z][A-Za-z'’.\-]*(?:\s+[A-Z][A-Za-z'’.\-]*){0,2}"
# A brand written in words: "CNN Indonesia", "Bisnis Indonesia", "The Jakarta Post", "BBC News Indonesia".
_BRAND = r"(?:The\s+)?[A-Z][A-Za-z0-9&'’.]*(?:\s+[A-Z][A-Za-z0-9&'’.]*){0,3}"

# Before a web-address-like outlet the name itself marks the dateline, so the place may be longer: "TERMAS DE RIO
# HONDO, JUARA.net -" (MotoGP's Argentine round), "SAN LUIS OBISPO, KOMPAS.com -".
_LONG_PLACE = r"[A-Z][A-Za-z'’.\-]*(?:\s+[A-Z][A-Za-z'’.\-]*){0,4}"
# A place with its region, as Antara writes it: "Samarinda, Kalimantan Timur (ANTARA News) -", "Singkil, Aceh,
# (ANTARA News) -".
_PLACE_WITH_REGION = rf"{_PLACE}(?:\s*,\s*{_PLACE}){{0,2}}"

DOMAIN_DATELINE_RE = re.compile(
    rf"^(?:(?P<place1>{_LONG_PLACE})\s*,\s*)?(?P<outlet>{_DOMAIN})"
    rf"(?:\s*,\s*(?P<place2>{_PLACE})\s*{_DASH}|\s*(?:{_DASH}|,))\s*"
)
BRACKET_DATELINE_RE = re.compile(
    rf"^(?P<place>{_PLACE_WITH_REGION})\s*,?\s*\((?P<outlet>{_BRAND}|{_DOMAIN})\)\s*{_DASH}\s*"
)
PLACE_OUTLET_RE = re.compile(rf"^(?P<place>{_PLACE})\s*,\s*(?P<outlet>{_BRAND})\s*(?:--|-\s-|–|—)\s*")
PLACE_ONLY_RE = re.compile(rf"^(?P<place>{_PLACE})\s*(?:{_DASH})\s+")
# Parts of a domain-like name that show it is an abbreviation, not a web address ("U.S.", "a.m.").
_NOT_TLDS = frozenset({"m", "s", "a", "p"})
# Longest outlet name accepted from a dateline, in characters (longer prefixes are sentences, not names).
OUTLET_MAX_CHARS = 40


@dataclass(frozen=True, slots=True)
class Dateline:
    outlet: str | None
    place: str | None
    end: int


def _looks_like_domain(name: str) -> bool:
    parts = name.split(".")
    return len(parts) >= 2 and all(len(p) >= 2 for p in parts[1:]) and parts[-1].lower() not in _NOT_TLDS


def parse_dateline(line: str) -> Dateline | None:
    """The dateline opening `line`, or None where the line does not open with one."""
    match = DOMAIN_DATELINE_RE.match(line)
    if match and _looks_like_domain(match.group("outlet")) and len(match.group("outlet")) <= OUTLET_MAX_CHARS:
        return Dateline(match.group("outlet"), match.group("place1") or match.group("place2"), match.end())
    match = BRACKET_DATELINE_RE.match(line)
    if match:
        return Dateline(match.group("outlet").strip(), match.group("place"), match.end())
    match = PLACE_OUTLET_RE.match(line)
    if match and len(match.group("outlet")) <= OUTLET_MAX_CHARS:
        return Dateline(match.group("outlet").strip(), match.group("place"), match.end())
    match = PLACE_ONLY_RE.match(line)
    if match and is_outlet_brand_word(match.group("place")):
        return Dateline(match.group("place"), None, match.end())
    if match and len(match.group("place").split()) <= 2:
        return Dateline(None, match.group("place").rstrip("."), match.end())
    return None


# Words that news outlets build their names from ("Rimanews", "Jawapos", "Wartakota", "Beritasatu", "Sumutpos",
# "Harianjogja", "Tribunnews", "Radarbogor", "Infonews"), so a single such word before the dateline's dash is a name
# signing the article, not a place: no place name starts or ends with them.
_OUTLET_WORD_RE = re.compile(
    r"^(?:[a-z]{2,}(?:news|pos|post|times|media|online|today|daily|tv)"
    r"|(?:warta|berita|kabar|harian|tribun|radar|info)[a-z0-9]{2,})$",
    re.IGNORECASE,
)


def is_outlet_brand_word(name: str) -> bool:
    """Whether `name`, a single word opening a dateline ("Rimanews -"), is an outlet's name by how it is built."""
    return bool(_OUTLET_WORD_RE.match(name))


# A line that is nothing but a dateline, split off its paragraph by the page layout ("Netizen.co.id").
LONE_DATELINE_RE = re.compile(
    rf"^(?:{_PLACE}\s*,\s*)?{_DOMAIN}(?:\s*,\s*{_PLACE})?\s*(?:{_DASH}|,)?$"
    rf"|^{_PLACE}\s*,\s*{_BRAND}\s*(?:--|–|—)?$|^{_PLACE}\s*\({_BRAND}\)\s*{_DASH}?$"
)
CONTINUATION_RE = re.compile(r"^(?:-{1,2}|–|—|:|,)\s*\S")


def is_lone_dateline(line: str) -> bool:
    if not LONE_DATELINE_RE.match(line):
        return False
    return parse_dateline(line + " x") is not None or _looks_like_domain(line.split(",")[0].strip(" -–—:|"))


@dataclass(frozen=True, slots=True)
class Byline:
    role: str
    names: str

    @property
    def is_author(self) -> bool:
        return self.role in rules.AUTHOR_ROLES

    @property
    def is_editor(self) -> bool:
        return self.role in rules.EDITOR_ROLES


# Credits are separated by bars, slashes, bullets, semicolons, wide gaps, or a comma before the next labelled role
# ("Reporter: Budi Santoso, Editor: Ani").
_ROLES = "|".join(
    sorted((r.replace(" ", r"\s+") for r in rules.AUTHOR_ROLES | rules.EDITOR_ROLES), key=len, reverse=True)
)
_ROLE_WORD_RE = re.compile(rf"\b(?:{_ROLES})\b", re.IGNORECASE)  # every credit names its role
_SEGMENT_SPLIT_RE = re.compile(rf"\s*[|/•·]\s*|\s{{2,}}|\s*;\s*|\s*,\s*(?=(?:{_ROLES})\s*:)", re.IGNORECASE)


def parse_bylines(line: str) -> list[Byline] | None:
    """Author and editor credits in `line` ("Penulis: Budi | Editor: Ani"), or None where it is no byline."""
    limit = rules.WIRE_CREDIT_MAX_WORDS if rules.WIRE_CREDIT_RE.match(line) else rules.BYLINE_MAX_WORDS
    if len(line.split()) > limit or not _ROLE_WORD_RE.search(line):
        return None
    found: list[Byline] = []
    text = line.strip()
    dates = find_dates(text) if has_digit(text) else []
    # A date is a segment of its own, before or after the credit ("Rabu, 13 September 2023 10:15 WIB | Penulis:
    # Budi", "Oleh Budi - 14/09/2023"), never part of a name.
    for item in reversed(dates):
        text = f"{text[: item.start]} | {text[item.end :]}"
    for segment in _SEGMENT_SPLIT_RE.split(text):
        if not segment:
            continue
        match = rules.BYLINE_RE.match(segment)
        if match is None:
            if found or (dates and is_date_words(segment)):
                continue  # a date or an outlet beside the credit ("By Jane Doe | Reuters")
            return None
        role = re.sub(r"\s+", " ", match.group("role").lower())
        names = match.group("name").strip(" :-–—,.()[]")
        if dates and DATED_CREDIT_TAILS:
            names = _DATED_CREDIT_TAIL_RE.sub("", names).strip(" :-–—,.()[]")
        labelled = bool(re.match(r"\s*[:\-–—]", segment[match.end("role") :]))
        if not labelled and not _looks_like_names(names):
            # Without a colon, "Laporan kasus itu ..." or "By the time ..." is a sentence, not a credit.
            return None
        found.append(Byline(role, names))
    return found or None


# A credit with its date written after the name: "By Louis Jacobson on Monday, November 18th, 2019 at 11:04 a.m."
# (PolitiFact, blogs), "Oleh Budi Santoso pada Senin, 18 November 2019", "Oleh Budi, Senin, 18/11/2019". Once the date
# is cut out, the word that joins it ("on", "pada", a comma) and its weekday are left on the name; they go, so the
# line is a byline and its author is known. A switch: on the aeb pages 4 lines parse as bylines now (1 kept as body
# before, 3 removed without their author); of IndoSum's 39,240 paragraphs, ECB+'s and DUC 2004's lines none changes.
DATED_CREDIT_TAILS = True
_WEEKDAY_ALT = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_DATED_CREDIT_TAIL_RE = re.compile(
    rf"(?:\s+(?:on|pada|at)|\s*,)(?:\s+(?:{_WEEKDAY_ALT})\b\.?)?[\s,]*$", re.IGNORECASE
)


def _looks_like_names(text: str) -> bool:
    """ "Jane Doe and John Roe", "Budi S" — capitalised words, no sentence punctuation."""
    if rules.SENTENCE_END_RE.search(text) and not text.endswith("."):
        return False
    words = [w for w in re.split(r"[\s,]+", text) if w]
    if not words or len(words) > 8:
        return False
    return all(w[0].isupper() or w.lower() in _NAME_JOINERS or not w[0].isalpha() for w in words)


# Lower-case words that join names or the entries of a post's category list: "and" in English and Indonesian, the
# particles of Dutch, German, Arabic and Spanish names, and "and" in the Romance and German languages ("Brinquedos e
# Brincadeiras", "Arte y Cultura", "Sport und Freizeit"), which the meta lines of blogs in those languages use.
_NAME_JOINERS = frozenset(
    {"and", "dan", "&", "with", "bin", "binti", "van", "de", "der", "al", "el", "e", "y", "et", "und"}
)


# A date with a name beside it and nothing else is a post's meta line, written without "by": "November 20, 2019
# Emiliano Bellini", "Brent Co November 20, 2019 12:32", "Selasa, 12 Sep 2023 10:15 WIB Ahmad Fauzi", or with the
# post's categories after the name ("21/06/2014 Tony Carter All, Books, Kit Reviews, News"). Only a run of at most
# DATED_NAME_MAX_WORDS capitalised words without commas is taken as the author's name; a longer run dates the
# post but names nobody (unknown stays null). A name with a handle ("— Jane Doe (@janedoe) November 18, 2019") signs
# an embedded social-media post quoted in the body, not the article.
DATED_NAME_MAX_WORDS = 4
_SEPARATORS = " |/·•,-–—:()[]"

# A blog's meta line also carries its comment link, a count or a prompt, between or after the date and the
# categories ("Carlos Nadalim 27/09/2018 2 comentários Alfabetização, Música", "November 19, 2019 Leave a comment",
# "Admin 12/09/2023 0 Komentar Berita"): the same link in every WordPress-like theme and language. Cut out before the
# name test; a line left with nothing but its date and the link still dates the post (and names nobody). Since the
# aeb text set renders a post's inline meta items on one line (browser-faithful copy), 2 pages of one blog lost
# their date to this link.
COMMENT_LINKS_IN_META = True
_COMMENT_LINK_RE = re.compile(
    r"(?:\b(?:\d+|no|tidak\s+ada|sem|sin|aucun)\s+)?"
    r"\b(?:comments?|komentar|coment[aá]rios?|commentaires?|kommentare?|responses?|replies|tanggapan)\b"
    r"(?:\s*\(\d+\))?"
    r"|\b(?:leave\s+a\s+(?:comment|reply)|tulis\s+komentar|beri\s+komentar|comente|comentar|"
    r"deixe\s+(?:um|seu)\s+coment[aá]rio|deja\s+un\s+comentario|laisser\s+un\s+commentaire)\b!?",
    re.IGNORECASE,
)


def parse_dated_names(line: str) -> tuple[list[FoundDate], list[Byline]] | None:
    """The dates and the author of a date-and-name meta line without a role word, or None."""
    found = dates_and_rest(line)
    if found is None:
        return None
    dates, rest = found
    if COMMENT_LINKS_IN_META:
        rest, links = _COMMENT_LINK_RE.subn(" ", rest)
        if links and not re.search(r"[^\W\d_]", rest):
            return dates, []  # "November 19, 2019 Leave a comment": the post's date and its comment link
    labelled = re.search(r"[^\W\d_]\s*:", rest) is not None
    # "Jakarta Selatan, 14 September 2023", "Bandung, Rabu (13/9/2023)": a place set before its date with a comma, as
    # a dateline or a letter is signed.
    before = without_date_words(line[: dates[0].start]).rstrip(" ([")
    placed = before.endswith(",") and re.search(r"[^\W\d_]", before) is not None
    rest = re.sub(r"\s+", " ", rest).strip(_SEPARATORS)
    if "@" in rest or not re.search(r"[^\W\d_]", rest) or not _looks_like_names(rest):
        return None  # "— Jane Doe (@janedoe) November 18, 2019" signs an embedded post, which is body
    name = re.sub(r"\s*[|/·•–—]\s*", " ", rest).strip(_SEPARATORS)
    if "," in name or labelled or placed or len(name.split()) > DATED_NAME_MAX_WORDS or has_digit(name):
        # ":" labels a field ("Air Date: November 19, 2019"), a comma a place: neither is a person.
        return dates, []
    return dates, [Byline("by", name)]


# A dated line opening with a field label that is no publication word dates something else than the article: the
# document a figure comes from ("Source: Russian Defense Ministry, October 25, 2019"), a video's broadcast ("Air
# Date: November 19, 2019", listed under an article for each clip), an event ("Deadline: ..."). Such a date dates the
# article only when nothing else does (as an "Updated ..." line). Labels that do date the article are listed; any
# other label before the colon is a side field.
SIDE_DATE_FIELDS = True
_PUBLICATION_LABELS = frozenset(
    {
        "published", "posted", "updated", "last updated", "modified", "last modified", "date", "dated", "created",
        "first published", "published on", "posted on", "updated on", "publish date", "publication date",
        "diterbitkan", "dipublikasikan", "diperbarui", "diperbaharui", "terbit", "tayang", "tanggal", "publikasi",
        "update", "waktu", "publicado", "atualizado", "publicado em", "actualizado", "veröffentlicht", "publié",
    }
)  # fmt: skip
_FIELD_LABEL_RE = re.compile(r"^\W{0,3}(?P<label>[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,2})\s*:")


def is_side_date_field(line: str) -> bool:
    """Whether a dated `line` opens with a field label that is no publication word (see SIDE_DATE_FIELDS)."""
    match = _FIELD_LABEL_RE.match(line) if SIDE_DATE_FIELDS else None
    return match is not None and match.group("label").lower() not in _PUBLICATION_LABELS


# A page prints its own headline again between the headline and the body: in a share box, over the lead photo. A
# browser copy prints such a box's label and the headline on one line ("Share All sharing options for: <headline>",
# the share menu of Vox Media's sites; "Now reading: <headline>", "Share: <headline>"), so a line ending with the
# headline behind a label closed by a colon repeats it as much as an exact copy does. Not behind a breadcrumb's
# separator: a trail ends with the section as often as with the headline ("BLOG > Weight Loss > Weight Loss Tips"
# under the menu entry "Weight Loss Tips" gave that entry the bonus on one aeb page).
REPEAT_AFTER_LABEL = True
_REPEAT_LABEL_END_RE = re.compile(r":\s*$")


def repeats_headline(line: str, headline: str) -> bool:
    """Whether `line` prints `headline` again: the same text, or the text behind a label (see REPEAT_AFTER_LABEL)."""
    if line == headline:
        return True
    if not REPEAT_AFTER_LABEL or len(line) <= len(headline) or not line.endswith(headline):
        return False
    return _REPEAT_LABEL_END_RE.search(line[: -len(headline)]) is not None


# Titles copied from a <title> often end with the outlet: "Headline - Kompas.com", "Headline | CNN Indonesia".
TITLE_SUFFIX_RE = re.compile(rf"\s+(?:\||-|–|—)\s+(?P<outlet>{_DOMAIN}|{_BRAND})\s*$")
