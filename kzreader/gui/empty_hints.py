"""What the window's lists say while they are empty: that nothing is open yet, or that the
filter hides everything, or how a bookmark is made.  Added once the parts are built, after
the first paint (a view's first ``viewport()`` call before it costs start-up time)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from .shortcuts import display_keys
from .widgets.empty_hint import EmptyHint

translate = QCoreApplication.translate


def add_empty_hints(w) -> None:
    listing = w.interview_list

    def interviews() -> str:
        if listing.source_model.rowCount() == 0:
            return translate("MainWindow", "No interviews yet.")
        return translate("MainWindow", "No interview matches the filter.")

    panel = w.bookmarks.panel

    def bookmarks() -> str:
        filtered = bool(panel.search_edit.text()) or panel.tag_combo.currentIndex() > 0 \
            or panel.interview_combo.currentIndex() > 0
        if filtered:
            return translate("MainWindow", "No bookmark matches the filters.")
        keys = display_keys(w.bookmark_action)
        return translate("MainWindow", "No bookmarks yet. Select a passage and press {0} to keep it here.").format(keys)

    w.empty_hints = [
        EmptyHint(listing.table, interviews),
        EmptyHint(panel.view, bookmarks),
        EmptyHint(w.problems_view.table, lambda: translate("MainWindow", "No problems with the files opened.")),
    ]
