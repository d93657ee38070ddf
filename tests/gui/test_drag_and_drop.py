"""Drag and drop through the views, not just the models.

A real mouse drag starts in the source view and in the outline; Qt's offscreen platform
then ends every QDrag at once (it has no drag-and-drop of its own), so the drop is
delivered as the platform would deliver it: enter, move and drop events on the outline's
viewport at a pixel position. The view decides where that is (on a section, above or
below an item) exactly as it does for an officer's mouse.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication

from briefcomposer.core.model import QuoteItem, TextItem
from briefcomposer.gui.commands import InsertItemCommand
from briefcomposer.gui.models.outline_model import OutlineModel
from briefcomposer.gui.models.roles import EXCERPT_MIME, ITEM_MIME, SECTION_MIME
from briefcomposer.gui.views.source_view import SourceTextView


def drag_with_mouse(widget, start: QPoint, end: QPoint) -> None:
    """Press, move past the drag distance, release: what starts a QDrag."""
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    step = QPoint(0, QApplication.startDragDistance() + 2) if end == start else (end - start) / 4
    for n in range(1, 5):
        QTest.mouseMove(widget, start + step * n)
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + step * 4)


def drop(view, mime, pos: QPoint, action=Qt.DropAction.MoveAction) -> bool:
    """Deliver a drag that arrives at `pos` of `view`'s viewport and drops there; True if accepted."""
    viewport = view.viewport()
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, action, mime, buttons, mods)
    QApplication.sendEvent(viewport, enter)
    if not enter.isAccepted():
        return False
    move = QDragMoveEvent(pos, action, mime, buttons, mods)
    QApplication.sendEvent(viewport, move)
    if not move.isAccepted():
        return False
    event = QDropEvent(QPointF(pos), action, mime, buttons, mods)
    QApplication.sendEvent(viewport, event)
    return True


def top_edge(view, index) -> QPoint:
    rect = view.visualRect(index)
    return QPoint(rect.center().x(), rect.top() + 1)


def test_drag_a_selection_from_the_source_into_a_section(qtbot, window, activate, monkeypatch):
    activate(window)
    dragged = []
    make_mime = SourceTextView.createMimeDataFromSelection

    def capture(self):
        mime = make_mime(self)
        dragged.append(mime)
        return mime

    monkeypatch.setattr(SourceTextView, "createMimeDataFromSelection", capture)
    view = window.source_pane.current_view()
    cursor = QTextCursor(view.document())
    cursor.setPosition(view._doc_pos(3, 0))
    cursor.setPosition(view._doc_pos(3, 15), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    inside = QTextCursor(view.document())
    inside.setPosition(view._doc_pos(3, 5))
    start = view.cursorRect(inside).center()
    drag_with_mouse(view.viewport(), start, start + QPoint(80, 40))
    assert dragged, "pressing in the selection and moving did not start a drag"
    mime = dragged[-1]
    assert mime.hasFormat(EXCERPT_MIME)
    assert mime.text() == "Missile defence"

    outline = window.brief_pane.outline_view
    target = outline.visualRect(window.doc.outline.index(2, 0)).center()  # on "Lines to take"
    assert drop(outline, mime, target, Qt.DropAction.CopyAction)
    qtbot.waitUntil(lambda: bool(window.doc.brief.sections[2].items))
    item = window.doc.brief.sections[2].items[0]
    assert isinstance(item, QuoteItem)
    assert item.excerpt.quote == "Missile defence"
    assert window.doc.undo_stack.undoText() == "Quote into Lines to take"
    assert window.doc.brief.sources[0].paragraphs[3].startswith("Missile defence")  # a copy, not a move
    window.undo_action.trigger()
    assert window.doc.brief.sections[2].items == []


def test_drag_an_item_above_another_to_reorder(qtbot, window, activate, monkeypatch):
    doc = window.doc
    second = TextItem(text="A second paragraph.")
    doc.push(InsertItemCommand(doc, doc.brief.sections[0].id, None, second))
    first = doc.brief.sections[0].items[0]
    activate(window)
    outline = window.brief_pane.outline_view
    assert outline.dragDropMode() == QAbstractItemView.DragDropMode.DragDrop
    dragged = []
    make_mime = OutlineModel.mimeData
    monkeypatch.setattr(OutlineModel, "mimeData", lambda self, idx: dragged.append(make_mime(self, idx)) or dragged[-1])

    index = doc.outline.item_index(second.id)
    outline.setCurrentIndex(index)
    centre = outline.visualRect(index).center()
    drag_with_mouse(outline.viewport(), centre, centre - QPoint(0, 40))
    assert dragged, "the outline did not start a drag"
    assert dragged[-1].hasFormat(ITEM_MIME)
    assert [i.id for i in doc.brief.sections[0].items] == [first.id, second.id]  # nothing moved yet

    assert drop(outline, dragged[-1], top_edge(outline, doc.outline.item_index(first.id)))
    qtbot.waitUntil(lambda: doc.brief.sections[0].items[0] is second)
    assert [i.id for i in doc.brief.sections[0].items] == [second.id, first.id]
    assert doc.undo_stack.undoText().startswith("Move paragraph \u201c")  # named by what moved
    window.undo_action.trigger()
    assert [i.id for i in doc.brief.sections[0].items] == [first.id, second.id]


def test_drag_an_item_onto_another_section(qtbot, window, activate):
    doc = window.doc
    item = doc.brief.sections[0].items[0]
    activate(window)
    outline = window.brief_pane.outline_view
    mime = doc.outline.mimeData([doc.outline.item_index(item.id)])
    assert drop(outline, mime, outline.visualRect(doc.outline.index(2, 0)).center())
    qtbot.waitUntil(lambda: doc.brief.sections[2].items == [item])
    assert doc.undo_stack.undoText() == "Move paragraph \u201cA first paragraph.\u201d to Lines to take"


def test_drag_a_section_heading_above_another(qtbot, window, activate):
    doc = window.doc
    activate(window)
    outline = window.brief_pane.outline_view
    lines = doc.outline.index(2, 0)
    mime = doc.outline.mimeData([lines])
    assert mime.hasFormat(SECTION_MIME)
    assert drop(outline, mime, top_edge(outline, doc.outline.index(0, 0)))
    qtbot.waitUntil(lambda: doc.brief.sections[0].heading == "Lines to take")
    assert [s.heading for s in doc.brief.sections] == ["Lines to take", "Summary", "Positions"]
    assert doc.undo_stack.undoText() == "Move section: Lines to take"
    window.undo_action.trigger()
    assert [s.heading for s in doc.brief.sections] == ["Summary", "Positions", "Lines to take"]


@pytest.mark.parametrize(
    ("moved", "onto", "order"),
    [
        (0, 1, ["Positions", "Summary", "Lines to take"]),  # onto the next: did not move
        (0, 2, ["Positions", "Lines to take", "Summary"]),  # onto the last: landed one short
        (2, 0, ["Lines to take", "Summary", "Positions"]),  # upwards, as it always did
    ],
)
def test_a_section_dropped_on_another_takes_its_place(qtbot, window, activate, moved, onto, order):
    doc = window.doc
    activate(window)
    outline = window.brief_pane.outline_view
    mime = doc.outline.mimeData([doc.outline.index(moved, 0)])
    assert drop(outline, mime, outline.visualRect(doc.outline.index(onto, 0)).center())
    qtbot.waitUntil(lambda: [s.heading for s in doc.brief.sections] == order)
    window.undo_action.trigger()
    assert [s.heading for s in doc.brief.sections] == ["Summary", "Positions", "Lines to take"]


def test_a_section_cannot_be_dropped_from_elsewhere_as_text(window, activate):
    from PySide6.QtCore import QMimeData

    activate(window)
    outline = window.brief_pane.outline_view
    mime = QMimeData()
    mime.setText("plain text")
    assert not drop(outline, mime, outline.visualRect(window.doc.outline.index(0, 0)).center())
