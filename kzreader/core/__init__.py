"""The Qt-free core of kzreader, grouped by feature: reading files (``sources``), text into
interviews (``parsing``), loading and holding a corpus (``corpus``), finding words (``search``),
themes (``themes``) and what the reader adds (``annotations``); at the top the model
(``model``), the tokeniser and stemmer (``text``), the one way files are written (``atomic``)
and the message catalogue (``messages``).

Nothing under this package may import PySide6 (tests/test_core_no_qt.py checks it).
"""
