"""The main window driven as an officer drives it, by a hypothesis state machine.

Each step selects something in the real views (text in a source, a row of the issues tree,
actors, an outline row, a filter) or does something through the window's own entry points:
an enabled action, a context menu's entry, a drop on the outline, the metadata form, an
inline editor, the history dock, Paste as Source. After every step: no exception escaped into
Qt and no warning was logged, the title and its modified marker follow the undo stack, the
actions are enabled as the selection says, the views' models agree with the brief, the brief
is consistent and previews, and the brief changed only through the undo stack (a step that
pushed nothing left it as it was, a pushed step changed something, an undo or redo gave back
exactly the state recorded at that index). An editor an action opens is on what the action
names. At the end everything is undone and redone through the undo and redo actions, and the
brief saved with Save As and read back.
"""

from __future__ import annotations

import copy
import datetime as dt
import logging
import sys
import traceback
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test
from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSettings, Qt, QThreadPool
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QFileDialog, QMenu, QPlainTextEdit, QWidget

from briefcomposer import storage
from briefcomposer.core.model import DESCRIPTORS, HANDLING_INSTRUCTIONS, NATIONAL_CAVEATS
from briefcomposer.gui.dialogs.simple_dialogs import ChooseDialog, PasteSourceDialog, PositionDialog
from briefcomposer.gui.main_window import MainWindow
from briefcomposer.gui.settings import Settings
from briefcomposer.gui.views import CommitsOpenEditor

# The actions the machine triggers when they are enabled (undo and redo have rules of their own).
ACTIONS = (
    "quote_action",
    "position_action",
    "evidence_action",
    "tag_action",
    "new_issue_action",
    "accept_action",
    "reject_action",
    "accept_all_action",
    "edit_stance_action",
    "add_to_brief_action",
    "rename_actor_action",
    "merge_actor_action",
    "add_paragraph_action",
    "add_bullet_action",
    "move_up_action",
    "move_down_action",
    "add_section_action",
    "rename_section_action",
    "remove_section_action",
    "word_limit_action",
    "delete_action",
    "edit_item_action",
    "remove_source_action",
)
WORDS = ("Velmora", "Lena Osk", "Tomas Brel", "Mara Quist", "Kystposten", "talks", "NATO", "dialogue", "zzz", "")
TEXTS = st.lists(st.sampled_from(WORDS), min_size=0, max_size=3).map(" ".join)
STANCES = ("", "wants talks", "opposes Velmora", "Kystposten  reports   dialogue")
CAVEATS = (*DESCRIPTORS, *NATIONAL_CAVEATS, *HANDLING_INSTRUCTIONS)
PASTED = {
    "Velmora": (
        "The government of Velmora says the treaty with NATO threatens its security.\n\n"
        "Lena Osk, the foreign minister of Velmora, wants more dialogue with Russia.\n\n"
        "Kystposten reports that Tomas Brel opposes missile defence in Europe.",
        "Velmora and the treaty",
    ),
    "Kystposten": (
        "Kystposten\n\nMara Quist says the United Kingdom wants more dialogue with Moscow & its neighbours.",
        None,
    ),
}


class Picks:
    """A rule's choices, drawn before it runs: as many whatever the window shows, so that a run
    replays exactly (hypothesis requires it); each choice is taken modulo what there is."""

    def __init__(self, raw: tuple[int, ...]) -> None:
        self.raw, self.used = raw, 0

    def __repr__(self) -> str:
        return f"Picks({self.raw!r})"

    def int(self, low: int, high: int) -> int:
        value = self.raw[self.used % len(self.raw)]
        self.used += 1
        return low + value % (high - low + 1) if high >= low else low

    def bool(self) -> bool:
        return self.int(0, 1) == 1

    def pick(self, seq):  # type: ignore[no-untyped-def]
        seq = list(seq)
        return seq[self.int(0, len(seq) - 1)]


PICKS = st.tuples(*[st.integers(0, 2**15)] * 8).map(Picks)


class Context:
    """What the test function hands the machine (its briefs, the patched dialogs, a folder) and back."""

    briefs: dict[str, object] = {}
    shown = None
    monkeypatch = None
    folder: Path = Path()
    runs = 0
    machine = None  # the machine running, whose answers the patched dialogs give
    errors: list[str] = []  # exceptions that reached sys.excepthook, warnings logged


class WindowMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.window: MainWindow | None = None
        Context.machine = self
        Context.errors.clear()
        self.errors = Context.errors
        self.ok = True
        self.position_answer: tuple[str, int, str] | None = None  # actor text, issue choice, stance
        self.choose_answer = 0
        self.paste_answer: tuple[str, str | None] = ("", None)

    # ---------------------------------------------------------------- set-up and tear-down

    @initialize(which=st.sampled_from(["sample", "small"]))
    def open_window(self, which: str) -> None:
        Context.runs += 1
        run = Context.folder / f"run{Context.runs}"
        run.mkdir()
        self.folder = run
        self.brief = copy.deepcopy(Context.briefs[which])
        self.initial = copy.deepcopy(self.brief)
        ini = QSettings(str(run / "s.ini"), QSettings.Format.IniFormat)
        self.window = MainWindow(Settings(ini), self.brief)
        # Not shown: a shown window takes part in focus changes, which commit an open editor when
        # the platform gets round to activating the window, and a run must replay exactly.
        # `_click_elsewhere` commits as a focus change would.
        self.window.resize(1200, 800)
        QApplication.processEvents()
        stack = self.doc.undo_stack
        self.pushes = 0
        stack.indexChanged.connect(self._count_push)
        self.states = {0: storage.dumps(self.doc.brief)}
        self.index = 0  # the undo stack's index after the last step
        self.expect_recorded = False  # an undo or redo: the state recorded at the new index comes back

    def _count_push(self, *args: object) -> None:
        self.pushes += 1

    @property
    def doc(self):  # type: ignore[no-untyped-def]
        assert self.window is not None
        return self.window.doc

    def teardown(self) -> None:
        window = self.window
        if window is None:
            return
        try:
            if self.ok and not self.errors:
                self._round_trip()
        finally:
            self._close_editor(commit=False)
            window.close()
            window.deleteLater()
            QThreadPool.globalInstance().waitForDone(30_000)
            QApplication.processEvents()
            self.window = None

    def _round_trip(self) -> None:
        """Undo everything, redo everything (through the actions), save, reopen."""
        window, doc = self.window, self.doc
        assert window is not None
        self._close_editor(commit=False)
        final = copy.deepcopy(doc.brief)
        top = doc.undo_stack.index()
        while window.undo_action.isEnabled():
            window.undo_action.trigger()
            index = doc.undo_stack.index()
            assert storage.dumps(doc.brief) == self.states[index], f"undo to step {index} is not what it was"
        assert doc.undo_stack.index() == 0
        assert doc.brief == self.initial, "undoing everything does not give back the brief opened"
        while window.redo_action.isEnabled():
            window.redo_action.trigger()
        assert doc.undo_stack.index() == doc.undo_stack.count()
        if doc.undo_stack.count() == top:
            assert doc.brief == final, "redoing everything does not give back the last state"
        self._check_consistent()
        path = self.folder / "final.brief"
        self._save_to(path)
        window.save_as_action.trigger()
        assert doc.path == path
        assert not window.isWindowModified()
        assert storage.load(path) == doc.brief
        self._check_exceptions()

    # ---------------------------------------------------------------- helpers

    def _save_to(self, path: Path) -> None:
        Context.monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))

    def _views(self) -> list[QAbstractItemView]:
        w = self.window
        assert w is not None
        return [w.brief_pane.outline_view, w.analysis_pane.tree, w.analysis_pane.actor_list]

    @staticmethod
    def _editor(view: QAbstractItemView) -> QWidget | None:
        """The inline editor open in `view`, if any (hidden, maybe: this window is never shown, and a
        view hides an editor whose row has no place on screen)."""
        if view.state() != QAbstractItemView.State.EditingState:
            return None
        for delegate in (view.itemDelegateForColumn(0), view.itemDelegate()):  # each remembers its editor
            editor = delegate.open_editor() if isinstance(delegate, CommitsOpenEditor) else None
            if editor is not None:
                return editor
        return None

    def _close_editor(self, commit: bool, text: str | None = None) -> None:
        """Commit (Enter; Ctrl+Enter in an item) or cancel (Esc) the open editors; `text` typed first."""
        for view in self._views():
            editor = self._editor(view)
            if editor is None:
                continue
            if not commit:
                QTest.keyClick(editor, Qt.Key.Key_Escape)
            elif isinstance(editor, QPlainTextEdit):
                if text is not None:
                    editor.setPlainText(text)
                QTest.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
            else:
                if text is not None:
                    editor.setText(text)
                QTest.keyClick(editor, Qt.Key.Key_Return)
            QApplication.processEvents()  # the delegate commits and closes queued,
            QApplication.processEvents()  # and the document pushes a stance or label edit queued

    def _click_elsewhere(self) -> None:
        """A click in another widget takes the focus from an open editor, which commits it as it is."""
        self._close_editor(commit=True)

    def _outline_indexes(self) -> list[QModelIndex]:
        model = self.doc.outline
        found = []
        for s_row in range(model.rowCount()):
            section = model.index(s_row, 0)
            found.append(section)
            found.extend(model.index(i, 0, section) for i in range(model.rowCount(section)))
        return found

    def _tree_indexes(self) -> list[QModelIndex]:
        assert self.window is not None
        proxy = self.window.analysis_pane.proxy
        found = []

        def walk(parent: QModelIndex) -> None:
            for row in range(proxy.rowCount(parent)):
                for column in range(proxy.columnCount(parent)):
                    found.append(proxy.index(row, column, parent))
                walk(proxy.index(row, 0, parent))

        walk(QModelIndex())
        return found

    def _drop(self, mime, data) -> None:  # type: ignore[no-untyped-def]
        """Drop `mime` on the outline where a view could: between sections, on one, above or below an item."""
        model = self.doc.outline
        sections = model.rowCount()
        if data.bool() and sections:
            s_row = data.int(0, sections - 1)
            parent = model.index(s_row, 0)
            row = data.int(-1, model.rowCount(parent))
        else:
            parent, row = QModelIndex(), data.int(-1, sections)
        action = Qt.DropAction.MoveAction
        if not model.canDropMimeData(mime, action, row, 0, parent):
            return
        model.dropMimeData(mime, action, row, 0, parent)
        QApplication.processEvents()  # the model's requests are queued, as after a real drop

    # ---------------------------------------------------------------- selecting

    @rule(data=PICKS)
    def select_text(self, data) -> None:  # type: ignore[no-untyped-def]
        """Select text in the source shown, as a mouse drag would (perhaps into the next paragraph)."""
        self._click_elsewhere()
        assert self.window is not None
        pane = self.window.source_pane
        views = pane.views()
        if not views:
            return
        view = data.pick(views)
        pane.tabs.setCurrentWidget(view)
        paragraphs = view.source.paragraphs
        n = data.int(0, len(paragraphs) - 1)
        length = len(paragraphs[n])
        start = data.int(0, length)
        if n + 1 < len(paragraphs) and data.bool():
            end_pos = view._doc_pos(n + 1, data.int(0, len(paragraphs[n + 1])))
        else:
            end_pos = view._doc_pos(n, data.int(start, length))
        cursor = QTextCursor(view.document())
        cursor.setPosition(view._doc_pos(n, start))
        cursor.setPosition(end_pos, QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)

    @rule()
    def clear_text_selection(self) -> None:
        self._click_elsewhere()
        assert self.window is not None
        view = self.window.source_pane.current_view()
        if view is not None:
            cursor = view.textCursor()
            cursor.clearSelection()
            view.setTextCursor(cursor)

    @rule(data=PICKS)
    def select_in_tree(self, data) -> None:  # type: ignore[no-untyped-def]
        self._click_elsewhere()
        assert self.window is not None
        indexes = self._tree_indexes()
        if indexes:
            index = data.pick(indexes)
            self.window.analysis_pane.tree.setCurrentIndex(index)
            if data.bool():  # a click also flashes the evidence in the source
                self.window.analysis_pane.tree.clicked.emit(index)

    @rule(data=PICKS)
    def select_actors(self, data) -> None:  # type: ignore[no-untyped-def]
        self._click_elsewhere()
        assert self.window is not None
        view = self.window.analysis_pane.actor_list
        n = self.doc.actors.rowCount()
        if not n:
            return
        rows = list(dict.fromkeys(data.int(0, n - 1) for _ in range(data.int(1, 3))))
        view.setCurrentIndex(self.doc.actors.index(rows[0], 0))
        for row in rows[1:]:
            view.selectionModel().select(self.doc.actors.index(row, 0), QItemSelectionModel.SelectionFlag.Select)

    @rule(data=PICKS)
    def select_in_outline(self, data) -> None:  # type: ignore[no-untyped-def]
        self._click_elsewhere()
        assert self.window is not None
        indexes = [QModelIndex(), *self._outline_indexes()]
        index = data.pick(indexes)
        self.window.brief_pane.outline_view.setCurrentIndex(index)
        if index.isValid() and data.bool():  # a quote's click shows its source
            self.window.brief_pane.outline_view.clicked.emit(index)

    @rule(data=PICKS)
    def double_click_actor(self, data) -> None:  # type: ignore[no-untyped-def]
        """Double-clicking an actor filters the issues tree by it."""
        self._click_elsewhere()
        assert self.window is not None
        n = self.doc.actors.rowCount()
        if n:
            self.window.analysis_pane.actor_list.doubleClicked.emit(self.doc.actors.index(data.int(0, n - 1), 0))

    @rule(text=st.sampled_from(("NATO", "dialogue", "Velmora", "the", "zzz")), again=st.booleans())
    def find_in_source(self, text: str, again: bool) -> None:
        """Find in Source: the text found is selected."""
        self._click_elsewhere()
        assert self.window is not None
        self.window.find_action.trigger()
        edit = self.window.source_pane.find_edit
        assert edit is not None
        edit.setText(text)
        if again:
            QTest.keyClick(edit, Qt.Key.Key_Return)

    @rule(data=PICKS)
    def jump_in_history(self, data) -> None:  # type: ignore[no-untyped-def]
        """Click a step in the history dock: the brief goes back (or forward) to it at once."""
        self._click_elsewhere()
        w = self.window
        assert w is not None
        if not w.history_action.isChecked():
            w.history_action.trigger()
        view = w.history_view
        assert view is not None
        row = data.int(0, self.doc.undo_stack.count())
        view.setCurrentIndex(view.model().index(row, 0))
        self.expect_recorded = True

    @rule(which=st.sampled_from(sorted(PASTED)))
    def paste_source(self, which: str) -> None:
        """Paste as Source: the text is analysed off the GUI thread and added as one step."""
        w = self.window
        assert w is not None
        self.paste_answer = PASTED[which]
        w.paste_action.trigger()
        for _ in range(200):
            QThreadPool.globalInstance().waitForDone(10_000)
            QApplication.processEvents()
            if not w._jobs:
                break
        assert not w._jobs

    @rule(text=st.sampled_from(("", "NATO", "Russia", "dialogue", "missile", "zzz")))
    def search(self, text: str) -> None:
        self._click_elsewhere()
        assert self.window is not None
        self.window.analysis_pane.search_edit.setText(text)

    @rule(data=PICKS)
    def filter_by_actor(self, data) -> None:  # type: ignore[no-untyped-def]
        self._click_elsewhere()
        assert self.window is not None
        combo = self.window.analysis_pane.actor_filter
        combo.setCurrentIndex(data.int(0, combo.count() - 1))

    @rule()
    def toggle_rejected(self) -> None:
        self._click_elsewhere()
        assert self.window is not None
        self.window.analysis_pane.show_rejected.click()

    # ---------------------------------------------------------------- acting

    def _edited(self, view: QAbstractItemView) -> tuple[QWidget | None, str | None]:
        """The editor open in `view` and the id of what it edits (issue, position, actor, section, item)."""
        editor = self._editor(view)
        if editor is None:
            return None, None
        w, doc = self.window, self.doc
        assert w is not None
        if view is w.analysis_pane.actor_list:
            indexes = [doc.actors.index(r, 0) for r in range(doc.actors.rowCount())]
            return editor, next((doc.actors.actor_at(i).id for i in indexes if view.indexWidget(i) is editor), None)
        if view is w.analysis_pane.tree:
            for index in self._tree_indexes():
                if view.indexWidget(index) is editor:
                    obj = doc.analysis.object_at(w.analysis_pane.proxy.mapToSource(index))
                    return editor, obj.id if obj is not None else None
            return editor, None
        for index in self._outline_indexes():
            if view.indexWidget(index) is editor:
                item = doc.outline.item_at(index)
                return editor, item.id if item is not None else doc.brief.sections[index.row()].id
        return editor, None

    def _ids(self) -> set[str]:
        brief = self.doc.brief
        return {i.id for i in brief.issues} | {s.id for s in brief.sections} | {i.id for _, i in brief.iter_items()}

    def _trigger(self, data, names) -> None:  # type: ignore[no-untyped-def]
        """Trigger one of the enabled actions among `names`, answering any dialog it opens."""
        w = self.window
        assert w is not None
        enabled = [name for name in names if getattr(w, name).isEnabled()]
        if not enabled:
            return
        name = data.pick(enabled)
        if name == "position_action":
            self.position_answer = (
                data.pick(["", "Lena Osk", *(a.name for a in self.doc.brief.actors[:3])]),
                data.int(0, len(self.doc.brief.issues)),
                data.pick(STANCES),
            )
        elif name == "merge_actor_action":
            self.choose_answer = data.int(-1, len(self.doc.brief.actors) - 2)
        elif name == "word_limit_action":
            Context.shown.word_limit_answer = data.pick([None, 0, 1, 7, 250])
        pane = w.analysis_pane
        current = pane.current_object()
        expected = {
            "edit_stance_action": current.id if current is not None else None,
            "rename_actor_action": next((a.id for a in pane.selected_actors()), None),
            "edit_item_action": w.brief_pane.current_item_id(),
        }
        s_row = w.brief_pane.current_section_row()
        if s_row is not None:
            expected["rename_section_action"] = self.doc.brief.sections[s_row].id
        view = {"new_issue_action": pane.tree, "edit_stance_action": pane.tree, "rename_actor_action": pane.actor_list}
        view = view.get(name, w.brief_pane.outline_view)
        before, ids = self._editor(view), self._ids()
        getattr(w, name).trigger()
        QApplication.processEvents()
        new = self._ids() - ids
        if name in ("new_issue_action", "add_paragraph_action", "add_bullet_action", "add_section_action"):
            if not new:
                return  # nothing was made (no usable text selected, say)
            expected[name] = next(iter(new))
        if name in expected:
            # The editor an action opens is on what the action names, never on another row.
            editor, edited = self._edited(view)
            if name == "new_issue_action" and editor is before:
                return  # the new issue is hidden by a filter: no editor opens
            assert edited == expected[name], f"{name} opened the editor of {edited}, not of {expected[name]}"

    @rule(data=PICKS)
    def trigger(self, data) -> None:  # type: ignore[no-untyped-def]
        self._trigger(data, ACTIONS)

    @rule(data=PICKS)
    def trigger_on_source(self, data) -> None:  # type: ignore[no-untyped-def]
        self._trigger(data, ACTIONS[:5])

    @rule(data=PICKS)
    def trigger_on_analysis(self, data) -> None:  # type: ignore[no-untyped-def]
        self._trigger(data, ACTIONS[5:12])

    @rule(data=PICKS)
    def trigger_on_outline(self, data) -> None:  # type: ignore[no-untyped-def]
        self._trigger(data, ACTIONS[12:])

    @rule(data=PICKS)
    def toggle_actor(self, data) -> None:  # type: ignore[no-untyped-def]
        """Ctrl+click an actor: it becomes current and its selection toggles."""
        self._click_elsewhere()
        assert self.window is not None
        n = self.doc.actors.rowCount()
        if n:
            index = self.doc.actors.index(data.int(0, n - 1), 0)
            flag = QItemSelectionModel.SelectionFlag.Toggle
            self.window.analysis_pane.actor_list.selectionModel().setCurrentIndex(index, flag)

    @rule()
    def undo(self) -> None:
        assert self.window is not None
        if self.window.undo_action.isEnabled():
            self.window.undo_action.trigger()
            self.expect_recorded = True

    @rule()
    def redo(self) -> None:
        assert self.window is not None
        if self.window.redo_action.isEnabled():
            self.window.redo_action.trigger()
            self.expect_recorded = True

    @rule(text=TEXTS)
    def commit_editor(self, text: str) -> None:
        """Type into the open inline editor and commit (Enter, or Ctrl+Enter in an item)."""
        self._close_editor(commit=True, text=text)

    @rule()
    def cancel_editor(self) -> None:
        self._close_editor(commit=False)

    @rule(text=TEXTS)
    def type_and_pause(self, text: str) -> None:
        """Type into an open paragraph editor and pause: the text reaches the brief, the editor stays open."""
        assert self.window is not None
        editor = self._editor(self.window.brief_pane.outline_view)
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(text)
            editor.send()  # what the pause's timer does
            QApplication.processEvents()  # the document pushes the edit queued

    @rule(data=PICKS)
    def source_menu(self, data) -> None:  # type: ignore[no-untyped-def]
        """An entry of the source's context menu: quote into a section, evidence for, tag to an issue."""
        self._click_elsewhere()
        w = self.window
        assert w is not None
        menu = QMenu(w)
        try:
            w._build_source_menu(menu)
            entries = [
                action
                for sub in (a.menu() for a in menu.actions() if a.menu() is not None)
                if sub.isEnabled()
                for action in sub.actions()
            ]
            if entries:
                data.pick(entries).trigger()
        finally:
            menu.deleteLater()
        QApplication.processEvents()

    @rule(data=PICKS)
    def remove_evidence_from_menu(self, data) -> None:  # type: ignore[no-untyped-def]
        self._click_elsewhere()
        w = self.window
        assert w is not None
        menu = QMenu(w)
        try:
            w._build_analysis_menu(menu)
            entries = [a for sub in (a.menu() for a in menu.actions() if a.menu()) for a in sub.actions()]
            if entries:
                data.pick(entries).trigger()
        finally:
            menu.deleteLater()

    @rule(data=PICKS)
    def move_to_section(self, data) -> None:  # type: ignore[no-untyped-def]
        w = self.window
        assert w is not None
        if not w.move_to_menu.isEnabled():
            return
        w.move_to_menu.aboutToShow.emit()
        entries = w.move_to_menu.actions()
        if entries:
            data.pick(entries).trigger()

    @rule(data=PICKS)
    def set_actor_kind(self, data) -> None:  # type: ignore[no-untyped-def]
        w = self.window
        assert w is not None
        if w.kind_menu.isEnabled():
            data.pick(w.kind_group.actions()).trigger()

    # ---------------------------------------------------------------- dragging

    @rule(data=PICKS)
    def drop_selection(self, data) -> None:  # type: ignore[no-untyped-def]
        """Drag the selected source text onto the outline."""
        self._click_elsewhere()
        assert self.window is not None
        view = self.window.source_pane.current_view()
        if view is None or not view.textCursor().hasSelection():
            return
        self._drop(view.createMimeDataFromSelection(), data)

    @rule(data=PICKS)
    def drop_outline_row(self, data) -> None:  # type: ignore[no-untyped-def]
        """Drag an item or a section heading within the outline."""
        self._click_elsewhere()
        indexes = self._outline_indexes()
        if indexes:
            index = data.pick(indexes)
            self._drop(self.doc.outline.mimeData([index]), data)

    @rule(data=PICKS)
    def drop_analysis_row(self, data) -> None:  # type: ignore[no-untyped-def]
        """Drag an issue or position from the issues tree onto the outline."""
        self._click_elsewhere()
        assert self.window is not None
        indexes = [i for i in self._tree_indexes() if i.flags() & Qt.ItemFlag.ItemIsDragEnabled]
        if indexes:
            index = data.pick(indexes)
            proxy = self.window.analysis_pane.proxy
            self._drop(proxy.mimeData([index]), data)

    # ---------------------------------------------------------------- the metadata form

    @rule(field=st.sampled_from(["title", "reference", "to", "sender", "contact"]), text=TEXTS, replace=st.booleans())
    def type_metadata(self, field: str, text: str, replace: bool) -> None:
        self._click_elsewhere()
        assert self.window is not None
        edit = self.window.brief_pane.metadata.edits[field]
        edit.setFocus()
        if replace:
            edit.selectAll()
            QTest.keyClick(edit, Qt.Key.Key_Backspace)
        else:
            edit.end(False)
        QTest.keyClicks(edit, text)

    @rule(days=st.integers(-400, 400))
    def set_date(self, days: int) -> None:
        self._click_elsewhere()
        assert self.window is not None
        form = self.window.brief_pane.metadata
        date = dt.date(2026, 11, 29) + dt.timedelta(days=days)
        form.date_edit.setDate(date)

    @rule(data=PICKS)
    def choose_tier(self, data) -> None:  # type: ignore[no-untyped-def]
        self._click_elsewhere()
        assert self.window is not None
        combo = self.window.brief_pane.metadata.tier_combo
        combo.setCurrentIndex(data.int(0, combo.count() - 1))

    @rule()
    def toggle_sensitive(self) -> None:
        self._click_elsewhere()
        assert self.window is not None
        check = self.window.brief_pane.metadata.sensitive_check
        if check.isEnabled():
            check.click()

    @rule(word=st.sampled_from(CAVEATS))
    def toggle_caveat(self, word: str) -> None:
        self._click_elsewhere()
        assert self.window is not None
        form = self.window.brief_pane.metadata
        if form.extras_button.isEnabled():
            form._extra_actions[word].trigger()

    @rule()
    def save(self) -> None:
        assert self.window is not None
        self._save_to(self.folder / "saved.brief")
        assert self.window.save_action.isEnabled()
        self.window.save_action.trigger()

    # ---------------------------------------------------------------- after every step

    def _check_exceptions(self) -> None:
        assert not self.errors, "an exception escaped into Qt:\n" + "\n".join(self.errors)

    def _check_consistent(self) -> None:
        w, doc = self.window, self.doc
        assert w is not None
        brief = doc.brief
        brief.check()
        outline = doc.outline
        assert outline.rowCount() == len(brief.sections)
        for s_row, section in enumerate(brief.sections):
            assert outline.rowCount(outline.index(s_row, 0)) == len(section.items), section.heading
        analysis = doc.analysis
        assert analysis.rowCount() == len(brief.issues) + 1
        grouped = sum(analysis.rowCount(analysis.index(r, 0)) for r in range(analysis.rowCount()))
        assert grouped == len(brief.positions)
        assert doc.actors.rowCount() == len(brief.actors)
        assert doc.sources.rowCount() == len(brief.sources)
        assert [v.source.id for v in w.source_pane.views()] == [s.id for s in brief.sources]
        assert w.brief_pane.outline_view.model() is outline
        for index in self._tree_indexes():
            assert w.analysis_pane.proxy.mapToSource(index).isValid()
        for index in self._outline_indexes():
            outline.data(index)

    @invariant()
    def window_agrees(self) -> None:
        if self.window is None:
            return
        self.ok = False
        QApplication.processEvents()
        self._check_exceptions()
        w, doc = self.window, self.doc
        stack = doc.undo_stack
        assert w.isWindowModified() == (not stack.isClean()), "the title's modified marker is wrong"
        assert w.windowTitle().startswith(f"{doc.display_name}[*]"), "the title names another brief"
        # The actions are enabled as the selection and the brief now say.
        actions = [getattr(w, name) for name in ACTIONS]
        shown = [a.isEnabled() for a in actions]
        w.update_actions()
        stale = [name for name, a, was in zip(ACTIONS, actions, shown, strict=True) if a.isEnabled() != was]
        assert not stale, f"enabled out of step: {stale}"
        # The labels, the form and the actor filter show the brief as it is now.
        for label, update in (
            (w.counts_label, w._update_counts),
            (w.brief_pane.pages_label, w.brief_pane.update_pages),
        ):
            shown_text = label.text()
            update()
            assert label.text() == shown_text, f"a label out of step: {shown_text!r}, not {label.text()!r}"
        brief, form = doc.brief, w.brief_pane.metadata
        for name, edit in form.edits.items():
            assert edit.text() == getattr(brief, name), f"the form's {name} is out of step"
        assert form.date_edit.value() == brief.date, "the form's date is out of step"
        assert form.tier_combo.currentData() is (brief.marking.tier if brief.marking else None)
        assert form.marking_preview.text() == (str(brief.marking) if brief.marking else "CHOOSE A MARKING")
        combo = w.analysis_pane.actor_filter
        assert [combo.itemText(i) for i in range(1, combo.count())] == [a.name for a in brief.actors]
        self._check_consistent()
        w.preview_pane.refresh()
        self._check_exceptions()
        # The brief changes only through the undo stack, and an undo or redo is exact.
        now = storage.dumps(doc.brief)
        index = stack.index()
        if self.pushes == 0 or self.expect_recorded:
            assert now == self.states.get(index, now), f"the brief changed outside the undo stack (index {index})"
        elif index > self.index:
            assert now != self.states[self.index], f"an undo step that changes nothing: {stack.text(index - 1)}"
        self.states[index] = now
        for stale in [k for k in self.states if k > stack.count()]:
            del self.states[stale]
        self.pushes = 0
        self.index = index
        self.expect_recorded = False
        self.ok = True


def _position_dialog(cls, parent, actors, issues, quote, actor_id="", issue_id=None):  # noqa: ANN001, ANN202
    """The real dialog, filled in as the machine decided, then accepted."""
    actor_text, issue_choice, stance = Context.machine.position_answer
    dialog = cls(parent, actors, issues, quote, actor_id, issue_id)
    try:
        if actor_text:
            dialog.actor_combo.setEditText(actor_text)
        dialog.issue_combo.setCurrentIndex(issue_choice)
        dialog.stance_edit.setPlainText(stance)
        return dialog.value()
    finally:
        dialog.deleteLater()


def _paste(cls, parent, text=""):  # noqa: ANN001, ANN202
    """The real dialog, the machine's text pasted into it, then accepted."""
    dialog = cls(parent, text)
    try:
        pasted, title = Context.machine.paste_answer
        dialog.text_edit.setPlainText(pasted)
        dialog.title_edit.setText(title or "")
        return dialog.text_edit.toPlainText(), dialog.title_edit.text().strip() or None
    finally:
        dialog.deleteLater()


def _choose(cls, parent, title, label, choices):  # noqa: ANN001, ANN202
    n = Context.machine.choose_answer
    return choices[n][1] if 0 <= n < len(choices) else None


class _Warnings(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING:
            Context.errors.append(f"logged: {record.getMessage()}")


def test_the_window_survives_what_an_officer_does(qapp, sample, brief, shown, tmp_path, monkeypatch):
    Context.briefs = {"sample": sample, "small": brief}
    Context.shown, Context.folder, Context.monkeypatch = shown, tmp_path, monkeypatch
    monkeypatch.setattr(PositionDialog, "ask", classmethod(_position_dialog))
    monkeypatch.setattr(ChooseDialog, "ask", classmethod(_choose))
    monkeypatch.setattr(PasteSourceDialog, "ask", classmethod(_paste))

    def hook(exc_type, exc, tb) -> None:  # noqa: ANN001
        Context.errors.append("".join(traceback.format_exception(exc_type, exc, tb)))

    handler = _Warnings()
    logger = logging.getLogger("briefcomposer")
    logger.addHandler(handler)
    monkeypatch.setattr(sys, "excepthook", hook)
    try:
        run_state_machine_as_test(
            WindowMachine,
            settings=settings(
                max_examples=40,
                stateful_step_count=25,
                deadline=None,
                database=None,  # each run explores afresh; a failure prints the steps to replay
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
            ),
        )
    finally:
        logger.removeHandler(handler)
