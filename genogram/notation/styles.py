"""The one table of how every fact looks (McGoldrick–Gerson–Petry, Bennett 2022).

Nothing else decides a colour, a dash or a shape: the genogram, its legend, the canvas, the
PDF, the PNG and the SVG all read from here, so they never disagree.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import BondKind, ChildKind, Gender, PersonKind, UnionKind
from .glyphs import Dash, LineVariant

INK = "#222222"
PAPER = "#ffffff"
MUTED = "#555555"
DOTTED: Dash = (1.2, 2.4)
DASHED: Dash = (5.0, 3.0)


@dataclass(frozen=True)
class Stroke:
    colour: str = INK
    width: float = 1.2
    dash: Dash = ()
    variant: LineVariant = "single"
    spacing: float = 3.0


# ---- people --------------------------------------------------------------------------------
#: Shape of a born person's symbol by gender; unknown gender adds a "?" (UNKNOWN_MARK).
GENDER_SHAPES: dict[Gender, str] = {
    Gender.MALE: "square",
    Gender.FEMALE: "circle",
    Gender.NON_BINARY: "diamond",
    Gender.UNKNOWN: "diamond",
}
UNKNOWN_MARK = "?"
GENDER_LABELS: dict[Gender, str] = {
    Gender.MALE: "Male",
    Gender.FEMALE: "Female",
    Gender.NON_BINARY: "Non-binary",
    Gender.UNKNOWN: "Gender not known",
}
#: Pregnancies and losses: drawn small, hanging from their union like a child.
KIND_SHAPES: dict[PersonKind, str] = {
    PersonKind.PREGNANCY: "triangle",
    PersonKind.MISCARRIAGE: "dot",
    PersonKind.TERMINATION: "x",
    PersonKind.STILLBIRTH: "small_with_x",
}
KIND_LABELS: dict[PersonKind, str] = {
    PersonKind.PREGNANCY: "Pregnancy",
    PersonKind.MISCARRIAGE: "Miscarriage",
    PersonKind.TERMINATION: "Termination",
    PersonKind.STILLBIRTH: "Stillbirth",
}
SYMBOL_STROKE = Stroke(INK, 1.4)
SYMBOL_FILL = PAPER
PRIVATE_LABEL = "Private"  # in place of a private person's name in printouts
DECEASED = Stroke(MUTED, 1.0)  # the X inside a deceased person's symbol
INDEX_GAP = 3.5  # the index child's second outline, outside the first
AGE_SIZE = 11.0
AGE_SIZE_SMALL = 9.5  # in a diamond, which has less room
DATE_SIZE = 7.5  # dates on partnership lines


# ---- partnerships ---------------------------------------------------------------------------
@dataclass(frozen=True)
class UnionStyle:
    stroke: Stroke
    label: str
    slashes: int = 0  # separated: one, divorced: two
    ring: bool = False  # engaged: a small ring on the line


UNION_STYLES: dict[UnionKind, UnionStyle] = {
    UnionKind.MARRIED: UnionStyle(Stroke(INK, 1.4), "Married"),
    UnionKind.COHABITING: UnionStyle(Stroke(INK, 1.4, DASHED), "Living together"),
    UnionKind.ENGAGED: UnionStyle(Stroke(INK, 1.4, DASHED), "Engaged", ring=True),
    UnionKind.SEPARATED: UnionStyle(Stroke(INK, 1.4), "Separated", slashes=1),
    UnionKind.DIVORCED: UnionStyle(Stroke(INK, 1.4), "Divorced", slashes=2),
    UnionKind.WIDOWED: UnionStyle(Stroke(INK, 1.4), "Widowed (partner has died)"),
    UnionKind.CASUAL: UnionStyle(Stroke(INK, 1.4, DOTTED), "Short or casual relationship"),
}
#: Words before each date on a partnership line ("m. 2009  sep. 2016  div. 2018").
STARTED_WORD: dict[UnionKind, str] = {
    UnionKind.MARRIED: "m.", UnionKind.SEPARATED: "m.", UnionKind.DIVORCED: "m.",
    UnionKind.WIDOWED: "m.", UnionKind.COHABITING: "tog.", UnionKind.ENGAGED: "eng.",
    UnionKind.CASUAL: "met",
}
SEPARATED_WORD = "sep."
ENDED_WORD: dict[UnionKind, str] = {UnionKind.DIVORCED: "div.", UnionKind.WIDOWED: "wid."}
ENDED_DEFAULT = "ended"


# ---- children -------------------------------------------------------------------------------
@dataclass(frozen=True)
class LinkStyle:
    stroke: Stroke
    label: str
    brackets: bool = False  # adopted: brackets round the child's symbol


CHILD_STYLES: dict[ChildKind, LinkStyle] = {
    ChildKind.BIRTH: LinkStyle(Stroke(INK, 1.2), "Birth child"),
    ChildKind.ADOPTED: LinkStyle(Stroke(INK, 1.2, DOTTED), "Adopted (dotted line, brackets)", brackets=True),
    ChildKind.FOSTERED: LinkStyle(Stroke(INK, 1.2, DASHED), "Fostered"),
    ChildKind.STEP: LinkStyle(Stroke(INK, 1.2, (8.0, 2.5, 1.5, 2.5)), "Step-child"),
    ChildKind.KINSHIP: LinkStyle(Stroke("#6a4c93", 1.2, (8.0, 3.0)), "Kinship care"),
    ChildKind.SPECIAL_GUARDIANSHIP: LinkStyle(Stroke("#6a4c93", 1.2, (8.0, 2.5, 1.5, 2.5, 1.5, 2.5)),
                                              "Special guardianship"),
}
TWIN_LABELS = {True: "Identical twins", False: "Twins (not identical)"}
SIBLING_BAR = Stroke(INK, 1.2)


# ---- emotional relationships (an overlay) ----------------------------------------------------
@dataclass(frozen=True)
class BondStyle:
    stroke: Stroke
    label: str
    towards: str = "arrow shows which way"  # how the key explains the arrow of a directed bond


BOND_STYLES: dict[BondKind, BondStyle] = {
    BondKind.CLOSE: BondStyle(Stroke("#2e7d32", 1.1, (), "double", 3.0), "Close"),
    BondKind.FUSED: BondStyle(Stroke("#1b5e20", 1.1, (), "triple", 3.0), "Very close or fused"),
    BondKind.DISTANT: BondStyle(Stroke("#616161", 1.3, DOTTED), "Distant"),
    BondKind.CONFLICT: BondStyle(Stroke("#d84315", 1.2, (), "zigzag", 3.5), "Conflict"),
    BondKind.HOSTILE: BondStyle(Stroke("#b71c1c", 1.1, (), "zigzag_double", 3.0), "Hostile"),
    BondKind.CUT_OFF: BondStyle(Stroke("#37474f", 1.3, (), "cut"), "Cut off"),
    BondKind.ABUSE: BondStyle(Stroke("#b71c1c", 2.2), "Abuse or harm", "arrow to the one harmed"),
    BondKind.CARING: BondStyle(Stroke("#1565c0", 1.4, (6.0, 2.0, 1.5, 2.0)), "Caring", "arrow to the one cared for"),
}
ARROW_LENGTH = 8.0
ARROW_HALF_WIDTH = 3.5
BOND_CLEARANCE = 3.0  # bonds stop short of the symbols they join
BOND_SEPARATION = 9.0  # between two relationships of the same two people
BOND_DROP = 0.28  # a bond between people side by side runs this far (× symbol) below mid-height


# ---- households ------------------------------------------------------------------------------
HOUSEHOLD = Stroke("#00796b", 1.2, (7.0, 3.0))
HOUSEHOLD_PAD = 7.0
HOUSEHOLD_RADIUS = 12.0
HOUSEHOLD_JOIN = 14.0  # half the narrowest bridge between a household's runs on two rows
HOUSEHOLD_LABEL_SIZE = 8.0
HOUSEHOLD_LABEL = "Household (lives together)"

# ---- legend ----------------------------------------------------------------------------------
LEGEND_TITLE = "Key"
LEGEND_SIZE = 8.0
LEGEND_SAMPLE_WIDTH = 36.0
LEGEND_ROW = 17.0
LEGEND_SYMBOL = 12.0  # a person in the key
