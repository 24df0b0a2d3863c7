"""What a user waits for after adding a child on the canvas: relayout plus scene update.

In one warm process (offscreen Qt): a synthetic family of 100 and 500 people
(/work/shared/tools/synthetic_family.py → GEDCOM → our importer) is shown in a GenogramScene;
then, repeatedly, a child is added to someone with a partner and the scene is brought up to
date (layout, glyphs, comparing and updating only the changed items), and the edit undone.
Targets (issue 3): ≤ 16 ms at 100 people, ≤ 50 ms at 500. The paint of the changed area is
Qt's own work afterwards and is not counted. Medians of each of three rounds, the best round
reported (other work on the machine only adds noise), to benchmarks/out/canvas.json.
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

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
SYNTHETIC = Path("/work/shared/tools/synthetic_family.py")
SIZES = (100, 500)
TARGET_MS = {100: 16.0, 500: 50.0}
REPS = int(os.environ.get("KINSCAPE_BENCH_RUNS", "5")) * 5
ROUNDS = 3


def family(n: int, tmp: Path):  # type: ignore[no-untyped-def]
    from genogram.storage.gedcom import import_gedcom

    ged = tmp / f"f{n}.ged"
    subprocess.run([sys.executable, str(SYNTHETIC), str(n), "--ged", str(ged)], check=True)
    case, _ = import_gedcom(ged)
    return case


def measure(case, reps: int = REPS) -> dict[str, float]:  # type: ignore[no-untyped-def]
    from desktop.canvas.scene import GenogramScene
    from genogram.model import operations as ops

    scene = GenogramScene()
    scene.set_case(case)
    people = [p.id for p in case.family.people() if case.family.unions_of(p.id)]
    totals, touched = [], []
    for i in range(reps):
        edit, _ = ops.add_child(case, people[(i * 7919) % len(people)], "New baby")
        start = time.perf_counter()
        undo = case.apply(edit)
        scene.flush()
        totals.append(time.perf_counter() - start)
        touched.append(len(scene.touched))
        case.apply(undo)
        scene.flush()
    items = len(scene.glyph_items())
    scene.set_case(None)
    return {"people": case.family.person_count(), "items": items,
            "add_child_ms": round(statistics.median(totals) * 1000.0, 1),
            "worst_ms": round(max(totals) * 1000.0, 1),
            "items_touched_median": statistics.median(touched)}


def main() -> int:
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from desktop.app import _qt_message

    qInstallMessageHandler(_qt_message)  # the offscreen platform's noise on every show, as the app
    app = QApplication.instance() or QApplication([])
    out: dict[str, object] = {"reps": REPS, "rounds": ROUNDS, "sizes": {}}
    with tempfile.TemporaryDirectory() as t:
        for n in SIZES:
            case = family(n, Path(t))
            rounds = [measure(case) for _ in range(ROUNDS)]  # other work on the machine: best round
            row = min(rounds, key=lambda r: r["add_child_ms"])
            row["rounds_ms"] = [r["add_child_ms"] for r in rounds]
            row["target_ms"] = TARGET_MS[n]
            out["sizes"][str(n)] = row  # type: ignore[index]
            print(f"{n:>5} people: relayout + scene update {row['add_child_ms']} ms "
                  f"(worst {row['worst_ms']}, target {TARGET_MS[n]}), "
                  f"{row['items_touched_median']} of {row['items']} items touched; rounds {row['rounds_ms']}")
        out["open_5000"] = open_big_file(Path(t))
    (HERE / "out").mkdir(exist_ok=True)
    (HERE / "out" / "canvas.json").write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    del app
    return 0


def open_big_file(tmp: Path, n: int = 5000) -> dict[str, object]:
    """File > Import GEDCOM of a synthetic family of `n` people in the main window, with the
    Genogram tab showing: milliseconds from the command to the canvas's first paint, in focus
    view (how a case over BIG_CASE people opens) and in full view (everyone laid out and drawn),
    with the GEDCOM read and the Genogram tab's share of it. Best of two rounds each."""
    from PySide6.QtCore import QEvent, QObject, QStandardPaths
    from PySide6.QtWidgets import QApplication

    from desktop.canvas import focus
    from desktop.mainwindow import MainWindow

    app = QApplication.instance()
    QStandardPaths.setTestModeEnabled(True)  # the window's settings: never the user's own
    ged = tmp / f"f{n}.ged"
    subprocess.run([sys.executable, str(SYNTHETIC), str(n), "--ged", str(ged)], check=True)

    class FirstPaint(QObject):
        at: float | None = None

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and self.at is None:
                self.at = time.perf_counter()
            return False

    def once(big_case: int) -> dict[str, float | int]:
        old, focus.BIG_CASE = focus.BIG_CASE, big_case
        w = MainWindow()
        w.build_deferred_views = False
        w.resize(1280, 800)
        w.show()
        w.tabs.setCurrentWidget(w._genogram_tab)
        view = w.genogram
        app.processEvents()
        paint, spent = FirstPaint(), {}
        view.canvas.viewport().installEventFilter(paint)
        set_document = view.set_document

        def timed(doc: object) -> None:
            t0 = time.perf_counter()
            set_document(doc)
            spent["genogram"] = time.perf_counter() - t0
        view.set_document = timed
        w.ask, w.choose_path = (lambda kind, text: "discard"), (lambda mode, suggested: str(ged))
        start = time.perf_counter()
        w.gedcom.import_gedcom()
        while paint.at is None:
            app.processEvents()
        shown = view.scene.person_item_count()
        w.close()
        w.deleteLater()
        app.processEvents()
        focus.BIG_CASE = old
        return {"first_paint_ms": round((paint.at - start) * 1000.0),
                "genogram_tab_ms": round(spent["genogram"] * 1000.0), "people_drawn": shown}

    from genogram.storage.gedcom import import_gedcom

    t0 = time.perf_counter()
    import_gedcom(ged)
    row: dict[str, object] = {"people": n, "gedcom_read_ms": round((time.perf_counter() - t0) * 1000.0)}
    for name, big in (("focus", focus.BIG_CASE), ("full", 10**9)):
        best = min((once(big) for _ in range(2)), key=lambda r: r["first_paint_ms"])
        row[name] = best
        print(f"{n:>5} people, File > Import GEDCOM to first paint of the Genogram tab, {name} view: "
              f"{best['first_paint_ms']} ms ({best['people_drawn']} people drawn; the Genogram tab "
              f"{best['genogram_tab_ms']} ms, reading the file about {row['gedcom_read_ms']} ms)")
    return row


if __name__ == "__main__":
    raise SystemExit(main())
