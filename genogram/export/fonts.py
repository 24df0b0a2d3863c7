"""The bundled fonts, registered once, and text split run by run into the face that has it.

reportlab has no glyph fallback, so names are set in SIL Andika (legible, designed for
literacy) and any word Andika cannot set falls back to DejaVu Sans (which covers Greek,
Cyrillic, Vietnamese…). A word is kept in one face where possible, so a Greek name is not
set half in one face and half in another (Andika has a few Greek letters for phonetics).
Layout, PDF, PNG and SVG all measure with these same files.
"""
from __future__ import annotations

import io
import re
from functools import cache, lru_cache
from importlib.resources import files

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

#: The faces for each role, primary first, fallback last.
FACES: dict[str, tuple[str, ...]] = {
    "regular": ("Andika", "DejaVuSans"),
    "bold": ("Andika-Bold", "DejaVuSans-Bold"),
}
FILES: dict[str, str] = {
    "Andika": "Andika-Regular.ttf",
    "Andika-Bold": "Andika-Bold.ttf",
    "DejaVuSans": "DejaVuSans.ttf",
    "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
}
#: Family names (for SVG and Qt), in fallback order.
FAMILIES: tuple[str, ...] = ("Andika", "DejaVu Sans")

_WORDS = re.compile(r"\s+|\S+")


def font_bytes(face: str) -> bytes:
    """The TrueType file of a bundled face, read from the installed package."""
    return (files("resources") / "fonts" / FILES[face]).read_bytes()


@cache
def _ttfont(face: str) -> TTFont:
    return TTFont(face, io.BytesIO(font_bytes(face)))


@cache
def register() -> tuple[str, ...]:
    """Register every bundled face with reportlab (once); returns the face names."""
    for face in FILES:
        if face not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(_ttfont(face))
    pdfmetrics.registerFontFamily("Andika", normal="Andika", bold="Andika-Bold")
    pdfmetrics.registerFontFamily("DejaVuSans", normal="DejaVuSans", bold="DejaVuSans-Bold")
    return tuple(FILES)


@cache
def _cmap(face: str) -> frozenset[int]:
    return frozenset(cp for cp, gid in _ttfont(face).face.charToGlyph.items() if gid)


def has_char(face: str, ch: str) -> bool:
    return ord(ch) in _cmap(face) or ch.isspace()


def _face_for(word: str, role: str) -> str | None:
    for face in FACES[role]:
        if all(has_char(face, c) for c in word):
            return face
    return None


@lru_cache(maxsize=4096)
def runs(text: str, role: str = "regular") -> tuple[tuple[str, str], ...]:
    """The text as (face, piece) runs: each word in the first face that has all its letters.

    A word no single face covers is split letter by letter. Characters no face has stay in
    the last face (they print as its "missing" box, which is at least visible).
    """
    faces = FACES[role]
    pieces: list[tuple[str, str]] = []
    for token in _WORDS.findall(text):
        face = faces[0] if token.isspace() else _face_for(token, role)
        if face is not None:
            pieces.append((face, token))
            continue
        for ch in token:
            pieces.append((next((f for f in faces if has_char(f, ch)), faces[-1]), ch))
    merged: list[tuple[str, str]] = []
    for face, piece in pieces:
        if merged and merged[-1][0] == face:
            merged[-1] = (face, merged[-1][1] + piece)
        elif piece.isspace() and merged:
            merged[-1] = (merged[-1][0], merged[-1][1] + piece)
        else:
            merged.append((face, piece))
    return tuple(merged)


def run_width(face: str, piece: str, size: float) -> float:
    return float(_ttfont(face).stringWidth(piece, size))


@lru_cache(maxsize=8192)
def text_width(text: str, size: float, role: str = "regular") -> float:
    """The advance width of `text` set run by run in the bundled faces, in points."""
    return float(sum(run_width(face, piece, size) for face, piece in runs(text, role)))
