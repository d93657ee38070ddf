"""The panes of the composer window."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QWidget


class CommitsOpenEditor(QStyledItemDelegate):
    """An item delegate whose open inline editor can be committed on demand.

    A toolbar button or a shortcut takes no focus from an inline editor, so what the officer had
    typed stayed in it: Save wrote the brief without it, Export left it out, and Quit found nothing
    to save and lost it (issue 5). The window commits the open editor first, as a click elsewhere does.
    Made with its view as parent.
    """

    _open: tuple[QWidget, QPersistentModelIndex] | None = None

    def createEditor(self, parent, option, index):  # type: ignore[no-untyped-def]
        return self.remember_editor(super().createEditor(parent, option, index), index)

    def remember_editor(self, editor: QWidget, index: QModelIndex) -> QWidget:
        """`editor`, kept as the one open on `index`: every `createEditor` passes what it makes through this."""
        self._open = (editor, QPersistentModelIndex(index))
        return editor

    def open_editor(self) -> QWidget | None:
        """The inline editor open now, if any: one the view still has on its row.

        A view forgets an editor it has closed (and deletes it later); it also hides an open one
        whose row has no place on screen, so being hidden says nothing.
        """
        if self._open is None:
            return None
        editor, index = self._open
        view = self.parent()
        if not shiboken6.isValid(editor) or not index.isValid() or not isinstance(view, QAbstractItemView):
            return None
        return editor if view.indexWidget(QModelIndex(index)) is editor else None

    def commit_open_editor(self) -> bool:
        """Commit and close the open editor; False when none is open."""
        editor = self.open_editor()
        self._open = None
        if editor is None:
            return False
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
        return True
