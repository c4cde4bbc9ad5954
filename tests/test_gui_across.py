"""The cross-reading window driven from a theme, a search and "similar questions": what it
lists, bookmarking and quoting from it (same anchors and citations as the reading pane),
opening an exchange from it, building lazily, and the REFI-QDA export from the File menu."""
from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt, QUrl  # noqa: E402
from PySide6.QtGui import QTextCursor  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kzreader.core.sources.sources import read_source  # noqa: E402
from kzreader.gui.across.across_view import CHUNK, MODE_SIMILAR  # noqa: E402
from kzreader.gui.main_window import MainWindow  # noqa: E402
from kzreader.gui.search.search_controller import MATCH_COLOUR  # noqa: E402

from corpus_helpers import write_interviews  # noqa: E402
from gui_helpers import make_window, open_and_wait  # noqa: E402

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
SAMPLES = Path(__file__).resolve().parents[1] / "kzreader" / "resources" / "samples"
TRANSPORT = "transport_logistics"
# read by hand: the exchanges of the samples that carry the transport theme
TRANSPORT_EXCHANGES = {("transport_corridors.md", n) for n in (1, 2, 3, 5, 6, 7)} | {("culture_qa_en.txt", 4)}


@pytest.fixture
def window(qtbot, tmp_path):
    windows = []

    def open_(paths) -> MainWindow:
        w = make_window(qtbot, tmp_path)
        windows.append(w)
        w.show()
        qtbot.waitExposed(w)
        open_and_wait(qtbot, w, paths)
        return w

    yield open_
    for w in windows:
        if w.__dict__.get("across") is not None and w.across.win is not None:
            w.across.win.close()
        w.loader.shutdown()


@pytest.fixture
def samples(tmp_path) -> Path:
    folder = tmp_path / "samples"
    shutil.copytree(SAMPLES, folder)
    return folder


def _activate(qtbot, win) -> None:
    """Make ``win`` the active window, as a click into it does: the keys go to the window the
    reader is in.  Offscreen, or under Xvfb without a window manager, nothing else does it."""
    import warnings

    win.activateWindow()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        QApplication.setActiveWindow(win)
    qtbot.waitUntil(win.isActiveWindow)


def _names(w, items):
    return [(Path(w.corpus.by_id(i.interview_id).path).name, i.number) for i in items]


def _select(view, words: str) -> None:
    view.build_all()
    found = view.text.document().find(words)
    assert not found.isNull(), words
    cursor = QTextCursor(view.text.document())
    cursor.setPosition(found.selectionStart())
    cursor.setPosition(found.selectionEnd(), QTextCursor.MoveMode.KeepAnchor)
    view.text.setTextCursor(cursor)
    view.text.setFocus()


def _background_at(view, words: str):
    found = view.text.document().find(words)
    assert not found.isNull(), words
    cursor = QTextCursor(view.text.document())
    cursor.setPosition(found.selectionStart() + 1)
    brush = cursor.charFormat().background()
    return None if brush.style() == Qt.BrushStyle.NoBrush else brush.color()


def test_theme_lists_every_exchange_carrying_it(qtbot, window, samples):
    w = window([samples])
    win = w.across.show_theme(TRANSPORT)
    view = win.view
    assert set(_names(w, view.items())) == TRANSPORT_EXCHANGES
    # grouped by interview (corpus order), exchanges by number
    names = _names(w, view.items())
    assert names == sorted(names, key=lambda nn: ([iv.path for iv in w.corpus.interviews].index(
        str(samples / nn[0])), nn[1]))
    text = view.text.document().toPlainText()
    assert "Dana Akhmetova" in text and "Ерлан Муратович Сарсенбаев" in text and "Question 4 of 8" in text
    assert "Open in interview" in text
    # the theme's words are marked, in the theme's colour
    theme = w.themes.lexicon.get(TRANSPORT)
    colour = _background_at(view, "logistics")
    assert colour.name() == theme.colour.lower() and colour.alpha() < 255
    assert _background_at(view, "That") is None  # an ordinary word is not

    # by date: the dated interview (2024-05-17) before the undated one
    view.set_order("date")
    assert _names(w, view.items())[-1] == ("culture_qa_en.txt", 4)
    assert view.count_label.text() == "7 exchanges in 2 interviews"  # English without a translation


def test_search_lists_matches_with_marks(qtbot, window, samples):
    w = window([samples])
    win = w.across.show_search("коридор")
    view = win.view
    items = view.items()
    assert items and all(it.spans for it in items)
    for it in items:
        iv = w.corpus.by_id(it.interview_id)
        text = read_source(iv.path).text
        ex = iv.exchanges[it.number - 1]
        for s, e in it.spans:
            assert text[s:e].lower().startswith("коридор")
            assert ex.question.start <= s and e <= ex.answer.end
    # every match is marked in the search colour, and nothing else that reads "коридор" is
    # (interview titles in the headers hold the word too)
    view.build_all()
    doc = view.text.document()
    marked = unmarked = 0
    found = doc.find("коридор")
    while not found.isNull():
        cursor = QTextCursor(doc)
        cursor.setPosition(found.selectionStart() + 1)
        brush = cursor.charFormat().background()
        if brush.style() == Qt.BrushStyle.NoBrush:
            unmarked += 1
        else:
            assert brush.color() == MATCH_COLOUR
            marked += 1
        found = doc.find("коридор", found.selectionEnd())
    assert marked == sum(len(it.spans) for it in items) and unmarked > 0
    # typing another query and Enter asks again
    view.query_edit.setText("nonexistentword")
    qtbot.keyClick(view.query_edit, Qt.Key.Key_Return)
    assert view.items() == [] and "No exchange matches" in view.text.document().toPlainText()


def test_similar_questions_follow_one_question(qtbot, window, seeds_dir):
    w = window([seeds_dir])
    iv = next(i for i in w.corpus.interviews if i.path.endswith("002_2b1ee1819a5415bb.txt"))
    w.show_interview(iv.id, 5)
    _activate(qtbot, w)
    qtbot.keyClick(w.reading_pane.text, Qt.Key.Key_S, CTRL_SHIFT)  # Go ▸ Similar Questions
    win = w.across.win
    assert win is not None and win.view.mode() == MODE_SIMILAR
    qtbot.waitUntil(lambda: len(win.view.items()) > 1, timeout=10_000)
    assert w.similar_action in w.reading_pane.text.extra_context_actions  # also in the text's context menu
    items = win.view.items()
    assert (items[0].interview_id, items[0].number) == (iv.id, 5)  # the question followed, first
    assert all(it.interview_id != iv.id for it in items[1:])
    # read by hand: 004's first question is about the same Declaration and its signing
    assert _names(w, items[1:2]) == [("004_479993717eb85b9c.txt", 1)]
    # the shared words are marked: "подписание" in 004's question (the followed one has "Подписание")
    assert _background_at(win.view, "подписание Декларации о переходе") == MATCH_COLOUR


def test_bookmark_and_quote_match_the_reading_pane(qtbot, window, samples):
    w = window([samples])
    win = w.across.show_theme(TRANSPORT)
    _activate(qtbot, win)
    phrase = "affordable transport"
    _select(win.view, phrase)
    qtbot.keyClick(win.view.text, Qt.Key.Key_D, CTRL)
    store = w.bookmarks.store
    (b,) = store.list()
    iv = w.corpus.by_id(b.interview_id)
    text = read_source(iv.path).text
    assert b.anchor.exact == phrase and b.anchor.start == text.index(phrase) and b.exchange == 4

    QApplication.clipboard().clear()
    qtbot.keyClick(win.view.text, Qt.Key.Key_C, CTRL_SHIFT)
    across_quote = QApplication.clipboard().mimeData().text()
    assert across_quote.startswith("“[…] affordable transport […]”\n— Dana Akhmetova")

    # the same words selected in the reading pane: the same anchor, the same citation
    w.show_interview(iv.id, 4)
    pane = w.reading_pane
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.document_position(b.anchor.start))
    cursor.setPosition(pane.document_position(b.anchor.end), QTextCursor.MoveMode.KeepAnchor)
    pane.text.setTextCursor(cursor)
    QApplication.clipboard().clear()
    w.quotes.copy_as_quote()
    assert QApplication.clipboard().mimeData().text() == across_quote
    store.delete(b.id)
    bid = w.bookmarks.bookmark_selection()
    pane_b = store.get(bid)
    assert (pane_b.anchor, pane_b.exchange) == (b.anchor, b.exchange)


def test_bookmark_without_selection_takes_the_exchange(qtbot, window, samples):
    w = window([samples])
    win = w.across.show_theme(TRANSPORT)
    view = win.view
    second = view.items()[1]
    cursor = QTextCursor(view.text.document())
    cursor.setPosition(view.item_document_position(1) + 1)
    view.text.setTextCursor(cursor)
    assert w.across.bookmark() is not None
    (b,) = w.bookmarks.store.list()
    ex = w.corpus.by_id(second.interview_id).exchanges[second.number - 1]
    assert (b.interview_id, b.exchange) == (second.interview_id, second.number)
    assert (b.anchor.start, b.anchor.end) == (ex.question.start, ex.answer.end)


def test_open_from_a_theme_marks_the_theme_words_in_the_pane(qtbot, window, samples):
    w = window([samples])
    win = w.across.show_theme(TRANSPORT)
    index = next(i for i, it in enumerate(win.view.items()) if _names(w, [it]) == [("culture_qa_en.txt", 4)])
    win.view.text.anchorClicked.emit(QUrl(f"item:{index}"))
    pane = w.reading_pane
    assert pane.current_number() == 4
    ranges, colour = pane._highlights["across"]
    text = read_source(pane.interview().path).text
    assert sorted(text[s:e] for s, e in ranges) == ["logistics", "transport"]
    assert colour.name() == w.themes.lexicon.get(TRANSPORT).colour.lower()


def test_open_an_exchange_from_the_view(qtbot, window, samples):
    w = window([samples])
    win = w.across.show_search("коридор")
    target = win.view.items()[-1]
    win.view.text.anchorClicked.emit(QUrl(f"item:{len(win.view.items()) - 1}"))
    pane = w.reading_pane
    assert pane.interview().id == target.interview_id and pane.current_number() == target.number


def test_view_builds_lazily_as_it_scrolls(qtbot, window, tmp_path):
    folder = tmp_path / "many"
    write_interviews(folder, 60, "— Как идут перевозки по железной дороге {n}?\n\n— Транзит грузов растёт.\n")
    w = window([folder])
    win = w.across.show_theme(TRANSPORT)
    view = win.view
    total = len(view.items())
    assert total == 60  # every file's exchange carries the theme
    qtbot.wait(50)
    assert CHUNK <= view.built_count() < total
    bar = view.text.verticalScrollBar()
    for _ in range(40):
        if view.built_count() == total:
            break
        bar.setValue(bar.maximum())
        qtbot.wait(20)
    assert view.built_count() == total


def test_export_qdpx_from_the_window(qtbot, window, samples, tmp_path):
    w = window([samples])
    out = tmp_path / "out.qdpx"
    job = w.across.export_qdpx(str(out))
    with qtbot.waitSignal(job.finished, timeout=20_000):
        pass
    assert job.result.sources == 4 and job.result.codings > 0
    with zipfile.ZipFile(out) as zf:
        assert "project.qde" in zf.namelist()
        assert sum(n.startswith("sources/") for n in zf.namelist()) == 4
    assert "Exported 4 interviews" in w.statusBar().currentMessage()
    assert w.findChild(type(w.export_qdpx_action), "action_export_qdpx") is w.export_qdpx_action
