"""The composer window: opening, saving, importing, picking, exporting, recovery."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import QFileDialog, QMessageBox

from briefcomposer.core.model import PositionItem, QuoteItem, Status
from briefcomposer.gui.commands import SetMetadataCommand
from briefcomposer.gui.document import Document
from briefcomposer.gui.main_window import MainWindow


def select(view, paragraph: int, start: int, end: int) -> None:
    """Select characters `start:end` of a paragraph in a source view, as a mouse drag would."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view._doc_pos(paragraph, start))
    cursor.setPosition(view._doc_pos(paragraph, end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def _shown(qtbot, settings, brief) -> MainWindow:
    """The window on `brief`, shown at the screenshot's size."""
    window = MainWindow(settings, brief)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_opens_with_the_sample(qtbot, settings, sample):
    window = _shown(qtbot, settings, sample)
    assert window.source_pane.views()
    assert window.doc.analysis.rowCount() == len(sample.issues) + 1
    assert "Dialogue Matters" in window.windowTitle()
    window.preview_pane.refresh()
    html = window.preview_pane.browser.toHtml()
    assert html.count("OFFICIAL") >= 2  # the marking at the top and the bottom


def test_the_preview_fits_its_positions_table_to_its_width(qtbot, settings, sample):
    window = _shown(qtbot, settings, sample)
    pane = window.preview_pane
    from briefcomposer.core import brief_ops
    from briefcomposer.core.model import PositionTableItem

    table = next(i for _, i in window.doc.brief.iter_items() if isinstance(i, PositionTableItem))
    issues = {p.issue_id for p in brief_ops.table_positions(window.doc.brief, table)}
    assert len(issues) >= 3
    tables = lambda: pane.browser.toHtml().count(">Who<")  # noqa: E731 (one header cell a table)
    window.splitter.setSizes([200, 200, 200, 800])  # the officer drags the preview wide
    qtbot.waitUntil(lambda: pane._layout[0] == 3)
    qtbot.waitUntil(lambda: tables() == -(-len(issues) // 3))  # three issues a table, as in Word
    window.splitter.setSizes([400, 400, 340, 260])  # and narrow again: one issue a table
    qtbot.waitUntil(lambda: pane._layout[0] == 1)
    qtbot.waitUntil(lambda: tables() == len(issues))


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("new_action", "Ctrl+N"),
        ("open_action", "Ctrl+O"),
        ("save_action", "Ctrl+S"),
        ("save_as_action", "Ctrl+Shift+S"),
        ("import_action", "Ctrl+I"),
        ("export_action", "Ctrl+E"),
        ("undo_action", "Ctrl+Z"),
        ("redo_action", "Ctrl+Shift+Z"),
        ("redo_action", "Ctrl+Y"),
        ("find_action", "Ctrl+F"),
        ("move_up_action", "Alt+Up"),
        ("move_down_action", "Alt+Down"),
    ],
)
def test_menu_shortcuts_exist(window, name, keys):
    action = getattr(window, name)
    assert QKeySequence(keys) in action.shortcuts()
    assert action in window.actions()


def test_tooltips_name_shortcuts(window):
    assert window.save_action.toolTip().endswith("(Ctrl+S)")
    assert "Ctrl+E" in window.export_action.toolTip()


def test_save_then_reopen_round_trip(qtbot, window, tmp_path, monkeypatch, settings):
    target = tmp_path / "out.brief"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "out"), "")))
    window.brief_pane.metadata.edits["title"].setText("x")  # a programmatic set is not an edit
    assert not window.isWindowModified()
    window.doc.push(SetMetadataCommand(window.doc, "to", "PS"))
    assert window.isWindowModified()
    assert window.save()
    assert target.is_file()
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("out.brief")
    assert settings.recent_files == [target.resolve()]

    other = MainWindow(settings)
    qtbot.addWidget(other)
    assert other.open_file(target)
    assert other.doc.brief == window.doc.brief
    assert not other.isWindowModified()


def test_newer_format_is_refused_clearly(window, tmp_path, shown):
    from briefcomposer import storage

    data = json.loads(storage.dumps(window.doc.brief))
    data["format"] = 999
    path = tmp_path / "future.brief"
    path.write_text(json.dumps(data))
    before = window.doc
    assert not window.load_path(path)
    assert window.doc is before
    assert shown.errors
    assert shown.errors[0][0] == "This file cannot be opened as a brief."


def test_close_with_unsaved_changes_asks(qtbot, window, shown):
    from briefcomposer.gui.commands import SetMetadataCommand

    window.doc.push(SetMetadataCommand(window.doc, "to", "PS"))
    shown.answer = QMessageBox.StandardButton.Cancel
    assert not window.close()
    assert shown.questions
    shown.answer = QMessageBox.StandardButton.Discard
    assert window.close()


def test_quote_selection_into_current_section(qtbot, window):
    view = window.source_pane.current_view()
    select(view, 1, 0, 49)
    window.brief_pane.outline_view.setCurrentIndex(window.doc.outline.index(2, 0))
    window.quote_action.trigger()
    items = window.doc.brief.sections[2].items
    assert isinstance(items[0], QuoteItem)
    assert items[0].excerpt.quote == "Russia says NATO expansion threatens its security"
    assert window.doc.undo_stack.undoText() == "Quote into Lines to take"
    window.undo_action.trigger()
    assert window.doc.brief.sections[2].items == []


def test_selection_across_paragraphs_is_trimmed_to_the_first(window):
    view = window.source_pane.current_view()
    cursor = QTextCursor(view.document())
    cursor.setPosition(view._doc_pos(1, 50))
    cursor.setPosition(view._doc_pos(2, 10), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    paragraph, start, end, trimmed = view.selection_span()
    assert (paragraph, start, trimmed) == (1, 51, True)  # the leading space is dropped
    assert view.selected_excerpt().quote == "The UK wants more dialogue with Moscow."


def test_accept_position_accepts_its_issue_in_one_step(window):
    position = window.doc.brief.positions[0]
    issue = window.doc.brief.issues[0]
    issue.status = Status.SUGGESTED
    window.analysis_pane.select(position.id)
    window.accept_action.trigger()
    assert position.status is Status.ACCEPTED
    assert issue.status is Status.ACCEPTED
    assert window.doc.undo_stack.undoText() == "Accept position: Russia on NATO expansion"
    window.doc.undo_stack.undo()
    assert position.status is Status.SUGGESTED
    assert issue.status is Status.SUGGESTED


def test_accept_all_on_issue(window):
    window.analysis_pane.select(window.doc.brief.issues[0].id)
    window.accept_all_action.trigger()
    assert all(p.status is Status.ACCEPTED for p in window.doc.brief.positions[:2])
    assert window.doc.undo_stack.count() == 1


def test_add_position_to_brief(window):
    position = window.doc.brief.positions[0]
    window.analysis_pane.select(position.id)
    window.add_to_brief_action.trigger()
    assert any(isinstance(i, PositionItem) and i.position_id == position.id for _, i in window.doc.brief.iter_items())
    assert position.status is Status.ACCEPTED


def test_move_item_with_keyboard_actions(window):
    item = window.doc.brief.sections[0].items[0]
    window.brief_pane.select_item(item.id)
    window.move_down_action.trigger()
    assert window.doc.brief.locate_item(item.id) == (1, 0)
    window.move_up_action.trigger()
    assert window.doc.brief.locate_item(item.id) == (0, 0)


def test_import_pasted_text_runs_in_the_background(qtbot, window):
    pytest.importorskip("briefcomposer.sources")
    text = "A new article\n\nFrance says the talks must go on. Germany agrees with France."
    window.start_import(text=text, title="Talks")
    qtbot.waitUntil(lambda: len(window.doc.brief.sources) == 2, timeout=20_000)
    qtbot.waitUntil(lambda: not window._jobs)
    assert window.doc.undo_stack.undoText().startswith("Import source: ")
    assert len(window.source_pane.views()) == 2
    window.doc.undo_stack.undo()
    assert len(window.doc.brief.sources) == 1


def test_import_of_a_bad_file_reports_a_sentence(qtbot, window, tmp_path, shown):
    pytest.importorskip("briefcomposer.sources")
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    window.start_import(path=bad)
    qtbot.waitUntil(lambda: bool(shown.errors), timeout=20_000)
    assert shown.errors[0] == ("\u201cempty.txt\u201d is empty.", "")  # the reason, not only under details


def test_export_to_word(qtbot, window, tmp_path, monkeypatch, shown):
    pytest.importorskip("briefcomposer.export.docx_writer")
    target = tmp_path / "brief.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    assert window.export_word() is not None
    qtbot.waitUntil(lambda: not window._jobs, timeout=60_000)
    assert target.is_file()
    assert not shown.errors


def test_export_without_marking_explains(window, shown):
    window.doc.brief.marking = None
    assert window.export_word() is None
    assert shown.errors[0][0] == "Choose a protective marking before exporting."


def test_autosave_and_restore_at_next_start(qtbot, window, settings, shown):
    from briefcomposer.gui.commands import SetMetadataCommand
    from briefcomposer.gui.recovery import list_recoveries, release

    window.doc.push(SetMetadataCommand(window.doc, "title", "Unsaved work"))
    path = window.autosave()
    assert path is not None
    assert path.is_file()
    assert window.autosave() is None  # nothing new since

    assert not list_recoveries()  # this program's live work: not offered to another window
    release(window.doc.recovery_key)  # as the first program's end (a crash) would
    shown.answer = QMessageBox.StandardButton.Yes
    later = MainWindow(settings)
    qtbot.addWidget(later)
    assert later.offer_recovery()
    assert later.doc.brief.title == "Unsaved work"
    assert later.isWindowModified()
    assert path.is_file()  # kept until the restored brief is saved
    assert later.doc.recovery_key == path.stem


def test_crash_saves_work_first(qtbot, window, monkeypatch):
    from briefcomposer.gui.commands import SetMetadataCommand
    from briefcomposer.gui.dialogs.crash_dialog import CrashDialog

    seen = []
    monkeypatch.setattr(CrashDialog, "ask", classmethod(lambda cls, parent, report, saved_to="": seen.append(saved_to)))
    window.doc.push(SetMetadataCommand(window.doc, "title", "Precious"))
    window.show_crash("Traceback ...")
    assert seen
    assert Path(seen[0]).is_file()


def test_new_brief_from_template(window, monkeypatch):
    from briefcomposer.gui.dialogs.new_brief_dialog import NewBriefDialog

    monkeypatch.setattr(NewBriefDialog, "ask", classmethod(lambda cls, parent, templates, selected="": templates[-1]))
    window.new_action.trigger()
    assert window.doc.brief.sources == []
    assert window.doc.brief.sections
    assert not window.isWindowModified()


def test_window_geometry_and_splitters_persist(qtbot, settings, brief):
    window = MainWindow(settings, brief)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    window.splitter.setSizes([500, 200, 300, 200])
    sizes = window.splitter.sizes()
    window.save_window_state()
    assert settings.window_geometry is not None
    again = MainWindow(settings, Document(brief).brief)
    qtbot.addWidget(again)
    again.resize(1200, 800)  # the offscreen screen is 800x600, so restoreGeometry clamps the size
    again.show()
    assert again.splitter.sizes() == sizes


def _resize_counter():  # noqa: ANN202
    """An event filter that counts the resize events of the widgets it is installed on."""
    from PySide6.QtCore import QEvent, QObject

    class Resizes(QObject):
        count = 0

        def eventFilter(self, watched, event):  # noqa: N802, ANN001, ANN201
            if event.type() == QEvent.Type.Resize:
                self.count += 1
            return False

    return Resizes()


def test_panes_are_laid_out_once_at_their_default_sizes(qtbot, qapp, settings, brief):
    """The first layout already has the default pane sizes: no second layout after showing (issue 5)."""
    from briefcomposer.gui.theme import apply_theme

    apply_theme(qapp)  # with the style sheet, as the app runs
    try:
        window = MainWindow(settings, brief)
        qtbot.addWidget(window)
        window.resize(1400, 900)
        resizes = _resize_counter()
        window.brief_pane.installEventFilter(resizes)
        window.show()
        qtbot.waitExposed(window)
        qtbot.wait(50)  # the check for a size changed by a window manager
        sizes = window.splitter.sizes()
        assert resizes.count == 1
        window._apply_default_sizes()
        assert window.splitter.sizes() == sizes
    finally:
        qapp.setStyleSheet("")


def test_pane_tool_bars_have_their_height_in_the_first_layout(qtbot, qapp, settings, brief):
    """The tool bars' actions are added after the panes measured them: the first layout still gives
    them their full height, so the panes below are not laid out and painted again (issue 5)."""
    from briefcomposer.gui.theme import apply_theme

    apply_theme(qapp)  # with the style sheet, as the app runs
    try:
        window = MainWindow(settings, brief)
        qtbot.addWidget(window)
        window.resize(1400, 900)
        resizes = _resize_counter()
        toolbars = (window.analysis_pane.toolbar, window.analysis_pane.actor_toolbar, window.brief_pane.toolbar)
        for toolbar in toolbars:
            toolbar.installEventFilter(resizes)
        window.show()
        qtbot.waitExposed(window)
        qtbot.wait(20)
        assert resizes.count == len(toolbars)
        for toolbar in toolbars:
            assert toolbar.height() == toolbar.sizeHint().height() > 20
    finally:
        qapp.setStyleSheet("")


def _reopen(qtbot, settings, brief) -> MainWindow:
    window = MainWindow(settings, Document(brief).brief)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_history_dock_left_open_is_open_after_restart(qtbot, settings, brief):
    from PySide6.QtCore import Qt

    left = Qt.DockWidgetArea.LeftDockWidgetArea
    window = _reopen(qtbot, settings, brief)
    assert not window.history_action.isChecked()
    window.history_action.trigger()
    assert window.history_dock.isVisible()
    window.addDockWidget(left, window.history_dock)  # moved by the user
    window.save_window_state()
    again = _reopen(qtbot, settings, brief)
    assert again.history_dock is not None
    assert again.history_dock.isVisible()
    assert again.dockWidgetArea(again.history_dock) == left
    assert again.history_action.isChecked()
    again.history_dock.close()  # by its title bar's button
    assert not again.history_action.isChecked()
    again.save_window_state()
    third = _reopen(qtbot, settings, brief)
    assert not third.history_action.isChecked()
    third.history_action.trigger()  # opens where the user left it
    assert third.history_dock.isVisible()
    assert third.dockWidgetArea(third.history_dock) == left


def test_tool_bar_menu_offers_the_history(window):
    """The tool bar's context menu shows and hides the history dock, built yet or not."""
    for wanted in (True, False):
        menu = window.createPopupMenu()
        texts = [a.text() for a in menu.actions()]
        assert texts[0] == "Show &History"
        assert texts.count("Show &History") == 1
        assert "Main" in texts
        menu.actions()[0].trigger()
        assert window.history_action.isChecked() is wanted
        assert window.history_dock.isHidden() is not wanted
        menu.deleteLater()


def test_about_and_preview_toggle(window, shown):
    window.about_action.trigger()
    assert "Brief Composer" in shown.about[0]
    window.preview_action.trigger()
    assert not window.preview_pane.isVisibleTo(window)


def test_the_count_column_fits_the_largest_count(qtbot, window, brief, source):
    """The narrow columns are sized from the brief, not by asking every row (issue 5)."""
    tree = window.analysis_pane.tree
    header = tree.header()
    before = header.sectionSize(1)
    assert before >= tree.fontMetrics().horizontalAdvance("00")
    position = brief.positions[0]
    for n in range(100):
        window.doc.analysis.add_evidence(position.id, source.excerpt(1, n % 40, n % 40 + 5))
    assert len(position.evidence) > 99
    assert header.sectionSize(1) >= tree.fontMetrics().horizontalAdvance("000") + 10 > before


def test_pane_toolbars_are_laid_out_as_the_style_sheet_says(qtbot, qapp, settings, brief):
    """`QToolBar#paneToolbar { spacing: 2px }` and no frame: the name applies from the start."""
    from briefcomposer.gui.theme import apply_theme

    apply_theme(qapp)
    try:
        window = MainWindow(settings, brief)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        for toolbar in (window.analysis_pane.toolbar, window.analysis_pane.actor_toolbar, window.brief_pane.toolbar):
            margins = toolbar.layout().contentsMargins()
            assert (margins.left(), margins.top(), margins.right(), margins.bottom()) == (0, 0, 0, 0)
            assert toolbar.layout().spacing() == 2
    finally:
        qapp.setStyleSheet("")


def test_the_outline_and_the_preview_measure_their_width_without_asking_for_the_viewport(qtbot, settings, sample):
    """`viewport()` made PySide create every QtWidgets class at start-up (3.7 ms; issue 5): the outline
    wraps its rows to its column's width and the preview fits its table to its page's, the viewport's."""
    window = _shown(qtbot, settings, sample)
    outline, browser = window.brief_pane.outline_view, window.preview_pane.browser

    def check() -> None:
        qtbot.wait(20)
        assert outline.columnWidth(0) == outline.viewport().width()
        assert browser.document().pageSize().width() == browser.viewport().width()

    check()
    window.resize(1000, 700)
    check()
    window.splitter.setSizes([300, 300, 500, 300])
    check()
    window.toggle_preview(False)  # hidden while the window changes size, then shown again
    window.resize(1300, 850)
    window.toggle_preview(True)
    check()
