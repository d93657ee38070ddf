"""Issue 5, never lose work: each window's recovery copy is its own, and every copy is offered.

The copies were named by the brief's id: a second window (or copy of the app) on the same file
deleted or overwrote the first one's copy, an id from a hand-edited file named a path outside the
recovery folder, a file opened by name after a crash was shown without its copy (and closing it
deleted the copy), a restore overwrote a file changed since without asking, and Discard followed
by a cancelled Open deleted the copy of the work still on screen.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit, QMessageBox

from briefcomposer import storage
from briefcomposer.gui.commands import SetMetadataCommand
from briefcomposer.gui.main_window import MainWindow
from briefcomposer.gui.recovery import list_recoveries, recovery_dir, release, remove_recovery, write_recovery


def _edit_title(window: MainWindow, title: str) -> None:
    window.doc.push(SetMetadataCommand(window.doc, "title", title))


def _copies() -> list[Path]:
    return sorted(recovery_dir().glob("*.brief")) if recovery_dir().is_dir() else []


@pytest.fixture
def saved(tmp_path, brief) -> Path:
    path = tmp_path / "Velmora talks.brief"
    storage.save(brief, path)
    return path


@pytest.fixture
def opened(qtbot, settings):  # type: ignore[no-untyped-def]
    def opened(path: Path) -> MainWindow:
        window = MainWindow(settings)
        qtbot.addWidget(window)
        assert window.load_path(path)
        return window

    return opened


def test_a_second_window_on_the_same_file_leaves_the_first_ones_copy_alone(opened, saved):
    first, second = opened(saved), opened(saved)
    _edit_title(first, "Lena Osk's draft")
    mine = first.autosave()
    assert mine is not None
    second.close()  # unchanged: closing removed "the" copy, the first window's
    assert mine.is_file()
    third = opened(saved)
    _edit_title(third, "Tomas Brel's quick fix")
    assert third.autosave() != mine  # a copy of its own, not written over the first
    assert third.save()  # and saving removes only its own
    assert mine.is_file()
    assert b"Lena Osk's draft" in mine.read_bytes()


def test_a_file_opened_by_name_after_a_crash_offers_its_copy(opened, saved, shown, tmp_path, brief):
    crashed = opened(saved)
    _edit_title(crashed, "Before the power cut")
    copy = crashed.autosave()
    release(crashed.doc.recovery_key)  # the program that wrote it has gone
    other = tmp_path / "Kystposten.brief"
    storage.save(brief, other)
    shown.answer = QMessageBox.StandardButton.Yes
    window = MainWindow(crashed.settings)
    assert not window.offer_recovery(only_for=other)  # another file's copy waits
    assert window.offer_recovery(only_for=Path(os.path.relpath(saved)))
    assert window.doc.brief.title == "Before the power cut"
    assert window.doc.path == saved
    window.close()  # Discard (the fixture's answer is Yes: not Save), and its copy goes
    window.deleteLater()
    crashed.doc.undo_stack.setClean()
    assert copy is not None


def test_a_restored_copy_asks_before_saving_over_a_file_changed_since(opened, saved, shown):
    crashed = opened(saved)
    _edit_title(crashed, "Lena Osk's unsaved work")
    crashed.autosave()
    release(crashed.doc.recovery_key)
    changed = storage.load(saved)
    changed.title = "Tomas Brel's edits, saved meanwhile"
    storage.save(changed, saved)
    shown.answer = QMessageBox.StandardButton.Yes
    window = MainWindow(crashed.settings)
    assert window.offer_recovery()
    assert not window.save()  # the conflict is asked about (the patched dialog cancels)
    assert shown.conflicts == [saved.name]
    assert storage.load(saved).title == "Tomas Brel's edits, saved meanwhile"
    window.doc.undo_stack.setClean()
    crashed.doc.undo_stack.setClean()


def test_a_hand_edited_id_names_no_path_outside_the_recovery_folder(opened, saved, tmp_path):
    victim = tmp_path / "victim.brief"
    victim.write_text("not ours")
    brief = storage.load(saved)
    brief.id = str(tmp_path / "victim")  # a path, and "../x" alike
    storage.save(brief, saved)
    window = opened(saved)
    _edit_title(window, "Velmora")
    copy = window.autosave()
    assert copy is not None
    assert copy.parent == recovery_dir()
    window.doc.undo_stack.setClean()
    window.close()
    assert victim.read_text() == "not ours"
    assert not _copies()


def test_discard_then_a_cancelled_open_keeps_the_copy_of_the_work_on_screen(opened, saved, shown, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    window = opened(saved)
    _edit_title(window, "Still on screen")
    copy = window.autosave()
    shown.answer = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    assert not window.open_file()
    assert window.doc.brief.title == "Still on screen"
    assert copy is not None
    assert copy.is_file()
    window.doc.undo_stack.setClean()


def test_a_file_opened_by_a_relative_name_is_saved_where_it_is(opened, saved, monkeypatch):
    monkeypatch.chdir(saved.parent)
    window = opened(Path(saved.name))
    assert window.doc.path == saved
    assert window.doc.path.is_absolute()


@pytest.mark.parametrize("editor_of", ["heading", "paragraph"])
def test_a_crash_copies_what_is_being_typed_in_any_editor(qtbot, opened, saved, editor_of):
    window = opened(saved)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    doc, view = window.doc, window.brief_pane.outline_view
    if editor_of == "heading":
        window.brief_pane.select_section(doc.brief.sections[2].id)
        window.rename_section()
        editor = view.findChild(QLineEdit, "headingEditor")
    else:
        window.brief_pane.select_item(doc.brief.sections[0].items[0].id)
        window.edit_item()
        editor = view.itemDelegate().open_editor()
    assert editor is not None
    qtbot.keyClicks(editor, " Velmora")
    saved_to = window.emergency_save()  # the brief looked unchanged: nothing was copied
    assert saved_to is not None
    assert b"Velmora" in Path(saved_to).read_bytes()
    doc.undo_stack.setClean()


def test_a_failed_recovery_copy_is_said(opened, saved, monkeypatch):
    from briefcomposer.gui import main_window

    def full(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    window = opened(saved)
    monkeypatch.setattr(main_window, "write_recovery", full)
    _edit_title(window, "Velmora")
    assert window.autosave() is None
    assert "No recovery copy could be saved" in window.statusBar().currentMessage()
    window.doc.undo_stack.setClean()


def test_the_recent_menu_shows_an_ampersand_in_a_name(window, settings, tmp_path, brief):
    path = tmp_path / "Q&A notes.brief"
    storage.save(brief, path)
    settings.add_recent_file(path)
    window._fill_recent_menu()
    texts = [a.text() for a in window.recent_menu.actions()]
    assert any(t.endswith("Q&&A notes.brief") for t in texts)


def test_a_copy_written_and_removed_leaves_no_lock(brief):
    write_recovery(brief, None, "velmora-1")
    assert (recovery_dir() / "velmora-1.lock").exists()  # held while the window lives
    assert list_recoveries() == []  # and so not offered to another window of this program
    remove_recovery("velmora-1")
    assert not any(recovery_dir().iterdir())
