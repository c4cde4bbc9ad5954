"""Names people read for the kinds of text the parser left out ("counter" → "View counter"),
shown over each removed block when Show Removed Text is on."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

_LABELS = {
    "headline list": QT_TRANSLATE_NOOP("RemovedText", "List of other articles"),
    "counter": QT_TRANSLATE_NOOP("RemovedText", "View counter"),
    "epilogue": QT_TRANSLATE_NOOP("RemovedText", "Note after the interview"),
    "markup": QT_TRANSLATE_NOOP("RemovedText", "Page markup"),
    "debris": QT_TRANSLATE_NOOP("RemovedText", "Page clutter"),
    "script": QT_TRANSLATE_NOOP("RemovedText", "Page script"),
    "credit": QT_TRANSLATE_NOOP("RemovedText", "Photo credit"),
    "caption": QT_TRANSLATE_NOOP("RemovedText", "Photo caption"),
    "site": QT_TRANSLATE_NOOP("RemovedText", "Text of the website"),
    "teaser": QT_TRANSLATE_NOOP("RemovedText", "Teaser of another article"),
    "embed": QT_TRANSLATE_NOOP("RemovedText", "Embedded media"),
    "navigation": QT_TRANSLATE_NOOP("RemovedText", "Site navigation"),
    "section": QT_TRANSLATE_NOOP("RemovedText", "Section name"),
    "template placeholder": QT_TRANSLATE_NOOP("RemovedText", "Unfilled template text"),
    "footnote": QT_TRANSLATE_NOOP("RemovedText", "Footnote"),
    "outside article": QT_TRANSLATE_NOOP("RemovedText", "Text outside the article"),
    "share": QT_TRANSLATE_NOOP("RemovedText", "Share buttons"),
    "related": QT_TRANSLATE_NOOP("RemovedText", "Related articles"),
    "comments": QT_TRANSLATE_NOOP("RemovedText", "Comments"),
    "footer": QT_TRANSLATE_NOOP("RemovedText", "Page footer"),
    "cookie": QT_TRANSLATE_NOOP("RemovedText", "Cookie notice"),
    "ads": QT_TRANSLATE_NOOP("RemovedText", "Advertisement"),
}


def removed_label(kind: str) -> str:
    """"Left out: <what it is>" for a removed span's kind; kinds without a name still read
    as left-out text, never as a bare code word."""
    what = _LABELS.get(kind)
    if what is None:
        return QCoreApplication.translate("RemovedText", "Left out of the text")
    return QCoreApplication.translate("RemovedText", "Left out: {0}").format(
        QCoreApplication.translate("RemovedText", what))
