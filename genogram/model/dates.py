"""Dates as families give them: exact, to the month, to the year, or "about" a year."""
from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_APPROX = re.compile(r"^(?:about|abt\.?|approx\.?|circa|c\.?|ca\.?|~)\s*(\d{3,4})$", re.I)
_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
MIN_YEAR, MAX_YEAR = 1000, 2200


class DateError(ValueError):
    """Text that is not a date Kinscape understands."""


@dataclass(frozen=True, order=True)
class FuzzyDate:
    """A date known to the day, the month or the year; `approx` marks "about" a year."""

    year: int
    month: int | None = None
    day: int | None = None
    approx: bool = False

    def __post_init__(self) -> None:
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise DateError(f"year {self.year} is out of range")
        if self.month is None and self.day is not None:
            raise DateError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise DateError(f"month {self.month} does not exist")
        if self.day is not None and self.month is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise DateError(f"{self.year}-{self.month:02d} has no day {self.day}")
        if self.approx and (self.month is not None):
            raise DateError("an approximate date is a year only")

    @classmethod
    def parse(cls, text: str) -> FuzzyDate:
        """Read "2019-03-04", "2019-03", "2019" or "about 1980" (also "c. 1980", "~1980")."""
        t = text.strip()
        m = _APPROX.match(t)
        if m:
            return cls(int(m.group(1)), approx=True)
        m = _ISO.match(t)
        if not m:
            raise DateError(f'"{text}" is not a date')
        y, mo, d = (int(g) if g else None for g in m.groups())
        try:
            return cls(y, mo, d)  # type: ignore[arg-type]
        except DateError as exc:
            raise DateError(f'"{text}" is not a date ({exc})') from None

    @classmethod
    def from_date(cls, d: _dt.date) -> FuzzyDate:
        return cls(d.year, d.month, d.day)

    def iso(self) -> str:
        """The stored form, which `parse` reads back."""
        if self.approx:
            return f"about {self.year}"
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def label(self) -> str:
        """How a person reads it: "4 Mar 2019", "Mar 2019", "2019", "c. 1980"."""
        if self.approx:
            return f"c. {self.year}"
        if self.month is None:
            return str(self.year)
        if self.day is None:
            return f"{_MONTHS[self.month - 1]} {self.year}"
        return f"{self.day} {_MONTHS[self.month - 1]} {self.year}"

    def earliest(self) -> _dt.date:
        return _dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> _dt.date:
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return _dt.date(self.year, month, day)

    def is_exact(self) -> bool:
        return self.day is not None and not self.approx

    def __str__(self) -> str:
        return self.iso()


def years_between(start: FuzzyDate, end: FuzzyDate | _dt.date) -> tuple[int, bool]:
    """Whole years from `start` to `end`, and whether that number is only approximate."""
    end_fd = FuzzyDate.from_date(end) if isinstance(end, _dt.date) else end
    approx = start.approx or end_fd.approx or not (start.is_exact() and end_fd.is_exact())
    a, b = start.earliest(), end_fd.earliest()
    if start.is_exact() and end_fd.is_exact():
        years = b.year - a.year - ((b.month, b.day) < (a.month, a.day))
    elif start.month is not None and end_fd.month is not None:
        years = b.year - a.year - (b.month < a.month)
    else:
        years = b.year - a.year
    return max(years, 0), approx
