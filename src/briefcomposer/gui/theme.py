"""Light and dark: the stylesheet and the few colours drawn in code follow the palette.

`apply_theme(app)` loads ``resources/app.qss`` and, when the palette is dark (the system's
colour scheme, or a dark `QPalette` set by the user or a test), ``resources/app-dark.qss``
on top of it. Views ask `colours()` for highlight and text colours at the time they draw,
so they match whichever theme is active. Font sizes are never fixed here: the stylesheets
set none, and `scale_font` derives smaller or larger text from the system font.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QToolBar, QWidget

from briefcomposer.paths import bundled_dir

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Colours:
    evidence: str  # background of a position's evidence in the source
    quoted: str  # background of a span quoted in the brief
    quoted_line: str  # its dotted underline
    flash: str  # a span jumped to from a position or an item
    number: str  # the paragraph numbers (¶3)
    muted: str  # secondary text (captions, suggested rows)
    faint: str  # rejected rows
    warning: str  # over a word limit
    page: str  # the source's background
    dark: bool = False

    def actor(self, colour: QColor) -> QColor:
        """An actor's colour as text in the source: the same hue, made light (dark theme) or dark
        (light theme) enough for a 4.5:1 contrast on the page, evidence and quote backgrounds."""
        return QColor(_readable(colour.name(), self.page, (self.evidence, self.quoted), self.dark))


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(c: QColor) -> float:
        def channel(v: int) -> float:
            x = v / 255
            return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@cache
def _readable(colour: str, page: str, others: tuple[str, ...], dark: bool) -> str:
    hsl = QColor(colour).toHsl()
    hue, sat, light = hsl.hslHue(), min(hsl.hslSaturation(), 220), hsl.lightness()
    backgrounds = [QColor(c) for c in (page, *others)]
    while 0 < light < 255:
        candidate = QColor.fromHsl(hue, sat, light)
        if all(contrast(candidate, bg) >= 4.5 for bg in backgrounds):
            return candidate.name()
        light += 4 if dark else -4
    return "#ffffff" if dark else "#000000"


LIGHT = Colours(
    evidence="#fff2b3",
    quoted="#d7f0dd",
    quoted_line="#00703c",
    flash="#ffbf47",
    number="#6f777b",
    muted="#505a5f",
    faint="#8a8f94",
    warning="#c3312f",
    page="#ffffff",
)
DARK = Colours(
    evidence="#463a0a",
    quoted="#1f4a2e",
    quoted_line="#6fd08f",
    flash="#8a5a00",
    number="#a3abb1",
    muted="#b8c0c6",
    faint="#868e94",
    warning="#ff8a80",
    page="#17191b",
    dark=True,
)


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the window background of `palette` (default: the application's) is dark."""
    if palette is None:
        app = QGuiApplication.instance()
        if not isinstance(app, QGuiApplication):
            return False
        if palette is None and app.styleHints().colorScheme() == Qt.ColorScheme.Dark:
            return True
        palette = app.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def colours() -> Colours:
    return DARK if is_dark() else LIGHT


def _read(name: str) -> str:
    path = bundled_dir("resources") / name
    try:
        return path.read_text("utf-8")
    except OSError:
        logger.warning("No stylesheet at %s", path)
        return ""


def stylesheet(dark: bool) -> str:
    return _read("app.qss") + ("\n" + _read("app-dark.qss") if dark else "")


def apply_theme(app: QApplication, palette: QPalette | None = None) -> bool:
    """Set `palette` (if given) and the stylesheet that suits it; True when dark.

    Without `palette`, ``BRIEFCOMPOSER_THEME=dark`` asks for `dark_palette()` whatever the
    system says (screenshots, and desktops that do not report their colour scheme).
    """
    if palette is None and os.environ.get("BRIEFCOMPOSER_THEME", "").lower() == "dark":
        palette = dark_palette()
    if palette is not None:
        app.setPalette(palette)
    dark = is_dark(palette)
    app.setStyleSheet(stylesheet(dark))
    return dark


def dark_palette() -> QPalette:
    """A dark palette like the desktop's dark mode (for tests, screenshots and --dark)."""
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for r, c in (
        (role.Window, "#202326"),
        (role.WindowText, "#e8eaed"),
        (role.Base, "#17191b"),
        (role.AlternateBase, "#1f2225"),
        (role.Text, "#e8eaed"),
        (role.Button, "#2b2f33"),
        (role.ButtonText, "#e8eaed"),
        (role.ToolTipBase, "#0b0c0c"),
        (role.ToolTipText, "#ffffff"),
        (role.Highlight, "#3d8fd6"),
        (role.HighlightedText, "#ffffff"),
        (role.Link, "#8cc4f2"),
        (role.PlaceholderText, "#8f979d"),
        (role.BrightText, "#ffffff"),
        (role.Mid, "#3a3f44"),
        (role.Dark, "#101214"),
        (role.Light, "#3a3f44"),
    ):
        p.setColor(r, QColor(c))
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(group.Disabled, r, QColor("#7b848a"))
    return p


# Smaller text is a fraction of the system font, never a fixed size, so it scales with it.
SMALL_TEXT = {"paneTitle": 0.92, "legend": 0.92, "wordLayoutButton": 0.92, "hint": 0.95}


def set_small_text(widget: QWidget, name: str) -> None:
    """Name `widget` `name`, one of `SMALL_TEXT` (the style sheet styles it by that name), and give
    it the smaller font of that role: pane titles are also bold capitals.

    Done where the widget is made, not by searching the window afterwards: in PySide6 a search
    wraps every object of the window for Python (start-up time, issue 5).
    """
    widget.setObjectName(name)
    title = name == "paneTitle"
    scale_font(widget, SMALL_TEXT[name], bold=True if title else None, caps=title)


def pane_toolbar(parent: QWidget) -> QToolBar:
    """An icon tool bar for a pane, named "paneToolbar" for the style sheet (compact, no frame).

    QToolBar takes its margins and spacing from the style when it is made, before the style
    sheet's rule for that name can apply, and reads them again only on a style change: so
    it is polished now, with its name, and told of one.
    """
    toolbar = QToolBar(parent)
    toolbar.setObjectName("paneToolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    toolbar.ensurePolished()
    QApplication.sendEvent(toolbar, QEvent(QEvent.Type.StyleChange))
    return toolbar


def scale_font(widget: QWidget, factor: float, bold: bool | None = None, caps: bool = False) -> None:
    """Give `widget` the application font times `factor`, so it follows the system's size.

    A font set in code hides the stylesheet's font properties, so weight and capitals
    (`bold`, `caps`: small headings in capitals, slightly spaced) are set here too.
    """
    font = QFont(QApplication.font())
    font.setPointSizeF(max(font.pointSizeF() * factor, 6.0))
    if bold is not None:
        font.setBold(bold)
    if caps:
        font.setCapitalization(QFont.Capitalization.AllUppercase)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 1.0)
    widget.setFont(font)
