"""The language-that-cares glossary: sourced word pairs read from a TSV that people can edit.

The data lives in `resources/glossary/language-that-cares.tsv` (columns documented in
`resources/glossary/SOURCES.md`) so that a council can add its own words without touching code.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

KINDS = ("care", "blaming", "jargon", "acronym", "plain-english", "preferred")
FORMS = ("noun", "verb", "exact")
COLUMNS = ("term", "kind", "suggestions", "reason", "source")


class GlossaryError(ValueError):
    """A glossary file that cannot be used, said in one sentence with the line number."""


@dataclass(frozen=True)
class Entry:
    term: str
    kind: str
    suggestions: tuple[str, ...]
    reason: str
    source: str
    forms: str = "noun"
    # other senses of the word, as (words before, words after) it: "eye _" -> ("eye", "")
    unless: tuple[tuple[str, str], ...] = ()


def parse_glossary(text: str, where: str = "glossary") -> tuple[Entry, ...]:
    """Read glossary TSV text; a bad row raises GlossaryError naming the line."""
    rows = list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or tuple(c.strip().lower() for c in rows[0][:5]) != COLUMNS:
        raise GlossaryError(f"{where}: the first line must be the header {' / '.join(COLUMNS)}")
    entries: list[Entry] = []
    seen: set[str] = set()
    for number, row in enumerate(rows[1:], start=2):
        if not row or not "".join(row).strip() or row[0].startswith("#"):
            continue
        if len(row) < 5:
            raise GlossaryError(f"{where} line {number}: expected at least 5 columns, found {len(row)}")
        term, kind, suggestions, reason, source = (c.strip() for c in row[:5])
        forms = row[5].strip() if len(row) > 5 and row[5].strip() else "noun"
        unless = []
        for pattern in (row[6].split("|") if len(row) > 6 else []):
            if not pattern.strip():
                continue
            if pattern.count("_") != 1:
                raise GlossaryError(f"{where} line {number}: unless pattern {pattern!r} needs "
                                    "exactly one _ standing for the term")
            before, after = (" ".join(part.lower().split()) for part in pattern.split("_"))
            unless.append((before, after))
        if not term:
            raise GlossaryError(f"{where} line {number}: the term is empty")
        if kind not in KINDS:
            raise GlossaryError(f"{where} line {number}: kind {kind!r} is not one of {', '.join(KINDS)}")
        if forms not in FORMS:
            raise GlossaryError(f"{where} line {number}: forms {forms!r} is not one of {', '.join(FORMS)}")
        if not source:
            raise GlossaryError(f"{where} line {number}: {term!r} has no source")
        key = term.lower()
        if key in seen:
            raise GlossaryError(f"{where} line {number}: {term!r} appears twice")
        seen.add(key)
        options = tuple(s.strip() for s in suggestions.split("|") if s.strip())
        entries.append(Entry(term, kind, options, reason, source, forms, tuple(unless)))
    return tuple(entries)


@lru_cache(maxsize=1)
def default_glossary() -> tuple[Entry, ...]:
    """The bundled glossary (read once)."""
    res = files("resources") / "glossary" / "language-that-cares.tsv"
    return parse_glossary(res.read_text(encoding="utf-8"), "language-that-cares.tsv")


def load_glossary(path: str | Path) -> tuple[Entry, ...]:
    """A glossary from a file, for a council's own list."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GlossaryError(f"cannot read {p}: {exc}") from exc
    return parse_glossary(text, p.name)
