"""Three houses (Weld and Greening): a blank sheet to draw on, and the child's houses filled in.

One A4 landscape page (more, in the same order, when a child said a lot): the house of worries, of good things and of dreams side by side (or,
for younger children, a worry, good and dream fairy or wizard). The filled sheet quotes the
child's words exactly, shows their drawings and says who wrote each entry; the house the
child chose first is marked. Private entries are never printed. A copy is made only for a
reader the child agreed may see it: for anyone the child said no to, nothing is written.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from ..directwork.consent import may_see, require_reader
from ..directwork.validation import HOUSES
from . import direct_print as P
from . import doc_style as D

PAGE = landscape(A4)
MARGIN = 28.0
GAP = 16.0
SIZES = (17.0, 16.0, 15.0, 14.0, 13.0, 12.0, 11.0)
THEMES = ("houses", "fairies", "wizards")
_NAMES = {"houses": ("House of worries", "House of good things", "House of dreams"),
          "fairies": ("Worry fairy", "Good fairy", "Dream fairy"),
          "wizards": ("Worry wizard", "Good wizard", "Dream wizard")}
_SYMBOL = {"worries": "cloud", "good_things": "sun", "dreams": "rainbow"}
_COLOURS = {"worries": ("#5b6c8f", "#e3e8f3"), "good_things": ("#b5651d", "#fde9c9"),
            "dreams": ("#7b4a8a", "#efe0f1")}
_THEME_TITLE = {"houses": "three houses", "fairies": "three fairies", "wizards": "three wizards"}


class HousesError(ValueError):
    """The houses cannot be printed as asked; the message says why."""


@dataclass(frozen=True)
class Sheet:
    title: str
    subtitle: str
    theme: str
    first: str
    entries: dict[str, list[Any]]
    footer: str
    blank: bool = False


def _name(case: Any, child: str | None) -> str:
    if child and case.family.has_person(child):
        return case.meta.preferred_names.get(child) or case.family.person(child).short_name
    return ""


def _sheet(case: Any, houses: Any | None, theme: str) -> Sheet:
    if houses is None:
        return Sheet(f"My {_THEME_TITLE[theme]}", "My name:", theme, "", {h: [] for h in HOUSES}, "", True)
    name = _name(case, houses.child) or "My"
    entries = {h: [e for e in houses.entries if e.house == h and not e.private] for h in HOUSES}
    when = P.words_date(houses.date.latest()) if houses.date else ""
    worker = case.meta.worker.split()[0] if case.meta.worker.strip() else ""
    sub = " ".join(x for x in ("Made" if worker or when else "", f"with {worker}" if worker else "",
                               f"on {when}" if when else "") if x)
    foot = []
    if houses.read_back:
        foot.append(f"Read back to {name} ✓")
    if houses.consent:
        foot.append(f"{name} said these people may see this: {', '.join(houses.consent)}")
    return Sheet(f"{name}’s {_THEME_TITLE[theme]}", sub, theme, houses.first_house, entries, ".  ".join(foot))


def _house_shape(c: Canvas, house: str, theme: str, x: float, y: float, w: float, h: float,
                 roof: float, case: Any) -> None:
    edge, fill = _COLOURS[house]
    c.setLineWidth(3)
    c.setStrokeColor(D.colour(edge))
    c.setFillColor(D.colour(fill))
    if theme == "houses":
        p = c.beginPath()
        p.moveTo(x - 8, y + h - roof)
        p.lineTo(x + w / 2, y + h)
        p.lineTo(x + w + 8, y + h - roof)
        p.close()
        c.drawPath(p, stroke=1, fill=1)
        c.roundRect(x, y, w, h - roof, 10, stroke=1, fill=1)
        P.draw_picture(c, case, f"pictogram:{_SYMBOL[house]}", x + w / 2 - roof * 0.32, y + h - roof * 0.82,
                       roof * 0.64, roof * 0.64)
    else:
        c.roundRect(x, y, w, h - roof * 0.55, 22, stroke=1, fill=1)
        c.circle(x + w / 2, y + h - roof / 2, roof / 2, stroke=1, fill=1)
        figure = "fairy" if theme == "fairies" else "wizard"
        P.draw_picture(c, case, f"pictogram:{figure}", x + w / 2 - roof * 0.4, y + h - roof * 0.9,
                       roof * 0.8, roof * 0.8)
        P.draw_picture(c, case, f"pictogram:{_SYMBOL[house]}", x + w - roof * 0.5, y + h - roof * 0.55,
                       roof * 0.42, roof * 0.42)


def _entries(c: Canvas | None, case: Any, entries: list[Any], x: float, top: float, w: float,
             size: float) -> float:
    """Lay out (and draw, given a canvas) the entries from `top` down; returns the height used."""
    y = top
    for e in entries:
        if e.drawing:
            pic_h = 74.0
            if c is not None:
                P.draw_picture(c, case, e.drawing, x, y - pic_h, w, pic_h)
            y -= pic_h + size * 0.3
        if e.words.strip():
            quote = P.para(f"“{e.words}”", size, P.INK, leading=1.2)
            qh = quote.wrap(w, 10_000)[1]
            if c is not None:
                quote.drawOn(c, x, y - qh)
            y -= qh
        if e.written_by.strip():
            by = P.para(f"written by {e.written_by}", max(9.0, size * 0.62), P.MUTED)
            bh = by.wrap(w, 10_000)[1]
            if c is not None:
                by.drawOn(c, x + 10, y - bh)
            y -= bh
        y -= size * 0.55
    return top - y


@dataclass(frozen=True)
class _Frame:
    """Where the houses stand on the page, the same on every page of a sheet."""

    title: float
    top: float
    bottom: float
    w: float
    roof: float
    inner_w: float
    body_top: float

    @property
    def room(self) -> float:
        return self.body_top - self.bottom - 14


def _frame(sheet: Sheet) -> _Frame:
    pw, ph = PAGE
    title = P.fit_line(sheet.title, 30, pw - 2 * MARGIN, "bold", 20)
    top = ph - MARGIN - title - 40
    bottom = MARGIN + (30 if sheet.footer else 14)
    w = (pw - 2 * MARGIN - 2 * GAP - 16) / 3
    roof = 96.0
    return _Frame(title, top, bottom, w, roof, w - 28, top - roof - (50 if sheet.first else 34))


def _pages(case: Any, sheet: Sheet) -> tuple[float, list[dict[str, list[Any]]]]:
    """The type size and, page by page, each house's entries: one page when everything fits at
    12 pt or more, else 14 pt with each house carried on to further pages in the same order."""
    f = _frame(sheet)
    for size in SIZES:
        if size >= 12 and all(_entries(None, case, sheet.entries[h], 0, 0, f.inner_w, size) <= f.room
                              for h in HOUSES):
            return size, [sheet.entries]
    size = 14.0
    chunks: dict[str, list[list[Any]]] = {}
    for h in HOUSES:
        chunks[h] = [[]]
        for e in sheet.entries[h]:
            if _entries(None, case, [e], 0, 0, f.inner_w, size) > f.room:
                raise HousesError(f"one entry in the {h.replace('_', ' ')} house is too long to print "
                                  f"(it starts “{e.words[:30]}…”); split it into shorter entries")
            if _entries(None, case, [*chunks[h][-1], e], 0, 0, f.inner_w, size) > f.room:
                chunks[h].append([])
            chunks[h][-1].append(e)
    n = max(len(v) for v in chunks.values())
    return size, [{h: chunks[h][i] if i < len(chunks[h]) else [] for h in HOUSES} for i in range(n)]


def _draw(c: Canvas, case: Any, sheet: Sheet, size: float = SIZES[0], note: str = "") -> None:
    pw, ph = PAGE
    P.paper(c, pw, ph)
    f = _frame(sheet)
    title, top, bottom, w, roof, inner_w, body_top = f.title, f.top, f.bottom, f.w, f.roof, f.inner_w, f.body_top
    P.text(c, pw / 2, ph - MARGIN - title, sheet.title, title, "bold", P.TITLE, "middle")
    subtitle = " · ".join(x for x in (sheet.subtitle, note) if x)
    if subtitle:
        P.text(c, pw / 2, ph - MARGIN - title - 22, subtitle, 14, "regular", P.MUTED, "middle")
    names = _NAMES.get(sheet.theme, _NAMES["houses"])
    for k, house in enumerate(HOUSES):
        x = MARGIN + 8 + k * (w + GAP)
        _house_shape(c, house, sheet.theme, x, bottom, w, top - bottom, roof, case)
        edge = _COLOURS[house][0]
        label = P.fit_line(names[k], 20, w - 20, "bold", 12)
        P.text(c, x + w / 2, top - roof - 22, names[k], label, "bold", edge, "middle")
        if sheet.first == house:
            P.draw_picture(c, case, "pictogram:star", x + w / 2 - 52, top - roof - 44, 18, 18)
            P.text(c, x + w / 2 - 30, top - roof - 39, "started here", 12, "bold", edge)
        if not sheet.blank:
            _entries(c, case, sheet.entries[house], x + 14, body_top, inner_w, size)
        else:  # the blank sheet: lines to write on
            c.setStrokeColor(D.colour(_COLOURS[house][0]))
            c.setLineWidth(0.8)
            c.setDash([2, 5])
            yy = body_top - 30
            while yy > bottom + 20:
                c.line(x + 16, yy, x + w - 16, yy)
                yy -= 34
            c.setDash([])
    if sheet.footer:
        P.text(c, MARGIN, MARGIN + 10, sheet.footer, P.fit_line(sheet.footer, 12, pw - 2 * MARGIN, least=8),
               "regular", P.MUTED)
    P.attribution(c, MARGIN, MARGIN - 10)


def three_houses_pdf(case: Any, houses: Any | None, theme: str | None = None,
                     reader: str | None = None) -> bytes:
    """The filled sheet for `houses` (or a blank one when None), as `reader`'s copy."""
    if theme and theme not in THEMES:  # asked for by name: never quietly swapped for another
        raise HousesError(f"the theme {theme!r} is not one Kinscape prints; the themes are "
                          f"{', '.join(THEMES[:-1])} and {THEMES[-1]}")
    theme = theme or (houses.theme if houses is not None else "houses")
    if theme not in THEMES:  # a record's own theme this version does not know: print the houses
        theme = "houses"
    if houses is not None:
        require_reader(houses, reader, case, "these houses")
        assert may_see(houses, reader, case)
    sheet = _sheet(case, houses, theme)
    buf, c = P.new_canvas(PAGE, sheet.title)
    size, pages = _pages(case, sheet)
    for i, entries in enumerate(pages):
        note = f"page {i + 1} of {len(pages)}" if len(pages) > 1 else ""
        _draw(c, case, replace(sheet, entries=entries), size, note)
        c.showPage()
    c.save()
    return buf.getvalue()


def export_for_cli(case: Any, fmt: str, options: dict[str, object]) -> bytes:
    """`genogram export --what three-houses --format pdf [--child ID] [--for NAME] [--blank]`."""
    if fmt != "pdf":
        raise ValueError(f"the three houses are printed as pdf, not {fmt!r}")
    theme = str(options["theme"]) if options.get("theme") else None
    if options.get("blank"):
        return three_houses_pdf(case, None, theme or "houses")
    child = P.option_child(case, options)
    houses = P.latest(case, "three_houses", child, "three houses")
    return three_houses_pdf(case, houses, theme, P.option_reader(options))
