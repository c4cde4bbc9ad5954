"""Corpus search in the window: the controller that feeds the index and runs queries
(``search_controller``), the search panel (``search_panel``) and its two-line hit rows
(``hit_delegate``)."""
