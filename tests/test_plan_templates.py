"""Plan types and story outlines are data, validated on load, in caring words."""
import copy
import json
from importlib.resources import files

import pytest

from genogram.language import find_matches
from genogram.plans.templates import (
    TemplateError,
    parse_plan_template,
    parse_story_outline,
    plan_template,
    plan_types,
    story_outline,
    story_outlines,
)
from genogram.plans.timescales import default_profile

PLAN_TYPES = ["child_in_care", "child_in_need", "child_protection", "early_help", "pathway", "safety_plan"]


def test_every_plan_type_is_there_with_a_timescale_profile():
    assert plan_types() == PLAN_TYPES
    profile = default_profile()
    for pid in PLAN_TYPES:
        t = plan_template(pid)
        assert t.id == pid and t.name and t.child_name
        assert t.timescales in profile.plan_types
        assert all(s.prompt and s.child_title for s in t.sections)


def test_smart_plans_have_outcomes_actions_views_and_a_contingency():
    for pid in ("early_help", "child_in_need", "child_protection", "child_in_care", "pathway"):
        roles = {s.role for s in plan_template(pid).sections}
        assert {"outcome", "action", "child_view", "parents_view", "contingency", "review"} <= roles, pid
    assert {"rule", "network"} <= {s.role for s in plan_template("safety_plan").sections}
    assert plan_template("child_in_need").role_of("outcomes") == "outcome"
    assert plan_template("child_in_need").role_of("no such section") == "text"


def test_prompts_use_language_that_cares():
    for pid in plan_types():
        for s in plan_template(pid).sections:
            for text in (s.title, s.child_title, s.child_prompt):
                flagged = [m.text for m in find_matches(text) if m.kind in ("blaming", "acronym")]
                assert not flagged, (pid, s.id, flagged)
            assert not [m for m in find_matches(s.child_title + " " + s.child_prompt) if m.kind == "jargon"]


def test_child_headings_and_prompts_are_easy_to_read():
    from genogram.language import assess

    for pid in plan_types():
        for s in plan_template(pid).sections:
            for text in (s.child_title, s.child_prompt):
                r = assess(text, "child", 8)
                assert not r.too_hard and not r.long_sentences, (pid, s.id, r.reading_age, text)


def test_words_and_pictures_outlines():
    assert story_outlines() == ["words_and_pictures", "words_and_pictures_long"]
    short = story_outline("words_and_pictures")
    assert [p.id for p in short.pages] == ["title", "who_worried", "what_worried", "what_happened", "what_doing"]
    assert [p.heading for p in short.pages][1:] == [
        "Who is worried?", "What are they worried about?", "What happened then?",
        "What are we doing about the worries?"]
    long = story_outline("words_and_pictures_long")
    assert {"family_strengths", "safety_plan", "who_i_can_talk_to"} <= {p.id for p in long.pages}
    assert "Turnell" in long.source


def test_unknown_names_are_refused_clearly():
    with pytest.raises(TemplateError, match="no plan type 'cp'.*child_protection"):
        plan_template("cp")
    with pytest.raises(TemplateError, match="no story outline"):
        story_outline("comic")


def _load(name):
    return json.loads((files("plan_templates") / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("change, message", [
    (lambda d: d.update(kind="story"), "not a plan template"),
    (lambda d: d.update(sections=[]), "non-empty list"),
    (lambda d: d["sections"][0].update(role="wish"), "role 'wish'"),
    (lambda d: d["sections"][0].update(prompt=""), "'prompt' must be non-empty"),
    (lambda d: d["sections"][1].update(id=d["sections"][0]["id"]), "appear more than once"),
    (lambda d: d["sections"][0].update(required="yes"), "true or false"),
])
def test_bad_plan_templates(change, message):
    data = copy.deepcopy(_load("child_in_need.json"))
    change(data)
    with pytest.raises(TemplateError, match=message):
        parse_plan_template(data, "ours.json")


def test_bad_story_outlines():
    data = copy.deepcopy(_load("words_and_pictures.json"))
    data["pages"].reverse()
    with pytest.raises(TemplateError, match="first page must be the title"):
        parse_story_outline(data)
    data["pages"][0]["speaker"] = "narrator"
    with pytest.raises(TemplateError, match="speaker 'narrator'"):
        parse_story_outline(data)
