"""One call that checks a piece of plan text the way the editor and `genogram check` show it."""
from __future__ import annotations

from dataclasses import dataclass
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
    """Language that cares, SMART rules for `as_` (outcome, action, child), and reading age."""
    ctx = ctx or Context()
    matches = tuple(find_matches(text, ctx.preferred or None))
    findings = tuple(check_item(text, as_, ctx, matches))
    readability = assess(text, "child" if as_ == "child" else "adult", ctx.child_age)
    return CheckResult(matches, findings, readability)
