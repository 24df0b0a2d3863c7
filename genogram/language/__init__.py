"""Language that cares, SMART checks and reading age for plans and child-facing text.

Pure Python and fast enough to run on every keystroke; nothing here ever rewrites text by
itself (`apply_suggestion` is the explicit one-click replace).
"""
from .glossary import Entry, GlossaryError, default_glossary, load_glossary
from .matcher import Match, Matcher, apply_suggestion, find_matches, quoted_spans
from .readability import Readability, assess, count_syllables
from .report import AS_KINDS, CheckResult, check_text
from .smart import Context, Finding, check_action, check_child_text, check_outcome, check_plan_shape

__all__ = [
    "AS_KINDS", "CheckResult", "Context", "Entry", "Finding", "GlossaryError", "Match", "Matcher",
    "Readability", "apply_suggestion", "assess", "check_action", "check_child_text",
    "check_outcome", "check_plan_shape", "check_text", "count_syllables", "default_glossary",
    "find_matches", "load_glossary", "quoted_spans",
]
