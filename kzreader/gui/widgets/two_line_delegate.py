"""Items that say where and what: a first line naming the place (interview, question) from
a model role, then the item's own text, wrapped to the view's width instead of being cut at
the panel's edge, and a last line from another role when it has one (a bookmark's note)."""
from __future__ import annotations

from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem


class TwoLineDelegate(QStyledItemDelegate):
    def __init__(self, where_role: int, parent=None, after_role: int | None = None):
        super().__init__(parent)
        self.where_role = where_role
        self.after_role = after_role

    def initStyleOption(self, option, index) -> None:  # noqa: N802 - Qt's name
        super().initStyleOption(option, index)
        where = index.data(self.where_role)
        if where:
            option.text = f"{where}\u2028{option.text}"  # a line break the item text keeps
        after = index.data(self.after_role) if self.after_role is not None else None
        if after:
            option.text = f"{option.text}\u2028{after}"
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
