"""What tools/render_corpus.py renders the corpus with: a page's blocks (pages), its web forms
(web) and its Word forms (word)."""
