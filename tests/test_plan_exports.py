"""The printed plans: the full PDF, the DOCX, and the child's page that is always exactly one page."""
from __future__ import annotations

import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from genogram.cli import main
from genogram.demo import load_demo
from genogram.export import doc_style as D
from genogram.export.child_plan import ChildPlanError, TooLongError, child_plan_pdf
from genogram.export.plan_docx import plan_docx
from genogram.export.plan_pdf import child_plan_for, plan_pdf
from genogram.language import find_matches
from genogram.model import Delete, Put, case_to_dict
from genogram.model.records import Plan, PlanItem

PRIVATE = "counselling"


@pytest.fixture(scope="module")
def case():  # the Rivers demo and its child-in-need plan for Llŷr
    return load_demo("rivers")


@pytest.fixture(scope="module")
def plan(case):
    return child_plan_for(case)


def _with_plan(case, plan):
    """The demo with `plan` as Llŷr's only plan."""
    fresh = load_demo("rivers")
    for old in fresh.records("plans"):
        fresh.apply(Delete("plans", old.id))
    fresh.apply(Put("plans", plan))
    return fresh


def _text(data: bytes) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages]


def _sizes(data: bytes) -> list[float]:
    """The font size of every text block that shows text (a bare "BT /F1 12 Tf ET" sets a
    canvas's default state and prints nothing)."""
    out = []
    for page in PdfReader(io.BytesIO(data)).pages:
        for block in re.findall(rb"\bBT\b(.*?)\bET\b", page.get_contents().get_data(), re.DOTALL):
            if re.search(rb"T[jJ]\b", block):
                out += [float(s) for s in re.findall(rb"/F[\w+]+ ([\d.]+) Tf", block)]
    return out


def _embedded(data: bytes) -> bool:
    return b"/FontFile2" in data


def _short_plan() -> Plan:
    return Plan("short", child="p_llyr", review=None, items=(
        PlanItem("s1", "worry", "Llŷr has missed school.", child_text="You have missed some school."),
        PlanItem("s2", "action", "Dana will walk Llŷr to school.", child_text="Mum will walk you to school.",
                 who_person="p_dana", how_often="every day")), child_view="I like school.")


def _long_plan(n: int) -> Plan:
    sentence = "You and Mum will go to the park after school and play football on the grass."
    items = tuple(PlanItem(f"l{i}", ("worry", "working_well", "outcome", "action")[i % 4],
                           f"Adult text {i}.", child_text=sentence) for i in range(n))
    return Plan("long", child="p_llyr", items=items, child_view="I want more football.")


# ---- the child's page ------------------------------------------------------------------------------
def test_demo_child_page_is_one_page_with_the_childs_words(case, plan) -> None:
    data, fit = child_plan_pdf(case, plan)
    pages = _text(data)
    assert len(pages) == 1
    text = " ".join(pages[0].split())
    assert "Llŷr’s plan" in text
    assert "We will check how things are going on Tuesday 2 February 2027" in text
    assert "I like it when Mamgu does the swap because nobody shouts." in text  # verbatim
    assert PRIVATE not in text.lower()
    assert "OpenMoji" in text  # the pictogram attribution
    assert _embedded(data)
    assert fit.size >= D.CHILD_MIN_SIZE


@pytest.mark.parametrize("which", ["short", "long"])
def test_short_and_long_plans_fit_one_page_never_under_14_pt(case, which) -> None:
    plan = _short_plan() if which == "short" else _long_plan(12)
    data, fit = child_plan_pdf(_with_plan(case, plan), plan)
    assert len(PdfReader(io.BytesIO(data)).pages) == 1
    assert fit.size == (16.0 if which == "short" else fit.size)
    if which == "long":
        assert fit.size < 16.0  # it had to shrink to fit
    sizes = _sizes(data)
    body = [s for s in sizes if s != D.ATTRIBUTION_SIZE]
    assert body and min(body) >= D.CHILD_MIN_SIZE
    assert sizes.count(D.ATTRIBUTION_SIZE) == 1  # only the licence line is small
    assert "Llŷr" in _text(data)[0]


def test_a_plan_too_long_for_one_page_says_what_to_shorten(case, tmp_path, capsys) -> None:
    plan = _long_plan(40)
    big = _with_plan(case, plan)
    with pytest.raises(TooLongError) as err:
        child_plan_pdf(big, plan)
    message = str(err.value)
    assert "shorten" in message and "words" in message and "14 pt" in message
    assert "“Why grown-ups are worried”" in message or "“What needs to happen”" in message
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case_to_dict(big), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "child.pdf"
    assert main(["export", str(path), "--what", "child-plan", "-o", str(out)]) == 1
    err_text = capsys.readouterr().err
    assert "shorten" in err_text and err_text.count("\n") == 1 and "Traceback" not in err_text
    assert not out.exists()


def test_private_items_and_people_never_reach_the_childs_page(case, plan) -> None:
    secret = replace(plan, items=plan.items + (PlanItem("x", "worry", "Secret.", child_text="Kai's secret worry.",
                                                        private=True),))
    text = _text(child_plan_pdf(_with_plan(case, secret), secret)[0])[0]
    assert "secret" not in text.lower() and PRIVATE not in text.lower()


def test_no_acronyms_on_the_childs_page(case, plan) -> None:
    data, _ = child_plan_pdf(case, plan)
    text = " ".join(_text(data)[0].split())
    assert not [m for m in find_matches(text) if m.kind == "acronym"]
    typed = replace(plan, items=(PlanItem("a", "outcome", "x", child_text="You will go to your CIN meeting."),))
    with pytest.raises(ChildPlanError, match="CIN.*child in need"):
        child_plan_pdf(_with_plan(case, typed), typed)


def test_drafted_wording_spells_acronyms_out(case) -> None:
    plan = Plan("d", child="p_llyr", items=(PlanItem("a", "action", "Llŷr will go to the ICPC with Dana."),))
    text = " ".join(_text(child_plan_pdf(_with_plan(case, plan), plan)[0])[0].split())
    assert "ICPC" not in text and "You will go to the first big meeting" in text


def test_child_plan_is_the_same_bytes_each_time(case, plan) -> None:
    assert child_plan_pdf(case, plan)[0] == child_plan_pdf(case, plan)[0]


def test_no_plan_for_the_child_is_a_clear_error(tmp_path, capsys) -> None:
    case = load_demo("kowalski-price")
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case_to_dict(case), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "child.pdf"
    assert main(["export", str(path), "--what", "child-plan", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "has no plan yet" in err and err.count("\n") == 1
    assert not out.exists()


# ---- the full plan -------------------------------------------------------------------------------
def test_full_pdf_has_every_section_names_and_page_numbers(case, plan) -> None:
    data = plan_pdf(case, plan)
    pages = _text(data)
    text = " ".join(" ".join(pages).split())
    for heading in ("What we are worried about", "What is working well", "Where things are now",
                    "How we will know", "Who will do what, and when", "Support offered",
                    "What the child says, in their own words", "The parents do not agree",
                    "What is disputed", "If the plan is not working", "SMART summary", "Genogram", "Ecomap",
                    "Tuesday 2 February 2027 (02/02/2027)"):
        assert heading in text, heading
    assert "Llŷr" in text and "Ελένη" in text  # names in any script print (genogram figure)
    assert f"Page 1 of {len(pages)}" in text and len(pages) > 1
    assert PRIVATE not in text.lower()
    assert "What will be happening instead?" in text  # a SMART finding, in words
    assert not re.search(r"\b[A-Z]{3,}_[A-Z_]+\b", text)  # never a rule's code (NEGATIVE_ONLY)
    assert _embedded(data)
    assert plan_pdf(case, plan) == data  # invariant


def test_docx_opens_and_has_the_actions_table(case, plan) -> None:
    doc = Document(io.BytesIO(plan_docx(case, plan)))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert "SMART summary" in headings and "Who will do what, and when (actions)" in headings
    actions = next(t for t in doc.tables if t.rows[0].cells[0].text == "What")
    assert [c.text for c in actions.rows[0].cells] == ["What", "Who", "By when / how often", "Support offered"]
    assert any("Jess Morgan" in c.text for row in actions.rows for c in row.cells)
    everything = " ".join(p.text for p in doc.paragraphs) + " ".join(
        c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert PRIVATE not in everything.lower()
    assert len(doc.inline_shapes) == 2  # the genogram and the ecomap


@pytest.mark.parametrize(("what", "fmt", "magic"), [("plan", "pdf", b"%PDF"), ("plan", "docx", b"PK"),
                                                    ("child-plan", "pdf", b"%PDF")])
def test_command_writes_plans(tmp_path: Path, what, fmt, magic, capsys) -> None:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case_to_dict(load_demo("rivers")), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    assert main(["export", str(path), "--what", what, "-o", str(out)]) == 0
    assert out.read_bytes().startswith(magic)


def test_the_childs_own_drawing_stands_beside_its_idea(case) -> None:
    from PIL import Image

    from genogram.model import SetMedia

    buf = io.BytesIO()
    Image.new("RGB", (40, 30), "#e08040").save(buf, "PNG")
    plan = Plan("m", child="p_llyr", items=(
        PlanItem("a", "working_well", "x", child_text="You drew your house.", picture="media:house.png"),))
    with_drawing = _with_plan(case, plan)
    with_drawing.apply(SetMedia("house.png", buf.getvalue()))
    data, _ = child_plan_pdf(with_drawing, plan)
    assert b"/Subtype /Image" in data
    without, _ = child_plan_pdf(_with_plan(case, plan), plan)  # no such file: a pictogram instead
    assert b"/Subtype /Image" not in without


def test_people_who_help_are_named_as_the_child_knows_them(case, plan) -> None:
    text = " ".join(_text(child_plan_pdf(case, plan)[0])[0].split())
    assert "People who help me" in text
    for name in ("Mum", "Dad", "Jess", "Ms Bevan, your class teacher"):
        assert name in text
    assert "Jess Morgan" not in text  # the child calls her Jess


def test_child_option_picks_that_childs_latest_plan(case) -> None:
    from genogram.export import child_plan
    from genogram.export import plan_pdf as full

    older = Plan("old", child="p_llyr", items=_short_plan().items)
    two = _with_plan(case, older)
    two.apply(Put("plans", replace(_short_plan(), id="new")))  # undated, like "old"
    latest = replace(child_plan_for(case), id="plan_z")
    two.apply(Put("plans", latest))
    assert child_plan_for(two, "p_llyr").id == "plan_z"  # the one with a start date wins
    assert child_plan.export_for_cli(two, "pdf", {"child": "p_llyr"}).startswith(b"%PDF")
    with pytest.raises(ValueError, match="Jac has no plan yet"):
        full.export_for_cli(two, "pdf", {"child": "p_jac"})
    with pytest.raises(ValueError, match="nobody with the id"):
        child_plan.export_for_cli(two, "pdf", {"child": "p_nobody"})


def test_how_safe_things_are_now_and_the_name_the_child_likes(case) -> None:
    from genogram.model import FuzzyDate, SafetyMap, ScaleRating, SetMeta

    plan = _short_plan()
    rated = _with_plan(case, plan)
    day = FuzzyDate.parse("2026-10-30")
    rated.apply(Put("safety_maps", SafetyMap("sm", child="p_llyr", ratings=(
        ScaleRating("Mum", day, 6), ScaleRating("Jess", day, 4), ScaleRating("Mum", FuzzyDate.parse("2026-10-31"), 7)))))
    rated.apply(SetMeta(rated.with_meta(preferred_names={**rated.meta.preferred_names, "p_llyr": "Lly"})))
    data, fit = child_plan_pdf(rated, plan)
    text = " ".join(_text(data)[0].split())
    assert "How safe things are now" in text
    assert "Mum says 7 out of 10." in text and "Mum says 6" not in text  # the latest rating each
    assert "Jess says 4 out of 10." in text
    assert "Lly’s plan" in text
    assert len(PdfReader(io.BytesIO(data)).pages) == 1 and fit.size >= D.CHILD_MIN_SIZE


def test_a_person_marked_private_is_never_named_on_the_childs_page(case) -> None:
    plan = Plan("k", child="p_llyr", items=(
        PlanItem("a", "working_well", "x", child_text="You play games with Kai at the weekend."),))
    with pytest.raises(ChildPlanError, match="Kai, who is marked private"):
        child_plan_pdf(_with_plan(case, plan), plan)


def test_the_safety_scale_is_left_off_before_a_page_is_called_too_long(case) -> None:
    """Ratings from many people are an extra: the plan's own sections keep their room."""
    from genogram.model import FuzzyDate, SafetyMap, ScaleRating

    plan = child_plan_for(case)
    rated = _with_plan(case, plan)
    day = FuzzyDate.parse("2026-11-20")
    rated.apply(Put("safety_maps", SafetyMap("sm_many", child="p_llyr", ratings=tuple(
        ScaleRating(f"Helper {n}", day, n % 11) for n in range(12)))))
    data, fit = child_plan_pdf(rated, plan)
    assert len(PdfReader(io.BytesIO(data)).pages) == 1 and fit.size >= D.CHILD_MIN_SIZE
    assert "Helper 11 says" not in " ".join(_text(data)[0].split())
