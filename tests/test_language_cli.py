"""`genogram check`: the documented JSON for a text and for every plan item of a case."""
import json

import pytest

from genogram.cli import main
from genogram.model import Case, CaseMeta, FuzzyDate, Gender, case_to_dict
from genogram.model import operations as ops
from genogram.model.edits import Put
from genogram.model.records import Plan, PlanItem


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_text_json_has_exactly_the_documented_shape(capsys):
    code, out, err = run(capsys, "check", "--text", "Mum failed to engage with CAMHS.", "--as", "action", "--json")
    assert code == 0 and not err
    data = json.loads(out)
    assert set(data) == {"language", "smart", "reading_age"}
    assert [set(m) for m in data["language"]] == [{"start", "end", "term", "kind", "suggestions"}] * 2
    assert data["language"][0] == {"start": 4, "end": 20, "term": "fail to engage", "kind": "blaming",
                                   "suggestions": data["language"][0]["suggestions"]}
    assert set(data["smart"]) == {"ok", "findings"} and data["smart"]["ok"] is False
    assert all(set(f) == {"rule", "message"} for f in data["smart"]["findings"])
    assert {"VAGUE_VERB", "NO_WHEN", "BLAME_WORD", "ACRONYM"} == {f["rule"] for f in data["smart"]["findings"]}
    assert isinstance(data["reading_age"], int)


def test_text_as_child_uses_the_age_as_target(capsys):
    text = "The core group will monitor the implementation of the multi-agency plan going forward."
    data = json.loads(run(capsys, "check", "--text", text, "--as", "child", "--age", "7", "--json")[1])
    assert "READABILITY" in {f["rule"] for f in data["smart"]["findings"]}
    good = json.loads(run(capsys, "check", "--text", "You will see Mum on Saturday.", "--as", "child",
                          "--age", "7", "--json")[1])
    assert good == {"language": [], "smart": {"ok": True, "findings": []}, "reading_age": good["reading_age"]}
    assert good["reading_age"] <= 7


def test_human_output_is_readable_lines(capsys):
    code, out, _ = run(capsys, "check", "--text", "Leah will phone the school every Monday.", "--as", "action")
    assert code == 0 and "reading age" in out and "SMART: nothing to change" in out
    out = run(capsys, "check", "--text", "Sam to liaise as required.", "--as", "action")[1]
    assert "“liaise” (jargon" in out and "NO_WHEN:" in out and "{" not in out
    long = ("Leah will phone the school office every Monday morning before nine to tell the attendance "
            "lead whether Mason is well enough to come in that day.")
    out = run(capsys, "check", "--text", long, "--as", "action")[1]
    assert "long sentence (26 words; 20 or fewer reads more easily): “Leah will phone the school office …”" in out


@pytest.mark.parametrize("argv, message", [
    ((), "give a case file to check, or --text"),
    (("x.kinscape", "--text", "hi"), "not both"),
    (("x.kinscape", "--as", "child"), "--as and --age go with --text"),
    (("--text", "hi", "--age", "40"), "not a child's age"),
    (("--text", "  "), "nothing to check"),
    (("/nonexistent/case.kinscape",), "case.kinscape"),
])
def test_bad_input_is_one_line(capsys, argv, message):
    code, out, err = run(capsys, "check", *argv)
    assert code == 1 and not out
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


@pytest.fixture
def case_file(tmp_path):
    case = Case(CaseMeta(title="Invented family", fictional=True, as_at=FuzzyDate(2026, 2, 20),
                         preferred_names={"maternal grandmother": "Nanny Mo", "social worker": "Jess"}))
    edit, mason = ops.add_person(case, "Mason", Gender.MALE, born=FuzzyDate(2018, 5, 1))
    case.apply(edit)
    edit, _leah = ops.add_person(case, "Leah", Gender.FEMALE, born=FuzzyDate(1994))
    case.apply(edit)
    items = (
        PlanItem("i1", "outcomes", "Home conditions to improve.",
                 child_text="The implementation of the multi-agency plan will safeguard you going forward."),
        PlanItem("i2", "actions", "Leah will meet her drug worker every Tuesday from 3 March."),
        PlanItem("i3", "actions", "Professionals to liaise as required."),
        PlanItem("i4", "worries", "Leah's maternal grandmother says the house is cold. The social worker agrees.",
                 child_text="Your maternal grandmother says the house is cold."),
        PlanItem("i5", "child_view", "I hate contact, it's boring"),
    )
    case.apply(Put("plans", Plan("plan1", "child_in_need", child=mason, items=items,
                                 review=FuzzyDate(2026, 5, 1))))
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case_to_dict(case)))
    return path


def test_case_json_has_one_object_per_item_and_one_per_plan(capsys, case_file):
    code, out, err = run(capsys, "check", str(case_file), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert [(o["plan"], o["id"], o["as"]) for o in data] == [
        ("plan1", "i1", "outcome"), ("plan1", "i2", "action"), ("plan1", "i3", "action"),
        ("plan1", "i4", "text"), ("plan1", "i5", "text"), ("plan1", "plan1", "plan")]
    by_id = {o["id"]: o for o in data}
    rules = {k: {f["rule"] for f in o["smart"]["findings"]} for k, o in by_id.items()}
    assert {"VAGUE_VERB", "NO_MEASURE", "NOT_CHILD_FOCUSED"} <= rules["i1"]
    assert by_id["i2"]["smart"] == {"ok": True, "findings": []}
    assert {"NO_WHO", "NO_WHEN"} <= rules["i3"]
    assert rules["plan1"] == {"NO_CONTINGENCY", "NOT_AGREED"}
    # the child's copy is judged against Mason's age (7 on the case date)
    child = by_id["i1"]["child"]
    assert set(child) == {"language", "smart", "reading_age"}
    assert "READABILITY" in {f["rule"] for f in child["smart"]["findings"]}
    assert by_id["i2"]["child"] is None
    # the child's preferred words replace the glossary in the child's copy, and come first in
    # adult text, where roles the child has a word for ("social worker") stay unflagged
    assert by_id["i4"]["child"]["language"][0]["suggestions"] == ["Nanny Mo"]
    assert by_id["i4"]["child"]["language"][0]["kind"] == "preferred"
    assert [(m["term"], m["suggestions"][0]) for m in by_id["i4"]["language"]] == [
        ("maternal grandmother", "Nanny Mo")]
    # the child's own words are never checked
    assert by_id["i5"]["language"] == []


def test_case_human_output(capsys, case_file):
    out = run(capsys, "check", str(case_file))[1]
    assert out.startswith("plan plan1: Child in need plan for Mason")
    assert "NO_CONTINGENCY" in out and "their own words: not checked" in out
