"""`genogram export --what ecomap`: one dated ecomap, or two side by side, as PDF, SVG or PNG.

The drawing, its key and its numbered notes ("what helps", "what is hard") come from the
notation (`ecomap_glyphs`, `ecomap_legend_glyphs`); this module only arranges them on a page
with the title and the date. A compare sheet puts "then" and "now" at one scale, next to
each other, with a short list of what changed, so a family can see it at a glance.

Printouts follow `case.meta.hide_private_in_exports`: private systems are left out and a
private person of the genogram is named "Private", as on the genogram printout. Every page
that shows a bundled pictogram carries its licence line, small, at the bottom.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, replace

from reportlab.lib.pagesizes import A3, A4, landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    FrameBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from .. import pictures
from ..layout.ecomap import EcomapLayout, find_ecomap, layout_ecomap, system_name
from ..model import Case, EcoConnection, Ecomap, EcoSystem, Quality
from ..model.family import id_order
from ..notation import ecomap_styles as E
from ..notation import styles as S
from ..notation.ecomap_glyphs import ecomap_glyphs, note_text, scaled
from ..notation.ecomap_legend import ecomap_legend_glyphs, legend_entries
from ..notation.geometry import bounds
from ..notation.glyphs import Glyph, Group, Image, Text, walk
from . import doc_style as D
from .diagram_pdf import GlyphFlowable, paint
from .fonts import register

PAPERS = {"A4": A4, "A3": A3}
FORMATS = ("pdf", "svg", "png")
MARGIN = 12 * mm
HEADER = 34.0
FOOTER = 14.0
MAX_FIT_SCALE = 1.6
COMPARE_GAP = 36.0
#: From closest to most strained: a move up this list reads as "stronger".
STRENGTH = (Quality.STRONG, Quality.MODERATE, Quality.TENUOUS, Quality.STRESSFUL, Quality.BROKEN)


@dataclass(frozen=True)
class EcomapOptions:
    paper: str = "A4"
    orientation: str = "landscape"
    dpi: float = 150.0
    ecomap: str | None = None
    compare: tuple[str, ...] | None = None  # () means: the two latest

    def __post_init__(self) -> None:
        if self.paper not in PAPERS:
            raise ValueError(f"paper must be one of {', '.join(PAPERS)}, not {self.paper!r}")
        if self.orientation not in ("landscape", "portrait"):
            raise ValueError(f"orientation must be landscape or portrait, not {self.orientation!r}")


# ---- words --------------------------------------------------------------------------------------
def when(eco: Ecomap) -> str:
    return eco.date.label() if eco.date else "undated"


def titles(case: Case, eco: Ecomap) -> tuple[str, str]:
    title = case.meta.title or "Ecomap"
    sub = f"{eco.title or 'Ecomap'} · {when(eco)}" + (" · fictional family" if case.meta.fictional else "")
    return title, sub


def _layout(case: Case, eco_id: str) -> EcomapLayout:
    hide = case.meta.hide_private_in_exports
    return layout_ecomap(case, eco_id, include_private=not hide, hide_private=hide)


def shows_pictogram(glyphs: list[Glyph]) -> bool:
    """Whether a bundled pictogram is drawn (and so its licence line must be printed)."""
    return any(isinstance(g, Image) and g.ref.startswith("pictogram:") for g in walk(glyphs))


def with_attribution(glyphs: list[Glyph]) -> list[Glyph]:
    """A sheet for SVG or PNG, with the pictograms' licence line under it when it shows one."""
    if not shows_pictogram(glyphs):
        return glyphs
    x0, _, _, y1 = bounds(glyphs)
    return glyphs + [Text(x0, y1 + 16, pictures.attribution(), D.ATTRIBUTION_SIZE, "regular",
                          "start", S.MUTED)]


class _Drawing(GlyphFlowable):  # type: ignore[misc]
    """A drawing that notes, on the page it lands on, whether it showed a pictogram."""

    def __init__(self, glyphs: list[Glyph], pages: set[int], **kw: object) -> None:
        super().__init__(glyphs, bounds(glyphs), **kw)  # type: ignore[arg-type]
        self.pages, self.pictogram = pages, shows_pictogram(glyphs)

    def draw(self) -> None:
        super().draw()
        if self.pictogram:
            self.pages.add(self.canv.getPageNumber())


def numbered_notes(case: Case, lay: EcomapLayout) -> list[EcoConnection]:
    """The connections with a note, in the order the drawing numbers them."""
    conns = sorted((c for c in case.records("eco_connections") if c.id in lay.connections),
                   key=lambda c: id_order(c.id))
    return [c for c in conns if c.helps.strip() or c.hard.strip()]


def _drawing(case: Case, lay: EcomapLayout, notes: bool) -> list[Glyph]:
    """The ecomap with its note numbers but without the notes list (printed separately)."""
    return [g for g in ecomap_glyphs(case, lay, notes)
            if not (isinstance(g, Group) and g.kind == "eco_notes")]


def two_latest(case: Case) -> tuple[str, str]:
    maps = sorted(case.records("ecomaps"), key=lambda m: (m.date is not None,
                                                         m.date.earliest() if m.date else 0,
                                                         id_order(m.id)))
    if len(maps) < 2:
        raise ValueError("comparing needs two ecomaps; this case has "
                         + ("one" if maps else "none") + " (make a new snapshot first)")
    return maps[-2].id, maps[-1].id


def pair(case: Case, ids: tuple[str, ...]) -> tuple[Ecomap, Ecomap]:
    """The two snapshots to compare, older first."""
    if not ids:
        ids = two_latest(case)
    if len(ids) != 2:
        raise ValueError(f"compare takes two ecomap ids, not {len(ids)}")
    a, b = (find_ecomap(case, i) for i in ids)
    key = (lambda m: m.date.earliest() if m.date else None)
    if key(a) and key(b) and key(b) < key(a):  # type: ignore[operator]
        a, b = b, a
    return a, b


def _match_key(case: Case, s: EcoSystem) -> str:
    return f"person:{s.person}" if s.person else " ".join(system_name(case, s).lower().split())


def changes(case: Case, then: Ecomap, now: Ecomap) -> list[str]:
    """What changed between two snapshots, in plain words: new, gone, stronger, weaker, stress."""
    def world(eco: Ecomap) -> dict[str, tuple[str, EcoConnection | None]]:
        out: dict[str, tuple[str, EcoConnection | None]] = {}
        conns = [c for c in case.records("eco_connections") if c.ecomap == eco.id]
        hide = case.meta.hide_private_in_exports
        for s in case.records("eco_systems"):
            if s.ecomap == eco.id and not (s.private and hide):
                mine = sorted((c for c in conns if c.system == s.id), key=lambda c: c.person is not None)
                out[_match_key(case, s)] = (system_name(case, s, hide), mine[0] if mine else None)
        return out

    old, new = world(then), world(now)
    lines: list[str] = []
    for k, (name, c) in new.items():
        if k not in old:
            lines.append(f"New: {name}")
            continue
        was = old[k][1]
        if c is None or was is None:
            continue
        if c.quality is not was.quality:
            a, b = STRENGTH.index(was.quality), STRENGTH.index(c.quality)
            word = "Changed" if max(a, b) >= STRENGTH.index(Quality.STRESSFUL) else \
                "Stronger" if b < a else "Weaker"
            lines.append(f"{word}: {name} (was {E.CONNECTION_STYLES[was.quality].label.lower()}, "
                         f"now {E.CONNECTION_STYLES[c.quality].label.lower()})")
        elif c.stress != was.stress:
            lines.append(f"{'More' if c.stress else 'Less'} stress: {name}")
    lines += [f"No longer on the map: {name}" for k, (name, _c) in old.items() if k not in new]
    order = ("Stronger", "Weaker", "Changed", "More", "Less", "New", "No longer")
    lines.sort(key=lambda line: next(i for i, w in enumerate(order) if line.startswith(w)))
    return lines or ["Nothing changed between these two dates."]


# ---- one ecomap ---------------------------------------------------------------------------------
def sheet_glyphs(case: Case, eco_id: str) -> list[Glyph]:
    """The whole sheet for SVG and PNG: title and date, the drawing, its notes and key."""
    from ..notation.ecomap_legend import ecomap_with_key

    eco = find_ecomap(case, eco_id)
    lay = _layout(case, eco.id)
    body = ecomap_with_key(case, lay)
    x0, y0, _, _ = bounds(body)
    title, sub = titles(case, eco)
    return with_attribution([Text(x0, y0 - 24, title, 14.0, "bold", "start", S.INK),
                             Text(x0, y0 - 10, sub, 9.0, "regular", "start", S.MUTED)] + body)


def _page(opts: EcomapOptions) -> tuple[float, float]:
    return (landscape if opts.orientation == "landscape" else portrait)(PAPERS[opts.paper])  # type: ignore[no-any-return]


def _doc(buf: io.BytesIO, page: tuple[float, float], title: str, sub: str, what: str,
         side: float = 0.0, pictured: set[int] | None = None) -> BaseDocTemplate:
    """A page with the title and date on top; `side` > 0 splits the first page into the
    drawing on the left and a column that wide on the right (for the key and the notes).
    The pages in `pictured` (filled in as drawings land) get the pictograms' licence line."""
    pw, ph = page
    pictured = set() if pictured is None else pictured

    def finish(c: Canvas, doc: BaseDocTemplate) -> None:
        if c.getPageNumber() not in pictured:
            return
        c.saveState()
        c.translate(0, ph)
        c.scale(1, -1)
        paint(c, [Text(MARGIN, ph - MARGIN + 4, pictures.attribution(), D.ATTRIBUTION_SIZE,
                       "regular", "start", S.MUTED)])
        c.restoreState()

    def decorate(c: Canvas, doc: BaseDocTemplate) -> None:
        c.saveState()
        c.translate(0, ph)
        c.scale(1, -1)
        paint(c, [Text(MARGIN, MARGIN + 14, title, 14.0, "bold", "start", S.INK),
                  Text(MARGIN, MARGIN + 28, sub, 9.0, "regular", "start", S.MUTED),
                  Text(pw - MARGIN, ph - MARGIN + 4, f"Page {doc.page}", 8.0, "regular", "end", S.MUTED)])
        c.restoreState()

    doc = BaseDocTemplate(buf, pagesize=page, leftMargin=MARGIN, rightMargin=MARGIN,
                          topMargin=MARGIN + HEADER, bottomMargin=MARGIN + FOOTER, invariant=1,
                          title=f"{title}: {what}", author="Kinscape", creator="Kinscape",
                          producer="Kinscape (reportlab)", subject=sub)
    fh = ph - 2 * MARGIN - HEADER - FOOTER
    full = Frame(MARGIN, MARGIN + FOOTER, pw - 2 * MARGIN, fh, 0, 0, 0, 0, id="drawing")
    templates = [PageTemplate("ecomap", [full], onPage=decorate, onPageEnd=finish)]
    if side:
        left = Frame(MARGIN, MARGIN + FOOTER, pw - 2 * MARGIN - side - 16, fh, 0, 0, 0, 0, id="left")
        right = Frame(pw - MARGIN - side, MARGIN + FOOTER, side, fh, 0, 0, 0, 0, id="right")
        templates.insert(0, PageTemplate("split", [left, right], onPage=decorate, onPageEnd=finish,
                                         autoNextPageTemplate="ecomap"))
    doc.addPageTemplates(templates)
    return doc


def _notes_table(case: Case, lay: EcomapLayout, width: float) -> list[object]:
    notes = numbered_notes(case, lay)
    if not notes:
        return []
    st = D.full_styles()
    rows = [[Paragraph(D.rich(str(i), "bold"), st["cell_head"]),
             Paragraph(D.rich(note_text(lay, c)), st["cell"])] for i, c in enumerate(notes, start=1)]
    table = Table(rows, colWidths=[20, width - 20], hAlign="LEFT", repeatRows=0)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    head = ParagraphStyle("notes_head", parent=st["h2"], keepWithNext=0, spaceBefore=0)
    return [Paragraph(D.rich(E.NOTE_LIST_TITLE, "bold"), head), table]


def _key(case: Case, lays: list[EcomapLayout], width: float) -> list[object]:
    """The key of one ecomap, or of two together (each entry once)."""
    lay = lays[-1]
    if len(lays) > 1:  # a key that covers both: give the last one the other's entries too
        have = {e.key for e in legend_entries(case, lay)}
        extra = [s for s in lays[0].systems.values()
                 if f"category:{s.category}" not in have]
        if extra:
            systems = dict(lay.systems)
            systems.update({f"_key_{s.id}": s for s in extra})
            lay = replace(lay, systems=systems, connections={**lays[0].connections, **lay.connections})
        else:
            lay = replace(lay, connections={**lays[0].connections, **lay.connections})
    key = ecomap_legend_glyphs(case, lay, width)
    if not key:
        return []
    flow = GlyphFlowable(key, bounds(key), scale=1.0)  # never shrunk: it moves on instead
    flow.hAlign = "LEFT"
    return [Spacer(1, 10), flow]


def ecomap_pdf(case: Case, opts: EcomapOptions) -> bytes:
    register()
    eco = find_ecomap(case, opts.ecomap)
    lay = _layout(case, eco.id)
    page = _page(opts)
    drawing = _drawing(case, lay, notes=True)
    title, sub = titles(case, eco)
    buf = io.BytesIO()
    pictured: set[int] = set()
    if opts.orientation == "landscape":  # drawing left, key and notes beside it
        side = page[0] * 0.36
        doc = _doc(buf, page, title, sub, "ecomap", side, pictured)
        story: list[object] = [_Drawing(drawing, pictured, max_scale=MAX_FIT_SCALE), FrameBreak()]
        notes = _notes_table(case, lay, side)
        key = _key(case, [lay], side)
        used = sum(f.wrap(side, page[1])[1] for f in notes + key)  # type: ignore[attr-defined]
        if used > page[1] - 2 * MARGIN - HEADER - FOOTER:  # the key goes overleaf, full width
            key = [FrameBreak()] + _key(case, [lay], page[0] - 2 * MARGIN)[1:]
        story += notes + key
    else:
        width = page[0] - 2 * MARGIN
        doc = _doc(buf, page, title, sub, "ecomap", pictured=pictured)
        key = _key(case, [lay], width)
        key_h = bounds(key[1].glyphs)[3] - bounds(key[1].glyphs)[1] + 14 if key else 0.0  # type: ignore[attr-defined]
        story = [_Drawing(drawing, pictured, max_scale=MAX_FIT_SCALE, reserve=key_h)]
        story += key + _notes_table(case, lay, width)
    doc.build(story)
    return buf.getvalue()


# ---- two ecomaps side by side ---------------------------------------------------------------------
def _side_by_side(case: Case, then: Ecomap, now: Ecomap) -> tuple[list[Glyph], list[EcomapLayout]]:
    """Both drawings at one scale, headed "Then" and "Now" with their dates."""
    out: list[Glyph] = []
    lays = []
    x = 0.0
    for word, eco in (("Then", then), ("Now", now)):
        lay = _layout(case, eco.id)
        lays.append(lay)
        body = _drawing(case, lay, notes=False)
        x0, y0, x1, _ = bounds(body)
        out.append(Text(x + (x1 - x0) / 2, -8.0, f"{word}: {when(eco)}", 16.0, "bold", "middle", S.INK))
        out += [scaled(g, 1.0, x - x0, -y0 + 8.0) for g in body]
        x += x1 - x0 + COMPARE_GAP
    return out, lays


def compare_sheet_glyphs(case: Case, then: Ecomap, now: Ecomap) -> list[Glyph]:
    """The compare sheet for PNG and SVG: title, both drawings, what changed, the key."""
    drawings, lays = _side_by_side(case, then, now)
    x0, y0, x1, y1 = bounds(drawings)
    out: list[Glyph] = [Text(x0, y0 - 30, case.meta.title or "Ecomap", 14.0, "bold", "start", S.INK),
                        Text(x0, y0 - 16, f"What changed from {when(then)} to {when(now)}", 9.0,
                             "regular", "start", S.MUTED)] + drawings
    y = y1 + 24
    out.append(Text(x0, y, "What changed", 11.0, "bold", "start", S.INK))
    for line in changes(case, then, now):
        y += 14
        out.append(Text(x0 + 8, y, f"• {line}", 10.0, "regular", "start", S.INK))
    key = _key(case, lays, x1 - x0)
    if key:
        kg = key[1].glyphs  # type: ignore[attr-defined]
        kx0, ky0, _, _ = bounds(kg)
        out += [scaled(g, 1.0, x0 - kx0, y + 20 - ky0) for g in kg]
    return with_attribution(out)


def compare_pdf(case: Case, then: Ecomap, now: Ecomap, opts: EcomapOptions) -> bytes:
    register()
    page = _page(opts)
    width = page[0] - 2 * MARGIN
    drawings, lays = _side_by_side(case, then, now)
    title = case.meta.title or "Ecomap"
    sub = f"Ecomaps of {when(then)} and {when(now)} side by side" + (
        " · fictional family" if case.meta.fictional else "")
    buf = io.BytesIO()
    pictured: set[int] = set()
    doc = _doc(buf, page, title, sub, "ecomaps compared", pictured=pictured)
    st = D.full_styles()
    lines = changes(case, then, now)
    text_w = min(300.0, width * 0.4)
    said: list[object] = [Paragraph(D.rich("What changed", "bold"), st["h2"])]
    said += [Paragraph(D.rich(f"• {line}"), st["cell"]) for line in lines]
    key = _key(case, lays, width - text_w - 12)
    key_flow = key[1] if key else Spacer(1, 1)
    below = Table([[said, key_flow]], colWidths=[text_w, width - text_w], hAlign="LEFT")
    below.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    _, below_h = below.wrap(width, page[1])
    story: list[object] = [_Drawing(drawings, pictured, max_scale=MAX_FIT_SCALE, reserve=below_h + 8),
                           Spacer(1, 8), below]
    doc.build(story)
    return buf.getvalue()


# ---- entry points -------------------------------------------------------------------------------
def export_ecomap(case: Case, fmt: str, opts: EcomapOptions | None = None) -> bytes:
    """One ecomap (or, with `compare`, two side by side) as PDF, SVG or PNG bytes."""
    opts = opts or EcomapOptions()
    if fmt not in FORMATS:
        raise ValueError(f"an ecomap can be exported as {', '.join(FORMATS)}, not {fmt!r}")
    if opts.compare is not None:
        then, now = pair(case, opts.compare)
        if fmt == "pdf":
            return compare_pdf(case, then, now, opts)
        glyphs = compare_sheet_glyphs(case, then, now)
        title = f"{case.meta.title}: ecomaps compared"
    else:
        if fmt == "pdf":
            return ecomap_pdf(case, opts)
        eco = find_ecomap(case, opts.ecomap)
        glyphs = sheet_glyphs(case, eco.id)
        title = titles(case, eco)[0]
    if fmt == "svg":
        from .svg import glyphs_to_svg

        return glyphs_to_svg(glyphs, title=title)
    from .png import glyphs_to_png

    return glyphs_to_png(glyphs, dpi=opts.dpi)


def options_from(options: dict[str, object]) -> EcomapOptions:
    """CLI options: `ecomap` an id; `compare` True (the two latest), "A,B" or a pair of ids."""
    raw = options.get("compare")
    compare: tuple[str, ...] | None = None
    if raw is True or raw == "":
        compare = ()
    elif isinstance(raw, str):
        compare = tuple(p.strip() for p in raw.split(",") if p.strip())
    elif isinstance(raw, (list, tuple)):
        compare = tuple(str(p) for p in raw)
    eco = options.get("ecomap")
    return EcomapOptions(paper=str(options.get("paper", "A4")),
                         orientation=str(options.get("orientation", "landscape")),
                         dpi=float(options.get("dpi", 150.0)),  # type: ignore[arg-type]
                         ecomap=str(eco) if eco else None, compare=compare)


def export_for_cli(case: Case, fmt: str, options: dict[str, object]) -> bytes:
    """The `genogram export --what ecomap` entry point (see genogram/commands/export.py)."""
    from ..model import UnknownIdError

    try:
        return export_ecomap(case, fmt, options_from(options))
    except UnknownIdError as exc:
        raise ValueError(str(exc)) from exc

