"""Plan types and words-and-pictures story outlines, read from `plan_templates/` as data.

Each plan type (early help, child in need, child protection, child in care, pathway, safety
plan) is one JSON file listing its sections with prompts for the adult and the child's copy;
story outlines are JSON files of kind "story". The format is documented in
`plan_templates/README.md`; everything is validated on load so a council's edited file gets
one clear sentence, not a traceback.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

ROLES = ("profile", "worry", "strength", "outcome", "action", "rule", "network", "text",
         "child_view", "parents_view", "contingency", "review")
SPEAKERS = ("family", "professional")


class TemplateError(ValueError):
    """A plan template that cannot be used, said in one sentence."""


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    child_title: str
    role: str
    prompt: str
    child_prompt: str = ""
    required: bool = True
    many: bool = True


@dataclass(frozen=True)
class PlanTemplate:
    id: str
    name: str
    child_name: str
    description: str
    timescales: str
    sections: tuple[Section, ...]

    def section(self, section_id: str) -> Section:
        for s in self.sections:
            if s.id == section_id:
                return s
        raise TemplateError(f"the {self.name.lower()} has no section {section_id!r}")

    def role_of(self, section_id: str) -> str:
        """The section's role, or "text" for a section this plan type does not know."""
        return next((s.role for s in self.sections if s.id == section_id), "text")


@dataclass(frozen=True)
class StoryPage:
    id: str
    heading: str
    prompt: str
    required: bool = True
    speaker: str = "family"


@dataclass(frozen=True)
class StoryOutline:
    id: str
    name: str
    source: str
    pages: tuple[StoryPage, ...]


def _text(raw: dict[str, Any], key: str, where: str, required: bool = True) -> str:
    value = raw.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise TemplateError(f"{where}: {key!r} must be {'non-empty ' if required else ''}text")
    return value


def _flag(raw: dict[str, Any], key: str, where: str, default: bool) -> bool:
    value = raw.get(key, default)
    if not isinstance(value, bool):
        raise TemplateError(f"{where}: {key!r} must be true or false")
    return value


def _unique(ids: list[str], what: str, where: str) -> None:
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        raise TemplateError(f"{where}: {what} {', '.join(dup)} appear more than once")


def parse_plan_template(data: Any, where: str = "template") -> PlanTemplate:
    if not isinstance(data, dict) or data.get("format") != 1 or data.get("kind") != "plan":
        raise TemplateError(f"{where}: not a plan template (format 1, kind \"plan\")")
    sections_raw = data.get("sections")
    if not isinstance(sections_raw, list) or not sections_raw:
        raise TemplateError(f"{where}: sections must be a non-empty list")
    sections = []
    for k, raw in enumerate(sections_raw):
        at = f"{where} section {k + 1}"
        if not isinstance(raw, dict):
            raise TemplateError(f"{at}: must be an object")
        role = raw.get("role")
        if role not in ROLES:
            raise TemplateError(f"{at}: role {role!r} is not one of {', '.join(ROLES)}")
        sections.append(Section(_text(raw, "id", at), _text(raw, "title", at),
                                _text(raw, "child_title", at), role, _text(raw, "prompt", at),
                                _text(raw, "child_prompt", at, required=False),
                                _flag(raw, "required", at, True), _flag(raw, "many", at, True)))
    _unique([s.id for s in sections], "section ids", where)
    return PlanTemplate(_text(data, "id", where), _text(data, "name", where),
                        _text(data, "child_name", where), _text(data, "description", where, False),
                        _text(data, "timescales", where), tuple(sections))


def parse_story_outline(data: Any, where: str = "outline") -> StoryOutline:
    if not isinstance(data, dict) or data.get("format") != 1 or data.get("kind") != "story":
        raise TemplateError(f"{where}: not a story outline (format 1, kind \"story\")")
    pages_raw = data.get("pages")
    if not isinstance(pages_raw, list) or not pages_raw:
        raise TemplateError(f"{where}: pages must be a non-empty list")
    pages = []
    for k, raw in enumerate(pages_raw):
        at = f"{where} page {k + 1}"
        if not isinstance(raw, dict):
            raise TemplateError(f"{at}: must be an object")
        speaker = raw.get("speaker", "family")
        if speaker not in SPEAKERS:
            raise TemplateError(f"{at}: speaker {speaker!r} is not one of {', '.join(SPEAKERS)}")
        pages.append(StoryPage(_text(raw, "id", at), _text(raw, "heading", at),
                               _text(raw, "prompt", at), _flag(raw, "required", at, True), speaker))
    _unique([p.id for p in pages], "page ids", where)
    if pages[0].id != "title":
        raise TemplateError(f"{where}: the first page must be the title page")
    return StoryOutline(_text(data, "id", where), _text(data, "name", where),
                        _text(data, "source", where, False), tuple(pages))


def _read_all() -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for res in files("plan_templates").iterdir():
        if not res.name.endswith(".json") or res.name == "timescales.json":
            continue
        try:
            data = json.loads(res.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise TemplateError(f"{res.name} is not valid JSON (line {exc.lineno})") from exc
        found[res.name] = data
    return found


@lru_cache(maxsize=1)
def _catalogue() -> tuple[dict[str, PlanTemplate], dict[str, StoryOutline]]:
    plans: dict[str, PlanTemplate] = {}
    stories: dict[str, StoryOutline] = {}
    for name, data in sorted(_read_all().items()):
        kind = data.get("kind") if isinstance(data, dict) else None
        if kind == "plan":
            t = parse_plan_template(data, name)
            plans[t.id] = t
        elif kind == "story":
            o = parse_story_outline(data, name)
            stories[o.id] = o
        else:
            raise TemplateError(f"{name}: kind must be \"plan\" or \"story\"")
    return plans, stories


def plan_types() -> list[str]:
    return sorted(_catalogue()[0])


def plan_template(plan_type: str) -> PlanTemplate:
    plans = _catalogue()[0]
    try:
        return plans[plan_type]
    except KeyError:
        raise TemplateError(f"there is no plan type {plan_type!r}; choose from "
                            f"{', '.join(sorted(plans))}") from None


def story_outlines() -> list[str]:
    return sorted(_catalogue()[1])


def story_outline(outline_id: str) -> StoryOutline:
    stories = _catalogue()[1]
    try:
        return stories[outline_id]
    except KeyError:
        raise TemplateError(f"there is no story outline {outline_id!r}; choose from "
                            f"{', '.join(sorted(stories))}") from None
