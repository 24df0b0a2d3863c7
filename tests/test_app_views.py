"""`kinscape --view TAB` opens on a tab (how the README's screenshot is made)."""
import os
import subprocess
import sys

from PIL import Image


def _run(*args, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KINSCAPE_TESTING": "1",
           "XDG_DATA_HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    return subprocess.run([sys.executable, "-m", "desktop", *args], env=env, capture_output=True,
                          text=True, timeout=120)


def test_screenshot_of_the_genogram_tab(tmp_path):
    out = tmp_path / "genogram.png"
    result = _run("--view", "genogram", "--screenshot", str(out), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    with Image.open(out) as img:
        assert img.size[0] >= 800 and len(img.convert("L").getcolors(1 << 16) or []) > 20


def test_an_unknown_tab_is_named_in_one_line(tmp_path):
    result = _run("--view", "Nope", "--screenshot", str(tmp_path / "x.png"), tmp_path=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "Genogram" in result.stderr
    assert "Traceback" not in result.stderr
