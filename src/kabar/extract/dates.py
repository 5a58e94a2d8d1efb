"""Temporal expressions in Indonesian and English news, resolved against the document's publication time.

Explicit dates ("Rabu (13/9/2023)", "14 September 2023", "Sep 12, 2023", "13/9"), weekdays relative to publication
("pada hari Minggu", "Selasa", "Rabu pagi", "on Tuesday"), relative expressions ("kemarin", "besok", "dua hari
lalu", "pekan lalu", "bulan depan", "last month", "yesterday") and months ("pada bulan Juli", "in July",
"September 2023").

Resolution never looks at today's date, so the result is the same on every machine and every day. The anchor is
the document's publication date; where that is unknown, the latest full explicit date the text itself gives (news
copy dates itself in datelines and "dikutip Kamis (14/9/2023)"); with neither, only absolute dates are returned
unless the caller passes an anchor (the briefing passes the event's earliest known date).

Direction: news reports the past, so a bare weekday or month means the most recent one on or before the anchor,
unless future words sit next to it ("akan", "mendatang", "depan", "next", "will").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from kabar.records import Document
from kabar.text.calendar import MONTH_ALTERNATION, MONTH_NUMBERS, WEEKDAY_NUMBERS

Granularity = Literal["day", "week", "month", "year"]


NUMBER_WORDS = {
    "satu": 1,
    "se": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
    "sepuluh": 10,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "a": 1,
}

# Words right before or after an expression that turn a bare weekday or month towards the future.
_FUTURE_CONTEXT = re.compile(
    r"\b(akan|mendatang|depan|nanti|rencananya|dijadwalkan|will|next|upcoming|scheduled|expected)\b",
    re.IGNORECASE,
)
# Words right after an expression that put it in the past ("3 Januari lalu", "last Monday" is handled apart).
_PAST_CONTEXT = re.compile(r"^\W{0,3}(lalu|silam|kemarin|ago|earlier|last)\b", re.IGNORECASE)
# A day and month without a year that falls this soon after the publication date is an upcoming date (a session,
# a deadline), not last year's: news names coming dates weeks ahead, and past ones by weekday or "last".
NEAR_FUTURE_DAYS = 60
# How many characters either side of an expression the future words are looked for: about four words, the span
# of "akan ... pada hari Senin" in news prose.
FUTURE_CONTEXT_CHARS = 30

_MONTH_NAMES = MONTH_ALTERNATION
_WEEKDAY_NAMES = "|".join(sorted(WEEKDAY_NUMBERS, key=len, reverse=True))
_PART_OF_DAY = r"(?:\s+(?:pagi|siang|sore|petang|malam|dini\s+hari|morning|afternoon|evening|night))?"


@dataclass(slots=True)
class DateMention:
    """A temporal expression in a document and the date it stands for.

    `date` is ISO: YYYY-MM-DD for a day (a week is given by its Monday), YYYY-MM for a month, YYYY for a year.
    `start`/`end` are character offsets into `Document.text`; `sentence` the index of the sentence holding it.
    `relative` is True when the date was worked out from the anchor, not read off the text.
    """

    date: str
    granularity: Granularity
    expression: str
    start: int
    end: int
    sentence: int | None = None
    relative: bool = False


_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # Rabu (13/9/2023), Kamis (14/9), 13/9/2023, 13-9-2023
    (
        "numeric",
        re.compile(
            rf"(?:\b(?P<wd>{_WEEKDAY_NAMES})\b{_PART_OF_DAY}\s*,?\s*)?\(?\b(?P<d>\d{{1,2}})[/-](?P<m>\d{{1,2}})"
            rf"(?:[/-](?P<y>\d{{4}}|\d{{2}}))?\b\)?",
            re.IGNORECASE,
        ),
    ),
    # 14 September 2023, Kamis, 14 Sept. 2023, 13 September
    (
        "day_month",
        re.compile(
            rf"(?:\b(?P<wd>{_WEEKDAY_NAMES})\b\s*,?\s*)?\b(?P<d>\d{{1,2}})\s+(?P<mn>{_MONTH_NAMES})\b\.?"
            rf"(?:\s*,?\s*(?P<y>\d{{4}}))?",
            re.IGNORECASE,
        ),
    ),
    # September 14, 2023 / Sep 12 , 2023
    (
        "month_day",
        re.compile(
            rf"\b(?P<mn>{_MONTH_NAMES})\b\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s*,?\s*(?P<y>\d{{4}}))?",
            re.IGNORECASE,
        ),
    ),
    # (pada) bulan Juli (2023), September 2023, in July
    (
        "month",
        re.compile(
            rf"(?:\b(?:pada\s+)?bulan\s+(?P<mn1>{_MONTH_NAMES})\b(?:\s+(?P<y1>\d{{4}}))?)"
            rf"|(?:\b(?P<mn2>{_MONTH_NAMES})\s+(?P<y2>\d{{4}})\b)"
            rf"|(?:\b(?:in|since|until|by)\s+(?P<mn3>{_MONTH_NAMES})\b(?:\s+(?P<y3>\d{{4}}))?)",
            re.IGNORECASE,
        ),
    ),
    # kemarin, kemarin lusa, hari ini, besok, lusa, tadi malam, semalam, yesterday, today, tomorrow, tonight
    (
        "relative_day",
        re.compile(
            r"\b(?P<rel>kemarin\s+lusa|kemarin|hari\s+ini|besok|lusa|tadi\s+malam|tadi\s+pagi|semalam|"
            r"yesterday|today|tomorrow|tonight|last\s+night)\b" + _PART_OF_DAY,
            re.IGNORECASE,
        ),
    ),
    # dua hari lalu / 3 hari yang lalu / two days ago / dua pekan lalu / 3 weeks ago
    (
        "ago",
        re.compile(
            r"\b(?P<n>\d{1,2}|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|one|two|three|four|"
            r"five|six|seven|eight|nine|ten|a)\s+(?P<unit>hari|pekan|minggu|bulan|tahun|days?|weeks?|months?|years?)"
            r"\s+(?:yang\s+)?(?P<dir>lalu|silam|ago|lagi|mendatang|kemudian)\b",
            re.IGNORECASE,
        ),
    ),
    # pekan lalu, minggu depan, bulan lalu, bulan depan, tahun lalu, last week, next month, this year
    (
        "relative_unit",
        re.compile(
            r"\b(?:(?P<unit>pekan|minggu|bulan|tahun)\s+(?P<dir>lalu|depan|ini|mendatang|kemarin)"
            r"|(?P<dir_en>last|next|this)\s+(?P<unit_en>week|month|year))\b",
            re.IGNORECASE,
        ),
    ),
    # pada tahun 2013 / in 2013 / tahun 2013
    (
        "year",
        re.compile(r"\b(?:(?:pada\s+)?tahun|in|since|sejak)\s+(?P<y>(?:19|20)\d{2})\b", re.IGNORECASE),
    ),
    # (pada) hari Minggu, Selasa, Rabu pagi, on Tuesday, last Monday
    (
        "weekday",
        re.compile(
            rf"(?:\b(?:pada\s+)?(?:hari\s+)|\b(?:on|last|next|this)\s+)?\b(?P<wd>{_WEEKDAY_NAMES})\b{_PART_OF_DAY}",
            re.IGNORECASE,
        ),
    ),
]


def _anchor_of(document: Document) -> date | None:
    if document.published:
        try:
            return datetime.fromisoformat(document.published.replace("Z", "+00:00")).date()
        except ValueError:
            pass
    latest: date | None = None
    for mention in _scan(document.text, None):
        if mention.granularity == "day" and not mention.relative:
            value = date.fromisoformat(mention.date)
            if latest is None or value > latest:
                latest = value
    return latest


def publication_anchor(document: Document) -> date | None:
    """The date relative expressions in `document` are read against (publication date, else latest explicit)."""
    return _anchor_of(document)


def _year_for(
    month: int, day: int | None, anchor: date | None, future: bool, past: bool = False
) -> int | None:
    """The year of a day/month given without one: the most recent occurrence at or before the anchor, unless the
    text looks ahead, or a day falls within NEAR_FUTURE_DAYS after the anchor with no past marker ("the assembly
    convenes again Nov. 25", written on Nov. 3)."""
    if anchor is None:
        return None
    year = anchor.year
    candidate = (month, day or 1)
    if day is not None and not future and not past:
        upcoming = _valid_day(year, month, day) or _valid_day(year + 1, month, day)
        if upcoming is not None and upcoming < anchor:
            upcoming = _valid_day(year + 1, month, day)
        if upcoming is not None and 0 < (upcoming - anchor).days <= NEAR_FUTURE_DAYS:
            return upcoming.year
    if future:
        return year if candidate >= (anchor.month, anchor.day if day else 1) else year + 1
    return year if candidate <= (anchor.month, anchor.day) else year - 1


def _is_future(text: str, start: int, end: int) -> bool:
    window = text[max(0, start - FUTURE_CONTEXT_CHARS) : end + FUTURE_CONTEXT_CHARS]
    return bool(_FUTURE_CONTEXT.search(window))


def _valid_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _week_monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _minggu_is_week(text: str, start: int, end: int) -> bool:
    """'Minggu' is Sunday or 'week': a number before it, or lalu/depan/ini after it, or lowercase means week."""
    word = text[start:end]
    if word[:1].islower() and word.lower().startswith("minggu"):
        return True
    before = text[max(0, start - 12) : start].lower()
    after = text[end : end + 12].lower()
    if re.search(r"(\d|satu|dua|tiga|empat|lima|se|dalam|per|tiap|setiap|beberapa)\s*$", before):
        return True
    return bool(re.match(r"\s+(lalu|depan|ini|mendatang|kemarin|terakhir|pertama)\b", after))


def _scan(text: str, anchor: date | None) -> list[DateMention]:
    mentions: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(value: str, granularity: Granularity, start: int, end: int, relative: bool) -> None:
        taken.append((start, end))
        mentions.append(DateMention(value, granularity, text[start:end].strip(), start, end, None, relative))

    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if not free(start, end) or not match.group(0).strip():
                continue
            future = _is_future(text, start, end)
            if kind in ("numeric", "day_month", "month_day"):
                if kind == "numeric":
                    day, month = int(match["d"]), int(match["m"])
                    if not (1 <= month <= 12):
                        continue
                    # A bare "13/9" without a weekday or parentheses is too often a score or a ratio.
                    if match["y"] is None and match["wd"] is None and "(" not in match.group(0):
                        continue
                else:
                    day, month = int(match["d"]), MONTH_NUMBERS[match["mn"].lower()]
                if match["y"]:
                    # Two-digit years occur only in numeric dates ("13/9/23").
                    year = int(match["y"]) + (2000 if len(match["y"]) == 2 else 0)
                    relative = False
                else:
                    past = bool(_PAST_CONTEXT.match(text[end : end + 12]))
                    found_year = _year_for(month, day, anchor, future, past)
                    if found_year is None:
                        continue
                    year, relative = found_year, True
                value = _valid_day(year, month, day)
                if value:
                    add(value.isoformat(), "day", start, end, relative)
            elif kind == "month":
                name = match["mn1"] or match["mn2"] or match["mn3"]
                given_year = match["y1"] or match["y2"] or match["y3"]
                if (
                    name.lower() in ("may", "mar", "jan", "jun", "jul", "des", "sep")
                    and not name[0].isupper()
                ):
                    continue  # "may", "mar" as words, not months
                month = MONTH_NUMBERS[name.lower()]
                if given_year:
                    add(f"{int(given_year):04d}-{month:02d}", "month", start, end, False)
                else:
                    found_year = _year_for(month, None, anchor, future)
                    if found_year is not None:
                        add(f"{found_year:04d}-{month:02d}", "month", start, end, True)
            elif kind == "relative_day" and anchor is not None:
                rel = re.sub(r"\s+", " ", match["rel"].lower())
                offset = {
                    "kemarin lusa": -2,
                    "kemarin": -1,
                    "hari ini": 0,
                    "besok": 1,
                    "lusa": 2,
                    "tadi malam": -1,
                    "tadi pagi": 0,
                    "semalam": -1,
                    "yesterday": -1,
                    "today": 0,
                    "tomorrow": 1,
                    "tonight": 0,
                    "last night": -1,
                }[rel]
                add((anchor + timedelta(days=offset)).isoformat(), "day", start, end, True)
            elif kind == "ago" and anchor is not None:
                raw = match["n"].lower()
                count = int(raw) if raw.isdigit() else NUMBER_WORDS[raw]
                sign = 1 if match["dir"].lower() in ("lagi", "mendatang", "kemudian") else -1
                unit = match["unit"].lower()
                if unit.startswith(("hari", "day")):
                    add((anchor + timedelta(days=sign * count)).isoformat(), "day", start, end, True)
                elif unit.startswith(("pekan", "minggu", "week")):
                    shifted = _week_monday(anchor + timedelta(weeks=sign * count))
                    add(shifted.isoformat(), "week", start, end, True)
                elif unit.startswith(("bulan", "month")):
                    year, month = _shift_month(anchor.year, anchor.month, sign * count)
                    add(f"{year:04d}-{month:02d}", "month", start, end, True)
                else:
                    add(f"{anchor.year + sign * count:04d}", "year", start, end, True)
            elif kind == "relative_unit" and anchor is not None:
                unit = (match["unit"] or match["unit_en"]).lower()
                direction = (match["dir"] or match["dir_en"]).lower()
                sign = {"lalu": -1, "kemarin": -1, "last": -1, "depan": 1, "mendatang": 1, "next": 1}.get(
                    direction, 0
                )
                if unit in ("pekan", "minggu", "week"):
                    shifted = _week_monday(anchor + timedelta(weeks=sign))
                    add(shifted.isoformat(), "week", start, end, True)
                elif unit in ("bulan", "month"):
                    year, month = _shift_month(anchor.year, anchor.month, sign)
                    add(f"{year:04d}-{month:02d}", "month", start, end, True)
                else:
                    add(f"{anchor.year + sign:04d}", "year", start, end, True)
            elif kind == "year":
                add(f"{int(match['y']):04d}", "year", start, end, False)
            elif kind == "weekday" and anchor is not None:
                word_start, word_end = match.span("wd")
                word = match["wd"]
                if not word[:1].isupper():
                    continue  # weekdays are capitalised in both languages; "minggu" in lowercase is "week"
                if word.lower() == "minggu" and _minggu_is_week(text, word_start, word_end):
                    continue
                weekday = WEEKDAY_NUMBERS[word.lower()]
                lead = match.group(0)[: word_start - start].lower()
                if "next" in lead:
                    future = True
                elif "last" in lead:
                    future = False
                if future:
                    delta = (weekday - anchor.weekday()) % 7
                    value = anchor + timedelta(days=delta)
                else:
                    delta = (anchor.weekday() - weekday) % 7
                    value = anchor - timedelta(days=delta)
                add(value.isoformat(), "day", start, end, True)
    mentions.sort(key=lambda mention: mention.start)
    return mentions


def find_dates(document: Document, *, default_anchor: date | None = None) -> list[DateMention]:
    """Every temporal expression in the document with its resolved ISO date, in text order.

    Relative expressions are read against the document's publication date, else the latest explicit date the text
    gives, else `default_anchor` (the briefing passes the event's earliest known date).
    """
    reference = _anchor_of(document) or default_anchor
    mentions = _scan(document.text, reference)
    for mention in mentions:
        for sentence in document.sentences:
            if sentence.start <= mention.start < sentence.end:
                mention.sentence = sentence.index
                break
    return mentions


__all__ = ["DateMention", "find_dates", "publication_anchor"]
