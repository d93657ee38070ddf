"""Shared template folders: the window's preferences and the command line keep one list."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings

from briefcomposer.core.model import Brief
from briefcomposer.gui.dialogs.new_brief_dialog import NewBriefDialog
from briefcomposer.gui.dialogs.preferences_dialog import Preferences, PreferencesDialog
from briefcomposer.gui.document import Document
from briefcomposer.gui.settings import Settings
from briefcomposer.structures import load_shared_folders, save_shared_folders
from briefcomposer.structures.folders import shared_folders_file

OLD_KEY = "templates/shared_folders"  # where earlier versions kept the folders


@pytest.fixture(autouse=True)
def _no_template_path(monkeypatch):
    monkeypatch.delenv("BRIEFCOMPOSER_TEMPLATE_PATH", raising=False)


def team_folder(tmp_path, name, **extra):
    """A folder holding one structure template called `name`."""
    folder = tmp_path / f"{name}-folder"
    folder.mkdir()
    data = {"name": name, "title": name.title(), "sections": [{"key": "a", "heading": "A"}], **extra}
    (folder / f"{name}.json").write_text(json.dumps(data))
    return folder


def cli(*args):
    """The command line in a subprocess; it shares BRIEFCOMPOSER_HOME with this test."""
    out = subprocess.run(
        [sys.executable, "-m", "briefcomposer", *args], capture_output=True, text=True, timeout=120, check=False
    )
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_a_folder_added_in_the_window_is_listed_by_the_command_line(window, tmp_path, monkeypatch):
    team = team_folder(tmp_path, "desk-note")
    monkeypatch.setattr(
        PreferencesDialog, "ask", classmethod(lambda cls, parent, prefs: Preferences(template_folders=[team]))
    )
    window.edit_preferences()
    assert window.settings.template_folders == [team]
    rows = {t["name"]: t["origin"] for t in json.loads(cli("templates", "list", "--json"))}
    assert rows["desk-note"] == "shared folder"
    assert cli("templates", "folders").splitlines() == [str(team)]


def test_a_folder_added_on_the_command_line_is_offered_by_the_window(window, tmp_path, monkeypatch):
    team = team_folder(tmp_path, "desk-note")
    cli("templates", "folders", "--add", str(team))
    offered, asked = [], []
    monkeypatch.setattr(
        PreferencesDialog, "ask", classmethod(lambda cls, parent, prefs: asked.append(prefs.template_folders))
    )
    window.edit_preferences()
    assert asked == [[team]]

    def choose(cls, parent, templates, selected=""):  # noqa: ANN001, ANN202
        offered.extend(t.name for t in templates)
        return next(t for t in templates if t.name == "desk-note")

    monkeypatch.setattr(NewBriefDialog, "ask", classmethod(choose))
    window.new_brief()
    assert "desk-note" in offered
    assert window.doc.brief.template_id == "desk-note"


def test_removing_in_the_window_removes_for_the_command_line(window, tmp_path, monkeypatch):
    keep, drop = team_folder(tmp_path, "keep-note"), team_folder(tmp_path, "drop-note")
    cli("templates", "folders", "--add", str(keep), "--add", str(drop))
    monkeypatch.setattr(
        PreferencesDialog,
        "ask",
        classmethod(
            lambda cls, parent, prefs: Preferences(template_folders=[f for f in prefs.template_folders if f != drop])
        ),
    )
    window.edit_preferences()
    assert cli("templates", "folders").splitlines() == [str(keep)]


def test_preferences_dialog_shows_and_returns_the_folders(qtbot, tmp_path):
    folders = [tmp_path / "a", tmp_path / "b"]
    dialog = PreferencesDialog(None, Preferences(template_folders=folders))
    qtbot.addWidget(dialog)
    assert [dialog.folders.item(i).text() for i in range(dialog.folders.count())] == [str(f) for f in folders]
    dialog.folders.takeItem(0)
    assert dialog.preferences().template_folders == [folders[1]]


def test_folders_kept_in_qsettings_move_to_the_shared_list_once(tmp_path):
    cli_folder, old_folder = tmp_path / "from-cli", tmp_path / "from-settings"
    save_shared_folders([cli_folder])
    qsettings = QSettings(str(tmp_path / "old.ini"), QSettings.Format.IniFormat)
    qsettings.setValue(OLD_KEY, [str(old_folder), str(cli_folder)])
    settings = Settings(qsettings)
    assert settings.template_folders == [cli_folder, old_folder]
    assert not qsettings.contains(OLD_KEY)
    assert load_shared_folders() == [cli_folder, old_folder]  # the command line sees them too
    settings.template_folders = [old_folder]
    assert Settings(qsettings).template_folders == [old_folder]  # not migrated a second time


def test_a_lone_folder_in_qsettings_is_migrated_on_first_write(tmp_path):
    qsettings = QSettings(str(tmp_path / "old.ini"), QSettings.Format.IniFormat)
    qsettings.setValue(OLD_KEY, str(tmp_path / "only"))  # QSettings reads a one-item list back as a string
    qsettings.sync()
    settings = Settings(QSettings(str(tmp_path / "old.ini"), QSettings.Format.IniFormat))
    settings.template_folders = [*settings.template_folders, tmp_path / "new"]
    assert load_shared_folders() == [tmp_path / "only", tmp_path / "new"]


def test_a_corrupt_folders_file_opens_the_window_with_the_built_ins(qtbot, settings, shown):
    from briefcomposer.gui.main_window import MainWindow

    shared_folders_file().parent.mkdir(parents=True)
    shared_folders_file().write_text('{"folders": 42}')
    assert settings.template_folders == []
    w = MainWindow(settings)
    qtbot.addWidget(w)
    assert w.doc.brief.template_id == "uk-briefing-note"
    assert shown.errors == []


def test_a_folders_file_that_cannot_be_written_is_reported(window, tmp_path, shown, monkeypatch):
    shared_folders_file().mkdir(parents=True)  # a folder in the way of the file
    monkeypatch.setattr(
        PreferencesDialog,
        "ask",
        classmethod(lambda cls, parent, prefs: Preferences(user_name="Jo", template_folders=[tmp_path])),
    )
    window.edit_preferences()
    assert shown.errors
    assert shown.errors[0][0].startswith("The shared template folders were not saved.")
    assert window.settings.user_name == "Jo"  # the other preferences are kept


def test_the_page_budget_of_a_shared_template_is_found(qtbot, tmp_path):
    save_shared_folders([team_folder(tmp_path, "desk-note", page_budget=2)])
    doc = Document(Brief(template_id="desk-note"))
    assert doc.page_budget() == 2


def test_preferences_without_folder_changes_leave_the_file_alone(window, tmp_path, monkeypatch):
    save_shared_folders([tmp_path])
    before = shared_folders_file().stat()
    monkeypatch.setattr(
        PreferencesDialog,
        "ask",
        classmethod(lambda cls, parent, prefs: Preferences(user_name="Jo", template_folders=prefs.template_folders)),
    )
    window.edit_preferences()
    assert window.settings.user_name == "Jo"
    after = shared_folders_file().stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)  # an atomic write makes a new file


def test_the_new_brief_dialog_lists_templates_under_where_they_come_from(qtbot, tmp_path):
    """Each row read "title / Built-in" on two lines, so four templates looked like eight entries
    and the first (Lines to take) was chosen for a new user rather than the briefing note."""
    from PySide6.QtCore import Qt

    from briefcomposer.structures import list_templates

    templates = list_templates([team_folder(tmp_path, "desk-note")])
    dialog = NewBriefDialog(None, templates)
    qtbot.addWidget(dialog)
    rows = [dialog.list.item(n) for n in range(dialog.list.count())]
    headings = [r.text() for r in rows if not r.flags() & Qt.ItemFlag.ItemIsSelectable]
    assert headings == ["BUILT-IN", "SHARED FOLDER"]
    assert [r.text() for r in rows if r.flags() & Qt.ItemFlag.ItemIsSelectable] == [t.title for t in templates]
    assert all("\n" not in r.text() for r in rows)
    assert dialog.selected_template().name == "uk-briefing-note"  # for someone who has not chosen before
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)  # past the shared folder's heading
    assert dialog.selected_template().name == "desk-note"
    assert "Desk-Note" in dialog.details.toPlainText()
    again = NewBriefDialog(None, templates, selected="lines-to-take")
    qtbot.addWidget(again)
    assert again.selected_template().name == "lines-to-take"


def test_save_as_template_keeps_the_word_look_of_a_shared_structure(window, tmp_path, monkeypatch):
    """The window looks for the brief's structure in the shared folders too, and copies its .docx."""
    from briefcomposer.gui.dialogs.simple_dialogs import SaveTemplateDialog
    from briefcomposer.structures import find_template

    team = team_folder(tmp_path, "velmora-note")
    (team / "velmora-note.docx").write_bytes(b"Velmora desk look")
    save_shared_folders([team])
    window.doc.brief.template_id = "velmora-note"
    monkeypatch.setattr(
        SaveTemplateDialog, "ask", classmethod(lambda cls, parent, title="": ("lena-note", "Lena's note", ""))
    )
    window.save_template_action.trigger()
    assert find_template("lena-note").word_template_path().read_bytes() == b"Velmora desk look"
