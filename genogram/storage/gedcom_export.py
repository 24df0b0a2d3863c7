"""The family structure as GEDCOM 7, for genealogy programs and for round trips.

Written: people (NAME with GIVN, SURN and NICK, SEX, BIRT and DEAT dates), families (HUSB and
WIFE as the two partner slots, any sexes; CHIL; MARR, DIV, ENGA; and FAM.EVEN with a TYPE for
what GEDCOM has no event for: "Living together", "Casual relationship", "Separated", "Widowed",
"Partnership ended"), and each non-birth child link as FAMC.PEDI (ADOPTED, FOSTER, or OTHER
with a PHRASE for step, kinship care and special guardianship). Importing the result gives the
same people, partnerships and child links.

Left out on purpose, because a GEDCOM file travels to other programs and people: notes,
Social GRACES, bonds, households, ecomaps and plans (case work, not genealogy); pregnancies and
losses (GEDCOM has no way to say them, and they are sensitive). A partner the app added as
"Not known" is left out too, leaving a one-partner family, which is how GEDCOM says it.

Private people: while the case hides private details in exports (the default,
`CaseMeta.hide_private_in_exports`), a private person keeps their place in the family and their
sex (the symbol), but is named "Private" with no dates and no death; RESN PRIVACY marks them so
an import marks them private again. `include_private=True` writes them in full (still with RESN).
"""
from __future__ import annotations

import re

from ..model import Case, ChildKind, Gender, Person, PersonKind, Union, UnionKind
from .gedcom import NOT_KNOWN
from .gedcom_dates import format_gedcom_date

__all__ = ["export_gedcom7"]

_SEX = {Gender.MALE: "M", Gender.FEMALE: "F", Gender.NON_BINARY: "X", Gender.UNKNOWN: "U"}
_PEDI = {ChildKind.ADOPTED: ("ADOPTED", ""), ChildKind.FOSTERED: ("FOSTER", ""),
         ChildKind.STEP: ("OTHER", "Step"), ChildKind.KINSHIP: ("OTHER", "Kinship care"),
         ChildKind.SPECIAL_GUARDIANSHIP: ("OTHER", "Special guardianship")}
_XREF = re.compile(r"^@[A-Z0-9_]{1,20}@$")
_START_EVENT = {UnionKind.COHABITING: "Living together", UnionKind.CASUAL: "Casual relationship",
                UnionKind.SEPARATED: "Living together"}


def export_gedcom7(case: Case, include_private: bool | None = None) -> str:
    """The case's family structure as GEDCOM 7 text (LF line ends, UTF-8 when encoded)."""
    hide = case.meta.hide_private_in_exports if include_private is None else not include_private
    fam = case.family
    people = [p for p in fam.people() if p.kind is PersonKind.PERSON and not _stand_in(case, p)]
    xref = _person_xrefs(people)
    unions = [u for u in fam.unions()]
    fxref = {u.id: f"@F{i}@" for i, u in enumerate(unions, start=1)}
    out = ["0 HEAD", "1 GEDC", "2 VERS 7.0", "1 SOUR KINSCAPE", "2 NAME Kinscape"]
    for p in people:
        masked = p.private and hide
        out.append(f"0 {xref[p.id]} INDI")
        out += _name_lines(p, masked)
        out.append(f"1 SEX {_SEX[p.gender]}")
        if p.born and not masked:
            out += ["1 BIRT", f"2 DATE {format_gedcom_date(p.born)}"]
        if p.is_dead and not masked:
            out += ["1 DEAT", f"2 DATE {format_gedcom_date(p.died)}"] if p.died else ["1 DEAT Y"]
        if p.private:
            out.append("1 RESN PRIVACY")
        for link in fam.parent_links(p.id):
            out.append(f"1 FAMC {fxref[link.union]}")
            if link.kind in _PEDI:
                pedi, phrase = _PEDI[link.kind]
                out.append(f"2 PEDI {pedi}")
                if phrase:
                    out.append(f"3 PHRASE {phrase}")
        out += [f"1 FAMS {fxref[u.id]}" for u in fam.unions_of(p.id)]
    for u in unions:
        out.append(f"0 {fxref[u.id]} FAM")
        partners = [pid for pid in _slot_order(case, u) if pid in xref]
        for tag, pid in zip(("HUSB", "WIFE"), partners):
            out.append(f"1 {tag} {xref[pid]}")
        for link in fam.children_of(u.id):
            if link.child in xref:
                out.append(f"1 CHIL {xref[link.child]}")
        out += _union_events(u)
    out.append("0 TRLR")
    return "\n".join(out) + "\n"


def _stand_in(case: Case, p: Person) -> bool:
    """A partner the app added as "Not known", with nothing else known about them."""
    return (p.known_as == NOT_KNOWN and not p.given and not p.family_name and p.born is None
            and not p.is_dead and not p.note and not case.family.parent_links(p.id))


def _person_xrefs(people: list[Person]) -> dict[str, str]:
    """Keep the xrefs people were imported with, so tools can match them; number the rest."""
    xref: dict[str, str] = {}
    used: set[str] = set()
    for p in people:
        if p.ref and _XREF.match(p.ref) and p.ref not in used and not p.ref.startswith("@F"):
            xref[p.id] = p.ref
            used.add(p.ref)
    n = 0
    for p in people:
        if p.id not in xref:
            n += 1
            while f"@I{n}@" in used:
                n += 1
            xref[p.id] = f"@I{n}@"
            used.add(xref[p.id])
    return xref


def _clean(text: str) -> str:
    """One line, no slashes (they delimit the surname), no leading "@"."""
    return " ".join(text.replace("/", " ").split()).lstrip("@")


def _name_lines(p: Person, masked: bool) -> list[str]:
    if masked:
        return ["1 NAME Private"]
    given, family, nick = _clean(p.given), _clean(p.family_name), _clean(p.known_as)
    if not (given or family or nick):
        return []
    value = " ".join(x for x in (given, f"/{family}/") if x)
    lines = [f"1 NAME {value}"]
    lines += [f"2 GIVN {given}"] if given else []
    lines += [f"2 SURN {family}"] if family else []
    lines += [f"2 NICK {nick}"] if nick else []
    return lines


def _slot_order(case: Case, u: Union) -> tuple[str, str]:
    """HUSB and WIFE are only slots in GEDCOM 7; older readers expect a man in HUSB."""
    a, b = u.partners
    ga, gb = case.family.person(a).gender, case.family.person(b).gender
    return (b, a) if ga is Gender.FEMALE and gb is Gender.MALE else (a, b)


def _event(tag: str, date: object, kind_type: str = "") -> list[str]:
    """MARR, DIV, ENGA ("Y" when undated); EVEN carries its kind as payload and TYPE."""
    if kind_type:
        lines = [f"1 {tag} {kind_type}", f"2 TYPE {kind_type}"]
    else:
        lines = [f"1 {tag}" if date else f"1 {tag} Y"]
    if date:
        lines.append(f"2 DATE {format_gedcom_date(date)}")  # type: ignore[arg-type]
    return lines


def _union_events(u: Union) -> list[str]:
    k = u.kind
    out: list[str] = []
    if k in (UnionKind.MARRIED, UnionKind.DIVORCED, UnionKind.WIDOWED):
        out += _event("MARR", u.started)
    elif k is UnionKind.ENGAGED:
        out += _event("ENGA", u.started)
    else:
        out += _event("EVEN", u.started, _START_EVENT[k])
    if k is UnionKind.SEPARATED or u.separated:
        out += _event("EVEN", u.separated, "Separated")
    if k is UnionKind.DIVORCED:
        out += _event("DIV", u.ended)
    elif k is UnionKind.WIDOWED:
        out += _event("EVEN", u.ended, "Widowed")
    elif u.ended:
        out += _event("EVEN", u.ended, "Partnership ended")
    return out


def export_for_cli(case: Case, fmt: str, options: dict[str, object]) -> bytes:
    """`genogram export CASE --what gedcom -o FAMILY.ged`: the structure as GEDCOM 7 (UTF-8)."""
    if fmt != "ged":
        raise ValueError(f"the family structure is written as ged, not {fmt!r}")
    return export_gedcom7(case).encode("utf-8")
