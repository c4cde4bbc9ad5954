"""Build hook: compile the parser's hot modules with mypyc (see kzreader/core/parsing/native.py).

The metadata lives in pyproject.toml.  Without a C compiler, without mypyc, or with
KZREADER_NO_COMPILE=1, kzreader installs as pure Python: same output, slower parsing.
"""
import json
import os
import runpy
import sys

from setuptools import setup
from setuptools.command.build_ext import build_ext

HERE = os.path.dirname(os.path.abspath(__file__))
PARSING = os.path.join("kzreader", "core", "parsing")
native = runpy.run_path(os.path.join(HERE, PARSING, "native.py"))


def _extensions():
    if os.environ.get("KZREADER_NO_COMPILE"):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError as e:
        print(f"kzreader: mypyc is missing ({e}); the parser stays pure Python", file=sys.stderr)
        return []
    paths = [os.path.join(PARSING, n + ".py") for n in native["COMPILED"]]
    try:
        exts = mypycify(["--follow-imports=silent", "--ignore-missing-imports", *paths],
                        opt_level="3", debug_level="0", group_name=native["GROUP"])
    except (Exception, SystemExit) as e:  # mypy found an error: install what runs anyway
        print(f"kzreader: mypyc could not compile the parser ({e}); it stays pure Python",
              file=sys.stderr)
        return []
    for ext in exts:
        ext.optional = True  # a failed compile leaves pure Python, not a failed install
    return exts


class BuildExt(build_ext):
    """Writes the record of the sources the compiled modules were built from, beside them."""

    def run(self):
        super().run()
        if not self.extensions:
            return
        folder = os.path.dirname(self.get_ext_fullpath(native["GROUP"] + "__mypyc"))
        built = [n for n in native["COMPILED"]
                 if os.path.exists(self.get_ext_fullpath(f"{native['PACKAGE']}.{n}"))]
        if len(built) < len(native["COMPILED"]):
            return  # an optional module failed: no record, so nothing compiled is used
        record = {"python": sys.implementation.cache_tag,
                  "sources": native["source_hashes"](os.path.join(HERE, PARSING))}
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, native["BUILD_RECORD"]), "w", encoding="utf-8") as f:
            json.dump(record, f, indent=1)


setup(ext_modules=_extensions(), cmdclass={"build_ext": BuildExt})
