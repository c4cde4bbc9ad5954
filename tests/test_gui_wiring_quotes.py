"""Copy as Quote (Ctrl+Shift+C) and Copy Exchange wired into the window: one clipboard item
with plain text, HTML and Markdown, language-correct marks and a citation without gaps."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtGui import QTextCursor  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kzreader.gui.main_window import MainWindow  # noqa: E402

LOAD_TIMEOUT = 20_000
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
SAMPLES = Path(__file__).resolve().parents[1] / "kzreader" / "resources" / "samples"

INTERVIEW = """Энергетика без границ

— Как вы оцениваете сотрудничество в энергетике?

— Сотрудничество развивается быстро. Мы построили новые линии электропередачи, и это только начало большой работы.

— Что будет дальше?

— Дальше будут новые проекты в области атомной энергетики.
"""
SIDECAR = """title: Энергетика без границ
interviewee: Иван Петров
role: министр энергетики
interviewer: Мария Сидорова
source: Деловая газета
date: 2025-03-01
"""
CITE = "Иван Петров, министр энергетики. «Энергетика без границ», Деловая газета, 2025-03-01"


@pytest.fixture
def make(qtbot, tmp_path):
    windows = []

    def open_(paths) -> MainWindow:
        settings = QSettings(str(tmp_path / "settings" / "kzreader.ini"), QSettings.Format.IniFormat)
        w = MainWindow(settings, str(tmp_path / "data"), str(tmp_path / "cache"))
        qtbot.addWidget(w)
        windows.append(w)
        w.show()  # shortcuts only reach a shown window
        qtbot.waitExposed(w)
        w.activateWindow()
        with qtbot.waitSignal(w.loader.finished, timeout=LOAD_TIMEOUT):
            w.open_paths([str(p) for p in paths])
        return w

    yield open_
    for w in windows:
        w.loader.shutdown()


@pytest.fixture
def handmade(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "energy.txt").write_text(INTERVIEW, encoding="utf-8")
    (folder / "energy.yaml").write_text(SIDECAR, encoding="utf-8")
    return folder / "energy.txt"


def select_words(w: MainWindow, words: str, number: int) -> None:
    """Select the first occurrence of ``words`` in exchange ``number`` as shown."""
    pane = w.reading_pane
    pane.go_to(number)
    found = pane.document().find(words)
    assert not found.isNull(), words
    cursor = QTextCursor(pane.document())
    cursor.setPosition(found.selectionStart())
    cursor.setPosition(found.selectionEnd(), QTextCursor.MoveMode.KeepAnchor)
    pane.text.setTextCursor(cursor)
    pane.text.setFocus()


def copy_quote(qtbot, w: MainWindow):
    QApplication.clipboard().clear()
    qtbot.keyClick(w.reading_pane.text, Qt.Key.Key_C, CTRL_SHIFT)
    mime = QApplication.clipboard().mimeData()
    assert mime.hasText() and mime.hasHtml() and mime.hasFormat("text/markdown")
    return mime.text(), mime.html(), bytes(mime.data("text/markdown")).decode("utf-8")


def test_quote_from_an_answer(qtbot, make, handmade):
    w = make([handmade])
    select_words(w, "Мы построили новые линии электропередачи", 1)
    plain, html, markdown = copy_quote(qtbot, w)
    # the sentence goes on after the selection: "[…]" marks the cut
    assert plain == f"«Мы построили новые линии электропередачи […]»\n— {CITE}, вопрос 1"
    assert "«Мы построили новые линии электропередачи […]»" in html and "<blockquote>" in html
    assert markdown.startswith("> «Мы построили новые линии электропередачи […]»")
    assert "**Иван Петров**" in markdown and "None" not in plain + html + markdown

    select_words(w, "построили новые линии", 1)
    plain, _, _ = copy_quote(qtbot, w)
    assert plain.startswith("«[…] построили новые линии […]»\n")


def test_quote_from_a_question_cites_the_interviewer(qtbot, make, handmade):
    w = make([handmade])
    select_words(w, "Как вы оцениваете сотрудничество в энергетике?", 1)
    plain, _, _ = copy_quote(qtbot, w)
    assert plain == ("«Как вы оцениваете сотрудничество в энергетике?»\n"
                     "— Мария Сидорова. «Энергетика без границ», Деловая газета, 2025-03-01, вопрос 1")


def test_seed_quotes_have_no_gaps(qtbot, make, seeds_dir):
    w = make([seeds_dir / "001_d0bdc066c311a20c.txt", seeds_dir / "002_2b1ee1819a5415bb.txt"])
    w.interview_list.select_interview(next(iv.id for iv in w.corpus.interviews if iv.path.endswith("001_d0bdc066c311a20c.txt")))
    iv = w.reading_pane.interview()
    answer = iv.exchanges[1].answer.paragraphs[0].text
    words = " ".join(answer.split()[:6])
    select_words(w, words, 2)
    plain, html, markdown = copy_quote(qtbot, w)
    assert plain.startswith(f"«{words}")
    cite = plain.split("\n— ", 1)[1]
    assert cite.startswith(iv.interviewee) and iv.title in cite and iv.source in cite
    assert "вопрос 2" in cite and "None" not in plain + html + markdown

    # 002 has no interviewer: a question is quoted without a speaker
    w.interview_list.select_interview(next(i.id for i in w.corpus.interviews if i.path.endswith("002_2b1ee1819a5415bb.txt")))
    iv = w.reading_pane.interview()
    question = " ".join(iv.exchanges[1].question.text.split()[:5])
    select_words(w, question, 2)
    plain, html, markdown = copy_quote(qtbot, w)
    cite = plain.split("\n— ", 1)[1]
    assert iv.interviewee not in plain and cite.startswith(iv.date)
    assert "вопрос 2" in cite and "None" not in plain + html + markdown


def test_english_quote_uses_english_marks(qtbot, make, tmp_path):
    path = tmp_path / "culture_qa_en.txt"
    shutil.copy(SAMPLES / "culture_qa_en.txt", path)
    w = make([path])
    select_words(w, "As a conversation that never really stopped.", 1)
    plain, _, _ = copy_quote(qtbot, w)
    assert plain.startswith("“As a conversation that never really stopped.”\n— Dana Akhmetova")
    assert "«" not in plain and "question 1" in plain


def test_copy_exchange(qtbot, make, handmade):
    w = make([handmade])
    w.reading_pane.go_to(2)
    QApplication.clipboard().clear()
    w.copy_exchange_action.trigger()
    mime = QApplication.clipboard().mimeData()
    assert mime.text() == ("Вопрос: Что будет дальше?\n\n"
                           "Ответ: «Дальше будут новые проекты в области атомной энергетики.»\n"
                           f"— {CITE}, вопрос 2")
    assert mime.hasHtml() and mime.hasFormat("text/markdown")
    # it is in the Edit menu and the reading pane's context menu, with a shortcut
    assert w.copy_exchange_action in w.reading_pane.text.extra_context_actions
    assert not w.copy_exchange_action.shortcut().isEmpty()


def test_ctrl_c_copies_plain_words_only(qtbot, make, handmade):
    w = make([handmade])
    select_words(w, "Мы построили новые линии электропередачи", 1)
    QApplication.clipboard().clear()
    qtbot.keyClick(w.reading_pane.text, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    mime = QApplication.clipboard().mimeData()
    assert mime.text() == "Мы построили новые линии электропередачи"
    assert not mime.hasHtml()


def test_preferences_choose_the_citation_language_and_the_local_path(qtbot, make, handmade):
    w = make([handmade])
    dialog = w.show_preferences()  # deletes itself on close
    assert dialog.cite_language_combo.currentData() == "auto"
    assert not dialog.include_path_check.isChecked()  # no local path unless asked for
    dialog.cite_language_combo.setCurrentIndex(dialog.cite_language_combo.findData("en"))
    dialog.include_path_check.setChecked(True)
    assert dialog.preview_text().endswith("question 3. https://example.kz/atom")  # a URL wins over the path
    with qtbot.waitSignal(dialog.citation_changed):
        dialog.accept()
    select_words(w, "Мы построили новые линии электропередачи", 1)
    plain, html, markdown = copy_quote(qtbot, w)
    uri = handmade.as_uri()
    # English words and title marks for the Russian quote, which keeps its own marks
    assert plain == ("«Мы построили новые линии электропередачи […]»\n— Иван Петров, министр энергетики. "
                     f"“Энергетика без границ”, Деловая газета, 2025-03-01, question 1. {uri}")
    assert uri in markdown and uri in html
    # the bookmarks panel cites the same way, and names every CSV column in the interface language
    panel = w.bookmarks.panel
    assert panel._citation_options.language == "en" and panel._citation_options.include_path
    from kzreader.core.annotations.export import CSV_COLUMNS

    assert {f"column:{c}" for c in CSV_COLUMNS} <= set(panel._labels())
