"""The ecomap's key: only what this ecomap uses, each sample drawn by the very code that draws
the ecomap (so the key and the drawing can never disagree).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..ecomap_palette import load_palette
from ..layout.ecomap import MARGIN, EcomapLayout
from ..model import Case, Energy, Quality
from . import ecomap_styles as E
from .ecomap_glyphs import connection_line, ecomap_glyphs
from .glyphs import Circle, Glyph, Group, Point, Text
from .metrics import text_width
from .geometry import bounds
from .styles import INK, LEGEND_SIZE

LEGEND_SAMPLE_WIDTH = E.LEGEND_SAMPLE  # long enough for an arrowhead and stress marks

ROW = 22.0
COL_GAP = 18.0
TITLE = "Key"

Sample = Callable[[float, float], list[Glyph]]


@dataclass(frozen=True)
class Entry:
    key: str
    label: str
    sample: Sample


def _line(quality: Quality, stress: bool = False, energy: Energy = Energy.NONE) -> Sample:
    def draw(x: float, y: float) -> list[Glyph]:
        pts: tuple[Point, ...] = ((x, y), (x + LEGEND_SAMPLE_WIDTH, y))
        return connection_line(quality, stress, energy, pts)
    return draw


def _swatch(colour: str) -> Sample:
    def draw(x: float, y: float) -> list[Glyph]:
        return [Circle(x + LEGEND_SAMPLE_WIDTH / 2, y, 7.0, INK, 0.8, colour)]
    return draw


def legend_entries(case: Case, layout: EcomapLayout) -> list[Entry]:
    """What this ecomap shows: its kinds of line, stress, energy and categories."""
    conns = [c for c in case.records("eco_connections") if c.id in layout.connections]
    out: list[Entry] = []
    for q in Quality:
        if any(c.quality is q for c in conns):
            out.append(Entry(f"quality:{q.value}", E.CONNECTION_STYLES[q].label, _line(q)))
    if any(c.stress and c.quality is not Quality.STRESSFUL for c in conns):
        out.append(Entry("stress", E.HATCH_LABEL, _line(Quality.MODERATE, stress=True)))
    for e in (Energy.TO_FAMILY, Energy.FROM_FAMILY, Energy.BOTH):
        if any(c.energy is e for c in conns):
            out.append(Entry(f"energy:{e.value}", E.ENERGY_LABELS[e], _line(Quality.MODERATE,
                                                                           energy=e)))
    pal = load_palette()
    used = {s.category for s in layout.systems.values()}
    known = [c.key for c in pal.categories]
    for key in known + sorted(used - set(known)):
        if key in used:
            cat = pal.category(key)
            out.append(Entry(f"category:{key}", cat.label if key == cat.key else key.title(),
                             _swatch(cat.colour)))
    return out


def ecomap_legend_glyphs(case: Case, layout: EcomapLayout, max_width: float = 0.0,
                         x: float = 0.0, y: float = 0.0) -> list[Glyph]:
    """The key as one group, top-left at (x, y), in as many columns as `max_width` allows.

    With the family's side on the right of every sample, arrows read as they do on the map."""
    entries = legend_entries(case, layout)
    if not entries:
        return []
    widths = [LEGEND_SAMPLE_WIDTH + 8 + text_width(e.label, LEGEND_SIZE) for e in entries]
    cols = 1
    for n in range(len(entries), 0, -1):
        rows = -(-len(entries) // n)
        col_w = [max(widths[c * rows:(c + 1) * rows], default=0.0) for c in range(n)]
        if n == 1 or (max_width and sum(col_w) + COL_GAP * (n - 1) <= max_width):
            cols = n
            break
    rows = -(-len(entries) // cols)
    col_w = [max(widths[c * rows:(c + 1) * rows], default=0.0) for c in range(cols)]
    out: list[Glyph] = [Text(x, y + LEGEND_SIZE + 1, TITLE + " (the family is on the right)",
                             LEGEND_SIZE + 1, "bold", "start", INK)]
    top = y + ROW
    for i, entry in enumerate(entries):
        c, r = divmod(i, rows)
        ex = x + sum(col_w[:c]) + COL_GAP * c
        ey = top + r * ROW + ROW / 2
        out.append(Group(entry.key, "legend_entry", tuple(entry.sample(ex, ey))))
        out.append(Text(ex + LEGEND_SAMPLE_WIDTH + 8, ey + LEGEND_SIZE * 0.35, entry.label,
                        LEGEND_SIZE, "regular", "start", INK))
    return [Group(layout.ecomap_id, "legend", tuple(out))]


def ecomap_with_key(case: Case, layout: EcomapLayout) -> list[Glyph]:
    """The ecomap as printed: the drawing, its numbered notes, and the key under them."""
    out = ecomap_glyphs(case, layout)
    below = max(layout.height, bounds(out)[3]) + 10.0
    return out + ecomap_legend_glyphs(case, layout, max(layout.width - 2 * MARGIN, 300.0),
                                      MARGIN, below)
