"""Entry point: `kzreader parse ...` runs the Qt-free CLI; anything else starts the window."""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    # a frozen bundle's worker processes (core.loading) start through this entry point
    import multiprocessing

    multiprocessing.freeze_support()
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "parse":
        from .cli import main as cli_main

        return cli_main(args[1:])
    from .gui.app import main as gui_main

    return gui_main(args)


if __name__ == "__main__":
    sys.exit(main())
