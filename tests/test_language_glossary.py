"""The glossary: sourced, broad, and matched the way a practitioner expects."""
import pytest

from genogram.language import (
    GlossaryError,
    apply_suggestion,
    default_glossary,
    find_matches,
    quoted_spans,
)
from genogram.language.glossary import KINDS, parse_glossary

HEADER = "term\tkind\tsuggestions\treason\tsource\tforms\n"


def terms(text, preferred=None):
    return [(m.text, m.term) for m in find_matches(text, preferred)]


def test_glossary_is_broad_sourced_and_covers_every_kind():
    entries = default_glossary()
    assert len(entries) >= 185  # at least 150 beyond the ~35-row starter
    assert {e.kind for e in entries} >= {"care", "blaming", "jargon", "acronym", "plain-english"}
    assert all(e.source and e.reason and e.suggestions for e in entries)
    sources = (pytest.importorskip("importlib.resources").files("resources") / "glossary" / "SOURCES.md").read_text()
    for name in {e.source for e in entries}:
        assert name in sources, f"{name} is not listed in SOURCES.md"
    by_term = {e.term: e for e in entries}
    for acronym in ("LAC", "CIN", "CP", "PLO", "CAMHS", "IRO", "EHCP"):
        assert by_term[acronym].kind == "acronym"
    assert "family time" in by_term["contact"].suggestions
    assert "home" in by_term["placement"].suggestions
    for blaming in ("fail to engage", "non-compliant", "aggressive"):
        assert by_term[blaming].kind == "blaming"


def test_inflections_plurals_and_spellings():
    assert terms("They absconded twice; he absconds; absconding again.") == [
        ("absconded", "abscond"), ("absconds", "abscond"), ("absconding", "abscond")]
    assert terms("Two placements and the placement's rules") == [
        ("placements", "placement"), ("placement's", "placement")]
    assert terms("We utilised and utilized it") == [("utilised", "utilise"), ("utilized", "utilise")]
    assert terms("She is engaging well") == []  # engaging alone is not a blaming word
    assert terms("Mum fails to engage; Dad failed to engage; failing to engage") == [
        ("fails to engage", "fail to engage"), ("failed to engage", "fail to engage"),
        ("failing to engage", "fail to engage")]


def test_nouns_do_not_match_verb_forms():
    assert terms("The unit united the team") == [("unit", "unit")]


def test_case_insensitive_multiword_and_word_boundaries():
    assert terms("CONTACT CENTRE on Friday") == [("CONTACT CENTRE", "contact centre")]
    assert terms("contactless payments replaced the contacts") == [("contacts", "contact")]
    assert terms("non compliant, non-compliant, noncompliant") == [
        ("non compliant", "non-compliant"), ("non-compliant", "non-compliant"),
        ("noncompliant", "noncompliant")]
    assert terms("the placement. Breakdown") == [("placement", "placement")]


def test_a_noun_after_a_modal_is_a_verb():
    assert terms("Sam will contact the school. Mason will go to contact; the contact went well.") == [
        ("contact", "contact"), ("contact", "contact")]
    assert terms("Leah can placement") == []


def test_other_senses_of_a_word_are_left_alone():
    assert terms("Good eye contact; her contact details; contact the school; in contact with Nan") == []
    assert terms("No more than 14 units of alcohol a week; one unit a day") == []
    assert terms("Her work placement and the placement") == [("placement", "placement")]
    assert terms("In some cases the cases were closed") == [("cases", "cases")]
    assert terms("Contact with Dad is on Saturday") == [("Contact", "contact")]


def test_longest_match_wins_overlaps():
    assert terms("the contact centre") == [("contact centre", "contact centre")]
    assert terms("her LAC review is soon") == [("LAC review", "LAC review")]
    assert terms("a respite care break") == [("respite care", "respite care")]


def test_acronyms_only_in_capitals():
    assert terms("the IRO and the LACs") == [("IRO", "IRO"), ("LACs", "LAC")]
    assert terms("Da Silva and her pa, Cin, lac") == []
    assert terms("Cafcass called") == [("Cafcass", "CAFCASS")]


def test_quoted_words_are_never_flagged():
    text = ("She said \"I hate contact\" and “my placement is rubbish” and ‘contact is boring’ "
            "and 'placement' but contact and the children's placement")
    assert [m.text for m in find_matches(text)] == ["contact", "placement"]
    assert find_matches("He said: “I don’t like contact”") == []
    # an opening quote still being typed protects the rest of the paragraph
    assert find_matches('Her words: "contact is rubbish') == []
    assert [m.text for m in find_matches('"contact\n\nplacement')] == ["placement"]
    assert quoted_spans("don't 'go' there") == [(6, 10)]


def test_preferred_names_override_the_glossary():
    assert terms("Nanny Mo took her to contact", ["Nanny Mo", "contact"]) == []
    found = find_matches("The maternal grandmother came", {"maternal grandmother": "Nanny Mo"})
    assert [(m.text, m.kind, m.suggestions) for m in found] == [
        ("maternal grandmother", "preferred", ("Nanny Mo",))]
    plain = find_matches("The maternal grandmother came")
    assert plain[0].kind == "care" and "Nanny Mo" not in plain[0].suggestions


def test_matches_carry_what_the_editor_shows():
    m = find_matches("Mum failed to engage.")[0]
    assert (m.start, m.end, m.term, m.kind) == (4, 20, "fail to engage", "blaming")
    assert m.reason and m.source.startswith("Torbay") and m.suggestions
    assert set(m.as_json()) == {"start", "end", "term", "kind", "suggestions"}


def test_apply_suggestion_is_the_only_rewrite():
    text = "Placement is good. The contact went well."
    found = find_matches(text)
    assert text == "Placement is good. The contact went well."  # checking changed nothing
    assert apply_suggestion(text, found[0], 0) == "Home is good. The contact went well."
    assert apply_suggestion(text, found[1], "time with Dad") == "Placement is good. The time with Dad went well."
    assert apply_suggestion("Mum failed to engage.", find_matches("Mum failed to engage.")[0], 0) == "Mum did not come."
    with pytest.raises(ValueError, match="changed"):
        apply_suggestion("Something else entirely here", found[1], 0)
    with pytest.raises(ValueError, match="no suggestion"):
        apply_suggestion(text, found[0], 99)


def test_bad_glossary_rows_are_named():
    with pytest.raises(GlossaryError, match="line 2: kind 'rude'"):
        parse_glossary(HEADER + "x\trude\ty\tz\tsrc\n")
    with pytest.raises(GlossaryError, match="has no source"):
        parse_glossary(HEADER + "x\tjargon\ty\tz\t\n")
    with pytest.raises(GlossaryError, match="appears twice"):
        parse_glossary(HEADER + "x\tjargon\ty\tz\ts\nX\tjargon\ty\tz\ts\n")
    with pytest.raises(GlossaryError, match="exactly one _"):
        parse_glossary(HEADER + "x\tjargon\ty\tz\ts\tnoun\teye contact\n")
    with pytest.raises(GlossaryError, match="header"):
        parse_glossary("a\tb\n")
    assert "preferred" in KINDS
