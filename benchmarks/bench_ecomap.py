"""Ecomap figures: the radial layout of 60 systems, in-process, against the 20 ms target (issue 4).

Three shapes of the same 60-system ecomap (a household of five in the centre, every system
connected): all placed by the layout; five placed by the user; and the layout plus glyphs (what
the canvas waits for on every edit). Warm runs, median and 90th percentile; there is no peer to
compare with, since no open-source genogram tool draws ecomaps. Figures go to
benchmarks/out/ecomap.json.
"""
from __future__ import annotations

import json
import math
import os
import statistics
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUNS = int(os.environ.get("KINSCAPE_BENCH_RUNS", "200"))
TARGET_MS = 20.0


def ecomap_case(n: int, pins: int = 0):
    """An invented household of five and an ecomap of `n` systems cycling through the palette."""
    from genogram.ecomap_palette import load_palette
    from genogram.model import (AddPerson, Case, CaseMeta, Centre, EcoConnection, Ecomap,
                                EcoSystem, Energy, Household, Person, Put, Quality)

    case = Case(CaseMeta(title="Benchmark family (invented)", fictional=True, index_person="p1"))
    for i, name in enumerate(["Mia", "Jo", "Sam", "Ria", "Ola"], start=1):
        case.apply(AddPerson(Person(id=f"p{i}", given=name, family_name="Stone")))
    case.apply(Put("households", Household(id="h1", name="The Stones",
                                           members=tuple(f"p{i}" for i in range(1, 6)))))
    case.apply(Put("ecomaps", Ecomap(id="e1", centre=Centre.HOUSEHOLD, household="h1")))
    kinds = load_palette().systems
    for i in range(n):
        k = kinds[i % len(kinds)]
        pos = None
        if i < pins:
            a = 2 * math.pi * i / max(1, pins)
            pos = (420 * math.cos(a), 420 * math.sin(a))
        case.apply(Put("eco_systems", EcoSystem(id=f"s{i + 1}", ecomap="e1",
                                                name=f"{k.name} {i + 1}", category=k.category,
                                                position=pos)))
        case.apply(Put("eco_connections", EcoConnection(
            id=f"c{i + 1}", ecomap="e1", system=f"s{i + 1}", quality=list(Quality)[i % 5],
            energy=list(Energy)[i % 4], stress=i % 4 == 0, helps="Listens" if i % 2 else "")))
    return case


def timed(fn, runs: int = RUNS) -> dict[str, float]:
    for _ in range(5):
        fn()  # warm caches (font metrics, palette)
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000.0)
    samples.sort()
    return {"median_ms": round(statistics.median(samples), 3),
            "p90_ms": round(samples[int(0.9 * (len(samples) - 1))], 3),
            "min_ms": round(samples[0], 3), "runs": runs}


def main() -> int:
    from genogram.layout.ecomap import layout_ecomap

    free, pinned = ecomap_case(60), ecomap_case(60, pins=5)
    start = time.perf_counter()
    layout_ecomap(free, "e1")  # the first layout in a fresh process also loads fonts and data
    cold = round((time.perf_counter() - start) * 1000.0, 1)
    figures: dict[str, object] = {
        "target_ms": TARGET_MS,
        "systems": 60,
        "first_layout_in_process_ms": cold,
        "layout_60": timed(lambda: layout_ecomap(free, "e1")),
        "layout_60_with_5_pins": timed(lambda: layout_ecomap(pinned, "e1")),
    }
    try:
        from genogram.notation.ecomap_glyphs import ecomap_glyphs
    except ImportError:
        ecomap_glyphs = None
    if ecomap_glyphs is not None:
        figures["layout_and_glyphs_60"] = timed(
            lambda: ecomap_glyphs(free, layout_ecomap(free, "e1")))
    worst = max(v["median_ms"] for v in figures.values() if isinstance(v, dict))
    figures["meets_target"] = worst <= TARGET_MS
    (HERE / "out").mkdir(exist_ok=True)
    (HERE / "out" / "ecomap.json").write_text(json.dumps(figures, indent=2) + "\n")
    for key, val in figures.items():
        print(f"{key}: {val}")
    return 0 if figures["meets_target"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
