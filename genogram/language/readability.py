"""Reading age of a text, and its long sentences, for child and parent copies of a plan.

The measure is the Flesch–Kincaid grade plus 5 (UK reading age ≈ US grade + 5). It was chosen
because it is defined for short texts (SMOG needs about 30 sentences, which a child's plan
never has), it is the measure most UK plain-language guidance quotes beside reading age 9,
and it only needs words, sentences and syllables, which we count here without a dictionary.
The syllable counter is a vowel-group heuristic with the usual English corrections (silent
final e, -es and -ed endings, -le, vowel + -ing) and a short list of exceptions; it is within
one syllable on everyday words, which is what a plan for a child is made of.

Targets: the child's age for the child's copy (9 when the age is unknown), 9 for parents'
copies (GOV.UK), none for the professional record. Capitalised words inside a sentence (names,
days, months: "Nanny Mo", "Saturday") and numbers count as one syllable, following the
Dale–Chall and Spache convention that proper names are familiar words: a child knows their
family's names by sight, and three-syllable names would otherwise push every plan over target.
Texts of fewer than 5 words (headings, single phrases) get no reading age: one two-syllable
word would otherwise make "Money" read like a newspaper (Flesch–Kincaid grade 8). Sentences over 15 words are flagged for
children and over 20 for adults (Easy Read; Plain English Campaign).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,:]\d+)*")
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s|$)|\n\s*\n|\n(?=\s*(?:[-•*]|\d+[.)])\s)")
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "eg", "e.g", "ie", "i.e", "etc", "approx", "no",
                  "vs", "prof", "rev", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                  "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun"}
_EXCEPTIONS = {"people": 2, "every": 2, "everyone": 3, "everything": 3, "different": 3,
               "family": 3, "families": 3, "business": 2, "area": 3, "idea": 3, "ideas": 3,
               "create": 2, "created": 3, "science": 2, "poem": 2, "quiet": 2, "being": 2,
               "toward": 2, "towards": 2, "our": 1, "hour": 1, "hours": 1, "fire": 1,
               "police": 2, "vehicle": 3, "naive": 2, "cafe": 2, "recipe": 3, "social": 2,
               "real": 1, "really": 2, "we're": 1, "you're": 1, "they're": 1, "i'm": 1,
               "isn't": 2, "doesn't": 2, "didn't": 2, "wasn't": 2, "couldn't": 2,
               "wouldn't": 2, "shouldn't": 2, "mum": 1, "nan": 1}
CHILD_SENTENCE_LIMIT = 15
ADULT_SENTENCE_LIMIT = 20
PARENT_TARGET = 9
MIN_WORDS = 5  # fewer words than this are too few to measure
MIN_AGE, MAX_AGE = 5, 21  # 21 stands for "adult level or harder"


def count_syllables(word: str) -> int:
    """Syllables in one English word (at least 1 for any word with letters)."""
    return _syllables(word.lower().replace("’", "'"))


_NOT_LETTER = re.compile(r"[^a-z]")
_VOWEL_GROUP = re.compile(r"[aeiouy]+")
_SPLIT_PAIR = re.compile(r"(?<![ctsgq])ia|(?<![ctsgx])io(?!ns?$)|eo|(?<![qg])ua|(?<![qg])uo")


@lru_cache(maxsize=20_000)
def _syllables(w: str) -> int:
    if w in _EXCEPTIONS:
        return _EXCEPTIONS[w]
    w = _NOT_LETTER.sub("", w)
    if not w:
        return 0
    if len(w) <= 3:
        return 1
    core = w[1:] if w[0] == "y" else w
    groups = _VOWEL_GROUP.findall(core)
    n = len(groups)
    vowels = "aeiouy"
    if w.endswith("e") and w[-2] not in vowels:
        if not (w.endswith(("le", "re")) and w[-3] not in vowels):
            n -= 1  # silent e: make, while (but table, little, centre)
    elif w.endswith("es") and w[-3] not in vowels and not w.endswith(
            ("ses", "xes", "zes", "ches", "shes", "ges", "ces")):
        n -= 1  # makes, times (but boxes, pages)
    elif w.endswith("ed") and w[-3] not in vowels and w[-3] not in "td":
        n -= 1  # jumped (but wanted, needed)
    if w.endswith("ing") and len(w) > 4 and w[-4] in vowels:
        n += 1  # going, seeing, playing
    n += len(_SPLIT_PAIR.findall(core))
    return max(1, n)


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of sentences: split at . ! ? (not after Mr, e.g. …), blank lines and list items."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group().startswith(".") and len(m.group().rstrip("\"'”’)]")) == 1:
            before = re.search(r"([\w.]+)$", text[start:m.start()])
            if before and before.group(1).lower().rstrip(".") in _ABBREVIATIONS:
                continue
        if text[start:m.start()].strip():
            spans.append(_trim(text, start, m.end()))
        start = m.end()
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


@dataclass(frozen=True)
class LongSentence:
    start: int
    end: int
    words: int


@dataclass(frozen=True)
class Readability:
    """How hard a text is to read, against the reader it is for."""

    reading_age: int | None
    grade: float | None
    words: int
    sentences: int
    target: int | None
    long_sentences: tuple[LongSentence, ...]
    sentence_limit: int

    @property
    def too_hard(self) -> bool:
        return (self.target is not None and self.reading_age is not None
                and self.reading_age > self.target)


def target_for(audience: str, child_age: int | None = None) -> int | None:
    """The reading-age target: the child's age (or 9) for a child, 9 for parents, none else."""
    if audience == "child":
        return child_age if child_age is not None and child_age > 0 else PARENT_TARGET
    if audience == "parent":
        return PARENT_TARGET
    return None


def assess(text: str, audience: str = "adult", child_age: int | None = None) -> Readability:
    """Reading age (Flesch–Kincaid grade + 5, whole years, 5 to 21; None under 5 words)."""
    limit = CHILD_SENTENCE_LIMIT if audience == "child" else ADULT_SENTENCE_LIMIT
    total_words = total_syllables = 0
    n_sentences = 0
    long: list[LongSentence] = []
    for s, e in sentences(text):
        words = WORD.findall(text, s, e)
        if not words:
            continue
        n_sentences += 1
        total_words += len(words)
        total_syllables += sum(1 if w[0].isdigit() or (k and w[0].isupper()) else count_syllables(w)
                               for k, w in enumerate(words))
        if len(words) > limit:
            long.append(LongSentence(s, e, len(words)))
    target = target_for(audience, child_age)
    if total_words < MIN_WORDS:  # "Money" or "Seeing my family" has no meaningful score
        return Readability(None, None, total_words, n_sentences, target, tuple(long), limit)
    grade = 0.39 * total_words / n_sentences + 11.8 * total_syllables / total_words - 15.59
    age = min(MAX_AGE, max(MIN_AGE, math.floor(grade + 5)))  # whole years, as ages are told
    return Readability(age, round(grade, 2), total_words, n_sentences, target, tuple(long), limit)


def reading_age(text: str) -> int | None:
    return assess(text).reading_age
