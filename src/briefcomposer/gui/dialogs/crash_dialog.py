"""The crash report: what happened, where the work was saved, and a Copy button."""

from __future__ import annotations

from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget


class CrashDialog(QDialog):
    def __init__(self, parent: QWidget | None, report: str, saved_to: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Brief Composer \u2013 Unexpected Error"))
        self.resize(720, 460)
        text = self.tr(
            "<b>Something went wrong inside Brief Composer.</b><br/>"
            "Please copy the report below and send it to your IT support or the maintainers."
        )
        if saved_to:
            text += "<br/>" + self.tr("Your work was saved to a recovery file and will be offered at the next start:")
            text += f"<br/><code>{saved_to}</code>"
        label = QLabel(text, self)
        label.setWordWrap(True)
        self.report = QPlainTextEdit(report, self)
        self.report.setReadOnly(True)
        self.report.setAccessibleName(self.tr("Error report"))
        self.report.setFont(QFont("DejaVu Sans Mono", 9))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton(self.tr("Copy Report"), self)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.report, 1)
        layout.addWidget(buttons)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report.toPlainText())

    @classmethod
    def ask(cls, parent: QWidget | None, report: str, saved_to: str = "") -> None:
        dialog = cls(parent, report, saved_to)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
