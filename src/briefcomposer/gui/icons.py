"""Icons and colours. Icons are the plain SVG files in resources/icons."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from briefcomposer.paths import bundled_dir

# Colour-blind-friendly (Okabe-Ito based) actor colours; text shows with an underline too,
# so no meaning rests on colour alone.
ACTOR_COLOURS = (
    "#0072b2",
    "#d55e00",
    "#009e73",
    "#cc79a7",
    "#e69f00",
    "#56b4e9",
    "#8c564b",
    "#6a3d9a",
    "#882255",
    "#117733",
    "#44aa99",
    "#999933",
)
EVIDENCE_COLOUR = "#fff2b3"
QUOTED_COLOUR = "#d7f0dd"
FLASH_COLOUR = "#ffbf47"


def icon_path(name: str) -> str:
    return str(bundled_dir("resources") / "icons" / f"{name}.svg")


@cache
def icon(name: str) -> QIcon:
    """The icon `name` (a file in resources/icons without `.svg`); an empty icon if missing."""
    return QIcon(icon_path(name))


def actor_colour(row: int) -> QColor:
    return QColor(ACTOR_COLOURS[row % len(ACTOR_COLOURS)])


@cache
def swatch(colour: str, size: int = 12) -> QIcon:
    """A small round swatch for the actor legend."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(QColor(colour).darker(130))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pix)
