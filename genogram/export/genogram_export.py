"""`genogram export --what genogram`: the genogram with its title, date and key, as PDF, SVG or PNG.

The PDF is A4 or A3, portrait or landscape, and either fits the drawing on one page or tiles
it across pages at full size, cutting only between people so no symbol or label is split.
Same case, same bytes (reportlab's invariant mode), with the bundled fonts embedded.
"""
from __future__ import annotations

import io
import itertools
from dataclasses import dataclass

from reportlab.lib.pagesizes import A3, A4, landscape, portrait
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate, Spacer

from ..layout.types import GenogramLayout
from ..model import Case
from ..notation import styles as S
from ..notation.genogram import (
    genogram_glyphs,
    hidden_people,
    mask_glyphs,
    names_private,
    private_names,
)
from ..notation.geometry import bounds
from ..notation.glyphs import Glyph, Group, Text
from ..notation.legend import legend_glyphs
from .diagram_pdf import GlyphFlowable, Region, paint
from .fonts import register

PAPERS = {"A4": A4, "A3": A3}
ORIENTATIONS = ("landscape", "portrait")
PAGES = ("fit", "tile")
FORMATS = ("pdf", "svg", "png")
MARGIN = 12 * mm
HEADER = 34.0  # title and date above the frame
FOOTER = 16.0
TILE_GAP = 6.0  # clearance kept around a person when choosing where a tile ends
MAX_FIT_SCALE = 1.6


@dataclass(frozen=True)
class ExportOptions:
    paper: str = "A4"
    orientation: str = "landscape"
    pages: str = "fit"
    dpi: float = 150.0

    def __post_init__(self) -> None:
        if self.paper not in PAPERS:
            raise ValueError(f"paper must be one of {', '.join(PAPERS)}, not {self.paper!r}")
        if self.orientation not in ORIENTATIONS:
            raise ValueError(f"orientation must be one of {', '.join(ORIENTATIONS)}, not {self.orientation!r}")
        if self.pages not in PAGES:
            raise ValueError(f"pages must be one of {', '.join(PAGES)}, not {self.pages!r}")


def _date(case: Case) -> str:
    d = case.as_at()
    return f"{d.day} {d.strftime('%B')} {d.year}"


def _private_names(case: Case) -> tuple[str, ...]:
    """The names a printout keeps out of its text (none when the case prints everyone)."""
    return private_names(case, hidden_people(case, case.meta.hide_private_in_exports))


def title_lines(case: Case, names: tuple[str, ...] | None = None) -> tuple[str, str]:
    """The sheet's title and date line; a title that names a private person (one of `names`,
    by default the case's) is not printed (the sheet is then just "Genogram"), since a family
    reads it first."""
    title = case.meta.title or "Genogram"
    if names_private(title, _private_names(case) if names is None else names):
        title = "Genogram"
    sub = f"Genogram as at {_date(case)}" + (" · fictional family" if case.meta.fictional else "")
    return title, sub


def sheet_glyphs(case: Case, layout: GenogramLayout) -> list[Glyph]:
    """The whole sheet for SVG and PNG: title and date above the drawing, the key below;
    on a printout that masks private people, no text on it names one."""
    hide = case.meta.hide_private_in_exports
    drawing = genogram_glyphs(case, layout, hide)
    x0, y0, x1, y1 = bounds(drawing)
    names = _private_names(case)
    title, sub = title_lines(case, names)
    head: list[Glyph] = [Text(x0, y0 - 24, title, 14.0, "bold", "start", S.INK),
                         Text(x0, y0 - 10, sub, 9.0, "regular", "start", S.MUTED)]
    key = legend_glyphs(case, max(x1 - x0, 420.0), x0, y1 + 18, hide)
    return head + drawing + mask_glyphs(case, key, names)  # the drawing is masked already


# ---- PDF ---------------------------------------------------------------------------------------
def tile_cuts(spans: list[tuple[float, float]], start: float, end: float, step: float) -> list[float]:
    """Where pages begin and end along one axis: at most `step` apart, never inside a span
    (a person's box), unless a span is longer than a whole page."""
    cuts = [start]
    while end - cuts[-1] > step + 0.01:
        here = cuts[-1]
        limit = here + step
        cut = limit
        while True:  # step back past everyone the cut would go through
            inside = [a for a, b in spans if a < cut < b]
            if not inside:
                break
            cut = min(inside)
        if cut <= here + 1:
            cut = limit  # someone is wider than a page: cut at the page edge
        cuts.append(cut)
    cuts.append(end)
    return cuts


def _cut(spans: list[tuple[float, float]], start: float, end: float, limit: float, force: bool) -> float:
    """Where a row's part of a page ends: at `end` if it fits, else before the first person who
    would cross `limit`; if nobody fits, nothing of the row goes on the page (unless `force`)."""
    if start >= end - 0.01:
        return start
    if end <= limit:
        return end
    cut = tile_cuts(spans, start, end, limit - start)[1]
    if cut > limit + 0.01 or (not force and any(a < cut < b for a, b in spans)):
        return start
    return cut


def _bands(layout: GenogramLayout, y0: float, y1: float) -> list[tuple[float, float, list[tuple[float, float]]]]:
    """Horizontal bands, one per generation (split halfway between rows), each with the
    x-spans of the people in it."""
    rows: dict[int, list[tuple[float, float, float, float]]] = {}
    for p in layout.people.values():
        rows.setdefault(p.generation, []).append((p.box.y, p.box.bottom, p.box.x, p.box.right))
    ordered = sorted(rows.values(), key=lambda r: min(b[0] for b in r))
    tops = [min(b[0] for b in r) for r in ordered]
    bottoms = [max(b[1] for b in r) for r in ordered]
    edges = [y0] + [(bottoms[i] + tops[i + 1]) / 2 for i in range(len(ordered) - 1)] + [y1]
    return [(edges[i], edges[i + 1], [(b[2] - TILE_GAP, b[3] + TILE_GAP) for b in r])
            for i, r in enumerate(ordered)] or [(y0, y1, [])]


def _tiles(layout: GenogramLayout, region: Region, frame_w: float,
           frame_h: float) -> list[tuple[Region, list[Region]]]:
    """Pages at full size: each a window on the drawing and the parts of it to print there.

    Each generation's row is cut on its own, between two people, so a page edge may step
    from row to row; nothing is cut through a symbol or its label."""
    x0, y0, x1, y1 = region
    ys_spans = [(p.box.y - TILE_GAP - S.INDEX_GAP, p.box.bottom + TILE_GAP) for p in layout.people.values()]
    ys = tile_cuts(ys_spans, y0, y1, frame_h)
    pages: list[tuple[Region, list[Region]]] = []
    for ry0, ry1 in itertools.pairwise(ys):
        bands = [(max(b0, ry0), min(b1, ry1), spans) for b0, b1, spans in _bands(layout, y0, y1)
                 if b1 > ry0 and b0 < ry1]
        starts = [x0] * len(bands)
        while any(st < x1 - 0.01 for st in starts):
            offset = min(starts)
            clips: list[Region] = []
            for i, ((b0, b1, spans), st) in enumerate(zip(bands, starts)):
                cut = _cut(spans, st, x1, offset + frame_w, force=st <= offset + 0.01)
                if cut > st:
                    clips.append((st, b0, cut, b1))
                starts[i] = cut
            right = max(c[2] for c in clips)
            pages.append(((offset, ry0, right, ry1), clips))
    return pages


def _on_page(drawing: list[Glyph], clips: list[Region]) -> list[Glyph]:
    """What a tile page draws: people whose symbol is on it, and whatever else crosses it.
    Leaving the rest out keeps each name on one page only (and in the PDF's text only once)."""
    out: list[Glyph] = []
    for g in drawing:
        x0, y0, x1, y1 = bounds([g])
        if isinstance(g, Group) and g.kind == "person":
            cx, cy = (x0 + x1) / 2, y0 + 1
            if any(a <= cx <= c and b <= cy <= d for a, b, c, d in clips):
                out.append(g)
        elif any(x0 < c and a < x1 and y0 < d and b < y1 for a, b, c, d in clips):
            out.append(g)
    return out


def genogram_pdf(case: Case, layout: GenogramLayout, opts: ExportOptions) -> bytes:
    register()
    page = (landscape if opts.orientation == "landscape" else portrait)(PAPERS[opts.paper])
    pw, ph = page
    frame_w, frame_h = pw - 2 * MARGIN, ph - 2 * MARGIN - HEADER - FOOTER
    hide = case.meta.hide_private_in_exports
    drawing = genogram_glyphs(case, layout, hide)
    region = bounds(drawing)
    names = _private_names(case)
    key = mask_glyphs(case, legend_glyphs(case, frame_w, hide_private=hide), names)
    key_region = bounds(key)
    title, sub = title_lines(case, names)

    def decorate(c: Canvas, doc: BaseDocTemplate) -> None:
        c.saveState()
        c.translate(0, ph)
        c.scale(1, -1)
        paint(c, [Text(MARGIN, MARGIN + 14, title, 14.0, "bold", "start", S.INK),
                  Text(MARGIN, MARGIN + 28, sub, 9.0, "regular", "start", S.MUTED),
                  Text(pw - MARGIN, ph - MARGIN, f"Page {doc.page}", 8.0, "regular", "end", S.MUTED)])
        c.restoreState()

    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=page, leftMargin=MARGIN, rightMargin=MARGIN,
                          topMargin=MARGIN + HEADER, bottomMargin=MARGIN + FOOTER, invariant=1,
                          title=f"{title}: genogram", author="Kinscape", creator="Kinscape",
                          producer="Kinscape (reportlab)", subject=sub)
    frame = Frame(MARGIN, MARGIN + FOOTER, frame_w, frame_h, 0, 0, 0, 0, id="drawing")
    doc.addPageTemplates([PageTemplate("genogram", [frame], onPage=decorate)])
    key_h = (key_region[3] - key_region[1]) if key else 0.0
    story: list[object] = []
    if opts.pages == "fit":
        story.append(GlyphFlowable(drawing, region, max_scale=MAX_FIT_SCALE, reserve=key_h + 14))
    else:
        for i, (window, clips) in enumerate(_tiles(layout, region, frame_w, frame_h)):
            if i:
                story.append(PageBreak())
            tile = GlyphFlowable(_on_page(drawing, clips), window, scale=1.0, clip=clips)
            tile.hAlign = "LEFT"
            story.append(tile)
    if key:
        story.append(Spacer(1, 14))
        key_flow = GlyphFlowable(key, key_region, max_scale=1.0)
        key_flow.hAlign = "LEFT"
        story.append(key_flow)
    doc.build(story)
    return buf.getvalue()


# ---- entry points -------------------------------------------------------------------------------
def render_genogram(case: Case, layout: GenogramLayout, fmt: str, opts: ExportOptions | None = None) -> bytes:
    """The genogram of `case` drawn at `layout`, as the bytes of a PDF, SVG or PNG file."""
    opts = opts or ExportOptions()
    if fmt == "pdf":
        return genogram_pdf(case, layout, opts)
    if fmt == "svg":
        from .svg import glyphs_to_svg

        return glyphs_to_svg(sheet_glyphs(case, layout), title=title_lines(case)[0])
    if fmt == "png":
        from .png import glyphs_to_png

        return glyphs_to_png(sheet_glyphs(case, layout), dpi=opts.dpi)
    raise ValueError(f"a genogram can be exported as {', '.join(FORMATS)}, not {fmt!r}")


def export_genogram(case: Case, fmt: str, opts: ExportOptions | None = None) -> bytes:
    """Lay the genogram out, then draw it: what `genogram export --what genogram` writes."""
    from ..layout.genogram import layout_genogram

    return render_genogram(case, layout_genogram(case), fmt, opts)


def export_for_cli(case: Case, fmt: str, options: dict[str, object]) -> bytes:
    """The `genogram export --what genogram` entry point (see genogram/commands/export.py)."""
    if not case.family.people():
        raise ValueError("the case has nobody in its genogram yet, so there is nothing to draw")
    opts = ExportOptions(paper=str(options.get("paper", "A4")), orientation=str(options.get("orientation", "landscape")),
                         pages=str(options.get("pages", "fit")), dpi=float(options.get("dpi", 150.0)))  # type: ignore[arg-type]
    return export_genogram(case, fmt, opts)
