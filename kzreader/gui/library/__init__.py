"""The interview list and what fills it: the list view and its model (``interview_list``), the
filter bar above the text (``filter_bar``), opening corpora and reloading them
(``corpus_opener``, with the recent list in ``recent`` and the status bar's progress and
counts in ``load_status``), the loader thread (``loader``), the core session's news as Qt
signals (``session_signals``), watching open files for changes (``file_watcher``) and the
Problems view (``problems_view``)."""
