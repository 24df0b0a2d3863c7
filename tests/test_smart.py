"""Each SMART rule on a weak example (it fires) and a strong one (it does not)."""
import datetime as dt

import pytest

from genogram.language import (
    Context,
    check_action,
    check_child_text,
    check_outcome,
    check_plan_shape,
)
from genogram.language.smart import check_item

CTX = Context(child_names=("Mason", "Ruby"), people=("Leah",), as_at=dt.date(2026, 2, 20),
              review=dt.date(2026, 5, 1), child_age=8)
STRONG_ACTION = ("Leah will go to her weekly appointment with the drug and alcohol service every "
                 "Tuesday from 3 March. Her worker Sam Patel will tell the social worker by each "
                 "Friday whether she attended.")
STRONG_OUTCOME = ("By 14 March, Mason and Ruby will each have a clean bed with bedding that is "
                  "washed weekly, and the kitchen will have food for three days.")


def rules(findings):
    return [f.rule for f in findings]


def test_strong_examples_pass_every_rule():
    assert check_action(STRONG_ACTION, CTX) == []
    assert check_outcome(STRONG_OUTCOME, CTX) == []
    assert check_outcome("Mason will get to school by 8:50 am on at least 19 out of 20 school days "
                         "in each four-week period.", CTX) == []


@pytest.mark.parametrize("weak, strong", [
    ("Mum to engage with substance misuse services.", "Leah will meet her drug worker every Tuesday."),
    ("Sam Patel will support Leah.", "Sam Patel will visit Leah every Wednesday to cook tea together."),
    ("Leah will continue to maintain the home.", "Leah will hoover the bedrooms twice a week."),
])
def test_vague_verb(weak, strong):
    assert "VAGUE_VERB" in rules(check_action(weak, CTX))
    assert "VAGUE_VERB" not in rules(check_action(strong, CTX))


@pytest.mark.parametrize("weak", ["Professionals to meet every month.", "The family will tidy the kitchen every day.",
                                  "School to send the register every Friday.", "Attend the meeting every week."])
def test_no_who(weak):
    found = check_action(weak, CTX)
    assert "NO_WHO" in rules(found)
    assert "the person who will do this" in found[rules(found).index("NO_WHO")].message


def test_who_can_be_a_name_a_family_word_or_the_who_field():
    for strong in ("Mrs Ali, attendance lead, will email the register every Friday.",
                   "Mum will read with Ruby every night.", "Leah will phone every Monday."):
        assert "NO_WHO" not in rules(check_action(strong, CTX)), strong
    assert "NO_WHO" not in rules(check_action("Phone the school every Monday.",
                                              Context(who="Sam Patel (family support worker)")))
    assert "NO_WHO" in rules(check_action("School to check on Mason's attendance every week.", CTX))
    # the child is named, but no one who will act is
    assert "NO_WHO" in rules(check_action("The school nurse will weigh Ruby every month.", CTX))
    assert "NO_WHO" in rules(check_action("Mrs [name] will weigh Ruby every month.", CTX))
    assert "NO_WHO" not in rules(check_action("Mason will pack his school bag every night.", CTX))
    assert "NO_WHO" not in rules(check_action("Llŷr's dad, Rhodri, will drive him on Fridays.", CTX))


@pytest.mark.parametrize("weak", ["Leah will phone the school.", "Leah will see her GP as required.",
                                  "Sam will visit, ongoing.", "Leah to book a dentist asap."])
def test_no_when(weak):
    assert "NO_WHEN" in rules(check_action(weak, CTX))


@pytest.mark.parametrize("strong", ["Leah will phone the school by 6 March.", "Sam will visit every Thursday.",
                                    "Leah will book a dentist within 10 days.", "Dad will cook tea twice a week.",
                                    "Leah will find a nursery place by Easter."])
def test_when_found(strong):
    assert "NO_WHEN" not in rules(check_action(strong, CTX))


def test_no_when_names_the_vague_words():
    found = check_action("Leah will see her GP as required.", CTX)
    assert "“as required” is not a date: give a date" in found[rules(found).index("NO_WHEN")].message
    assert "NO_WHEN" not in rules(check_action("Leah will see her GP.", Context(when="every Monday")))


def test_dates_in_the_past_or_after_the_review():
    assert "DATE_PAST" in rules(check_action("Leah will phone the housing office by 1 February.", CTX))
    assert "DATE_PAST" in rules(check_action("Leah will phone the housing office by 2026-02-19.", CTX))
    assert "DATE_AFTER_REVIEW" in rules(check_action("Leah will phone the office by 14 June 2026.", CTX))
    fine = rules(check_action("Leah will phone the housing office by 6 March.", CTX))
    assert "DATE_PAST" not in fine and "DATE_AFTER_REVIEW" not in fine
    assert "DATE_PAST" not in rules(check_action("Leah will phone by 1 February.", Context()))


@pytest.mark.parametrize("weak", ["Home conditions to improve.", "Mason will be happier.",
                                  "Ruby will feel safe at home."])
def test_no_measure(weak):
    assert "NO_MEASURE" in rules(check_outcome(weak, CTX))


def test_measure_found():
    for strong in ("Ruby will rate feeling safe at home at 8 or more on her 0-10 scale.",
                   "Mason will sleep at home every night.", "Ruby's weight will stay above the 25th centile."):
        assert "NO_MEASURE" not in rules(check_outcome(strong, CTX)), strong


@pytest.mark.parametrize("weak", ["Attend the parenting course.", "Mum to attend parenting course by May.",
                                  "Leah will complete the Freedom Programme.", "Parents to engage with CAMHS."])
def test_action_as_outcome(weak):
    assert "ACTION_AS_OUTCOME" in rules(check_outcome(weak, CTX))


def test_the_child_going_to_school_is_an_outcome():
    assert "ACTION_AS_OUTCOME" not in rules(check_outcome("Mason will attend school on 19 of 20 days.", CTX))
    assert "ACTION_AS_OUTCOME" not in rules(check_outcome(STRONG_OUTCOME, CTX))


def test_not_child_focused():
    assert "NOT_CHILD_FOCUSED" in rules(check_outcome("Leah will drink no more than 2 units a week.", CTX))
    msg = [f.message for f in check_outcome("The house will be clean every day.", CTX)
           if f.rule == "NOT_CHILD_FOCUSED"]
    assert msg == ["Say what will be different for Mason or Ruby."]
    assert "NOT_CHILD_FOCUSED" not in rules(check_outcome("Ruby will have breakfast every day.", CTX))
    # without names, a word for the child is enough
    assert "NOT_CHILD_FOCUSED" not in rules(check_outcome("The children will have breakfast every day."))
    assert "NOT_CHILD_FOCUSED" in rules(check_outcome("The kitchen will be clean every day."))


def test_negative_only():
    assert "NEGATIVE_ONLY" in rules(check_outcome("Leah will not drink when caring for Mason.", CTX))
    assert "NEGATIVE_ONLY" in rules(check_outcome("Mason's dad will stop shouting.", CTX))
    assert "NEGATIVE_ONLY" not in rules(check_outcome(
        "When Leah is looking after Mason and Ruby she will not drink, and will put them to bed by 8pm.", CTX))


def test_optimism():
    assert "OPTIMISM" in rules(check_outcome("Hopefully Mason will feel happier.", CTX))
    assert "OPTIMISM" in rules(check_action("Leah will try to get up earlier.", CTX))
    assert "OPTIMISM" not in rules(check_outcome(
        "Mason will say he feels happier, scoring 7 or more each week for 6 weeks.", CTX))


def test_blame_words_and_acronyms_in_adult_text():
    found = check_action("Leah was aggressive and non-compliant with the IRO every week.", CTX)
    assert rules(found).count("BLAME_WORD") == 2 and "ACRONYM" in rules(found)
    expanded = check_action("Leah will meet the independent reviewing officer (IRO) every Monday.", CTX)
    assert "ACRONYM" not in rules(expanded)
    assert "ACRONYM" in rules(check_action("Leah will phone the XYZT team every Monday.", CTX))
    assert "ACRONYM" not in rules(check_action("Leah will see her GP every Monday.", CTX))


def test_child_text_readability_and_jargon():
    weak = ("The IRO will chair your LAC review and the core group will monitor the implementation of "
            "the multi-agency child protection plan in order to safeguard you.")
    found = check_child_text(weak, CTX)
    assert {"READABILITY", "ACRONYM", "JARGON"} <= set(rules(found))
    assert any("words; a child reads 15" in f.message for f in found)
    assert check_child_text("You will see Mum and Dad on Saturday. Sam will come to your house.", CTX) == []
    assert "READABILITY" in rules(check_child_text("You were taken by Sam to Nan's house.", CTX))


def test_plan_shape_rules():
    assert rules(check_plan_shape(3, False, "", "", None)) == ["NO_CONTINGENCY", "NOT_AGREED"]
    agreed = check_plan_shape(7, True, "I want to stay", "We agree with most of it", False)
    assert rules(agreed) == ["TOO_MANY"]  # a recorded disagreement is agreement recorded
    assert check_plan_shape(4, True, "I like Nan's", "Yes", True) == []


def test_findings_explain_and_unknown_kinds_are_refused():
    for f in check_outcome("Home conditions to improve.", CTX):
        assert f.message and f.suggestion
    with pytest.raises(ValueError, match="outcome, action or child"):
        check_item("text", "wish", CTX)


def test_an_empty_item_has_nothing_to_judge_yet():
    from genogram.language import check_text
    result = check_text("   ", "outcome", CTX)
    assert result.ok and result.as_json() == {"language": [], "smart": {"ok": True, "findings": []},
                                              "reading_age": None}
