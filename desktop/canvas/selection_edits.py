"""Edits the Genogram tab makes from what is selected: remove, household, index child, gender,
twins. Plain functions from the case and the selection to one labelled edit, so each is one
undo step and can be checked without a window."""
from __future__ import annotations

from dataclasses import replace

from genogram.model import (
    Case,
    Compound,
    Delete,
    Edit,
    Gender,
    Household,
    ModelError,
    Put,
    RemovePerson,
    RemoveUnion,
    SetMeta,
    UnlinkChild,
    UpdatePerson,
)
from genogram.model import operations as ops

_REMOVE_ORDER = {"bond": 0, "household": 1, "link": 2, "union": 3, "person": 4}
_THING = {"union": "partnership", "link": "child's line", "bond": "relationship",
          "household": "household"}


def _name(case: Case, pid: str) -> str:
    return case.family.person(pid).display_name


def removal(case: Case, chosen: list[tuple[str, str]]) -> Compound:
    """Remove (kind, id) things; lines go before the people they join, so nothing is done twice."""
    chosen = sorted(chosen, key=lambda t: _REMOVE_ORDER.get(t[0], 9))
    gone = {o for k, o in chosen if k == "person"}
    edits: list[Edit] = []
    for kind, o in chosen:
        if kind == "person":
            edits.append(RemovePerson(o))
        elif kind == "union":
            edits.append(RemoveUnion(o))
        elif kind == "link":
            uid, child = o.split(">", 1)
            edits.append(UnlinkChild(uid, child))
        elif kind == "bond":
            bond = case.family.item("bonds", o)
            if not {bond.a, bond.b} & gone:
                edits.append(Delete("bonds", o))
        elif kind == "household":
            edits.append(Delete("households", o))
    if len(chosen) == 1:
        kind, o = chosen[0]
        text = f"Remove {_name(case, o)}" if kind == "person" else f"Remove {_THING.get(kind, 'selection')}"
    elif len(gone) == len(chosen):
        text = f"Remove {len(chosen)} people"
    else:
        text = f"Remove {len(chosen)} things"
    return Compound(edits, text)


def household(case: Case, people: list[str], name: str) -> Put:
    hh = Household(case.new_id("h"), name.strip(), tuple(people))
    return Put("households", hh, f"Make a household: {hh.name or 'unnamed'}")


def toggle_index(case: Case, pid: str) -> SetMeta:
    name = _name(case, pid)
    if case.meta.index_person == pid:
        return SetMeta(replace(case.meta, index_person=None), f"{name} is no longer the index child")
    return SetMeta(replace(case.meta, index_person=pid), f"Make {name} the index child")


def set_gender(case: Case, people: list[str], gender: Gender) -> Compound:
    edits: list[Edit] = [UpdatePerson(replace(case.family.person(p), gender=gender)) for p in people]
    word = {Gender.FEMALE: "female", Gender.MALE: "male"}.get(gender, "gender not known")
    who = _name(case, people[0]) if len(people) == 1 else f"{len(people)} people"
    return Compound(edits, f"Mark {who} as {word}")


def twins(case: Case, people: list[str], identical: bool) -> Compound:
    """Mark selected brothers and sisters of one partnership as twins (or more)."""
    if len(people) < 2:
        raise ModelError("select two or more brothers and sisters to mark them as twins")
    shared = set.intersection(*({link.union for link in case.family.parent_links(p)} for p in people))
    if not shared:
        raise ModelError("twins must be children of the same parents; these are not")
    edit, _ = ops.make_twins(case, min(shared), tuple(people), identical)
    names = " and ".join(case.family.person(p).short_name or "someone" for p in people)
    edit.label = f"Mark {names} as {'identical ' if identical else ''}twins"
    return edit
