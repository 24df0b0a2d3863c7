"""The child's one-page plan: big friendly type, a picture beside each idea, exactly one A4 page.

Sections follow the proposed child-friendly template (practice notes §3.2): the child's
name and the date, what people like about them, why grown-ups are worried, what is going
well, what needs to happen, people who help, what the child said (their own words, quoted,
never changed), how safe things are now, and the review date in words.

Fitting is done by layout, never by cutting words: the body starts at 16 pt and shrinks in
half-point steps to 14 pt (never below), tightening line spacing at each size. If the page
still overflows, `TooLongError` says which sections to shorten and by about how many words,
and nothing is written.

Privacy: a child's page never names a person marked private (whatever the case's printing
setting; the child themself aside, since the page is theirs). Wording that names one is
refused, as the child's own words are (quoted as said, so never masked); a helper, or a
safety rating, given by a name that names one is left off, as a private helper is.

Acronyms: a child's page never prints one. Wording drafted by Kinscape already spells them
out (the glossary's plainest suggestion); an acronym the practitioner typed into the child
wording is refused with the glossary's plain words, because the page is never rewritten
silently. The child's own words are quoted as said and never checked.
"""
from __future__ import annotations

import datetime as _dt
import io
import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from .. import pictures
from ..language.matcher import find_matches
from ..plans.drafting import child_names, child_words
from . import doc_style as D
from .fonts import register, text_width
from .plan_pdf import Printed, child_plan_for, item_role, review_due, visible_items

_SECTION_TITLES = {"about_me": "What people like about me", "worries": "Why grown-ups are worried",
                   "going_well": "What is going well", "happen": "What needs to happen",
                   "helpers": "People who help me", "said": "What I said",
                   "safe": "How safe things are now"}
_DEFAULT_PICTURE = {"about_me": "star", "worries": "thinking", "going_well": "sun",
                    "happen": "checklist", "helpers": "helping", "said": "speech", "safe": "shield"}
_QUOTE_MARKS = "“”\"'‘’"
_ROLE_BLOCK = {"profile": "about_me", "worry": "worries", "strength": "going_well",
               "outcome": "happen", "action": "happen"}


class ChildPlanError(ValueError):
    """The child's page cannot be made as asked; the message says what to change."""


class TooLongError(ChildPlanError):
    """The plan does not fit one page even at 14 pt; names the sections to shorten."""


@dataclass(frozen=True)
class Idea:
    text: str
    picture: str  # "pictogram:KEY" or "media:NAME"
    quoted: bool = False
    score: int | None = None  # a 0-10 safety scale, drawn as ten boxes beside the words


@dataclass(frozen=True)
class Block:
    key: str
    title: str
    ideas: tuple[Idea, ...]


@dataclass
class ChildPage:
    name: str
    title: str
    made: str
    review: str
    blocks: list[Block] = field(default_factory=list)


@dataclass(frozen=True)
class Fit:
    """What the layout chose: recorded so tests and the editor can show it."""

    size: float
    spacing: float
    height: float
    sizes_used: tuple[float, ...]


# ---- content -------------------------------------------------------------------------------------
def words_date(day: _dt.date) -> str:
    return f"{day.strftime('%A')} {day.day} {day.strftime('%B')} {day.year}"


def _picture(item: Any, text: str, block: str, case: Any) -> str:
    ref = item.picture if item is not None else None
    if ref:
        kind, value = pictures.parse_ref(ref)
        if kind == "media" and value in case.media_names():
            return ref
        if kind == "pictogram" and value in pictures.pictograms():
            return ref
    found = pictures.suggest(text, 5)
    said = set(re.findall(r"\w+", text.lower()))
    named = [k for k in found if k in said]  # "football" itself beats "love" -> hug
    return f"pictogram:{(named or found or [_DEFAULT_PICTURE[block]])[0]}"


def _when(item: Any, text: str) -> str:
    """Add how often or by when, as its own short sentence, if the wording lacks it."""
    extra = item.how_often.strip()
    if not extra and item.when is not None:
        extra = "by " + words_date(item.when.latest())
    if not extra or extra.lower() in text.lower():
        return text
    m = re.search(r"[.!?](\s|$)", text)
    end = m.start() if m else len(text)
    return f"{text[:end]} {extra.rstrip('.')}{text[end:] if m else '.'}"


def gather(case: Any, plan: Any) -> ChildPage:
    """Everything the page says, in the child's words, with nothing private."""
    child = case.family.person(plan.child) if plan.child and case.family.has_person(plan.child) else None
    names = child_names(case, plan.child)
    name = names[0].split()[0] if names and child and not case.meta.preferred_names.get(plan.child) \
        else (names[0] if names else "My")
    title = f"{name}’s plan" if child else "My plan"
    ideas: dict[str, list[Idea]] = {k: [] for k in _SECTION_TITLES}
    printed = Printed(case, hide=True, reader=plan.child)
    for item in visible_items(case, plan, hide_private=True):
        block = _ROLE_BLOCK.get(item_role(plan, item))
        if block is None:
            continue
        text = child_words(case, plan, item)
        if not text:
            continue
        if item_role(plan, item) == "action":
            text = _when(item, text)
        _no_acronyms(text, _SECTION_TITLES[block])
        _no_private_people(printed, text, _SECTION_TITLES[block])
        ideas[block].append(Idea(text, _picture(item, text, block, case)))
    ideas["helpers"] = _helpers(case, plan, printed)
    if plan.child_view.strip():
        said = plan.child_view.strip().strip(_QUOTE_MARKS)
        _no_private_people(printed, said, _SECTION_TITLES["said"], own_words=True)
        ideas["said"].append(Idea(f"“{said}”", "pictogram:speech", True))
    ideas["safe"] = _safety(case, plan, printed)
    made = case.as_at()
    due = review_due(case, plan)
    review = (f"We will check how things are going on {words_date(due)}." if due else
              "We will tell you when we will check how things are going.")
    worker = case.meta.worker.split()[0] if case.meta.worker.strip() else ""
    made_line = f"Made with {worker} on {words_date(made)}" if worker else f"Made on {words_date(made)}"
    page = ChildPage(name, title, made_line, review)
    page.blocks = [Block(k, _SECTION_TITLES[k], tuple(v)) for k, v in ideas.items() if v]
    return page


def _no_private_people(printed: Printed, text: str, where: str, own_words: bool = False) -> None:
    """A person marked private is never named on the child's page: refused, never masked."""
    name = printed.named_in(text)
    if not name:
        return
    if own_words:
        raise ChildPlanError(f"the child's page may not name {name}, who is marked private (in the "
                             f"child's own words, “{where}”): the page quotes them exactly, so change "
                             "what is recorded as the child's words, or the privacy mark")
    raise ChildPlanError(f"the child's page may not name {name}, who is marked private "
                         f"(in “{where}”): change the child's wording, or the privacy mark")


def _no_acronyms(text: str, where: str) -> None:
    found = [m for m in find_matches(text) if m.kind == "acronym"]
    if found:
        m = found[0]
        plain = " or ".join(f"“{s}”" for s in m.suggestions[:2])
        raise ChildPlanError(f"the child's page may not use “{m.text}” (in “{where}”): write {plain} "
                             "in the child's wording instead")


def _helpers(case: Any, plan: Any, printed: Printed) -> list[Idea]:
    from ..model.relations import relationship_to

    seen: dict[str, Idea] = {}
    for item in visible_items(case, plan, hide_private=True):
        if item_role(plan, item) != "action":
            continue
        if item.who_person and case.family.has_person(item.who_person):
            p = case.family.person(item.who_person)
            if p.private:
                continue
            tie = relationship_to(case, plan.child, item.who_person) if plan.child else ""
            own = case.meta.preferred_names.get(item.who_person) or case.meta.preferred_names.get(tie)
            label = own or (tie.capitalize() if tie in ("mum", "dad") else p.short_name)
            if tie and tie not in ("mum", "dad") and not own:
                label = f"{p.short_name}, your {tie}"
            if printed.named_in(label):  # known by a name that names someone private
                first = p.given.split()[0] if p.given.strip() else ""
                label = f"{first}, your {tie}" if tie and first else first
            key, hint = item.who_person, tie or item.role
        elif item.who.strip():
            own = case.meta.preferred_names.get(item.role.strip().lower(), "")
            label = item.who.strip() + (f", your {item.role.strip()}" if item.role.strip() else "")
            if own and own.lower() in item.who.strip().lower():
                label = own
            elif own:
                label = f"{item.who.strip()} ({own})"
            key, hint = item.who.strip().lower(), item.role or item.who
        else:
            continue
        if not label or printed.named_in(label):
            continue
        if key not in seen:
            seen[key] = Idea(label, _person_picture(case, item, hint))
    return list(seen.values())


def _person_picture(case: Any, item: Any, hint: str) -> str:
    for word in reversed(hint.lower().split()):  # "class teacher": the teacher, not the class
        if word in pictures.pictograms():
            return f"pictogram:{word}"
        found = pictures.suggest(word, 1)
        if found and found[0] != "family":
            return f"pictogram:{found[0]}"
    if item.who_person and case.family.has_person(item.who_person):
        gender = str(getattr(case.family.person(item.who_person).gender, "value", ""))
        return {"female": "pictogram:woman", "male": "pictogram:man"}.get(gender, "pictogram:person")
    return "pictogram:person"


def _safety(case: Any, plan: Any, printed: Printed) -> list[Idea]:
    maps = [m for m in case.records("safety_maps") if m.child == plan.child and m.ratings]
    if not maps:
        return []
    newest = max(maps, key=lambda m: max(r.date.latest() for r in m.ratings))
    latest: dict[str, Any] = {}
    for r in sorted(newest.ratings, key=lambda r: r.date.earliest()):
        latest[r.who] = r
    return [Idea(f"{who} says {r.score} out of 10.", "pictogram:shield", score=max(0, min(10, r.score)))
            for who, r in latest.items() if not printed.named_in(who)]


# ---- layout --------------------------------------------------------------------------------------
@lru_cache(maxsize=128)
def _pictogram(keyword: str) -> Any:
    return pictures.drawing(keyword, 100.0)


def _draw_picture(c: Canvas, case: Any, ref: str, x: float, y: float, size: float) -> None:
    kind, value = pictures.parse_ref(ref)
    if kind == "media":
        c.drawImage(ImageReader(io.BytesIO(case.media(value))), x, y, size, size,
                    preserveAspectRatio=True, anchor="c", mask="auto")
        return
    c.saveState()
    c.translate(x, y)
    c.scale(size / 100.0, size / 100.0)
    renderPDF.draw(_pictogram(value), c, 0, 0)
    c.restoreState()


class _Page:
    """Measures (and, given a canvas, draws) the page at one body size and spacing."""

    def __init__(self, page: ChildPage, size: float, spacing: float) -> None:
        self.page, self.size, self.spacing = page, size, spacing
        self.width = D.CHILD_PAGE["size"][0] - 2 * D.CHILD_PAGE["margin"]
        self.pic = round(size * 1.8, 1)
        self.gap = size * (spacing - 0.95)
        self.body = D.child_style("body", size, spacing, D.CHILD_COLOURS["ink"])
        self.heading = D.child_style("head", size * 1.1, 1.2, D.CHILD_COLOURS["ink"], bold=True)
        self.block_heights: dict[str, float] = {}

    def _para(self, text: str, width: float, style: Any = None) -> tuple[Paragraph, float]:
        p = Paragraph(D.rich(text), style or self.body)
        return p, p.wrap(width, 10_000)[1]

    def _columns(self, block: Block) -> int:
        """Short ideas (names, "what people like") sit side by side: up to 4 across."""
        if any(i.quoted or i.score is not None for i in block.ideas):
            return 1
        for cols in (4, 3, 2):
            text_w = (self.width - 12 * (cols - 1)) / cols - self.pic - 12
            lines = 1 if cols > 2 else 2
            if len(block.ideas) >= cols and all(
                    text_width(i.text, self.size) <= text_w * lines * 0.9 for i in block.ideas):
                return cols
        return 1

    def layout(self, c: Canvas | None = None, case: Any = None) -> float:
        """The height used from the top margin down; draws when given a canvas."""
        m = D.CHILD_PAGE["margin"]
        top = D.CHILD_PAGE["size"][1] - m
        y = top
        title_size = self.size * 1.9
        y -= title_size * 1.1
        if c is not None:
            _text(c, m + self.pic + 10, y, self.page.title, title_size, "bold", D.CHILD_COLOURS["title"])
            _draw_picture(c, case, "pictogram:child", m, y - 6, self.pic + 6)
        y -= self.size * 1.35
        if c is not None:
            _text(c, m + self.pic + 10, y, self.page.made, self.size, "regular", D.CHILD_COLOURS["muted"])
        y -= self.gap * 1.5
        for block in self.page.blocks:
            start = y
            y = self._block(block, y, c, case)
            self.block_heights[block.key] = start - y
        y = self._review(y, c, case)
        return top - y  # the licence line sits in the bottom margin, below this

    def _block(self, block: Block, y: float, c: Canvas | None, case: Any) -> float:
        m = D.CHILD_PAGE["margin"]
        head_colour, fill = D.CHILD_SECTIONS[block.key]
        band = self.heading.fontSize * 1.5
        if c is not None:
            c.setFillColor(D.colour(fill))
            c.roundRect(m, y - band, self.width, band, band / 2.6, stroke=0, fill=1)
            _text(c, m + 10, y - band * 0.7, block.title, self.heading.fontSize, "bold", head_colour)
        y -= band + self.gap * 0.6
        cols = self._columns(block)
        col_w = (self.width - 12 * (cols - 1)) / cols
        for row in range(0, len(block.ideas), cols):
            row_h = 0.0
            for k, idea in enumerate(block.ideas[row:row + cols]):
                x = m + k * (col_w + 12)
                text_w = col_w - self.pic - 12
                label = idea.text
                scale_w = min(text_w * 0.45, self.size * 11) if idea.score is not None else 0.0
                text_w -= scale_w + (10 if scale_w else 0)
                p, h = self._para(label, text_w - (12 if idea.quoted else 0))
                h_row = max(self.pic, h + (8 if idea.quoted else 0))
                if c is not None:
                    _draw_picture(c, case, idea.picture, x + 2, y - (h_row + self.pic) / 2, self.pic)
                    tx, ty = x + self.pic + 12, y - (h_row + h) / 2
                    if idea.quoted:
                        c.setFillColor(D.colour(D.CHILD_COLOURS["quote"]))
                        c.setStrokeColor(D.colour(D.CHILD_COLOURS["quote_edge"]))
                        c.roundRect(tx - 4, y - h_row, text_w + 4, h_row, 8, stroke=1, fill=1)
                        tx += 6
                    p.drawOn(c, tx, ty)
                    if idea.score is not None:
                        _scale(c, x + col_w - scale_w, y - h_row / 2, scale_w, idea.score)
                row_h = max(row_h, h_row)
            y -= row_h + max(self.gap * 0.6, self.size * 0.3)  # ideas never run together
        return y - self.gap * 0.6

    def _review(self, y: float, c: Canvas | None, case: Any) -> float:
        m = D.CHILD_PAGE["margin"]
        style = D.child_style("review", self.size, self.spacing, D.CHILD_COLOURS["title"], bold=True)
        p, h = self._para(self.page.review, self.width - self.pic - 22, style)
        box = max(self.pic, h) + 10
        if c is not None:
            c.setStrokeColor(D.colour(D.CHILD_COLOURS["title"]))
            c.setLineWidth(1.5)
            c.roundRect(m, y - box, self.width, box, 10, stroke=1, fill=0)
            _draw_picture(c, case, "pictogram:calendar", m + 6, y - (box + self.pic) / 2, self.pic)
            p.drawOn(c, m + self.pic + 16, y - (box + h) / 2)
        return y - box


def _scale(c: Canvas, x: float, mid: float, width: float, score: int) -> None:
    """Ten boxes, `score` of them filled: a safety scale a child can read at a glance."""
    step = width / 10
    box = min(step - 3, 16.0)
    for k in range(10):
        c.setStrokeColor(D.colour(D.CHILD_SECTIONS["safe"][0]))
        c.setFillColor(D.colour(D.CHILD_SECTIONS["safe"][0] if k < score else D.CHILD_SECTIONS["safe"][1]))
        c.roundRect(x + k * step, mid - box / 2, box, box, 3, stroke=1, fill=1)


def _text(c: Canvas, x: float, y: float, text: str, size: float, role: str, ink: str) -> None:
    from .fonts import run_width, runs

    c.setFillColor(D.colour(ink))
    for face, piece in runs(text, role):
        c.setFont(face, size)
        c.drawString(x, y, piece)
        x += run_width(face, piece, size)


#: Blocks that add to the page but are not part of the plan itself: left off, in this order,
#: before the page is declared too long (the full plan still carries them).
OPTIONAL_BLOCKS = ("safe",)


def fit(page: ChildPage) -> tuple[_Page, Fit]:
    """The largest body size (then the loosest spacing) at which the page fits.

    When even 14 pt does not fit, optional blocks (the safety scale) are left off first;
    only then is the page too long (TooLongError, naming what to shorten)."""
    try:
        return _fit(page)
    except TooLongError:
        for key in OPTIONAL_BLOCKS:
            if any(b.key == key for b in page.blocks):
                page = replace(page, blocks=[b for b in page.blocks if b.key != key])
                try:
                    return _fit(page)
                except TooLongError:
                    continue
        raise


def _fit(page: ChildPage) -> tuple[_Page, Fit]:
    room = D.CHILD_PAGE["size"][1] - 2 * D.CHILD_PAGE["margin"]
    last = None
    for size in D.CHILD_SIZES:
        for spacing in D.CHILD_SPACINGS:
            trial = _Page(page, size, spacing)
            used = trial.layout()
            if used <= room:
                return trial, Fit(size, spacing, used, (size, size * 1.1, size * 1.9))
            last = (trial, used)
    assert last is not None
    raise TooLongError(_too_long(page, *last, room))


def _too_long(page: ChildPage, trial: _Page, used: float, room: float) -> str:
    """Which sections to shorten, and by about how many words: the overflow shared out by
    each section's height, turned into words at that section's own words per point."""
    over = used - room
    words = {b.key: sum(len(i.text.split()) for i in b.ideas) for b in page.blocks}
    heights = {k: h for k, h in trial.block_heights.items() if k not in ("helpers", "safe", "said")}
    total = sum(heights.values()) or 1.0
    parts = []
    for key, h in sorted(heights.items(), key=lambda kv: -kv[1])[:3]:
        cut = min(words[key], max(1, math.ceil(over * h / total * words[key] / max(h, 1.0))))
        parts.append(f"“{_SECTION_TITLES[key]}” by about {cut} words")
    lines = max(1, math.ceil(over / (trial.size * trial.spacing)))
    return (f"{page.title} does not fit on one page even at {D.CHILD_MIN_SIZE:g} pt (about {lines} "
            "lines too long): shorten " + ", ".join(parts) + ", or keep some ideas for the full plan")


# ---- the file ------------------------------------------------------------------------------------
def child_plan_pdf(case: Any, plan: Any) -> tuple[bytes, Fit]:
    """The one-page PDF and the fit chosen; raises ChildPlanError (nothing is written)."""
    register()
    page = gather(case, plan)
    trial, chosen = fit(page)
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=D.CHILD_PAGE["size"], invariant=1, pageCompression=1)
    c.setTitle(page.title)
    c.setAuthor("Kinscape")
    c.setCreator("Kinscape")
    c.setFillColor(D.colour(D.CHILD_COLOURS["paper"]))
    w, h = D.CHILD_PAGE["size"]
    c.rect(0, 0, w, h, stroke=0, fill=1)
    trial.layout(c, case)
    c.setFillColor(D.colour(D.CHILD_COLOURS["muted"]))
    c.setFont("Andika", D.ATTRIBUTION_SIZE)
    c.drawString(D.CHILD_PAGE["margin"], D.CHILD_PAGE["margin"] * 0.6, pictures.attribution())
    c.showPage()
    c.save()
    return buf.getvalue(), chosen


def export_for_cli(case: Any, fmt: str, options: dict[str, object]) -> bytes:
    """`genogram export --what child-plan --format pdf [--child ID]`."""
    if fmt != "pdf":
        raise ValueError(f"the child's plan is printed as pdf, not {fmt!r}")
    plan = child_plan_for(case, options.get("child"))  # type: ignore[arg-type]
    return child_plan_pdf(case, plan)[0]
