"""The full plan as a Word document, for upload into a case-management system.

Same content and order as the PDF (genogram/export/plan_pdf.py), with real headings and
tables so the receiving system (and a screen reader) keeps the structure. The genogram and
ecomap go in as PNG pictures drawn by the same glyphs as every other output. It names no
private person the PDF would not, in its text or its document properties (`Printed`).
"""
from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Cm, Pt, RGBColor

from .plan_pdf import (
    Printed,
    date_words,
    figures,
    item_role,
    plan_facts,
    plan_title,
    private_note,
    smart_rows,
    visible_items,
    when_text,
    who_text,
)

FONT = "Andika"  # falls back to the reader's own font where Andika is not installed
_FIGURE_WIDTH = Cm(16)
_FIGURE_HEIGHT = Cm(12)


def _table(doc: Any, rows: list[list[str]], head: bool = True, widths: tuple[float, ...] = ()) -> Any:
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.LEFT
    t.autofit = not widths
    for c, w in enumerate(widths):  # Word reads the cells, LibreOffice the grid: set both
        t.columns[c].width = Cm(w)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = t.cell(r, c)
            if widths:
                cell.width = Cm(widths[c])
            cell.text = text
            if (head and r == 0) or (not head and c == 0):
                for run in cell.paragraphs[0].runs:
                    run.bold = True
    return t


def _quote(doc: Any, text: str) -> None:
    p = doc.add_paragraph(f"“{text.strip()}”" if text.strip() else "Not yet recorded.")
    p.paragraph_format.left_indent = Cm(0.8)


def plan_docx(case: Any, plan: Any) -> bytes:
    from ..notation.geometry import bounds
    from .png import glyphs_to_png

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    printed = Printed(case)
    say = printed.words
    title, sub = plan_title(case, plan, printed)
    props = doc.core_properties
    props.title, props.subject = title, sub
    props.author = plan.author or case.meta.worker or "Kinscape"
    props.comments, props.last_modified_by = "Made with Kinscape", "Kinscape"
    doc.add_heading(title, level=0)
    doc.add_paragraph(sub + (" (fictional family)" if case.meta.fictional else ""))
    facts = [["As at", date_words(case.as_at())]] + [[k, v] for k, v in plan_facts(case, plan, printed)]
    _table(doc, facts, head=False, widths=(3.5, 13.0))
    for name, glyphs in figures(case, plan):
        doc.add_heading(name, level=1)
        x0, y0, x1, y1 = bounds(glyphs)  # no taller than about half a page
        width = min(_FIGURE_WIDTH, int(_FIGURE_HEIGHT * (x1 - x0) / max(y1 - y0, 1.0)))
        doc.add_picture(io.BytesIO(glyphs_to_png(glyphs, dpi=150)), width=width)
    by_role: dict[str, list[Any]] = {}
    for item in visible_items(case, plan):
        by_role.setdefault(item_role(plan, item), []).append(item)
    for role, heading in (("profile", "What people like and admire about the child"),
                          ("worry", "What we are worried about"), ("strength", "What is working well")):
        if by_role.get(role):
            doc.add_heading(heading, level=1)
            for i in by_role[role]:
                doc.add_paragraph(say(i.text), style="List Bullet")
    if by_role.get("outcome"):
        doc.add_heading("What needs to be different (outcomes)", level=1)
        _table(doc, [["Outcome", "Where things are now", "How we will know"]] +
               [[say(i.text), say(i.baseline) or "—", say(i.measure) or "—"] for i in by_role["outcome"]],
               widths=(7.5, 4.5, 4.5))
    if by_role.get("action"):
        doc.add_heading("Who will do what, and when (actions)", level=1)
        _table(doc, [["What", "Who", "By when / how often", "Support offered"]] +
               [[say(i.text), who_text(case, i, printed) or "—", when_text(i, printed) or "—",
                 say(i.support) or "—"] for i in by_role["action"]], widths=(6.5, 3.4, 3.0, 3.6))
    doc.add_heading("What the child says, in their own words", level=1)
    _quote(doc, say(plan.child_view))
    doc.add_heading("What the parents say", level=1)
    _quote(doc, say(plan.parents_view))
    agree = {True: "The parents agree with this plan.", False: "The parents do not agree with this plan.",
             None: "The parents have not yet said whether they agree."}[plan.parents_agree]
    doc.add_paragraph().add_run(agree).bold = True
    if plan.dispute.strip():
        doc.add_heading("What is disputed (recorded, not erased)", level=2)
        doc.add_paragraph(say(plan.dispute))
    doc.add_heading("If the plan is not working", level=1)
    for i in by_role.get("contingency", []) or [None]:
        doc.add_paragraph(say(i.text) if i is not None else "Not yet written.")
    doc.add_heading("SMART summary", level=1)
    rows = [["Item", "Check"]]
    checked = smart_rows(case, plan, printed)
    for role, text, findings in checked:
        rows.append([f"{role.capitalize()}: {text}" if role != "plan" else text,
                     "ok" if not findings else "\n".join(findings)])
    t = _table(doc, rows, widths=(9.5, 7.0))
    for r, (_role, _text, findings) in enumerate(checked, start=1):
        colour = RGBColor(0x2F, 0x7D, 0x32) if not findings else RGBColor(0xA0, 0x40, 0x00)
        for run in t.cell(r, 1).paragraphs[0].runs:
            run.font.color.rgb = colour
    for note in private_note(case, plan, printed):
        doc.add_paragraph(note)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
