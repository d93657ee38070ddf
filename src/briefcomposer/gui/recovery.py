"""Recovery files: unsaved work written aside so that a crash or power cut loses nothing.

Each open brief is written to ``user_data_dir()/recovery/<brief id>.brief`` with a
``.json`` note of the file it belongs to. Saving or closing cleanly removes both.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from briefcomposer.atomic import write_atomically
from briefcomposer.core.model import Brief
from briefcomposer.paths import user_data_dir

logger = logging.getLogger(__name__)


@dataclass
class RecoveryFile:
    path: Path
    original: Path | None
    saved_at: str
    title: str


def recovery_dir() -> Path:
    return user_data_dir() / "recovery"


def write_recovery(brief: Brief, original: Path | None) -> Path:
    """Write `brief` to its recovery file; return the path. Raises `OSError`."""
    from briefcomposer import storage

    folder = recovery_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{brief.id}.brief"
    data = storage.dumps(brief)
    note = {
        "original": str(original) if original else None,
        "saved_at": dt.datetime.now().isoformat(timespec="seconds"),
        "title": brief.title,
    }
    # The note first: a kill between the two writes must not leave a copy without its file name.
    write_atomically(target.with_suffix(".json"), json.dumps(note).encode("utf-8"))
    write_atomically(target, data)
    logger.info("Recovery file written: %s", target)
    return target


def remove_recovery(brief_id: str) -> None:
    for suffix in (".brief", ".json"):
        with contextlib.suppress(OSError):
            (recovery_dir() / f"{brief_id}{suffix}").unlink()


def list_recoveries() -> list[RecoveryFile]:
    found = []
    folder = recovery_dir()
    if not folder.is_dir():
        return []
    for path in sorted(folder.glob("*.brief")):
        note: dict = {}
        with contextlib.suppress(OSError, ValueError):
            note = json.loads(path.with_suffix(".json").read_text("utf-8"))
        original = note.get("original")
        found.append(
            RecoveryFile(
                path=path,
                original=Path(original) if original else None,
                saved_at=str(note.get("saved_at", "")),
                title=str(note.get("title", "")) or path.stem,
            )
        )
    return found


def discard(entry: RecoveryFile) -> None:
    for p in (entry.path, entry.path.with_suffix(".json")):
        with contextlib.suppress(OSError):
            p.unlink()
