"""Picking from sources, editing inline, drag and drop, and the panes' own controls."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from PySide6.QtCore import QDate, QItemSelectionModel, QMimeData, QModelIndex, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QAbstractItemView, QMessageBox

from briefcomposer.core.model import ActorKind, Marking, QuoteItem, Status, TextItem
from briefcomposer.gui.dialogs.preferences_dialog import Preferences, PreferencesDialog
from briefcomposer.gui.dialogs.simple_dialogs import ChooseDialog, PasteSourceDialog, PositionDialog, PositionInput
from briefcomposer.gui.models.roles import EXCERPT_MIME, ITEM_MIME


def select(view, paragraph: int, start: int, end: int) -> None:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view._doc_pos(paragraph, start))
    cursor.setPosition(view._doc_pos(paragraph, end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def test_source_view_numbers_paragraphs(window):
    view = window.source_pane.current_view()
    blocks = view.document().blockCount()
    assert blocks == len(window.doc.brief.sources[0].paragraphs)
    assert view.document().findBlockByNumber(1).text().startswith("\u00b62\u2002Russia says")


def test_new_position_from_selection(window, monkeypatch):
    view = window.source_pane.current_view()
    select(view, 3, 0, 59)
    seen = {}

    def ask(cls, parent, actors, issues, quote, actor_id="", issue_id=None):
        seen["quote"] = quote
        return PositionInput("European Union", True, issues[1].id, "wants missile defence settled")

    monkeypatch.setattr(PositionDialog, "ask", classmethod(ask))
    window.position_action.trigger()
    assert seen["quote"] == "Missile defence in Europe remains contested & <unresolved>."
    brief = window.doc.brief
    assert brief.actors[-1].name == "European Union"
    assert brief.positions[-1].evidence[0].quote == seen["quote"]
    assert window.doc.undo_stack.undoText() == "Add position: European Union on Missile defence"
    window.doc.undo_stack.undo()
    assert brief.actors[-1].name == "United Kingdom"


def test_add_evidence_and_tag_issue_from_selection(window):
    brief = window.doc.brief
    view = window.source_pane.current_view()
    select(view, 2, 0, 20)
    window.analysis_pane.select(brief.positions[1].id)
    window.evidence_action.trigger()
    assert len(brief.positions[1].evidence) == 2
    window.tag_action.trigger()  # the issue of the selected position
    assert brief.issues[0].paragraphs[-1].paragraph == 2


def test_tagging_a_paragraph_tagged_already_makes_no_undo_step(window):
    """NATO expansion is tagged to paragraph 2: tagging it again pushed an empty step and
    marked the brief modified."""
    select(window.source_pane.current_view(), 1, 0, 6)
    window.analysis_pane.select(window.doc.brief.issues[0].id)
    window.tag_action.trigger()
    assert window.doc.undo_stack.count() == 0
    assert not window.isWindowModified()
    select(window.source_pane.current_view(), 3, 0, 6)  # another paragraph is tagged as before
    window.tag_action.trigger()
    assert window.doc.undo_stack.count() == 1
    assert window.doc.brief.issues[0].paragraphs[-1].paragraph == 3


def test_new_issue_from_selection(window):
    view = window.source_pane.current_view()
    select(view, 3, 0, 16)
    window.new_issue_action.trigger()
    assert window.doc.brief.issues[-1].label == "Missile defence"
    assert window.doc.brief.issues[-1].paragraphs[0].paragraph == 3


def test_new_issue_hidden_by_the_search_opens_no_other_rows_editor(window):
    """The label editor opens on the new issue; with a search hiding it, it opened on the row
    selected before, and the label typed for the new issue renamed that one."""
    pane = window.analysis_pane
    pane.search_edit.setText("NATO")
    pane.select(window.doc.brief.issues[0].id)  # NATO expansion
    select(window.source_pane.current_view(), 3, 0, 16)
    window.new_issue_action.trigger()
    assert window.doc.brief.issues[-1].label == "Missile defence"
    assert pane.tree.state() != QAbstractItemView.State.EditingState
    pane.search_edit.clear()  # shown, it opens for typing as before
    select(window.source_pane.current_view(), 1, 0, 6)
    window.new_issue_action.trigger()
    assert pane.tree.state() == QAbstractItemView.State.EditingState
    assert pane.current_object() is window.doc.brief.issues[-1]


def test_clicking_a_position_flashes_its_evidence(qtbot, window):
    position = window.doc.brief.positions[0]
    window.show_position_evidence(position)
    view = window.source_pane.current_view()
    cursor = view.textCursor()
    assert cursor.position() == view._doc_pos(1, position.evidence[0].start)
    assert view._flash


def test_a_positions_adjacent_sentences_flash_as_one_passage(window):
    from briefcomposer.core import brief_ops

    brief = window.doc.brief
    source = brief.sources[0]
    position = brief.positions[0]
    position.evidence = [
        brief_ops.pick_excerpt(brief, source.id, 1, 0, 50),  # "Russia says ... security."
        brief_ops.pick_excerpt(brief, source.id, 1, 51, 90),  # "The UK wants more dialogue with Moscow."
        brief_ops.pick_excerpt(brief, source.id, 3, 0, 18),
    ]
    view = window.source_pane.current_view()
    window.show_position_evidence(position)
    flashed = view._flash[0].cursor
    assert (flashed.selectionStart(), flashed.selectionEnd()) == (view._doc_pos(1, 0), view._doc_pos(1, 90))
    window.show_position_evidence(position)  # again: the next passage
    flashed = view._flash[0].cursor
    assert (flashed.selectionStart(), flashed.selectionEnd()) == (view._doc_pos(3, 0), view._doc_pos(3, 18))


def test_inline_stance_edit_is_one_undo_step(qtbot, window):
    model = window.doc.analysis
    index = model.position_index(window.doc.brief.positions[0].id)
    assert model.setData(index, "  firmly   opposes expansion ", Qt.ItemDataRole.EditRole)
    qtbot.waitUntil(lambda: window.doc.undo_stack.count() == 1)  # pushed just after (queued)
    assert window.doc.brief.positions[0].stance == "firmly opposes expansion"
    assert window.doc.undo_stack.undoText().startswith("Edit position: Russia")


def test_inline_item_edit_and_guidance(qtbot, window):
    model = window.doc.outline
    index = model.index(0, 0, model.index(0, 0))
    model.setData(index, "Rewritten summary.", Qt.ItemDataRole.EditRole)
    qtbot.waitUntil(lambda: window.doc.undo_stack.count() == 1)  # pushed just after (queued)
    assert window.doc.brief.sections[0].items[0].text == "Rewritten summary."
    window.undo_action.trigger()
    assert window.doc.brief.sections[0].items[0].text == "A first paragraph."


def test_actor_rename_merge_and_kind(qtbot, window, monkeypatch):
    brief = window.doc.brief
    russia, nato, uk = brief.actors
    actors = window.doc.actors
    actors.setData(actors.index(0, 0), "Russian Federation", Qt.ItemDataRole.EditRole)
    qtbot.waitUntil(lambda: russia.name == "Russian Federation")  # pushed just after (queued)
    window.analysis_pane.actor_list.setCurrentIndex(actors.index(2, 0))
    monkeypatch.setattr(ChooseDialog, "ask", classmethod(lambda cls, parent, title, label, choices: russia.id))
    window.merge_actor_action.trigger()
    assert [a.name for a in brief.actors] == ["Russian Federation", "NATO"]
    assert "UK" in russia.aliases
    window.analysis_pane.actor_list.setCurrentIndex(actors.index(1, 0))
    group = next(a for a in window.kind_group.actions() if a.data() is ActorKind.GROUP)
    group.trigger()
    assert nato.kind is ActorKind.GROUP
    for _ in range(3):
        window.undo_action.trigger()
    assert [a.name for a in brief.actors] == ["Russia", "NATO", "United Kingdom"]


def test_merging_two_selected_actors_is_one_step_named_by_both(window):
    actors, view = window.doc.actors, window.analysis_pane.actor_list
    view.setCurrentIndex(actors.index(2, 0))
    view.selectionModel().select(actors.index(0, 0), QItemSelectionModel.SelectionFlag.Select)
    window.merge_actor_action.trigger()
    assert window.doc.undo_stack.undoText() == "Merge United Kingdom into Russia"  # was "Merge 1 actors into Russia"


def test_rename_actor_opens_the_selected_actor_not_the_current_row(window):
    """Merging the two selected actors leaves the kept one selected and the current row on
    another: Rename Actor opened the current row's name, not the selected actor's."""
    actors, view = window.doc.actors, window.analysis_pane.actor_list
    view.setCurrentIndex(actors.index(2, 0))
    view.selectionModel().select(actors.index(0, 0), QItemSelectionModel.SelectionFlag.Select)
    window.merge_actor_action.trigger()  # United Kingdom into Russia
    assert [a.name for a in window.analysis_pane.selected_actors()] == ["Russia"]
    assert view.currentIndex().row() == 1  # NATO
    window.rename_actor_action.trigger()
    assert view.state() == QAbstractItemView.State.EditingState
    assert view.indexWidget(actors.index(0, 0)) is not None  # Russia's name is open
    assert view.indexWidget(actors.index(1, 0)) is None


def test_a_row_dropped_or_moved_where_it_was_makes_no_undo_step(qtbot, window):
    """Dragging a heading or an item and letting go where it was, or moving the last item of
    a section to that section, pushed a step that changed nothing and marked the brief modified."""
    model, stack = window.doc.outline, window.doc.undo_stack
    drops = [
        (model.mimeData([model.index(0, 0)]), 0, QModelIndex()),  # the first heading, above itself
        (model.mimeData([model.index(0, 0)]), 1, QModelIndex()),  # and below itself
        (model.mimeData([model.index(0, 0, model.index(0, 0))]), 0, model.index(0, 0)),  # an item, above itself
        (model.mimeData([model.index(0, 0, model.index(0, 0))]), 1, model.index(0, 0)),  # and below itself
    ]
    for mime, row, parent in drops:
        assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, row, 0, parent)
        model.dropMimeData(mime, Qt.DropAction.MoveAction, row, 0, parent)
    qtbot.wait(10)  # the model's requests are queued
    window.brief_pane.outline_view.setCurrentIndex(model.index(0, 0, model.index(0, 0)))
    window.move_to_section(0)
    assert stack.count() == 0
    assert not window.isWindowModified()
    model.dropMimeData(drops[0][0], Qt.DropAction.MoveAction, 2, 0, QModelIndex())  # a real move still moves
    qtbot.waitUntil(lambda: stack.count() == 1)
    assert [s.key for s in window.doc.brief.sections] == ["positions", "summary", "empty"]


def test_actions_follow_a_filter_that_hides_the_current_position(window):
    """Filtering by the United Kingdom hides NATO's position with its whole issue: no row is
    current any more, but Edit Stance, Add to Brief... stayed enabled for the hidden one."""
    pane = window.analysis_pane
    pane.select(window.doc.brief.positions[1].id)  # NATO on NATO expansion
    assert window.edit_stance_action.isEnabled()
    pane.actor_filter.setCurrentIndex(pane.actor_filter.findData(window.doc.brief.actors[2].id))
    assert pane.current_object() is None
    for action in (window.edit_stance_action, window.add_to_brief_action, window.reject_action):
        assert not action.isEnabled(), action.text()


def test_rejecting_a_position_while_its_stance_is_being_edited(qtbot, window, activate):
    """Rejected, the position leaves the filtered tree and its open editor commits as it loses
    the focus: that edit, pushed from inside the rejection's own step while the filter was still
    removing the row, crashed the tree (a segmentation fault) as it laid itself out, or landed in
    the history before the rejection. Now the window commits the open editor before any command:
    the stance typed is one step, the rejection the next, undone in the reverse order."""
    from PySide6.QtWidgets import QPlainTextEdit

    activate(window)
    position = window.doc.brief.positions[0]  # suggested: Russia opposes expansion
    window.analysis_pane.select(position.id)
    window.edit_stance_action.trigger()
    tree = window.analysis_pane.tree
    editor = next(e for e in tree.viewport().findChildren(QPlainTextEdit) if e.isVisible())
    qtbot.waitUntil(editor.hasFocus)
    editor.setPlainText("opposes expansion firmly")
    window.reject_action.trigger()
    qtbot.wait(50)  # the tree lays itself out and paints
    window.repaint()
    assert position.status is Status.REJECTED
    assert position.stance == "opposes expansion firmly"
    window.undo_action.trigger()
    assert (position.status, position.stance) == (Status.SUGGESTED, "opposes expansion firmly")
    window.undo_action.trigger()
    assert position.stance == "opposes expansion"


@pytest.mark.parametrize("what", ["paragraph", "section"])
def test_undoing_a_new_paragraph_or_section_while_it_is_being_typed_is_one_exact_step(qtbot, window, activate, what):
    """Undo takes away the paragraph (or section) whose editor is open; the editor commits as it
    goes. Pushed inside the undo, that edit made the history [Add, Edit] with both undone, and one
    Redo brought the paragraph back with the text already in it. Now it comes after and is dropped."""
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

    activate(window)
    view = window.brief_pane.outline_view
    view.setCurrentIndex(window.doc.outline.index(0, 0))
    (window.add_paragraph_action if what == "paragraph" else window.add_section_action).trigger()
    kind = QPlainTextEdit if what == "paragraph" else QLineEdit
    qtbot.waitUntil(lambda: any(e.isVisible() for e in view.viewport().findChildren(kind)))
    editor = next(e for e in view.viewport().findChildren(kind) if e.isVisible())
    before = copy.deepcopy(window.doc.brief)
    (editor.setPlainText if what == "paragraph" else editor.setText)("Tomas Brel typed this")
    window.undo_action.trigger()
    qtbot.wait(20)  # anything queued arrives
    stack = window.doc.undo_stack
    assert (stack.count(), stack.index()) == (1, 0)
    window.redo_action.trigger()
    assert window.doc.brief == before  # as added, without the text typed into the step undone


def test_undoing_a_new_issue_while_its_label_is_being_edited(qtbot, window, activate):
    """Undo removes the new issue; its open label editor commits as it goes, and the label
    edit, pushed just after, must find nothing to edit rather than fail."""
    from PySide6.QtWidgets import QLineEdit

    activate(window)
    select(window.source_pane.current_view(), 3, 0, 16)
    window.new_issue_action.trigger()
    tree = window.analysis_pane.tree
    editor = next(e for e in tree.viewport().findChildren(QLineEdit) if e.isVisible())
    qtbot.waitUntil(editor.hasFocus)
    editor.setText("Velmora talks")
    window.undo_action.trigger()
    qtbot.wait(50)
    assert [i.label for i in window.doc.brief.issues] == ["NATO expansion", "Missile defence"]
    assert window.doc.undo_stack.index() == 0


def test_drop_excerpt_from_source_into_section(qtbot, window):
    view = window.source_pane.current_view()
    select(view, 1, 0, 6)
    mime = view.createMimeDataFromSelection()
    assert mime.hasFormat(EXCERPT_MIME)
    model = window.doc.outline
    assert model.canDropMimeData(mime, Qt.DropAction.CopyAction, -1, 0, model.index(2, 0))
    assert not model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, 0, model.index(2, 0))  # applied by a command
    qtbot.waitUntil(lambda: bool(window.doc.brief.sections[2].items))
    item = window.doc.brief.sections[2].items[0]
    assert isinstance(item, QuoteItem)
    assert item.excerpt.quote == "Russia"


def test_drag_item_to_another_section(qtbot, window):
    model = window.doc.outline
    item = window.doc.brief.sections[0].items[0]
    mime = model.mimeData([model.index(0, 0, model.index(0, 0))])
    assert mime.hasFormat(ITEM_MIME)
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 1, 0, model.index(1, 0))
    qtbot.waitUntil(lambda: window.doc.brief.locate_item(item.id) == (1, 1))  # after the table
    assert window.doc.undo_stack.undoText().endswith(" to Positions")


def test_move_to_section_and_delete(window):
    item = window.doc.brief.sections[0].items[0]
    window.brief_pane.select_item(item.id)
    window.move_to_section(2)
    assert window.doc.brief.locate_item(item.id) == (2, 0)
    window.delete_action.trigger()
    assert window.doc.brief.sections[2].items == []
    window.undo_action.trigger()
    assert window.doc.brief.sections[2].items == [item]


def test_add_paragraph_goes_after_the_current_item(window, monkeypatch):
    monkeypatch.setattr(window, "edit_item", lambda: None)
    window.brief_pane.select_item(window.doc.brief.sections[0].items[0].id)
    window.add_paragraph_action.trigger()
    items = window.doc.brief.sections[0].items
    assert len(items) == 2
    assert isinstance(items[1], TextItem)


def test_metadata_form_typing_is_one_step_and_follows_undo(qtbot, window):
    form = window.brief_pane.metadata
    edit = form.edits["to"]
    edit.setFocus()
    qtbot.keyClicks(edit, "PS/SoS")
    assert window.doc.brief.to == "PS/SoS"
    assert window.doc.undo_stack.count() == 1
    window.undo_action.trigger()
    assert edit.text() == ""


@pytest.fixture
def undated(qtbot, settings, brief):
    """The window on a brief with no date, as a file saved without one opens."""
    from briefcomposer.gui.main_window import MainWindow

    brief.date = None
    w = MainWindow(settings, brief)
    qtbot.addWidget(w)
    return w


def test_a_brief_with_no_date_shows_no_date_and_picking_today_dates_it(undated):
    """Shown as today, the form looked dated while the export printed no date, and picking
    today (what the field already showed) changed nothing."""
    form = undated.brief_pane.metadata.date_edit
    assert form.text() == "No date"
    assert form.value() is None
    form.setDate(QDate.currentDate())
    assert undated.doc.brief.date == dt.date.today()
    assert undated.doc.undo_stack.undoText() == "Edit date"
    undated.undo_action.trigger()
    assert undated.doc.brief.date is None
    assert form.text() == "No date"


def test_stepping_or_opening_the_calendar_from_no_date_starts_at_today(qtbot, undated, activate):
    form = undated.brief_pane.metadata.date_edit
    activate(undated)
    form.setFocus()
    qtbot.keyClick(form, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # on this month, not September 1752
    calendar = form.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    calendar.hide()
    assert undated.doc.brief.date is None  # looking is not choosing
    qtbot.keyClick(form, Qt.Key.Key_Up)  # a step from no date is today, not 15 September 1752
    assert undated.doc.brief.date == dt.date.today()
    # then a day at a time (Qt steps the day within its month: down, unless today is the 1st)
    down = dt.date.today().day > 1
    qtbot.keyClick(form, Qt.Key.Key_Down if down else Qt.Key.Key_Up)
    assert undated.doc.brief.date == dt.date.today() + dt.timedelta(days=-1 if down else 1)


def test_marking_choices_update_the_preview_string(window):
    form = window.brief_pane.metadata
    form.tier_combo.setCurrentIndex(form.tier_combo.findData(Marking.parse("SECRET").tier))
    assert str(window.doc.brief.marking) == "SECRET"
    form._extra_actions["UK EYES ONLY"].setChecked(True)
    assert str(window.doc.brief.marking) == "SECRET UK EYES ONLY"
    assert form.marking_preview.text() == "SECRET UK EYES ONLY"
    assert not form.sensitive_check.isEnabled()
    form.tier_combo.setCurrentIndex(0)
    assert window.doc.brief.marking is None
    assert form.marking_preview.text() == "CHOOSE A MARKING"


def test_find_in_source(window):
    window.show()
    window.find_action.trigger()
    pane = window.source_pane
    assert pane.find_bar.isVisible()
    pane.find_edit.setText("dialogue")
    assert pane.current_view().textCursor().selectedText().casefold() == "dialogue"
    pane.find_edit.setText("no such words")
    assert pane.find_status.text() == "Not found"


def test_find_bar_and_history_open_from_the_keyboard(qtbot, window, activate):
    """Ctrl+F, Tab, Esc and Ctrl+H work the first time, when the find bar and the dock are built."""
    from PySide6.QtWidgets import QApplication

    activate(window)
    view = window.source_pane.current_view()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    pane = window.source_pane
    qtbot.waitUntil(lambda: pane.find_edit is not None and pane.find_edit.hasFocus())
    assert pane.find_bar.isVisible()
    qtbot.keyClick(pane.find_edit, Qt.Key.Key_Tab)  # the find field leads the source pane's tab order
    assert QApplication.focusWidget() is view
    pane.find_edit.setFocus()
    qtbot.keyClick(pane.find_edit, Qt.Key.Key_Escape)
    assert not pane.find_bar.isVisible()
    assert view.hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert window.history_dock is not None
    assert window.history_dock.isVisible()
    assert window.history_action.isChecked()
    qtbot.keyClick(view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert not window.history_dock.isVisible()
    assert not window.history_action.isChecked()


def test_search_and_actor_filter(window):
    pane = window.analysis_pane
    pane.search_edit.setText("moscow")
    assert pane.proxy.rowCount() == 1
    pane.search_edit.clear()
    pane.actor_filter.setCurrentIndex(pane.actor_filter.findData(window.doc.brief.actors[1].id))
    assert pane.proxy.rowCount() == 1


def test_preferences_are_stored(window, settings, monkeypatch):
    prefs = Preferences("Jo Bloggs", "Russia Unit", "020 7946 0000", "OFFICIAL-SENSITIVE", [], None)
    monkeypatch.setattr(PreferencesDialog, "ask", classmethod(lambda cls, parent, current: prefs))
    window.preferences_action.trigger()
    assert settings.user_name == "Jo Bloggs"
    assert settings.default_marking == "OFFICIAL-SENSITIVE"
    brief = window.blank_brief()
    assert brief.sender == "Jo Bloggs, Russia Unit"


def test_paste_as_source_uses_the_dialog(window, monkeypatch):
    started = []
    monkeypatch.setattr(PasteSourceDialog, "ask", classmethod(lambda cls, parent, text="": ("Some text", "Title")))
    monkeypatch.setattr(window, "start_import", lambda **kw: started.append(kw))
    window.paste_action.trigger()
    assert started == [{"text": "Some text", "title": "Title"}]


def test_recent_menu_lists_files(window, settings, tmp_path):
    settings.add_recent_file(tmp_path / "a.brief")
    window._fill_recent_menu()
    texts = [a.text() for a in window.recent_menu.actions()]
    assert any("a.brief" in t for t in texts)


def test_word_counts_and_page_estimate(window):
    from briefcomposer.gui.models.roles import Role

    summary = window.doc.outline.index(0, 0)
    assert summary.data(Role.WORDS) == 3
    window.doc.push(
        __import__("briefcomposer.gui.commands", fromlist=["x"]).EditItemTextCommand(
            window.doc, window.doc.brief.sections[0].items[0].id, "one two three four five six"
        )
    )
    assert summary.data(Role.WORDS) == 6  # over its limit of five
    assert "of 3 pages" in window.brief_pane.pages_label.text()


def test_mime_without_payload_is_ignored(window):
    model = window.doc.outline
    assert not model.canDropMimeData(QMimeData(), Qt.DropAction.CopyAction, -1, 0, model.index(0, 0))


def test_history_dock_lists_named_steps(window):
    window.history_action.trigger()
    window.accept_action.setEnabled(True)
    window.analysis_pane.select(window.doc.brief.positions[0].id)
    window.accept_action.trigger()
    model = window.history_view.model()
    assert model.rowCount() == 2  # the empty state and one step
    assert model.index(1, 0).data() == "Accept position: Russia on NATO expansion"


def test_dropped_files_open_or_import(window, monkeypatch, tmp_path):
    opened, imported = [], []
    monkeypatch.setattr(window, "open_file", lambda path: opened.append(path))
    monkeypatch.setattr(window, "start_import", lambda path: imported.append(path))
    window.open_dropped([tmp_path / "a.txt", tmp_path / "b.pdf"])
    assert imported == [tmp_path / "a.txt", tmp_path / "b.pdf"]
    window.open_dropped([tmp_path / "c.brief"])
    assert opened == [tmp_path / "c.brief"]


def test_remove_evidence_from_the_position_menu(window):
    from PySide6.QtWidgets import QMenu

    position = window.doc.brief.positions[0]
    window.analysis_pane.select(position.id)
    menu = QMenu()
    window._build_analysis_menu(menu)
    remove = next(a.menu() for a in menu.actions() if a.menu() is not None)
    remove.actions()[0].trigger()
    assert position.evidence == []
    window.undo_action.trigger()
    assert len(position.evidence) == 1


def test_pdf_export_without_libreoffice_explains(window, monkeypatch, shown):
    import briefcomposer.export.pdf as pdf

    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    assert window.export_pdf() is None
    assert shown.errors[0][0].startswith("PDF export needs LibreOffice")


def test_drag_position_from_issues_tree_into_section(qtbot, window):
    from briefcomposer.core.model import PositionItem, Status

    position = window.doc.brief.positions[0]
    analysis = window.doc.analysis
    mime = analysis.mimeData([analysis.position_index(position.id)])
    outline = window.doc.outline
    assert outline.canDropMimeData(mime, Qt.DropAction.CopyAction, -1, 0, outline.index(2, 0))
    outline.dropMimeData(mime, Qt.DropAction.CopyAction, -1, 0, outline.index(2, 0))
    qtbot.waitUntil(lambda: bool(window.doc.brief.sections[2].items))
    assert isinstance(window.doc.brief.sections[2].items[0], PositionItem)
    assert position.status is Status.ACCEPTED
    assert window.doc.undo_stack.undoText() == "Add position to Lines to take"
    window.undo_action.trigger()  # one step undoes both
    assert window.doc.brief.sections[2].items == []
    assert position.status is Status.SUGGESTED


def test_source_describes_evidence_and_quotes_on_hover(window, source):
    view = window.source_pane.current_view()
    text = view.describe_at(view._doc_pos(1, 3))
    assert "Russia: opposes expansion" in text
    assert "suggested" in text
    window.quote_selection  # noqa: B018  # the action exists; quote through the model below
    from briefcomposer.gui.commands import InsertItemCommand

    window.doc.push(
        InsertItemCommand(
            window.doc, window.doc.brief.sections[2].id, None, QuoteItem(excerpt=source.excerpt(2, 0, 10))
        )
    )
    assert "Quoted in \u201cLines to take\u201d" in view.describe_at(view._doc_pos(2, 5))
    assert view.describe_at(view._doc_pos(2, 60)) == ""


def test_tooltip_event_over_evidence(qtbot, window, monkeypatch):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    shown = []
    monkeypatch.setattr(QToolTip, "showText", staticmethod(lambda pos, text, w=None: shown.append(text)))
    window.resize(1200, 800)
    window.show()
    view = window.source_pane.current_view()
    rect = view.cursorRect(_cursor_at(view, 1, 3))
    event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), view.viewport().mapToGlobal(rect.center()))
    assert view.viewportEvent(event)
    assert shown
    assert "opposes expansion" in shown[0]


def _cursor_at(view, paragraph, offset):
    cursor = QTextCursor(view.document())
    cursor.setPosition(view._doc_pos(paragraph, offset))
    return cursor


def test_selection_bar_follows_the_selection(window):
    window.resize(1200, 800)
    window.show()
    view = window.source_pane.current_view()
    select(view, 1, 0, 20)
    assert view.selection_bar.isVisible()
    assert window.quote_action in view.selection_bar.toolbar.actions()
    cursor = view.textCursor()
    cursor.clearSelection()
    view.setTextCursor(cursor)
    assert not view.selection_bar.isVisible()


def test_shortcuts_dialog_lists_commands(window, monkeypatch):
    from briefcomposer.gui.dialogs.shortcuts_dialog import ShortcutsDialog

    seen = []
    monkeypatch.setattr(ShortcutsDialog, "ask", classmethod(lambda cls, parent, rows: seen.extend(rows)))
    window.shortcuts_action.trigger()
    rows = dict(seen)
    assert rows["Save"] == "Ctrl+S"
    assert rows["Redo"] == "Ctrl+Shift+Z, Ctrl+Y"
    assert rows["Remove Item"] == "Del"
    # the keys of the inline editors and the date, which are not commands, come last
    assert rows["Editing: finish a paragraph"] == "Ctrl+Return"
    assert rows["Date: open the calendar"] == "Alt+Down, F4"
    assert seen[-1][0].startswith("Date:")
    dialog = ShortcutsDialog(window, seen)
    assert dialog.table.rowCount() == len(seen)


# -- an open inline editor is committed before a command -------------------------------


def _open_editor(qtbot, window, what: str):  # noqa: ANN202
    """Open the inline editor for `what` as the officer would, and return it with its focus."""
    from PySide6.QtWidgets import QApplication

    outline, pane = window.brief_pane.outline_view, window.analysis_pane
    if what == "paragraph":
        outline.setCurrentIndex(window.doc.outline.index(0, 0, window.doc.outline.index(0, 0)))
        window.edit_item_action.trigger()
    elif what == "heading":
        outline.setCurrentIndex(window.doc.outline.index(2, 0))
        qtbot.keyClick(outline, Qt.Key.Key_F2)
    elif what == "stance":
        pane.select(window.doc.brief.positions[0].id)
        window.edit_stance_action.trigger()
    else:
        pane.actor_list.setCurrentIndex(window.doc.actors.index(1, 0))  # NATO
        window.rename_actor_action.trigger()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and QApplication.focusWidget().parent() is not None)
    editor = QApplication.focusWidget()
    assert editor.objectName() in ("itemEditor", "headingEditor") or what in ("stance", "actor"), editor
    return editor


def _typed(brief, what: str) -> str:
    return {
        "paragraph": lambda: brief.sections[0].items[0].text,
        "heading": lambda: brief.sections[2].heading,
        "stance": lambda: brief.positions[0].stance,
        "actor": lambda: brief.actors[1].name,
    }[what]()


@pytest.mark.parametrize("what", ["paragraph", "heading", "stance", "actor"])
def test_save_by_shortcut_while_typing_inline_saves_what_is_typed(qtbot, window, activate, tmp_path, what):
    """Ctrl+S leaves the focus in an inline editor, which commits only when it loses it: the brief
    was saved without what was typed, and the title said saved. The window commits it first."""
    from briefcomposer import storage

    activate(window)
    window.doc.set_path(tmp_path / "brief.brief")
    editor = _open_editor(qtbot, window, what)
    editor.selectAll()
    qtbot.keyClicks(editor, "Mara Quist typed this")
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert _typed(storage.load(tmp_path / "brief.brief"), what) == "Mara Quist typed this"
    assert _typed(window.doc.brief, what) == "Mara Quist typed this"
    assert window.doc.undo_stack.count() == 1  # the edit, one step, saved
    assert not window.isWindowModified()


def test_a_toolbar_button_commits_the_open_editor_before_its_command(qtbot, window, activate, tmp_path):
    from PySide6.QtTest import QTest

    from briefcomposer import storage

    activate(window)
    window.doc.set_path(tmp_path / "brief.brief")
    editor = _open_editor(qtbot, window, "paragraph")
    editor.selectAll()
    qtbot.keyClicks(editor, "Lena Osk's summary")
    button = window.main_toolbar.widgetForAction(window.save_action)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert storage.load(tmp_path / "brief.brief").sections[0].items[0].text == "Lena Osk's summary"


def test_closing_while_typing_inline_asks_to_save_what_is_typed(qtbot, window, activate, shown, tmp_path):
    """A saved brief, a paragraph being retyped, then Quit: with the edit still in the editor the
    brief looked unchanged, the window closed without asking and the text was lost."""
    activate(window)
    window.doc.set_path(tmp_path / "brief.brief")
    window.save_action.trigger()
    assert not window.isWindowModified()
    editor = _open_editor(qtbot, window, "paragraph")
    qtbot.keyClicks(editor, "Tomas Brel's lines")
    shown.answer = QMessageBox.StandardButton.Cancel
    window.quit_action.trigger()
    assert len(shown.questions) == 1
    assert window.isVisible()
    assert window.doc.brief.sections[0].items[0].text == "Tomas Brel's lines"


def test_a_command_with_no_editor_open_pushes_nothing_first(window):
    window.commit_inline_edits()
    window.find_action.trigger()
    assert window.doc.undo_stack.count() == 0


# -- a paragraph reaches the brief as it is typed ----------------------------------------


@pytest.fixture
def typing(qtbot, window, activate, monkeypatch):
    """The window with the summary's paragraph open in its editor; pauses of 20 ms send the text."""
    from briefcomposer.gui.views import brief_pane

    monkeypatch.setattr(brief_pane._ItemEditor, "PAUSE_MS", 20)
    activate(window)
    editor = _open_editor(qtbot, window, "paragraph")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    return editor


def test_a_paragraph_reaches_the_brief_the_preview_and_the_word_count_as_it_is_typed(qtbot, window, typing):
    """Until its editor closed, a paragraph being written was in neither the preview, nor the
    section's word count, nor the recovery file: a crash lost all of it."""
    qtbot.keyClicks(typing, " Lena Osk")
    qtbot.waitUntil(lambda: window.doc.brief.sections[0].items[0].text == "A first paragraph. Lena Osk")
    assert typing.isVisible()  # still typing
    qtbot.keyClicks(typing, " agrees.")
    qtbot.waitUntil(lambda: window.doc.brief.sections[0].items[0].text.endswith("Lena Osk agrees."))
    qtbot.waitUntil(lambda: "Lena Osk agrees." in window.preview_pane.browser.toPlainText())
    assert typing.toPlainText() == "A first paragraph. Lena Osk agrees."  # the editor was left alone
    assert typing.textCursor().position() == len(typing.toPlainText())
    stack = window.doc.undo_stack
    assert stack.count() == 1  # one step for the whole typing
    assert stack.undoText() == "Edit paragraph \u201cA first paragraph.\u201d"
    assert window.isWindowModified()


def test_a_recovery_copy_written_while_typing_has_the_last_word(qtbot, window, typing):
    from briefcomposer import storage

    qtbot.keyClicks(typing, " Kystposten")
    path = window.autosave()  # at once: before the pause has sent it
    assert path is not None
    assert storage.load(path).sections[0].items[0].text == "A first paragraph. Kystposten"


def test_escape_after_typing_puts_back_the_text_and_leaves_no_step(qtbot, window, typing):
    qtbot.keyClicks(typing, " Velmora")
    qtbot.waitUntil(lambda: window.doc.undo_stack.count() == 1)
    qtbot.keyClick(typing, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not typing.isVisible())
    qtbot.wait(30)
    assert window.doc.brief.sections[0].items[0].text == "A first paragraph."
    assert window.doc.undo_stack.count() == 0
    assert not window.isWindowModified()


def test_undo_while_typing_shows_the_text_undone_in_the_editor(qtbot, window, typing):
    qtbot.keyClicks(typing, " Mara Quist")
    qtbot.waitUntil(lambda: window.doc.undo_stack.count() == 1)
    window.main_toolbar.widgetForAction(window.undo_action).click()  # the editor keeps the focus
    assert window.doc.brief.sections[0].items[0].text == "A first paragraph."
    assert typing.toPlainText() == "A first paragraph."
    qtbot.wait(50)  # the editor sends nothing back: the text is the brief's
    assert window.doc.undo_stack.index() == 0
    assert window.doc.undo_stack.canRedo()


def test_an_editor_closed_before_its_pause_sends_nothing_after(qtbot, qtlog, window, typing):
    """Typed, then closed by a command before the pause: the pause's timer still fired on the
    closed editor, which its view no longer knew ("commitData called with an editor that does
    not belong to this view")."""
    qtbot.keyClicks(typing, " Tomas Brel")
    window.commit_inline_edits()
    assert window.doc.undo_stack.count() == 1
    typing.send()  # the pause's timer, firing before the closed editor is deleted
    qtbot.wait(10)
    assert not [r.message for r in qtlog.records if "commitData" in r.message]
    assert window.doc.undo_stack.count() == 1


def test_a_paragraph_editor_grows_with_its_text_and_its_row_makes_room(qtbot, window, typing):
    """The editor had a fixed 90 px over a row often shorter: it covered the rows below, and a
    paragraph longer than four lines was typed out of sight."""
    view = window.brief_pane.outline_view
    index = window.doc.outline.index(0, 0, window.doc.outline.index(0, 0))
    next_heading = window.doc.outline.index(1, 0)
    before = view.visualRect(index).height()  # the editor's least height: the row made room for it
    assert before == view.itemDelegate().EDITOR_MIN_H
    assert typing.geometry().bottom() <= view.visualRect(next_heading).top()  # covers nothing
    qtbot.keyClicks(typing, " Tomas Brel writes a longer paragraph." * 8)
    qtbot.waitUntil(lambda: view.visualRect(index).height() > before + 40)
    assert typing.geometry().height() >= view.visualRect(index).height() - 1
    assert typing.geometry().bottom() <= view.visualRect(next_heading).top()
    assert typing.verticalScrollBar().maximum() == 0  # all of it in sight
    qtbot.keyClick(typing, Qt.Key.Key_Escape)  # closed, the row is one line of text again
    qtbot.waitUntil(lambda: view.visualRect(index).height() < view.itemDelegate().EDITOR_MIN_H)


def test_a_stance_is_edited_wrapped_in_full_and_enter_commits_it(qtbot, window, activate):
    """The stance's one-line editor showed the end of a long stance and scrolled sideways."""
    from PySide6.QtWidgets import QApplication

    activate(window)
    tree, position = window.analysis_pane.tree, window.doc.brief.positions[0]
    editor = _open_editor(qtbot, window, "stance")
    index = window.analysis_pane.proxy.mapFromSource(window.doc.analysis.position_index(position.id))
    one_line = tree.visualRect(index).height()
    long = "opposes any further expansion of the Alliance to the east, and says so at every meeting with NATO"
    editor.selectAll()
    qtbot.keyClicks(editor, long)
    qtbot.waitUntil(lambda: tree.visualRect(index).height() > one_line)  # the row makes room as it wraps
    assert editor.verticalScrollBar().maximum() == 0  # all of it in sight
    assert editor.horizontalScrollBar().maximum() == 0
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: position.stance == long)
    assert QApplication.focusWidget() is not editor
    assert window.doc.undo_stack.count() == 1


def test_escape_in_a_stance_keeps_the_stance(qtbot, window, activate):
    activate(window)
    position = window.doc.brief.positions[0]
    editor = _open_editor(qtbot, window, "stance")
    qtbot.keyClicks(editor, "Velmora typed this")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.analysis_pane.tree.state() != QAbstractItemView.State.EditingState)
    qtbot.wait(20)  # anything queued arrives
    assert position.stance == "opposes expansion"
    assert window.doc.undo_stack.count() == 0


def test_ctrl_shift_enter_in_a_paragraph_goes_on_to_the_next_one(qtbot, window, typing):
    """Ctrl+Shift+Enter (Add Paragraph) while writing a paragraph only committed it: the editor
    took the key. Now the paragraph is kept and a new one opens below it, as in a word processor."""
    from PySide6.QtWidgets import QApplication

    qtbot.keyClicks(typing, " Lena Osk")
    mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(typing, Qt.Key.Key_Return, mods)
    items = window.doc.brief.sections[0].items
    assert [type(i).__name__ for i in items] == ["TextItem", "TextItem"]
    assert items[0].text == "A first paragraph. Lena Osk"
    qtbot.waitUntil(lambda: getattr(QApplication.focusWidget(), "objectName", lambda: "")() == "itemEditor")
    assert QApplication.focusWidget() is not typing
    qtbot.keyClicks(QApplication.focusWidget(), "Tomas Brel")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: items[1].text == "Tomas Brel")


def test_enter_on_a_paragraph_in_the_outline_opens_it_for_writing(qtbot, window, activate):
    from PySide6.QtWidgets import QApplication

    activate(window)
    outline = window.brief_pane.outline_view
    outline.setFocus()
    outline.setCurrentIndex(window.doc.outline.index(0, 0))  # a section heading: Enter leaves it be
    qtbot.keyClick(outline, Qt.Key.Key_Return)
    assert outline.state() != QAbstractItemView.State.EditingState
    qtbot.keyClick(outline, Qt.Key.Key_Down)  # to its paragraph
    qtbot.keyClick(outline, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget().objectName() == "itemEditor")
    assert QApplication.focusWidget().toPlainText() == "A first paragraph."
    assert QApplication.focusWidget().accessibleName() == "Paragraph text"


@pytest.mark.parametrize("saved_between", [False, True])
def test_escape_after_typing_over_boilerplate_gives_back_the_boilerplate(
    qtbot, settings, activate, monkeypatch, tmp_path, saved_between
):
    """Typed over "{{ brief.sender }}, {{ brief.contact }}", the paragraph became the officer's own
    text as the typing reached the brief; Esc put the words back as plain text, and the export
    printed the tags. Saved in between, Esc is a step of its own; it still gives back the boilerplate."""
    from PySide6.QtWidgets import QApplication

    from briefcomposer.core.model import TextItem
    from briefcomposer.gui.main_window import MainWindow
    from briefcomposer.gui.views import brief_pane
    from briefcomposer.structures.templates import find_template, new_brief

    monkeypatch.setattr(brief_pane._ItemEditor, "PAUSE_MS", 10)
    brief = new_brief(find_template("uk-briefing-note"))
    s_row, item = next((n, s.items[0]) for n, s in enumerate(brief.sections) if s.key == "contact")
    assert isinstance(item, TextItem)
    assert item.boilerplate
    original = item.text
    window = MainWindow(settings, brief)
    qtbot.addWidget(window)
    activate(window)
    window.doc.set_path(tmp_path / "b.brief")
    outline = window.brief_pane.outline_view
    outline.setCurrentIndex(window.doc.outline.index(0, 0, window.doc.outline.index(s_row, 0)))
    window.edit_item_action.trigger()
    qtbot.waitUntil(lambda: QApplication.focusWidget().objectName() == "itemEditor")
    editor = QApplication.focusWidget()
    assert editor.toPlainText() == original
    editor.selectAll()
    qtbot.keyClicks(editor, "Call Mara Quist")
    qtbot.waitUntil(lambda: item.text == "Call Mara Quist")
    assert not item.boilerplate
    if saved_between:
        window.save()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: item.text == original)
    qtbot.wait(20)
    assert item.boilerplate
    assert window.doc.undo_stack.count() == (2 if saved_between else 0)


def test_showing_or_hiding_the_preview_leaves_the_paragraph_being_written_open(qtbot, window, typing):
    qtbot.keyClicks(typing, " Lena Osk")
    window.preview_action.trigger()  # F9: hide the preview
    assert window.brief_pane.outline_view.state() == QAbstractItemView.State.EditingState
    assert typing.toPlainText().endswith("Lena Osk")
    window.find_action.trigger()  # any other command takes the text first
    assert window.brief_pane.outline_view.state() != QAbstractItemView.State.EditingState


def test_a_command_closing_an_unchanged_paragraph_gives_its_row_back_its_height(qtbot, window, typing):
    view = window.brief_pane.outline_view
    index = window.doc.outline.index(0, 0, window.doc.outline.index(0, 0))
    assert view.visualRect(index).height() == view.itemDelegate().EDITOR_MIN_H  # room for the editor
    window.commit_inline_edits()  # nothing typed: nothing changes in the brief
    assert window.doc.undo_stack.count() == 0
    qtbot.waitUntil(lambda: view.visualRect(index).height() < view.itemDelegate().EDITOR_MIN_H)


@pytest.mark.parametrize("field", ["date_edit", "tier_combo"])
def test_alt_down_in_a_form_field_is_the_fields_not_move_down(qtbot, window, activate, field):
    """Move Up/Down (Alt+Up/Down) are the window's shortcuts: with a paragraph current in the
    outline, Alt+Down in the date field moved it to another section and opened no calendar."""
    from PySide6.QtWidgets import QApplication

    activate(window)
    item_id = window.doc.brief.sections[0].items[0].id
    window.brief_pane.select_item(item_id)
    widget = getattr(window.brief_pane.metadata, field)
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)
    steps = window.doc.undo_stack.count()
    qtbot.keyClick(widget, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.doc.undo_stack.count() == steps
    assert window.doc.brief.locate_item(item_id)[0] == 0
    if field == "date_edit":
        qtbot.waitUntil(widget.calendarWidget().isVisible)
        widget.calendarWidget().hide()
    else:
        qtbot.waitUntil(lambda: widget.view().isVisible())
        widget.hidePopup()


def test_ctrl_enter_finishes_a_heading_and_quotes_nothing(qtbot, window, activate):
    """Ctrl+Enter finishes a paragraph; in a heading's editor it ran Quote into Brief as well."""
    from PySide6.QtGui import QTextCursor as Cursor
    from PySide6.QtWidgets import QApplication

    activate(window)
    doc, view = window.doc, window.source_pane.current_view()
    cursor = Cursor(view.document())
    cursor.setPosition(view._doc_pos(1, 0))
    cursor.setPosition(view._doc_pos(1, 15), Cursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)  # a selection Quote into Brief would take
    window.brief_pane.select_section(doc.brief.sections[2].id)
    outline = window.brief_pane.outline_view
    outline.setFocus()
    window.rename_section()
    editor = outline.itemDelegate().open_editor()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    editor.selectAll()
    qtbot.keyClicks(editor, "Velmora lines")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: doc.brief.sections[2].heading == "Velmora lines")
    assert not any(isinstance(i, QuoteItem) for s in doc.brief.sections for i in s.items)
    assert outline.itemDelegate().open_editor() is None  # finished


def test_move_up_and_down_are_off_at_the_ends_of_the_brief(window):
    """They stayed on for the first and the last item of the brief, where they do nothing."""
    brief = window.doc.brief
    first = brief.sections[0].items[0]
    window.brief_pane.select_item(first.id)
    assert not window.move_up_action.isEnabled()
    assert window.move_down_action.isEnabled()
    for _ in range(50):  # down, section after section, until Move Down turns off
        if not window.move_down_action.isEnabled():
            break
        window.move_down_action.trigger()
    assert brief.sections[-1].items[-1] is first  # the brief's last item
    assert window.move_up_action.isEnabled()


def test_two_editing_sessions_of_a_paragraph_are_two_undo_steps(qtbot, window, activate):
    """Edits of one paragraph merged however far apart: one Undo took back both sessions."""
    from PySide6.QtWidgets import QApplication

    activate(window)
    doc, outline = window.doc, window.brief_pane.outline_view
    item = doc.brief.sections[0].items[0]
    for words in (" Lena Osk agrees.", " Tomas Brel does not."):
        window.brief_pane.select_item(item.id)
        window.edit_item()
        editor = outline.itemDelegate().open_editor()
        qtbot.waitUntil(lambda editor=editor: QApplication.focusWidget() is editor)
        editor.moveCursor(QTextCursor.MoveOperation.End)
        qtbot.keyClicks(editor, words)
        qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: outline.itemDelegate().open_editor() is None)
        QApplication.processEvents()
    assert item.text == "A first paragraph. Lena Osk agrees. Tomas Brel does not."
    window.undo_action.trigger()
    assert item.text == "A first paragraph. Lena Osk agrees."
    window.undo_action.trigger()
    assert item.text == "A first paragraph."


def test_steps_on_items_are_named_by_the_item(window):
    """ "Remove text", "Edit text" and "Move item" said nothing of which paragraph."""
    from briefcomposer.gui.commands import EditItemTextCommand, MoveItemCommand, RemoveItemCommand

    doc = window.doc
    item = doc.brief.sections[0].items[0]
    doc.push(EditItemTextCommand(doc, item.id, "Velmora will not join the talks before the spring summit."))
    assert doc.undo_stack.undoText() == "Edit paragraph \u201cA first paragraph.\u201d"
    doc.push(MoveItemCommand(doc, item.id, 2, 0))
    named = "paragraph \u201cVelmora will not join the talks\u2026\u201d"
    assert doc.undo_stack.undoText() == f"Move {named} to Lines to take"
    doc.push(RemoveItemCommand(doc, item.id))
    assert doc.undo_stack.undoText() == f"Remove {named}"
