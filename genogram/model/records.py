"""Typed containers for plans, direct work, "my important people" and the chronology.

Each is a frozen record with an `id`, kept in a named collection of the case. Pictures are
named by a string: "pictogram:KEYWORD" (a bundled pictogram), "media:NAME" (a file in the
case's media, such as a child's drawing) or "genogram:ID,ID" (a piece of the genogram).
"""
from __future__ import annotations

from dataclasses import dataclass

from .dates import FuzzyDate
from .entities import PersonId

# The order a words-and-pictures story moves through; it never skips or goes back silently.
STORY_STATUSES = ("draft", "parents_reviewed", "read_to_child", "shared_with_network")
PLAN_SECTIONS = ("worry", "working_well", "outcome", "action", "contingency")
SAFETY_KINDS = ("harm", "danger", "worry", "complicating", "strength", "safety", "goal",
                "next_step")


@dataclass(frozen=True)
class PlanItem:
    """A worry, something working well, an outcome, an action or a contingency.

    `child_text` is the child-friendly wording (drafted from `text`, always editable).
    An outcome carries `baseline` and `measure` ("how we will know"); an action carries
    who (a genogram person in `who_person`, or a named professional `who` with `role`),
    `when` (by when) or `how_often`, the `support` offered, and the outcome it serves.
    `links` name the safety-map statements a worry or goal stands for ("MAP/STATEMENT").
    """

    id: str
    section: str
    text: str = ""
    child_text: str = ""
    who: str = ""
    who_person: PersonId | None = None
    role: str = ""
    when: FuzzyDate | None = None
    how_often: str = ""
    support: str = ""
    baseline: str = ""
    measure: str = ""
    serves: str | None = None
    links: tuple[str, ...] = ()
    picture: str | None = None
    private: bool = False


@dataclass(frozen=True)
class Plan:
    """A plan of one type (see plan_templates/); a parents' dispute is recorded, not erased."""

    id: str
    plan_type: str = "child_in_need"
    title: str = ""
    child: PersonId | None = None
    status: str = "draft"
    started: FuzzyDate | None = None
    review: FuzzyDate | None = None
    reviews: tuple[FuzzyDate, ...] = ()
    items: tuple[PlanItem, ...] = ()
    child_view: str = ""
    parents_view: str = ""
    parents_agree: bool | None = None
    dispute: str = ""
    author: str = ""


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
    """One line of a Signs of Safety map; `kind` is one of SAFETY_KINDS.

    For harm, danger and worry statements: `who` is worried, `text` says about what,
    `meaning` what it could mean for the child, `dispute` any disagreement. A goal
    `pairs_with` its statement; a next step has `who` and `when`.
    """

    id: str
    kind: str
    text: str
    who: str = ""
    when: FuzzyDate | None = None
    meaning: str = ""
    dispute: str = ""
    pairs_with: str | None = None
    private: bool = False


@dataclass(frozen=True)
class ScaleRating:
    """A 0–10 rating by one person on one date (10: safe enough to close)."""

    who: str
    date: FuzzyDate
    score: int
    note: str = ""


@dataclass(frozen=True)
class SafetyMap:
    id: str
    child: PersonId | None = None
    title: str = "Safety map"
    question: str = ""
    statements: tuple[SafetyStatement, ...] = ()
    ratings: tuple[ScaleRating, ...] = ()


@dataclass(frozen=True)
class StoryPage:
    section: str
    text: str = ""
    picture: str | None = None


@dataclass(frozen=True)
class AgreedWords:
    """Plain words the family and network agreed to use for something hard."""

    hard: str
    plain: str


@dataclass(frozen=True)
class Story:
    """A words-and-pictures explanation (Turnell and Essex); status moves in STORY_STATUSES order."""

    id: str
    child: PersonId | None = None
    title: str = ""
    status: str = "draft"
    authors: tuple[str, ...] = ()
    pages: tuple[StoryPage, ...] = ()
    agreed_words: tuple[AgreedWords, ...] = ()


@dataclass(frozen=True)
class ImportantPerson:
    """Someone on a child's "my important people" circles (ring 1 is closest)."""

    name: str
    ring: int = 1
    person: PersonId | None = None
    words: str = ""
    picture: str | None = None


@dataclass(frozen=True)
class ImportantPeople:
    """A child's own concentric circles of closeness, in their words and pictures."""

    id: str
    child: PersonId | None = None
    date: FuzzyDate | None = None
    title: str = "My important people"
    people: tuple[ImportantPerson, ...] = ()


@dataclass(frozen=True)
class ChronologyEvent:
    id: str
    date: FuzzyDate | None = None
    title: str = ""
    kind: str = "event"
    source: str = ""
    significance: str = ""
    family_view: str = ""
    people: tuple[PersonId, ...] = ()
    private: bool = False
