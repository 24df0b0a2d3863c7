"""The core stays free of Qt and of the desktop app (import-linter contracts in pyproject.toml)."""
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold():
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert exe, "import-linter is part of the test extras"
    result = subprocess.run([exe, "--config", str(ROOT / "pyproject.toml")], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def test_core_imports_without_qt():
    code = ("import sys, genogram.model, genogram.model.codec; "
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was imported'")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
