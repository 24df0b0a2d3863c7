"""Horizontal places: the forest of partner groups packed like a tidy tree.

Each branch is laid out once, bottom up, as a rigid block described by its contour (the left
and right edge of its boxes on every row); brothers and sisters are pushed apart just enough
that their blocks do not touch on any row, and the parents are centred over their children.
That costs O(people × generations) and guarantees that no two boxes overlap. Because a block
never depends on what is beside it, adding a child moves only that child's family and shifts
the branches beside it by a constant.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import permutations

from .crossings import count_crossings
from .order import Cluster, Forest
from .rows import Family

PARTNER_GAP = 18.0  # between partners' boxes: room for the partnership line and the drop
SIBLING_GAP = 16.0  # between brothers and sisters
FAMILY_GAP = 32.0  # between cousins: different families on one row
ROOT_GAP = 56.0  # between unrelated branches


@dataclass
class Shape:
    """A cluster's own geometry, relative to its left edge."""

    left: dict[str, float]  # member -> box left
    width: float
    drop: dict[str, float]  # union -> x of the line down to its children


@dataclass
class Blocks:
    shapes: dict[int, Shape]
    offset: dict[int, float]  # cluster -> left x relative to its root block
    contour: dict[int, dict[int, list[float]]]  # root -> row -> [left, right]


def cluster_shape(fam: Family, c: Cluster, widths: dict[str, float]) -> Shape:
    left: dict[str, float] = {}
    x = 0.0
    for m in c.members:
        left[m] = x
        x += widths[m] + PARTNER_GAP
    width = x - PARTNER_GAP
    pos = {m: i for i, m in enumerate(c.members)}
    drop: dict[str, float] = {}
    for u in c.unions:
        a, b = fam.unions[u].partners
        if a in pos and b in pos:
            lo, hi = (a, b) if pos[a] < pos[b] else (b, a)
            if pos[hi] - pos[lo] == 1:  # neighbours: the drop runs between their labels
                drop[u] = (left[lo] + widths[lo] + left[hi]) / 2
            else:
                drop[u] = (left[lo] + widths[lo] / 2 + left[hi] + widths[hi] / 2) / 2
        else:  # the other partner is on another row: drop beside this one's label
            m = a if a in pos else b
            drop[u] = left[m] + widths[m] + PARTNER_GAP / 3
    return Shape(left, width, drop)


def build_blocks(fam: Family, forest: Forest, widths: dict[str, float]) -> Blocks:
    """Every branch as a rigid block: its clusters' offsets from the root, and its contour."""
    clusters = forest.clusters
    shapes = {c.id: cluster_shape(fam, c, widths) for c in clusters}
    rel: dict[int, float] = {}
    contour: dict[int, dict[int, list[float]]] = {}
    for c in sorted(clusters, key=lambda k: (-k.row, k.id)):
        shape = shapes[c.id]
        own = {c.row: [0.0, shape.width]}
        if not c.kids:
            contour[c.id] = own
            continue
        acc: dict[int, list[float]] = {}
        shifts: list[float] = []
        prev_union: str | None = None
        if len(c.unions) > 1:  # families left to right in the order of their lines down
            c.kids.sort(key=lambda k: shape.drop.get(clusters[k].parent_union, 0.0))  # type: ignore[arg-type]
        for k in c.kids:
            kc = contour.pop(k)
            kid = clusters[k]
            same = kid.parent_union == prev_union
            if not acc:
                s = 0.0
            else:
                s = -float("inf")
                for r, (lo, _hi) in kc.items():
                    edge = acc.get(r)
                    if edge is not None:
                        gap = SIBLING_GAP if (r == kid.row and same) else FAMILY_GAP
                        s = max(s, edge[1] + gap - lo)
                if s == -float("inf"):
                    s = max(e[1] for e in acc.values()) + FAMILY_GAP - kc[kid.row][0]
            _merge(acc, kc, s)
            shifts.append(s)
            prev_union = kid.parent_union
        deltas = []
        spans: dict[str, list[float]] = {}
        for k, s in zip(c.kids, shifts):
            kid = clusters[k]
            ks = shapes[k]
            a = kid.anchor
            centre = s + ks.left[a] + widths[a] / 2  # type: ignore[index]
            spans.setdefault(kid.parent_union, []).append(centre)  # type: ignore[arg-type]
        for u, xs in spans.items():
            if u in shape.drop:
                deltas.append((xs[0] + xs[-1]) / 2 - shape.drop[u])
        d = sum(deltas) / len(deltas) if deltas else 0.0
        for k, s in zip(c.kids, shifts):
            rel[k] = s - d
        _merge(own, acc, -d)
        contour[c.id] = own
    offset: dict[int, float] = {}
    for c in sorted(clusters, key=lambda k: (k.row, k.id)):
        if c.parent_union is None:
            offset[c.id] = 0.0
        else:
            offset[c.id] = offset[forest.owner[c.parent_union]] + rel[c.id]
    return Blocks(shapes, offset, contour)


def pack_roots(blocks: Blocks, order: list[int]) -> dict[int, float]:
    """Left x of each root block, packed left to right in `order` as close as their contours allow."""
    acc: dict[int, list[float]] = {}
    out: dict[int, float] = {}
    for r in order:
        kc = blocks.contour[r]
        if not acc:
            s = 0.0
        else:
            s = -float("inf")
            for row, (lo, _hi) in kc.items():
                edge = acc.get(row)
                if edge is not None:
                    s = max(s, edge[1] + ROOT_GAP - lo)
            if s == -float("inf"):  # shares no row with what is placed: start after it anyway
                s = max(e[1] for e in acc.values()) + ROOT_GAP - min(v[0] for v in kc.values())
        _merge(acc, kc, s)
        out[r] = s
    return out


def place_forest(fam: Family, forest: Forest, widths: dict[str, float]) -> tuple[dict[int, float], dict[int, Shape]]:
    """Absolute left x of every cluster, and each cluster's shape."""
    blocks = build_blocks(fam, forest, widths)
    if forest.links:
        improve_root_order(fam, forest, blocks, widths)
    root_x = pack_roots(blocks, forest.roots)
    absolute = {c.id: root_x[forest.root_of[c.id]] + blocks.offset[c.id] for c in forest.clusters}
    return absolute, blocks.shapes


Tie = tuple[int, float, int, float]  # root a, x within a, root b, x within b (a line between them)


def improve_root_order(fam: Family, forest: Forest, blocks: Blocks, widths: dict[str, float]) -> None:
    """Order root families tied by marriage or adoption: fewest crossings, then shortest lines.

    Small groups try every order and count the crossings of all their lines; larger ones swap
    neighbours while the lines between families get shorter; very large ones keep the order
    found by walking the ties.
    """
    def x_of(pid: str) -> float:
        c = forest.cluster_of[pid]
        return blocks.offset[c] + blocks.shapes[c].left[pid] + widths[pid] / 2

    ties: dict[int, list[Tie]] = {}
    for cid, m, u in forest.links:
        a, b = forest.root_of[cid], forest.root_of[forest.owner[u]]
        if a != b:
            o = forest.owner[u]
            ties.setdefault(forest.group[a], []).append((a, x_of(m), b, blocks.offset[o] + blocks.shapes[o].drop[u]))
    lines: dict[int, list[tuple[Tie, int, int]]] = {}  # group -> every parent-child line, with rows
    for uid, kids in fam.children.items():
        o = forest.owner[uid]
        g = forest.group.get(forest.root_of[o])
        if g not in ties or len(lines.get(g, ())) > 600:
            continue
        xu = blocks.offset[o] + blocks.shapes[o].drop[uid]
        for k in kids:
            ck = forest.cluster_of[k]
            lines.setdefault(g, []).append(((forest.root_of[o], xu, forest.root_of[ck], x_of(k)),
                                            forest.clusters[o].row, forest.clusters[ck].row))
    roots = forest.roots
    i = 0
    while i < len(roots):
        g = forest.group[roots[i]]
        j = i
        while j < len(roots) and forest.group[roots[j]] == g:
            j += 1
        if j - i >= 2 and g in ties:
            seg = lines.get(g) if j - i <= 5 and len(lines.get(g, ())) <= 600 else None
            roots[i:j] = _best_order(roots[i:j], ties[g], seg, blocks)
        i = j


def _cost(order: list[int], tie: list[Tie], seg: list[tuple[Tie, int, int]] | None,
          blocks: Blocks) -> tuple[int, float]:
    x = pack_roots(blocks, order)
    length = sum(abs(x[a] + xa - x[b] - xb) for a, xa, b, xb in tie)
    if not seg:
        return 0, length
    crossings = count_crossings([(x[a] + xa, float(ra), x[b] + xb, float(rb))
                                 for (a, xa, b, xb), ra, rb in seg])
    return crossings, length


def _best_order(run: list[int], tie: list[Tie], seg: list[tuple[Tie, int, int]] | None,
                blocks: Blocks) -> list[int]:
    if seg is not None or len(run) <= 4:
        return list(min(permutations(run), key=lambda o: _cost(list(o), tie, seg, blocks)))
    if len(run) > 40:
        return run
    best, cost = list(run), _cost(run, tie, None, blocks)
    for _ in range(3):
        better = False
        for k in range(len(best) - 1):
            trial = best[:k] + [best[k + 1], best[k]] + best[k + 2:]
            c = _cost(trial, tie, None, blocks)
            if c < cost:
                best, cost, better = trial, c, True
        if not better:
            break
    return best


def _merge(into: dict[int, list[float]], other: dict[int, list[float]], shift: float) -> None:
    for r, (lo, hi) in other.items():
        edge = into.get(r)
        if edge is None:
            into[r] = [lo + shift, hi + shift]
        else:
            edge[0] = min(edge[0], lo + shift)
            edge[1] = max(edge[1], hi + shift)
