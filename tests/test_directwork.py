"""Direct-work rules: safety-map validation, the story's status order, consent, the chronology."""
from __future__ import annotations

from dataclasses import replace

import pytest

from genogram.directwork import (
    ChronologyFilter,
    StatusError,
    advance_status,
    check_exact_words,
    chronology,
    filter_events,
    may_see,
    page_reading_ages,
    story_from_outline,
    validate_houses,
    validate_map,
    validate_story,
)
from genogram.directwork.chronology import AUTO, parse_filter
from genogram.directwork.consent import ConsentError, require_reader
from genogram.model import (
    AddPerson,
    AddUnion,
    Case,
    ChildLink,
    ChronologyEvent,
    FuzzyDate,
    Gender,
    HouseEntry,
    LinkChild,
    Person,
    Put,
    SafetyMap,
    SafetyStatement,
    ScaleRating,
    Story,
    StoryPage,
    ThreeHouses,
    Union,
    UnionKind,
)

D = FuzzyDate.parse


def a_map(*statements: SafetyStatement, ratings: tuple[ScaleRating, ...] = ()) -> SafetyMap:
    return SafetyMap("sm_1", statements=statements, ratings=ratings)


# ---- validation -------------------------------------------------------------------------------
def test_a_complete_map_has_no_problems() -> None:
    m = a_map(SafetyStatement("d", "danger", "Shouting at handovers", who="Jess"),
              SafetyStatement("g", "goal", "Calm handovers", pairs_with="d"),
              SafetyStatement("n", "next_step", "Book Mamgu's", who="Dana", when=D("2026-11-08")),
              ratings=(ScaleRating("Dana", D("2026-10-01"), 0), ScaleRating("Jess", D("2026-10-01"), 10)))
    assert validate_map(m) == []


def test_a_worry_without_a_goal_is_named() -> None:
    problems = validate_map(a_map(SafetyStatement("w", "worry", "Missed school", who="Mrs Ali")))
    assert [p.where for p in problems] == ["sm_1/w"]
    assert "no safety goal" in problems[0].message and "Missed school" in problems[0].message


def test_harm_needs_who_but_not_a_goal() -> None:
    problems = validate_map(a_map(SafetyStatement("h", "harm", "He hid upstairs")))
    assert len(problems) == 1 and "who is worried" in problems[0].message


def test_a_goal_must_pair_with_a_worry_on_the_map() -> None:
    m = a_map(SafetyStatement("s", "strength", "Reads every night"),
              SafetyStatement("g", "goal", "Calm", pairs_with="s"),
              SafetyStatement("g2", "goal", "Calm too"))
    messages = " ".join(p.message for p in validate_map(m))
    assert "not a worry on this map" in messages and "not paired with a worry" in messages


@pytest.mark.parametrize("who, when, missing", [("", D("2026-11-01"), "who"), ("Dana", None, "by when"),
                                                ("", None, "who and by when")])
def test_a_next_step_needs_who_and_when(who: str, when: FuzzyDate | None, missing: str) -> None:
    problems = validate_map(a_map(SafetyStatement("n", "next_step", "Ring school", who=who, when=when)))
    assert problems and problems[0].message.endswith("needs " + missing)


@pytest.mark.parametrize("score", [-1, 11, 5.5, True])
def test_ratings_are_whole_numbers_from_0_to_10(score: object) -> None:
    problems = validate_map(a_map(ratings=(ScaleRating("Dana", D("2026-10-01"), score),)))  # type: ignore[arg-type]
    assert len(problems) == 1 and "0 to 10" in problems[0].message


def test_houses_entries_name_a_house_and_who_wrote_them() -> None:
    h = ThreeHouses("th", entries=(HouseEntry("attic", "hi", "Llŷr"), HouseEntry("dreams", "a dog")),
                    consent=("Mum",), refused=("mum",))
    messages = [p.message for p in validate_houses(h)]
    assert any("not one of the houses" in m for m in messages)
    assert any("say who wrote" in m for m in messages)
    assert any("both as someone who may see" in m for m in messages)


def test_the_childs_words_are_never_rewritten() -> None:
    old = ThreeHouses("th", entries=(HouseEntry("worries", "when mum and dad shout", "Llŷr"),))
    added = replace(old, entries=old.entries + (HouseEntry("dreams", "a dog", "Llŷr"),))
    check_exact_words(old, added)  # adding is fine
    tidied = replace(old, entries=(HouseEntry("worries", "When Mum and Dad shout.", "Llŷr"),))
    with pytest.raises(ValueError, match="kept exactly as said"):
        check_exact_words(old, tidied)


# ---- the story's status ------------------------------------------------------------------------
def test_status_moves_forward_one_step_at_a_time() -> None:
    s = Story("s1")
    for step in ("parents_reviewed", "read_to_child", "shared_with_network"):
        s = advance_status(s, step)
        assert s.status == step
    assert advance_status(s, "shared_with_network") is s


def test_status_cannot_skip_a_step() -> None:
    with pytest.raises(StatusError, match="must be parents reviewed before it is read to the child"):
        advance_status(Story("s1"), "read_to_child")


def test_status_cannot_go_back() -> None:
    with pytest.raises(StatusError, match="cannot go back to draft"):
        advance_status(Story("s1", status="read_to_child"), "draft")


def test_an_unknown_status_lists_the_steps() -> None:
    with pytest.raises(StatusError, match="draft, then parents reviewed"):
        advance_status(Story("s1"), "published")


def test_a_new_story_follows_the_outline() -> None:
    s = story_from_outline("s9", "c", "Llŷr", "words_and_pictures_long")
    assert s.status == "draft" and s.title == "Llŷr’s story"
    assert [p.section for p in s.pages][:3] == ["title", "family_strengths", "who_worried"]
    assert all(not p.text for p in s.pages)


def test_story_validation_and_reading_age_per_page() -> None:
    s = Story("s1", pages=(StoryPage("title", ""), StoryPage("who_worried", ""),
                           StoryPage("what_doing", "Mum walks you to school every day. You have breakfast there.")))
    assert [p.where for p in validate_story(s)] == ["s1/page 2"]
    ages = page_reading_ages(s)
    assert ages[:2] == [None, None] and isinstance(ages[2], int) and 5 <= ages[2] <= 9


# ---- consent -----------------------------------------------------------------------------------
def family() -> Case:
    case = Case()
    for pid, given, gender in (("c", "Llŷr", Gender.MALE), ("m", "Dana", Gender.FEMALE),
                               ("d", "Omar", Gender.MALE)):
        case.apply(AddPerson(Person(pid, given=given, gender=gender)))
    case.apply(AddUnion(Union("u", ("d", "m"), UnionKind.SEPARATED, started=D("2015-05"),
                              separated=D("2021-09"))))
    case.apply(LinkChild(ChildLink("u", "c")))
    return case


def test_consent_follows_what_the_child_said() -> None:
    case = family()
    h = ThreeHouses("th", child="c", consent=("Mum",), refused=("Dad",), read_back=True)
    assert may_see(h, None, case) and may_see(h, "worker", case)
    assert may_see(h, "Mum", case) and may_see(h, "m", case) and may_see(h, "Dana", case)
    assert may_see(h, "Llŷr", case)
    assert not may_see(h, "Dad", case) and not may_see(h, "Omar", case) and not may_see(h, "d", case)
    assert not may_see(h, "Mrs Ali", case)
    with pytest.raises(ConsentError, match="Llŷr said Omar may not see"):
        require_reader(h, "Omar", case, "these houses")
    with pytest.raises(ConsentError, match="has not said Mrs Ali may see"):
        require_reader(h, "Mrs Ali", case, "these houses")
    with pytest.raises(ConsentError, match="not been read back to Llŷr yet"):
        require_reader(replace(h, read_back=False), "Mum", case, "these houses")


def test_a_story_reaches_each_reader_in_its_turn() -> None:
    case = family()
    story = Story("s", child="c")
    assert may_see(story, "Mum", case) and may_see(story, "Omar", case)  # parents review the draft
    with pytest.raises(ConsentError, match="still a draft"):
        require_reader(story, "Llŷr", case, "this story")
    with pytest.raises(ConsentError, match="not been shared with the network yet"):
        require_reader(replace(story, status="read_to_child"), "Mrs Ali", case, "this story")
    assert may_see(replace(story, status="parents_reviewed"), "Llŷr", case)
    assert may_see(replace(story, status="shared_with_network"), "Mrs Ali", case)


def test_private_records_are_for_the_practitioner_only() -> None:
    e = ChronologyEvent("e", title="told in confidence", private=True)
    assert may_see(e, None) and not may_see(e, "Mum")


# ---- chronology --------------------------------------------------------------------------------
def test_chronology_merges_recorded_and_genogram_events_in_date_order() -> None:
    case = family()
    case.apply(AddPerson(Person("p", given="Secret", born=D("2020"), private=True)))
    case.apply(Put("chronology", ChronologyEvent("ev1", D("about 2016"), "Moved to Cardiff", "move")))
    case.apply(Put("chronology", ChronologyEvent("ev2", D("2019-03-02"), "Private talk", private=True)))
    case.apply(Put("chronology", ChronologyEvent("ev3", None, "Undated note")))
    events = chronology(case)
    titles = [e.title for e in events]
    assert titles == ["Omar and Dana married", "Moved to Cardiff", "Omar and Dana separated", "Undated note"]
    assert all(e.id.startswith(AUTO) for e in events if e.source == "genogram")
    assert "Private talk" in [e.title for e in chronology(case, include_private=True)]
    assert not any("Secret" in t for t in titles)


def test_derived_events_are_never_saved() -> None:
    case = family()
    chronology(case)
    assert case.records("chronology") == []


def test_filters_by_kind_person_dates_and_significance() -> None:
    case = family()
    case.apply(AddPerson(Person("b", given="Yasmin", born=D("2025-01-19"))))
    case.apply(Put("chronology", ChronologyEvent("ev1", D("2026-09-13"), "Referral", significance="High",
                                                 people=("c",))))
    events = chronology(case)
    assert [e.title for e in filter_events(events, ChronologyFilter(kinds=("birth",)))] == ["Yasmin was born"]
    assert [e.title for e in filter_events(events, ChronologyFilter(people=("c",)))] == ["Referral"]
    assert [e.title for e in filter_events(events, ChronologyFilter(since=D("2021"), until=D("2021")))] \
        == ["Omar and Dana separated"]
    assert [e.title for e in filter_events(events, ChronologyFilter(significance="high"))] == ["Referral"]
    assert [e.title for e in filter_events(events, parse_filter({"since": "2025", "kind": "birth,event"}))] \
        == ["Yasmin was born", "Referral"]
    with pytest.raises(ValueError, match="not a kind of chronology event"):
        parse_filter({"kind": "party"})
