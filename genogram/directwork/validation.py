"""The rules that keep direct-work records true to the practice they come from.

Signs of Safety: every harm, danger or worry statement is paired with a safety goal; every
next step says who and by when; ratings are 0 to 10. Words and pictures: the status moves
forward one step at a time (draft, parents reviewed, read to the child, shared with the
network), never skipping a step and never going back silently. Three houses: the child's
words are kept exactly as said. Problems are plain sentences the editor shows beside the item.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ..model.records import SAFETY_KINDS, STORY_STATUSES

WORRY_KINDS = ("harm", "danger", "worry")  # someone is worried: who must be said
NEEDS_GOAL = ("danger", "worry")  # each is paired with a safety goal (harm is what already happened)
HOUSES = ("worries", "good_things", "dreams")
STATUS_WORDS = {"draft": "draft", "parents_reviewed": "parents reviewed",
                "read_to_child": "read to the child", "shared_with_network": "shared with the network"}


class StatusError(ValueError):
    """A story status change that would skip a step or go back."""


@dataclass(frozen=True)
class Problem:
    """One thing to put right: the record or item it is about, and a sentence saying what."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def _short(text: str, n: int = 40) -> str:
    t = " ".join(text.split())
    return f"“{t}”" if len(t) <= n else f"“{t[:n - 1]}…”"


def validate_map(safety_map: Any) -> list[Problem]:
    """Every worry has a goal paired with it, every next step has who and when, ratings 0–10."""
    out: list[Problem] = []
    by_id = {s.id: s for s in safety_map.statements}
    paired = {s.pairs_with for s in safety_map.statements if s.kind == "goal" and s.pairs_with}
    for s in safety_map.statements:
        where = f"{safety_map.id}/{s.id}"
        if s.kind not in SAFETY_KINDS:
            out.append(Problem(where, f"“{s.kind}” is not a kind of safety-map statement "
                                      f"({', '.join(SAFETY_KINDS)})"))
            continue
        if not s.text.strip():
            out.append(Problem(where, f"the {s.kind} statement has no words yet"))
        if s.kind in NEEDS_GOAL and s.id not in paired:
            out.append(Problem(where, f"the {s.kind} statement {_short(s.text)} has no safety goal "
                                      "paired with it"))
        if s.kind in WORRY_KINDS and not s.who.strip():
            out.append(Problem(where, f"say who is worried about {_short(s.text)}"))
        if s.kind == "goal":
            if not s.pairs_with:
                out.append(Problem(where, f"the goal {_short(s.text)} is not paired with a worry"))
            elif s.pairs_with not in by_id or by_id[s.pairs_with].kind not in WORRY_KINDS:
                out.append(Problem(where, f"the goal {_short(s.text)} is paired with "
                                          f"“{s.pairs_with}”, which is not a worry on this map"))
        if s.kind == "next_step":
            missing = [w for w, ok in (("who", s.who.strip()), ("by when", s.when is not None)) if not ok]
            if missing:
                out.append(Problem(where, f"the next step {_short(s.text)} needs "
                                          + " and ".join(missing)))
    for r in safety_map.ratings:
        where = f"{safety_map.id}/rating {r.who or '?'} {r.date.label()}"
        if isinstance(r.score, bool) or not isinstance(r.score, int) or not 0 <= r.score <= 10:
            out.append(Problem(where, f"a rating is a whole number from 0 to 10, not {r.score!r}"))
        if not r.who.strip():
            out.append(Problem(where, "say whose rating this is"))
    return out


def validate_houses(houses: Any) -> list[Problem]:
    """Houses, first house and consent lists that make sense (words are checked on change)."""
    out: list[Problem] = []
    for i, e in enumerate(houses.entries):
        where = f"{houses.id}/entry {i + 1}"
        if e.house not in HOUSES:
            out.append(Problem(where, f"“{e.house}” is not one of the houses ({', '.join(HOUSES)})"))
        if not e.words.strip() and not e.drawing:
            out.append(Problem(where, "an entry needs the child's words or a drawing"))
        if e.words.strip() and not e.written_by.strip():
            out.append(Problem(where, f"say who wrote {_short(e.words)} (the child or the worker)"))
    if houses.first_house and houses.first_house not in HOUSES:
        out.append(Problem(houses.id, f"the first house “{houses.first_house}” is not one of the houses"))
    both = {c.casefold() for c in houses.consent} & {r.casefold() for r in houses.refused}
    for name in sorted(both):
        out.append(Problem(houses.id, f"{name} is listed both as someone who may see this and someone "
                                      "who may not; ask the child again"))
    return out


def check_exact_words(old: Any, new: Any) -> None:
    """Refuse a change that rewrites words the child said: an entry's words, once kept, stay.

    Entries may be added, removed (the child changed their mind) or re-housed; an entry
    with the same position and house whose words differ is a paraphrase, and is refused."""
    for before, after in zip(old.entries, new.entries):
        if before.house == after.house and before.words != after.words and before.words.strip():
            raise ValueError(f"the child's words {_short(before.words)} are kept exactly as said; "
                             "add a new entry rather than changing them")


def validate_story(story: Any) -> list[Problem]:
    out: list[Problem] = []
    if story.status not in STORY_STATUSES:
        out.append(Problem(story.id, f"“{story.status}” is not a story status"))
    if not story.pages:
        out.append(Problem(story.id, "the story has no pages yet"))
    for i, page in enumerate(story.pages):
        if not page.text.strip() and page.section != "title":
            out.append(Problem(f"{story.id}/page {i + 1}", "the page has no words yet"))
    return out


def advance_status(story: Any, to: str) -> Any:
    """The story at status `to`, which must be the very next step; StatusError otherwise."""
    if to not in STORY_STATUSES:
        raise StatusError(f"“{to}” is not a story status; the steps are "
                          + ", then ".join(STATUS_WORDS[s] for s in STORY_STATUSES))
    here = STORY_STATUSES.index(story.status) if story.status in STORY_STATUSES else -1
    there = STORY_STATUSES.index(to)
    if there == here:
        return story
    if there < here:
        raise StatusError(f"the story is already {STATUS_WORDS[story.status]}; it cannot go back to "
                          f"{STATUS_WORDS[to]} (make a new version instead)")
    if there > here + 1:
        step = STORY_STATUSES[here + 1]
        raise StatusError(f"the story is {STATUS_WORDS.get(story.status, story.status)}; it must be "
                          f"{STATUS_WORDS[step]} before it is {STATUS_WORDS[to]}")
    return replace(story, status=to)
