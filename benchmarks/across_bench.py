"""Reading across a large corpus (issue 23): the cross-reading window, similar questions and
the REFI-QDA export, in an offscreen window on N generated interviews.

    python benchmarks/across_bench.py [-n 10000] [--dir DIR]

Prints, after the corpus has loaded: the time to show the largest theme across every
interview and how many exchanges the window built for it (it builds more as the reader
scrolls), the time per further chunk; the similar-questions index build (in its thread) and
the longest the GUI thread went without running its event loop meanwhile; the median and
95th percentile time of one similar-questions query; the .qdpx export's time, size and the
GUI thread's longest stall during it; and the window process's peak RSS.
A stall under about 100 ms is not felt as a freeze.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_corpus import bench_corpus  # noqa: E402
from load_bench import pct, timed_open  # noqa: E402


class StallWatch:
    """The longest gap between two turns of the GUI event loop while ``running()`` holds."""

    def __init__(self, app):
        self.app = app

    def run(self, running) -> tuple[float, float]:
        from PySide6.QtCore import QTimer

        gaps, last = [], [time.perf_counter()]
        timer = QTimer()
        timer.setInterval(5)

        def tick():
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        timer.timeout.connect(tick)
        timer.start()
        t0 = time.perf_counter()
        while running():
            self.app.processEvents()
            time.sleep(0.002)
        timer.stop()
        return time.perf_counter() - t0, max(gaps, default=0.0)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=10_000)
    ap.add_argument("--dir", default=None)
    a = ap.parse_args()
    folder, paths = bench_corpus(a.n, a.dir)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kzreader.gui import app as kapp

    from kzreader.gui.across.across_view import CHUNK

    app, _ = kapp.create_application([])
    base = tempfile.mkdtemp(prefix="kzacross-")
    settings, data_dir, cache_dir = kapp.user_locations(base)
    w = kapp.MainWindow(settings, data_dir, cache_dir)
    w.resize(1280, 820)
    w.show()
    app.processEvents()
    _, load = timed_open(app, w, str(folder))
    n_iv = len(w.corpus.interviews)
    ms = lambda s: f"{s * 1000:8.1f} ms"  # noqa: E731
    print(f"corpus: {n_iv} interviews loaded in {load:.1f} s; {os.cpu_count()} cores")

    # the largest theme, read across every interview
    counts = w.themes.counts
    theme = max(w.themes.lexicon.themes, key=lambda t: counts.count(t.id))
    t = time.perf_counter()
    win = w.across.show_theme(theme.id)
    app.processEvents()
    first = time.perf_counter() - t
    view = win.view
    shown = view.built_count()
    chunks = []
    for _ in range(10):
        t = time.perf_counter()
        view.build_more()
        chunks.append(time.perf_counter() - t)
    print(f"theme '{theme.id}': {len(view.items())} exchanges; window shown in {ms(first)}, "
          f"{shown} built first; next chunk of {CHUNK}: median {ms(statistics.median(chunks))}")

    # similar questions: the index builds in a thread; the GUI keeps turning
    pane = w.reading_pane
    w.interview_list.select_row(0)
    watch = StallWatch(app)
    t = time.perf_counter()
    w.across.show_similar()
    took, stall = watch.run(lambda: not w.across.similar_ready())
    index = w.across._similar
    print(f"similar index: {len(index)} questions in {took:.2f} s (thread); longest GUI stall {ms(stall)}")
    queries = []
    ids = [iv.id for iv in w.corpus.interviews[:: max(1, n_iv // 200)]]
    for iid in ids:
        t = time.perf_counter()
        index.similar(iid, 1, 15)
        queries.append(time.perf_counter() - t)
    print(f"similar query (15 results): median {ms(statistics.median(queries))}, "
          f"p95 {ms(pct(queries, 0.95))} ({len(queries)} samples)")
    del pane

    # REFI-QDA export in its worker thread
    out = Path(base) / "bench.qdpx"
    job = w.across.export_qdpx(str(out))
    took, stall = watch.run(lambda: w.across.export_job is not None)
    r = job.result
    print(f"qdpx export: {r.sources} sources, {r.codings} codings in {took:.1f} s, "
          f"{out.stat().st_size / 1e6:.0f} MB; longest GUI stall {ms(stall)}")

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of the window process: {rss:.0f} MB")
    win.close()
    w.loader.shutdown()
    shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
