"""Publication times written the way Indonesian and English news sites write them.

Parses a date (and, where given, a time and a zone) out of a short line such as "14 September 2023, 21:31 WIB",
"Kamis, 14/09/2023 10:15 WIB", "Rabu (13/9/2023)", "Sel Sep 12 , 2023", "September 12, 2023 10:15 AM ET" or
"2023-09-14T21:31:00+07:00", and returns ISO 8601. A date with a time and a known zone becomes a full timestamp
with its UTC offset; a date without a zone stays a bare date ("2023-09-12"): kabar never invents an offset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

from kabar.text.calendar import MONTH_ALTERNATION, MONTH_NUMBERS, WEEKDAY_ABBREVIATIONS, WEEKDAY_NUMBERS

WEEKDAYS: tuple[str, ...] = (*WEEKDAY_NUMBERS, *WEEKDAY_ABBREVIATIONS)

# Offsets in minutes. Only abbreviations that are unambiguous in news datelines; "IST" or "CST" are left out
# because they name several zones, and an unknown zone leaves the time without an offset (a bare date).
ZONES: dict[str, int] = {
    "wib": 7 * 60, "wita": 8 * 60, "wit": 9 * 60,
    "utc": 0, "gmt": 0, "z": 0,
    "et": -5 * 60, "est": -5 * 60, "edt": -4 * 60, "pt": -8 * 60, "pst": -8 * 60, "pdt": -7 * 60,
    "bst": 60, "cet": 60, "cest": 120, "jst": 9 * 60, "kst": 9 * 60, "sgt": 8 * 60, "myt": 8 * 60,
    "aest": 10 * 60, "aedt": 11 * 60, "msk": 3 * 60,
}  # fmt: skip

_MONTH_ALT = MONTH_ALTERNATION
_ZONE_ALT = "|".join(sorted((z for z in ZONES if z != "z"), key=len, reverse=True))

_TIME = (
    r"(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)(?:[:.](?P<second>[0-5]\d))?"
    r"(?:\s*(?P<ampm>[ap]\.?m\.?))?"
    rf"(?:\s*(?P<zone>{_ZONE_ALT})\b|\s*(?P<offset>(?:GMT|UTC)?\s*[+-]\d{{1,2}}(?::?\d{{2}})?))?"
)
_TIME_RE = re.compile(_TIME, re.IGNORECASE)

_ISO_RE = re.compile(
    r"(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)"
    r"(?:[T ](?P<hour>[0-2]\d):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d)(?:\.\d+)?)?"
    r"\s*(?P<offset>Z|[+-]\d\d:?\d\d)?)?"
)
# The end of a year: a word boundary, or a clock time glued on. A site that prints its date and its time in two
# elements without a space between them copies as one word ("Nov 15, 20195:45 AM", Slate; "14 Sep 202310:15 WIB"):
# the year is the first four digits when a time follows. Session 8: the browser-faithful aeb rendering glues them on
# 2 aeb pages of two sites (one labelled day more right, one unlabelled page dated).
_YEAR_END = r"(?:\b|(?=[01]?\d[:.][0-5]\d(?!\d)))"
# 14 September 2023 / 14 Sep. 2023 / 14-Sep-2023
_DMY_NAME_RE = re.compile(
    rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?[\s\-]+(?P<month>{_MONTH_ALT})\.?[\s\-,]+(?P<year>(?:19|20)\d\d){_YEAR_END}",
    re.IGNORECASE,
)
# September 12, 2023 / Sep 12 , 2023
_MDY_NAME_RE = re.compile(
    rf"\b(?P<month>{_MONTH_ALT})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s*,?\s*(?P<year>(?:19|20)\d\d){_YEAR_END}",
    re.IGNORECASE,
)
# 14/09/2023, 13/9/2023, 14-09-2023, 14.09.2023
_NUMERIC_RE = re.compile(r"\b(?P<a>[0-3]?\d)[/.\-](?P<b>[01]?\d)[/.\-](?P<year>(?:19|20)\d\d)\b")


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date found in text: ISO 8601 value, whether it carries a time with offset, and where it was."""

    iso: str
    has_offset: bool
    start: int
    end: int


def _offset_minutes(zone: str | None, offset: str | None) -> int | None:
    if zone:
        return ZONES.get(zone.lower())
    if offset:
        text = offset.upper().replace("GMT", "").replace("UTC", "").replace(" ", "")
        if text == "Z":
            return 0
        match = re.fullmatch(r"([+-])(\d{1,2}):?(\d{2})?", text)
        if not match:
            return None
        sign = -1 if match.group(1) == "-" else 1
        return sign * (int(match.group(2)) * 60 + int(match.group(3) or 0))
    return None


def _build(day: date, time_match: re.Match[str] | None) -> tuple[str, bool]:
    if time_match is None:
        return day.isoformat(), False
    hour = int(time_match.group("hour"))
    minute = int(time_match.group("minute"))
    second = int(time_match.group("second") or 0)
    ampm = (time_match.group("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    zone = (time_match.group("zone") or "").lower()
    if zone in _DST_ZONES:
        named = _zone_offset(_DST_ZONES[zone], day, hour, minute)
        if named is not None:
            moment = datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=named)
            return moment.isoformat(), True
    offset = _offset_minutes(time_match.group("zone"), time_match.group("offset"))
    if offset is None:
        # A time without a zone cannot be placed on the UTC line: keep only the date.
        return day.isoformat(), False
    moment = datetime(
        day.year, day.month, day.day, hour, minute, second, tzinfo=timezone(timedelta(minutes=offset))
    )
    return moment.isoformat(), True


# "ET" and "PT" name a zone whose offset depends on the date (daylight saving): resolved with the tz database
# where the system has it, else the fixed standard offset from ZONES.
_DST_ZONES: dict[str, str] = {"et": "America/New_York", "pt": "America/Los_Angeles"}


def _zone_offset(name: str, day: date, hour: int, minute: int) -> timezone | None:
    try:
        from zoneinfo import ZoneInfo
    except ImportError:  # pragma: no cover - Python 3.9+ always has it
        return None
    try:
        zone = ZoneInfo(name)
    except (KeyError, ValueError, OSError):
        return None
    offset = datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone).utcoffset()
    return timezone(offset) if offset is not None else None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# How far after a date a time may start ("14 September 2023, 21:31 WIB", "Sep 12, 2023 | 10:15 AM ET").
TIME_WINDOW_CHARS = 12


def _time_after(text: str, end: int) -> re.Match[str] | None:
    gap = re.match(
        r"[\s,|\-–—]*(?:pukul|jam|at|pkl\.?)?\s*", text[end : end + TIME_WINDOW_CHARS], re.IGNORECASE
    )
    start = end + (gap.end() if gap else 0)
    match = _TIME_RE.match(text, start)
    return match


def _time_before(text: str, start: int) -> re.Match[str] | None:
    """A time written before its date: "10:15 AM EDT, Tue September 12, 2023"."""
    window = text[max(0, start - 40) : start]
    matches = list(_TIME_RE.finditer(window))
    if not matches:
        return None
    last = matches[-1]
    between = window[last.end() :]
    if re.fullmatch(rf"[\s,|\-–—]*(?:(?:{'|'.join(WEEKDAYS)})\.?,?\s*)?(?:on\s+)?", between, re.IGNORECASE):
        return last
    return None


def find_dates(text: str, *, day_first: bool = True) -> list[FoundDate]:
    """Every date in `text`, in order. `day_first` reads 04/05/2023 as 4 May (Indonesian, British)."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []

    def overlaps(start: int, end: int) -> bool:
        return any(start < b and a < end for a, b in taken)

    for match in _ISO_RE.finditer(text):
        day = _safe_date(int(match.group("year")), int(match.group("month")), int(match.group("day")))
        if day is None:
            continue
        if match.group("hour") and match.group("offset"):
            offset = _offset_minutes(None, match.group("offset"))
            moment = datetime(
                day.year, day.month, day.day, int(match.group("hour")), int(match.group("minute")),
                int(match.group("second") or 0), tzinfo=timezone(timedelta(minutes=offset or 0)),
            )  # fmt: skip
            found.append(FoundDate(moment.isoformat(), True, match.start(), match.end()))
        else:
            found.append(FoundDate(day.isoformat(), False, match.start(), match.end()))
        taken.append(match.span())
    for pattern in (_DMY_NAME_RE, _MDY_NAME_RE):
        for match in pattern.finditer(text):
            if overlaps(*match.span()):
                continue
            month = MONTH_NUMBERS[match.group("month").lower().rstrip(".")]
            day = _safe_date(int(match.group("year")), month, int(match.group("day")))
            if day is None:
                continue
            time_match = _time_after(text, match.end()) or _time_before(text, match.start())
            iso, has_offset = _build(day, time_match)
            end = time_match.end() if time_match and time_match.start() > match.start() else match.end()
            found.append(FoundDate(iso, has_offset, match.start(), end))
            taken.append((match.start(), end))
    for match in _NUMERIC_RE.finditer(text):
        if overlaps(*match.span()):
            continue
        first, second = int(match.group("a")), int(match.group("b"))
        day_part, month_part = (first, second) if day_first else (second, first)
        if month_part > 12 and day_part <= 12:
            day_part, month_part = month_part, day_part
        day = _safe_date(int(match.group("year")), month_part, day_part)
        if day is None:
            continue
        # The time may stand before a numeric date too: "5:45 AM PST 11/19/2019 by Patrick Shanley" (The Hollywood
        # Reporter), "10:15 WIB, 14/09/2023".
        time_match = _time_after(text, match.end()) or _time_before(text, match.start())
        iso, has_offset = _build(day, time_match)
        end = time_match.end() if time_match and time_match.start() > match.start() else match.end()
        found.append(FoundDate(iso, has_offset, match.start(), end))
        taken.append((match.start(), end))
    found.sort(key=lambda item: item.start)
    return found


def normalise_timestamp(value: str | None) -> str | None:
    """A container's or a meta tag's time as ISO 8601; None when it cannot be read."""
    if not value:
        return None
    value = value.strip()
    dates = find_dates(value)
    if not dates:
        return None
    return dates[0].iso


_DATE_WORDS_RE = re.compile(
    rf"\b(?:{'|'.join(WEEKDAYS)}|{_MONTH_ALT}|{_ZONE_ALT}|pukul|jam|wib|published|updated|diperbarui|"
    r"diterbitkan|dipublikasikan|posted|on|at|am|pm|a\.m|p\.m|last|modified|update|terbit|tayang|ago|lalu|yang|"
    r"hours?|minutes?|mins?|days?|menit|detik|hari)\b\.?",
    re.IGNORECASE,
)


# A site name written like a web address may precede the date on its line ("Kompas.com - 02/12/2023, 08:45 WIB").
_OUTLET_NAME_RE = re.compile(r"\b[A-Za-z][\w-]*(?:\.[A-Za-z]{2,6}){1,2}\b")


def without_date_words(text: str) -> str:
    """`text` without weekdays, months, zones, times and words such as "Published" ("Bandung, Rabu (" -> "Bandung, (")."""
    return _TIME_RE.sub(" ", _DATE_WORDS_RE.sub(" ", text))


def is_date_words(text: str) -> bool:
    """Whether `text` holds no word but weekdays, months, zones, times and words such as "Published" ("Rabu,")."""
    return re.search(r"[^\W\d_]", without_date_words(text)) is None


_ANY_DIGIT_RE = re.compile(r"\d")


def has_digit(text: str) -> bool:
    """Whether `text` holds a decimal digit (a line without one holds no date). One regex scan, not a generator over
    every character: this runs on every line of every page."""
    return _ANY_DIGIT_RE.search(text) is not None


# The longest line read as a meta line (a date with a name, a comment link, categories beside it), in characters.
# 90 before session 8; a browser copy prints a blog post's inline meta items on one line, and with its categories
# such a line runs longer ("Carlos Nadalim 23/08/2018 2 comentários Alfabetização, Atividades, Brinquedos e
# Brincadeiras", 92). Callers still test what is left beside the dates (one word at most for a date line, names
# only for a dated-name line), which keeps sentences out.
META_LINE_MAX_CHARS = 120


def dates_and_rest(line: str) -> tuple[list[FoundDate], str] | None:
    """The dates in a short `line` and what is left of it without them, their times, weekdays and words such as
    "Published" or "WIB" ("Brent Co November 20, 2019 12:32" -> "Brent Co"); None without a date."""
    if len(line) > META_LINE_MAX_CHARS or not has_digit(line):
        return None
    found = _dates_and_rest(line)
    if found is None:
        return None
    return list(found[0]), found[1]


# Cached (session 8 speed): the date-line, byline and dated-name rules ask it of the same line two or three times
# (104,000 calls for 28,000 lines on the 181 aeb pages). The answer depends on the line alone (the length bound,
# a switch the tests change, is checked before); the dates come back as a tuple of frozen FoundDates, and
# `dates_and_rest` hands each caller a list of its own.
@lru_cache(maxsize=4096)
def _dates_and_rest(line: str) -> tuple[tuple[FoundDate, ...], str] | None:
    dates = find_dates(line)
    if not dates:
        return None
    rest = line
    for item in reversed(dates):
        rest = rest[: item.start] + " " + rest[item.end :]
    rest = _OUTLET_NAME_RE.sub(" ", rest)
    rest = _DATE_WORDS_RE.sub(" ", rest)
    rest = _TIME_RE.sub(" ", rest)
    return tuple(dates), rest


def date_line_value(line: str) -> FoundDate | None:
    """The date when `line` is essentially nothing but a date ("Kamis, 14/09/2023 10:15 WIB"), else None."""
    found = dates_and_rest(line)
    if found is None:
        return None
    dates, rest = found
    leftover = re.findall(r"[^\W\d_]+", rest)
    if len(leftover) > 1:
        return None
    return dates[0]
