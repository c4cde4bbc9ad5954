"""The bookmark store against damaged, deep, read-only and skewed data; interview ids from
resolved paths; bookmarks that follow a moved folder."""
from __future__ import annotations

import errno
import json
import os
import pathlib
import shutil
import tempfile

import pytest

from kzreader.core.annotations import bookmark as bm
from kzreader.core.annotations.bookmarks import BookmarkStore, StoreError
from kzreader.core.corpus.corpus import load_paths
from kzreader.core.model import text_hash
from kzreader.core.sources.sources import read_source

TEXT = ("— Как Вы оцениваете сотрудничество между нашими странами?\n\n"
        "— Считаю, что оно развивается успешно, особенно в энергетике.\n")


@pytest.fixture
def path(tmp_path):
    return tmp_path / "data" / "bookmarks.json"


def _add(store, note=""):
    return store.create("iv1", "/corpus/a.txt", TEXT, 10, 40, note=note)


def test_deeply_nested_file_is_moved_aside_and_reported(path):
    path.parent.mkdir(parents=True)
    content = "[" * 100_000 + "]" * 100_000
    path.write_text(content, encoding="utf-8")
    store = BookmarkStore(path)  # raised RecursionError before
    assert [p.kind for p in store.problems] == ["corrupt"]
    assert "nested too deeply" in str(store.problems[0].message)
    aside = [p for p in path.parent.iterdir() if ".corrupt-" in p.name]
    assert len(aside) == 1 and aside[0].read_text(encoding="utf-8") == content
    assert not store.read_only
    _add(store)
    assert len(BookmarkStore(path)) == 1


@pytest.fixture
def read_only_fs(monkeypatch):
    """Make writes under a folder fail as on a read-only file system (EROFS).  Root ignores
    permission bits, so chmod cannot stand in for this in the tests."""
    roots: list[str] = []

    def under(p) -> bool:
        p = os.path.abspath(os.fspath(p))
        return any(p == r or p.startswith(r + os.sep) for r in roots)

    def refuse(p):
        raise OSError(errno.EROFS, "Read-only file system", os.fspath(p))

    real_open, real_replace, real_link, real_unlink = os.open, os.replace, os.link, os.unlink
    real_mkstemp, real_mkdir = tempfile.mkstemp, pathlib.Path.mkdir
    writes = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND

    def fake_open(p, flags, *a, **k):
        if under(p) and flags & writes:
            refuse(p)
        return real_open(p, flags, *a, **k)

    def two(real):
        def f(src, dst, *a, **k):
            if under(src) or under(dst):
                refuse(dst)
            return real(src, dst, *a, **k)
        return f

    def fake_unlink(p, *a, **k):
        if under(p):
            refuse(p)
        return real_unlink(p, *a, **k)

    def fake_mkstemp(*a, dir=None, **k):
        if dir is not None and under(dir):
            refuse(dir)
        return real_mkstemp(*a, dir=dir, **k)

    def fake_mkdir(self, *a, **k):
        if under(self) and not self.is_dir():
            refuse(self)
        return real_mkdir(self, *a, **k)

    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(os, "replace", two(real_replace))
    monkeypatch.setattr(os, "link", two(real_link))
    monkeypatch.setattr(os, "unlink", fake_unlink)
    monkeypatch.setattr(tempfile, "mkstemp", fake_mkstemp)
    monkeypatch.setattr(pathlib.Path, "mkdir", fake_mkdir)
    return lambda folder: roots.append(os.path.abspath(folder))


def _snapshot(folder):
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_read_only_data_folder_opens_read_only(path, read_only_fs):
    st = BookmarkStore(path)
    kept = _add(st, note="сохранена")
    before = _snapshot(path.parent)
    read_only_fs(path.parent)
    store = BookmarkStore(path)
    assert store.read_only
    assert [p.kind for p in store.problems] == ["read_only"]
    assert "read-only" in str(store.problems[0].message) and "Read-only file system" in str(store.problems[0].message)
    assert [b.note for b in store.list()] == ["сохранена"]
    with pytest.raises(StoreError, match="read-only"):
        _add(store)
    with pytest.raises(StoreError, match="read-only"):
        store.update(kept.id, note="x")
    store.reload()
    assert _snapshot(path.parent) == before  # nothing written, nothing moved


def test_missing_data_folder_on_read_only_parent(tmp_path, read_only_fs):
    read_only_fs(tmp_path / "ro")
    store = BookmarkStore(tmp_path / "ro" / "data" / "bookmarks.json")
    assert store.read_only and len(store) == 0
    assert [p.kind for p in store.problems] == ["read_only"]
    assert not (tmp_path / "ro").exists()


def test_corrupt_file_in_read_only_folder_is_left_alone(path, read_only_fs):
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    read_only_fs(path.parent)
    store = BookmarkStore(path)
    assert store.read_only
    assert sorted(p.kind for p in store.problems) == ["corrupt", "read_only"]
    assert path.read_text(encoding="utf-8") == "{not json"
    assert [p.name for p in path.parent.iterdir()] == ["bookmarks.json"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder_by_permissions(path):
    _add(BookmarkStore(path))
    before = _snapshot(path.parent)
    path.parent.chmod(0o555)
    try:
        store = BookmarkStore(path)
        assert store.read_only and len(store) == 1
        with pytest.raises(StoreError):
            _add(store)
        assert _snapshot(path.parent) == before
    finally:
        path.parent.chmod(0o755)


def _future_v1_file(path, bookmark):
    """A version-1 file (merged by time) holding ``bookmark`` dated in 2099 (clock skew)."""
    item = bookmark.to_dict()
    del item["revision"]
    item["created"] = item["modified"] = "2099-01-01T00:00:00.000000Z"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"schema_version": 1, "bookmarks": [item], "deleted": {}}), encoding="utf-8")


def test_future_dated_bookmark_can_be_edited_and_deleted(path):
    b = bm.new_bookmark("iv1", "/corpus/a.txt", TEXT, 10, 40, note="из будущего")
    _future_v1_file(path, b)
    store = BookmarkStore(path)
    other = BookmarkStore(path)  # a second window that still holds the old version
    store.update(b.id, note="исправлено")
    assert BookmarkStore(path).get(b.id).note == "исправлено"
    other.reload()
    assert other.get(b.id).note == "исправлено"
    store.delete(b.id)
    assert b.id not in BookmarkStore(path)
    _add(other)  # other saves while it still holds the bookmark: not resurrected
    assert b.id not in BookmarkStore(path) and b.id not in other


def test_version_1_file_loads_and_is_saved_as_version_2(path):
    b = bm.new_bookmark("iv1", "/corpus/a.txt", TEXT, 10, 40, note="старая")
    gone = bm.new_bookmark("iv1", "/corpus/a.txt", TEXT, 0, 5)
    item = b.to_dict()
    del item["revision"]
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"schema_version": 1, "bookmarks": [item],
                                "deleted": {gone.id: "2025-01-01T00:00:00.000000Z"}}), encoding="utf-8")
    store = BookmarkStore(path)
    assert store.problems == [] and store.get(b.id).revision == 1 and store.get(b.id).note == "старая"
    # the migrated tombstone has revision 1; undoing that deletion goes one past it
    store.restore(gone)
    assert gone.id in BookmarkStore(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["schema_version"] == 2
    assert {x["id"]: x["revision"] for x in doc["bookmarks"]} == {b.id: 1, gone.id: 2}


def test_restore_after_delete_beats_the_tombstone_in_another_instance(path):
    a = BookmarkStore(path)
    x = _add(a)
    b = BookmarkStore(path)
    removed = a.delete(x.id)
    b.reload()
    assert x.id not in b
    a.restore(removed)
    b.reload()
    assert b.get(x.id) is not None and b.get(x.id).revision == 3


# -- interview ids and moved files ----------------------------------------------------------
def test_two_spellings_of_one_file_are_one_interview(tmp_path, monkeypatch):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    link = tmp_path / "link"
    link.symlink_to(folder)
    monkeypatch.chdir(folder)
    corpus = load_paths([str(folder / "a.txt"), "../corpus/a.txt", "a.txt", str(link / "a.txt")])
    assert len(corpus.interviews) == 1 and not corpus.problems
    via_link = load_paths([str(link)]).interviews[0]
    assert via_link.id == corpus.interviews[0].id
    assert via_link.path == os.path.realpath(folder / "a.txt")


def test_bookmarks_follow_a_moved_folder(tmp_path, path):
    old = tmp_path / "old"
    old.mkdir()
    (old / "a.txt").write_text(TEXT, encoding="utf-8")
    (old / "b.txt").write_text(TEXT + "\n— Ещё?\n\n— Да.\n", encoding="utf-8")
    ivs = {os.path.basename(iv.path): iv for iv in load_paths([str(old)]).interviews}
    store = BookmarkStore(path)
    marks = {name: store.create(iv.id, iv.path, read_source(iv.path).text, 10, 40, note=name)
             for name, iv in ivs.items()}
    new = tmp_path / "renamed"
    shutil.move(str(old), str(new))
    moved = load_paths([str(new)]).interviews
    assert {iv.id for iv in moved}.isdisjoint(b.interview_id for b in store.list())
    loaded = {iv.source_hash: (iv.id, iv.path) for iv in moved}
    result = store.follow_moves(loaded, {iv.id for iv in moved})
    assert sorted(old_path for _, old_path in result) == sorted(str(old / n) for n in ("a.txt", "b.txt"))
    again = BookmarkStore(path)  # saved
    by_note = {b.note: b for b in again.list()}
    for name, iv in ((os.path.basename(iv.path), iv) for iv in moved):
        assert by_note[name].path == iv.path == os.path.realpath(new / name)
        assert by_note[name].interview_id == iv.id
        assert by_note[name].anchor.source_hash == text_hash(read_source(iv.path).text)
    assert len(again) == len(marks) == 2


def test_a_copy_does_not_take_the_bookmarks(tmp_path, path):
    old = tmp_path / "old"
    old.mkdir()
    (old / "a.txt").write_text(TEXT, encoding="utf-8")
    iv = load_paths([str(old)]).interviews[0]
    store = BookmarkStore(path)
    b = store.create(iv.id, iv.path, read_source(iv.path).text, 10, 40)
    shutil.copytree(old, tmp_path / "copy")
    copy = load_paths([str(tmp_path / "copy")]).interviews[0]
    assert store.follow_moves({copy.source_hash: (copy.id, copy.path)}, {copy.id}) == []
    assert store.get(b.id).path == iv.path
