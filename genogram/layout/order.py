"""Who sits beside whom: partner groups on a row, and the family tree they hang in.

A *cluster* is a run of people on one row joined by partnerships: a couple, or someone with
their successive partners (first on the left, second on the right, further ones alternating
outwards). Every cluster hangs under one parent union (its *primary*: the birth family of its
first member who has parents), so the clusters form a forest; the placement packs that forest
like a tidy tree, which keeps every family's children together under their parents and makes a
small edit move only its own branch. Other ties (an adopted child's birth family, the second
family of a couple who are both children of the family) are drawn as lines between branches.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Gender
from ..model.family import id_order
from .rows import Family


@dataclass
class Cluster:
    id: int
    row: int
    members: list[str]  # left to right
    flippable: bool = False  # two members with parents: may be mirrored to face them
    unions: list[str] = field(default_factory=list)  # unions whose children hang from here
    parent_union: str | None = None
    anchor: str | None = None  # the member who is a child of `parent_union`
    kids: list[int] = field(default_factory=list)


@dataclass
class Forest:
    clusters: list[Cluster]
    cluster_of: dict[str, int]
    owner: dict[str, int]  # union -> cluster its children hang from
    roots: list[int]
    root_of: list[int] = field(default_factory=list)
    # ties between branches: (cluster, member, union the member is also a child of)
    links: list[tuple[int, str, str]] = field(default_factory=list)
    group: dict[int, int] = field(default_factory=dict)  # root -> its group of tied roots


def build_forest(fam: Family, rows: dict[str, int]) -> Forest:
    level = {p: [u for u in fam.unions_of[p] if rows[fam.partner(u, p)] == rows[p] and u not in fam.lone]
             for p in fam.people}
    clusters: list[Cluster] = []
    cluster_of: dict[str, int] = {}
    for pid in fam.people:
        if pid in cluster_of:
            continue
        comp = _component(fam, level, pid)
        members = _arrange(fam, level, comp)
        c = Cluster(len(clusters), rows[pid], members)
        both = [m for m in members if fam.parent_unions[m]]
        c.flippable = len(both) >= 2  # two lines up to two families: turned to face them
        for m in members:
            cluster_of[m] = c.id
        clusters.append(c)
    owner: dict[str, int] = {}
    for uid, u in fam.unions.items():
        a, b = u.partners
        deeper = a if rows[a] >= rows[b] else b
        owner[uid] = cluster_of[deeper]
    for c in clusters:
        pos = {m: i for i, m in enumerate(c.members)}
        mine = [u for m in c.members for u in fam.unions_of[m] if owner[u] == c.id]
        c.unions = sorted(dict.fromkeys(mine), key=lambda u: _union_pos(fam, u, pos))
        _choose_parent(fam, c)
    for c in clusters:
        _orient_for_siblings(fam, c)
        _orient_for_twins(fam, c)
    kids: dict[str, list[tuple[int, int]]] = {}
    for c in clusters:
        if c.parent_union is not None and c.anchor is not None:
            kids.setdefault(c.parent_union, []).append(
                (fam.children[c.parent_union].index(c.anchor), c.id))
    for uid, lst in kids.items():
        lst.sort()
        clusters[owner[uid]].kids.extend(cid for _, cid in lst)
    # kids follow their union's order inside the parent cluster
    for c in clusters:
        if len(c.unions) > 1 and c.kids:
            rank = {u: i for i, u in enumerate(c.unions)}
            c.kids.sort(key=lambda k: rank[clusters[k].parent_union])  # type: ignore[index]
    forest = Forest(clusters, cluster_of, owner, [])
    _order_roots(fam, forest)
    return forest


def _union_pos(fam: Family, uid: str, pos: dict[str, int]) -> tuple[float, str]:
    idx = [pos[p] for p in fam.unions[uid].partners if p in pos]
    return (sum(idx) / len(idx), uid)


def _component(fam: Family, level: dict[str, list[str]], start: str) -> list[str]:
    seen = {start}
    stack = [start]
    while stack:
        p = stack.pop()
        for u in level[p]:
            q = fam.partner(u, p)
            if q not in seen:
                seen.add(q)
                stack.append(q)
    return sorted(seen, key=id_order)


def _arrange(fam: Family, level: dict[str, list[str]], comp: list[str]) -> list[str]:
    """Left-to-right order of a partner group, around the person with the most partners."""
    if len(comp) == 1:
        return comp
    if len(comp) == 2:
        a, b = fam.unions[level[comp[0]][0]].partners
        ga, gb = fam.people[a].gender, fam.people[b].gender
        if ga is Gender.FEMALE and gb is Gender.MALE:  # the man on the left, by convention
            return [b, a]
        return [a, b]
    hub = min(comp, key=lambda p: (-len(level[p]), not fam.parent_unions[p], id_order(p)))
    left: list[str] = []
    right: list[str] = []
    placed = {hub}

    def extend(p: str, side: list[str], unions: list[str]) -> None:
        for u in unions:
            q = fam.partner(u, p)
            if q in placed:
                continue
            placed.add(q)
            side.append(q)
            extend(q, side, level[q])

    for i, u in enumerate(level[hub]):
        q = fam.partner(u, hub)
        if q in placed:
            continue
        side = left if i % 2 == 0 else right
        placed.add(q)
        side.append(q)
        extend(q, side, level[q])
    out = list(reversed(left)) + [hub] + right
    out += [p for p in comp if p not in placed]
    return out


def _choose_parent(fam: Family, c: Cluster) -> None:
    """The family this cluster hangs under: the hub's, or that of the partner from the smaller family."""
    with_parents = [m for m in c.members if fam.parent_unions[m]]
    if not with_parents:
        return
    hub = max(c.members, key=lambda m: len(fam.unions_of[m]))
    if hub in with_parents and len(c.members) > 2:
        anchor = hub
    else:  # the one with fewer brothers and sisters stays with them; the other's line reaches over
        anchor = min(with_parents, key=lambda m: (len(fam.children[fam.parent_unions[m][0]]),
                                                  id_order(m)))
    c.anchor = anchor
    c.parent_union = fam.parent_unions[anchor][0]


def _orient_for_siblings(fam: Family, c: Cluster) -> None:
    """Mirror a group so a partner who reaches back to their own family faces it.

    Such a partner's line comes from their brothers and sisters; the youngest stands at the
    right end of them, so their family is best drawn to the left (and the eldest's to the
    right): the group turns to put them on that side, and the families are then ordered to
    match, which keeps the sibling line short and every child in birth order.
    """
    if not c.flippable:
        return
    pull = 0.0
    last = len(c.members) - 1
    for i, m in enumerate(c.members):
        ups = fam.parent_unions[m]
        if m == c.anchor or not ups:
            continue
        sibs = fam.children[ups[0]]
        if len(sibs) < 2:
            continue
        at = sibs.index(m)
        side = 1.0 if at == len(sibs) - 1 else -1.0 if at == 0 else 0.0  # 1: wants the left end
        pull += side * (i - last / 2)
    if pull > 0:
        c.members.reverse()


def _orient_for_twins(fam: Family, c: Cluster) -> None:
    """A twin with a partner turns so the twins stand together."""
    a = c.anchor
    if a is None or a not in fam.twins or len(c.members) < 2:
        return
    sibs = fam.children[c.parent_union]  # type: ignore[index]
    group = fam.twins[a]
    others = [i for i, s in enumerate(sibs) if fam.twins.get(s) == group and s != a]
    me = sibs.index(a)
    want_right = any(i > me for i in others)  # twins after me: I stand at my group's right end
    c.flippable = False
    inside = [s for s in sibs if fam.twins.get(s) == group and s in c.members]
    if len(inside) > 1:  # twins who share a partner: side by side, partners either side
        first = {fam.partner(u, inside[0]) for u in fam.unions_of[inside[0]]}
        left = [m for m in c.members if m not in inside and m in first]
        right = [m for m in c.members if m not in inside and m not in first]
        c.members[:] = left + inside + right
        return
    rest = [m for m in c.members if m != a]  # partners keep their order, all on the far side
    c.members[:] = rest + [a] if want_right else [a] + rest


def _order_roots(fam: Family, forest: Forest) -> None:
    """Root families side by side, those joined by a marriage or adoption next to each other."""
    clusters, owner = forest.clusters, forest.owner
    root_of: list[int] = [0] * len(clusters)
    for c in sorted(clusters, key=lambda k: k.row):
        root_of[c.id] = c.id if c.parent_union is None else root_of[owner[c.parent_union]]
    forest.root_of = root_of
    links: dict[int, list[int]] = {}
    for c in clusters:
        for m in c.members:
            for u in fam.parent_unions[m]:
                if u == c.parent_union and m == c.anchor:
                    continue
                forest.links.append((c.id, m, u))
                a, b = root_of[c.id], root_of[owner[u]]
                if a != b:
                    links.setdefault(a, []).append(b)
                    links.setdefault(b, []).append(a)
    roots = [c.id for c in clusters if c.parent_union is None]
    roots.sort(key=lambda r: (clusters[r].row, r))
    out: list[int] = []
    seen: set[int] = set()
    for r in roots:
        if r in seen:
            continue
        stack = [r]
        seen.add(r)
        while stack:
            x = stack.pop()
            out.append(x)
            forest.group[x] = r
            for y in reversed(links.get(x, [])):
                if y not in seen:
                    seen.add(y)
                    stack.append(y)
    forest.roots = out
