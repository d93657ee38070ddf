"""Every command does, undoes and redoes through the real QUndoStack."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from briefcomposer.core.model import (
    Actor,
    ActorKind,
    Issue,
    Marking,
    ParagraphRef,
    Position,
    QuoteItem,
    Source,
    Status,
    TextItem,
)
from briefcomposer.gui.commands import (
    AddActorCommand,
    AddEvidenceCommand,
    AddIssueCommand,
    AddPositionCommand,
    AddSourceCommand,
    EditItemTextCommand,
    EditStanceCommand,
    InsertItemCommand,
    MergeActorsCommand,
    MoveItemCommand,
    RemoveEvidenceCommand,
    RemoveItemCommand,
    RemoveSourceCommand,
    RenameActorCommand,
    RenameIssueCommand,
    SetActorKindCommand,
    SetMetadataCommand,
    SetStatusCommand,
    SetTableActorsCommand,
    TagParagraphCommand,
)


def snapshot(brief):
    return copy.deepcopy(brief)


def check_undo_redo(doc, command, after=None):
    """Push `command`; undo must restore the brief exactly, redo must repeat the change."""
    before = snapshot(doc.brief)
    doc.push(command)
    changed = snapshot(doc.brief)
    assert changed != before
    if after is not None:
        after(doc.brief)
    doc.undo_stack.undo()
    assert doc.brief == before
    doc.undo_stack.redo()
    assert doc.brief == changed
    return changed


def test_quote_excerpt_undo_redo(qtbot, doc, source):
    item = QuoteItem(excerpt=source.excerpt(2, 0, 40))
    with qtbot.waitSignal(doc.outline.rowsInserted):
        doc.push(InsertItemCommand(doc, doc.brief.sections[1].id, 0, item, "Quote into Positions"))
    assert doc.brief.sections[1].items[0] is item
    doc.undo_stack.undo()
    assert item not in doc.brief.sections[1].items
    doc.undo_stack.redo()
    assert doc.brief.sections[1].items[0] is item
    assert doc.undo_stack.undoText() == "Quote into Positions"


def test_remove_then_undo_restores_order(doc):
    doc.push(InsertItemCommand(doc, doc.brief.sections[0].id, None, TextItem(text="Second.")))
    first = doc.brief.sections[0].items[0]
    check_undo_redo(doc, RemoveItemCommand(doc, first.id))
    doc.undo_stack.undo()
    assert doc.brief.sections[0].items[0] is first


@pytest.mark.parametrize(("section_row", "row"), [(0, 1), (2, 0), (1, 0), (1, 1)])
def test_move_item_undo_redo(doc, section_row, row):
    doc.push(InsertItemCommand(doc, doc.brief.sections[0].id, None, TextItem(text="Second.")))
    item = doc.brief.sections[0].items[0]
    check_undo_redo(doc, MoveItemCommand(doc, item.id, section_row, row))
    assert doc.brief.locate_item(item.id) == (section_row, row)


def test_typing_merges_into_one_step(doc):
    item = doc.brief.sections[0].items[0]
    for text in ("A", "A b", "A bc"):
        doc.push(EditItemTextCommand(doc, item.id, text))
    assert doc.undo_stack.count() == 1
    assert item.text == "A bc"
    doc.undo_stack.undo()
    assert item.text == "A first paragraph."
    doc.undo_stack.redo()
    assert item.text == "A bc"


def test_quote_comment_edit(doc, source):
    item = QuoteItem(excerpt=source.excerpt(1, 0, 6))
    doc.push(InsertItemCommand(doc, doc.brief.sections[0].id, None, item))
    check_undo_redo(doc, EditItemTextCommand(doc, item.id, "As the author puts it,"))


def test_accept_position_is_named_and_undoable(doc):
    position = doc.brief.positions[0]
    command = SetStatusCommand(doc, position.id, Status.ACCEPTED)
    assert command.text() == "Accept position: Russia on NATO expansion"
    check_undo_redo(doc, command)
    assert position.status is Status.ACCEPTED


def test_reject_issue(doc):
    issue = doc.brief.issues[1]
    command = SetStatusCommand(doc, issue.id, Status.REJECTED)
    assert command.text() == "Reject issue: Missile defence"
    check_undo_redo(doc, command)


def test_stance_edits_merge(doc):
    position = doc.brief.positions[0]
    doc.push(EditStanceCommand(doc, position.id, "opposes"))
    doc.push(EditStanceCommand(doc, position.id, "opposes all expansion"))
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert position.stance == "opposes expansion"


def test_rename_issue(doc):
    check_undo_redo(doc, RenameIssueCommand(doc, doc.brief.issues[0].id, "Enlargement"))


def test_add_issue_and_tag_paragraph(doc, source):
    issue = Issue("Dialogue", status=Status.ACCEPTED)
    check_undo_redo(doc, AddIssueCommand(doc, issue))
    check_undo_redo(doc, TagParagraphCommand(doc, issue.id, ParagraphRef(source.id, 2)))
    assert issue.paragraphs == [ParagraphRef(source.id, 2)]


def test_tag_paragraph_twice_changes_nothing_on_undo(doc, source):
    issue = doc.brief.issues[0]
    before = list(issue.paragraphs)
    doc.push(TagParagraphCommand(doc, issue.id, before[0]))
    doc.undo_stack.undo()
    assert issue.paragraphs == before


def test_add_position_with_new_actor(doc, source):
    actor = Actor("European Union")
    position = Position(actor.id, doc.brief.issues[1].id, "backs missile defence", [source.excerpt(3, 0, 15)])
    command = AddPositionCommand(doc, position, actor)
    assert command.text() == "Add position: European Union on Missile defence"
    check_undo_redo(doc, command)


def test_add_and_remove_evidence(doc, source):
    position = doc.brief.positions[1]
    excerpt = source.excerpt(2, 41, 78)
    check_undo_redo(doc, AddEvidenceCommand(doc, position.id, excerpt))
    check_undo_redo(doc, RemoveEvidenceCommand(doc, position.id, position.evidence[0].id))


def test_actor_commands(doc):
    russia = doc.brief.actors[0]
    check_undo_redo(doc, RenameActorCommand(doc, russia.id, "Russian Federation"))
    check_undo_redo(doc, SetActorKindCommand(doc, russia.id, ActorKind.GROUP))
    check_undo_redo(doc, AddActorCommand(doc, Actor("EU")))


def test_merge_actors_moves_positions_and_undoes(doc):
    russia, nato, uk = doc.brief.actors
    table = doc.brief.sections[1].items[0]
    doc.push(SetTableActorsCommand(doc, table.id, [uk.id, nato.id]))

    def merged(brief):
        assert [a.name for a in brief.actors] == ["Russia", "NATO"]
        assert brief.positions[2].actor_id == russia.id
        assert "United Kingdom" in brief.actors[0].aliases
        assert table.actor_ids == [russia.id, nato.id]

    check_undo_redo(doc, MergeActorsCommand(doc, russia.id, uk.id), after=merged)


def test_add_source_with_suggestions(doc):
    source = Source("Second article", ["Paris backs talks."])
    actor = Actor("France", ActorKind.STATE, aliases=["Paris"])
    issue = Issue("Talks")
    position = Position(actor.id, issue.id, "backs talks", [source.excerpt(0, 0, 18)])
    command = AddSourceCommand(doc, source, [actor], [issue], [position])
    assert command.text() == "Import source: Second article"
    check_undo_redo(doc, command)


def test_undoing_an_edit_of_boilerplate_gives_back_boilerplate(doc):
    item = TextItem(text="For {{ brief.to }}.", boilerplate=True)
    doc.push(InsertItemCommand(doc, doc.brief.sections[2].id, None, item))
    check_undo_redo(doc, EditItemTextCommand(doc, item.id, "For the minister."))
    assert not item.boilerplate  # the officer's own words now
    doc.push(EditItemTextCommand(doc, item.id, "For {{ brief.to }}."))  # typed back: merges, but is not nothing
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    assert item.text == "For {{ brief.to }}."
    assert item.boilerplate  # was left False: the export printed the placeholder


def test_redoing_an_edit_typed_back_to_boilerplate_gives_the_state_the_edit_left(doc):
    """Typed away and back (one merged step), the placeholder is the officer's text: a redo leaves it so."""
    item = TextItem(text="For {{ brief.to }}.", boilerplate=True)
    doc.push(InsertItemCommand(doc, doc.brief.sections[2].id, None, item))
    doc.push(EditItemTextCommand(doc, item.id, "Lena Osk"))
    doc.push(EditItemTextCommand(doc, item.id, "For {{ brief.to }}."))
    edited = snapshot(doc.brief)
    assert not item.boilerplate
    doc.undo_stack.undo()
    assert item.boilerplate
    doc.undo_stack.redo()
    assert doc.brief == edited


def test_removing_a_source_keeps_the_suggested_issues_that_never_cited_it(doc):
    from briefcomposer.gui.commands import RemoveSourceCommand

    source = Source("Kystposten", ["Velmora and Kystposten", "Lena Osk wants an accord."])
    doc.push(AddSourceCommand(doc, source))
    assert [i.label for i in doc.brief.issues] == ["NATO expansion", "Missile defence"]  # suggested, still empty
    check_undo_redo(doc, RemoveSourceCommand(doc, source.id))
    assert [i.label for i in doc.brief.issues] == ["NATO expansion", "Missile defence"]


def test_undoing_a_source_removal_puts_the_issues_paragraphs_back_in_their_order(doc):
    source = Source("Kystposten", ["Velmora and Kystposten", "Lena Osk wants an accord.", "Tomas Brel doubts it."])
    doc.push(AddSourceCommand(doc, source))
    issue = Issue("Fisheries accord", paragraphs=[ParagraphRef(source.id, 1)], status=Status.ACCEPTED)
    doc.push(AddIssueCommand(doc, issue))
    doc.push(TagParagraphCommand(doc, issue.id, ParagraphRef(source.id, 2)))
    doc.brief.issues[0].paragraphs.append(ParagraphRef(source.id, 0))  # an issue with a paragraph of both sources
    doc.brief.issues[0].paragraphs.reverse()
    check_undo_redo(doc, RemoveSourceCommand(doc, source.id))  # undo gave [2, 1] and [D1, K0]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "New title"),
        ("to", "Minister"),
        ("date", dt.date(2027, 1, 2)),
        ("marking", Marking.parse("SECRET UK EYES ONLY")),
        ("marking", None),
    ],
)
def test_metadata_undo_redo(doc, field, value):
    check_undo_redo(doc, SetMetadataCommand(doc, field, value))


def test_metadata_typing_merges_and_clean_state_follows(doc):
    doc.undo_stack.setClean()
    for text in ("R", "Ru", "Rus"):
        doc.push(SetMetadataCommand(doc, "title", text))
    assert doc.undo_stack.count() == 1
    assert doc.is_modified()
    doc.undo_stack.undo()
    assert doc.brief.title == "Russia and NATO"
    assert not doc.is_modified()
