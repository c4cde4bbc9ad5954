"""The dialog that edits a bookmark's note, tags and colour."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout)

from kzreader.core.annotations.bookmark import Bookmark

from .bookmarks_model import one_line

# names translated where shown (BookmarkEditDialog's self.tr)
COLOURS = [("", QT_TRANSLATE_NOOP("BookmarkEditDialog", "None")),
           ("#ffe066", QT_TRANSLATE_NOOP("BookmarkEditDialog", "Yellow")),
           ("#8ce99a", QT_TRANSLATE_NOOP("BookmarkEditDialog", "Green")),
           ("#74c0fc", QT_TRANSLATE_NOOP("BookmarkEditDialog", "Blue")),
           ("#faa2c1", QT_TRANSLATE_NOOP("BookmarkEditDialog", "Pink"))]


class BookmarkEditDialog(QDialog):
    def __init__(self, bookmark: Bookmark, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit bookmark"))
        self.bookmark_id = bookmark.id
        quote = QLabel(one_line(bookmark.quote, 400))
        quote.setTextFormat(Qt.TextFormat.PlainText)
        quote.setWordWrap(True)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlainText(bookmark.note)
        self.tags_edit = QLineEdit(", ".join(bookmark.tags))
        self.tags_edit.setPlaceholderText(self.tr("comma-separated, e.g. economy, energy"))
        self.colour_combo = QComboBox()
        for value, name in COLOURS:
            self.colour_combo.addItem(self.tr(name), value)
        if bookmark.colour and self.colour_combo.findData(bookmark.colour) < 0:
            self.colour_combo.addItem(bookmark.colour, bookmark.colour)
        self.colour_combo.setCurrentIndex(max(0, self.colour_combo.findData(bookmark.colour or "")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Quote:"), quote)
        form.addRow(self.tr("Note:"), self.note_edit)
        form.addRow(self.tr("Tags:"), self.tags_edit)
        form.addRow(self.tr("Colour:"), self.colour_combo)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(buttons)

    def values(self) -> tuple[str, tuple[str, ...], str | None]:
        tags = tuple(t.strip() for t in self.tags_edit.text().split(",") if t.strip())
        return self.note_edit.toPlainText(), tags, self.colour_combo.currentData() or None
