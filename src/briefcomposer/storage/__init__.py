"""The .brief project file: JSON with a ``"format"`` version, written atomically.

A .brief holds everything, the sources' full text included, so that a brief opens
on another machine. `dumps`/`loads` convert between a `Brief` and bytes; `save`
and `load` add the file system. Loading either returns a whole, consistent brief
or raises `ProjectFormatError` with a one-line message: nothing half-loads. Files
beyond `MAX_FILE_BYTES`, `MAX_OBJECTS` JSON objects or a text of `MAX_TEXT_CHARS`
are refused before they can use much memory.
"""

from briefcomposer.storage.project import (
    FORMAT,
    MAX_FILE_BYTES,
    MAX_OBJECTS,
    MAX_TEXT_CHARS,
    dumps,
    load,
    loads,
    save,
)

__all__ = ["FORMAT", "MAX_FILE_BYTES", "MAX_OBJECTS", "MAX_TEXT_CHARS", "dumps", "load", "loads", "save"]
