"""core.atomic: a file holds its old or its new content, never a mix or nothing, whoever
writes it (bookmarks, user lexicon, export, parse cache) and however the writer dies."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kzreader.core import atomic
from kzreader.core.atomic import write_atomic

# two contents of different sizes, each recognisable whole: a mix or a cut shows at once
OLD = b"old " * 300_000 + b"end of old\n"
NEW = b"NEW-" * 500_000 + b"end of new\n"

_WRITER = r"""
import sys
from kzreader.core.atomic import write_atomic
target, durable = sys.argv[1], sys.argv[2] == "1"
old = b"old " * 300_000 + b"end of old\n"
new = b"NEW-" * 500_000 + b"end of new\n"
print("ready", flush=True)
n = 0
while True:
    write_atomic(target, new if n % 2 == 0 else old, durable=durable)
    n += 1
    print(n, flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("durable", [True, False])
def test_sigkill_in_the_middle_leaves_old_or_new_content(tmp_path, durable):
    target = tmp_path / "file.bin"
    target.write_bytes(OLD)
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    rng = random.Random(20)
    seen = set()
    cycles, writes = 0, 0
    deadline = time.monotonic() + 20
    while cycles < 30 and time.monotonic() < deadline:
        proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(target), "1" if durable else "0"],
                                stdout=subprocess.PIPE, env=env)
        try:
            assert proc.stdout.readline() == b"ready\n"
            proc.stdout.readline()  # one write done: the kill lands inside the loop
            time.sleep(rng.uniform(0.0, 0.03))
            proc.send_signal(signal.SIGKILL)
            writes += 1 + proc.stdout.read().count(b"\n")
        finally:
            proc.kill()
            proc.wait()
            proc.stdout.close()
        assert proc.returncode == -signal.SIGKILL
        data = target.read_bytes()
        assert data in (OLD, NEW), f"cycle {cycles}: {len(data)} bytes, neither old nor new"
        seen.add(data)
        cycles += 1
    print(f"\nSIGKILL cycles: {cycles}, writes completed: {writes}")
    assert cycles >= 15
    assert seen == {OLD, NEW}  # the kills fell at different points of the loop


def test_a_failure_removes_the_temp_file_and_keeps_the_old(tmp_path, monkeypatch):
    target = tmp_path / "f.txt"
    target.write_bytes(b"old")

    def refuse(*a):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", refuse)
    with pytest.raises(OSError):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["f.txt"]
    with pytest.raises(RuntimeError):
        with atomic.atomic_file(target, durable=False) as f:
            f.write(b"half")
            raise RuntimeError("the writer stopped")
    assert target.read_bytes() == b"old" and os.listdir(tmp_path) == ["f.txt"]


def test_before_replace_runs_once_the_data_is_written(tmp_path):
    target = tmp_path / "f.txt"
    target.write_bytes(b"old")
    seen = []
    write_atomic(target, b"new", before_replace=lambda: seen.append(target.read_bytes()))
    assert seen == [b"old"] and target.read_bytes() == b"new"


def _refuse_renames(monkeypatch):
    def refuse(*a, **k):
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)


def test_every_writer_goes_through_the_helper(tmp_path, monkeypatch):
    """With renames refused, each writer leaves its old file whole and no temporary file."""
    from kzreader.core.annotations.export import export_bookmarks
    from kzreader.core.corpus.parse_cache import write_sealed, unseal
    from kzreader.core.themes.lexicon import Theme, save_user_lexicon

    folders = {name: tmp_path / name for name in ("export", "lexicon", "cache")}
    for d in folders.values():
        d.mkdir()
    export = folders["export"] / "out.md"
    export.write_text("old export")
    lexicon = folders["lexicon"] / "themes.yaml"
    lexicon.write_text("old lexicon")
    entry = folders["cache"] / "entry"
    assert write_sealed(entry, b"KZ", b"old entry")

    _refuse_renames(monkeypatch)
    with pytest.raises(OSError):
        export_bookmarks(export, "markdown", [], lambda iid: None)
    with pytest.raises(OSError):
        save_user_lexicon(lexicon, [Theme("mine", "Моё", "Mine", "#010203", ("слово",))])
    assert write_sealed(entry, b"KZ", b"new entry") is False

    assert export.read_text() == "old export"
    assert lexicon.read_text() == "old lexicon"
    assert unseal(entry.read_bytes(), b"KZ") == b"old entry"
    for d in folders.values():
        assert [p.name for p in d.iterdir()] == [{"export": "out.md", "lexicon": "themes.yaml",
                                                   "cache": "entry"}[d.name]]
