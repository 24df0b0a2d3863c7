"""Child-friendly wording drafted from a plan's adult text: a proposal, never a silent rewrite.

The practitioner writes "Llŷr will attend school every day; Dana will liaise with the SENCo".
The draft offers "You will go to school every day. Mum will talk with the special educational
needs teacher." It makes three kinds of change, each listed in `Draft.changes` so the editor
can show what was changed and why, and the practitioner can keep, edit or drop it:
- the child's names become "you" / "your" (Easy Read and "writing to the child");
- glossary words become their plainest suggestion (the child's preferred words first;
  acronyms spelled out as the child-friendly suggestion when the glossary has one);
- sentences over the child limit (15 words) are split where a clause starts.
Words that only the practitioner can replace (a blaming word, where only they can say what
happened; a word whose only suggestion is "describe …") are left alone and named in
`Draft.needs_words`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from ..language.matcher import Match, apply_suggestion, find_matches
from ..language.readability import count_syllables

CHILD_SENTENCE_WORDS = 15
_INSTRUCTION = re.compile(r"^(describe|say|use (their|his|her) name|ask|explain|name|write)\b", re.IGNORECASE)
_FIRST_PERSON = ((r"\bmy\b", "your"), (r"\bme\b", "you"), (r"\bI\b", "you"), (r"\bmine\b", "yours"),
                 (r"\bmyself\b", "yourself"))
_CHILD_WORDS = ("the child", "the young person", "the baby", "the children", "the young people")
# Verbs after a new "you" that must lose their third-person ending ("you is" -> "you are").
_AGREE = {"is": "are", "was": "were", "has": "have", "does": "do", "isn't": "aren't",
          "wasn't": "weren't", "hasn't": "haven't", "doesn't": "don't", "goes": "go"}
_NOT_VERBS = frozenset({"this", "always", "perhaps", "towards", "afterwards", "sometimes", "unless",
                        "whereas", "besides", "nevertheless", "downstairs", "upstairs", "indoors"})
# Common verbs that follow "and" with "you" still the subject ("you are kind and make people laugh").
_AND_VERBS = frozenset(["makes", "misses", "likes", "loves", "wants", "needs", "feels", "goes", "says", "gets", "enjoys", "helps", "plays", "sees", "knows", "tries", "hides", "hears", "has", "is", "was", "does", "keeps", "tells", "reads", "sleeps", "eats", "comes", "walks", "takes", "finds", "worries", "cries", "shouts", "talks", "thinks", "laughs", "runs", "lives", "stays", "visits", "asks", "draws", "hopes"])
_AND_VERB = re.compile(r"\b((?:and|or)\s+)([a-z]+)\b")


_SPLITS = ((re.compile(r";\s+"), ""), (re.compile(r",?\s+and then\s+"), "Then "),
           (re.compile(r",\s+and\s+"), ""), (re.compile(r",\s+but\s+"), "But "),
           (re.compile(r",\s+so\s+"), "So "), (re.compile(r"\s+and\s+"), ""))
_SUBJECTS = {"you", "he", "she", "they", "we", "i", "it", "there", "everyone", "nobody"}
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True)
class Change:
    """One change the draft made: what it was, what it became, and why."""

    before: str
    after: str
    why: str


@dataclass(frozen=True)
class Draft:
    text: str
    changes: tuple[Change, ...] = ()
    needs_words: tuple[str, ...] = ()


def draft_child_text(text: str, child_names: Iterable[str] = (),
                     preferred: Mapping[str, str] | None = None, pronoun: str = "") -> Draft:
    """A child-friendly draft of `text` with every change listed; `text` itself is untouched.

    `child_names` are the names the child goes by (they become "you"); `preferred` maps a
    glossary word or a name to the child's own word ({"maternal grandmother": "Mamgu"}).
    `pronoun` ("he" or "she") lets "he", "his", "herself" after the child's name become
    "you", "your": the caller passes it only when nobody else in the text could be meant.
    """
    changes: list[Change] = []
    out = " ".join(text.split())
    if not out:
        return Draft("")
    out = _you(out, child_names, changes, pronoun)
    out, needs = _swaps(out, preferred or {}, changes)
    out = _short_sentences(out, changes)
    out = out.strip()
    if out and out[-1] not in ".!?\"”":
        out += "."
    if out[:1].islower():
        out = out[0].upper() + out[1:]
    return Draft(out, tuple(changes), tuple(dict.fromkeys(needs)))


# ---- the child's names become "you" -----------------------------------------------------------
_PRONOUNS = {"he": {"he": "you", "him": "you", "his": "your", "himself": "yourself"},
             "she": {"she": "you", "hers": "yours", "herself": "yourself"}}  # "her" is too ambiguous
_OBJECT_BEFORE = re.compile(r"\b(with|to|for|at|from|about|of|by|on|in|into|near|without|help|helps|"
                            r"tell|tells|ask|asks|take|takes|walk|walks|see|sees|visit|visits|meet|"
                            r"meets|collect|collects|call|calls|give|gives|show|shows)\s+$", re.IGNORECASE)


def _you(text: str, names: Iterable[str], changes: list[Change], pronoun: str = "") -> str:
    words = sorted({n.strip() for n in names if n and n.strip()} | set(_CHILD_WORDS),
                   key=len, reverse=True)
    swaps = _PRONOUNS.get(pronoun, {})
    alternation = "|".join([re.escape(w) for w in words] + list(swaps))
    pattern = re.compile(rf"(?<![\w’'])({alternation})(['’]s|['’])?(?![\w])", re.IGNORECASE)
    pieces: list[str] = []
    pos = 0
    named = False
    for m in pattern.finditer(text):
        found = m.group(1).lower()
        is_pronoun = found in swaps and found not in {w.lower() for w in words}
        if is_pronoun and (not named or m.group(2)):
            continue  # a pronoun before the child is named may be someone else
        named = True
        pieces.append(text[pos:m.start()])
        done = "".join(pieces)
        start_of_sentence = not done.strip() or done.rstrip()[-1] in ".!?"
        if is_pronoun:
            word = swaps[found]
        else:
            word = "your" if m.group(2) else "you"
        if start_of_sentence:
            word = word.capitalize()
        pieces.append(word)
        changes.append(Change(m.group(0), word, "written to the child, as “you”"))
        pos = m.end()
        subject = found in ("he", "she") if is_pronoun else (not m.group(2) and not _OBJECT_BEFORE.search(done))
        if subject:
            pos, verb = _agree(text, pos)
            if verb:
                pieces.append(verb)
    pieces.append(text[pos:])
    return _and_verbs("".join(pieces))


def _and_verbs(text: str) -> str:
    """"You are kind and makes people laugh": a verb after "and" shares the subject "you"."""
    def fix(m: re.Match[str]) -> str:
        return m.group(1) + _agree(" " + m.group(2), 0)[1].strip()

    out = []
    for sentence in re.split(r"(?<=[.!?;])", text):
        if re.match(r"\s*you\b", sentence, re.IGNORECASE):  # "you" leads the sentence
            sentence = _AND_VERB.sub(lambda m: fix(m) if m.group(2) in _AND_VERBS else m.group(0), sentence)
        out.append(sentence)
    return "".join(out)


def _agree(text: str, pos: int) -> tuple[int, str]:
    """After a new subject "you": "is" -> "are", "goes" -> "go", "feels" -> "feel"."""
    m = re.match(r"(\s+)([a-z’']+)\b", text[pos:])
    if not m:
        return pos, ""
    verb = m.group(2).replace("’", "'")
    fixed = _AGREE.get(verb)
    if fixed is None and re.fullmatch(r"[a-z]{2,}[^su']s", verb) and verb not in _NOT_VERBS:
        if verb.endswith("ies"):
            fixed = verb[:-3] + "y"
        elif re.search(r"(ss|sh|ch|x|z|o)es$", verb):
            fixed = verb[:-2]
        else:
            fixed = verb[:-1]
    if fixed is None:
        return pos, ""
    return pos + m.end(), m.group(1) + fixed


# ---- glossary words become plain words ---------------------------------------------------------
def _usable(choice: str) -> str:
    words = re.sub(r"\s*\([^)]*\)", "", choice).strip()
    if not words or _INSTRUCTION.match(words):
        return ""
    for pattern, you in _FIRST_PERSON:
        words = re.sub(pattern, you, words)
    return words


def _plainness(words: str) -> tuple[float, int]:
    ws = _WORD.findall(words)
    return (sum(count_syllables(w) for w in ws) / max(len(ws), 1), len(ws))


def child_choice(match: Match) -> str:
    """The suggestion a child reads most easily, or "" when only the writer can choose."""
    options = [u for u in (_usable(s) for s in match.suggestions) if u]
    if not options or match.kind == "blaming":  # only the writer can say what happened
        return ""
    if match.kind == "acronym" or (match.kind == "jargon" and _plainness(options[0])[0] > 1.5):
        return min(options, key=_plainness)
    return options[0]


def _swaps(text: str, preferred: Mapping[str, str], changes: list[Change]) -> tuple[str, list[str]]:
    needs: list[str] = []
    swaps: list[Change] = []
    for m in sorted(find_matches(text, dict(preferred) or None), key=lambda m: -m.start):
        choice = child_choice(m)
        if not choice:
            needs.append(m.text)
            continue
        # "Jess (social worker)" with social worker -> Jess: drop the bracket, not say it twice
        before, after = text[:m.start], text[m.end:]
        if before.endswith("(") and after.startswith(")") and before[:-1].rstrip().lower().endswith(
                choice.lower()):
            text = before[:-1].rstrip() + after[1:]
            swaps.append(Change(f"({m.text})", "", "the child's own word is already there"))
            continue
        choice, cut = _fit_words(before, after, choice, m.kind)
        if cut:  # "the social worker" -> "Jess", not "the Jess"; "with" after "talk to"
            text = before[:len(before) - cut[0]] + m.text + after[cut[1]:]
            m = replace(m, start=m.start - cut[0], end=m.end - cut[0])
            before, after = text[:m.start], text[m.end:]
        new = apply_suggestion(text, m, choice)
        swaps.append(Change(m.text, new[m.start:len(new) - len(after)], m.reason or "plainer words"))
        text = new
    changes += reversed(swaps)
    return text, needs


_DETERMINER = re.compile(r"\b(the|a|an|his|her|their|your)\s+$", re.IGNORECASE)


def _fit_words(before: str, after: str, choice: str, kind: str) -> tuple[str, tuple[int, int] | None]:
    """Make the swapped words read on: no "the the", no "the Jess", no "talk to with"."""
    cut_before = cut_after = 0
    last = re.search(r"(\w+)\s+$", before)
    first, _, rest = choice.partition(" ")
    if last and rest and last.group(1).lower() == first.lower():
        choice = rest
    elif kind == "preferred" and choice[:1].isupper():
        det = _DETERMINER.search(before)
        if det:
            cut_before = len(det.group(0))
    if choice.endswith(" to") and re.match(r"\s+with\b", after):
        cut_after = len(re.match(r"\s+with", after).group(0))  # type: ignore[union-attr]
    return choice, ((cut_before, cut_after) if cut_before or cut_after else None)


# ---- short sentences ---------------------------------------------------------------------------
def _short_sentences(text: str, changes: list[Change]) -> str:
    out: list[str] = []
    for sentence in (s.strip() for s in _SENTENCE.findall(text)):
        out += _split(sentence, changes)
    return " ".join(s for s in out if s)


def _split(sentence: str, changes: list[Change]) -> list[str]:
    if len(_WORD.findall(sentence)) <= CHILD_SENTENCE_WORDS:
        return [sentence]
    for pattern, opener in _SPLITS:
        for m in pattern.finditer(sentence):
            head, tail = sentence[:m.start()].rstrip(" ,"), sentence[m.end():]
            if len(_WORD.findall(head)) < 4 or len(_WORD.findall(tail)) < 4:
                continue
            first = (_WORD.findall(tail) or [""])[0]
            if opener == "" and pattern.pattern != r";\s+" and not (
                    first.lower() in _SUBJECTS or first[:1].isupper()):
                continue  # "… and see him on his own" has no subject of its own: keep it whole
            tail = opener + (tail if opener else tail[:1].upper() + tail[1:])
            changes.append(Change(sentence[m.start():m.end()].strip() or " ", ". " + opener.strip(),
                                  "one idea in each short sentence"))
            head = head if head[-1:] in ".!?" else head + "."
            return _split(head, changes) + _split(tail, changes)
    return [sentence]


# ---- from a case -------------------------------------------------------------------------------
def child_names(case: Any, child_id: str | None) -> tuple[str, ...]:
    """Every name the child goes by: the name they like, their given name(s), their full name."""
    if not child_id or not case.family.has_person(child_id):
        return ()
    p = case.family.person(child_id)
    liked = case.meta.preferred_names.get(child_id, "")
    names = [liked, p.known_as, p.given, p.given.split()[0] if p.given.strip() else "", p.display_name]
    return tuple(n for n in dict.fromkeys(names) if n and n.strip())


def preferred_words(case: Any) -> dict[str, str]:
    """The child's own words for glossary terms and for people ({"Eirlys": "Mamgu"})."""
    out: dict[str, str] = {}
    for key, word in case.meta.preferred_names.items():
        if case.family.has_person(key):
            p = case.family.person(key)
            if key == case.meta.index_person:
                continue
            for name in (p.display_name, p.given):
                if name.strip() and name != word:
                    out[name] = word
        elif word.strip():
            out[key] = word
    return out


_MALE = {"dad", "daddy", "father", "grandad", "grandfather", "brother", "uncle", "mr", "stepdad",
         "step-dad", "son", "nephew", "boyfriend", "husband"}
_FEMALE = {"mum", "mummy", "mother", "nan", "nanny", "nana", "grandmother", "sister", "aunt", "auntie",
           "mrs", "ms", "miss", "stepmum", "step-mum", "daughter", "niece", "girlfriend", "wife"}


def child_pronoun(case: Any, child_id: str | None, text: str) -> str:
    """"he" or "she" when the text can only mean the child by it; "" when someone else could."""
    if not child_id or not case.family.has_person(child_id):
        return ""
    gender = str(getattr(case.family.person(child_id).gender, "value", ""))
    if gender not in ("male", "female"):
        return ""
    same = set(_MALE if gender == "male" else _FEMALE)
    for p in case.family.people():
        if p.id != child_id and str(getattr(p.gender, "value", "")) == gender:
            same |= {n.lower() for n in (p.known_as, p.given.split()[0] if p.given.strip() else "") if n}
    for key, word in case.meta.preferred_names.items():
        if set(key.lower().replace("'", " ").split()) & same or (
                case.family.has_person(key) and str(getattr(case.family.person(key).gender, "value", "")) == gender
                and key != child_id):
            same.add(word.lower())
    said = {w.lower() for w in _WORD.findall(text)}
    if said & same or any(" " in w and w in text.lower() for w in same):
        return ""
    return "he" if gender == "male" else "she"


def draft_item(case: Any, plan: Any, item: Any) -> Draft:
    """The draft of one plan item's child wording, from its adult text."""
    return draft_child_text(item.text, child_names(case, plan.child), preferred_words(case),
                            child_pronoun(case, plan.child, item.text))


def child_words(case: Any, plan: Any, item: Any) -> str:
    """What the child's copy prints: the practitioner's own child wording, else the draft."""
    return item.child_text.strip() or draft_item(case, plan, item).text


def with_drafts(case: Any, plan: Any) -> Any:
    """The plan with every empty child wording filled with its draft (for the editor's "fill")."""
    items = tuple(i if i.child_text.strip() else replace(i, child_text=draft_item(case, plan, i).text)
                  for i in plan.items)
    return replace(plan, items=items)
