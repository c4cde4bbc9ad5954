"""Finding words: the query language (``query``), a word's forms through pymorphy3
(``word_forms``), the per-paragraph folding and stemming the workers do once for search and
themes (``analysis``), the optional analysers and what is weaker without them (``analysers``),
the tantivy index (``search``), the hits it returns with their snippets (``hits``) and similar
questions by tf-idf (``similar``)."""
