"""Direct work with children: three houses, safety mapping, the chronology, words and pictures.

The records live in the model (genogram/model/records.py); this package holds the rules that
keep them honest (validation), who may read them (consent), the merged chronology and the
story helpers the editor and the printouts share. Pure Python: no Qt, no printing.
"""
from __future__ import annotations

from .chronology import ChronologyFilter, chronology, filter_events
from .consent import ConsentError, may_see, require_reader
from .story import page_reading_ages, story_for, story_from_outline
from .validation import (
           Problem,
           StatusError,
           advance_status,
           check_exact_words,
           validate_houses,
           validate_map,
           validate_story,
)

__all__ = ["ChronologyFilter", "ConsentError", "Problem", "StatusError", "advance_status",
           "check_exact_words", "chronology", "filter_events", "may_see", "page_reading_ages",
           "require_reader", "story_for", "story_from_outline", "validate_houses", "validate_map",
           "validate_story"]
