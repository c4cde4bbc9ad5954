"""`kzreader search [--json] QUERY PATH...` — search a corpus from the command line, no Qt.

The files are loaded the way the window loads them (a ``core.corpus.session`` load), with the
same parse cache, corpus snapshot and theme lexicon, so a folder the window has opened is searched
without parsing it again, and a folder searched here opens quickly in the window.  Hits come
in the order the search panel lists them.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

from .core.corpus.session import LoadSettings, Session
from .core.model import Interview
from .core.search.hits import display_order, hit_role

USAGE = "kzreader search [--json] [--limit N] [--settings-dir DIR] [--] QUERY PATH..."
_SPACES = re.compile(r"\s+")
_APP = ("kzreader", "kzreader")  # organisation and application, as Qt names the folders


def user_dirs(settings_dir: str | None) -> tuple[Path, Path]:
    """(data dir, cache dir) as the window finds them on Linux (Qt's AppDataLocation and
    CacheLocation), or inside ``settings_dir`` as ``--settings-dir`` puts them."""
    settings_dir = settings_dir or os.environ.get("KZREADER_SETTINGS_DIR")
    if settings_dir:
        return Path(settings_dir) / "data", Path(settings_dir) / "cache"
    home = Path.home()
    data = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    cache = Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache")
    return data.joinpath(*_APP), cache.joinpath(*_APP)


def _lexicon(data_dir: Path):
    """The lexicon the window would use (the snapshot it wrote is kept under its key)."""
    from .core.themes.lexicon import Lexicon, reload

    default = Lexicon.load_default()
    lexicon, _error = reload(default, data_dir / "themes.yaml", base=default)
    return lexicon


def _split(argv: list[str]) -> list[str]:
    """Options first, then ``--`` and the rest, so a query such as ``-газ нефть`` is not
    taken for an option."""
    opts, rest = [], []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--":
            rest.extend(argv[i + 1:])
            break
        if a in ("--json", "-h", "--help") or a.startswith(("--limit=", "--settings-dir=")):
            opts.append(a)
        elif a in ("--limit", "--settings-dir") and i + 1 < len(argv):
            opts.extend(argv[i:i + 2])
            i += 1
        else:
            rest.append(a)
        i += 1
    return opts + ["--"] + rest


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(
        prog="kzreader search", usage=USAGE,
        description="Search interview files: words match any form, \"quoted phrases\", "
                    "-excluded words, prefix*.  Exit status 0 with hits, 1 without, 2 for "
                    "bad arguments.")
    ap.add_argument("--json", action="store_true", help="print UTF-8 JSON")
    ap.add_argument("--limit", type=int, default=200, help="most hits to print (default 200)")
    ap.add_argument("--settings-dir", help="the folder the window's --settings-dir uses")
    ap.add_argument("query", metavar="QUERY")
    ap.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively)")
    try:
        args = ap.parse_args(_split(argv))
    except SystemExit as e:
        return 2 if e.code else 0
    if args.limit <= 0:
        print("kzreader search: --limit must be positive", file=sys.stderr)
        return 2

    data_dir, cache_dir = user_dirs(args.settings_dir)
    session = Session(_lexicon(data_dir), LoadSettings(cache_dir=str(cache_dir / "parsed")))
    session.load([os.path.abspath(p) for p in args.paths])  # absolute: as the window keys its snapshot
    index = session.index
    problems = [p for p in session.corpus.problems if p.severity == "error"]
    for p in problems:
        print(f"kzreader: {p.path}: {p.message}", file=sys.stderr)

    hits = display_order(index.search(args.query, limit=args.limit))
    out = sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8")
    try:
        if args.json:
            doc = {"hits": [_hit_json(index.interview(h.interview_id), h) for h in hits],
                   "problems": [p.as_json() for p in problems]}
            json.dump(doc, out, ensure_ascii=False, indent=1)
            out.write("\n")
        else:
            for h in hits:
                iv = index.interview(h.interview_id)
                where = "lead" if h.exchange_number == 0 else f"Q{h.exchange_number}"
                out.write(f"{iv.path}:{where}: {_SPACES.sub(' ', h.snippet).strip()}\n")
        out.flush()
    except BrokenPipeError:  # `| head`: the reader has what it wanted
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, out.fileno())
    return 0 if hits else 1


def _hit_json(iv: Interview, h) -> dict:
    start, end = h.match_spans[0]
    return {"path": iv.path, "id": iv.id, "exchange": h.exchange_number,
            "role": hit_role(iv, h), "start": start, "end": end, "snippet": h.snippet}
