"""Compiled or pure Python: which form of the parser's hot modules this process runs.

The modules in ``COMPILED`` are plain Python, and the installer also compiles them with mypyc
(``setup.py``) into extension modules beside them, which parse several times faster per block.
Python prefers an extension module to a ``.py`` of the same name, so a compiled module that no
longer matches its source (the ``.py`` edited or checked out after the build) would silently
run old code.  The build therefore records a hash of every source it compiled
(``BUILD_RECORD``); ``choose()``, run before any of these modules is imported, compares them
with the sources on disk, and unless every one matches, makes Python load all of them from
their ``.py`` files (one stale module is enough: compiled modules call each other directly).

``KZREADER_PURE_PARSER=1`` asks for pure Python even when the build is fresh (the parity test
compares the two forms' output).  Both forms give the same output; only the speed differs.

This file must import nothing but the standard library: ``setup.py`` runs it to learn the
module list before anything is installed.
"""
from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys

PACKAGE = "kzreader.core.parsing"
# the modules compiled together (one mypyc group: calls between them skip Python); turns.py is
# not among them, it sets the model's slots through their descriptors
COMPILED = ("blocks", "junk", "features", "decode", "labels", "names", "evidence", "people",
            "metadata")
# the shared library of the group (mypyc names it "<group>__mypyc")
GROUP = PACKAGE + ".native"
BUILD_RECORD = "native_build.json"
HERE = os.path.dirname(os.path.abspath(__file__))

# set by choose(): is the compiled form in use, and if not, why not
compiled = False
reason = "not chosen yet"


def source_hashes(folder: str = HERE) -> dict[str, str]:
    """sha256 of each compiled module's source, as the build records it."""
    out = {}
    for name in COMPILED:
        with open(os.path.join(folder, name + ".py"), "rb") as f:
            out[name] = hashlib.sha256(f.read()).hexdigest()
    return out


def _extension(folder: str, name: str) -> str | None:
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        path = os.path.join(folder, name + suffix)
        if os.path.exists(path):
            return path
    return None


def check(folder: str = HERE) -> str | None:
    """None when the compiled modules in ``folder`` are complete and built from the sources
    there; else why they cannot be used."""
    present = [n for n in COMPILED if _extension(folder, n)]
    if not present:
        return "not compiled"
    if len(present) < len(COMPILED) or not _extension(folder, "native__mypyc"):
        return "the compiled build is incomplete"
    try:
        with open(os.path.join(folder, BUILD_RECORD), encoding="utf-8") as f:
            record = json.load(f)
    except (OSError, ValueError):
        return "the compiled build has no record of its sources"
    if record.get("python") != sys.implementation.cache_tag:
        return "compiled for another Python"
    try:
        hashes = source_hashes(folder)
    except OSError:
        # a frozen bundle (PyInstaller) ships the compiled modules without their sources:
        # nothing there can be stale
        return None if getattr(sys, "frozen", False) else "a source file is missing"
    if record.get("sources") != hashes:
        return "the sources changed after the build"
    return None


class _SourceFirst(importlib.abc.MetaPathFinder):
    """Loads the compiled modules from their ``.py`` files although extensions stand beside."""

    def __init__(self, folder: str):
        self.folder = folder

    def find_spec(self, fullname, path=None, target=None):
        pkg, _, name = fullname.rpartition(".")
        if pkg != PACKAGE or name not in COMPILED:
            return None
        return importlib.util.spec_from_file_location(fullname, os.path.join(self.folder, name + ".py"))


def choose() -> None:
    """Decide once per process, before the first of ``COMPILED`` is imported."""
    global compiled, reason
    if any(f"{PACKAGE}.{n}" in sys.modules for n in COMPILED):
        return  # decided already (or a module came in first: keep what was loaded)
    why = "KZREADER_PURE_PARSER is set" if os.environ.get("KZREADER_PURE_PARSER") else check()
    if why is None:
        try:
            importlib.import_module(GROUP + "__mypyc")
        except ImportError as e:  # built for another platform, a missing library
            why = f"the compiled build does not load ({e})"
    compiled, reason = why is None, why or "compiled with mypyc"
    if why is not None and any(_extension(HERE, n) for n in COMPILED) and not getattr(sys, "frozen", False):
        sys.meta_path.insert(0, _SourceFirst(HERE))
