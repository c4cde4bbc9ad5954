"""Translations: the .ts covers every string in the GUI code, translations keep their
placeholders and mnemonics, the shipped .qm matches the .ts; language choice, locale dates and
translated core messages."""
from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QLocale, QSettings  # noqa: E402

from kzreader.core import messages  # noqa: E402
from kzreader.core.messages import Message  # noqa: E402
from kzreader.gui import i18n, translation_files as tf  # noqa: E402
from kzreader.gui.reading.removed_labels import CONTEXT  # noqa: E402

TS = tf.TS_DIR / "kzreader_ru.ts"


@pytest.fixture
def russian(qapp):
    translators = i18n.install_translators(qapp, "ru")
    yield translators
    i18n.remove_translators(qapp, translators)


@pytest.fixture
def c_locale():
    QLocale.setDefault(QLocale.c())
    yield
    QLocale.setDefault(QLocale.system())


def _messages(ts):
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            tr = message.find("translation")
            forms = [f.text or "" for f in tr.findall("numerusform")] or [tr.text or ""]
            yield context.findtext("name"), message.findtext("source"), tr.get("type", ""), forms


def test_the_ts_file_covers_every_string_in_the_code(tmp_path):
    """lupdate over kzreader/gui/*.py and the core's catalogue into a copy: nothing new,
    vanished or untranslated."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    tf.run_lupdate(copy)
    assert tf.ts_gaps(copy) == []
    # and the copy has exactly the shipped entries (lupdate added none)
    shipped = {(c, s) for c, s, _, _ in _messages(TS)}
    assert {(c, s) for c, s, _, _ in _messages(copy)} == shipped
    assert len(shipped) > 250


def test_gaps_are_reported(tmp_path):
    """The check itself: a new string in the code shows up as unfinished."""
    src = tmp_path / "extra.py"
    src.write_text('from PySide6.QtCore import QObject\n\n\nclass Extra(QObject):\n'
                   '    def f(self):\n        return self.tr("A string nobody translated")\n', encoding="utf-8")
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    tf.run_lupdate(copy, [*tf.gui_sources(), src])
    assert tf.ts_gaps(copy) == ["unfinished: Extra: A string nobody translated"]


def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path):
    assert tf.qm_mismatches(TS, tf.qm_file(TS)) == []
    # the comparison notices a .qm built from an older .ts
    older = tmp_path / TS.name
    older.write_text(TS.read_text(encoding="utf-8").replace(">&amp;Файл<", ">Ф&amp;айл<"), encoding="utf-8")
    stale = tmp_path / "stale.qm"
    tf.run_lrelease(older, stale)
    assert tf.qm_mismatches(TS, stale) == ["MainWindow: &File"]


_PLACEHOLDER = re.compile(r"\{\w*\}|%\d|%n")


def _mnemonics(text: str) -> list[str]:
    return re.findall(r"&([^&\s])", text.replace("&&", ""))


def test_each_translation_keeps_placeholders_and_mnemonic():
    bad = []
    for context, source, kind, forms in _messages(TS):
        for text in forms:
            if (kind or not text.strip() or len(forms) not in (1, 3)  # Russian has three plural forms
                    or sorted(_PLACEHOLDER.findall(text)) != sorted(_PLACEHOLDER.findall(source))
                    or len(_mnemonics(text)) != len(_mnemonics(source))
                    or ("\n" in text) != ("\n" in source)):
                bad.append((context, source, text))
    assert bad == []


def test_plural_forms_follow_russian_rules(russian):
    from PySide6.QtCore import QCoreApplication

    def hits(n):
        return QCoreApplication.translate("SearchPanel", "%n hits", "", n)

    assert [hits(n) for n in (1, 3, 5, 21, 11, 0)] == [
        "1 совпадение", "3 совпадения", "5 совпадений", "21 совпадение", "11 совпадений", "0 совпадений"]


def test_every_percent_n_message_has_plural_forms():
    """lupdate extracts QCoreApplication.translate(..., n) without plural forms (or not at all
    when n is an expression): %n belongs in self.tr(text, "", n) only."""
    for context, source, _kind, forms in _messages(TS):
        if "%n" in source:
            assert len(forms) == 3, (context, source)


# -- choosing the language -----------------------------------------------------------------------
def test_effective_language():
    ru_kz = QLocale("ru_KZ")
    german = QLocale("de_DE")
    assert i18n.effective_language("", ru_kz) == "ru"
    assert i18n.effective_language("", german) == "en"
    assert i18n.effective_language("", QLocale.c()) == "en"
    assert i18n.effective_language("ru", german) == "ru"
    assert i18n.effective_language("ru_RU", german) == "ru"
    assert i18n.effective_language("en", ru_kz) == "en"
    assert i18n.effective_language("fr", ru_kz) == "en"  # no French: the source language


def test_requested_language_from_settings_and_environment(tmp_path, monkeypatch):
    monkeypatch.delenv(i18n.LANGUAGE_ENV, raising=False)
    settings = QSettings(str(tmp_path / "k.ini"), QSettings.Format.IniFormat)
    assert i18n.requested_language(settings) == ""
    settings.setValue("ui/language", "ru")
    assert i18n.requested_language(settings) == "ru"
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "en")
    assert i18n.requested_language(settings) == "en"
    # the preferences dialog writes the same key
    from kzreader.gui.preferences import KEY_LANGUAGE

    assert KEY_LANGUAGE == i18n.KEY_LANGUAGE


def test_install_follows_the_system_locale_and_removes_cleanly(qapp):
    from PySide6.QtCore import QCoreApplication

    ru_kz = QLocale("ru_KZ")
    translators = i18n.install_translators(qapp, "", system=ru_kz)
    try:
        assert len(translators) == 2  # Qt's own and ours
        assert QLocale().name() == "ru_KZ"  # the system's own Russian
        assert QCoreApplication.translate("MainWindow", "&File") == "&Файл"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Отмена"  # Qt's own
    finally:
        i18n.remove_translators(qapp, translators)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    german = QLocale("de_DE")
    assert i18n.install_translators(qapp, "", system=german) == []  # English needs none
    assert QLocale().language() == QLocale.Language.German  # dates still the reader's own
    QLocale.setDefault(QLocale.system())


# -- dates ---------------------------------------------------------------------------------------
def test_dates_in_russian(russian):
    assert i18n.format_date("2024-03-15") == "15.03.2024"
    assert i18n.format_date("2024-03-15", long=True) == "15 марта 2024\u202fг."  # Qt puts a narrow no-break space before г.
    assert i18n.format_date("") == ""
    assert i18n.format_date("весной 2024") == "весной 2024"  # not a date: as it is
    assert i18n.format_datetime("not a time") == "not a time"


def test_dates_in_english():
    QLocale.setDefault(QLocale("en_US"))
    try:
        assert i18n.format_date("2024-03-15") == "3/15/24"
        assert i18n.format_date("2024-03-15", long=True) == "March 15, 2024"
    finally:
        QLocale.setDefault(QLocale.system())


def test_c_locale_keeps_iso_dates(c_locale):
    assert i18n.format_date("2024-03-15") == "2024-03-15"
    assert i18n.format_date("2024-03-15", long=True) == "2024-03-15"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", i18n.format_datetime("2024-03-15T10:20:00+00:00"))


# -- messages from the core ---------------------------------------------------------------------
def _sample(code: str) -> Message:
    """A message of ``code`` with a recognisable value for each of its parameters."""
    names = re.findall(r"\{(\w+)\}", messages.TEXTS[code])
    return Message(code, **{name: f"<{name}-{i}>" for i, name in enumerate(names)})


def test_every_code_has_english_and_a_russian_translation(russian):
    from PySide6.QtCore import QCoreApplication

    assert len(messages.TEXTS) > 50
    untranslated = []
    for code, english in messages.TEXTS.items():
        assert english.strip() and not re.search(r"%\d", english), code
        russian_text = QCoreApplication.translate(i18n.CORE_CONTEXT, english)
        if russian_text == english or not re.search("[а-яё]", russian_text):
            untranslated.append(code)
    for kind, name in messages.REMOVED_KINDS.items():
        if name and QCoreApplication.translate(CONTEXT, name) == name:
            untranslated.append(kind)
    assert untranslated == []


def test_no_problem_reaches_the_problems_view_untranslated(russian):
    """One problem of each code, shown by the Problems view in Russian: translated, with every
    parameter filled in where the translation puts it and no placeholder left."""
    from kzreader.core.model import Problem
    from kzreader.gui.library.problems_view import COL_MESSAGE, ProblemTableModel

    model = ProblemTableModel()
    model.append([Problem(f"/c/{code}.txt", _sample(code)) for code in messages.TEXTS])
    assert model.rowCount() == len(messages.TEXTS)
    for row, code in enumerate(messages.TEXTS):
        shown = model.data(model.index(row, COL_MESSAGE))
        params = dict(_sample(code).params)
        assert re.search("[а-яё]", shown), (code, shown)
        assert shown != str(_sample(code)), code
        assert not re.search(r"\{\w+\}|%\d", shown), (code, shown)
        assert [v for v in params.values() if shown.count(v) != 1] == [], (code, shown)


def test_core_messages_in_russian(russian):
    from kzreader.core.corpus.corpus import load_file
    from kzreader.core.parsing import NO_EXCHANGES

    assert i18n.message_text(Message(messages.FILE_EMPTY)) == "файл пуст"
    assert i18n.message_text(NO_EXCHANGES) == "вопросы и ответы не найдены; файл показан как обычный документ"
    assert (i18n.message_text(Message(messages.CANNOT_OPEN, reason="Permission denied"))
            == "не удалось открыть: Permission denied")
    assert (i18n.message_text(Message(messages.FILE_TOO_LARGE, size_mb=80, limit_mb=64))
            == "файл слишком велик (80 МБ; предел — 64 МБ)")
    assert (i18n.message_text(Message(messages.FRONT_MATTER_YAML_AT, line=3))
            == "front matter пропущен: ошибка YAML в строке 3")
    # a parameter holding a placeholder is not filled again
    assert (i18n.message_text(Message(messages.SIDECAR_UNREADABLE, name="a{reason}.yaml", reason="bad {name}"))
            == "файл метаданных a{reason}.yaml пропущен: bad {name}")
    # text a GUI part made is already in the reader's language
    assert i18n.message_text("уже по-русски") == "уже по-русски"
    # real problems from real files
    missing = load_file("/nowhere/missing.txt")
    assert missing.message.code == messages.CANNOT_OPEN
    assert i18n.message_text(missing.message).startswith("не удалось открыть: ")


def test_core_messages_stay_english_without_a_translator():
    message = Message(messages.CANNOT_READ, reason="I/O error")
    assert i18n.message_text(message) == str(message) == "cannot read: I/O error"


def test_a_themes_file_error_in_russian_names_file_and_line(russian, tmp_path):
    from kzreader.core.themes.lexicon import Lexicon, LexiconError

    p = tmp_path / "themes.yaml"
    p.write_text("themes:\n  - id: energy\n    colour: red\n", encoding="utf-8")
    with pytest.raises(LexiconError) as ei:
        Lexicon.load_file(p, base=Lexicon.load_default())
    assert i18n.error_text(ei.value) == f"{p}: строка 2: тема 'energy': цвет 'red' не в виде #rrggbb"
    assert i18n.error_text(OSError("disk full")) == "disk full"  # not the core's: as it is


def test_removed_kinds_are_named_in_russian(russian):
    from kzreader.gui.reading.removed_labels import removed_label

    assert removed_label("counter") == "Убрано: счётчик просмотров"
    assert removed_label("cookie notice") == "Убрано: уведомление о cookie"
    assert removed_label("unplaced") == "Убрано из текста"


def test_the_regex_table_is_gone():
    """The core's English is no longer parsed back: no pattern table, no %1 templates in the
    core's context, and every entry of that context is a template of the catalogue."""
    import kzreader.gui.i18n as runtime

    source = Path(runtime.__file__).read_text(encoding="utf-8")
    assert "_CORE_PATTERN" not in source and "core_message(" not in source
    assert not hasattr(runtime, "core_message")
    core_entries = {s for c, s, kind, _ in _messages(TS) if c == i18n.CORE_CONTEXT}
    assert core_entries == set(messages.TEXTS.values())
    removed_entries = {s for c, s, kind, _ in _messages(TS) if c == CONTEXT}
    named = {name for name in messages.REMOVED_KINDS.values() if name}
    assert removed_entries == named | {"Left out of the text", "Left out: {0}"}
