"""Small widgets and helpers several panels share: plain-text tooltips for untrusted text
(``plain_text``), a label that elides (``elided_label``), a two-line item delegate
(``two_line_delegate``), one that wraps an item onto a few lines (``capped_lines_delegate``)
the width of a side panel's combo box (``combo_width``) and a dialog's first size
(``dialog_size``)."""
