"""The main window's side panels: making a dock (or its placeholder until its part is built),
the proportions of a first start, and panels that fit the window: narrow, every side panel
goes into one column of tabs on the left (so none is a sliver); wide again, the wide
arrangement comes back; and as the window grows or shrinks, the side panels keep their share
of its width instead of leaving every new pixel to the text.

The window hands over its docks; ``ResponsiveDocks`` only moves and sizes them.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDockWidget, QLabel, QTabBar, QWidget

NARROW_BELOW = 1000  # window width (px) under which the side panels share one column
NARROW_SHARE = 0.42  # that column's share of the window
LEFT_SHARE, RIGHT_SHARE = 0.30, 0.22  # wide: the left and right columns' shares


class ResponsiveDocks(QObject):
    def __init__(self, window, left: list, right: list):
        """``left``: [list dock, dock under it]; ``right``: the docks tabbed on the right."""
        super().__init__(window)
        self.window = window
        self.left = list(left)
        self.right = list(right)
        self.narrow = False
        self._width = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.window and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._timer.start()  # after the resize, once the layout has the new size
        return False

    def fit(self) -> None:
        window = self.window
        width = window.width()
        narrow = width < NARROW_BELOW
        if not self._width:  # first fit: a restored layout may be the narrow one, or not
            self.narrow = window.dockWidgetArea(self.right[0]) == Qt.DockWidgetArea.LeftDockWidgetArea
        if narrow != self.narrow:
            self.narrow = narrow
            self._arrange_narrow() if narrow else self._arrange_wide()
        elif self._width and abs(width - self._width) > 40:
            self._keep_shares(self._width, width)
        self._width = width

    def _visible(self, docks):
        return [d for d in docks if not d.isHidden() and not d.isFloating()]

    def _arrange_narrow(self) -> None:
        window = self.window
        area = Qt.DockWidgetArea.LeftDockWidgetArea
        under = self.left[1]
        for dock in self.right:
            window.addDockWidget(area, dock)
            window.tabifyDockWidget(under, dock)
        under.raise_()
        # wide enough for the panels' tabs to keep their names ("Questi…", "The…" at 720 px,
        # an 800x600 screen's first window), while the text keeps half the window
        tabs = [bar.sizeHint().width() for bar in window.findChildren(QTabBar) if bar.parent() is window]
        width = min(max([int(window.width() * NARROW_SHARE)] + tabs), window.width() // 2)
        window.resizeDocks(self._visible([self.left[0]]), [width], Qt.Orientation.Horizontal)

    def _arrange_wide(self) -> None:
        window = self.window
        area = Qt.DockWidgetArea.RightDockWidgetArea
        first = self.right[0]
        window.addDockWidget(area, first)
        for dock in self.right[1:]:
            window.addDockWidget(area, dock)
            window.tabifyDockWidget(first, dock)
        first.raise_()
        self._set_shares()

    def _set_shares(self) -> None:
        window = self.window
        w = window.width()
        docks, sizes = [], []
        for group, share in ((self.left, LEFT_SHARE), (self.right, RIGHT_SHARE)):
            shown = self._visible(group)
            if shown:
                docks.append(shown[0])
                sizes.append(int(w * share))
        if docks:
            window.resizeDocks(docks, sizes, Qt.Orientation.Horizontal)

    def _keep_shares(self, old: int, new: int) -> None:
        """Scale the side columns with the window, as the user had sized them."""
        docks = [g[0] for g in (self._visible(self.left), self._visible(self.right)) if g]
        if self.narrow:
            docks = docks[:1]
        sizes = [max(120, int(d.width() * new / old)) for d in docks]
        if docks:
            self.window.resizeDocks(docks, sizes, Qt.Orientation.Horizontal)


def add_dock(window, title: str, name: str, widget: QWidget, area) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setWidget(widget)
    window.addDockWidget(area, dock)
    return dock


def placeholder(text: str) -> QLabel:
    """What a dock shows until its panel is built."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setMargin(12)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def set_panel(dock: QDockWidget, widget: QWidget) -> None:
    """Put ``widget`` in ``dock`` in place of its placeholder, scrolling: a panel whose
    controls need more width than a narrow dock gets scrolls instead of forcing a wider
    window."""
    from PySide6.QtWidgets import QScrollArea  # built after the first paint

    area = QScrollArea()
    area.setObjectName(widget.objectName() + "_scroll")
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    old = dock.widget()
    dock.setWidget(area)
    if old is not None:
        old.deleteLater()


def apply_default_layout(window, left: list, right: QDockWidget, bottom: QDockWidget) -> None:
    """Proportions for a first start (a saved dock state replaces them): ``left`` is the
    list dock and the one under it."""
    width = max(window.width(), 1000)
    window.resizeDocks([left[0], right], [int(width * 0.34), int(width * 0.23)], Qt.Orientation.Horizontal)
    height = max(window.height(), 600)
    window.resizeDocks(left, [int(height * 0.4), int(height * 0.45)], Qt.Orientation.Vertical)
    window.resizeDocks([bottom], [int(height * 0.22)], Qt.Orientation.Vertical)  # a few messages
