"""Small widgets and helpers several panels share: plain-text tooltips for untrusted text
(``plain_text``), a label that elides (``elided_label``), a two-line item delegate
(``two_line_delegate``) and one that wraps an item onto a few lines (``capped_lines_delegate``)."""
