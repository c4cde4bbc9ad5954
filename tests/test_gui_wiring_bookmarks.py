"""Bookmarks wired into the window: Ctrl+D, the store file, highlight, the dock, jumping,
undo, a restart, and re-anchoring after the source file was edited."""
from __future__ import annotations

import json
import shutil

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QTextCursor  # noqa: E402

from kzreader.core.sources.sources import read_source  # noqa: E402
from gui_helpers import make_window, open_and_wait  # noqa: E402

LOAD_TIMEOUT = 20_000
SEED = "002_2b1ee1819a5415bb.txt"
CTRL = Qt.KeyboardModifier.ControlModifier


def select_source(pane, start: int, end: int) -> None:
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.document_position(start))
    cursor.setPosition(pane.document_position(end), QTextCursor.MoveMode.KeepAnchor)
    pane.text.setTextCursor(cursor)


def copy_seed(tmp_path, seeds_dir):
    """(folder, file): a copy of the seed the tests edit, alone in a folder."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    path = corpus / SEED
    shutil.copy(seeds_dir / SEED, path)
    return corpus, path


def test_bookmark_lifecycle(qtbot, tmp_path, seeds_dir):
    corpus, path = copy_seed(tmp_path, seeds_dir)
    w = make_window(qtbot, tmp_path)
    w.show()
    qtbot.waitExposed(w)
    open_and_wait(qtbot, w, [corpus])
    pane = w.reading_pane
    iv = pane.interview()
    pane.go_to(2)
    p = iv.exchanges[1].answer.paragraphs[0]
    start, end = p.start + 5, p.start + 45
    source = read_source(str(path)).text
    quote = source[start:end]
    select_source(pane, start, end)
    assert pane.selection_source_range()[1:] == (start, end)

    pane.text.setFocus()
    qtbot.keyClick(pane.text, Qt.Key.Key_D, CTRL)
    store = w.bookmarks.store
    assert len(store) == 1
    b = store.list()[0]
    assert b.quote == quote and (b.anchor.start, b.anchor.end) == (start, end)
    assert b.exchange == 2 and b.interview_id == iv.id
    saved = json.loads((tmp_path / "data" / "bookmarks.json").read_text("utf-8"))
    assert quote in json.dumps(saved, ensure_ascii=False)
    assert pane._highlights["bookmarks"][0] == [(start, end)]
    panel = w.bookmarks.panel
    assert panel.proxy.rowCount() == 1

    # jump: from another exchange, double-click the row in the dock
    pane.go_to(1)
    w.bookmarks_dock.show()
    w.bookmarks_dock.raise_()
    index = panel.proxy.index(0, 0)
    qtbot.waitUntil(lambda: panel.view.visualRect(index).isValid())
    centre = panel.view.visualRect(index).center()
    # QTest's double click carries no press of its own; a view needs one to know the row
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert pane.current_number() == 2
    assert pane.selection_source_range()[1:] == (start, end)

    # undo and redo from the keyboard
    pane.text.setFocus()
    qtbot.keyClick(pane.text, Qt.Key.Key_Z, CTRL)
    assert len(store) == 0 and "bookmarks" not in pane._highlights
    qtbot.keyClick(pane.text, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert len(store) == 1
    w.close()
    w.loader.shutdown()

    # a second window on the same data dir (a restart) has it
    w2 = make_window(qtbot, tmp_path)
    try:
        assert [x.quote for x in w2.bookmarks.store.list()] == [quote]
        # the file is edited before the quote: reloading re-anchors to the same words
        inserted = "Новая вставка перед цитатой. "
        edited = source[:p.start] + inserted + source[p.start:]
        path.write_text(edited, encoding="utf-8")
        open_and_wait(qtbot, w2, [corpus])
        b2 = w2.bookmarks.store.list()[0]
        assert b2.status == "ok"
        assert (b2.anchor.start, b2.anchor.end) == (start + len(inserted), end + len(inserted))
        assert edited[b2.anchor.start:b2.anchor.end] == quote
        w2.show_interview(b2.interview_id, 2)
        assert w2.reading_pane._highlights["bookmarks"][0] == [(b2.anchor.start, b2.anchor.end)]
    finally:
        w2.loader.shutdown()


def test_reload_in_the_same_window_reanchors(qtbot, tmp_path, seeds_dir):
    corpus, path = copy_seed(tmp_path, seeds_dir)
    w = make_window(qtbot, tmp_path)
    try:
        open_and_wait(qtbot, w, [corpus])
        pane = w.reading_pane
        pane.go_to(3)
        p = pane.interview().exchanges[2].answer.paragraphs[0]
        select_source(pane, p.start, p.start + 30)
        w.bookmark_action.trigger()
        source = read_source(str(path)).text
        quote = source[p.start:p.start + 30]
        path.write_text("Вставка.\n\n" + source, encoding="utf-8")
        with qtbot.waitSignal(w.loader.finished, timeout=LOAD_TIMEOUT):
            w.reload_action.trigger()
        b = w.bookmarks.store.list()[0]
        assert b.quote == quote and b.anchor.start == p.start + len("Вставка.\n\n")
        assert pane.current_number() == 3  # reload keeps the place
        assert pane._highlights["bookmarks"][0] == [(b.anchor.start, b.anchor.end)]
    finally:
        w.loader.shutdown()


def test_note_of_a_bookmarked_passage_on_hover(qtbot, tmp_path, seeds_dir):
    w = make_window(qtbot, tmp_path)
    try:
        open_and_wait(qtbot, w, [seeds_dir / SEED])
        pane = w.reading_pane
        p = pane.interview().exchanges[0].answer.paragraphs[0]
        select_source(pane, p.start, p.start + 20)
        bid = w.bookmarks.bookmark_selection()
        w.bookmarks.panel.edit_note(bid, "<b>важно</b>", ())
        assert w.bookmarks.notes_at(p.start + 3) == ["<b>важно</b>"]
        assert w.bookmarks.notes_at(p.start + 25) == []
        # the pane maps the hovered document position back to the source offset
        assert pane.source_offset_at(pane.document_position(p.start + 3)) == p.start + 3
    finally:
        w.loader.shutdown()
