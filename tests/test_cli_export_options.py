"""Every exporter's options reach it from the command line, and GEDCOM goes out as well as in."""
import pytest
from pypdf import PdfReader

from genogram.cli import main
from genogram.demo import load_demo
from genogram.model import case_to_dict
from genogram.storage.casefile import write_case
from genogram.storage.gedcom import import_gedcom


@pytest.fixture(scope="module")
def rivers(tmp_path_factory):
    path = tmp_path_factory.mktemp("cases") / "rivers.kinscape"
    write_case(load_demo("rivers"), path, backup=False)
    return path


def test_gedcom_export_reimports_the_same_structure(rivers, tmp_path, capsys):
    out = tmp_path / "rivers.ged"
    assert main(["export", str(rivers), "--what", "gedcom", "-o", str(out)]) == 0
    case, summary = import_gedcom(out)
    original = load_demo("rivers")
    assert "people" in summary.line()
    named = {p.display_name for p in case.family.people()}
    assert "Llŷr Rivers-Haddad" in named
    assert len(case.family.unions()) >= len(original.family.unions()) - 2


def test_child_option_reaches_the_exporter(rivers, tmp_path, capsys):
    out = tmp_path / "c.pdf"
    assert main(["export", str(rivers), "--what", "child-plan", "--child", "nobody",
                 "-o", str(out)]) == 2  # an id that is not in the case is a request refused
    assert "no child with id nobody in this case" in capsys.readouterr().err
    assert not out.exists()


def test_blank_and_theme_reach_three_houses(rivers, tmp_path):
    out = tmp_path / "th.pdf"
    assert main(["export", str(rivers), "--what", "three-houses", "--blank", "--theme", "wizards",
                 "-o", str(out)]) == 0
    text = " ".join(p.extract_text() for p in PdfReader(out).pages).lower()
    assert "wizard" in text


def test_chronology_filters_reach_the_exporter(rivers, tmp_path, capsys):
    out = tmp_path / "ch.pdf"
    assert main(["export", str(rivers), "--what", "chronology", "--kind", "nonsense",
                 "-o", str(out)]) == 2
    assert "is not a kind of chronology event" in capsys.readouterr().err
    assert main(["export", str(rivers), "--what", "chronology", "--since", "2018",
                 "--recorded-only", "-o", str(out)]) == 0


def test_a_refused_reader_gets_no_copy(tmp_path, capsys):
    case = load_demo("rivers")
    houses = case.records("three_houses")
    assert houses, "the demo has a three houses"
    refused = [name for h in houses for name in h.refused]
    assert refused, "the demo child said no to someone"
    path = tmp_path / "case.json"
    import json
    path.write_text(json.dumps(case_to_dict(case)), encoding="utf-8")
    out = tmp_path / "th.pdf"
    assert main(["export", str(path), "--what", "three-houses", "--for", refused[0],
                 "-o", str(out)]) == 1
    assert not out.exists()
    assert capsys.readouterr().err.count("\n") == 1


def test_options_reach_the_exporter_with_their_defaults_filled_in(rivers, tmp_path, monkeypatch):
    """Layout options are None on the command line (so unused ones can be refused) but every
    exporter still gets paper, orientation, pages and dpi, and only the pass-through options given."""
    from genogram.export import genogram_export

    seen = {}

    def spy(case, fmt, options):
        seen.update(options)
        return b"%PDF-1.4 spy"

    monkeypatch.setattr(genogram_export, "export_for_cli", spy)
    assert main(["export", str(rivers), "--what", "genogram", "--pages", "tile",
                 "-o", str(tmp_path / "g.pdf")]) == 0
    assert seen == {"paper": "A4", "orientation": "landscape", "pages": "tile", "dpi": 150.0,
                    "blank": False, "recorded_only": False}


def test_a_three_houses_theme_is_checked_against_the_printed_themes(rivers, tmp_path, capsys):
    out = tmp_path / "th.pdf"
    assert main(["export", str(rivers), "--what", "three-houses", "--theme", "Wizards",
                 "-o", str(out)]) == 2
    assert "the themes are houses, fairies and wizards" in capsys.readouterr().err
    assert not out.exists()
