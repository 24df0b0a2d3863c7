"""Child-friendly wording drafted from adult plan text: "you", plain words, short sentences."""
from __future__ import annotations

from genogram.demo import load_demo
from genogram.language import find_matches
from genogram.model.records import Plan, PlanItem
from genogram.plans.drafting import (
    child_choice,
    child_words,
    draft_child_text,
    draft_item,
    preferred_words,
    with_drafts,
)

NAMES = ("Llŷr",)
PREFERRED = {"social worker": "Jess", "maternal grandmother": "Mamgu"}


def test_the_childs_name_becomes_you_and_verbs_agree() -> None:
    d = draft_child_text("Llŷr is happy at school and Llŷr goes swimming with Dad.", NAMES)
    assert d.text == "You are happy at school and you go swimming with Dad."
    assert [c.before for c in d.changes] == ["Llŷr", "Llŷr"]


def test_possessive_becomes_your_and_the_child_becomes_you() -> None:
    d = draft_child_text("The child will bring Llŷr's reading book every Monday.", NAMES)
    assert d.text == "You will bring your reading book every Monday."


def test_acronyms_are_spelled_out_in_the_plainest_words() -> None:
    d = draft_child_text("The ICPC will look at the plan.", NAMES)
    assert "ICPC" not in d.text
    assert "meeting" in d.text and not d.text.startswith("The the")
    assert not [m for m in find_matches(d.text) if m.kind == "acronym"]
    assert any(c.before == "ICPC" for c in d.changes)


def test_the_childs_own_words_come_first_and_read_on() -> None:
    d = draft_child_text("The social worker will arrange contact with his maternal grandmother.", NAMES,
                         PREFERRED)
    assert d.text.startswith("Jess will arrange")  # not "The Jess"
    assert "Mamgu" in d.text and "contact" not in d.text


def test_a_role_in_brackets_is_not_said_twice() -> None:
    d = draft_child_text("Jess (social worker) will visit Llŷr every two weeks.", NAMES, PREFERRED)
    assert d.text == "Jess will visit you every two weeks."


def test_blaming_words_are_left_for_the_practitioner_to_describe() -> None:
    d = draft_child_text("Staff said Llŷr was manipulative at lunch.", NAMES)
    assert "manipulative" in d.text
    assert d.needs_words == ("manipulative",)


def test_long_sentences_are_split_into_short_ones() -> None:
    text = ("Llŷr will go to breakfast club every school day with his friends from class; Dana will "
            "walk him there and Ms Bevan will phone her if he is not there by nine.")
    d = draft_child_text(text, NAMES)
    sentences = [s for s in d.text.replace("!", ".").split(".") if s.strip()]
    assert len(sentences) >= 2
    assert all(len(s.split()) <= 15 for s in sentences)
    assert any(c.why == "one idea in each short sentence" for c in d.changes)


def test_quoted_words_are_never_changed() -> None:
    d = draft_child_text('Llŷr said "I hate the LAC review".', NAMES)
    assert '"I hate the LAC review"' in d.text


def test_choice_skips_instructions_to_the_writer() -> None:
    m = next(m for m in find_matches("We will liaise with school.") if m.term == "liaise")
    assert child_choice(m) == "talk to"


def test_a_draft_never_changes_the_plan_and_an_own_wording_wins() -> None:
    case = load_demo("rivers")
    plan = Plan("p", child="p_llyr", items=(
        PlanItem("a", "action", "Llŷr will see the social worker at school.", child_text=""),
        PlanItem("b", "action", "Llŷr will see Jess.", child_text="Jess will come to school to see you.")))
    assert child_words(case, plan, plan.items[1]) == "Jess will come to school to see you."
    assert child_words(case, plan, plan.items[0]) == "You will see Jess at school."
    assert draft_item(case, plan, plan.items[0]).text == "You will see Jess at school."
    assert plan.items[0].child_text == ""  # untouched: a draft is only a proposal
    filled = with_drafts(case, plan)
    assert filled.items[0].child_text == "You will see Jess at school."
    assert filled.items[1].child_text == plan.items[1].child_text


def test_preferred_words_come_from_the_case() -> None:
    case = load_demo("rivers")
    words = preferred_words(case)
    assert words["maternal grandmother"] == "Mamgu"


def test_empty_text_drafts_nothing() -> None:
    assert draft_child_text("   ").text == ""


def test_his_and_he_become_your_and_you_only_when_nobody_else_is_meant() -> None:
    case = load_demo("rivers")
    plan = Plan("p", child="p_llyr", items=(
        PlanItem("a", "worry", "Llŷr is kind to his sister and makes everyone laugh."),
        PlanItem("b", "worry", "When Omar visits, Llŷr says he is tired.")))
    assert draft_item(case, plan, plan.items[0]).text == "You are kind to your sister and make everyone laugh."
    # Omar is a man too: "he" could be him, so it is left for the practitioner
    assert draft_item(case, plan, plan.items[1]).text == "When Omar visits, you say he is tired."


def test_a_verb_after_and_is_only_changed_for_the_childs_own_sentence() -> None:
    assert draft_child_text("Jess will visit Llŷr and makes notes.", NAMES).text == \
        "Jess will visit you and makes notes."
    assert draft_child_text("Llŷr loves football and dragons.", NAMES).text == "You love football and dragons."
