"""The ecomap: systems around a child or household and the quality of each connection (Hartman 1978)."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .dates import FuzzyDate
from .entities import PersonId


class Quality(str, Enum):
    STRONG = "strong"
    MODERATE = "moderate"
    TENUOUS = "tenuous"
    STRESSFUL = "stressful"
    BROKEN = "broken"


class Energy(str, Enum):
    """Direction of energy or resources along a connection."""

    NONE = "none"
    TO_FAMILY = "to_family"
    FROM_FAMILY = "from_family"
    BOTH = "both"


class Centre(str, Enum):
    CHILD = "child"
    HOUSEHOLD = "household"


@dataclass(frozen=True)
class Ecomap:
    """One dated snapshot of the child's world; a case keeps several to show change."""

    id: str
    title: str = "Ecomap"
    date: FuzzyDate | None = None
    centre: Centre = Centre.HOUSEHOLD
    centre_person: PersonId | None = None
    household: str | None = None


@dataclass(frozen=True)
class EcoSystem:
    """A system around the family; `person` makes a genogram person stand here as themselves."""

    id: str
    ecomap: str
    name: str
    category: str = "other"
    person: PersonId | None = None
    note: str = ""
    picture: str | None = None
    position: tuple[float, float] | None = None
    private: bool = False


@dataclass(frozen=True)
class EcoConnection:
    """A line from a system to the centre (or to one person in it)."""

    id: str
    ecomap: str
    system: str
    quality: Quality = Quality.MODERATE
    stress: bool = False
    energy: Energy = Energy.NONE
    person: PersonId | None = None  # None: the centre
    helps: str = ""
    hard: str = ""
