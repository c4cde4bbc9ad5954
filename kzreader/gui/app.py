"""Starting the window: arguments, QApplication, user directories, the first corpus."""
from __future__ import annotations

import gc
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, QStandardPaths, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from kzreader import __version__

from .i18n import install_translators, requested_language
from .main_window import MainWindow

if TYPE_CHECKING:  # annotations only
    from PySide6.QtGui import QIcon

APP_NAME = "kzreader"
APP_ID = "io.github.kzreader.KZReader"  # the .desktop file, AppStream id and icon name in packaging/
ICON_SIZES = (16, 32, 48, 64, 128, 256)
SETTINGS_ENV = "KZREADER_SETTINGS_DIR"
SCREENSHOT_SIZE = (1280, 820)
# Qt's own command-line options (QGuiApplication) that take a value, and those that do not
_QT_VALUE_OPTIONS = {"-platform", "-platformpluginpath", "-platformtheme", "-plugin", "-qwindowgeometry",
                     "-qwindowicon", "-qwindowtitle", "-style", "-stylesheet", "-display", "-geometry"}
_QT_FLAG_OPTIONS = {"-reverse", "-nograb", "-dograb", "-widgetcount"}
SCREENSHOT_LOAD_TIMEOUT_MS = 120_000


# core.analysers' reasons (STEMMING, MORPHOLOGY), for the translation tools
ANALYSER_REASONS = (
    QT_TRANSLATE_NOOP("Analysers", "search and themes match only the exact word forms"),
    QT_TRANSLATE_NOOP("Analysers",
                      "Russian interviewees' names are not recognised and search misses some word forms"),
)


def samples_dir() -> str:
    return str(Path(__file__).resolve().parent.parent / "resources" / "samples")


class Options(NamedTuple):
    paths: list[str]
    screenshot: str | None = None
    settings_dir: str | None = None
    debug: bool = False


def parse_args(args: list[str]) -> tuple[Options, list[str]]:
    """Our options, plus whatever is left for Qt (e.g. -platform offscreen, -style)."""
    ours: list[str] = []
    qt_args: list[str] = []
    it = iter(args)
    for arg in it:
        name = arg.split("=", 1)[0]
        if name in _QT_VALUE_OPTIONS:
            qt_args.append(arg)
            if "=" not in arg:
                value = next(it, None)
                if value is not None:
                    qt_args.append(value)
        elif arg in _QT_FLAG_OPTIONS:
            qt_args.append(arg)
        else:
            ours.append(arg)
    settings_dir = os.environ.get(SETTINGS_ENV) or None
    if not any(arg.startswith("-") for arg in ours):
        # how a launcher starts us (files, or nothing): no parser needed, and building one
        # (its messages go through gettext, which imports locale and looks for catalogues)
        # costs ~2 ms before the first paint
        return Options(ours, None, settings_dir), qt_args
    import argparse

    parser = argparse.ArgumentParser(
        prog="kzreader",
        description="Read collections of published interviews question by question.",
        epilog="kzreader parse --json PATH... prints parsed interviews without the window.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="interview files or folders to open")
    parser.add_argument("--screenshot", metavar="FILE",
                        help="load, render the window with the first interview open, save a PNG and exit")
    parser.add_argument("--settings-dir", metavar="DIR", default=settings_dir,
                        help=f"keep settings and user data in DIR (also ${SETTINGS_ENV}); for tests")
    parser.add_argument("--debug", action="store_true",
                        help="log in detail, to the log file and to stderr (Help > Open Log Folder)")
    parser.add_argument("--version", action="version", version=f"kzreader {__version__}")
    ns = parser.parse_intermixed_args(ours)
    return Options(ns.paths, ns.screenshot, ns.settings_dir, ns.debug), qt_args


def reserve_singleton_references() -> None:
    """Work around a reference leak measured with PySide6 6.12.0 on Python 3.11.

    Calls into Qt drop references to None (and sometimes True) that they never took: about
    35 per question switch.  When the count reaches zero the interpreter aborts
    ("none_dealloc", "bool_dealloc").  From Python 3.12 these objects are immortal and this
    does nothing; below it, a large number of references that are never given back keeps
    them alive for any session length.
    """
    if sys.version_info >= (3, 12):
        return
    import ctypes

    for obj in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt is PyObject's first field
        if refcount.value < 1 << 40:
            refcount.value += 1 << 40


def create_application(qt_args: list[str] | None = None) -> QApplication:
    """The QApplication (reused if one exists, as under pytest-qt).  ``finish_start`` gives it
    its icon right after the first paint: building the icon (and loading the SVG plugin) would
    delay that paint, and a window manager picks up a changed icon at once."""
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance()
    if app is None:
        # no style or palette is forced: the platform theme supplies light or dark colours
        app = QApplication([sys.argv[0] if sys.argv else APP_NAME, *(qt_args or [])])
    app.setApplicationDisplayName("kzreader")
    QGuiApplication.setDesktopFileName(APP_ID)  # lets Wayland/X11 docks match the .desktop entry
    return app


def app_icon() -> QIcon:
    """The bundled icon: the SVG for any size, PNGs for when the SVG plugin is missing."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    icons = Path(__file__).resolve().parent.parent / "resources" / "icons"
    icon = QIcon(str(icons / "kzreader.svg"))
    for size in ICON_SIZES:
        icon.addFile(str(icons / f"kzreader-{size}.png"), QSize(size, size))
    return icon


def user_locations(settings_dir: str | None) -> tuple[QSettings, str, str]:
    """(settings, data dir, cache dir), all inside ``settings_dir`` when given."""
    if settings_dir:
        base = Path(settings_dir)
        settings = QSettings(str(base / "kzreader.ini"), QSettings.Format.IniFormat)
        data_dir, cache_dir = base / "data", base / "cache"
    else:
        settings = QSettings()
        data_dir = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
        cache_dir = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation))
    for d in (data_dir, cache_dir):
        try:
            d.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass  # the panels that write there report their own errors
    return settings, str(data_dir), str(cache_dir)


def open_initial(window: MainWindow, paths: list[str]) -> None:
    """The given paths; else the last corpus; else (first run) the bundled samples."""
    if paths:
        window.open_paths(paths)
    elif not window.restore_last_corpus():
        window.open_paths([samples_dir()])


def wait_for_load(window: MainWindow, timeout_ms: int = SCREENSHOT_LOAD_TIMEOUT_MS) -> bool:
    if not window.loader.is_loading():
        return True
    from PySide6.QtCore import QEventLoop  # here: only screenshots wait like this

    loop = QEventLoop()
    window.loader.finished.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    return not window.loader.is_loading()


def take_screenshot(window: MainWindow, file: str) -> bool:
    """Wait for the load, open the first interview at its first question, save a PNG."""
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    wait_for_load(window)
    if window.interview_list.select_row(0):
        window.reading_pane.go_to(1)
    for _ in range(3):  # let the deferred dock sizing and layouts settle
        QApplication.processEvents()
    return window.grab().save(file, "PNG")


def hand_over_clipboard() -> None:
    """Keep a copied quote past quitting, as plain text.  Rich QMimeData created from Python
    and still owned by the clipboard at exit segfaults Qt's teardown (PySide6 6.11, offscreen),
    so it is replaced, while Qt is alive, by the same words as Qt's own plain text; on X11 Qt
    hands that to a clipboard manager as the process ends, so the quote can still be pasted."""
    app = QApplication.instance()
    if app is None:
        return
    clip = app.clipboard()
    # offscreen has no other owner to protect; elsewhere never touch another program's data
    if clip.ownsClipboard() or QApplication.platformName() == "offscreen":
        text = clip.text()
        if text:
            clip.setText(text)
        else:
            clip.clear()


def main(args: list[str]) -> int:
    ns, qt_args = parse_args(args)
    app = create_application(qt_args)
    temp = None
    settings_dir = ns.settings_dir
    if ns.screenshot and not settings_dir:
        # a screenshot shows the default layout and leaves the user's settings alone
        temp = tempfile.TemporaryDirectory(prefix="kzreader-shot-")
        settings_dir = temp.name
    if ns.debug:  # otherwise after the first paint: the handlers' imports cost 5-10 ms
        start_logging(settings_dir, True)
    try:
        locations = user_locations(settings_dir)
        # before any widget is built: widgets take their texts when they are built
        install_translators(app, requested_language(locations[0]))
        window = MainWindow(*locations)
        if ns.screenshot:
            start_logging(settings_dir, ns.debug)
            finish_start()
            open_initial(window, ns.paths)
            ok = take_screenshot(window, ns.screenshot)
            window.close()
            if not ok:
                print(f"kzreader: cannot save the screenshot to {ns.screenshot}", file=sys.stderr)
            return 0 if ok else 1
        # what start-up made lives as long as the window: later collections need not scan it
        gc.freeze()
        show_then_open(window, ns.paths, lambda: start_logging(settings_dir, ns.debug))
        report_missing_analysers(window)
        app.aboutToQuit.connect(hand_over_clipboard)
        return app.exec()
    finally:
        from kzreader.diagnostics import stop_logging

        stop_logging()  # flushed and closed before a screenshot's folder goes
        if temp is not None:
            temp.cleanup()


def show_then_open(window: MainWindow, paths: list[str], after_paint=None) -> None:
    """Paint the empty window first, then start loading, so the user sees it at once."""
    window.show()
    QApplication.processEvents()
    if after_paint is not None:
        after_paint()
    finish_start()
    open_initial(window, paths)


def start_logging(settings_dir: str | None, debug: bool) -> None:
    """The log file in the user's state folder (kzreader.diagnostics); once per run."""
    from kzreader.diagnostics import log_dir, log_file, setup_logging

    if log_file() is None:
        setup_logging(log_dir(settings_dir), debug)


def finish_start() -> None:
    """Start-up work the first paint does not wait for."""
    reserve_singleton_references()  # Qt calls have taken few references to None so far
    from kzreader.core.search.analysers import warn_missing_analysers

    warn_missing_analysers()
    app = QApplication.instance()
    if app is not None:
        app.setWindowIcon(app_icon())


def report_missing_analysers(window: MainWindow) -> None:
    """Each missing optional analyser as a warning in the Problems view (finish_start said it
    on stderr), shown again after every load clears the view."""
    from kzreader.core.search.analysers import missing
    from kzreader.core.model import Problem

    notices = []
    for m in missing():
        if m.install:
            text = QCoreApplication.translate("Analysers", "not installed, so %1 (weaker results); "
                                              "install it with: %2")
        else:
            text = QCoreApplication.translate("Analysers", "not installed, so %1 (weaker results)")
        text = text.replace("%2", m.install or "").replace("%1", QCoreApplication.translate("Analysers", m.weaker))
        notices.append(Problem(m.package, text, "warning"))
    if notices:
        window.problems_view.append(list(notices))
        window.corpus_cleared.connect(lambda: window.problems_view.append(list(notices)))
