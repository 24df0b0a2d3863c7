"""Foundation figures: first paint against a bare PySide6 window, save plus load of a 1,000-person
case, and resident memory with the demo open.

Targets (issue 2): first-paint ratio ≤ 2.0; save + load ≤ 150 ms; memory ≤ 150 MB above the bare
window. Alternating runs in one session, medians reported; figures go to benchmarks/out/startup.json.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUNS = int(os.environ.get("KINSCAPE_BENCH_RUNS", "7"))


def timed_child(cmd: list[str]) -> tuple[float, float]:
    """Wall time (s) and peak resident memory (MB) of one child process."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.read().decode()[-500:]}")
    return elapsed, usage.ru_maxrss / 1024.0


def first_paint() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        ours_cmd = [sys.executable, "-m", "desktop", "--screenshot", f"{tmp}/k.png"]
        bare_cmd = [sys.executable, str(HERE / "bare_window.py"), "--screenshot", f"{tmp}/b.png"]
        timed_child(ours_cmd), timed_child(bare_cmd)  # warm the file cache for both
        ours, bare, ours_mem, bare_mem = [], [], [], []
        for _ in range(RUNS):
            t, m = timed_child(ours_cmd)
            ours.append(t), ours_mem.append(m)
            t, m = timed_child(bare_cmd)
            bare.append(t), bare_mem.append(m)
    o, b = statistics.median(ours), statistics.median(bare)
    om, bm = statistics.median(ours_mem), statistics.median(bare_mem)
    return {"first_paint_s": round(o, 3), "bare_window_s": round(b, 3), "ratio": round(o / b, 2),
            "rss_mb": round(om, 1), "bare_rss_mb": round(bm, 1), "rss_above_bare_mb": round(om - bm, 1)}


def big_case(n: int):
    from genogram.model import Case, CaseMeta, FuzzyDate, Gender
    from genogram.model import operations as ops

    case = Case(CaseMeta(title="Benchmark family (invented)", fictional=True))
    e, root = ops.add_person(case, "Ada", Gender.FEMALE, born=FuzzyDate(1900))
    case.apply(e)
    frontier = [root]
    while case.family.person_count() < n:
        nxt = []
        for pid in frontier:
            e, partner = ops.add_partner(case, pid, "Partner")
            case.apply(e)
            for k in range(3):
                e, child = ops.add_child(case, pid, f"Child {k}", Gender.MALE if k % 2 else Gender.FEMALE,
                                         )
                case.apply(e)
                nxt.append(child)
                if case.family.person_count() >= n:
                    break
            if case.family.person_count() >= n:
                break
        frontier = nxt
    return case


def save_load() -> dict[str, float]:
    from genogram.storage.casefile import read_case, write_case

    case = big_case(1000)
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.kinscape"
        for _ in range(RUNS):
            start = time.perf_counter()
            write_case(case, path)
            read_case(path)
            times.append(time.perf_counter() - start)
    return {"people": case.family.person_count(), "save_plus_load_ms": round(statistics.median(times) * 1000, 1)}


def main() -> int:
    figures = {"first_paint": first_paint(), "save_load_1000": save_load()}
    (HERE / "out").mkdir(exist_ok=True)
    (HERE / "out" / "startup.json").write_text(json.dumps(figures, indent=2))
    fp, sl = figures["first_paint"], figures["save_load_1000"]
    print(f"first paint {fp['first_paint_s']} s vs bare window {fp['bare_window_s']} s: ratio {fp['ratio']} (target ≤ 2.0)")
    print(f"resident memory {fp['rss_mb']} MB, {fp['rss_above_bare_mb']} MB above the bare window (target ≤ 150)")
    print(f"save + load of {sl['people']} people: {sl['save_plus_load_ms']} ms (target ≤ 150)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
