"""Small widgets and helpers several panels share: plain-text tooltips for untrusted text
(``plain_text``), a label that elides (``elided_label``) and a two-line item delegate
(``two_line_delegate``)."""
