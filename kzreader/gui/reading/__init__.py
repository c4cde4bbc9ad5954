"""Reading one interview: the reading pane (``reading_pane``; its actions and widgets in
``pane_ui``, the text widget in ``reading_text``, the document it shows built by ``document``,
document positions against source offsets in ``offsets``), where the reader is and reopening it
there (``reading_place``), find in the interview (``find_bar``), the highlight colours
(``highlight_colours``), copying quotes with citations (``quote_actions``) and the names of
removed-text kinds (``removed_labels``)."""
