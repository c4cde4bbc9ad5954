"""Help ▸ Open Log Folder: the folder of the log file (kzreader.diagnostics) in the file manager."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from kzreader.diagnostics import log_dir, log_file


def current_log_folder() -> str:
    """Where this run logs; without a log file (logging not set up), the default folder."""
    f = log_file()
    folder = f.parent if f is not None else log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return str(folder)


def open_log_folder(parent: QWidget) -> bool:
    """Open the log folder; when no file manager takes it, say where it is."""
    try:
        folder = current_log_folder()
    except OSError as e:
        folder, opened = str(log_dir()), False
        detail = e.strerror or str(e)
    else:
        opened = QDesktopServices.openUrl(QUrl.fromLocalFile(folder))
        detail = ""
    if not opened:
        text = QCoreApplication.translate("LogFolder", "The log folder could not be opened. It is:\n%1")
        QMessageBox.information(parent, QCoreApplication.translate("LogFolder", "Log Folder"),
                                text.replace("%1", folder) + (f"\n\n{detail}" if detail else ""))
    return opened
