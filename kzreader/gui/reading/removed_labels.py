"""Names people read for the kinds of text the parser left out ("counter" → "View counter"),
shown over each removed block when Show Removed Text is on.  The kinds and their English
names are the core's (``core.messages.REMOVED_KINDS``); they are translated here."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kzreader.core.messages import REMOVED_KINDS

CONTEXT = "RemovedText"


def removed_label(kind: str) -> str:
    """"Left out: <what it is>" for a removed span's kind; kinds without a name still read
    as left-out text, never as a bare code word."""
    what = REMOVED_KINDS.get(kind)
    if not what:
        return QCoreApplication.translate("RemovedText", "Left out of the text")
    return QCoreApplication.translate("RemovedText", "Left out: {0}").format(
        QCoreApplication.translate(CONTEXT, what))
