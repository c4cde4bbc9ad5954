"""Search benchmark: index build time and memory, query latency, next to ``grep -rci``.

    python benchmarks/search_bench.py [-n 10000] [--seed 1] [--repeat 5]

Generates (or reuses, cached under /tmp) a synthetic corpus with ``gen_corpus``, loads it with
``kzreader.core.corpus.corpus.load_file``, builds a :class:`SearchIndex`, and prints:

- index build time, and index memory (traced allocations of a second, identical build);
- median / 95th percentile latency of a fixed query set (``limit=200``, as the panel asks);
- for single words, ``grep -rci WORD DIR`` time and counts over the same files, beside our
  counts: grep sees one spelling (and any substring: "газ" also hits "газета"), we see every
  form of the word; "grep misses" counts interviews we find that grep does not.

Targets (issue 7): median <= 20 ms, at least 10x faster than grep.
"""
from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_corpus import generate_corpus  # noqa: E402

from kzreader.core.corpus.corpus import load_file  # noqa: E402
from kzreader.core.model import Interview  # noqa: E402
from kzreader.core.search.hits import display_order  # noqa: E402
from kzreader.core.search.search import SearchIndex  # noqa: E402

QUERIES = [
    "энергетическая безопасность",
    "газ",
    "газета",
    "транспорт",
    "логистика",
    "образование",
    "инвестиции",
    "security",
    "education",
    '"транспортной инфраструктуры"',
    '"цепочки поставок"',
    "энергетик*",
    "газет*",
    "безопасность -газ",
    "образовательные программы студенты",
    "в",  # a stop word in nearly every exchange: the worst case
]
GREP_WORDS = ["энергетическая", "безопасность", "газ", "газета", "транспорт", "логистика",
              "образование", "инвестиции", "security", "education"]


def corpus_dir(n: int, seed: int) -> Path:
    d = Path("/tmp") / "kzreader-bench" / f"corpus-{n}-seed{seed}"
    done = d / ".complete"
    if not done.exists():
        t = time.perf_counter()
        generate_corpus(d, n, seed)
        done.write_text("ok\n")
        print(f"generated {n} interviews in {time.perf_counter() - t:.1f} s -> {d}")
    else:
        print(f"reusing {d}")
    return d


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def grep(word: str, d: Path) -> tuple[float, int, set[str]]:
    """(seconds, matching lines, files with a match) for ``grep -rci WORD d``."""
    env = dict(os.environ, LC_ALL="C.UTF-8")
    t = time.perf_counter()
    out = subprocess.run(["grep", "-rci", word, str(d)], capture_output=True, text=True, env=env).stdout
    dt = time.perf_counter() - t
    lines, files = 0, set()
    for row in out.splitlines():
        path, _, count = row.rpartition(":")
        if count.isdigit() and int(count):
            lines += int(count)
            files.add(os.path.abspath(path))
    return dt, lines, files


SCREENFUL = 30  # hit rows a tall search panel shows at once; the rest get snippets on scrolling


def panel_search(index: SearchIndex, q: str) -> list:
    """What the panel asks for: the best 200 hits, and the snippets of its first screenful
    (a hit's snippet is worked out when first read)."""
    hits = index.search(q)
    for h in display_order(hits)[:SCREENFUL]:
        h.snippet  # noqa: B018 - read to work it out
    return hits


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="search benchmark")
    ap.add_argument("-n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=5, help="timed runs of each query")
    args = ap.parse_args(argv)

    d = corpus_dir(args.n, args.seed)
    files = sorted(str(p.absolute()) for p in d.iterdir() if p.suffix in (".txt", ".md"))
    mb = sum(os.path.getsize(f) for f in files) / 1e6

    t = time.perf_counter()
    interviews = [iv for iv in map(load_file, files) if isinstance(iv, Interview)]
    t_load = time.perf_counter() - t
    units = sum(len(iv.exchanges) + bool(iv.lead) for iv in interviews)
    print(f"corpus: {len(files)} files, {mb:.0f} MB; parsed {len(interviews)} interviews, "
          f"{units} units (exchanges + leads) in {t_load:.1f} s")

    gc.collect()
    rss0 = rss_mb()
    t = time.perf_counter()
    index = SearchIndex()
    for iv in interviews:
        index.add_interview(iv)
    t_build = time.perf_counter() - t
    gc.collect()
    rss_delta = rss_mb() - rss0
    st = index.stats()
    print(f"index build: {t_build:.2f} s ({t_build / len(interviews) * 1000:.2f} ms per interview); "
          f"{st['stems']} stems, {st['word_forms']} word forms, {st['units']} units")

    # Memory of the index alone: trace a second identical build (the stem cache is warm, so
    # only the index's own allocations are counted).
    del index
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    index = SearchIndex()
    for iv in interviews:
        index.add_interview(iv)
    gc.collect()
    traced = (tracemalloc.get_traced_memory()[0] - base) / 2**20
    tracemalloc.stop()
    print(f"index memory: {traced:.1f} MB traced by Python (tantivy's own memory is not traced; "
          f"RSS grew {rss_delta:.1f} MB during the first build)")

    # query latency
    for q in QUERIES:  # warm-up: compiles patterns, computes norms
        panel_search(index, q)
    per_query: dict[str, list[float]] = {q: [] for q in QUERIES}
    for _ in range(args.repeat):
        for q in QUERIES:
            t = time.perf_counter()
            panel_search(index, q)
            per_query[q].append((time.perf_counter() - t) * 1000)
    all_ms = [v for vs in per_query.values() for v in vs]
    print(f"\nquery latency over {len(QUERIES)} queries x {args.repeat} runs (limit=200, snippets "
          f"of the first {SCREENFUL} rows as the panel lists them): "
          f"median {statistics.median(all_ms):.1f} ms, p95 {pct(all_ms, 95):.1f} ms, "
          f"max {max(all_ms):.1f} ms")
    for q, vs in per_query.items():
        n_hits = len(index.search(q, limit=10**9))
        print(f"  {q:40s} median {statistics.median(vs):6.1f} ms   {n_hits:6d} exchanges")

    # against grep
    paths_of = {iv.id: os.path.abspath(iv.path) for iv in interviews}
    print(f"\n{'word':16s} {'grep -rci':>10s} {'lines':>7s} {'files':>6s} | {'ours':>8s} {'exch.':>6s} "
          f"{'files':>6s} {'grep misses':>11s} {'speed-up':>8s}")
    ratios = []
    for w in GREP_WORDS:
        g_s, g_lines, g_files = grep(w, d)
        vs = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            index.search(w)
            vs.append(time.perf_counter() - t)
        ours_s = statistics.median(vs)
        hits = index.search(w, limit=10**9)
        our_files = {paths_of[h.interview_id] for h in hits}
        ratios.append(g_s / ours_s)
        print(f"{w:16s} {g_s * 1000:8.0f}ms {g_lines:7d} {len(g_files):6d} | {ours_s * 1000:6.1f}ms "
              f"{len(hits):6d} {len(our_files):6d} {len(our_files - g_files):11d} {g_s / ours_s:7.0f}x")
    print(f"\nspeed-up over grep: median {statistics.median(ratios):.0f}x, min {min(ratios):.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
