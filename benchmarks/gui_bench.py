"""Window start-up and navigation timings (offscreen).

Prints, for the seed interviews, the time from process start to the first paint of the
main window and to the first paint of an opened interview, next to a bare QMainWindow
started the same way; then the median time to switch question and interview.
Each start runs in its own subprocess so imports and fonts are counted every time (from
compiled bytecode, as an installed copy starts), and kzreader starts through its entry point,
as `kzreader CORPUS` does, with new settings each time (a first start).  CPU time to the first
paint is printed too: it moves less than wall time when the machine is busy with other work.
`--compare DIR...` starts other checkouts of kzreader (e.g. `git worktree add /tmp/base main`)
in the same rounds, so a before/after is measured in one sitting, start by start.

    python benchmarks/gui_bench.py [CORPUS] [--runs N] [--compare CHECKOUT...] [--warm]
"""
from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


def paint_watch(label, condition=lambda: True):
    """An event filter printing '<label> <seconds since t0>' at the first paint it sees."""
    from PySide6.QtCore import QEvent, QObject

    t0 = float(os.environ["KZ_BENCH_T0"])

    class PaintWatch(QObject):
        done = False

        def eventFilter(self, obj, event):
            if not self.done and event.type() == QEvent.Type.Paint and condition():
                self.done = True
                print(f"{label} {time.time() - t0:.4f}", flush=True)
                # CPU time of the process so far: less disturbed by other load on the machine
                print(f"{label}_cpu {time.process_time():.4f}", flush=True)
            return False

    return PaintWatch()


def child(kind: str, corpus: str) -> None:
    """Runs in the subprocess: prints 'painted <seconds since t0>' lines."""
    sys.path.insert(0, os.environ.get("KZ_BENCH_ROOT", str(ROOT)))
    if kind == "bare":
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication([])
        w = QMainWindow()
        w.resize(1280, 820)
        watch = paint_watch("window")
        w.installEventFilter(watch)
        w.show()
        QTimer.singleShot(50, app.quit)
        app.exec()
        return

    # `kzreader CORPUS` itself, through its entry point: kzreader.gui.app is patched as it is
    # first imported (importing it here would import Qt before the entry point's start-up
    # settings), to watch the window's paints and to quit once the corpus is loaded
    import importlib.util

    import kzreader.__main__ as entry

    started = {}

    def watched(show_then_open):
        def watched_show_then_open(w, paths, *args, **kwargs):
            from PySide6.QtCore import QTimer
            from PySide6.QtWidgets import QApplication

            w.resize(1280, 820)
            started.update(window=w, window_watch=paint_watch("window"), text_watch=paint_watch(
                "interview", lambda: w.reading_pane.interview() is not None))
            w.installEventFilter(started["window_watch"])
            w.reading_pane.text.viewport().installEventFilter(started["text_watch"])
            w.loader.finished.connect(lambda: QTimer.singleShot(50, QApplication.instance().quit))
            show_then_open(w, paths, *args, **kwargs)
        return watched_show_then_open

    class PatchOnImport:  # a meta path finder for kzreader.gui.app only
        def find_spec(self, name, path, target=None):
            if name != "kzreader.gui.app":
                return None
            sys.meta_path.remove(self)
            spec = importlib.util.find_spec(name)
            execute = spec.loader.exec_module

            def exec_module(module):
                execute(module)
                module.show_then_open = watched(module.show_then_open)
            spec.loader.exec_module = exec_module
            return spec

    sys.meta_path.insert(0, PatchOnImport())
    # settings through the environment: an option would make the start parse its command line
    # with argparse, which a start from the desktop (files only) does not
    # a first start (new settings and cache) unless --warm named a folder a start has used
    os.environ["KZREADER_SETTINGS_DIR"] = os.environ.get("KZ_BENCH_SETTINGS") or tempfile.mkdtemp(prefix="kzbench-")
    entry.main([corpus])
    w = started["window"]

    # navigation: median of synchronous re-render + repaint
    pane = w.reading_pane
    viewport = pane.text.viewport()
    switch_q, switch_iv = [], []
    ids = w.interview_list.visible_ids()
    for rep in range(5):
        for iid in ids:
            t = time.perf_counter()
            w.interview_list.select_interview(iid)
            viewport.repaint()
            switch_iv.append(time.perf_counter() - t)
            for n in range(2, pane.exchange_count() + 1):
                t = time.perf_counter()
                pane.go_to(n)
                viewport.repaint()
                switch_q.append(time.perf_counter() - t)
    print(f"switch_question {statistics.median(switch_q):.5f} {len(switch_q)}")
    print(f"switch_interview {statistics.median(switch_iv):.5f} {len(switch_iv)}")
    w.loader.shutdown()
    w.removeEventFilter(started["window_watch"])
    viewport.removeEventFilter(started["text_watch"])


def run(kind: str, corpus: str, root: Path = ROOT, settings: str = "") -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KZ_BENCH_ROOT=str(root), PYTHONPATH=str(root),
               KZ_BENCH_SETTINGS=settings,
               KZ_BENCH_T0=repr(time.time()))
    out = subprocess.run([sys.executable, __file__, "--child", kind, corpus], env=env,
                         capture_output=True, text=True, check=True).stdout
    values = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 2:
            values[parts[0]] = float(parts[1])
    return values


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", default=str(SEEDS))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--compare", nargs="+", default=[], metavar="CHECKOUT",
                        help="other kzreader checkouts to start in the same rounds")
    parser.add_argument("--warm", action="store_true",
                        help="time later starts: each checkout keeps its settings and cache from a first "
                             "start made before the rounds (the corpus comes back from its snapshot)")
    parser.add_argument("--child", choices=["bare", "kz"])
    ns = parser.parse_args()
    if ns.child:
        child(ns.child, ns.corpus)
        return
    roots = [ROOT, *(Path(c).resolve() for c in ns.compare)]
    for root in roots:
        # bytecode as an installed copy has it: with PYTHONDONTWRITEBYTECODE set, every module
        # edited since it was last compiled would otherwise be compiled again at each start
        compileall.compile_dir(str(root / "kzreader"), quiet=1)
    settings: dict[Path, str] = {}
    if ns.warm:
        for root in roots:
            settings[root] = tempfile.mkdtemp(prefix="kzbench-warm-")
            run("kz", ns.corpus, root, settings[root])  # the first start, which fills the cache
    bare: list[dict] = []
    kz: list[list[dict]] = [[] for _ in roots]
    for _ in range(ns.runs):  # interleaved so all see the same machine load
        bare.append(run("bare", ns.corpus))
        for rows, root in zip(kz, roots):
            rows.append(run("kz", ns.corpus, root, settings.get(root, "")))

    def med(rows, key):
        return statistics.median(r[key] for r in rows)

    b = med(bare, "window")
    print(f"corpus: {ns.corpus}   runs: {ns.runs} (medians, offscreen, each start a new process"
          f"{'; later starts, settings and cache kept' if ns.warm else '; first starts'})")
    print(f"bare QMainWindow first paint        {b * 1000:8.1f} ms")
    for root, rows in zip(roots, kz):
        print(f"== {root}")
        print(f"kzreader window first paint         {med(rows, 'window') * 1000:8.1f} ms  "
              f"({med(rows, 'window') / b:.2f}x bare)")
        ratios = sorted(k["window"] / r["window"] for r, k in zip(bare, rows))  # each pair ran back to back
        print(f"  window / bare, run by run           {ratios[0]:.2f}x .. {ratios[-1]:.2f}x, "
              f"median {statistics.median(ratios):.2f}x")
        cpu_ratios = sorted(k["window_cpu"] / r["window_cpu"] for r, k in zip(bare, rows))
        print(f"  CPU time to first paint             bare {med(bare, 'window_cpu') * 1000:.1f} ms, "
              f"kzreader {med(rows, 'window_cpu') * 1000:.1f} ms, run by run median "
              f"{statistics.median(cpu_ratios):.2f}x")
        iv_ratios = sorted(k["interview"] / r["window"] for r, k in zip(bare, rows))
        print(f"kzreader first interview painted    {med(rows, 'interview') * 1000:8.1f} ms  "
              f"({med(rows, 'interview') / b:.2f}x bare; run by run median {statistics.median(iv_ratios):.2f}x)")
        print(f"  CPU time to first interview         kzreader {med(rows, 'interview_cpu') * 1000:.1f} ms "
              f"({med(rows, 'interview_cpu') / med(bare, 'window_cpu'):.2f}x bare's CPU to its paint)")
        print(f"switch question (render + paint)    {med(rows, 'switch_question') * 1000:8.2f} ms")
        print(f"switch interview (render + paint)   {med(rows, 'switch_interview') * 1000:8.2f} ms")
    for i, root in enumerate(roots[1:], 1):  # start by start against this checkout
        for key in ("window", "interview", "window_cpu", "interview_cpu"):
            d = sorted((o[key] - t[key]) * 1000 for t, o in zip(kz[0], kz[i]))
            print(f"{root.name} minus {ROOT.name}, {key:13}: median {statistics.median(d):+.1f} ms "
                  f"(run by run {d[0]:+.1f} .. {d[-1]:+.1f})")


if __name__ == "__main__":
    main()
