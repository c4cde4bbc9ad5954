"""Copy as Quote / Copy Exchange: the reading pane's selection, cited, on the clipboard.

The quoted words come from the interview's paragraphs (their text lines up with the source
offsets the pane reports), so no file is read.  One QMimeData carries plain text, HTML and
Markdown; the application pasted into picks the flavour it understands.
"""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, QObject, Slot
from PySide6.QtWidgets import QApplication

from kzreader.core.annotations.citation import CitationOptions, QuoteContext, format_exchange, format_quote
from kzreader.core.model import Exchange, Interview, Paragraph

MARKDOWN_MIME = "text/markdown"
K_STYLE = "citation/style"
K_TEMPLATE = "citation/template"
K_CITE_LANGUAGE = "citation/language"
K_INCLUDE_PATH = "citation/include_path"
STATUS_MS = 5_000


def citation_options(settings) -> CitationOptions:
    """Language of the citation's words and whether to name local files, as Preferences
    stored them in ``settings``."""
    lang = settings.value(K_CITE_LANGUAGE, "auto", type=str) or "auto"
    return CitationOptions(lang if lang in ("ru", "en") else "auto", settings.value(K_INCLUDE_PATH, False, type=bool))


def _paragraphs(iv: Interview):
    """(paragraph, exchange or None, in question) in source order."""
    for p in iv.lead:
        yield p, None, False
    for ex in iv.exchanges:
        for p in ex.question.paragraphs:
            yield p, ex, True
        for p in ex.answer.paragraphs:
            yield p, ex, False


def selection_quote(iv: Interview, start: int, end: int):
    """(selected, before, after, exchange, in_question) for source range start..end, or None.

    ``before``/``after`` are the rest of the first/last paragraph around the selection; the
    speaker is decided by where the selection starts.
    """
    pieces: list[str] = []
    first: tuple[Paragraph, Exchange | None, bool] | None = None
    last: Paragraph | None = None
    for p, ex, in_q in _paragraphs(iv):
        if p.end <= start or p.start >= end:
            continue
        a, b = max(start, p.start) - p.start, min(end, p.end) - p.start
        pieces.append(p.text[a:b])
        if first is None:
            first = (p, ex, in_q)
        last = p
    if first is None or last is None:
        return None
    p0, ex, in_q = first
    before = p0.text[: max(start, p0.start) - p0.start]
    after = last.text[min(end, last.end) - last.start:]
    return "\n\n".join(pieces), before, after, ex, in_q


class QuoteActions(QObject):
    def __init__(self, window, parent=None):
        super().__init__(parent or window)
        self.window = window

    def citation_style(self) -> tuple[str, str | None]:
        s = self.window.settings
        style = s.value(K_STYLE, "plain", type=str) or "plain"
        template = s.value(K_TEMPLATE, "", type=str) or None
        return style, template

    def citation_options(self) -> CitationOptions:
        return citation_options(self.window.settings)

    def citation_style_strings(self) -> tuple[str, str]:
        style, template = self.citation_style()
        return style, template or ""

    def preview_context(self):
        """(QuoteContext, selected, before, after) of the current selection, for the
        Preferences preview; None without a selection."""
        found = self.window.reading_pane.selection_source_range()
        parts = selection_quote(*found) if found is not None else None
        if parts is None:
            return None
        selected, before, after, ex, in_q = parts
        return QuoteContext(found[0], ex, in_q, self.citation_options()), selected, before, after

    def _put(self, plain: str, html: str, markdown: str) -> None:
        mime = QMimeData()
        mime.setText(plain)
        mime.setHtml(html)
        mime.setData(MARKDOWN_MIME, QByteArray(markdown.encode("utf-8")))
        QApplication.clipboard().setMimeData(mime)

    @Slot()
    def copy_as_quote(self, view=None) -> bool:
        """The selection in ``view`` (default: the reading pane), quoted and cited."""
        pane = view if view is not None else self.window.reading_pane
        found = pane.selection_source_range()
        if found is None:
            self._status(self.tr("Select the words to quote first."))
            return False
        iv, start, end = found
        parts = selection_quote(iv, start, end)
        if parts is None:
            return False
        selected, before, after, ex, in_q = parts
        style, template = self.citation_style()
        q = format_quote(selected, before, after, QuoteContext(iv, ex, in_q, self.citation_options()), style, template)
        self._put(q.plain, q.html, q.markdown)
        self._status(self.tr("Quote copied with its citation."))
        return True

    @Slot()
    def copy_exchange(self, view=None) -> bool:
        pane = view if view is not None else self.window.reading_pane
        iv = pane.interview()
        number = pane.current_number()
        found = pane.selection_source_range()
        if found is not None:  # the exchange the selection is in, which whole-interview mode may not be current
            parts = selection_quote(*found)
            if parts is not None and parts[3] is not None:
                number = parts[3].number
        if iv is None or not number:
            self._status(self.tr("There is no exchange to copy."))
            return False
        style, template = self.citation_style()
        q = format_exchange(QuoteContext(iv, iv.exchanges[number - 1], options=self.citation_options()),
                             style, template)
        self._put(q.plain, q.html, q.markdown)
        self._status(self.tr("Question and answer copied."))
        return True

    def _status(self, message: str) -> None:
        self.window.statusBar().showMessage(message, STATUS_MS)
