"""The brief: its metadata form and the outline of sections with their items."""

from __future__ import annotations

import datetime as dt
import time

from PySide6.QtCore import QDate, QEvent, QModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QSizePolicy,
    QStyle,
    QStyleOptionViewItem,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from briefcomposer.core.model import DESCRIPTORS, HANDLING_INSTRUCTIONS, NATIONAL_CAVEATS, Marking, Tier
from briefcomposer.gui.commands import SetMetadataCommand
from briefcomposer.gui.document import Document
from briefcomposer.gui.models.roles import Role
from briefcomposer.gui.theme import colours, pane_toolbar, set_small_text
from briefcomposer.gui.views import ALT_ARROWS, CommitsOpenEditor, claim_keys, fit_wrapped

MAX_ITEM_LINES = 6
KIND_TAGS = {
    "text": "\u00b6",
    "bullet": "\u2022",
    "quote": "\u201c\u201d",
    "position": "POS",
    "issue": "ISS",
    "table": "TBL",
}


# ---------------------------------------------------------------- metadata


class DateField(QDateEdit):
    """The brief's date, which may be "No date": a brief saved without one has none.

    Shown as today, a brief with no date looked dated in the form while its export printed no
    date, and picking today changed nothing (issue 5). "No date" is Qt's special value text on
    the lowest date; stepping or opening the calendar from it starts at today, not in 1752.
    """

    NO_DATE = QDate(1752, 9, 14)  # QDateEdit's own lowest date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumDate(self.NO_DATE)
        self.setSpecialValueText(self.tr("No date"))
        self.setCalendarPopup(True)
        self.setDisplayFormat("d MMM yyyy")

    def value(self) -> dt.date | None:
        date = self.date()
        return None if date == self.NO_DATE else dt.date(date.year(), date.month(), date.day())

    def set_value(self, value: dt.date | None) -> None:
        self.setDate(self.NO_DATE if value is None else QDate(value.year, value.month, value.day))

    def stepBy(self, steps: int) -> None:
        if self.value() is None:
            self.setDate(QDate.currentDate())
            self.setCurrentSection(QDateEdit.Section.DaySection)  # the next step is a day's
        else:
            super().stepBy(steps)

    def mousePressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        empty = self.value() is None
        super().mousePressEvent(event)
        if empty:
            self._calendar_at_today()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if event.key() == Qt.Key.Key_F4 or (alt and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)):
            event.accept()
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def open_calendar(self) -> None:
        """Open the calendar as a click on the arrow does (F4 or Alt+Down, as a combo box opens).

        QDateEdit opens its calendar from the mouse only; it has no function for it, so this
        presses the arrow where the style draws it.
        """
        from PySide6.QtCore import QPointF
        from PySide6.QtGui import QMouseEvent
        from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

        option = QStyleOptionComboBox()
        option.initFrom(self)
        option.editable = True
        option.subControls = QStyle.SubControl.SC_All
        arrow = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, self
        )
        where = QPointF(arrow.center())
        press = QMouseEvent(
            QEvent.Type.MouseButtonPress,
            where,
            self.mapToGlobal(where),
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        self.mousePressEvent(press)

    def _calendar_at_today(self) -> None:
        calendar = self.calendarWidget()
        if calendar is not None and calendar.isVisible():
            today = QDate.currentDate()
            calendar.setCurrentPage(today.year(), today.month())


class MetadataForm(QWidget):
    """Title, reference, to, from, date, contact and the protective marking."""

    TEXT_FIELDS = (
        ("title", "Title", "What the brief is about"),
        ("reference", "Reference", "SEC/2026/041"),
        ("to", "To", "Recipient"),
        ("sender", "From", "Name, team"),
        ("contact", "Contact", "Telephone or email"),
    )

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self.setObjectName("metadataForm")
        self.edits: dict[str, QLineEdit] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 4, 8, 4)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(5)
        for field, label, hint in self.TEXT_FIELDS:
            edit = QLineEdit(self)
            edit.setPlaceholderText(self.tr(hint))
            edit.setAccessibleName(self.tr(label))
            edit.setObjectName(f"{field}Edit")
            edit.textEdited.connect(lambda text, f=field: self._on_text_edited(f, text))
            self.edits[field] = edit
        self.date_edit = DateField(self)
        claim_keys(self.date_edit, ALT_ARROWS)  # Alt+Down opens its calendar, not Move Down
        self.date_edit.setAccessibleName(self.tr("Date"))
        self.date_edit.dateChanged.connect(self._on_date_changed)

        self.tier_combo = QComboBox(self)
        claim_keys(self.tier_combo, ALT_ARROWS)  # Alt+Down opens its list
        self.tier_combo.setAccessibleName(self.tr("Classification tier"))
        self.tier_combo.addItem(self.tr("No marking"), None)
        for tier in Tier:
            self.tier_combo.addItem(tier.value, tier)
        self.sensitive_check = QCheckBox(self.tr("-SENSITIVE"), self)
        self.sensitive_check.setToolTip(self.tr("OFFICIAL-SENSITIVE: applies to OFFICIAL only"))
        self.sensitive_check.setAccessibleName(self.tr("Sensitive (OFFICIAL-SENSITIVE)"))
        self.extras_button = QToolButton(self)
        self.extras_button.setText(self.tr("Caveats"))
        self.extras_button.setToolTip(self.tr("Descriptors, national caveats and handling instructions"))
        self.extras_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.extras_menu = QMenu(self.extras_button)
        self._extra_actions = {}
        for title, words in (
            ("Descriptors", DESCRIPTORS),
            ("National caveats", NATIONAL_CAVEATS),
            ("Handling instructions", HANDLING_INSTRUCTIONS),
        ):
            self.extras_menu.addSection(self.tr(title))
            for word in words:
                action = self.extras_menu.addAction(word)
                action.setCheckable(True)
                action.toggled.connect(self._on_marking_changed)
                self._extra_actions[word] = action
        self.extras_button.setMenu(self.extras_menu)
        self.marking_preview = QLabel(self)
        self.marking_preview.setObjectName("markingPreview")
        self.marking_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.marking_preview.setAccessibleName(self.tr("Marking as printed"))
        self.tier_combo.currentIndexChanged.connect(self._on_marking_changed)
        self.sensitive_check.toggled.connect(self._on_marking_changed)

        def label(text: str, buddy: QWidget) -> QLabel:
            lab = QLabel(self.tr(text), self)
            lab.setBuddy(buddy)
            lab.setObjectName("formLabel")
            return lab

        grid.addWidget(label("&Title", self.edits["title"]), 0, 0)
        grid.addWidget(self.edits["title"], 0, 1, 1, 3)
        grid.addWidget(label("&Ref.", self.edits["reference"]), 1, 0)
        grid.addWidget(self.edits["reference"], 1, 1)
        grid.addWidget(label("&Date", self.date_edit), 1, 2)
        grid.addWidget(self.date_edit, 1, 3)
        grid.addWidget(label("T&o", self.edits["to"]), 2, 0)
        grid.addWidget(self.edits["to"], 2, 1)
        grid.addWidget(label("&From", self.edits["sender"]), 2, 2)
        grid.addWidget(self.edits["sender"], 2, 3)
        grid.addWidget(label("&Contact", self.edits["contact"]), 3, 0)
        grid.addWidget(self.edits["contact"], 3, 1, 1, 3)
        marking_row = QWidget(self)
        row_layout = QGridLayout(marking_row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.tier_combo, 0, 0)
        row_layout.addWidget(self.sensitive_check, 0, 1)
        row_layout.addWidget(self.extras_button, 0, 2)
        row_layout.setColumnStretch(3, 1)
        grid.addWidget(label("&Marking", self.tier_combo), 4, 0)
        grid.addWidget(marking_row, 4, 1, 1, 3)
        grid.addWidget(self.marking_preview, 5, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self._updating = False
        doc.metadata_changed.connect(self.update_from_brief)
        self.update_from_brief()

    def update_from_brief(self, field: str = "") -> None:
        """Show the brief's values (after an undo, say) without pushing commands."""
        self._updating = True
        try:
            brief = self._doc.brief
            for name, edit in self.edits.items():
                value = getattr(brief, name)
                if edit.text() != value:
                    edit.setText(value)
            self.date_edit.set_value(brief.date)
            marking = brief.marking
            self.tier_combo.setCurrentIndex(self.tier_combo.findData(marking.tier) if marking else 0)
            self.sensitive_check.setChecked(bool(marking and marking.sensitive))
            chosen = set(marking.descriptors + marking.caveats + marking.handling) if marking else set()
            for word, action in self._extra_actions.items():
                action.setChecked(word in chosen)
            self._update_marking_widgets()
        finally:
            self._updating = False

    def _update_marking_widgets(self) -> None:
        marking = self._doc.brief.marking
        tier = self.tier_combo.currentData()
        self.sensitive_check.setEnabled(tier is Tier.OFFICIAL)
        self.extras_button.setEnabled(tier is not None)
        n = sum(a.isChecked() for a in self._extra_actions.values())
        self.extras_button.setText(self.tr("Caveats (%d)") % n if n else self.tr("Caveats"))
        self.marking_preview.setText(str(marking) if marking else self.tr("CHOOSE A MARKING"))
        self.marking_preview.setProperty("missing", marking is None)
        self.marking_preview.style().unpolish(self.marking_preview)
        self.marking_preview.style().polish(self.marking_preview)

    def marking_from_widgets(self) -> Marking | None:
        tier = self.tier_combo.currentData()
        if tier is None:
            return None
        chosen = [w for w, a in self._extra_actions.items() if a.isChecked()]
        return Marking(
            tier=tier,
            sensitive=self.sensitive_check.isChecked() and tier is Tier.OFFICIAL,
            descriptors=[w for w in chosen if w in DESCRIPTORS],
            caveats=[w for w in chosen if w in NATIONAL_CAVEATS],
            handling=[w for w in chosen if w in HANDLING_INSTRUCTIONS],
        )

    def _on_text_edited(self, field: str, text: str) -> None:
        if not self._updating:
            self._doc.push(SetMetadataCommand(self._doc, field, text))

    def _on_date_changed(self, _date: QDate) -> None:
        if self._updating:
            return
        value = self.date_edit.value()
        if value != self._doc.brief.date:
            self._doc.push(SetMetadataCommand(self._doc, "date", value))

    def _on_marking_changed(self, *args: object) -> None:
        if self._updating:
            return
        marking = self.marking_from_widgets()
        old = self._doc.brief.marking
        if (str(marking) if marking else None) != (str(old) if old else None):
            self._doc.push(SetMetadataCommand(self._doc, "marking", marking))
        self._update_marking_widgets()


# ---------------------------------------------------------------- outline


class _ItemEditor(QPlainTextEdit):
    """Multi-line inline editor: Ctrl+Enter (or leaving it) commits, Esc cancels.

    What is typed also reaches the brief as it is typed (`typed`, at each pause and at least
    every few seconds), so the preview, the word counts and the recovery file follow the
    typing: a paragraph written over ten minutes in one editor was in none of them until the
    editor closed, and a crash lost all of it (issue 5). Those edits merge into one undo step;
    Esc puts back the text the editor opened with (`original`).
    """

    commit = Signal()
    typed = Signal()
    PAUSE_MS = 400
    MAX_WAIT_S = 3.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.original: str | None = None  # set when the editor is first filled
        self.original_boilerplate = False  # and whether it was boilerplate then
        self._unsent_since: float | None = None
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(self.PAUSE_MS)
        self._pause.timeout.connect(self.send)
        self.textChanged.connect(self._on_text_changed)

    def _on_text_changed(self) -> None:
        if self.original is None:
            return
        now = time.monotonic()
        if self._unsent_since is None:
            self._unsent_since = now
        if now - self._unsent_since >= self.MAX_WAIT_S:  # typing without a pause
            self.send()
        else:
            self._pause.start()

    def stop_sending(self) -> None:
        """Send nothing more (the edit is being cancelled)."""
        self._pause.stop()
        self.original = None  # `_on_text_changed` sends nothing from here

    def send(self) -> None:
        """Pass what is typed to the brief now."""
        self._pause.stop()
        self._unsent_since = None
        self.typed.emit()

    @staticmethod
    def _is_commit_key(event) -> bool:  # type: ignore[no-untyped-def]
        """Ctrl+Enter. Ctrl+Shift+Enter is left to the window: Add Paragraph, the next one."""
        modifiers = event.modifiers()
        return (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and bool(modifiers & Qt.KeyboardModifier.ControlModifier)
            and not modifiers & Qt.KeyboardModifier.ShiftModifier
        )

    def event(self, event) -> bool:  # type: ignore[no-untyped-def]
        # Ctrl+Enter belongs to the editor while it is open, not to the window's "Quote" action.
        if event.type() == QEvent.Type.ShortcutOverride and self._is_commit_key(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self._is_commit_key(event):
            self.commit.emit()
            return
        super().keyPressEvent(event)


class OutlineDelegate(CommitsOpenEditor):
    """Sections as headings with a word count; items as wrapped text with a kind tag."""

    PAD = 6
    TAG_W = 30

    EDITOR_MIN_H, EDITOR_MAX_LINES = 90, 20

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view

    def _text_width(self, index: QModelIndex) -> int:
        depth = 1 if index.parent().isValid() else 0
        # The one column fills the viewport. Not `viewport().width()`: the first time PySide6 hands
        # Python the plain QWidget of a viewport, it creates every QtWidgets class not made yet
        # (wizards, dialogs...) with their enums to tell which it is, 3.7 ms of the start (issue 5).
        width = self._view.columnWidth(0) - self._view.indentation() * (depth + 1)
        return max(width - 2 * self.PAD - (self.TAG_W + self.PAD if depth else 0), 80)

    def _item_font(self, option: QStyleOptionViewItem, index: QModelIndex) -> QFont:
        font = QFont(option.font)
        if index.data(Role.KIND) == "quote":
            font.setItalic(True)
        return font

    def _section_font(self, option: QStyleOptionViewItem) -> QFont:
        font = QFont(option.font)
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.08)
        return font

    def _guidance_font(self, option: QStyleOptionViewItem) -> QFont:
        font = QFont(option.font)
        font.setItalic(True)
        font.setPointSizeF(font.pointSizeF() * 0.95)
        return font

    def _wrapped_height(self, font: QFont, text: str, width: int, max_lines: int) -> int:
        fm = QFontMetrics(font)
        rect = fm.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text)
        return min(rect.height(), fm.lineSpacing() * max_lines)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        width = self._text_width(index)
        if not index.parent().isValid():
            height = QFontMetrics(self._section_font(option)).height() + 2 * self.PAD
            if self._view.model().rowCount(index) == 0 and index.data(Role.GUIDANCE):
                height += self._wrapped_height(self._guidance_font(option), index.data(Role.GUIDANCE), width, 3) + 2
            return QSize(width, height + 4)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        height = self._wrapped_height(self._item_font(option, index), text, width, MAX_ITEM_LINES) + 2 * self.PAD
        editor = self.editing(index)
        if editor is not None:  # the row makes room for its editor, as tall as its text
            height = max(height, self.EDITOR_MIN_H, self.editor_height(editor, self.EDITOR_MAX_LINES))
        return QSize(width, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = type(opt.icon)()
        style = opt.widget.style() if opt.widget else self._view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal = option.palette
        text_colour = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        dim = QColor(text_colour)
        dim.setAlpha(150)
        rect = option.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        painter.save()
        if not index.parent().isValid():
            self._paint_section(painter, option, index, rect, text_colour, dim)
        else:
            self._paint_item(painter, option, index, rect, text_colour, dim, selected)
        painter.restore()

    def _paint_section(self, painter, option, index, rect, text_colour, dim) -> None:  # type: ignore[no-untyped-def]
        font = self._section_font(option)
        fm = QFontMetrics(font)
        words, limit = index.data(Role.WORDS) or 0, index.data(Role.LIMIT)
        count = f"{words} / {limit} words" if limit else (f"{words} words" if words else "")
        over = bool(limit and words > limit)
        if over:
            count = "\u26a0 " + count + " \u2013 over"
        small = QFont(option.font)
        small.setPointSizeF(small.pointSizeF() * 0.92)
        small.setBold(over)
        count_w = QFontMetrics(small).horizontalAdvance(count) + 4
        painter.setFont(font)
        painter.setPen(text_colour)
        head_rect = QRect(rect.left(), rect.top(), rect.width() - count_w - 6, fm.height())
        painter.drawText(
            head_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(index.data() or "", Qt.TextElideMode.ElideRight, head_rect.width()),
        )
        painter.setFont(small)
        painter.setPen(QColor(colours().warning) if over else dim)
        painter.drawText(
            QRect(rect.right() - count_w, rect.top(), count_w, fm.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            count,
        )
        if self._view.model().rowCount(index) == 0 and index.data(Role.GUIDANCE):
            gfont = self._guidance_font(option)
            painter.setFont(gfont)
            painter.setPen(dim)
            grect = QRect(rect.left(), rect.top() + fm.height() + 2, self._text_width(index), rect.height())
            painter.drawText(grect, Qt.TextFlag.TextWordWrap, index.data(Role.GUIDANCE))

    def _paint_item(self, painter, option, index, rect, text_colour, dim, selected) -> None:  # type: ignore[no-untyped-def]
        kind = index.data(Role.KIND) or ""
        tag_rect = QRect(rect.left(), rect.top() + 1, self.TAG_W, QFontMetrics(option.font).height() - 2)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        tag_colour = {"quote": "#00703c", "position": "#1d70b8", "table": "#6a3d9a", "issue": "#d55e00"}.get(
            kind, "#6f777b"
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(tag_colour) if not selected else QColor("#ffffff"))
        painter.drawRoundedRect(tag_rect, 4, 4)
        tag_font = QFont(option.font)
        tag_font.setPointSizeF(tag_font.pointSizeF() * 0.75)
        tag_font.setBold(True)
        painter.setFont(tag_font)
        painter.setPen(QColor("#ffffff") if not selected else QColor(tag_colour))
        painter.drawText(tag_rect, Qt.AlignmentFlag.AlignCenter, KIND_TAGS.get(kind, "?"))
        text_rect = QRect(rect.left() + self.TAG_W + self.PAD, rect.top(), self._text_width(index), rect.height())
        font = self._item_font(option, index)
        painter.setFont(font)
        painter.setPen(text_colour)
        fm = QFontMetrics(font)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        text = fit_wrapped(fm, text, text_rect.width(), max(text_rect.height(), fm.lineSpacing()))
        painter.drawText(text_rect, Qt.TextFlag.TextWordWrap, text)

    # -- editing

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        if not index.parent().isValid():  # a section heading: one line, Enter commits, Esc cancels
            line = QLineEdit(parent)
            line.setObjectName("headingEditor")
            line.setAccessibleName(self.tr("Section heading"))
            line.setPlaceholderText(self.tr("Section heading"))
            line.setFont(self._section_font(option))
            return self.remember_editor(line, index)
        editor = _ItemEditor(parent)
        editor.setObjectName("itemEditor")
        editor.setTabChangesFocus(True)
        editor.commit.connect(self.commit_and_close)
        editor.typed.connect(self._on_typed)
        if index.data(Role.KIND) == "quote":
            editor.setPlaceholderText(self.tr("A lead-in before the quote (optional)"))
            editor.setAccessibleName(self.tr("Lead-in before the quote"))
        else:
            editor.setAccessibleName(self.tr("Paragraph text"))
        return self.remember_editor(editor, index)

    def _on_typed(self) -> None:
        editor = self.sender()
        # Not from an editor the view has closed (its pause can come before it is deleted).
        if editor is self.open_editor():
            self.commitData.emit(editor)  # the editor stays open

    def eventFilter(self, obj, event) -> bool:  # type: ignore[no-untyped-def]
        if (
            isinstance(obj, _ItemEditor)
            and obj.original is not None
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
        ):
            # Esc cancels: what was typed has reached the brief already; the text it opened with (and
            # its boilerplate flag) goes back the same way, and merges with it into no step at all.
            original = obj.original
            obj.stop_sending()
            if self._open is not None and self._open[0] is obj:
                self._view.model().restore_text(QModelIndex(self._open[1]), original, obj.original_boilerplate)
        return super().eventFilter(obj, event)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        if isinstance(editor, QLineEdit):
            if editor.text() != text:
                editor.setText(text)
                editor.selectAll()
            return
        assert isinstance(editor, _ItemEditor)
        if editor.original is None:  # opening
            editor.setPlainText(text)
            editor.selectAll()
            editor.original = text
            editor.original_boilerplate = bool(getattr(index.data(Role.OBJECT), "boilerplate", False))
        elif editor.toPlainText().strip() != text.strip():  # changed elsewhere (an undo), not by this typing
            editor.setPlainText(text)
            editor.moveCursor(QTextCursor.MoveOperation.End)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:  # type: ignore[no-untyped-def]
        if isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
            return
        assert isinstance(editor, QPlainTextEdit)
        model.setData(index, editor.toPlainText().strip(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        rect = QRect(option.rect)
        if isinstance(editor, QLineEdit):
            rect.setHeight(max(editor.sizeHint().height(), QFontMetrics(self._section_font(option)).height() + 8))
            editor.setGeometry(rect)
            return
        rect.setLeft(rect.left() + self.TAG_W + self.PAD)
        rect.setHeight(max(rect.height(), self.EDITOR_MIN_H))
        editor.setGeometry(rect)


class OutlineView(QTreeView):
    """The outline tree: drop excerpts and items into sections, reorder by drag."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outlineView")
        self.setHeaderHidden(True)
        self.setUniformRowHeights(False)
        self.setIndentation(14)
        self.setWordWrap(True)
        self.setAnimated(False)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setItemDelegate(OutlineDelegate(self))
        self.setAccessibleName(self.tr("Outline of the brief"))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()  # wrapped rows change height with the width

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # Enter on a paragraph (or a quote's lead-in) opens it for writing, as F2 does: the key an
        # officer moving through the outline with the arrows reaches for first.
        index = self.currentIndex()
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and self.state() != QAbstractItemView.State.EditingState
            and index.parent().isValid()
            and index.flags() & Qt.ItemFlag.ItemIsEditable
        ):
            event.accept()
            self.edit(index)
            return
        super().keyPressEvent(event)


class BriefPane(QWidget):
    """Metadata above the outline, with the items toolbar and the page estimate."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self.menu_builder = None
        title = QLabel(self.tr("Brief"), self)
        set_small_text(title, "paneTitle")
        self.metadata = MetadataForm(doc, self)
        outline_title = QLabel(self.tr("Outline"), self)
        set_small_text(outline_title, "paneTitle")
        self.outline_view = OutlineView(self)
        self.outline_view.setModel(doc.outline)
        self.outline_view.customContextMenuRequested.connect(self._on_menu)
        self.toolbar = pane_toolbar(self)
        self.pages_label = QLabel(self)
        set_small_text(self.pages_label, "hint")
        self.pages_bar = QProgressBar(self)
        self.pages_bar.setObjectName("pagesBar")
        self.pages_bar.setTextVisible(False)
        self.pages_bar.setFixedHeight(6)
        self.pages_bar.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(title)
        layout.addWidget(self.metadata)
        layout.addWidget(outline_title)
        layout.addWidget(self.outline_view, 1)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.pages_label)
        layout.addWidget(self.pages_bar)
        doc.outline.rowsInserted.connect(self._on_rows_inserted)
        doc.outline.modelReset.connect(self.outline_view.expandAll)
        doc.outline.words_changed.connect(self.update_pages)
        doc.outline.rowsMoved.connect(self._on_rows_moved)
        self.outline_view.expandAll()
        self.update_pages()

    def _on_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if parent.isValid():
            self.outline_view.expand(parent)
        self.outline_view.scheduleDelayedItemsLayout()

    def _on_rows_moved(self, *args: object) -> None:
        self.outline_view.scheduleDelayedItemsLayout()

    def _on_menu(self, pos) -> None:  # type: ignore[no-untyped-def]
        if self.menu_builder is None:
            return
        menu = QMenu(self)
        self.menu_builder(menu)
        menu.exec(self.outline_view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def update_pages(self) -> None:
        words = self._doc.total_words()
        pages = self._doc.page_estimate()
        budget = self._doc.page_budget()
        if budget:
            over = pages > budget
            text = self.tr("%d words \u00b7 about %.1f of %d pages") % (words, pages, budget)
            if over:
                text = "\u26a0 " + text + self.tr(" \u2013 over the page budget")
            self.pages_bar.setMaximum(budget * 10)
            self.pages_bar.setValue(min(int(pages * 10), budget * 10))
            self.pages_bar.setProperty("over", over)
        else:
            text = self.tr("%d words \u00b7 about %.1f pages") % (words, pages)
            self.pages_bar.setMaximum(30)
            self.pages_bar.setValue(min(int(pages * 10), 30))
            self.pages_bar.setProperty("over", False)
        self.pages_bar.style().unpolish(self.pages_bar)
        self.pages_bar.style().polish(self.pages_bar)
        self.pages_label.setText(text)

    # -- selection

    def current_index(self) -> QModelIndex:
        return self.outline_view.currentIndex()

    def current_section_row(self) -> int | None:
        found = self._doc.outline.section_at(self.outline_view.currentIndex())
        return found[0] if found else None

    def current_item_id(self) -> str | None:
        item = self._doc.outline.item_at(self.outline_view.currentIndex())
        return item.id if item else None

    def select_section(self, section_id: str) -> None:
        rows = [s.id for s in self._doc.brief.sections]
        index = self._doc.outline.section_index(rows.index(section_id))
        self.outline_view.setCurrentIndex(index)
        self.outline_view.scrollTo(index)

    def select_item(self, item_id: str) -> None:
        index = self._doc.outline.item_index(item_id)
        self.outline_view.setCurrentIndex(index)
        self.outline_view.scrollTo(index)
