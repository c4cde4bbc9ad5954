"""The bookmark store: atomic writes, backups, corruption, migration, two instances, crashes."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kzreader.core.annotations import bookmarks as bm
from kzreader.core.annotations.bookmark import STATUS_NEEDS_REVIEW, STATUS_OK, new_bookmark
from kzreader.core.annotations.bookmark_file import SCHEMA_VERSION, migrate
from kzreader.core.annotations.bookmarks import BookmarkStore, StoreError

TEXT = (
    "— Как Вы оцениваете итоги визита?\n\n"
    "— Считаю, что визит стал точкой кристаллизации нового этапа партнерства. "
    "Этот визит укрепил доверие элит и подтвердил синхронность интересов.\n\n"
    "— Какие проекты самые значимые?\n\n"
    "— Сегодня реализуются десятки совместных проектов в энергетике и транспорте."
)
QUOTE = "укрепил доверие элит"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "bookmarks.json"


def _add(store: BookmarkStore, quote: str = QUOTE, **kw):
    s = TEXT.index(quote)
    return store.create("iv1", "/corpus/a.txt", TEXT, s, s + len(quote), **kw)


def _ids_on_disk(p: Path) -> set[str]:
    return {b["id"] for b in json.loads(p.read_text(encoding="utf-8"))["bookmarks"]}


def test_round_trip(path):
    st = BookmarkStore(path)
    b = _add(st, note="заметка", tags=["визит", " визит ", "элиты"], exchange=1, colour="#ffcc00")
    assert b.tags == ("визит", "элиты")
    again = BookmarkStore(path)
    assert again.problems == []
    assert again.list() == [b]
    got = again.get(b.id)
    assert got.quote == QUOTE and got.anchor.start == TEXT.index(QUOTE)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["schema_version"] == SCHEMA_VERSION
    assert doc["bookmarks"][0]["anchor"]["exact"] == QUOTE


def test_update_delete_restore(path):
    st = BookmarkStore(path)
    events = []
    st.add_listener(lambda ev, ids: events.append((ev, ids)))
    b = _add(st)
    b2 = st.update(b.id, note="новая", tags=["a", "b"])
    assert b2.note == "новая" and b2.modified > b.modified and b2.created == b.created
    removed = st.delete(b.id)
    assert removed == b2 and b.id not in st
    assert b.id not in _ids_on_disk(path)
    back = st.restore(removed)
    assert back.note == "новая" and b.id in _ids_on_disk(path)
    assert [e for e, _ in events] == ["added", "updated", "removed", "added"]
    with pytest.raises(StoreError):
        st.update(b.id, id="other")
    with pytest.raises(StoreError):
        st.delete("no-such-id")


def test_write_is_atomic_and_leaves_no_temp_files(path, monkeypatch):
    st = BookmarkStore(path)
    _add(st)
    before = path.read_bytes()

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(bm.os, "replace", failing_replace)
    with pytest.raises(OSError):
        _add(st, "десятки совместных проектов")
    monkeypatch.undo()
    assert path.read_bytes() == before  # the old document is intact
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_stale_temp_file_from_a_crash_is_removed(path):
    st = BookmarkStore(path)
    _add(st)
    stale = path.parent / f".{path.name}.abc123.tmp"
    stale.write_text("{half a docu")
    _add(st, "десятки совместных проектов")
    assert not stale.exists()


def test_backups_rotate(path):
    st = BookmarkStore(path)
    ids = [_add(st, note=str(i)).id for i in range(5)]
    assert _ids_on_disk(path) == set(ids)
    # backup n holds the document as it was n saves ago
    assert _ids_on_disk(path.with_name("bookmarks.json.1")) == set(ids[:4])
    assert _ids_on_disk(path.with_name("bookmarks.json.2")) == set(ids[:3])
    assert _ids_on_disk(path.with_name("bookmarks.json.3")) == set(ids[:2])
    assert not path.with_name("bookmarks.json.4").exists()


def test_corrupt_file_is_moved_aside_reported_and_backup_used(path):
    st = BookmarkStore(path)
    first = _add(st)
    _add(st, "десятки совместных проектов")
    garbage = b'{"schema_version": 1, "bookmarks": [{"id": '
    path.write_bytes(garbage)

    st2 = BookmarkStore(path)
    kinds = [p.kind for p in st2.problems]
    assert kinds == ["corrupt", "restored_from_backup"]
    aside = list(path.parent.glob("bookmarks.corrupt-*.json"))
    assert len(aside) == 1 and aside[0].read_bytes() == garbage
    assert aside[0].name.startswith("bookmarks.corrupt-2")  # bookmarks.corrupt-YYYYmmdd-HHMMSS.json
    assert str(aside[0]) in str(st2.problems[0].message)
    assert [b.id for b in st2.list()] == [first.id]  # backup 1: the state before the last save

    # the app keeps working, and the damaged file is never overwritten
    _add(st2, "проектов в энергетике")
    assert aside[0].read_bytes() == garbage
    assert len(BookmarkStore(path).list()) == 2


def test_corrupt_file_without_backups(path):
    path.parent.mkdir(parents=True)
    path.write_text("not json at all", encoding="utf-8")
    st = BookmarkStore(path)
    assert [p.kind for p in st.problems] == ["corrupt"]
    assert st.list() == [] and not path.exists()
    assert len(list(path.parent.glob("bookmarks.corrupt-*.json"))) == 1


def test_wrong_shape_counts_as_corrupt(path):
    path.parent.mkdir(parents=True)
    path.write_text('{"schema_version": 1, "bookmarks": {"a": 1}}', encoding="utf-8")
    assert [p.kind for p in BookmarkStore(path).problems] == ["corrupt"]


def test_unreadable_bad_entry_is_kept_verbatim(path):
    st = BookmarkStore(path)
    good = _add(st)
    doc = json.loads(path.read_text(encoding="utf-8"))
    broken = {"id": "broken-1", "path": "x.txt"}  # no anchor
    doc["bookmarks"].append(broken)
    path.write_text(json.dumps(doc), encoding="utf-8")
    st2 = BookmarkStore(path)
    assert [p.kind for p in st2.problems] == ["bad_entries"]
    assert [b.id for b in st2.list()] == [good.id]
    _add(st2, "десятки совместных проектов")
    saved = json.loads(path.read_text(encoding="utf-8"))["bookmarks"]
    assert broken in saved and len(saved) == 3


def test_newer_schema_is_read_only_and_untouched(path):
    path.parent.mkdir(parents=True)
    content = json.dumps({"schema_version": SCHEMA_VERSION + 1, "bookmarks": [], "deleted": {}})
    path.write_text(content, encoding="utf-8")
    st = BookmarkStore(path)
    assert st.read_only and [p.kind for p in st.problems] == ["newer_version"]
    with pytest.raises(StoreError):
        _add(st)
    assert path.read_text(encoding="utf-8") == content


def test_migration_from_v0(path):
    b = new_bookmark("iv1", "/corpus/a.txt", TEXT, 10, 30, note="старая")
    v0 = [b.to_dict()]
    for item in v0:  # version 0 had neither status nor modified
        del item["status"], item["modified"]
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(v0), encoding="utf-8")
    st = BookmarkStore(path)
    assert st.problems == []
    got = st.get(b.id)
    assert got.note == "старая" and got.status == STATUS_OK and got.modified == b.created
    _add(st)
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION == 2


def test_migrate_current_version_is_identity():
    doc = {"schema_version": 2, "bookmarks": [],
           "deleted": {"x": {"revision": 3, "time": "2024-01-01T00:00:00.000000Z"}}}
    assert migrate(json.loads(json.dumps(doc))) == doc


def test_two_instances_both_keep_their_bookmarks(path):
    a, b = BookmarkStore(path), BookmarkStore(path)
    x = _add(a, note="from a")
    y = _add(b, "десятки совместных проектов", note="from b")
    assert {bk.id for bk in b.list()} == {x.id, y.id}  # b merged a's save into its own
    a.reload()
    assert {bk.id for bk in a.list()} == {x.id, y.id}
    assert {bk.id for bk in BookmarkStore(path).list()} == {x.id, y.id}


def test_delete_in_one_instance_is_not_resurrected_by_the_other(path):
    a = BookmarkStore(path)
    x = _add(a)
    b = BookmarkStore(path)  # b has x in memory
    a.delete(x.id)
    z = _add(b, "проектов в энергетике")  # b saves while still holding x
    ids = {bk.id for bk in BookmarkStore(path).list()}
    assert x.id not in ids and z.id in ids
    assert x.id not in b


def test_later_edit_wins_across_instances(path):
    a = BookmarkStore(path)
    x = _add(a)
    b = BookmarkStore(path)
    a.update(x.id, note="first")
    b.update(x.id, note="second")
    a.reload()
    assert a.get(x.id).note == "second"
    # undo of a delete made in another instance brings the bookmark back everywhere
    removed = a.delete(x.id)
    b.reload()
    assert x.id not in b
    a.restore(removed)
    b.reload()
    assert b.get(x.id).note == "second"


def test_reanchor_all(path):
    st = BookmarkStore(path)
    moved = _add(st)
    stays = _add(st, "десятки совместных проектов")
    other = st.create("iv2", "/corpus/b.txt", "Другой текст интервью.", 0, 6)
    gone = st.create("iv3", "/corpus/c.txt", "Файл, который потом удалят.", 0, 4)

    new_a = "Новый вводный абзац.\n\n" + TEXT.replace("укрепил доверие элит", "укрепил доверие элиты")
    results = st.reanchor_all({"/corpus/a.txt": new_a, "/corpus/c.txt": None})

    assert results[stays.id].status == "exact_quote"
    assert results[moved.id].status == "fuzzy"
    assert results[gone.id].status == "needs_review"
    assert other.id not in results
    assert len(st) == 4  # nothing dropped

    m = st.get(moved.id)
    assert m.status == STATUS_OK and m.quote == "укрепил доверие элиты"
    assert new_a[m.anchor.start : m.anchor.end] == "укрепил доверие элиты"
    g = st.get(gone.id)
    assert g.status == STATUS_NEEDS_REVIEW and g.anchor == gone.anchor  # original quote kept
    assert st.get(other.id) == other

    again = BookmarkStore(path)  # persisted
    assert again.get(gone.id).status == STATUS_NEEDS_REVIEW
    assert again.get(moved.id).quote == "укрепил доверие элиты"

    # re-attach the orphan to a new selection
    fixed = st.reattach(gone.id, "iv2", "/corpus/b.txt", "Другой текст интервью.", 7, 12)
    assert fixed.status == STATUS_OK and fixed.quote == "текст" and fixed.created == gone.created


def test_reanchor_all_quote_deleted_goes_to_review(path):
    st = BookmarkStore(path)
    b = _add(st)
    new = TEXT.replace("Этот визит укрепил доверие элит и подтвердил синхронность интересов.", "")
    r = st.reanchor_all({"/corpus/a.txt": new})
    assert r[b.id].status == "needs_review"
    assert st.get(b.id).status == STATUS_NEEDS_REVIEW and st.get(b.id).quote == QUOTE


# --- crash test --------------------------------------------------------------------------------

_WRITER = r"""
import sys
from kzreader.core.annotations.bookmarks import BookmarkStore
st = BookmarkStore(sys.argv[1])
text = "Считаю, что визит стал точкой кристаллизации нового этапа партнерства. " * 4
print("ready", flush=True)
i = 0
while True:
    b = st.create("iv", "/corpus/a.txt", text, i % 200, i % 200 + 40, note="n%d" % i, tags=["t"])
    print(b.id, flush=True)  # printed only after the save returned
    i += 1
"""


def test_sigkill_at_random_moments_never_loses_a_saved_bookmark(path, tmp_path):
    rng = random.Random(5)
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    saved: set[str] = set()
    cycles = 0
    # a fixed number of cycles, the deadline only against a hang: on a loaded machine a cycle
    # (a fresh interpreter) takes several times longer, and a time budget then failed the test
    deadline = time.monotonic() + 180
    while cycles < 20 and time.monotonic() < deadline:
        proc = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(path)], stdout=subprocess.PIPE, env=env
        )
        try:
            assert proc.stdout.readline() == b"ready\n"
            # one save first, so that on a loaded machine the kill still lands inside the save
            # loop rather than before it; then anywhere in the next saves
            first = proc.stdout.readline()
            time.sleep(rng.uniform(0.0, 0.06))
            proc.send_signal(signal.SIGKILL)
            out = proc.stdout.read()
        finally:
            proc.kill()
            proc.wait()
            proc.stdout.close()
        assert proc.returncode == -signal.SIGKILL
        lines = [first.rstrip(b"\n")] + out.split(b"\n")[:-1]  # the last piece may be cut
        saved.update(line.decode() for line in lines)
        store = BookmarkStore(path)
        assert store.problems == [], store.problems
        missing = saved - {b.id for b in store.list()}
        assert not missing, f"cycle {cycles}: {len(missing)} saved bookmarks lost"
        cycles += 1
    print(f"\nSIGKILL cycles survived: {cycles}, bookmarks saved and found: {len(saved)}")
    assert cycles == 20 and len(saved) >= cycles


def test_a_save_waits_while_another_window_holds_the_lock(path):
    import threading

    from filelock import FileLock

    store = BookmarkStore(path)
    other = FileLock(path.with_name(path.name + ".lock"))  # another instance in the middle of a save
    other.acquire()
    done = threading.Event()
    worker = threading.Thread(target=lambda: (_add(store), done.set()))
    worker.start()
    try:
        assert not done.wait(0.5)
        assert not path.exists() or _ids_on_disk(path) == set()
    finally:
        other.release()
    assert done.wait(5)
    worker.join()
    assert len(_ids_on_disk(path)) == 1
