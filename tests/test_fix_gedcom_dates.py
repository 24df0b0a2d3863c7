"""GEDCOM import: impossible and qualified dates are approximated, counted and named, never
turned into a wrong exact date; the summary reaches the CLI and the desktop's Import GEDCOM."""
from __future__ import annotations

import pytest

from genogram.cli import main
from genogram.model import FuzzyDate
from genogram.storage.gedcom import import_gedcom
from genogram.storage.gedcom_dates import parse_gedcom_date, read_gedcom_date

HEAD = "0 HEAD\n1 GEDC\n2 VERS 5.5.1\n1 CHAR UTF-8\n"

# Ana's birth cannot be true, Ben's is a bound, the marriage a range, Cai's month is not one we
# know (it may be another calendar's), Dee's is plain; a source and a note are skipped.
MESSY = HEAD + """0 @I1@ INDI
1 NAME Ana /Silva/
1 SEX F
1 BIRT
2 DATE 30 FEB 1990
1 FAMS @F1@
0 @I2@ INDI
1 NAME Ben /Okafor/
1 SEX M
1 BIRT
2 DATE BEF 1988
1 FAMS @F1@
0 @I3@ INDI
1 NAME Cai /Silva/
1 BIRT
2 DATE 12 SMARCH 2015
1 DEAT
2 DATE 31 APR 2001
1 FAMC @F1@
0 @I4@ INDI
1 NAME Dee /Silva/
1 BIRT
2 DATE 3 MAR 2012
2 SOUR @S1@
1 NOTE A note nobody needs here
1 FAMC @F1@
0 @F1@ FAM
1 HUSB @I2@
1 WIFE @I1@
1 CHIL @I3@
1 CHIL @I4@
1 MARR
2 DATE BET 2008 AND 2010
0 @S1@ SOUR
1 TITL Birth certificate
0 TRLR
"""

CLEAN = HEAD + """0 @I1@ INDI
1 NAME Eve /Marsh/
1 BIRT
2 DATE 29 FEB 2000
0 @I2@ INDI
1 NAME Fin /Marsh/
1 BIRT
2 DATE ABT 1970
0 TRLR
"""


@pytest.mark.parametrize("text,expected", [
    ("30 FEB 1990", FuzzyDate(1990, 2)),
    ("31 APR 2001", FuzzyDate(2001, 4)),
    ("29 FEB 1900", FuzzyDate(1900, 2)),  # 1900 was not a leap year
    ("0 MAR 1980", FuzzyDate(1980, 3)),
    ("1990-13-01", FuzzyDate(1990, approx=True)),  # month 13
    ("1990-02-30", FuzzyDate(1990, approx=True)),
    ("13/13/1990", FuzzyDate(1990, approx=True)),
    ("03/04/1990", FuzzyDate(1990, approx=True)),  # March or April: never guessed
    ("13 1990", FuzzyDate(1990, approx=True)),  # a day or a month?
    ("ABT 30 FEB 1990", FuzzyDate(1990, approx=True)),
    ("BEF 1980", FuzzyDate(1980, approx=True)),
    ("AFT 12 MAR 1980", FuzzyDate(1980, approx=True)),
    ("BET 1970 AND 1980", FuzzyDate(1975, approx=True)),
    ("FROM 1978 TO 1982", FuzzyDate(1980, approx=True)),
    ("TO 1982", FuzzyDate(1982, approx=True)),
    ("EST 12 MAR 1980", FuzzyDate(1980, approx=True)),  # the day is lost
])
def test_impossible_and_qualified_dates_are_kept_only_as_guesses(text, expected):
    date, as_written = read_gedcom_date(text)
    assert date == expected and not as_written
    assert not date.is_exact()
    assert parse_gedcom_date(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("29 FEB 2000", FuzzyDate(2000, 2, 29)),
    ("12 MAR 1980", FuzzyDate(1980, 3, 12)),
    ("MAR 1980", FuzzyDate(1980, 3)),
    ("1980", FuzzyDate(1980)),
    ("ABT 1980", FuzzyDate(1980, approx=True)),
    ("CAL 1980", FuzzyDate(1980, approx=True)),
    ("INT 1980 (about when she left school)", FuzzyDate(1980)),
    ("@#DJULIAN@ 11 FEB 1731/32", FuzzyDate(1732, 2, 11)),
    ("1990-03-04", FuzzyDate(1990, 3, 4)),
])
def test_dates_read_as_written_are_not_counted(text, expected):
    assert read_gedcom_date(text) == (expected, True)


@pytest.mark.parametrize("text", ["12 SMARCH 1980", "(the big snow)", "@#DHEBREW@ 1 TSH 5760",
                                  "44 BCE", "3000", "BEF SOMETIME"])
def test_unreadable_dates_are_left_out(text):
    assert read_gedcom_date(text) == (None, False)


def _write(tmp_path, text, name="family.ged"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_import_counts_and_names_what_it_changed(tmp_path):
    case, summary = import_gedcom(_write(tmp_path, MESSY))
    people = {p.display_name: p for p in case.family.people()}
    ana, ben, cai, dee = (people[n] for n in ("Ana Silva", "Ben Okafor", "Cai Silva", "Dee Silva"))
    assert ana.born == FuzzyDate(1990, 2) and not ana.born.is_exact()  # never 2 MAR or 28 FEB
    assert ben.born == FuzzyDate(1988, approx=True)
    assert cai.born is None and cai.died == FuzzyDate(2001, 4)
    assert dee.born == FuzzyDate(2012, 3, 3)
    union = case.family.unions()[0]
    assert union.started == FuzzyDate(2009, approx=True)
    assert summary.approximate_dates == [
        "30 FEB 1990 for Ana Silva", "BEF 1988 for Ben Okafor", "31 APR 2001 for Cai Silva",
        "BET 2008 AND 2010 for the partnership of Ben Okafor and Ana Silva"]
    assert summary.unread_dates == ["12 SMARCH 2015 for Cai Silva"]
    assert summary.needs_attention()
    assert summary.line() == (
        "Imported 4 people and 1 family; 4 dates were not one exact day (a range, before or after,"
        " or a day that does not exist) and were kept as approximate (30 FEB 1990 for Ana Silva, BEF 1988 for Ben Okafor, …); 1 date could not"
        " be read and was left out (12 SMARCH 2015 for Cai Silva); skipped 3 records we do not"
        " use (SOUR 2, NOTE 1).")


def test_a_clean_file_says_nothing_about_dates(tmp_path):
    _case, summary = import_gedcom(_write(tmp_path, CLEAN))
    assert summary.approximate_dates == [] and summary.unread_dates == []
    assert not summary.needs_attention()
    assert summary.line() == "Imported 2 people and 0 families."


def test_the_cli_prints_the_summary_line(tmp_path, capsys):
    out = tmp_path / "family.kinscape"
    assert main(["import", str(_write(tmp_path, MESSY)), "-o", str(out)]) == 0
    printed = capsys.readouterr().out.strip()
    assert printed.startswith("Imported 4 people and 1 family; 4 dates were not one exact day")
    assert "(30 FEB 1990 for Ana Silva" in printed and "12 SMARCH 2015 for Cai Silva" in printed
    assert "\n" not in printed


# ---- the desktop's File > Import GEDCOM… ------------------------------------------------------
@pytest.fixture
def window(main_window):
    main_window.ask = lambda kind, text: "discard"
    return main_window


def test_desktop_import_shows_the_summary_in_a_box_the_user_sees(qtbot, window, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    path = _write(tmp_path, MESSY, "silva.ged")
    window.choose_path = lambda mode, suggested: str(path)
    window.gedcom.import_action.trigger()
    assert not window.errors
    expected = f"silva.ged: {import_gedcom(path)[1].line()}"
    assert window.statusBar().currentMessage() == expected
    box = window.findChild(QMessageBox, "gedcomImportSummary")
    assert box is not None and box.isVisible() and box.text() == expected
    assert "30 FEB 1990 for Ana Silva" in box.text()
    box.accept()


def test_desktop_import_tells_once_and_only_when_there_is_something_to_check(
        qtbot, window, tmp_path):
    told: list[str] = []
    window.gedcom.inform = told.append
    clean = _write(tmp_path, CLEAN, "marsh.ged")
    assert window.gedcom.import_gedcom(str(clean))
    assert told == [] and window.statusBar().currentMessage() == (
        "marsh.ged: Imported 2 people and 0 families.")
    messy = _write(tmp_path, MESSY, "silva.ged")
    assert window.gedcom.import_gedcom(str(messy))
    assert len(told) == 1 and told[0].startswith("silva.ged: Imported 4 people and 1 family; 4 dates")
