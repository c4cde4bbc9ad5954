"""A dialog's first size: roomy enough for what it edits, at most 90% of its screen (a size
hint packs the fields so tight that names and templates show only in part)."""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget


def open_size(widget: QWidget, width: int, height: int) -> QSize:
    """``width`` x ``height``, never smaller than the widget's size hint, within 90% of its screen."""
    screen = widget.screen().availableGeometry().size()
    wanted = QSize(width, height).expandedTo(widget.sizeHint())
    return wanted.boundedTo(QSize(int(screen.width() * 0.9), int(screen.height() * 0.9)))
