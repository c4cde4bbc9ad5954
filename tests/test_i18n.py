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

from kzreader.gui import i18n  # noqa: E402

TS = i18n.I18N_DIR / "kzreader_ru.ts"


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
    """lupdate over kzreader/gui/*.py into a copy: nothing new, vanished or untranslated."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    i18n.run_lupdate(copy)
    assert i18n.ts_gaps(copy) == []
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
    i18n.run_lupdate(copy, [*i18n.gui_sources(), src])
    assert i18n.ts_gaps(copy) == ["unfinished: Extra: A string nobody translated"]


def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path):
    assert i18n.qm_mismatches(TS, TS.with_suffix(".qm")) == []
    # the comparison notices a .qm built from an older .ts
    older = tmp_path / TS.name
    older.write_text(TS.read_text(encoding="utf-8").replace(">&amp;Файл<", ">Ф&amp;айл<"), encoding="utf-8")
    stale = tmp_path / "stale.qm"
    i18n.run_lrelease(older, stale)
    assert i18n.qm_mismatches(TS, stale) == ["MainWindow: &File"]


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
def test_core_messages_in_russian(russian):
    from kzreader.core.parsing import NO_EXCHANGES

    assert i18n.core_message("the file is empty") == "файл пуст"
    assert i18n.core_message(NO_EXCHANGES) == "вопросы и ответы не найдены; файл показан как обычный документ"
    assert i18n.core_message("cannot open: Permission denied") == "не удалось открыть: Permission denied"
    assert (i18n.core_message("cannot decode as cp1251: invalid bytes at offset 17")
            == "не удалось прочитать как cp1251: недопустимые байты по смещению 17")
    assert (i18n.core_message("file is too large (80 MB; the limit is 64 MB)")
            == "файл слишком велик (80 МБ; предел — 64 МБ)")
    assert (i18n.core_message("front matter ignored: invalid YAML at line 3")
            == "front matter пропущен: ошибка YAML в строке 3")
    # a variable part containing "%2" is not substituted again
    assert (i18n.core_message("metadata file a%2.yaml ignored: bad %1")
            == "файл метаданных a%2.yaml пропущен: bad %1")
    assert i18n.core_message("headline list") == "список заголовков"
    assert i18n.core_message("something new from the core") == "something new from the core"


def test_core_messages_stay_english_without_a_translator():
    assert i18n.core_message("cannot read: I/O error") == "cannot read: I/O error"
    assert i18n.core_message("the file is empty") == "the file is empty"


def test_core_messages_match_what_the_core_says(tmp_path, russian):
    """The table is keyed by the core's English: real Problems from real files get translated."""
    from kzreader.core.corpus.corpus import load_file

    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    messages = [load_file(str(p)).message for p in (empty, binary, tmp_path / "missing.txt")]
    translated = [i18n.core_message(m) for m in messages]
    assert translated[:2] == ["файл пуст", "похоже, это двоичный файл, а не текст"]
    assert translated[2].startswith("не удалось открыть: ")


def _fixed_core_messages() -> set[str]:
    """Literal messages the core raises as SourceError or reports as a Problem or warning."""
    import ast

    import kzreader.core

    found = set()
    for path in Path(kzreader.core.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            args = node.args
            if name == "SourceError" and args:
                message = args[0]
            elif name == "Problem" and len(args) >= 2:
                message = args[1]
            elif name == "append" and args and isinstance(func.value, ast.Attribute) and func.value.attr == "warnings":
                message = args[0]
            else:
                continue
            if isinstance(message, ast.Constant) and isinstance(message.value, str):
                found.add(message.value)
    return found


def test_every_fixed_core_message_is_translated(russian):
    """A new literal message in kzreader.core needs a line in i18n's table and a translation."""
    messages = _fixed_core_messages()
    assert "the file is empty" in messages  # the scan works
    assert sorted(m for m in messages if i18n.core_message(m) == m) == []
