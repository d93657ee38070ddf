"""Every command with its keyboard shortcut, built from the window's actions."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

# Keys of the inline editors and fields, which are not actions: listed after the commands.
EDITING_KEYS = (
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Editing: change the selected row"), "F2"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Editing: write in the selected paragraph"), "Return"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Editing: finish a paragraph"), "Ctrl+Return"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Editing: finish a paragraph and start the next"), "Ctrl+Shift+Return"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Editing: finish a stance, heading or name"), "Return"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Editing: cancel, putting back the text"), "Esc"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Date: open the calendar"), "Alt+Down, F4"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Date: step the day, month or year at the cursor"), "Up, Down"),
)


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """`(command, shortcuts)` for every action that has a shortcut, without duplicates; then the editing keys."""
    rows: dict[str, str] = {}
    for action in actions:
        keys = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts() if not s.isEmpty()]
        name = action.text().replace("&", "").replace("\u2026", "")
        if keys and name:
            rows.setdefault(name, ", ".join(keys))
    editing = [
        (
            QCoreApplication.translate("ShortcutsDialog", name),
            ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys.split(", ")),
        )
        for name, keys in EDITING_KEYS
    ]
    return sorted(rows.items()) + editing


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None, rows: list[tuple[str, str]]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.resize(520, 560)
        table = QTableWidget(len(rows), 2, self)
        table.setAccessibleName(self.tr("Keyboard shortcuts"))
        table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Shortcut")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        for row, (name, keys) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(name))
            table.setItem(row, 1, QTableWidgetItem(keys))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.table = table

    @classmethod
    def ask(cls, parent: QWidget | None, rows: list[tuple[str, str]]) -> None:
        dialog = cls(parent, rows)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
