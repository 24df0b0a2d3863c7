"""SMART checks for plan items: rule-based, so every finding can say why and what to do.

Outcomes and actions are judged differently. An outcome describes a change for the child
and how we will know it has happened; an action says who will do what, by when or how
often. Child-facing text is judged for readability instead. The rules are those of the
practice reference (§4.4), drawn from Leeds, Manchester, Calderdale, Guernsey, Southwark and
Torbay guidance; each rule id is stable so the editor and the CLI can show and count them.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .matcher import Match, find_matches
from .readability import assess

I = re.IGNORECASE
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?"
VAGUE_VERB = re.compile(
    r"\b(engag(?:e|es|ed|ing)|support(?:s|ed|ing)?|monitor(?:s|ed|ing)?|work(?:s|ed|ing)? with|"
    r"address(?:es|ed|ing)?|improv(?:e|es|ed|ing)|encourag(?:e|es|ed|ing)|ensur(?:e|es|ed|ing)|"
    r"consider(?:s|ed|ing)?|explor(?:e|es|ed|ing)|liais(?:e|es|ed|ing)|facilitat(?:e|es|ed|ing)|"
    r"promot(?:e|es|ed|ing)|maintain(?:s|ed|ing)?|continu(?:e|es|ed|ing) to|be aware|"
    r"co-?operat(?:e|es|ed|ing)|compl(?:y|ies|ied|ying))\b", I)
MEASURE = re.compile(
    r"\d|%|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"half|twice|once|every|each|daily|weekly|fortnightly|monthly|nightly|per|percent|scale|"
    r"score[sd]?|centile|checklist|breath tests?|drug tests?|weigh(?:s|ed|t)?|"
    r"times|nights|none|no more than|at least|fewer than|more than)\b", I)
WHEN = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b|\b{_MONTH}\s+\d{{1,2}}\b|"
    rf"\b\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b{_DAY}\b|"
    r"\b(?:daily|weekly|fortnightly|monthly|termly|nightly|every|each|once|twice|today|tomorrow|"
    r"weekends?|mornings?|evenings?|bedtime|within\s+\d+|\d+\s+times|per\s+(?:day|week|month)|"
    rf"by the end of|before school|after school|this week|next week|half[- ]term|end of term|"
    rf"easter|christmas|summer holidays?|{_MONTH})\b", I)
VAGUE_WHEN = re.compile(
    r"\b(ongoing|asap|as soon as possible|as required|as needed|as and when|when possible|"
    r"where possible|when needed|by (?:the )?next review|in due course|soon|regularly|"
    r"from time to time|when appropriate|at some point)\b", I)
DEADLINE = re.compile(
    rf"\b(?:by|before|no later than|until|on|deadline:?)\s+(?:the\s+)?(?:{_DAY}\s+)?(?:"
    rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH})|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?)(?:,?\s+(?P<y>\d{{4}}))?\b|\b(?:by|before|no later than|until|on)\s+"
    r"(?:(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})|(?P<sd>\d{1,2})/(?P<sm>\d{1,2})/(?P<sy>\d{2,4}))\b", I)
GENERIC_WHO = re.compile(
    r"\b(professionals|all agencies|agencies|services|the family|the parents|parents|everyone|"
    r"the network|the local authority|children's services|social care|partners|all involved|"
    r"the team|team around the (?:family|child)|school|the school|health|police)\b", I)
FAMILY_WORDS = re.compile(
    r"\b(mum|mummy|mom|dad|daddy|nan|nana|nanny|gran|granny|grandma|grandad|grandpa|auntie|"
    r"aunty|aunt|uncle|step-?mum|step-?dad|foster (?:mum|dad)|carers?)\b", I)
CHILD_WORDS = re.compile(
    r"\b(child|children|baby|babies|young person|young people|son|daughter|he|she|him|her|his|"
    r"hers|they|them|their|you|your|i|me|my)\b", I)
ACTION_START = re.compile(
    r"^\s*(?P<subject>(?:[\w'’-]+\s+){0,3}?)(?:will\s+|to\s+|should\s+|must\s+|is\s+to\s+|are\s+to\s+)?"
    r"(?P<verb>attend|complete|engage|go\s+to|take\s+part|participate|undertake|access|work\s+with)\b", I)
NEGATIVE = re.compile(
    r"\b(will not|won't|will no longer|will never|will stop|must not|mustn't|should not|"
    r"shouldn't|not to|no longer|refrain from|will cease)\b", I)
POSITIVE = re.compile(
    r"\b(?:will|can|is able to|are able to|(?<!not )to)\s+(?!not\b|no\b|never\b|stop\b|cease\b|"
    r"refrain\b)\w+|\binstead\b|\bso that\b", I)
OPTIMISM = re.compile(
    r"\b(hopefully|it is hoped|we hope|hope that|should be able to|will try|try to|trying to|"
    r"aims? to|expected to|should improve)\b", I)
PASSIVE_BY = re.compile(
    r"\b(?:am|is|are|was|were|be|been|being)\s+(?:\w+ed|taken|given|seen|told|made|known|done|"
    r"shown|found|kept|left|brought|put|sent|held|hurt)\s+by\b", I)
CAPITALISED = re.compile(r"(?<![\w'’])[A-ZÀ-ÖØ-ÞĀ-Ž][a-zà-öø-ÿā-ž'’-]+")
ALL_CAPS = re.compile(r"\b[A-Z]{2,6}s?\b")
KNOWN_SHORT = {"UK", "GP", "NHS", "TV", "OK", "PE", "ID", "IT", "BBC", "MP", "AM", "PM", "DVD",
               "ICT", "SATS", "GCSE", "GCSES", "PC", "USB", "WIFI"}
NOT_NAMES = set("""the a an by every each when if on in at from to we they he she it this that these
those all school social worker workers services service health police college nursery team family
families parents parent professionals agencies agency council will should must after before until
with for and or but weekly daily monthly please support ensure monitor review plan child children
outcome action i my our your their his her home local authority court doctor hospital nurse teacher
visitor officer manager lead group core conference housing youth early help mental adult drug alcohol
substance domestic abuse safeguarding attendance register go get make take keep call tell talk meet
visit attend complete continue provide arrange engage work improve consider explore liaise facilitate
promote maintain cooperate comply address encourage there where what who how why is are was were be
has have had do does did not no yes also then so as more most some any both either once twice
weekly fortnightly family's mum's dad's us them you me him new next last first second third
mr mrs ms miss dr mx sir
""".split()) | set(_MONTHS) | {  # noqa: SIM905
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "by", "name"}


@dataclass(frozen=True)
class Finding:
    rule: str
    message: str
    suggestion: str = ""

    def as_json(self) -> dict[str, str]:
        return {"rule": self.rule, "message": self.message}


@dataclass(frozen=True)
class Context:
    """What the checker knows beyond the text: names, dates, the child's age, who/when fields."""

    child_names: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    as_at: _dt.date | None = None
    review: _dt.date | None = None
    child_age: int | None = None
    who: str = ""
    when: str = ""
    # the child's own words: a list of names to leave alone, or {glossary term: child's word}
    # ("" as the word: just leave the term alone)
    preferred: Mapping[str, str] | tuple[str, ...] = field(default=())


def _mentions(text: str, names: Sequence[str], possessive: bool = True) -> bool:
    tail = "" if possessive else "(?!['’]s)"
    return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w){tail}", text, I) for n in names if n.strip())


def _names_someone(text: str, ctx: Context) -> bool:
    """A person is named: someone from the genogram, Mum/Dad/Nan…, or a capitalised name.

    The child counts only as the first words ("Mason will pack his bag"): "the nurse will
    weigh Ruby" names no one who will act.
    """
    if _mentions(text, ctx.people, possessive=False) or FAMILY_WORDS.search(text):
        return True
    if _mentions(" ".join(text.split()[:2]), ctx.child_names, possessive=False):
        return True
    children = {n.lower() for n in ctx.child_names}
    return any(not re.search(r"['’]s$", m.group()) and m.group().lower() not in NOT_NAMES
               and m.group().lower() not in children for m in CAPITALISED.finditer(text))


def _deadlines(text: str, as_at: _dt.date) -> list[tuple[str, _dt.date]]:
    found = []
    for m in DEADLINE.finditer(text):
        try:
            if m.group("iy"):
                d = _dt.date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
            elif m.group("sy"):
                y = int(m.group("sy"))
                d = _dt.date(y + 2000 if y < 100 else y, int(m.group("sm")), int(m.group("sd")))
            else:
                day = int(m.group("d1") or m.group("d2"))
                month_text = (m.group("m1") or m.group("m2")).lower()[:3]
                month = [mo[:3] for mo in _MONTHS].index(month_text) + 1
                if m.group("y"):
                    d = _dt.date(int(m.group("y")), month, day)
                else:  # no year: the nearest such date, not more than ~6 months back
                    d = _dt.date(as_at.year, month, day)
                    if (as_at - d).days > 183:
                        d = _dt.date(as_at.year + 1, month, day)
        except ValueError:
            continue
        found.append((m.group().strip(), d))
    return found


def _language_findings(matches: Sequence[Match], text: str, child: bool) -> list[Finding]:
    out: list[Finding] = []
    for m in matches:
        if m.kind == "blaming":
            out.append(Finding("BLAME_WORD", f"“{m.text}” judges rather than describes: "
                               "describe what happened and the need behind it.",
                               m.suggestions[0] if m.suggestions else ""))
        elif m.kind == "acronym":
            expansion = re.sub(r"\s*\(.*", "", m.suggestions[0]) if m.suggestions else ""
            if child or not expansion or expansion.lower() not in text.lower():
                out.append(Finding("ACRONYM", f"Spell out “{m.text}”"
                                   + (f" ({expansion})." if expansion else "."), expansion))
        elif child and m.kind in ("jargon", "care"):
            out.append(Finding("JARGON", f"“{m.text}” may not mean much to a child: "
                               f"try “{m.suggestions[0]}”." if m.suggestions else
                               f"“{m.text}” is jargon.", m.suggestions[0] if m.suggestions else ""))
    known = {w for m in matches for w in ALL_CAPS.findall(m.text)}
    known |= {w.rstrip("s") for w in known}
    for a in ALL_CAPS.finditer(text):
        word = a.group().rstrip("s")
        if word not in known and word not in KNOWN_SHORT and a.group() not in KNOWN_SHORT:
            known.add(word)
            out.append(Finding("ACRONYM", f"Spell out “{word}” the first time, or use plain words.",
                               "the words in full"))
    return out


def _common(text: str, ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    vague = VAGUE_VERB.search(text)
    if vague and not MEASURE.search(text):
        out.append(Finding("VAGUE_VERB", f"“{vague.group()}” is vague: what exactly will happen, "
                           "how often, and what will we see?",
                           "Name the action, how often it happens, and what will be seen."))
    hope = OPTIMISM.search(text)
    if hope and not MEASURE.search(text):
        out.append(Finding("OPTIMISM", f"“{hope.group()}” hopes rather than shows: what evidence "
                           "will tell us, and over how long?",
                           "Add what we will see, and for how long it must last."))
    return out


def check_action(text: str, ctx: Context | None = None,
                 matches: Sequence[Match] | None = None) -> list[Finding]:
    """An action needs a named person, a clear task, and a date or how often."""
    ctx = ctx or Context()
    matches = find_matches(text, ctx.preferred or None) if matches is None else matches
    out = _common(text, ctx)
    whole = f"{text} {ctx.who}"
    generic = GENERIC_WHO.search(whole)
    if not _names_someone(whole, ctx):
        who = f"“{generic.group()}” is not a person: name" if generic else "Name"
        out.append(Finding("NO_WHO", f"{who} the person who will do this (and their role).",
                           "For example: Sam Khan (family support worker) will …"))
    when_text = f"{text} {ctx.when}"
    if not WHEN.search(when_text):
        vague_when = VAGUE_WHEN.search(when_text)
        said = f"“{vague_when.group()}” is not a date: give" if vague_when else "Give"
        out.append(Finding("NO_WHEN", f"{said} a date, or say how often it will happen.",
                           "For example: every Tuesday, or by 14 March."))
    if ctx.as_at is not None:
        for said, due in _deadlines(when_text, ctx.as_at):
            if due < ctx.as_at:
                out.append(Finding("DATE_PAST", f"“{said}” has already passed "
                                   f"({due.strftime('%d %B %Y').lstrip('0')}).",
                                   "Choose a date still to come, or record what happened."))
            elif ctx.review is not None and due > ctx.review:
                out.append(Finding("DATE_AFTER_REVIEW", f"“{said}” is after the next review "
                                   f"({ctx.review.strftime('%d %B %Y').lstrip('0')}).",
                                   "Bring it before the review, or explain why it takes longer."))
    return out + _language_findings(matches, text, child=False)


def check_outcome(text: str, ctx: Context | None = None,
                  matches: Sequence[Match] | None = None) -> list[Finding]:
    """An outcome says what will be different for the child, and how we will know."""
    ctx = ctx or Context()
    matches = find_matches(text, ctx.preferred or None) if matches is None else matches
    out = _common(text, ctx)
    start = ACTION_START.match(text)
    if start and not _mentions(start.group("subject"), ctx.child_names):
        out.append(Finding("ACTION_AS_OUTCOME", f"“{start.group('verb')}” is an action. "
                           "What will be different for the child?",
                           "Write the change the child will feel or others will see."))
    if not MEASURE.search(text):
        out.append(Finding("NO_MEASURE", "How will we know? Add something we can count or see.",
                           "For example: school attendance of 19 days out of 20, a score on the "
                           "0–10 scale, the number of nights slept at home."))
    named = _mentions(text, ctx.child_names)
    if not named and (ctx.child_names or not CHILD_WORDS.search(text)):
        who = " or ".join(ctx.child_names[:2]) or "the child"
        out.append(Finding("NOT_CHILD_FOCUSED", f"Say what will be different for {who}.",
                           f"Start with {who}: what will they feel, have or be able to do?"))
    if NEGATIVE.search(text) and not POSITIVE.search(NEGATIVE.sub(" ", text)):
        out.append(Finding("NEGATIVE_ONLY", "This only says what must stop. What will be "
                           "happening instead?",
                           "For example: when Mum is looking after the children she will …"))
    return out + _language_findings(matches, text, child=False)


def check_child_text(text: str, ctx: Context | None = None,
                     matches: Sequence[Match] | None = None) -> list[Finding]:
    """Words a child will read: their reading age, short sentences, no acronyms or jargon."""
    ctx = ctx or Context()
    matches = find_matches(text, ctx.preferred or None) if matches is None else matches
    out: list[Finding] = []
    report = assess(text, "child", ctx.child_age)
    if report.too_hard:
        out.append(Finding("READABILITY", f"Reading age {report.reading_age} is above the target "
                           f"of {report.target}: use shorter words and sentences.",
                           "One idea per sentence; everyday words."))
    for s in report.long_sentences:
        out.append(Finding("READABILITY", f"A sentence has {s.words} words; a child reads "
                           f"{report.sentence_limit} or fewer more easily.", "Split it in two."))
    if PASSIVE_BY.search(text):
        out.append(Finding("READABILITY", f"“{PASSIVE_BY.search(text).group()}” is passive: say "  # type: ignore[union-attr]
                           "who does what.", "For example: “Sam will take you”."))
    return out + _language_findings(matches, text, child=True)


def check_other_text(text: str, ctx: Context | None = None,
                     matches: Sequence[Match] | None = None) -> list[Finding]:
    """Adult text that is neither outcome nor action (worries, strengths): words only."""
    ctx = ctx or Context()
    matches = find_matches(text, ctx.preferred or None) if matches is None else matches
    return _language_findings(matches, text, child=False)


def check_item(text: str, as_: str, ctx: Context | None = None,
               matches: Sequence[Match] | None = None) -> list[Finding]:
    """Dispatch on what the text is: "outcome", "action", "child", or other adult "text"."""
    checks = {"outcome": check_outcome, "action": check_action, "child": check_child_text,
              "text": check_other_text}
    if as_ not in checks:
        raise ValueError(f"cannot check text as {as_!r}: use outcome, action or child")
    ctx = ctx or Context()
    if matches is None:
        matches = find_matches(text, ctx.preferred or None)
    return checks[as_](text, ctx, matches)


MAX_OUTCOMES = 6


def check_plan_shape(outcomes: int, has_contingency: bool, child_view: str, parents_view: str,
                     parents_agree: bool | None) -> list[Finding]:
    """Plan-level rules: a contingency, agreement recorded, and not too many outcomes."""
    out: list[Finding] = []
    if not has_contingency:
        out.append(Finding("NO_CONTINGENCY", "The plan does not say what happens if it is not "
                           "working.", "Add what will happen, and who decides, if things do not change."))
    if not child_view.strip() or not parents_view.strip() or parents_agree is None:
        missing = [w for w, v in (("the child's view", child_view.strip()),
                                  ("the parents' view", parents_view.strip())) if not v]
        if parents_agree is None:
            missing.append("whether the parents agree")
        out.append(Finding("NOT_AGREED", "Record " + ", ".join(missing) + ".",
                           "A disagreement is recorded, not erased."))
    if outcomes > MAX_OUTCOMES:
        out.append(Finding("TOO_MANY", f"{outcomes} outcomes is a lot to hold: which matter most?",
                           f"Keep the {MAX_OUTCOMES} that matter most to the child."))
    return out
