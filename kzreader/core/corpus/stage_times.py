"""Processor time per loading stage, for benchmarks (off unless asked for).

With ``KZREADER_STAGE_TIMES`` set to a folder, :func:`stage` adds the processor time its
block takes on the calling thread (``time.thread_time``) to a per-process total, and the
wall time to a second one under ``"<name> (wall)"`` (more than the processor time when the
block waits: for the disk, or for a core other processes hold), and
:func:`flush` writes the totals as ``<pid>.json`` into that folder, so a benchmark can add up
what every process (the window and its parse workers) spent on each stage.  Unset, a stage
costs a look-up in the environment (about a microsecond).
"""
from __future__ import annotations

import atexit
import json
import os
import time
from contextlib import contextmanager
from pathlib import Path

ENV = "KZREADER_STAGE_TIMES"

WALL = " (wall)"

_totals: dict[str, float] = {}


@contextmanager
def stage(name: str):
    if not os.environ.get(ENV):
        yield
        return
    t, w = time.thread_time(), time.perf_counter()
    try:
        yield
    finally:
        add(name, time.thread_time() - t)
        add(name + WALL, time.perf_counter() - w)


def add(name: str, seconds: float) -> None:
    _totals[name] = _totals.get(name, 0.0) + seconds


def totals() -> dict[str, float]:
    return dict(_totals)


def reset() -> None:
    _totals.clear()


_last_flush = 0.0
_at_exit = False


def flush(every: float = 0.0) -> None:
    """Write this process's totals into the folder (nothing when the flag is unset).

    With ``every``, at most once in that many seconds, and once more when the process ends:
    a parse worker calls it after each chunk of files, where a write each time (some 0.2 ms)
    was 2% of the worker's time, charged to the load being measured.
    """
    global _last_flush, _at_exit
    folder = os.environ.get(ENV)
    if not folder:
        return
    now = time.monotonic()
    if every and now - _last_flush < every:
        if not _at_exit:
            _at_exit = True
            atexit.register(flush)
        return
    _last_flush = now
    try:
        path = Path(folder) / f"{os.getpid()}.json"
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(_totals))
        os.replace(tmp, path)
    except OSError:
        pass  # a benchmark aid: never a reason for a load to fail
