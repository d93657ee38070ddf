"""The panes of the composer window."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QAbstractItemView, QPlainTextEdit, QStyledItemDelegate, QWidget


class CommitsOpenEditor(QStyledItemDelegate):
    """An item delegate whose open inline editor can be committed on demand.

    A toolbar button or a shortcut takes no focus from an inline editor, so what the officer had
    typed stayed in it: Save wrote the brief without it, Export left it out, and Quit found nothing
    to save and lost it (issue 5). The window commits the open editor first, as a click elsewhere does.

    A multi-line editor grows with its text: a subclass's `sizeHint` makes its row as tall as
    `editor_height` while it is open (see `editing`), so the editor covers no other row.
    Made with its view as parent.
    """

    _open: tuple[QWidget, QPersistentModelIndex] | None = None

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.closeEditor.connect(self._on_editor_resized)  # closed: the row is its own height again

    def createEditor(self, parent, option, index):  # type: ignore[no-untyped-def]
        return self.remember_editor(super().createEditor(parent, option, index), index)

    def remember_editor(self, editor: QWidget, index: QModelIndex) -> QWidget:
        """`editor`, kept as the one open on `index`: every `createEditor` passes what it makes through this."""
        self._open = (editor, QPersistentModelIndex(index))
        if isinstance(editor, QPlainTextEdit):
            editor.document().documentLayout().documentSizeChanged.connect(self._on_editor_resized)
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

    def commit_and_close(self) -> None:
        """For an editor's own "commit" signal (Enter in a stance, Ctrl+Enter in a paragraph)."""
        editor = self.sender()
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def commit_open_editor(self) -> bool:
        """Commit and close the open editor; False when none is open."""
        editor = self.open_editor()
        if editor is None:
            return False
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
        return True

    def editing(self, index: QModelIndex) -> QPlainTextEdit | None:
        """The multi-line editor open on `index`, if any."""
        editor = self.open_editor()
        if isinstance(editor, QPlainTextEdit) and self._open is not None and self._open[1] == index:
            return editor
        return None

    @staticmethod
    def editor_height(editor: QPlainTextEdit, max_lines: int) -> int:
        """The height that shows all of `editor`'s text, up to `max_lines` lines (then it scrolls)."""
        lines = min(max(int(editor.document().documentLayout().documentSize().height()), 1), max_lines)
        chrome = 2 * (editor.document().documentMargin() + editor.frameWidth()) + 4
        return int(lines * editor.fontMetrics().lineSpacing() + chrome)

    def _on_editor_resized(self, *_args: object) -> None:
        """The open editor's text grew or shrank by a line, or it closed: its row's height follows."""
        if self._open is not None and self._open[1].isValid():
            self.sizeHintChanged.emit(QModelIndex(self._open[1]))
