"""The ecomap tab's changes, each built as one model edit (so each is one undo step).

Kept free of widgets so the tab, its inspector and the tests build the same edits.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import replace

from genogram.ecomap_palette import load_palette
from genogram.model import (
    Case,
    Compound,
    Delete,
    EcoConnection,
    Ecomap,
    EcoSystem,
    Edit,
    FuzzyDate,
    Put,
)


def add_system(case: Case, ecomap_id: str, name: str, person: str | None = None) -> tuple[Edit, str]:
    """A new system named `name` (its category and picture from the palette when it is one of
    the usual systems), or the genogram person `person` standing on the ecomap as themselves."""
    name = " ".join(name.split())
    if not name and not person:
        raise ValueError("type a name for the system, or choose one from the list")
    pal = load_palette()
    kind = pal.find(name) if name else None
    category = kind.category if kind else ("family" if person else "other")
    if person and not name:
        name = case.family.person(person).display_name
    sid = case.new_id("sys")
    system = EcoSystem(sid, ecomap_id, kind.name if kind else name, category, person,
                       picture=f"pictogram:{kind.picture}" if kind and kind.picture else None)
    return Put("eco_systems", system, f"Add {system.name} to the ecomap"), sid


def connect(case: Case, ecomap_id: str, system_id: str) -> tuple[Edit, str]:
    """A moderate connection between a system and the family, to be described in the inspector."""
    name = case.record("eco_systems", system_id).name
    cid = case.new_id("conn")
    return Put("eco_connections", EcoConnection(cid, ecomap_id, system_id),
               f"Connect {name} to the family"), cid


def connections_of(case: Case, system_id: str) -> list[EcoConnection]:
    return [c for c in case.records("eco_connections") if c.system == system_id]


def delete_system(case: Case, system_id: str) -> Edit:
    """The system and its connections, together."""
    s = case.record("eco_systems", system_id)
    steps: list[Edit] = [Delete("eco_connections", c.id) for c in connections_of(case, system_id)]
    steps.append(Delete("eco_systems", system_id))
    return Compound(steps, f"Remove {s.name} from the ecomap")


def move_system(case: Case, system_id: str, x: float, y: float) -> Edit:
    """Keep a system where the user put it (relative to the ecomap's centre)."""
    s = case.record("eco_systems", system_id)
    return Put("eco_systems", replace(s, position=(round(x, 1), round(y, 1))), f"Move {s.name}")


def new_snapshot(case: Case, ecomap_id: str, day: _dt.date | None = None) -> tuple[Edit, str]:
    """A copy of a snapshot, dated today, to redraw as things change; the old one stays."""
    old: Ecomap = case.record("ecomaps", ecomap_id)
    day = day or _dt.date.today()
    eid = case.new_id("eco")
    steps: list[Edit] = [Put("ecomaps", replace(old, id=eid, date=FuzzyDate.from_date(day)))]
    ids: dict[str, str] = {}
    for s in case.records("eco_systems"):
        if s.ecomap == ecomap_id:
            ids[s.id] = case.new_id("sys")
            steps.append(Put("eco_systems", replace(s, id=ids[s.id], ecomap=eid)))
    for c in case.records("eco_connections"):
        if c.ecomap == ecomap_id and c.system in ids:
            steps.append(Put("eco_connections", replace(c, id=case.new_id("conn"), ecomap=eid,
                                                        system=ids[c.system])))
    return Compound(steps, f"New ecomap snapshot of {day.day} {day.strftime('%B')} {day.year}"), eid


def first_ecomap(case: Case, centre_person: str | None) -> tuple[Edit, str]:
    """An ecomap for a case that has none, dated today, around the index child."""
    from genogram.model import Centre

    eid = case.new_id("eco")
    eco = Ecomap(eid, "Ecomap", FuzzyDate.from_date(_dt.date.today()),
                 Centre.CHILD if centre_person else Centre.HOUSEHOLD, centre_person)
    return Put("ecomaps", eco, "Start an ecomap"), eid
