"""Copy and export from the bookmarks panel, and the citation Preferences."""
from __future__ import annotations

import csv

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QItemSelectionModel, QSettings, Qt  # noqa: E402
from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog  # noqa: E402

from kzreader.core.annotations.bookmarks import BookmarkStore  # noqa: E402
from kzreader.core.annotations.citation import STYLES  # noqa: E402
from kzreader.core.parsing import parse_text  # noqa: E402
from kzreader.gui.bookmarks.bookmarks_model import ID_ROLE  # noqa: E402
from kzreader.gui.bookmarks.bookmarks_panel import MARKDOWN_MIME, BookmarksPanel  # noqa: E402
from kzreader.gui.preferences import KEY_LANGUAGE, KEY_STYLE, KEY_TEMPLATE, PreferencesDialog  # noqa: E402

RU = ("Атом и степь\n\nМы поговорили с инженером-атомщиком Ерланом Сагадиевым о первой АЭС, сообщает Пример.kz\n\n"
      "— Когда начнётся стройка?\n\n— Весной, если всё пойдёт по плану. Как говорят у нас, «строим „на века“». "
      "Это главное.\n")
EN = "Q: Why now?\n\nA: Because demand grew, and the corridor is open.\n"
EN_META = {"title": "Ports of the Caspian", "interviewee": "Dana Miles", "role": "logistics analyst",
           "source": "The Steppe Herald", "date": "2023-05-17", "url": "https://herald.example/ports_2023"}
Q_RU = "Как говорят у нас, «строим „на века“»."
Q_EN = "demand grew"

CITE_RU = "Ерлан Сагадиев, инженер-атомщик. «Атом и степь», Пример.kz, вопрос 1"
CITE_EN = ("Dana Miles, logistics analyst. “Ports of the Caspian”, The Steppe Herald, 2023-05-17, question 1. "
           "https://herald.example/ports_2023")


@pytest.fixture
def setup(qtbot, tmp_path):
    ru = parse_text(RU, "/corpus/atom.txt")
    en = parse_text(EN, "/corpus/ports.txt", metadata=EN_META)
    store = BookmarkStore(tmp_path / "bookmarks.json")
    ids = {}
    for key, iv, text, quote, note, tags in (
        ("ru", ru, RU, Q_RU, "<b>главное</b>", ["сроки"]),
        ("en", en, EN, Q_EN, "", []),
        ("ru2", ru, RU, "Весной", "", []),
    ):
        s = text.index(quote)
        ids[key] = store.create(iv.id, iv.path, text, s, s + len(quote), exchange=1, note=note, tags=tags).id
    stack = QUndoStack()
    panel = BookmarksPanel(store, stack, {ru.id: ru, en.id: en}.get)
    panel._stack_ref = stack
    qtbot.addWidget(panel)
    return panel, ids


def _select(panel, ids):
    sm = panel.view.selectionModel()
    sm.clearSelection()
    for row in range(panel.proxy.rowCount()):
        idx = panel.proxy.index(row, 0)
        if idx.data(ID_ROLE) in ids:
            sm.select(idx, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def test_copy_selected_puts_three_formats_on_the_clipboard(setup):
    panel, ids = setup
    _select(panel, {ids["ru"], ids["en"]})
    assert panel.copy_selected()
    mime = QApplication.clipboard().mimeData()
    # ordered by interview: "Ports…" sorts before "Атом…"
    assert mime.text() == (
        "“[…] demand grew […]”\n— " + CITE_EN + "\n\n"
        "«Как говорят у нас, „строим „на века““.»\n— " + CITE_RU + "\nNote: <b>главное</b>\nTags: сроки"
    )
    html_text = mime.html()
    assert "<blockquote><p>«Как говорят у нас, „строим „на века““.»</p><footer>— " + CITE_RU in html_text
    assert "&lt;b&gt;главное&lt;/b&gt;" in html_text and "<b>главное</b>" not in html_text
    assert mime.hasFormat(MARKDOWN_MIME)
    md = bytes(mime.data(MARKDOWN_MIME)).decode("utf-8")
    assert md.startswith("> “[…] demand grew […]”\n>\n> — **Dana Miles**, logistics analyst.")
    assert "> «Как говорят у нас, „строим „на века““.»\n>\n> — **Ерлан Сагадиев**, инженер-атомщик." in md
    assert "**Note:** \\<b\\>главное\\</b\\>" in md


def test_ctrl_c_in_the_list_copies_with_the_chosen_style(setup, qtbot):
    panel, ids = setup
    panel.set_citation_style("gost")
    _select(panel, {ids["ru"]})
    QApplication.clipboard().clear()
    qtbot.keyClick(panel.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().mimeData().text().splitlines()[:2] == [
        "«Как говорят у нас, „строим „на века““.»",
        "— Ерлан Сагадиев (инженер-атомщик) // Атом и степь // Пример.kz. — Вопрос 1",
    ]
    panel.set_citation_style("plain", "{speaker}[ ({year})]")
    assert panel.copy_selected()
    assert QApplication.clipboard().mimeData().text().splitlines()[1] == "— Ерлан Сагадиев"


def _read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def test_export_to_writes_csv(setup, tmp_path, qtbot):
    panel, ids = setup
    out = tmp_path / "all.csv"
    with qtbot.waitSignal(panel.exported) as sig:
        assert panel.export_to(str(out), "csv") == 3
    assert sig.args == [str(out), 3]
    rows = _read_csv(out)
    assert rows[0][:4] == ["interview", "interviewee", "question number", "quote"]
    # Ports first, then the Russian interview by position ("Весной" before the proverb)
    assert [r[3] for r in rows[1:]] == [Q_EN, "Весной", Q_RU]
    assert rows[3][:7] == ["Атом и степь", "Ерлан Сагадиев", "1", Q_RU, "<b>главное</b>", "сроки", CITE_RU]

    _select(panel, {ids["ru2"]})
    out2 = tmp_path / "sel.csv"
    assert panel.export_to(str(out2), "csv", only_selected=True) == 1
    assert [r[3] for r in _read_csv(out2)[1:]] == ["Весной"]


def test_export_dialog_takes_the_format_from_the_filter(setup, tmp_path, qtbot):
    panel, ids = setup
    dlg = panel.open_export_dialog()
    assert isinstance(dlg, QFileDialog)
    html_filter = next(f for f in dlg.nameFilters() if f.startswith("HTML"))
    dlg.selectNameFilter(html_filter)
    dlg.filterSelected.emit(html_filter)
    assert dlg.defaultSuffix() == "html"
    target = tmp_path / "export"  # no suffix: the filter decides the format
    with qtbot.waitSignal(panel.exported) as sig:
        dlg.fileSelected.emit(str(target))
    assert sig.args[1] == 3
    text = target.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in text
    dlg.close()


# --- preferences --------------------------------------------------------------------------------

SAMPLE_QUOTE = "«Как говорят у нас, „строим на века“.»"


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "kzreader.ini"), QSettings.Format.IniFormat)


def test_preview_follows_style_and_template(qtbot, settings):
    dlg = PreferencesDialog(settings)
    qtbot.addWidget(dlg)
    assert dlg.style() == "plain"
    assert dlg.preview_text() == (SAMPLE_QUOTE + "\n— Ерлан Сагадиев, инженер-атомщик. «Атом и степь», Пример.kz, "
                                  "2024-03-15, вопрос 3. https://example.kz/atom")
    dlg.style_combo.setCurrentIndex(dlg.style_combo.findData("gost"))
    assert dlg.template_edit.text() == STYLES["gost"]
    assert dlg.preview_text() == (SAMPLE_QUOTE + "\n— Ерлан Сагадиев (инженер-атомщик) // Атом и степь // "
                                  "Пример.kz. — 2024-03-15. — Вопрос 3. — URL: https://example.kz/atom")
    dlg.template_edit.clear()
    qtbot.keyClicks(dlg.template_edit, "{speaker} ({year})[, p. {page}]")
    assert dlg.preview_text() == SAMPLE_QUOTE + "\n— Ерлан Сагадиев (2024)"
    assert "page" in dlg.template_error.text() and dlg.template_is_valid()  # a warning only
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClicks(dlg.template_edit, " {speaker")  # unbalanced brace
    assert not dlg.template_is_valid() and not ok.isEnabled() and dlg.preview_text() == ""
    dlg.template_edit.setText("{title}")
    assert ok.isEnabled() and dlg.preview_text() == SAMPLE_QUOTE + "\n— Атом и степь"


def test_settings_persist_and_signal(qtbot, settings):
    dlg = PreferencesDialog(settings)
    qtbot.addWidget(dlg)
    dlg.style_combo.setCurrentIndex(dlg.style_combo.findData("apa"))
    dlg.template_edit.setText("{speaker}, {year}")
    dlg.language_combo.setCurrentIndex(dlg.language_combo.findData("ru"))
    with qtbot.waitSignal(dlg.citation_changed) as sig:
        dlg.accept()
    assert sig.args == ["apa", "{speaker}, {year}"]
    assert settings.value(KEY_STYLE) == "apa" and settings.value(KEY_TEMPLATE) == "{speaker}, {year}"
    assert settings.value(KEY_LANGUAGE) == "ru"

    # a new dialog on a fresh QSettings over the same file shows what was stored
    again = PreferencesDialog(QSettings(settings.fileName(), QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    assert (again.style(), again.template(), again.language()) == ("apa", "{speaker}, {year}", "ru")
    # back to the style's own template: stored as empty
    again.style_combo.setCurrentIndex(again.style_combo.findData("markdown"))
    with qtbot.waitSignal(again.citation_changed) as sig:
        again.apply()
    assert sig.args == ["markdown", ""]
    assert settings.value(KEY_TEMPLATE) in ("", None)
    with qtbot.assertNotEmitted(again.citation_changed):
        again.apply()  # nothing changed


def test_preview_with_the_current_interview(qtbot, settings):
    from kzreader.core.annotations.citation import QuoteContext

    en = parse_text(EN, "/corpus/ports.txt", metadata=EN_META)
    ex = en.exchanges[0]
    para = ex.answer.paragraphs[0].text
    i = para.index(Q_EN)
    dlg = PreferencesDialog(settings, (QuoteContext(en, ex), Q_EN, para[:i], para[i + len(Q_EN):]))
    qtbot.addWidget(dlg)
    dlg.style_combo.setCurrentIndex(dlg.style_combo.findData("apa"))
    assert dlg.preview_text() == ("“[…] demand grew […]”\n— Dana Miles (2023). Ports of the Caspian. "
                                  "The Steppe Herald. Question 1. https://herald.example/ports_2023")
