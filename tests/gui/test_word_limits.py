"""Section word limits: set and cleared from the window, one named undo step each, kept on save."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from briefcomposer import storage
from briefcomposer.core.errors import RuleError
from briefcomposer.gui.commands import SetWordLimitCommand
from briefcomposer.gui.dialogs.simple_dialogs import WordLimitDialog
from briefcomposer.gui.models.roles import Role

# ---------------------------------------------------------------- the command


def test_set_word_limit_undo_redo(qtbot, doc):
    summary = doc.brief.sections[0]
    index = doc.outline.section_index(0)
    with qtbot.waitSignal(
        doc.outline.dataChanged, check_params_cb=lambda a, b, roles=(): a == index and Role.LIMIT in roles
    ):
        doc.push(SetWordLimitCommand(doc, summary.id, 150))
    assert summary.word_limit == 150
    assert index.data(Role.LIMIT) == 150
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == "Summary, 3 of 150 words"
    assert doc.undo_stack.undoText() == "Set word limit: Summary (150 words)"
    doc.undo_stack.undo()
    assert index.data(Role.LIMIT) == 5
    assert doc.undo_stack.isClean()
    doc.undo_stack.redo()
    assert index.data(Role.LIMIT) == 150


def test_clear_word_limit_is_named_and_undoable(doc):
    summary = doc.brief.sections[0]
    doc.push(SetWordLimitCommand(doc, summary.id, None))
    assert summary.word_limit is None
    assert doc.outline.section_index(0).data(Qt.ItemDataRole.AccessibleTextRole) == "Summary, 3 words"
    assert doc.undo_stack.undoText() == "Clear word limit: Summary"
    doc.undo_stack.undo()
    assert summary.word_limit == 5


@pytest.mark.parametrize("limit", [0, -3])
def test_word_limit_below_one_is_refused_before_anything_changes(doc, limit):
    with pytest.raises(RuleError):
        doc.push(SetWordLimitCommand(doc, doc.brief.sections[0].id, limit))
    with pytest.raises(RuleError):
        doc.outline.set_word_limit(doc.brief.sections[0].id, limit)
    assert doc.brief.sections[0].word_limit == 5
    assert doc.undo_stack.count() == 0


def test_outline_model_with_word_limits_passes_tester(qtmodeltester, doc):
    qtmodeltester.check(doc.outline)
    doc.push(SetWordLimitCommand(doc, doc.brief.sections[2].id, 40))
    doc.push(SetWordLimitCommand(doc, doc.brief.sections[0].id, None))
    qtmodeltester.check(doc.outline)


# ---------------------------------------------------------------- the window


def test_set_word_limit_from_the_brief_menu(qtbot, window, shown):
    window.brief_pane.select_item(window.doc.brief.sections[0].items[0].id)  # an item: its section counts
    assert window.word_limit_action.isEnabled()
    shown.word_limit_answer = 150
    window.word_limit_action.trigger()
    assert shown.word_limits == [("Summary", 5)]
    assert window.doc.brief.sections[0].word_limit == 150
    assert window.isWindowModified()
    assert window.undo_action.text() == "&Undo Set word limit: Summary (150 words)"
    window.undo_action.trigger()
    assert window.doc.brief.sections[0].word_limit == 5
    assert not window.isWindowModified()
    window.redo_action.trigger()
    assert window.doc.brief.sections[0].word_limit == 150
    brief_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Brief")
    assert window.word_limit_action in brief_menu.actions()


def test_context_menu_sets_and_clears_the_limit(window, shown):
    window.brief_pane.select_section(window.doc.brief.sections[2].id)
    menu = QMenu(window)
    window.brief_pane.menu_builder(menu)
    assert window.word_limit_action in menu.actions()
    shown.word_limit_answer = 40
    window.word_limit_action.trigger()
    assert window.doc.brief.sections[2].word_limit == 40
    shown.word_limit_answer = 0  # 0 in the spin box: no limit
    window.word_limit_action.trigger()
    assert shown.word_limits == [("Lines to take", None), ("Lines to take", 40)]
    assert window.doc.brief.sections[2].word_limit is None
    assert window.doc.undo_stack.undoText() == "Clear word limit: Lines to take"
    assert window.doc.undo_stack.count() == 2


@pytest.mark.parametrize("answer", [None, 5])  # cancelled, or the limit it already has
def test_cancel_or_same_limit_pushes_nothing(window, shown, answer):
    window.brief_pane.select_section(window.doc.brief.sections[0].id)
    shown.word_limit_answer = answer
    window.word_limit_action.trigger()
    assert shown.word_limits == [("Summary", 5)]
    assert window.doc.undo_stack.count() == 0
    assert not window.isWindowModified()


def test_word_limit_action_needs_a_section(window):
    window.brief_pane.outline_view.setCurrentIndex(window.doc.outline.index(-1, 0))
    window.update_actions()
    assert not window.word_limit_action.isEnabled()


def test_count_is_drawn_against_the_new_limit_at_once(qtbot, window, shown):
    """The section row repaints with the new limit: over the old limit of 5, within 150."""
    window.resize(1200, 800)
    window.show()
    view = window.brief_pane.outline_view
    window.brief_pane.select_section(window.doc.brief.sections[0].id)
    index = window.doc.outline.section_index(0)
    qtbot.waitUntil(lambda: view.visualRect(index).isValid())

    def row_image():  # noqa: ANN202
        return view.viewport().grab(view.visualRect(index)).toImage()

    before = row_image()
    assert row_image() == before  # nothing else changes the row
    shown.word_limit_answer = 150
    window.word_limit_action.trigger()
    qtbot.waitUntil(lambda: row_image() != before)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: row_image() == before)


def test_word_limit_survives_save_and_reopen(qtbot, window, shown, tmp_path, settings):
    from briefcomposer.gui.main_window import MainWindow

    window.brief_pane.select_section(window.doc.brief.sections[1].id)
    shown.word_limit_answer = 250
    window.word_limit_action.trigger()
    path = tmp_path / "limits.brief"
    assert window.write_to(path)
    assert not window.isWindowModified()
    assert [s.word_limit for s in storage.load(path).sections] == [5, 250, None]
    other = MainWindow(settings)
    qtbot.addWidget(other)
    assert other.load_path(path)
    assert other.doc.outline.section_index(1).data(Role.LIMIT) == 250


# ---------------------------------------------------------------- the dialog


def test_word_limit_dialog_opens_on_the_current_limit_and_zero_means_none(qtbot):
    dialog = WordLimitDialog(None, "Risks & opportunities", 80)
    qtbot.addWidget(dialog)
    assert dialog.limit() == 80
    assert dialog.limit_spin.text() == "80 words"
    dialog.limit_spin.lineEdit().selectAll()
    qtbot.keyClicks(dialog.limit_spin, "0")  # typed, not yet confirmed with Enter
    assert dialog.limit() == 0
    assert dialog.limit_spin.text() == "No limit"
    empty = WordLimitDialog(None, "Summary", None)
    qtbot.addWidget(empty)
    assert empty.limit() == 0
