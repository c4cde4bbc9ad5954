"""Parse throughput over a generated corpus, next to plain read+decode of the same files.

    python benchmarks/parse_bench.py [-n 10000] [--workers 2] [--dir /tmp/kzreader-bench-N]

Target (issue 2): a full parse of 10,000 interviews within 10x the read+decode time.
"""
from __future__ import annotations

import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import kzreader.core.parsing  # noqa: E402,F401 (imported before timing: see main)
from gen_corpus import pool_bench_setup  # noqa: E402
from kzreader.core.model import Interview  # noqa: E402

try:
    from kzreader.core.corpus.corpus import load_file  # noqa: E402
except ImportError:  # a checkout from before the package layout (timed with this script)
    from kzreader.core.corpus import load_file  # noqa: E402


def _parse_chunk(paths):
    n_ex = 0
    for p in paths:
        item = load_file(p)
        if isinstance(item, Interview):
            n_ex += len(item.exchanges)
    return n_ex


def main() -> int:
    a, paths, t_read, nbytes = pool_bench_setup()
    mb = nbytes / 1e6

    # the parser is imported above, before the clock starts: this tenth is multiplied by ten,
    # and an import (tens of milliseconds, paid once per process) must not be
    t = time.perf_counter()
    _parse_chunk(paths[: max(1, len(paths) // 10)])
    t_one = (time.perf_counter() - t) * 10

    chunks = [paths[i::a.workers * 8] for i in range(a.workers * 8)]
    t = time.perf_counter()
    with ProcessPoolExecutor(a.workers) as pool:
        n_ex = sum(pool.map(_parse_chunk, chunks))
    t_pool = time.perf_counter() - t

    try:
        from kzreader.core.parsing import native
        form = "compiled" if native.compiled else f"pure Python ({native.reason})"
    except ImportError:  # a checkout from before parsing/native.py
        form = "pure Python"
    print(f"files: {len(paths)}, {mb:.1f} MB, {n_ex} exchanges; parser: {form}")
    print(f"read+decode:          {t_read:7.2f} s  {len(paths) / t_read:9.0f} files/s  {mb / t_read:7.1f} MB/s")
    print(f"parse, 1 process (est. from 10%): {t_one:7.2f} s  {len(paths) / t_one:9.0f} files/s  {mb / t_one:7.1f} MB/s")
    print(f"parse, {a.workers} processes:  {t_pool:7.2f} s  {len(paths) / t_pool:9.0f} files/s  {mb / t_pool:7.1f} MB/s")
    print(f"ratio parse/read:     {t_pool / t_read:7.1f}x (target <= 10x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
