"""The genogram layout: a pure function from the case (and the user's hints) to geometry.

Steps: read the family (`rows.read_family`), give everyone a generation row
(`rows.assign_rows`), hang a child of two families under the one they live with
(`households.prefer_home`), group partners and hang the groups in a forest (`order.build_forest`),
pack the forest (`place.place_forest`), then set rows one below the other, apply the user's
nudges last (pushing neighbours along the row so nothing overlaps) and draw the partnership
and child lines from where people ended up, and where household outlines can go
(`households.household_places`). Bonds are read by the notation only: they never
move anyone.
"""
from __future__ import annotations

from ..model import Case
from ..notation.metrics import LOSS_SYMBOL, SYMBOL, person_box_size, symbol_size
from .households import household_places, prefer_home
from .nudges import apply_nudges
from .order import Cluster, build_forest
from .place import Shape, place_forest
from .rows import Family, assign_rows, read_family
from .types import Box, GenogramLayout, PersonPlace, UnionPlace

MARGIN = 24.0
ROW_GAP = 56.0  # from the lowest label of a row to the symbols of the next
SIB_RISE = 18.0  # the sibling bar sits this far above the children's symbols
BAR_STEP = 6.0  # partnership lines that pass over other people sit below the labels, stepped
SIB_STEP = 7.0  # sibling bars of different families that would run along each other, stepped
SPLIT_RISE = 6.0  # partners on different rows meet this far above the lower one's symbol


def layout_genogram(case: Case, people: set[str] | None = None) -> GenogramLayout:
    """Place everyone (or only `people`, e.g. a focus view) in generation rows."""
    fam = read_family(case, people)
    if not fam.people:
        return GenogramLayout(width=2 * MARGIN, height=2 * MARGIN)
    sizes = {pid: person_box_size(case, pid) for pid in fam.people}
    widths = {pid: s[0] for pid, s in sizes.items()}
    ranks = assign_rows(fam)
    dense = {r: i for i, r in enumerate(sorted(set(ranks.values())))}
    rows = {pid: dense[r] for pid, r in ranks.items()}
    prefer_home(fam, rows, case.family.households())
    forest = build_forest(fam, rows)
    absolute, shapes = place_forest(fam, forest, widths)
    if _face_parents(fam, forest.clusters, absolute, shapes, widths):
        absolute, shapes = place_forest(fam, forest, widths)
    cx: dict[str, float] = {}
    for c in forest.clusters:
        shape = shapes[c.id]
        for m in c.members:
            cx[m] = absolute[c.id] + shape.left[m] + widths[m] / 2
    row_top, row_height = _row_tops(fam, rows, sizes)
    places: dict[str, PersonPlace] = {}
    for pid in fam.people:
        size = symbol_size(case, pid)
        cy = row_top[rows[pid]] + SYMBOL / 2
        w, h = sizes[pid]
        places[pid] = PersonPlace(pid, rows[pid], cx[pid], cy, size,
                                  Box(cx[pid] - w / 2, cy - size / 2, w, h))
    row_members: list[list[str]] = [[] for _ in row_top]
    for c in forest.clusters:
        row_members[c.row].extend(c.members)
    for lst in row_members:
        lst.sort(key=lambda m: cx[m])
    places = apply_nudges(places, row_members, case.hints.nudges)
    places, dy = _normalise(places)
    row_top = [t + dy for t in row_top]
    unions = _union_places(fam, places, row_top, row_height, forest.clusters, forest.cluster_of)
    width = max(p.box.right for p in places.values()) + MARGIN
    height = max(max(p.box.bottom for p in places.values()),
                 max((u.bar_y for u in unions.values()), default=0.0)) + MARGIN
    households = household_places(fam, places, case.family.households())
    return GenogramLayout(places, unions, width, height, households)


def _face_parents(fam: Family, clusters: list[Cluster], absolute: dict[int, float],
                  shapes: dict[int, Shape], widths: dict[str, float]) -> bool:
    """Mirror partner groups whose members' lines up to their families would be shorter so.

    A couple who both have parents stand each on their own family's side; a longer group (a
    father with his former and his new partner, who has parents of her own) is mirrored as a
    whole, which keeps its partners in order and every partnership line as it was.
    """
    drop_x: dict[str, float] = {}
    for c in clusters:
        for u, x in shapes[c.id].drop.items():
            drop_x[u] = absolute[c.id] + x
    turned = False
    for c in clusters:
        if not c.flippable:
            continue
        shape = shapes[c.id]
        now = mirrored = 0.0
        for m in c.members:
            for u in fam.parent_unions[m][:1]:
                dx = drop_x.get(u)
                if dx is None:
                    continue
                here = shape.left[m] + widths[m] / 2
                now += abs(dx - absolute[c.id] - here)
                mirrored += abs(dx - absolute[c.id] - (shape.width - here))
        if mirrored < now - 0.5:
            c.members.reverse()
            turned = True
    return turned


def _row_tops(fam: Family, rows: dict[str, int], sizes: dict[str, tuple[float, float]]) -> tuple[list[float], list[float]]:
    n = max(rows.values()) + 1
    height = [SYMBOL] * n
    for pid, r in rows.items():
        h = sizes[pid][1]
        if fam.people[pid].kind.value != "person":  # a loss is centred on the row's symbols
            h += (SYMBOL - LOSS_SYMBOL) / 2
        height[r] = max(height[r], h)
    tops = [MARGIN]
    for r in range(1, n):
        tops.append(tops[-1] + height[r - 1] + ROW_GAP)
    return tops, height


def _normalise(places: dict[str, PersonPlace]) -> tuple[dict[str, PersonPlace], float]:
    """Shift everything so the drawing starts at the margin (nudges may have moved people left)."""
    dx = MARGIN - min(p.box.x for p in places.values())
    dy = MARGIN - min(p.box.y for p in places.values())
    if abs(dx) < 1e-9 and abs(dy) < 1e-9:
        return places, 0.0
    return {pid: PersonPlace(p.id, p.generation, p.cx + dx, p.cy + dy, p.size,
                             Box(p.box.x + dx, p.box.y + dy, p.box.width, p.box.height))
            for pid, p in places.items()}, dy


def _union_places(fam: Family, places: dict[str, PersonPlace], row_top: list[float],
                  row_height: list[float], clusters: list[Cluster],
                  cluster_of: dict[str, int]) -> dict[str, UnionPlace]:
    out: dict[str, UnionPlace] = {}
    stepped: dict[int, int] = {}
    pending: list[tuple[str, str, str, float, float, float, float, tuple[str, ...]]] = []
    for uid, u in fam.unions.items():
        if uid in fam.lone:  # only one partner in this view: the children stand under them, no line
            continue
        pa, pb = places[u.partners[0]], places[u.partners[1]]
        left, right = (pa, pb) if pa.cx <= pb.cx else (pb, pa)
        adjacent = _adjacent(clusters, cluster_of, left.id, right.id)
        if left.generation != right.generation:  # across generations: meet above the lower one
            low = left if left.cy > right.cy else right
            bar_y = low.box.y - SPLIT_RISE
            drop = low.box.right + 6.0 if low is left else low.box.x - 6.0
        elif adjacent:
            bar_y = left.cy
            drop = ((left.box.right + right.box.x) / 2 if left.box.right < right.box.x
                    else (left.cx + right.cx) / 2)
        else:  # the line passes over people between: run it below the row's labels
            g = left.generation
            k = stepped.get(g, 0)
            stepped[g] = k + 1
            bar_y = row_top[g] + row_height[g] + BAR_STEP * (1 + k % 4)
            drop = (left.cx + right.cx) / 2
        kids = tuple(fam.children[uid])
        pending.append((uid, left.id, right.id, left.cx, right.cx, bar_y, drop, kids))
    # Sibling bars that would run along each other on one row are stepped apart.
    spans: list[tuple[float, float, float, str]] = []
    for uid, _a, _b, _x1, _x2, _bar, drop, kids in pending:
        if kids:
            xs = [places[k].cx for k in kids]
            top = min(places[k].cy - SYMBOL / 2 for k in kids)
            spans.append((round(top, 3), min(min(xs), drop), max(max(xs), drop), uid))
    level: dict[str, float] = {}
    spans.sort()
    ends: list[float] = []
    current = None
    for top, lo, hi, uid in spans:
        if top != current:
            current, ends = top, []
        k = next((i for i, e in enumerate(ends) if e < lo - 4.0), len(ends))
        if k == len(ends):
            ends.append(hi)
        else:
            ends[k] = hi
        level[uid] = top - SIB_RISE - SIB_STEP * (k % 4)
    for uid, a, b, x1, x2, bar_y, drop, kids in pending:
        out[uid] = UnionPlace(uid, (a, b), x1, x2, bar_y, drop, level.get(uid, bar_y), kids)
    return out


def _adjacent(clusters: list[Cluster], cluster_of: dict[str, int], a: str, b: str) -> bool:
    ca, cb = cluster_of.get(a), cluster_of.get(b)
    if ca is None or ca != cb:
        return False
    members = clusters[ca].members
    return abs(members.index(a) - members.index(b)) == 1
