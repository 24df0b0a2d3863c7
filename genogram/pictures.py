"""Pictures beside ideas: bundled OpenMoji pictograms picked by keyword.

A picture reference is a string: "pictogram:KEYWORD" (bundled, CC BY-SA 4.0, attributed on
every page that shows one), "media:NAME" (a file in the case, such as a child's drawing) or
"genogram:ID,ID" (a piece of the family's genogram). Suggestions are plain keyword matching,
explainable and always changeable by the practitioner.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

_ROOT = files("resources") / "pictograms"
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)
REF_KINDS = ("pictogram", "media", "genogram")


class PictureError(ValueError):
    """A picture reference that names nothing we have."""


@dataclass(frozen=True)
class Pictogram:
    keyword: str
    code: str  # the OpenMoji file name (Unicode code points)
    words: tuple[str, ...]


@lru_cache(maxsize=1)
def _index() -> dict[str, Any]:
    return json.loads((_ROOT / "keywords.json").read_text(encoding="utf-8"))


def attribution() -> str:
    """The line printed on every page that shows a bundled pictogram."""
    return str(_index()["attribution"])


@lru_cache(maxsize=1)
def pictograms() -> dict[str, Pictogram]:
    return {k: Pictogram(k, v["code"], tuple(v["words"])) for k, v in
            _index()["pictograms"].items()}


@lru_cache(maxsize=1)
def _lookup() -> dict[str, str]:
    """Every word (keyword or synonym, and their simple stems) to its keyword."""
    table: dict[str, str] = {}
    for p in pictograms().values():
        for word in (p.keyword, *p.words):
            for form in {word, _stem(word)}:
                table.setdefault(form, p.keyword)
    return table


def _stem(word: str) -> str:
    w = word.lower()
    for suffix in ("ing", "ies", "es", "ed", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            base = w[: -len(suffix)]
            return base + "y" if suffix == "ies" else base
    return w


def suggest(text: str, limit: int = 3) -> list[str]:
    """Keywords for the words of `text`, in the order they appear (phrases first)."""
    table = _lookup()
    words = [w.lower() for w in _WORD.findall(text)]
    found: list[str] = []
    for i, w in enumerate(words):
        pair = f"{w} {words[i + 1]}" if i + 1 < len(words) else ""
        for candidate in (pair, w, _stem(w)):
            keyword = table.get(candidate) if candidate else None
            if keyword and keyword not in found:
                found.append(keyword)
                break
        if len(found) >= limit:
            break
    return found


def svg_bytes(keyword: str) -> bytes:
    p = pictograms().get(keyword)
    if p is None:
        raise PictureError(f"there is no picture called {keyword!r}")
    return (_ROOT / "openmoji" / f"{p.code}.svg").read_bytes()


def parse_ref(ref: str) -> tuple[str, str]:
    """Split "kind:value" and check the kind; the value is not looked up here."""
    kind, sep, value = ref.partition(":")
    if not sep or kind not in REF_KINDS or not value.strip():
        raise PictureError(f"{ref!r} is not a picture reference (pictogram:, media: or genogram:)")
    return kind, value.strip()


def drawing(keyword: str, size: float) -> Any:
    """A pictogram as a reportlab Drawing `size` points square (vector, for PDFs)."""
    import io

    from svglib.svglib import svg2rlg

    d = svg2rlg(io.BytesIO(svg_bytes(keyword)))
    if d is None:  # pragma: no cover - bundled files are checked by the tests
        raise PictureError(f"the picture {keyword!r} could not be read")
    scale = size / max(d.width, d.height)
    d.scale(scale, scale)
    d.width, d.height = d.width * scale, d.height * scale
    return d
