"""A child's "my important people" sheet: one warm A4 page of concentric circles.

The child is in the middle under the name they like; everyone they chose sits on the ring
they chose (ring 1 closest), each with a picture (a bundled pictogram or the child's own
drawing), the name as the child says it, and the child's own words. Type is never under
16 pt. Nothing private is printed: no surnames, dates or notes, and a person marked private
on the genogram stops the sheet with a sentence saying who, rather than being printed.
The same `sheet()` glyphs feed the desktop's live preview.
"""
from __future__ import annotations

import io
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from .. import pictures
from ..layout.important_people import CirclesLayout, Token, layout_circles
from ..model import Case, ImportantPeople
from ..notation.glyphs import Circle, Glyph, Polygon, Rect, Text
from ..plans.drafting import child_names
from .diagram_pdf import paint
from .fonts import register, text_width

PAGE = A4
PAPERS = {"A4": A4, "A3": A3}
MARGIN = 22.0
HEADER = 70.0  # the title and the date
FOOTER = 40.0  # the rings' meaning and the pictures' licence line
SIZES = (22.0, 21.0, 20.0, 19.0, 18.0, 17.0, 16.0)
MIN_SIZE = 16.0
COLOURS = {"paper": "#fffaf0", "ink": "#3a2a1e", "muted": "#7a5c45", "title": "#b5461f",
           "centre": "#f6b26b", "edge": "#d9894a", "token": "#ffffff",
           "card": "#fffdf8", "card_edge": "#e8c39e", "ring": "#d9894a"}
#: ring fills, closest first: warm, getting paler outwards
RING_FILLS = ("#f8c189", "#fcdab2", "#fff0dc", "#fff7ec", "#fffbf4")
DEFAULT_PICTURE = "person"


@dataclass(frozen=True)
class Picture:
    ref: str  # "pictogram:KEY" or "media:NAME"
    cx: float
    cy: float
    size: float


@dataclass(frozen=True)
class Sheet:
    title: str
    subtitle: str
    glyphs: tuple[Glyph, ...]  # page coordinates, y down, points
    pictures: tuple[Picture, ...]
    size: float  # the type size printed
    width: float
    height: float


def _measure(text: str, size: float, bold: bool) -> float:
    return text_width(text, size, "bold" if bold else "regular")


def child_name(case: Case, record: ImportantPeople) -> str:
    """The name the child likes (else their first given name), or "My" when unknown."""
    names = child_names(case, record.child)
    if not names:
        return ""
    liked = case.meta.preferred_names.get(record.child or "", "")
    return liked or names[0].split()[0]


def picture_for(case: Case, ref: str | None, words: str) -> str:
    """The picture the child chose if we have it, else one suggested by their words."""
    if ref:
        try:
            kind, value = pictures.parse_ref(ref)
        except pictures.PictureError:
            kind, value = "", ""
        if kind == "media" and value in case.media_names():
            return ref
        if kind == "pictogram" and value in pictures.pictograms():
            return ref
    found = pictures.suggest(words, 1)
    return f"pictogram:{found[0] if found else DEFAULT_PICTURE}"


def check_private(case: Case, record: ImportantPeople) -> None:
    """Refuse to print someone marked private on the genogram, naming who."""
    for p in record.people:
        if p.person and case.family.has_person(p.person) and case.family.person(p.person).private:
            raise ValueError(f"{p.name or 'someone'} on ring {p.ring} is marked private in the "
                             "genogram, so the sheet is not printed; take them off the sheet or "
                             "clear the private mark")


def _fit(record: ImportantPeople, width: float, height: float) -> tuple[CirclesLayout, float]:
    """The largest type that fits the circles in the space, and the scale to draw them at."""
    aspect = height / width
    for beside in (False, True):
        for size in SIZES:
            lay = layout_circles(record.people, 2.3 * size, size, _measure, aspect, beside)
            scale = min(1.0, width / (2 * lay.radius), height / (2 * lay.radius * aspect))
            if size * scale >= MIN_SIZE - 1e-6:
                return lay, scale
    n = len(record.people)
    bigger = " print it on A3 (--paper A3)," if width < PAPERS["A3"][0] - 2 * MARGIN - 1 else ""
    raise ValueError(f"{n} people do not fit on one page with type large enough to read "
                     f"({MIN_SIZE:g} pt);{bigger} put some of them on a second sheet or shorten their words")


def _token(t: Token, s: float, ox: float, oy: float, ref: str) -> tuple[list[Glyph], Picture]:
    size = t.picture * s
    cx, top = ox + t.x * s, oy + t.y * s
    px, py = (ox + t.picture_centre[0] * s, oy + t.picture_centre[1] * s)
    ts = t.picture / 2.2 * s  # the type size
    lead = 1.15 * ts
    out: list[Glyph] = [Rect(cx - t.width * s / 2, top - 3 * s, t.width * s, (t.height + 4) * s,
                             COLOURS["card_edge"], 0.8, COLOURS["card"], radius=8 * s),
                        Circle(px, py, size / 2, COLOURS["edge"], 1.2, COLOURS["token"])]
    y = oy + t.text_top * s + ts * 0.9
    if t.beside:
        nx = px + size / 2 + 6 * s
        out.append(Text(nx, py + ts * 0.35, t.name_lines[0], ts, "bold", "start", COLOURS["ink"]))
    for line in () if t.beside else t.name_lines:
        out.append(Text(cx, y, line, ts, "bold", "middle", COLOURS["ink"]))
        y += lead
    for line in t.word_lines:
        out.append(Text(cx, y, line, ts, "regular", "middle", COLOURS["muted"]))
        y += lead
    return out, Picture(ref, px, py, size * 0.78)


def sheet(case: Case, record: ImportantPeople, width: float = PAGE[0],
          height: float = PAGE[1]) -> Sheet:
    """Everything on the page, as glyphs and pictures (ValueError when it cannot be printed)."""
    register()
    check_private(case, record)
    name = child_name(case, record)
    title = f"{name}’s important people" if name else record.title or "My important people"
    d = record.date.earliest() if record.date else case.as_at()
    subtitle = f"Made on {d.day} {d.strftime('%B')} {d.year}"
    avail_w, avail_h = width - 2 * MARGIN, height - 2 * MARGIN - HEADER - FOOTER
    lay, s = _fit(record, avail_w, avail_h)
    ox, oy = width / 2, MARGIN + HEADER + avail_h / 2
    glyphs: list[Glyph] = [
        Text(width / 2, MARGIN + 30, title, 30.0, "bold", "middle", COLOURS["title"]),
        Text(width / 2, MARGIN + 58, subtitle, 16.0, "regular", "middle", COLOURS["muted"])]
    for i in range(len(lay.band_radii) - 1, -1, -1):
        glyphs.append(oval(ox, oy, lay.band_radii[i] * s, lay.aspect, RING_FILLS[min(i, len(RING_FILLS) - 1)],
                           COLOURS["edge"] if i == len(lay.band_radii) - 1 else None))
    for r in lay.ring_radii:
        glyphs.append(oval(ox, oy, r * s, lay.aspect, None, COLOURS["ring"], (3.0, 4.0)))
    cr = lay.centre_r * s
    glyphs.append(Circle(ox, oy, cr, COLOURS["edge"], 1.6, COLOURS["centre"]))
    ts = lay.size * s
    pics: list[Picture] = [Picture("pictogram:child", ox, oy - cr * 0.3, cr * 0.9)]
    glyphs.append(Text(ox, oy + cr * 0.45, "Me", ts * 1.2, "bold", "middle", COLOURS["ink"]))
    if name:
        glyphs.append(Text(ox, oy + cr * 0.45 + ts * 1.1, name, ts, "regular", "middle", COLOURS["ink"]))
    for t in lay.tokens:
        p = record.people[t.index]
        g, pic = _token(t, s, ox, oy, picture_for(case, p.picture, f"{p.words} {p.name}"))
        glyphs += g
        pics.append(pic)
    foot = height - MARGIN - FOOTER + 22
    glyphs.append(Text(width / 2, foot, "The closer to me, the more important to me.", 16.0,
                       "regular", "middle", COLOURS["ink"]))
    return Sheet(title, subtitle, tuple(glyphs), tuple(pics), ts, width, height)


def oval(cx: float, cy: float, r: float, aspect: float, fill: str | None, edge: str | None,
         dash: tuple[float, ...] = ()) -> Polygon:
    """A ring: an ellipse `r` wide each side of the centre and `r * aspect` tall."""
    n = 144
    pts = tuple((cx + r * math.sin(2 * math.pi * i / n), cy - r * aspect * math.cos(2 * math.pi * i / n))
                for i in range(n))
    return Polygon(pts, edge, 1.0 if edge else 0.0, fill, dash)


def uses_pictograms(s: Sheet) -> bool:
    return any(p.ref.startswith("pictogram:") for p in s.pictures)


@lru_cache(maxsize=64)
def _pictogram(keyword: str) -> Any:
    return pictures.drawing(keyword, 100.0)


def _draw_picture(c: Canvas, case: Case, pic: Picture, page_h: float) -> None:
    kind, value = pictures.parse_ref(pic.ref)
    x, y = pic.cx - pic.size / 2, page_h - pic.cy - pic.size / 2
    if kind == "media":
        c.drawImage(ImageReader(io.BytesIO(case.media(value))), x, y, pic.size, pic.size,
                    preserveAspectRatio=True, anchor="c", mask="auto")
        return
    c.saveState()
    c.translate(x, y)
    c.scale(pic.size / 100.0, pic.size / 100.0)
    renderPDF.draw(_pictogram(value), c, 0, 0)
    c.restoreState()


def important_people_pdf(case: Case, record: ImportantPeople, paper: str = "A4") -> bytes:
    """The one-page sheet as PDF bytes, on A4 (or A3 for many people)."""
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}, not {paper!r}")
    w, h = PAPERS[paper]
    s = sheet(case, record, w, h)
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(w, h), invariant=1, pageCompression=1)
    c.setTitle(s.title)
    c.setAuthor("Kinscape")
    c.setCreator("Kinscape")
    c.setFillColor(_hex(COLOURS["paper"]))
    c.rect(0, 0, w, h, stroke=0, fill=1)
    c.saveState()
    c.translate(0, h)
    c.scale(1, -1)
    paint(c, list(s.glyphs))
    c.restoreState()
    for pic in s.pictures:
        _draw_picture(c, case, pic, h)
    if uses_pictograms(s):
        c.setFillColor(_hex(COLOURS["muted"]))
        c.setFont("Andika", 7.5)
        c.drawCentredString(w / 2, MARGIN * 0.6, pictures.attribution())
    c.showPage()
    c.save()
    return buf.getvalue()


def _hex(code: str) -> Any:
    from reportlab.lib.colors import HexColor

    return HexColor(code)


def find_record(case: Case, record_id: str | None = None, child: str | None = None) -> ImportantPeople:
    """The sheet asked for by id, else the latest for `child` (or for anyone)."""
    records: list[ImportantPeople] = case.records("important_people")
    if record_id:
        for r in records:
            if r.id == record_id:
                return r
        raise ValueError(f"this case has no important people sheet {record_id!r}")
    if child:
        records = [r for r in records if r.child == child]
    if not records:
        raise ValueError("this case has no \"my important people\" sheet yet"
                         + (f" for {child}" if child else ""))
    return max(records, key=lambda r: (r.date is not None, r.date.earliest() if r.date else 0))


def default_record(case: Case) -> tuple[ImportantPeople, str]:
    """The sheet printed when none is named: the index child's latest; only if they have none,
    the latest of anyone's, with a sentence saying so (else "")."""
    index = case.meta.index_person
    if index and case.family.has_person(index):
        try:
            return find_record(case, child=index), ""
        except ValueError:
            pass
    rec = find_record(case)
    day = f" from {rec.date.label()}" if rec.date else ""
    which = (f"{case.family.person(rec.child).display_name}'s{day}"
             if rec.child and case.family.has_person(rec.child) else f"the one{day}, which names no child")
    why = (f"{case.family.person(index).display_name} (the index child) has no important people sheet"
           if index and case.family.has_person(index) else "this case has no index child")
    return rec, (f"{why}, so this prints the latest sheet, {which}; "
                 "say whose with --child ID or which with --sheet ID")


def export_for_cli(case: Case, fmt: str, options: dict[str, object]) -> bytes:
    """`genogram export CASE --what important-people --format pdf -o OUT`: the sheet named by
    --sheet, else the latest for --child, else the index child's latest (`default_record`)."""
    if fmt != "pdf":
        raise ValueError(f"the important people sheet is printed as pdf, not {fmt!r}")
    sheet_id, child = _opt(options, "sheet"), _opt(options, "child")
    rec = find_record(case, sheet_id, child) if sheet_id or child else default_record(case)[0]
    if not rec.people:
        raise ValueError("the important people sheet has nobody on it yet")
    return important_people_pdf(case, rec, str(options.get("paper", "A4")))


def _opt(options: dict[str, object], key: str) -> str | None:
    v = options.get(key)
    return str(v) if v else None
