"""One outline round several rectangles: a household drawn as a single rounded region.

A household's members may stand in runs on neighbouring rows (the layout says which runs can
be joined through the gap between rows). The outline is the boundary of the union of those
rectangles, its corners rounded (outward and inward), so it encloses only the members.
Pure geometry: rectangles in, closed polylines out.
"""
from __future__ import annotations

import math

from .glyphs import Point

Rect4 = tuple[float, float, float, float]  # x0, y0, x1, y1


def union_outline(rects: list[Rect4]) -> list[list[Point]]:
    """The boundary loops of the union of axis-aligned rectangles, clockwise on screen (y down)."""
    rects = [r for r in rects if r[2] > r[0] and r[3] > r[1]]
    if not rects:
        return []
    xs = sorted({v for r in rects for v in (r[0], r[2])})
    ys = sorted({v for r in rects for v in (r[1], r[3])})

    def covered(i: int, j: int) -> bool:
        if not (0 <= i < len(xs) - 1 and 0 <= j < len(ys) - 1):
            return False
        cx, cy = (xs[i] + xs[i + 1]) / 2, (ys[j] + ys[j + 1]) / 2
        return any(r[0] <= cx <= r[2] and r[1] <= cy <= r[3] for r in rects)

    edges: dict[Point, list[Point]] = {}

    def edge(a: Point, b: Point) -> None:
        edges.setdefault(a, []).append(b)

    for i in range(len(xs) - 1):
        for j in range(len(ys) - 1):
            if not covered(i, j):
                continue
            x0, x1, y0, y1 = xs[i], xs[i + 1], ys[j], ys[j + 1]
            if not covered(i, j - 1):
                edge((x0, y0), (x1, y0))
            if not covered(i + 1, j):
                edge((x1, y0), (x1, y1))
            if not covered(i, j + 1):
                edge((x1, y1), (x0, y1))
            if not covered(i - 1, j):
                edge((x0, y1), (x0, y0))
    loops: list[list[Point]] = []
    while edges:
        start = min(edges)
        loop = [start]
        cur = start
        while True:
            nxt = edges[cur].pop()
            if not edges[cur]:
                del edges[cur]
            if nxt == start:
                break
            loop.append(nxt)
            cur = nxt
            if cur not in edges:  # cannot happen for a closed boundary; stop rather than loop
                break
        loops.append(_simplify(loop))
    return loops


def _simplify(loop: list[Point]) -> list[Point]:
    """Drop the vertices in the middle of straight runs."""
    out: list[Point] = []
    n = len(loop)
    for k in range(n):
        p, v, q = loop[k - 1], loop[k], loop[(k + 1) % n]
        cross = (v[0] - p[0]) * (q[1] - v[1]) - (v[1] - p[1]) * (q[0] - v[0])
        if abs(cross) > 1e-9:
            out.append(v)
    return out


def rounded(loop: list[Point], radius: float, steps: int = 6) -> tuple[Point, ...]:
    """The loop with every corner rounded (never more than half of either side), closed."""
    out: list[Point] = []
    n = len(loop)
    for k in range(n):
        p, v, q = loop[k - 1], loop[k], loop[(k + 1) % n]
        d1, d2 = math.dist(p, v), math.dist(v, q)
        r = min(radius, d1 / 2, d2 / 2)
        a = (v[0] + (p[0] - v[0]) / d1 * r, v[1] + (p[1] - v[1]) / d1 * r)
        b = (v[0] + (q[0] - v[0]) / d2 * r, v[1] + (q[1] - v[1]) / d2 * r)
        for i in range(steps + 1):
            t = i / steps
            u = 1 - t
            out.append((u * u * a[0] + 2 * u * t * v[0] + t * t * b[0], u * u * a[1] + 2 * u * t * v[1] + t * t * b[1]))
    if out:
        out.append(out[0])
    return tuple(out)
