"""Where an Image glyph's picture comes from, for every painter.

Vector painters (PDF, SVG, Qt) want a pictogram's SVG; Pillow cannot read SVG, so the PNG
painter takes the copy rasterised at 144 px by tools/rasterise_pictograms.py. A case's own
media (a child's drawing) is raster already. Nothing here raises: a picture that is missing
or unreadable is simply not drawn.
"""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from typing import Literal

from .. import pictures
from .glyphs import Image

Kind = Literal["svg", "raster"]
_PNG = files("resources") / "pictograms" / "png"


def split(ref: str) -> tuple[str, str] | None:
    try:
        kind, value = pictures.parse_ref(ref)
    except pictures.PictureError:
        return None
    return kind, value


def _media(img: Image, name: str) -> bytes | None:
    if img.source is None:
        return None
    try:
        return img.source(name)
    except (KeyError, OSError, ValueError):
        return None


def vector_or_raster(img: Image) -> tuple[Kind, bytes] | None:
    """The picture for painters that draw SVG: ("svg", bytes) for a pictogram, ("raster",
    bytes) for a media file; None when there is nothing to draw."""
    parts = split(img.ref)
    if parts is None:
        return None
    kind, value = parts
    if kind == "pictogram":
        try:
            return "svg", pictures.svg_bytes(value)
        except (pictures.PictureError, OSError):
            return None
    if kind == "media":
        data = _media(img, value)
        return ("raster", data) if data else None
    return None


@lru_cache(maxsize=128)
def pictogram_png(keyword: str) -> bytes | None:
    """The pre-rasterised 144 px PNG of a bundled pictogram, or None."""
    p = pictures.pictograms().get(keyword)
    if p is None:
        return None
    try:
        return (_PNG / f"{p.code}.png").read_bytes()
    except OSError:
        return None


def raster(img: Image) -> bytes | None:
    """The picture as raster bytes (PNG, JPEG …) for painters that cannot read SVG."""
    parts = split(img.ref)
    if parts is None:
        return None
    kind, value = parts
    if kind == "pictogram":
        return pictogram_png(value)
    if kind == "media":
        return _media(img, value)
    return None


def fit(img: Image, w: float, h: float) -> tuple[float, float, float, float]:
    """Where a picture of w × h goes inside the glyph's box: (x, y, width, height), aspect kept."""
    if w <= 0 or h <= 0:
        return img.x, img.y, img.width, img.height
    s = min(img.width / w, img.height / h)
    dw, dh = w * s, h * s
    return img.x + (img.width - dw) / 2, img.y + (img.height - dh) / 2, dw, dh
