"""Change notices in plain Python, so the core stays free of Qt.

Every primitive change publishes one `Change`; the canvas and the panels follow them and
update only what changed.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

Action = Literal["added", "changed", "removed"]


@dataclass(frozen=True)
class Change:
    collection: str  # people, unions, child_links, bonds, households, birth_groups, meta, hints, …
    action: Action
    id: str | None = None


Listener = Callable[[Change], None]


class Events:
    """A minimal observer: listeners are called in the order they connected."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._muted = 0

    def connect(self, listener: Listener) -> None:
        if listener not in self._listeners:
            self._listeners.append(listener)

    def disconnect(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def emit(self, change: Change) -> None:
        if self._muted:
            return
        for listener in list(self._listeners):
            listener(change)
