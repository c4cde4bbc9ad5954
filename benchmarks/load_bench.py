"""Opening a large corpus in the window, cold and warm (issue 8).

    python benchmarks/load_bench.py [-n 10000] [--dir DIR] [--workers N]

Generates (once) N interviews, then in one run prints: raw read+decode of all files; in an
offscreen main window, the time to the first row and to the full load (parsed, tagged and
indexed) with an empty parse cache; the same with the cache filled (warm); peak RSS of the
window process and of the worker processes; and median / 95th percentile time to switch
interview and question, each with its repaint.
It also times corpus search in the window after the warm load (search_bench's queries).
With --stages it also prints where the processor time of the cold load went: per stage,
summed over the window process and its parse workers (``KZREADER_STAGE_TIMES``); with two
cores the full load cannot take less wall time than half of that total.
Targets (issue 22, at 10,000 and 30,000 interviews): cold <= 20x read+decode, first row
<= 1 s, warm <= 2x, peak RSS <= 600 MB, search median <= 10 ms; switching <= 16 ms median.
"""
from __future__ import annotations

import argparse
import dataclasses
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

from gen_corpus import bench_corpus, read_decode  # noqa: E402


def timed_open(app, w, folder: str) -> tuple[float, float]:
    """(seconds to the first row in the list, seconds until loaded, tagged and indexed)."""
    first = [None]
    t0 = time.perf_counter()

    def on_items(_interviews, _problems):
        if first[0] is None and w.interview_list.visible_count():
            first[0] = time.perf_counter() - t0

    from PySide6.QtCore import QEventLoop

    w.session_signals.added.connect(on_items)
    done = []
    # an event loop that waits as the window's own does (a loop of processEvents and short
    # sleeps cost the GUI thread some 20 µs of processor time a turn, 2 s in a 100 s load)
    loop = QEventLoop()

    def on_loaded(_c):
        done.append(time.perf_counter() - t0)
        loop.quit()

    w.session_signals.loaded.connect(on_loaded)
    w.open_paths([folder])
    if not done:
        loop.exec()
    w.session_signals.added.disconnect(on_items)
    w.session_signals.loaded.disconnect(on_loaded)
    return first[0] or done[0], done[0]


class CpuClock:
    """Processor time of this process, its GUI thread and its (finished) children."""

    def __init__(self):
        from kzreader.core.corpus import stage_times

        stage_times.reset()
        self.self0 = resource.getrusage(resource.RUSAGE_SELF)
        self.child0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.gui0 = time.thread_time()

    def stop(self, stage_dir: str) -> dict:
        import json
        import multiprocessing

        from kzreader.core.corpus import stage_times

        gui = time.thread_time() - self.gui0
        while multiprocessing.active_children():  # joins the pool's workers: their time counts
            time.sleep(0.05)
        own = resource.getrusage(resource.RUSAGE_SELF)
        child = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = lambda r: r.ru_utime + r.ru_stime  # noqa: E731
        window = stage_times.totals()
        workers: dict[str, float] = {}
        for f in Path(stage_dir).glob("*.json"):
            if f.stem != str(os.getpid()):
                for k, v in json.loads(f.read_text()).items():
                    workers[k] = workers.get(k, 0.0) + v
            f.unlink()
        return {"window process": cpu(own) - cpu(self.self0), "GUI thread": gui,
                "workers": cpu(child) - cpu(self.child0), "window stages": window,
                "worker stages": workers}


def print_stages(st: dict, n: int, wall: float, cpu_read: float) -> None:
    total = st["window process"] + st["workers"]
    cores = os.cpu_count() or 1
    # on a busy machine wall times swing, processor times much less: this is the ratio a
    # quiet machine would give at best (every core busy all the load)
    print(f"read+decode processor time {cpu_read:.2f} s; cold load processor time / {cores} cores "
          f"= {total / cores / cpu_read:.1f}x read+decode (the wall ratio on a quiet machine is at least this)")
    walls = {}
    for part in ("worker stages", "window stages"):
        for k in [k for k in st[part] if k.endswith(" (wall)")]:
            walls[k.removesuffix(" (wall)")] = walls.get(k.removesuffix(" (wall)"), 0.0) + st[part].pop(k)

    def row(name, s):
        wall = walls.get(name.strip().removeprefix("window: ")) or walls.get("window: " + name.strip())
        print(f"  {name:44s} {s:7.2f} s {s / n * 1000:6.2f} ms/file"
              + (f"   (wall {wall:7.2f} s)" if wall is not None else ""))

    print(f"cold load, processor time ({total:.1f} s in all = {total / wall:.2f} cores busy "
          f"over the {wall:.1f} s load):")
    row("parse workers, all", st["workers"])
    for k, v in sorted(st["worker stages"].items(), key=lambda kv: -kv[1]):
        row("  " + k, v)
    row("  other (start-up, pickling, pipes)", st["workers"] - sum(st["worker stages"].values()))
    row("window process, all", st["window process"])
    row("  GUI thread", st["GUI thread"])
    loader = st["window stages"].pop("window: loader thread, all", 0.0)
    row("  loader thread", loader)
    for k, v in sorted(st["window stages"].items(), key=lambda kv: -kv[1]):
        row("    " + k.removeprefix("window: "), v)
    row("  other threads (tantivy, Qt)", st["window process"] - st["GUI thread"] - loader)


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=10_000)
    ap.add_argument("--dir", default=None)
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--stages", action="store_true",
                    help="print the cold load's processor time per stage and process")
    a = ap.parse_args()
    folder, paths = bench_corpus(a.n, a.dir)
    cpu_read = time.process_time()
    t_read, nbytes = read_decode(paths)  # both sides then read from the page cache
    cpu_read = (time.process_time() - cpu_read) / 2  # it reads everything twice

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    stage_dir = tempfile.mkdtemp(prefix="kzstages-") if a.stages else None
    if stage_dir:
        os.environ["KZREADER_STAGE_TIMES"] = stage_dir  # read by the workers too
    from kzreader.gui import app as kapp

    app, _ = kapp.create_application([])
    base = tempfile.mkdtemp(prefix="kzload-")
    settings, data_dir, cache_dir = kapp.user_locations(base)
    w = kapp.MainWindow(settings, data_dir, cache_dir)
    if a.workers:
        w.session.settings = dataclasses.replace(w.session.settings, workers=a.workers)
    w.resize(1280, 820)
    w.show()
    app.processEvents()

    cpu = CpuClock()
    first_cold, full_cold = timed_open(app, w, str(folder))
    stages = cpu.stop(stage_dir) if stage_dir else None
    n_iv = len(w.corpus.interviews)
    first_warm, full_warm = timed_open(app, w, str(folder))
    restored = getattr(w.search.index, "restored", None)  # the search index, from the snapshot

    # switching, driven like a reader: select an interview, step through some questions
    pane, viewport, lst = w.reading_pane, w.reading_pane.text.viewport(), w.interview_list
    ids = lst.visible_ids()
    step = max(1, len(ids) // 200)
    sw_iv, sw_q = [], []
    for iid in ids[::step]:
        t = time.perf_counter()
        lst.select_interview(iid)
        viewport.repaint()
        sw_iv.append(time.perf_counter() - t)
        for n in range(2, min(pane.exchange_count(), 6) + 1):
            t = time.perf_counter()
            pane.go_to(n)
            viewport.repaint()
            sw_q.append(time.perf_counter() - t)

    # corpus search in the window, as the panel asks (best 200, the snippets of the first
    # screenful, search_bench.panel_search): the first pass
    # also reads the hit interviews' bodies from the cache, the median is over later passes
    from search_bench import QUERIES, SCREENFUL, panel_search

    index = w.search.index
    t = time.perf_counter()
    for q in QUERIES:
        panel_search(index, q)
    first_pass = (time.perf_counter() - t) / len(QUERIES)
    search_ms = []
    for _ in range(3):
        for q in QUERIES:
            t = time.perf_counter()
            panel_search(index, q)
            search_ms.append(time.perf_counter() - t)

    rss_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rss_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    w.loader.shutdown()
    shutil.rmtree(base, ignore_errors=True)
    if stage_dir:
        shutil.rmtree(stage_dir, ignore_errors=True)

    ms = lambda s: f"{s * 1000:8.1f} ms"  # noqa: E731
    print(f"corpus: {len(paths)} files, {nbytes / 1e6:.0f} MB, {n_iv} interviews loaded; "
          f"{os.cpu_count()} cores, workers {w.session.settings.workers or 'default'}")
    print(f"raw read+decode               {t_read:8.2f} s")
    print(f"cold: first row               {ms(first_cold)}")
    print(f"cold: full load (parse+tag+index) {full_cold:6.2f} s  = {full_cold / t_read:5.1f}x read+decode (target 20x)")
    print(f"warm: first row               {ms(first_warm)}")
    print(f"warm: full load (cached)      {full_warm:8.2f} s  = {full_warm / t_read:5.1f}x read+decode (target 2x)"
          + (f"; search index restored: {restored}" if restored is not None else ""))
    print(f"peak RSS: window process {rss_self:6.0f} MB, largest worker {rss_children:5.0f} MB (target 600 MB)")
    print(f"search (best 200, snippets of the first {SCREENFUL}): median {ms(statistics.median(search_ms))}, "
          f"p95 {ms(pct(search_ms, 0.95))}; first pass {ms(first_pass)} a query")
    print(f"switch interview: median {ms(statistics.median(sw_iv))}, p95 {ms(pct(sw_iv, 0.95))} ({len(sw_iv)} samples)")
    if stages:
        print_stages(stages, len(paths), full_cold, cpu_read)
    print(f"switch question:  median {ms(statistics.median(sw_q))}, p95 {ms(pct(sw_q, 0.95))} ({len(sw_q)} samples)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
