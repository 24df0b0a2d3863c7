"""Find glossary words in a text, for highlighting; never rewrite anything by itself.

Matching walks a token trie built once from the glossary (every inflected surface form is
generated up front), so checking a long plan costs one dictionary lookup per word rather than
one regular expression per glossary term. Rules:
- case-insensitive, on word boundaries; acronyms only in capitals ("LACs" yes, "lac" no);
- inflections: plurals and possessives of a noun term's last word, -s/-ed/-ing of a verb
  term's first word, and -ise/-ize spellings;
- multi-word terms may be split by spaces or hyphens, never by punctuation;
- a noun term right after a modal ("Sam will contact the school") is a verb, not flagged;
- an entry may list other senses of its word ("eye contact", "units of alcohol", "work
  placement"), which are left alone;
- overlapping matches: the longest wins;
- text inside quotation marks (straight, curly, guillemets) is never flagged: a child's
  quoted words are not "corrected";
- the child's preferred words ("Nanny Mo", "my meeting") are never flagged, and a preferred
  mapping ({"maternal grandmother": "Nanny Mo"}) suggests the child's word first.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .glossary import Entry, default_glossary

TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SEPARATOR = re.compile(r"[ \t\r\n\-\u2010\u2011]{1,4}")
_VOWELS = set("aeiou")
_QUOTES = {'"': '"', "“": "”", "„": "“", "«": "»", "»": "«", "‘": "’", "'": "'"}
Preferred = Mapping[str, str] | Iterable[str] | None


@dataclass(frozen=True)
class Match:
    """One highlighted span with what to offer instead and why."""

    start: int
    end: int
    term: str
    text: str
    kind: str
    suggestions: tuple[str, ...]
    reason: str
    source: str

    def as_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "term": self.term, "kind": self.kind,
                "suggestions": list(self.suggestions)}


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


def _plural(w: str) -> set[str]:
    if w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        return {w[:-1] + "ies"}
    if w.endswith(("s", "x", "z", "ch", "sh")):
        return {w + "es"}
    return {w + "s"}


def noun_forms(w: str) -> set[str]:
    forms = {w} | _plural(w)
    forms |= {f + "'s" for f in list(forms) if not f.endswith("s")} | {w + "'s"}
    return forms


def verb_forms(w: str) -> set[str]:
    forms = {w} | _plural(w)
    cvc = (len(w) >= 3 and w[-1] not in _VOWELS | {"w", "x", "y"} and w[-2] in _VOWELS
           and w[-3] not in _VOWELS)
    if w.endswith("e"):
        forms |= {w + "d", (w[:-2] + "ying") if w.endswith("ie") else
                  (w + "ing" if w.endswith("ee") else w[:-1] + "ing")}
    elif w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        forms |= {w[:-1] + "ied", w + "ing"}
    else:
        forms |= {w + "ed", w + "ing"}
        if cvc:
            forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return forms


def _spellings(forms: set[str]) -> set[str]:
    """Add -ize for -ise (and back), so British and American spellings both match."""
    out = set(forms)
    for f in forms:
        for a, b in (("is", "iz"), ("iz", "is")):
            for end in ("e", "es", "ed", "ing", "ation", "ations"):
                if f.endswith(a + end) and len(f) > len(a + end) + 2:
                    out.add(f[: -len(a + end)] + b + end)
    return out


def surface_sequences(entry: Entry) -> list[list[set[str]]]:
    """Every way the entry's words may appear, one set of spellings per word."""
    words = [_norm(t) for t in TOKEN.findall(entry.term)]
    if not words:
        return []
    per_word = [{w} for w in words]
    if entry.forms == "noun":
        per_word[-1] = noun_forms(words[-1])
    elif entry.forms == "verb":
        per_word[0] = verb_forms(words[0])
    return [[_spellings(s) for s in per_word]]


def _build_trie(entries: Iterable[Entry]) -> dict[str, Any]:
    root: dict[str, Any] = {}
    for entry in entries:
        for seq in surface_sequences(entry):
            nodes = [root]
            for options in seq:
                nxt = []
                for node in nodes:
                    for word in options:
                        nxt.append(node.setdefault(word, {}))
                nodes = nxt
            for node in nodes:
                node.setdefault("", entry)  # "" is never a word: it marks the term's end
    return root


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted speech; an unclosed opening quote runs to the end of its paragraph."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c not in _QUOTES:
            i += 1
            continue
        closer = _QUOTES[c]
        single = c in ("'", "‘")
        if single and i > 0 and text[i - 1].isalnum():  # an apostrophe: children's, don't
            i += 1
            continue
        j = i + 1
        end = -1
        while j < n:
            ch = text[j]
            if ch == "\n" and j + 1 < n and text[j + 1] == "\n":
                break  # a blank line ends the paragraph
            closes = ch == closer or (c in "“„" and ch in "”\"") or (c == "‘" and ch == "'")
            if closes and (not single or j + 1 >= n or not text[j + 1].isalnum()):
                end = j + 1
                break
            j += 1
        if end < 0:
            if single and c == "'":
                i += 1  # a lone straight apostrophe is not a quotation
                continue
            end = j
        spans.append((i, end))
        i = end
    return spans


def _overlaps(spans: list[tuple[int, int]], starts: list[int], a: int, b: int) -> bool:
    """Whether [a, b) touches any of `spans` (sorted, non-overlapping)."""
    k = bisect.bisect_left(starts, b) - 1
    return k >= 0 and spans[k][1] > a


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


class Matcher:
    """A glossary compiled into a token trie; `find` is safe to call on every keystroke."""

    def __init__(self, entries: Iterable[Entry] | None = None) -> None:
        self.entries = tuple(default_glossary() if entries is None else entries)
        self._trie = _build_trie(self.entries)

    def find(self, text: str, preferred: Preferred = None) -> list[Match]:
        names, extra = _preferred(_freeze(preferred))
        tokens = [(m.start(), m.end(), _norm(m.group())) for m in TOKEN.finditer(text)]
        candidates = self._candidates(text, tokens, self._trie)
        if extra is not None:
            candidates += [(s, e, ent, 1) for s, e, ent, _ in self._candidates(text, tokens, extra)]
        protected = quoted_spans(text)
        if names is not None:
            protected += [(m.start(), m.end()) for m in names.finditer(text)]
        protected = _merge(protected)
        starts = [s for s, _ in protected]
        # longest first; the child's own words win a tie
        candidates.sort(key=lambda c: (-(c[1] - c[0]), -c[3], c[0]))
        taken: list[tuple[int, int]] = []
        taken_starts: list[int] = []
        out: list[Match] = []
        for s, e, entry, _ in candidates:
            if protected and _overlaps(protected, starts, s, e):
                continue
            if taken and _overlaps(taken, taken_starts, s, e):
                continue
            k = bisect.bisect(taken_starts, s)
            taken.insert(k, (s, e))
            taken_starts.insert(k, s)
            out.append(Match(s, e, entry.term, text[s:e], entry.kind, entry.suggestions,
                             entry.reason, entry.source))
        out.sort(key=lambda m: m.start)
        return out

    @staticmethod
    def _candidates(text: str, tokens: list[tuple[int, int, str]],
                    trie: dict[str, Any]) -> list[tuple[int, int, Entry, int]]:
        found = []
        n = len(tokens)
        sep = _SEPARATOR.fullmatch
        for i in range(n):
            node = trie.get(tokens[i][2])
            if node is None:
                continue
            best = None
            j = i
            while True:
                entry = node.get("")
                if entry is not None and _context_ok(entry, text, tokens, i, j):
                    best = (tokens[i][0], tokens[j][1], entry, 0)
                j += 1
                if j >= n or sep(text, tokens[j - 1][1], tokens[j][0]) is None:
                    break
                node = node.get(tokens[j][2])
                if node is None:
                    break
            if best is not None:
                found.append(best)
        return found


_MODALS = frozenset({"will", "would", "can", "could", "should", "must", "may", "might", "shall",
                     "please"})


def _context_ok(entry: Entry, text: str, tokens: list[tuple[int, int, str]], i: int, j: int) -> bool:
    """Acronyms only in capitals; a noun term straight after "will", "can" … is a verb
    ("Sam will contact the school") and is left alone; so are the entry's other senses
    ("eye contact", "units of alcohol")."""
    if entry.unless and _other_sense(entry, text, tokens[i][0], tokens[j][1]):
        return False
    if entry.kind == "acronym":
        word = text[tokens[i][0]:tokens[i][1]][: len(entry.term)]
        return word == entry.term or (len(entry.term) >= 5 and word == entry.term.capitalize())
    if entry.forms == "noun" and i > 0 and tokens[i - 1][2] in _MODALS:
        return not text[tokens[i - 1][1]:tokens[i][0]].isspace()
    return True


def _other_sense(entry: Entry, text: str, start: int, end: int) -> bool:
    before_text = " ".join(text[max(0, start - 40):start].lower().split())
    after_text = " ".join(text[end:end + 40].lower().split())
    for before, after in entry.unless:
        if before and not (before_text.endswith(before) and (
                len(before_text) == len(before) or not before_text[-len(before) - 1].isalnum())):
            continue
        if after and not (after_text.startswith(after) and (
                len(after_text) == len(after) or not after_text[len(after)].isalnum())):
            continue
        return True
    return False


def _freeze(preferred: Preferred) -> tuple[tuple[str, str], ...] | None:
    if preferred is None:
        return None
    if isinstance(preferred, Mapping):
        return tuple(sorted((str(k), str(v)) for k, v in preferred.items()))
    return tuple(sorted((str(p), "") for p in preferred))


@lru_cache(maxsize=64)
def _preferred(frozen: tuple[tuple[str, str], ...] | None
               ) -> tuple[re.Pattern[str] | None, dict[str, Any] | None]:
    if not frozen:
        return None, None
    names = {w for k, v in frozen for w in (k if not v else "", v) if w.strip()}
    pattern = None
    if names:
        alternation = "|".join(re.escape(n.strip()) for n in sorted(names, key=len, reverse=True))
        pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)
    mapped = [Entry(k, "preferred", (v,), "The child's own word for this", "the child's preferred words",
                    "noun") for k, v in frozen if v and k.strip()]
    return pattern, (_build_trie(mapped) if mapped else None)


@lru_cache(maxsize=1)
def default_matcher() -> Matcher:
    return Matcher()


def find_matches(text: str, preferred: Preferred = None) -> list[Match]:
    """Glossary matches in `text` with the bundled glossary."""
    return default_matcher().find(text, preferred)


def apply_suggestion(text: str, match: Match, choice: str | int) -> str:
    """The one-click replace: `text` with the match swapped for `choice` (an index or words).

    Hints in brackets ("did not come (say why)") are dropped; a capital at the start of the
    replaced words is kept. The text must still hold the matched words where they were.
    """
    if text[match.start:match.end] != match.text:
        raise ValueError("the text has changed since it was checked; check it again")
    if isinstance(choice, int):
        if not 0 <= choice < len(match.suggestions):
            raise ValueError(f"there is no suggestion number {choice}")
        choice = match.suggestions[choice]
    words = re.sub(r"\s*\([^)]*\)", "", choice).strip()
    if not words:
        raise ValueError("the replacement is empty")
    first = match.text[:1]
    sentence_start = not text[:match.start].rstrip() or text[:match.start].rstrip()[-1] in ".!?\n"
    if first.isupper() and words[:1].islower() and (match.kind != "acronym" or sentence_start):
        words = words[0].upper() + words[1:]
    return text[:match.start] + words + text[match.end:]
