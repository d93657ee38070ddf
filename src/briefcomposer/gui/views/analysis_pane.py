"""Issues with the positions on them, filters, and the actors list."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPlainTextEdit,
    QSplitter,
    QStyle,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from briefcomposer.core.model import Actor, Issue, Position, Status
from briefcomposer.gui.document import Document
from briefcomposer.gui.icons import actor_colour, swatch
from briefcomposer.gui.models.roles import Role
from briefcomposer.gui.theme import pane_toolbar, set_small_text
from briefcomposer.gui.views import ALT_ARROWS, CommitsOpenEditor, claim_keys, fit_wrapped

Index = QModelIndex | QPersistentModelIndex

CELL_PADDING = 10  # the style's margins around a cell's text or icon (2 x 3 px) and the style sheet's (2 x 2 px)


class AnalysisFilterModel(QSortFilterProxyModel):
    """Filters the issues tree by text, actor and whether rejected suggestions show."""

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self._text = ""
        self._actor_id: str | None = None
        self._show_rejected = False

    def _change(self, name: str, value: object) -> None:
        # Qt 6.10 replaced invalidateFilter() by begin/endFilterChange(); older Qt lacks them.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            setattr(self, name, value)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            setattr(self, name, value)
            self.invalidateFilter()

    def set_text(self, text: str) -> None:
        self._change("_text", text.casefold().strip())

    def set_actor(self, actor_id: str | None) -> None:
        self._change("_actor_id", actor_id)

    def set_show_rejected(self, show: bool) -> None:
        self._change("_show_rejected", show)

    @property
    def active(self) -> bool:
        return bool(self._text or self._actor_id)

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan) -> None:  # noqa: N803 (Qt's names)
        # A delegate asks a cell for seven roles at once (font, alignment, colours, check state, icon,
        # text). Qt's proxy answers them one by one, each time asking the source model, in Python,
        # for the cell's index: here, one mapping, then the source's `data()` straight from Python
        # (38 -> 31 us a cell, some 130 cells at start-up; issue 5). The source models answer in C++:
        # the same loop over the roles in Python was slower there.
        data, source = self.sourceModel().data, self.mapToSource(index)  # no source cell: no data, as Qt's
        for role_data in roleDataSpan:
            role_data.setData(data(source, role_data.role()))

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        kind = index.data(Role.KIND)
        status = index.data(Role.STATUS)
        if status is Status.REJECTED and not self._show_rejected:
            return False
        if kind == "group":
            return False  # shown only when some position in it is
        if kind == "issue":
            if self._actor_id:
                return False  # shown through its positions
            return not self._text or self._text in (index.data(Role.SEARCH) or "").casefold()
        if kind == "position":
            if self._actor_id and index.data(Role.ACTOR_ID) != self._actor_id:
                return False
            if self._text:
                parent_text = (source_parent.data(Role.SEARCH) or "").casefold()
                return self._text in (index.data(Role.SEARCH) or "").casefold() or self._text in parent_text
            return True
        return True


class _StanceEditor(QPlainTextEdit):
    """A stance, wrapped as the row shows it: Enter (or leaving it) commits, Esc cancels.

    A one-line editor showed the end of a long stance and scrolled sideways through the rest.
    """

    commit = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def event(self, event) -> bool:  # type: ignore[no-untyped-def]
        # Enter belongs to the editor while it is open, not to a window action (Ctrl+Enter quotes).
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # a stance is one line
            self.commit.emit()
            return
        super().keyPressEvent(event)


class PositionDelegate(CommitsOpenEditor):
    """Column 0 of the issues tree: positions as "Actor: stance", wrapped over up to three lines."""

    MAX_LINES = 3
    EDITOR_MAX_LINES = 8

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view

    # -- editing a stance

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        if index.data(Role.KIND) != "position":
            return super().createEditor(parent, option, index)  # an issue's label: one line
        editor = _StanceEditor(parent)
        editor.setObjectName("stanceEditor")
        editor.setAccessibleName(self.tr("Stance"))
        editor.setFont(option.font)
        editor.commit.connect(self.commit_and_close)
        return self.remember_editor(editor, index)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        if not isinstance(editor, _StanceEditor):
            super().setEditorData(editor, index)
            return
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        if editor.toPlainText() != text:
            editor.setPlainText(text)
            editor.selectAll()

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:  # type: ignore[no-untyped-def]
        if not isinstance(editor, _StanceEditor):
            super().setModelData(editor, model, index)
            return
        model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        if not isinstance(editor, _StanceEditor):
            super().updateEditorGeometry(editor, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget else self._view.style()
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        rect.setTop(option.rect.top())
        rect.setHeight(max(option.rect.height(), self.editor_height(editor, self.EDITOR_MAX_LINES)))
        editor.setGeometry(rect)

    def _text_rect_width(self, index: QModelIndex) -> int:
        depth = 1 if index.parent().isValid() else 0
        width = self._view.header().sectionSize(0) - self._view.indentation() * (depth + 1)
        return max(width - 28, 60)  # the decoration and margins

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.column() != 0 or index.data(Role.KIND) != "position":
            return size
        fm = QFontMetrics(option.font)
        rect = fm.boundingRect(
            QRect(0, 0, self._text_rect_width(index), 10_000), Qt.TextFlag.TextWordWrap, index.data() or ""
        )
        lines = min(max(rect.height() // max(fm.lineSpacing(), 1), 1), self.MAX_LINES)
        height = max(size.height(), lines * fm.lineSpacing() + 8)
        editor = self.editing(index)
        if editor is not None:  # the row makes room for its editor, as tall as its text
            height = max(height, self.editor_height(editor, self.EDITOR_MAX_LINES))
        return QSize(size.width(), height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        if index.column() != 0 or index.data(Role.KIND) != "position":
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else self._view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setFont(opt.font)
        colour = opt.palette.color(QPalette.ColorRole.HighlightedText) if selected else None
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)  # a QColor
        painter.setPen(colour or foreground or opt.palette.color(QPalette.ColorRole.Text))
        fm = QFontMetrics(opt.font)
        lines = max(text_rect.height() // max(fm.lineSpacing(), 1), 1)
        text = fit_wrapped(fm, text, text_rect.width(), lines * fm.lineSpacing())
        painter.drawText(text_rect, Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignVCenter, text)
        painter.restore()


class AnalysisPane(QWidget):
    """The issues tree (with filters) above the actors list."""

    position_activated = Signal(object)  # Position
    issue_activated = Signal(object)  # Issue
    current_changed = Signal()

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self.menu_builder = None
        self.actor_menu_builder = None

        title = QLabel(self.tr("Issues and positions"), self)
        set_small_text(title, "paneTitle")
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Search issues and positions"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(self.tr("Search issues and positions"))
        self.actor_filter = QComboBox(self)
        claim_keys(self.actor_filter, ALT_ARROWS)  # Alt+Down opens its list, not Move Down
        self.actor_filter.setToolTip(self.tr("Show the positions of one actor"))
        self.actor_filter.setAccessibleName(self.tr("Filter by actor"))
        self.show_rejected = QCheckBox(self.tr("Rejected"), self)
        self.show_rejected.setToolTip(self.tr("Show rejected suggestions too"))

        self.proxy = AnalysisFilterModel(self)
        self.proxy.setSourceModel(doc.analysis)
        self.tree = QTreeView(self)
        self.tree.setObjectName("issuesTree")
        self.tree.setModel(self.proxy)
        self.tree.setAccessibleName(self.tr("Issues and positions"))
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setItemDelegateForColumn(0, PositionDelegate(self.tree))
        self.tree.header().sectionResized.connect(self._on_section_resized)
        self.tree.setDragEnabled(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._on_tree_menu)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._fit_narrow_columns()
        for signal in (doc.analysis.rowsInserted, doc.analysis.rowsRemoved, doc.analysis.dataChanged):
            signal.connect(self._fit_narrow_columns)
        self.tree.clicked.connect(self._on_clicked)
        self.tree.activated.connect(self._on_clicked)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)

        self.toolbar = pane_toolbar(self)

        actors_title = QLabel(self.tr("Actors"), self)
        set_small_text(actors_title, "paneTitle")
        self.actor_list = QListView(self)
        self.actor_list.setObjectName("actorList")
        self.actor_list.setModel(doc.actors)
        self.actor_list.setAccessibleName(self.tr("Actors"))
        self.actor_list.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.actor_list.setItemDelegate(CommitsOpenEditor(self.actor_list))
        self.actor_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.actor_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.actor_list.customContextMenuRequested.connect(self._on_actor_menu)
        self.actor_list.doubleClicked.connect(self._on_actor_double_clicked)
        self.actor_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.actor_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.actor_list.setUniformItemSizes(True)
        self.actor_toolbar = pane_toolbar(self)

        self.actor_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.actor_filter.setMinimumContentsLength(12)
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.actor_filter, 1)
        filters.addWidget(self.show_rejected)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(8, 8, 8, 4)
        top_layout.setSpacing(6)
        top_layout.addWidget(title)
        top_layout.addWidget(self.search_edit)
        top_layout.addLayout(filters)
        top_layout.addWidget(self.tree, 1)
        top_layout.addWidget(self.toolbar)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(8, 4, 8, 8)
        bottom_layout.setSpacing(6)
        bottom_layout.addWidget(actors_title)
        bottom_layout.addWidget(self.actor_list, 1)
        bottom_layout.addWidget(self.actor_toolbar)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("analysisSplitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.search_edit.textChanged.connect(self._on_filter_changed)
        self.actor_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.show_rejected.toggled.connect(self.proxy.set_show_rejected)
        doc.actors.rowsInserted.connect(self._fill_actor_filter)
        doc.actors.rowsRemoved.connect(self._fill_actor_filter)
        doc.actors.dataChanged.connect(self._fill_actor_filter)
        doc.actors.modelReset.connect(self._fill_actor_filter)
        self.proxy.rowsInserted.connect(self._expand)
        self.proxy.modelReset.connect(self._expand)
        self.proxy.layoutChanged.connect(self._expand)
        # A filter that hides the current position with its whole issue leaves no current row
        # without a currentChanged signal: the window's actions must hear of it all the same.
        for signal in (self.proxy.rowsRemoved, self.proxy.layoutChanged, self.proxy.modelReset):
            signal.connect(self._on_current_changed)
        self._fill_actor_filter()
        self._expand()

    def show_text_for(self, *actions) -> None:  # type: ignore[no-untyped-def]
        """Show the text beside the icon of these toolbar actions (the main ones)."""
        for toolbar in (self.toolbar, self.actor_toolbar):
            for action in actions:
                button = toolbar.widgetForAction(action)
                if button is not None:
                    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

    def _fit_narrow_columns(self, *args: object) -> None:
        """Size the count and status columns from the font, the largest count and the icon size.

        Sized to their contents by the header, they made it ask every row for every role on
        each layout pass: thousands of `data` calls before the first paint (issue 5, start-up).
        The counts are read from the brief instead, and the widths follow them as they change.
        """
        positions = self._doc.brief.positions
        counts = [len(p.evidence) for p in positions]
        counts.extend(Counter(p.issue_id for p in positions).values())
        digits = len(str(max(counts, default=0)))
        header = self.tree.header()
        icon = self.tree.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, self.tree)
        text = self.tree.fontMetrics().horizontalAdvance("0" * digits) + 2  # a pixel each side, never elided
        for column, content in ((1, text), (2, icon)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            width = max(content + CELL_PADDING, header.sectionSizeHint(column))
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def changeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_narrow_columns()

    def _on_section_resized(self, column: int, old: int, new: int) -> None:
        if column == 0:
            self.tree.scheduleDelayedItemsLayout()  # wrapped rows change height with the width

    def _expand(self, *args: object) -> None:
        self.tree.expandAll()

    def _fill_actor_filter(self, *args: object) -> None:
        current = self.actor_filter.currentData()
        self.actor_filter.blockSignals(True)
        self.actor_filter.clear()
        self.actor_filter.addItem(self.tr("All actors"), None)
        for row, actor in enumerate(self._doc.brief.actors):
            self.actor_filter.addItem(swatch(actor_colour(row).name()), actor.name, actor.id)
        index = self.actor_filter.findData(current) if current else 0
        self.actor_filter.setCurrentIndex(max(index, 0))
        self.actor_filter.blockSignals(False)
        if current and index < 0:
            self._on_filter_changed()

    def _on_filter_changed(self, *args: object) -> None:
        self.proxy.set_text(self.search_edit.text())
        self.proxy.set_actor(self.actor_filter.currentData())
        self._expand()

    # -- selection

    def current_object(self) -> Issue | Position | None:
        index = self.proxy.mapToSource(self.tree.currentIndex())
        return self._doc.analysis.object_at(index)

    def current_position(self) -> Position | None:
        obj = self.current_object()
        return obj if isinstance(obj, Position) else None

    def current_issue(self) -> Issue | None:
        """The selected issue, or the issue of the selected position."""
        obj = self.current_object()
        if isinstance(obj, Position) and obj.issue_id:
            return self._doc.brief.issue(obj.issue_id)
        return obj if isinstance(obj, Issue) else None

    def select(self, obj_id: str) -> bool:
        """Make the issue or position current; False (nothing changed) while the filters hide it."""
        try:
            index = self._doc.analysis.position_index(obj_id)
        except KeyError:
            index = self._doc.analysis.issue_index(obj_id)
        proxy_index = self.proxy.mapFromSource(index)
        if not proxy_index.isValid():
            return False
        self.tree.setCurrentIndex(proxy_index)
        self.tree.scrollTo(proxy_index)
        return True

    def selected_actors(self) -> list[Actor]:
        rows = sorted(i.row() for i in self.actor_list.selectionModel().selectedRows())
        return [self._doc.brief.actors[r] for r in rows if r < len(self._doc.brief.actors)]

    def edit_current(self) -> None:
        index = self.tree.currentIndex()
        if index.isValid():
            self.tree.edit(index.siblingAtColumn(0))

    def _on_clicked(self, index: QModelIndex) -> None:
        obj = self._doc.analysis.object_at(self.proxy.mapToSource(index))
        if isinstance(obj, Position):
            self.position_activated.emit(obj)
        elif isinstance(obj, Issue):
            self.issue_activated.emit(obj)

    def _on_current_changed(self, *args: object) -> None:
        self.current_changed.emit()

    def _on_tree_menu(self, pos) -> None:  # type: ignore[no-untyped-def]
        if self.menu_builder is None:
            return
        menu = QMenu(self)
        self.menu_builder(menu)
        menu.exec(self.tree.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _on_actor_menu(self, pos) -> None:  # type: ignore[no-untyped-def]
        if self.actor_menu_builder is None:
            return
        menu = QMenu(self)
        self.actor_menu_builder(menu)
        menu.exec(self.actor_list.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _on_actor_double_clicked(self, index: QModelIndex) -> None:
        actor = self._doc.actors.actor_at(index)
        if actor is None:
            return
        at = self.actor_filter.findData(actor.id)
        if at >= 0:
            self.actor_filter.setCurrentIndex(at)
