"""`genogram validate`: ok with counts and warnings, or one line naming the problem."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from genogram.cli import main
from genogram.model import FuzzyDate, UpdatePerson
from genogram.storage.casefile import write_case

from .test_storage import rich_case, zip_of


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], list[str]]:
    code = main(["validate", *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


def test_a_good_case_is_ok_with_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "family.kinscape"
    write_case(rich_case(), path)
    assert run(capsys, str(path)) == (0, ["ok: 7 people, 2 unions, 0 warnings"], [])


def test_warnings_are_listed_but_still_ok(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    case = rich_case()
    dana = case.family.people()[0]
    case.apply(UpdatePerson(dana.__class__(id=dana.id, given="Dana", born=FuzzyDate(1990),
                                           died=FuzzyDate(1980))))
    path = tmp_path / "family.kinscape"
    write_case(case, path)
    code, out, err = run(capsys, str(path))
    assert code == 0 and err == []
    assert out[0] == f"ok: 7 people, 2 unions, {len(case.warnings())} warning" + (
        "" if len(case.warnings()) == 1 else "s")
    assert "warning: Dana is recorded as dying before being born" in out[1:]
    assert len(out) == 1 + len(case.warnings())


def test_a_bare_case_json_with_one_person(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "case.json"
    path.write_text(json.dumps({"schema_version": 1, "people": [{"id": "p1", "given": "Ann"}]}))
    assert run(capsys, str(path)) == (0, ["ok: 1 person, 0 unions, 0 warnings"], [])


@pytest.mark.parametrize(("content", "expected"), [
    (b"", "genogram: family.kinscape: the file is empty"),
    (b'{"schema_version": 1, "people": [{"id": "p1", "born": "next Tuesday"}]}',
     'genogram: family.kinscape: people[0].born: "next Tuesday" is not a date'),
    (zip_of({"case.json": b'{"schema_version": 2}'}),
     "genogram: family.kinscape: this case was saved by a newer Kinscape"),
    (zip_of({"../x": b""}),
     'genogram: family.kinscape: holds an entry with an unsafe path ("../x")'),
])
def test_bad_files_give_one_line_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            content: bytes, expected: str) -> None:
    path = tmp_path / "family.kinscape"
    path.write_bytes(content)
    code, out, err = run(capsys, str(path))
    assert code == 1 and out == [] and len(err) == 1
    assert err[0].startswith(expected)


def test_missing_file_and_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, str(tmp_path / "nope.kinscape")) == (
        1, [], ["genogram: nope.kinscape: there is no such file"])
    folder = f"genogram: {tmp_path.name}: is a folder, not a case file"
    assert run(capsys, str(tmp_path)) == (1, [], [folder])


def test_the_installed_command_prints_one_line_and_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "broken.kinscape"
    good = tmp_path / "good.kinscape"
    write_case(rich_case(), good)
    data = bytearray(good.read_bytes())
    data[200:260] = b"\x00" * 60  # damage the compressed case.json
    path.write_bytes(bytes(data))
    exe = Path(sys.executable).with_name("genogram")
    result = subprocess.run([str(exe), "validate", str(path)], capture_output=True, text=True,
                            timeout=60, env={**os.environ, "PYTHONWARNINGS": "default"})
    assert result.returncode == 1 and result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("genogram: broken.kinscape: ")
    ok = subprocess.run([str(exe), "validate", str(good)], capture_output=True, text=True,
                        timeout=60)
    assert (ok.returncode, ok.stdout, ok.stderr) == (0, "ok: 7 people, 2 unions, 0 warnings\n", "")
