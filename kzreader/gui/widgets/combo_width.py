"""Combo boxes in side panels: narrow enough for a narrow dock, never wider than their longest
choice where the dock has room (a layout stretch grows them up to that)."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox


def fit_choices(combo: QComboBox, min_chars: int) -> None:
    """Shrink ``combo`` down to ``min_chars`` characters; grow it at most to its choices' width.
    Call once its items are added."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    combo.setMaximumWidth(combo.sizeHint().width())
    # a long choice must not widen a narrow dock (and cut its lists at the edge)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(min_chars)
