"""The pages of the brief as Word will print them (images made by LibreOffice)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5)


class WordLayoutDialog(QDialog):
    """A non-modal window showing page images; zoom with Ctrl++ and Ctrl+-, F5 lays out again."""

    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("wordLayoutDialog")
        self.setWindowTitle(self.tr("Word Layout"))
        self.resize(760, 900)
        self.pages: list[QImage] = []
        self.zoom = 0.75
        self.caption = QLabel(self)
        self.caption.setObjectName("hint")
        self.zoom_out = QToolButton(self)
        self.zoom_out.setText("\u2212")
        self.zoom_out.setAccessibleName(self.tr("Zoom out"))
        self.zoom_out.setToolTip(self.tr("Zoom out (Ctrl+-)"))
        self.zoom_out.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.zoom_out.clicked.connect(lambda: self.set_zoom_step(-1))
        self.zoom_in = QToolButton(self)
        self.zoom_in.setText("+")
        self.zoom_in.setAccessibleName(self.tr("Zoom in"))
        self.zoom_in.setToolTip(self.tr("Zoom in (Ctrl++)"))
        self.zoom_in.setShortcut(QKeySequence.StandardKey.ZoomIn)
        self.zoom_in.clicked.connect(lambda: self.set_zoom_step(1))
        top = QHBoxLayout()
        top.addWidget(self.caption, 1)
        top.addWidget(self.zoom_out)
        top.addWidget(self.zoom_in)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("pagesArea")
        self.scroll.setWidgetResizable(True)
        self.scroll.setAccessibleName(self.tr("Pages of the brief"))
        self.canvas = QWidget()
        self.canvas.setObjectName("pagesCanvas")
        self.canvas_layout = QVBoxLayout(self.canvas)
        self.canvas_layout.setSpacing(16)
        self.canvas_layout.setContentsMargins(16, 16, 16, 16)
        self.canvas_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setWidget(self.canvas)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        self.refresh_button = buttons.addButton(self.tr("&Lay Out Again"), QDialogButtonBox.ButtonRole.ActionRole)
        self.refresh_button.setToolTip(self.tr("Lay out the brief as it is now (F5)"))
        self.refresh_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_button.clicked.connect(self.refresh_requested)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(buttons)
        self.page_labels: list[QLabel] = []

    def set_pages(self, pages: list[QImage], name: str = "") -> None:
        self.pages = list(pages)
        if name:
            self.setWindowTitle(self.tr("Word Layout \u2014 %s") % name)
        n = len(self.pages)
        self.caption.setText(self.tr("%d page(s), as LibreOffice lays out the Word file") % n)
        self._show_pages()

    def set_zoom_step(self, step: int) -> None:
        at = min(range(len(ZOOMS)), key=lambda i: abs(ZOOMS[i] - self.zoom))
        self.zoom = ZOOMS[max(0, min(len(ZOOMS) - 1, at + step))]
        self._show_pages()

    def _show_pages(self) -> None:
        for label in self.page_labels:
            self.canvas_layout.removeWidget(label)
            label.deleteLater()
        self.page_labels = []
        for n, image in enumerate(self.pages, 1):
            label = QLabel(self.canvas)
            label.setObjectName("pageImage")
            width = max(int(image.width() * self.zoom), 50)
            label.setPixmap(QPixmap.fromImage(image).scaledToWidth(width, Qt.TransformationMode.SmoothTransformation))
            label.setAccessibleName(self.tr("Page %d of %d") % (n, len(self.pages)))
            label.setToolTip(self.tr("Page %d of %d") % (n, len(self.pages)))
            self.canvas_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
