"""A focus view for big files: the people around one person, a few generations up and down."""
from __future__ import annotations

from ..model import Case, UnknownPersonError


def focus_people(case: Case, centre_id: str, generations: int) -> set[str]:
    """Everyone within `generations` up and down of the centre, and their partners.

    Blood relatives in that band are the descendants (down to `generations` below the centre)
    of the centre's ancestors up to `generations` above: parents, grandparents, aunts, uncles,
    siblings, cousins, children. Step- and half-siblings come in as children of a partner in
    the view, so a child's households are all visible.
    """
    fam = case.family
    if not fam.has_person(centre_id):
        raise UnknownPersonError(f"no person {centre_id!r} in this case")
    n = max(0, int(generations))
    level: dict[str, int] = {centre_id: 0}
    frontier = [centre_id]
    for g in range(1, n + 1):  # ancestors
        nxt: list[str] = []
        for p in frontier:
            for q in fam.parents_of(p):
                if q not in level:
                    level[q] = -g
                    nxt.append(q)
        frontier = nxt
    blood = set(level)
    stack = sorted(level, key=lambda p: level[p])
    while stack:  # descendants of all of them, within the band
        p = stack.pop()
        for u in fam.unions_of(p):
            if level[p] + 1 > n:
                continue
            for link in fam.children_of(u.id):
                if link.child not in level:
                    level[link.child] = level[p] + 1
                    blood.add(link.child)
                    stack.append(link.child)
    out = set(blood)
    for p in blood:  # partners, and the children they have with others (step- and half-siblings)
        for u in fam.unions_of(p):
            for q in u.partners:
                out.add(q)
                if q in blood or level[p] + 1 > n:
                    continue
                for other in fam.unions_of(q):
                    kids = fam.children_of(other.id)
                    if kids:  # with the other parent, so those children hang from a family
                        out.update(other.partners)
                    out.update(link.child for link in kids)
    return out
