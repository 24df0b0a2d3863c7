"""The user's nudges, applied after the automatic layout: the moved person stays where the user
put them and neighbours on the row step aside, so nothing ever overlaps.
"""
from __future__ import annotations

from collections.abc import Mapping

from ..model.family import id_order
from .types import Box, PersonPlace

PUSH_GAP = 8.0


def apply_nudges(places: dict[str, PersonPlace], rows: list[list[str]],
                 nudges: Mapping[str, tuple[float, float]]) -> dict[str, PersonPlace]:
    moved = {pid: d for pid, d in nudges.items() if pid in places and (d[0] or d[1])}
    if not moved:
        return places
    out = dict(places)
    fixed: list[str] = []
    for pid in sorted(moved, key=id_order):  # two nudged people never overlap either
        dx, dy = moved[pid]
        p = _moved(out[pid], dx, dy)
        for _ in range(len(fixed) + 1):
            clash = next((q for q in fixed if _hits(p.box, out[q].box)), None)
            if clash is None:
                break
            p = _moved(p, out[clash].box.right + PUSH_GAP - p.box.x, 0.0)
        out[pid] = p
        fixed.append(pid)
    fixed_set = set(fixed)
    for row in rows:
        pushable = [m for m in row if m not in fixed_set]
        if not pushable:
            continue
        top = min(out[m].box.y for m in pushable)
        bottom = max(out[m].box.bottom for m in pushable)
        walls = [q for q in fixed if out[q].box.y < bottom and out[q].box.bottom > top]
        if walls:
            _clear_row(out, pushable, walls)
    return out


def _moved(p: PersonPlace, dx: float, dy: float) -> PersonPlace:
    b = p.box
    return PersonPlace(p.id, p.generation, p.cx + dx, p.cy + dy, p.size,
                       Box(b.x + dx, b.y + dy, b.width, b.height))


def _hits(a: Box, b: Box, gap: float = 0.0) -> bool:
    return (a.x < b.right + gap and b.x < a.right + gap
            and a.y < b.bottom and b.y < a.bottom)


def _clear_row(out: dict[str, PersonPlace], pushable: list[str], walls: list[str]) -> None:
    """Push the row's people away from the walls (nudged people), keeping their order."""
    wall_boxes = [out[w].box for w in walls]
    for _ in range(8):
        changed = False
        # left of a wall's centre: step left; right of it: step right; neighbours cascade
        items = sorted(pushable, key=lambda m: out[m].cx)
        for i, m in enumerate(items):  # rightward sweep
            b = out[m].box
            need = b.x
            for w in wall_boxes:
                if _hits(b, w, PUSH_GAP) and out[m].cx >= w.x + w.width / 2:
                    need = max(need, w.right + PUSH_GAP)
            if i:
                need = max(need, out[items[i - 1]].box.right + PUSH_GAP)
            if need > b.x + 1e-9:
                out[m] = _moved(out[m], need - b.x, 0.0)
                changed = True
        for i in range(len(items) - 1, -1, -1):  # leftward sweep
            m = items[i]
            b = out[m].box
            need = b.right
            for w in wall_boxes:
                if _hits(b, w, PUSH_GAP) and out[m].cx < w.x + w.width / 2:
                    need = min(need, w.x - PUSH_GAP)
            if i + 1 < len(items):
                need = min(need, out[items[i + 1]].box.x - PUSH_GAP)
            if need < b.right - 1e-9:
                out[m] = _moved(out[m], need - b.right, 0.0)
                changed = True
        if not changed:
            return
    # Squeezed between walls: as a last resort, move the rest right past every wall.
    items = sorted(pushable, key=lambda m: out[m].cx)
    edge = -float("inf")
    for m in items:
        b = out[m].box
        x = max(b.x, edge)
        for _ in range(len(wall_boxes) + 1):
            trial = Box(x, b.y, b.width, b.height)
            hit = [w for w in wall_boxes if _hits(trial, w, PUSH_GAP)]
            if not hit:
                break
            x = max(w.right for w in hit) + PUSH_GAP
        if x != b.x:
            out[m] = _moved(out[m], x - b.x, 0.0)
        edge = out[m].box.right + PUSH_GAP
