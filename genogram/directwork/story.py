"""Words-and-pictures stories: built from a Turnell and Essex outline, read page by page.

The reading age of each page is measured here for the editor (it is shown before printing,
never printed in the child's booklet). Agreed plain words are applied nowhere silently:
`unagreed_words` lists hard words used on a page that the family agreed to say differently.
"""
from __future__ import annotations

import re
from typing import Any

from ..language.readability import reading_age
from ..model.entities import PersonId
from ..model.records import Story, StoryPage


def story_for(case: Any, child: str | None = None) -> Any:
    """The latest story for `child` (default: the index child); ValueError saying what is missing."""
    from ..model.family import id_order

    child = child or case.meta.index_person
    if child is None:
        raise ValueError("say whose story to print with --child ID (this case has no index child)")
    if not case.family.has_person(child):
        raise ValueError(f"there is nobody with the id {child!r} in this case")
    stories = [s for s in case.records("stories") if s.child == child]
    if not stories:
        name = case.family.person(child).short_name
        raise ValueError(f"{name} has no words-and-pictures story yet; write one before printing it")
    return max(stories, key=lambda s: id_order(s.id))


def story_from_outline(story_id: str, child_id: str, child_name: str,
                       outline_id: str = "words_and_pictures") -> Story:
    """A new draft with one empty page per section of the outline; the title names the child."""
    from ..plans.templates import story_outline

    outline = story_outline(outline_id)
    pages = tuple(StoryPage(p.id) for p in outline.pages)
    return Story(story_id, child=PersonId(child_id), title=f"{child_name}’s story", pages=pages)


def page_heading(page: Any, story: Any) -> str:
    """What the page is headed in print: the outline's heading for its section."""
    from ..plans.templates import TemplateError, story_outline

    if page.section == "title":
        return story.title
    for outline in ("words_and_pictures_long", "words_and_pictures"):
        try:
            for p in story_outline(outline).pages:
                if p.id == page.section:
                    return p.heading
        except TemplateError:
            continue
    return page.section.replace("_", " ").capitalize()


def page_reading_ages(story: Any) -> list[int | None]:
    """Each page's reading age (None for pages too short to score), in page order."""
    return [reading_age(p.text) if p.text.strip() else None for p in story.pages]


def unagreed_words(story: Any) -> list[tuple[int, str, str]]:
    """(page number, hard word used, the agreed plain words) wherever a page still says it."""
    out = []
    for n, page in enumerate(story.pages, 1):
        for aw in story.agreed_words:
            if aw.hard.strip() and re.search(rf"(?<!\w){re.escape(aw.hard)}(?!\w)", page.text, re.IGNORECASE):
                out.append((n, aw.hard, aw.plain))
    return out
