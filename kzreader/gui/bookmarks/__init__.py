"""Bookmarks in the window: the controller between the store and the views
(``bookmarks_controller``), the bookmarks panel (``bookmarks_panel``) with its table model and
filter (``bookmarks_model``), undo commands (``commands``) and edit dialog (``edit_dialog``),
and the REFI-QDA export job with its progress (``qdpx_export``)."""
