"""PARSER_VERSION: a digest of the source of everything the parser's output depends on.

The parse cache and the corpus snapshot store it with every entry and serve an entry only to
the same version, so any edit to the parser -- a rule, a feature, a refitted weight table, a
format converter -- makes their old entries misses instead of stale answers.  A hand-kept
number was forgotten through several output-changing commits; a digest cannot be.

Computed once per process from the files themselves (about twenty small files, well under a
millisecond).  When the sources cannot be read (a frozen build ships byte code only), the
digest falls back to the package version, which every release changes.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

_CORE = Path(__file__).resolve().parents[1]
# what parse_source reads through: the parser, the format converters, the source reader (text
# normalisation, sidecar metadata), the decoder, the record and the model the output is built from
_PACKAGES = ("parsing", "sources", "sources/formats")
_MODULES = ("model.py",)


def parser_files() -> list[Path]:
    files: list[Path] = []
    for pkg in _PACKAGES:
        found = sorted((_CORE / pkg).glob("*.py"))
        if not found:
            raise FileNotFoundError(_CORE / pkg)
        files.extend(found)
    files.extend(_CORE / m for m in _MODULES)
    return files


def source_digest(files: list[Path], root: Path = _CORE) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update(f.relative_to(root).as_posix().encode("utf-8") + b"\0")
        h.update(f.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def _version() -> str:
    try:
        return source_digest(parser_files())
    except OSError:
        from ... import __version__

        return "release-" + __version__


PARSER_VERSION = _version()
