"""Invented demo families: something real-looking to teach with and try Kinscape on, with no real data.

Each demo is a bare case.json in `resources/demo/` (read through importlib.resources, so it
ships in the wheel); its file name is the demo's name, and the first line of its meta note is
the one-line description shown by `genogram demo --list`.
"""
from __future__ import annotations

import json
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from .model import Case, case_from_dict

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

DEFAULT_DEMO = "rivers"
_SUFFIX = ".json"


def _folder() -> Traversable:
    return files("resources") / "demo"


def _names() -> list[str]:
    """The demos' names: the default first, then the others alphabetically."""
    found = sorted(entry.name[: -len(_SUFFIX)] for entry in _folder().iterdir()
                   if entry.name.endswith(_SUFFIX) and entry.is_file())
    return sorted(found, key=lambda n: (n != DEFAULT_DEMO, n))


def _read(name: str) -> Any:
    known = _names()
    wanted = name.strip().lower()
    if wanted not in known:
        raise ValueError(f'there is no demo family called "{name}"; the demos are: '
                         + ", ".join(known))
    return json.loads((_folder() / f"{wanted}{_SUFFIX}").read_text(encoding="utf-8"))


def list_demos() -> list[tuple[str, str]]:
    """Each demo's name and a one-line description, the default first."""
    out = []
    for name in _names():
        meta = _read(name).get("meta", {})
        title, note = str(meta.get("title", name)), str(meta.get("note", "")).strip()
        first_line = note.splitlines()[0] if note else ""
        out.append((name, f"{title}: {first_line}" if first_line else title))
    return out


def load_demo(name: str = DEFAULT_DEMO) -> Case:
    """A fresh, independent copy of the demo case `name` (ValueError names the known demos)."""
    return case_from_dict(_read(name))
