"""Typed containers for plans, direct work and the chronology.

The foundation saves and loads them; the plans and direct-work features fill them in. Each is a
frozen record with an `id`, kept in a named collection of the case.
"""
from __future__ import annotations

from dataclasses import dataclass

from .dates import FuzzyDate
from .entities import PersonId


@dataclass(frozen=True)
class PlanItem:
    """A worry, strength, outcome or action; `child_text` is the child-friendly wording."""

    id: str
    section: str
    text: str = ""
    child_text: str = ""
    who: str = ""
    when: str = ""
    private: bool = False


@dataclass(frozen=True)
class Plan:
    id: str
    plan_type: str = "child_in_need"
    title: str = ""
    child: PersonId | None = None
    status: str = "draft"
    started: FuzzyDate | None = None
    review: FuzzyDate | None = None
    items: tuple[PlanItem, ...] = ()
    child_view: str = ""
    parents_view: str = ""
    parents_agree: bool | None = None


@dataclass(frozen=True)
class HouseEntry:
    """Words the child said, kept exactly; `house` is worries, good things or dreams."""

    house: str
    words: str
    written_by: str = ""
    drawing: str | None = None
    private: bool = False


@dataclass(frozen=True)
class ThreeHouses:
    id: str
    child: PersonId | None = None
    theme: str = "houses"
    date: FuzzyDate | None = None
    entries: tuple[HouseEntry, ...] = ()
    first_house: str = ""
    read_back: bool = False
    consent: tuple[str, ...] = ()  # who the child said may see it
    refused: tuple[str, ...] = ()  # who the child said may not


@dataclass(frozen=True)
class SafetyStatement:
    id: str
    kind: str  # harm, danger, worry, complicating, strength, safety, goal, next_step
    text: str
    who: str = ""
    when: str = ""
    pairs_with: str | None = None


@dataclass(frozen=True)
class ScaleRating:
    who: str
    date: FuzzyDate
    score: int


@dataclass(frozen=True)
class SafetyMap:
    id: str
    child: PersonId | None = None
    title: str = "Safety map"
    statements: tuple[SafetyStatement, ...] = ()
    ratings: tuple[ScaleRating, ...] = ()


@dataclass(frozen=True)
class StoryPage:
    section: str
    text: str = ""
    picture: str | None = None


@dataclass(frozen=True)
class Story:
    """A words-and-pictures explanation (Turnell and Essex)."""

    id: str
    child: PersonId | None = None
    title: str = ""
    status: str = "draft"
    authors: tuple[str, ...] = ()
    pages: tuple[StoryPage, ...] = ()


@dataclass(frozen=True)
class ChronologyEvent:
    id: str
    date: FuzzyDate | None = None
    title: str = ""
    source: str = ""
    significance: str = ""
    family_view: str = ""
    people: tuple[PersonId, ...] = ()
    private: bool = False
