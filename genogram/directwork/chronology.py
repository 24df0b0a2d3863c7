"""The case chronology: recorded events merged with what the genogram already knows.

Births, deaths, partnerships (began, separated, ended) and moving in together come from the
genogram automatically, so nobody types them twice. Their ids start with "auto:" and they
are never saved: they are worked out afresh each time, so a corrected birth date corrects
the chronology too. Approximate dates sort by their earliest day, exact ones first on a tie.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any

from ..model.dates import FuzzyDate
from ..model.entities import PersonKind, UnionKind
from ..model.records import ChronologyEvent

AUTO = "auto:"
KINDS = ("birth", "death", "partnership", "separation", "ending", "move", "loss", "event")
_LOSS = {PersonKind.MISCARRIAGE: "miscarriage", PersonKind.STILLBIRTH: "stillbirth",
         PersonKind.TERMINATION: "termination"}
_STARTS = {UnionKind.MARRIED: "married", UnionKind.ENGAGED: "got engaged",
           UnionKind.COHABITING: "moved in together"}


@dataclass(frozen=True)
class ChronologyFilter:
    """What to show: kinds, people (any of), a date range, and significance (words in it)."""

    kinds: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    since: FuzzyDate | None = None
    until: FuzzyDate | None = None
    significance: str = ""
    recorded_only: bool = False


def _sort_key(e: ChronologyEvent) -> tuple[Any, ...]:
    d = e.date
    if d is None:
        return (_dt.date.max, 1, e.title)
    return (d.earliest(), 0 if d.is_exact() else 1 if d.month else 2, e.title)


def derived_events(case: Any, include_private: bool = False) -> list[ChronologyEvent]:
    """Births, deaths, losses and partnership events from the genogram (ids "auto:…")."""
    fam = case.family
    out: list[ChronologyEvent] = []
    hidden = {p.id for p in fam.people() if p.private} if not include_private else set()
    def name(pid: str) -> str:
        p = fam.person(pid)
        return p.display_name if (p.given or p.known_as or p.family_name) else "someone"

    for p in fam.people():
        if p.id in hidden:
            continue
        if p.kind in _LOSS and p.born is not None:
            parents = [q for q in fam.parents_of(p.id) if q not in hidden]
            whose = f" for {' and '.join(name(q) for q in parents)}" if parents else ""
            out.append(ChronologyEvent(f"{AUTO}loss:{p.id}", p.born, f"A {_LOSS[p.kind]}{whose}", "loss",
                                       "genogram", people=(p.id, *parents)))
            continue
        if p.kind is not PersonKind.PERSON:
            continue
        if p.born is not None:
            out.append(ChronologyEvent(f"{AUTO}born:{p.id}", p.born, f"{p.display_name} was born", "birth",
                                       "genogram", people=(p.id,)))
        if p.died is not None:
            out.append(ChronologyEvent(f"{AUTO}died:{p.id}", p.died, f"{p.display_name} died", "death",
                                       "genogram", people=(p.id,)))
    for u in fam.unions():
        if set(u.partners) & hidden:
            continue
        a, b = sorted((name(pid) for pid in u.partners), key=lambda n: n == "someone")
        if u.started is not None:
            verb = _STARTS.get(u.kind, "got together")
            if u.kind in (UnionKind.SEPARATED, UnionKind.DIVORCED, UnionKind.WIDOWED):
                verb = "married"
            kind = "move" if u.kind is UnionKind.COHABITING else "partnership"
            out.append(ChronologyEvent(f"{AUTO}start:{u.id}", u.started, f"{a} and {b} {verb}", kind,
                                       "genogram", people=u.partners))
        if u.separated is not None:
            out.append(ChronologyEvent(f"{AUTO}apart:{u.id}", u.separated, f"{a} and {b} separated",
                                       "separation", "genogram", people=u.partners))
        if u.ended is not None and u.kind is not UnionKind.WIDOWED:  # the death says it
            word = "divorced" if u.kind is UnionKind.DIVORCED else "ended their partnership"
            out.append(ChronologyEvent(f"{AUTO}end:{u.id}", u.ended, f"{a} and {b} {word}", "ending",
                                       "genogram", people=u.partners))
    return out


def chronology(case: Any, include_private: bool = False, derived: bool = True) -> list[ChronologyEvent]:
    """Recorded and derived events in date order (undated last); private ones left out unless asked."""
    recorded = [e for e in case.records("chronology") if include_private or not e.private]
    events = recorded + (derived_events(case, include_private) if derived else [])
    return sorted(events, key=_sort_key)


def _overlaps(d: FuzzyDate | None, since: FuzzyDate | None, until: FuzzyDate | None) -> bool:
    if d is None:
        return since is None and until is None
    if since is not None and d.latest() < since.earliest():
        return False
    return not (until is not None and d.earliest() > until.latest())


def filter_events(events: list[ChronologyEvent], f: ChronologyFilter) -> list[ChronologyEvent]:
    """The events that pass every part of the filter; an approximate date passes a range it may fall in."""
    wanted = {k.strip().lower() for k in f.kinds if k.strip()}
    people = set(f.people)
    sig = f.significance.strip().casefold()
    return [e for e in events
            if (not wanted or e.kind.lower() in wanted)
            and (not people or people & set(e.people))
            and _overlaps(e.date, f.since, f.until)
            and (not sig or sig in e.significance.casefold())
            and not (f.recorded_only and e.id.startswith(AUTO))]


def parse_filter(options: dict[str, Any]) -> ChronologyFilter:
    """A filter from export options (kind, person, since, until, significance); ValueError on bad dates."""
    def listed(key: str) -> tuple[str, ...]:
        v = options.get(key)
        if not v:
            return ()
        items = v if isinstance(v, (list, tuple)) else str(v).split(",")
        return tuple(str(x).strip() for x in items if str(x).strip())

    def date(key: str) -> FuzzyDate | None:
        v = options.get(key)
        return FuzzyDate.parse(str(v)) if v else None

    unknown = [k for k in listed("kind") if k.lower() not in KINDS]
    if unknown:
        raise ValueError(f"“{unknown[0]}” is not a kind of chronology event ({', '.join(KINDS)})")
    return ChronologyFilter(listed("kind"), listed("person"), date("since"), date("until"),
                            str(options.get("significance") or ""), bool(options.get("recorded_only")))
