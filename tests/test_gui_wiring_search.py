"""Corpus search (Ctrl+Shift+F) and the find bar (Ctrl+F, F3/Shift+F3) wired into the window."""
from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kzreader.core.sources.sources import read_source  # noqa: E402
from kzreader.core.text import stem, tokens  # noqa: E402
from kzreader.core.search.word_forms import form_stems  # noqa: E402
from kzreader.gui.main_window import MainWindow  # noqa: E402
from kzreader.gui.search.search_controller import shown_text  # noqa: E402

LOAD_TIMEOUT = 20_000
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def loaded(qtbot, tmp_path, seeds_dir):
    settings = QSettings(str(tmp_path / "settings" / "kzreader.ini"), QSettings.Format.IniFormat)
    w = MainWindow(settings, str(tmp_path / "data"), str(tmp_path / "cache"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    with qtbot.waitSignal(w.loader.finished, timeout=LOAD_TIMEOUT):
        w.open_paths([str(seeds_dir)])
    yield w
    w.loader.shutdown()


def test_ctrl_shift_f_searches_and_opens_a_hit(loaded, qtbot):
    w = loaded
    w.search_dock.hide()
    qtbot.keyClick(w.reading_pane.text, Qt.Key.Key_F, CTRL_SHIFT)
    panel = w.search.panel
    assert w.search_dock.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.query_edit)
    with qtbot.waitSignal(panel.results_changed, timeout=5000) as blocker:
        panel.query_edit.setText("инвестиции")  # typed Cyrillic would abort offscreen Qt
    assert blocker.args[0] > 0
    # the last hit of the last group: likely another interview and exchange than the open one
    parent = panel.model.index(panel.model.rowCount() - 1, 0)
    hit_index = panel.model.index(panel.model.rowCount(parent) - 1, 0, parent)
    iid = hit_index.data(Qt.ItemDataRole.UserRole + 2)
    number = hit_index.data(Qt.ItemDataRole.UserRole + 3)
    spans = hit_index.data(Qt.ItemDataRole.UserRole + 4)
    panel.view.setFocus()
    panel.view.setCurrentIndex(hit_index)
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    pane = w.reading_pane
    assert pane.interview().id == iid
    assert pane.current_number() == max(number, 1)
    assert pane._highlights["search"][0] == [tuple(s) for s in spans]
    source = read_source(pane.interview().path).text
    shown = [sel.cursor.selectedText().lower() for sel in pane.text.extraSelections()]
    for a, b in spans:
        word = source[a:b].lower()
        assert word.startswith("инвест")  # any form of the word
        assert word in shown


def test_ctrl_f_find_bar_moves_with_f3(loaded, qtbot):
    w = loaded
    pane = w.reading_pane
    bar = w.search.find_bar
    pane.text.setFocus()
    assert bar.isHidden()
    qtbot.keyClick(pane.text, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is bar.edit)
    bar.set_query("Казахстан")
    text = shown_text(pane.interview())
    # every form of the word: the tokens whose stem is one of its forms' stems (Snowball
    # gives "Казахстан" and "Казахстана" different stems; both are found)
    expected = [t.start for t in tokens(text) if t.stem in form_stems("Казахстан")]
    assert any(t.stem != stem("Казахстан") for t in tokens(text) if t.start in expected)
    matches = bar.matches()
    assert len(matches) >= 2
    assert [m[0] for m in matches] == expected
    source = read_source(pane.interview().path).text
    assert all(source[a:b].lower().startswith("казахстан") for a, b in matches)
    assert pane._highlights["find"][0] == matches
    assert bar.current_index() == 0
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3)
    assert bar.current_index() == 1
    assert pane._highlights["find:current"][0] == [matches[1]]
    # F3 works from the reading text too (window-wide), and Shift+F3 goes back
    pane.text.setFocus()
    qtbot.keyClick(pane.text, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current_index() == 0
    # the current match is shown: its exchange is the one on screen
    assert pane.document_position(matches[0][0]) is not None
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert bar.isHidden()
    assert "find" not in pane._highlights


def test_search_index_is_built_off_the_gui_thread(qtbot, tmp_path, seeds_dir, monkeypatch):
    import threading

    from kzreader.core.search.search import SearchIndex

    threads = []
    original = SearchIndex.add_interview

    def spy(self, iv, counted=None):
        threads.append(threading.current_thread())
        return original(self, iv, counted)

    monkeypatch.setattr(SearchIndex, "add_interview", spy)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    w = MainWindow(settings, str(tmp_path / "data"), str(tmp_path / "cache"))
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.loader.finished, timeout=LOAD_TIMEOUT):
        w.open_paths([str(seeds_dir)])
    assert len(w.search.index) == 5
    assert len(threads) == 5 and all(t is not threading.main_thread() for t in threads)
    w.loader.shutdown()
