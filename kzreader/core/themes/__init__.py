"""Themes: the lexicon (bundled default plus the user's own YAML), tagging interviews and
exchanges with it (``themes``), and the cross-reading list of exchanges that carry a theme,
a search or a similar question (``across``)."""
