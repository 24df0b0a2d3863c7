"""Where the ecomap's systems go: rings of equal circles around the centre, clear of each other.

Coordinates here are relative to the centre of the ecomap (x right, y down; angles clockwise
from the right, the first system at the top). All circles have radius `r`. Free systems come
in category order; a half-slot gap separates categories. Pinned systems (placed by the user)
block an angular window that the free ones step over, so a user's placement never sits on a
ring circle nor on a connection line.
"""
from __future__ import annotations

import math

GAP = 16.0  # between two circles
LINE_CLEAR = 10.0  # between a connection line and a circle it passes
MIN_LINE = 90.0  # shortest connection: an arrowhead each end, a name and a note number

Point = tuple[float, float]
TAU = 2 * math.pi


def place(categories: list[str], pins: list[Point], rc: float, r: float,
          targets: list[float | None] | None = None) -> list[Point]:
    """Centres for the free systems (given by category, in order) around pins and the centre.

    `targets` gives, for some systems, the angle they would best sit at (the person in the
    centre they are linked to); the whole ring turns to bring them closest.
    """
    n = len(categories)
    if n == 0:
        return []
    units = _units(categories)
    r_min = rc + MIN_LINE + r
    single = max(r_min, _single_radius(units, r))
    double = _double_radii(units, r, r_min) if n >= 4 else None
    two = double is not None and double[1] < 0.85 * single  # one ring reads calmer
    radius = double[0] if two and double else single
    if two and n % 2:  # the last and the first are both inner: keep them two steps apart
        units.append(-1.0)
    start = _best_start(units, targets or [])
    for _ in range(60):
        spots = _try(units, pins, radius, r, two, start)
        if spots is not None:
            return spots
        radius *= 1.08
    return _fallback(n, pins, rc, r, radius)


def _units(categories: list[str]) -> list[float]:
    """The sequence around the ring: 1.0 for a system, -0.5 for the gap after a category."""
    many = len(set(categories)) > 1
    units: list[float] = []
    for i, c in enumerate(categories):
        if many and i > 0 and c != categories[i - 1]:
            units.append(-0.5)
        units.append(1.0)
    if many:
        units.append(-0.5)
    return units


def _single_step(radius: float, r: float) -> float:
    """The angle between neighbours on one ring of this radius."""
    return 2 * math.asin(min(1.0, (2 * r + GAP) / (2 * radius)))


def _double_step(r_in: float, r: float) -> float:
    """Neighbours alternate inner and outer: inner ones two steps apart must clear each other,
    and an outer system's line must pass between two inner circles."""
    return max(math.asin(min(1.0, (2 * r + GAP) / (2 * r_in))),
               math.asin(min(1.0, (r + LINE_CLEAR) / r_in)))


def _single_radius(units: list[float], r: float) -> float:
    step = TAU / sum(map(abs, units))
    return (2 * r + GAP) / (2 * math.sin(min(step, math.pi) / 2))


def _double_radii(units: list[float], r: float, r_min: float) -> tuple[float, float] | None:
    step = TAU / (sum(map(abs, units)) + 1.0)  # room for the odd-count wrap gap
    if 2 * step >= math.pi or step >= math.pi / 2:
        return None
    r_in = max(r_min, (2 * r + GAP) / (2 * math.sin(step)), (r + LINE_CLEAR) / math.sin(step))
    return r_in, _outer(r_in, step, r)


def _outer(r_in: float, step: float, r: float) -> float:
    """The outer ring: one step round from an inner circle, and `2r + GAP` away from it."""
    dist = 2 * r + GAP
    side = r_in * math.sin(step)
    need = r_in * math.cos(step) + math.sqrt(dist * dist - side * side) if side < dist else 0.0
    return max(need, r_in + r)


def _blocked(pins: list[Point], radii: tuple[float, ...], r: float,
             start: float) -> list[tuple[float, float]]:
    """Angular windows (from `start`, clockwise) where a free system would meet a pin or its line.

    A system at angle a is clear of a pin at distance d when each line passes the other circle
    by `r + LINE_CLEAR`, and, on every ring of radius R, the two circles are `2r + GAP` apart.
    """
    out: list[tuple[float, float]] = []
    dist = 2 * r + GAP
    for x, y in pins:
        d = math.hypot(x, y)
        if d < 1e-6:
            continue
        half = math.asin(min(1.0, (r + LINE_CLEAR + 0.5) / min(d, radii[0])))
        for rad in radii:
            if abs(rad - d) < dist:
                cos = (d * d + rad * rad - dist * dist) / (2 * d * rad)
                half = max(half, math.acos(max(-1.0, min(1.0, cos))) + 1e-6)
        a = (math.atan2(y, x) - start) % TAU
        lo, hi = a - half, a + half
        if lo < 0:
            out += [(lo + TAU, TAU), (0.0, hi)]
        elif hi > TAU:
            out += [(lo, TAU), (0.0, hi - TAU)]
        else:
            out.append((lo, hi))
    return sorted(out)


def _best_start(units: list[float], targets: list[float | None]) -> float:
    """The turn of the ring (first system's angle) that brings systems nearest their targets;
    with no targets, or a tie, the first system sits at the top."""
    top = -math.pi / 2
    if not any(t is not None for t in targets):
        return top
    total = sum(map(abs, units))
    base: list[float] = []
    acc = 0.0
    for u in units:
        if u > 0:
            base.append(TAU * acc / total)
        acc += abs(u)
    best, best_cost = top, math.inf
    for k in range(72):
        start = top + TAU * k / 72
        cost = sum(_ang(start + a - t) ** 2 for a, t in zip(base, targets) if t is not None)
        if cost < best_cost - 1e-9:
            best, best_cost = start, cost
    return best


def _ang(d: float) -> float:
    """The size of an angle difference, folded into [0, π]."""
    return abs((d + math.pi) % TAU - math.pi)


def _try(units: list[float], pins: list[Point], radius: float, r: float, two: bool,
         start: float) -> list[Point] | None:
    """Lay the units round the ring, stepping over blocked windows; None when they do not fit."""
    step = _double_step(radius, r) if two else _single_step(radius, r)
    outer = _outer(radius, step, r) if two else radius
    blocked = _blocked(pins, (radius, outer) if two else (radius,), r, start)
    free_angle = TAU - _covered(blocked)
    need = sum(map(abs, units)) * step
    if need > free_angle + 1e-9:
        return None
    stretch = free_angle / need
    while stretch >= 1.0:
        angles = _walk(units, step * stretch, blocked)
        if angles is not None and _closes(angles, step * (2 if two and len(angles) % 2 else 1)):
            return [((outer if two and i % 2 else radius) * math.cos(a + start),
                     (outer if two and i % 2 else radius) * math.sin(a + start))
                    for i, a in enumerate(angles)]
        if stretch == 1.0:
            return None
        stretch = max(1.0, stretch * 0.97)
    return None


def _covered(blocked: list[tuple[float, float]]) -> float:
    total, end = 0.0, 0.0
    for lo, hi in blocked:
        lo = max(lo, end)
        if hi > lo:
            total += hi - lo
            end = hi
    return total


def _walk(units: list[float], step: float,
          blocked: list[tuple[float, float]]) -> list[float] | None:
    """Angles (from the start) for the systems, each stepping past any blocked window."""
    angles: list[float] = []
    a = 0.0
    for u in units:
        if u < 0:
            a -= u * step
            continue
        moved = True
        while moved:
            moved = False
            for lo, hi in blocked:
                if lo <= a < hi:
                    a, moved = hi, True
        if a >= TAU:
            return None
        angles.append(a)
        a += step
    return angles


def _closes(angles: list[float], step: float) -> bool:
    """The last system must still be `step` away from the first, round the top."""
    return len(angles) < 2 or TAU - angles[-1] + angles[0] >= step - 1e-9


def clear(x: float, y: float, placed: list[Point], rc: float, r: float) -> bool:
    """True when a circle at (x, y) meets neither the centre, a placed circle, nor a line."""
    if math.hypot(x, y) < rc + MIN_LINE + r - 0.01:
        return False
    need = 2 * r + GAP
    for px, py in placed:
        if (x - px) ** 2 + (y - py) ** 2 < need * need - 0.01:
            return False
        if seg_dist(px, py, x, y) < r + LINE_CLEAR or seg_dist(x, y, px, py) < r + LINE_CLEAR:
            return False
    return True


def seg_dist(px: float, py: float, x: float, y: float) -> float:
    """Distance from (px, py) to the line from the centre (0, 0) to (x, y)."""
    ll = x * x + y * y
    t = 0.0 if ll == 0 else max(0.0, min(1.0, (px * x + py * y) / ll))
    return math.hypot(px - t * x, py - t * y)


def _fallback(n: int, pins: list[Point], rc: float, r: float, radius: float) -> list[Point]:
    """Pins everywhere round the ring: put the systems one by one at the nearest clear spot."""
    placed = list(pins)
    out: list[Point] = []
    for i in range(n):
        a = -math.pi / 2 + TAU * i / n
        spot = nearest_clear(radius * math.cos(a), radius * math.sin(a), placed, rc, r)
        placed.append(spot)
        out.append(spot)
    return out


def nearest_clear(x: float, y: float, placed: list[Point], rc: float, r: float) -> Point:
    """The clear spot nearest (x, y): round the same ring either way first, then further out."""
    if clear(x, y, placed, rc, r):
        return x, y
    radius, angle = math.hypot(x, y), math.atan2(y, x)
    for ring in range(200):
        rad = radius + ring * (r + GAP / 2)
        turn = (r + GAP / 2) / rad
        for k in range(1, int(math.pi / turn) + 1):
            for sign in (1, -1):
                a = angle + sign * k * turn
                if clear(rad * math.cos(a), rad * math.sin(a), placed, rc, r):
                    return rad * math.cos(a), rad * math.sin(a)
    far = max([radius] + [math.hypot(px, py) for px, py in placed]) + 2 * r + GAP
    return far * math.cos(angle), far * math.sin(angle)
