"""Run every benchmark (benchmarks/bench_*.py) and gather their figures in benchmarks/out/.

Each benchmark is its own script, run in its own process with this interpreter, so one slow or
failing benchmark does not hide the others.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    wanted = set(argv)
    scripts = sorted(p for p in HERE.glob("bench_*.py") if not wanted or p.stem in wanted
                     or p.stem.removeprefix("bench_") in wanted)
    (HERE / "out").mkdir(exist_ok=True)
    failed = []
    for script in scripts:
        print(f"== {script.stem}", flush=True)
        if subprocess.run([sys.executable, str(script)], cwd=HERE.parent).returncode != 0:
            failed.append(script.stem)
    if failed:
        print("failed: " + ", ".join(failed))
        return 1
    print(f"figures written to {HERE / 'out'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
