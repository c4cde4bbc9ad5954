"""The parse cache's database: batches, damage, foreign files, read-only folders, several
writers, and a writer killed in the middle of a batch.  Each failure must end in parsing
(a miss), never in an exception or a wrong interview."""
from __future__ import annotations

import logging
import os
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from kzreader.core.corpus import corpus as core_corpus
from kzreader.core.corpus import loading, parse_cache
from kzreader.core.corpus.parse_cache import Entry, ParseCache, source_key
from kzreader.core.search.analysis import analyse
from corpus_helpers import write_interviews

REPO = Path(__file__).resolve().parents[1]

INTERVIEW = """Интервью номер {n}

— Как идёт строительство электростанции номер {n}?

— Строится. Энергетика развивается.
"""


def entries(folder: Path, n: int) -> list[tuple[str, tuple, Entry]]:
    out = []
    for p in write_interviews(folder, n, INTERVIEW):
        iv = core_corpus.load_file(str(p))
        out.append((str(p), source_key(str(p)), Entry(iv, analyse(iv)[0], None)))
    return out


def question(iv) -> str:
    return iv.exchanges[0].question.paragraphs[0].text


def all_hits(cache: ParseCache, items) -> bool:
    return all((got := cache.get(p, k)) is not None and got.interview == e.interview
               for p, k, e in items)


def test_a_batch_is_stored_and_read_back(tmp_path):
    items = entries(tmp_path / "c", 5)
    cache = ParseCache(tmp_path / "cache")
    assert cache.put_many(items)
    assert all_hits(cache, items)
    assert all_hits(ParseCache(tmp_path / "cache"), items)  # from the file, not a connection's memory
    # the stored entries differ per file: the number in the text comes back
    assert question(ParseCache(tmp_path / "cache").get(items[3][0]).interview) == \
        "Как идёт строительство электростанции номер 3?"
    cache.remove(items[0][0])
    assert cache.get(items[0][0]) is None and cache.get(items[1][0]) is not None


def test_a_cache_version_change_is_a_miss(tmp_path, monkeypatch):
    items = entries(tmp_path / "c", 2)
    cache = ParseCache(tmp_path / "cache")
    assert cache.put_many(items)
    monkeypatch.setattr(parse_cache, "CACHE_VERSION", parse_cache.CACHE_VERSION + 1)
    assert all(cache.get(p, k) is None for p, k, _ in items)
    assert cache.put_many(items[:1]) and cache.get(items[0][0], items[0][1]) is not None


def test_a_lazy_body_is_fetched_later_on_another_thread(tmp_path):
    items = entries(tmp_path / "c", 3)
    cache = ParseCache(tmp_path / "cache")
    assert cache.put_many(items)
    lazy = [cache.get(p, k, lazy=True).interview for p, k, _ in items]
    assert not any(iv.loaded for iv in lazy)
    got = []
    t = threading.Thread(target=lambda: got.extend(iv.exchanges for iv in lazy))
    t.start()
    t.join(10)
    assert got == [e.interview.exchanges for _, _, e in items]


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty file", "foreign database"])
def test_a_damaged_or_foreign_database_is_made_again(tmp_path, damage, caplog):
    items = entries(tmp_path / "c", 4)
    folder = tmp_path / "cache"
    cache = ParseCache(folder)
    assert cache.put_many(items)
    cache.close()
    db = folder / parse_cache.DB_NAME
    data = db.read_bytes()
    assert len(data) > 4096  # the WAL was merged back when the last connection closed
    if damage == "garbage":
        db.write_bytes(data[:100] + os.urandom(len(data) - 100))
    elif damage == "truncated":
        db.write_bytes(data[:len(data) // 3])
    elif damage == "empty file":
        db.write_bytes(b"")
    else:
        db.unlink()
        with sqlite3.connect(db) as other:
            other.execute("CREATE TABLE entry (path TEXT, data BLOB)")  # our table's name, not ours
            other.execute("INSERT INTO entry VALUES (?, ?)", (items[0][0], b"x"))
        other.close()
    fresh = ParseCache(folder)
    with caplog.at_level(logging.WARNING, logger="kzreader"):
        got = [fresh.get(p, k) for p, k, _ in items]
    # a damaged page may still hold an entry intact (its checksum says so); none is wrong
    assert all(g is None or g.interview == e.interview for g, (_, _, e) in zip(got, items))
    if damage != "garbage":
        assert got == [None] * len(items)
    # written again, the cache works as before
    assert fresh.put_many(items)
    assert all_hits(fresh, items) and all_hits(ParseCache(folder), items)
    if damage in ("truncated", "foreign database"):
        assert "made again" in caplog.text


def test_a_folder_that_cannot_be_written_means_misses(tmp_path, caplog):
    items = entries(tmp_path / "c", 2)
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    cache = ParseCache(blocker)
    with caplog.at_level(logging.WARNING, logger="kzreader"):
        assert not cache.put_many(items)
        assert cache.get(items[0][0], items[0][1]) is None
        assert not cache.put(*items[1])
    assert len(caplog.records) == 1 and "cannot use" in caplog.text  # said once, not per call
    assert blocker.read_text() == "a file where the cache folder should be"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root writes into read-only folders")
def test_a_read_only_cache_folder_means_misses(tmp_path):
    items = entries(tmp_path / "c", 2)
    folder = tmp_path / "cache"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        cache = ParseCache(folder)
        assert not cache.put_many(items)
        assert cache.get(items[0][0], items[0][1]) is None
    finally:
        folder.chmod(0o700)


def test_a_full_database_stores_nothing_and_says_so_once(tmp_path, caplog):
    items = entries(tmp_path / "c", 60)
    cache = ParseCache(tmp_path / "cache")
    assert cache.put_many(items[:1])
    # SQLite's "database or disk is full", the error a full disk gives
    pages = cache._connection().execute("PRAGMA page_count").fetchall()[0][0]
    cache._connection().execute(f"PRAGMA max_page_count = {pages}")
    with caplog.at_level(logging.WARNING, logger="kzreader"):
        assert not cache.put_many(items[1:30])  # more than the page has room for
        assert not cache.put_many(items[30:])
    assert len(caplog.records) == 1 and "full" in caplog.text
    assert all_hits(cache, items[:1])  # what was there stays
    assert all(cache.get(p, k) is None for p, k, _ in items[1:])  # no half batch


def test_a_load_into_an_unwritable_cache_still_loads_everything(tmp_path):
    write_interviews(tmp_path / "c", 3, INTERVIEW)
    (tmp_path / "cache").write_text("not a folder")
    got = []
    assert loading.LoadJob([str(tmp_path / "c")], cache_dir=str(tmp_path / "cache"), workers=1).run(got.extend)
    # full interviews: nothing points at a cache
    assert sorted(map(question, (x.item for x in got))) == [
        f"Как идёт строительство электростанции номер {i}?" for i in range(3)]


def _python(script: str, *args: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO), str(REPO / "tests")]))
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(script), *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


# a script's start: the cache in argv[1], entries for the files in the folder argv[2]
ENTRIES = """
    import sys
    from pathlib import Path
    from kzreader.core.corpus import corpus
    from kzreader.core.corpus.parse_cache import Entry, ParseCache, source_key
    from kzreader.core.search.analysis import analyse

    cache = ParseCache(sys.argv[1])
    paths = sorted(str(p) for p in Path(sys.argv[2]).glob("*.txt"))
    items = []
    for p in paths:
        iv = corpus.load_file(p)
        items.append((p, source_key(p), Entry(iv, analyse(iv)[0], None)))
"""

WRITER = ENTRIES + """
    ok = [cache.put_many(items[i:i + 3]) for i in range(0, len(items), 3)]
    print(sum(ok), len(ok))
"""


def test_two_processes_write_at_once(tmp_path):
    for name in ("a", "b"):
        write_interviews(tmp_path / name, 30, INTERVIEW.replace("номер", name))
    # the same folder from both as well: the same paths written twice at once
    procs = [_python(WRITER, str(tmp_path / "cache"), str(tmp_path / f))
             for f in ("a", "b", "a")]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [err for _, err in outs]
    assert [out.split() for out, _ in outs] == [["10", "10"]] * 3  # every batch stored
    cache = ParseCache(tmp_path / "cache")
    for name in ("a", "b"):
        for p in sorted((tmp_path / name).glob("*.txt")):
            got = cache.get(str(p))
            assert got is not None and got.interview == core_corpus.load_file(str(p))


KILLED = ENTRIES + """
    import os, signal
    from kzreader.core.corpus import parse_cache

    assert cache.put_many(items[:5])

    # the second batch: the process is killed after three of its rows went into the database
    real = parse_cache._insert
    def insert_then_die(conn, rows):
        def rows_then_die():
            for i, row in enumerate(rows):
                if i == 3:
                    os.kill(os.getpid(), signal.SIGKILL)
                yield row
        return real(conn, rows_then_die())
    parse_cache._insert = insert_then_die
    cache.put_many(items[5:])
"""


@pytest.mark.skipif(not hasattr(os, "kill") or sys.platform == "win32", reason="SIGKILL")
def test_a_writer_killed_in_the_middle_of_a_batch_leaves_a_usable_cache(tmp_path):
    items = entries(tmp_path / "c", 10)
    proc = _python(KILLED, str(tmp_path / "cache"), str(tmp_path / "c"))
    proc.communicate(timeout=120)
    assert proc.returncode == -9  # killed, not finished
    cache = ParseCache(tmp_path / "cache")
    assert all_hits(cache, items[:5])  # the batch before is whole
    assert all(cache.get(p, k) is None for p, k, _ in items[5:])  # none of the killed batch
    assert cache.put_many(items[5:]) and all_hits(cache, items)


OPENER = """
    import logging, sys, time
    from kzreader.core.corpus.parse_cache import ParseCache

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    start = float(sys.argv[1])
    while time.time() < start:  # all processes begin together
        pass
    for folder in sys.argv[2:]:
        print("ok" if ParseCache(folder)._connection() is not None else "disabled")
"""


def test_processes_that_make_a_new_cache_at_once_all_use_it(tmp_path):
    # two loads started together both find no database and make it: each must end up using
    # the one database, none calling the other's half-made one foreign or giving up on "locked"
    import time
    folders = [str(tmp_path / f"cache{i}") for i in range(12)]
    start = str(time.time() + 1.5)  # past every child's imports
    procs = [_python(OPENER, start, *folders) for _ in range(4)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [out.split() for out, _ in outs] == [["ok"] * len(folders)] * 4, [err for _, err in outs]
    assert all(err == "" for _, err in outs), [err for _, err in outs]
    for folder in folders:
        cache = ParseCache(folder)
        assert cache._connection() is not None
        assert cache._connection().execute("SELECT count(*) FROM entry").fetchone()[0] == 0
