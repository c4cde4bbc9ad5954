"""Parse-only time per file (``parse_source`` on sources already read), best and median of
several runs, on the generated bench corpus and on the real texts in ../shared.

    python benchmarks/parse_profile.py [-n 600] [--runs 7] [--rounds 3] [--base /tmp/base ...]

With ``--base DIR`` (a checkout of an older commit, e.g. ``git worktree add --detach /tmp/base
cf537b4``; repeatable) the trees are timed in one sitting, in alternating child processes, and
each median is given as a ratio to the first base's: the machine is noisy, so only figures
measured side by side compare.  Best-of-runs are warm figures (name look-ups memoised by the
first pass); the median takes in the first, colder pass too.
Target (issue 18): parse_bench per-file time within 1.25x of cf537b4's.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"


def _sources():
    """The module with the file finder and reader, in this checkout or an older one (``--base``
    trees from before the package layout have ``core/sources.py``)."""
    try:
        from kzreader.core.sources import sources
    except ImportError:
        from kzreader.core import sources
    return sources


def _sets(n: int) -> dict[str, list[str]]:
    sys.path.insert(0, str(HERE))
    from gen_corpus import bench_corpus

    iter_source_files = _sources().iter_source_files

    sets = {"bench": bench_corpus(n)[1]}
    for name in ("corpus", "seeds"):
        folder = SHARED / name
        if folder.is_dir():  # read in place, never copied
            sets[name] = list(iter_source_files([str(folder)]))
    return sets


def _child(n: int, runs: int) -> None:
    """Time every set ``runs`` times in this process; print per-file ms as JSON."""
    from kzreader.core.parsing import parse_source

    read_source = _sources().read_source

    out = {}
    for name, paths in _sets(n).items():
        srcs = [read_source(p) for p in paths]
        for s in srcs[:20]:
            parse_source(s)  # warm imports and caches of the first calls
        times = []
        for _ in range(runs):
            t = time.process_time()
            for s in srcs:
                parse_source(s)
            times.append((time.process_time() - t) * 1000 / len(srcs))
        out[name] = times
    out["form"] = _form()
    print(json.dumps(out))


def _form() -> str:
    """Which form of the parser the tree runs (a tree from before parsing/native.py: pure)."""
    try:
        from kzreader.core.parsing import native
    except ImportError:
        return "pure Python"
    return "compiled" if native.compiled else f"pure Python: {native.reason}"



def _run(tree: str, n: int, runs: int) -> dict[str, list[float]]:
    env = dict(os.environ, PYTHONPATH=tree)
    r = subprocess.run([sys.executable, __file__, "--child", "-n", str(n), "--runs", str(runs)],
                       env=env, capture_output=True, text=True, check=True, cwd=tree)
    return json.loads(r.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=600, help="bench files (default 600)")
    ap.add_argument("--runs", type=int, default=7, help="timed passes over each set")
    ap.add_argument("--rounds", type=int, default=3, help="alternating child processes per tree")
    ap.add_argument("--base", action="append", default=[],
                    help="an older checkout to time against, in the same sitting (repeatable)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        _child(a.n, a.runs)
        return 0
    trees = {}
    for k, base in enumerate(a.base):
        trees["base" if k == 0 else f"base{k + 1}"] = str(Path(base).resolve())
    trees["this"] = str(ROOT)
    got: dict[str, dict[str, list[float]]] = {t: {} for t in trees}
    forms: dict[str, str] = {}
    for _ in range(a.rounds):
        for t, tree in trees.items():
            got_run = _run(tree, a.n, a.runs)
            forms[t] = got_run.pop("form")
            for name, times in got_run.items():
                got[t].setdefault(name, []).extend(times)
    print(f"parse_source only, process time per file, {a.rounds} rounds x {a.runs} runs")
    for name in got["this"]:
        print(name)
        for t, tree in trees.items():
            ts = got[t].get(name, [])
            line = f"  {t:6} best {min(ts):.3f} ms  median {statistics.median(ts):.3f} ms"
            if t != "base" and a.base and got["base"].get(name):
                ratio = statistics.median(ts) / statistics.median(got["base"][name])
                line += f"  median ratio to base {ratio:.2f}x"
            print(line + f"  ({tree}, {forms[t]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
