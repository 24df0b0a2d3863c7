"""GEDCOM import and export: public samples, synthetic families, edge cases, broken files."""
from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from genogram.cli import main
from genogram.model import ChildKind, FuzzyDate, Gender, UnionKind
from genogram.model import operations as ops
from genogram.storage.casefile import read_case
from genogram.storage.gedcom import NOT_KNOWN, GedcomError, import_gedcom
from genogram.storage.gedcom_dates import format_gedcom_date, parse_gedcom_date
from genogram.storage.gedcom_export import export_gedcom7

SAMPLES = Path("/work/shared/data/gedcom")
SYNTHETIC = Path("/work/shared/tools/synthetic_family.py")
FIXTURES = Path(__file__).parent / "fixtures" / "gedcom"
SAMPLE_NAMES = ["Harry_Potter.ged", "RelationshipTest.ged", "RelationshipTestExtended.ged",
                "Sopranos.ged", "minimal55.ged"]


def count_records(path: Path) -> tuple[int, int]:
    """An independent count: level-0 INDI and FAM records, read with a plain regex."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    indi = len(re.findall(r"(?m)^0 @[^@]+@ INDI\s*$", text))
    fam = len(re.findall(r"(?m)^0 @[^@]+@ FAM\s*$", text))
    return indi, fam


def by_ref(case):
    return {p.ref: p for p in case.family.people() if p.ref}


def structure(case):
    """People by GEDCOM ref, and unions as partner refs, kind, dates and children with kinds."""
    fam = case.family
    ref = {p.id: p.ref or f"({p.known_as})" for p in fam.people()}
    people = sorted((p.ref, p.given, p.family_name, p.known_as, p.gender, p.born, p.died,
                     p.deceased, p.private) for p in fam.people() if p.ref)
    unions = sorted(
        (tuple(sorted(ref[x] for x in u.partners)), u.kind.value, str(u.started),
         str(u.separated), str(u.ended),
         tuple(sorted((ref[l.child], l.kind.value) for l in fam.children_of(u.id))))
        for u in fam.unions())
    return people, unions


def synthetic(n: int, tmp_path: Path, seed: int = 1) -> Path:
    out = tmp_path / f"synthetic_{n}.ged"
    subprocess.run([sys.executable, str(SYNTHETIC), str(n), "--seed", str(seed), "--ged",
                    str(out)], check=True, capture_output=True)
    return out


# ---- public samples ---------------------------------------------------------------------------
def test_the_sample_list_is_complete():
    assert sorted(p.name for p in SAMPLES.glob("*.ged")) == SAMPLE_NAMES


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_every_public_sample_imports_with_matching_counts(name):
    path = SAMPLES / name
    case, summary = import_gedcom(path)
    indi, fam = count_records(path)
    assert (summary.people, summary.families) == (indi, fam)
    assert len(case.family.unions()) == fam
    stand_ins = [p for p in case.family.people() if p.ref is None]
    assert case.family.person_count() == indi + len(stand_ins) == indi + summary.unknown_partners
    assert summary.line().startswith(f"Imported {indi} ")


def test_harry_potter_details():
    case, summary = import_gedcom(SAMPLES / "Harry_Potter.ged")
    people = by_ref(case)
    assert people["@I2@"].given == "Harry James" and people["@I2@"].family_name == "Potter"
    assert people["@I3@"].known_as == "Ginny"  # a text ALIA is the name the family uses
    assert people["@I6@"].died == FuzzyDate(1981, 10, 31) and people["@I6@"].deceased
    assert people["@I4@"].born == FuzzyDate(2005, approx=True)  # ABT 2005
    assert people["@I11@"].gender is Gender.UNKNOWN  # SEX U
    james_lily = next(u for u in case.family.unions() if set(u.partners) == {
        people["@I6@"].id, people["@I7@"].id})
    assert james_lily.kind is UnionKind.MARRIED
    assert james_lily.started == FuzzyDate(1978, approx=True)  # BET 1978 AND 1979
    assert summary.skipped["WAND"] == 17 and summary.skipped["MUGL"] == 6
    assert "WAND 17" in summary.line()


def test_hand_broken_note_is_kept_and_noted():
    # Sopranos.ged breaks a NOTE over lines without CONT; the family itself is intact.
    case, summary = import_gedcom(SAMPLES / "Sopranos.ged")
    tony = by_ref(case)["@I1@"]
    assert (tony.given, tony.family_name, tony.known_as) == ("Anthony John", "Soprano Sr.", "Tony")
    assert "2 lines without a level number" in summary.line()


def test_family_tree_maker_step_relation():
    case, _ = import_gedcom(SAMPLES / "RelationshipTestExtended.ged")
    child = by_ref(case)["@I21@"]
    kinds = {l.kind for l in case.family.parent_links(child.id)}
    assert ChildKind.STEP in kinds  # _FREL Natural, _MREL Step


# ---- synthetic families -----------------------------------------------------------------------
@pytest.mark.parametrize("n", [40, 400])
def test_synthetic_families_import_and_round_trip(n, tmp_path):
    path = synthetic(n, tmp_path, seed=n)
    case, summary = import_gedcom(path)
    indi, fam = count_records(path)
    assert (summary.people, summary.families) == (indi, fam)
    assert case.family.person_count() == indi
    pedi = path.read_text().count("2 PEDI ")
    assert sum(l.kind is not ChildKind.BIRTH for l in case.family.child_links()) == pedi
    again, _ = import_gedcom(export_gedcom7(case).encode())
    assert structure(again) == structure(case)


def test_five_thousand_people_import_quickly(tmp_path):
    path = synthetic(5000, tmp_path, seed=3)
    start = time.perf_counter()
    case, summary = import_gedcom(path)
    seconds = time.perf_counter() - start
    assert summary.people == 5000 and case.family.person_count() == 5000
    assert seconds < 3.0, f"5,000-person import took {seconds:.2f} s"


# ---- edge cases -------------------------------------------------------------------------------
def test_gedcom7_edge_cases():
    case, summary = import_gedcom(FIXTURES / "edge_v7.ged")
    fam = case.family
    p = by_ref(case)
    assert p["@I1@"].gender is Gender.NON_BINARY  # SEX X
    assert p["@I4@"].gender is Gender.UNKNOWN  # SEX U
    assert p["@I1@"].born == FuzzyDate(1980, approx=True)  # ABT
    assert p["@I2@"].born == FuzzyDate(1978, approx=True)  # BEF
    assert p["@I3@"].born == FuzzyDate(1978, approx=True)  # BET 1976 AND 1980: the middle
    assert p["@I5@"].deceased and p["@I5@"].died is None  # DEAT Y
    assert p["@I7@"].born == FuzzyDate(1700, 1, 1)  # dual year 1699/00
    assert p["@I7@"].known_as == "Nanny Mo" and p["@I7@"].died == FuzzyDate(1780, approx=True)
    assert p["@I8@"].private  # RESN PRIVACY
    # Kit: birth child of a one-partner family, adopted by a same-sex couple who later divorced.
    kit = {fam.union(l.union).kind: l.kind for l in fam.parent_links(p["@I4@"].id)}
    assert kit == {UnionKind.CASUAL: ChildKind.BIRTH, UnionKind.DIVORCED: ChildKind.ADOPTED}
    divorced = next(u for u in fam.unions() if u.kind is UnionKind.DIVORCED)
    assert {fam.person(x).gender for x in divorced.partners} == {Gender.MALE}
    assert divorced.started == FuzzyDate(2010, 6, 12)
    assert divorced.ended == FuzzyDate(2016, approx=True)  # FROM 2015 TO 2017
    stand_in = next(x for x in fam.people() if x.ref is None)
    assert stand_in.known_as == NOT_KNOWN and stand_in.gender is Gender.MALE
    together = next(u for u in fam.unions() if u.kind is UnionKind.COHABITING)  # NO MARR
    kinds = {fam.person(l.child).ref: l.kind for l in fam.children_of(together.id)}
    assert kinds == {"@I6@": ChildKind.FOSTERED, "@I8@": ChildKind.STEP}
    assert summary.skipped == {"SOUR": 1, "SNOTE": 1, "_SHOE": 1, "NOTE": 1, "PLAC": 1}
    assert summary.unknown_partners == 1
    assert "skipped 5 records we do not use (" in summary.line()


def test_cont_and_conc_join_values():
    from genogram.storage.gedcom_parse import parse_gedcom

    parsed = parse_gedcom((FIXTURES / "edge_v7.ged").read_bytes())
    kit = next(r for r in parsed.records if r.xref == "@I4@")
    assert kit.text("NOTE") == ("Kit's story is long and was writ\nten over two lines, with a"
                                " CONC that isn't a line break.")
    assert parsed.is_v7 and parsed.version == "7.0"


def test_gedcom551_ansel_crlf_conc_and_lowercase_pedigree():
    case, summary = import_gedcom(FIXTURES / "ansel_551.ged")
    p = by_ref(case)
    assert p["@P1@"].family_name == "Łukasiewicz"  # ANSEL spacing letter
    assert (p["@P2@"].given, p["@P2@"].family_name) == ("René", "Dubois")  # combining mark, CONC
    (link,) = case.family.parent_links(p["@P3@"].id)
    assert link.kind is ChildKind.ADOPTED
    assert case.family.union(link.union).kind is UnionKind.MARRIED  # MARR Y
    assert summary.version == "5.5.1" and summary.notes == []


def test_byte_order_mark_and_latin1_fallback():
    case, _ = import_gedcom(FIXTURES / "bom_utf8.ged")
    assert case.family.people()[0].display_name == "Siân Prýce"
    case, _ = import_gedcom(FIXTURES / "latin1_551.ged")  # CHAR ANSI: Windows-1252
    assert case.family.people()[0].display_name == "Maïlys Müller"
    text = b"0 HEAD\n1 GEDC\n2 VERS 5.5.1\n0 @I1@ INDI\n1 NAME Zo\xeb /Vale/\n0 TRLR\n"
    case, summary = import_gedcom(text)  # no CHAR and not UTF-8: Latin-1, with a note
    assert case.family.people()[0].given == "Zoë"
    assert "read it as Latin-1" in summary.line()


@pytest.mark.parametrize("head,version,note", [
    (b"0 HEAD\n1 GEDC\n2 VERS 7.0\n", "7.0", None),
    (b"0 HEAD\n1 GEDC\n2 VERS 5.5.1\n2 FORM LINEAGE-LINKED\n1 CHAR UTF-8\n", "5.5.1", None),
    (b"0 HEAD\n1 SOUR X\n", "", "gives no GEDCOM version"),
    (b"0 HEAD\n1 GEDC\n2 VERS 4.0\n", "4.0", "GEDCOM 4.0 is not a version Kinscape knows"),
])
def test_header_versions(head, version, note):
    _, summary = import_gedcom(head + b"0 @I1@ INDI\n1 NAME Ada /Vale/\n0 TRLR\n")
    assert summary.version == version
    assert (note in summary.line()) if note else summary.notes == []


def test_utf16_with_byte_order_mark():
    text = "0 HEAD\r\n1 GEDC\r\n2 VERS 5.5.1\r\n1 CHAR UNICODE\r\n0 @I1@ INDI\r\n1 NAME Łucja\r\n0 TRLR\r\n"
    case, _ = import_gedcom(text.encode("utf-16"))
    assert case.family.people()[0].given == "Łucja"


@pytest.mark.parametrize("text,expected", [
    ("12 MAR 1980", FuzzyDate(1980, 3, 12)),
    ("MAR 1980", FuzzyDate(1980, 3)),
    ("1980", FuzzyDate(1980)),
    ("ABT 1980", FuzzyDate(1980, approx=True)),
    ("EST 12 MAR 1980", FuzzyDate(1980, approx=True)),
    ("CAL 1980", FuzzyDate(1980, approx=True)),
    ("AFT 1980", FuzzyDate(1980, approx=True)),
    ("BET 1970 AND 1980", FuzzyDate(1975, approx=True)),
    ("@#DJULIAN@ 11 FEB 1731/32", FuzzyDate(1732, 2, 11)),
    ("INT 1980 (about when she left school)", FuzzyDate(1980)),
    ("31 FEB 1980", FuzzyDate(1980, 2)),
    ("(the winter of the big snow)", None),
    ("@#DHEBREW@ 1 TSH 5760", None),
    ("44 BCE", None),
    ("12 SMARCH 1980", None),
])
def test_dates(text, expected):
    assert parse_gedcom_date(text) == expected


def test_date_formats_read_back():
    for d in (FuzzyDate(1980, 3, 2), FuzzyDate(1980, 3), FuzzyDate(1980),
              FuzzyDate(1980, approx=True)):
        assert parse_gedcom_date(format_gedcom_date(d)) == d


# ---- broken files -----------------------------------------------------------------------------
@pytest.mark.parametrize("name,line,words", [
    ("empty.ged", 1, "is empty"),
    ("bad_level.ged", 6, "level 3 follows level 1"),
    ("no_head.ged", 1, '"0 HEAD"'),
    ("no_trlr.ged", 6, "TRLR"),
    ("unknown_pointer.ged", 8, "@I9@ points to a record that is not in the file"),
    ("binary.ged", 4, "binary data"),
    ("cycle.ged", 15, "own ancestor: @I1@ → @F1@ → @I2@ → @F2@ → @I1@"),
    ("partner_and_child.ged", 8, "@I1@ is both a partner and a child in @F1@"),
    ("duplicate_xref.ged", 6, "@I1@ is used for two records"),
])
def test_malformed_files_give_one_line_and_no_output(name, line, words, tmp_path, capsys):
    with pytest.raises(GedcomError) as info:
        import_gedcom(FIXTURES / name)
    assert str(info.value).startswith(f"line {line}: ") and words in str(info.value)
    out = tmp_path / "case.kinscape"
    assert main(["import", str(FIXTURES / name), "-o", str(out)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and f"{name}: line {line}: " in captured.err
    assert "Traceback" not in captured.err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("data,words", [
    (b"0 HEAD\n1 GEDC\n0 @F1@ FAM\n1 HUSB @F1@\n0 TRLR\n", "points to a family, not a person"),
    (b"0 HEAD\n1 GEDC\n0 @I1@ INDI\n1 FAMS I1\n0 TRLR\n", "should point to a record"),
    (b"0 HEAD\n1 GEDC\n0 @I1@ INDI\n0 @F1@ FAM\n1 HUSB @I1@\n1 WIFE @I1@\n0 TRLR\n",
     "names @I1@ as both partners"),
    (b"0 HEAD\n1 GEDC\n0 @I1@ INDI\n1\n0 TRLR\n", "cannot read this line"),
    ((b"0 HEAD\n1 GEDC\n0 @I1@ INDI\n0 @I2@ INDI\n0 @I3@ INDI\n0 @F1@ FAM\n1 HUSB @I1@\n"
      b"1 WIFE @I2@\n1 HUSB @I3@\n0 TRLR\n"), "names more than two partners"),
])
def test_impossible_structure(data, words):
    with pytest.raises(GedcomError, match=re.escape(words)):
        import_gedcom(data)


def test_a_repeated_partner_line_is_harmless():
    data = (b"0 HEAD\n1 GEDC\n0 @I1@ INDI\n0 @I2@ INDI\n0 @F1@ FAM\n1 HUSB @I1@\n"
            b"1 HUSB @I1@\n1 WIFE @I2@\n0 TRLR\n")
    case, summary = import_gedcom(data)
    assert len(case.family.unions()) == 1 and summary.unknown_partners == 0


# ---- the command ------------------------------------------------------------------------------
def test_command_writes_a_case_and_prints_the_summary(tmp_path, capsys):
    out = tmp_path / "family.kinscape"
    assert main(["import", str(FIXTURES / "edge_v7.ged"), "-o", str(out)]) == 0
    line = capsys.readouterr().out
    assert line.startswith("Imported 8 people and 3 families;") and line.count("\n") == 1
    case = read_case(out)
    assert case.meta.title == "edge v7" and case.family.person_count() == 9
    bare = tmp_path / "case.json"
    assert main(["import", str(FIXTURES / "edge_v7.ged"), "-o", str(bare)]) == 0
    assert read_case(bare).family.person_count() == 9


def test_command_never_replaces_a_case_unasked(tmp_path, capsys):
    out = tmp_path / "family.kinscape"
    out.write_bytes(b"precious")
    assert main(["import", str(FIXTURES / "edge_v7.ged"), "-o", str(out)]) == 1
    assert "--force" in capsys.readouterr().err and out.read_bytes() == b"precious"
    assert main(["import", str(FIXTURES / "edge_v7.ged"), "-o", str(out), "--force"]) == 0
    assert read_case(out).family.person_count() == 9
    assert main(["import", str(tmp_path / "missing.ged"), "-o", str(tmp_path / "x.kinscape")]) == 1
    assert "cannot read" in capsys.readouterr().err


# ---- export -----------------------------------------------------------------------------------
def test_export_round_trip_of_edge_cases():
    case, _ = import_gedcom(FIXTURES / "edge_v7.ged")
    text = export_gedcom7(case, include_private=True)
    assert text.startswith("0 HEAD\n1 GEDC\n2 VERS 7.0\n") and text.endswith("0 TRLR\n")
    again, summary = import_gedcom(text.encode())
    assert structure(again) == structure(case)
    assert summary.skipped == {} and summary.unknown_partners == 1
    assert "2 PEDI ADOPTED" in text and "2 PEDI FOSTER" in text and "3 PHRASE Step" in text
    assert "1 SEX X" in text and "1 DEAT Y" in text and "1 DIV" in text


def test_export_of_a_case_built_in_the_app():
    from dataclasses import replace

    from genogram.model import Case, CaseMeta, UpdateChildLink, UpdateUnion

    case = Case(CaseMeta(title="Invented"))
    e, dana = ops.add_person(case, "Dana", Gender.FEMALE, born=FuzzyDate(1990, 5, 2))
    case.apply(e)
    e, rae = ops.add_partner(case, dana, "Rae", Gender.FEMALE)
    case.apply(e)
    e, rosa = ops.add_child(case, dana, "Rosa", Gender.FEMALE, kind=ChildKind.KINSHIP)
    case.apply(e)
    union = case.family.unions_of(dana)[0]
    case.apply(UpdateUnion(replace(union, kind=UnionKind.SEPARATED, started=FuzzyDate(2015),
                                   separated=FuzzyDate(2020, 4))))
    e, _ = ops.add_child(case, rae, "Omar", Gender.MALE)  # into the same union
    case.apply(e)
    e, _ = ops.add_parents(case, rosa)  # Rosa's birth parents, "Mother" and "Father"
    case.apply(e)
    e, kai = ops.add_person(case, "Kai", Gender.NON_BINARY)
    case.apply(e)
    e, baby = ops.add_child(case, kai, "Bo", Gender.UNKNOWN)  # a "Not known" partner
    case.apply(e)
    case.apply(UpdateChildLink(replace(case.family.parent_links(baby)[0],
                                       kind=ChildKind.SPECIAL_GUARDIANSHIP)))
    text = export_gedcom7(case)
    assert NOT_KNOWN not in text  # the stand-in partner is left out, as GEDCOM says it
    again, summary = import_gedcom(text.encode())
    assert summary.unknown_partners == 1

    def shape(c):
        fam = c.family
        name = {p.id: p.display_name for p in fam.people()}
        return sorted((tuple(sorted(name[x] for x in u.partners)), u.kind, u.started, u.separated,
                       tuple(sorted((name[l.child], l.kind) for l in fam.children_of(u.id))))
                      for u in fam.unions())

    assert shape(again) == shape(case)


def test_private_people_are_masked_unless_asked():
    case, _ = import_gedcom(b"0 HEAD\n1 GEDC\n2 VERS 7.0\n0 @I1@ INDI\n1 NAME Dee /Brook/\n"
                            b"1 SEX F\n1 BIRT\n2 DATE 2011\n1 RESN PRIVACY\n0 TRLR\n")
    hidden = export_gedcom7(case)
    assert "Dee" not in hidden and "2011" not in hidden and "1 NAME Private" in hidden
    assert "1 SEX F" in hidden and "1 RESN PRIVACY" in hidden
    again, _ = import_gedcom(hidden.encode())
    assert again.family.people()[0].private
    assert "Dee" in export_gedcom7(case, include_private=True)


@pytest.mark.parametrize("lines,given,family", [
    ("1 NAME Ada Mae /Vale/\n", "Ada Mae", "Vale"),
    ("1 NAME Ada Vale\n2 GIVN Ada\n2 SURN Vale\n", "Ada", "Vale"),
    ("1 NAME /Vale/\n2 GIVN Ada\n", "Ada", "Vale"),
    ("1 NAME Ada\n", "Ada", ""),
    ("1 NAME\n2 GIVN Ada\n2 SURN Vale\n", "Ada", "Vale"),
    ("1 NAME Ada /Vale/ Jr.\n1 NAME Ada /Other/\n", "Ada", "Vale Jr."),
])
def test_names(lines, given, family):
    data = f"0 HEAD\n1 GEDC\n2 VERS 5.5.1\n0 @I1@ INDI\n{lines}0 TRLR\n".encode()
    (person,) = import_gedcom(data)[0].family.people()
    assert (person.given, person.family_name) == (given, family)


# ---- robustness: whatever the bytes, a result or one GedcomError ------------------------------
_TAGS = ["HEAD", "TRLR", "INDI", "FAM", "NAME", "SEX", "BIRT", "DEAT", "DATE", "FAMC", "FAMS",
         "HUSB", "WIFE", "CHIL", "PEDI", "MARR", "DIV", "CONT", "CONC", "NOTE", "GEDC", "VERS"]
_VALUES = ["", "M", "X", "@I1@", "@I2@", "@F1@", "@VOID@", "ABT 1980", "BET 1 AND 2", "adopted",
           "Ada /Vale/", "Y", "7.0", "@@x", "31 FEB 1980"]
_line = st.tuples(st.integers(0, 3), st.sampled_from(["", "@I1@ ", "@I2@ ", "@F1@ "]),
                  st.sampled_from(_TAGS), st.sampled_from(_VALUES))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_line, max_size=25), st.booleans())
def test_any_line_soup_imports_or_fails_cleanly(lines, wrap):
    body = "\n".join(f"{lv} {x}{tag} {val}".rstrip() for lv, x, tag, val in lines)
    text = f"0 HEAD\n1 GEDC\n2 VERS 7.0\n{body}\n0 TRLR\n" if wrap else body
    try:
        case, summary = import_gedcom(text.encode())
    except GedcomError as exc:
        assert "\n" not in str(exc) and str(exc)
    else:
        assert summary.people + summary.unknown_partners == case.family.person_count()


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_import_or_fail_cleanly(data):
    try:
        import_gedcom(b"0 HEAD\n" + data)
    except GedcomError as exc:
        assert str(exc).startswith("line ") or "ancestor" in str(exc) or "cannot hold" in str(exc)


def test_adoption_event_christening_and_burial_stand_in():
    data = (b"0 HEAD\n1 GEDC\n2 VERS 5.5.1\n"
            b"0 @I1@ INDI\n1 NAME Ada /Vale/\n1 SEX F\n1 FAMS @F1@\n"
            b"0 @I2@ INDI\n1 NAME Bo /Vale/\n1 CHR\n2 DATE 4 MAY 1901\n1 BURI\n2 DATE 1970\n"
            b"1 ADOP\n2 FAMC @F1@\n3 ADOP BOTH\n"
            b"0 @F1@ FAM\n1 WIFE @I1@\n0 TRLR\n")
    case, summary = import_gedcom(data)
    bo = by_ref(case)["@I2@"]
    assert bo.born == FuzzyDate(1901, approx=True) and bo.died == FuzzyDate(1970, approx=True)
    assert bo.deceased
    (link,) = case.family.parent_links(bo.id)
    assert link.kind is ChildKind.ADOPTED
    assert case.family.union(link.union).kind is UnionKind.CASUAL  # one partner, no events
    assert summary.unknown_partners == 1


_INDI_LINES = ["1 NAME Ada /Vale/", "1 SEX X", "1 SEX F", "1 SEX M", "1 BIRT", "2 DATE ABT 1980",
               "2 DATE 3 MAR 2001", "1 DEAT Y", "1 FAMC @F1@", "1 FAMC @F2@", "2 PEDI FOSTER",
               "2 PEDI ADOPTED", "1 FAMS @F1@", "1 FAMS @F2@", "1 RESN PRIVACY"]
_FAM_LINES = ["1 HUSB @I1@", "1 WIFE @I2@", "1 HUSB @I3@", "1 WIFE @I4@", "1 CHIL @I3@",
              "1 CHIL @I4@", "1 CHIL @I1@", "1 MARR", "2 DATE 1990", "1 DIV Y", "1 ENGA Y"]
_body = st.lists(st.sampled_from(_INDI_LINES), max_size=6)
_fam_body = st.lists(st.sampled_from(_FAM_LINES), max_size=7)


def _records(people: list[list[str]], fams: list[list[str]]) -> list[str]:
    """Five people and two families, each defined once, with random facts and links."""
    out = []
    for n, body in enumerate(people, start=1):
        out += [f"0 @I{n}@ INDI", f"1 NAME P{n} /Vale/", *body]
    for n, body in enumerate(fams, start=1):
        out += [f"0 @F{n}@ FAM", "1 _UID x", *body]
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_body, min_size=5, max_size=5), st.lists(_fam_body, min_size=2, max_size=2))
def test_random_families_import_cleanly_and_round_trip(people, fams):
    text = "\n".join(["0 HEAD", "1 GEDC", "2 VERS 5.5.1", *_records(people, fams), "0 TRLR", ""])
    try:
        case, summary = import_gedcom(text.encode())
    except GedcomError as exc:
        assert "\n" not in str(exc)
        return
    assert summary.people + summary.unknown_partners == case.family.person_count()
    again, _ = import_gedcom(export_gedcom7(case, include_private=True).encode())
    assert structure(again) == structure(case)


def test_the_real_command_line_gives_one_line_for_a_broken_file(tmp_path):
    out = tmp_path / "case.kinscape"
    result = subprocess.run([sys.executable, "-m", "genogram", "import",
                             str(FIXTURES / "bad_level.ged"), "-o", str(out)],
                            check=False, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == ("genogram: bad_level.ged: line 6: level 3 follows level 1; a line can"
                             " only go one level deeper than the line before it\n")
    assert not out.exists()
