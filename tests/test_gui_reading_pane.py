"""The reading pane on hand-built interviews: offsets, highlights, modes, zoom, junk."""
from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QColor, QTextCursor  # noqa: E402

from kzreader.core.model import Exchange, Interview, Paragraph, Span, Turn  # noqa: E402
from kzreader.gui.reading.reading_pane import ReadingPane  # noqa: E402

# A small source with offsets worked out by hand (the emoji is one Python character but two
# UTF-16 units, which is what QTextDocument counts).
SOURCE = (
    "Лид: беседа с экспертом.\n"  # 0..24
    "Фото: архив\n"  # 25..36 (removed)
    "— Первый вопрос?\n"  # dash at 37, text 39..53
    "— Ответ 🙂 один.\n"  # dash at 54, text 56..69 ("один" 64..68)
    "Второй абзац ответа.\n"  # 70..90
    "— Второй вопрос?\n"  # text 93..107
    "— Ответ два.\n"  # text 110..120
)


def para(text: str) -> Paragraph:
    start = SOURCE.index(text)
    return Paragraph(start, start + len(text), text)


def turn(role, *texts):
    return Turn(role, tuple(para(t) for t in texts))


@pytest.fixture
def interview():
    return Interview(
        id="iv1",
        path="/tmp/sample.txt",
        title="Заголовок <b>не HTML</b>",
        interviewee="Иван Петров",
        role="эксперт",
        date="2024-01-02",
        source="Outlet",
        lead=(para("Лид: беседа с экспертом."),),
        exchanges=(
            Exchange(1, turn("question", "Первый вопрос?"), turn("answer", "Ответ 🙂 один.", "Второй абзац ответа.")),
            Exchange(2, turn("question", "Второй вопрос?"), turn("answer", "Ответ два.")),
        ),
        removed=(Span(25, 36, "credit", "Фото: архив"),),
    )


@pytest.fixture
def pane(qtbot, interview):
    p = ReadingPane()
    qtbot.addWidget(p)
    p.resize(700, 500)
    p.set_interview(interview)
    return p


def select(pane: ReadingPane, needle: str, occurrence: int = 0) -> None:
    doc = pane.document()
    cursor = doc.find(needle)
    for _ in range(occurrence):
        cursor = doc.find(needle, cursor)
    assert not cursor.isNull(), needle
    pane.text.setTextCursor(cursor)


def test_offsets_agree_with_the_source(interview):
    assert SOURCE[39:53] == "Первый вопрос?"
    assert SOURCE[56:69] == "Ответ 🙂 один."
    assert SOURCE[64:68] == "один"
    assert SOURCE[110:120] == "Ответ два."


def test_first_exchange_shows_lead_question_and_answer_only(pane):
    text, invitation = pane.document().toPlainText().rsplit("\n", 1)
    # under the answer, a line that invites the reader on to the next question
    assert invitation == "Space: question 2 — Второй вопрос?"
    assert "Лид: беседа с экспертом." in text
    assert "Первый вопрос?" in text and "Второй абзац ответа." in text
    assert "Второй вопрос?" not in text
    assert "Фото: архив" not in text  # removed text hidden by default
    assert pane.position_label.text() == "Question 1 of 2"
    assert pane.title_label.text() == "Заголовок <b>не HTML</b>"  # plain text label
    assert pane.meta_label.text() == "Иван Петров, эксперт  ·  Outlet  ·  2024-01-02"
    assert pane.navigator.count() == 2
    assert pane.navigator.item(1).text() == "2. Второй вопрос?"


def test_selection_maps_to_source_offsets(pane, interview):
    select(pane, "один")  # after the emoji: document and Python offsets differ by one
    iv, start, end = pane.selection_source_range()
    assert iv is interview
    assert (start, end) == (64, 68)
    assert SOURCE[start:end] == "один"

    # a selection across two answer paragraphs covers the source between them
    doc = pane.document()
    a = doc.find("🙂").selectionStart()
    b = doc.find("абзац").selectionEnd()
    cursor = QTextCursor(doc)
    cursor.setPosition(a)
    cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
    pane.text.setTextCursor(cursor)
    _, start, end = pane.selection_source_range()
    assert SOURCE[start:end] == "🙂 один.\nВторой абзац"

    # one that leaves the question's box grows to the whole box (Qt selects frames whole)
    cursor.setPosition(doc.find("вопрос?").selectionStart())
    cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
    pane.text.setTextCursor(cursor)
    _, start, end = pane.selection_source_range()
    assert SOURCE[start:end] == "Первый вопрос?\n— Ответ 🙂 один.\nВторой абзац"


def test_selection_of_a_label_only_is_none(pane):
    pane.set_whole_interview(True)
    select(pane, "Question 2 of 2")
    assert pane.selection_source_range() is None
    pane.text.setTextCursor(QTextCursor(pane.document()))
    assert pane.selection_source_range() is None


def test_highlights_follow_the_source_across_rerenders(pane):
    pane.highlight_source_ranges([(64, 68), (110, 115)], QColor("yellow"), key="search")
    sels = pane.text.extraSelections()
    assert [s.cursor.selectedText() for s in sels] == ["один"]  # exchange 2 is not shown
    pane.go_to(2)
    assert [s.cursor.selectedText() for s in pane.text.extraSelections()] == ["Ответ"]
    pane.set_whole_interview(True)
    texts = sorted(s.cursor.selectedText() for s in pane.text.extraSelections())
    assert texts == ["Ответ", "один"]
    pane.highlight_source_ranges([(39, 45)], QColor("green"), key="bookmarks")
    assert len(pane.text.extraSelections()) == 3
    pane.clear_highlights("search")
    assert [s.cursor.selectedText() for s in pane.text.extraSelections()] == ["Первый"]


def test_next_previous_and_signal(qtbot, pane):
    with qtbot.waitSignal(pane.current_exchange_changed) as blocker:
        assert pane.next_question()
    assert blocker.args == ["iv1", 2]
    assert not pane.next_question()
    assert pane.current_number() == 2
    assert pane.previous_question()
    assert not pane.previous_question()
    assert not pane.prev_action.isEnabled() and pane.next_action.isEnabled()


def test_whole_interview_shows_every_exchange_in_order(pane):
    pane.set_whole_interview(True)
    text = pane.document().toPlainText()
    order = [text.index(s) for s in ("Лид", "Question 1 of 2", "Первый вопрос?", "Ответ 🙂",
                                      "Question 2 of 2", "Второй вопрос?", "Ответ два.")]
    assert order == sorted(order)
    pane.go_to(2)
    assert pane.position_label.text() == "Question 2 of 2"
    pane.set_whole_interview(False)
    assert "Первый вопрос?" not in pane.document().toPlainText()


def test_removed_text_is_shown_on_demand_and_marked(pane):
    pane.set_show_removed(True)
    text = pane.document().toPlainText()
    assert "Left out: Photo credit" in text  # what it is, in words
    # where it sat in the source: after the lead, before the first question
    assert text.index("Лид") < text.index("Left out: Photo credit") < text.index("Фото: архив") < text.index("Первый")
    pane.go_to(2)
    assert "Фото" not in pane.document().toPlainText()
    pane.go_to(1)
    pane.set_show_removed(False)
    assert "Фото" not in pane.document().toPlainText()


def test_zoom_changes_the_reading_font(qtbot, pane):
    base = pane.document().defaultFont().pointSizeF()
    with qtbot.waitSignal(pane.zoom_changed) as blocker:
        pane.zoom_in()
    assert blocker.args == [1]
    assert pane.document().defaultFont().pointSizeF() == pytest.approx(base * 1.1)
    pane.zoom_out()
    pane.zoom_out()
    assert pane.document().defaultFont().pointSizeF() < base
    pane.reset_zoom()
    assert pane.document().defaultFont().pointSizeF() == pytest.approx(base)
    for _ in range(50):
        pane.zoom_in()
    assert pane.zoom() == 12  # bounded


def test_reading_width_is_limited_and_centred(qtbot, pane):
    pane.show()
    qtbot.waitExposed(pane)
    pane.resize(1600, 600)
    fmt = pane.document().rootFrame().frameFormat()
    width = pane.text.viewport().width() - fmt.leftMargin() - fmt.rightMargin()
    em = pane.reading_font().pixelSize() if pane.reading_font().pixelSize() > 0 else None
    assert fmt.leftMargin() == pytest.approx(fmt.rightMargin())
    assert fmt.leftMargin() > 100
    if em:
        assert width <= 40 * em + 1


def test_show_source_offset_moves_to_the_exchange(pane):
    assert pane.show_source_offset(112)
    assert pane.current_number() == 2
    assert pane.text.textCursor().position() == pane.document_position(112)
    assert pane.document().characterAt(pane.document_position(112)) == "в"  # Ответ: О,т,в


def test_no_interview_and_no_exchanges(qtbot):
    pane = ReadingPane()
    qtbot.addWidget(pane)
    assert "No interview is open" in pane.document().toPlainText()
    assert pane.current_number() == 0
    bare = Interview(id="x", path="/tmp/x.txt", lead=(Paragraph(0, 4, "Text"),))
    pane.set_interview(bare)
    assert pane.position_label.text() == "No questions"
    assert "Text" in pane.document().toPlainText()
    assert not pane.next_question()


def test_the_last_answer_ends_the_interview_in_words(pane):
    pane.go_to(2)
    assert pane.document().toPlainText().rsplit("\n", 1)[1] == "End of the interview. Alt+Down opens the next one."
    # with a filter, the invitation names the next question the filter keeps
    pane.go_to(1)
    pane.set_exchange_filter([1])
    assert pane.document().toPlainText().rsplit("\n", 1)[1] == "End of the interview. Alt+Down opens the next one."
    pane.set_exchange_filter(None)
    assert pane.document().toPlainText().rsplit("\n", 1)[1] == "Space: question 2 — Второй вопрос?"


def test_removed_kinds_read_as_words():
    from kzreader.gui.reading.removed_labels import removed_label

    assert removed_label("counter") == "Left out: View counter"
    assert removed_label("headline list") == "Left out: List of other articles"
    assert removed_label("some new kind") == "Left out of the text"
