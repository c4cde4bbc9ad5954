"""The theme map: interviews × themes as a heatmap of exchange counts or shares.

Wiring (MainWindow): ``ThemeMapWidget(lexicon, counts, interviews, language=...)`` (or the
``ThemeMapDialog`` wrapper) with the ``core.themes.lexicon.Lexicon``, the ``CorpusThemes`` from
``tag_corpus`` and the interviews (for titles); ``set_data`` again after re-tagging.
``cell_activated(interview_id, theme_id)`` fires when a theme cell is clicked or Return is
pressed on it: open that interview filtered to that theme.  ``save_png(path)`` writes the
visible map.
"""
from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kzreader.core.model import Interview
from kzreader.core.text import fold
from kzreader.core.themes.lexicon import Lexicon, Theme
from kzreader.core.themes.themes import CorpusThemes

from ..widgets.dialog_size import open_size
from ..widgets.plain_text import plain_tooltip

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
INTENSITY_ROLE = Qt.ItemDataRole.UserRole + 2  # 0..1, the cell's value over the map's maximum
TOTAL_ROLE = Qt.ItemDataRole.UserRole + 7  # a theme column's total (header)
SCALE_COLOUR = QColor(40, 100, 170)  # one colour for every cell, so columns compare
COLOUR_ROLE = Qt.ItemDataRole.UserRole + 3  # "#rrggbb" of the column's theme
INTERVIEW_ID_ROLE = Qt.ItemDataRole.UserRole + 4
THEME_ID_ROLE = Qt.ItemDataRole.UserRole + 5
MODE_COUNT, MODE_SHARE = "count", "share"
_NO_INDEX = QModelIndex()
INTERVIEW_COLUMN = 220  # px: the interview column's width where the screen has room
THEME_COLUMN = 48  # px: a theme column's least width where the screen has room


class ThemeMapModel(QAbstractTableModel):
    """Column 0: interview title; column k+1: theme k of the lexicon."""

    def __init__(self, parent=None, language: str = "ru"):
        super().__init__(parent)
        self._language = language
        self._themes: tuple[Theme, ...] = ()
        self._rows: list[tuple[str, str]] = []  # (interview id, title)
        self._counts: CorpusThemes | None = None
        self._mode = MODE_COUNT
        self._max = 0.0

    def set_data(self, lexicon: Lexicon | None, counts: CorpusThemes | None,
                 interviews: Sequence[Interview] = ()) -> None:
        self.beginResetModel()
        self._themes = lexicon.themes if lexicon is not None else ()
        self._counts = counts
        self._rows = [(iv.id, iv.display_title) for iv in interviews
                      if counts is not None and iv.id in counts.exchange_themes]
        self._update_max()
        self.endResetModel()

    def mode(self) -> str:
        return self._mode

    def set_mode(self, mode: str) -> None:
        if mode not in (MODE_COUNT, MODE_SHARE):
            raise ValueError(mode)
        if mode == self._mode:
            return
        self._mode = mode
        self._update_max()
        if self._rows and self._themes:
            self.dataChanged.emit(self.index(0, 1),
                                  self.index(len(self._rows) - 1, len(self._themes)))

    def value(self, row: int, theme_id: str) -> float:
        iid = self._rows[row][0]
        if self._mode == MODE_SHARE:
            return self._counts.share(iid, theme_id)
        return float(self._counts.count(theme_id, iid))

    def _update_max(self) -> None:
        self._max = max((self.value(r, t.id) for r in range(len(self._rows))
                         for t in self._themes), default=0.0)

    def total(self, theme_id: str) -> int:
        """Exchanges on the theme across the interviews of the map."""
        if self._counts is None:
            return 0
        return sum(self._counts.count(theme_id, iid) for iid, _title in self._rows)

    def interview_id(self, row: int) -> str:
        return self._rows[row][0]

    def theme(self, column: int) -> Theme | None:
        return self._themes[column - 1] if 1 <= column <= len(self._themes) else None

    # -- QAbstractTableModel -----------------------------------------------------------
    def rowCount(self, parent=_NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_NO_INDEX) -> int:
        return 0 if parent.isValid() else 1 + len(self._themes)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.parent().isValid():
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= col <= len(self._themes)):
            return None
        iid, title = self._rows[row]
        if role == INTERVIEW_ID_ROLE:
            return iid
        if col == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return title
            if role == Qt.ItemDataRole.ToolTipRole:
                return plain_tooltip(title)  # the title comes from the file
            if role == SORT_ROLE:
                return fold(title)
            return None
        theme = self._themes[col - 1]
        if role == THEME_ID_ROLE:
            return theme.id
        if role == COLOUR_ROLE:
            return theme.colour
        v = self.value(row, theme.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{round(v * 100)}%" if self._mode == MODE_SHARE else str(int(v))
        if role == SORT_ROLE:
            return v
        if role == INTENSITY_ROLE:
            return v / self._max if self._max else 0.0
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            n = self._counts.count(theme.id, iid)
            total = self._counts.exchange_count(iid)
            return plain_tooltip(QCoreApplication.translate(
                "ThemeMapModel", "{title}\n{theme}: {n} of {total} exchanges").format(
                title=title, theme=theme.name(self._language), n=n, total=total))
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if section == 0:
                if role == Qt.ItemDataRole.DisplayRole:
                    return QCoreApplication.translate("ThemeMapModel", "Interview")
                return None
            theme = self.theme(section)
            if theme is None:
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return theme.name(self._language)
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate("ThemeMapModel", "{theme}: {n} exchanges in all").format(
                    theme=theme.name(self._language), n=self.total(theme.id))
            if role == TOTAL_ROLE:
                return self.total(theme.id)
            if role == Qt.ItemDataRole.DecorationRole:
                return QColor(theme.colour)
            return None
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class HeatDelegate(QStyledItemDelegate):
    """Paints a cell in the map's one colour, stronger for higher values (a colour per theme
    would make columns incomparable); the theme's own colour is in its header."""

    def paint(self, painter, option, index):
        intensity = index.data(INTENSITY_ROLE)
        colour = index.data(COLOUR_ROLE)
        if intensity is None or colour is None:
            super().paint(painter, option, index)
            return
        c = QColor(SCALE_COLOUR)
        c.setAlphaF(0.08 + 0.92 * float(intensity) if intensity > 0 else 0.0)
        painter.save()
        painter.fillRect(option.rect, c)
        if option.state & QStyle.StateFlag.State_Selected:
            pen = painter.pen()
            pen.setColor(option.palette.color(QPalette.ColorRole.Highlight))
            pen.setWidth(2)
            painter.setPen(pen)
            painter.drawRect(option.rect.adjusted(1, 1, -1, -1))
        # dark text on light fills, white on strong dark ones; a zero faint, so the cells that
        # carry a theme stand out from a grid of zeros
        strong = intensity > 0.55 and c.lightnessF() < 0.6
        role = QPalette.ColorRole.Text if intensity > 0 else QPalette.ColorRole.PlaceholderText
        painter.setPen(QColor("white") if strong else option.palette.color(role))
        painter.drawText(option.rect, Qt.AlignmentFlag.AlignCenter, str(index.data() or ""))
        painter.restore()


class _MapView(QTableView):
    activated_by_key = Signal(QModelIndex)

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_by_key.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class ThemeMapWidget(QWidget):
    cell_activated = Signal(str, str)  # interview id, theme id

    def __init__(self, lexicon: Lexicon | None = None, counts: CorpusThemes | None = None,
                 interviews: Sequence[Interview] = (), parent=None, language: str = "ru"):
        super().__init__(parent)
        self.model = ThemeMapModel(self, language)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = _MapView(self)
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(HeatDelegate(self.view))
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # load order until a click
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # every theme in view: the theme columns share the width, names elided (whole in tooltips)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setMinimumSectionSize(THEME_COLUMN)
        self.view.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setWordWrap(False)

        self.view.setAccessibleName(self.tr("Theme map"))
        self.mode_box = QComboBox(self)
        self.mode_box.setAccessibleName(self.tr("Show"))
        self.mode_box.addItem(self.tr("Exchanges (count)"), MODE_COUNT)
        self.mode_box.addItem(self.tr("Share of exchanges"), MODE_SHARE)
        self.save_button = QPushButton(self.tr("Save as PNG…"), self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:"), self))
        top.addWidget(self.mode_box)
        top.addStretch(1)
        top.addWidget(self.save_button)
        self.totals_label = QLabel(self)
        self.totals_label.setTextFormat(Qt.TextFormat.PlainText)
        self.totals_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view)
        layout.addWidget(self.totals_label)

        self.mode_box.currentIndexChanged.connect(self._on_mode_changed)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.view.clicked.connect(self._on_cell)
        self.view.activated_by_key.connect(self._on_cell)
        self.set_data(lexicon, counts, interviews)

    @Slot(object, object, object)
    def set_data(self, lexicon: Lexicon | None, counts: CorpusThemes | None,
                 interviews: Sequence[Interview] = ()) -> None:
        self.model.set_data(lexicon, counts, interviews)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.view.setColumnWidth(0, INTERVIEW_COLUMN)
        totals = [str(self.model.headerData(c, Qt.Orientation.Horizontal, TOTAL_ROLE))
                  for c in range(1, self.model.columnCount())]
        self.totals_label.setText(self.tr("Exchanges in all, by theme: {0}").format(", ".join(
            f"{self.model.headerData(c, Qt.Orientation.Horizontal)} {t}"
            for c, t in enumerate(totals, 1))))

    def fit_width(self, width: int) -> None:
        """Fit the columns to a map ``width`` pixels wide (a small screen): the interview column
        narrows first (never below a readable 100 px), then the theme columns' least width
        (never below 32 px, room for a count), so that every theme column stays in view."""
        header = self.view.horizontalHeader()
        themes = max(1, self.model.columnCount() - 1)
        scrollbar = self.view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        room = width - self.view.verticalHeader().sizeHint().width() - scrollbar - 40
        first = max(100, min(INTERVIEW_COLUMN, room - themes * THEME_COLUMN))
        header.setMinimumSectionSize(max(32, min(THEME_COLUMN, (room - first) // themes)))
        self.view.setColumnWidth(0, first)

    def set_mode(self, mode: str) -> None:
        """MODE_COUNT or MODE_SHARE (also what the combo box offers)."""
        self.mode_box.setCurrentIndex(self.mode_box.findData(mode))

    def mode(self) -> str:
        return self.model.mode()

    @Slot(int)
    def _on_mode_changed(self, i: int) -> None:
        self.model.set_mode(self.mode_box.itemData(i))
        self.proxy.invalidate()  # re-sort by the new values

    @Slot(QModelIndex)
    def _on_cell(self, proxy_index: QModelIndex) -> None:
        src = self.proxy.mapToSource(proxy_index)
        theme = self.model.theme(src.column())
        if src.isValid() and theme is not None:
            self.cell_activated.emit(self.model.interview_id(src.row()), theme.id)

    def save_png(self, path: str) -> bool:
        """Write the map as shown (headers and visible cells) to ``path`` as PNG."""
        return self.view.grab().save(path, "PNG")

    @Slot()
    def _on_save_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save theme map"), "theme-map.png", self.tr("PNG images (*.png)"))
        if path:
            if not path.lower().endswith(".png"):
                path += ".png"
            if not self.save_png(path):
                from PySide6.QtWidgets import QMessageBox

                QMessageBox.warning(self, self.tr("Save theme map"),
                                    self.tr("Could not write {path}.").format(path=path))


class ThemeMapDialog(QDialog):
    """The map in its own non-modal window; ``map`` is the ThemeMapWidget."""

    cell_activated = Signal(str, str)

    def __init__(self, lexicon: Lexicon | None = None, counts: CorpusThemes | None = None,
                 interviews: Sequence[Interview] = (), parent=None, language: str = "ru"):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Theme map"))
        self.map = ThemeMapWidget(lexicon, counts, interviews, self, language)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.map)
        self.map.cell_activated.connect(self.cell_activated)
        size = open_size(self, 1200, 640)  # within a small screen, not off its edge
        self.resize(size)
        self.map.fit_width(size.width())
