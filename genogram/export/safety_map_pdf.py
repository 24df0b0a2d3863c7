"""The Signs of Safety map as PDF: three columns, goals beside their worries, the scale over time.

What are we worried about (harm, danger and worry statements with who is worried, what it
could mean for the child and any dispute, complicating factors) · what's working well
(existing strengths and safety) · what needs to happen (safety goals, each named with the
worry it answers, and next steps with who and by when). Below, every person's 0–10 ratings
drawn as lines over the dates, so a review sees at once who thinks things are moving.
Private statements are never printed; the record copy lists what the map still needs.
"""
from __future__ import annotations

import io
import itertools
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..directwork.consent import is_practitioner, require_reader
from ..directwork.validation import NEEDS_GOAL, WORRY_KINDS, validate_map
from . import direct_print as P
from . import doc_style as D
from .fonts import register, text_width

PAGE = landscape(A4)
MARGIN = 15 * mm
COLUMNS = (("What are we worried about?", "#fadad2", "#9c3d2e"),
           ("What’s working well?", "#dcefe6", "#2f6e5b"),
           ("What needs to happen?", "#e4ecf4", "#24507a"))
LINE_COLOURS = ("#b5461f", "#24507a", "#2f7d32", "#7b4a8a", "#a07000", "#00838f")
_GROUPS = {"harm": "Harm", "danger": "Danger statements", "worry": "Worry statements",
           "complicating": "Complicating factors", "strength": "Existing strengths",
           "safety": "Existing safety", "goal": "Safety goals", "next_step": "Next steps"}
_COLUMN_KINDS = (("harm", "danger", "worry", "complicating"), ("strength", "safety"), ("goal", "next_step"))


def _p(text: str, style: Any) -> Paragraph:
    return Paragraph(D.rich(text), style)


def _labels(statements: list[Any]) -> dict[str, str]:
    """Short labels so a goal can name its worry: W1, W2 … in the order printed."""
    out, n = {}, 0
    for kind in ("harm", "danger", "worry"):
        for s in statements:
            if s.kind == kind:
                n += 1
                out[s.id] = f"W{n}"
    return out


def _statement(s: Any, label: str, labels: dict[str, str], child: str, st: dict[str, Any]) -> list[Any]:
    out: list[Any] = []
    lead = f"{label}. " if label else ""
    if s.kind == "goal":
        lead = f"Goal for {labels[s.pairs_with]}: " if s.pairs_with in labels else "Goal: "
    out.append(_p(lead + s.text, st["cell"]))
    extra = []
    if s.kind in WORRY_KINDS and s.who.strip():
        extra.append(f"Who is worried: {s.who}")
    if s.meaning.strip():
        extra.append(f"What it could mean for {child}: {s.meaning}")
    if s.kind == "next_step":
        extra.append(" · ".join(x for x in (f"Who: {s.who}" if s.who.strip() else "Who: not said yet",
                                            f"By: {P.words_date(s.when.latest())}" if s.when else
                                            "By: not said yet")))
    for e in extra:
        out.append(_p(e, st["small"]))
    if s.dispute.strip():
        out.append(_p(f"Not agreed: {s.dispute}", st["warn"]))
    return out + [Spacer(1, 5)]


def _columns(smap: Any, child: str, st: dict[str, Any]) -> Table:
    shown = [s for s in smap.statements if not s.private]
    labels = _labels(shown)
    cols: list[list[Any]] = []
    for kinds in _COLUMN_KINDS:
        col: list[Any] = []
        for kind in kinds:
            items = [s for s in shown if s.kind == kind]
            if not items:
                continue
            col.append([_p(_GROUPS[kind], st["h2"])])
            col += [_statement(s, labels.get(s.id, ""), labels, child, st) for s in items]
        cols.append(col)
    head = ParagraphStyle("colhead", parent=st["cell_head"], textColor=D.colour("#ffffff"), fontSize=11.5)
    data = [[Paragraph(D.rich(title, "bold"), head) for title, _, _ in COLUMNS]]
    data.append([[f for group in c for f in (group if isinstance(group, list) else [group])] + [Spacer(1, 4)]
                 for c in cols])
    width = (PAGE[0] - 2 * MARGIN) / 3
    t = Table(data, colWidths=[width] * 3, repeatRows=1, splitInRow=1)
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 7),
             ("RIGHTPADDING", (0, 0), (-1, -1), 7), ("TOPPADDING", (0, 1), (-1, -1), 3),
             ("BOTTOMPADDING", (0, 1), (-1, -1), 4), ("LINEAFTER", (0, 0), (1, -1), 0.8, D.colour("#ffffff"))]
    for k, (_, fill, ink) in enumerate(COLUMNS):
        style += [("BACKGROUND", (k, 0), (k, 0), D.colour(ink)), ("TEXTCOLOR", (k, 0), (k, 0), D.colour("#ffffff")),
                  ("BACKGROUND", (k, 1), (k, -1), D.colour(fill)),
                  ("TOPPADDING", (k, 0), (k, 0), 6), ("BOTTOMPADDING", (k, 0), (k, 0), 6)]
    t.setStyle(TableStyle(style))
    return t


class ScaleChart(Flowable):  # type: ignore[misc]
    """Each person's 0–10 ratings as a line over the dates, with the scores written on it."""

    def __init__(self, ratings: list[Any], width: float, height: float = 210.0) -> None:
        super().__init__()
        self.ratings, self.width, self.height = ratings, width, height
        self.people = list(dict.fromkeys(r.who for r in ratings))
        self.dates = sorted({r.date.earliest() for r in ratings})

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        legend_w = max([text_width(p, 10) for p in self.people] + [60]) + 40
        left, right, bottom, top = 34, self.width - legend_w - 10, 30, self.height - 10
        first, last = self.dates[0].toordinal(), self.dates[-1].toordinal()
        span = max(last - first, 1)

        def x(day: Any) -> float:
            if last == first:
                return (left + right) / 2
            return left + 20 + (day.toordinal() - first) / span * (right - left - 40)

        def y(score: float) -> float:
            return bottom + score / 10 * (top - bottom)

        def nudge(k: int) -> float:  # lines that agree stay visible side by side
            return (k - (len(self.people) - 1) / 2) * 2.4

        labelled: set[tuple[Any, int]] = set()
        c.setLineWidth(0.5)
        for s in range(0, 11, 2):
            c.setStrokeColor(D.colour("#c8ced6"))
            c.line(left, y(s), right, y(s))
            P.text(c, left - 6, y(s) - 3, str(s), 9, ink="#5f6b7a", anchor="end")
        for d in self.dates:
            P.text(c, x(d), bottom - 16, f"{d.day} {d.strftime('%b %Y')}", 9, ink="#5f6b7a", anchor="middle")
        for k, who in enumerate(self.people):
            colour = D.colour(LINE_COLOURS[k % len(LINE_COLOURS)])
            pts = sorted((r.date.earliest(), r.score) for r in self.ratings if r.who == who)
            c.setStrokeColor(colour)
            c.setFillColor(colour)
            c.setLineWidth(2.2)
            for (d0, s0), (d1, s1) in itertools.pairwise(pts):
                c.line(x(d0), y(s0) + nudge(k), x(d1), y(s1) + nudge(k))
            for d, s in pts:
                c.setFillColor(colour)
                c.circle(x(d), y(s) + nudge(k), 4, stroke=0, fill=1)
                if (d, s) not in labelled:  # one number where several people gave the same
                    labelled.add((d, s))
                    P.text(c, x(d) + 7, y(s) + 6, str(s), 10, "bold", "#1f2933")
            ly = top - 8 - k * 18
            c.setStrokeColor(colour)
            c.setFillColor(colour)
            c.line(right + 16, ly + 3, right + 36, ly + 3)
            c.circle(right + 26, ly + 3, 3.5, stroke=0, fill=1)
            P.text(c, right + 42, ly, who, 10, ink="#1f2933")


def _scale_part(smap: Any, child: str, st: dict[str, Any]) -> list[Any]:
    ratings = [r for r in smap.ratings]
    if not ratings:
        return []
    out: list[Any] = [CondPageBreak(300), _p("Safety scale: 0 to 10", st["h1"]),
                      _p(f"10 means everyone knows {child} is safe enough for the case to close. "
                         f"0 means things are so bad that {child} cannot live at home. "
                         "Each person gives their own number.", st["body"])]
    width = PAGE[0] - 2 * MARGIN
    out.append(ScaleChart(ratings, width))
    dates = sorted({r.date for r in ratings}, key=lambda d: d.earliest())
    people = list(dict.fromkeys(r.who for r in ratings))
    table = [[_p("Who", st["cell_head"])] + [_p(d.label(), st["cell_head"]) for d in dates]]
    for who in people:
        row = [_p(who, st["cell"])]
        for d in dates:
            found = [r for r in ratings if r.who == who and r.date == d]
            row.append(_p(" ".join(str(r.score) + (f" ({r.note})" if r.note else "") for r in found) or "–",
                          st["cell"]))
        table.append(row)
    t = Table(table, colWidths=[width * 0.25] + [width * 0.75 / len(dates)] * len(dates))
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, D.colour("#c8ced6")),
                           ("BACKGROUND", (0, 0), (-1, 0), D.colour("#e4ecf4")),
                           ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    out += [Spacer(1, 8), KeepTogether([t])]
    return out


def safety_map_pdf(case: Any, smap: Any, reader: str | None = None) -> bytes:
    """The map as `reader`'s copy (None: the practitioner's record, with what is still missing)."""
    register()
    require_reader(smap, reader, case, "this safety map")
    st = D.full_styles()
    child = "the child"
    if smap.child and case.family.has_person(smap.child):
        child = case.meta.preferred_names.get(smap.child) or case.family.person(smap.child).short_name
    title = smap.title or f"{child}’s safety map"
    sub = f"{child} · as at {P.words_date(case.as_at())}" + (" · fictional family" if case.meta.fictional else "")
    story: list[Any] = [_p(title, st["title"]), _p(sub, st["subtitle"])]
    if smap.question.strip():
        story.append(_p(smap.question, st["quote"]))
    story += [_columns(smap, child, st)]
    story += _scale_part(smap, child, st)
    if is_practitioner(case, reader):
        problems = [p for p in validate_map(smap)
                    if not any(s.private and p.where.endswith("/" + s.id) for s in smap.statements)]
        if problems:
            story += [CondPageBreak(80), _p("Still needed on this map", st["h1"])]
            story += [_p("• " + p.message, st["body"]) for p in problems]
    buf = io.BytesIO()

    def footer(c: Any, doc: Any) -> None:
        P.text(c, PAGE[0] - MARGIN, 8 * mm, f"{title} · page {doc.page}", 8, ink="#5f6b7a", anchor="end")

    doc = BaseDocTemplate(buf, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                          bottomMargin=MARGIN, invariant=1, title=title, author="Kinscape", creator="Kinscape",
                          producer="Kinscape (reportlab)")
    frame = Frame(MARGIN, MARGIN, PAGE[0] - 2 * MARGIN, PAGE[1] - 2 * MARGIN, 0, 0, 0, 0)
    doc.addPageTemplates([PageTemplate("map", [frame], onPage=footer)])
    doc.build(story)
    return buf.getvalue()


def export_for_cli(case: Any, fmt: str, options: dict[str, object]) -> bytes:
    """`genogram export --what safety-map --format pdf [--child ID] [--for NAME]`."""
    if fmt != "pdf":
        raise ValueError(f"the safety map is printed as pdf, not {fmt!r}")
    child = P.option_child(case, options)
    smap = P.latest(case, "safety_maps", child, "safety map")
    return safety_map_pdf(case, smap, P.option_reader(options))


__all__ = ["NEEDS_GOAL", "ScaleChart", "export_for_cli", "safety_map_pdf"]
