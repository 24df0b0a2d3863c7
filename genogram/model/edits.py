"""Every change to a case is an Edit; applying one returns its exact inverse.

Removals cascade (removing a person removes their partnerships, links, bonds and
memberships) by building a Compound of primitive edits, so the inverse restores all of it.
The desktop wraps each edit in a QUndoCommand whose text is the edit's `label`.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from .entities import ChildLink, LayoutHints, Person, Union
from .events import Change
from .family import SIDE_COLLECTIONS, link_id

if TYPE_CHECKING:
    from .case import Case, CaseMeta


class Edit:
    label: str = ""

    def apply(self, case: Case) -> Edit:  # pragma: no cover - abstract
        raise NotImplementedError


def _emit(case: Case, collection: str, action: str, item_id: str | None) -> None:
    case.events.emit(Change(collection, action, item_id))  # type: ignore[arg-type]


@dataclass
class Compound(Edit):
    """Several edits as one step. If one fails, those already applied are undone."""

    edits: list[Edit] = field(default_factory=list)
    label: str = ""

    def apply(self, case: Case) -> Edit:
        done: list[Edit] = []
        try:
            for e in self.edits:
                done.append(e.apply(case))
        except Exception:
            for inverse in reversed(done):
                inverse.apply(case)
            raise
        return Compound(list(reversed(done)), self.label)


# ---- people -------------------------------------------------------------------------------
@dataclass
class AddPerson(Edit):
    person: Person
    label: str = ""

    def apply(self, case: Case) -> Edit:
        case.family._add_person(self.person)
        _emit(case, "people", "added", self.person.id)
        return RemovePerson(self.person.id, self.label)


@dataclass
class UpdatePerson(Edit):
    person: Person
    label: str = ""

    def apply(self, case: Case) -> Edit:
        old = case.family._replace_person(self.person)
        _emit(case, "people", "changed", self.person.id)
        return UpdatePerson(old, self.label)


@dataclass
class RemovePerson(Edit):
    """Remove a person with everything that names them."""

    person_id: str
    label: str = ""

    def apply(self, case: Case) -> Edit:
        fam, pid = case.family, self.person_id
        person = fam.person(pid)
        steps: list[Edit] = []
        for b in fam.bonds_of(pid):
            steps.append(Delete("bonds", b.id))
        for h in fam.households_of(pid):
            steps.append(Put("households", replace(h, members=tuple(m for m in h.members if m != pid))))
        for link in fam.parent_links(pid):
            steps.append(UnlinkChild(link.union, pid))
        for u in fam.unions_of(pid):
            steps.append(RemoveUnion(u.id))
        for collection in ("eco_systems", "eco_connections"):
            for rec in case.records(collection):
                if getattr(rec, "person", None) == pid:
                    steps.append(Put(collection, replace(rec, person=None)))
        if case.meta.index_person == pid:
            steps.append(SetMeta(replace(case.meta, index_person=None)))
        hints = case.hints
        if pid in hints.nudges:
            nudges = {k: v for k, v in hints.nudges.items() if k != pid}
            steps.append(SetHints(replace(hints, nudges=nudges)))
        steps.append(_DropPerson(pid))
        inverse = Compound(steps, self.label or f"Remove {person.display_name}").apply(case)
        return inverse


@dataclass
class _DropPerson(Edit):
    person_id: str

    def apply(self, case: Case) -> Edit:
        old = case.family._remove_person(self.person_id)
        _emit(case, "people", "removed", self.person_id)
        return AddPerson(old)


# ---- unions and children ------------------------------------------------------------------
@dataclass
class AddUnion(Edit):
    union: Union
    label: str = ""

    def apply(self, case: Case) -> Edit:
        case.family._add_union(self.union)
        _emit(case, "unions", "added", self.union.id)
        return RemoveUnion(self.union.id, self.label)


@dataclass
class UpdateUnion(Edit):
    union: Union
    label: str = ""

    def apply(self, case: Case) -> Edit:
        old = case.family._replace_union(self.union)
        _emit(case, "unions", "changed", self.union.id)
        return UpdateUnion(old, self.label)


@dataclass
class RemoveUnion(Edit):
    union_id: str
    label: str = ""

    def apply(self, case: Case) -> Edit:
        fam, uid = case.family, self.union_id
        fam.union(uid)
        steps: list[Edit] = [Delete("birth_groups", g.id) for g in fam.birth_groups() if g.union == uid]
        steps += [UnlinkChild(uid, link.child) for link in fam.children_of(uid)]
        if uid in case.hints.child_order:
            order = {k: v for k, v in case.hints.child_order.items() if k != uid}
            steps.append(SetHints(replace(case.hints, child_order=order)))
        steps.append(_DropUnion(uid))
        return Compound(steps, self.label).apply(case)


@dataclass
class _DropUnion(Edit):
    union_id: str

    def apply(self, case: Case) -> Edit:
        old = case.family._remove_union(self.union_id)
        _emit(case, "unions", "removed", self.union_id)
        return AddUnion(old)


@dataclass
class LinkChild(Edit):
    link: ChildLink
    label: str = ""

    def apply(self, case: Case) -> Edit:
        case.family._link_child(self.link)
        _emit(case, "child_links", "added", link_id(self.link.union, self.link.child))
        return UnlinkChild(self.link.union, self.link.child, self.label)


@dataclass
class UpdateChildLink(Edit):
    link: ChildLink
    label: str = ""

    def apply(self, case: Case) -> Edit:
        old = case.family._replace_link(self.link)
        _emit(case, "child_links", "changed", link_id(self.link.union, self.link.child))
        return UpdateChildLink(old, self.label)


@dataclass
class UnlinkChild(Edit):
    union_id: str
    child_id: str
    label: str = ""

    def apply(self, case: Case) -> Edit:
        fam = case.family
        group = fam.birth_group_of(self.child_id)
        steps: list[Edit] = []
        if group is not None and group.union == self.union_id:
            rest = tuple(m for m in group.members if m != self.child_id)
            steps.append(Delete("birth_groups", group.id) if len(rest) < 2
                         else Put("birth_groups", replace(group, members=rest)))
        steps.append(_DropLink(self.union_id, self.child_id))
        return Compound(steps, self.label).apply(case)


@dataclass
class _DropLink(Edit):
    union_id: str
    child_id: str

    def apply(self, case: Case) -> Edit:
        old = case.family._unlink_child(self.union_id, self.child_id)
        _emit(case, "child_links", "removed", link_id(self.union_id, self.child_id))
        return LinkChild(old)


# ---- bonds, households, twins, and every record collection --------------------------------
@dataclass
class Put(Edit):
    """Add or replace an item of a named collection (bonds, households, plans, ecomaps …)."""

    collection: str
    item: Any
    label: str = ""

    def apply(self, case: Case) -> Edit:
        if self.collection in SIDE_COLLECTIONS:
            old = case.family._put_item(self.collection, self.item)
            _emit(case, self.collection, "changed" if old is not None else "added", self.item.id)
        else:
            old = case._put_record(self.collection, self.item)
        if old is None:
            return Delete(self.collection, self.item.id, self.label)
        return Put(self.collection, old, self.label)


@dataclass
class Delete(Edit):
    collection: str
    item_id: str
    label: str = ""

    def apply(self, case: Case) -> Edit:
        if self.collection in SIDE_COLLECTIONS:
            old = case.family._remove_item(self.collection, self.item_id)
            _emit(case, self.collection, "removed", self.item_id)
        elif self.collection == "ecomaps":
            return self._remove_ecomap(case)
        else:
            old = case._remove_record(self.collection, self.item_id)
        return Put(self.collection, old, self.label)

    def _remove_ecomap(self, case: Case) -> Edit:
        steps: list[Edit] = [
            _DropRecord(c, r.id)
            for c in ("eco_connections", "eco_systems")
            for r in case.records(c)
            if r.ecomap == self.item_id
        ]
        steps.append(_DropRecord("ecomaps", self.item_id))
        return Compound(steps, self.label).apply(case)


@dataclass
class _DropRecord(Edit):
    collection: str
    item_id: str

    def apply(self, case: Case) -> Edit:
        return Put(self.collection, case._remove_record(self.collection, self.item_id))


# ---- case settings --------------------------------------------------------------------------
@dataclass
class SetMeta(Edit):
    meta: CaseMeta
    label: str = ""

    def apply(self, case: Case) -> Edit:
        if self.meta.index_person is not None:
            case.family.person(self.meta.index_person)
        return SetMeta(case._set_meta(self.meta), self.label)


@dataclass
class SetHints(Edit):
    """The user's arrangement: nudges and orders. A drag is one SetHints."""

    hints: LayoutHints
    label: str = ""

    def apply(self, case: Case) -> Edit:
        return SetHints(case._set_hints(self.hints), self.label)


@dataclass
class SetMedia(Edit):
    name: str
    data: bytes | None
    label: str = ""

    def apply(self, case: Case) -> Edit:
        return SetMedia(self.name, case._set_media(self.name, self.data), self.label)
