"""Entry point: `kzreader parse ...` and `kzreader search ...` run the Qt-free CLI; anything
else starts the window."""
from __future__ import annotations

import gc
import sys


def main(argv: list[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        # a frozen bundle's worker processes (core.loading) start through this entry point;
        # elsewhere they do not, and importing multiprocessing here would cost ~6 ms of start-up
        import multiprocessing

        multiprocessing.freeze_support()
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "parse":
        from .cli import main as cli_main

        return cli_main(args[1:])
    if args and args[0] == "search":
        from .search_cli import main as search_main

        return search_main(args[1:])
    # Starting the window (Qt's modules, its types and enums, the widgets) allocates much and
    # frees almost nothing, so collections then only delay the first paint.  From here on
    # gui.app freezes what start-up made and gui.collector collects on the GUI thread.
    gc.disable()
    from .gui.app import main as gui_main

    return gui_main(args)


if __name__ == "__main__":
    sys.exit(main())
