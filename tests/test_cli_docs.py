"""docs/cli.md documents every headless command and every one of its options."""
from pathlib import Path

from genogram.cli import build_parser

DOC = (Path(__file__).resolve().parent.parent / "docs" / "cli.md").read_text(encoding="utf-8")


def _subparsers():
    parser = build_parser()
    action = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return action.choices


def test_every_command_has_a_section():
    for name in _subparsers():
        assert f"## `genogram {name}`" in DOC, name


def test_every_option_is_documented():
    for name, sub in _subparsers().items():
        for action in sub._actions:
            flags = [o for o in action.option_strings if o not in ("-h", "--help")]
            if flags:  # documented under any of its spellings (-o or --output)
                assert any(f"{f} " in DOC or f"{f}]" in DOC or f"`{f}" in DOC for f in flags), \
                    f"genogram {name} {flags[-1]} is not in docs/cli.md"


def test_every_export_what_is_in_the_table():
    from genogram.commands.export import EXPORTERS

    for what in EXPORTERS:
        assert f"| `{what}` |" in DOC, what
