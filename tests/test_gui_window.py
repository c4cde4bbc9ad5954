"""The reader window over the seed interviews: list, reading, keys, filter, problems, state."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

pytest.importorskip("PySide6")

from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl  # noqa: E402
from PySide6.QtGui import QDropEvent  # noqa: E402

from kzreader.gui.library.interview_list import COL_DATE, COL_INTERVIEWEE, COL_OUTLET, COL_QUESTIONS, COL_TITLE  # noqa: E402
from kzreader.gui.main_window import MainWindow  # noqa: E402

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SAMPLES = Path(__file__).resolve().parents[1] / "kzreader" / "resources" / "samples"
LOAD_TIMEOUT = 20_000

needs_seeds = pytest.mark.skipif(
    not SEEDS.is_dir(), reason=f"seed interviews not found at {SEEDS} (they live beside the repo)")

INJECTION = '<b>bold</b> <img src="http://example.invalid/x.png"> <script>alert(1)</script>'


def truths() -> dict[str, dict]:
    out = {}
    for f in sorted(SEEDS.glob("*.truth.yaml")):
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        out[data["file"]] = data
    return out


@pytest.fixture
def settings_file(tmp_path):
    return str(tmp_path / "settings" / "kzreader.ini")


def make_window(qtbot, settings_file, tmp_path) -> MainWindow:
    settings = QSettings(settings_file, QSettings.Format.IniFormat)
    window = MainWindow(settings, str(tmp_path / "data"), str(tmp_path / "cache"))
    qtbot.addWidget(window)
    return window


@pytest.fixture
def window(qtbot, settings_file, tmp_path):
    w = make_window(qtbot, settings_file, tmp_path)
    yield w
    w.loader.shutdown()


def open_and_wait(qtbot, window: MainWindow, paths) -> None:
    with qtbot.waitSignal(window.loader.finished, timeout=LOAD_TIMEOUT):
        window.open_paths([str(p) for p in paths])


def row_of_file(window: MainWindow, name: str) -> int:
    """Visible row of the interview loaded from file ``name``."""
    for row in range(window.interview_list.proxy.rowCount()):
        iid = window.interview_list.visible_ids()[row]
        if os.path.basename(window.interview_list.interview(iid).path) == name:
            return row
    raise AssertionError(f"{name} is not listed")


def cell(window: MainWindow, row: int, col: int) -> str:
    return window.interview_list.proxy.index(row, col).data()


def plain(window: MainWindow) -> str:
    """The shown text without the line under the answer that names the next question."""
    text = window.reading_pane.document().toPlainText()
    return text.rsplit("\n", 1)[0] if not window.reading_pane.is_whole_interview() else text


@needs_seeds
def test_seeds_list_five_interviews_with_truth_metadata(qtbot, window):
    open_and_wait(qtbot, window, [SEEDS])
    assert window.interview_list.visible_count() == 5
    assert window.problems_view.model.rowCount() == 0
    for name, truth in truths().items():
        row = row_of_file(window, name)
        if truth["title"] is not None:
            assert cell(window, row, COL_TITLE) == truth["title"]
        else:  # no title in the text: a made-up one in brackets, never the file name
            made_up = cell(window, row, COL_TITLE)
            assert made_up.startswith("[") and made_up.endswith("]") and Path(name).stem not in made_up
            if truth["interviewee"]:
                assert made_up == f"[{truth['interviewee']}, {truth['date']}]"
        assert cell(window, row, COL_INTERVIEWEE) == (truth["interviewee"] or "")
        assert cell(window, row, COL_DATE) == (truth["date"] or "")
        if truth["source"] is not None:
            assert cell(window, row, COL_OUTLET) == truth["source"]
        assert cell(window, row, COL_QUESTIONS) == str(truth["qa_count"])


@needs_seeds
def test_first_interview_opens_by_itself_and_selection_shows_first_question(qtbot, window):
    open_and_wait(qtbot, window, [SEEDS])
    # the first file is open at once, at its first question
    assert window.reading_pane.interview() is not None
    assert window.reading_pane.current_number() == 1

    window.interview_list.select_row(row_of_file(window, "003_5df59d2d5b920df8.txt"))
    assert window.reading_pane.interview().interviewee == "Антон Арутюнов"
    assert window.reading_pane.current_number() == 1
    assert window.reading_pane.position_label.text() == "Question 1 of 7"
    text = plain(window)
    assert "Антон Георгиевич, как Вы можете охарактеризовать" in text
    assert "По Вашему мнению, какие вопросы станут" not in text  # only one exchange at a time
    assert window.reading_pane.title_label.text() == "[Антон Арутюнов, 2025-10-11]"
    assert window.reading_pane.title_label.font().italic()  # set apart as made up
    assert "Антон Арутюнов" in window.reading_pane.meta_label.text()
    assert "2025-10-11" in window.reading_pane.meta_label.text()


@needs_seeds
def test_alt_arrows_walk_every_exchange(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    open_and_wait(qtbot, window, [SEEDS])
    window.interview_list.select_row(row_of_file(window, "002_2b1ee1819a5415bb.txt"))
    questions = truths()["002_2b1ee1819a5415bb.txt"]["questions"]
    answers = truths()["002_2b1ee1819a5415bb.txt"]["answers_last_words"]
    view = window.reading_pane.text
    view.setFocus()
    for k in range(1, len(questions) + 1):
        assert window.reading_pane.current_number() == k
        assert questions[k - 1] in plain(window)
        assert plain(window).rstrip().endswith(answers[k - 1])
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.reading_pane.current_number() == 6  # stays at the last one
    assert not window.reading_pane.next_action.isEnabled()
    for k in range(5, 0, -1):
        qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
        assert window.reading_pane.current_number() == k
        assert questions[k - 1] in plain(window)
    qtbot.keyClick(view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.reading_pane.current_number() == 2
    qtbot.keyClick(view, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.reading_pane.current_number() == 1
    # the navigator jumps straight to a question
    window.reading_pane.navigator.setCurrentRow(4)
    assert window.reading_pane.current_number() == 5
    assert questions[4] in plain(window)
    # next interview (Alt+Down) follows the list order
    first_id = window.reading_pane.interview().id
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.reading_pane.interview().id != first_id
    assert window.reading_pane.current_number() == 1


@needs_seeds
def test_filter_narrows_the_list(qtbot, window):
    open_and_wait(qtbot, window, [SEEDS])
    lst = window.interview_list
    lst.set_filter_text("бобров")
    assert lst.visible_count() == 1
    assert lst.interview(lst.visible_ids()[0]).interviewee == "Александр Кириллович Бобров"
    lst.set_filter_text("2025-11")  # dates of 000 and 002
    assert lst.visible_count() == 2
    lst.set_filter_text("KAZPRAVDA")  # outlet, any case
    assert lst.visible_count() == 1
    lst.set_filter_text("денис 2025")  # every word somewhere in the row
    assert lst.visible_count() == 1
    lst.set_filter_text("nothing-like-this")
    assert lst.visible_count() == 0
    lst.set_filter_text("")
    assert lst.visible_count() == 5
    # the themes panel restricts by id
    keep = set(lst.visible_ids()[:2])
    lst.set_id_filter(keep)
    assert set(lst.visible_ids()) == keep
    lst.set_id_filter(None)
    assert lst.visible_count() == 5


def test_filter_folds_yo_and_sorts_by_every_column(qtbot, window):
    open_and_wait(qtbot, window, [SAMPLES])
    lst = window.interview_list
    assert lst.visible_count() == 4
    lst.set_filter_text("Ковалева")  # the sample spells it Ковалёва
    assert lst.visible_count() == 1
    lst.set_filter_text("")
    lst.table.sortByColumn(COL_QUESTIONS, Qt.SortOrder.DescendingOrder)
    counts = [int(cell(window, r, COL_QUESTIONS)) for r in range(4)]
    assert counts == sorted(counts, reverse=True)
    lst.table.sortByColumn(COL_TITLE, Qt.SortOrder.AscendingOrder)
    assert cell(window, 0, COL_TITLE).startswith("Shared Stages")  # Latin before Cyrillic
    lst.table.sortByColumn(COL_DATE, Qt.SortOrder.DescendingOrder)
    assert cell(window, 0, COL_DATE) == "2024-05-17"


@needs_seeds
def test_bad_files_appear_in_problems_while_the_others_load(qtbot, window, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEEDS / "001_d0bdc066c311a20c.txt", corpus / "a.txt")
    shutil.copy(SEEDS / "003_5df59d2d5b920df8.txt", corpus / "c.txt")
    (corpus / "b_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (corpus / "b_empty.txt").write_bytes(b"")
    open_and_wait(qtbot, window, [corpus])
    assert window.interview_list.visible_count() == 2
    problems = {os.path.basename(p.path): p for p in window.problems_view.model.problems()}
    assert set(problems) == {"b_binary.txt", "b_empty.txt"}
    assert all(p.severity == "error" for p in problems.values())
    assert "binary" in str(problems["b_binary.txt"].message)
    assert "empty" in str(problems["b_empty.txt"].message)
    assert window.problems_dock.windowTitle() == "Problems (2)"
    assert window.status.count_label.text() == "2 interviews, 2 not loaded"
    assert window.status.progress_bar.isHidden()


def test_problem_details_and_open_folder(qtbot, window, tmp_path, monkeypatch):
    from kzreader.core.model import Problem
    from kzreader.gui.library import problems_view

    problem = Problem(str(tmp_path / "x <b>y.txt"), "the file is empty")
    window.problems_view.append([problem])
    box = window.problems_view.details_box(problem)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert "the file is empty" in box.text() and problem.path in box.text()
    opened = []
    monkeypatch.setattr(problems_view.QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window.problems_view.open_folder(problem.path)
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]


def test_html_in_the_source_is_shown_literally_and_nothing_is_fetched(qtbot, window, tmp_path):
    src = tmp_path / "inj.txt"
    src.write_text(
        "Тестовое интервью с экспертом Иваном Петровым о безопасности.\n\n"
        f"— Что будет, если в тексте встретится {INJECTION} прямо в вопросе?\n\n"
        f"— Ничего особенного: {INJECTION} показывается как есть.\n\n"
        "— А второй вопрос?\n\n— Второй ответ.\n",
        encoding="utf-8",
    )
    window.show()
    open_and_wait(qtbot, window, [src])
    pane = window.reading_pane
    assert pane.exchange_count() == 2
    text = plain(window)
    assert f"встретится {INJECTION} прямо" in text
    assert f"особенного: {INJECTION} показывается" in text
    pane.set_whole_interview(True)
    pane.set_show_removed(True)
    pane.text.viewport().repaint()
    assert plain(window).count(INJECTION) == 2
    # no fragment became an image or a link
    block = pane.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            assert not fmt.isImageFormat() and not fmt.isAnchor()
            it += 1
        block = block.next()
    assert pane.text.resource_requests == 0


@needs_seeds
def test_state_is_restored_in_a_second_window(qtbot, settings_file, tmp_path):
    w1 = make_window(qtbot, settings_file, tmp_path)
    w1.show()
    qtbot.waitExposed(w1)
    open_and_wait(qtbot, w1, [SEEDS])
    w1.resize(780, 580)  # restoreGeometry keeps windows on screen; offscreen's is 800x600
    w1.interview_list.select_row(row_of_file(w1, "004_479993717eb85b9c.txt"))
    w1.reading_pane.go_to(4)
    w1.reading_pane.zoom_in()
    w1.reading_pane.zoom_in()
    w1.reading_pane.set_show_removed(True)
    w1.search_dock.hide()
    target = w1.reading_pane.interview().id
    w1.close()

    w2 = make_window(qtbot, settings_file, tmp_path)
    try:
        assert (w2.width(), w2.height()) == (780, 580)
        assert w2.reading_pane.zoom() == 2
        assert w2.reading_pane.shows_removed()
        assert w2.search_dock.isHidden() and not w2.themes_dock.isHidden()
        with qtbot.waitSignal(w2.loader.finished, timeout=LOAD_TIMEOUT):
            assert w2.restore_last_corpus()
        assert w2.corpus_paths == [str(SEEDS)]
        assert w2.reading_pane.interview().id == target
        assert w2.interview_list.current_interview_id() == target
        assert w2.reading_pane.current_number() == 4
        assert truths()["004_479993717eb85b9c.txt"]["questions"][3] in plain(w2)
        assert w2.recent.corpora()[0] == [str(SEEDS)]
    finally:
        w2.loader.shutdown()


@needs_seeds
def test_dropping_a_folder_opens_it(qtbot, window):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SEEDS))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.loader.finished, timeout=LOAD_TIMEOUT):
        window.dropEvent(event)
    assert window.interview_list.visible_count() == 5


def test_shortcuts_dialog_lists_the_actions(qtbot, window):
    rows = {(menu, action): keys for menu, action, keys in window.shortcut_rows()}
    assert "Alt+Right" in rows[("Go", "Next Question")]
    assert "Ctrl+PgDown" in rows[("Go", "Next Question")]
    assert "Alt+Left" in rows[("Go", "Previous Question")]
    assert "Ctrl+O" in rows[("File", "Open Files…")]
    assert "Ctrl+=" in rows[("View", "Zoom In")]
    assert "Ctrl+0" in rows[("View", "Reset Zoom")]
    from PySide6.QtWidgets import QTableWidget

    table = window.shortcuts_dialog().findChild(QTableWidget)
    assert table.rowCount() == len(rows) >= 12


def test_panels_can_be_replaced(qtbot, window):
    from PySide6.QtWidgets import QLabel

    from kzreader.gui.dock_layout import set_panel

    panel = QLabel("themes")
    panel.setObjectName("mine")
    set_panel(window.themes_dock, panel)
    assert window.themes_dock.widget().widget() is panel  # in a scroll area
    assert window.themes_dock.widget().objectName() == "mine_scroll"
    assert window.themes_dock.objectName() == "themes_dock"
    for name in ("bookmarks_dock", "search_dock", "problems_dock", "interviews_dock"):
        assert getattr(window, name).objectName() == name
    assert window.dockWidgetArea(window.themes_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert window.dockWidgetArea(window.problems_dock) == Qt.DockWidgetArea.BottomDockWidgetArea
