"""The optional analysers: kzreader runs without them, with weaker results, and says so.

They are regular dependencies, but a compiled one can fail to install, and an environment
can lose one; the parser and search then fall back quietly (core.text, core.search.word_forms,
parsing.names), so a single line (stderr, and the Problems view in the window) tells the user
what is weaker and how to get it back.
"""
from __future__ import annotations

import sys
from importlib.util import find_spec
from typing import NamedTuple

from .. import messages as msg
from ..messages import Message

STEMMING = "search and themes match only the exact word forms"
MORPHOLOGY = "Russian interviewees' names are not recognised and search misses some word forms"
# (module, pip package, what is weaker without it)
OPTIONAL = (
    ("Stemmer", "PyStemmer", STEMMING),
    ("pymorphy3", "pymorphy3", MORPHOLOGY),
    ("pymorphy3_dicts_ru", "pymorphy3-dicts-ru", MORPHOLOGY),
)


class Missing(NamedTuple):
    package: str
    weaker: str  # one of the reasons above
    install: str | None  # the command that installs it; None in a bundle

    @property
    def message(self) -> Message:
        """What is weaker, and how to get it back, for the Problems view."""
        plain, with_command = _MESSAGES[self.weaker]
        return Message(with_command, command=self.install) if self.install else Message(plain)


# each reason as a message: without and with the command that installs the package
_MESSAGES = {STEMMING: (msg.ANALYSER_NO_STEMMING, msg.ANALYSER_NO_STEMMING_INSTALL),
             MORPHOLOGY: (msg.ANALYSER_NO_MORPHOLOGY, msg.ANALYSER_NO_MORPHOLOGY_INSTALL)}


def _importable(module: str) -> bool:
    if module in sys.modules:
        return sys.modules[module] is not None  # None: imports of it are made to fail
    try:
        return find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def missing() -> list[Missing]:
    frozen = getattr(sys, "frozen", False)  # a bundle: its Python is the build machine's
    return [Missing(package, weaker, None if frozen else f"{sys.executable} -m pip install {package}")
            for module, package, weaker in OPTIONAL if not _importable(module)]


def missing_analysers() -> list[str]:
    """One warning line per missing analyser: what is weaker, and how to install it."""
    return [f"kzreader: warning: {m.package} is not installed, so {m.weaker} (weaker results); "
            + (f"install it with: {m.install}" if m.install else f"build the bundle where {m.package} is installed")
            for m in missing()]


def warn_missing_analysers(stream=None) -> None:
    for line in missing_analysers():
        print(line, file=stream or sys.stderr)
