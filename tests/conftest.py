"""Shared fixtures. Qt's offscreen platform is chosen before anything imports Qt."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Keep user folders (templates, settings, recovery) out of the real home directory."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("BRIEFCOMPOSER_HOME", str(home))
    return home


@pytest.fixture
def corpus_dir() -> Path:
    """../shared/corpus: real articles, read in place and never copied into the project."""
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not at {CORPUS}")
    return CORPUS


@pytest.fixture
def data_dir() -> Path:
    return DATA
