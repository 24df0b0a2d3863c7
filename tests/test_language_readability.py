"""Reading age (Flesch–Kincaid grade + 5) and long sentences, against each reader's target."""
import pytest

from genogram.language import assess, count_syllables
from genogram.language.readability import sentences, target_for


@pytest.mark.parametrize("word, n", [
    ("cat", 1), ("make", 1), ("while", 1), ("table", 2), ("little", 2), ("centre", 2),
    ("wanted", 2), ("jumped", 1), ("played", 1), ("makes", 1), ("boxes", 2), ("pages", 2),
    ("social", 2), ("family", 3), ("children", 2), ("worried", 2), ("beautiful", 3),
    ("appointment", 3), ("going", 2), ("seeing", 2), ("violent", 3), ("serious", 3),
    ("responsibility", 6), ("independent", 4), ("school", 1), ("you're", 1), ("I", 1),
])
def test_syllables_of_everyday_words(word, n):
    assert count_syllables(word) == n


def test_sentences_split_at_stops_not_at_abbreviations():
    text = "Mr. Smith will visit on Tuesday. You will go to school! Mum will take you, e.g. by bus.\n- first\n- second"
    assert [text[a:b] for a, b in sentences(text)] == [
        "Mr. Smith will visit on Tuesday.", "You will go to school!", "Mum will take you, e.g. by bus.",
        "- first", "- second"]


def test_easy_text_is_young_and_hard_text_is_old():
    easy = assess("You live with Nan. You see Mum on Saturday. We all want you to be safe.", "child", 8)
    hard = assess("The multi-agency safeguarding arrangements necessitate comprehensive consideration "
                  "of parental responsibility and developmental outcomes.", "parent")
    assert easy.reading_age is not None and easy.reading_age <= 8 and not easy.too_hard
    assert hard.reading_age is not None and hard.reading_age >= 18 and hard.too_hard
    assert hard.target == 9


def test_flesch_kincaid_arithmetic():
    # 10 words, 1 sentence, 11 syllables: 0.39*10 + 11.8*1.1 - 15.59 = 1.29 -> reading age 6
    r = assess("The children will go to the park with their friends.", "adult")
    assert (r.words, r.sentences) == (10, 1)
    assert r.grade == pytest.approx(0.39 * 10 + 11.8 * 11 / 10 - 15.59, abs=0.01)
    assert r.reading_age == 6


def test_names_inside_a_sentence_count_as_familiar():
    assert assess("You see Nanny Gwendolyn on Saturday.").reading_age <= assess(
        "You see nanny gwendolyn on saturday.").reading_age


def test_long_sentences_for_children_and_adults():
    sixteen = "Mum and Dad will come to the park with you and Nan on Saturday after lunch at two."
    assert len(sixteen.split()) == 18
    child = assess(sixteen, "child", 10)
    adult = assess(sixteen, "adult")
    assert [s.words for s in child.long_sentences] == [18] and child.sentence_limit == 15
    assert adult.long_sentences == () and adult.sentence_limit == 20
    assert sixteen[child.long_sentences[0].start:child.long_sentences[0].end] == sixteen


def test_targets():
    assert target_for("child", 7) == 7
    assert target_for("child", None) == 9
    assert target_for("parent") == 9
    assert target_for("adult") is None


def test_empty_or_tiny_text_has_no_reading_age():
    r = assess("   ", "child", 6)
    assert r.reading_age is None and r.words == 0 and not r.too_hard
    for heading in ("Money", "Seeing my family", "Being healthy and happy"):
        r = assess(heading, "child", 6)
        assert r.reading_age is None and not r.too_hard, heading
    assert assess("You will see Mum on Saturday.", "child", 6).reading_age == 5
