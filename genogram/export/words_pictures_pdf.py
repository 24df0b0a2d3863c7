"""The words-and-pictures booklet: one idea per page, a big picture, large friendly type.

Two shapes: A4 landscape pages (picture on the left, words on the right), or A5 portrait
pages imposed two to a side of A4 landscape, in folded-booklet order, so a family can print
double-sided, fold the pile in half and staple the spine. The cover carries the child's name.
Type is never below 20 pt: a page whose words do not fit at 20 pt is refused with a sentence
saying which page to split, and nothing is written. Reading ages are measured for the editor
(`genogram.directwork.page_reading_ages`) and deliberately not printed in the child's book.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.pdfgen.canvas import Canvas

from .. import pictures
from ..directwork.consent import require_reader
from ..directwork.story import page_heading, page_reading_ages, story_for
from . import direct_print as P
from . import doc_style as D

MIN_SIZE = 20.0
BODY_SIZES = (28.0, 26.0, 24.0, 22.0, 21.0, 20.0)
LAYOUTS = ("a4", "a5-booklet")
#: warm page colours, one per section kind, cycling for anything else: (band, ink)
_COLOURS = [("#fde3cf", "#a8431a"), ("#fbe6c4", "#8a4b12"), ("#f1f0c6", "#5f6b12"),
            ("#fadad2", "#9c3d2e"), ("#efe0f1", "#7b4a8a"), ("#dcefe6", "#2f6e5b")]
_DEFAULT_PICTURE = {"title": "star", "family_strengths": "family", "who_worried": "thinking",
                    "what_worried": "cloud", "agreed_words": "speech", "what_happened": "home",
                    "what_doing": "helping", "where_i_live": "home", "safety_plan": "shield",
                    "who_i_can_talk_to": "talk"}


class BookletError(ValueError):
    """The booklet cannot be printed as asked; the message says what to change."""


@dataclass(frozen=True)
class Leaf:
    """One page of the booklet as the child reads it."""

    heading: str
    text: str
    picture: str | None
    kind: str = "page"  # cover, page, words, end, blank


@dataclass(frozen=True)
class Booklet:
    pdf: bytes
    pages: int  # the child's pages, cover included
    sheets: int  # sides of paper printed
    reading_ages: tuple[int | None, ...]
    sizes: tuple[float, ...]  # the body size chosen for each page


def _child_name(case: Any, child: str) -> str:
    p = case.family.person(child)
    return case.meta.preferred_names.get(child) or p.short_name or "Me"


def _picture(case: Any, page: Any) -> str:
    if page.picture:
        P.check_ref(case, page.picture)
        return str(page.picture)
    said = set(re.findall(r"\w+", page.text.lower()))
    found = pictures.suggest(page.text, 5)
    named = [k for k in found if k in said]
    return f"pictogram:{(named or found or [_DEFAULT_PICTURE.get(page.section, 'star')])[0]}"


def _no_private_people(case: Any, words: str, where: str) -> None:
    for p in case.family.people():
        if not p.private:
            continue
        for name in {p.known_as, p.given.split()[0] if p.given.strip() else ""} - {""}:
            if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", words):
                raise BookletError(f"the booklet may not name {name}, who is marked private "
                                   f"(on the page “{where}”): change the words, or the privacy mark")


def _agreed(words: Any) -> str:
    return f"“{words.hard}” means {words.plain}"


def leaves(case: Any, story: Any) -> list[Leaf]:
    """The child's pages in reading order: the cover, one page per idea, agreed words."""
    name = _child_name(case, story.child)
    out: list[Leaf] = []
    title_page = next((p for p in story.pages if p.section == "title"), None)
    authors = ", ".join(story.authors[:-1]) + (" and " if len(story.authors) > 1 else "") + \
        (story.authors[-1] if story.authors else "")
    cover_words = title_page.text.strip() if title_page and title_page.text.strip() else ""
    cover_words = cover_words or (f"Made for {name} by {authors}." if authors else f"A story for {name}.")
    cover_pic = _picture(case, title_page) if title_page else "pictogram:star"
    out.append(Leaf(story.title or f"{name}’s story", cover_words, cover_pic, "cover"))
    words_done = False
    for page in story.pages:
        if page.section == "title":
            continue
        heading = page_heading(page, story)
        text = page.text.strip()
        if page.section == "agreed_words" and story.agreed_words:
            text = "\n".join([text] * bool(text) + [_agreed(a) for a in story.agreed_words])
            words_done = True
        if not text:
            continue
        _no_private_people(case, text, heading)
        out.append(Leaf(heading, text, _picture(case, page)))
    if story.agreed_words and not words_done:
        out.append(Leaf("Words we agreed", "\n".join(_agreed(a) for a in story.agreed_words),
                        "pictogram:speech", "words"))
    return out


def _colours(n: int) -> tuple[str, str]:
    return _COLOURS[n % len(_COLOURS)]


def _fit_words(leaf: Leaf, w: float, h: float, where: int) -> tuple[list[Any], float]:
    for size in BODY_SIZES:
        paras = [P.para(line, size, leading=1.3) for line in leaf.text.split("\n") if line.strip()]
        used = sum(p.wrap(w, 10_000)[1] for p in paras) + size * 0.6 * (len(paras) - 1)
        if used <= h:
            return paras, size
    raise BookletError(f"page {where} (“{leaf.heading}”) has too many words to print at {MIN_SIZE:g} pt; "
                       "split it into two pages or say it more shortly")


def _draw_paras(c: Canvas, paras: list[Any], x: float, top: float, w: float, size: float) -> float:
    y = top
    for p in paras:
        _, ph = p.wrap(w, 10_000)
        p.drawOn(c, x, y - ph)
        y -= ph + size * 0.6
    return top - y


def _page(c: Canvas, case: Any, leaf: Leaf, n: int, x0: float, y0: float, w: float, h: float,
          name: str) -> tuple[float, bool]:
    """Draw one booklet page in the box (x0, y0, w, h); returns the body size and whether a
    pictogram was drawn (so the licence line goes on this page)."""
    portrait = h > w
    m = min(w, h) * 0.07
    band, ink = _colours(n)
    P.paper(c, w, h, P.PAPER, x0, y0)
    c.setStrokeColor(D.colour(ink))
    c.setLineWidth(3)
    c.roundRect(x0 + m / 2, y0 + m / 2, w - m, h - m, 18, stroke=1, fill=0)
    pictogram = leaf.picture is not None and leaf.picture.startswith("pictogram:")
    if leaf.kind == "blank":
        return 0.0, False
    if leaf.kind in ("cover", "end"):
        title_size = P.fit_line(leaf.heading, 52 if not portrait else 40, w - 2.4 * m, "bold", 28)
        P.text(c, x0 + w / 2, y0 + h - m - title_size * 1.1, leaf.heading, title_size, "bold", P.TITLE, "middle")
        pic = min(w * 0.5, h * 0.46)
        pic_top = y0 + h - m - title_size * 1.6
        c.setFillColor(D.colour(band))
        c.roundRect(x0 + (w - pic) / 2 - 12, pic_top - pic - 12, pic + 24, pic + 24, 24, stroke=0, fill=1)
        if leaf.picture:
            P.draw_picture(c, case, leaf.picture, x0 + (w - pic) / 2, pic_top - pic, pic, pic)
        room = pic_top - pic - 24 - (y0 + m * 1.2)
        paras, size = _fit_words(leaf, w - 2.6 * m, room, n + 1)
        for p in paras:
            p.style.alignment = 1
        _draw_paras(c, paras, x0 + 1.3 * m, pic_top - pic - 30, w - 2.6 * m, size)
        return size, pictogram
    head_w = w - 2 * m - 40
    head = P.fit_line(leaf.heading, 40 if not portrait else 32, head_w, "bold", 26)
    heading = P.para(leaf.heading, head, ink, bold=True, leading=1.15)
    head_h = heading.wrap(head_w, 10_000)[1]  # two lines if it cannot fit one at 26 pt
    band_h = head_h + head * 0.6
    top = y0 + h - m
    c.setFillColor(D.colour(band))
    c.roundRect(x0 + m, top - band_h, w - 2 * m, band_h, min(band_h, head * 1.7) / 2.4, stroke=0, fill=1)
    heading.drawOn(c, x0 + m + 20, top - band_h + (band_h - head_h) / 2 + head * 0.08)
    inner_top = top - band_h - m * 0.5
    bottom = y0 + m * 1.3
    if portrait:  # the picture gives way (down to a third) before the words go under 20 pt
        for share in (0.5, 0.42, 0.34):
            pic = min(w - 2.4 * m, (inner_top - bottom) * share)
            try:
                _fit_words(leaf, w - 2.4 * m, inner_top - pic - m * 0.5 - bottom, n + 1)
                break
            except BookletError:
                continue
        if leaf.picture:
            P.draw_picture(c, case, leaf.picture, x0 + (w - pic) / 2, inner_top - pic, pic, pic)
        tx, tw, ttop, th = x0 + 1.2 * m, w - 2.4 * m, inner_top - pic - m * 0.5, inner_top - pic - m * 0.5 - bottom
    else:
        pic = min(w * 0.42, inner_top - bottom)
        if leaf.picture:
            P.draw_picture(c, case, leaf.picture, x0 + m * 1.2, inner_top - (inner_top - bottom + pic) / 2, pic, pic)
        tx = x0 + m * 1.2 + pic + m
        tw, th = x0 + w - m * 1.2 - tx, inner_top - bottom
        ttop = inner_top
    paras, size = _fit_words(leaf, tw, th, n + 1)
    used = sum(p.wrap(tw, 10_000)[1] for p in paras) + size * 0.6 * (len(paras) - 1)
    _draw_paras(c, paras, tx, ttop - max(0.0, (th - used) / 2) if not portrait else ttop, tw, size)
    P.text(c, x0 + w - m * 1.1, y0 + m * 0.75, str(n + 1), 16, "bold", ink, "end")
    return size, pictogram


def _imposed(count: int) -> list[tuple[int, int]]:
    """Folded-booklet order: for each printed side, the (left, right) page numbers (0-based)."""
    n = count + (-count) % 4
    sides = []
    for s in range(n // 4):
        sides.append((n - 1 - 2 * s, 2 * s))
        sides.append((2 * s + 1, n - 2 - 2 * s))
    return sides


def booklet(case: Any, story: Any, layout: str = "a4", reader: str | None = None) -> Booklet:
    """Print `story` as a booklet; BookletError (nothing written) if a page cannot be printed."""
    if layout not in LAYOUTS:
        raise BookletError(f"the booklet is printed as {' or '.join(LAYOUTS)}, not {layout!r}")
    require_reader(story, reader, case, "this story")
    if story.child is None or not case.family.has_person(story.child):
        raise BookletError("the story is not for a child in this case; choose whose story it is")
    name = _child_name(case, story.child)
    pages = leaves(case, story)
    title = story.title or f"{name}’s story"
    sizes: list[float] = []
    if layout == "a4":
        size = landscape(A4)
        buf, c = P.new_canvas(size, title)
        for n, leaf in enumerate(pages):
            used, picto = _page(c, case, leaf, n, 0, 0, size[0], size[1], name)
            sizes.append(used)
            if picto:
                P.attribution(c, size[0] * 0.05, size[1] * 0.035 / 1.5)
            c.showPage()
        sides = len(pages)
    else:
        sheet = landscape(A4)
        half = A5  # portrait A5 is exactly half of A4 landscape
        pages.append(Leaf("", f"This book belongs to {name}.", "pictogram:star", "end"))
        while len(pages) % 4:
            pages.insert(-1, Leaf("", "", None, "blank"))
        buf, c = P.new_canvas(sheet, title)
        drawn: dict[int, float] = {}
        order = _imposed(len(pages))
        for left, right in order:
            picto = False
            for k, idx in enumerate((left, right)):
                used, used_picto = _page(c, case, pages[idx], idx, k * half[0], 0, half[0], half[1], name)
                drawn[idx] = used
                picto |= used_picto
            c.setStrokeColor(D.colour("#d9c7b0"))
            c.setDash([4, 6])
            c.setLineWidth(0.6)
            c.line(half[0], 8, half[0], half[1] - 8)  # the fold
            c.setDash([])
            if picto:
                P.attribution(c, 20, 6, 6.5)
            c.showPage()
        sizes = [drawn[i] for i in range(len(pages))]
        sides = len(order)
    c.save()
    ages = tuple(page_reading_ages(story))
    return Booklet(buf.getvalue(), len(pages), sides, ages, tuple(sizes))


def export_for_cli(case: Any, fmt: str, options: dict[str, object]) -> bytes:
    """`genogram export --what words-pictures --format pdf [--child ID] [--for NAME]`."""
    if fmt != "pdf":
        raise ValueError(f"the words-and-pictures booklet is printed as pdf, not {fmt!r}")
    story = story_for(case, P.option_child(case, options))
    layout = str(options.get("booklet") or options.get("layout") or "a4").lower()
    return booklet(case, story, layout, P.option_reader(options)).pdf
