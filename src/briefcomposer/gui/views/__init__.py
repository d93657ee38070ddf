"""The panes of the composer window."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QStyledItemDelegate, QWidget


class CommitsOpenEditor(QStyledItemDelegate):
    """An item delegate whose open inline editor can be committed on demand.

    A toolbar button or a shortcut takes no focus from an inline editor, so what the officer had
    typed stayed in it: Save wrote the brief without it, Export left it out, and Quit found nothing
    to save and lost it (issue 5). The window commits the open editor first, as a click elsewhere does.
    """

    _open_editor: QWidget | None = None

    def createEditor(self, parent, option, index):  # type: ignore[no-untyped-def]
        return self.remember_editor(super().createEditor(parent, option, index))

    def remember_editor(self, editor: QWidget) -> QWidget:
        """`editor`, kept as the one open: every `createEditor` passes what it makes through this."""
        self._open_editor = editor
        return editor

    def open_editor(self) -> QWidget | None:
        """The inline editor open now, if any."""
        editor = self._open_editor
        # A view hides an editor it has closed and deletes it later.
        if editor is None or not shiboken6.isValid(editor) or editor.isHidden():
            return None
        return editor

    def commit_open_editor(self) -> bool:
        """Commit and close the open editor; False when none is open."""
        editor, self._open_editor = self.open_editor(), None
        if editor is None:
            return False
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
        return True
