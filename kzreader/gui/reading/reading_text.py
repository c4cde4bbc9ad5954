"""The reading text itself: a read-only browser that never follows a link nor fetches a
resource, pages on past the end of an answer and starts a caret on Shift+arrow."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTextBrowser, QWidget

FOCUS_BAR = 3  # px: the bar down the left edge while the text has the keyboard focus
_CARET_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home, Qt.Key.Key_End)


class ReadingText(QTextBrowser):
    """A read-only browser that never follows links and never fetches a resource.

    Space/PgDn at the bottom emit ``paged_past_end`` (Shift+Space/PgUp at the top
    ``paged_before_start``); Shift+arrows without a caret emit ``caret_wanted``.
    """

    paged_past_end = Signal()
    paged_before_start = Signal()
    caret_wanted = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        # Wrap the viewport as the plain QWidget it is, found by Qt's name for it: the first
        # viewport() call makes PySide look for a more derived class among every widget class
        # (about 10 ms before the first paint).  viewport() then returns this wrapper.
        self._viewport = self.findChild(QWidget, "qt_scrollarea_viewport")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        # where the keys go: the text has no frame, so a bar down its left edge shows the focus
        # (Qt repaints it; a Python focusOutEvent override crashed as the window was destroyed)
        self.setStyleSheet(f"ReadingText {{ border: none; border-left: {FOCUS_BAR}px solid palette(base); }}"
                           " ReadingText:focus { border-left-color: palette(highlight); }")
        self.resource_requests = 0  # how often Qt asked for a resource (tests expect 0)
        self.extra_context_actions: list[QAction] = []  # appended to the standard menu

    def loadResource(self, type_, name):
        self.resource_requests += 1
        return None

    def setSource(self, url, type_=None):  # noqa: N802 - a reader never navigates
        return

    def createMimeDataFromSelection(self):
        # Ctrl+C copies the words as plain text; formatting belongs to Copy as Quote
        from PySide6.QtCore import QMimeData  # here: not needed to paint the window

        mime = QMimeData()
        mime.setText(self.textCursor().selection().toPlainText())
        return mime

    def contextMenuEvent(self, event):
        menu = self.createStandardContextMenu(event.pos())
        if self.extra_context_actions:
            menu.addSeparator()
            menu.addActions(self.extra_context_actions)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())

    def keyPressEvent(self, event):
        key, mods = event.key(), event.modifiers()
        # QTextBrowser binds Alt+Left/Right to history navigation; here they belong to the
        # Go menu, so let them travel up to the window's shortcuts instead
        if mods & Qt.KeyboardModifier.AltModifier and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            event.ignore()
            return
        bar = self.verticalScrollBar()
        paging_on = key == Qt.Key.Key_PageDown or (key == Qt.Key.Key_Space and not mods)
        paging_back = key == Qt.Key.Key_PageUp or (key == Qt.Key.Key_Space and mods == Qt.KeyboardModifier.ShiftModifier)
        caret = bool(self.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard)
        # with a caret, PgDn/PgUp move it first; Space always pages the view
        free = key == Qt.Key.Key_Space or not caret
        # reading on past the end of an answer turns to the next question, as a book does
        if paging_on and bar.value() >= bar.maximum() and (free or self.textCursor().atEnd()):
            self.paged_past_end.emit()
            return
        if paging_back and bar.value() <= bar.minimum() and (free or self.textCursor().atStart()):
            self.paged_before_start.emit()
            return
        if key == Qt.Key.Key_Space and (paging_on or paging_back):  # a browser's Space: a page on (Shift: back)
            bar.triggerAction(bar.SliderAction.SliderPageStepSub if paging_back else bar.SliderAction.SliderPageStepAdd)
            return
        if (not caret and mods & Qt.KeyboardModifier.ShiftModifier and key in _CARET_KEYS):
            # Shift+arrow starts keyboard selection: the caret appears at the top of the view
            self.caret_wanted.emit()
        super().keyPressEvent(event)
