"""The corpus search panel (a dock): a query field, scope, and hits grouped by interview.

The panel asks a core :class:`~kzreader.core.search.search.SearchIndex`; it never builds one.  Results
follow typing after a short pause.  Snippets are source text, so they are painted as plain text
with the matched words highlighted by :mod:`.hit_delegate` (never as rich text).
"""
from __future__ import annotations

import html
from typing import Callable, Collection

from PySide6.QtCore import QElapsedTimer, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kzreader.core.search.hits import Hit
from kzreader.core.search.search import SearchIndex

from .hit_delegate import TwoLineHitDelegate
from ..widgets.combo_width import fit_choices
from ..widgets.plain_text import plain_tooltip

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "interview" or "hit"
INTERVIEW_ID_ROLE = Qt.ItemDataRole.UserRole + 2
EXCHANGE_ROLE = Qt.ItemDataRole.UserRole + 3  # exchange number (0 = lead)
SPANS_ROLE = Qt.ItemDataRole.UserRole + 4  # match spans, source offsets
HIGHLIGHTS_ROLE = Qt.ItemDataRole.UserRole + 5  # [(start, end)] in the display text
WHERE_ROLE = Qt.ItemDataRole.UserRole + 6  # a hit's first line: "Question 3", "Lead"
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 7  # the whole snippet, and its matches:
SNIPPET_MARKS_ROLE = Qt.ItemDataRole.UserRole + 8  # the second line is cut around them

SCOPE_ALL, SCOPE_CURRENT, SCOPE_THEMES = range(3)
DEBOUNCE_MS = 150
# Characters of context kept before the first match in a row: the row is one line, so the
# match must be near its start to be visible in a narrow dock.
_LEAD_CONTEXT = 30


def display_snippet(snippet: str, marks: Collection[tuple[int, int]], label: str) -> tuple[str, list]:
    """``label`` + a one-line cut of ``snippet`` starting shortly before the first match.

    Returns the text and the highlight ranges shifted to it.
    """
    start = 0
    if marks:
        first = min(s for s, _ in marks)
        if first > _LEAD_CONTEXT:
            start = first - _LEAD_CONTEXT
            space = snippet.find(" ", start, first)
            start = space + 1 if space >= 0 else start
    head = label + "  " + ("…" if start > 0 else "")
    shift = len(head) - start
    return head + snippet[start:], [(s + shift, e + shift) for s, e in marks if s >= start]


class _HitItem(QStandardItem):
    """A hit's row, whose snippet (and what is made of it) is worked out when the view first
    asks: filling the panel with the best 200 hits then costs only the rows on screen."""

    _LAZY_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SPANS_ROLE,
                             HIGHLIGHTS_ROLE, SNIPPET_ROLE, SNIPPET_MARKS_ROLE})

    def __init__(self, hit: Hit, label: str) -> None:
        super().__init__()
        self._hit, self._label = hit, label
        self._shown: dict | None = None

    def data(self, role: int = Qt.ItemDataRole.UserRole + 1):
        if role not in self._LAZY_ROLES:
            return super().data(role)
        if self._shown is None:
            h = self._hit
            text, marks = display_snippet(h.snippet, h.snippet_highlights, self._label)
            self._shown = {
                Qt.ItemDataRole.DisplayRole: text,
                # tooltips may be shown as rich text: escape the untrusted snippet
                Qt.ItemDataRole.ToolTipRole: "<p>" + html.escape(h.snippet) + "</p>",
                SPANS_ROLE: list(h.match_spans),
                HIGHLIGHTS_ROLE: marks,
                SNIPPET_ROLE: h.snippet,
                SNIPPET_MARKS_ROLE: list(h.snippet_highlights),
            }
        return self._shown[role]


class SearchPanel(QWidget):
    """Search across the corpus.

    Signals: ``hit_activated(interview_id, exchange_number, match_spans)`` when the user opens a
    hit (click, Enter, double click); ``results_changed(hit_count)`` after each search.
    """

    hit_activated = Signal(str, int, object)
    results_changed = Signal(int)

    def __init__(self, index: SearchIndex | None = None, parent=None, limit: int = 200):
        super().__init__(parent)
        self._index = index
        self._limit = limit
        self._current_interview: str | None = None
        self._theme_filter: Callable[[str, int], bool] | None = None
        self._hits: list[Hit] = []
        # a double click reports clicked and activated: open the hit once
        self._last_emit: tuple[str, int] | None = None
        self._since_emit = QElapsedTimer()

        self.query_edit = QLineEdit(self)
        self.query_edit.setObjectName("search_query")
        self.query_edit.setPlaceholderText(self.tr("Search all interviews…"))
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.setAccessibleName(self.tr("Search all interviews"))
        self.query_edit.setToolTip(self.tr(
            "Words match any form: энергетическая finds энергетической.\n"
            "\"quoted words\" match a phrase, -word excludes, word* matches a prefix.\n"
            "Case and ё/е do not matter."))
        # the empty panel says what a query can do (the same words as the tooltip)
        self.help_label = QLabel(self.query_edit.toolTip(), self)
        self.help_label.setObjectName("search_help")
        self.help_label.setTextFormat(Qt.TextFormat.PlainText)
        self.help_label.setWordWrap(True)
        self.help_label.setForegroundRole(self.help_label.foregroundRole().PlaceholderText)
        self.help_label.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.scope_combo = QComboBox(self)
        self.scope_combo.setObjectName("search_scope")
        self.scope_combo.setAccessibleName(self.tr("Search in"))
        self.scope_combo.addItem(self.tr("All interviews"), SCOPE_ALL)
        self.scope_combo.addItem(self.tr("Current interview"), SCOPE_CURRENT)
        self.scope_combo.addItem(self.tr("Selected themes"), SCOPE_THEMES)
        fit_choices(self.scope_combo, 6)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("search_count")
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)

        self.model = QStandardItemModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("search_results")
        self.view.setAccessibleName(self.tr("Search results"))
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(False)  # hits take two lines, interviews one
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.header().setStretchLastSection(True)  # the column is the view's width, so a
        self.view.header().setSectionResizeMode(0, self.view.header().ResizeMode.Stretch)  # hit centres in it
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.delegate = TwoLineHitDelegate(WHERE_ROLE, SNIPPET_ROLE, SNIPPET_MARKS_ROLE, self.view)
        self.view.setItemDelegate(self.delegate)

        top = QHBoxLayout()
        top.addWidget(self.query_edit, 1)
        top.addWidget(self.scope_combo, 1)  # grows with the query up to its longest choice
        box = QVBoxLayout(self)
        box.setContentsMargins(2, 2, 2, 2)
        box.addLayout(top)
        box.addWidget(self.count_label)
        box.addWidget(self.help_label)
        box.addWidget(self.view, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.query_edit.textChanged.connect(self._on_text_changed)
        self.query_edit.returnPressed.connect(self._on_return_pressed)
        self.scope_combo.currentIndexChanged.connect(self._on_scope_changed)
        self.view.activated.connect(self._on_activated)
        self.view.clicked.connect(self._on_activated)
        self._update_scope_items()

    # ---- wiring from the main window ----------------------------------------------------

    def set_index(self, index: SearchIndex | None) -> None:
        """Search ``index`` from now on (a new corpus); re-runs the current query."""
        self._index = index
        self.run_search()

    def set_current_interview(self, interview_id: str | None) -> None:
        self._current_interview = interview_id
        self._update_scope_items()
        if self.scope() == SCOPE_CURRENT:
            self.run_search()

    def set_theme_filter(self, themes: Callable[[str, int], bool] | Collection | None) -> None:
        """Scope for "Selected themes": a callable ``(interview_id, exchange_number) -> bool`` or a
        collection of ``(interview_id, exchange_number)`` pairs; None when no theme is selected."""
        if themes is None or callable(themes):
            self._theme_filter = themes
        else:
            pairs = frozenset(themes)
            self._theme_filter = lambda iid, number: (iid, number) in pairs
        self._update_scope_items()
        if self.scope() == SCOPE_THEMES:
            self.run_search()

    def set_scope(self, scope: int) -> None:
        """Choose a scope; one with nothing to scope to (no current interview, no theme
        filter) is refused, as in the combo box."""
        i = self.scope_combo.findData(scope)
        if i >= 0 and self.scope_combo.model().item(i).isEnabled():
            self.scope_combo.setCurrentIndex(i)

    def scope(self) -> int:
        return self.scope_combo.currentData()

    def focus_query(self) -> None:
        """For Ctrl+Shift+F: focus the query field with its text selected."""
        self.query_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query_edit.selectAll()

    def refresh(self) -> None:
        """Re-run the query (call after interviews were added to or removed from the index)."""
        if self.query_edit.text().strip():
            self.run_search()

    def hits(self) -> list[Hit]:
        return list(self._hits)

    # ---- searching ----------------------------------------------------------------------

    @Slot()
    def run_search(self) -> None:
        self._timer.stop()
        text = self.query_edit.text()
        hits: list[Hit] = []
        if self._index is not None and text.strip():
            scope = self.scope()
            ids = None
            flt = None
            if scope == SCOPE_CURRENT:
                ids = [self._current_interview] if self._current_interview else []
            elif scope == SCOPE_THEMES:
                flt = self._theme_filter or (lambda iid, number: False)
            hits = self._index.search(text, interview_ids=ids, exchange_filter=flt, limit=self._limit)
        self._hits = hits
        self._fill(hits)
        self._show_count(text, hits)
        self.results_changed.emit(len(hits))

    def _fill(self, hits: list[Hit]) -> None:
        self.model.clear()
        groups: dict[str, list[Hit]] = {}
        for h in hits:  # groups in order of their best hit
            groups.setdefault(h.interview_id, []).append(h)
        root = self.model.invisibleRootItem()
        for iid, group in groups.items():
            iv = self._index.interview(iid) if self._index is not None else None
            title = iv.display_title if iv is not None else iid
            parent = QStandardItem(
                self.tr("%1 (%2)").replace("%2", str(len(group))).replace("%1", title))
            parent.setData("interview", KIND_ROLE)
            parent.setData(iid, INTERVIEW_ID_ROLE)
            parent.setToolTip(plain_tooltip(iv.path) if iv is not None else "")
            parent.setEditable(False)
            for h in sorted(group, key=lambda h: h.exchange_number):
                child = _HitItem(h, self.tr("Lead") if h.exchange_number == 0 else self.tr("Q%1").replace(
                    "%1", str(h.exchange_number)))
                child.setData("hit", KIND_ROLE)
                child.setData(iid, INTERVIEW_ID_ROLE)
                child.setData(h.exchange_number, EXCHANGE_ROLE)
                child.setData(self.tr("Lead") if h.exchange_number == 0 else self.tr("Question %1").replace(
                    "%1", str(h.exchange_number)), WHERE_ROLE)
                child.setEditable(False)
                parent.appendRow(child)
            root.appendRow(parent)
        self.view.expandAll()

    def _show_count(self, text: str, hits: list[Hit]) -> None:
        self.help_label.setVisible(not text.strip())
        if not text.strip():
            self.count_label.clear()
            return
        if self._index is None:
            self.count_label.setText(self.tr("No interviews loaded"))
            return
        if not hits:
            self.count_label.setText(self.tr("No matches"))
            return
        interviews = len({h.interview_id for h in hits})
        # two source strings so English reads well without a translation; %n lets a
        # translation give every plural form
        n = len(hits)
        msg = (self.tr("%n hit", "", n) if n == 1 else self.tr("%n hits", "", n)) + " " + (
            self.tr("in %n interview", "", interviews) if interviews == 1
            else self.tr("in %n interviews", "", interviews))
        if len(hits) >= self._limit:
            msg += " " + self.tr("(the best %1 shown)").replace("%1", str(self._limit))
        self.count_label.setText(msg)

    def _update_scope_items(self) -> None:
        """Grey out scopes that have nothing to scope to yet."""
        model = self.scope_combo.model()
        for scope, available in ((SCOPE_CURRENT, self._current_interview is not None),
                                 (SCOPE_THEMES, self._theme_filter is not None)):
            item = model.item(self.scope_combo.findData(scope))
            item.setEnabled(available)
        if not model.item(self.scope_combo.currentIndex()).isEnabled():
            self.scope_combo.setCurrentIndex(self.scope_combo.findData(SCOPE_ALL))

    # ---- slots --------------------------------------------------------------------------

    @Slot(str)
    def _on_text_changed(self, _text: str) -> None:
        self._timer.start()

    @Slot()
    def _on_return_pressed(self) -> None:
        self.run_search()
        first = self.model.index(0, 0)
        if first.isValid():
            self.view.setCurrentIndex(self.model.index(0, 0, first))
            self.view.setFocus()

    @Slot(int)
    def _on_scope_changed(self, _i: int) -> None:
        if self.query_edit.text().strip():
            self.run_search()

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        if index.data(KIND_ROLE) != "hit":
            return
        key = (index.data(INTERVIEW_ID_ROLE), int(index.data(EXCHANGE_ROLE)))
        if (key == self._last_emit and self._since_emit.isValid()
                and self._since_emit.elapsed() < QApplication.doubleClickInterval()):
            return
        self._last_emit = key
        self._since_emit.start()
        self.hit_activated.emit(key[0], key[1], list(index.data(SPANS_ROLE)))
