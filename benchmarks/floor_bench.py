"""The least work a full load must do per file, next to plain read+decode (issue 8).

    python benchmarks/floor_bench.py [-n 10000] [--workers 2] [--dir DIR]

Whatever the parser and the index look like, a load that searches and tags by word has to
read each file, split all of its text into words, and look every word's stem up.  This
measures just those steps on every core, with nothing kept, to show how much of the cold-load
budget (10x read+decode) they take before any parsing, tagging or indexing happens.
"""
from __future__ import annotations

import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_corpus import pool_bench_setup  # noqa: E402
from kzreader.core.sources.sources import read_source  # noqa: E402
from kzreader.core.text import fold, stem_each, words  # noqa: E402


def _read(paths):
    for p in paths:
        read_source(p)
    return 0


def _split(paths):
    n = 0
    for p in paths:
        n += len(words(fold(read_source(p).text)))
    return n


def _split_stem_count(paths):
    n = 0
    for p in paths:
        n += len(Counter(stem_each(words(fold(read_source(p).text)))))
    return n


def _timed(pool, fn, chunks) -> float:
    t = time.perf_counter()
    sum(pool.map(fn, chunks))
    return time.perf_counter() - t


def main() -> int:
    a, paths, t_read, nbytes = pool_bench_setup()
    chunks = [paths[i::a.workers * 8] for i in range(a.workers * 8)]
    with ProcessPoolExecutor(a.workers) as pool:
        sum(pool.map(_read, chunks[:a.workers]))  # start the workers before timing
        rows = [(f"read+decode, {a.workers} processes", _timed(pool, _read, chunks)),
                ("+ split into words", _timed(pool, _split, chunks)),
                ("+ stem and count", _timed(pool, _split_stem_count, chunks))]
    print(f"files: {len(paths)}, {nbytes / 1e6:.1f} MB; raw read+decode (1 process) {t_read:.2f} s")
    for label, t in rows:
        print(f"{label:34s} {t:6.2f} s = {t / t_read:5.1f}x read+decode")
    return 0


if __name__ == "__main__":
    sys.exit(main())
