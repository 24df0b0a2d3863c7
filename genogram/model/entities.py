"""The family's facts as frozen dataclasses: people, unions, child links, twins, bonds, households.

Payloads are immutable; the family graph swaps whole values on change, which makes every
edit's inverse a matter of keeping the old value.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import NewType

from .dates import FuzzyDate

PersonId = NewType("PersonId", str)
UnionId = NewType("UnionId", str)


class Gender(str, Enum):
    FEMALE = "female"
    MALE = "male"
    NON_BINARY = "non_binary"
    UNKNOWN = "unknown"


class PersonKind(str, Enum):
    """A born person, or a pregnancy or loss, which hang from a union like a child."""

    PERSON = "person"
    PREGNANCY = "pregnancy"
    MISCARRIAGE = "miscarriage"
    TERMINATION = "termination"
    STILLBIRTH = "stillbirth"


class UnionKind(str, Enum):
    MARRIED = "married"
    COHABITING = "cohabiting"
    ENGAGED = "engaged"
    SEPARATED = "separated"
    DIVORCED = "divorced"
    WIDOWED = "widowed"
    CASUAL = "casual"


class ChildKind(str, Enum):
    BIRTH = "birth"
    ADOPTED = "adopted"
    FOSTERED = "fostered"
    STEP = "step"
    KINSHIP = "kinship"
    SPECIAL_GUARDIANSHIP = "special_guardianship"


class BondKind(str, Enum):
    CLOSE = "close"
    FUSED = "fused"
    DISTANT = "distant"
    CONFLICT = "conflict"
    HOSTILE = "hostile"
    CUT_OFF = "cut_off"
    ABUSE = "abuse"
    CARING = "caring"


# The 15 aspects of Social GGRRAAACCEEESSS (Burnham, Roper-Hall); users may add their own.
GRACES_ASPECTS: tuple[str, ...] = (
    "gender", "geography", "race", "religion", "age", "ability", "appearance", "class",
    "culture", "ethnicity", "education", "employment", "sexuality", "sexual orientation",
    "spirituality",
)


@dataclass(frozen=True)
class GraceNote:
    """One Social GRACES aspect of a person, in their words, with Burnham's two toggles."""

    aspect: str
    text: str = ""
    visible: bool | None = None
    voiced: bool | None = None


@dataclass(frozen=True)
class Person:
    id: PersonId
    given: str = ""
    family_name: str = ""
    known_as: str = ""
    gender: Gender = Gender.UNKNOWN
    kind: PersonKind = PersonKind.PERSON
    born: FuzzyDate | None = None
    died: FuzzyDate | None = None
    deceased: bool = False
    note: str = ""
    graces: tuple[GraceNote, ...] = ()
    private: bool = False
    ref: str | None = None  # identifier in the file this person was imported from (GEDCOM @I1@)

    @property
    def short_name(self) -> str:
        """What the family calls them: "Nanny Mo", or the first given name."""
        if self.known_as:
            return self.known_as
        return self.given.split()[0] if self.given.strip() else (self.family_name or "")

    @property
    def display_name(self) -> str:
        name = " ".join(p for p in (self.known_as or self.given, self.family_name) if p)
        return name or _KIND_NAMES.get(self.kind, "Unnamed")

    @property
    def is_dead(self) -> bool:
        return self.deceased or self.died is not None

    @property
    def is_pregnancy_or_loss(self) -> bool:
        return self.kind is not PersonKind.PERSON


_KIND_NAMES = {
    PersonKind.PERSON: "Unnamed",
    PersonKind.PREGNANCY: "Pregnancy",
    PersonKind.MISCARRIAGE: "Miscarriage",
    PersonKind.TERMINATION: "Termination",
    PersonKind.STILLBIRTH: "Stillbirth",
}


@dataclass(frozen=True)
class Union:
    """A partnership of two people, of any kind and any sexes; children hang from it."""

    id: UnionId
    partners: tuple[PersonId, PersonId]
    kind: UnionKind = UnionKind.MARRIED
    started: FuzzyDate | None = None  # married, or began living together
    separated: FuzzyDate | None = None
    ended: FuzzyDate | None = None  # divorced, or the partnership ended
    note: str = ""


@dataclass(frozen=True)
class ChildLink:
    """A child of a union; the same child may hang from a birth and an adoptive union."""

    union: UnionId
    child: PersonId
    kind: ChildKind = ChildKind.BIRTH


@dataclass(frozen=True)
class BirthGroup:
    """Twins (or more) of one union born together: drawn from one point."""

    id: str
    union: UnionId
    members: tuple[PersonId, ...]
    identical: bool = False


@dataclass(frozen=True)
class Bond:
    """An emotional relationship: an overlay that never moves the structure.

    `directed` means the relationship runs from `a` to `b` (who harms whom, who cares for whom).
    """

    id: str
    a: PersonId
    b: PersonId
    kind: BondKind = BondKind.CLOSE
    directed: bool = False
    note: str = ""


@dataclass(frozen=True)
class Household:
    id: str
    name: str = ""
    members: tuple[PersonId, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class LayoutHints:
    """The user's arrangement, kept through every relayout: nudges and orders."""

    nudges: dict[str, tuple[float, float]] = field(default_factory=dict)
    child_order: dict[str, tuple[str, ...]] = field(default_factory=dict)
    partner_order: dict[str, tuple[str, ...]] = field(default_factory=dict)
