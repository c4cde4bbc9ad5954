"""Reading by keyboard alone: select a sentence with the caret (F7 or Shift+arrows),
bookmark and quote it; Space/PgDn turn to the next question at the end of an answer; the
status bar follows Undo; F5 keeps the interview in view; the shortcuts dialog lists each
key once."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from gui_helpers import make_window, open_and_wait  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[1] / "kzreader" / "resources" / "samples"
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    w.resize(1000, 700)
    w.show()
    qtbot.waitExposed(w)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "energy_dialogue.txt").write_bytes((SAMPLES / "energy_dialogue.txt").read_bytes())
    open_and_wait(qtbot, w, [corpus])
    yield w
    w.loader.shutdown()


def test_shortcuts_dialog_lists_each_key_once_and_no_media_keys(window):
    rows = window.shortcut_rows()
    by_action = {action: keys for _, action, keys in rows}
    assert by_action["Quit"] == "Ctrl+Q"
    assert by_action["Reload"] == "F5"
    assert by_action["Zoom Out"] == "Ctrl+-"
    assert by_action["Caret Browsing"] == "F7"
    for _, action, keys in rows:
        parts = keys.split(", ")
        assert all(parts), (action, keys)  # no ", Ctrl+Q"
        assert len(parts) == len(set(parts)), (action, keys)
        assert "Refresh" not in parts and "Zoom In" not in parts and "Zoom Out" not in parts


def test_zoom_out_by_keyboard(qtbot, window):
    pane = window.reading_pane
    pane.text.setFocus()
    qtbot.keyClick(pane.text, Qt.Key.Key_Minus, CTRL)
    assert pane.zoom() == -1
    qtbot.keyClick(pane.text, Qt.Key.Key_Equal, CTRL)
    assert pane.zoom() == 0


def test_a_sentence_selected_bookmarked_and_quoted_by_keyboard(qtbot, window):
    pane = window.reading_pane
    pane.go_to(2)
    pane.text.setFocus()
    assert not pane.caret_browsing()
    qtbot.keyClick(pane.text, Qt.Key.Key_F7)
    assert pane.caret_browsing()
    # the caret starts at the top of the view: the question; go down into the answer
    cursor = pane.text.textCursor()
    assert cursor.position() == 0
    for _ in range(3):
        qtbot.keyClick(pane.text, Qt.Key.Key_Down)
    qtbot.keyClick(pane.text, Qt.Key.Key_Home)
    # select the first sentence of the answer word by word with Ctrl+Shift+Right
    for _ in range(30):
        qtbot.keyClick(pane.text, Qt.Key.Key_Right, CTRL | SHIFT)
        if pane.text.textCursor().selectedText().strip().endswith("."):
            break
    selected = pane.text.textCursor().selectedText().strip()
    assert selected == "Появились общие цифровые инструменты."
    found = pane.selection_source_range()
    assert found is not None
    iv, start, end = found
    qtbot.keyClick(pane.text, Qt.Key.Key_D, CTRL)
    bookmarks = window.bookmarks.store.list()
    assert len(bookmarks) == 1
    assert " ".join(bookmarks[0].quote.split()) == " ".join(selected.split())
    QApplication.clipboard().clear()
    qtbot.keyClick(pane.text, Qt.Key.Key_C, CTRL | SHIFT)
    text = QApplication.clipboard().mimeData().text()
    assert " ".join(selected.split()).rstrip(".,") in " ".join(text.split())
    assert "Ковалёва" in text or "Ковалёвой" in text or "Марина" in text


def test_shift_arrow_starts_the_caret(qtbot, window):
    pane = window.reading_pane
    pane.text.setFocus()
    qtbot.keyClick(pane.text, Qt.Key.Key_Right, SHIFT)
    assert pane.caret_browsing()
    assert pane.text.textCursor().hasSelection()
    qtbot.keyClick(pane.text, Qt.Key.Key_F7)
    assert not pane.caret_browsing()


def test_space_and_page_down_at_the_end_of_an_answer_turn_the_page(qtbot, window):
    pane = window.reading_pane
    assert pane.current_number() == 1
    pane.text.setFocus()
    bar = pane.text.verticalScrollBar()
    for key in (Qt.Key.Key_Space, Qt.Key.Key_PageDown):
        start = pane.current_number()
        for _ in range(40):  # page through the answer; at its end the next question opens
            qtbot.keyClick(pane.text, key)
            if pane.current_number() != start:
                break
        assert pane.current_number() == start + 1, key
        assert bar.value() == 0
    qtbot.keyClick(pane.text, Qt.Key.Key_Space, SHIFT)
    assert pane.current_number() == 2  # Shift+Space at the top goes back
    # with a caret, Space still pages and turns the page
    pane.set_caret_browsing(True)
    for _ in range(40):
        qtbot.keyClick(pane.text, Qt.Key.Key_Space)
        if pane.current_number() != 2:
            break
    assert pane.current_number() == 3


def test_status_bar_follows_undo_and_redo(qtbot, window):
    pane = window.reading_pane
    pane.text.setFocus()
    qtbot.keyClick(pane.text, Qt.Key.Key_D, CTRL)
    status = window.statusBar()
    assert status.currentMessage() == "Bookmark added."
    window.undo_action.trigger()
    assert len(window.bookmarks.store) == 0
    assert status.currentMessage() == "Undone: Add bookmark"
    window.redo_action.trigger()
    assert status.currentMessage() == "Redone: Add bookmark"


def test_reload_keeps_the_interview_in_view(qtbot, window):
    pane = window.reading_pane
    pane.go_to(3)
    old = pane.interview()
    seen = []
    pane.current_exchange_changed.connect(lambda iid, n: seen.append((iid, n)))
    with qtbot.waitSignal(window.loader.finished, timeout=20_000):
        window.reload_action.trigger()
        assert pane.interview() is old  # not an empty pane while the files load again
    assert ("", 0) not in seen
    assert pane.interview() is not old and pane.interview().id == old.id
    assert pane.current_number() == 3
