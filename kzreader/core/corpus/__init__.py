"""The loaded corpus and the road to it: loading files in worker processes (``loading``), the
plain tuples workers send and the cache stores (``codec``), the parse cache (``parse_cache``),
the snapshot of an opened folder (``snapshot``), interviews whose body is read on first use
(``lazy``), the ``Corpus`` collection itself (``corpus``) and the open corpus with its theme
tags and search index, which loads feed and the window watches (``session``)."""
