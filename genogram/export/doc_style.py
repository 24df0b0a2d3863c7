"""Page and paragraph styles for the printed plans, kept as data (as rst2pdf keeps style files).

The full plan (for adults and professionals) and the child's one-page plan share the fonts
and the helper that sets a string run by run in the bundled faces, so a Greek, Cyrillic,
Welsh or Vietnamese name prints whatever the paragraph around it.
"""
from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from .fonts import register, runs

# ---- the full plan -----------------------------------------------------------------------------
FULL_PAGE: dict[str, Any] = {"size": A4, "margin": 18 * mm, "header": 16 * mm, "footer": 12 * mm}
FULL_COLOURS = {"ink": "#1f2933", "muted": "#5f6b7a", "rule": "#c8ced6", "head": "#24507a",
                "table_head": "#e4ecf4", "ok": "#2f7d32", "warn": "#a04000", "quote": "#f3f0e8"}
#: name -> (size, leading, bold, colour, space before, space after, left indent)
FULL_STYLES: dict[str, tuple[float, float, bool, str, float, float, float]] = {
    "title": (20, 25, True, "head", 0, 4, 0),
    "subtitle": (11, 15, False, "muted", 0, 10, 0),
    "h1": (14, 18, True, "head", 14, 5, 0),
    "h2": (11.5, 15, True, "ink", 8, 3, 0),
    "body": (10.5, 14.5, False, "ink", 0, 5, 0),
    "small": (8.5, 11, False, "muted", 0, 3, 0),
    "cell": (9.5, 12.5, False, "ink", 0, 0, 0),
    "cell_head": (9.5, 12.5, True, "ink", 0, 0, 0),
    "quote": (11, 15.5, False, "ink", 2, 6, 12),
    "ok": (9.5, 12.5, True, "ok", 0, 0, 0),
    "warn": (9.5, 12.5, True, "warn", 0, 0, 0),
}

# ---- the child's page --------------------------------------------------------------------------
CHILD_PAGE: dict[str, Any] = {"size": A4, "margin": 13 * mm}
#: Body sizes tried in turn (Easy Read: never under 14 pt), then line spacings.
CHILD_SIZES = (16.0, 15.5, 15.0, 14.5, 14.0)
CHILD_SPACINGS = (1.45, 1.32, 1.22)
CHILD_MIN_SIZE = 14.0
ATTRIBUTION_SIZE = 7.5  # the pictogram licence line, the one thing printed small
CHILD_COLOURS = {"paper": "#fffaf0", "ink": "#3a2a1e", "muted": "#7a5c45", "title": "#b5461f",
                 "quote": "#fff0c9", "quote_edge": "#e8a93b"}
#: section id -> (heading colour, band fill); warm colours, each section its own.
CHILD_SECTIONS: dict[str, tuple[str, str]] = {
    "about_me": ("#a8431a", "#fde3cf"),
    "worries": ("#8a4b12", "#fbe6c4"),
    "going_well": ("#5f6b12", "#f1f0c6"),
    "happen": ("#9c3d2e", "#fadad2"),
    "helpers": ("#7b4a8a", "#efe0f1"),
    "said": ("#8a5a12", "#fff0c9"),
    "safe": ("#2f6e5b", "#dcefe6"),
}


def colour(hex_code: str) -> Any:
    return HexColor(hex_code)


def rich(text: str, role: str = "regular") -> str:
    """Paragraph markup for `text`: escaped, each run in the bundled face that has its letters."""
    register()
    return "".join(f'<font face="{face}">{escape(piece)}</font>' for face, piece in runs(text, role))


def full_styles() -> dict[str, ParagraphStyle]:
    """The full plan's paragraph styles, built from FULL_STYLES."""
    register()
    out = {}
    for name, (size, leading, bold, ink, before, after, indent) in FULL_STYLES.items():
        out[name] = ParagraphStyle(name, fontName="Andika-Bold" if bold else "Andika", fontSize=size,
                                   leading=leading, textColor=colour(FULL_COLOURS[ink]),
                                   spaceBefore=before, spaceAfter=after, leftIndent=indent,
                                   keepWithNext=int(name in ("h1", "h2")))
    return out


def child_style(name: str, size: float, spacing: float, ink: str, bold: bool = False) -> ParagraphStyle:
    """One paragraph style of the child's page at body size `size` and line spacing `spacing`."""
    register()
    return ParagraphStyle(name, fontName="Andika-Bold" if bold else "Andika", fontSize=size,
                          leading=size * spacing, textColor=colour(ink))
