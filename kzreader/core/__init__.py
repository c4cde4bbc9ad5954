"""The Qt-free core of kzreader: sources, parsing, model, corpus, themes, search, bookmarks.

Nothing under this package may import PySide6 (tests/test_core_no_qt.py checks it).
"""
