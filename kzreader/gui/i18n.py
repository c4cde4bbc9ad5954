"""Interface language at run time: installing translators, locale-aware dates, and the
core's messages (codes of ``core.messages``) in the reader's language.

English is the source language; ``resources/i18n/kzreader_<lang>.ts`` hold the translations
and the compiled ``.qm`` beside them are shipped.  Keeping them up to date is the job of
``kzreader.gui.translation_files`` (``python -m kzreader.gui.translation_files``).
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

# the date and translator classes are imported where they are used: each Qt class costs start-up
# time when first touched, and the first window (in English) needs none of them
from PySide6.QtCore import QCoreApplication, QLocale, Qt

from kzreader.core.messages import TEXTS, Message, Text, fill

if TYPE_CHECKING:  # annotations only
    from PySide6.QtCore import QSettings, QTranslator

KEY_LANGUAGE = "ui/language"  # "" = follow the system locale, "en", "ru"
LANGUAGE_ENV = "KZREADER_LANGUAGE"  # overrides the setting (tests, one-off runs)
TRANSLATED = ("ru",)  # languages with a kzreader_<lang>.qm; English needs none
CORE_CONTEXT = "CoreMessages"  # the translation context of core.messages' templates

GUI_DIR = Path(__file__).resolve().parent
I18N_DIR = GUI_DIR.parent / "resources" / "i18n"


# -- choosing and installing -------------------------------------------------------------------
def requested_language(settings: QSettings | None) -> str:
    """The language asked for: the environment override, else the stored preference ("" = system)."""
    forced = os.environ.get(LANGUAGE_ENV, "").strip()
    if forced:
        return forced
    if settings is None:
        return ""
    return str(settings.value(KEY_LANGUAGE, "") or "")


def effective_language(requested: str, system: QLocale | None = None) -> str:
    """"ru" or "en": the requested one when we have it, else what the system locale speaks."""
    code = (requested or "").lower().replace("-", "_").split("_")[0]
    if not code:
        system = system or QLocale.system()
        code = "ru" if system.language() == QLocale.Language.Russian else "en"
    return code if code in TRANSLATED else "en"


def _locale_for(language: str, system: QLocale) -> QLocale:
    """The system locale when it speaks ``language`` (keeps e.g. ru_KZ or en_GB date formats),
    else the language's main one."""
    wanted = QLocale.Language.Russian if language == "ru" else QLocale.Language.English
    if system.language() == wanted:
        return system
    return QLocale("ru_RU" if language == "ru" else "en_US")


def install_translators(app: QCoreApplication, requested: str = "",
                        system: QLocale | None = None) -> list[QTranslator]:
    """Install kzreader's and Qt's own translations for ``requested`` ("" = system locale) and
    make the matching locale the default, so QLocale() formats dates for the reader.  Returns
    the installed translators (keep them alive; ``remove_translators`` undoes this).
    Call before building widgets: texts are read when widgets are built."""
    system = system or QLocale.system()
    language = effective_language(requested, system)
    QLocale.setDefault(_locale_for(language, system) if requested else system)
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    from PySide6.QtCore import QLibraryInfo, QTranslator

    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qtbase_{language}", qt_dir), (f"kzreader_{language}", str(I18N_DIR))):
        translator = QTranslator(app)
        if translator.load(name, folder) and app.installTranslator(translator):
            installed.append(translator)
        else:
            translator.deleteLater()
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale.system())


# -- dates -------------------------------------------------------------------------------------
_WEEKDAY = re.compile(r"d{4}\W*")


def format_date(iso: str | None, long: bool = False) -> str:
    """An ISO date (YYYY-MM-DD) in the reader's locale: short for lists, long (without the
    weekday) for headers.  Anything else is shown as it is; so is every date under the C
    locale, whose formats are not meant for people."""
    if not iso:
        return ""
    from PySide6.QtCore import QDate

    date = QDate.fromString(iso, Qt.DateFormat.ISODate)
    locale = QLocale()
    if not date.isValid() or locale.language() == QLocale.Language.C:
        return iso
    if not long:
        return locale.toString(date, QLocale.FormatType.ShortFormat)
    fmt = _WEEKDAY.sub("", locale.dateFormat(QLocale.FormatType.LongFormat)).strip()
    return locale.toString(date, fmt)


def format_datetime(iso: str) -> str:
    """An ISO timestamp (e.g. a bookmark's creation time) in local time, the reader's locale."""
    from datetime import datetime

    from PySide6.QtCore import QDate, QDateTime, QTime

    try:
        moment = datetime.fromisoformat(iso).astimezone()
    except (ValueError, TypeError):
        return iso
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return moment.strftime("%Y-%m-%d %H:%M")
    local = QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute))
    return locale.toString(local, QLocale.FormatType.ShortFormat)


# -- messages from the core --------------------------------------------------------------------
def message_text(message: Text) -> str:
    """A message from the core in the interface language: its code's English template
    (``core.messages``) translated, then the parameters filled in.  Text a GUI part made is
    already in the interface language and comes back as it is."""
    if not isinstance(message, Message):
        return message
    template = QCoreApplication.translate(CORE_CONTEXT, TEXTS[message.code])
    return fill(template, dict(message.params))


def error_text(error: BaseException) -> str:
    """An exception for the reader: the core's own errors carry a Message (and a lexicon's
    error the file and line it is about), others (OSError) only their text."""
    message = getattr(error, "message", None)
    if not isinstance(message, Message):
        return str(error)
    text = message_text(message)
    line, path = getattr(error, "line", None), getattr(error, "path", None)
    if line is not None:
        text = fill(QCoreApplication.translate("ErrorPlace", "line {line}: {problem}"),
                    {"line": str(line), "problem": text})
    if path:
        text = fill(QCoreApplication.translate("ErrorPlace", "{path}: {problem}"),
                    {"path": str(path), "problem": text})
    return text
