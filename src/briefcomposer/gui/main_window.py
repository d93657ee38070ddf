"""The composer window: sources, issues and positions, the brief and its preview."""

from __future__ import annotations

import contextlib
import copy
import logging
import os
import tempfile
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QFileSystemWatcher,
    QItemSelectionModel,
    QMetaObject,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QKeySequence,
    QResizeEvent,
    QTextCursor,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QTextBrowser,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefcomposer import __version__
from briefcomposer.core import brief_ops
from briefcomposer.core.errors import BriefError, SpanError, StructureError
from briefcomposer.core.model import (
    Actor,
    ActorKind,
    Brief,
    BulletItem,
    Issue,
    IssueItem,
    Marking,
    ParagraphRef,
    Position,
    PositionItem,
    QuoteItem,
    Section,
    Status,
    TextItem,
)
from briefcomposer.gui import messages
from briefcomposer.gui.commands import (
    AddEvidenceCommand,
    AddIssueCommand,
    AddPositionCommand,
    AddSectionCommand,
    AddSourceCommand,
    InsertItemCommand,
    MergeActorsCommand,
    MoveItemCommand,
    MoveSectionCommand,
    RemoveEvidenceCommand,
    RemoveItemCommand,
    RemoveSectionCommand,
    RemoveSourceCommand,
    SetActorKindCommand,
    SetStatusCommand,
    SetWordLimitCommand,
    TagParagraphCommand,
    describe_position,
)
from briefcomposer.gui.document import DiskStamp, Document
from briefcomposer.gui.icons import icon
from briefcomposer.gui.models.actor_model import KIND_LABELS
from briefcomposer.gui.preview import brief_html, section_anchor, table_layout
from briefcomposer.gui.recovery import discard, hold, list_recoveries, remove_recovery, write_recovery
from briefcomposer.gui.settings import Settings, autosave_seconds
from briefcomposer.gui.theme import set_small_text
from briefcomposer.gui.views import CommitsOpenEditor
from briefcomposer.gui.views.analysis_pane import AnalysisPane
from briefcomposer.gui.views.brief_pane import BriefPane
from briefcomposer.gui.views.source_view import SourcePane
from briefcomposer.gui.workers import Job

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl
    from PySide6.QtWidgets import QDockWidget, QProgressDialog, QUndoView

    from briefcomposer.gui.dialogs.word_layout_dialog import WordLayoutDialog

logger = logging.getLogger(__name__)

# The dialogs are imported where they open, not here: none shows at start-up, and importing
# them (and creating their Qt classes) is time before the first paint (issue 5). So are QUrl and
# QDesktopServices (0.4 ms), and Qt's own dialogs and the history dock's classes (QMessageBox,
# QFileDialog, QProgressDialog, QDockWidget, QUndoView: 1.5 ms, with their enums). The start-up
# never hands Python a plain QWidget pointer, which would make PySide create them all anyway
# (see `OutlineDelegate._text_width`).

APP_TITLE = "Brief Composer"
BRIEF_FILTER = "Briefs (*.brief);;All files (*)"
PDF_TIMEOUT_S = 120  # LibreOffice is killed after this long
PREVIEW_DELAY_MS = 350


def _shorten(text: str, width: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "\u2026"


class OfflineBrowser(QTextBrowser):
    """A QTextBrowser that loads nothing: no file, no network, no image from the brief's text.

    The preview escapes every text it shows, so nothing should ask; this is the second lock.
    Only ``data:`` URLs (which carry their own bytes) would be honoured, and the preview uses none.
    """

    refused = Signal(str)  # the URL of each refused resource (tests watch it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])

    def loadResource(self, kind: int, url: QUrl) -> object:  # noqa: N802  # Qt calls it
        if url.scheme() == "data":
            return super().loadResource(kind, url)
        logger.info("Preview refused to load %s", url.toString()[:200])
        self.refused.emit(url.toString())
        return None


class PreviewPane(QWidget):
    """The live preview, refreshed a moment after each edit."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        title = QLabel(self.tr("Preview"), self)
        set_small_text(title, "paneTitle")
        self.word_layout_button = QToolButton(self)
        set_small_text(self.word_layout_button, "wordLayoutButton")
        self.word_layout_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.word_layout_button.setAutoRaise(True)
        self.word_layout_button.setIconSize(QSize(16, 16))
        self.browser = OfflineBrowser(self)
        self.browser.setObjectName("preview")
        self.browser.setAccessibleName(self.tr("Preview of the brief"))
        self.browser.document().setDocumentMargin(18)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(title, 1)
        header.addWidget(self.word_layout_button)
        layout.addLayout(header)
        layout.addWidget(self.browser, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        doc.changed.connect(self.timer.start)
        self._layout = (0, 0)
        self.refresh()

    def width_chars(self) -> int:
        """The preview's width in average characters of its tables' text."""
        # The width the page is laid out at, which is the viewport's (not asked of `viewport()`:
        # see `OutlineDelegate._text_width`).
        document = self.browser.document()
        width = document.pageSize().width() - 2 * document.documentMargin()
        # the table's text is "small" (CSS), about 0.85 of the body font; headers are bold
        bold = QFont(self.browser.font())
        bold.setBold(True)
        char = QFontMetricsF(bold).averageCharWidth() * 0.85
        return int(width / char) if char > 0 else 0

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if table_layout(self._doc.brief, self.width_chars()) != self._layout:
            self.timer.start()  # the positions table fits another number of columns now

    def refresh(self) -> None:
        bar = self.browser.verticalScrollBar()
        at = bar.value()
        chars = self.width_chars()
        self._layout = table_layout(self._doc.brief, chars)
        try:
            html = brief_html(self._doc.brief, chars)
        except BriefError as exc:  # an inconsistent brief must not stop the preview
            logger.warning("Preview failed: %s", exc)
            return
        self.browser.setHtml(html)
        bar.setValue(at)

    def show_section(self, section_id: str) -> None:
        """Scroll to a section's heading."""
        self.browser.scrollToAnchor(section_anchor(section_id))


@dataclass
class ViewState:
    """Where the panes were, so that a brief reloaded from disk opens where it was left."""

    source_id: str | None = None  # the source shown
    selection: tuple[int, int] | None = None  # anchor and position of the text selected in it
    analysis_id: str | None = None  # the current issue or position
    search: str = ""
    actor_filter: str | None = None
    show_rejected: bool = False
    actor_ids: list[str] = field(default_factory=list)
    outline_id: str | None = None  # the current item, or section when no item is current
    focus: str = ""  # the key (see `MainWindow._view_keys`) of the widget with the keyboard focus
    scroll: dict[str, int] = field(default_factory=dict)  # vertical scroll positions by the same keys


class MainWindow(QMainWindow):
    """One brief at a time; `set_document` swaps the panes over to another brief."""

    def __init__(
        self,
        settings: Settings | None = None,
        brief: Brief | None = None,
        path: Path | None = None,
        sample: bool = False,
    ) -> None:
        """`sample`: open the sample brief at once when its analysis is cached (``showing_sample``)."""
        super().__init__()
        self.settings = settings or Settings()
        self.setWindowIcon(icon("app"))
        self.setObjectName("mainWindow")
        self.undo_group = QUndoGroup(self)
        self.doc: Document | None = None
        self._jobs: list[Job] = []
        self._evidence_cycle: dict[str, int] = {}
        self._autosave_pending = False
        self._shown_once = False
        self._previewed_section: str | None = None  # the section the preview last scrolled to
        self._default_sizes_for = QSize()  # the window size the panes' default sizes were made for
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._on_file_changed)
        self._create_actions()
        self._create_menus()
        self._create_toolbar()
        self.counts_label = QLabel(self)
        set_small_text(self.counts_label, "hint")
        self.statusBar().addPermanentWidget(self.counts_label)
        self.resize(1440, 900)
        if self.settings.window_geometry is not None:
            self.restoreGeometry(self.settings.window_geometry)
        if self.settings.window_state is not None:
            self.restoreState(self.settings.window_state)
        self._restore_history_dock()
        if brief is None and sample:
            brief = self._cached_sample_brief()
        self.showing_sample = sample and brief is not None
        self.set_document(Document(brief if brief is not None else self.blank_brief(), path))
        if self.showing_sample:
            self.statusBar().showMessage(self.tr("The sample article, analysed: review the suggestions"), 6000)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(int(autosave_seconds() * 1000))
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        app = QApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_application_state_changed)

    # ---------------------------------------------------------------- actions

    def _action(self, text: str, slot, shortcut=None, icon_name: str = "", tip: str = "") -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(self.tr(text), self)
        if icon_name:
            action.setIcon(icon(icon_name))
        shortcuts = []
        if shortcut is not None:
            items = shortcut if isinstance(shortcut, list) else [shortcut]
            shortcuts = [s if isinstance(s, QKeySequence) else QKeySequence(s) for s in items]
            action.setShortcuts(shortcuts)
        plain = self.tr(text).replace("&", "").replace("\u2026", "")
        tip = self.tr(tip) if tip else plain
        if shortcuts and not shortcuts[0].isEmpty():
            tip += f" ({shortcuts[0].toString(QKeySequence.SequenceFormat.NativeText)})"
        action.setToolTip(tip)
        action.setStatusTip(self.tr(tip))
        # Before the command: what is typed in an open inline editor, as a click elsewhere would.
        action.triggered.connect(self.commit_inline_edits)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def send_typing(self) -> None:
        """Pass what is being typed in an inline editor to the brief now; the editor stays open.

        The editor sends it at each pause anyway (`brief_pane._ItemEditor`); a recovery copy
        written in the middle of a word takes that word too.
        """
        sent = False
        for delegate in self._inline_delegates():
            editor = delegate.open_editor()
            if editor is not None and hasattr(editor, "send"):  # a paragraph: as at a pause, one merged step
                editor.send()
                sent = True
            else:  # a section heading, a stance or an actor's name being typed goes too
                sent = delegate.send_open_editor() or sent
        if sent and self.doc is not None:
            QCoreApplication.sendPostedEvents(self.doc, QEvent.Type.MetaCall)

    def commit_inline_edits(self) -> None:
        """Commit what is typed in an open inline editor (outline, issues tree, actors) into the brief.

        A toolbar button or a shortcut leaves the focus in the editor, which commits only when it
        loses it: Save wrote the brief without the text, and Quit lost it (issue 5). Every command
        of the window and every question to save comes here first. The editors' edits reach the
        Document queued (see `Document.__init__`); they are delivered now, before the command.
        """
        committed = [d.commit_open_editor() for d in self._inline_delegates()]
        if any(committed) and self.doc is not None:
            QCoreApplication.sendPostedEvents(self.doc, QEvent.Type.MetaCall)

    def _inline_delegates(self) -> list[CommitsOpenEditor]:
        """The delegates of the views edited inline: the outline, the issues tree, the actors."""
        delegates = (
            self.brief_pane.outline_view.itemDelegate(),
            self.analysis_pane.tree.itemDelegateForColumn(0),
            self.analysis_pane.actor_list.itemDelegate(),
        )
        return [d for d in delegates if isinstance(d, CommitsOpenEditor)]

    def _create_actions(self) -> None:
        a = self._action
        self.new_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "&New from Template\u2026"),
            self.new_brief,
            QKeySequence.StandardKey.New,
            "new",
            QT_TRANSLATE_NOOP("MainWindow", "Start a new brief from a structure template"),
        )
        self.open_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "&Open\u2026"),
            self.open_file,
            QKeySequence.StandardKey.Open,
            "open",
            QT_TRANSLATE_NOOP("MainWindow", "Open a brief"),
        )
        self.save_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "&Save"),
            self.save,
            QKeySequence.StandardKey.Save,
            "save",
            QT_TRANSLATE_NOOP("MainWindow", "Save the brief"),
        )
        self.save_as_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "Save &As\u2026"),
            self.save_as,
            "Ctrl+Shift+S",
            "save-as",
            QT_TRANSLATE_NOOP("MainWindow", "Save the brief under a new name"),
        )
        self.save_template_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "Save as &Template\u2026"),
            self.save_as_template,
            None,
            "",
            QT_TRANSLATE_NOOP("MainWindow", "Save this brief's structure as a template"),
        )
        self.import_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "&Import Source\u2026"),
            self.import_source,
            "Ctrl+I",
            "import",
            QT_TRANSLATE_NOOP("MainWindow", "Import an article (text, Markdown, web page, Word or PDF)"),
        )
        self.paste_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "&Paste as Source\u2026"),
            self.paste_source,
            "Ctrl+Shift+V",
            "paste",
            QT_TRANSLATE_NOOP("MainWindow", "Paste an article's text as a new source"),
        )
        self.remove_source_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "Re&move Source"),
            self.remove_source,
            None,
            "delete",
            QT_TRANSLATE_NOOP("MainWindow", "Remove the source shown, with the suggestions that rest on it"),
        )
        self.sample_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "Open &Sample Brief"),
            self.open_sample,
            None,
            "",
            QT_TRANSLATE_NOOP("MainWindow", "A new brief from the sample article"),
        )
        self.export_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "&Export to Word\u2026"),
            self.export_word,
            "Ctrl+E",
            "export-word",
            QT_TRANSLATE_NOOP("MainWindow", "Export to Word"),
        )
        self.export_pdf_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "Export &PDF\u2026"),
            self.export_pdf,
            "Ctrl+Shift+E",
            "export-pdf",
            QT_TRANSLATE_NOOP("MainWindow", "Export to PDF (needs LibreOffice)"),
        )
        self.quit_action = a(QT_TRANSLATE_NOOP("MainWindow", "&Quit"), self.close, QKeySequence.StandardKey.Quit)

        self.undo_action = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.undo_action.setIcon(icon("undo"))
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.setIcon(icon("redo"))
        for action in (self.undo_action, self.redo_action):
            self.addAction(action)
            action.changed.connect(self._update_undo_tips)
        self.find_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "&Find in Source\u2026"),
            self.show_find,
            QKeySequence.StandardKey.Find,
            "find",
        )
        self.search_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "Search &Issues and Positions"), self.focus_search, "Ctrl+Shift+F"
        )
        self.preferences_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "&Preferences\u2026"), self.edit_preferences, "Ctrl+,", "preferences"
        )

        self.quote_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "&Quote into Brief"),
            self.quote_selection,
            "Ctrl+Return",
            "quote",
            QT_TRANSLATE_NOOP("MainWindow", "Quote the selected text into the current section"),
        )
        self.position_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "New &Position from Selection\u2026"),
            self.new_position,
            "Ctrl+Alt+P",
            "position",
            QT_TRANSLATE_NOOP("MainWindow", "Make the selected text the evidence of a new position"),
        )
        self.evidence_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "Add Selection as &Evidence"),
            self.add_evidence,
            "Ctrl+Alt+E",
            "evidence",
            QT_TRANSLATE_NOOP("MainWindow", "Add the selected text as evidence of the selected position"),
        )
        self.tag_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "&Tag Paragraph to Issue"),
            self.tag_issue,
            "Ctrl+Alt+T",
            "tag",
            QT_TRANSLATE_NOOP("MainWindow", "Tag the selected paragraph to the selected issue"),
        )
        self.new_issue_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "New &Issue from Selection"),
            self.new_issue,
            "Ctrl+Alt+I",
            "issue",
            QT_TRANSLATE_NOOP("MainWindow", "Make a new issue labelled with the selected text"),
        )

        self.accept_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "&Accept"),
            self.accept_current,
            "Ctrl+Shift+A",
            "accept",
            QT_TRANSLATE_NOOP("MainWindow", "Accept the suggestion"),
        )
        self.reject_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "&Reject"),
            self.reject_current,
            "Ctrl+Shift+R",
            "reject",
            QT_TRANSLATE_NOOP("MainWindow", "Reject the suggestion"),
        )
        self.accept_all_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "Accept &All on Issue"),
            self.accept_all,
            "Ctrl+Alt+A",
            "accept-all",
            QT_TRANSLATE_NOOP("MainWindow", "Accept every suggested position on this issue"),
        )
        self.edit_stance_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "&Edit Stance"),
            self.edit_stance,
            None,
            "edit",
            QT_TRANSLATE_NOOP("MainWindow", "Edit the stance in your words (F2)"),
        )
        self.add_to_brief_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "Add to &Brief"),
            self.add_to_brief,
            "Ctrl+Shift+B",
            "add",
            QT_TRANSLATE_NOOP("MainWindow", "Put the selected position or issue into the current section"),
        )
        self.rename_actor_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "Re&name Actor"),
            self.rename_actor,
            None,
            "edit",
            QT_TRANSLATE_NOOP("MainWindow", "Rename the actor (F2)"),
        )
        self.merge_actor_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "&Merge Actors\u2026"),
            self.merge_actors,
            "Ctrl+Shift+M",
            "merge",
            QT_TRANSLATE_NOOP("MainWindow", "Merge aliases of one actor into another"),
        )
        self.kind_menu = QMenu(self.tr("Actor &Kind"), self)
        self.kind_menu.setIcon(icon("actor"))
        self.kind_menu.menuAction().setToolTip(self.tr("State, organisation, person, group or author"))
        self.kind_group = QActionGroup(self)
        for kind, label in KIND_LABELS.items():
            action = self.kind_menu.addAction(self.tr(label))
            action.setData(kind)
            action.setCheckable(True)
            self.kind_group.addAction(action)
        self.kind_group.triggered.connect(self._on_kind_chosen)

        self.add_paragraph_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "Add &Paragraph"),
            self.add_paragraph,
            "Ctrl+Shift+Return",
            "text",
            QT_TRANSLATE_NOOP("MainWindow", "Add a paragraph in your own words"),
        )
        self.add_bullet_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "Add &Bullet"),
            self.add_bullet,
            None,
            "add",
            QT_TRANSLATE_NOOP("MainWindow", "Add a bullet point"),
        )
        self.move_up_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "Move &Up"),
            self.move_up,
            "Alt+Up",
            "up",
            QT_TRANSLATE_NOOP("MainWindow", "Move the item or section up"),
        )
        self.move_down_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "Move &Down"),
            self.move_down,
            "Alt+Down",
            "down",
            QT_TRANSLATE_NOOP("MainWindow", "Move the item or section down"),
        )
        self.add_section_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "Add &Section"),
            self.add_section,
            "Ctrl+Alt+N",
            "section-add",
            QT_TRANSLATE_NOOP("MainWindow", "Add a section after the current one"),
        )
        self.rename_section_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "Re&name Section"),
            self.rename_section,
            None,
            "edit",
            QT_TRANSLATE_NOOP("MainWindow", "Rename the current section (F2)"),
        )
        self.remove_section_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "Remo&ve Section"),
            self.remove_section,
            None,
            "delete",
            QT_TRANSLATE_NOOP("MainWindow", "Remove the current section and its items"),
        )
        self.word_limit_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "Set &Word Limit\u2026"),
            self.set_word_limit,
            None,
            "",
            QT_TRANSLATE_NOOP("MainWindow", "Set or clear the current section's word limit"),
        )
        self.move_to_menu = QMenu(self.tr("Move &to Section"), self)
        self.move_to_menu.aboutToShow.connect(self._fill_move_to_menu)
        self.delete_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "&Remove Item"),
            self.delete_item,
            QKeySequence.StandardKey.Delete,
            "delete",
            QT_TRANSLATE_NOOP("MainWindow", "Remove the item from the brief"),
        )
        # Delete acts in the outline only: pressing it in the source or a list must not remove items.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.removeAction(self.delete_action)
        self.edit_item_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "&Edit Text"),
            self.edit_item,
            None,
            "edit",
            QT_TRANSLATE_NOOP("MainWindow", "Edit the item's text (F2)"),
        )

        self.word_layout_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "Preview in &Word Layout\u2026"),
            self.preview_word_layout,
            "Ctrl+Shift+P",
            "word-layout",
            QT_TRANSLATE_NOOP("MainWindow", "See the pages as Word will print them (made by LibreOffice)"),
        )
        self.word_layout_dialog: WordLayoutDialog | None = None
        self.preview_action = a(QT_TRANSLATE_NOOP("MainWindow", "Show &Preview"), self.toggle_preview, "F9", "preview")
        self.preview_action.setCheckable(True)
        self.preview_action.setChecked(True)
        self.focus_actions = [
            a(QT_TRANSLATE_NOOP("MainWindow", "Go to &Source"), lambda: self._focus(0), "Ctrl+1"),
            a(QT_TRANSLATE_NOOP("MainWindow", "Go to &Issues"), lambda: self._focus(1), "Ctrl+2"),
            a(QT_TRANSLATE_NOOP("MainWindow", "Go to &Outline"), lambda: self._focus(2), "Ctrl+3"),
            a(QT_TRANSLATE_NOOP("MainWindow", "Go to Pre&view"), lambda: self._focus(3), "Ctrl+4"),
        ]
        self.about_action = a(QT_TRANSLATE_NOOP("MainWindow", "&About Brief Composer"), self.about, None, "about")
        self.shortcuts_action = a(
            QT_TRANSLATE_NOOP("MainWindow", "&Keyboard Shortcuts"),
            self.show_shortcuts,
            QKeySequence.StandardKey.HelpContents,
        )
        if not self.shortcuts_action.shortcuts():  # no platform default: use F1
            self.shortcuts_action.setShortcut(QKeySequence("F1"))
        # The history dock is built when it is first shown, or at start-up when the saved layout
        # has it open (`_restore_history_dock`): most sessions never open it (issue 5). Until then
        # this action stands in for the dock's own toggle, and it follows the dock once built.
        self.history_dock: QDockWidget | None = None
        self.history_view: QUndoView | None = None
        self.history_action = QAction(self.tr("Show &History"), self)
        self.history_action.setCheckable(True)
        self.history_action.setShortcut(QKeySequence("Ctrl+H"))
        self.history_action.setToolTip(self.tr("Every step you can undo (Ctrl+H)"))
        self.history_action.triggered.connect(self.show_history)
        # Commands that only show something leave an open editor open: the officer goes on typing.
        for action in (self.preview_action, self.about_action, self.shortcuts_action):
            action.triggered.disconnect(self.commit_inline_edits)
        self.setAcceptDrops(True)

    def show_history(self, visible: bool = True) -> None:
        """Show or close the history dock (undo steps), building it the first time."""
        dock = self._build_history_dock()
        if visible == dock.isHidden():  # as the dock's own toggle action does
            if visible:
                dock.show()
            else:
                dock.close()
        self.history_action.setChecked(not dock.isHidden())

    def _build_history_dock(self) -> QDockWidget:
        if self.history_dock is not None:
            return self.history_dock
        from PySide6.QtWidgets import QDockWidget, QUndoView

        dock = QDockWidget(self.tr("History"), self)
        dock.setObjectName("historyDock")
        view = QUndoView(self.undo_group, dock)
        view.setEmptyLabel(self.tr("<opened>"))
        view.setAccessibleName(self.tr("Undo history"))
        dock.setWidget(view)
        # The saved layout keeps a place for the dock even while it is not built: put it back
        # there, open or closed, floating or docked, as the user left it.
        if not self.restoreDockWidget(dock):
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            dock.hide()
        toggle = dock.toggleViewAction()
        toggle.setText(self.history_action.text())
        toggle.toggled.connect(self.history_action.setChecked)  # closed by its title bar, say
        self.history_action.setChecked(not dock.isHidden())
        self.history_dock, self.history_view = dock, view
        return dock

    def _restore_history_dock(self) -> None:
        """Build the history dock at start-up only when the saved layout has it open.

        A layout saved before this was recorded (`history_visible` None) may have it open too.
        """
        if self.settings.window_state is not None and self.settings.history_visible is not False:
            self._build_history_dock()

    def createPopupMenu(self) -> QMenu:
        """The tool bar's context menu, with "Show History" first whether or not the dock is built."""
        menu = super().createPopupMenu()
        if menu is None:
            menu = QMenu(self)
        actions = menu.actions()
        toggle = self.history_dock.toggleViewAction() if self.history_dock is not None else None
        if toggle is not None and toggle in actions:
            menu.insertAction(toggle, self.history_action)
            menu.removeAction(toggle)
        elif toggle is None:
            first = actions[0] if actions else None
            menu.insertAction(first, self.history_action)
            menu.insertSeparator(first)
        return menu

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addAction(self.sample_action)
        file_menu.addSeparator()
        file_menu.addActions([self.save_action, self.save_as_action, self.save_template_action])
        file_menu.addSeparator()
        file_menu.addActions([self.import_action, self.paste_action, self.remove_source_action])
        file_menu.addSeparator()
        file_menu.addActions([self.export_action, self.export_pdf_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.find_action, self.search_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences_action)
        source_menu = bar.addMenu(self.tr("&Source"))
        source_menu.addActions(
            [self.quote_action, self.position_action, self.evidence_action, self.tag_action, self.new_issue_action]
        )
        analysis_menu = bar.addMenu(self.tr("&Analysis"))
        analysis_menu.addActions(
            [
                self.accept_action,
                self.reject_action,
                self.accept_all_action,
                self.edit_stance_action,
                self.add_to_brief_action,
            ]
        )
        analysis_menu.addSeparator()
        analysis_menu.addActions([self.rename_actor_action, self.merge_actor_action])
        analysis_menu.addMenu(self.kind_menu)
        brief_menu = bar.addMenu(self.tr("&Brief"))
        brief_menu.addActions([self.add_paragraph_action, self.add_bullet_action, self.edit_item_action])
        brief_menu.addSeparator()
        brief_menu.addActions([self.move_up_action, self.move_down_action])
        brief_menu.addMenu(self.move_to_menu)
        brief_menu.addSeparator()
        brief_menu.addAction(self.delete_action)
        brief_menu.addSeparator()
        brief_menu.addActions(
            [self.add_section_action, self.rename_section_action, self.word_limit_action, self.remove_section_action]
        )
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions([self.preview_action, self.word_layout_action, self.history_action])
        view_menu.aboutToShow.connect(self.update_word_layout_action)
        view_menu.addSeparator()
        view_menu.addActions(self.focus_actions)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.shortcuts_action, self.about_action])

    def _create_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setIconSize(QSize(20, 20))
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.new_action, self.open_action, self.save_action])
        toolbar.addSeparator()
        toolbar.addActions([self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addActions([self.import_action, self.quote_action, self.position_action])
        toolbar.addSeparator()
        toolbar.addActions([self.export_action, self.export_pdf_action])
        for action in (self.new_action, self.open_action, self.save_action, self.undo_action, self.redo_action):
            button = toolbar.widgetForAction(action)
            if button is not None:
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.addToolBar(toolbar)
        self.main_toolbar = toolbar

    def _update_undo_tips(self) -> None:
        for action, key in ((self.undo_action, "Ctrl+Z"), (self.redo_action, "Ctrl+Shift+Z")):
            action.setToolTip(f"{action.text().replace('&', '')} ({key})")

    # ---------------------------------------------------------------- documents

    def blank_brief(self, template=None) -> Brief:  # type: ignore[no-untyped-def]
        """A new brief from `template` (default: the last used one), with the user's defaults."""
        from briefcomposer.structures.templates import list_templates, new_brief

        if template is None:
            templates = list_templates(self.settings.template_folders)
            template = next((t for t in templates if t.name == self.settings.last_template), None)
            template = template or (templates[0] if templates else None)
        if template is None:
            return Brief()
        brief = new_brief(template)
        if not brief.sender and self.settings.user_name:
            dept = self.settings.department
            brief.sender = f"{self.settings.user_name}, {dept}" if dept else self.settings.user_name
        if not brief.contact and self.settings.contact:
            brief.contact = self.settings.contact
        if brief.marking is None:
            try:
                brief.marking = Marking.parse(self.settings.default_marking)
            except BriefError:
                brief.marking = None
        return brief

    def set_document(self, doc: Document) -> None:
        """Show `doc`; the previous document and its panes go."""
        old = self.doc
        if old is not None:
            self._save_splitters()
            self.undo_group.removeStack(old.undo_stack)
        self.doc = doc
        doc.setParent(self)
        self.undo_group.addStack(doc.undo_stack)
        self.undo_group.setActiveStack(doc.undo_stack)
        self._evidence_cycle.clear()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setHandleWidth(1)
        # The panes are built inside the splitter: moving a finished pane (a window until then)
        # into it makes Qt resolve the style, font and palette of all its widgets again, which
        # was a tenth of the start-up (issue 5).
        self.source_pane = SourcePane(doc, self.splitter)
        self.analysis_pane = AnalysisPane(doc, self.splitter)
        self.brief_pane = BriefPane(doc, self.splitter)
        self.preview_pane = PreviewPane(doc, self.splitter)
        for pane, name in (
            (self.source_pane, "sourcePane"),
            (self.analysis_pane, "analysisPane"),
            (self.brief_pane, "briefPane"),
            (self.preview_pane, "previewPane"),
        ):
            pane.setObjectName(name)
            self.splitter.addWidget(pane)
        self.splitter.setChildrenCollapsible(False)
        self._apply_default_sizes()
        for i, stretch in enumerate((4, 3, 3, 3)):
            self.splitter.setStretchFactor(i, stretch)
        old_central = self.takeCentralWidget()
        self.setCentralWidget(self.splitter)
        if old_central is not None:
            old_central.deleteLater()
        if old is not None:
            old.deleteLater()
        self._restore_splitters()
        self.preview_pane.setVisible(self.preview_action.isChecked())
        self._fit_panes()
        self.preview_pane.word_layout_button.setDefaultAction(self.word_layout_action)
        self.update_word_layout_action()

        # wiring
        for delegate in self._inline_delegates():  # a closed editor ends its editing session: queued, after its edit
            delegate.closeEditor.connect(
                lambda *_: QMetaObject.invokeMethod(doc, "seal_merges", Qt.ConnectionType.QueuedConnection)
            )
        self.source_pane.menu_builder = self._build_source_menu
        self.source_pane.set_selection_actions(
            [self.quote_action, self.position_action, self.evidence_action, self.tag_action, self.new_issue_action]
        )
        self.source_pane.selection_changed.connect(self.update_actions)
        self.source_pane.views_changed.connect(self._set_tab_order)
        self.analysis_pane.menu_builder = self._build_analysis_menu
        self.analysis_pane.actor_menu_builder = self._build_actor_menu
        self.analysis_pane.position_activated.connect(self.show_position_evidence)
        self.analysis_pane.issue_activated.connect(self.show_issue_paragraphs)
        self.analysis_pane.current_changed.connect(self.update_actions)
        self.analysis_pane.actor_list.selectionModel().selectionChanged.connect(self.update_actions)
        self.brief_pane.menu_builder = self._build_outline_menu
        self.brief_pane.outline_view.selectionModel().currentChanged.connect(self.update_actions)
        self.brief_pane.outline_view.selectionModel().currentChanged.connect(self._preview_follows_outline)
        self.brief_pane.outline_view.clicked.connect(self._on_outline_clicked)
        self.delete_action.setParent(self)
        self.brief_pane.outline_view.addAction(self.delete_action)
        self.analysis_pane.toolbar.addActions(
            [
                self.accept_action,
                self.reject_action,
                self.accept_all_action,
                self.edit_stance_action,
                self.add_to_brief_action,
            ]
        )
        self.analysis_pane.actor_toolbar.addActions(
            [self.rename_actor_action, self.merge_actor_action, self.kind_menu.menuAction()]
        )
        self.analysis_pane.show_text_for(self.accept_action, self.reject_action, self.merge_actor_action)
        self.brief_pane.toolbar.addActions(
            [
                self.add_paragraph_action,
                self.add_bullet_action,
                self.move_up_action,
                self.move_down_action,
                self.edit_item_action,
                self.delete_action,
            ]
        )
        self.brief_pane.toolbar.addSeparator()
        self.brief_pane.toolbar.addAction(self.add_section_action)
        for toolbar in (self.analysis_pane.toolbar, self.analysis_pane.actor_toolbar, self.brief_pane.toolbar):
            # The panes' layouts measured these tool bars while they were empty (9 px high) and
            # adding actions does not tell them: the window's first layout used that height, then
            # each tool bar's own layout request made the issues, actors and brief panes lay out
            # and paint a second time (start-up time, issue 5).
            toolbar.updateGeometry()
        doc.outline.move_requested.connect(self._on_move_requested, Qt.ConnectionType.QueuedConnection)
        doc.outline.section_move_requested.connect(self._on_section_move_requested, Qt.ConnectionType.QueuedConnection)
        doc.outline.excerpt_dropped.connect(self._on_excerpt_dropped, Qt.ConnectionType.QueuedConnection)
        doc.outline.analysis_dropped.connect(self._on_analysis_dropped, Qt.ConnectionType.QueuedConnection)
        doc.undo_stack.cleanChanged.connect(self._update_title)
        doc.undo_stack.indexChanged.connect(self._on_stack_changed)
        doc.path_changed.connect(self._update_title)
        doc.path_changed.connect(self._watch_path)
        self._watch_path()
        doc.changed.connect(self._on_doc_changed)
        self._set_tab_order()
        self._update_title()
        self.update_actions()
        self._update_counts()

    SPLIT = (0.3, 0.25, 0.26, 0.19)

    def _apply_default_sizes(self) -> None:
        self._default_sizes_for = self.size()
        width = max(self.width(), 1000)
        self.splitter.setSizes([int(width * f) for f in self.SPLIT])
        height = max(self.height() - 120, 500)
        self.analysis_pane.splitter.setSizes([int(height * 0.68), int(height * 0.32)])

    def setVisible(self, visible: bool) -> None:
        if visible and not self._shown_once and self.settings.splitter_state("main") is None:
            # Sized for the size the window first shows at, just before its first layout: set
            # later, the sizes made every pane lay out and paint twice (start-up time, issue 5).
            self._apply_default_sizes()
        super().setVisible(visible)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            # Only now do the panes have their real widths, so sizes set earlier would be rescaled.
            if self.settings.splitter_state("main") is None:
                QTimer.singleShot(0, self._follow_first_size)
            else:
                self._restore_splitters()

    def _follow_first_size(self) -> None:
        """Size the panes again if the window's size changed as it was shown (a window manager's doing)."""
        if self.size() != self._default_sizes_for:
            self._apply_default_sizes()

    def _set_tab_order(self) -> None:
        find = self.source_pane.find_edit  # None until the find bar is first shown
        order = [
            *([find] if find is not None else []),
            *self.source_pane.views(),
            self.analysis_pane.search_edit,
            self.analysis_pane.actor_filter,
            self.analysis_pane.show_rejected,
            self.analysis_pane.tree,
            self.analysis_pane.actor_list,
            *self._metadata_tab_order(),
            self.brief_pane.outline_view,
            self.preview_pane.browser,
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _metadata_tab_order(self) -> list[QWidget]:
        """The metadata form row by row, left to right, as it is laid out."""
        form = self.brief_pane.metadata
        edits = form.edits
        return [
            edits["title"],
            edits["reference"],
            form.date_edit,
            edits["to"],
            edits["sender"],
            edits["contact"],
            form.tier_combo,
            form.sensitive_check,
            form.extras_button,
        ]

    def _update_title(self, *args: object) -> None:
        if self.doc is None:
            return
        self.setWindowTitle(f"{self.doc.display_name}[*] \u2014 {APP_TITLE}")
        self.setWindowModified(self.doc.is_modified())

    def _on_stack_changed(self, *args: object) -> None:
        self._update_title()
        self.update_actions()

    def _on_doc_changed(self) -> None:
        self._autosave_pending = True
        self._update_counts()

    def _update_counts(self) -> None:
        if self.doc is None:
            return
        c = self.doc.counts()
        self.counts_label.setText(
            self.tr("Suggestions to review: %d \u00b7 accepted: %d \u00b7 sources: %d")
            % (c["suggested"], c["accepted"], c["sources"])
        )

    # ---------------------------------------------------------------- splitters and geometry

    def _save_splitters(self) -> None:
        if self.doc is None or not self._shown_once:  # sizes before the first show are not the user's
            return
        self.settings.set_splitter_state("main", self.splitter.saveState())
        self.settings.set_splitter_state("analysis", self.analysis_pane.splitter.saveState())

    def _restore_splitters(self) -> None:
        state = self.settings.splitter_state("main")
        if state is not None:
            self.splitter.restoreState(state)
        state = self.settings.splitter_state("analysis")
        if state is not None:
            self.analysis_pane.splitter.restoreState(state)

    def save_window_state(self) -> None:
        self.settings.window_geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.history_visible = self.history_dock is not None and not self.history_dock.isHidden()
        self._save_splitters()
        self.settings.sync()

    # ---------------------------------------------------------------- enabling

    def update_actions(self, *args: object) -> None:
        if self.doc is None:
            return
        has_sel = self.source_pane.has_selection()
        for action in (self.quote_action, self.position_action, self.new_issue_action):
            action.setEnabled(has_sel and bool(self.doc.brief.sections or action is not self.quote_action))
        position = self.analysis_pane.current_position()
        issue = self.analysis_pane.current_issue()
        obj = self.analysis_pane.current_object()
        self.evidence_action.setEnabled(has_sel and position is not None)
        self.tag_action.setEnabled(has_sel and issue is not None)
        self.accept_action.setEnabled(obj is not None and obj.status is not Status.ACCEPTED)
        self.reject_action.setEnabled(obj is not None and obj.status is not Status.REJECTED)
        self.accept_all_action.setEnabled(
            issue is not None and any(p.status is Status.SUGGESTED for p in self.doc.analysis.positions_on(issue.id))
        )
        self.edit_stance_action.setEnabled(obj is not None)
        self.add_to_brief_action.setEnabled(obj is not None and bool(self.doc.brief.sections))
        actors = self.analysis_pane.selected_actors()
        self.rename_actor_action.setEnabled(len(actors) == 1)
        self.merge_actor_action.setEnabled(bool(actors) and len(self.doc.brief.actors) > 1)
        self.kind_menu.setEnabled(bool(actors))
        item_id = self.brief_pane.current_item_id()
        s_row = self.brief_pane.current_section_row()
        on_section = item_id is None and s_row is not None
        for action in (self.move_up_action, self.move_down_action, self.delete_action):
            action.setEnabled(item_id is not None or on_section)
        if on_section:
            self.move_up_action.setEnabled(s_row > 0)  # type: ignore[operator]
            self.move_down_action.setEnabled(s_row + 1 < len(self.doc.brief.sections))  # type: ignore[operator]
        elif item_id is not None:  # an item moves on into the next section: only the brief's ends stop it
            at = self.doc.brief.locate_item(item_id)
            last = len(self.doc.brief.sections) - 1
            self.move_up_action.setEnabled(at != (0, 0))
            self.move_down_action.setEnabled(at != (last, len(self.doc.brief.sections[last].items) - 1))
        self.move_to_menu.setEnabled(item_id is not None)
        self.rename_section_action.setEnabled(s_row is not None)
        self.remove_section_action.setEnabled(s_row is not None)
        self.word_limit_action.setEnabled(s_row is not None)
        self.remove_source_action.setEnabled(self.source_pane.current_source() is not None)
        editable = False
        if item_id is not None:
            editable = isinstance(self.doc.brief.item(item_id), (TextItem, BulletItem, QuoteItem))
        self.edit_item_action.setEnabled(editable)
        self.add_paragraph_action.setEnabled(bool(self.doc.brief.sections))
        self.add_bullet_action.setEnabled(bool(self.doc.brief.sections))

    # ---------------------------------------------------------------- file actions

    def maybe_save(self) -> bool:
        """Ask to save unsaved changes; False when the user cancels."""
        self.commit_inline_edits()
        if self.doc is None or not self.doc.is_modified():
            return True
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            self.tr("Unsaved Changes"),
            self.tr("Save the changes to \u201c%s\u201d before closing it?") % self.doc.display_name,
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        # Discard keeps the recovery copy until the brief is replaced or the window closes: a
        # New or Open cancelled after it leaves the work on screen, and a crash then lost it.
        return answer == QMessageBox.StandardButton.Discard

    def new_brief(self) -> None:
        from briefcomposer.gui.dialogs.new_brief_dialog import NewBriefDialog
        from briefcomposer.structures.templates import list_templates

        if not self.maybe_save():
            return
        problems: list[BaseException] = []
        templates = list_templates(self.settings.template_folders, on_problem=problems.append)
        if not templates:
            messages.show_error(self, self.tr("No brief templates were found."), "\n".join(map(str, problems)))
            return
        template = NewBriefDialog.ask(self, templates, self.settings.last_template)
        if template is None:
            return
        self.settings.last_template = template.name
        self._replace_document(Document(self.blank_brief(template)))
        self.statusBar().showMessage(self.tr("New brief from \u201c%s\u201d") % template.title, 4000)

    def _replace_document(self, doc: Document) -> None:
        if self.doc is not None:
            remove_recovery(self.doc.recovery_key)
        self.set_document(doc)

    def open_file(self, path: Path | None = None) -> bool:
        if not self.maybe_save():
            return False
        if not path:
            from PySide6.QtWidgets import QFileDialog

            name, _ = QFileDialog.getOpenFileName(
                self, self.tr("Open Brief"), str(self.settings.last_dir or Path.home()), self.tr(BRIEF_FILTER)
            )
            if not name:
                return False
            path = Path(name)
        return self.load_path(Path(path))

    def load_path(self, path: Path) -> bool:
        """Open the .brief at `path`, reporting failures; True when it opened."""
        from briefcomposer import storage

        try:
            brief = storage.load(path)
        except (BriefError, OSError) as exc:
            logger.info("Could not open %s: %s", path, exc)
            messages.show_exception(self, exc, path)
            return False
        self._replace_document(Document(brief, path))
        self.settings.add_recent_file(path)
        self.settings.last_dir = path.parent
        self.statusBar().showMessage(self.tr("Opened %s") % path.name, 4000)
        return True

    def open_sample(self, ask: bool = True) -> Job | None:
        """A new brief from the sample article, analysed off the GUI thread."""
        if ask and not self.maybe_save():
            return None
        template = self._template_named("uk-briefing-note")
        defaults = self.blank_brief(template) if template is not None else None

        def work(progress):  # type: ignore[no-untyped-def]
            progress(0, 1)
            brief = sample_brief(lambda t=None: copy.deepcopy(defaults) if defaults is not None else Brief())
            progress(1, 1)
            return brief

        job = Job(work, "sample")
        self.run_job(job, self.tr("Analysing the sample article\u2026"), self._on_sample_ready)
        return job

    def _cached_sample_brief(self) -> Brief | None:
        """The sample brief, built now when the sample's analysis is cached, else None.

        Built in the GUI thread only when no analysis has to run: a cached analysis
        costs milliseconds, a fresh one imports the keyphrase models and goes to a job.
        """
        from briefcomposer.sources import load_sample
        from briefcomposer.suggestion_cache import is_cached

        try:
            source = load_sample()
            if not is_cached(source):
                return None
        except (BriefError, OSError):
            return None

        def make_blank(_template=None) -> Brief:  # type: ignore[no-untyped-def]
            # Made only when `sample_brief` cannot compose the brief itself (no composer or no
            # template): listing the templates and making a blank brief cost 1 ms of the start (issue 5).
            template = self._template_named("uk-briefing-note")
            return self.blank_brief(template) if template is not None else Brief()

        return sample_brief(make_blank, source)

    def _on_sample_ready(self, brief: Brief) -> None:
        self._replace_document(Document(brief))
        self.statusBar().showMessage(self.tr("The sample article, analysed: review the suggestions"), 6000)

    def _template_named(self, name: str):  # type: ignore[no-untyped-def]
        from briefcomposer.structures.templates import list_templates

        return next((t for t in list_templates(self.settings.template_folders) if t.name == name), None)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files
        for n, path in enumerate(files, 1):
            action = self.recent_menu.addAction(f"&{n % 10}  {path.name.replace('&', '&&')}")
            action.setToolTip(str(path))
            action.setData(str(path))
            action.triggered.connect(self._on_recent_triggered)
        if not files:
            self.recent_menu.addAction(self.tr("No recent briefs")).setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("Clear List"), self.settings.clear_recent_files)

    def _on_recent_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.open_file(Path(action.data()))

    def save(self) -> bool:
        if self.doc is None:
            return False
        if self.doc.path is None:
            return self.save_as()
        return self.write_to(self.doc.path)

    def save_as(self) -> bool:
        if self.doc is None:
            return False
        folder = self.doc.path.parent if self.doc.path else (self.settings.last_dir or Path.home())
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save Brief As"), str(folder / f"{self.doc.suggested_stem()}.brief"), self.tr(BRIEF_FILTER)
        )
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != ".brief":
            path = path.with_name(path.name + ".brief")
        return self.write_to(path)

    def write_to(self, path: Path) -> bool:
        """Save the brief at `path` (atomically); True on success.

        Saving over the brief's own file after another program or window changed it asks
        first: overwrite, save under another name, or cancel.
        """
        from briefcomposer import storage
        from briefcomposer.gui.dialogs.simple_dialogs import ConflictDialog

        assert self.doc is not None
        same = self.doc.path is not None and Path(path).resolve() == self.doc.path.resolve()
        if same and self.doc.changed_on_disk():
            choice = ConflictDialog.ask(self, Path(path).name)
            if choice == "save_as":
                return self.save_as()
            if choice != "overwrite":
                self.statusBar().showMessage(self.tr("Not saved: %s was changed elsewhere") % Path(path).name, 6000)
                return False
        try:
            storage.save(self.doc.brief, path)
        except (BriefError, OSError) as exc:
            logger.warning("Saving %s failed", path, exc_info=True)
            messages.show_exception(self, exc, path, lead=self.tr("The brief was not saved."))
            return False
        self.doc.set_path(path)
        self.doc.record_disk_stamp()
        self.doc.undo_stack.setClean()
        remove_recovery(self.doc.recovery_key)
        self._autosave_pending = False
        self.settings.add_recent_file(path)
        self.settings.last_dir = path.parent
        self.statusBar().showMessage(self.tr("Saved %s") % path.name, 4000)
        return True

    def save_as_template(self) -> None:
        from briefcomposer.gui.dialogs.simple_dialogs import SaveTemplateDialog
        from briefcomposer.structures.templates import save_as_template, template_from_brief

        assert self.doc is not None
        answer = SaveTemplateDialog.ask(self, self.doc.brief.title)
        if answer is None:
            return
        name, title, description = answer
        try:
            shared = self.settings.template_folders  # the brief's structure, and its Word look, may be there
            template = template_from_brief(self.doc.brief, name, title, description, shared)
            try:
                target = save_as_template(template)
            except StructureError as exc:
                if "already exists" not in str(exc):
                    raise
                from PySide6.QtWidgets import QMessageBox

                overwrite = QMessageBox.question(
                    self,
                    self.tr("Replace Template?"),
                    self.tr("A template named \u201c%s\u201d exists. Replace it?") % name,
                )
                if overwrite != QMessageBox.StandardButton.Yes:
                    return
                target = save_as_template(template, overwrite=True)
        except (BriefError, OSError) as exc:
            messages.show_exception(self, exc)
            return
        self.statusBar().showMessage(self.tr("Template saved as %s") % target.name, 5000)

    def _watch_path(self) -> None:
        """Watch the brief's file so a change by another program is noticed at once."""
        if self.watcher.files():
            self.watcher.removePaths(self.watcher.files())
        if self.doc is not None and self.doc.path is not None and self.doc.path.exists():
            self.watcher.addPath(str(self.doc.path))

    def _on_file_changed(self, name: str) -> None:
        """Reload the brief when another program changed its file and nothing here is unsaved.

        With unsaved edits (or an edit or dialog still open), or when the new file cannot be
        read, the brief stays as it is and the status bar says so; saving then asks first.
        """
        if self.doc is None or self.doc.path is None or Path(name) != self.doc.path:
            return
        if self.doc.path.exists() and name not in self.watcher.files():
            self.watcher.addPath(name)  # an atomic replace ends the watch on the old file
        if not self.doc.changed_on_disk():
            return
        path = self.doc.path
        if self._can_reload() and self.reload_from_disk():
            self.statusBar().showMessage(self.tr("Reloaded %s: it was changed by another program") % path.name, 8000)
            return
        self.statusBar().showMessage(
            self.tr("%s was changed by another program; saving will ask before overwriting it") % path.name
        )

    def _can_reload(self) -> bool:
        """True when replacing the document loses nothing: no unsaved step, no open editor or dialog."""
        if self.doc is None or self.doc.is_modified() or QApplication.activeModalWidget() is not None:
            return False
        editing = QAbstractItemView.State.EditingState
        return not any(view.state() == editing for view in self.findChildren(QAbstractItemView))

    def reload_from_disk(self) -> bool:
        """Replace the document with its file as it is now; False (nothing replaced) if it cannot be read."""
        from briefcomposer import storage
        from briefcomposer.gui.document import DiskStamp

        assert self.doc is not None
        assert self.doc.path is not None
        path = self.doc.path
        try:
            stamp = DiskStamp.of(path)  # before reading: a later write then still counts as a change
            brief = storage.load(path)
        except (BriefError, OSError) as exc:
            logger.warning("Cannot reload %s, changed by another program: %s", path, exc)
            return False
        doc = Document(brief, path)
        doc.record_disk_stamp(stamp)
        state = self.view_state()
        self._replace_document(doc)
        self.restore_view_state(state)
        logger.info("Reloaded %s", path.name)
        return True

    # ---------------------------------------------------------------- view state across a reload

    def _view_keys(self) -> dict[str, QWidget]:
        """The widgets whose scroll position and focus a reload keeps, by a key that survives it."""
        keys: dict[str, QWidget] = {f"source:{v.source.id}": v for v in self.source_pane.views()}
        keys.update(
            {
                "issues": self.analysis_pane.tree,
                "actors": self.analysis_pane.actor_list,
                "search": self.analysis_pane.search_edit,
                "actor_filter": self.analysis_pane.actor_filter,
                "outline": self.brief_pane.outline_view,
                "preview": self.preview_pane.browser,
            }
        )
        keys.update({f"metadata:{name}": edit for name, edit in self.brief_pane.metadata.edits.items()})
        return keys

    def view_state(self) -> ViewState:
        """What the panes show now: the source and its selection, the current rows, filters, scrolling."""
        state = ViewState()
        view = self.source_pane.current_view()
        if view is not None:
            state.source_id = view.source.id
            cursor = view.textCursor()
            if cursor.hasSelection():
                state.selection = (cursor.anchor(), cursor.position())
        analysis = self.analysis_pane
        current = analysis.current_object()
        state.analysis_id = current.id if current is not None else None
        state.search = analysis.search_edit.text()
        state.actor_filter = analysis.actor_filter.currentData()
        state.show_rejected = analysis.show_rejected.isChecked()
        state.actor_ids = [a.id for a in analysis.selected_actors()]
        state.outline_id = self.brief_pane.current_item_id()
        s_row = self.brief_pane.current_section_row()
        if state.outline_id is None and s_row is not None and self.doc is not None:
            state.outline_id = self.doc.brief.sections[s_row].id
        focus = QApplication.focusWidget()
        for key, widget in self._view_keys().items():
            if isinstance(widget, QAbstractScrollArea):
                state.scroll[key] = widget.verticalScrollBar().value()
            if focus is not None and (widget is focus or widget.isAncestorOf(focus)):
                state.focus = key
        return state

    def restore_view_state(self, state: ViewState) -> None:
        """Show `state` again in the present panes, as far as its source, rows and actors still exist."""
        assert self.doc is not None
        brief = self.doc.brief
        analysis = self.analysis_pane
        analysis.search_edit.setText(state.search)
        at = analysis.actor_filter.findData(state.actor_filter) if state.actor_filter else 0
        analysis.actor_filter.setCurrentIndex(max(at, 0))
        analysis.show_rejected.setChecked(state.show_rejected)
        view = self.source_pane.view_of(state.source_id) if state.source_id else None
        if view is not None:
            self.source_pane.tabs.setCurrentWidget(view)
            if state.selection is not None:
                end = view.document().characterCount() - 1  # a source's text never changes; be safe anyway
                cursor = QTextCursor(view.document())
                cursor.setPosition(min(state.selection[0], end))
                cursor.setPosition(min(state.selection[1], end), QTextCursor.MoveMode.KeepAnchor)
                view.setTextCursor(cursor)
        if state.analysis_id is not None:
            analysis.select(state.analysis_id)
        selection = analysis.actor_list.selectionModel()
        for row, actor in enumerate(brief.actors):
            if actor.id in state.actor_ids:
                selection.select(self.doc.actors.index(row, 0), QItemSelectionModel.SelectionFlag.Select)
        if state.outline_id is not None:
            try:
                self.brief_pane.select_item(state.outline_id)
            except BriefError:
                if any(s.id == state.outline_id for s in brief.sections):
                    self.brief_pane.select_section(state.outline_id)
        widget = self._view_keys().get(state.focus)
        if widget is not None:
            widget.setFocus()
        # Scroll positions need the new views laid out, which happens once events are processed.
        QTimer.singleShot(0, self, partial(self._restore_scrolling, self.doc, state.scroll))

    def _restore_scrolling(self, doc: Document, scroll: dict[str, int]) -> None:
        if self.doc is not doc:  # replaced again meanwhile
            return
        for key, widget in self._view_keys().items():
            if key in scroll and isinstance(widget, QAbstractScrollArea):
                widget.verticalScrollBar().setValue(scroll[key])

    # ---------------------------------------------------------------- background jobs

    def run_job(self, job: Job, label: str, on_success, path: Path | None = None) -> QProgressDialog:  # type: ignore[no-untyped-def]
        """Run `job` off the GUI thread with a cancellable progress dialog; failures name `path`."""
        from PySide6.QtWidgets import QProgressDialog

        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, self)
        dialog.setWindowTitle(APP_TITLE)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(job.cancel)
        job.signals.progressed.connect(lambda done, total: (dialog.setMaximum(total), dialog.setValue(done)))
        job.signals.succeeded.connect(on_success)
        job.signals.failed.connect(lambda exc: messages.show_exception(self, exc, path))
        job.signals.cancelled.connect(lambda: self.statusBar().showMessage(self.tr("Cancelled"), 3000))
        job.signals.finished.connect(dialog.close)
        job.signals.finished.connect(dialog.deleteLater)
        job.signals.finished.connect(lambda: self._jobs.remove(job) if job in self._jobs else None)
        self._jobs.append(job)
        job.start()
        return dialog

    # ---------------------------------------------------------------- sources

    def import_source(self) -> None:
        try:
            from briefcomposer.sources import FILE_FILTER
        except ImportError:  # the importers are not installed yet
            FILE_FILTER = "Text (*.txt);;All files (*)"  # noqa: N806
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import Source"), str(self.settings.last_dir or Path.home()), FILE_FILTER
        )
        if name:
            self.settings.last_dir = Path(name).parent
            self.start_import(path=Path(name))

    def paste_source(self) -> None:
        from briefcomposer.gui.dialogs.simple_dialogs import PasteSourceDialog

        clip = QGuiApplication.clipboard().text()
        answer = PasteSourceDialog.ask(self, clip if len(clip) > 200 else "")
        if answer is not None:
            self.start_import(text=answer[0], title=answer[1])

    def start_import(self, path: Path | None = None, text: str | None = None, title: str | None = None) -> Job:
        """Import and analyse a source off the GUI thread; the result is one undoable step."""

        def work(progress):  # type: ignore[no-untyped-def]
            from briefcomposer import sources

            problems: list[str] = []
            progress(0, 3)
            if path is not None:
                source = sources.load(path, on_problem=problems.append)
            else:
                source = sources.from_text(text or "", title)
            progress(1, 3)
            from briefcomposer.suggestion_cache import cached_suggest

            suggestions = cached_suggest(source)
            progress(3, 3)
            return source, suggestions, problems

        job = Job(work, "import")
        what = path.name if path else self.tr("pasted text")
        self.run_job(job, self.tr("Importing and analysing %s\u2026") % what, self._on_import_done)
        return job

    def _on_import_done(self, result) -> None:  # type: ignore[no-untyped-def]
        source, suggestions, problems = result
        self.add_source(source, suggestions)
        if problems:
            messages.show_error(
                self, self.tr("\u201c%s\u201d was only partly imported.") % source.title, "\n".join(problems)
            )

    def add_source(self, source, suggestions=None) -> None:  # type: ignore[no-untyped-def]
        """Add `source` and what its analysis suggests as one undoable command."""
        assert self.doc is not None
        actors, issues, positions = [], [], []
        aliases: dict[str, list[str]] = {}
        terms: dict[str, tuple[list[ParagraphRef], list[str]]] = {}
        if suggestions is not None:
            from briefcomposer.analysis import merge_into

            # merge_into decides what is new; it runs on a copy so the models stay the only writers.
            brief = self.doc.brief
            scratch = copy.deepcopy(brief)
            scratch.sources.append(source)
            added = merge_into(scratch, source, suggestions)
            actors, issues, positions = added.actors, added.issues, added.positions
            # It also gives actors the brief holds new aliases ("the Kremlin" for Russia) and issues
            # the new source's paragraphs: those go through the command too, or they were lost.
            before_actors = {a.id: a for a in brief.actors}
            before_issues = {i.id: i for i in brief.issues}
            for actor in scratch.actors:
                if actor.id in before_actors and actor.aliases != before_actors[actor.id].aliases:
                    aliases[actor.id] = list(actor.aliases)
            for issue in scratch.issues:
                old = before_issues.get(issue.id)
                if old is not None and (issue.paragraphs, issue.keywords) != (old.paragraphs, old.keywords):
                    terms[issue.id] = (list(issue.paragraphs), list(issue.keywords))
        self.doc.push(AddSourceCommand(self.doc, source, actors, issues, positions, aliases, terms))
        self.statusBar().showMessage(
            self.tr("Imported \u201c%s\u201d: %d actors, %d issues and %d positions suggested")
            % (_shorten(source.title), len(actors), len(issues), len(positions)),
            6000,
        )

    def _selected_excerpt(self):  # type: ignore[no-untyped-def]
        try:
            return self.source_pane.selected_excerpt()
        except SpanError as exc:
            self.statusBar().showMessage(messages.explain(exc)[0], 5000)
            return None

    def _target_section(self) -> tuple[int, int | None]:
        """Where new items go: after the current item, or at the end of the current section."""
        assert self.doc is not None
        s_row = self.brief_pane.current_section_row()
        item_id = self.brief_pane.current_item_id()
        if s_row is None:
            keys = [s.key for s in self.doc.brief.sections]
            s_row = keys.index("background") if "background" in keys else 0
            return s_row, None
        if item_id is not None:
            return s_row, self.doc.brief.locate_item(item_id)[1] + 1
        return s_row, None

    def quote_selection(self, section_row: int | None = None) -> None:
        assert self.doc is not None
        excerpt = self._selected_excerpt()
        if excerpt is None or not self.doc.brief.sections:
            return
        row: int | None
        if isinstance(section_row, int) and not isinstance(section_row, bool):
            row = None
        else:
            section_row, row = self._target_section()
        self._insert_item(section_row, row, QuoteItem(excerpt=excerpt), self.tr("Quote into %s"))

    def _insert_item(self, section_row: int, row: int | None, item, text: str) -> None:  # type: ignore[no-untyped-def]
        assert self.doc is not None
        section = self.doc.brief.sections[section_row]
        try:
            self.doc.push(InsertItemCommand(self.doc, section.id, row, item, text % section.heading))
        except BriefError as exc:
            messages.show_exception(self, exc)
            return
        self.brief_pane.select_item(item.id)

    def new_position(self) -> None:
        from briefcomposer.gui.dialogs.simple_dialogs import PositionDialog

        assert self.doc is not None
        excerpt = self._selected_excerpt()
        if excerpt is None:
            return
        brief = self.doc.brief
        guess = next((a.id for a in brief.actors if any(n in excerpt.quote for n in a.names())), "")
        issue = self.analysis_pane.current_issue()
        answer = PositionDialog.ask(self, brief.actors, brief.issues, excerpt.quote, guess, issue.id if issue else None)
        if answer is None:
            return
        new_actor = Actor(answer.actor) if answer.is_new_actor else None
        position = Position(
            actor_id=new_actor.id if new_actor else answer.actor,
            issue_id=answer.issue_id,
            stance=answer.stance,
            evidence=[excerpt],
            status=Status.ACCEPTED,
        )
        self.doc.push(AddPositionCommand(self.doc, position, new_actor))
        self.analysis_pane.select(position.id)

    def add_evidence(self, position_id: str | None = None) -> None:
        assert self.doc is not None
        excerpt = self._selected_excerpt()
        if excerpt is None:
            return
        if not isinstance(position_id, str):
            position = self.analysis_pane.current_position()
            if position is None:
                self.statusBar().showMessage(self.tr("Select a position first."), 4000)
                return
            position_id = position.id
        self.doc.push(AddEvidenceCommand(self.doc, position_id, excerpt))

    def tag_issue(self, issue_id: str | None = None) -> None:
        assert self.doc is not None
        excerpt = self._selected_excerpt()
        if excerpt is None:
            return
        if not isinstance(issue_id, str):
            issue = self.analysis_pane.current_issue()
            if issue is None:
                self.statusBar().showMessage(self.tr("Select an issue first."), 4000)
                return
            issue_id = issue.id
        ref = ParagraphRef(excerpt.source_id, excerpt.paragraph)
        if ref in self.doc.brief.issue(issue_id).paragraphs:
            return  # tagged already: no step that changes nothing
        self.doc.push(TagParagraphCommand(self.doc, issue_id, ref))

    def new_issue(self) -> None:
        assert self.doc is not None
        excerpt = self._selected_excerpt()
        if excerpt is None:
            return
        label = _shorten(excerpt.quote, 60).rstrip(".")
        label = label[:1].upper() + label[1:]
        issue = Issue(label, paragraphs=[ParagraphRef(excerpt.source_id, excerpt.paragraph)], status=Status.ACCEPTED)
        self.doc.push(AddIssueCommand(self.doc, issue))
        if self.analysis_pane.select(issue.id):  # a filter may hide it: then no other row's label opens
            self.analysis_pane.edit_current()

    def show_find(self) -> None:
        self.source_pane.show_find()

    def focus_search(self) -> None:
        self.analysis_pane.search_edit.setFocus()
        self.analysis_pane.search_edit.selectAll()

    # ---------------------------------------------------------------- jumping to sources

    def show_position_evidence(self, position: Position) -> None:
        """Flash the position's evidence, its adjacent sentences at once; clicking again shows the next passage."""
        assert self.doc is not None
        shown = brief_ops.passages(self.doc.brief, position.evidence)
        if not shown:
            return
        n = self._evidence_cycle.get(position.id, -1) + 1
        n %= len(shown)
        self._evidence_cycle = {position.id: n}
        self.source_pane.show_span(*shown[n])

    def show_issue_paragraphs(self, issue: Issue) -> None:
        if not issue.paragraphs:
            return
        n = self._evidence_cycle.get(issue.id, -1) + 1
        n %= len(issue.paragraphs)
        self._evidence_cycle = {issue.id: n}
        ref = issue.paragraphs[n]
        self.source_pane.show_span(ref.source_id, ref.paragraph)

    def _preview_follows_outline(self, current, _previous=None) -> None:  # type: ignore[no-untyped-def]
        """Another section of the outline made current: the preview shows its heading at the top."""
        assert self.doc is not None
        found = self.doc.outline.section_at(current)
        section_id = found[1].id if found is not None else None
        if section_id is not None and section_id != self._previewed_section and self.preview_pane.isVisible():
            self.preview_pane.show_section(section_id)
        self._previewed_section = section_id

    def _on_outline_clicked(self, index) -> None:  # type: ignore[no-untyped-def]
        assert self.doc is not None
        item = self.doc.outline.item_at(index)
        if isinstance(item, QuoteItem):
            self.source_pane.show_excerpt(item.excerpt)
        elif isinstance(item, PositionItem):
            with contextlib.suppress(BriefError):
                self.show_position_evidence(self.doc.brief.position(item.position_id))

    # ---------------------------------------------------------------- issues and positions

    def _set_status(self, obj, status: Status) -> None:  # type: ignore[no-untyped-def]
        assert self.doc is not None
        stack = self.doc.undo_stack
        if isinstance(obj, Position) and status is Status.ACCEPTED and obj.issue_id:
            issue = self.doc.brief.issue(obj.issue_id)
            if issue.status is not Status.ACCEPTED:  # accepting a position accepts its issue too
                stack.beginMacro(self.tr("Accept position: %s") % describe_position(self.doc, obj))
                stack.push(SetStatusCommand(self.doc, issue.id, Status.ACCEPTED))
                stack.push(SetStatusCommand(self.doc, obj.id, status))
                stack.endMacro()
                return
        stack.push(SetStatusCommand(self.doc, obj.id, status))

    def accept_current(self) -> None:
        obj = self.analysis_pane.current_object()
        if obj is not None:
            self._set_status(obj, Status.ACCEPTED)
            self.update_actions()

    def reject_current(self) -> None:
        obj = self.analysis_pane.current_object()
        if obj is not None:
            self._set_status(obj, Status.REJECTED)
            self.update_actions()

    def accept_all(self) -> None:
        assert self.doc is not None
        issue = self.analysis_pane.current_issue()
        if issue is None:
            return
        pending = [p for p in self.doc.analysis.positions_on(issue.id) if p.status is Status.SUGGESTED]
        stack = self.doc.undo_stack
        stack.beginMacro(self.tr("Accept all positions on %s") % _shorten(issue.label, 40))
        if issue.status is not Status.ACCEPTED:
            stack.push(SetStatusCommand(self.doc, issue.id, Status.ACCEPTED))
        for position in pending:
            stack.push(SetStatusCommand(self.doc, position.id, Status.ACCEPTED))
        stack.endMacro()
        self.update_actions()

    def edit_stance(self) -> None:
        self.analysis_pane.edit_current()

    def add_to_brief(self) -> None:
        assert self.doc is not None
        obj = self.analysis_pane.current_object()
        if obj is None or not self.doc.brief.sections:
            return
        if self.brief_pane.current_section_row() is None:
            keys = [s.key for s in self.doc.brief.sections]
            want = "positions" if isinstance(obj, Position) else "key-issues"
            s_row, row = (keys.index(want) if want in keys else 0), None
        else:
            s_row, row = self._target_section()
        self._put_in_brief(obj, s_row, row)

    def _on_analysis_dropped(self, kind: str, obj_id: str, section_row: int, row: int) -> None:
        assert self.doc is not None
        try:
            obj = self.doc.brief.position(obj_id) if kind == "position" else self.doc.brief.issue(obj_id)
        except BriefError as exc:
            messages.show_exception(self, exc)
            return
        self._put_in_brief(obj, section_row, row)

    def _put_in_brief(self, obj, s_row: int, row: int | None) -> None:  # type: ignore[no-untyped-def]
        """Show a position or issue in a section; a suggestion is accepted in the same step."""
        assert self.doc is not None
        stack = self.doc.undo_stack
        heading = self.doc.brief.sections[s_row].heading
        kind = self.tr("position") if isinstance(obj, Position) else self.tr("issue")
        stack.beginMacro(self.tr("Add %s to %s") % (kind, heading))
        try:
            if obj.status is not Status.ACCEPTED:
                self._set_status(obj, Status.ACCEPTED)
            item = PositionItem(position_id=obj.id) if isinstance(obj, Position) else IssueItem(issue_id=obj.id)
            self._insert_item(s_row, row, item, self.tr("Add to %s"))
        finally:
            stack.endMacro()

    # ---------------------------------------------------------------- actors

    def rename_actor(self) -> None:
        """Open the name of the one selected actor for editing (the current row may be another)."""
        assert self.doc is not None
        actors = self.analysis_pane.selected_actors()
        if len(actors) != 1:
            return
        index = self.doc.actors.index(self.doc.actors.row_of(actors[0].id), 0)
        self.analysis_pane.actor_list.setCurrentIndex(index)
        self.analysis_pane.actor_list.edit(index)

    def merge_actors(self) -> None:
        from briefcomposer.gui.dialogs.simple_dialogs import ChooseDialog

        assert self.doc is not None
        chosen = self.analysis_pane.selected_actors()
        if not chosen:
            return
        if len(chosen) == 1:
            drop = chosen[0]
            others = [(a.name, a.id) for a in self.doc.brief.actors if a.id != drop.id]
            keep_id = ChooseDialog.ask(
                self,
                self.tr("Merge Actors"),
                self.tr("Merge \u201c%s\u201d into which actor? Its names become aliases and its positions move over.")
                % drop.name,
                others,
            )
            if keep_id is None:
                return
            self.doc.push(MergeActorsCommand(self.doc, keep_id, drop.id))
            return
        keep, *drops = chosen
        if len(drops) == 1:  # one step named by both actors ("Merge UK into United Kingdom"), no macro
            self.doc.push(MergeActorsCommand(self.doc, keep.id, drops[0].id))
            return
        stack = self.doc.undo_stack
        stack.beginMacro(self.tr("Merge %d actors into %s") % (len(drops), keep.name))
        for drop in drops:
            stack.push(MergeActorsCommand(self.doc, keep.id, drop.id))
        stack.endMacro()

    def _on_kind_chosen(self, action: QAction) -> None:
        assert self.doc is not None
        kind = action.data()
        if not isinstance(kind, ActorKind):
            return
        actors = [a for a in self.analysis_pane.selected_actors() if a.kind is not kind]
        if not actors:
            return
        stack = self.doc.undo_stack
        stack.beginMacro(self.tr("Set actor kind"))
        for actor in actors:
            stack.push(SetActorKindCommand(self.doc, actor.id, kind))
        stack.endMacro()

    # ---------------------------------------------------------------- outline

    def add_paragraph(self, bullet: bool = False) -> None:
        assert self.doc is not None
        if not self.doc.brief.sections:
            return
        s_row, row = self._target_section()
        item = BulletItem() if bullet is True else TextItem()
        self._insert_item(
            s_row, row, item, self.tr("Add bullet to %s") if bullet is True else self.tr("Add paragraph to %s")
        )
        self.edit_item()

    def add_bullet(self) -> None:
        self.add_paragraph(bullet=True)

    def move_up(self) -> None:
        self._move_by(-1)

    def move_down(self) -> None:
        self._move_by(1)

    def _move_by(self, step: int) -> None:
        assert self.doc is not None
        item_id = self.brief_pane.current_item_id()
        if item_id is None:
            s_row = self.brief_pane.current_section_row()
            if s_row is not None and 0 <= s_row + step < len(self.doc.brief.sections):
                section_id = self.doc.brief.sections[s_row].id
                self.doc.push(MoveSectionCommand(self.doc, section_id, s_row + step))
                self.brief_pane.select_section(section_id)
            return
        s_row, i_row = self.doc.brief.locate_item(item_id)
        sections = self.doc.brief.sections
        if step < 0:
            if i_row > 0:
                target = (s_row, i_row - 1)
            elif s_row > 0:
                target = (s_row - 1, len(sections[s_row - 1].items))
            else:
                return
        else:
            if i_row + 1 < len(sections[s_row].items):
                target = (s_row, i_row + 1)
            elif s_row + 1 < len(sections):
                target = (s_row + 1, 0)
            else:
                return
        self.doc.push(MoveItemCommand(self.doc, item_id, *target))
        self.brief_pane.select_item(item_id)

    def _fill_move_to_menu(self) -> None:
        assert self.doc is not None
        self.move_to_menu.clear()
        for s_row, section in enumerate(self.doc.brief.sections):
            action = self.move_to_menu.addAction(section.heading)
            action.setData(s_row)
            action.triggered.connect(self._on_move_to_triggered)

    def _on_move_to_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.move_to_section(int(action.data()))

    def move_to_section(self, section_row: int) -> None:
        assert self.doc is not None
        item_id = self.brief_pane.current_item_id()
        if item_id is None:
            return
        size = len(self.doc.brief.sections[section_row].items)
        if self.doc.brief.locate_item(item_id) == (section_row, size - 1):
            return  # last in that section already: no step to undo
        self.doc.push(MoveItemCommand(self.doc, item_id, section_row, size))
        self.brief_pane.select_item(item_id)

    def delete_item(self) -> None:
        """Remove the current item, or the current section when a heading is selected."""
        assert self.doc is not None
        item_id = self.brief_pane.current_item_id()
        if item_id is not None:
            self.doc.push(RemoveItemCommand(self.doc, item_id))
        elif self.brief_pane.current_section_row() is not None:
            self.remove_section()

    # ---------------------------------------------------------------- sections

    def add_section(self, heading: str = "") -> Section | None:
        """Add a section after the current one (or at the end) and open its heading for typing."""
        assert self.doc is not None
        heading = heading if isinstance(heading, str) and heading else self.tr("New section")
        section = Section(key=self.doc.outline.unique_key(heading), heading=heading)
        s_row = self.brief_pane.current_section_row()
        row = len(self.doc.brief.sections) if s_row is None else s_row + 1
        self.doc.push(AddSectionCommand(self.doc, section, row))
        self.brief_pane.select_section(section.id)
        self.rename_section()
        return section

    def rename_section(self) -> None:
        s_row = self.brief_pane.current_section_row()
        if s_row is None:
            return
        view = self.brief_pane.outline_view
        index = self.doc.outline.section_index(s_row)  # type: ignore[union-attr]
        view.setCurrentIndex(index)
        view.edit(index)

    def set_word_limit(self) -> None:
        """Ask for the current section's word limit (0: none) and set it as one undoable step."""
        from briefcomposer.gui.dialogs.simple_dialogs import WordLimitDialog

        assert self.doc is not None
        s_row = self.brief_pane.current_section_row()
        if s_row is None:
            return
        section = self.doc.brief.sections[s_row]
        answer = WordLimitDialog.ask(self, section.heading, section.word_limit)
        if answer is None:
            return
        limit = answer or None
        if limit != section.word_limit:
            self.doc.push(SetWordLimitCommand(self.doc, section.id, limit))

    def remove_section(self) -> None:
        assert self.doc is not None
        s_row = self.brief_pane.current_section_row()
        if s_row is None:
            return
        section = self.doc.brief.sections[s_row]
        self.doc.push(RemoveSectionCommand(self.doc, section.id))
        undo = self.undo_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.statusBar().showMessage(
            self.tr("Removed \u201c%s\u201d and its %d items (%s to undo)")
            % (_shorten(section.heading), len(section.items), undo),
            6000,
        )

    def _on_section_move_requested(self, section_id: str, row: int) -> None:
        assert self.doc is not None
        try:
            self.doc.push(MoveSectionCommand(self.doc, section_id, row))
        except BriefError as exc:
            messages.show_exception(self, exc)

    # ---------------------------------------------------------------- removing a source

    def remove_source(self) -> bool:
        """Remove the source shown; refused with a sentence while the brief quotes it."""
        assert self.doc is not None
        source = self.source_pane.current_source()
        if source is None:
            return False
        try:
            self.doc.push(RemoveSourceCommand(self.doc, source.id))
        except BriefError as exc:
            messages.show_exception(self, exc, lead=self.tr("The source was not removed."))
            return False
        self.statusBar().showMessage(self.tr("Removed source \u201c%s\u201d") % _shorten(source.title), 5000)
        return True

    def edit_item(self) -> None:
        view = self.brief_pane.outline_view
        index = view.currentIndex()
        if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable:
            view.edit(index)

    def _on_move_requested(self, item_id: str, section_row: int, row: int) -> None:
        assert self.doc is not None
        try:
            self.doc.push(MoveItemCommand(self.doc, item_id, section_row, row))
        except BriefError as exc:
            messages.show_exception(self, exc)

    def _on_excerpt_dropped(self, payload: dict, section_row: int, row: int) -> None:
        assert self.doc is not None
        try:
            source = self.doc.brief.source(str(payload["source_id"]))
            excerpt = source.excerpt(int(payload["paragraph"]), int(payload["start"]), int(payload["end"]))
        except (BriefError, KeyError, TypeError, ValueError) as exc:
            messages.show_exception(self, exc)
            return
        self._insert_item(section_row, row, QuoteItem(excerpt=excerpt), self.tr("Quote into %s"))

    # ---------------------------------------------------------------- context menus

    def _build_source_menu(self, menu: QMenu) -> None:
        assert self.doc is not None
        has = self.source_pane.has_selection()
        quote_menu = menu.addMenu(icon("quote"), self.tr("Quote into"))
        quote_menu.setEnabled(has)
        for s_row, section in enumerate(self.doc.brief.sections):
            action = quote_menu.addAction(section.heading)
            action.triggered.connect(lambda _=False, r=s_row: self.quote_selection(r))
        menu.addAction(self.quote_action)
        menu.addSeparator()
        menu.addAction(self.position_action)
        evidence_menu = menu.addMenu(icon("evidence"), self.tr("Evidence for"))
        evidence_menu.setEnabled(has and bool(self.doc.brief.positions))
        for position in self.doc.brief.positions:
            if position.status is Status.REJECTED:
                continue
            action = evidence_menu.addAction(_shorten(describe_position(self.doc, position), 60))
            action.triggered.connect(lambda _=False, pid=position.id: self.add_evidence(pid))
        tag_menu = menu.addMenu(icon("tag"), self.tr("Tag to issue"))
        tag_menu.setEnabled(has and bool(self.doc.brief.issues))
        for issue in self.doc.brief.issues:
            if issue.status is Status.REJECTED:
                continue
            action = tag_menu.addAction(_shorten(issue.label, 60))
            action.triggered.connect(lambda _=False, iid=issue.id: self.tag_issue(iid))
        menu.addAction(self.new_issue_action)
        menu.addSeparator()
        menu.addAction(self.remove_source_action)

    def _build_analysis_menu(self, menu: QMenu) -> None:
        menu.addActions([self.accept_action, self.reject_action, self.accept_all_action])
        menu.addSeparator()
        menu.addActions([self.edit_stance_action, self.add_to_brief_action])
        position = self.analysis_pane.current_position()
        if position is not None and position.evidence:
            remove = menu.addMenu(icon("delete"), self.tr("Remove Evidence"))
            for excerpt in position.evidence:
                action = remove.addAction(f"\u00b6{excerpt.paragraph + 1}: \u201c{_shorten(excerpt.quote, 50)}\u201d")
                action.triggered.connect(
                    lambda _=False, pid=position.id, eid=excerpt.id: self.remove_evidence(pid, eid)
                )

    def remove_evidence(self, position_id: str, excerpt_id: str) -> None:
        assert self.doc is not None
        self.doc.push(RemoveEvidenceCommand(self.doc, position_id, excerpt_id))

    def _build_actor_menu(self, menu: QMenu) -> None:
        menu.addActions([self.rename_actor_action, self.merge_actor_action])
        actors = self.analysis_pane.selected_actors()
        for action in self.kind_group.actions():
            action.setChecked(len(actors) == 1 and actors[0].kind is action.data())
        menu.addMenu(self.kind_menu)

    def _build_outline_menu(self, menu: QMenu) -> None:
        menu.addActions([self.add_paragraph_action, self.add_bullet_action, self.edit_item_action])
        menu.addSeparator()
        menu.addActions([self.move_up_action, self.move_down_action])
        menu.addMenu(self.move_to_menu)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        menu.addSeparator()
        menu.addActions(
            [self.add_section_action, self.rename_section_action, self.word_limit_action, self.remove_section_action]
        )

    # ---------------------------------------------------------------- export

    def export_word(self) -> Job | None:
        assert self.doc is not None
        if self.doc.brief.marking is None:
            messages.show_error(
                self,
                self.tr("Choose a protective marking before exporting."),
                self.tr("Every exported brief carries a marking at its top and bottom."),
            )
            return None
        try:
            from briefcomposer.export.docx_writer import suggested_filename
        except ImportError as exc:
            messages.show_error(self, self.tr("Export to Word is not available in this installation."), str(exc))
            return None
        folder = self.settings.last_dir or Path.home()
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export to Word"),
            str(folder / suggested_filename(self.doc.brief)),
            self.tr("Word documents (*.docx)"),
        )
        if not name:
            return None
        target = Path(name) if name.lower().endswith(".docx") else Path(name + ".docx")
        return self.start_export(target)

    def start_export(self, target: Path, pdf: bool = False) -> Job:
        """Export a snapshot of the brief off the GUI thread (typing carries on meanwhile)."""
        assert self.doc is not None
        brief = copy.deepcopy(self.doc.brief)
        template = self.settings.word_template
        author = self.settings.user_name
        shared = self.settings.template_folders  # a brief from a team's template has its Word look there

        def work(progress):  # type: ignore[no-untyped-def]
            from briefcomposer.export.docx_writer import export_docx

            if not pdf:
                return export_docx(brief, target, template=template, author=author, progress=progress, shared=shared)
            from briefcomposer.export.pdf import convert_to_pdf

            with tempfile.TemporaryDirectory(prefix="briefcomposer-") as tmp:
                docx = export_docx(
                    brief,
                    Path(tmp) / (target.stem + ".docx"),
                    template=template,
                    author=author,
                    progress=progress,
                    shared=shared,
                )
                progress(1, 2)
                # Cancel kills LibreOffice at once rather than at the next progress step.
                convert_to_pdf(docx, target, timeout=PDF_TIMEOUT_S, cancel=job.cancel_event)
            return target

        job = Job(work, "export")
        self.run_job(job, self.tr("Exporting %s\u2026") % target.name, self._on_export_done, path=target)
        return job

    def _on_export_done(self, path: Path) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from briefcomposer.gui.dialogs.simple_dialogs import ExportDoneDialog

        self.statusBar().showMessage(self.tr("Exported %s") % path.name, 6000)
        choice = ExportDoneDialog.ask(self, path)
        if choice == "open":
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        elif choice == "folder":
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    def export_pdf(self) -> Job | None:
        assert self.doc is not None
        if self.doc.brief.marking is None:
            messages.show_error(self, self.tr("Choose a protective marking before exporting."))
            return None
        try:
            from briefcomposer.export.docx_writer import suggested_filename
            from briefcomposer.export.pdf import find_soffice
        except ImportError as exc:
            messages.show_error(self, self.tr("PDF export is not available in this installation."), str(exc))
            return None
        if find_soffice() is None:
            messages.show_error(
                self,
                self.tr("PDF export needs LibreOffice, which was not found on this computer."),
                self.tr("Install LibreOffice, or export to Word and save as PDF from Word."),
            )
            return None
        folder = self.settings.last_dir or Path.home()
        stem = Path(suggested_filename(self.doc.brief)).stem
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export PDF"), str(folder / f"{stem}.pdf"), self.tr("PDF documents (*.pdf)")
        )
        if not name:
            return None
        target = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
        return self.start_export(target, pdf=True)

    # ---------------------------------------------------------------- Word layout preview

    def update_word_layout_action(self) -> None:
        """Enable "Preview in Word layout" only where LibreOffice and pdftoppm exist; say why not."""
        from briefcomposer.gui.word_layout import unavailable_reason

        reason = unavailable_reason()
        self.word_layout_action.setEnabled(reason is None)
        tip = reason or self.tr("See the pages as Word will print them (made by LibreOffice)")
        self.word_layout_action.setToolTip(f"{tip} (Ctrl+Shift+P)" if reason is None else tip)
        self.word_layout_action.setStatusTip(tip)

    def preview_word_layout(self) -> Job | None:
        """Lay the real .docx out with LibreOffice off the GUI thread and show its pages."""
        from briefcomposer.gui.word_layout import render_pages, unavailable_reason

        assert self.doc is not None
        reason = unavailable_reason()
        if reason is not None:
            self.update_word_layout_action()
            messages.show_error(self, reason, self.tr("Install LibreOffice, or export to Word and open it in Word."))
            return None
        if self.doc.brief.marking is None:
            messages.show_error(self, self.tr("Choose a protective marking before previewing the Word layout."))
            return None
        brief = copy.deepcopy(self.doc.brief)
        template, author = self.settings.word_template, self.settings.user_name
        shared = self.settings.template_folders
        timeout = PDF_TIMEOUT_S

        def work(progress):  # type: ignore[no-untyped-def]
            return render_pages(brief, progress, template, author, timeout, cancel=job.cancel_event, shared=shared)

        job = Job(work, "word-layout")
        self.run_job(job, self.tr("Laying out the brief with LibreOffice\u2026"), self._on_word_layout_ready)
        return job

    def _on_word_layout_ready(self, pages) -> None:  # type: ignore[no-untyped-def]
        from briefcomposer.gui.dialogs.word_layout_dialog import WordLayoutDialog

        assert self.doc is not None
        if self.word_layout_dialog is None:
            self.word_layout_dialog = WordLayoutDialog(self)
            self.word_layout_dialog.refresh_requested.connect(self.preview_word_layout)
        self.word_layout_dialog.set_pages(pages, self.doc.display_name)
        self.word_layout_dialog.show()
        self.word_layout_dialog.raise_()

    # ---------------------------------------------------------------- preferences, about, view

    def edit_preferences(self) -> None:
        from briefcomposer.gui.dialogs.preferences_dialog import Preferences, PreferencesDialog

        s = self.settings
        current = Preferences(
            s.user_name, s.department, s.contact, s.default_marking, s.template_folders, s.word_template
        )
        prefs = PreferencesDialog.ask(self, current)
        if prefs is None:
            return
        s.user_name, s.department, s.contact = prefs.user_name, prefs.department, prefs.contact
        s.default_marking = prefs.default_marking
        s.word_template = prefs.word_template
        if prefs.template_folders == current.template_folders:
            return  # the shared list is a file the command line writes too: leave it alone
        try:
            s.template_folders = prefs.template_folders
        except OSError as exc:
            logger.warning("Saving the shared template folders failed", exc_info=True)
            messages.show_exception(self, exc, lead=self.tr("The shared template folders were not saved."))

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            self.tr("About Brief Composer"),
            self.tr(
                "<h3>Brief Composer %s</h3><p>Turns policy articles into UK-government briefing notes: "
                "pick quotes and positions from sources, arrange them in a structured brief and export "
                "it to Word with the right protective marking.</p>"
            )
            % __version__,
        )

    def show_shortcuts(self) -> None:
        from briefcomposer.gui.dialogs.shortcuts_dialog import ShortcutsDialog, shortcut_rows

        actions = [*self.actions(), self.delete_action, self.history_action]
        ShortcutsDialog.ask(self, shortcut_rows(actions))

    def toggle_preview(self, checked: bool) -> None:
        if checked and not self._room_for_preview():
            # Asked for in a window too narrow for four panes: it shows once the window is wide
            # enough (see `_fit_panes`), and the window is widened if the screen has room.
            self.preview_action.setChecked(False)
            self._preview_stepped_aside = True
            screen = self.screen().availableGeometry() if self.screen() is not None else None
            wanted = self.width() - self.splitter.width() + self._three_panes_width() + self._preview_width()
            if screen is None or wanted > screen.width() or self.isMaximized() or self.isFullScreen():
                self.statusBar().showMessage(self.tr("Widen the window to see the preview beside the brief"), 6000)
            else:
                self.resize(wanted, self.height())
            return
        self._preview_stepped_aside = False
        self.preview_pane.setVisible(checked)

    # A window narrower than four panes need (half a laptop screen, beside the article) shows
    # three: the preview steps aside and comes back when the window is wide enough again. The
    # other panes are never squeezed below what their contents need (issue 5).
    _preview_stepped_aside = False

    def _three_panes_width(self) -> int:
        panes = [self.source_pane, self.analysis_pane, self.brief_pane]
        return sum(p.minimumSizeHint().width() for p in panes) + self.splitter.handleWidth() * (len(panes) - 1)

    def _preview_width(self) -> int:
        return self.preview_pane.minimumSizeHint().width() + self.splitter.handleWidth()

    def _room_for_preview(self) -> bool:
        return self.splitter.width() >= self._three_panes_width() + self._preview_width()

    def _fit_panes(self) -> None:
        self.splitter.setMinimumWidth(self._three_panes_width())
        if not self.isVisible():
            return
        if self.preview_pane.isVisible() and not self._room_for_preview():
            self._preview_stepped_aside = True
            self.preview_pane.hide()
            self.preview_action.setChecked(False)
        elif self._preview_stepped_aside and self._room_for_preview():
            self._preview_stepped_aside = False
            self.preview_action.setChecked(True)
            self.preview_pane.show()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_panes()

    def _focus(self, pane: int) -> None:
        targets = [
            self.source_pane.current_view() or self.source_pane.tabs,
            self.analysis_pane.tree,
            self.brief_pane.outline_view,
            self.preview_pane.browser,
        ]
        targets[pane].setFocus()

    # ---------------------------------------------------------------- files dropped on the window

    def dragEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self.open_dropped(paths)

    def open_dropped(self, paths: list[Path]) -> None:
        """A dropped .brief opens; any other file is imported as a source."""
        briefs = [p for p in paths if p.suffix.lower() == ".brief"]
        if briefs:
            self.open_file(briefs[0])
            return
        for path in paths:
            self.start_import(path=path)

    # ---------------------------------------------------------------- recovery

    def autosave(self) -> Path | None:
        """Write a recovery copy when there are unsaved changes since the last one."""
        try:
            self.send_typing()
        except Exception:  # the crash handler comes here too: the copy matters more than the last word
            logger.warning("Could not take the text being typed into the recovery copy", exc_info=True)
        if self.doc is None or not self.doc.is_modified() or not self._autosave_pending:
            return None
        try:
            path = write_recovery(self.doc.brief, self.doc.path, self.doc.recovery_key, self.doc.disk_stamp)
        except (OSError, BriefError, ImportError) as exc:
            logger.warning("Could not write a recovery file", exc_info=True)
            # Said, not only logged: the officer must not think the work is protected when it is not.
            self.statusBar().showMessage(
                self.tr("No recovery copy could be saved (%s): save the brief to keep your work")
                % messages.explain(exc)[0].rstrip("."),
                15000,
            )
            return None
        self._autosave_pending = False
        self.statusBar().showMessage(self.tr("Recovery copy saved"), 2000)
        return path

    def emergency_save(self) -> Path | None:
        """Save a recovery copy whatever the timer says (used by the crash handler).

        What is typed in any open editor is taken first: checked before, a brief saved just
        before the crash looked unchanged, and the words being typed were not copied.
        """
        try:
            self.commit_inline_edits()
        except Exception:  # noqa: BLE001 - in a crash the copy matters more than the last word
            logger.warning("Could not take the text being typed into the recovery copy", exc_info=True)
        if self.doc is None or not self.doc.is_modified():
            return None
        self._autosave_pending = True
        return self.autosave()

    def _on_application_state_changed(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self.autosave()

    def offer_recovery(self, only_for: Path | None = None) -> bool:
        """Offer to restore unsaved work left by a previous session; True if one was restored.

        `only_for`: a file being opened; only its copies are offered (the others wait for a start
        without a file). Opened by name after a crash, a file was shown without its unsaved work,
        and closing it deleted the copy.
        """
        entries = list_recoveries()
        if only_for is not None:
            wanted = os.path.normcase(os.path.abspath(only_for))
            entries = [e for e in entries if e.original and os.path.normcase(os.path.abspath(e.original)) == wanted]
        if not entries:  # as at nearly every start: nothing more to import (issue 5)
            return False
        from PySide6.QtWidgets import QMessageBox

        from briefcomposer import storage

        for entry in entries:
            when = entry.saved_at.replace("T", " ")
            answer = QMessageBox.question(
                self,
                self.tr("Restore Unsaved Work?"),
                self.tr("Brief Composer closed before \u201c%s\u201d was saved (last copy %s). Restore it?")
                % (entry.title or self.tr("Untitled brief"), when),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes,
            )
            if answer != QMessageBox.StandardButton.Yes:
                discard(entry)
                continue
            try:
                brief = storage.load(entry.path)
            except (BriefError, OSError) as exc:  # damaged, too large, from a newer version...
                logger.warning("Recovery file %s cannot be loaded", entry.path, exc_info=True)
                self._offer_to_discard(entry, exc)
                continue
            hold(entry.key)  # this window's work now, under the copy's own name
            doc = Document(brief, entry.original, recovery_key=entry.key)
            if entry.stamp is not None:
                # The file as the lost work started from it: if it changed since, saving asks first
                # rather than overwrite a colleague's edits (recorded now, it never asked).
                doc.record_disk_stamp(DiskStamp(*entry.stamp))
            self.set_document(doc)
            self._autosave_pending = True
            self.doc.undo_stack.resetClean()  # type: ignore[union-attr]
            self._update_title()
            return True
        return False

    def _offer_to_discard(self, entry, exc: BaseException) -> None:  # type: ignore[no-untyped-def]
        """Say why the recovery copy `entry` cannot be restored and offer to delete it."""
        from PySide6.QtWidgets import QMessageBox

        sentence, detail = messages.explain(exc, entry.path)
        reason = f"{sentence} ({detail})" if detail else sentence
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved Work Cannot Be Restored"),
            self.tr("The unsaved copy of \u201c%s\u201d cannot be restored: %s\n\nDiscard it? (No keeps it in %s.)")
            % (entry.title or self.tr("Untitled brief"), reason, str(entry.path.parent)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            discard(entry)

    def show_crash(self, report: str) -> None:
        from briefcomposer.gui.dialogs.crash_dialog import CrashDialog

        saved = self.emergency_save()
        CrashDialog.ask(self, report, str(saved) if saved else "")

    # ---------------------------------------------------------------- closing

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.save_window_state()
        if self.doc is not None:
            remove_recovery(self.doc.recovery_key)
        for job in self._jobs:
            job.cancel()
        event.accept()


def sample_brief(make_blank, source=None) -> Brief:  # type: ignore[no-untyped-def]
    """A new brief from the sample article (`source`, when already loaded), analysed, as ``gui --sample`` shows it."""
    from briefcomposer.structures.templates import find_template

    try:
        template = find_template("uk-briefing-note")
    except StructureError:
        template = None
    try:
        from briefcomposer.sources import load_sample
    except ImportError:
        load_sample = None  # type: ignore[assignment]
    if source is not None:
        pass
    elif load_sample is not None:
        source = load_sample()
    else:  # the importers are not installed: read the sample's paragraphs directly
        from briefcomposer.core.model import Source
        from briefcomposer.paths import sample_path

        text = sample_path().read_text("utf-8")
        paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
        source = Source(title=paragraphs[0], paragraphs=paragraphs[1:], publisher="RUSI")
    try:
        from briefcomposer.compose import brief_from_sources
    except ImportError:
        brief_from_sources = None  # type: ignore[assignment]
    if brief_from_sources is not None and template is not None:
        brief = brief_from_sources(template, [source], analyse=True, draft=True)
    else:
        brief = make_blank(template)
        brief.sources.append(source)
        from briefcomposer.analysis import merge_into
        from briefcomposer.suggestion_cache import cached_suggest

        merge_into(brief, source, cached_suggest(source))
    if brief.marking is None:
        brief.marking = Marking.parse("OFFICIAL")
    if not brief.title:
        brief.title = source.title
    return brief
