"""PyInstaller entry point: the same as the ``kzreader`` console script."""
import sys

from kzreader.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
