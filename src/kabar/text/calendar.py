"""Month and weekday names of Indonesian and English news, in one place.

Dateline parsing (clean), timeline resolution (extract), the NER's list of capitalised non-names and the
clusterer's name stand-in all need these words; they read them from here so that a spelling added once
("pebruari", "jum'at") is known everywhere.
"""

from __future__ import annotations

# Full month names and the abbreviations news sites print ("Agu", "Okt", "Sept"), lowercase, to month number.
MONTH_NUMBERS: dict[str, int] = {
    # Indonesian, with the older spellings still seen in regional outlets
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "agustus": 8, "september": 9, "oktober": 10, "nopember": 11, "november": 11, "desember": 12,
    "agu": 8, "agt": 8, "ags": 8, "okt": 10, "des": 12, "nop": 11,
    # English
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8, "october": 10,
    "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

# Full weekday names, lowercase, to Python's weekday number (Monday = 0). "Ahad" is the Islamic-calendar
# name for Sunday that some Indonesian outlets use.
WEEKDAY_NUMBERS: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "sabtu": 5, "minggu": 6, "ahad": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip

# Weekday abbreviations as datelines print them ("Sen, 11/09/2023", "Wed, Sep 13").
WEEKDAY_ABBREVIATIONS: tuple[str, ...] = (
    "sen", "sel", "rab", "kam", "jum", "sab", "min",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
)  # fmt: skip

# The month names and abbreviations as one regex alternation, longest first so that "sept" wins over "sep".
MONTH_ALTERNATION = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))

# Names only (no abbreviations): the words that start with a capital letter in prose without being a name.
MONTH_NAMES: frozenset[str] = frozenset(
    name for name in MONTH_NUMBERS if len(name) > 4 or name in {"mei", "may", "juni", "juli", "june", "july"}
)
WEEKDAY_NAMES: frozenset[str] = frozenset(WEEKDAY_NUMBERS)
CALENDAR_NAMES: frozenset[str] = MONTH_NAMES | WEEKDAY_NAMES
