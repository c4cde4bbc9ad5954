"""What the reader adds to the texts: bookmarks and their store (``bookmarks``), re-anchoring a
bookmark when its file changes (``anchoring``), citation styles (``citation``), exporting
bookmarks and quotes (``export``) and the REFI-QDA project export (``qdpx``)."""
