"""Sections (add, rename inline, remove, reorder) and removing a source: undoable, keyboard-reachable."""

from __future__ import annotations

import copy

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from briefcomposer import storage
from briefcomposer.core.errors import RuleError
from briefcomposer.core.model import ParagraphRef, QuoteItem, Section, Source, Status
from briefcomposer.gui.commands import (
    AddSectionCommand,
    InsertItemCommand,
    MoveSectionCommand,
    RemoveSectionCommand,
    RemoveSourceCommand,
    RenameSectionCommand,
)


def headings(brief) -> list[str]:
    return [s.heading for s in brief.sections]


def snapshot(brief) -> bytes:
    return storage.dumps(brief)


# ---------------------------------------------------------------- commands


def test_add_remove_section_undo_redo(qtbot, doc):
    before = snapshot(doc.brief)
    section = Section("risks", "Risks")
    with qtbot.waitSignal(doc.outline.rowsInserted):
        doc.push(AddSectionCommand(doc, section, 1))
    assert headings(doc.brief) == ["Summary", "Risks", "Positions", "Lines to take"]
    assert doc.undo_stack.undoText() == "Add section: Risks"
    doc.push(RemoveSectionCommand(doc, doc.brief.sections[0].id))
    assert headings(doc.brief) == ["Risks", "Positions", "Lines to take"]
    doc.undo_stack.undo()
    assert doc.brief.sections[0].items[0].text == "A first paragraph."  # items come back with it
    doc.undo_stack.undo()
    assert snapshot(doc.brief) == before
    doc.undo_stack.redo()
    doc.undo_stack.redo()
    assert headings(doc.brief) == ["Risks", "Positions", "Lines to take"]


def test_section_keys_stay_unique(doc):
    assert doc.outline.unique_key("Summary") == "summary-2"
    assert doc.outline.unique_key("Lines to take!") == "lines-to-take"
    with pytest.raises(RuleError):
        doc.push(AddSectionCommand(doc, Section("summary", "Another summary")))
    assert len(doc.brief.sections) == 3


@pytest.mark.parametrize(("row", "to", "expected"), [(0, 2, ["P", "L", "S"]), (2, 0, ["L", "S", "P"]), (1, 1, None)])
def test_move_section_undo_restores_order(doc, row, to, expected):
    order = [h[0] for h in headings(doc.brief)]
    doc.push(MoveSectionCommand(doc, doc.brief.sections[row].id, to))
    assert [h[0] for h in headings(doc.brief)] == (expected or order)
    doc.undo_stack.undo()
    assert [h[0] for h in headings(doc.brief)] == order


def test_renames_of_one_section_merge_into_one_step(doc):
    sid = doc.brief.sections[2].id
    for text in ("L", "Lines", "Lines to use"):
        doc.push(RenameSectionCommand(doc, sid, text))
    assert doc.undo_stack.count() == 1
    assert doc.undo_stack.undoText() == "Rename section: Lines to use"
    doc.undo_stack.undo()
    assert doc.brief.sections[2].heading == "Lines to take"
    assert doc.undo_stack.isClean()


def test_outline_model_with_section_moves_passes_tester(qtmodeltester, doc):
    qtmodeltester.check(doc.outline)
    doc.push(AddSectionCommand(doc, Section("x", "X"), 0))
    doc.push(MoveSectionCommand(doc, doc.brief.sections[0].id, 3))
    doc.push(RemoveSectionCommand(doc, doc.brief.sections[1].id))
    qtmodeltester.check(doc.outline)


# ---------------------------------------------------------------- the window


def test_add_section_opens_its_heading_for_typing(qtbot, window):
    window.resize(1200, 800)
    window.show()
    window.brief_pane.select_section(window.doc.brief.sections[0].id)
    window.add_section_action.trigger()
    assert headings(window.doc.brief)[1] == "New section"
    view = window.brief_pane.outline_view
    editor = view.findChild(QLineEdit, "headingEditor")
    assert editor is not None
    qtbot.waitUntil(editor.hasFocus)  # typing goes straight into the new heading
    qtbot.keyClicks(editor, "Risks and opportunities")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: headings(window.doc.brief)[1] == "Risks and opportunities")
    assert window.doc.undo_stack.count() == 2
    assert window.doc.undo_stack.undoText() == "Rename section: Risks and opportunities"
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert headings(window.doc.brief) == ["Summary", "Positions", "Lines to take"]


def test_f2_renames_and_escape_cancels(qtbot, window, activate):
    activate(window)
    view = window.brief_pane.outline_view
    window.brief_pane.select_section(window.doc.brief.sections[1].id)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.findChild(QLineEdit, "headingEditor")
    assert editor is not None
    qtbot.keyClicks(editor, "Nothing")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)
    assert headings(window.doc.brief)[1] == "Positions"
    assert window.doc.undo_stack.count() == 0


def test_alt_up_down_moves_a_section_and_delete_removes_it(qtbot, window, activate):
    activate(window)
    view = window.brief_pane.outline_view
    window.brief_pane.select_section(window.doc.brief.sections[2].id)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert headings(window.doc.brief) == ["Summary", "Lines to take", "Positions"]
    assert window.brief_pane.current_section_row() == 1
    assert window.doc.undo_stack.undoText() == "Move section: Lines to take"
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert headings(window.doc.brief) == ["Summary", "Positions"]
    assert "Lines to take" in window.statusBar().currentMessage()
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert headings(window.doc.brief) == ["Summary", "Positions", "Lines to take"]


def test_section_actions_follow_the_selection(window):
    window.brief_pane.outline_view.setCurrentIndex(window.doc.outline.section_index(0))
    assert window.rename_section_action.isEnabled()
    assert not window.move_up_action.isEnabled()
    assert window.move_down_action.isEnabled()
    window.brief_pane.select_item(window.doc.brief.sections[0].items[0].id)
    assert not window.move_up_action.isEnabled()  # the brief's first item
    assert window.move_down_action.isEnabled()
    assert window.remove_section_action.isEnabled()  # the item's section


# ---------------------------------------------------------------- removing a source


def test_remove_source_from_the_window(qtbot, settings, brief, source):
    from briefcomposer.gui.main_window import MainWindow

    brief.positions[1].status = Status.SUGGESTED
    w = MainWindow(settings, brief)
    qtbot.addWidget(w)
    assert w.remove_source_action.isEnabled()
    w.remove_source_action.trigger()
    assert brief.sources == []
    assert brief.positions == []
    assert w.source_pane.current_source() is None
    assert not w.remove_source_action.isEnabled()
    w.undo_action.trigger()
    assert w.source_pane.current_source() is source
    assert len(brief.positions) == 3


def test_remove_source_refused_while_quoted(window, source, shown):
    doc = window.doc
    doc.push(InsertItemCommand(doc, doc.brief.sections[2].id, None, QuoteItem(excerpt=source.excerpt(2, 0, 10))))
    count = doc.undo_stack.count()
    assert not window.remove_source()
    assert shown.errors
    text = shown.errors[-1][0]
    assert text.startswith("The source was not removed.")
    assert "quoted 1 time(s)" in text
    assert doc.brief.sources == [source]
    assert doc.undo_stack.count() == count


def test_remove_source_refused_while_accepted_positions_cite_it(doc, source):
    assert doc.brief.positions[1].status is Status.ACCEPTED
    with pytest.raises(RuleError, match="accepted position"):
        RemoveSourceCommand(doc, source.id)


def test_remove_source_with_only_suggestions_is_one_step(qtbot, doc, source):
    brief = doc.brief
    brief.positions[1].status = Status.SUGGESTED
    extra = Source(title="Second", paragraphs=["NATO wants more dialogue."])
    brief.sources.append(extra)
    brief.positions[0].evidence.append(extra.excerpt(0, 0, 4))  # mixed evidence: the position stays
    brief.issues[1].paragraphs.append(ParagraphRef(source.id, 3))
    doc = type(doc)(brief)
    before = snapshot(brief)
    doc.push(RemoveSourceCommand(doc, source.id))
    assert [s.title for s in brief.sources] == ["Second"]
    assert [p.stance for p in brief.positions] == ["opposes expansion"]
    assert [e.source_id for e in brief.positions[0].evidence] == [extra.id]
    assert [i.label for i in brief.issues] == ["NATO expansion"]  # the suggested issue had nothing left
    brief.check()
    assert doc.undo_stack.undoText() == "Remove source: Dialogue matters"
    doc.undo_stack.undo()
    assert snapshot(brief) == before
    doc.undo_stack.redo()
    assert len(brief.sources) == 1
    copy.deepcopy(brief).check()


def test_no_two_actions_share_a_shortcut(window):
    seen = {}
    for action in [*window.actions(), window.delete_action]:
        for key in action.shortcuts():
            text = key.toString()
            assert text not in seen, f"{text}: {seen.get(text)} and {action.text()}"
            seen[text] = action.text()
    assert seen["Ctrl+Alt+N"] == "Add &Section"
    assert seen["Ctrl+Shift+P"] == "Preview in &Word Layout\u2026"


def _second_source():  # type: ignore[no-untyped-def]
    from briefcomposer.analysis import Suggestions
    from briefcomposer.core.model import Actor, ActorKind, Issue, Position

    source = Source(
        title="Kystposten on the talks",
        paragraphs=["The Kremlin calls NATO expansion a threat to Velmora.", "Lena Osk disagrees."],
    )
    suggestions = Suggestions(
        actors=[Actor("Russia", ActorKind.STATE, aliases=["Kremlin", "Moscow"])],
        issues=[Issue("NATO expansion", paragraphs=[ParagraphRef(source.id, 0)], keywords=["enlargement"])],
    )
    suggestions.positions = [
        Position(
            suggestions.actors[0].id, suggestions.issues[0].id, "calls expansion a threat", [source.excerpt(0, 0, 48)]
        )
    ]
    return source, suggestions


def test_an_import_gives_actors_and_issues_the_brief_holds_what_the_new_source_adds(window):
    """The window merged a new source's suggestions into a copy and kept only the new objects: Russia
    lost "the Kremlin" and the issue never pointed at the new source's paragraph (the CLI kept both)."""
    brief = window.doc.brief
    before = copy.deepcopy(brief)
    source, suggestions = _second_source()
    window.add_source(source, suggestions)
    russia = next(a for a in brief.actors if a.name == "Russia")
    issue = next(i for i in brief.issues if i.label == "NATO expansion")
    assert russia.aliases == ["Moscow", "Kremlin"]
    assert ParagraphRef(source.id, 0) in issue.paragraphs
    assert "enlargement" in issue.keywords
    assert len([a for a in brief.actors if a.name == "Russia"]) == 1  # reused, not a second Russia
    # the source view highlights the new alias as Russia
    view = window.source_pane.view_of(source.id)
    view.rehighlight()
    shown = {s.cursor.selectedText() for s in view.extraSelections() if s.format.toolTip() == "Russia"}
    assert "Kremlin" in shown
    window.doc.undo_stack.undo()  # one step takes all of it back
    assert brief == before
    window.doc.undo_stack.redo()
    assert russia.aliases == ["Moscow", "Kremlin"]
    assert ParagraphRef(source.id, 0) in issue.paragraphs
