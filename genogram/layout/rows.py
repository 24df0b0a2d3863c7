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
from dataclasses import dataclass, field, replace

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
    # unions of a partial view with one partner left out: (p, p), children hang under p, not drawn
    lone: set[str] = field(default_factory=set)

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
    lone: set[str] = set()
    if people is not None:  # a household view: children stay under the parent who is there
        for u in fam.unions():
            present = [p for p in u.partners if p in persons]
            if len(present) == 1 and any(link.child in persons for link in fam.children_of(u.id)):
                unions[u.id] = replace(u, partners=(present[0], present[0]))
                lone.add(u.id)
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
        for p in dict.fromkeys(u.partners):
            unions_of[p].append(uid)
    for pid, us in unions_of.items():
        if len(us) > 1:
            order = ordered_by_date(us, starts)
            unions_of[pid] = apply_order_hint(order, hints.partner_order.get(pid), starts)
    for pid, us in parent_unions.items():
        if len(us) > 1:  # the birth family first: the child is drawn under it
            us.sort(key=lambda u: (u in lone, kinds[(u, pid)] is not ChildKind.BIRTH, id_order(u)))
    return Family(persons, unions, children, kinds, unions_of, parent_unions, twins, twin_union, lone)


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
    children_of: dict[str, list[str]] = {n: [] for n in after}
    for pid, ups in fam.parent_unions.items():
        for q in dict.fromkeys(q for u in ups for q in fam.unions[u].partners):
            after[node[q]].append(pid)
            children_of[node[q]].append(pid)
            indeg[pid] += 1
    partners_out: dict[str, list[str]] = {}
    for g, members in groups.items():
        inside = set(members)
        outs = [q for p in members for u in fam.unions_of[p] if (q := fam.partner(u, p)) not in inside]
        partners_out[g] = outs
        for q in dict.fromkeys(outs):
            after[node[q]].append(g)
            indeg[g] += 1

    def run(floor: dict[str, int]) -> dict[str, int]:
        rank: dict[str, int] = {}
        need = dict(indeg)
        ready = [n for n in after if need[n] == 0]
        left = set(after)
        i = 0
        while left:
            if i == len(ready):  # only a partnership with one's own descendant loops: break it
                waiting = [n for n in after if n in left and n in groups]  # a loop has one
                stuck = next((n for n in waiting if _descends(set(partners_out[n]), n, children_of)),
                             None) or next((n for n in waiting if _loops(n, after, left)), waiting[0])
                need[stuck] = 0
                ready.append(stuck)
            n = ready[i]
            i += 1
            if n not in left:
                continue
            left.discard(n)
            if n in groups:
                known = [rank[q] for q in partners_out[n] if q in rank]
                r = max(min(known) if known else 0, floor.get(n, 0))
                for p in groups[n]:
                    rank[p] = r
            else:
                ups = fam.parent_unions[n]
                r = 1 + max(rank.get(q, 0) for u in ups for q in fam.unions[u].partners)
                rank[n] = max(r, floor.get(n, 0))
            for m in after[n]:
                need[m] -= 1
                if need[m] == 0:
                    ready.append(m)
        return rank

    rank = run({})
    floor = _level_partners(fam, rank, groups, partners_out)
    for p, r in _lower_founders(fam, rank, groups, partners_out).items():
        floor[p] = max(r, floor.get(p, 0))
    if not floor:
        return rank
    by_node: dict[str, int] = {}
    for p, r in floor.items():
        by_node[node[p]] = max(r, by_node.get(node[p], 0))
    return run(by_node)


def _lower_founders(fam: Family, rank: dict[str, int], groups: dict[str, list[str]],
                    partners_out: dict[str, list[str]]) -> dict[str, int]:
    """Founders tied to the family only through a child sit just above that child's row.

    A child's birth parents who are otherwise unknown to the family (an adopted child's)
    belong with the child's adoptive parents' generation, not on the top row; their other
    children then come down to the child's row with them.
    """
    floor: dict[str, int] = {}
    for g, members in groups.items():
        if partners_out[g]:
            continue
        inside = set(members)
        need: list[int] = []
        for p in members:
            for u in fam.unions_of[p]:
                for k in fam.children[u]:
                    others = [q for v in fam.parent_unions[k] for q in fam.unions[v].partners
                              if q not in inside]
                    if others:
                        need.append(max(rank[q] for q in others))
        if need and min(need) > rank[g]:  # rare: only now look for other parents who descend
            below = _descendants(fam, members)
            need = []
            for p in members:
                for u in fam.unions_of[p]:
                    for k in fam.children[u]:
                        others = [q for v in fam.parent_unions[k] for q in fam.unions[v].partners
                                  if q not in inside]
                        if others and not any(q in below for q in others):
                            need.append(max(rank[q] for q in others))
        if need and min(need) > rank[g]:
            for p in members:
                floor[p] = min(need)
    return floor


def _descendants(fam: Family, start: list[str]) -> set[str]:
    seen: set[str] = set()
    stack = list(start)
    while stack:
        p = stack.pop()
        for u in fam.unions_of[p]:
            for k in fam.children[u]:
                if k not in seen:
                    seen.add(k)
                    stack.append(k)
    return seen


def _descends(targets: set[str], start: str, children_of: dict[str, list[str]]) -> bool:
    """Whether any of `targets` is a descendant of `start` (a partner who is also a descendant)."""
    seen: set[str] = set()
    stack = list(children_of[start])
    while stack:
        n = stack.pop()
        if n in targets:
            return True
        if n not in seen:
            seen.add(n)
            stack.extend(children_of[n])
    return False


def _loops(start: str, after: dict[str, list[str]], left: set[str]) -> bool:
    """Whether `start` waits, through people not yet placed, on itself."""
    seen: set[str] = set()
    stack = list(after[start])
    while stack:
        n = stack.pop()
        if n == start:
            return True
        if n not in seen and n in left:
            seen.add(n)
            stack.extend(after[n])
    return False


def _level_partners(fam: Family, rank: dict[str, int], groups: dict[str, list[str]],
                    partners_out: dict[str, list[str]]) -> dict[str, int]:
    """Lowest rows that bring partners from two families level, by lowering a family as a block.

    When a couple's two sides are joined only through that couple (Harry Potter's family and
    Ginny Weasley's), the side drawn higher moves down as a whole, keeping every rule inside it;
    likewise for someone without parents whose partners come from families at different depths.
    Sides joined some other way (cousins) stay. The search is budgeted so a big genealogy with
    many such couples stays fast. Returns the new lowest row of each person moved.
    """
    budget = 30 * len(fam.people) + 1000
    floor: dict[str, int] = {}
    pairs: list[tuple[set[str], str, str]] = []  # (unions to cut, higher partner, lower partner)
    for uid, u in fam.unions.items():
        a, b = u.partners
        if fam.parent_unions[a] and fam.parent_unions[b] and rank[a] != rank[b]:
            high, low = (a, b) if rank[a] < rank[b] else (b, a)
            pairs.append(({uid}, high, low))
    for g, members in groups.items():
        outs = [q for q in dict.fromkeys(partners_out[g]) if fam.parent_unions[q]]
        if len({rank[q] for q in outs}) > 1:
            deepest = max(outs, key=lambda q: rank[q])
            inside = set(members)
            for q in outs:
                if rank[q] < rank[deepest]:
                    cut = {u for u in fam.unions_of[q] if fam.partner(u, q) in inside}
                    pairs.append((cut, q, deepest))
    for cut, top, bottom in pairs:
        now_high, now_low = floor.get(top, rank[top]), floor.get(bottom, rank[bottom])
        if now_high >= now_low:
            continue
        side, budget = _side(fam, cut, top, bottom, budget)
        if side is None:
            if budget <= 0:
                break
            continue
        delta = now_low - now_high
        for p in side:
            floor[p] = floor.get(p, rank[p]) + delta
    return floor


def _side(fam: Family, cut: set[str], start: str, avoid: str, budget: int) -> tuple[set[str] | None, int]:
    """Everyone tied to `start` other than through the unions `cut`; None if that reaches `avoid`."""
    seen = {start}
    seen_unions = set(cut)
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
