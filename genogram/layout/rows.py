"""The family as the layout sees it, and which row (generation) each person sits on.

`Family` reads the model once into plain dicts (the layout runs on thousands of people, so it
never goes back to the model per query) and settles the orders a reader expects: children
oldest on the left unless the user reordered them, twins together, a person's partners in the
order of the partnerships.

Rows: every child sits below every parent (a hard rule); a person with no parents in the
drawing (someone who partnered into the family) sits on their partner's row; a founding couple
with no other tie sits just above their highest child.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import Case, ChildKind, FuzzyDate, Person, PersonKind, Union
from ..model.family import id_order


@dataclass
class Family:
    """People, partnerships and children of one drawing, in deterministic orders."""

    people: dict[str, Person]  # in id order
    unions: dict[str, Union]  # kept unions (both partners drawn), in id order
    children: dict[str, list[str]]  # union -> children, in drawing order
    child_kind: dict[tuple[str, str], ChildKind]
    unions_of: dict[str, list[str]]  # person -> unions, in the order of the partnerships
    parent_unions: dict[str, list[str]]  # person -> unions they are a child of (primary first)
    twins: dict[str, str] = field(default_factory=dict)  # person -> birth group id
    twin_union: dict[str, str] = field(default_factory=dict)  # birth group -> union

    def partner(self, uid: str, pid: str) -> str:
        a, b = self.unions[uid].partners
        return b if a == pid else a


DateKey = tuple[int, int, int]


def _date_key(d: FuzzyDate | None) -> DateKey | None:
    return None if d is None else (d.year, d.month or 1, d.day or 1)


def ordered_by_date(ids: list[str], dates: dict[str, DateKey | None]) -> list[str]:
    """Sort ids by date; an undated one keeps its place after the dated one recorded before it."""
    keyed = []
    last: DateKey = (0, 0, 0)
    for i, item in enumerate(ids):
        d = dates.get(item)
        if d is not None:
            last = d
        keyed.append((d if d is not None else last, i, item))
    keyed.sort(key=lambda t: (t[0], t[1]))
    return [t[2] for t in keyed]


def apply_order_hint(default: list[str], hint: Iterable[str] | None,
                     dates: dict[str, DateKey | None]) -> list[str]:
    """The user's order where given; items the hint does not name slot in by date."""
    if not hint:
        return default
    present = set(default)
    out = [c for c in dict.fromkeys(hint) if c in present]
    named = set(out)
    for c in default:
        if c in named:
            continue
        d = dates.get(c)
        pos = len(out)
        if d is not None:
            for j, other in enumerate(out):
                od = dates.get(other)
                if od is not None and od > d:
                    pos = j
                    break
        out.insert(pos, c)
    return out


def read_family(case: Case, people: set[str] | None = None) -> Family:
    fam = case.family
    hints = case.hints
    persons: dict[str, Person] = {p.id: p for p in fam.people() if people is None or p.id in people}
    unions: dict[str, Union] = {u.id: u for u in fam.unions()
              if u.partners[0] in persons and u.partners[1] in persons}
    children: dict[str, list[str]] = {u: [] for u in unions}
    kinds: dict[tuple[str, str], ChildKind] = {}
    parent_unions: dict[str, list[str]] = {p: [] for p in persons}
    for link in fam.child_links():
        if link.union in unions and link.child in persons:
            children[link.union].append(link.child)
            kinds[(link.union, link.child)] = link.kind
            parent_unions[link.child].append(link.union)
    births: dict[str, DateKey | None] = {pid: _date_key(p.born) for pid, p in persons.items()}
    twins: dict[str, str] = {}
    twin_union: dict[str, str] = {}
    groups: dict[str, list[list[str]]] = {}
    for g in fam.birth_groups():
        if g.union in unions:
            members: list[str] = [m for m in g.members if m in persons and m in set(children[g.union])]
            if len(members) >= 2:
                groups.setdefault(g.union, []).append(members)
                twin_union[g.id] = g.union
                for m in members:
                    twins[m] = g.id
    for uid, kids in children.items():
        kids.sort(key=id_order)
        order = ordered_by_date(kids, births)
        order = apply_order_hint(order, hints.child_order.get(uid), births)
        for members in groups.get(uid, ()):
            order = _gather(order, members)
        children[uid] = order
    starts: dict[str, DateKey | None] = {uid: _date_key(u.started) for uid, u in unions.items()}
    unions_of: dict[str, list[str]] = {p: [] for p in persons}
    for uid, u in unions.items():
        for p in u.partners:
            unions_of[p].append(uid)
    for pid, us in unions_of.items():
        if len(us) > 1:
            order = ordered_by_date(us, starts)
            unions_of[pid] = apply_order_hint(order, hints.partner_order.get(pid), starts)
    for pid, us in parent_unions.items():
        if len(us) > 1:  # the birth family first: the child is drawn under it
            us.sort(key=lambda u: (kinds[(u, pid)] is not ChildKind.BIRTH, id_order(u)))
    return Family(persons, unions, children, kinds, unions_of, parent_unions, twins, twin_union)


def _gather(order: list[str], members: list[str]) -> list[str]:
    """Twins side by side, at the place of the first of them, in the order already chosen."""
    inside = set(members)
    first = next(i for i, c in enumerate(order) if c in inside)
    group = [c for c in order if c in inside]
    rest = [c for c in order if c not in inside]
    before = sum(1 for c in order[:first] if c not in inside)
    return rest[:before] + group + rest[before:]


def assign_rows(fam: Family) -> dict[str, int]:
    """Generation row of every person: children below all parents; partners level where possible.

    People with parents sit one row below their lowest parent. People without parents (founders,
    and everyone who partnered into the family) are grouped with the parentless partners they
    share partnerships with; a group sits on the highest row of its other partners, or at the top.
    A group is placed only after those partners, so its own children are pushed down to follow.
    """
    group_of: dict[str, str] = {}
    groups: dict[str, list[str]] = {}
    for start in fam.people:
        if fam.parent_unions[start] or start in group_of:
            continue
        members, stack = [], [start]
        group_of[start] = start
        while stack:  # founders joined by partnerships with each other move together
            p = stack.pop()
            members.append(p)
            for u in fam.unions_of[p]:
                q = fam.partner(u, p)
                if q not in group_of and not fam.parent_unions[q]:
                    group_of[q] = start
                    stack.append(q)
        groups[start] = members
    node = {p: group_of.get(p, p) for p in fam.people}
    after: dict[str, list[str]] = {n: [] for n in dict.fromkeys(node.values())}
    indeg: dict[str, int] = dict.fromkeys(after, 0)
    for pid, ups in fam.parent_unions.items():
        for q in dict.fromkeys(q for u in ups for q in fam.unions[u].partners):
            after[node[q]].append(pid)
            indeg[pid] += 1
    partners_out: dict[str, list[str]] = {}
    for g, members in groups.items():
        inside = set(members)
        outs = [q for p in members for u in fam.unions_of[p] if (q := fam.partner(u, p)) not in inside]
        partners_out[g] = outs
        for q in dict.fromkeys(outs):
            after[node[q]].append(g)
            indeg[g] += 1
    rank: dict[str, int] = {}

    def settle(n: str) -> None:
        if n in groups:
            known = [rank[q] for q in partners_out[n] if q in rank]
            r = min(known) if known else 0
            for p in groups[n]:
                rank[p] = r
        else:
            ups = fam.parent_unions[n]
            rank[n] = 1 + max(rank.get(q, 0) for u in ups for q in fam.unions[u].partners)

    ready = [n for n in after if indeg[n] == 0]
    left = set(after)
    i = 0
    while left:
        if i == len(ready):  # only a partnership with one's own descendant loops: break it there
            stuck = next(n for n in after if n in left and n in groups)
            indeg[stuck] = 0
            ready.append(stuck)
        n = ready[i]
        i += 1
        if n not in left:
            continue
        left.discard(n)
        settle(n)
        for m in after[n]:
            indeg[m] -= 1
            if indeg[m] == 0:
                ready.append(m)
    _level_partners(fam, rank)
    return rank


def _level_partners(fam: Family, rank: dict[str, int]) -> None:
    """Bring partners from two families onto one row by lowering the higher family as a block.

    When a couple's two sides are joined only through that couple (Harry Potter's family and Ginny
    Weasley's), the whole side of the partner drawn higher moves down, keeping every rule inside
    it. Sides joined some other way (cousins) stay where they are. The search is budgeted so a
    big genealogy with many such couples stays fast.
    """
    budget = 30 * len(fam.people) + 1000
    for uid, u in fam.unions.items():
        a, b = u.partners
        if rank[a] == rank[b] or not fam.parent_unions[a] or not fam.parent_unions[b]:
            continue
        high, low = (a, b) if rank[a] < rank[b] else (b, a)
        side, budget = _side(fam, uid, high, low, budget)
        if side is None:
            if budget <= 0:
                return
            continue
        delta = rank[low] - rank[high]
        for p in side:
            rank[p] += delta


def _side(fam: Family, cut: str, start: str, avoid: str, budget: int) -> tuple[set[str] | None, int]:
    """Everyone tied to `start` other than through union `cut`; None if that reaches `avoid`."""
    seen = {start}
    seen_unions = {cut}
    stack = [start]
    while stack:
        p = stack.pop()
        budget -= 1
        if budget <= 0:
            return None, budget
        for u in fam.unions_of[p] + fam.parent_unions[p]:
            if u in seen_unions:
                continue
            seen_unions.add(u)
            for q in (*fam.unions[u].partners, *fam.children[u]):
                if q == avoid:
                    return None, budget
                if q not in seen:
                    seen.add(q)
                    stack.append(q)
    return seen, budget


def is_loss(person: Person) -> bool:
    return person.kind is not PersonKind.PERSON
