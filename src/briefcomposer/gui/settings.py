"""The only module that knows `QSettings` keys; everything else uses typed properties."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

logger = logging.getLogger(__name__)

MAX_RECENT = 10
AUTOSAVE_SECONDS = 30  # the most typing a crash may cost


def autosave_seconds() -> float:
    """Seconds between recovery copies; ``BRIEFCOMPOSER_AUTOSAVE_SECONDS`` shortens it (tests)."""
    try:
        value = float(os.environ.get("BRIEFCOMPOSER_AUTOSAVE_SECONDS", AUTOSAVE_SECONDS))
    except ValueError:
        return AUTOSAVE_SECONDS
    return min(max(value, 0.1), AUTOSAVE_SECONDS)


class Settings:
    """Typed access to the application's settings.

    `qsettings` defaults to the user's native settings store, or to an INI file in
    ``$BRIEFCOMPOSER_HOME/config`` when that variable is set (portable installs, child
    processes in tests); tests pass an INI file
    (`QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)`).
    """

    def __init__(self, qsettings: QSettings | None = None) -> None:
        if qsettings is None:
            if os.environ.get("BRIEFCOMPOSER_HOME"):
                from briefcomposer.paths import user_config_dir

                ini = user_config_dir() / "settings.ini"
                qsettings = QSettings(str(ini), QSettings.Format.IniFormat)
            else:
                qsettings = QSettings("briefcomposer", "briefcomposer")
        self._s = qsettings

    def sync(self) -> None:
        self._s.sync()

    # -- window state

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._s.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def window_geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._s.setValue("window/state", value)

    @property
    def history_visible(self) -> bool | None:
        """Whether the history dock was open when `window_state` was saved; None if not recorded."""
        value = self._s.value("window/history_visible")
        if value is None:
            return None
        return value is True or str(value).lower() == "true"

    @history_visible.setter
    def history_visible(self, value: bool) -> None:
        self._s.setValue("window/history_visible", bool(value))

    def splitter_state(self, name: str) -> QByteArray | None:
        return self._bytes(f"window/splitter_{name}")

    def set_splitter_state(self, name: str, value: QByteArray) -> None:
        self._s.setValue(f"window/splitter_{name}", value)

    # -- files

    @property
    def recent_files(self) -> list[Path]:
        value = self._s.value("files/recent", [])
        if isinstance(value, str):  # QSettings returns a lone string for a one-item list
            value = [value]
        return [Path(v) for v in (value or []) if v]

    def add_recent_file(self, path: Path) -> None:
        path = Path(path).resolve()
        files = [path, *(p for p in self.recent_files if p != path)][:MAX_RECENT]
        self._s.setValue("files/recent", [str(p) for p in files])

    def clear_recent_files(self) -> None:
        self._s.setValue("files/recent", [])

    @property
    def last_dir(self) -> Path | None:
        value = self._s.value("files/last_dir", "", type=str)
        return Path(value) if value else None

    @last_dir.setter
    def last_dir(self, value: Path) -> None:
        self._s.setValue("files/last_dir", str(value))

    # -- preferences

    def _text(self, key: str, default: str = "") -> str:
        return str(self._s.value(key, default, type=str))

    @property
    def user_name(self) -> str:
        return self._text("user/name")

    @user_name.setter
    def user_name(self, value: str) -> None:
        self._s.setValue("user/name", value)

    @property
    def department(self) -> str:
        return self._text("user/department")

    @department.setter
    def department(self, value: str) -> None:
        self._s.setValue("user/department", value)

    @property
    def contact(self) -> str:
        return self._text("user/contact")

    @contact.setter
    def contact(self, value: str) -> None:
        self._s.setValue("user/contact", value)

    @property
    def default_marking(self) -> str:
        return self._text("brief/default_marking", "OFFICIAL")

    @default_marking.setter
    def default_marking(self, value: str) -> None:
        self._s.setValue("brief/default_marking", value)

    @property
    def template_folders(self) -> list[Path]:
        """The shared template folders: one list with the command line, kept outside QSettings
        (`briefcomposer.structures.folders`)."""
        from briefcomposer.structures.folders import load_shared_folders

        self._migrate_template_folders()
        return load_shared_folders()

    @template_folders.setter
    def template_folders(self, folders: list[Path]) -> None:
        """Raises `OSError` when the list cannot be written."""
        from briefcomposer.structures.folders import save_shared_folders

        self._migrate_template_folders()
        save_shared_folders(folders)

    def _migrate_template_folders(self) -> None:
        """Move folders kept in QSettings by earlier versions into the shared list, once."""
        key = "templates/shared_folders"
        if not self._s.contains(key):
            return
        from briefcomposer.structures.folders import load_shared_folders, save_shared_folders

        value = self._s.value(key, [])
        if isinstance(value, str):  # QSettings returns a lone string for a one-item list
            value = [value]
        old = [Path(v) for v in (value or []) if isinstance(v, str) and v]
        try:
            if old:
                save_shared_folders([*load_shared_folders(), *old])
        except OSError:
            logger.warning("Could not move the shared template folders out of the settings", exc_info=True)
            return  # kept in QSettings: tried again next time
        self._s.remove(key)

    @property
    def last_template(self) -> str:
        return self._text("templates/last", "uk-briefing-note")

    @last_template.setter
    def last_template(self, name: str) -> None:
        self._s.setValue("templates/last", name)

    @property
    def word_template(self) -> Path | None:
        value = self._text("export/word_template")
        return Path(value) if value else None

    @word_template.setter
    def word_template(self, value: Path | None) -> None:
        self._s.setValue("export/word_template", str(value) if value else "")
