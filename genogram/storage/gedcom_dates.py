"""GEDCOM dates to Kinscape's FuzzyDate and back.

A genogram needs a best guess, not a genealogist's proof: "ABT", "CAL" and "EST" become "about"
that year; "BEF 1980" and "AFT 1980" become "about 1980"; "BET 1978 AND 1982" and
"FROM 1978 TO 1982" become "about 1980" (the middle). Dual years ("1699/00") are read as the
later, new-style year. Gregorian and Julian dates are read as written; Hebrew and French
republican dates, dates before the common era and bare phrases are not guessed at.

A date that cannot be true is never turned into another exact date: "31 FEB 1980" keeps what is
certain (Feb 1980), and a number where the month should be ("1990-13-01", "13/13/1990") keeps
only "about" the year. `read_gedcom_date` says whether the date kept is what the file said, so
an import can tell the user which dates it had to approximate.
"""
from __future__ import annotations

import re
from typing import NamedTuple

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
_ISO = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")  # not GEDCOM, but some programs write it
_NUMERIC = re.compile(r"^(\d{1,2})[ ./-](\d{1,2})[ ./-](\d{4})$")  # day and month in either order
_OK_CALENDARS = {"GREGORIAN", "JULIAN"}
_OTHER_CALENDARS = {"HEBREW", "FRENCH R", "FRENCH_R", "ROMAN", "UNKNOWN"}
_ABOUT = ("ABT", "CAL", "EST", "ABOUT", "CIRCA", "C.")
_BOUND = ("BEF", "AFT", "TO")


class DateReading(NamedTuple):
    """The date kept (None: none), and whether it says what the file said (`as_written`)."""

    date: FuzzyDate | None
    as_written: bool


def parse_gedcom_date(text: str) -> FuzzyDate | None:
    """The best FuzzyDate for a GEDCOM DATE payload, or None when there is no usable date."""
    return read_gedcom_date(text).date


def read_gedcom_date(text: str) -> DateReading:
    """Read a GEDCOM DATE payload; `as_written` is False when the date kept is only a guess.

    A date kept as written: "12 MAR 1980", "MAR 1980", "ABT 1980", "INT 1980 (…)". Guesses:
    "BEF 1980", "BET 1978 AND 1982", "ABT 12 MAR 1980" (the day is lost), "31 FEB 1980".
    """
    t = _PHRASE.sub(" ", text.upper()).replace(",", " ")
    t = " ".join(t.split())
    if not t:
        return DateReading(None, False)
    words = t.split(" ", 1)
    mod = words[0]
    rest = words[1] if len(words) > 1 else ""
    if mod in _ABOUT or mod in _BOUND:
        single = _single(rest)
        if single.date is None:
            return DateReading(None, False)
        plain_year = single.as_written and single.date.month is None
        return DateReading(_about(single.date.year), mod in _ABOUT and plain_year)
    if mod == "INT":
        return _single(rest)
    if mod in ("BET", "FROM"):
        first, _, second = rest.partition(" AND " if mod == "BET" else " TO ")
        a = _single(first).date
        b = _single(second).date if second else None
        if a and b:
            return DateReading(_about((a.year + b.year) // 2), False)
        return DateReading(_about(a.year) if a else None, False)
    return _single(t)


def _single(text: str) -> DateReading:
    t = text.strip()
    calendar = "GREGORIAN"
    m = _ESCAPE.match(t)
    if m:
        calendar, t = m.group(1).strip(), t[m.end():]
    else:
        head, _, tail = t.partition(" ")
        if head in _OK_CALENDARS or head in _OTHER_CALENDARS:
            calendar, t = head, tail
    t = t.strip()
    if calendar not in _OK_CALENDARS or t.endswith(("BCE", "BC", "B.C.")):
        return DateReading(None, False)
    iso = _ISO.match(t)
    if iso:
        year, month, day = (int(g) if g else None for g in iso.groups())
        assert year is not None
        try:
            return DateReading(FuzzyDate(year, month, day), True)
        except DateError:  # "1990-13-01": only the year is worth keeping, and only roughly
            return DateReading(_about(year), False)
    numeric = _NUMERIC.match(t)
    if numeric:  # "03/04/1990" is March or April: never guess which
        return DateReading(_about(int(numeric.group(3))), False)
    m = _SIMPLE.match(t)
    if not m:
        return DateReading(None, False)
    day_s, month_s, year_s, dual = m.groups()
    year = int(year_s)
    if dual:
        later = int(year_s[: len(year_s) - len(dual)] + dual)
        year = later + 10 ** len(dual) if later < year else later
    month = _MONTH_NAMES.get(month_s) if month_s else None
    if month_s and month is None:
        return DateReading(None, False)  # a month we do not know may be another calendar's
    if not MIN_YEAR <= year <= MAX_YEAR:
        return DateReading(None, False)
    if day_s and month is None:  # "13 1990": a day or a month? keep the year, roughly
        return DateReading(_about(year), False)
    day = int(day_s) if day_s else None
    try:
        return DateReading(FuzzyDate(year, month, day), True)
    except DateError:  # "31 FEB 1980": keep what is certain, never another exact day
        return DateReading(FuzzyDate(year, month), False)


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
