"""The cross-reading window: one scrolling document of exchanges from every interview that
carry a theme, match a search or ask a similar question (``across_view``), and the controller
that opens it from the main window (``across_controller``)."""
