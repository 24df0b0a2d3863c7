"""Pure geometry the painters share, so no backend decides a shape on its own.

`line_paths` turns a Line's variant (double, triple, zigzag, cut) into plain strokes;
`dash_segments` and `circle_points` serve backends without native dashes (Pillow);
`bounds` measures glyphs, text included, with the same font metrics as the layout.
"""
from __future__ import annotations

import itertools
import math

from .glyphs import Circle, Cross, Glyph, Group, Image, Line, Point, Polygon, Rect, Text
from .metrics import text_width

ZIGZAG_STEP = 6.0  # length of one zig (or zag) along the path


def _length(points: tuple[Point, ...]) -> float:
    return sum(math.dist(a, b) for a, b in itertools.pairwise(points))


def point_at(points: tuple[Point, ...], s: float) -> tuple[Point, Point]:
    """The point at arc length `s` along a polyline, and the unit direction there."""
    remaining = s
    for a, b in itertools.pairwise(points):
        seg = math.dist(a, b)
        if seg == 0:
            continue
        if remaining <= seg or b == points[-1]:
            t = min(max(remaining / seg, 0.0), 1.0)
            d = ((b[0] - a[0]) / seg, (b[1] - a[1]) / seg)
            return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t), d
        remaining -= seg
    return points[-1], (1.0, 0.0)


def offset(points: tuple[Point, ...], dist: float) -> tuple[Point, ...]:
    """The polyline moved sideways by `dist` (positive: to the right of the direction of travel, y down)."""
    out: list[Point] = []
    n = len(points)
    for i, p in enumerate(points):
        normals = []
        for a, b in ((points[i - 1], p) if i > 0 else (None, None), (p, points[i + 1]) if i < n - 1 else (None, None)):
            if a is None or b is None:
                continue
            seg = math.dist(a, b)
            if seg:
                normals.append(((a[1] - b[1]) / seg, (b[0] - a[0]) / seg))
        if not normals:
            out.append(p)
            continue
        nx = sum(v[0] for v in normals) / len(normals)
        ny = sum(v[1] for v in normals) / len(normals)
        norm = math.hypot(nx, ny) or 1.0
        out.append((p[0] + dist * nx / norm, p[1] + dist * ny / norm))
    return tuple(out)


def zigzag(points: tuple[Point, ...], amplitude: float, step: float = ZIGZAG_STEP) -> tuple[Point, ...]:
    """A zigzag along the path, straight for one step at each end so it meets the symbols cleanly."""
    total = _length(points)
    if total < 3 * step:
        return points
    inner = total - 2 * step
    count = max(2, int(inner / step))
    pitch = inner / count
    out: list[Point] = [points[0]]
    for i in range(count + 1):
        s = step + i * pitch
        (x, y), (dx, dy) = point_at(points, s)
        side = 0.0 if i in (0, count) else (amplitude if i % 2 else -amplitude)
        out.append((x - dy * side, y + dx * side))
    out.append(points[-1])
    return tuple(out)


def line_paths(line: Line) -> list[tuple[Point, ...]]:
    """The strokes a Line is drawn with, each with the line's colour, width and dash."""
    pts, gap = line.points, line.spacing
    if len(pts) < 2:
        return []
    if line.variant == "double":
        return [offset(pts, gap / 2), offset(pts, -gap / 2)]
    if line.variant == "triple":
        return [offset(pts, gap), pts, offset(pts, -gap)]
    if line.variant == "zigzag":
        return [zigzag(pts, gap)]
    if line.variant == "zigzag_double":
        return [zigzag(pts, gap), offset(pts, gap * 1.6), offset(pts, -gap * 1.6)]
    if line.variant == "cut":
        total = _length(pts)
        half_gap = min(6.0, total / 6)
        s0, s1 = total / 2 - half_gap, total / 2 + half_gap
        a, d = point_at(pts, s0)
        b, _ = point_at(pts, s1)
        bar = 4.0
        ticks = [((q[0] - d[1] * bar, q[1] + d[0] * bar), (q[0] + d[1] * bar, q[1] - d[0] * bar)) for q in (a, b)]
        return [sub_path(pts, 0.0, s0), sub_path(pts, s1, total), *ticks]
    return [pts]


def sub_path(pts: tuple[Point, ...], s0: float, s1: float) -> tuple[Point, ...]:
    """The part of a polyline between arc lengths `s0` and `s1`."""
    out: list[Point] = [point_at(pts, s0)[0]]
    acc = 0.0
    for a, b in itertools.pairwise(pts):
        acc += math.dist(a, b)
        if s0 < acc < s1:
            out.append(b)
    out.append(point_at(pts, s1)[0])
    return tuple(out)


def arrowhead(tip: Point, direction: Point, length: float = 8.0, half_width: float = 3.5) -> tuple[Point, ...]:
    """A triangle whose point is at `tip`, pointing along `direction` (a unit vector)."""
    dx, dy = direction
    bx, by = tip[0] - dx * length, tip[1] - dy * length
    return (tip, (bx - dy * half_width, by + dx * half_width), (bx + dy * half_width, by - dx * half_width))


def circle_points(cx: float, cy: float, r: float, steps: int = 0) -> tuple[Point, ...]:
    """A closed polygon close enough to a circle for raster drawing and dashing."""
    n = steps or max(24, int(r * 2))
    return tuple((cx + r * math.cos(2 * math.pi * i / n), cy + r * math.sin(2 * math.pi * i / n))
                 for i in range(n + 1))


def rounded_rect_points(x: float, y: float, w: float, h: float, r: float) -> tuple[Point, ...]:
    r = max(0.0, min(r, w / 2, h / 2))
    if r == 0:
        return ((x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y))
    pts: list[Point] = []
    for cx, cy, start in ((x + w - r, y + r, -90), (x + w - r, y + h - r, 0), (x + r, y + h - r, 90), (x + r, y + r, 180)):
        for i in range(7):
            a = math.radians(start + 15 * i)
            pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    pts.append(pts[0])
    return tuple(pts)


def dash_segments(points: tuple[Point, ...], dash: tuple[float, ...]) -> list[tuple[Point, ...]]:
    """A polyline cut into the "on" pieces of a dash pattern (for backends without dashes)."""
    if not dash:
        return [points]
    out: list[tuple[Point, ...]] = []
    pattern = [max(d, 0.01) for d in dash]
    idx, left, on = 0, pattern[0], True
    cur: list[Point] = [points[0]]
    for a, b in itertools.pairwise(points):
        seg = math.dist(a, b)
        pos = 0.0
        while seg - pos > left:
            pos += left
            t = pos / seg
            p = (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
            if on:
                cur.append(p)
                out.append(tuple(cur))
            cur = [p]
            on = not on
            idx = (idx + 1) % len(pattern)
            left = pattern[idx]
        left -= seg - pos
        if on:
            cur.append(b)
        else:
            cur = [b]
    if on and len(cur) > 1:
        out.append(tuple(cur))
    return out


def text_left(t: Text) -> float:
    w = text_width(t.text, t.size, t.role)
    return t.x - (w / 2 if t.anchor == "middle" else w if t.anchor == "end" else 0.0)


def bounds(glyphs: list[Glyph] | tuple[Glyph, ...]) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) around everything drawn, strokes and text included."""
    xs: list[float] = []
    ys: list[float] = []

    def add(x0: float, y0: float, x1: float, y1: float) -> None:
        xs.extend((x0, x1))
        ys.extend((y0, y1))

    def visit(g: Glyph) -> None:
        if isinstance(g, Group):
            for c in g.children:
                visit(c)
        elif isinstance(g, Line):
            pad = g.width / 2 + (g.spacing * 1.6 if g.variant != "single" else 0) + 4
            for p in g.points:
                add(p[0] - pad, p[1] - pad, p[0] + pad, p[1] + pad)
        elif isinstance(g, Rect):
            pad = g.line_width / 2
            add(g.x - pad, g.y - pad, g.x + g.width + pad, g.y + g.height + pad)
        elif isinstance(g, Circle):
            r = g.r + g.line_width / 2
            add(g.cx - r, g.cy - r, g.cx + r, g.cy + r)
        elif isinstance(g, Polygon):
            pad = g.line_width / 2
            for p in g.points:
                add(p[0] - pad, p[1] - pad, p[0] + pad, p[1] + pad)
        elif isinstance(g, Cross):
            h = g.half + g.width / 2
            add(g.cx - h, g.cy - h, g.cx + h, g.cy + h)
        elif isinstance(g, Image):
            add(g.x, g.y, g.x + g.width, g.y + g.height)
        elif isinstance(g, Text):
            left = text_left(g)
            add(left, g.y - g.size * 0.95, left + text_width(g.text, g.size, g.role), g.y + g.size * 0.3)

    for g in glyphs:
        visit(g)
    if not xs:
        return (0.0, 0.0, 0.0, 0.0)
    return (min(xs), min(ys), max(xs), max(ys))
