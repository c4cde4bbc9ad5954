"""The reading pane's marks and how far apart they look.

Theme passages are tinted with the theme's colour; search hits are the search yellow and the
current find hit orange; bookmarks are underlined (not filled, so a bookmark never looks like
the selection and shows over any tint); questions sit in a light box.  ``theme_tint`` picks
the tint's strength so it stays visible on the page and on the question box and apart from the
search colours: distances are CIE76 ΔE in CIELAB (about 2 is just noticeable; 10 is plainly
different), computed, not judged by eye (tests/test_highlight_colours.py).
"""
from __future__ import annotations

from PySide6.QtGui import QColor

SEARCH_MATCH = QColor(255, 224, 102)  # every hit of a search or find
FIND_CURRENT = QColor(255, 150, 50)  # the hit Find Next stopped at
BOOKMARK_UNDERLINE = QColor(0, 128, 96)  # bookmarks: an underline in this colour
MIN_DELTA_E = 10.0
_ALPHAS = (0.35, 0.45, 0.55, 0.65, 0.25)  # tried in this order; the first that keeps its distance


def _linear(c: float) -> float:
    c /= 255.0
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def lab(colour: QColor) -> tuple[float, float, float]:
    r, g, b = (_linear(v) for v in (colour.red(), colour.green(), colour.blue()))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e(a: QColor, b: QColor) -> float:
    la, lb = lab(a), lab(b)
    return sum((p - q) ** 2 for p, q in zip(la, lb)) ** 0.5


def blend(top: QColor, alpha: float, under: QColor) -> QColor:
    """``top`` at ``alpha`` painted over the opaque ``under``."""
    return QColor(*(round(alpha * t + (1 - alpha) * u) for t, u in
                    ((top.red(), under.red()), (top.green(), under.green()), (top.blue(), under.blue()))))


def theme_tint(colour: QColor, page: QColor, question_box: QColor, selection: QColor) -> QColor:
    """The theme's colour with the first alpha at which, on the page and on the question box,
    it stays MIN_DELTA_E from the background, the search colours and the selection."""
    best, best_gap = None, -1.0
    for alpha in _ALPHAS:
        gap = min(distances(colour, alpha, page, question_box, selection).values())
        if gap >= MIN_DELTA_E:
            best = alpha
            break
        if gap > best_gap:
            best, best_gap = alpha, gap
    tint = QColor(colour)
    tint.setAlphaF(best)
    return tint


def distances(colour: QColor, alpha: float, page: QColor, question_box: QColor,
              selection: QColor) -> dict[str, float]:
    """ΔE of the tint (on the page and on the question box) from what it must not look like."""
    out = {}
    for ground_name, ground in (("page", page), ("question box", question_box)):
        tint = blend(colour, alpha, ground)
        for name, other in (("background", ground), ("search", blend(SEARCH_MATCH, 1.0, ground)),
                            ("find", FIND_CURRENT), ("selection", selection)):
            out[f"{name} on the {ground_name}"] = delta_e(tint, other)
    return out
