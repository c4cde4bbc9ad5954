"""kzreader: a desktop reader for collections of published interviews."""

__version__ = "0.1.0"
