"""Working days, and when visits and reviews fall due under an editable timescale profile.

Working days skip weekends and the bank holidays of England and Wales (the `holidays`
package, subdivision ENG; SCT and NIR give the Scottish and Northern Irish calendars). The
profile is data (`plan_templates/timescales.json`), because every local authority sets its
own timescales; the bundled defaults are those of the project's practice reference.
"""
from __future__ import annotations

import calendar
import datetime as _dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import holidays

UNITS = ("working_days", "days", "hours", "weeks", "months")
REGIONS = ("ENG", "WLS", "SCT", "NIR")
OVERDUE, DUE_SOON, ON_TRACK = "overdue", "due soon", "on track"


class TimescaleError(ValueError):
    """A timescale profile that cannot be used, said in one sentence."""


@lru_cache(maxsize=8)
def _holidays(region: str, first_year: int, last_year: int) -> frozenset[_dt.date]:
    if region not in REGIONS:
        raise TimescaleError(f"region {region!r} is not one of {', '.join(REGIONS)}")
    cal = holidays.country_holidays("GB", subdiv=region, years=range(first_year, last_year + 1))
    return frozenset(cal.keys())


def bank_holidays(year: int, region: str = "ENG") -> frozenset[_dt.date]:
    return _holidays(region, year, year)


def is_working_day(day: _dt.date, region: str = "ENG") -> bool:
    """Monday to Friday and not a bank holiday."""
    return day.weekday() < 5 and day not in _holidays(region, day.year, day.year)


def add_working_days(start: _dt.date, n: int, region: str = "ENG") -> _dt.date:
    """The date `n` working days after `start` (before it when `n` is negative).

    The start day itself is not counted: 10 working days from Friday 19 December 2025 is
    Wednesday 7 January 2026 (Christmas, Boxing Day and New Year's Day skipped).
    """
    step = 1 if n >= 0 else -1
    day, left = start, abs(n)
    while left:
        day += _dt.timedelta(days=step)
        if is_working_day(day, region):
            left -= 1
    return day


def working_days_between(start: _dt.date, end: _dt.date, region: str = "ENG") -> int:
    """Working days after `start` up to and including `end` (negative if `end` is earlier)."""
    if end < start:
        return -working_days_between(end, start, region)
    return sum(1 for k in range(1, (end - start).days + 1)
               if is_working_day(start + _dt.timedelta(days=k), region))


def add_months(day: _dt.date, months: int) -> _dt.date:
    """Same day of the month, `months` later; clamped to the month's end (31 Jan + 1 = 28/29 Feb)."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return _dt.date(year, month + 1, min(day.day, last))


@dataclass(frozen=True)
class Period:
    amount: int
    unit: str

    def after(self, day: _dt.date, region: str = "ENG") -> _dt.date:
        if self.unit == "working_days":
            return add_working_days(day, self.amount, region)
        if self.unit == "days":
            return day + _dt.timedelta(days=self.amount)
        if self.unit == "hours":  # a date-only plan: 48 hours is two days on
            return day + _dt.timedelta(days=-(-self.amount // 24))
        if self.unit == "weeks":
            return day + _dt.timedelta(weeks=self.amount)
        return add_months(day, self.amount)

    def label(self) -> str:
        unit = self.unit.replace("_", " ")
        return f"{self.amount} {unit[:-1] if self.amount == 1 else unit}"


@dataclass(frozen=True)
class Schedule:
    """Visits or reviews: the first is due a period after `start_label`; each next one a
    period after the previous one actually happened; the last period repeats."""

    start_label: str
    steps: tuple[Period, ...]
    note: str = ""

    def next_due(self, start: _dt.date, done: Sequence[_dt.date] = (), region: str = "ENG") -> _dt.date:
        if not done:
            return self.steps[0].after(start, region)
        step = self.steps[min(len(done), len(self.steps) - 1)]
        return step.after(max(done), region)


@dataclass(frozen=True)
class PlanTimescales:
    plan_type: str
    visits: Schedule | None
    reviews: Schedule | None
    plan_due: Period | None
    plan_due_from: str
    supervision: Period | None
    note: str = ""


@dataclass(frozen=True)
class TimescaleProfile:
    name: str
    source: str
    region: str
    due_soon: Period
    plan_types: dict[str, PlanTimescales]

    def for_plan(self, plan_type: str) -> PlanTimescales:
        try:
            return self.plan_types[plan_type]
        except KeyError:
            raise TimescaleError(f"the timescale profile has no plan type {plan_type!r}; "
                                 f"it has {', '.join(sorted(self.plan_types))}") from None

    def status(self, due: _dt.date, as_at: _dt.date) -> str:
        """Overdue after the due date; due soon within the profile's warning period."""
        if as_at > due:
            return OVERDUE
        if self.due_soon.after(as_at, self.region) >= due:
            return DUE_SOON
        return ON_TRACK

    def next_visit(self, plan_type: str, start: _dt.date, done: Sequence[_dt.date] = ()) -> _dt.date | None:
        visits = self.for_plan(plan_type).visits
        return visits.next_due(start, done, self.region) if visits else None

    def next_review(self, plan_type: str, start: _dt.date, done: Sequence[_dt.date] = ()) -> _dt.date | None:
        reviews = self.for_plan(plan_type).reviews
        return reviews.next_due(start, done, self.region) if reviews else None


def _period(raw: Any, where: str) -> Period:
    if not isinstance(raw, dict) or set(raw) - {"amount", "unit"}:
        raise TimescaleError(f"{where} must be {{\"amount\": N, \"unit\": U}}")
    amount, unit = raw.get("amount"), raw.get("unit")
    if not isinstance(amount, int) or isinstance(amount, bool) or amount < 0:
        raise TimescaleError(f"{where}: amount must be a whole number of 0 or more")
    if unit not in UNITS:
        raise TimescaleError(f"{where}: unit {unit!r} is not one of {', '.join(UNITS)}")
    return Period(amount, unit)


def _schedule(raw: Any, where: str) -> Schedule | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("every"), list) or not raw["every"]:
        raise TimescaleError(f"{where} must have a non-empty \"every\" list (or be null)")
    steps = tuple(_period(p, f"{where}.every[{k}]") for k, p in enumerate(raw["every"]))
    return Schedule(str(raw.get("from", "")), steps, str(raw.get("note", "")))


def parse_profile(data: Any, where: str = "timescales") -> TimescaleProfile:
    """A profile from its JSON form (documented in plan_templates/README.md)."""
    try:
        if not isinstance(data, dict) or data.get("format") != 1:
            raise TimescaleError("it is not a timescale profile (format 1)")
        region = data.get("region", "ENG")
        if region not in REGIONS:
            raise TimescaleError(f"region {region!r} is not one of {', '.join(REGIONS)}")
        types = data.get("plan_types")
        if not isinstance(types, dict) or not types:
            raise TimescaleError("plan_types must list at least one plan type")
        plans = {}
        for key, raw in types.items():
            if not isinstance(raw, dict):
                raise TimescaleError(f"plan type {key!r} must be an object")
            due = raw.get("plan_due")
            sup = raw.get("supervision")
            plans[key] = PlanTimescales(
                key, _schedule(raw.get("visits"), f"{key}.visits"),
                _schedule(raw.get("reviews"), f"{key}.reviews"),
                _period(due, f"{key}.plan_due") if due is not None else None,
                str(raw.get("plan_due_from", "")),
                _period(sup, f"{key}.supervision") if sup is not None else None,
                str(raw.get("note", "")))
        soon = _period(data.get("due_soon", {"amount": 5, "unit": "working_days"}), "due_soon")
        return TimescaleProfile(str(data.get("name", "")), str(data.get("source", "")), region,
                                soon, plans)
    except TimescaleError as exc:
        raise TimescaleError(f"{where}: {exc}") from None


@lru_cache(maxsize=1)
def default_profile() -> TimescaleProfile:
    text = (files("plan_templates") / "timescales.json").read_text(encoding="utf-8")
    return parse_profile(json.loads(text), "timescales.json")


def load_profile(path: str | Path | None = None) -> TimescaleProfile:
    """The bundled defaults, or a local authority's own profile file."""
    if path is None:
        return default_profile()
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise TimescaleError(f"cannot read {p}: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise TimescaleError(f"{p.name} is not valid JSON (line {exc.lineno})") from exc
    return parse_profile(data, p.name)


@dataclass(frozen=True)
class Due:
    """Something a plan must have by a date, and how that stands on the "as at" date."""

    what: str  # "review" or "visit"
    date: _dt.date
    status: str
    basis: str  # why this date: the plan's own review date, or the profile's rule


def plan_dues(plan: Any, as_at: _dt.date, profile: TimescaleProfile | None = None,
              visits: Sequence[_dt.date] = (), reviews: Sequence[_dt.date] = ()) -> list[Due]:
    """The next review and visit of a plan (a `Plan` record) with their status.

    The plan's own review date wins; otherwise the profile's rule counts from the plan's
    start (and from the visits and reviews already done, when the caller knows them).
    """
    profile = profile or default_profile()
    out: list[Due] = []
    rules = profile.plan_types.get(plan.plan_type)
    start = plan.started.earliest() if getattr(plan, "started", None) else None
    if getattr(plan, "review", None) is not None:
        day = plan.review.earliest()
        out.append(Due("review", day, profile.status(day, as_at), "the date set in the plan"))
    elif rules and rules.reviews and start is not None:
        day = rules.reviews.next_due(start, reviews, profile.region)
        out.append(Due("review", day, profile.status(day, as_at),
                       _basis(profile, rules.reviews, reviews, "review")))
    if rules and rules.visits and start is not None:
        day = rules.visits.next_due(start, visits, profile.region)
        out.append(Due("visit", day, profile.status(day, as_at),
                       _basis(profile, rules.visits, visits, "visit")))
    return out


def _basis(profile: TimescaleProfile, schedule: Schedule, done: Sequence[_dt.date], what: str) -> str:
    step = schedule.steps[min(len(done), len(schedule.steps) - 1)]
    since = f"the last {what}" if done else (schedule.start_label or "the start")
    return f"{profile.name}: {step.label()} after {since}"
