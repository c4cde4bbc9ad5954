"""A small dialog to add and edit themes: name, colour, keywords, phrases, exclusions.

The dialog edits copies; :meth:`ThemeEditorDialog.themes` gives the whole edited list after
OK.  Validation is the core's (``core.themes.lexicon.validate_theme``), shown in the dialog.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kzreader.core.themes.lexicon import Theme, validate_theme

from ..i18n import message_text
from ..widgets.dialog_size import open_size
from ..widgets.entry_list_edit import EntryListEdit



def _lines(edit: EntryListEdit) -> tuple[str, ...]:
    return tuple(s.strip() for s in edit.toPlainText().splitlines() if s.strip())


def _swatch(colour: str) -> QIcon:
    pm = QPixmap(12, 12)
    c = QColor(colour)
    pm.fill(c if c.isValid() else QColor("transparent"))
    return QIcon(pm)


class ThemeEditorDialog(QDialog):
    def __init__(self, themes: Sequence[Theme], parent=None, language: str = "ru"):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit themes"))
        self._language = language
        self._themes: list[Theme] = list(themes)
        self._row = -1
        self._new_ids: set[str] = set()

        self.list = QListWidget(self)
        # a long name is elided (its tooltip has it whole) instead of scrolling the list sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.add_button = QPushButton(self.tr("New theme"), self)
        left = QVBoxLayout()
        left.addWidget(self.list)
        left.addWidget(self.add_button)

        self.id_edit = QLineEdit(self)
        self.id_edit.setToolTip(self.tr("Lower-case letters, digits and _; fixed once saved"))
        self.name_ru_edit = QLineEdit(self)
        self.name_en_edit = QLineEdit(self)
        self.colour_edit = QLineEdit(self)
        self.colour_edit.setPlaceholderText("#rrggbb")
        self.colour_button = QPushButton(self.tr("Choose…"), self)
        colour_row = QHBoxLayout()
        colour_row.addWidget(self.colour_edit, 1)
        colour_row.addWidget(self.colour_button)
        # one entry a line; a long one wraps with its further lines indented (not two entries)
        self.keywords_edit = EntryListEdit(self)
        self.phrases_edit = EntryListEdit(self)
        self.exclusions_edit = EntryListEdit(self)
        self.keywords_edit.setToolTip(self.tr(
            "One per line. Any word form matches; end with * for a prefix (образоват*), "
            "start with = for exactly this word (=ИИ)."))
        self.phrases_edit.setToolTip(self.tr("One per line: words that must follow each other."))
        self.exclusions_edit.setToolTip(self.tr(
            "One per line: words or phrases whose matches this theme must ignore."))

        form = QFormLayout()
        form.addRow(self.tr("Id:"), self.id_edit)
        form.addRow(self.tr("Name (Russian):"), self.name_ru_edit)
        form.addRow(self.tr("Name (English):"), self.name_en_edit)
        form.addRow(self.tr("Colour:"), colour_row)
        form.addRow(self.tr("Keywords:"), self.keywords_edit)
        form.addRow(self.tr("Phrases:"), self.phrases_edit)
        form.addRow(self.tr("Exclusions:"), self.exclusions_edit)
        right = QWidget(self)
        right.setLayout(form)

        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(right, 2)

        self.error_label = QLabel(self)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)

        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        for t in self._themes:
            self.list.addItem(self._item(t))
        self.list.currentRowChanged.connect(self._on_row_changed)
        self.add_button.clicked.connect(self.add_theme)
        self.colour_button.clicked.connect(self._on_choose_colour)
        self.colour_edit.textChanged.connect(self._on_colour_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        if self._themes:
            self.list.setCurrentRow(0)
        else:
            self._set_form_enabled(False)
        self.resize(open_size(self, 900, 640))  # its size hint was about 530x530

    # -- the list ----------------------------------------------------------------------
    def _item(self, t: Theme) -> QListWidgetItem:
        item = QListWidgetItem(_swatch(t.colour), t.name(self._language) or t.id)
        item.setToolTip(item.text())
        return item

    def _set_form_enabled(self, on: bool) -> None:
        for w in (self.id_edit, self.name_ru_edit, self.name_en_edit, self.colour_edit,
                  self.colour_button, self.keywords_edit, self.phrases_edit,
                  self.exclusions_edit):
            w.setEnabled(on)

    @Slot(int)
    def _on_row_changed(self, row: int) -> None:
        self._commit()
        self._row = row
        self._load(row)

    def _load(self, row: int) -> None:
        if not 0 <= row < len(self._themes):
            self._set_form_enabled(False)
            return
        self._set_form_enabled(True)
        t = self._themes[row]
        self.id_edit.setText(t.id)
        self.id_edit.setReadOnly(t.id not in self._new_ids)
        self.name_ru_edit.setText(t.name_ru)
        self.name_en_edit.setText(t.name_en)
        self.colour_edit.setText(t.colour)
        for edit in (self.id_edit, self.name_ru_edit, self.name_en_edit):
            edit.setCursorPosition(0)  # a name longer than its field shows its start
        self.keywords_edit.setPlainText("\n".join(t.keywords))
        self.phrases_edit.setPlainText("\n".join(t.phrases))
        self.exclusions_edit.setPlainText("\n".join(t.exclusions))

    def _commit(self) -> None:
        """Copy the form into the working list (for the theme shown in the form)."""
        row = self._row
        if not 0 <= row < len(self._themes):
            return
        old = self._themes[row]
        new_id = old.id
        if old.id in self._new_ids:
            new_id = self.id_edit.text().strip()
            self._new_ids.discard(old.id)
            self._new_ids.add(new_id)
        t = replace(
            old,
            id=new_id,
            name_ru=self.name_ru_edit.text().strip(),
            name_en=self.name_en_edit.text().strip(),
            colour=self.colour_edit.text().strip(),
            keywords=_lines(self.keywords_edit),
            phrases=_lines(self.phrases_edit),
            exclusions=_lines(self.exclusions_edit),
        )
        self._themes[row] = t
        item = self.list.item(row)
        item.setText(t.name(self._language) or t.id)
        item.setToolTip(item.text())
        item.setIcon(_swatch(t.colour))

    @Slot()
    def add_theme(self) -> Theme:
        """Append a new, empty theme and select it for editing."""
        self._commit()
        taken = {t.id for t in self._themes}
        n = 1
        while f"theme_{n}" in taken:
            n += 1
        t = Theme(f"theme_{n}", "", "", "#888888")
        self._new_ids.add(t.id)
        self._themes.append(t)
        self.list.addItem(self._item(t))
        self.list.setCurrentRow(len(self._themes) - 1)
        self.name_ru_edit.setFocus()
        return t

    # -- colour ------------------------------------------------------------------------
    @Slot()
    def _on_choose_colour(self) -> None:
        c = QColorDialog.getColor(QColor(self.colour_edit.text()), self, self.tr("Theme colour"))
        if c.isValid():
            self.colour_edit.setText(c.name())

    @Slot(str)
    def _on_colour_text(self, text: str) -> None:
        item = self.list.item(self._row) if self._row >= 0 else None
        if item is not None and QColor(text).isValid():
            item.setIcon(_swatch(text))

    # -- result ------------------------------------------------------------------------
    def themes(self) -> list[Theme]:
        self._commit()
        return list(self._themes)

    def problems(self) -> list[str]:
        out = []
        seen: set[str] = set()
        for t in self.themes():
            if t.id in seen:
                out.append(self.tr("Theme id {id} is used twice").format(id=t.id))
            seen.add(t.id)
            out.extend(message_text(m) for m in validate_theme(t))
        return out

    def accept(self) -> None:
        problems = self.problems()
        if problems:
            self.error_label.setText(problems[0])
            return
        self.error_label.clear()
        super().accept()
