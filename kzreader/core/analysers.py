"""The optional analysers: kzreader runs without them, with weaker results, and says so.

They are regular dependencies, but a compiled one can fail to install, and an environment
can lose one; the parser and search then fall back quietly (core.text, parsing.names), so a
single line at start tells the user what is weaker and how to get it back.
"""
from __future__ import annotations

import sys
from importlib.util import find_spec

_MORPHOLOGY = "Russian interviewees' names are not recognised and search misses some word forms"
# (module, pip package, what is weaker without it)
OPTIONAL = (
    ("Stemmer", "PyStemmer", "search and themes match only the exact word forms"),
    ("pymorphy3", "pymorphy3", _MORPHOLOGY),
    ("pymorphy3_dicts_ru", "pymorphy3-dicts-ru", _MORPHOLOGY),
)


def _importable(module: str) -> bool:
    if module in sys.modules:
        return sys.modules[module] is not None  # None: imports of it are made to fail
    try:
        return find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def _install_hint(package: str) -> str:
    if getattr(sys, "frozen", False):  # a bundle: its Python is the build machine's
        return f"build the bundle where {package} is installed"
    return f"install it with: {sys.executable} -m pip install {package}"


def missing_analysers() -> list[str]:
    """One warning line per missing analyser: what is weaker, and how to install it."""
    return [f"kzreader: warning: {package} is not installed, so {weaker} (weaker results); "
            f"{_install_hint(package)}"
            for module, package, weaker in OPTIONAL if not _importable(module)]


def warn_missing_analysers(stream=None) -> None:
    for line in missing_analysers():
        print(line, file=stream or sys.stderr)
