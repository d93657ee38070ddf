"""Recovery files: unsaved work written aside so that a crash or power cut loses nothing.

Each open brief is written to ``user_data_dir()/recovery/<key>.brief`` with a ``.json``
note of the file it belongs to and of that file as the copy's work started from it. The
key is the open document's own (`Document.recovery_key`): named by the brief's id, a
second window or copy of the app on the same file deleted or overwrote the first one's
copy when it closed, saved or autosaved, and an id from a hand-edited file ("../x") named
a path outside the folder (issue 5). Saving or closing cleanly removes the copy.

While a window holds a copy it also holds ``<key>.lock`` (`QLockFile`): a copy whose lock
a running program holds is that program's live work, not offered to another start. A
crashed program's lock is stale, and its copy is offered.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile

from briefcomposer.atomic import write_atomically
from briefcomposer.core.model import Brief
from briefcomposer.paths import user_data_dir

logger = logging.getLogger(__name__)

_KEY = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_held: dict[str, QLockFile] = {}  # the locks of the copies this program writes, by key


@dataclass
class RecoveryFile:
    path: Path
    original: Path | None
    saved_at: str
    title: str
    # (size, mtime_ns, sha256) of `original` as the work in the copy started from it
    stamp: tuple[int, int, str] | None = None

    @property
    def key(self) -> str:
        return self.path.stem


def recovery_dir() -> Path:
    return user_data_dir() / "recovery"


def _checked(key: str) -> str:
    if not _KEY.match(key):
        raise ValueError(f"not a recovery key: {key!r}")
    return key


def _lock(key: str) -> QLockFile:
    lock = QLockFile(str(recovery_dir() / f"{_checked(key)}.lock"))
    lock.setStaleLockTime(0)  # a live program's lock is never stale, however old; a dead one's is
    return lock


def hold(key: str) -> None:
    """Hold the lock of the copy `key` while this program may write it."""
    if key in _held:
        return
    lock = _lock(key)
    if lock.tryLock(0):
        _held[key] = lock
    else:  # held elsewhere: our own key is unique, so this is a program restoring the same copy
        logger.warning("The recovery copy %s is locked by another program", key)


def release(key: str) -> None:
    """Let go of the lock of the copy `key` and leave the copy, as a program that stops without
    closing its window does: the copy is then offered to the next start."""
    lock = _held.pop(key, None)
    if lock is not None:
        lock.unlock()


def write_recovery(brief: Brief, original: Path | None, key: str, stamp: tuple[int, int, str] | None = None) -> Path:
    """Write `brief` to the recovery copy `key`; return its path. Raises `OSError`.

    `stamp` is `original` as the work started from it (see `RecoveryFile.stamp`).
    """
    from briefcomposer import storage

    folder = recovery_dir()
    folder.mkdir(parents=True, exist_ok=True)
    hold(key)
    target = folder / f"{_checked(key)}.brief"
    data = storage.dumps(brief)
    note = {
        "original": str(original) if original else None,
        "saved_at": dt.datetime.now().isoformat(timespec="seconds"),
        "title": brief.title,
        "stamp": list(stamp) if stamp else None,
    }
    # The note first: a kill between the two writes must not leave a copy without its file name.
    write_atomically(target.with_suffix(".json"), json.dumps(note).encode("utf-8"))
    write_atomically(target, data)
    logger.info("Recovery file written: %s", target)
    return target


def remove_recovery(key: str) -> None:
    """Remove the copy `key` (saved or closed cleanly) and let go of its lock."""
    if not _KEY.match(key):
        return
    for suffix in (".brief", ".json"):
        with contextlib.suppress(OSError):
            (recovery_dir() / f"{key}{suffix}").unlink()
    release(key)


def _stamp(value: object) -> tuple[int, int, str] | None:
    if isinstance(value, list) and len(value) == 3:
        size, mtime, digest = value
        if isinstance(size, int) and isinstance(mtime, int) and isinstance(digest, str):
            return size, mtime, digest
    return None


def list_recoveries() -> list[RecoveryFile]:
    """The copies left by programs that stopped without saving (not this one's, nor a running one's)."""
    found = []
    folder = recovery_dir()
    if not folder.is_dir():
        return []
    for path in sorted(folder.glob("*.brief")):
        key = path.stem
        if key in _held or not _KEY.match(key):
            continue
        lock = _lock(key)
        if not lock.tryLock(0):
            continue  # another running window's live work
        lock.unlock()
        note: dict = {}
        with contextlib.suppress(OSError, ValueError):
            note = json.loads(path.with_suffix(".json").read_text("utf-8"))
        if not isinstance(note, dict):
            note = {}
        original = note.get("original")
        found.append(
            RecoveryFile(
                path=path,
                original=Path(original) if isinstance(original, str) and original else None,
                saved_at=str(note.get("saved_at", "")),
                title=str(note.get("title", "")) or path.stem,
                stamp=_stamp(note.get("stamp")),
            )
        )
    return found


def discard(entry: RecoveryFile) -> None:
    for p in (entry.path, entry.path.with_suffix(".json")):
        with contextlib.suppress(OSError):
            p.unlink()
    release(entry.key)
