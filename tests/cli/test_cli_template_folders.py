"""`briefcomposer templates folders`: the shared template folders, and which folders the commands use."""

from __future__ import annotations

import json

import pytest
from test_cli import run

from briefcomposer.structures import load_shared_folders, save_shared_folders
from briefcomposer.structures.folders import shared_folders_file


@pytest.fixture(autouse=True)
def _no_template_path(monkeypatch):
    monkeypatch.delenv("BRIEFCOMPOSER_TEMPLATE_PATH", raising=False)


def team_folder(tmp_path, name):
    """A folder holding one structure template called `name`."""
    folder = tmp_path / f"{name}-folder"
    folder.mkdir()
    data = {"name": name, "title": name.title(), "sections": [{"key": "a", "heading": "A"}]}
    (folder / f"{name}.json").write_text(json.dumps(data))
    return folder


def listed(*args, env=None):
    out = run("templates", "list", "--json", *args, env=env)
    assert out.returncode == 0, out.stderr
    return {t["name"]: t["origin"] for t in json.loads(out.stdout)}


def test_add_list_and_remove_folders(tmp_path):
    team = team_folder(tmp_path, "desk-note")
    out = run("templates", "folders")
    assert out.returncode == 0, out.stderr
    assert out.stdout == ""
    assert "no shared template folders" in out.stderr
    out = run("templates", "folders", "--add", str(team))
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [str(team)]
    assert load_shared_folders() == [team]  # the file the window reads too
    assert listed()["desk-note"] == "shared folder"
    assert run("templates", "folders").stdout.splitlines() == [str(team)]
    out = run("templates", "folders", "--remove", str(team))
    assert out.returncode == 0, out.stderr
    assert out.stdout == ""
    assert load_shared_folders() == []
    assert "desk-note" not in listed()


def test_a_relative_folder_is_saved_as_an_absolute_one(tmp_path):
    team_folder(tmp_path, "desk-note")
    out = run("templates", "folders", "--add", "desk-note-folder", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert load_shared_folders() == [(tmp_path / "desk-note-folder").resolve()]
    assert listed()["desk-note"] == "shared folder"  # from any working folder


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--add", "{tmp}/nowhere"), "no folder at"),
        (("--remove", "{tmp}/never-added"), "is not one of the shared template folders"),
    ],
)
def test_bad_folder_edits_exit_1_and_change_nothing(tmp_path, args, message):
    keep = team_folder(tmp_path, "keep")
    save_shared_folders([keep])
    out = run("templates", "folders", *(a.format(tmp=tmp_path) for a in args))
    assert out.returncode == 1
    assert out.stderr.startswith("briefcomposer: error: ")
    assert message in out.stderr
    assert load_shared_folders() == [keep]


def test_a_saved_folder_that_is_gone_is_listed_with_a_warning(tmp_path):
    save_shared_folders([tmp_path / "offline-drive"])
    out = run("templates", "folders")
    assert out.returncode == 0
    assert out.stdout.splitlines() == [str(tmp_path / "offline-drive")]
    assert "cannot be reached" in out.stderr
    assert listed()["uk-briefing-note"] == "built-in"


def test_options_then_environment_then_saved_folders(tmp_path):
    saved = team_folder(tmp_path, "saved-note")
    from_env = team_folder(tmp_path, "env-note")
    given = team_folder(tmp_path, "given-note")
    save_shared_folders([saved])
    env = {"BRIEFCOMPOSER_TEMPLATE_PATH": str(from_env)}
    assert "saved-note" in listed()
    names = listed(env=env)
    assert "env-note" in names
    assert "saved-note" not in names
    names = listed("--templates-dir", str(given), env=env)
    assert "given-note" in names
    assert not {"env-note", "saved-note"} & set(names)
    assert "saved-note" in listed(env={"BRIEFCOMPOSER_TEMPLATE_PATH": ""})  # set but empty: not set
    out = run("templates", "folders", env=env)
    assert out.stdout.splitlines() == [str(saved)]
    assert "BRIEFCOMPOSER_TEMPLATE_PATH is set" in out.stderr


def test_new_uses_a_template_from_a_saved_folder(tmp_path):
    from briefcomposer import storage

    save_shared_folders([team_folder(tmp_path, "desk-note")])
    target = tmp_path / "x.brief"
    out = run("new", "--sample", "--no-analyse", "--template", "desk-note", "-o", str(target))
    assert out.returncode == 0, out.stderr
    assert storage.load(target).template_id == "desk-note"


def test_a_corrupt_folders_file_lists_the_built_ins_and_can_be_repaired(tmp_path):
    shared_folders_file().parent.mkdir(parents=True)
    shared_folders_file().write_text("{not json")
    assert listed()["uk-briefing-note"] == "built-in"
    team = team_folder(tmp_path, "desk-note")
    out = run("templates", "folders", "--add", str(team))
    assert out.returncode == 0, out.stderr
    assert "not valid JSON" in out.stderr  # the warning is logged, and the command goes on
    assert load_shared_folders() == [team]
