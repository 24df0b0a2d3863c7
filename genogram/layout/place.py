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


def place_forest(fam: Family, forest: Forest, widths: dict[str, float]) -> tuple[dict[int, float], dict[int, Shape]]:
    """Absolute left x of every cluster, and each cluster's shape."""
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
    absolute: dict[int, float] = {}
    acc_roots: dict[int, list[float]] = {}
    for r in forest.roots:
        kc = contour.pop(r)
        if not acc_roots:
            s = 0.0
        else:
            s = -float("inf")
            for row, (lo, _hi) in kc.items():
                edge = acc_roots.get(row)
                if edge is not None:
                    s = max(s, edge[1] + ROOT_GAP - lo)
            if s == -float("inf"):  # shares no row with what is placed: start after it anyway
                s = max(e[1] for e in acc_roots.values()) + ROOT_GAP - min(v[0] for v in kc.values())
        _merge(acc_roots, kc, s)
        absolute[r] = s
    for c in sorted(clusters, key=lambda k: (k.row, k.id)):
        if c.id not in absolute:
            absolute[c.id] = absolute[forest.owner[c.parent_union]] + rel[c.id]  # type: ignore[index]
    return absolute, shapes


def _merge(into: dict[int, list[float]], other: dict[int, list[float]], shift: float) -> None:
    for r, (lo, hi) in other.items():
        edge = into.get(r)
        if edge is None:
            into[r] = [lo + shift, hi + shift]
        else:
            if lo + shift < edge[0]:
                edge[0] = lo + shift
            if hi + shift > edge[1]:
                edge[1] = hi + shift
