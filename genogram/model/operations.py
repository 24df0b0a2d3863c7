"""The edits a practitioner asks for in one gesture: add a partner, a child, a sibling, parents.

Each builder returns a labelled Compound (the undo text a user reads) and the id of the person
to select next.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .edits import AddPerson, AddUnion, Compound, LinkChild, Put, SetHints, UpdatePerson
from .entities import (
    BirthGroup,
    Bond,
    BondKind,
    ChildKind,
    ChildLink,
    Gender,
    Person,
    PersonKind,
    Union,
    UnionKind,
)
from .errors import ModelError

if TYPE_CHECKING:
    from .case import Case

_OPPOSITE = {Gender.FEMALE: Gender.MALE, Gender.MALE: Gender.FEMALE}


def _name(case: Case, pid: str) -> str:
    return case.family.person(pid).short_name or case.family.person(pid).display_name


def add_person(case: Case, given: str = "", gender: Gender = Gender.UNKNOWN, **fields: object) -> tuple[Compound, str]:
    pid = case.new_id("p")
    person = Person(id=pid, given=given, gender=gender, **fields)  # type: ignore[arg-type]
    return Compound([AddPerson(person)], f"Add {person.display_name}"), pid


def add_partner(case: Case, pid: str, given: str = "", gender: Gender | None = None,
                kind: UnionKind = UnionKind.MARRIED) -> tuple[Compound, str]:
    me = case.family.person(pid)
    if me.kind is not PersonKind.PERSON:
        raise ModelError("a pregnancy or loss cannot have a partner")
    new = case.new_id("p")
    partner = Person(id=new, given=given, gender=gender or _OPPOSITE.get(me.gender, Gender.UNKNOWN))
    union = Union(id=case.new_id("u"), partners=(pid, new), kind=kind)
    return Compound([AddPerson(partner), AddUnion(union)], f"Add partner for {_name(case, pid)}"), new


def add_child(case: Case, pid: str, given: str = "", gender: Gender = Gender.UNKNOWN,
              kind: ChildKind = ChildKind.BIRTH, union_id: str | None = None,
              person_kind: PersonKind = PersonKind.PERSON) -> tuple[Compound, str]:
    """A child of `union_id`, or of the person's latest partnership (or with an unknown partner)."""
    fam = case.family
    steps = []
    if union_id is None:
        unions = fam.unions_of(pid)
        if unions:
            union_id = unions[-1].id
        else:
            other = case.new_id("p")
            me = fam.person(pid)
            steps.append(AddPerson(Person(id=other, given="", known_as="Not known",
                                          gender=_OPPOSITE.get(me.gender, Gender.UNKNOWN))))
            union_id = case.new_id("u")
            steps.append(AddUnion(Union(id=union_id, partners=(pid, other), kind=UnionKind.CASUAL)))
    child = case.new_id("p")
    steps.append(AddPerson(Person(id=child, given=given, gender=gender, kind=person_kind)))
    steps.append(LinkChild(ChildLink(union_id, child, kind)))
    what = "pregnancy" if person_kind is PersonKind.PREGNANCY else (
        "loss" if person_kind is not PersonKind.PERSON else "child")
    return Compound(steps, f"Add {what} for {_name(case, pid)}"), child


def add_parents(case: Case, pid: str) -> tuple[Compound, str]:
    fam = case.family
    if any(l.kind is ChildKind.BIRTH for l in fam.parent_links(pid)):
        raise ModelError(f"{_name(case, pid)} already has birth parents")
    mother, father, union = case.new_id("p"), case.new_id("p"), case.new_id("u")
    steps = [
        AddPerson(Person(id=mother, known_as="Mother", gender=Gender.FEMALE)),
        AddPerson(Person(id=father, known_as="Father", gender=Gender.MALE)),
        AddUnion(Union(id=union, partners=(father, mother), kind=UnionKind.MARRIED)),
        LinkChild(ChildLink(union, pid, ChildKind.BIRTH)),
    ]
    return Compound(steps, f"Add parents for {_name(case, pid)}"), mother


def add_sibling(case: Case, pid: str, given: str = "", gender: Gender = Gender.UNKNOWN) -> tuple[Compound, str]:
    fam = case.family
    links = fam.parent_links(pid)
    steps = []
    if links:
        union_id = (next((l for l in links if l.kind is ChildKind.BIRTH), links[0])).union
    else:
        parents, _ = add_parents(case, pid)
        steps.extend(parents.edits)
        union_id = next(e.union.id for e in parents.edits if isinstance(e, AddUnion))
    sib = case.new_id("p")
    steps.append(AddPerson(Person(id=sib, given=given, gender=gender)))
    steps.append(LinkChild(ChildLink(union_id, sib, ChildKind.BIRTH)))
    return Compound(steps, f"Add sibling for {_name(case, pid)}"), sib


def rename(case: Case, pid: str, given: str) -> Compound:
    p = case.family.person(pid)
    return Compound([UpdatePerson(replace(p, given=given))], f"Rename {p.display_name}")


def add_bond(case: Case, a: str, b: str, kind: BondKind, directed: bool = False) -> tuple[Compound, str]:
    bid = case.new_id("b")
    label = f"Show {kind.value.replace('_', ' ')} relationship between {_name(case, a)} and {_name(case, b)}"
    return Compound([Put("bonds", Bond(bid, a, b, kind, directed))], label), bid


def make_twins(case: Case, union_id: str, members: tuple[str, ...], identical: bool) -> tuple[Compound, str]:
    gid = case.new_id("tw")
    label = "Mark as identical twins" if identical else "Mark as twins"
    return Compound([Put("birth_groups", BirthGroup(gid, union_id, members, identical))], label), gid


def nudge(case: Case, moves: dict[str, tuple[float, float]]) -> Compound:
    """Move people by offsets from where the layout puts them: one undo step for a whole drag."""
    nudges = dict(case.hints.nudges)
    for pid, (dx, dy) in moves.items():
        ox, oy = nudges.get(pid, (0.0, 0.0))
        nudges[pid] = (ox + dx, oy + dy)
    label = "Move " + (_name(case, next(iter(moves))) if len(moves) == 1 else f"{len(moves)} people")
    return Compound([SetHints(replace(case.hints, nudges=nudges))], label)
