"""The small widgets several panels share (kzreader.gui.widgets)."""
import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QLabel  # noqa: E402

from kzreader.gui.widgets.elided_label import ElidedLabel  # noqa: E402


def test_elided_label_cuts_to_its_width_and_keeps_a_files_text_plain(qtbot):
    label = ElidedLabel()
    qtbot.addWidget(label)
    label.show()  # a hidden widget hears of a resize only when shown
    label.resize(120, 30)
    text = "<img src='file:///etc/passwd'> " + "long question words " * 10
    label.setText(text)
    assert label.text() == label.full_text() == text
    shown = QLabel.text(label)  # what is painted
    assert shown.endswith("…") and len(shown) < len(text)
    assert "<img" not in label.toolTip() and "&lt;img" in label.toolTip()  # never HTML
    label.resize(4000, 30)
    assert QLabel.text(label) == text
