"""The chronology as PDF: a timeline picture, then the table a supervisor reads.

Recorded events and those the genogram knows (births, deaths, losses, partnerships) are
numbered once and share the numbers between picture and table. Filters (kind, person,
dates, significance, recorded only) come from the export options and are said under the
title, so nobody mistakes a filtered chronology for the whole one. Private events are
left out unless the case is set to print them and this is the practitioner's own copy.
"""
from __future__ import annotations

import io
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..directwork.chronology import AUTO, ChronologyFilter, chronology, filter_events, parse_filter
from ..directwork.consent import is_practitioner
from . import direct_print as P
from . import doc_style as D
from .fonts import register, text_width

PAGE = landscape(A4)
MARGIN = 14 * mm
KIND_COLOURS = {"birth": "#2f7d32", "death": "#5f6b7a", "loss": "#7b4a8a", "partnership": "#b5461f",
                "separation": "#a07000", "ending": "#8a4b12", "move": "#00838f", "event": "#24507a"}
LABEL_SIZE = 7.5
MAX_LABEL = 34  # characters of a title shown on the timeline


def _short(title: str) -> str:
    return title if len(title) <= MAX_LABEL else title[:MAX_LABEL - 1].rstrip() + "…"


class Timeline(Flowable):  # type: ignore[misc]
    """Events along a line of years, labels stacked in lanes above and below so none overlap."""

    def __init__(self, events: list[tuple[int, Any]], width: float, lanes: int = 7) -> None:
        super().__init__()
        self.events = [(n, e) for n, e in events if e.date is not None]
        self.width, self.lanes = width, lanes
        self.lane_h = LABEL_SIZE * 1.55
        self.height = 2 * lanes * self.lane_h + 40

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def _span(self) -> tuple[int, int]:
        days = [e.date.earliest().toordinal() for _, e in self.events]
        lo, hi = min(days), max(days)
        pad = max((hi - lo) // 40, 60)
        return lo - pad, hi + pad

    def draw(self) -> None:
        if not self.events:
            return
        c = self.canv
        lo, hi = self._span()
        left, right = 10.0, self.width - 10.0
        axis = self.height / 2

        def x(day: int) -> float:
            return left + (day - lo) / max(hi - lo, 1) * (right - left)

        c.setStrokeColor(D.colour("#5f6b7a"))
        c.setLineWidth(1.4)
        c.line(left, axis, right, axis)
        import datetime as _dt

        first, last = _dt.date.fromordinal(lo).year, _dt.date.fromordinal(hi).year
        step = next(s for s in (1, 2, 5, 10, 20, 25, 50) if (last - first) / s <= 14)
        for year in range(first - first % step + step, last + 1, step):
            xx = x(_dt.date(year, 1, 1).toordinal())
            c.setLineWidth(0.6)
            c.line(xx, axis - 3, xx, axis + 3)
            P.text(c, xx, axis - 4 - LABEL_SIZE, str(year), LABEL_SIZE, ink="#5f6b7a", anchor="middle")
        ends: list[float] = [-1e9] * (2 * self.lanes)
        labels: list[tuple[float, float, float, str, str, str]] = []
        for n, e in self.events:
            xx = x(e.date.earliest().toordinal())
            colour = KIND_COLOURS.get(e.kind, KIND_COLOURS["event"])
            c.setFillColor(D.colour(colour))
            c.circle(xx, axis, 3.2 if e.id.startswith(AUTO) else 4.5, stroke=0, fill=1)
            label = f"{n}  {_short(e.title)}"
            w = text_width(label, LABEL_SIZE)
            x0 = xx if xx + w <= right else xx - w  # near the end, the label runs leftwards
            lane = next((k for k in range(2 * self.lanes) if ends[k] < x0 - 3), None)
            if lane is None:
                label, w = str(n), text_width(str(n), LABEL_SIZE)
                x0 = xx if xx + w <= right else xx - w
                lane = next((k for k in range(2 * self.lanes) if ends[k] < x0 - 1), None)
                if lane is None:
                    continue  # the number is in the table beside the event
            ends[lane] = x0 + w
            up = lane % 2 == 0
            depth = (lane // 2 + 1) * self.lane_h + 6
            ly = axis + depth if up else axis - depth - LABEL_SIZE
            c.setStrokeColor(D.colour(colour))
            c.setLineWidth(0.4)
            c.line(xx, axis, xx, ly - 2 if up else ly + LABEL_SIZE + 1)
            labels.append((x0, ly, w, label, "regular" if e.id.startswith(AUTO) else "bold", colour))
        for x0, ly, w, label, role, colour in labels:  # on a patch of paper, so no leader line crosses them
            c.setFillColor(D.colour("#ffffff"))
            c.rect(x0 - 1.5, ly - 2.2, w + 3, LABEL_SIZE + 3, stroke=0, fill=1)
            P.text(c, x0, ly, label, LABEL_SIZE, role, colour)


def _filter_words(f: ChronologyFilter, case: Any) -> str:
    parts = []
    if f.kinds:
        parts.append("kinds: " + ", ".join(f.kinds))
    if f.people:
        names = [case.family.person(p).display_name if case.family.has_person(p) else p for p in f.people]
        parts.append("about " + ", ".join(names))
    if f.since or f.until:
        parts.append(f"from {f.since.label() if f.since else 'the start'} to {f.until.label() if f.until else 'now'}")
    if f.significance:
        parts.append(f"significance mentions “{f.significance}”")
    if f.recorded_only:
        parts.append("recorded events only")
    return "Showing " + "; ".join(parts) if parts else "Every event, recorded and from the genogram"


def _recent(numbered: list[tuple[int, Any]], case: Any) -> tuple[str, list[tuple[int, Any]]] | None:
    """The period of the recorded events, drawn again at a readable scale when the whole
    chronology spans decades (the recent events otherwise crowd into the last millimetres)."""
    dated = [e.date for _, e in numbered if e.date is not None]
    recorded = [e.date for _, e in numbered if e.date is not None and not e.id.startswith(AUTO)]
    if not recorded or len(dated) < 2:
        return None
    whole = max(d.latest() for d in dated) - min(d.earliest() for d in dated)
    start = min(d.earliest() for d in recorded)
    if whole.days < 3650:
        return None
    import datetime as _dt

    start = _dt.date(start.year - (start.month < 7), 1 if start.month < 7 else 7, 1)
    inside = [(n, e) for n, e in numbered if e.date is not None and e.date.earliest() >= start]
    return (f"{start.strftime('%B')} {start.year}", inside) if len(inside) >= 2 else None


def chronology_pdf(case: Any, f: ChronologyFilter | None = None, reader: str | None = None) -> bytes:
    register()
    f = f or ChronologyFilter()
    private = is_practitioner(case, reader) and not case.meta.hide_private_in_exports
    events = filter_events(chronology(case, include_private=private), f)
    if not events:
        raise ValueError("no events match these filters, so there is no chronology to print")
    st = D.full_styles()
    numbered = list(enumerate(events, 1))
    title = f"Chronology: {case.meta.title}" if case.meta.title else "Chronology"
    sub = (f"As at {P.words_date(case.as_at())} · {_filter_words(f, case)}"
           + (" · fictional family" if case.meta.fictional else ""))
    width = PAGE[0] - 2 * MARGIN
    story: list[Any] = [Paragraph(D.rich(title), st["title"]), Paragraph(D.rich(sub), st["subtitle"]),
                        Timeline(numbered, width, lanes=6), Spacer(1, 6)]
    recent = _recent(numbered, case)
    if recent:
        story += [Paragraph(D.rich(f"Since {recent[0]}"), st["h2"]), Timeline(recent[1], width, lanes=4),
                  Spacer(1, 6)]
    story += [Spacer(1, 0),
                        Paragraph(D.rich("Bold: recorded events · plain: from the genogram. "
                                         "Numbers match the table."), st["small"]), Spacer(1, 6)]
    head = ["#", "Date", "What happened", "Source", "Significance", "The family’s view"]
    rows = [[Paragraph(D.rich(h, "bold"), st["cell_head"]) for h in head]]
    for n, e in numbered:
        source = "genogram" if e.id.startswith(AUTO) else e.source
        rows.append([Paragraph(str(n), st["cell"]), Paragraph(D.rich(e.date.label() if e.date else "no date"),
                                                              st["cell"]),
                     Paragraph(D.rich(e.title, "regular" if e.id.startswith(AUTO) else "bold"), st["cell"]),
                     Paragraph(D.rich(source), st["cell"]), Paragraph(D.rich(e.significance), st["cell"]),
                     Paragraph(D.rich(e.family_view), st["cell"])])
    cols = [0.04, 0.1, 0.3, 0.13, 0.2, 0.23]
    table = Table(rows, colWidths=[width * c for c in cols], repeatRows=1)
    style = [("GRID", (0, 0), (-1, -1), 0.4, D.colour("#c8ced6")), ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("BACKGROUND", (0, 0), (-1, 0), D.colour("#e4ecf4"))]
    for i, (_, e) in enumerate(numbered, 1):
        if not e.id.startswith(AUTO):
            style.append(("BACKGROUND", (0, i), (-1, i), D.colour("#fbf6ec")))
    table.setStyle(TableStyle(style))
    story.append(table)
    buf = io.BytesIO()

    def footer(c: Any, doc: Any) -> None:
        P.text(c, PAGE[0] - MARGIN, 7 * mm, f"{title} · page {doc.page}", 8, ink="#5f6b7a", anchor="end")

    doc = BaseDocTemplate(buf, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                          bottomMargin=MARGIN, invariant=1, title=title, author="Kinscape", creator="Kinscape",
                          producer="Kinscape (reportlab)")
    doc.addPageTemplates([PageTemplate("chronology", [Frame(MARGIN, MARGIN, width, PAGE[1] - 2 * MARGIN,
                                                            0, 0, 0, 0)], onPage=footer)])
    doc.build(story)
    return buf.getvalue()


def export_for_cli(case: Any, fmt: str, options: dict[str, object]) -> bytes:
    """`genogram export --what chronology --format pdf` (filters: kind, person, since, until, significance)."""
    if fmt != "pdf":
        raise ValueError(f"the chronology is printed as pdf, not {fmt!r}")
    f = parse_filter(options)
    if options.get("child") and not f.people:
        f = ChronologyFilter(f.kinds, (P.option_child(case, options),), f.since, f.until, f.significance,
                             f.recorded_only)
    return chronology_pdf(case, f, P.option_reader(options))
