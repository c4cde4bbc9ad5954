"""The status bar's part in loading: a progress bar while files load, and the count of
interviews ("3 of 5 interviews" while a filter hides some, and how many files failed).

Its texts keep the window's translation context.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QLabel, QProgressBar

translate = QCoreApplication.translate
STOPPED_MS = 10_000


class LoadStatus(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.progress_bar = QProgressBar(window)
        self.progress_bar.setObjectName("load_progress")
        self.progress_bar.setMaximumWidth(220)
        self.progress_bar.setTextVisible(True)
        self.progress_bar.hide()
        self.count_label = QLabel(window)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        window.statusBar().addPermanentWidget(self.count_label)
        window.statusBar().addPermanentWidget(self.progress_bar)

    def started(self) -> None:
        self.progress_bar.setRange(0, 0)  # busy until the files are counted
        self.progress_bar.show()
        self.count_label.setText(translate("MainWindow", "Loading…"))

    def progress(self, done: int, total: int) -> None:
        bar = self.progress_bar
        # QProgressBar.setValue repaints at once whenever its text changes (here: every call),
        # and on a long load each such paint and flush cost the GUI thread 2-8 ms; with updates
        # off it only takes the value, and turning them on asks for one ordinary repaint
        bar.setUpdatesEnabled(False)
        bar.setRange(0, max(total, 1))
        bar.setValue(done)
        bar.setFormat(translate("MainWindow", "{0} of {1} files").format(done, total))
        bar.setUpdatesEnabled(True)

    def ended(self, complete: bool) -> None:
        self.progress_bar.hide()
        self.update_counts()
        if not complete:
            self.window.statusBar().showMessage(
                translate("MainWindow", "Loading stopped: {0} of {1} files loaded.").format(
                    len(self.window.session.corpus.interviews), self.progress_bar.maximum()), STOPPED_MS)

    def update_counts(self) -> None:
        window = self.window
        if not window.parts_built() or not window.session.paths:
            return  # nothing opened yet
        corpus = window.session.corpus
        errors = sum(1 for p in corpus.problems if p.severity == "error")
        total, shown = len(corpus.interviews), window.interview_list.visible_count()
        count = translate("MainWindow", "{0} of {1} interviews").format(shown, total) if shown < total else \
            translate("MainWindow", "{0} interviews").format(total)
        self.count_label.setText(
            translate("MainWindow", "{0}, {1} not loaded").format(count, errors) if errors else count)
