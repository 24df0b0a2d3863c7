"""The layout as plain JSON for tools (`genogram layout CASE --json`): unit points, y down."""
from __future__ import annotations

from typing import Any

from ..model import Case
from .types import GenogramLayout


def _r(v: float) -> float:
    return round(v, 2)


def layout_json(case: Case, layout: GenogramLayout) -> dict[str, Any]:
    """x, y are the top-left of each person's symbol-and-label box; `ref` is the GEDCOM id or null."""
    fam = case.family
    people = []
    for pid, place in layout.people.items():
        p = fam.person(pid)
        b = place.box
        people.append({"id": pid, "ref": p.ref, "name": p.display_name, "x": _r(b.x), "y": _r(b.y),
                       "width": _r(b.width), "height": _r(b.height),
                       "generation": place.generation})
    unions = []
    for uid, up in layout.unions.items():
        u = fam.union(uid)
        unions.append({"id": uid, "kind": u.kind.value, "partners": list(u.partners),
                       "children": list(up.children)})
    drawn = layout.people
    bonds = [{"id": b.id, "a": b.a, "b": b.b, "kind": b.kind.value, "directed": b.directed}
             for b in fam.bonds() if b.a in drawn and b.b in drawn]
    return {"unit": "pt", "people": people, "unions": unions, "bonds": bonds,
            "bounds": {"width": _r(layout.width), "height": _r(layout.height)}}
