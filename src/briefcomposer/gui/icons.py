"""Icons and colours. Icons are the plain SVG files in resources/icons."""

from __future__ import annotations

from functools import cache
from pathlib import Path

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


# In a dark palette the icons' dark ink is swapped for light ink of the same hue.
DARK_INK = {"#33475b": "#c9d3dc", "#0b0c0c": "#e8eaed", "#505a5f": "#b8c0c6", "#1d70b8": "#5aa6e6"}


def icon(name: str) -> QIcon:
    """The icon `name` (a file in resources/icons without `.svg`); an empty icon if missing.

    Drawn with light ink when the palette is dark (see `gui.theme`).
    """
    from briefcomposer.gui.theme import is_dark

    return _icon(name, is_dark())


@cache
def _icon(name: str, dark: bool) -> QIcon:
    if not dark:
        return QIcon(icon_path(name))
    try:
        svg = Path(icon_path(name)).read_text("utf-8")
    except OSError:
        return QIcon()
    for old, new in DARK_INK.items():
        svg = svg.replace(old, new)
    result = QIcon()
    for size in (16, 20, 24, 32, 48):
        pix = QPixmap()
        if pix.loadFromData(
            svg.encode("utf-8").replace(b'width="24" height="24"', f'width="{size}" height="{size}"'.encode()), "SVG"
        ):
            result.addPixmap(pix)
    return result


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
