"""Reading files: the finder that walks folders for the suffixes the format table names
(``sources``), the bytes-to-text decoding (``decoding``), the ``Source`` record a file becomes
(``source_record``) and the converters of the other input formats (``formats``: HTML, DOCX,
Markdown into a derived text the parser reads; HTML in ``html``, ``html_tree`` and
``html_metadata``)."""
