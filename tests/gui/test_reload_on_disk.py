"""A brief changed on disk by another program: reloaded when nothing here is unsaved, else kept."""

from __future__ import annotations

import copy
import os
import time

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit

from briefcomposer import storage
from briefcomposer.gui.commands import SetMetadataCommand


@pytest.fixture
def saved(window, tmp_path):
    """The window's brief saved at tmp_path/desk.brief: clean, watched."""
    path = tmp_path / "desk.brief"
    assert window.write_to(path)
    assert str(path) in window.watcher.files()
    return path


def change_elsewhere(path, title="Changed elsewhere"):
    """Another program saves a changed brief over `path` (atomically, as briefcomposer does)."""
    other = storage.load(path)
    other.title = title
    other.sections[0].word_limit = 99
    other.sections[1].heading = "Who thinks what"
    storage.save(other, path)


def test_a_clean_brief_is_reloaded_when_another_program_saves_it(qtbot, window, saved, shown):
    old_doc = window.doc
    change_elsewhere(saved)
    qtbot.waitUntil(lambda: window.doc.brief.title == "Changed elsewhere", timeout=5000)  # the watcher's doing
    assert window.doc is not old_doc
    assert window.doc.path == saved
    assert window.doc.undo_stack.isClean()
    assert window.doc.undo_stack.count() == 0
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("desk.brief[*]")
    assert window.statusBar().currentMessage() == "Reloaded desk.brief: it was changed by another program"
    assert window.brief_pane.metadata.edits["title"].text() == "Changed elsewhere"
    assert window.doc.outline.section_index(1).data() == "Who thinks what"
    assert window.doc.brief.sections[0].word_limit == 99
    assert str(saved) in window.watcher.files()  # still watched after the atomic replace
    window.doc.push(SetMetadataCommand(window.doc, "title", "Mine now"))
    assert window.save()
    assert shown.conflicts == []  # what was reloaded is what is on disk: no question
    assert storage.load(saved).title == "Mine now"


def test_unsaved_edits_are_never_replaced(window, saved, shown):
    doc = window.doc
    doc.push(SetMetadataCommand(doc, "title", "My unsaved title"))
    change_elsewhere(saved)
    window._on_file_changed(str(saved))  # what the watcher calls
    assert window.doc is doc
    assert doc.brief.title == "My unsaved title"
    assert window.isWindowModified()
    assert window.statusBar().currentMessage() == (
        "desk.brief was changed by another program; saving will ask before overwriting it"
    )
    assert not window.save()  # the patched conflict dialog cancels
    assert shown.conflicts == ["desk.brief"]
    assert storage.load(saved).title == "Changed elsewhere"


@pytest.mark.parametrize("garbage", [b"", b"{not json", b'{"format": 999}'])
def test_an_unreadable_file_does_not_replace_the_brief(window, saved, shown, garbage):
    doc = window.doc
    saved.write_bytes(garbage)
    window._on_file_changed(str(saved))
    assert window.doc is doc
    assert doc.brief.title == "Russia and NATO"
    assert "changed by another program; saving will ask" in window.statusBar().currentMessage()
    assert not window.save()
    assert shown.conflicts == ["desk.brief"]


def test_touching_the_file_reloads_nothing(window, saved):
    doc = window.doc
    os.utime(saved, (time.time() + 5, time.time() + 5))
    window._on_file_changed(str(saved))
    assert window.doc is doc
    assert window.statusBar().currentMessage() == "Saved desk.brief"  # no notice either


def test_an_open_heading_editor_counts_as_unsaved(qtbot, window, saved):
    window.resize(1200, 800)
    window.show()
    doc, view = window.doc, window.brief_pane.outline_view
    window.brief_pane.select_section(doc.brief.sections[2].id)
    window.rename_section()
    editor = view.findChild(QLineEdit, "headingEditor")
    assert editor is not None
    qtbot.keyClicks(editor, "Half typed")
    change_elsewhere(saved)
    window._on_file_changed(str(saved))
    assert window.doc is doc
    assert "saving will ask" in window.statusBar().currentMessage()


def test_undone_to_clean_is_reloaded(window, saved):
    """Edits undone back to the saved state leave nothing unsaved."""
    window.doc.push(SetMetadataCommand(window.doc, "title", "Tried"))
    window.undo_action.trigger()
    assert not window.isWindowModified()
    change_elsewhere(saved, "Theirs")
    window._on_file_changed(str(saved))
    assert window.doc.brief.title == "Theirs"
    assert window.doc.undo_stack.count() == 0


def test_a_write_during_the_reload_is_still_noticed(window, saved, monkeypatch):
    real_load = storage.load

    def load_then_written_again(path):  # noqa: ANN001, ANN202
        brief = real_load(path)
        again = copy.deepcopy(brief)
        again.title = "Written during the reload"
        storage.save(again, path)
        return brief

    change_elsewhere(saved, "First change")
    monkeypatch.setattr(storage, "load", load_then_written_again)
    window._on_file_changed(str(saved))
    monkeypatch.setattr(storage, "load", real_load)
    assert window.doc.brief.title == "First change"
    assert window.doc.changed_on_disk()  # the later write is not taken for what was loaded
    window._on_file_changed(str(saved))
    assert window.doc.brief.title == "Written during the reload"


def test_a_reload_keeps_the_panes_where_they_were(qtbot, settings, sample, tmp_path):
    """The source, its selection, the current rows, the filters and the scrolling survive a reload."""
    from PySide6.QtGui import QTextCursor

    from briefcomposer.gui.main_window import MainWindow

    path = tmp_path / "sample.brief"
    storage.save(sample, path)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1000, 420)  # short panes: every view scrolls
    window.show()
    qtbot.waitExposed(window)
    assert window.load_path(path)
    brief = window.doc.brief
    analysis, outline = window.analysis_pane, window.brief_pane.outline_view
    source = window.source_pane.current_view()
    cursor = QTextCursor(source.document())
    cursor.setPosition(120)
    cursor.setPosition(160, QTextCursor.MoveMode.KeepAnchor)
    source.setTextCursor(cursor)
    position = next(p for p in brief.positions if p.issue_id is not None)
    analysis.select(position.id)
    analysis.show_rejected.setChecked(True)
    actor_row = brief.actors.index(brief.actor(position.actor_id))
    analysis.actor_list.setCurrentIndex(window.doc.actors.index(actor_row, 0))
    item = brief.sections[-1].items[-1] if brief.sections[-1].items else brief.sections[1].items[0]
    window.brief_pane.select_item(item.id)
    outline.setFocus()
    qtbot.wait(50)  # let the views lay out, then scroll them somewhere else than the top
    views = {
        "source": source,
        "issues": analysis.tree,
        "outline": outline,
        "preview": window.preview_pane.browser,
    }
    for view in views.values():
        bar = view.verticalScrollBar()
        assert bar.maximum() > 0
        bar.setValue(bar.maximum() // 2)
    before = {name: view.verticalScrollBar().value() for name, view in views.items()}

    change_elsewhere(path)
    window._on_file_changed(str(path))
    assert window.doc.brief.title == "Changed elsewhere"
    source = window.source_pane.current_view()
    assert source.textCursor().selectionStart() == 120
    assert source.textCursor().selectionEnd() == 160
    assert analysis is not window.analysis_pane  # new panes, showing what the old ones showed
    analysis = window.analysis_pane
    assert analysis.current_object().id == position.id
    assert analysis.show_rejected.isChecked()
    assert [a.id for a in analysis.selected_actors()] == [position.actor_id]
    assert window.brief_pane.current_item_id() == item.id
    assert QApplication.focusWidget() is window.brief_pane.outline_view
    views = {
        "source": source,
        "issues": analysis.tree,
        "outline": window.brief_pane.outline_view,
        "preview": window.preview_pane.browser,
    }
    qtbot.waitUntil(lambda: {n: v.verticalScrollBar().value() for n, v in views.items()} == before, timeout=3000)
    window.doc.undo_stack.setClean()
