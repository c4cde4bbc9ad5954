"""Themes in the window: the controller that tags and highlights (``themes_controller``), the
theme sidebar (``theme_sidebar``), the dialog that edits a theme (``theme_editor``) and the
theme map of themes across interviews (``theme_map``)."""
