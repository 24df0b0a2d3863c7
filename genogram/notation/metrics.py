"""Sizes the layout needs before anything is drawn: symbol sizes and label boxes.

Measured with the bundled TrueType fonts (Andika, DejaVu Sans fallback, run by run) through
reportlab's pure-Python metrics, so the layout, the PDF, the PNG and the canvas agree.
"""
from __future__ import annotations

from functools import lru_cache

from ..model import Case, PersonKind

SYMBOL = 36.0  # a person's square, circle or diamond, in points
LOSS_SYMBOL = 18.0  # miscarriage, termination, stillbirth, pregnancy
LABEL_FONT = "regular"  # a font role of genogram.export.fonts
LABEL_SIZE = 9.0
LABEL_LEADING = 11.0
LABEL_GAP = 4.0  # between the symbol and its first label line
LABEL_MAX_WIDTH = 84.0


@lru_cache(maxsize=4096)
def text_width(text: str, size: float = LABEL_SIZE, font: str = LABEL_FONT) -> float:
    """Width in points; `font` is a role ("regular" or "bold"), set in the bundled faces."""
    from ..export.fonts import text_width as _width

    return _width(text, size, "bold" if font == "bold" else "regular")


def wrap(text: str, max_width: float = LABEL_MAX_WIDTH, size: float = LABEL_SIZE) -> list[str]:
    """Greedy word wrap to `max_width`, at most two lines (the second ends with … if cut)."""
    words = text.split()
    lines: list[str] = []
    cur = ""
    for w in words:
        trial = f"{cur} {w}".strip()
        if cur and text_width(trial, size) > max_width:
            lines.append(cur)
            cur = w
        else:
            cur = trial
    if cur:
        lines.append(cur)
    if len(lines) > 2:
        second = " ".join(lines[1:])
        while second and text_width(second + "…", size) > max_width:
            second = second[:-1]
        lines = [lines[0], second.rstrip() + "…"]
    return lines


def label_lines(case: Case, pid: str) -> list[str]:
    """The text under a symbol: the name (up to two lines) and the years."""
    p = case.family.person(pid)
    lines = wrap(p.display_name) if p.kind is PersonKind.PERSON or p.given else []
    years = years_label(case, pid)
    if years:
        lines.append(years)
    return lines


def years_label(case: Case, pid: str) -> str:
    p = case.family.person(pid)
    if p.born and p.died:
        return f"{p.born.label() if p.born.approx else p.born.year}–{p.died.year}"
    if p.born and p.kind is PersonKind.PERSON:
        return f"b. {p.born.label() if p.born.approx else p.born.year}"
    if p.died:
        return f"d. {p.died.year}"
    return ""


def symbol_size(case: Case, pid: str) -> float:
    return SYMBOL if case.family.person(pid).kind is PersonKind.PERSON else LOSS_SYMBOL


def person_box_size(case: Case, pid: str) -> tuple[float, float]:
    """Width and height of a person's symbol plus label, the unit the layout keeps apart."""
    size = symbol_size(case, pid)
    lines = label_lines(case, pid)
    width = max([size] + [text_width(t) for t in lines])
    height = size + (LABEL_GAP + LABEL_LEADING * len(lines) if lines else 0.0)
    return width, height
