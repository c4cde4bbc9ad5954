"""The theme sidebar (a dock's widget): every theme with its colour and exchange counts.

Wiring (MainWindow):

* ``ThemeSidebar(lexicon, counts, language=...)`` with a ``core.themes.lexicon.Lexicon`` and the
  ``core.themes.themes.CorpusThemes`` returned by ``tag_corpus``; call
  :meth:`ThemeSidebar.set_lexicon_counts` again after re-tagging (the selection is kept for
  the themes that still exist) and :meth:`ThemeSidebar.refresh_counts` after adding
  interviews to the same ``CorpusThemes``.
* :meth:`ThemeSidebar.set_current_interview` with the id of the interview being read.
* ``selection_changed(list[str])`` — the selected theme ids in lexicon order; an empty list
  means "no filter" (use ``CorpusThemes.interviews_with`` / ``exchanges_with``).
* ``lexicon_edited(list[Theme])`` — the full theme list after the user edited it in the
  "Edit themes…" dialog; save it with ``core.themes.lexicon.save_user_lexicon(path, themes,
  base=default)``, then re-tag and call ``set_lexicon_counts``.
"""
from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kzreader.core.themes.lexicon import Lexicon, Theme
from kzreader.core.themes.themes import CorpusThemes

THEME_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CORPUS_COUNT_ROLE = Qt.ItemDataRole.UserRole + 2
INTERVIEW_COUNT_ROLE = Qt.ItemDataRole.UserRole + 3
COLOUR_ROLE = Qt.ItemDataRole.UserRole + 4
_NO_INDEX = QModelIndex()


_SWATCHES: dict[str, object] = {}


def _swatch(colour: str):
    """The theme's colour as an icon that stays that colour when its row is selected (a
    plain colour is tinted with the selection colour and can vanish in it)."""
    icon = _SWATCHES.get(colour)
    if icon is None:
        from PySide6.QtGui import QIcon, QPainter, QPixmap

        pixmap = QPixmap(16, 16)
        pixmap.fill(QColor(colour))
        painter = QPainter(pixmap)
        painter.setPen(QColor(255, 255, 255))  # a light rim parts it from a dark selection
        painter.drawRect(0, 0, 15, 15)
        painter.end()
        icon = QIcon()
        for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected, QIcon.Mode.Active):
            icon.addPixmap(pixmap, mode)
        _SWATCHES[colour] = icon
    return icon


class ThemeCountsModel(QAbstractListModel):
    """One row per theme of the lexicon; counts are read from a core CorpusThemes."""

    def __init__(self, parent=None, language: str = "ru"):
        super().__init__(parent)
        self._language = language
        self._themes: tuple[Theme, ...] = ()
        self._counts: CorpusThemes | None = None
        self._current: str | None = None

    def set_lexicon_counts(self, lexicon: Lexicon | None, counts: CorpusThemes | None) -> None:
        self.beginResetModel()
        self._themes = lexicon.themes if lexicon is not None else ()
        self._counts = counts
        self.endResetModel()

    def set_current_interview(self, interview_id: str | None) -> None:
        self._current = interview_id
        self.refresh_counts()

    def refresh_counts(self) -> None:
        if self._themes:
            self.dataChanged.emit(self.index(0), self.index(len(self._themes) - 1),
                                  [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                   CORPUS_COUNT_ROLE, INTERVIEW_COUNT_ROLE])

    def theme(self, row: int) -> Theme | None:
        return self._themes[row] if 0 <= row < len(self._themes) else None

    def row_of(self, theme_id: str) -> int:
        for i, t in enumerate(self._themes):
            if t.id == theme_id:
                return i
        return -1

    def corpus_count(self, theme_id: str) -> int:
        return self._counts.count(theme_id) if self._counts is not None else 0

    def interview_count(self, theme_id: str) -> int:
        if self._counts is None or self._current is None:
            return 0
        return self._counts.count(theme_id, self._current)

    # -- QAbstractListModel ------------------------------------------------------------
    def rowCount(self, parent=_NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._themes)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.parent().isValid():
            return None
        t = self.theme(index.row())
        if t is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            # the whole name (wrapped, never cut in the middle), then the counts in words
            name = t.name(self._language)
            corpus = self.corpus_count(t.id)
            if self._current is None:
                counts = (self.tr("{corpus} question") if corpus == 1
                          else self.tr("{corpus} questions")).format(corpus=corpus)
            else:
                counts = (self.tr("{corpus} question, {current} in this interview") if corpus == 1
                          else self.tr("{corpus} questions, {current} in this interview")).format(
                    corpus=corpus, current=self.interview_count(t.id))
            return f"{name}\u2028{counts}"
        if role == Qt.ItemDataRole.DecorationRole:
            return _swatch(t.colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.tr("{name}\n{corpus} exchanges in the corpus").format(
                name=t.name(self._language), corpus=self.corpus_count(t.id))
            if self._current is not None:
                tip += "\n" + self.tr("{current} in the current interview").format(
                    current=self.interview_count(t.id))
            return tip
        if role == THEME_ID_ROLE:
            return t.id
        if role == CORPUS_COUNT_ROLE:
            return self.corpus_count(t.id)
        if role == INTERVIEW_COUNT_ROLE:
            return self.interview_count(t.id)
        if role == COLOUR_ROLE:
            return t.colour
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class ThemeSidebar(QWidget):
    """The list of themes with multi-selection, a Clear button and "Edit themes…"."""

    selection_changed = Signal(list)  # list[str] of theme ids, lexicon order
    lexicon_edited = Signal(list)  # list[Theme], the whole edited lexicon

    def __init__(self, lexicon: Lexicon | None = None, counts: CorpusThemes | None = None,
                 parent=None, language: str = "ru"):
        super().__init__(parent)
        self._language = language
        self._lexicon = lexicon
        self._last_emitted: list[str] = []
        self._editor = None
        self.model = ThemeCountsModel(self, language)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Themes"))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setUniformItemSizes(False)
        self.view.setWordWrap(True)  # a long name takes another line rather than losing letters
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.clear_button.setToolTip(self.tr("Show all interviews and exchanges again"))
        self.edit_button = QPushButton(self.tr("Edit themes…"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.clear_button.clicked.connect(self.clear_selection)
        self.edit_button.clicked.connect(self.open_editor)
        self.set_lexicon_counts(lexicon, counts)

    # -- data ---------------------------------------------------------------------------
    @Slot(object, object)
    def set_lexicon_counts(self, lexicon: Lexicon | None, counts: CorpusThemes | None) -> None:
        """Show a (new) lexicon and its counts; keeps the selected themes that still exist."""
        keep = self.selected_theme_ids()
        self._lexicon = lexicon
        blocker = self.view.selectionModel().blockSignals(True)
        try:
            self.model.set_lexicon_counts(lexicon, counts)
        finally:
            self.view.selectionModel().blockSignals(blocker)
        self.set_selected_theme_ids(keep)
        self._emit_if_changed()

    @Slot()
    def refresh_counts(self) -> None:
        """The CorpusThemes given earlier gained or lost interviews: show its new counts."""
        self.model.refresh_counts()

    @Slot(object)
    def set_current_interview(self, interview_id: str | None) -> None:
        self.model.set_current_interview(interview_id)

    def lexicon(self) -> Lexicon | None:
        return self._lexicon

    # -- selection ---------------------------------------------------------------------
    def selected_theme_ids(self) -> list[str]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        return [self.model.theme(r).id for r in rows if self.model.theme(r) is not None]

    def set_selected_theme_ids(self, theme_ids) -> None:
        sel = QItemSelection()
        for tid in theme_ids:
            row = self.model.row_of(tid)
            if row >= 0:
                idx = self.model.index(row)
                sel.select(idx, idx)
        self.view.selectionModel().select(
            sel, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    @Slot()
    def clear_selection(self) -> None:
        self.view.selectionModel().clearSelection()

    @Slot()
    def _on_selection_changed(self, *_):
        self._emit_if_changed()

    def _emit_if_changed(self) -> None:
        ids = self.selected_theme_ids()
        if ids != self._last_emitted:
            self._last_emitted = ids
            self.selection_changed.emit(ids)

    # -- editing -----------------------------------------------------------------------
    @Slot()
    def open_editor(self):
        """Open the theme editor (window-modal, non-blocking) and return it.

        On OK, ``lexicon_edited`` carries the edited theme list.
        """
        from kzreader.gui.themes.theme_editor import ThemeEditorDialog

        themes = self._lexicon.themes if self._lexicon is not None else ()
        dialog = ThemeEditorDialog(themes, self, self._language)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.lexicon_edited.emit(dialog.themes()))
        self._editor = dialog
        dialog.open()
        return dialog
