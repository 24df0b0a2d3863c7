"""GEDCOM 5.5.1 and 7 import: the family structure a genogram needs, and a count of the rest.

What is read: INDI names (NAME with /surname/, GIVN/SURN, NICK; a text ALIA as the name the
family uses), SEX (M, F, U, and X as non-binary), birth and death dates (CHR and BURI stand in
when there is no BIRT or DEAT date), "DEAT Y", RESN privacy; FAM partners (HUSB and WIFE are
two partner slots, of any sex), MARR, DIV, ENGA, ANUL and EVEN with a TYPE such as
"Separated"; children from CHIL and FAMC, with their pedigree from FAMC.PEDI (5.5.1 and 7),
ADOP.FAMC or Family Tree Maker's _FREL/_MREL. Every other structure is skipped and counted
by tag. Person.ref keeps the GEDCOM xref ("@I12@") so tools can find people again.

A family with one partner gets a "Not known" partner, as adding a child to a single person
does in the app. Pointers to missing records, someone who is both partner and child of one
family, and anyone who would be their own ancestor are errors naming the records.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import (
    Case,
    CaseMeta,
    ChildKind,
    FuzzyDate,
    Gender,
    Person,
    PersonId,
    UnionKind,
    case_from_dict,
)
from ..model.codec import CaseFormatError, encode
from .gedcom_dates import read_gedcom_date
from .gedcom_parse import GedcomError, Node, Parsed, parse_gedcom

__all__ = ["NOT_KNOWN", "GedcomError", "ImportSummary", "import_gedcom"]

NOT_KNOWN = "Not known"  # what the app calls a partner nobody has named (operations.add_child)

_SEX = {"M": Gender.MALE, "F": Gender.FEMALE, "X": Gender.NON_BINARY, "U": Gender.UNKNOWN}
_OPPOSITE = {Gender.FEMALE: Gender.MALE, Gender.MALE: Gender.FEMALE}
_PEDI = {"BIRTH": ChildKind.BIRTH, "ADOPTED": ChildKind.ADOPTED, "FOSTER": ChildKind.FOSTERED,
         "SEALED": ChildKind.BIRTH}
_FTM_REL = {"ADOPTED": ChildKind.ADOPTED, "FOSTER": ChildKind.FOSTERED, "STEP": ChildKind.STEP}
# Words in a PEDI OTHER phrase (what our own export writes) for the kinds GEDCOM has no word for.
_OTHER_PHRASES = (("step", ChildKind.STEP), ("guardian", ChildKind.SPECIAL_GUARDIANSHIP),
                  ("kinship", ChildKind.KINSHIP), ("foster", ChildKind.FOSTERED),
                  ("adopt", ChildKind.ADOPTED))
_EVENT_TYPES = (("separat", "separated"), ("widow", "widowed"), ("casual", "casual"),
                ("living together", "together"), ("cohabit", "together"), ("ended", "ended"))


@dataclass
class ImportSummary:
    """What an import read, what it skipped and what it had to assume: one line for the user."""

    people: int = 0
    families: int = 0
    version: str = ""
    skipped: Counter[str] = field(default_factory=Counter)
    unknown_partners: int = 0
    approximate_dates: list[str] = field(default_factory=list)  # "30 FEB 1990 for Ana Silva"
    unread_dates: list[str] = field(default_factory=list)  # dates left out, said the same way
    notes: list[str] = field(default_factory=list)

    def needs_attention(self) -> bool:
        """True when the user should check something: a date guessed or left out, a note."""
        return bool(self.approximate_dates or self.unread_dates or self.notes)

    def line(self) -> str:
        people = _n(self.people, "person", "people")
        parts = [f"Imported {people} and {_n(self.families, 'family', 'families')}"]
        if self.approximate_dates:
            # a range or "before 1988" is a fine genealogy date, only not one day: say so plainly
            were = "was" if len(self.approximate_dates) == 1 else "were"
            parts.append(f"{_n(len(self.approximate_dates), 'date', 'dates')} {were} not one exact"
                         f" day (a range, before or after, or a day that does not exist) and"
                         f" {were} kept as approximate ({_examples(self.approximate_dates)})")
        if self.unread_dates:
            were = "was" if len(self.unread_dates) == 1 else "were"
            parts.append(f"{_n(len(self.unread_dates), 'date', 'dates')} could not be read and"
                         f" {were} left out ({_examples(self.unread_dates)})")
        if self.unknown_partners:
            parts.append(f'added {_n(self.unknown_partners, "partner", "partners")} as'
                         f' "{NOT_KNOWN}" where a family names only one')
        total = sum(self.skipped.values())
        if total:
            top = self.skipped.most_common()
            shown = ", ".join(f"{tag} {n}" for tag, n in top[:4])
            more = ", …" if len(top) > 4 else ""
            parts.append(f"skipped {_n(total, 'record', 'records')} we do not use ({shown}{more})")
        parts.extend(self.notes)
        return "; ".join(parts) + "."


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _examples(items: list[str], shown: int = 2) -> str:
    return ", ".join(items[:shown]) + (", …" if len(items) > shown else "")


@dataclass
class _Fam:
    node: Node
    partners: list[str] = field(default_factory=list)  # xrefs, HUSB first
    children: dict[str, ChildKind | None] = field(default_factory=dict)  # xref -> kind or unsure


def import_gedcom(source: str | Path | bytes) -> tuple[Case, ImportSummary]:
    """Read a GEDCOM file (a path, or its bytes) into a new case; GedcomError if it cannot."""
    if isinstance(source, (bytes, bytearray)):
        data, title = bytes(source), "Imported family"
    else:
        path = Path(source)
        data = path.read_bytes()
        title = path.stem.replace("_", " ").strip() or "Imported family"
    parsed = parse_gedcom(data)
    return _Importer(parsed).build(title)


class _Importer:
    def __init__(self, parsed: Parsed) -> None:
        self.parsed = parsed
        self.summary = ImportSummary(version=parsed.version, notes=list(parsed.notes))
        self.indi: dict[str, Node] = {}
        self.fams: dict[str, _Fam] = {}
        self.kinds: dict[str, str] = {}  # xref -> record tag, for messages about wrong pointers
        # Whose dates are being read: (None, person) or (family, its partners).
        self._owner: tuple[str | None, tuple[str, ...]] = (None, ())
        self._dates: list[tuple[bool, str, tuple[str | None, tuple[str, ...]]]] = []
        for rec in parsed.records:
            if rec.xref:
                self.kinds[rec.xref] = rec.tag
            if rec.tag == "INDI" and rec.xref:
                self.indi[rec.xref] = rec
            elif rec.tag == "FAM" and rec.xref:
                self.fams[rec.xref] = _Fam(rec)
            else:
                self.summary.skipped[rec.tag] += 1

    # ---- pointers -------------------------------------------------------------------------
    def _pointer(self, node: Node, want: str) -> str | None:
        ptr = node.value.strip()
        if ptr in ("@VOID@", ""):
            return None
        if not (ptr.startswith("@") and ptr.endswith("@") and len(ptr) > 2):
            raise GedcomError(node.line, f"{node.tag} should point to a record (like @I1@), not"
                              f' "{ptr[:30]}"')
        kind = self.kinds.get(ptr)
        if kind is None:
            raise GedcomError(node.line, f"{node.tag} {ptr} points to a record that is not in"
                              " the file")
        if kind != want:
            what = {"INDI": "a person", "FAM": "a family"}
            raise GedcomError(node.line, f"{node.tag} {ptr} points to {what.get(kind, kind)},"
                              f" not {what[want]}")
        return ptr

    def _skip(self, node: Node) -> None:
        self.summary.skipped[node.tag] += 1

    # ---- people ---------------------------------------------------------------------------
    def _person(self, pid: str, rec: Node) -> Person:
        f: dict[str, Any] = {"id": pid, "ref": rec.xref}
        self._owner = (None, (rec.xref or pid,))
        named = False
        birth_stand_in: Node | None = None
        death_stand_in: Node | None = None
        seen: set[str] = set()
        for c in rec.children:
            tag = c.tag
            if tag == "NAME" and not named:
                named = True
                self._name(c, f)
            elif tag == "SEX" and tag not in seen:
                f["gender"] = _SEX.get(c.value.strip()[:1].upper(), Gender.UNKNOWN)
            elif tag == "BIRT" and tag not in seen:
                f["born"] = self._event_date(c)
            elif tag == "DEAT" and tag not in seen:
                f["deceased"] = c.value.strip().upper() != "N"
                f["died"] = self._event_date(c)
            elif tag in ("CHR", "BAPM") and birth_stand_in is None:
                birth_stand_in = c
            elif tag in ("BURI", "CREM") and death_stand_in is None:
                death_stand_in = c
            elif tag == "RESN":
                if any(w in c.value.upper() for w in ("PRIVACY", "CONFIDENTIAL")):
                    f["private"] = True
            elif tag == "ALIA" and not c.value.strip().startswith("@") and c.value.strip():
                f.setdefault("known_as", c.value.strip())
            elif tag in ("FAMC", "FAMS", "ADOP"):
                pass  # read with the families
            else:
                self._skip(c)
            seen.add(tag)
        if birth_stand_in is not None:
            if f.get("born") is None:
                f["born"] = _roughly(self._event_date(birth_stand_in))
            else:
                self._skip(birth_stand_in)
        if death_stand_in is not None:
            if not f.get("deceased"):
                f["deceased"] = True
                f["died"] = _roughly(self._event_date(death_stand_in))
            else:
                self._skip(death_stand_in)
        f = {k: v for k, v in f.items() if v is not None}
        return Person(**f)

    def _name(self, node: Node, f: dict[str, Any]) -> None:
        """"Anthony John /Soprano/ Sr." → given and family name; GIVN and SURN fill the gaps."""
        value = " ".join(node.value.split())
        givn, surn = node.text("GIVN"), node.text("SURN")
        if "/" in value:
            before, _, after = value.partition("/")
            surname, _, suffix = after.partition("/")
            given = before.strip() or givn
            family = " ".join(p for p in (surname.strip(), suffix.strip()) if p) or surn
        elif givn or surn:  # no slashes: the parts say which word is the surname
            given, family = givn, surn
        else:
            given, family = value, ""
        for c in node.children:
            if c.tag == "NICK" and c.value.strip():
                f["known_as"] = c.value.strip()
            elif c.tag not in ("GIVN", "SURN", "NICK"):
                self._skip(c)
        f["given"], f["family_name"] = given, family

    def _event_date(self, node: Node) -> FuzzyDate | None:
        date = None
        for c in node.children:
            if c.tag == "DATE" and date is None:
                date, as_written = read_gedcom_date(c.value)
                text = " ".join(c.value.split())
                if text and not as_written:  # guessed or left out: the user is told which
                    self._dates.append((date is None, text, self._owner))
            elif c.tag != "TYPE":
                self._skip(c)
        return date

    # ---- families -------------------------------------------------------------------------
    def _read_families(self) -> None:
        for fam in self.fams.values():
            slots: set[tuple[str, str]] = set()
            for c in fam.node.children:
                if c.tag in ("HUSB", "WIFE"):
                    ptr = self._pointer(c, "INDI")
                    if ptr is None or (c.tag, ptr) in slots:  # a repeated line says nothing new
                        continue
                    slots.add((c.tag, ptr))
                    if ptr in fam.partners:
                        raise GedcomError(c.line, f"{fam.node.xref} names {ptr} as both partners")
                    if len(fam.partners) == 2:
                        raise GedcomError(c.line, f"{fam.node.xref} names more than two partners")
                    fam.partners.append(ptr)
                elif c.tag == "CHIL":
                    ptr = self._pointer(c, "INDI")
                    if ptr is not None and ptr not in fam.children:
                        fam.children[ptr] = _ftm_kind(c)
                        for sub in c.children:
                            if sub.tag not in ("_FREL", "_MREL"):
                                self._skip(sub)
        for xref, rec in self.indi.items():
            for c in rec.children:
                if c.tag == "FAMS":
                    fid = self._pointer(c, "FAM")
                    partners = self.fams[fid].partners if fid else None
                    if partners is not None and xref not in partners and len(partners) < 2:
                        partners.append(xref)
                elif c.tag == "FAMC":
                    fid = self._pointer(c, "FAM")
                    if fid is None:
                        continue
                    kind = _pedigree(c.first("PEDI"))
                    fam = self.fams[fid]
                    if kind is not None or xref not in fam.children:
                        fam.children[xref] = kind or fam.children.get(xref)
                    for sub in c.children:
                        if sub.tag != "PEDI":
                            self._skip(sub)
                elif c.tag == "ADOP":
                    famc = c.first("FAMC")
                    fid = self._pointer(famc, "FAM") if famc else None
                    if fid is not None:
                        self.fams[fid].children[xref] = ChildKind.ADOPTED
                    else:
                        self._skip(c)
        for xref, fam in self.fams.items():
            for child in fam.children:
                if child in fam.partners:
                    raise GedcomError(fam.node.line, f"{child} is both a partner and a child in"
                                      f" {xref}")

    def _union_fields(self, fam: _Fam) -> dict[str, Any]:
        self._owner = (fam.node.xref or "a family", tuple(fam.partners))
        seen: dict[str, Node] = {}
        events: dict[str, Any] = {}
        for c in fam.node.children:
            tag = c.tag
            if tag in ("MARR", "DIV", "ENGA", "ANUL", "DIVF") and tag not in seen:
                seen[tag] = c
                events[tag] = self._event_date(c)
            elif tag == "EVEN":
                kind = next((k for word, k in _EVENT_TYPES if word in c.text("TYPE").lower()
                             or word in c.value.lower()), None)
                if kind is None or kind in events:
                    self._skip(c)
                else:
                    events[kind] = self._event_date(c)
                    seen[kind] = c
            elif tag == "NO":
                pass  # GEDCOM 7 "NO MARR": it did not happen, which is what no MARR means here
            elif tag not in ("HUSB", "WIFE", "CHIL"):
                self._skip(c)
        one_partner = len(fam.partners) < 2
        if "DIV" in seen or "ANUL" in seen:
            kind, ended = UnionKind.DIVORCED, events.get("DIV") or events.get("ANUL")
        elif "widowed" in seen:
            kind, ended = UnionKind.WIDOWED, events["widowed"]
        elif "separated" in seen or "DIVF" in seen:
            kind, ended = UnionKind.SEPARATED, events.get("ended")
        elif "MARR" in seen:
            kind, ended = UnionKind.MARRIED, events.get("ended")
        elif "ENGA" in seen:
            kind, ended = UnionKind.ENGAGED, events.get("ended")
        elif "casual" in seen or (one_partner and "together" not in seen):
            kind, ended = UnionKind.CASUAL, events.get("ended")
        else:
            kind, ended = UnionKind.COHABITING, events.get("ended")
        started = (events.get("MARR") or events.get("ENGA") or events.get("together")
                   or events.get("casual"))
        return {"kind": kind, "started": started,
                "separated": events.get("separated") or events.get("DIVF"), "ended": ended}

    def _check_cycles(self) -> None:
        """Nobody may be their own ancestor; name the records that make the loop."""
        fams_of: dict[str, list[str]] = {}
        for fid, fam in self.fams.items():
            for p in fam.partners:
                fams_of.setdefault(p, []).append(fid)

        def steps(person: str) -> Iterator[tuple[str, str]]:
            for fid in fams_of.get(person, ()):
                for child in self.fams[fid].children:
                    yield fid, child

        state: dict[str, int] = {}  # 1: on the current path; 2: finished
        for start in self.indi:
            if start in state:
                continue
            state[start] = 1
            stack: list[tuple[str, str, Iterator[tuple[str, str]]]] = [(start, "", steps(start))]
            while stack:
                step = next(stack[-1][2], None)
                if step is None:
                    state[stack.pop()[0]] = 2
                    continue
                fid, child = step
                if state.get(child) == 1:
                    at = next(i for i, entry in enumerate(stack) if entry[0] == child)
                    chain = [child]
                    for person, via, _ in stack[at + 1:]:
                        chain += [via, person]
                    chain += [fid, child]
                    raise GedcomError(self.fams[fid].node.line, "the families make someone their own ancestor: "
                                      + " → ".join(chain))
                if child not in state:
                    state[child] = 1
                    stack.append((child, fid, steps(child)))

    # ---- the case -------------------------------------------------------------------------
    def build(self, title: str) -> tuple[Case, ImportSummary]:
        people: list[Person] = []
        pid_of: dict[str, str] = {}
        for xref, rec in self.indi.items():
            pid_of[xref] = f"p{len(pid_of) + 1}"
            people.append(self._person(pid_of[xref], rec))
        self._read_families()
        self._check_cycles()
        gender = {xref: p.gender for xref, p in zip(self.indi, people)}
        unions: list[dict[str, Any]] = []
        links: list[dict[str, Any]] = []
        extra = len(people)
        for xref, fam in self.fams.items():
            if not fam.partners and not fam.children:
                self.summary.skipped["FAM (empty)"] += 1
                continue
            partners = [pid_of[x] for x in fam.partners]
            while len(partners) < 2:
                extra += 1
                known = gender[fam.partners[0]] if fam.partners else Gender.UNKNOWN
                stand_in = Person(id=PersonId(f"p{extra}"), known_as=NOT_KNOWN,
                                  gender=_OPPOSITE.get(known, Gender.UNKNOWN))
                people.append(stand_in)
                partners.append(stand_in.id)
                self.summary.unknown_partners += 1
            uid = f"u{len(unions) + 1}"
            unions.append({"id": uid, "partners": partners,
                           **encode_fields(self._union_fields(fam))})
            for child, kind in fam.children.items():
                links.append({"union": uid, "child": pid_of[child],
                              "kind": (kind or ChildKind.BIRTH).value})
            self.summary.families += 1
        self.summary.people = len(self.indi)
        self._name_dates({xref: p.display_name for xref, p in zip(self.indi, people)})
        data = {"schema_version": 1, "meta": encode(CaseMeta(title=title)),
                "people": [encode(p) for p in people], "unions": unions, "child_links": links}
        try:
            case = case_from_dict(data)
        except CaseFormatError as exc:  # a structure rule we did not check ourselves
            raise GedcomError(None, f"the file describes a family Kinscape cannot hold: {exc}"
                              ) from None
        return case, self.summary


    def _name_dates(self, names: dict[str, str]) -> None:
        """Each guessed or left-out date as the user can find it: "30 FEB 1990 for Ana Silva"."""
        for left_out, text, (family, xrefs) in self._dates:
            shown = text if len(text) <= 30 else text[:29] + "…"
            known = [names[x] for x in xrefs if x in names]
            if family is None:
                whose = known[0] if known else xrefs[0]
            else:
                whose = "the partnership of " + " and ".join(known) if known else family
            target = self.summary.unread_dates if left_out else self.summary.approximate_dates
            target.append(f"{shown} for {whose}")


def encode_fields(fields: dict[str, Any]) -> dict[str, Any]:
    return {k: encode(v) for k, v in fields.items() if v is not None}


def _roughly(date: FuzzyDate | None) -> FuzzyDate | None:
    """A christening or burial date says roughly when someone was born or died."""
    return None if date is None else FuzzyDate(date.year, approx=True)


def _pedigree(node: Node | None) -> ChildKind | None:
    if node is None:
        return None
    value = node.value.strip().upper()
    if value == "OTHER":
        phrase = node.text("PHRASE").lower()
        return next((k for word, k in _OTHER_PHRASES if word in phrase), ChildKind.KINSHIP)
    return _PEDI.get(value)


def _ftm_kind(chil: Node) -> ChildKind | None:
    """Family Tree Maker writes each parent's relation to the child (_FREL/_MREL)."""
    rels = {chil.text("_FREL").upper(), chil.text("_MREL").upper()} - {"", "NATURAL", "BIRTH"}
    for rel in ("ADOPTED", "FOSTER", "STEP"):
        if rel in rels:
            return _FTM_REL[rel]
    return None

