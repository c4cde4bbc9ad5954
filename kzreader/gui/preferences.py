"""The Preferences dialog: citation style and template with a live preview, and the interface
language.

Settings (in the QSettings passed in):
- ``citation/style``: a key of ``core.annotations.citation.STYLES``;
- ``citation/template``: the user's own template, or empty for the style's own;
- ``citation/language``: "auto" (the quote's language), "ru" or "en" for the citation's words;
- ``citation/include_path``: name the local file in citations of interviews without a URL;
- ``ui/language``: "" (system), "en" or "ru"; read at start-up, so a change applies after a
  restart.
"""
from __future__ import annotations

import string

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from kzreader.core.annotations.citation import STYLE_NAMES, STYLES, CitationOptions, QuoteContext, format_quote
from kzreader.core.model import Exchange, Interview, Paragraph, Turn

from .reading.quote_actions import K_CITE_LANGUAGE as KEY_CITE_LANGUAGE
from .reading.quote_actions import K_INCLUDE_PATH as KEY_INCLUDE_PATH
from .reading.quote_actions import citation_options
from .widgets.dialog_size import open_size

KEY_STYLE = "citation/style"
KEY_TEMPLATE = "citation/template"
KEY_LANGUAGE = "ui/language"
DEFAULT_STYLE = "plain"
LANGUAGES = (("en", "English"), ("ru", "Русский"))

_SAMPLE_Q = "Когда начнётся стройка?"
_SAMPLE_A = "Весной. Как говорят у нас, «строим на века». Это главное."
_SAMPLE_SELECTION = "Как говорят у нас, «строим на века»."


def sample_context() -> tuple[QuoteContext, str, str, str]:
    """A made-up interview with every field filled, and a selection in its answer, for the
    preview: (context, selection, text before it, text after it)."""
    text = f"— {_SAMPLE_Q}\n\n— {_SAMPLE_A}\n"
    qs = text.index(_SAMPLE_Q)
    a_s = text.index(_SAMPLE_A)
    ex = Exchange(3, Turn("question", (Paragraph(qs, qs + len(_SAMPLE_Q), _SAMPLE_Q),)),
                  Turn("answer", (Paragraph(a_s, a_s + len(_SAMPLE_A), _SAMPLE_A),)))
    iv = Interview(id="sample", path="/interviews/atom.txt", title="Атом и степь", date="2024-03-15",
                   interviewee="Ерлан Сагадиев", role="инженер-атомщик", interviewer="Анна Лебедева",
                   source="Пример.kz", url="https://example.kz/atom", language="ru", exchanges=(ex,))
    i = _SAMPLE_A.index(_SAMPLE_SELECTION)
    return (QuoteContext(iv, ex), _SAMPLE_SELECTION, _SAMPLE_A[:i], _SAMPLE_A[i + len(_SAMPLE_SELECTION):])


def template_fields(template: str) -> list[str]:
    """Field names used in ``template``; raises ValueError when it is malformed."""
    names = []
    for _, name, spec, conv in string.Formatter().parse(template):
        if name is None:
            continue
        if not name.isidentifier() or spec or conv:
            raise ValueError(name or "{}")
        names.append(name)
    return names


def citation_settings(settings: QSettings) -> tuple[str, str | None]:
    """(style, template or None) as stored, with unknown styles mapped to the default."""
    style = str(settings.value(KEY_STYLE, DEFAULT_STYLE) or DEFAULT_STYLE)
    if style not in STYLES:
        style = DEFAULT_STYLE
    template = str(settings.value(KEY_TEMPLATE, "") or "")
    return style, template or None


class PreferencesDialog(QDialog):
    """Emits ``citation_changed(style, template)`` when OK or Apply stores a changed citation
    setting; ``template`` is "" when the style's own template is used."""

    citation_changed = Signal(str, str)

    def __init__(self, settings: QSettings, context: tuple[QuoteContext, str, str, str] | None = None,
                 parent=None):
        """``context``: (QuoteContext, selection, text before, text after) to preview with,
        e.g. the current interview and selection; a sample when None."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self._settings = settings
        self._preview_ctx = context or sample_context()
        self._field_names = list(self._preview_ctx[0].fields())
        self._template_ok = True

        self.style_combo = QComboBox()
        names = {"plain": self.tr("Plain"), "markdown": self.tr("Markdown"),
                 "gost": self.tr("GOST-like (Russian)"), "apa": self.tr("APA-like (English)")}
        for key in STYLES:  # styles added to core later show with their core name
            self.style_combo.addItem(names.get(key) or STYLE_NAMES.get(key, key), key)
        self.template_edit = QLineEdit()
        self.template_edit.setToolTip(self.tr(
            "{field} is replaced by the field; text in [brackets] is left out when a field inside is empty."))
        self.reset_button = QPushButton(self.tr("Use the style's template"))
        fields = QLabel(self.tr("Fields: %1").replace("%1", " ".join("{%s}" % f for f in self._field_names)))
        fields.setTextFormat(Qt.TextFormat.PlainText)
        fields.setWordWrap(True)
        fields.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview = QLabel()
        self.preview.setTextFormat(Qt.TextFormat.PlainText)  # the preview may hold source text
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setFrameShape(QLabel.Shape.StyledPanel)
        self.cite_language_combo = QComboBox()
        self.cite_language_combo.addItem(self.tr("The quote's language"), "auto")
        for code, name in LANGUAGES:
            self.cite_language_combo.addItem(name, code)
        self.include_path_check = QCheckBox(self.tr("Name the local file when an interview has no URL"))
        self.include_path_check.setToolTip(self.tr(
            "Off: a citation you publish never shows where the file lies on this computer."))
        self.template_error = QLabel()
        self.template_error.setTextFormat(Qt.TextFormat.PlainText)
        self.template_error.setStyleSheet("color: #b00020")
        self.template_error.setWordWrap(True)

        cite_box = QGroupBox(self.tr("Citations"))
        form = QFormLayout(cite_box)
        form.addRow(self.tr("Style:"), self.style_combo)
        form.addRow(self.tr("Template:"), self.template_edit)
        form.addRow("", self.reset_button)
        form.addRow("", fields)
        form.addRow(self.tr("Citation language:"), self.cite_language_combo)
        form.addRow("", self.include_path_check)
        form.addRow(self.tr("Preview:"), self.preview)
        form.addRow("", self.template_error)

        self.language_combo = QComboBox()
        self.language_combo.addItem(self.tr("System"), "")
        for code, name in LANGUAGES:  # each language named in itself, never translated
            self.language_combo.addItem(name, code)
        restart = QLabel(self.tr("The interface language changes after a restart."))
        restart.setWordWrap(True)
        ui_box = QGroupBox(self.tr("Interface"))
        ui_form = QFormLayout(ui_box)
        ui_form.addRow(self.tr("Language:"), self.language_combo)
        ui_form.addRow("", restart)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                        | QDialogButtonBox.StandardButton.Apply)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        lay = QVBoxLayout(self)
        lay.addWidget(cite_box)
        lay.addWidget(ui_box)
        lay.addWidget(self.buttons)

        self._load()
        self.resize(open_size(self, 680, 0))  # the template's line shows most of a style's
        self.style_combo.currentIndexChanged.connect(self._on_style_chosen)
        self.template_edit.textChanged.connect(self._update_preview)
        self.cite_language_combo.currentIndexChanged.connect(self._update_preview)
        self.include_path_check.toggled.connect(self._update_preview)
        self.reset_button.clicked.connect(self._on_reset_template)
        self._update_preview()

    # -- state --
    def _load(self) -> None:
        style, template = citation_settings(self._settings)
        self.style_combo.setCurrentIndex(max(0, self.style_combo.findData(style)))
        self._show_template(template or STYLES[style])
        options = citation_options(self._settings)
        self.cite_language_combo.setCurrentIndex(max(0, self.cite_language_combo.findData(options.language)))
        self.include_path_check.setChecked(options.include_path)
        lang = str(self._settings.value(KEY_LANGUAGE, "") or "")
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(lang)))

    def style(self) -> str:
        return self.style_combo.currentData() or DEFAULT_STYLE

    def template(self) -> str:
        """The user's template, or "" when it is the chosen style's own."""
        text = self.template_edit.text().strip()
        return "" if text == STYLES.get(self.style(), "") else text

    def language(self) -> str:
        return self.language_combo.currentData() or ""

    def citation_options(self) -> CitationOptions:
        return CitationOptions(self.cite_language_combo.currentData() or "auto", self.include_path_check.isChecked())

    def preview_text(self) -> str:
        return self.preview.text()

    def template_is_valid(self) -> bool:
        return self._template_ok

    # -- slots --
    @Slot(int)
    def _on_style_chosen(self, _i: int) -> None:
        # choosing a style shows its template, which the user may then edit
        self._show_template(STYLES[self.style()])

    @Slot()
    def _on_reset_template(self) -> None:
        self._show_template(STYLES[self.style()])

    def _show_template(self, template: str) -> None:
        self.template_edit.setText(template)
        self.template_edit.setCursorPosition(0)  # its start, where a style differs

    @Slot()
    def _update_preview(self, *_args) -> None:
        ctx, sel, before, after = self._preview_ctx
        ctx = QuoteContext(ctx.interview, ctx.exchange, ctx.in_question, self.citation_options())
        template = self.template_edit.text().strip() or STYLES[self.style()]
        error = ""
        self._template_ok = True
        try:
            unknown = [f for f in template_fields(template) if f not in self._field_names]
            if unknown:  # allowed (its group is left out) but most likely a typo
                error = self.tr("Unknown field: %1").replace("%1", ", ".join(unknown))
            text = format_quote(sel, before, after, ctx, self.style(), template).plain
        except (ValueError, KeyError, IndexError, AttributeError, TypeError):
            error = self.tr("The template is malformed: check its braces { } and brackets [ ].")
            text = ""
            self._template_ok = False
        self.preview.setText(text)
        self.template_error.setText(error)
        for b in (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Apply):
            self.buttons.button(b).setEnabled(self._template_ok)

    @Slot()
    def apply(self) -> None:
        old = citation_settings(self._settings), citation_options(self._settings)
        style, template = self.style(), self.template()
        self._settings.setValue(KEY_STYLE, style)
        self._settings.setValue(KEY_TEMPLATE, template)
        options = self.citation_options()
        self._settings.setValue(KEY_CITE_LANGUAGE, options.language)
        self._settings.setValue(KEY_INCLUDE_PATH, options.include_path)
        self._settings.setValue(KEY_LANGUAGE, self.language())
        self._settings.sync()
        if old != ((style, template or None), options):
            self.citation_changed.emit(style, template)

    def accept(self) -> None:
        self.apply()
        super().accept()
