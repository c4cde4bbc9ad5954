"""Text from source files shown as text: Qt renders a tooltip (and a QLabel left on AutoText)
as HTML when it looks like HTML, so ``<img src="file:///...">`` in a question would load a
local file on hover.  Every tooltip that holds file-derived text goes through here."""
from __future__ import annotations

import html


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip that shows exactly these characters (line breaks kept)."""
    if not text:
        return ""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"
