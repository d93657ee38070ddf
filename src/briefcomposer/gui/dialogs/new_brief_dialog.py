"""Choose a structure template for a new brief."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefcomposer.gui.theme import colours
from briefcomposer.structures.templates import Origin, StructureTemplate

ORIGIN_LABELS = {Origin.BUILT_IN: "Built-in", Origin.USER: "Your templates", Origin.SHARED: "Shared folder"}


class NewBriefDialog(QDialog):
    """Lists built-in, user and shared-folder templates with their descriptions."""

    def __init__(self, parent: QWidget | None, templates: list[StructureTemplate], selected: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New Brief from Template"))
        self.resize(720, 440)
        self._templates = templates
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Templates"))
        self.details = QTextBrowser(self)
        self.details.setOpenLinks(False)
        for template in templates:
            item = QListWidgetItem(f"{template.title}\n{self.tr(ORIGIN_LABELS[template.origin])}")
            item.setData(Qt.ItemDataRole.UserRole, template.name)
            item.setToolTip(template.description)
            self.list.addItem(item)
            if template.name == selected:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and templates:
            self.list.setCurrentRow(0)
        self.list.currentRowChanged.connect(self._show)
        self.list.itemDoubleClicked.connect(self.accept)
        splitter = QSplitter(self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.details)
        splitter.setSizes([260, 460])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create Brief"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        hint = QLabel(self.tr("Choose the structure of the new brief:"), self)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self._show(self.list.currentRow())

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self._templates):
            self.details.clear()
            return
        t = self._templates[row]
        sections = "".join(
            f"<li><b>{s.heading}</b>"
            + (f" <span style='color:{colours().muted}'>({s.word_limit} words)</span>" if s.word_limit else "")
            + "</li>"
            for s in t.sections
        )
        budget = self.tr("Page budget: %d") % t.page_budget if t.page_budget else ""
        self.details.setHtml(
            f"<h3>{t.title}</h3><p>{t.description}</p><p style='color:{colours().muted}'>{budget}"
            f"{' &middot; ' + t.marking if t.marking else ''}</p><ol>{sections}</ol>"
        )

    def selected_template(self) -> StructureTemplate | None:
        row = self.list.currentRow()
        return self._templates[row] if 0 <= row < len(self._templates) else None

    @classmethod
    def ask(
        cls, parent: QWidget | None, templates: list[StructureTemplate], selected: str = ""
    ) -> StructureTemplate | None:
        dialog = cls(parent, templates, selected)
        try:
            return dialog.selected_template() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
