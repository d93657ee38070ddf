"""The shared template folders (team drives) that the window and the command line both use.

They are kept in ``template-folders.json`` in the user's config folder:

    {"format": 1, "folders": ["/mnt/team/templates", "..."]}

The file is written atomically. A missing file means no folders; a file that cannot be
read or is not in this shape is treated as empty, with a logged warning, so that a
damaged file never stops the program from starting or listing the built-in templates.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from pathlib import Path

from briefcomposer.atomic import write_atomically
from briefcomposer.paths import user_config_dir

logger = logging.getLogger(__name__)

FOLDERS_FILE = "template-folders.json"
FORMAT = 1


def shared_folders_file() -> Path:
    """Where the list of shared template folders is kept."""
    return user_config_dir() / FOLDERS_FILE


def load_shared_folders() -> list[Path]:
    """The saved shared template folders, in the order they were added.

    Returns an empty list when there is no file, and also (after logging a warning)
    when the file cannot be read or is not a list of folders.
    """
    path = shared_folders_file()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as exc:
        logger.warning("Cannot read %s; no shared template folders are used: %s", path, exc.strerror or exc)
        return []
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        logger.warning("%s is not valid JSON; no shared template folders are used: %s", path, exc)
        return []
    folders = data.get("folders") if isinstance(data, dict) else None
    if not isinstance(folders, list) or not all(isinstance(f, str) and f for f in folders):
        logger.warning("%s does not hold a list of folders; no shared template folders are used", path)
        return []
    return _unique(Path(f) for f in folders)


def save_shared_folders(folders: Iterable[Path]) -> None:
    """Replace the saved shared template folders with `folders` (duplicates dropped).

    Creates the config folder if needed. Raises `OSError` when the file cannot be written;
    the old file is then left as it was.
    """
    path = shared_folders_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"format": FORMAT, "folders": [str(f) for f in _unique(folders)]}
    write_atomically(path, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    logger.info("Saved %d shared template folder(s) to %s", len(data["folders"]), path)


def _unique(folders: Iterable[Path]) -> list[Path]:
    return list(dict.fromkeys(Path(f) for f in folders))
