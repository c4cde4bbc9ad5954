"""Themes: the lexicon (the bundled default plus the user's own YAML; ``lexicon``), matching it
against text (``matching``), the themes every exchange of a corpus carries (``themes``), and the
cross-reading list of exchanges that carry a theme, a search or a similar question
(``across``)."""
