"""Typed errors for impossible structure, and warnings for questionable facts.

Errors stop an edit before it touches the model; warnings are facts the UI shows but allows
(a child recorded as born before a parent is usually a typing slip, not an impossibility).
"""
from __future__ import annotations

from dataclasses import dataclass


class ModelError(ValueError):
    """Base of every error the model raises for an edit it refuses."""


class UnknownIdError(ModelError, KeyError):
    """An edit names something the case does not hold."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else "unknown id"


class UnknownPersonError(UnknownIdError):
    pass


class UnknownUnionError(UnknownIdError):
    pass


class DuplicateIdError(ModelError):
    pass


class CycleError(ModelError):
    """The edit would make someone their own ancestor (or the child of their own child)."""


class UnionError(ModelError):
    """A partnership that cannot exist: one person, the same person twice, a pregnancy as partner."""


class ChildLinkError(ModelError):
    pass


@dataclass(frozen=True)
class ModelWarning:
    """A questionable fact: shown to the user, never refused."""

    code: str
    message: str
    ids: tuple[str, ...] = ()
