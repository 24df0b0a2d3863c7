"""GEDCOM dates to Kinscape's FuzzyDate and back.

A genogram needs a best guess, not a genealogist's proof: "ABT", "CAL" and "EST" become "about"
that year; "BEF 1980" and "AFT 1980" become "about 1980"; "BET 1978 AND 1982" and
"FROM 1978 TO 1982" become "about 1980" (the middle). Dual years ("1699/00") are read as the
later, new-style year. Gregorian and Julian dates are read as written; Hebrew and French
republican dates, dates before the common era and bare phrases are not guessed at.
"""
from __future__ import annotations

import re

from ..model.dates import MAX_YEAR, MIN_YEAR, DateError, FuzzyDate

_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_MONTH_NAMES = {
    **{m: i for i, m in enumerate(_MONTHS, start=1)},
    "JANUARY": 1, "FEBRUARY": 2, "MARCH": 3, "APRIL": 4, "JUNE": 6, "JULY": 7, "AUGUST": 8,
    "SEPT": 9, "SEPTEMBER": 9, "OCTOBER": 10, "NOVEMBER": 11, "DECEMBER": 12,
}
_ESCAPE = re.compile(r"@#D([A-Z ]+)@\s*")
_PHRASE = re.compile(r"\(.*?\)")
_SIMPLE = re.compile(r"^(?:(\d{1,2})\s+)?(?:([A-Z]{3,9})\.?\s+)?(\d{3,4})(?:/(\d{1,2}))?$")
_OK_CALENDARS = {"GREGORIAN", "JULIAN"}
_OTHER_CALENDARS = {"HEBREW", "FRENCH R", "FRENCH_R", "ROMAN", "UNKNOWN"}


def parse_gedcom_date(text: str) -> FuzzyDate | None:
    """The best FuzzyDate for a GEDCOM DATE payload, or None when there is no usable date."""
    t = _PHRASE.sub(" ", text.upper()).replace(",", " ")
    t = " ".join(t.split())
    if not t:
        return None
    words = t.split(" ", 1)
    mod = words[0]
    rest = words[1] if len(words) > 1 else ""
    if mod in ("ABT", "CAL", "EST", "BEF", "AFT", "TO", "ABOUT", "CIRCA", "C."):
        single = _single(rest)
        return _about(single.year) if single else None
    if mod == "INT":
        return _single(rest)
    if mod in ("BET", "FROM"):
        first, _, second = rest.partition(" AND " if mod == "BET" else " TO ")
        a, b = _single(first), _single(second) if second else None
        if a and b:
            return _about((a.year + b.year) // 2)
        return _about(a.year) if a else None
    return _single(t)


def _single(text: str) -> FuzzyDate | None:
    t = text.strip()
    calendar = "GREGORIAN"
    m = _ESCAPE.match(t)
    if m:
        calendar, t = m.group(1).strip(), t[m.end():]
    else:
        head, _, tail = t.partition(" ")
        if head in _OK_CALENDARS or head in _OTHER_CALENDARS:
            calendar, t = head, tail
    if calendar not in _OK_CALENDARS or t.endswith(("BCE", "BC", "B.C.")):
        return None
    m = _SIMPLE.match(t.strip())
    if not m:
        return None
    day_s, month_s, year_s, dual = m.groups()
    year = int(year_s)
    if dual:
        later = int(year_s[: len(year_s) - len(dual)] + dual)
        year = later + 10 ** len(dual) if later < year else later
    month = _MONTH_NAMES.get(month_s) if month_s else None
    if month_s and month is None:
        return None
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    day = int(day_s) if day_s and month else None
    try:
        return FuzzyDate(year, month, day)
    except DateError:  # "31 FEB 1980": keep what is certain
        return FuzzyDate(year, month)


def _about(year: int) -> FuzzyDate | None:
    return FuzzyDate(year, approx=True) if MIN_YEAR <= year <= MAX_YEAR else None


def format_gedcom_date(date: FuzzyDate) -> str:
    """A FuzzyDate as a GEDCOM 7 date value: "12 MAR 1980", "MAR 1980", "1980", "ABT 1980"."""
    if date.approx:
        return f"ABT {date.year}"
    if date.month is None:
        return str(date.year)
    month = _MONTHS[date.month - 1]
    return f"{date.day} {month} {date.year}" if date.day else f"{month} {date.year}"
