"""Counting crossings of parent-to-child lines, to compare layouts (ours, Graphviz dot's).

Each line runs straight from a union's point (between the partners) to a child's centre. Lines
are cut at every row height, and in each band two lines cross exactly when their order at the
top and at the bottom differ; counting those inversions takes O(n log n) per band. Lines that
only touch (a shared end) are not crossings; nor, as a tie, are two meeting exactly at a row.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from .types import GenogramLayout

Segment = tuple[float, float, float, float]  # x_top, y_top, x_bottom, y_bottom


def layout_segments(layout: GenogramLayout) -> list[Segment]:
    """Union point (on the partners' row) to each child, as straight lines."""
    out: list[Segment] = []
    for u in layout.unions.values():
        a, b = (layout.people[p] for p in u.partners)
        y = max(a.cy, b.cy)
        for c in u.children:
            k = layout.people[c]
            out.append((u.drop_x, y, k.cx, k.cy))
    return out


def count_crossings(segments: Iterable[Segment]) -> int:
    segs = [(x1, y1, x2, y2) if y1 <= y2 else (x2, y2, x1, y1) for x1, y1, x2, y2 in segments]
    levels = sorted({round(s[1], 3) for s in segs} | {round(s[3], 3) for s in segs})
    bands: list[list[tuple[float, float]]] = [[] for _ in range(max(len(levels) - 1, 0))]
    for x1, y1, x2, y2 in segs:
        if y2 - y1 < 1e-9:
            continue  # a level line crosses nothing we count
        i = bisect_left(levels, round(y1, 3))
        j = bisect_left(levels, round(y2, 3))
        for b in range(i, j):
            ya, yb = levels[b], levels[b + 1]
            xa = x1 + (x2 - x1) * (ya - y1) / (y2 - y1)
            xb = x1 + (x2 - x1) * (yb - y1) / (y2 - y1)
            bands[b].append((round(xa, 3), round(xb, 3)))
    return sum(_inversions(band) for band in bands)


def _inversions(pairs: list[tuple[float, float]]) -> int:
    """Pairs with top strictly left and bottom strictly right of each other (shared ends are not crossings)."""
    if len(pairs) < 2:
        return 0
    pairs.sort()
    bottoms = sorted({b for _, b in pairs})
    tree = [0] * (len(bottoms) + 1)
    total = 0
    seen = 0
    i = 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        for _, b in pairs[i:j]:  # earlier tops with a bottom strictly right of this one
            k = bisect_right(bottoms, b)
            s = 0
            while k > 0:
                s += tree[k]
                k -= k & -k
            total += seen - s
        for _, b in pairs[i:j]:
            k = bisect_left(bottoms, b) + 1
            while k <= len(bottoms):
                tree[k] += 1
                k += k & -k
        seen += j - i
        i = j
    return total
