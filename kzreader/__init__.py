"""kzreader: a desktop reader for collections of published interviews."""

import logging as _logging

__version__ = "0.1.0"

# a library prints nothing unless told to: without this, Python's last-resort handler would
# print kzreader's warnings on stderr wherever the program did not set up logging
# (kzreader.diagnostics does, for the window and for the command line's --debug)
_logging.getLogger(__name__).addHandler(_logging.NullHandler())
