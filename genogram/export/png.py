"""PNG from glyphs with Pillow (the core cannot use Qt): drawn 3× larger, then scaled down,
so lines and curves come out smooth. Text is set run by run in the bundled TrueType faces,
placed with the same metrics as the layout.
"""
from __future__ import annotations

import io
import math
from functools import lru_cache

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont, UnidentifiedImageError

from ..notation.geometry import (
    bounds,
    circle_points,
    dash_segments,
    line_paths,
    rounded_rect_points,
)
from ..notation.glyphs import Circle, Cross, Glyph, Group, Image, Line, Point, Polygon, Rect, Text
from ..notation.images import fit, raster
from .fonts import font_bytes, run_width, runs, text_width

SUPERSAMPLE = 3
MAX_PIXELS = 48_000_000  # of the supersampled canvas; beyond this, supersample less


@lru_cache(maxsize=64)
def _font(face: str, px: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(io.BytesIO(font_bytes(face)), size=max(px, 1.0))


class _Painter:
    def __init__(self, image: PILImage.Image, scale: float, ox: float, oy: float) -> None:
        self.image, self.d, self.s, self.ox, self.oy = image, ImageDraw.Draw(image), scale, ox, oy

    def p(self, pt: Point) -> tuple[float, float]:
        return ((pt[0] - self.ox) * self.s, (pt[1] - self.oy) * self.s)

    def w(self, width: float) -> int:
        return max(1, round(width * self.s))

    def polyline(self, pts: tuple[Point, ...], colour: str, width: float, dash: tuple[float, ...] = ()) -> None:
        for piece in dash_segments(pts, dash):
            if len(piece) > 1:
                self.d.line([self.p(q) for q in piece], fill=colour, width=self.w(width), joint="curve")
                if not dash and width * self.s > 2:  # round ends, as the other backends draw them
                    r = width * self.s / 2
                    for q in (piece[0], piece[-1]):
                        x, y = self.p(q)
                        self.d.ellipse((x - r, y - r, x + r, y + r), fill=colour)

    def outline(self, pts: tuple[Point, ...], colour: str | None, width: float, fill: str | None,
                dash: tuple[float, ...]) -> None:
        if fill:
            self.d.polygon([self.p(q) for q in pts], fill=fill)
        if colour:
            closed = pts if pts[0] == pts[-1] else (*pts, pts[0])
            self.polyline(closed, colour, width, dash)

    def glyph(self, g: Glyph) -> None:
        if isinstance(g, Group):
            for c in g.children:
                self.glyph(c)
        elif isinstance(g, Line):
            for path in line_paths(g):
                self.polyline(path, g.colour, g.width, g.dash)
        elif isinstance(g, Rect):
            pts = rounded_rect_points(g.x, g.y, g.width, g.height, g.radius)
            self.outline(pts, g.colour, g.line_width, g.fill, g.dash)
        elif isinstance(g, Circle):
            self.outline(circle_points(g.cx, g.cy, g.r, max(48, int(g.r * self.s))), g.colour, g.line_width,
                         g.fill, g.dash)
        elif isinstance(g, Polygon):
            self.outline(g.points, g.colour, g.line_width, g.fill, g.dash)
        elif isinstance(g, Cross):
            h = g.half
            self.polyline(((g.cx - h, g.cy - h), (g.cx + h, g.cy + h)), g.colour, g.width)
            self.polyline(((g.cx - h, g.cy + h), (g.cx + h, g.cy - h)), g.colour, g.width)
        elif isinstance(g, Image):
            self.picture(g)
        elif isinstance(g, Text):
            self.text(g)

    def picture(self, g: Image) -> None:
        """A pictogram from its pre-rasterised PNG, or a media file, pasted over what is below."""
        data = raster(g)
        if not data:
            return
        try:
            pic = PILImage.open(io.BytesIO(data))
            pic.load()
        except (UnidentifiedImageError, OSError, ValueError):
            return
        x, y, w, h = fit(g, pic.width, pic.height)
        (px, py), pw, ph = self.p((x, y)), round(w * self.s), round(h * self.s)
        if pw < 1 or ph < 1:
            return
        rgba = pic.convert("RGBA").resize((pw, ph), PILImage.Resampling.LANCZOS)
        self.image.paste(rgba, (round(px), round(py)), rgba)

    def text(self, t: Text) -> None:
        total = text_width(t.text, t.size, t.role)
        x = t.x - (total / 2 if t.anchor == "middle" else total if t.anchor == "end" else 0.0)
        for face, piece in runs(t.text, t.role):
            self.d.text(self.p((x, t.y)), piece, font=_font(face, t.size * self.s), fill=t.colour, anchor="ls")
            x += run_width(face, piece, t.size)


def glyphs_to_png(glyphs: list[Glyph], dpi: float = 150.0, margin: float = 12.0) -> bytes:
    """A PNG of every glyph with a margin, at `dpi` (72 points make an inch)."""
    if not 20 <= dpi <= 1200:
        raise ValueError(f"a resolution of {dpi:g} dpi is outside 20 to 1200")
    x0, y0, x1, y1 = bounds(glyphs)
    w_pt, h_pt = x1 - x0 + 2 * margin, y1 - y0 + 2 * margin
    out_w, out_h = max(1, math.ceil(w_pt * dpi / 72)), max(1, math.ceil(h_pt * dpi / 72))
    factor = SUPERSAMPLE
    while factor > 1 and out_w * out_h * factor * factor > MAX_PIXELS:
        factor -= 1
    scale = dpi / 72 * factor
    image = PILImage.new("RGB", (out_w * factor, out_h * factor), "#ffffff")
    painter = _Painter(image, scale, x0 - margin, y0 - margin)
    for g in glyphs:
        painter.glyph(g)
    if factor > 1:
        image = image.resize((out_w, out_h), PILImage.Resampling.LANCZOS)
    buf = io.BytesIO()
    image.save(buf, "PNG", dpi=(dpi, dpi), optimize=False)
    return buf.getvalue()
