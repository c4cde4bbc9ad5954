"""Noticing that the open corpus changed on disk.

Watches every loaded file and the folders they sit in (for files added or removed), and
reports once per burst of changes: editors save in several steps (write a temporary file,
rename it over the old one) and a sync tool may touch hundreds of files at once.
"""
from __future__ import annotations

import os

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot


# changes closer together than this are one burst (ms)
SETTLE_MS = 400
# inotify watches are a per-user budget shared with other programs; stay well inside it
MAX_WATCHED = 20_000


class CorpusWatcher(QObject):
    """``changed(paths)`` after files of the corpus (or its folders) changed and settled."""

    changed = Signal(list)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_change)
        self._watcher.directoryChanged.connect(self._on_dir_change)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self._report)
        self._changed: set[str] = set()
        self._listing: dict[str, set[str]] = {}  # folder -> names of the corpus files in it
        self.paused = False
        self._held = False

    def watch(self, folders: list[str], files: list[str]) -> None:
        """Watch ``folders`` opened by the user and the ``files`` loaded, instead of what was
        watched before, and report changes again after ``hold``."""
        self._timer.stop()
        self._changed.clear()
        self._held = False
        dirs = {os.path.realpath(f) for f in folders if os.path.isdir(f)}  # as the files' paths
        dirs.update(os.path.dirname(p) for p in files)
        self._listing = {d: _supported_names(d) for d in dirs}
        wanted = (sorted(dirs) + list(files))[:MAX_WATCHED]
        # only the difference: watching 10,000 files anew on every reload costs a visible pause
        current = set(self._watcher.files()) | set(self._watcher.directories())
        keep = set(wanted)
        gone = [p for p in current if p not in keep]
        if gone:
            self._watcher.removePaths(gone)
        new = [p for p in wanted if p not in current]
        if new:
            self._watcher.addPaths(new)  # paths that cannot be watched are skipped

    def hold(self) -> None:
        """Ignore changes until the next ``watch`` (while a load reads the files anyway)."""
        self._held = True
        self._timer.stop()
        self._changed.clear()

    def watched(self) -> list[str]:
        return self._watcher.files() + self._watcher.directories()

    @Slot(str)
    def _on_change(self, path: str) -> None:
        if self.paused or self._held:
            return
        self._changed.add(path)
        self._timer.start()

    @Slot(str)
    def _on_dir_change(self, path: str) -> None:
        # a folder changes for any file in it (editor swap files too): only a corpus file
        # appearing or disappearing counts here; edits arrive through the file's own watch
        now = _supported_names(path)
        if now != self._listing.get(path):
            self._listing[path] = now
            self._on_change(path)

    @Slot()
    def _report(self) -> None:
        if self._changed and not self.paused and not self._held:
            paths, self._changed = sorted(self._changed), set()
            self.changed.emit(paths)


def _supported_names(folder: str) -> set[str]:
    # here: not needed to paint the window
    from kzreader.core.sources.sources import opened_with_folder  # the same files as a load

    try:
        return {e.name for e in os.scandir(folder) if opened_with_folder(e.name)}
    except OSError:
        return set()
