"""Where household outlines can go without enclosing anyone who does not live there.

A household's members may stand apart (a grandchild in kinship care two rows below the
grandparents; a father's flat beside the mother's home on one row). One bounding box around
them all would swallow the people between, so the layout reports *runs*: members side by side
on a row with no one else between, and *joins*: runs on neighbouring rows that overlap
horizontally, so one region can cover both through the gap between the rows.
"""
from __future__ import annotations

from collections.abc import Iterable

from ..model import Household
from .rows import Family, is_loss
from .types import Box, HouseholdJoin, HouseholdPlace, HouseholdRun, PersonPlace

MIN_JOIN = 12.0  # narrower overlaps are drawn as separate outlines


def prefer_home(fam: Family, rows: dict[str, int], households: Iterable[Household]) -> None:
    """A child of two families (adopted, fostered, a step-child) is drawn under the one they live with.

    The other family's line then reaches over to them, and the household's outline stays one
    region. The family with more of its partners in the child's household wins; only a family
    on the row just above counts (grandparents caring for a grandchild keep the child under
    the parents); on a tie the birth family comes first, as before.
    """
    home: dict[str, set[str]] = {}
    for hh in households:
        for m in hh.members:
            home.setdefault(m, set()).update(hh.members)
    for pid, ups in fam.parent_unions.items():
        if len(ups) < 2 or pid not in home or pid in fam.twins:  # twins hang together
            continue
        score = {u: _shared(fam, rows, u, pid, home[pid]) for u in ups}
        best = max(ups, key=score.__getitem__)  # the first of the best: ties keep the birth family
        if score[best] > score[ups[0]]:
            ups.remove(best)
            ups.insert(0, best)


def _shared(fam: Family, rows: dict[str, int], uid: str, child: str, mates: set[str]) -> int:
    """How many of the union's partners live with the child (0 unless on the row just above)."""
    a, b = fam.unions[uid].partners
    if max(rows[a], rows[b]) != rows[child] - 1:
        return 0
    return (a in mates) + (b in mates)


def household_places(fam: Family, places: dict[str, PersonPlace],
                     households: Iterable[Household]) -> dict[str, HouseholdPlace]:
    rows: dict[int, list[str]] = {}
    for pid, p in places.items():
        rows.setdefault(p.generation, []).append(pid)
    for lst in rows.values():
        lst.sort(key=lambda m: places[m].cx)
    out: dict[str, HouseholdPlace] = {}
    for hh in households:
        members: set[str] = {m for m in hh.members if m in places}
        if not members:
            continue
        runs: list[HouseholdRun] = []
        for r in sorted({places[m].generation for m in members}):
            runs.extend(_runs(fam, places, rows[r], members, r))
        out[hh.id] = HouseholdPlace(hh.id, tuple(runs), tuple(_joins(runs)))
    return out


def _runs(fam: Family, places: dict[str, PersonPlace], row: list[str], members: set[str],
          r: int) -> list[HouseholdRun]:
    out: list[HouseholdRun] = []
    current: list[str] = []
    pending: list[str] = []  # losses after the last member: kept only if a member follows
    for pid in row:
        if pid in members:
            current.extend(pending)
            pending = []
            current.append(pid)
        elif current and is_loss(fam.people[pid]):
            pending.append(pid)
        else:
            if current:
                out.append(_run(places, current, r))
            current, pending = [], []
    if current:
        out.append(_run(places, current, r))
    return out


def _run(places: dict[str, PersonPlace], ids: list[str], r: int) -> HouseholdRun:
    boxes = [places[m].box for m in ids]
    x0, y0 = min(b.x for b in boxes), min(b.y for b in boxes)
    x1, y1 = max(b.right for b in boxes), max(b.bottom for b in boxes)
    return HouseholdRun(r, tuple(ids), Box(x0, y0, x1 - x0, y1 - y0))


def _joins(runs: list[HouseholdRun]) -> list[HouseholdJoin]:
    out: list[HouseholdJoin] = []
    for i, a in enumerate(runs):
        for j in range(i + 1, len(runs)):
            b = runs[j]
            if b.row != a.row + 1:
                continue
            x0, x1 = max(a.box.x, b.box.x), min(a.box.right, b.box.right)
            if x1 - x0 >= MIN_JOIN:
                out.append(HouseholdJoin(i, j, x0, x1))
    return out
