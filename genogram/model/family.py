"""The family graph: a typed API over a private networkx graph.

Nodes are people and unions (a person is a partner in a union; a union has children), so
"someone their own ancestor" is exactly a cycle. Bonds, households and birth groups sit beside
the structure: they never change who descends from whom.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import networkx as nx

from .entities import (
    BirthGroup,
    Bond,
    ChildKind,
    ChildLink,
    Household,
    Person,
    PersonId,
    PersonKind,
    Union,
    UnionId,
)
from .errors import (
    ChildLinkError,
    CycleError,
    DuplicateIdError,
    ModelError,
    UnionError,
    UnknownIdError,
    UnknownPersonError,
    UnknownUnionError,
)

_PERSON, _UNION = "person", "union"
SIDE_COLLECTIONS = ("bonds", "households", "birth_groups")


def id_order(item_id: str) -> tuple[str, int, str]:
    """Ids sort by prefix, then number ("p2" before "p10"): creation order, stable under undo."""
    head = item_id.rstrip("0123456789")
    tail = item_id[len(head):]
    return (head, int(tail) if tail else -1, item_id)


def link_id(union: str, child: str) -> str:
    """The id a child link is known by in change notices."""
    return f"{union}>{child}"


class FamilyGraph:
    """People, unions and the links between them; validated on every change."""

    def __init__(self) -> None:
        self._g: nx.DiGraph = nx.DiGraph()
        self._side: dict[str, dict[str, Any]] = {name: {} for name in SIDE_COLLECTIONS}

    # ---- queries -------------------------------------------------------------------------
    def person(self, pid: str) -> Person:
        data = self._g.nodes.get(pid)
        if data is None or data["kind"] != _PERSON:
            raise UnknownPersonError(f"no person {pid!r} in this case")
        return data["data"]  # type: ignore[no-any-return]

    def has_person(self, pid: str) -> bool:
        data = self._g.nodes.get(pid)
        return data is not None and data["kind"] == _PERSON

    def people(self) -> list[Person]:
        found = [(n, d["data"]) for n, d in self._g.nodes(data=True) if d["kind"] == _PERSON]
        return [p for _, p in sorted(found, key=lambda t: id_order(t[0]))]

    def person_count(self) -> int:
        return sum(1 for _, d in self._g.nodes(data=True) if d["kind"] == _PERSON)

    def union(self, uid: str) -> Union:
        data = self._g.nodes.get(uid)
        if data is None or data["kind"] != _UNION:
            raise UnknownUnionError(f"no union {uid!r} in this case")
        return data["data"]  # type: ignore[no-any-return]

    def has_union(self, uid: str) -> bool:
        data = self._g.nodes.get(uid)
        return data is not None and data["kind"] == _UNION

    def unions(self) -> list[Union]:
        found = [(n, d["data"]) for n, d in self._g.nodes(data=True) if d["kind"] == _UNION]
        return [u for _, u in sorted(found, key=lambda t: id_order(t[0]))]

    def unions_of(self, pid: str) -> list[Union]:
        """The person's partnerships, in the order they were recorded."""
        self.person(pid)
        return [self._g.nodes[u]["data"] for u in sorted(self._g.successors(pid), key=id_order)]

    def partners_of(self, pid: str) -> list[PersonId]:
        return [next(p for p in u.partners if p != pid) for u in self.unions_of(pid)]

    def children_of(self, uid: str) -> list[ChildLink]:
        self.union(uid)
        return [self._g.edges[uid, c]["data"] for c in sorted(self._g.successors(uid), key=id_order)]

    def parent_links(self, pid: str) -> list[ChildLink]:
        """The unions this person is a child of (a birth family, an adoptive family …)."""
        self.person(pid)
        return [self._g.edges[u, pid]["data"] for u in sorted(self._g.predecessors(pid), key=id_order)]

    def parents_of(self, pid: str) -> list[PersonId]:
        out: list[PersonId] = []
        for link in self.parent_links(pid):
            for p in self.union(link.union).partners:
                if p not in out:
                    out.append(p)
        return out

    def child_link(self, uid: str, pid: str) -> ChildLink:
        if not self._g.has_edge(uid, pid) or self._g.nodes[uid]["kind"] != _UNION:
            raise UnknownIdError(f"{pid!r} is not a child of union {uid!r}")
        return self._g.edges[uid, pid]["data"]  # type: ignore[no-any-return]

    def child_links(self) -> list[ChildLink]:
        found = [
            d["data"] for u, _, d in self._g.edges(data=True) if self._g.nodes[u]["kind"] == _UNION
        ]
        return sorted(found, key=lambda l: (id_order(l.union), id_order(l.child)))

    def ancestors(self, pid: str) -> set[PersonId]:
        self.person(pid)
        return {n for n in nx.ancestors(self._g, pid) if self._g.nodes[n]["kind"] == _PERSON}

    def descendants(self, pid: str) -> set[PersonId]:
        self.person(pid)
        return {n for n in nx.descendants(self._g, pid) if self._g.nodes[n]["kind"] == _PERSON}

    # side collections: bonds, households, birth groups
    def item(self, collection: str, item_id: str) -> Any:
        try:
            return self._side[collection][item_id]
        except KeyError:
            raise UnknownIdError(f"no {collection[:-1].replace('_', ' ')} {item_id!r}") from None

    def items(self, collection: str) -> list[Any]:
        store = self._side[collection]
        return [store[k] for k in sorted(store, key=id_order)]

    def bonds(self) -> list[Bond]:
        return self.items("bonds")

    def bonds_of(self, pid: str) -> list[Bond]:
        return [b for b in self.bonds() if pid in (b.a, b.b)]

    def households(self) -> list[Household]:
        return self.items("households")

    def households_of(self, pid: str) -> list[Household]:
        return [h for h in self.households() if pid in h.members]

    def birth_groups(self) -> list[BirthGroup]:
        return self.items("birth_groups")

    def birth_group_of(self, pid: str) -> BirthGroup | None:
        return next((g for g in self.birth_groups() if pid in g.members), None)

    def to_networkx(self) -> nx.MultiDiGraph:
        """A copy for analysis: people and unions as nodes, partner, child and bond edges."""
        g = nx.MultiDiGraph()
        for n, d in self._g.nodes(data=True):
            g.add_node(n, kind=d["kind"], data=d["data"])
        for u, v, d in self._g.edges(data=True):
            role = "child" if self._g.nodes[u]["kind"] == _UNION else "partner"
            g.add_edge(u, v, role=role, data=d.get("data"))
        for b in self.bonds():
            g.add_edge(b.a, b.b, role="bond", data=b)
        return g

    def __iter__(self) -> Iterator[Person]:
        return iter(self.people())

    # ---- validated mutations (called by edits only) --------------------------------------
    def _check_new_id(self, item_id: str) -> None:
        if not item_id or item_id in self._g or any(item_id in s for s in self._side.values()):
            raise DuplicateIdError(f"the id {item_id!r} is already used")

    def _add_person(self, person: Person) -> None:
        self._check_new_id(person.id)
        self._g.add_node(person.id, kind=_PERSON, data=person)

    def _replace_person(self, person: Person) -> Person:
        old = self.person(person.id)
        if person.kind is not PersonKind.PERSON and (
            any(True for _ in self._g.successors(person.id))
        ):
            raise UnionError(f"{old.display_name} has a partner, so cannot be a pregnancy or loss")
        self._g.nodes[person.id]["data"] = person
        return old

    def _remove_person(self, pid: str) -> Person:
        old = self.person(pid)
        if self._g.degree(pid):
            raise ModelError(f"{old.display_name} still has partners or parents recorded")
        if any(pid in _members(item) for s in self._side.values() for item in s.values()):
            raise ModelError(f"{old.display_name} is still named in a bond, household or twin group")
        self._g.remove_node(pid)
        return old

    def _add_union(self, union: Union) -> None:
        self._check_new_id(union.id)
        self._check_partners(union)
        self._g.add_node(union.id, kind=_UNION, data=union)
        for p in union.partners:
            self._g.add_edge(p, union.id)

    def _check_partners(self, union: Union) -> None:
        if len(union.partners) != 2:
            raise UnionError("a partnership needs exactly two people")
        a, b = union.partners
        if a == b:
            raise UnionError(f"{self.person(a).display_name} cannot be their own partner")
        for p in union.partners:
            person = self.person(p)
            if person.kind is not PersonKind.PERSON:
                raise UnionError(f"a {person.kind.value} cannot be a partner")

    def _replace_union(self, union: Union) -> Union:
        old = self.union(union.id)
        if set(old.partners) != set(union.partners):
            raise UnionError("the partners of a union cannot be changed; add a new union instead")
        self._g.nodes[union.id]["data"] = union
        return old

    def _remove_union(self, uid: str) -> Union:
        old = self.union(uid)
        if any(True for _ in self._g.successors(uid)):
            raise ModelError("this union still has children recorded")
        if any(g.union == uid for g in self.birth_groups()):
            raise ModelError("this union still has a twin group recorded")
        self._g.remove_node(uid)
        return old

    def _link_child(self, link: ChildLink, check_cycles: bool = True) -> None:
        union = self.union(link.union)
        child = self.person(link.child)
        if self._g.has_edge(link.union, link.child):
            raise ChildLinkError(f"{child.display_name} is already a child of this union")
        if link.child in union.partners:
            raise CycleError(f"{child.display_name} cannot be a child of their own partnership")
        if check_cycles and nx.has_path(self._g, link.child, link.union):
            raise CycleError(
                f"{child.display_name} would become their own ancestor"
                " (a child of their own child)"
            )
        self._g.add_edge(link.union, link.child, data=link)

    def _replace_link(self, link: ChildLink) -> ChildLink:
        old = self.child_link(link.union, link.child)
        self._g.edges[link.union, link.child]["data"] = link
        return old

    def _unlink_child(self, uid: str, pid: str) -> ChildLink:
        old = self.child_link(uid, pid)
        group = self.birth_group_of(pid)
        if group is not None and group.union == uid:
            raise ModelError("the child is still in a twin group of this union")
        self._g.remove_edge(uid, pid)
        return old

    def _find_cycle(self) -> list[str] | None:
        if nx.is_directed_acyclic_graph(self._g):  # the usual answer, found in a third of the time
            return None
        try:
            return [u for u, _ in nx.find_cycle(self._g)]
        except nx.NetworkXNoCycle:
            return None

    def _put_item(self, collection: str, item: Any) -> Any | None:
        store = self._side[collection]
        old = store.get(item.id)
        if old is None:
            self._check_new_id(item.id)
        self._validate_item(collection, item)
        store[item.id] = item
        return old

    def _validate_item(self, collection: str, item: Any) -> None:
        if collection == "bonds":
            self.person(item.a)
            self.person(item.b)
            if item.a == item.b:
                raise ModelError("a bond joins two different people")
        elif collection == "households":
            for p in item.members:
                self.person(p)
        elif collection == "birth_groups":
            if len(item.members) < 2:
                raise ModelError("twins need at least two children in the group")
            for p in item.members:
                link = self.child_link(item.union, p)
                other = self.birth_group_of(p)
                if other is not None and other.id != item.id:
                    raise ModelError(f"{self.person(p).display_name} is already in a twin group")
                if link.kind is not ChildKind.BIRTH and self.person(p).kind is PersonKind.PERSON:
                    pass  # adopted twins are still twins

    def _remove_item(self, collection: str, item_id: str) -> Any:
        old = self.item(collection, item_id)
        del self._side[collection][item_id]
        return old


def _members(item: Any) -> tuple[str, ...]:
    if isinstance(item, Bond):
        return (item.a, item.b)
    return tuple(getattr(item, "members", ()))
