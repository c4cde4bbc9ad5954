"""The Problems panel: files that failed to load or loaded with warnings."""
from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QSettings, QSize, Qt, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..i18n import message_text
from ..widgets.plain_text import plain_tooltip

if TYPE_CHECKING:  # annotations only
    from PySide6.QtWidgets import QMessageBox

    from kzreader.core.model import Problem

_NO_INDEX = QModelIndex()
COL_SEVERITY, COL_FILE, COL_MESSAGE = range(3)
# the File column's share of the table's width, and its bounds (px): the message says what is
# wrong and gets the rest; a long file name is elided in the middle (its tooltip has the path)
FILE_SHARE, FILE_MIN, FILE_MAX = 0.3, 90, 320
K_DOCK_MODE = "window/problems_dock"
# the window height (px) from which the dock opens by itself: in a 600 px window it took
# 150 px of the reading pane's 520
ROOMY_HEIGHT = 660


class ProblemTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: list[Problem] = []

    def append(self, problems: list[Problem]) -> None:
        if not problems:
            return
        first = len(self._items)
        self.beginInsertRows(_NO_INDEX, first, first + len(problems) - 1)
        self._items.extend(problems)
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._items.clear()
        self.endResetModel()

    def problem(self, row: int) -> Problem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def problems(self) -> list[Problem]:
        return list(self._items)

    def error_count(self) -> int:
        return sum(1 for p in self._items if p.severity == "error")

    def rowCount(self, parent=_NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent=_NO_INDEX) -> int:
        return 0 if parent.isValid() else 3

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._items):
            return None
        p = self._items[index.row()]
        col = index.column()
        if col == COL_SEVERITY:  # an icon: the word ("Предупреждение") took the message's room
            if role == Qt.ItemDataRole.DecorationRole:
                return _severity_icon(p.severity)
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return self._severity_label(p.severity)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_FILE:
                return os.path.basename(p.path) or p.path
            return message_text(p.message)
        if role == Qt.ItemDataRole.ToolTipRole:  # messages quote file names and file text
            return plain_tooltip(p.path if col == COL_FILE else message_text(p.message))
        return None

    def _severity_label(self, severity: str) -> str:
        if severity == "error":
            return self.tr("Error")
        if severity == "warning":
            return self.tr("Warning")
        return severity

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 3:
            return None
        if section == COL_SEVERITY:  # a column of icons: its name as their tooltip
            return self.tr("Severity") if role == Qt.ItemDataRole.ToolTipRole else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("File"), self.tr("Message"))[section - 1]


def _severity_icon(severity: str):
    from PySide6.QtWidgets import QApplication, QStyle  # here: only once there is a problem

    pixmap = QStyle.StandardPixmap.SP_MessageBoxCritical if severity == "error" \
        else QStyle.StandardPixmap.SP_MessageBoxWarning
    return QApplication.style().standardIcon(pixmap)


class ProblemsView(QWidget):
    """Table of problems; double-click shows the details with a button to open the folder."""

    count_changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = ProblemTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("problems_table")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Problems"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next control, not the next cell
        self.table.verticalHeader().hide()
        # a long message wraps onto more lines of its row instead of being cut
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_SEVERITY, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_FILE, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # keeps a file name's extension
        self._file_width_set_by_user = False
        self._sizing = False
        header.sectionResized.connect(self._on_section_resized)
        # the header is as wide as the table's viewport (whose first viewport() call, before
        # the first paint, would make PySide look through every widget class)
        header.installEventFilter(self)
        self.table.doubleClicked.connect(self._on_double_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.table.horizontalHeader() and event.type() == QEvent.Type.Resize:
            self._fit_file_column()
        return False

    def _fit_file_column(self) -> None:
        """The File column at its share of the width, until the user sizes it."""
        if self._file_width_set_by_user:
            return
        header = self.table.horizontalHeader()
        width = max(FILE_MIN, min(FILE_MAX, int(header.width() * FILE_SHARE)))
        self._sizing = True
        try:
            header.resizeSection(COL_FILE, width)
        finally:
            self._sizing = False

    @Slot(int, int, int)
    def _on_section_resized(self, section: int, _old: int, _new: int) -> None:
        if section == COL_FILE and not self._sizing and self.table.horizontalHeader().isVisible():
            self._file_width_set_by_user = True  # dragged: the user's width stays

    def append(self, problems: list[Problem]) -> None:
        if problems:
            self.model.append(problems)
            self.count_changed.emit(self.model.rowCount())

    def clear(self) -> None:
        self.model.clear()
        self.count_changed.emit(0)

    def details_box(self, problem: Problem) -> QMessageBox:
        """The details dialog for one problem (not shown; the caller execs it)."""
        from PySide6.QtWidgets import QMessageBox  # here: not needed to paint the window

        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Problem"))
        box.setIcon(
            QMessageBox.Icon.Critical if problem.severity == "error" else QMessageBox.Icon.Warning
        )
        # paths and messages come from the files: plain text only
        box.setTextFormat(Qt.TextFormat.PlainText)
        # (the informative text label would guess the format, so the path goes in the main text)
        box.setText(f"{message_text(problem.message)}\n\n{problem.path}")
        open_button = box.addButton(self.tr("Open Containing Folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.open_button = open_button
        return box

    def show_details(self, row: int) -> None:
        problem = self.model.problem(row)
        if problem is None:
            return
        box = self.details_box(problem)
        box.exec()
        if box.clickedButton() is box.open_button:
            self.open_folder(problem.path)

    def open_folder(self, path: str) -> bool:
        from PySide6.QtCore import QUrl

        folder = path if os.path.isdir(path) else os.path.dirname(path)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(folder or "."))

    @Slot(QModelIndex)
    def _on_double_clicked(self, index) -> None:
        self.show_details(index.row())


class ProblemsDockVisibility(QObject):
    """Keeps the Problems dock out of the way while it has nothing to list.

    ``auto`` (the default): shown while there are problems, hidden otherwise; it appears
    without taking the focus, and only in a window tall enough to spare it the room (in a
    small one the status bar's "Problems: N" button says there are some and opens it).  The
    user's own choice wins and is remembered (QSettings): closing the dock keeps it closed
    ("closed"; the status bar still counts them), opening it from View ▸ Panels while it is
    empty keeps it open ("shown"; opened while it lists something, by the menu or the status
    bar's button, it is back to "auto", and stays open while there are problems; opened so,
    or left open at the end of a session, it comes back with the next problems whatever the
    window's size).  Where it sits is part of the main window's saved layout, as for the other docks.
    """

    AUTO, SHOWN, CLOSED = "auto", "shown", "closed"

    def __init__(self, dock: QDockWidget, view: ProblemsView, settings: QSettings, parent=None):
        super().__init__(parent or dock)
        self.dock, self.view, self.settings = dock, view, settings
        mode = settings.value(K_DOCK_MODE, "", type=str)
        # opened by the user, or open in the layout the last session left (stored with the
        # mode): it comes back, in a small window too, when there is something to list again
        self._kept_open = mode in (self.AUTO, self.SHOWN, self.CLOSED) and not dock.isHidden()
        if mode not in (self.AUTO, self.SHOWN, self.CLOSED):
            # nothing stored (first start, or settings from before): a restored layout with the
            # dock hidden was the user's doing.  Stored by ``save``, with that layout: writing
            # the settings now would make their file be written (and synced) before the first paint
            mode = self.CLOSED if dock.isHidden() else self.AUTO
        self.mode = mode
        self.button = self._status_button()
        dock.toggleViewAction().triggered.connect(self._on_toggled)
        dock.installEventFilter(self)
        dock.visibilityChanged.connect(lambda _visible: self._update_button())  # also a tab chosen
        view.count_changed.connect(self._on_count_changed)
        self._sync()

    def _status_button(self):
        from PySide6.QtWidgets import QToolButton

        button = QToolButton(self.dock.window())
        button.setObjectName("problems_status_button")
        button.setAutoRaise(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setToolTip(self.tr("Show the Problems panel: the files not loaded or loaded with warnings"))
        button.clicked.connect(self.open_dock)
        button.hide()
        self.dock.window().statusBar().addPermanentWidget(button)
        return button

    def _set_mode(self, mode: str) -> None:
        self.mode = mode
        self.save()

    def save(self) -> None:
        """Store the mode (the window does this with its layout, which hides an empty dock)."""
        self.settings.setValue(K_DOCK_MODE, self.mode)

    def _sync(self) -> None:
        rows = self.view.model.rowCount()
        if self.mode == self.AUTO:
            # opens by itself where there is room; once open, it stays while there are problems
            wanted = rows > 0 and (self._open() or self._kept_open or self.dock.window().height() >= ROOMY_HEIGHT)
        else:
            wanted = self.mode == self.SHOWN
        if wanted == self.dock.isHidden():
            self.dock.setVisible(wanted)  # a dock shown this way does not take the focus
        self._update_button()

    def _open(self) -> bool:
        """Open (View ▸ Panels ▸ Problems ticked), though maybe behind another panel's tab."""
        return self.dock.toggleViewAction().isChecked()

    def _update_button(self) -> None:
        rows = self.view.model.rowCount()
        if rows:
            self.button.setText(self.tr("Problems: {0}").format(rows))
            if self.button.icon().isNull():  # made with the first problem: not needed to start
                self.button.setIcon(_severity_icon("warning"))  # a note to see, not a plain count
                size = self.button.fontMetrics().height()
                self.button.setIconSize(QSize(size, size))
        # while the list cannot be seen: closed, or behind another panel's tab
        # (a dock behind another's tab is still "visible", with nothing of it on the screen)
        seen = self._open() and self.dock.isVisible() and not self.dock.visibleRegion().isEmpty()
        self.button.setVisible(rows > 0 and not seen)

    @Slot()
    def open_dock(self) -> None:
        """Show the dock, as View ▸ Panels ▸ Problems does (the user's choice), in front."""
        if not self._open():
            self.dock.toggleViewAction().trigger()
        self.dock.raise_()

    @Slot(int)
    def _on_count_changed(self, _count: int) -> None:
        self._sync()

    @Slot(bool)
    def _on_toggled(self, checked: bool) -> None:
        """View ▸ Panels ▸ Problems, chosen by the user: opened while empty, it stays open."""
        self._kept_open = checked
        if checked:
            self._set_mode(self.AUTO if self.view.model.rowCount() else self.SHOWN)
        else:
            self._set_mode(self.CLOSED)
        self._update_button()

    def eventFilter(self, obj, event) -> bool:
        # the dock's close button (or the window manager's, when it floats)
        if obj is self.dock and event.type() == QEvent.Type.Close:
            self._set_mode(self.CLOSED)
            self._kept_open = False
        return False
