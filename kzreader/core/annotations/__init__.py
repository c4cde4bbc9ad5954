"""What the reader adds to the texts: the bookmark record (``bookmark``), its store
(``bookmarks``) and the document on disk (``bookmark_file``), re-anchoring a bookmark when its
file changes (``anchoring``), citation styles (``citation``), exporting bookmarks and quotes
(``export``) and the REFI-QDA project export (``qdpx``)."""
