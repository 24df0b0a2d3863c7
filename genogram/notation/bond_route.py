"""Where an emotional bond runs: an overlay that moves nobody, so it bends round people instead.

A bond between two people side by side is a short straight line under their partnership
line. Any other bond tries a straight line and gentle curves bowing to either side
(quadratic, flattened into a polyline so every painter draws the very same curve and a
zigzag or double line follows it), and keeps the one that crosses the fewest other people's
symbols and labels, the straightest of equals. Others standing between two people on one
row are arched over the row.
"""
from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Iterator

from ..layout.types import Box, GenogramLayout, PersonPlace
from . import styles as S
from .glyphs import Point

#: How far the curve's control point stands off the straight line, in points (the curve
#: itself bows half as far), never more than MAX_BOW of the bond's length; tried in this
#: order, so ties go to the straightest. SLIDES move the bulge towards one end.
BOWS = (24.0, -24.0, 48.0, -48.0, 80.0, -80.0, 120.0, -120.0)
MAX_BOW = 0.6
SLIDES = (0.0, -0.25, 0.25)
STEPS = 32  # segments of a curve
OWN_LABEL = 0.4  # crossing one's own name counts less than crossing someone else's


def _quad(p0: Point, c: Point, p1: Point, steps: int = STEPS) -> list[Point]:
    out = []
    for i in range(steps + 1):
        t = i / steps
        u = 1 - t
        out.append((u * u * p0[0] + 2 * u * t * c[0] + t * t * p1[0], u * u * p0[1] + 2 * u * t * c[1] + t * t * p1[1]))
    return out


def _trim(pts: list[Point], a: Point, ra: float, b: Point, rb: float) -> tuple[Point, ...]:
    """The curve from where it leaves the circle of radius `ra` round `a` to where it enters
    the one round `b`, so bonds stop short of the symbols they join."""
    def cut(seq: list[Point], centre: Point, r: float) -> list[Point]:
        for i in range(1, len(seq)):
            if math.dist(seq[i], centre) >= r:
                p, q = seq[i - 1], seq[i]
                dp, dq = math.dist(p, centre), math.dist(q, centre)
                t = (r - dp) / (dq - dp) if dq != dp else 1.0
                edge = (p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t)
                return [edge, *seq[i:]]
        return seq[-1:]

    head = cut(pts, a, ra)
    tail = cut(head[::-1], b, rb)[::-1]
    return tuple(tail) if len(tail) > 1 else (pts[0], pts[-1])


def _crosses(p: Point, q: Point, box: Box) -> bool:
    """Whether segment p–q passes through the box (Liang–Barsky clipping)."""
    t0, t1 = 0.0, 1.0
    dx, dy = q[0] - p[0], q[1] - p[1]
    for edge_p, edge_q in ((-dx, p[0] - box.x), (dx, box.right - p[0]), (-dy, p[1] - box.y), (dy, box.bottom - p[1])):
        if edge_p == 0:
            if edge_q < 0:
                return False
            continue
        t = edge_q / edge_p
        if edge_p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True


def _hits(pts: tuple[Point, ...], box: Box) -> bool:
    x0, y0, x1, y1 = box.x, box.y, box.right, box.bottom
    for p, q in itertools.pairwise(pts):
        if (p[0] < x0 and q[0] < x0) or (p[0] > x1 and q[0] > x1) or (p[1] < y0 and q[1] < y0) \
                or (p[1] > y1 and q[1] > y1):
            continue  # the segment is wholly to one side
        if _crosses(p, q, box):
            return True
    return False


def _label_box(place: PersonPlace) -> Box | None:
    top = place.cy + place.size / 2 + 1.0
    if place.box.bottom - top < 2:
        return None
    return Box(place.box.x, top, place.box.width, place.box.bottom - top)


def _grow(box: Box, by: float) -> Box:
    return Box(box.x - by, box.y - by, box.width + 2 * by, box.height + 2 * by)


def _obstacles(layout: GenogramLayout, a: PersonPlace, b: PersonPlace,
               reach: tuple[float, float, float, float]) -> list[tuple[Box, float]]:
    """Boxes a bond should keep out of, with what crossing each costs, near the bond only."""
    x0, y0, x1, y1 = reach
    out: list[tuple[Box, float]] = []
    for p in layout.people.values():
        if p.id in (a.id, b.id):
            continue
        bx = p.box
        if bx.right < x0 or bx.x > x1 or bx.bottom < y0 or bx.y > y1:
            continue
        h = p.size / 2 + 2.0
        out.append((Box(p.cx - h, p.cy - h, 2 * h, 2 * h), 1.0))  # through a symbol: worst
        lb = _label_box(p)
        if lb is not None:
            out.append((_grow(lb, 1.0), 0.7))
    for own in (a, b):
        lb = _label_box(own)
        if lb is not None:
            out.append((lb, OWN_LABEL))
    return out


def _cost(pts: tuple[Point, ...], obstacles: list[tuple[Box, float]], limit: float = math.inf) -> float:
    """What crossing the obstacles costs, counting no further than `limit`."""
    x0, y0, x1, y1 = _reach(list(pts), 0.0)
    total = 0.0
    for box, w in obstacles:
        if box.right < x0 or box.x > x1 or box.bottom < y0 or box.y > y1:
            continue
        if _hits(pts, box):
            total += w
            if total >= limit:
                break
    return total


def _best(candidates: Iterable[tuple[Point, ...]], obstacles: list[tuple[Box, float]]) -> tuple[Point, ...]:
    best: tuple[Point, ...] = ()
    best_cost = math.inf
    for pts in candidates:  # in order of preference: ties keep the earlier
        c = _cost(pts, obstacles, best_cost)
        if c < best_cost - 1e-9:
            best, best_cost = pts, c
        if best_cost == 0:
            break
    return best


def _reach(points: list[Point], pad: float = 4.0) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad


def bond_points(layout: GenogramLayout, a: PersonPlace, b: PersonPlace) -> tuple[Point, ...]:
    """The path of a bond from a to b, stopping short of both symbols."""
    ra, rb = a.size / 2 + S.BOND_CLEARANCE, b.size / 2 + S.BOND_CLEARANCE
    same_row = abs(a.cy - b.cy) < 1.0
    lo, hi = sorted((a.cx, b.cx))
    between = same_row and any(abs(p.cy - a.cy) < 1.0 and lo + 1 < p.cx < hi - 1
                               for p in layout.people.values() if p.id not in (a.id, b.id))
    if same_row and not between:  # beside each other: below the partnership line, at mid-height
        y = a.cy + min(a.size, b.size) * S.BOND_DROP
        left, right = (a, b) if a.cx < b.cx else (b, a)
        ends = ((left.cx + left.size / 2 + S.BOND_CLEARANCE, y), (right.cx - right.size / 2 - S.BOND_CLEARANCE, y))
        return ends if left is a else (ends[1], ends[0])
    if between:  # an arch over the row: under it would cross the names of those between
        top_a, top_b = (a.cx, a.cy - ra), (b.cx, b.cy - rb)
        peak = min(top_a[1], top_b[1]) - 18.0 - min(30.0, (hi - lo) * 0.08)
        return tuple(_quad(top_a, ((a.cx + b.cx) / 2, peak), top_b, 16))
    ca, cb = (a.cx, a.cy), (b.cx, b.cy)
    length = math.dist(ca, cb) or 1.0
    nx, ny = -(cb[1] - ca[1]) / length, (cb[0] - ca[0]) / length
    mid = ((ca[0] + cb[0]) / 2, (ca[1] + cb[1]) / 2)
    ux, uy = (cb[0] - ca[0]) / length, (cb[1] - ca[1]) / length
    straight = ((ca[0] + ux * ra, ca[1] + uy * ra), (cb[0] - ux * rb, cb[1] - uy * rb))
    controls = [(mid[0] + nx * bow + ux * slide * length, mid[1] + ny * bow + uy * slide * length)
                for bow in BOWS if abs(bow) <= MAX_BOW * length for slide in SLIDES]

    def candidates() -> Iterator[tuple[Point, ...]]:  # made only as far as needed
        yield straight
        for ctrl in controls:
            yield _trim(_quad(ca, ctrl, cb), ca, ra, cb, rb)

    return _best(candidates(), _obstacles(layout, a, b, _reach([ca, cb, *controls])))
