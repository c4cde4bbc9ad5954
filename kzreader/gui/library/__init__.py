"""The interview list and what fills it: the list view and its model (``interview_list``), the
filter bar above the text (``filter_bar``), the loader thread (``loader``), watching open
files for changes (``file_watcher``) and the Problems view (``problems_view``)."""
