"""Choose a structure template for a new brief."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
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
DEFAULT_TEMPLATE = "uk-briefing-note"  # chosen first until another has been used


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
        self.details.setAccessibleName(self.tr("About the template"))
        self.details.setOpenLinks(False)
        # Rows as tall as the style sheet's item padding draws them (its highlight overlapped the row above).
        row_height = self.list.fontMetrics().height() + 12
        # Grouped under where they come from: a heading row per group (not selectable), then one
        # row per template. Two-line rows ("title / Built-in") read as twice as many entries.
        heading_font = QFont(self.list.font())
        heading_font.setBold(True)
        heading_font.setPointSizeF(heading_font.pointSizeF() * 0.85)
        wanted = selected or DEFAULT_TEMPLATE
        for origin, label in ORIGIN_LABELS.items():
            group = [(n, t) for n, t in enumerate(templates) if t.origin is origin]
            if not group:
                continue
            heading = QListWidgetItem(self.tr(label).upper())
            heading.setFlags(Qt.ItemFlag.NoItemFlags)
            heading.setFont(heading_font)
            heading.setSizeHint(QSize(0, row_height + (6 if self.list.count() else 0)))
            self.list.addItem(heading)
            for n, template in group:
                item = QListWidgetItem(template.title)
                item.setData(Qt.ItemDataRole.UserRole, n)
                item.setToolTip(template.description)
                item.setSizeHint(QSize(0, row_height))
                self.list.addItem(item)
                if template.name == wanted or self.list.currentItem() is None:
                    self.list.setCurrentItem(item)
        self.list.currentItemChanged.connect(self._show)
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
        self._show(self.list.currentItem())

    def _show(self, item: QListWidgetItem | None, *_args: object) -> None:
        t = self._template_of(item)
        if t is None:
            self.details.clear()
            return
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

    def _template_of(self, item: QListWidgetItem | None) -> StructureTemplate | None:
        n = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return self._templates[n] if isinstance(n, int) and 0 <= n < len(self._templates) else None

    def selected_template(self) -> StructureTemplate | None:
        return self._template_of(self.list.currentItem())

    @classmethod
    def ask(
        cls, parent: QWidget | None, templates: list[StructureTemplate], selected: str = ""
    ) -> StructureTemplate | None:
        dialog = cls(parent, templates, selected)
        try:
            return dialog.selected_template() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
