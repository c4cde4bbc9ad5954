"""Interface language: installing translators, locale-aware dates, and English messages from
the (Qt-free) core translated at display time.

English is the source language; ``resources/i18n/kzreader_<lang>.ts`` hold the translations
and the compiled ``.qm`` beside them are shipped.  After changing user-visible strings run::

    python -m kzreader.gui.i18n          # lupdate over kzreader/gui/*.py, then lrelease
    python -m kzreader.gui.i18n --check  # exit 1 when a .ts or .qm is out of date

then translate the new entries (Qt Linguist, or by hand in the .ts) and run it again.
"""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

# the date and translator classes are imported where they are used: each Qt class costs start-up
# time when first touched, and the first window (in English) needs none of them
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt

if TYPE_CHECKING:  # annotations only
    from PySide6.QtCore import QSettings, QTranslator

KEY_LANGUAGE = "ui/language"  # "" = follow the system locale, "en", "ru"
LANGUAGE_ENV = "KZREADER_LANGUAGE"  # overrides the setting (tests, one-off runs)
TRANSLATED = ("ru",)  # languages with a kzreader_<lang>.qm; English needs none

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
# The core reports in English without Qt.  Fixed messages (and kinds of removed text) are
# translated here; %1, %2 stand for the variable parts of a pattern, left as they are.
_CORE_EXACT = frozenset((
    QT_TRANSLATE_NOOP("CoreMessages", "the file is empty"),
    QT_TRANSLATE_NOOP("CoreMessages", "the file has no text"),
    QT_TRANSLATE_NOOP("CoreMessages", "this looks like a binary file, not text"),
    QT_TRANSLATE_NOOP("CoreMessages", "cannot decode: not UTF-8, cp1251 or koi8-r text"),
    QT_TRANSLATE_NOOP("CoreMessages", "not enough memory to load this file"),
    QT_TRANSLATE_NOOP("CoreMessages", "no question/answer exchanges found; shown as a plain document"),
    QT_TRANSLATE_NOOP("CoreMessages", "front matter ignored: not a mapping of fields"),
    # Word and web pages (core.formats)
    QT_TRANSLATE_NOOP("CoreMessages", "this is an old Word .doc file or a password-protected document; "
                                      "save it as .docx (Word 2007 or later) to open it"),
    QT_TRANSLATE_NOOP("CoreMessages", "this is not a Word document (.docx): the file is not a valid Word package"),
    QT_TRANSLATE_NOOP("CoreMessages", "this is not a Word document (.docx): it has no document text part"),
    QT_TRANSLATE_NOOP("CoreMessages", "the Word document is too large to read"),
    QT_TRANSLATE_NOOP("CoreMessages", "the Word document has no text"),
    QT_TRANSLATE_NOOP("CoreMessages", "the web page has no readable text"),
    QT_TRANSLATE_NOOP("CoreMessages", "this looks like a binary file, not a web page"),
    # files that are not files (core.sources)
    QT_TRANSLATE_NOOP("CoreMessages", "skipped: a named pipe, not a file"),
    QT_TRANSLATE_NOOP("CoreMessages", "skipped: a socket, not a file"),
    QT_TRANSLATE_NOOP("CoreMessages", "skipped: a device, not a file"),
    QT_TRANSLATE_NOOP("CoreMessages", "skipped: not a regular file"),
    # kinds of removed text (core.parsing)
    QT_TRANSLATE_NOOP("CoreMessages", "script"),
    QT_TRANSLATE_NOOP("CoreMessages", "counter"),
    QT_TRANSLATE_NOOP("CoreMessages", "template placeholder"),
    QT_TRANSLATE_NOOP("CoreMessages", "credit"),
    QT_TRANSLATE_NOOP("CoreMessages", "teaser"),
    QT_TRANSLATE_NOOP("CoreMessages", "section"),
    QT_TRANSLATE_NOOP("CoreMessages", "headline list"),
    QT_TRANSLATE_NOOP("CoreMessages", "unplaced"),
    QT_TRANSLATE_NOOP("CoreMessages", "markup"),
    # kinds of page clutter (core.formats.html)
    QT_TRANSLATE_NOOP("CoreMessages", "navigation"),
    QT_TRANSLATE_NOOP("CoreMessages", "header"),
    QT_TRANSLATE_NOOP("CoreMessages", "footer"),
    QT_TRANSLATE_NOOP("CoreMessages", "related"),
    QT_TRANSLATE_NOOP("CoreMessages", "form"),
    QT_TRANSLATE_NOOP("CoreMessages", "share"),
    QT_TRANSLATE_NOOP("CoreMessages", "comments"),
    QT_TRANSLATE_NOOP("CoreMessages", "subscribe"),
    QT_TRANSLATE_NOOP("CoreMessages", "cookie notice"),
    QT_TRANSLATE_NOOP("CoreMessages", "advertisement"),
    QT_TRANSLATE_NOOP("CoreMessages", "sidebar"),
    QT_TRANSLATE_NOOP("CoreMessages", "tags"),
    QT_TRANSLATE_NOOP("CoreMessages", "outside article"),
))
_CORE_PATTERN_SOURCES = (
    (r"cannot open: (.*)", QT_TRANSLATE_NOOP("CoreMessages", "cannot open: %1")),
    (r"cannot read: (.*)", QT_TRANSLATE_NOOP("CoreMessages", "cannot read: %1")),
    (r"cannot open folder: (.*)", QT_TRANSLATE_NOOP("CoreMessages", "cannot open folder: %1")),
    (r"cannot list folder: (.*)", QT_TRANSLATE_NOOP("CoreMessages", "cannot list folder: %1")),
    (r"cannot decode as (\S+): invalid bytes at offset (\d+)",
     QT_TRANSLATE_NOOP("CoreMessages", "cannot decode as %1: invalid bytes at offset %2")),
    (r"file is too large \((\d+) MB; the limit is (\d+) MB\)",
     QT_TRANSLATE_NOOP("CoreMessages", "file is too large (%1 MB; the limit is %2 MB)")),
    (r"internal error while parsing: (.*)", QT_TRANSLATE_NOOP("CoreMessages", "internal error while parsing: %1")),
    (r"name detection failed: (.*)", QT_TRANSLATE_NOOP("CoreMessages", "name detection failed: %1")),
    (r"front matter ignored: invalid YAML at line (\d+)",
     QT_TRANSLATE_NOOP("CoreMessages", "front matter ignored: invalid YAML at line %1")),
    (r"front matter ignored: invalid YAML", QT_TRANSLATE_NOOP("CoreMessages", "front matter ignored: invalid YAML")),
    (r"the Word document is too large to read \((.+) unpacks to (\d+) MB\)",
     QT_TRANSLATE_NOOP("CoreMessages", "the Word document is too large to read (%1 unpacks to %2 MB)")),
    (r"the Word document is damaged: cannot unpack (\S+) \((.*)\)",
     QT_TRANSLATE_NOOP("CoreMessages", "the Word document is damaged: cannot unpack %1 (%2)")),
    (r"the Word document is damaged: (\S+) is not valid XML \(cannot decode it as (\S+)\)",
     QT_TRANSLATE_NOOP("CoreMessages", "the Word document is damaged: %1 is not valid XML (cannot decode it as %2)")),
    (r"the Word document is damaged: (\S+) is not valid XML \((.*)\)",
     QT_TRANSLATE_NOOP("CoreMessages", "the Word document is damaged: %1 is not valid XML (%2)")),
    (r"the Word document is refused: (\S+) declares a DOCTYPE or entities",
     QT_TRANSLATE_NOOP("CoreMessages", "the Word document is refused: %1 declares a DOCTYPE or entities")),
    (r"the web page is too large to read \((\d+) MB without scripts and styles; the limit is (\d+) MB\)",
     QT_TRANSLATE_NOOP("CoreMessages", "the web page is too large to read (%1 MB without scripts and styles; "
                                       "the limit is %2 MB)")),
    (r"the web page is too large to read \((\d+) tags; the limit is (\d+)\)",
     QT_TRANSLATE_NOOP("CoreMessages", "the web page is too large to read (%1 tags; the limit is %2)")),
    # damaged text (core.sources): lines as "3" or "3, 8, 12" and maybe how many more
    (r"undecodable bytes shown as \ufffd at line (\d+)",
     QT_TRANSLATE_NOOP("CoreMessages", "undecodable bytes shown as � at line %1")),
    (r"undecodable bytes shown as \ufffd at lines ([\d, ]+)",
     QT_TRANSLATE_NOOP("CoreMessages", "undecodable bytes shown as � at lines %1")),
    (r"undecodable bytes shown as \ufffd at lines ([\d, ]+) and (\d+) more",
     QT_TRANSLATE_NOOP("CoreMessages", "undecodable bytes shown as � at lines %1 and %2 more")),
    (r"control characters shown as \ufffd at line (\d+)",
     QT_TRANSLATE_NOOP("CoreMessages", "control characters shown as � at line %1")),
    (r"control characters shown as \ufffd at lines ([\d, ]+)",
     QT_TRANSLATE_NOOP("CoreMessages", "control characters shown as � at lines %1")),
    (r"control characters shown as \ufffd at lines ([\d, ]+) and (\d+) more",
     QT_TRANSLATE_NOOP("CoreMessages", "control characters shown as � at lines %1 and %2 more")),
    # the bookmark store (core.bookmarks)
    (r"Bookmarks are read-only: the folder (.+) cannot be written \((.*)\)\.",
     QT_TRANSLATE_NOOP("CoreMessages", "Bookmarks are read-only: the folder %1 cannot be written (%2).")),
    (r"The bookmarks file (.+) is damaged \((.*)\); it is left as it is and bookmarks are read-only\.",
     QT_TRANSLATE_NOOP("CoreMessages", "The bookmarks file %1 is damaged (%2); it is left as it is and "
                                       "bookmarks are read-only.")),
    (r"The bookmarks file (.+) is damaged \((.*)\); it was kept as (.+)\.",
     QT_TRANSLATE_NOOP("CoreMessages", "The bookmarks file %1 is damaged (%2); it was kept as %3.")),
    (r"Bookmarks were restored from the backup (.+); changes made after that backup may be missing\.",
     QT_TRANSLATE_NOOP("CoreMessages", "Bookmarks were restored from the backup %1; changes made after "
                                       "that backup may be missing.")),
    (r"(\d+) bookmark\(s\) followed this file from (.+)",
     QT_TRANSLATE_NOOP("CoreMessages", "%1 bookmark(s) followed this file from %2")),
    (r"metadata file (.+) ignored: not a regular file",
     QT_TRANSLATE_NOOP("CoreMessages", "metadata file %1 ignored: not a regular file")),
    (r"metadata file (.+) ignored: not a mapping",
     QT_TRANSLATE_NOOP("CoreMessages", "metadata file %1 ignored: not a mapping")),
    (r"metadata file (.+?) ignored: (.*)", QT_TRANSLATE_NOOP("CoreMessages", "metadata file %1 ignored: %2")),
)
_core_patterns: list[tuple[re.Pattern, str]] = []  # compiled on first use, not at start-up


def core_message(text: str) -> str:
    """``text`` from kzreader.core in the interface language (unchanged when unknown)."""
    if text in _CORE_EXACT:
        return QCoreApplication.translate("CoreMessages", text)
    if not _core_patterns:
        _core_patterns.extend((re.compile(rx, re.S), template) for rx, template in _CORE_PATTERN_SOURCES)
    for rx, template in _core_patterns:
        m = rx.fullmatch(text)
        if m:
            out = QCoreApplication.translate("CoreMessages", template)
            # one pass, so a part containing "%2" is not substituted again
            return re.sub(r"%(\d)", lambda g: m.group(int(g.group(1))), out)
    return text


# -- maintaining the translations (python -m kzreader.gui.i18n) ---------------------------------
# (their modules are imported here, not on the window's start path)
def ts_files() -> list[Path]:
    return [I18N_DIR / f"kzreader_{lang}.ts" for lang in TRANSLATED]


def gui_sources() -> list[Path]:
    return sorted(GUI_DIR.rglob("*.py"))


def qt_tool(name: str) -> str:
    """lupdate/lrelease as shipped in the PySide6 wheel (also present on a fresh CI machine)."""
    import shutil

    import PySide6

    base = Path(PySide6.__file__).resolve().parent
    for candidate in (base / name, base / f"{name}.exe", base / "Qt" / "libexec" / name):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found:
        return found
    raise FileNotFoundError(f"{name} not found (it comes with PySide6-Essentials)")


def run_lupdate(ts: Path, sources: list[Path] | None = None, drop_vanished: bool = False) -> str:
    """Update ``ts`` from the sources; entries no longer in the code are marked vanished, or
    dropped with ``drop_vanished``.  Returns lupdate's report."""
    import subprocess

    lang = ts.stem.rsplit("_", 1)[-1]
    cmd = [qt_tool("lupdate"), "-locations", "none", "-target-language", lang,
           *(["-no-obsolete"] if drop_vanished else []),
           *(str(p) for p in (sources or gui_sources())), "-ts", str(ts)]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def run_lrelease(ts: Path, qm: Path) -> None:
    import subprocess

    subprocess.run([qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True,
                   capture_output=True, text=True)


def ts_gaps(ts: Path) -> list[str]:
    """Entries of ``ts`` that are not finished translations: "state: context: source"."""
    import xml.etree.ElementTree as ET

    gaps = []
    for context in ET.parse(ts).getroot().iter("context"):
        ctx = context.findtext("name", "")
        for message in context.iter("message"):
            tr = message.find("translation")
            source = message.findtext("source", "")
            kind = tr.get("type", "") if tr is not None else "missing"
            forms = tr.findall("numerusform") if tr is not None else []
            empty = tr is None or (not any((f.text or "").strip() for f in forms) if forms
                                   else not (tr.text or "").strip())
            if not kind and (empty or (forms and not all((f.text or "").strip() for f in forms))):
                kind = "empty"
            if kind:
                gaps.append(f"{kind}: {ctx}: {source}")
    return gaps


def qm_mismatches(ts: Path, qm: Path) -> list[str]:
    """Finished entries of ``ts`` that ``qm`` does not translate the same way (compared by
    lookup, not bytes, so another lrelease version does not count as a difference)."""
    import xml.etree.ElementTree as ET

    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    if not translator.load(str(qm)):
        return [f"cannot load {qm.name}"]
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        ctx = context.findtext("name", "")
        for message in context.iter("message"):
            tr = message.find("translation")
            if tr is None or tr.get("type"):
                continue
            source, comment = message.findtext("source", ""), message.findtext("comment")
            forms = tr.findall("numerusform")
            # Russian plural forms: one (1), few (2), many (5)
            checks = ([(n, (f.text or "").replace("%n", str(n))) for n, f in zip((1, 2, 5), forms)]
                      if forms else [(-1, tr.text or "")])
            for n, expected in checks:
                got = translator.translate(ctx, source, comment, n)
                if n >= 0:
                    got = got.replace("%n", str(n))
                if got != expected:
                    out.append(f"{ctx}: {source}")
                    break
    return out


def main(argv: list[str] | None = None) -> int:
    import shutil
    import tempfile

    args = sys.argv[1:] if argv is None else argv
    check = "--check" in args
    status = 0
    for ts in ts_files():
        qm = ts.with_suffix(".qm")
        if check:
            with tempfile.TemporaryDirectory() as tmp:
                copy = Path(tmp) / ts.name
                shutil.copy(ts, copy)
                run_lupdate(copy)
                gaps = ts_gaps(copy)
            stale = bool(qm_mismatches(ts, qm))
        else:
            print(run_lupdate(ts, drop_vanished=True).strip())
            run_lrelease(ts, qm)
            gaps, stale = ts_gaps(ts), False
        for gap in gaps:
            print(f"{ts.name}: {gap}")
        if stale:
            print(f"{qm.name} is older than {ts.name}: run python -m kzreader.gui.i18n")
        status |= bool(gaps or stale)
    return status


if __name__ == "__main__":
    sys.exit(main())
