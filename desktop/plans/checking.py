"""What the plan editor needs to know about a plan: its sections, each item's role, the checks.

The same contexts `genogram check` and the printed SMART summary use, so the editor, the
command line and the PDF never disagree about what is weak. No widgets here.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any

from genogram.export.plan_pdf import item_role, review_due, when_text, who_text
from genogram.language import CheckResult, Context, check_text
from genogram.language.readability import Readability, assess
from genogram.plans.drafting import child_names
from genogram.plans.templates import PlanTemplate, Section, TemplateError, plan_template
from genogram.plans.timescales import plan_dues

VIEW_ROLES = ("child_view", "parents_view")  # plan fields, shown as one page of people's own words
PLAN_FIELD_ROLES = (*VIEW_ROLES, "review")  # sections held by the plan itself, not by items
AS_BY_ROLE = {"outcome": "outcome", "action": "action", "rule": "action"}
ROLE_NOUNS = {"worry": "worry", "strength": "strength", "outcome": "outcome", "action": "action",
              "rule": "rule", "contingency": "contingency", "profile": "strength", "network": "person",
              "text": "item"}
STATUSES = ("draft", "agreed", "active", "reviewed", "closed")
STATUS_WORDS = {"overdue": "overdue", "due_soon": "due soon", "on_track": "on track"}


def template_for(plan: Any) -> PlanTemplate | None:
    try:
        return plan_template(plan.plan_type)
    except TemplateError:
        return None


def item_sections(plan: Any) -> list[Section]:
    """The sections that hold items, in the template's order (views and review are plan fields)."""
    t = template_for(plan)
    return [s for s in t.sections if s.role not in PLAN_FIELD_ROLES] if t else []


def section_of(plan: Any, item: Any) -> str | None:
    """The template section an item is shown under: its own, else the first with its role."""
    sections = item_sections(plan)
    if any(s.id == item.section for s in sections):
        return str(item.section)
    role = item_role(plan, item)
    return next((s.id for s in sections if s.role == role), None)


def role_noun(role: str) -> str:
    return ROLE_NOUNS.get(role, "item")


def child_age(case: Any, plan: Any) -> int | None:
    if not plan.child or not case.family.has_person(plan.child):
        return None
    age = case.age_of(plan.child)
    return age[0] if age else None


def base_context(case: Any, plan: Any) -> Context:
    child = plan.child if plan.child and case.family.has_person(plan.child) else None
    people = [n for p in case.family.people() for n in (p.given, p.known_as, p.display_name) if n]
    return Context(child_names=child_names(case, child), people=tuple(people), as_at=case.as_at(),
                   review=review_due(case, plan), child_age=child_age(case, plan),
                   preferred=dict(case.meta.preferred_names))


def item_context(base: Context, case: Any, item: Any) -> Context:
    return Context(**{**base.__dict__, "who": who_text(case, item), "when": when_text(item)})


@dataclass(frozen=True)
class ItemCheck:
    """Everything shown beside one item: SMART findings, and how hard each text is to read."""

    role: str
    adult: CheckResult
    parents: Readability
    child: CheckResult | None


def check_item(case: Any, plan: Any, item: Any, base: Context | None = None) -> ItemCheck:
    base = base or base_context(case, plan)
    role = item_role(plan, item)
    ctx = item_context(base, case, item)
    adult = check_text(item.text, AS_BY_ROLE.get(role, "text"), ctx)
    child = check_text(item.child_text, "child", ctx) if item.child_text.strip() else None
    return ItemCheck(role, adult, assess(item.text, "parent"), child)


def due_words(case: Any, plan: Any) -> str:
    """The next review and visit in words: "Review Tuesday 2 February 2027 (on track)"."""
    parts = []
    for due in plan_dues(plan, case.as_at()):
        status = STATUS_WORDS.get(due.status, due.status.replace("_", " "))
        parts.append(f"Next {due.what}: {_day(due.date)}, {status}")
    return " · ".join(parts) or "No review date yet: set a start date or a review date."


def _day(day: _dt.date) -> str:
    return f"{day.strftime('%A')} {day.day} {day.strftime('%B')} {day.year}"


def reading_words(r: Readability, reader: str) -> tuple[str, bool]:
    """("Reading age 8 (for the child, aged 8): fine", ok) for the panel beside an item."""
    if r.reading_age is None:
        return f"Too short to measure how easy it is for {reader}.", True
    target = f"; aim for {r.target} or under" if r.target is not None else ""
    verdict = "harder than it should be" if r.too_hard else "easy enough"
    return f"Reading age {r.reading_age} for {reader}{target}: {verdict}.", not r.too_hard
