"""File ▸ Export ▸ REFI-QDA Project: core.annotations.qdpx run in a worker thread with a progress dialog.

The worker is a plain Python thread that never calls Qt (as the loader's is, see
gui/library/loader.py): it writes its progress into attributes the GUI thread reads on a timer, so
ten thousand interviews export while the window stays responsive, and Cancel stops it
between two interviews without leaving a half-written file.
"""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog

from kzreader import __version__
from kzreader.core.model import Problem
from kzreader.core.annotations.qdpx import QdpxResult, export_qdpx

POLL_MS = 50
STATUS_MS = 15_000


class QdpxExportJob(QObject):
    """One export; ``finished(QdpxResult | None)`` on the GUI thread (None: it failed, and
    ``error`` says why)."""

    finished = Signal(object)

    def __init__(self, window, path: str, parent=None):
        super().__init__(parent or window)
        self.window = window
        self.path = path
        self.error = ""
        self.result: QdpxResult | None = None
        self._done = 0
        self._total = max(len(window.corpus.interviews), 1) if window.corpus is not None else 1
        self._cancel = False
        self._thread: threading.Thread | None = None
        self.progress = QProgressDialog(self.tr("Exporting the REFI-QDA project…"), self.tr("Cancel"), 0,
                                        self._total, window)
        self.progress.setObjectName("qdpx_progress")
        self.progress.setWindowTitle(self.tr("Export"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.canceled.connect(self.cancel)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    def start(self) -> None:
        window = self.window
        interviews = list(window.corpus.interviews) if window.corpus is not None else []
        themes = window.themes
        bookmarks = window.bookmarks.store.list()
        kwargs = dict(project_name=self.tr("kzreader interviews"), origin=f"kzreader {__version__}",
                      language=themes.language, bookmark_label=self.tr("Bookmarks"))

        def run() -> None:
            try:
                self.result = export_qdpx(self.path, interviews, themes.lexicon, bookmarks,
                                          progress=self._on_progress, cancelled=lambda: self._cancel, **kwargs)
            except Exception as e:  # a disk or permission error: say so, keep the window
                self.error = str(e)

        self._thread = threading.Thread(target=run, name="kzreader-qdpx-export", daemon=True)
        self._thread.start()
        self._timer.start()

    def _on_progress(self, done: int, total: int) -> None:  # in the worker thread: no Qt here
        self._done = done

    @Slot()
    def cancel(self) -> None:
        self._cancel = True

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)
        self._poll()

    @Slot()
    def _poll(self) -> None:
        if self._thread is None:
            return
        if self._thread.is_alive():
            if not self._cancel:
                self.progress.setValue(min(self._done, self._total - 1))
            return
        self._timer.stop()
        self._thread = None
        self.progress.reset()
        self.progress.hide()
        self._report()
        self.finished.emit(self.result)

    def _report(self) -> None:
        window = self.window
        bar = window.statusBar()
        r = self.result
        if r is None:
            bar.showMessage(self.tr("The project was not exported: {0}").format(self.error), STATUS_MS)
            window.problems_view.append([Problem(self.path, self.tr("Export failed: {0}").format(self.error))])
            return
        if r.cancelled:
            bar.showMessage(self.tr("Export cancelled; no file was written."), STATUS_MS)
            return
        bar.showMessage(self.tr("Exported {0} interviews, {1} codings and {2} notes to {3}.").format(
            r.sources, r.codings, r.notes, self.path), STATUS_MS)
        # nothing left out silently: each file not exported, and the bookmarks not coded
        problems = [Problem(path, self.tr("Not exported to the REFI-QDA project: the file has changed or "
                                          "cannot be read since it was loaded; reload and export again."),
                            "warning") for path, _why in r.skipped]
        if r.bookmarks_left_out:
            n = r.bookmarks_left_out
            problems.append(Problem(self.path, (
                self.tr("%n bookmark was not exported: it needs review or its file was not exported.", "", n)
                if n == 1 else
                self.tr("%n bookmarks were not exported: they need review or their file was not exported.", "", n)),
                "warning"))
        if problems:
            window.problems_view.append(problems)
