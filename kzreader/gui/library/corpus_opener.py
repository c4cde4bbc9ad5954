"""Opening a corpus: File ▸ Open, the recent list, drops, reloads, Stop Loading, and loading
again when the files change on disk.

Every open goes the same way: the session starts a load of the paths (which empties it and
tells its watchers), the loader runs that load in the background and delivers its records to
the session.  This part also keeps the status bar's progress and the file watcher in step
with the load.  Its texts keep the window's translation context.
"""
from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot

from .file_watcher import CorpusWatcher
from .load_status import LoadStatus
from .loader import CorpusLoader
from .recent import RecentCorpora

translate = QCoreApplication.translate
CHANGED_MS = 5_000


class CorpusOpener(QObject):
    """``window`` gives the session (built on first use), the reading place and the actions
    to enable; ``paths`` are the open corpus's paths as the user gave them."""

    def __init__(self, window, settings):
        super().__init__(window)
        self.window = window
        self.paths: list[str] = []
        self.loader = CorpusLoader(self)
        self.watcher = CorpusWatcher(self)
        self.status = LoadStatus(window)
        self.recent = RecentCorpora(settings, window)
        self._reload_wanted = False  # files changed while a load was running
        self.loader.started.connect(self._on_load_started)
        self.loader.progress.connect(self.status.progress)
        self.watcher.changed.connect(self._on_files_changed)
        self.recent.open_requested.connect(self.open)

    def on_loaded(self, complete: bool) -> None:
        """The session's load ended (connected once the session exists)."""
        self.window.stop_action.setEnabled(False)
        self.status.ended(complete)
        self._watch_corpus()
        if complete and self._reload_wanted:
            self._reload_wanted = False
            QTimer.singleShot(0, self.reload)

    # -- opening ---------------------------------------------------------------------------
    def open(self, paths: list[str], restore: tuple[str, int] | None = None) -> None:
        """Replace the corpus with the files under ``paths`` (loaded in the background).

        ``restore`` = (interview id, question): reopen that place when it has loaded.
        """
        paths = [os.path.abspath(p) for p in paths if p]
        if not paths:
            return
        window = self.window
        session = window.session  # builds the parts: they watch the session from the start
        self.paths = paths
        window.place.expect(restore)
        self.recent.add(paths)
        self.loader.load(session.start(paths))

    def restore_last(self) -> bool:
        """Reopen the corpus, interview and question of the last session; False if none."""
        paths = self.recent.last()
        if not paths:
            return False
        self.open(paths, restore=self.window.place.last())
        return True

    @Slot()
    def reload(self) -> None:
        """Read the open files again (after they were edited), staying at the same place."""
        if self.paths:
            self.open(list(self.paths), restore=self.window.place.current())

    @Slot()
    def stop(self) -> None:
        """Stop the running load; what has loaded so far stays open."""
        if self.loader.is_loading():
            self.loader.stop()

    @Slot()
    def choose_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(
            self.window, translate("MainWindow", "Open Folder of Interviews"), self._start_dir())
        if folder:
            self.open([folder])

    @Slot()
    def choose_files(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from kzreader.core.sources.sources import SUPPORTED_SUFFIXES

        patterns = " ".join("*" + s for s in SUPPORTED_SUFFIXES)
        files, _ = QFileDialog.getOpenFileNames(
            self.window, translate("MainWindow", "Open Interviews"), self._start_dir(),
            translate("MainWindow", "Interviews ({0});;All files (*)").format(patterns))
        if files:
            self.open(files)

    def _start_dir(self) -> str:
        return self.paths[0] if self.paths else os.path.expanduser("~")

    # -- the load ----------------------------------------------------------------------------
    @Slot()
    def _on_load_started(self) -> None:
        self.watcher.hold()
        self.window.stop_action.setEnabled(True)
        self.status.started()

    def _watch_corpus(self) -> None:
        corpus = self.window.session.corpus
        # files that failed are watched too, so fixing one brings it in
        self.watcher.watch(self.paths, [iv.path for iv in corpus.interviews]
                           + sorted({p.path for p in corpus.problems if os.path.isfile(p.path)}))

    @Slot(list)
    def _on_files_changed(self, paths: list) -> None:
        """Files of the corpus changed on disk: load them again, keeping the reader's place
        (unchanged files come from the parse cache, so this costs little)."""
        if self.loader.is_loading():
            self._reload_wanted = True
            return
        name = os.path.basename(paths[0]) if len(paths) == 1 else \
            translate("MainWindow", "{0} files").format(len(paths))
        self.window.statusBar().showMessage(
            translate("MainWindow", "Files changed on disk; reloading {0}.").format(name), CHANGED_MS)
        self.reload()
