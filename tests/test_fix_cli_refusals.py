"""`genogram export` refuses a request it would otherwise quietly change: an unknown theme, an
option the view does not use, an unknown value or id. Each refusal is one line on stderr, exit 2,
and no file; a fault inside Kinscape says so in one line, exit 3, never a traceback."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from genogram.cli import main
from genogram.commands import export as export_command

EXE = Path(sys.executable).with_name("genogram")
DOC = (Path(__file__).resolve().parent.parent / "docs" / "cli.md").read_text(encoding="utf-8")
ALL_FLAGS = {"--paper": "A4", "--orientation": "portrait", "--pages": "tile", "--dpi": "100",
             "--child": "p_llyr", "--for": "Mum", "--ecomap": "e_llyr", "--compare": "latest",
             "--sheet": "ip_llyr", "--theme": "houses", "--booklet": "a4", "--kind": "birth",
             "--person": "p_llyr", "--since": "2018", "--until": "2030", "--significance": "high",
             "--blank": None, "--recorded-only": None}


def genogram(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(EXE), *args], check=False, capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def rivers(tmp_path_factory):
    """The demo case, made the way a user makes it: `genogram demo -o FILE`."""
    path = tmp_path_factory.mktemp("cases") / "rivers.kinscape"
    made = genogram("demo", "rivers", "-o", str(path))
    assert made.returncode == 0, made.stderr
    return path


def refused(rivers: Path, out: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """Run the export through main(); it must refuse in one line, exit 2, and write nothing."""
    assert main(["export", str(rivers), *args, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("genogram: ") and err.count("\n") == 1 and "Traceback" not in err, err
    assert not out.exists() and not list(out.parent.glob(f"*{out.stem}*"))
    return err.removeprefix("genogram: ").rstrip("\n")


# ---- 1. an unknown theme is refused, not swapped for the houses ---------------------------------
def test_an_unknown_theme_is_refused_through_the_installed_command(rivers, tmp_path):
    out = tmp_path / "th.pdf"
    result = genogram("export", str(rivers), "--what", "three-houses", "--theme", "bogus", "-o", str(out))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == ("genogram: there is no three-houses theme 'bogus'; the themes are houses, "
                             "fairies and wizards\n")
    assert list(tmp_path.iterdir()) == []


def test_the_pdf_maker_itself_refuses_an_unknown_theme():
    from genogram.demo import load_demo
    from genogram.export.three_houses_pdf import HousesError, three_houses_pdf

    case = load_demo("rivers")
    houses = case.records("three_houses")[0]
    with pytest.raises(HousesError, match="houses, fairies and wizards"):
        three_houses_pdf(case, houses, "bogus")
    assert three_houses_pdf(case, houses, None).startswith(b"%PDF")  # the record's own theme


# ---- 2. one table of which options each WHAT uses ------------------------------------------------
UNUSED = [(what, flag) for what, e in export_command.EXPORTERS.items() for flag in ALL_FLAGS
          if flag not in e.options]


@pytest.mark.parametrize("what,flag", UNUSED, ids=[f"{w}{f}" for w, f in UNUSED])
def test_an_option_the_view_does_not_use_is_refused(rivers, tmp_path, capsys, what, flag):
    fmt = export_command.EXPORTERS[what].formats[0]
    value = [] if ALL_FLAGS[flag] is None else [ALL_FLAGS[flag]]
    message = refused(rivers, tmp_path / f"out.{fmt}", capsys, "--what", what, flag, *value)
    users = [w for w, e in export_command.EXPORTERS.items() if flag in e.options]
    assert message.startswith(f"{flag} is only used with --what ")
    assert all(w in message for w in users) and f" {what}," not in message


def test_the_reviewers_examples_in_their_words(rivers, tmp_path, capsys):
    out = tmp_path / "x.pdf"
    assert refused(rivers, out, capsys, "--what", "genogram", "--theme", "wizards") == \
        "--theme is only used with --what three-houses"
    assert refused(rivers, out, capsys, "--what", "child-plan", "--for", "Mum") == \
        "--for is only used with --what three-houses, safety-map, chronology or words-pictures"
    assert refused(rivers, out, capsys, "--what", "plan", "--booklet", "a4") == \
        "--booklet is only used with --what words-pictures"


@pytest.mark.parametrize("args,message", [
    (["--what", "genogram", "--dpi", "300"], "--dpi is only used for png files, not pdf"),
    (["--what", "ecomap", "--paper", "A3", "--format", "svg"], "--paper is only used for pdf files, not svg"),
    (["--what", "three-houses", "--blank", "--for", "Mum"], "--for cannot be used with --blank"),
    (["--what", "ecomap", "--compare", "latest", "--ecomap", "e_llyr"], "--ecomap cannot be used with --compare"),
    (["--what", "chronology", "--person", "p_llyr", "--child", "p_llyr"], "--child cannot be used with --person"),
])
def test_an_option_that_would_be_ignored_by_the_format_or_another_option_is_refused(
        rivers, tmp_path, capsys, args, message):
    fmt = args[args.index("--format") + 1] if "--format" in args else "pdf"
    assert refused(rivers, tmp_path / f"x.{fmt}", capsys, *args).startswith(message)


@pytest.mark.parametrize("what,args", [
    ("genogram", ["--paper", "A3", "--orientation", "portrait", "--pages", "tile"]),
    ("genogram", ["--dpi", "60", "--format", "png"]),
    ("ecomap", ["--compare", "latest", "--paper", "A3"]),
    ("ecomap", ["--ecomap", "e_llyr", "--orientation", "portrait"]),
    ("plan", ["--child", "p_llyr"]),
    ("important-people", ["--child", "p_llyr", "--sheet", "ip_llyr", "--paper", "A3"]),
    ("three-houses", ["--child", "p_llyr", "--for", "Mum", "--theme", "fairies"]),
    ("three-houses", ["--blank", "--theme", "wizards"]),
    ("safety-map", ["--child", "p_llyr", "--for", "Mum"]),
    ("chronology", ["--for", "Mum", "--kind", "event,birth", "--person", "p_llyr", "--since", "2010",
                    "--until", "2030", "--significance", "high", "--recorded-only"]),
    ("words-pictures", ["--child", "p_llyr", "--for", "Mum", "--booklet", "a5-booklet"]),
])
def test_the_options_each_view_uses_are_still_taken(rivers, tmp_path, capsys, what, args):
    fmt = args[args.index("--format") + 1] if "--format" in args else "pdf"
    out = tmp_path / f"x.{fmt}"
    assert main(["export", str(rivers), "--what", what, *args, "-o", str(out)]) == 0, capsys.readouterr().err
    assert out.stat().st_size > 0


def test_the_docs_table_says_the_options_the_command_checks():
    for what, exporter in export_command.EXPORTERS.items():
        row = next(line for line in DOC.splitlines() if line.startswith(f"| `{what}` |"))
        documented = re.findall(r"`(--[a-z-]+)`", row.split("|")[3])
        assert tuple(documented) == exporter.options, what
        if not exporter.options:
            assert row.split("|")[3].strip() == "none"


# ---- 3. --significance -------------------------------------------------------------------------
def test_a_significance_nothing_mentions_says_what_is_written(rivers, tmp_path, capsys):
    message = refused(rivers, tmp_path / "ch.pdf", capsys, "--what", "chronology", "--significance", "bogus")
    assert message.startswith("--significance 'bogus' matches no event; it picks events whose significance "
                              "contains these words, and the significances written are: ")
    assert "“High: Llŷr heard the argument and hid upstairs”" in message
    assert message.count(". ") == 0  # one sentence


def test_bad_chronology_values_are_refusals_too(rivers, tmp_path, capsys):
    assert "is not a kind of chronology event" in refused(rivers, tmp_path / "c.pdf", capsys,
                                                          "--what", "chronology", "--kind", "nonsense")
    assert refused(rivers, tmp_path / "c.pdf", capsys, "--what", "chronology", "--since", "soon") == \
        '"soon" is not a date'
    assert refused(rivers, tmp_path / "c.pdf", capsys, "--what", "words-pictures", "--booklet", "a3") == \
        "there is no booklet layout 'a3'; the layouts are a4 and a5-booklet"


# ---- 4. unknown ids ----------------------------------------------------------------------------
CHILD_TAKERS = [w for w, e in export_command.EXPORTERS.items() if "--child" in e.options]


@pytest.mark.parametrize("what", CHILD_TAKERS)
def test_an_unknown_child_names_the_children(rivers, tmp_path, capsys, what):
    assert refused(rivers, tmp_path / "c.pdf", capsys, "--what", what, "--child", "UNKNOWN") == \
        "no child with id UNKNOWN in this case; children are: Llŷr Rivers-Haddad (p_llyr)"


def test_an_unknown_child_through_the_installed_command(rivers, tmp_path):
    out = tmp_path / "ip.pdf"
    result = genogram("export", str(rivers), "--what", "important-people", "--child", "UNKNOWN", "-o", str(out))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == ("genogram: no child with id UNKNOWN in this case; children are: "
                             "Llŷr Rivers-Haddad (p_llyr)\n")
    assert not out.exists()


def test_unknown_people_snapshots_and_sheets_name_the_ones_there_are(rivers, tmp_path, capsys):
    out = tmp_path / "x.pdf"
    person = refused(rivers, out, capsys, "--what", "chronology", "--person", "p_llyr, nobody")
    assert person.startswith("no person with id nobody in this case; people are: Ahmad Haddad (p_ahmad), ")
    assert person.endswith("and 15 more (genogram layout CASE --json lists every id)")
    assert refused(rivers, out, capsys, "--what", "ecomap", "--ecomap", "e_none") == \
        "no ecomap with id e_none in this case; ecomaps are: e_llyr, e_llyr_2025"
    assert refused(rivers, out, capsys, "--what", "ecomap", "--compare", "e_llyr,e_none").startswith(
        "no ecomap with id e_none in this case")
    assert refused(rivers, out, capsys, "--what", "important-people", "--sheet", "ip_none") == \
        "no important people sheet with id ip_none in this case; sheets are: ip_llyr"


# ---- 5. a fault inside Kinscape ----------------------------------------------------------------
def _broken(*_args, **_kw):
    raise KeyError("x")


def test_a_fault_inside_kinscape_is_one_line_that_says_so(rivers, tmp_path, capsys, monkeypatch):
    from genogram.storage import gedcom_export

    monkeypatch.setattr(gedcom_export, "export_for_cli", _broken)
    monkeypatch.delenv("GENOGRAM_DEBUG", raising=False)
    out = tmp_path / "f.ged"
    assert main(["export", str(rivers), "--what", "gedcom", "-o", str(out)]) == 3
    err = capsys.readouterr().err
    assert err == ("genogram: an unexpected problem inside Kinscape, not something you did (KeyError: 'x'); "
                   "nothing was written, so please report it (GENOGRAM_DEBUG=1 shows the details)\n")
    assert not out.exists()
    monkeypatch.setenv("GENOGRAM_DEBUG", "1")
    assert main(["export", str(rivers), "--what", "gedcom", "-o", str(out)]) == 3
    err = capsys.readouterr().err
    assert err.startswith("Traceback") and "KeyError: 'x'" in err
    assert err.splitlines()[-1].startswith("genogram: an unexpected problem inside Kinscape")


def test_a_fault_after_writing_says_what_was_written(rivers, tmp_path, capsys, monkeypatch):
    real = export_command.write_output

    def write_then_fail(path, data):
        real(path, data)
        raise RuntimeError("after the write")

    monkeypatch.setattr(export_command, "write_output", write_then_fail)
    out = tmp_path / "f.ged"
    assert main(["export", str(rivers), "--what", "gedcom", "-o", str(out)]) == 3
    err = capsys.readouterr().err
    assert f"(RuntimeError: after the write); {out} had already been written, so please report it" in err
    assert err.count("\n") == 1


def test_the_computer_refusing_a_file_is_not_called_a_fault(rivers, tmp_path, capsys, monkeypatch):
    from genogram.storage import gedcom_export

    def denied(*_args, **_kw):
        raise PermissionError(13, "Permission denied", "/somewhere/font.ttf")

    monkeypatch.setattr(gedcom_export, "export_for_cli", denied)
    assert main(["export", str(rivers), "--what", "gedcom", "-o", str(tmp_path / "f.ged")]) == 1
    assert capsys.readouterr().err == "genogram: /somewhere/font.ttf: Permission denied\n"


def test_an_unknown_child_in_a_case_without_children_says_so(tmp_path, capsys):
    from genogram.model import Case
    from genogram.model.operations import add_person
    from genogram.storage.casefile import case_json_bytes

    case = Case()
    case.apply(add_person(case, given="Ann")[0])
    assert len(case.family.people()) == 1
    path = tmp_path / "case.json"
    path.write_bytes(case_json_bytes(case))
    assert refused(path, tmp_path / "p.pdf", capsys, "--what", "plan", "--child", "p_9") == \
        "no child with id p_9 in this case, which has no index child or child's records yet"
