"""The ecomap palette: the usual systems, their categories and category colours.

The data lives in `resources/ecomap/systems.json` so a service can add its own local systems
without touching code. Anything a practitioner types that is not in the palette is category
"other"; an unknown category still gets a colour (the "other" grey), never an error.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib.resources import files

OTHER = "other"


class PaletteError(ValueError):
    """The palette file is missing something the ecomap needs."""


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    colour: str  # "#RRGGBB", a pale fill that dark text reads well on


@dataclass(frozen=True)
class SystemKind:
    """One system of the palette, e.g. School (education), with its pictogram keyword."""

    key: str
    name: str
    category: str
    picture: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Palette:
    categories: tuple[Category, ...]
    systems: tuple[SystemKind, ...]
    text_colour: str

    def category(self, key: str) -> Category:
        """The category `key`, or "other" for anything unknown (typed in, or from an older file)."""
        for c in self.categories:
            if c.key == key:
                return c
        return self.category(OTHER) if key != OTHER else Category(OTHER, "Other", "#DDDDDD")

    def colour(self, category: str) -> str:
        return self.category(category).colour

    def order(self, category: str) -> int:
        """Where a category's sector sits around the centre; unknown ones go just before "other"."""
        keys = [c.key for c in self.categories]
        if category in keys:
            return keys.index(category)
        return keys.index(OTHER) if OTHER in keys else len(keys)

    def find(self, name: str) -> SystemKind | None:
        """The palette system a typed name means ("gp", "Doctor" → GP), or None."""
        return self._names.get(_norm(name))

    @cached_property
    def _names(self) -> dict[str, SystemKind]:
        table: dict[str, SystemKind] = {}
        for s in self.systems:
            for n in (s.name, s.key, *s.aliases):
                table.setdefault(_norm(n), s)
        return table

    def category_for(self, name: str) -> str:
        """The category of a typed name: the palette's when known, else "other"."""
        kind = self.find(name)
        return kind.category if kind else OTHER


def _norm(text: str) -> str:
    return " ".join(text.replace("_", " ").replace("’", "'").lower().split())


@lru_cache(maxsize=1)
def load_palette() -> Palette:
    """Read the bundled palette once (it is data, shipped in the wheel)."""
    raw = json.loads(files("resources").joinpath("ecomap", "systems.json").read_text("utf-8"))
    return palette_from_dict(raw)


def palette_from_dict(raw: dict[str, object]) -> Palette:
    """Build a palette from its JSON form, saying in one sentence what is wrong if anything is."""
    try:
        cats = tuple(Category(str(c["key"]), str(c["label"]), str(c["colour"]))
                     for c in raw["categories"])  # type: ignore[attr-defined]
        systems = tuple(
            SystemKind(str(s["key"]), str(s["name"]), str(s["category"]), str(s["picture"]),
                       tuple(str(a) for a in s.get("aliases", ())))
            for s in raw["systems"])  # type: ignore[attr-defined]
    except (KeyError, TypeError) as exc:
        raise PaletteError(f"the ecomap palette is missing {exc}") from None
    keys = {c.key for c in cats}
    if OTHER not in keys:
        raise PaletteError('the ecomap palette needs an "other" category')
    for c in cats:
        if len(c.colour) != 7 or not c.colour.startswith("#"):
            raise PaletteError(f"category {c.key!r} has colour {c.colour!r}, not #RRGGBB")
    for s in systems:
        if s.category not in keys:
            raise PaletteError(f"system {s.name!r} names an unknown category {s.category!r}")
    return Palette(cats, systems, str(raw.get("text_colour", "#1F1F1F")))
