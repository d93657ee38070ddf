"""The panes of the composer window."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QPlainTextEdit, QStyledItemDelegate, QWidget

_ALT = Qt.KeyboardModifier.AltModifier
_CTRL = Qt.KeyboardModifier.ControlModifier
ALT_ARROWS = frozenset({(Qt.Key.Key_Up, _ALT), (Qt.Key.Key_Down, _ALT)})
CTRL_ENTER = frozenset({(Qt.Key.Key_Return, _CTRL), (Qt.Key.Key_Enter, _CTRL)})


class _ClaimsKeys(QObject):
    """See `claim_keys`."""

    def __init__(self, widget: QWidget, keys: frozenset) -> None:  # type: ignore[type-arg]
        super().__init__(widget)
        self._keys = keys
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.ShortcutOverride:
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier  # type: ignore[attr-defined]
            if (event.key(), modifiers) in self._keys:  # type: ignore[attr-defined]
                event.accept()  # the widget's key, not the window's shortcut
                return True
        return False


def claim_keys(widget: QWidget, keys: frozenset) -> None:  # type: ignore[type-arg]
    """Let `widget` have `keys` ((key, modifiers) pairs) before the window's shortcuts do.

    The window's Move Up/Down (Alt+Up/Down) and Quote into Brief (Ctrl+Enter) are shortcuts of the
    whole window: Alt+Down in the date field moved the outline's item instead of opening the
    calendar, and Ctrl+Enter in a section heading's editor quoted the source's selection (issue 5).
    """
    _ClaimsKeys(widget, keys)


ELLIPSIS = "\u2026"


def fit_wrapped(metrics: QFontMetrics, text: str, width: int, height: int) -> str:
    """`text` as it fits, word-wrapped at `width`, in `height`: cut short with an ellipsis if it does not.

    A row's text is cut so that its last line shows the ellipsis and no line is clipped. Cutting
    it in proportion to its wrapped height was not enough: a wrapped line ends before a word that
    does not fit, so the cut text could still need one line more, and the row showed its lines
    clipped top and bottom with no ellipsis (issue 5). The longest prefix that fits is found by
    halving: Qt elides one line (`elidedText`), not wrapped text. A few measurements, for the
    long rows only.
    """
    bounds = QRect(0, 0, max(width, 1), 1_000_000)
    wrap = Qt.TextFlag.TextWordWrap

    def fits(candidate: str) -> bool:
        return metrics.boundingRect(bounds, wrap, candidate).height() <= height

    if fits(text):
        return text
    low, high = 0, len(text)  # text[:low] + ELLIPSIS fits (or low is 0); text[:high] + ELLIPSIS does not
    while high - low > 1:
        middle = (low + high) // 2
        if fits(text[:middle].rstrip() + ELLIPSIS):
            low = middle
        else:
            high = middle
    return text[:low].rstrip() + ELLIPSIS


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
        if isinstance(editor, QLineEdit):  # Ctrl+Enter finishes it, as it does a paragraph
            claim_keys(editor, CTRL_ENTER)
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

    def send_open_editor(self) -> bool:
        """Commit the open editor's text and leave it open (for a recovery copy); False when none is open."""
        editor = self.open_editor()
        if editor is None:
            return False
        self.commitData.emit(editor)
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
