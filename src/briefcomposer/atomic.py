"""Atomic file writes: a crash mid-write never damages the file already on disk."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

# The temporary file's name: hidden, short whatever the target's name (a name of up to
# 255 bytes must still save), and recognisable if a crash leaves one behind.
TEMP_PREFIX = ".briefcomposer-"
TEMP_SUFFIX = ".tmp"


def write_atomically(target: Path, data: bytes | Callable[[BinaryIO], object]) -> None:
    """Write `data` (bytes, or a function that writes to a binary file) to `target`.

    The bytes go to a temporary file in the same folder, are flushed to disk, and
    the temporary file then replaces `target` with `os.replace`, which is atomic on
    Windows and POSIX alike. On any error the temporary file is removed and the old
    `target` is untouched; the error (an `OSError` such as `PermissionError`) is raised.
    The temporary name is `TEMP_PREFIX`, eight random characters and `TEMP_SUFFIX`, not
    built from the target's name: that plus a suffix could pass the 255-byte limit.

    If `target` is a symbolic link, the file it points to is replaced and the link
    stays a link: `os.replace` acts on the name it is given, so it would otherwise put
    a copy in place of the link and leave the linked file (often a shared one) as it was.
    A `target` that may not be written (marked read-only, say) raises `PermissionError`.
    """
    target = _linked_file(Path(target))
    fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:  # closed on any error, so that Windows can delete it
            _refuse_read_only(target)  # after mkstemp: a read-only disk has already said EROFS
            if isinstance(data, (bytes, bytearray)):
                fh.write(data)
            else:
                data(fh)
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):  # keep the mode of the file we replace
            os.chmod(tmp, os.stat(target).st_mode & 0o7777)
        if not target.exists():
            with contextlib.suppress(OSError):  # mkstemp makes 0600; a new file gets the usual mode
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _linked_file(target: Path) -> Path:
    """Return the file that the symbolic link `target` finally points to, or `target` itself.

    The file need not exist yet: a dangling link gets its file made. Raises `OSError`
    (`ELOOP`) for a loop of links, which names no file at all.
    """
    if not os.path.islink(target):
        return target
    real = Path(os.path.realpath(target))  # follows a chain of links, relative or absolute
    if os.path.islink(real):  # realpath stops at the link that closes a loop
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(target))
    return real


def _refuse_read_only(target: Path) -> None:
    """Raise `PermissionError` if `target` exists and may not be written.

    `os.replace` needs write permission on the folder only, so on POSIX it would quietly
    replace a file marked read-only, where Windows refuses. A file with no write bit at
    all is refused even to root, as Windows refuses its read-only attribute to an
    administrator; `os.access` covers a file that this user may not write (another
    user's, say).
    """
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return  # a new file
    if not mode & 0o222 or not os.access(target, os.W_OK):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(target))
