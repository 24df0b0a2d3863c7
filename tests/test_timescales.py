"""Working days without weekends or bank holidays, and when visits and reviews fall due."""
import datetime as dt
import json

import pytest

from genogram.plans.timescales import (
    DUE_SOON,
    ON_TRACK,
    OVERDUE,
    TimescaleError,
    add_months,
    add_working_days,
    bank_holidays,
    default_profile,
    is_working_day,
    load_profile,
    working_days_between,
)

D = dt.date


def test_ten_working_days_over_christmas():
    # Friday 19 December 2025: Christmas, Boxing Day and New Year's Day are skipped
    assert D(2025, 12, 19).weekday() == 4
    assert add_working_days(D(2025, 12, 19), 10) == D(2026, 1, 7)
    assert D(2026, 1, 7).weekday() == 2


def test_bank_holidays_of_england_and_wales():
    assert D(2026, 4, 3) in bank_holidays(2026)       # Good Friday
    assert D(2026, 4, 6) in bank_holidays(2026)       # Easter Monday
    assert D(2026, 8, 31) in bank_holidays(2026)      # August bank holiday (not Scotland's)
    assert not is_working_day(D(2026, 5, 4))          # early May bank holiday
    assert not is_working_day(D(2026, 1, 3))          # a Saturday
    assert is_working_day(D(2026, 1, 2))
    assert D(2026, 1, 2) in bank_holidays(2026, "SCT")  # Scotland keeps 2 January


def test_adding_and_counting_working_days():
    assert add_working_days(D(2026, 4, 2), 1) == D(2026, 4, 7)    # over Easter
    assert add_working_days(D(2026, 1, 7), -10) == D(2025, 12, 19)
    assert add_working_days(D(2026, 3, 4), 0) == D(2026, 3, 4)
    assert working_days_between(D(2025, 12, 19), D(2026, 1, 7)) == 10
    assert working_days_between(D(2026, 1, 7), D(2025, 12, 19)) == -10


def test_months_clamp_to_the_end_of_the_month():
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2026, 11, 15), 3) == D(2027, 2, 15)


def test_default_profile_follows_the_practice_standards():
    p = default_profile()
    conference = D(2026, 1, 15)
    assert p.next_review("child_protection", conference) == D(2026, 4, 15)
    assert p.next_review("child_protection", conference, [D(2026, 4, 14)]) == D(2026, 10, 14)
    assert p.next_visit("child_protection", conference) == D(2026, 1, 17)
    assert p.next_visit("child_protection", conference, [D(2026, 1, 16)]) == add_working_days(D(2026, 1, 16), 10)
    entry = D(2026, 3, 2)
    assert p.next_review("child_in_care", entry) == add_working_days(entry, 20)
    assert p.next_visit("child_in_care", entry) == entry
    assert p.next_visit("child_in_care", entry, [entry]) == D(2026, 3, 9)
    assert p.next_visit("child_in_care", entry, [entry, D(2026, 3, 9)]) == D(2026, 4, 20)
    assert p.next_review("child_in_need", D(2026, 1, 10)) == D(2026, 2, 10)
    assert p.next_review("early_help", D(2026, 1, 10)) is None
    assert p.for_plan("pathway").plan_due.amount == 195


def test_status_overdue_due_soon_on_track():
    p = default_profile()
    due = D(2026, 3, 10)
    assert p.status(due, D(2026, 3, 11)) == OVERDUE
    assert p.status(due, D(2026, 3, 10)) == DUE_SOON
    assert p.status(due, D(2026, 3, 3)) == DUE_SOON      # 5 working days before
    assert p.status(due, D(2026, 3, 2)) == ON_TRACK


def test_an_authority_can_load_its_own_profile(tmp_path):
    data = json.loads(json.dumps({"format": 1, "region": "WLS", "plan_types": {
        "child_in_need": {"reviews": {"every": [{"amount": 40, "unit": "working_days"}]}}}}))
    path = tmp_path / "ours.json"
    path.write_text(json.dumps(data))
    p = load_profile(path)
    assert p.next_review("child_in_need", D(2025, 12, 19)) == add_working_days(D(2025, 12, 19), 40, "WLS")
    with pytest.raises(TimescaleError, match="no plan type 'pathway'"):
        p.for_plan("pathway")


@pytest.mark.parametrize("bad, message", [
    ({"format": 2}, "not a timescale profile"),
    ({"format": 1, "plan_types": {}}, "at least one plan type"),
    ({"format": 1, "plan_types": {"x": {"reviews": {"every": [{"amount": 3, "unit": "fortnights"}]}}}},
     "unit 'fortnights'"),
    ({"format": 1, "plan_types": {"x": {"reviews": {"every": [{"amount": -1, "unit": "days"}]}}}},
     "0 or more"),
    ({"format": 1, "region": "FR", "plan_types": {"x": {}}}, "region 'FR'"),
])
def test_bad_profiles_say_what_is_wrong(tmp_path, bad, message):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad))
    with pytest.raises(TimescaleError, match=message):
        load_profile(path)
    (tmp_path / "broken.json").write_text("{")
    with pytest.raises(TimescaleError, match="not valid JSON"):
        load_profile(tmp_path / "broken.json")


def test_a_plans_next_review_and_visit_with_their_status():
    from genogram.model import FuzzyDate
    from genogram.model.records import Plan
    from genogram.plans.timescales import plan_dues

    plan = Plan("p1", "child_protection", started=FuzzyDate(2026, 1, 15))
    dues = {d.what: d for d in plan_dues(plan, D(2026, 1, 16))}
    assert (dues["review"].date, dues["review"].status) == (D(2026, 4, 15), ON_TRACK)
    assert (dues["visit"].date, dues["visit"].status) == (D(2026, 1, 17), DUE_SOON)
    assert "3 months" in dues["review"].basis and "10 working days" not in dues["visit"].basis
    later = {d.what: d for d in plan_dues(plan, D(2026, 2, 20), visits=[D(2026, 1, 16)])}
    assert (later["visit"].date, later["visit"].status) == (D(2026, 1, 30), OVERDUE)
    assert "10 working days after the last visit" in later["visit"].basis
    own = Plan("p2", "early_help", started=FuzzyDate(2026, 1, 5), review=FuzzyDate(2026, 3, 1))
    assert [(d.what, d.date, d.basis) for d in plan_dues(own, D(2026, 2, 1))] == [
        ("review", D(2026, 3, 1), "the date set in the plan"), ("visit", D(2026, 1, 15), plan_dues(own, D(2026, 2, 1))[1].basis)]
    assert plan_dues(Plan("p3", "safety_plan", started=FuzzyDate(2026, 1, 5)), D(2026, 2, 1)) == []
