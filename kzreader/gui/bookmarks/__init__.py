"""Bookmarks in the window: the controller between the store and the views
(``bookmarks_controller``), the bookmarks panel with its model, undo commands and note dialog
(``bookmarks_panel``) and the REFI-QDA export job with its progress (``qdpx_export``)."""
