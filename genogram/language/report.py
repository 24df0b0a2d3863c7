"""One call that checks a piece of plan text the way the editor and `genogram check` show it."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from .matcher import Match, find_matches
from .readability import Readability, assess
from .smart import Context, Finding, check_item

AS_KINDS = ("outcome", "action", "child")


@dataclass(frozen=True)
class CheckResult:
    language: tuple[Match, ...]
    findings: tuple[Finding, ...]
    readability: Readability

    @property
    def ok(self) -> bool:
        return not self.findings

    def as_json(self) -> dict[str, Any]:
        """The documented shape: language matches, SMART findings, reading age."""
        return {"language": [m.as_json() for m in self.language],
                "smart": {"ok": self.ok, "findings": [f.as_json() for f in self.findings]},
                "reading_age": self.readability.reading_age}


def check_text(text: str, as_: str = "outcome", ctx: Context | None = None) -> CheckResult:
    """Language that cares, SMART rules for `as_` (outcome, action, child), and reading age.

    The child's preferred words ({"social worker": "Jess"}) replace the glossary in text the
    child will read. In adult text the child's words are still never flagged, and where a
    glossary word has a preferred form it is offered first, but roles stay unflagged.
    """
    ctx = ctx or Context()
    if not text.strip():  # nothing written yet: nothing to judge
        return CheckResult((), (), assess(text, "child" if as_ == "child" else "adult", ctx.child_age))
    matches = tuple(_matches(text, as_, ctx.preferred))
    findings = tuple(check_item(text, as_, ctx, matches))
    readability = assess(text, "child" if as_ == "child" else "adult", ctx.child_age)
    return CheckResult(matches, findings, readability)


def _matches(text: str, as_: str, preferred: Mapping[str, str] | tuple[str, ...]) -> list[Match]:
    if as_ == "child" or not isinstance(preferred, Mapping):
        return find_matches(text, preferred or None)
    words = {k.lower(): v for k, v in preferred.items() if v}
    protect = {**{k: "" for k, v in preferred.items() if not v}, **{v: "" for v in words.values()}}
    out = []
    for m in find_matches(text, protect or None):
        own = words.get(m.term.lower()) or words.get(m.text.lower())
        if own and own not in m.suggestions:
            m = replace(m, suggestions=(own, *m.suggestions))
        out.append(m)
    return out
