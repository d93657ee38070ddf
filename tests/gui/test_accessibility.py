"""Issue 5, accessibility: keyboard reach, tab order, accessible names, system font, dark palette."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from briefcomposer.gui import theme
from briefcomposer.gui.icons import ACTOR_COLOURS
from briefcomposer.gui.main_window import MainWindow
from briefcomposer.paths import bundled_dir

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QAbstractItemView,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QTabBar,
)


def _is_qt_internal(widget: QWidget) -> bool:
    """Parts Qt builds inside its own widgets (a spin box's line edit, a combo's popup list...)."""
    if widget.objectName().startswith("qt_") or isinstance(widget, QHeaderView):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if (
            isinstance(parent, (QComboBox, QAbstractSpinBox, QLineEdit))
            or type(parent).__name__ == "QComboBoxPrivateContainer"
        ):
            return True
        parent = parent.parentWidget()
    return False


def _name_of(widget: QWidget, buddies: dict[int, str]) -> str:
    if widget.accessibleName().strip():
        return widget.accessibleName()
    if id(widget) in buddies:
        return buddies[id(widget)]
    if isinstance(widget, QAbstractButton):
        text = widget.text().replace("&", "").strip()
        if re.search(r"\w{2,}", text):  # a word, not a symbol such as ✕
            return text
        action = getattr(widget, "defaultAction", lambda: None)()
        if action is not None and action.text():
            return action.text()
    return ""


def _unnamed(root: QWidget) -> tuple[int, list[str]]:
    """(how many interactive widgets `root` holds, those of them with no accessible name)."""
    buddies = {id(lab.buddy()): lab.text() for lab in root.findChildren(QLabel) if lab.buddy() is not None}
    checked, unnamed = 0, []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or _is_qt_internal(widget):
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus and not isinstance(widget, QAbstractButton):
            continue
        checked += 1
        if not _name_of(widget, buddies):
            unnamed.append(f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.parentWidget()).__name__}")
    return checked, unnamed


def test_every_interactive_widget_has_an_accessible_name(qtbot, settings, sample):
    window = MainWindow(settings, sample)
    qtbot.addWidget(window)
    window.source_pane.show_find()  # the find bar's widgets count too
    window.history_action.trigger()  # and the history dock's
    checked, unnamed = _unnamed(window)
    assert checked > 40
    assert unnamed == []


def test_every_dialogs_widgets_have_accessible_names(qtbot, settings, sample):
    """The walk above covered the window only: five dialogs had unnamed fields, lists and tables."""
    from briefcomposer.gui.dialogs.crash_dialog import CrashDialog
    from briefcomposer.gui.dialogs.new_brief_dialog import NewBriefDialog
    from briefcomposer.gui.dialogs.preferences_dialog import Preferences, PreferencesDialog
    from briefcomposer.gui.dialogs.shortcuts_dialog import ShortcutsDialog
    from briefcomposer.gui.dialogs.simple_dialogs import (
        ChooseDialog,
        PasteSourceDialog,
        PositionDialog,
        SaveTemplateDialog,
        WordLimitDialog,
    )
    from briefcomposer.gui.dialogs.word_layout_dialog import WordLayoutDialog
    from briefcomposer.structures.templates import list_templates

    window = MainWindow(settings, sample)
    qtbot.addWidget(window)
    dialogs = [
        CrashDialog(window, "Traceback ...", "/tmp/copy.brief"),
        NewBriefDialog(window, list_templates()),
        PreferencesDialog(window, Preferences(user_name="Lena Osk")),
        ShortcutsDialog(window, [("Save", "Ctrl+S")]),
        PasteSourceDialog(window, "Velmora"),
        PositionDialog(window, sample.actors, sample.issues, "Lena Osk said so."),
        SaveTemplateDialog(window, "Velmora note"),
        ChooseDialog(window, "Merge Actors", "Merge into which actor?", [("Velmora", "v")]),
        WordLimitDialog(window, "Summary", 120),
        WordLayoutDialog(window),
    ]
    missing = {type(d).__name__: _unnamed(d)[1] for d in dialogs}
    assert {name: found for name, found in missing.items() if found} == {}
    for dialog in dialogs:
        dialog.deleteLater()


def _menu_actions(menu: QMenu) -> list[QAction]:
    found = []
    for action in menu.actions():
        if action.menu() is not None:
            found.append(action)
            found += _menu_actions(action.menu())
        elif not action.isSeparator():
            found.append(action)
    return found


def test_every_action_is_reachable_by_keyboard(window):
    """Each toolbar, pane and selection action is in a menu (Alt+letter, F10) or has a shortcut."""
    in_menus: set[int] = set()
    for top in window.menuBar().actions():
        assert "&" in top.text(), f"menu {top.text()!r} has no Alt+letter"
        in_menus |= {id(a) for a in _menu_actions(top.menu())}
    for button in window.findChildren(QAbstractButton):  # a focusable button's menu opens with Space
        if button.focusPolicy() != Qt.FocusPolicy.NoFocus and getattr(button, "menu", lambda: None)() is not None:
            in_menus |= {id(a) for a in _menu_actions(button.menu())}
    offered = [a for tb in window.findChildren(QWidget) for a in tb.actions() if a.text() and not a.isSeparator()]
    unreachable = sorted(
        {a.text() for a in offered if id(a) not in in_menus and a.shortcut().isEmpty() and a.menu() is None}
    )
    assert unreachable == []


def test_tab_order_follows_the_panes(qtbot, window, activate):
    activate(window)
    panes = [window.source_pane, window.analysis_pane, window.brief_pane, window.preview_pane]
    view = window.source_pane.current_view()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    visited: list[int] = []
    for _ in range(40):
        focus = QApplication.focusWidget()
        pane = next((n for n, p in enumerate(panes) if p.isAncestorOf(focus)), None)
        if pane is not None and (not visited or visited[-1] != pane):
            visited.append(pane)
        if pane == 3:
            break
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    assert visited == [0, 1, 2, 3]
    form = window.brief_pane.metadata
    window.brief_pane.metadata.edits["reference"].setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.date_edit or form.date_edit.isAncestorOf(QApplication.focusWidget())


def _fragments(block):  # noqa: ANN001, ANN202
    it = block.begin()
    while not it.atEnd():
        yield it.fragment()
        it += 1


def test_stylesheets_fix_no_font_size():
    for name in ("app.qss", "app-dark.qss"):
        text = (bundled_dir("resources") / name).read_text("utf-8")
        assert not re.search(r"font(-size)?\s*:[^;]*\d+(\.\d+)?\s*(px|pt)", text), name


def test_text_scales_with_the_system_font(qtbot, settings, brief):
    app = QApplication.instance()
    original = app.font()
    big = QFont(original)
    big.setPointSizeF(original.pointSizeF() * 1.6)
    sizes = []
    try:
        for font in (original, big):
            app.setFont(font)
            window = MainWindow(settings, brief)
            qtbot.addWidget(window)
            view = window.source_pane.current_view()
            block = view.document().findBlockByNumber(1)
            body = list(_fragments(block))[1].charFormat().fontPointSize()
            sizes.append(
                (
                    body,
                    window.source_pane.legend.font().pointSizeF(),
                    window.brief_pane.metadata.edits["title"].font().pointSizeF(),
                )
            )
    finally:
        app.setFont(original)
    for small, large in zip(sizes[0], sizes[1], strict=True):
        assert large == pytest.approx(small * 1.6, rel=0.05)


def test_actor_colours_are_readable_in_both_themes():
    for colours in (theme.LIGHT, theme.DARK):
        for colour in ACTOR_COLOURS:
            text = colours.actor(QColor(colour))
            for background in (colours.page, colours.evidence, colours.quoted):
                assert theme.contrast(text, QColor(background)) >= 4.5, (colours.dark, colour, background)
        for role in (colours.number, colours.muted):
            assert theme.contrast(QColor(role), QColor(colours.page)) >= 4.5


@pytest.fixture
def dark(qapp):
    original_palette, original_sheet = qapp.palette(), qapp.styleSheet()
    assert theme.apply_theme(qapp, theme.dark_palette())
    yield qapp
    qapp.setPalette(original_palette)
    qapp.setStyleSheet(original_sheet)


def test_works_in_a_dark_palette(qtbot, tmp_path, dark, settings, sample):
    assert theme.colours() is theme.DARK
    window = MainWindow(settings, sample)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    image = window.grab().toImage()
    assert image.save(str(tmp_path / "dark.png"))

    def pixel(widget: QWidget, x: int, y: int) -> QColor:
        at = widget.mapTo(window, QPoint(x, y))
        return QColor(image.pixel(at.x(), at.y()))

    viewport = window.source_pane.current_view().viewport()
    assert pixel(viewport, viewport.width() - 4, viewport.height() - 4).lightness() < 60  # a dark page
    # ...with light text on it: the brightest pixels of the first lines are near white.
    top = [pixel(viewport, x, y).lightness() for x in range(10, viewport.width() - 10, 3) for y in range(10, 120, 3)]
    assert max(top) > 200
    number = window.source_pane.current_view().document().firstBlock().begin().fragment().charFormat()
    assert number.foreground().color() == QColor(theme.DARK.number)
    # Menus and the analysis tree are dark too, with light text.
    tree = window.analysis_pane.tree.viewport()
    assert pixel(tree, tree.width() - 3, tree.height() - 3).lightness() < 60
    assert window.menuBar().palette().color(QPalette.ColorRole.WindowText).lightness() > 200
    # The preview stays a white page, as the printed brief will be.
    page = window.preview_pane.browser.viewport()
    assert pixel(page, 4, 4).lightness() > 240
