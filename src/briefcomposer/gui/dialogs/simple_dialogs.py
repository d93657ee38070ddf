"""Small dialogs: paste a source, describe a position, save as template, choose from a list, a word limit."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class PasteSourceDialog(QDialog):
    """Paste an article's text as a new source."""

    def __init__(self, parent: QWidget | None, text: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Paste as Source"))
        self.resize(640, 480)
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("Title (optional: the first line is used)"))
        self.title_edit.setAccessibleName(self.tr("Title of the source"))
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setAccessibleName(self.tr("Text of the source"))
        self.text_edit.setPlaceholderText(self.tr("Paste the article here. Blank lines separate paragraphs."))
        self.text_edit.setPlainText(text)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_edit)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(_buttons(self, self.tr("Add Source")))

    @classmethod
    def ask(cls, parent: QWidget | None, text: str = "") -> tuple[str, str | None] | None:
        """`(text, title or None)`, or None when cancelled or empty."""
        dialog = cls(parent, text)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.text_edit.toPlainText().strip():
                return None
            return dialog.text_edit.toPlainText(), dialog.title_edit.text().strip() or None
        finally:
            dialog.deleteLater()


@dataclass
class PositionInput:
    actor: str  # an existing actor's id, or the name of a new actor
    is_new_actor: bool
    issue_id: str | None
    stance: str


class PositionDialog(QDialog):
    """Who holds the position, on which issue, and the stance in the officer's words."""

    def __init__(self, parent, actors, issues, quote: str, actor_id: str = "", issue_id: str | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setWindowTitle(self.tr("New Position"))
        self.resize(560, 320)
        self.actor_combo = QComboBox(self)
        self.actor_combo.setEditable(True)
        self.actor_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for actor in actors:
            self.actor_combo.addItem(actor.name, actor.id)
        at = self.actor_combo.findData(actor_id)
        self.actor_combo.setCurrentIndex(at if at >= 0 else -1)
        self.actor_combo.lineEdit().setPlaceholderText(self.tr("Choose or type a new actor"))
        self.issue_combo = QComboBox(self)
        self.issue_combo.addItem(self.tr("(No issue)"), None)
        for issue in issues:
            self.issue_combo.addItem(issue.label, issue.id)
        self.issue_combo.setCurrentIndex(max(self.issue_combo.findData(issue_id), 0) if issue_id else 0)
        self.stance_edit = QPlainTextEdit(self)
        self.stance_edit.setPlaceholderText(self.tr("The position in your words, e.g. 'wants more dialogue'"))
        self.stance_edit.setTabChangesFocus(True)
        evidence = QLabel(f"\u201c{quote[:400]}\u201d", self)
        evidence.setWordWrap(True)
        evidence.setObjectName("quotePreview")
        form = QFormLayout()
        form.addRow(self.tr("&Actor:"), self.actor_combo)
        form.addRow(self.tr("&Issue:"), self.issue_combo)
        form.addRow(self.tr("&Stance:"), self.stance_edit)
        form.addRow(self.tr("Evidence:"), evidence)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, self.tr("Add Position")))

    def value(self) -> PositionInput | None:
        name = self.actor_combo.currentText().strip()
        stance = " ".join(self.stance_edit.toPlainText().split())
        if not name or not stance:
            return None
        index = self.actor_combo.findText(name)
        if index >= 0:
            return PositionInput(self.actor_combo.itemData(index), False, self.issue_combo.currentData(), stance)
        return PositionInput(name, True, self.issue_combo.currentData(), stance)

    @classmethod
    def ask(
        cls, parent, actors, issues, quote: str, actor_id: str = "", issue_id: str | None = None
    ) -> PositionInput | None:  # type: ignore[no-untyped-def]
        dialog = cls(parent, actors, issues, quote, actor_id, issue_id)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class SaveTemplateDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Save as Template"))
        self.setMinimumWidth(480)  # a brief's title fits its field
        self.title_edit = QLineEdit(title, self)
        self.title_edit.setCursorPosition(0)  # its start in view, not its end
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("lower-case-with-dashes"))
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setFixedHeight(80)
        self.title_edit.textChanged.connect(self._suggest_name)
        self._suggest_name(title)
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Description:"), self.description_edit)
        note = QLabel(
            self.tr(
                "The template keeps the sections, guidance and your own paragraphs; quotes and positions are left out."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(_buttons(self, self.tr("Save Template")))

    def _suggest_name(self, title: str) -> None:
        self.name_edit.setText(re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60])

    @classmethod
    def ask(cls, parent: QWidget | None, title: str = "") -> tuple[str, str, str] | None:
        """`(name, title, description)` or None."""
        dialog = cls(parent, title)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return (
                dialog.name_edit.text().strip(),
                dialog.title_edit.text().strip(),
                dialog.description_edit.toPlainText().strip(),
            )
        finally:
            dialog.deleteLater()


class ChooseDialog(QDialog):
    """Pick one entry of a list (merge target, section, issue)."""

    def __init__(self, parent: QWidget | None, title: str, label: str, choices: list[tuple[str, str]]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.combo = QComboBox(self)
        for text, data in choices:
            self.combo.addItem(text, data)
        layout = QVBoxLayout(self)
        lab = QLabel(label, self)
        lab.setWordWrap(True)
        lab.setBuddy(self.combo)  # a screen reader names the list by its question
        self.combo.setAccessibleName(label)
        layout.addWidget(lab)
        layout.addWidget(self.combo)
        layout.addWidget(_buttons(self, self.tr("OK")))

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, label: str, choices: list[tuple[str, str]]) -> str | None:
        dialog = cls(parent, title, label, choices)
        try:
            return dialog.combo.currentData() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class WordLimitDialog(QDialog):
    """A section's word limit; 0 means no limit."""

    MAXIMUM = 10_000

    def __init__(self, parent: QWidget | None, heading: str, limit: int | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set Word Limit"))
        self.limit_spin = QSpinBox(self)
        self.limit_spin.setRange(0, self.MAXIMUM)
        self.limit_spin.setSingleStep(10)
        self.limit_spin.setSpecialValueText(self.tr("No limit"))
        self.limit_spin.setSuffix(self.tr(" words"))
        self.limit_spin.setValue(min(limit or 0, self.MAXIMUM))
        self.limit_spin.setAccessibleName(self.tr("Word limit"))
        self.limit_spin.selectAll()
        heading = heading.replace("&", "&&")  # the label has a mnemonic
        lab = QLabel(self.tr("Word &limit for \u201c%s\u201d (0 for no limit):") % heading, self)
        lab.setWordWrap(True)
        lab.setBuddy(self.limit_spin)
        layout = QVBoxLayout(self)
        layout.addWidget(lab)
        layout.addWidget(self.limit_spin)
        layout.addWidget(_buttons(self, self.tr("Set Limit")))

    def limit(self) -> int:
        """The limit chosen, 0 for none."""
        self.limit_spin.interpretText()  # a number typed but not yet confirmed counts
        return self.limit_spin.value()

    @classmethod
    def ask(cls, parent: QWidget | None, heading: str, limit: int | None) -> int | None:
        """The new limit, 0 for none; None when cancelled."""
        dialog = cls(parent, heading, limit)
        try:
            return dialog.limit() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class ExportDoneDialog:
    """After an export: offer to open the file or show it in its folder."""

    @classmethod
    def ask(cls, parent: QWidget | None, path) -> str | None:  # type: ignore[no-untyped-def]
        """ "open", "folder" or None."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(QCoreApplication.translate("ExportDoneDialog", "Export Finished"))
        box.setText(QCoreApplication.translate("ExportDoneDialog", "Saved %s.") % path.name)
        box.setInformativeText(str(path.parent))
        open_button = box.addButton(
            QCoreApplication.translate("ExportDoneDialog", "Open"), QMessageBox.ButtonRole.AcceptRole
        )
        folder_button = box.addButton(
            QCoreApplication.translate("ExportDoneDialog", "Show in Folder"), QMessageBox.ButtonRole.ActionRole
        )
        box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(open_button)
        try:
            box.exec()
            clicked = box.clickedButton()
            return "open" if clicked is open_button else "folder" if clicked is folder_button else None
        finally:
            box.deleteLater()


class ConflictDialog:
    """Before saving over a file that changed on disk since it was opened or saved here."""

    @classmethod
    def ask(cls, parent: QWidget | None, name: str) -> str | None:
        """ "overwrite", "save_as" or None (cancel, the default)."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("ConflictDialog", "File Changed on Disk"))
        box.setText(
            QCoreApplication.translate(
                "ConflictDialog", "\u201c%s\u201d was changed by another program or window since you opened it."
            )
            % name
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "ConflictDialog",
                "Overwrite it with your version, save yours under another name, or cancel and keep both as they are.",
            )
        )
        overwrite = box.addButton(
            QCoreApplication.translate("ConflictDialog", "Overwrite"), QMessageBox.ButtonRole.DestructiveRole
        )
        save_as = box.addButton(
            QCoreApplication.translate("ConflictDialog", "Save As\u2026"), QMessageBox.ButtonRole.AcceptRole
        )
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save_as)
        box.setEscapeButton(cancel)
        try:
            box.exec()
            clicked = box.clickedButton()
            return "overwrite" if clicked is overwrite else "save_as" if clicked is save_as else None
        finally:
            box.deleteLater()
