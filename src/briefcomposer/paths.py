"""The one place that knows where `resources/` and `templates/` live, and the user folders."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Literal

APP_NAME = "briefcomposer"


@cache  # asked for every icon and template at start-up; where the package lies does not change
def bundled_dir(name: Literal["resources", "templates"]) -> Path:
    """The bundled folder `name`: inside the installed package, else in the source checkout."""
    installed = Path(__file__).with_name(name)  # wheel; fall back to the source checkout
    return installed if installed.is_dir() else Path(__file__).resolve().parents[2] / name


def sample_path() -> Path:
    """The embedded sample article (the RUSI commentary)."""
    return bundled_dir("resources") / "samples" / "rusi-dialogue-matters.txt"


def user_data_dir() -> Path:
    """Per-user data folder; `BRIEFCOMPOSER_HOME` overrides it (tests, portable installs)."""
    override = os.environ.get("BRIEFCOMPOSER_HOME")
    if override:
        return Path(override) / "data"
    import platformdirs  # lazily: only what needs a user folder pays for the import

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_config_dir() -> Path:
    override = os.environ.get("BRIEFCOMPOSER_HOME")
    if override:
        return Path(override) / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def user_templates_dir() -> Path:
    """Where "Save as template" writes the officer's own structure templates."""
    return user_data_dir() / "templates"


def user_cache_dir() -> Path:
    """Per-user cache folder (analyses by source); safe to delete at any time."""
    override = os.environ.get("BRIEFCOMPOSER_HOME")
    if override:
        return Path(override) / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
