"""The shared template folders: one JSON file for the window and the command line."""

from __future__ import annotations

import json
import logging

import pytest

from briefcomposer.paths import user_config_dir
from briefcomposer.structures import list_templates, load_shared_folders, save_shared_folders
from briefcomposer.structures.folders import shared_folders_file


def test_no_file_means_no_folders():
    assert not shared_folders_file().exists()
    assert load_shared_folders() == []


def test_save_then_load_keeps_order_and_drops_duplicates(tmp_path):
    a, b = tmp_path / "team", tmp_path / "unit"
    save_shared_folders([b, a, b])
    assert shared_folders_file() == user_config_dir() / "template-folders.json"
    assert load_shared_folders() == [b, a]
    assert json.loads(shared_folders_file().read_text("utf-8")) == {"format": 1, "folders": [str(b), str(a)]}
    save_shared_folders([])
    assert load_shared_folders() == []
    assert [p.name for p in shared_folders_file().parent.iterdir()] == ["template-folders.json"]  # no temp files


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe",
        b"[]",
        b'{"format": 1}',
        b'{"folders": "/one/folder"}',
        b'{"folders": ["/ok", 3]}',
        b'{"folders": [""]}',
        b"[" * 100_000,
    ],
)
def test_a_corrupt_file_is_empty_with_a_warning(caplog, content):
    shared_folders_file().parent.mkdir(parents=True)
    shared_folders_file().write_bytes(content)
    with caplog.at_level(logging.WARNING, logger="briefcomposer.structures.folders"):
        assert load_shared_folders() == []
    assert [r.levelno for r in caplog.records] == [logging.WARNING]
    assert str(shared_folders_file()) in caplog.text
    assert [t.origin.value for t in list_templates(load_shared_folders())][0] == "built-in"  # listing goes on


def test_saving_replaces_a_corrupt_file(tmp_path):
    shared_folders_file().parent.mkdir(parents=True)
    shared_folders_file().write_bytes(b"{not json")
    save_shared_folders([tmp_path])
    assert load_shared_folders() == [tmp_path]


def test_a_folder_in_the_way_of_the_file_raises_oserror(tmp_path):
    shared_folders_file().mkdir(parents=True)  # a folder where the file should be
    assert load_shared_folders() == []
    with pytest.raises((IsADirectoryError, PermissionError)):  # PermissionError on Windows
        save_shared_folders([tmp_path])
