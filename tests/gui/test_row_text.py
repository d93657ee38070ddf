"""Issue 5: a long row in the issues tree or the outline shows what fits, ending with an ellipsis.

A row's text was cut in proportion to its wrapped height, and a wrapped line ends before a word
that does not fit, so the cut text could need one line more than the row had: the row showed its
lines clipped at the top and bottom and no ellipsis (seen at 1024 px wide and at 150% scaling).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem, QTreeView

from briefcomposer.gui.main_window import MainWindow
from briefcomposer.gui.views import ELLIPSIS, fit_wrapped

WRAP = Qt.TextFlag.TextWordWrap


def wrapped_height(font: QFont, text: str, width: int) -> int:
    return QFontMetrics(font).boundingRect(QRect(0, 0, width, 1_000_000), WRAP, text).height()


class RecordingPainter(QPainter):
    """Paints into an image and keeps every word-wrapped text drawn, with its rectangle and font."""

    def __init__(self, image: QImage) -> None:
        super().__init__(image)
        self.wrapped: list[tuple[QRect, QFont, str]] = []

    def drawText(self, *args):  # type: ignore[no-untyped-def]  # noqa: N802
        if len(args) == 3 and isinstance(args[0], QRect) and int(args[1]) & int(WRAP):
            self.wrapped.append((QRect(args[0]), QFont(self.font()), args[2]))
        return super().drawText(*args)


def rows(view: QTreeView, parent: QModelIndex | None = None):  # type: ignore[no-untyped-def]
    model = view.model()
    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index
        yield from rows(view, index)


def painted_texts(view: QTreeView) -> list[tuple[QRect, QFont, str]]:
    """What the view's column-0 delegate draws as wrapped text, row by row, at the row's own size."""
    image = QImage(view.width(), 4000, QImage.Format.Format_RGB32)
    painter = RecordingPainter(image)
    delegate = view.itemDelegateForColumn(0) or view.itemDelegate()
    for index in rows(view):
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)
        rect = view.visualRect(index)
        if not rect.isValid():
            continue
        option.rect = QRect(0, 0, rect.width(), delegate.sizeHint(option, index).height())
        delegate.paint(painter, option, index)
    painter.end()
    return painter.wrapped


@pytest.mark.parametrize("width", [1024, 1200, 1400])
def test_no_row_shows_more_lines_than_it_has(qtbot, settings, sample, width):
    window = MainWindow(settings, sample)
    qtbot.addWidget(window)
    window.resize(width, 760)
    window.show()
    qtbot.waitExposed(window)
    cut = 0
    for view in (window.analysis_pane.tree, window.brief_pane.outline_view):
        texts = painted_texts(view)
        assert texts, "the rows drew no wrapped text"
        for rect, font, text in texts:
            assert wrapped_height(font, text, rect.width()) <= rect.height(), (view.objectName(), text)
            cut += text.endswith(ELLIPSIS)
    assert cut, "no row was long enough to be cut: the test would show nothing"


@pytest.mark.parametrize("width", [40, 75, 120, 200, 333])
def test_fit_wrapped_keeps_the_longest_start_that_fits(qapp, width):
    font = QFont()
    font.setPointSize(11)
    metrics = QFontMetrics(font)
    text = (
        "Jens Stoltenberg: The Alliance needs more dialogue with Russia so that both sides can stop "
        "talking past each other, and start talking with each other (Internationalisation, counter-narcotics)."
    )
    height = 3 * metrics.lineSpacing()
    shown = fit_wrapped(metrics, text, width, height)
    assert wrapped_height(font, shown, width) <= height
    assert shown.endswith(ELLIPSIS)
    kept = shown[: -len(ELLIPSIS)]
    assert text.startswith(kept)
    after = len(kept)
    while text[after].isspace():
        after += 1
    longer = text[: after + 1] + ELLIPSIS  # one character more: it would not fit
    assert wrapped_height(font, longer, width) > height


def test_fit_wrapped_leaves_text_that_fits_alone(qapp):
    metrics = QFontMetrics(QFont())
    short = "Russia: dialogue matters"
    assert fit_wrapped(metrics, short, 400, 3 * metrics.lineSpacing()) == short
    assert fit_wrapped(metrics, "", 10, metrics.lineSpacing()) == ""
