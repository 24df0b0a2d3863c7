"""What the direct-work printouts share: a canvas, text set run by run, pictures of every kind.

A picture reference is "pictogram:KEYWORD" (bundled OpenMoji, vector), "media:NAME" (a
drawing or photo in the case, already stripped of metadata when it came in) or
"genogram:ID,ID" (that piece of the family's genogram, private people left out). Callers
note whether a pictogram was drawn so the page carries the licence line.
"""
from __future__ import annotations

import io
from functools import lru_cache
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from .. import pictures
from . import doc_style as D
from .fonts import register, run_width, runs, text_width

PAPER = "#fffaf0"
INK = "#3a2a1e"
MUTED = "#7a5c45"
TITLE = "#b5461f"


def new_canvas(pagesize: tuple[float, float], title: str) -> tuple[io.BytesIO, Canvas]:
    """A canvas that writes the same bytes for the same case (invariant), fonts registered."""
    register()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=pagesize, invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setAuthor("Kinscape")
    c.setCreator("Kinscape")
    c.setProducer("Kinscape (reportlab)")
    return buf, c


def paper(c: Canvas, w: float, h: float, colour: str = PAPER, x: float = 0, y: float = 0) -> None:
    c.setFillColor(D.colour(colour))
    c.rect(x, y, w, h, stroke=0, fill=1)


def text(c: Canvas, x: float, y: float, words: str, size: float, role: str = "regular",
         ink: str = INK, anchor: str = "start") -> float:
    """Draw one line run by run in the bundled faces; returns its width."""
    width = text_width(words, size, role)
    x -= width / 2 if anchor == "middle" else width if anchor == "end" else 0
    c.setFillColor(D.colour(ink))
    for face, piece in runs(words, role):
        c.setFont(face, size)
        c.drawString(x, y, piece)
        x += run_width(face, piece, size)
    return width


def fit_line(words: str, size: float, width: float, role: str = "regular", least: float = 8) -> float:
    """The largest size up to `size` at which one line fits `width` (not below `least`)."""
    while size > least and text_width(words, size, role) > width:
        size -= 0.5
    return size


def para(words: str, size: float, ink: str = INK, bold: bool = False, leading: float = 1.25,
         align: int = 0) -> Paragraph:
    style = D.child_style("p", size, leading, ink, bold)
    style.alignment = align
    return Paragraph(D.rich(words, "bold" if bold else "regular"), style)


@lru_cache(maxsize=128)
def _pictogram(keyword: str) -> Any:
    return pictures.drawing(keyword, 100.0)


def check_ref(case: Any, ref: str) -> tuple[str, str]:
    """The reference split, or ValueError saying which picture is missing."""
    kind, value = pictures.parse_ref(ref)
    if kind == "media" and value not in case.media_names():
        raise ValueError(f"the picture {value!r} is not in this case's media")
    if kind == "pictogram" and value not in pictures.pictograms():
        raise ValueError(f"there is no bundled picture called {value!r}")
    if kind == "genogram":
        missing = [p for p in value.split(",") if not case.family.has_person(p.strip())]
        if missing:
            raise ValueError(f"the genogram picture names {missing[0]!r}, who is not in this case")
    return kind, value


def draw_picture(c: Canvas, case: Any, ref: str, x: float, y: float, w: float, h: float) -> str:
    """Draw the picture centred in the box (x, y, w, h); returns its kind."""
    kind, value = check_ref(case, ref)
    if kind == "media":
        c.drawImage(ImageReader(io.BytesIO(case.media(value))), x, y, w, h,
                    preserveAspectRatio=True, anchor="c", mask="auto")
    elif kind == "pictogram":
        size = min(w, h)
        c.saveState()
        c.translate(x + (w - size) / 2, y + (h - size) / 2)
        c.scale(size / 100.0, size / 100.0)
        renderPDF.draw(_pictogram(value), c, 0, 0)
        c.restoreState()
    else:
        _genogram_piece(c, case, value, x, y, w, h)
    return kind


def _genogram_piece(c: Canvas, case: Any, value: str, x: float, y: float, w: float, h: float) -> None:
    from ..layout.genogram import layout_genogram
    from ..notation.genogram import CHILD_VIEW_LEAVES_OUT, genogram_glyphs
    from ..notation.geometry import bounds
    from .diagram_pdf import GlyphFlowable

    wanted = {p.strip() for p in value.split(",") if p.strip()}
    wanted = {p for p in wanted if not case.family.person(p).private}
    layout = layout_genogram(case, people=wanted)
    from ..notation.glyphs import Group

    # the family as a child sees it: people, partnerships and children; no conflict or
    # harm lines and no household outlines, which need the key and a grown-up to explain
    glyphs = [g for g in genogram_glyphs(case, layout, hide_private=True)
              if not (isinstance(g, Group) and g.kind in CHILD_VIEW_LEAVES_OUT)]
    if not glyphs:
        return
    flow = GlyphFlowable(glyphs, bounds(glyphs), max_scale=2.2)
    fw, fh = flow.wrap(w, h)
    flow.drawOn(c, x + (w - fw) / 2, y + (h - fh) / 2)


def attribution(c: Canvas, x: float, y: float, size: float = D.ATTRIBUTION_SIZE, ink: str = MUTED) -> None:
    """The pictogram licence line, the one thing printed small."""
    text(c, x, y, pictures.attribution(), size, ink=ink)


def option_child(case: Any, options: dict[str, object]) -> str:
    """The child named by --child, else the index child; ValueError if neither is known."""
    child = options.get("child") or case.meta.index_person
    if not child:
        raise ValueError("say which child with --child ID (this case has no index child)")
    if not case.family.has_person(str(child)):
        raise ValueError(f"there is nobody with the id {child!r} in this case")
    return str(child)


def option_reader(options: dict[str, object]) -> str | None:
    """Whose copy this is (--for NAME); None is the practitioner's record copy."""
    reader = options.get("for") or options.get("reader")
    return str(reader).strip() or None if reader else None


def latest(case: Any, collection: str, child: str, what: str) -> Any:
    """The child's most recent record of a collection; ValueError naming what is missing."""
    from ..model.family import id_order

    found = [r for r in case.records(collection) if r.child == child]
    if not found:
        name = case.family.person(child).short_name
        raise ValueError(f"{name} has no {what} yet; make one before printing it")
    return max(found, key=lambda r: id_order(r.id))


def words_date(d: Any) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"
