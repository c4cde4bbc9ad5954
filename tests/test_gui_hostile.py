"""The window with hostile data: source text in tooltips stays text, a damaged or read-only
bookmark store does not stop it, and bookmarks follow a moved folder visibly."""
from __future__ import annotations

import json
import shutil

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from kzreader.core.sources.sources import read_source  # noqa: E402
from gui_helpers import make_window, open_and_wait, read_only_bookmark_folder, shown_tooltip  # noqa: E402

HOSTILE_Q = '<img src="file:///dev/zero"> Что <b>будет</b> с ценами?'
TEXT = (f"Интервью о ценах.\n\n— {HOSTILE_Q}\n\n— Вырастут, но не сильно.\n\n"
        "— А урожай?\n\n— Ниже среднего.\n")


def test_source_text_in_tooltips_is_plain(qtbot, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    name = "<img src=x>.txt"
    (corpus / name).write_text(TEXT, encoding="utf-8")
    (corpus / "<b>bad<i>.txt").write_bytes(b"")
    w = make_window(qtbot, tmp_path)
    open_and_wait(qtbot, w, [corpus])
    iv = w.corpus.interviews[0]
    assert w.show_interview(iv.id, 1)
    nav = w.reading_pane.navigator
    tips = [shown_tooltip(nav.item(i).toolTip()) for i in range(nav.count())]
    assert tips[0] == HOSTILE_Q  # the literal text, not an image and bold words
    model = w.interview_list.source_model
    tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert shown_tooltip(tip).endswith(name)
    problems = w.problems_view.model
    row = next(r for r in range(problems.rowCount()) if "<b>bad<i>" in problems._items[r].path)
    assert shown_tooltip(problems.index(row, 1).data(Qt.ItemDataRole.ToolTipRole)).endswith("<b>bad<i>.txt")
    assert shown_tooltip(w.reading_pane.title_label.toolTip()).endswith(iv.path)


def test_deep_bookmarks_file_does_not_stop_the_window(qtbot, tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    (data / "bookmarks.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    w = make_window(qtbot, tmp_path)
    w.build_parts()
    w.bookmarks.report_problems()
    assert len(warned) == 1 and "nested too deeply" in warned[0]
    assert not w.bookmarks.store.read_only
    assert any(".corrupt-" in p.name for p in data.iterdir())


def test_read_only_data_folder_opens_and_says_so(qtbot, tmp_path, monkeypatch):
    data = tmp_path / "data"
    read_only_bookmark_folder(monkeypatch, data)
    w = make_window(qtbot, tmp_path)
    w.build_parts()
    w.bookmarks.report_problems()
    assert w.bookmarks.store.read_only
    assert "read-only" in w.statusBar().currentMessage()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT, encoding="utf-8")
    open_and_wait(qtbot, w, [corpus])  # a load clears the Problems view: the notice stays
    messages = [str(p.message) for p in w.problems_view.model._items]
    assert any("Bookmarks are read-only" in m for m in messages)
    iv = w.corpus.interviews[0]
    assert w.bookmarks.panel.add_bookmark(iv.id, iv.path, read_source(iv.path).text, 0, 5) is None
    assert "read-only" in w.statusBar().currentMessage()  # said, not raised
    assert json.loads((data / "bookmarks.json").read_text())["bookmarks"] == []


def test_bookmarks_follow_a_moved_folder_in_the_window(qtbot, tmp_path):
    old = tmp_path / "old"
    old.mkdir()
    (old / "a.txt").write_text(TEXT, encoding="utf-8")
    w = make_window(qtbot, tmp_path)
    open_and_wait(qtbot, w, [old])
    iv = w.corpus.interviews[0]
    store = w.bookmarks.store
    b = store.create(iv.id, iv.path, read_source(iv.path).text, 30, 50, note="заметка")
    new = tmp_path / "moved"
    shutil.move(str(old), str(new))
    open_and_wait(qtbot, w, [new])
    moved = w.corpus.interviews[0]
    now = store.get(b.id)
    assert (now.path, now.interview_id, now.note) == (moved.path, moved.id, "заметка")
    assert now.status == "ok" and store.list(moved.id) == [now]
    messages = [(p.path, str(p.message)) for p in w.problems_view.model._items]
    assert (moved.path, f"1 bookmark(s) followed this file from {old / 'a.txt'}") in messages
