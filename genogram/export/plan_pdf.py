"""The full plan as PDF, for the family and the professionals: every section, the genogram and
ecomap, review dates with their status, and a SMART summary a supervisor can read at a glance.

Also the small helpers every plan document shares (which plan, which items, what role an
item plays, when the review is due), so the PDF, the DOCX and the child's page agree.

A printout never names a person marked private (when the case hides them): `Printed` says
what it may print. Their own name becomes "Private" (so does the "who" of an action they
do); a title naming them falls back to one that does not (the case's title is left out of
the page header, the plan's becomes its kind); any other text has their name replaced by
"Private" where it is written as a name ("Will" or "WILL", never the "will" of "Mum will").
The screen passes no `Printed` and shows everything to the practitioner.
"""
from __future__ import annotations

import datetime as _dt
import io
import re
from functools import lru_cache
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..model.family import id_order
from ..notation.genogram import hidden_people, names_private, printed_name, private_names
from ..notation.styles import PRIVATE_LABEL
from . import doc_style as D

_FALLBACK_ROLES = {"worry": "worry", "working_well": "strength", "outcome": "outcome",
                   "action": "action", "contingency": "contingency", "about_me": "profile"}
STATUS_WORDS = {"overdue": "OVERDUE", "due_soon": "due soon", "on_track": "on track"}


# ---- what a printout may name -----------------------------------------------------------------
class Printed:
    """What a printed plan may say. `hidden` are the people it keeps private (none when the
    case prints everyone; never `reader`, on a page of their own); `masked` turns true once
    any text had a name replaced."""

    def __init__(self, case: Any, hide: bool | None = None, reader: str | None = None) -> None:
        hide = case.meta.hide_private_in_exports if hide is None else hide
        self.case = case
        self.hidden = hidden_people(case, hide) - {reader}
        self.names = private_names(case, self.hidden) if self.hidden else ()
        self.masked = False

    def named_in(self, text: str) -> str:
        """The first private name `text` gives, written as a name, or ""."""
        pat = _name_pattern(self.names) if text and self.names else None
        found = pat.search(text) if pat is not None else None
        return found.group(0) if found else ""

    def words(self, text: str) -> str:
        """`text` with every private name, written as a name, replaced by "Private"."""
        pat = _name_pattern(self.names) if text and self.names else None
        if pat is None:
            return text
        out = pat.sub(PRIVATE_LABEL, text)
        self.masked |= out != text
        return out

    def names_someone(self, text: str) -> bool:
        """Whether a title names a private person (any case, as the genogram's title is checked)."""
        return names_private(text, self.names)

    def person(self, pid: str | None) -> str:
        """A person's name as printed: "Private" for a hidden person; someone known by a name
        that names a private person ("Dana's Nan") by their own given and family name."""
        if not pid or not self.case.family.has_person(pid):
            return ""
        p = self.case.family.person(pid)
        if pid in self.hidden:
            self.masked = True  # so the closing line says who "Private" is
            return PRIVATE_LABEL
        name = printed_name(p, self.names)
        self.masked |= PRIVATE_LABEL in name and PRIVATE_LABEL not in p.display_name
        return name


@lru_cache(maxsize=64)
def _name_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    forms = sorted({f for n in names for f in (n, n.upper())}, key=lambda n: (-len(n), n))
    if not forms:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in forms) + r")(?!\w)")


def _same(text: str) -> str:
    return text


# ---- shared helpers ----------------------------------------------------------------------------
def item_role(plan: Any, item: Any) -> str:
    """What an item does in its plan: the template's role for its section, else by its name."""
    from ..plans.templates import TemplateError, plan_template

    try:
        role = plan_template(plan.plan_type).role_of(item.section)
    except TemplateError:
        role = "text"
    return _FALLBACK_ROLES.get(item.section, role) if role == "text" else role


def visible_items(case: Any, plan: Any, hide_private: bool | None = None) -> list[Any]:
    hide = case.meta.hide_private_in_exports if hide_private is None else hide_private
    return [i for i in plan.items if not (hide and i.private)]


def review_due(case: Any, plan: Any) -> _dt.date | None:
    from ..plans.timescales import plan_dues

    for due in plan_dues(plan, case.as_at()):
        if due.what == "review":
            return due.date
    return None


def child_plan_for(case: Any, child: str | None = None) -> Any:
    """The latest plan for `child` (default: the index child); ValueError saying what is missing."""
    child = child or case.meta.index_person
    if child is None:
        raise ValueError("say whose plan to print with --child ID (this case has no index child)")
    if not case.family.has_person(child):
        raise ValueError(f"there is nobody with the id {child!r} in this case")
    plans = [p for p in case.records("plans") if p.child == child]
    if not plans:
        name = case.family.person(child).short_name
        raise ValueError(f"{name} has no plan yet; write one before printing it")
    return max(plans, key=lambda p: (p.started is not None, p.started.earliest() if p.started else 0,
                                     id_order(p.id)))


def date_words(day: _dt.date) -> str:
    return f"{day.strftime('%A')} {day.day} {day.strftime('%B')} {day.year}"


def date_numbers(day: _dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def due_text(due: Any) -> str:
    status = STATUS_WORDS.get(due.status, due.status)
    return f"{date_words(due.date)} ({date_numbers(due.date)}): {status} — {due.basis}"


def person_name(case: Any, pid: str | None) -> str:
    if pid and case.family.has_person(pid):
        return str(case.family.person(pid).display_name)
    return ""


def who_text(case: Any, item: Any, printed: Printed | None = None) -> str:
    """Who does an action, and in what role; on a printout a private person is "Private"."""
    if printed is None:
        name = person_name(case, item.who_person) or item.who.strip()
        return ", ".join(x for x in (name, item.role.strip()) if x)
    name = printed.person(item.who_person) or printed.words(item.who.strip())
    return ", ".join(x for x in (name, printed.words(item.role.strip())) if x)


def when_text(item: Any, printed: Printed | None = None) -> str:
    parts = []
    if item.when is not None:
        parts.append("by " + date_words(item.when.latest()))
    if item.how_often.strip():
        parts.append(printed.words(item.how_often.strip()) if printed else item.how_often.strip())
    return "; ".join(parts)


def smart_rows(case: Any, plan: Any, printed: Printed | None = None) -> list[tuple[str, str, list[str]]]:
    """(section, text, findings) for each outcome and action, then the plan as a whole; checked
    as written, and (given `printed`) worded as the printout may say them."""
    from ..language import Context, check_plan_shape, check_text

    child = plan.child if plan.child and case.family.has_person(plan.child) else None
    age = case.age_of(child) if child else None
    people = [n for p in case.family.people() for n in (p.given, p.known_as, p.display_name) if n]
    from ..plans.drafting import child_names

    base = Context(child_names=child_names(case, child),
                   people=tuple(people), as_at=case.as_at(), review=review_due(case, plan),
                   child_age=age[0] if age else None, preferred=dict(case.meta.preferred_names))
    say = printed.words if printed else _same
    rows: list[tuple[str, str, list[str]]] = []
    outcomes, contingency = 0, False
    for item in visible_items(case, plan):
        role = item_role(plan, item)
        outcomes += role == "outcome"
        contingency |= role == "contingency" and bool(item.text.strip())
        if role not in ("outcome", "action"):
            continue
        ctx = Context(**{**base.__dict__, "who": who_text(case, item), "when": when_text(item)})
        result = check_text(item.text, role, ctx)
        rows.append((role, say(item.text), [say(f.message) for f in result.findings]))
    shape = check_plan_shape(outcomes, contingency, plan.child_view, plan.parents_view, plan.parents_agree)
    rows.append(("plan", "The plan as a whole", [say(f.message) for f in shape]))
    return rows


def plan_facts(case: Any, plan: Any, printed: Printed | None = None) -> list[tuple[str, str]]:
    """The plan's particulars: child, status, author, dates and what is due, in words and numbers.
    The author is the practitioner, whose name is printed as written."""
    from ..plans.timescales import plan_dues

    facts = []
    if plan.child and case.family.has_person(plan.child):
        age = case.age_of(plan.child) if not (printed and plan.child in printed.hidden) else None
        name = printed.person(plan.child) if printed else person_name(case, plan.child)
        facts.append(("Child", name + (f", {'about ' if age[1] else ''}{age[0]}" if age else "")))
    facts += [("Status", plan.status.replace("_", " ")), ("Written by", plan.author or case.meta.worker)]
    if plan.started:
        day = plan.started.earliest()
        facts.append(("Started", f"{date_words(day)} ({date_numbers(day)})"))
    facts += [(f"Next {due.what}", due_text(due)) for due in plan_dues(plan, case.as_at())]
    facts += [("Review held", f"{date_words(d.earliest())} ({date_numbers(d.earliest())})") for d in plan.reviews]
    return facts


def plan_title(case: Any, plan: Any, printed: Printed | None = None) -> tuple[str, str]:
    """The plan's title and "KIND for CHILD"; printed, a title naming a private person is its kind."""
    from ..plans.templates import TemplateError, plan_template

    try:
        kind = plan_template(plan.plan_type).name
    except TemplateError:
        kind = plan.plan_type.replace("_", " ").capitalize()
    title = plan.title or kind
    if printed is not None and printed.names_someone(title):
        title = kind
    child = printed.person(plan.child) if printed else person_name(case, plan.child)
    return title, (f"{kind} for {child}" if child else kind)


def header_text(case: Any, title: str, printed: Printed) -> str:
    """The running head: the case's title (left out if it names a private person) and the plan's."""
    case_title = case.meta.title.strip()
    if not case_title or printed.names_someone(case_title):
        return title
    return f"{case_title} · {title}"


def private_note(case: Any, plan: Any, printed: Printed) -> list[str]:
    """The closing lines saying what the printout left out or renamed."""
    notes = []
    if any(i.private for i in plan.items) and case.meta.hide_private_in_exports:
        notes.append("Items marked private are not printed.")
    if printed.masked:
        notes.append(f"People marked private are named “{PRIVATE_LABEL}”.")
    return notes


# ---- the PDF -----------------------------------------------------------------------------------
class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds each page until the end so the footer can say "Page N of M"."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont("Andika", 8.5)
            self.setFillColor(D.colour(D.FULL_COLOURS["muted"]))
            self.drawRightString(self._pagesize[0] - D.FULL_PAGE["margin"], D.FULL_PAGE["margin"] * 0.6,
                                 f"Page {self._pageNumber} of {total}")
            super().showPage()
        super().save()


def _figure(glyphs: list[Any], height: float) -> Any:
    """A diagram fitted to the frame's width and at most `height` points tall."""
    from ..notation.geometry import bounds
    from .diagram_pdf import GlyphFlowable

    class Figure(GlyphFlowable):  # type: ignore[misc]
        def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
            return super().wrap(avail_w, min(avail_h, height))  # type: ignore[no-any-return]

    return Figure(glyphs, bounds(glyphs), max_scale=1.0)


def figures(case: Any, plan: Any) -> list[tuple[str, list[Any]]]:
    """The genogram and (when there is one) the child's ecomap, as glyphs, private hidden and
    named by no text in them."""
    from ..layout.ecomap import layout_ecomap
    from ..layout.genogram import layout_genogram
    from ..model.errors import UnknownIdError
    from ..notation.ecomap_glyphs import ecomap_glyphs
    from ..notation.genogram import genogram_glyphs, mask_glyphs

    hide = case.meta.hide_private_in_exports
    out: list[tuple[str, list[Any]]] = []
    if case.family.people():
        out.append(("Genogram", genogram_glyphs(case, layout_genogram(case), hide)))
    maps = [m for m in case.records("ecomaps") if getattr(m, "centre_person", None) == plan.child]
    try:
        lay = layout_ecomap(case, max(maps, key=lambda m: str(m.date)).id if maps else None,
                            include_private=not hide)
        names = Printed(case).names
        out.append(("Ecomap", mask_glyphs(case, ecomap_glyphs(case, lay), names)))
    except UnknownIdError:
        pass
    return out


def plan_story(case: Any, plan: Any, s: dict[str, Any], printed: Printed | None = None) -> list[Any]:
    printed = printed or Printed(case)
    say = printed.words

    def p(text: str, style: str = "body", role: str = "regular") -> Paragraph:
        return Paragraph(D.rich(text, role), s[style])

    def cell(text: str, style: str = "cell") -> Paragraph:
        return Paragraph(D.rich(text, "bold" if style == "cell_head" else "regular"), s[style])

    title, sub = plan_title(case, plan, printed)
    story: list[Any] = [p(title, "title", "bold"), p(sub, "subtitle")]
    facts = plan_facts(case, plan, printed)
    story.append(_table([[cell(k, "cell_head"), cell(v)] for k, v in facts], [34 * 2.83, None], head=False))
    for name, glyphs in figures(case, plan):
        story += [CondPageBreak(260), p(name, "h1", "bold"), _figure(glyphs, 420)]
    items = visible_items(case, plan)
    by_role: dict[str, list[Any]] = {}
    for item in items:
        by_role.setdefault(item_role(plan, item), []).append(item)
    for role, heading in (("profile", "What people like and admire about the child"),
                          ("worry", "What we are worried about"), ("strength", "What is working well")):
        if by_role.get(role):
            story.append(p(heading, "h1", "bold"))
            story += [p("• " + say(i.text)) for i in by_role[role]]
    if by_role.get("outcome"):
        story.append(p("What needs to be different (outcomes)", "h1", "bold"))
        rows = [[cell(h, "cell_head") for h in ("Outcome", "Where things are now", "How we will know")]]
        rows += [[cell(say(i.text)), cell(say(i.baseline) or "—"), cell(say(i.measure) or "—")]
                 for i in by_role["outcome"]]
        story.append(_table(rows, [None, 130, 150]))
    if by_role.get("action"):
        story.append(p("Who will do what, and when (actions)", "h1", "bold"))
        rows = [[cell(h, "cell_head") for h in ("What", "Who", "By when / how often", "Support offered")]]
        rows += [[cell(say(i.text)), cell(who_text(case, i, printed) or "—"),
                  cell(when_text(i, printed) or "—"), cell(say(i.support) or "—")] for i in by_role["action"]]
        story.append(_table(rows, [None, 100, 100, 110]))
    story.append(p("What the child says, in their own words", "h1", "bold"))
    story.append(_quote(say(plan.child_view), s) if plan.child_view.strip() else p("Not yet recorded."))
    story.append(p("What the parents say", "h1", "bold"))
    story.append(_quote(say(plan.parents_view), s) if plan.parents_view.strip() else p("Not yet recorded."))
    agree = {True: "The parents agree with this plan.", False: "The parents do not agree with this plan.",
             None: "The parents have not yet said whether they agree."}[plan.parents_agree]
    story.append(p(agree, "body", "bold"))
    if plan.dispute.strip():
        story += [p("What is disputed (recorded, not erased)", "h2", "bold"), p(say(plan.dispute))]
    story.append(p("If the plan is not working", "h1", "bold"))
    story += [p(say(i.text)) for i in by_role.get("contingency", [])] or [p("Not yet written.")]
    story.append(p("SMART summary", "h1", "bold"))
    rows = [[cell(h, "cell_head") for h in ("Item", "Check")]]
    for role, text, findings in smart_rows(case, plan, printed):
        label = f"{role.capitalize()}: {text}" if role != "plan" else text
        rows.append([cell(label), cell("ok", "ok") if not findings else
                     Paragraph("<br/>".join(D.rich(f) for f in findings), s["warn"])])
    story.append(_table(rows, [None, 230]))
    story += [p(note, "small") for note in private_note(case, plan, printed)]
    return story


def _quote(text: str, s: dict[str, Any]) -> Any:
    t = Table([[Paragraph(D.rich(f"“{text.strip()}”"), s["quote"])]], colWidths=[None])
    t.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), D.colour(D.FULL_COLOURS["quote"])),
                           ("LEFTPADDING", (0, 0), (-1, -1), 8), ("TOPPADDING", (0, 0), (-1, -1), 6),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return KeepTogether([t, Spacer(1, 4)])


def _table(rows: list[list[Any]], widths: list[Any], head: bool = True) -> Table:
    frame_w = D.FULL_PAGE["size"][0] - 2 * D.FULL_PAGE["margin"]
    fixed = sum(w for w in widths if w)
    free = [w for w in widths if not w]
    cols = [w or (frame_w - fixed) / len(free) for w in widths]
    t = Table(rows, colWidths=cols, repeatRows=1 if head else 0)
    style = [("GRID", (0, 0), (-1, -1), 0.5, D.colour(D.FULL_COLOURS["rule"])),
             ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 4),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]
    if head:
        style.append(("BACKGROUND", (0, 0), (-1, 0), D.colour(D.FULL_COLOURS["table_head"])))
    else:
        style.append(("BACKGROUND", (0, 0), (0, -1), D.colour(D.FULL_COLOURS["table_head"])))
    t.setStyle(TableStyle(style))
    return t


def plan_pdf(case: Any, plan: Any) -> bytes:
    s = D.full_styles()
    page_w, page_h = D.FULL_PAGE["size"]
    m, head, foot = D.FULL_PAGE["margin"], D.FULL_PAGE["header"], D.FULL_PAGE["footer"]
    printed = Printed(case)
    title, sub = plan_title(case, plan, printed)
    head_text = header_text(case, title, printed)
    as_at = date_words(case.as_at())

    def decorate(c: Canvas, doc: BaseDocTemplate) -> None:
        c.saveState()
        c.setFillColor(D.colour(D.FULL_COLOURS["muted"]))
        y = page_h - m * 0.75
        x = m
        from .fonts import run_width, runs

        for face, piece in runs(head_text, "regular"):
            c.setFont(face, 8.5)
            c.drawString(x, y, piece)
            x += run_width(face, piece, 8.5)
        c.setFont("Andika", 8.5)
        c.drawRightString(page_w - m, y, f"As at {as_at}")
        c.setStrokeColor(D.colour(D.FULL_COLOURS["rule"]))
        c.line(m, y - 4, page_w - m, y - 4)
        c.drawString(m, m * 0.6, "Kinscape" + (" · fictional family" if case.meta.fictional else ""))
        c.restoreState()

    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=(page_w, page_h), leftMargin=m, rightMargin=m,
                          topMargin=m + head, bottomMargin=m + foot, invariant=1, title=title,
                          author=plan.author or case.meta.worker or "Kinscape", creator="Kinscape",
                          subject=sub)
    frame = Frame(m, m + foot * 0.5, page_w - 2 * m, page_h - 2 * m - head * 0.6 - foot * 0.5, id="body")
    doc.addPageTemplates([PageTemplate("plan", [frame], onPage=decorate)])
    doc.build(plan_story(case, plan, s, printed), canvasmaker=_NumberedCanvas)
    return buf.getvalue()


def export_for_cli(case: Any, fmt: str, options: dict[str, object]) -> bytes:
    """`genogram export --what plan --format pdf|docx [--child ID]`."""
    plan = child_plan_for(case, options.get("child"))  # type: ignore[arg-type]
    if fmt == "docx":
        from .plan_docx import plan_docx

        return plan_docx(case, plan)
    if fmt != "pdf":
        raise ValueError(f"the plan can be written as pdf or docx, not {fmt!r}")
    return plan_pdf(case, plan)
