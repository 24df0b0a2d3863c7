"""Printed plans (full PDF, DOCX, the child's page) never name a person marked private; Nanny
Po is known by that name in the Kowalski-Price demo; `--what important-people` without
--child prints the index child's sheet, as --help says."""
from __future__ import annotations

import io
import re
import subprocess
import zipfile
from dataclasses import replace

import pytest
from docx import Document
from pypdf import PdfReader

from genogram.cli import main
from genogram.demo import load_demo
from genogram.export.child_plan import ChildPlanError, child_plan_pdf
from genogram.export.important_people_pdf import default_record, export_for_cli
from genogram.export.plan_docx import plan_docx
from genogram.export.plan_pdf import plan_pdf, plan_title, who_text
from genogram.layout.genogram import layout_genogram
from genogram.model import (
    AddPerson,
    AddUnion,
    Case,
    ChildLink,
    Delete,
    FuzzyDate,
    Gender,
    LinkChild,
    Person,
    Put,
    SafetyMap,
    ScaleRating,
    SetMeta,
    Union,
    UnionKind,
    UpdatePerson,
)
from genogram.model.records import Plan, PlanItem
from genogram.notation.genogram import genogram_glyphs, hidden_people, names_private, private_names
from genogram.notation.glyphs import Text, walk
from genogram.storage.casefile import case_json_bytes
from tests.pdftext import pdf_text, pdftotext

SECRET = ("Dana", "Quillfeather")  # the private person's first and family name


def family(hide: bool = True) -> Case:
    """An invented case: Sky (the child), Lee (Sky's mum), Dana Quillfeather (Lee's partner,
    private) and Maud Birch, known as "Dana's Nan". The case's title names Dana."""
    case = Case()
    case.apply(AddPerson(Person(id="p1", given="Sky", family_name="Tern", gender=Gender.FEMALE,
                                born=FuzzyDate.parse("2016-05-01"))))
    case.apply(AddPerson(Person(id="p2", given="Lee", family_name="Tern", gender=Gender.FEMALE)))
    case.apply(AddPerson(Person(id="p3", given="Dana", family_name="Quillfeather", gender=Gender.MALE,
                                private=True)))
    case.apply(AddPerson(Person(id="p4", given="Maud", family_name="Birch", known_as="Dana's Nan",
                                gender=Gender.FEMALE)))
    case.apply(AddUnion(Union(id="u1", partners=("p2", "p3"), kind=UnionKind.COHABITING)))
    case.apply(LinkChild(ChildLink("u1", "p1")))
    case.apply(SetMeta(replace(case.meta, title="Sky and Dana", worker="Jo Field", index_person="p1",
                               hide_private_in_exports=hide, as_at=FuzzyDate.parse("2026-11-01"))))
    return case


def full_plan() -> Plan:
    """Dana named everywhere a plan can name someone."""
    return Plan("pl1", child="p1", title="Sky's plan with Dana", started=FuzzyDate.parse("2026-10-01"),
                items=(
                    PlanItem("w1", "worry", "Sky is frightened when Dana shouts."),
                    PlanItem("g1", "working_well", "Maud collects Sky from school."),
                    PlanItem("o1", "outcome", "Sky feels safe at home.", baseline="Dana still visits.",
                             measure="Sky tells Maud she feels safe."),
                    PlanItem("a1", "action", "Go to a parenting course.", who_person="p3", role="Mum's partner",
                             how_often="every week with Dana's brother", support="Dana gets a place."),
                    PlanItem("a2", "action", "Read with Sky.", who="Dana Quillfeather", role="family friend",
                             how_often="every night"),
                    PlanItem("a3", "action", "Collect Sky from school.", who_person="p4", how_often="every day"),
                    PlanItem("c1", "contingency", "If Dana moves back in, we will call a meeting."),
                ),
                child_view="I want Dana to stop shouting.", parents_view="Lee says DANA is trying.",
                dispute="Lee does not agree that Dana shouts.", author="Jo Field")


def with_plan(case: Case, plan: Plan) -> Case:
    case.apply(Put("plans", plan))
    return case


def docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    props = doc.core_properties
    words = [p.text for p in doc.paragraphs]
    words += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    words += [props.title, props.subject, props.author, props.comments, props.keywords, props.last_modified_by]
    with zipfile.ZipFile(io.BytesIO(data)) as z:  # every part but the pictures (and the thumbnail)
        words += [z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".xml", ".rels"))]
    return " ".join(w or "" for w in words)


def absent(text: str) -> None:
    low = text.casefold()
    for word in SECRET:
        assert word.casefold() not in low, f"{word!r} printed in: {text[:2000]}"


def flat(text: str) -> str:
    return " ".join(text.split())


# ---- the full plan --------------------------------------------------------------------------------
def test_the_plan_pdf_names_no_private_person_in_header_metadata_or_text(tmp_path):
    plan = full_plan()
    data = plan_pdf(with_plan(family(), plan), plan)
    assert b"Dana" not in data and b"Quillfeather" not in data  # metadata included
    for text in (pdf_text(data), pdftotext(data, tmp_path)):
        absent(text)
        words = flat(text)
        assert "Child in need plan for Sky Tern" in words  # the plan's title fell back to its kind
        assert "Private, Mum's partner" in words  # who does an action that a private person does
        assert "Private, family friend" in words and "Maud Birch" in words
        assert "Sky is frightened when Private shouts." in words
        assert "I want Private to stop shouting." in words and "Lee says Private is trying." in words
        assert "People marked private are named “Private”." in words
    first = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "Sky and" not in first  # the case's title is left out of the running head


def test_the_plan_docx_names_no_private_person_in_text_or_properties():
    plan = full_plan()
    data = plan_docx(with_plan(family(), plan), plan)
    text = docx_text(data)
    absent(text)
    words = flat(text)
    assert "Private, Mum's partner" in words and "Private, family friend" in words
    assert "Sky is frightened when Private shouts." in words and "Maud Birch" in words
    assert "People marked private are named “Private”." in words
    props = Document(io.BytesIO(data)).core_properties
    assert props.title == "Child in need plan" and props.subject == "Child in need plan for Sky Tern"
    assert props.author == "Jo Field" and "python-docx" not in f"{props.comments} {props.author}"


def test_a_case_that_prints_everyone_names_them_and_the_screen_always_does(tmp_path):
    plan = full_plan()
    case = with_plan(family(hide=False), plan)
    pdf, docx = flat(pdftotext(plan_pdf(case, plan), tmp_path)), flat(docx_text(plan_docx(case, plan)))
    for words in (pdf, docx):
        assert "Dana Quillfeather, Mum's partner" in words and "Sky is frightened when Dana shouts." in words
        assert "People marked private" not in words
    assert "Sky and Dana · Sky's plan with Dana" in pdf  # the running head
    hidden = with_plan(family(), plan)  # the screen passes nothing, and sees everything
    assert plan_title(hidden, plan)[0] == "Sky's plan with Dana"
    assert who_text(hidden, plan.items[3]) == "Dana Quillfeather, Mum's partner"


def test_a_private_name_that_is_also_a_word_is_replaced_only_as_a_name(tmp_path):
    case = family()
    case.apply(AddPerson(Person(id="p5", given="Will", family_name="Hart", gender=Gender.MALE, private=True)))
    plan = Plan("pl2", child="p1", items=(
        PlanItem("a1", "action", "Lee will walk Sky to school; Will stays away.", who_person="p2",
                 how_often="every day"),))
    words = flat(pdftotext(plan_pdf(with_plan(case, plan), plan), tmp_path))
    assert "Lee will walk Sky to school; Private stays away." in words
    assert "Hart" not in words


# ---- the child's page -----------------------------------------------------------------------------
def child_plan(**changes) -> Plan:
    plan = Plan("pc", child="p1", review=FuzzyDate.parse("2027-01-10"), items=(
        PlanItem("g1", "working_well", "x", child_text="You like going to school."),
        PlanItem("a1", "action", "x", child_text="Someone will read with you.", who="Dana", role="",
                 how_often="every night"),
        PlanItem("a2", "action", "x", child_text="Maud will collect you from school.", who_person="p4",
                 how_often="every day"),
        PlanItem("a3", "action", "x", child_text="Mum will cook tea.", who_person="p2", how_often="every day"),
    ), child_view="I like school.")
    return replace(plan, **changes)


def test_the_childs_page_leaves_off_helpers_and_ratings_that_name_a_private_person(tmp_path):
    case = family(hide=False)  # the child's page keeps private people out whatever the case says
    plan = child_plan()
    with_plan(case, plan)
    day = FuzzyDate.parse("2026-10-20")
    case.apply(Put("safety_maps", SafetyMap("sm1", child="p1", ratings=(
        ScaleRating("Mum", day, 6), ScaleRating("Dana", day, 9)))))
    data = child_plan_pdf(case, plan)[0]
    assert b"Dana" not in data and b"Quillfeather" not in data
    for text in (pdf_text(data), pdftotext(data, tmp_path)):
        absent(text)
        words = flat(text)
        assert "Sky’s plan" in words and "Mum says 6 out of 10." in words
        assert "Maud" in words  # known as "Dana's Nan": called by her own first name


def test_the_childs_own_words_naming_a_private_person_are_refused_not_changed():
    case = family()
    plan = child_plan(child_view="I miss Dana.")
    with pytest.raises(ChildPlanError, match="may not name Dana, who is marked private.*child's own words"):
        child_plan_pdf(with_plan(case, plan), plan)
    worded = child_plan(items=(PlanItem("g1", "working_well", "x", child_text="You see Quillfeather's dog."),))
    with pytest.raises(ChildPlanError, match="may not name Quillfeather, who is marked private"):
        child_plan_pdf(with_plan(family(), worded), worded)


def test_a_private_child_still_gets_their_own_page():
    case = family()
    case.apply(UpdatePerson(replace(case.family.person("p1"), private=True)))
    plan = child_plan(items=(PlanItem("g1", "working_well", "x", child_text="Sky likes school."),))
    text = flat(pdf_text(child_plan_pdf(with_plan(case, plan), plan)[0]))
    assert "Sky’s plan" in text and "Sky likes school." in text


# ---- Nanny Po in the Kowalski-Price demo ----------------------------------------------------------
def test_nanny_po_is_known_as_nanny_po_so_her_household_name_names_her():
    case = load_demo("kowalski-price")
    pauline = case.family.person("p_pauline")
    assert pauline.known_as == "Nanny Po" and pauline.display_name == "Nanny Po Price"
    names = private_names(case, frozenset({"p_pauline"}))
    assert names_private("Nanny Po and Grandad's", names)
    case.apply(UpdatePerson(replace(pauline, private=True)))
    assert "p_pauline" in hidden_people(case, True)
    drawn = {t.text for t in walk(genogram_glyphs(case, layout_genogram(case), True)) if isinstance(t, Text)}
    assert not any("Nanny Po" in t for t in drawn) and "Keith Price" in drawn
    shown = {t.text for t in walk(genogram_glyphs(case, layout_genogram(case), False)) if isinstance(t, Text)}
    assert "Nanny Po and Grandad's" in shown and "Nanny Po Price" in shown


# ---- --what important-people without --child ------------------------------------------------------
def _sheet_title(path) -> str:
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.strip().splitlines()[0]


def test_important_people_prints_the_index_childs_sheet_by_default(tmp_path, capsys):
    case = load_demo("kowalski-price")
    latest = max(case.records("important_people"), key=lambda r: r.date.earliest())
    assert latest.child == "p_deniz"  # the most recent sheet of all is Deniz's, not the index child's
    assert default_record(case) == (case.record("important_people", "ip_zosia"), "")
    path, out = tmp_path / "kp.json", tmp_path / "ip.pdf"
    path.write_bytes(case_json_bytes(case))
    assert main(["export", str(path), "--what", "important-people", "-o", str(out)]) == 0
    assert capsys.readouterr().err == ""
    assert _sheet_title(out) == "Zosia’s important people"
    assert export_for_cli(case, "pdf", {}) == out.read_bytes()
    assert main(["export", str(path), "--what", "important-people", "--child", "p_deniz", "-o", str(out)]) == 0
    assert _sheet_title(out) == "Deniz’s important people"


def test_without_a_sheet_for_the_index_child_the_latest_is_printed_and_stderr_says_so(tmp_path, capsys):
    case = load_demo("kowalski-price")
    case.apply(Delete("important_people", "ip_zosia"))
    path, out = tmp_path / "kp.json", tmp_path / "ip.pdf"
    path.write_bytes(case_json_bytes(case))
    assert main(["export", str(path), "--what", "important-people", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert re.search(r"Zosia Kowalski-Price \(the index child\) has no important people sheet, so this "
                     r"prints the latest sheet, Deniz Aydın's from 20 Oct 2026; say whose with --child", err)
    assert _sheet_title(out) == "Deniz’s important people"


def test_a_private_person_doing_an_action_is_explained_at_the_end():
    from genogram.model.edits import UpdatePerson

    case = load_demo("rivers")
    case.apply(UpdatePerson(replace(case.family.person("p_omar"), private=True)))
    plan = case.records("plans")[0]
    text = flat(pdf_text(plan_pdf(case, plan)))
    assert "Omar" not in text and "Private" in text
    assert "People marked private are named" in text  # the reader is told who "Private" is
    from genogram.export.plan_pdf import Printed

    printed = Printed(case)
    assert printed.person("p_omar") == "Private" and printed.masked  # even when only "Who" says it
