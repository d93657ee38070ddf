"""Preferences: the officer's name and department, default marking, template folders."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefcomposer.core.errors import RuleError
from briefcomposer.core.model import Marking


@dataclass
class Preferences:
    user_name: str = ""
    department: str = ""
    contact: str = ""
    default_marking: str = "OFFICIAL"
    template_folders: list[Path] = field(default_factory=list)
    word_template: Path | None = None


MARKINGS = ("OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET", "TOP SECRET")


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None, prefs: Preferences) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.resize(560, 420)
        self.name_edit = QLineEdit(prefs.user_name, self)
        self.department_edit = QLineEdit(prefs.department, self)
        self.contact_edit = QLineEdit(prefs.contact, self)
        self.marking_combo = QComboBox(self)
        self.marking_combo.setEditable(True)
        self.marking_combo.addItems(MARKINGS)
        self.marking_combo.setCurrentText(prefs.default_marking)
        self.folders = QListWidget(self)
        self.folders.setAccessibleName(self.tr("Shared template folders"))  # its label names a row, not it
        self.folders.addItems([str(p) for p in prefs.template_folders])
        add = QPushButton(self.tr("Add Folder\u2026"), self)
        remove = QPushButton(self.tr("Remove"), self)
        add.clicked.connect(self._add_folder)
        remove.clicked.connect(lambda: self.folders.takeItem(self.folders.currentRow()))
        self.word_edit = QLineEdit(str(prefs.word_template or ""), self)
        self.word_edit.setAccessibleName(self.tr("Word template"))
        self.word_edit.setPlaceholderText(self.tr("The built-in Word template"))
        browse = QPushButton(self.tr("Browse\u2026"), self)
        browse.clicked.connect(self._browse_word)
        form = QFormLayout()
        form.addRow(self.tr("Your &name:"), self.name_edit)
        form.addRow(self.tr("&Department or team:"), self.department_edit)
        form.addRow(self.tr("&Contact details:"), self.contact_edit)
        form.addRow(self.tr("Default &marking:"), self.marking_combo)
        folder_buttons = QVBoxLayout()
        folder_buttons.addWidget(add)
        folder_buttons.addWidget(remove)
        folder_buttons.addStretch(1)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folders, 1)
        folder_row.addLayout(folder_buttons)
        form.addRow(self.tr("Shared template folders:"), folder_row)
        word_row = QHBoxLayout()
        word_row.addWidget(self.word_edit, 1)
        word_row.addWidget(browse)
        form.addRow(self.tr("Word template:"), word_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Shared Template Folder"))
        if folder:
            self.folders.addItem(folder)

    def _browse_word(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Word Template"), "", self.tr("Word templates (*.docx *.dotx)")
        )
        if path:
            self.word_edit.setText(path)

    def preferences(self) -> Preferences:
        marking = self.marking_combo.currentText().strip() or "OFFICIAL"
        try:
            marking = str(Marking.parse(marking))
        except RuleError:
            marking = "OFFICIAL"
        word = self.word_edit.text().strip()
        return Preferences(
            user_name=self.name_edit.text().strip(),
            department=self.department_edit.text().strip(),
            contact=self.contact_edit.text().strip(),
            default_marking=marking,
            template_folders=[Path(self.folders.item(i).text()) for i in range(self.folders.count())],
            word_template=Path(word) if word else None,
        )

    @classmethod
    def ask(cls, parent: QWidget | None, prefs: Preferences) -> Preferences | None:
        dialog = cls(parent, prefs)
        try:
            return dialog.preferences() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
