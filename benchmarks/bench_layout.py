"""Genogram layout figures: whole-process `genogram layout --json` against Graphviz `dot -Tplain`,
crossings of parent-to-child lines against dot's, and relayout after adding a child.

Targets (issue 3): time ratio ≤ 0.5 at 2,000 and 5,000 people; crossings no more than dot's;
relayout ≤ 16 ms at 100 people and ≤ 50 ms at 500 (this measures the layout part of that budget).
The families come from /work/shared/tools/synthetic_family.py. Alternating runs, medians;
figures go to benchmarks/out/layout.json.
"""
from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SYNTHETIC = Path("/work/shared/tools/synthetic_family.py")
SIZES = (100, 500, 2000, 5000)
RUNS = int(os.environ.get("KINSCAPE_BENCH_RUNS", "5"))


def run_timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - start


def make_family(n: int, tmp: Path) -> tuple[Path, Path, Path]:
    ged, dot, case = tmp / f"f{n}.ged", tmp / f"f{n}.dot", tmp / f"f{n}.kinscape"
    subprocess.run([sys.executable, str(SYNTHETIC), str(n), "--ged", str(ged), "--dot", str(dot)],
                   check=True)
    subprocess.run([sys.executable, "-m", "genogram", "import", str(ged), "-o", str(case)],
                   check=True, stdout=subprocess.DEVNULL)
    return ged, dot, case


def gedcom_edges(ged: Path) -> list[tuple[str, str]]:
    """(family, child) pairs, named as synthetic_family.py names DOT nodes."""
    text = ged.read_text(encoding="utf-8")
    out = []
    for fid, body in re.findall(r"^0 (@[^@]+@) FAM\n((?:[1-9].*\n?)*)", text, re.MULTILINE):
        for c in re.findall(r"^1 CHIL (@[^@]+@)", body, re.MULTILINE):
            out.append((fid.strip("@"), c.strip("@")))
    return out


def dot_crossings(dot: Path, ged: Path) -> int:
    from genogram.layout.crossings import count_crossings

    plain = subprocess.run(["dot", "-Tplain", str(dot)], check=True, capture_output=True,
                           text=True).stdout
    pos: dict[str, tuple[float, float]] = {}
    for line in plain.splitlines():
        if line.startswith("node "):
            parts = shlex.split(line)
            pos[parts[1]] = (float(parts[2]), -float(parts[3]))  # y down, like ours
    segs = [(*pos[f], *pos[c]) for f, c in gedcom_edges(ged)]
    return count_crossings(segs)


def our_crossings(case_path: Path) -> int:
    from genogram.layout import layout_genogram
    from genogram.layout.crossings import count_crossings, layout_segments
    from genogram.storage.casefile import read_case

    return count_crossings(layout_segments(layout_genogram(read_case(case_path))))


def in_process_s(case_path: Path, reps: int = 3) -> float:
    """Layout plus JSON in a warm process (no start-up, no file reading): the layout's own cost."""
    from genogram.layout import layout_genogram, layout_json
    from genogram.storage.casefile import read_case

    case = read_case(case_path)
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        json.dumps(layout_json(case, layout_genogram(case)))
        times.append(time.perf_counter() - start)
    return min(times)


def relayout_ms(case_path: Path, reps: int = 15) -> float:
    """Add a child to someone, lay the whole family out again, undo; median milliseconds."""
    from genogram.layout import layout_genogram
    from genogram.model import operations as ops
    from genogram.storage.casefile import read_case

    case = read_case(case_path)
    layout_genogram(case)  # warm: label widths are cached like in the running app
    people = [p.id for p in case.family.people() if case.family.unions_of(p.id)]
    times = []
    for i in range(reps):
        edit, _ = ops.add_child(case, people[(i * 7919) % len(people)], "New baby")
        undo = case.apply(edit)
        start = time.perf_counter()
        layout_genogram(case)
        times.append(time.perf_counter() - start)
        case.apply(undo)
    return statistics.median(times) * 1000.0


def main() -> int:
    have_dot = shutil.which("dot") is not None
    figures: dict[str, object] = {"runs": RUNS, "dot": have_dot, "sizes": {}}
    floor = [run_timed([sys.executable, "-c", "import genogram.model"]) for _ in range(RUNS)]
    figures["import_model_s"] = round(statistics.median(floor), 3)  # start-up before any work
    print(f"python start-up with the model imported: {figures['import_model_s']} s")
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        for n in SIZES:
            ged, dot, case = make_family(n, tmp)
            ours_cmd = [sys.executable, "-m", "genogram", "layout", str(case), "--json"]
            dot_cmd = ["dot", "-Tplain", str(dot)]
            run_timed(ours_cmd)  # warm the file cache
            if have_dot:
                run_timed(dot_cmd)
            ours, theirs = [], []
            for _ in range(RUNS):
                ours.append(run_timed(ours_cmd))
                if have_dot:
                    theirs.append(run_timed(dot_cmd))
            row: dict[str, object] = {"ours_s": round(statistics.median(ours), 3),
                                      "ours_in_process_s": round(in_process_s(case), 3),
                                      "crossings_ours": our_crossings(case)}
            if have_dot:
                d = statistics.median(theirs)
                row.update(dot_s=round(d, 3), ratio=round(statistics.median(ours) / d, 2),
                           crossings_dot=dot_crossings(dot, ged))
            if n <= 500:
                row["relayout_ms"] = round(relayout_ms(case), 1)
            figures["sizes"][str(n)] = row  # type: ignore[index]
            print(f"{n:>5} people: " + ", ".join(f"{k} {v}" for k, v in row.items()), flush=True)
    if not have_dot:
        print("Graphviz dot is not installed: ratios and dot's crossings were not measured")
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    (out / "layout.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent))
    raise SystemExit(main())
