"""`genogram check`: language that cares, SMART rules and reading age, for a text or a case.

The same checks the plan editor shows beside each item as it is typed, headless, so plans can
be checked in bulk or from other tools. Nothing is ever changed: the command only reports.
"""
from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable
from typing import Any

from ._common import CliError, load_case

EPILOG = """\
JSON for --text (one object):
  {"language": [{"start", "end", "term", "kind", "suggestions": [...]}],
   "smart": {"ok": true|false, "findings": [{"rule", "message"}]},
   "reading_age": N}
  start/end are character offsets into TEXT; kind is care, blaming, jargon, acronym,
  plain-english or preferred; reading_age is the Flesch-Kincaid grade + 5 in whole
  years (null for texts of fewer than 5 words, too short to measure).

JSON for CASE (a list, one object per plan item, then one per plan):
  {"plan": PLAN_ID, "id": ITEM_ID, "section": SECTION, "as": outcome|action|text,
   "language": [...], "smart": {...}, "reading_age": N,
   "child": {"language": [...], "smart": {...}, "reading_age": N} | null}
  "child" checks the item's child-friendly wording against the child's age. Items
  holding people's own words (the child's view, the parents' view) are never checked
  for language. The last object of each plan has "id" equal to the plan id,
  "section": "plan", and the plan-wide findings (NO_CONTINGENCY, NOT_AGREED, TOO_MANY).
  The case's preferred words ({"maternal grandmother": "Nanny Mo"}) are what the
  child's copy is checked against (kind "preferred"); in adult text they are offered
  first. People's known-as names and the child's words are never flagged.

Exit status 0 when the check ran (whatever it found), 1 for a problem with the input.
"""
_AS_BY_ROLE = {"outcome": "outcome", "action": "action", "rule": "action"}
_VOICE_ROLES = {"child_view", "parents_view"}


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "check",
        help="check plan text for language that cares, SMART rules and reading age",
        description="Check one piece of text (--text) or every plan item in a case. "
                    "Reports words with caring alternatives, SMART findings and the reading "
                    "age; never changes anything.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("case", metavar="CASE", nargs="?", help="a .kinscape file or a case.json")
    parser.add_argument("--text", metavar="TEXT", help="check this text instead of a case")
    parser.add_argument("--as", dest="as_", choices=("outcome", "action", "child"),
                        help="what TEXT is: an outcome, an action, or words for a child "
                             "(default: outcome)")
    parser.add_argument("--age", type=int, metavar="N",
                        help="with --as child: the child's age, the reading-age target (default 9)")
    parser.add_argument("--json", action="store_true", help="print JSON (shape below)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.text is not None and args.case:
        raise CliError("give either a case or --text, not both")
    if args.text is None and not args.case:
        raise CliError("give a case file to check, or --text TEXT")
    if args.case and (args.as_ or args.age is not None):
        raise CliError("--as and --age go with --text; a case's plans say what each item is")
    if args.age is not None and not 0 < args.age < 30:
        raise CliError(f"--age {args.age} is not a child's age")
    if args.text is not None:
        if not args.text.strip():
            raise CliError("--text is empty: there is nothing to check")
        return _check_text(args)
    return _check_case(args)


def _check_text(args: argparse.Namespace) -> int:
    from ..language import Context, check_text

    as_ = args.as_ or "outcome"
    result = check_text(args.text, as_, Context(child_age=args.age))
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
    else:
        print("\n".join(_human(result, args.text, as_)))
    return 0


def _human(result: Any, text: str, as_: str, indent: str = "") -> list[str]:
    r = result.readability
    age = "no words" if r.reading_age is None else f"reading age {r.reading_age}"
    if r.target is not None and r.reading_age is not None:
        age += f" (target {r.target}{', too hard' if r.too_hard else ''})"
    lines = [f"{indent}{as_}: {age}"]
    if not as_.startswith("child"):  # a child's long sentences are SMART findings already
        for ls in r.long_sentences:
            start = " ".join(text[ls.start:ls.end].split()[:6])
            lines.append(f"{indent}  long sentence ({ls.words} words; {r.sentence_limit} or fewer reads "
                         f"more easily): “{start} …”")
    for m in result.language:
        tries = " / ".join(f"“{s}”" for s in m.suggestions[:3])
        lines.append(f"{indent}  “{m.text}” ({m.kind}, characters {m.start}-{m.end}): try {tries}")
        lines.append(f"{indent}      why: {m.reason} [{m.source}]")
    if result.ok:
        lines.append(f"{indent}  SMART: nothing to change")
    for f in result.findings:
        lines.append(f"{indent}  {f.rule}: {f.message}")
        if f.suggestion:
            lines.append(f"{indent}      try: {f.suggestion}")
    if not result.language and r.reading_age is not None:
        lines.insert(1, f"{indent}  words: nothing to change")
    return lines


def _names(person: Any) -> list[str]:
    names = [person.known_as, person.given, person.given.split()[0] if person.given.strip() else "",
             person.display_name]
    return [n for n in dict.fromkeys(names) if n and n.strip()]


def _check_case(args: argparse.Namespace) -> int:
    case = load_case(args.case)
    out: list[dict[str, Any]] = []
    lines: list[str] = []
    plans = case.records("plans")
    for plan in plans:
        objects, text = _check_plan(case, plan)
        out += objects
        lines += text
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print("\n".join(lines) if plans else "this case has no plans to check")
    return 0


def _check_plan(case: Any, plan: Any) -> tuple[list[dict[str, Any]], list[str]]:
    from ..language import Context, check_plan_shape, check_text
    from ..plans.templates import TemplateError, plan_template

    role_of: Callable[[str], str]
    try:
        template = plan_template(plan.plan_type)
        role_of = template.role_of
        plan_name = template.name
    except TemplateError:
        role_of, plan_name = _guess_role, plan.plan_type.replace("_", " ")
    people = [p for p in case.family.people() if not p.is_pregnancy_or_loss]
    child = case.family.person(plan.child) if plan.child and case.family.has_person(plan.child) else None
    age = case.age_of(plan.child)[0] if child is not None and case.age_of(plan.child) else None
    known_as = {p.known_as: "" for p in people if p.known_as}
    preferred = dict(case.meta.preferred_names)
    for key, name in list(preferred.items()):  # {person id: name} keeps that name unflagged
        if case.family.has_person(key):
            known_as[name] = ""
            del preferred[key]
    ctx = Context(child_names=tuple(_names(child)) if child else (),
                  people=tuple(n for p in people for n in _names(p)), as_at=case.as_at(),
                  review=plan.review.earliest() if plan.review else None, child_age=age,
                  preferred={**known_as, **preferred})
    title = plan.title or plan_name
    lines = [f"plan {plan.id}: {title}" + (f" for {child.short_name}" if child else "")]
    objects: list[dict[str, Any]] = []
    outcomes = 0
    has_contingency = False
    for item in plan.items:
        role = role_of(item.section)
        outcomes += role == "outcome"
        has_contingency |= role == "contingency" and bool(item.text.strip())
        as_ = _AS_BY_ROLE.get(role, "text")
        item_ctx = Context(**{**ctx.__dict__, "who": item.who, "when": item.when})
        lines.append(f"  item {item.id} ({item.section})")
        if role in _VOICE_ROLES:
            obj: dict[str, Any] = {"language": [], "smart": {"ok": True, "findings": []}, "reading_age": None}
            lines.append("    their own words: not checked")
        else:
            result = check_text(item.text, as_, item_ctx)
            obj = result.as_json()
            lines += _human(result, item.text, as_, "    ")
        child_obj = None
        if item.child_text.strip():
            child_result = check_text(item.child_text, "child", item_ctx)
            child_obj = child_result.as_json()
            lines += _human(child_result, item.child_text, "child's words", "    ")
        objects.append({"plan": plan.id, "id": item.id, "section": item.section, "as": as_,
                        **obj, "child": child_obj})
    shape = check_plan_shape(outcomes, has_contingency, plan.child_view, plan.parents_view,
                             plan.parents_agree)
    objects.append({"plan": plan.id, "id": plan.id, "section": "plan", "as": "plan",
                    "language": [], "smart": {"ok": not shape, "findings": [f.as_json() for f in shape]},
                    "reading_age": None, "child": None})
    lines.append("  the plan as a whole: " + ("nothing to change" if not shape else ""))
    for f in shape:
        lines.append(f"    {f.rule}: {f.message}")
    return objects, lines


def _guess_role(section: str) -> str:
    """For a plan type with no template: read the section's name."""
    s = section.lower()
    for pattern, role in ((r"outcome|goal", "outcome"), (r"action|step|rule", "action"),
                          (r"not.working|contingen", "contingency"), (r"child.view", "child_view"),
                          (r"parent.*view", "parents_view")):
        if re.search(pattern, s):
            return role
    return "text"
