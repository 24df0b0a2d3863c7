"""SVG text from glyphs: one element per glyph, groups kept (with their owner ids).

Fonts are named by family with a fallback list; a viewer without Andika uses DejaVu Sans,
then its own sans-serif.
"""
from __future__ import annotations

import base64
from xml.sax.saxutils import escape, quoteattr

from ..notation.geometry import bounds, line_paths
from ..notation.glyphs import Circle, Cross, Glyph, Group, Image, Line, Polygon, Rect, Text
from ..notation.images import vector_or_raster
from .fonts import FAMILIES

FONT_FAMILY = ", ".join(f"'{f}'" for f in FAMILIES) + ", sans-serif"
_ANCHOR = {"start": "start", "middle": "middle", "end": "end"}


def _n(v: float) -> str:
    return f"{v:.2f}".rstrip("0").rstrip(".")


def _stroke(colour: str | None, width: float, dash: tuple[float, ...] = ()) -> str:
    if colour is None:
        return 'stroke="none"'
    cap = "butt" if dash else "round"  # round caps would fill a dotted line's gaps
    s = f'stroke="{colour}" stroke-width="{_n(width)}" stroke-linecap="{cap}" stroke-linejoin="round"'
    if dash:
        s += f' stroke-dasharray="{" ".join(_n(d) for d in dash)}"'
    return s


def _pts(points: tuple[tuple[float, float], ...]) -> str:
    return " ".join(f"{_n(x)},{_n(y)}" for x, y in points)


def _element(g: Glyph, out: list[str], indent: str) -> None:
    if isinstance(g, Group):
        out.append(f'{indent}<g class="{g.kind}" data-owner={quoteattr(g.owner)}>')
        for c in g.children:
            _element(c, out, indent + "  ")
        out.append(f"{indent}</g>")
    elif isinstance(g, Line):
        for path in line_paths(g):
            out.append(f'{indent}<polyline points="{_pts(path)}" fill="none" {_stroke(g.colour, g.width, g.dash)}/>')
    elif isinstance(g, Rect):
        radius = f' rx="{_n(g.radius)}"' if g.radius else ""
        out.append(f'{indent}<rect x="{_n(g.x)}" y="{_n(g.y)}" width="{_n(g.width)}" height="{_n(g.height)}"'
                   f'{radius} fill="{g.fill or "none"}" {_stroke(g.colour, g.line_width, g.dash)}/>')
    elif isinstance(g, Circle):
        out.append(f'{indent}<circle cx="{_n(g.cx)}" cy="{_n(g.cy)}" r="{_n(g.r)}" fill="{g.fill or "none"}" '
                   f'{_stroke(g.colour, g.line_width, g.dash)}/>')
    elif isinstance(g, Polygon):
        out.append(f'{indent}<polygon points="{_pts(g.points)}" fill="{g.fill or "none"}" '
                   f'{_stroke(g.colour, g.line_width, g.dash)}/>')
    elif isinstance(g, Cross):
        h = g.half
        for a, b in (((g.cx - h, g.cy - h), (g.cx + h, g.cy + h)), ((g.cx - h, g.cy + h), (g.cx + h, g.cy - h))):
            out.append(f'{indent}<line x1="{_n(a[0])}" y1="{_n(a[1])}" x2="{_n(b[0])}" y2="{_n(b[1])}" '
                       f'{_stroke(g.colour, g.width)}/>')
    elif isinstance(g, Image):
        _image(g, out, indent)
    elif isinstance(g, Text):
        weight = ' font-weight="bold"' if g.role == "bold" else ""
        out.append(f'{indent}<text x="{_n(g.x)}" y="{_n(g.y)}" font-size="{_n(g.size)}"{weight} '
                   f'text-anchor="{_ANCHOR[g.anchor]}" fill="{g.colour}">{escape(g.text)}</text>')


def _mime(data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        return "image/png"
    if data.startswith(b"\xff\xd8"):
        return "image/jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return "application/octet-stream"


def _image(g: Image, out: list[str], indent: str) -> None:
    """A picture embedded whole (a data: URI), so the SVG file stands on its own."""
    found = vector_or_raster(g)
    if found is None:
        return
    kind, data = found
    mime = "image/svg+xml" if kind == "svg" else _mime(data)
    href = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
    out.append(f'{indent}<image x="{_n(g.x)}" y="{_n(g.y)}" width="{_n(g.width)}" height="{_n(g.height)}" '
               f'preserveAspectRatio="xMidYMid meet" href="{href}"/>')


def glyphs_to_svg(glyphs: list[Glyph], margin: float = 12.0, title: str = "") -> bytes:
    """A standalone SVG document (units: points) framing every glyph with a margin."""
    x0, y0, x1, y1 = bounds(glyphs)
    w, h = x1 - x0 + 2 * margin, y1 - y0 + 2 * margin
    vx, vy = x0 - margin, y0 - margin
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        (f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(w)}pt" height="{_n(h)}pt" '
        f'viewBox="{_n(vx)} {_n(vy)} {_n(w)} {_n(h)}" font-family="{FONT_FAMILY}">'),
    ]
    if title:
        out.append(f"  <title>{escape(title)}</title>")
    out.append(f'  <rect x="{_n(vx)}" y="{_n(vy)}" width="{_n(w)}" height="{_n(h)}" fill="#ffffff"/>')
    for g in glyphs:
        _element(g, out, "  ")
    out.append("</svg>")
    return ("\n".join(out) + "\n").encode("utf-8")
