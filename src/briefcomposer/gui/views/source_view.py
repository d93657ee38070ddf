"""The sources as numbered paragraphs, with actors, evidence and quotes highlighted."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QKeySequence,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QStackedWidget,
    QTabWidget,
    QTextEdit,
    QToolBar,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from briefcomposer.core.errors import SpanError
from briefcomposer.core.model import Excerpt, Source, Status
from briefcomposer.export.context import source_date
from briefcomposer.gui.document import Document
from briefcomposer.gui.icons import actor_colour, icon
from briefcomposer.gui.models.roles import EXCERPT_MIME
from briefcomposer.gui.preview import escape
from briefcomposer.gui.theme import colours, set_small_text

logger = logging.getLogger(__name__)

NUMBER_SEP = "\u2002"  # an en space after the paragraph number
# Actor mentions are highlighted only this many paragraphs either side of the visible ones,
# so that a 200,000-word source does not stall the window on every edit (issue 5, speed).
HIGHLIGHT_MARGIN = 40


class SelectionBar(QFrame):
    """A small bar under the selected text: quote it, make it evidence, tag it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("selectionBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.toolbar = QToolBar(self)
        self.toolbar.setIconSize(QSize(16, 16))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.toolbar)
        self.hide()

    def set_actions(self, actions: list[QAction]) -> None:
        self.toolbar.clear()
        self.toolbar.addActions(actions)
        self.adjustSize()


def plain_tip(text: str) -> str:
    """`text` for a tooltip, shown as typed: Qt takes a tooltip with a tag in it ("<b>") for HTML."""
    return f"<p>{escape(text)}</p>" if "<" in text else text


class SourceTextView(QTextEdit):
    """One source, read-only, one text block per paragraph: ``¶n`` then the paragraph."""

    def __init__(self, doc: Document, source: Source, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc, self.source = doc, source
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setObjectName("sourceText")
        self.setAccessibleName(self.tr("Source text: %s") % source.title)
        self.setTabChangesFocus(True)  # Tab moves on to the next pane; the text is read-only
        self.menu_builder: Callable[[QMenu], None] | None = None
        self._prefix: list[int] = []
        self._flash_timer: QTimer | None = None  # made by the first flash
        self._starts: list[int] = []  # where each paragraph's text starts in the document
        self._flash: list[QTextEdit.ExtraSelection] = []
        # Built on the first selection: most views never show it (start-up time, issue 5).
        self.selection_bar: SelectionBar | None = None
        self._bar_actions: list[QAction] = []
        self.selectionChanged.connect(self._place_selection_bar)
        self.verticalScrollBar().valueChanged.connect(self._place_selection_bar)
        self._window: tuple[int, int] = (0, -1)  # paragraphs whose actor mentions are highlighted
        self._pattern: tuple[tuple[tuple[str, int], ...], re.Pattern[str] | None] = ((), None)
        self._scroll_timer = QTimer(self)
        self._scroll_timer.setSingleShot(True)
        self._scroll_timer.setInterval(30)
        self._scroll_timer.timeout.connect(self._on_scrolled)
        self.verticalScrollBar().valueChanged.connect(self._schedule_window_check)
        self._build()
        self.rehighlight()

    def _build(self) -> None:
        document = QTextDocument(self)
        document.setUndoRedoEnabled(False)  # read-only text: recording every insertion only costs time
        document.setDocumentMargin(14)
        cursor = QTextCursor(document)
        # Sizes relative to the system font (9 pt gives 8.5, 10.5 and 12 pt), so reading text scales.
        base = QApplication.font().pointSizeF()
        number_fmt = QTextCharFormat()
        number_fmt.setForeground(QColor(colours().number))
        number_fmt.setFontPointSize(base * 0.94)
        body_fmt = QTextCharFormat()
        body_fmt.setFontPointSize(base * 1.17)
        heading_fmt = QTextCharFormat(body_fmt)
        heading_fmt.setFontWeight(QFont.Weight.Bold)
        heading_fmt.setFontPointSize(base * 1.33)
        block_fmt = QTextBlockFormat()
        block_fmt.setBottomMargin(9)
        block_fmt.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        headings = set(self.source.headings)
        self._prefix, self._starts = [], []
        for n, text in enumerate(self.source.paragraphs):
            if n:
                cursor.insertBlock(block_fmt)
            else:
                cursor.setBlockFormat(block_fmt)
            prefix = f"\u00b6{n + 1}{NUMBER_SEP}"
            cursor.insertText(prefix, number_fmt)
            self._starts.append(cursor.position())
            cursor.insertText(text, heading_fmt if n in headings else body_fmt)
            self._prefix.append(len(prefix))
        self.setDocument(document)
        document.documentLayout().documentSizeChanged.connect(self._schedule_window_check)

    # -- positions

    def _doc_pos(self, paragraph: int, offset: int) -> int:
        # Kept from the build (the text is read-only): looking the block up for each of the
        # hundreds of highlights cost a third of `rehighlight` (start-up, issue 5).
        return self._starts[paragraph] + offset

    def selection_span(self) -> tuple[int, int, int, bool] | None:
        """`(paragraph, start, end, trimmed)` of the selection, clipped to one paragraph.

        A selection over several paragraphs is clipped to the first whose selected part holds a
        word: a drag that starts just after the end of a paragraph (or on its full stop) means the
        next one, and was quoted as "" or "." (issue 5). `trimmed` is True when the selection also
        took words of another paragraph. None when nothing is selected.
        """
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        doc = self.document()
        selection_start, selection_end = cursor.selectionStart(), cursor.selectionEnd()
        first = doc.findBlock(selection_start).blockNumber()
        last = min(doc.findBlock(selection_end).blockNumber(), len(self._prefix) - 1)
        if first >= len(self._prefix):
            return None
        spans = []
        for paragraph in range(first, last + 1):
            block = doc.findBlockByNumber(paragraph)
            offset = block.position() + self._prefix[paragraph]
            text = self.source.paragraphs[paragraph]
            start = min(max(selection_start - offset, 0), len(text))
            end = min(max(selection_end - offset, 0), len(text))
            # A selection usually catches a space at either end: a quote does not want it.
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            spans.append((paragraph, start, end, any(c.isalnum() for c in text[start:end])))
        worded = [span for span in spans if span[3]]
        paragraph, start, end, _ = worded[0] if worded else spans[0]
        return paragraph, start, end, len(worded) > 1

    def selected_excerpt(self) -> Excerpt:
        """The selection as an excerpt; raises `SpanError` if nothing usable is selected."""
        span = self.selection_span()
        if span is None:
            raise SpanError(0, 0, 0, "nothing is selected")
        paragraph, start, end, _ = span
        return self.source.excerpt(paragraph, start, end)

    # -- highlighting

    def rehighlight(self) -> None:
        selections: list[QTextEdit.ExtraSelection] = []
        brief = self._doc.brief
        sid = self.source.id
        theme = colours()
        for excerpt in (e for p in brief.positions if p.status is not Status.REJECTED for e in p.evidence):
            if excerpt.source_id == sid:
                fmt = QTextCharFormat()
                fmt.setBackground(QColor(theme.evidence))
                fmt.setToolTip(self.tr("Evidence of a position"))
                selections.append(self._selection(excerpt.paragraph, excerpt.start, excerpt.end, fmt))
        for _, item in brief.iter_items():
            excerpt = getattr(item, "excerpt", None)
            if excerpt is not None and excerpt.source_id == sid:
                fmt = QTextCharFormat()
                fmt.setBackground(QColor(theme.quoted))
                fmt.setFontUnderline(True)
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                fmt.setUnderlineColor(QColor(theme.quoted_line))
                fmt.setToolTip(self.tr("Quoted in the brief"))
                selections.append(self._selection(excerpt.paragraph, excerpt.start, excerpt.end, fmt))
        # One pattern for every name of every actor, longest first, so one pass per paragraph.
        owner: dict[str, int] = {}
        for row, actor in enumerate(brief.actors):
            for name in actor.names():
                if len(name.strip()) > 1:
                    owner.setdefault(name, row)
        pattern = self._actor_pattern(owner)
        if pattern is not None:
            first, last = self._window = self._wanted_window()
            formats: dict[int, QTextCharFormat] = {}
            paragraphs = self.source.paragraphs
            for n in range(first, last + 1):
                for m in pattern.finditer(paragraphs[n]):
                    row = owner[m.group(0)]
                    if row not in formats:
                        formats[row] = self._actor_format(row, brief.actors[row].name, theme)
                    selections.append(self._selection(n, m.start(), m.end(), formats[row]))
        self.setExtraSelections(selections + self._flash)

    def _actor_pattern(self, owner: dict[str, int]) -> re.Pattern[str] | None:
        key = tuple(sorted(owner.items()))
        if key != self._pattern[0]:
            names = sorted(owner, key=len, reverse=True)
            pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)") if names else None
            self._pattern = (key, pattern)
        return self._pattern[1]

    def _visible_paragraphs(self) -> tuple[int, int]:
        """The first and last paragraph shown in the viewport."""
        # The scroll bars' page steps are the viewport's size, as QTextEdit keeps them (not asked
        # of `viewport()`: see `brief_pane.OutlineDelegate._text_width`).
        corner = QPoint(self.horizontalScrollBar().pageStep() - 1, self.verticalScrollBar().pageStep() - 1)
        top = self.cursorForPosition(QPoint(0, 0)).blockNumber()
        bottom = self.cursorForPosition(corner).blockNumber()
        return top, max(top, bottom)

    def _wanted_window(self) -> tuple[int, int]:
        count = len(self.source.paragraphs)
        if count <= 4 * HIGHLIGHT_MARGIN:
            return 0, count - 1
        top, bottom = self._visible_paragraphs()
        # While Qt still lays the document out, the hit test can answer far too many paragraphs;
        # the window is capped, and checked again once the layout grows (documentSizeChanged).
        bottom = min(bottom, top + 2 * HIGHLIGHT_MARGIN)
        return max(0, top - HIGHLIGHT_MARGIN), min(count - 1, bottom + HIGHLIGHT_MARGIN)

    def _schedule_window_check(self, *args: object) -> None:
        self._scroll_timer.start()  # not connected directly: start(int) would take the value as its interval

    def _on_scrolled(self) -> None:
        """Highlight the actors of newly visible paragraphs once scrolling leaves the highlighted ones."""
        if self._pattern[1] is None:
            return
        top, bottom = self._visible_paragraphs()
        first, last = self._window
        if top < first or bottom > last:
            self.rehighlight()

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self._scroll_timer.start()

    @staticmethod
    def _actor_format(row: int, name: str, theme) -> QTextCharFormat:  # type: ignore[no-untyped-def]
        colour = actor_colour(row)
        fmt = QTextCharFormat()
        fmt.setForeground(theme.actor(colour))
        fmt.setFontUnderline(True)  # an underline as well as a colour: colour is never the only cue
        fmt.setUnderlineColor(colour)
        fmt.setFontWeight(QFont.Weight.DemiBold)
        fmt.setToolTip(plain_tip(name))
        return fmt

    def _selection(self, paragraph: int, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        if 0 <= paragraph < len(self._prefix):
            length = len(self.source.paragraphs[paragraph])
            start, end = max(0, min(start, length)), max(0, min(end, length))
            cursor.setPosition(self._doc_pos(paragraph, start))
            cursor.setPosition(self._doc_pos(paragraph, end), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor  # type: ignore[attr-defined]
        sel.format = fmt  # type: ignore[attr-defined]
        return sel

    FLASH_MS = 1400  # how long a span jumped to stays lit

    def flash(self, paragraph: int, start: int = 0, end: int | None = None) -> None:
        """Scroll to a span and flash it for a moment."""
        if not 0 <= paragraph < len(self._prefix):
            return
        end = len(self.source.paragraphs[paragraph]) if end is None else end
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(colours().flash))
        fmt.setFontUnderline(True)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        self._flash = [self._selection(paragraph, start, end, fmt)]
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._doc_pos(paragraph, end))
        self.setTextCursor(cursor)
        cursor.setPosition(self._doc_pos(paragraph, start))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.rehighlight()
        # One timer, started again by each flash: a timer of its own each, the first flash's
        # ended the second after a moment when two followed each other (issue 5).
        if self._flash_timer is None:
            self._flash_timer = QTimer(self)
            self._flash_timer.setSingleShot(True)
            self._flash_timer.timeout.connect(self._end_flash)
        self._flash_timer.start(self.FLASH_MS)

    def _end_flash(self) -> None:
        self._flash = []
        self.rehighlight()

    # -- the selection bar

    def set_bar_actions(self, actions: list[QAction]) -> None:
        """The actions of the bar under the selected text."""
        self._bar_actions = list(actions)
        if self.selection_bar is not None:
            self.selection_bar.set_actions(self._bar_actions)

    def _place_selection_bar(self, *args: object) -> None:
        """Show the bar just below the end of the selection, inside the viewport."""
        bar = self.selection_bar
        cursor = self.textCursor()
        if not cursor.hasSelection() or not self._bar_actions or self.selection_span() is None:
            if bar is not None:
                bar.hide()
            return
        if bar is None:
            bar = self.selection_bar = SelectionBar(self.viewport())
            bar.set_actions(self._bar_actions)
        end = QTextCursor(cursor)
        end.setPosition(cursor.selectionEnd())
        rect = self.cursorRect(end)
        bar.adjustSize()
        x = min(max(rect.left() - bar.width() // 2, 4), self.viewport().width() - bar.width() - 4)
        y = rect.bottom() + 6
        if y + bar.height() > self.viewport().height():  # no room below: go above the line
            y = max(rect.top() - bar.height() - 6, 0)
        bar.move(x, y)
        bar.show()
        bar.raise_()

    # -- hover

    def describe_at(self, doc_pos: int) -> str:
        """What the text at document position `doc_pos` is: actor, evidence, quote (for tooltips)."""
        block = self.document().findBlock(doc_pos)
        paragraph = block.blockNumber()
        if not 0 <= paragraph < len(self._prefix):
            return ""
        offset = doc_pos - block.position() - self._prefix[paragraph]
        if offset < 0:
            return self.tr("Paragraph %d") % (paragraph + 1)
        brief, sid, lines = self._doc.brief, self.source.id, []

        def covers(e: Excerpt) -> bool:
            return e.source_id == sid and e.paragraph == paragraph and e.start <= offset < e.end

        for position in brief.positions:
            if position.status is not Status.REJECTED and any(covers(e) for e in position.evidence):
                try:
                    actor = brief.actor(position.actor_id).name
                except KeyError:
                    actor = "?"
                state = self.tr("suggested") if position.status is Status.SUGGESTED else self.tr("accepted")
                lines.append(self.tr("Evidence (%s): %s: %s") % (state, actor, position.stance))
        for section, item in brief.iter_items():
            excerpt = getattr(item, "excerpt", None)
            if excerpt is not None and covers(excerpt):
                lines.append(self.tr("Quoted in \u201c%s\u201d") % section.heading)
        return "\n".join(lines)

    def viewportEvent(self, event) -> bool:  # type: ignore[no-untyped-def]
        if event.type() == QEvent.Type.ToolTip:  # positions are in viewport coordinates here
            text = self.describe_at(self.cursorForPosition(event.pos()).position())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    # -- drag and context menu

    def createMimeDataFromSelection(self) -> QMimeData:
        # QTextEdit's own mime data lists a fixed set of formats, so copy it into a plain one.
        original = super().createMimeDataFromSelection()
        mime = QMimeData()
        mime.setText(original.text())
        mime.setHtml(original.html())
        span = self.selection_span()
        if span is not None and span[1] < span[2]:
            payload = {"source_id": self.source.id, "paragraph": span[0], "start": span[1], "end": span[2]}
            mime.setData(EXCERPT_MIME, QByteArray(json.dumps(payload).encode()))
        return mime

    def contextMenuEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        menu = QMenu(self)
        if self.menu_builder is not None:
            self.menu_builder(menu)
            menu.addSeparator()
        copy = menu.addAction(icon("paste"), self.tr("Copy"), QKeySequence.StandardKey.Copy)
        copy.triggered.connect(self.copy)
        copy.setEnabled(self.textCursor().hasSelection())
        menu.exec(event.globalPos())
        menu.deleteLater()


class SourcePane(QWidget):
    """Tabs of sources, a find bar and the legend."""

    selection_changed = Signal(bool)
    views_changed = Signal()  # a source view was added or removed, or the find bar built (the tab order follows)

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self.menu_builder: Callable[[QMenu], None] | None = None
        self._bar_actions: list[QAction] = []
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setObjectName("sourceTabs")
        self.tabs.tabBar().setAccessibleName(self.tr("Sources"))
        self.tabs.currentChanged.connect(self._on_tab_changed)
        # The empty state and the find bar are built when first shown (`_empty_state`,
        # `_build_find_bar`): with a source open neither shows at start-up (issue 5).
        self.empty_label: QLabel | None = None
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.tabs)
        self.find_bar: QWidget | None = None
        self.find_edit: QLineEdit | None = None
        self.find_status: QLabel | None = None

        self.legend = QLabel(self)
        set_small_text(self.legend, "legend")
        self.legend.setAccessibleName(self.tr("Legend of the highlights"))
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)

        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.pane_title = QLabel(self.tr("Source"), self)
        set_small_text(self.pane_title, "paneTitle")
        self.pane_title.setContentsMargins(8, 8, 8, 0)
        layout.addWidget(self.pane_title)
        self.caption = QLabel(self)
        self.caption.setObjectName("sourceCaption")
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.caption)
        layout.addWidget(self.stack, 1)  # the find bar goes above it when built
        layout.addWidget(self.legend)

        self._views: dict[str, SourceTextView] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.rehighlight)
        doc.sources.rowsInserted.connect(self._rebuild)
        doc.sources.rowsRemoved.connect(self._rebuild)
        doc.sources.modelReset.connect(self._rebuild)
        # Highlights depend on actors, evidence and quotes only, so metadata typing costs nothing here.
        for model in (doc.actors, doc.analysis):
            for sig in (model.rowsInserted, model.rowsRemoved, model.dataChanged, model.modelReset):
                sig.connect(self._timer.start)
        doc.outline.rowsInserted.connect(self._timer.start)
        doc.outline.rowsRemoved.connect(self._timer.start)
        self._rebuild()

    # -- tabs

    def _rebuild(self, *args: object) -> None:
        current = self.current_source()
        wanted = [s.id for s in self._doc.brief.sources]
        for sid in list(self._views):
            if sid not in wanted:
                view = self._views.pop(sid)
                self.tabs.removeTab(self.tabs.indexOf(view))
                view.deleteLater()
        for row, source in enumerate(self._doc.brief.sources):
            if source.id not in self._views:
                view = SourceTextView(self._doc, source, self.tabs)
                view.menu_builder = self._build_menu
                view.set_bar_actions(self._bar_actions)
                view.selectionChanged.connect(self._on_selection_changed)
                self._views[source.id] = view
                title = source.title if len(source.title) <= 28 else source.title[:27] + "\u2026"
                self.tabs.insertTab(row, view, icon("source"), title)
                self.tabs.setTabToolTip(row, plain_tip(source.title))
                if current is not None:  # a newly imported source comes to the front
                    self.tabs.setCurrentWidget(view)
        self.stack.setCurrentWidget(self.tabs if self._views else self._empty_state())
        self.tabs.tabBar().setVisible(len(self._views) > 1)
        self._update_legend()
        self._update_caption()
        self.views_changed.emit()

    def _empty_state(self) -> QLabel:
        """The page the pane shows while there is no source, built the first time it is wanted."""
        if self.empty_label is None:
            self.empty_label = QLabel(
                self.tr(
                    "<h3>No sources yet</h3><p>Import an article with <b>File \u203a Import Source</b> (Ctrl+I)"
                    " or paste its text with <b>File \u203a Paste as Source</b> (Ctrl+Shift+V).</p>"
                ),
                self,
            )
            self.empty_label.setObjectName("emptyState")
            self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.empty_label.setWordWrap(True)
            self.stack.insertWidget(0, self.empty_label)
        return self.empty_label

    def set_selection_actions(self, actions: list[QAction]) -> None:
        """The actions of the bar that appears under selected text."""
        self._bar_actions = list(actions)
        for view in self._views.values():
            view.set_bar_actions(self._bar_actions)

    def _build_menu(self, menu: QMenu) -> None:
        if self.menu_builder is not None:
            self.menu_builder(menu)

    def views(self) -> list[SourceTextView]:
        return list(self._views.values())

    def current_view(self) -> SourceTextView | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, SourceTextView) else None

    def current_source(self) -> Source | None:
        view = self.current_view()
        return view.source if view else None

    def view_of(self, source_id: str) -> SourceTextView | None:
        return self._views.get(source_id)

    def selected_excerpt(self) -> Excerpt:
        view = self.current_view()
        if view is None:
            raise SpanError(0, 0, 0, "there is no source to select from")
        return view.selected_excerpt()

    def has_selection(self) -> bool:
        view = self.current_view()
        return bool(view and view.textCursor().hasSelection())

    def show_span(self, source_id: str, paragraph: int, start: int = 0, end: int | None = None) -> None:
        view = self._views.get(source_id)
        if view is None:
            return
        self.tabs.setCurrentWidget(view)
        view.flash(paragraph, start, end)

    def show_excerpt(self, excerpt: Excerpt) -> None:
        self.show_span(excerpt.source_id, excerpt.paragraph, excerpt.start, excerpt.end)

    # -- highlighting and legend

    def rehighlight(self) -> None:
        for view in self._views.values():
            view.rehighlight()
        self._update_legend()

    def _update_legend(self) -> None:
        parts = []
        theme = colours()
        holders = {p.actor_id for p in self._doc.brief.positions if p.status is not Status.REJECTED}
        shown = [(row, a) for row, a in enumerate(self._doc.brief.actors) if a.id in holders]
        for row, actor in shown[:8]:
            colour = theme.actor(actor_colour(row)).name()
            parts.append(
                f'<span style="color:{colour}; font-weight:600; text-decoration:underline;">'
                f"\u25cf\u00a0{escape(actor.name).replace(' ', chr(160))}</span>"
            )
        rest = len(self._doc.brief.actors) - len(shown[:8])
        if rest > 0:
            parts.append(self.tr("+%d more actors") % rest)
        keys = (
            f'<span style="background:{theme.evidence};">&nbsp;{self.tr("evidence")}&nbsp;</span>'
            f'&nbsp; <span style="background:{theme.quoted}; text-decoration:underline;">'
            f"&nbsp;{self.tr('quoted')}&nbsp;</span>"
        )
        actors = " &nbsp; ".join(parts) if parts else self.tr("no actors yet")
        self.legend.setText(f"{keys} &nbsp;&nbsp; {actors}")
        self.legend.setVisible(bool(self._views))

    # -- find

    def _build_find_bar(self) -> QLineEdit:
        """Build the find bar (hidden) above the sources, the first time it is asked for."""
        if self.find_edit is not None:
            return self.find_edit
        self.find_edit = QLineEdit(self)
        self.find_edit.setPlaceholderText(self.tr("Find in source (Enter: next, Shift+Enter: previous)"))
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.setAccessibleName(self.tr("Find in source"))
        self.find_edit.textChanged.connect(self._on_find_text_changed)
        self.find_edit.returnPressed.connect(self.find_next)
        self.find_status = QLabel(self)
        set_small_text(self.find_status, "hint")
        close = QToolButton(self)
        close.setText("\u2715")
        close.setToolTip(self.tr("Close the find bar (Esc)"))
        close.setAccessibleName(self.tr("Close the find bar"))
        close.clicked.connect(self.hide_find)
        self.find_bar = QWidget(self)
        self.find_bar.setObjectName("findBar")
        find_layout = QHBoxLayout(self.find_bar)
        find_layout.setContentsMargins(6, 4, 6, 4)
        find_icon = QLabel(self.find_bar)
        find_icon.setPixmap(icon("find").pixmap(16, 16))
        find_layout.addWidget(find_icon)
        find_layout.addWidget(self.find_edit, 1)
        find_layout.addWidget(self.find_status)
        find_layout.addWidget(close)
        self.find_bar.hide()
        escape = QAction(self.find_bar)
        escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        escape.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.triggered.connect(self.hide_find)
        self.find_bar.addAction(escape)
        previous = QAction(self.find_bar)
        previous.setShortcut(QKeySequence("Shift+Return"))
        previous.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        previous.triggered.connect(self.find_previous)
        self.find_bar.addAction(previous)
        self._layout.insertWidget(self._layout.indexOf(self.stack), self.find_bar)
        self.views_changed.emit()  # the find field leads the pane's tab order
        return self.find_edit

    def show_find(self) -> None:
        edit = self._build_find_bar()
        assert self.find_bar is not None
        self.find_bar.show()
        edit.setFocus()
        edit.selectAll()

    def hide_find(self) -> None:
        if self.find_bar is None:
            return
        self.find_bar.hide()
        view = self.current_view()
        if view is not None:
            view.setFocus()

    def _on_find_text_changed(self, text: str) -> None:
        view = self.current_view()
        if view is None:
            return
        cursor = view.textCursor()
        cursor.setPosition(cursor.selectionStart())
        view.setTextCursor(cursor)
        self._find(text, QTextDocument.FindFlag(0))

    def find_next(self) -> None:
        if self.find_edit is not None:
            self._find(self.find_edit.text(), QTextDocument.FindFlag(0))

    def find_previous(self) -> None:
        if self.find_edit is not None:
            self._find(self.find_edit.text(), QTextDocument.FindFlag.FindBackward)

    def _find(self, text: str, flags: QTextDocument.FindFlag) -> bool:
        assert self.find_status is not None  # only the find bar's field searches
        view = self.current_view()
        if view is None or not text:
            self.find_status.setText("")
            return False
        found = view.find(text, flags)
        if not found:  # wrap around
            cursor = view.textCursor()
            cursor.movePosition(
                QTextCursor.MoveOperation.End
                if flags & QTextDocument.FindFlag.FindBackward
                else QTextCursor.MoveOperation.Start
            )
            view.setTextCursor(cursor)
            found = view.find(text, flags)
        self.find_status.setText("" if found else self.tr("Not found"))
        return found

    # -- slots

    def _on_tab_changed(self, index: int) -> None:
        self._update_caption()
        self._on_selection_changed()

    def _update_caption(self) -> None:
        source = self.current_source() if hasattr(self, "caption") else None
        if source is None:
            if hasattr(self, "caption"):
                self.caption.hide()
            return
        meta = " \u00b7 ".join(escape(p) for p in (source.author, source.publisher, source_date(source.date)) if p)
        count = self.tr("%d paragraphs") % len(source.paragraphs)
        n = len(self._views)
        self.pane_title.setText(
            self.tr("Sources \u00b7 %d of %d") % (self.tabs.currentIndex() + 1, n) if n > 1 else self.tr("Source")
        )
        line = f"{meta} \u00b7 {count}" if meta else count
        self.caption.setText(
            f'<div style="font-size:large; font-weight:600;">{escape(source.title)}</div>'
            f'<div style="color:{colours().muted};">{line}</div>'
        )
        self.caption.show()

    def _on_selection_changed(self) -> None:
        self.selection_changed.emit(self.has_selection())
