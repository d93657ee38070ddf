"""Issues as top-level rows with the positions on them as children.

The last top-level row gathers positions that are on no issue. Columns: the issue or
"actor: stance", the number of evidence excerpts, and the status.
"""

from __future__ import annotations

import json
import logging

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from briefcomposer.core.errors import BriefError, RuleError
from briefcomposer.core.model import Brief, Excerpt, Issue, ParagraphRef, Position, Status
from briefcomposer.gui.icons import actor_colour, icon, swatch
from briefcomposer.gui.models.roles import ANALYSIS_MIME, Role
from briefcomposer.gui.theme import colours

logger = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex

STATUS_LABELS = {
    Status.SUGGESTED: "Suggested",
    Status.ACCEPTED: "Accepted",
    Status.REJECTED: "Rejected",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Status", text)


_SERVED_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.AccessibleTextRole,
        *Role,
    }
)


# The item flags, combined once: `|` on PySide's enum flags is Python code, and views ask
# for the flags of every cell on each layout pass (start-up time, issue 5).
_FLAGS_GROUP = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_FLAGS_OBJECT = _FLAGS_GROUP | Qt.ItemFlag.ItemIsDragEnabled
_FLAGS_OBJECT_LABEL = _FLAGS_OBJECT | Qt.ItemFlag.ItemIsEditable

# The roles of a position's first column that name or colour its actor.
_ACTOR_ROLES = frozenset(
    {Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.DecorationRole, Role.COLOUR}
)


class _NoIssue:
    """The group of positions on no issue (its identity is the internal pointer of its rows)."""


class AnalysisModel(QAbstractItemModel):
    """The only writer of `brief.issues` and `brief.positions`."""

    COLUMNS = ("Issue / position", "#", "")
    edit_requested = Signal(str, str, str)  # "stance" or "label", object id, new text

    def __init__(self, brief: Brief, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._brief = brief
        self._none = _NoIssue()
        # Positions grouped by issue id: views ask for them thousands of times while laying out,
        # and this model is the only writer, so each mutator drops the grouping.
        self._groups: dict[str | None, list[Position]] | None = None

    @property
    def brief(self) -> Brief:
        return self._brief

    # -- groups

    def _group_key(self, row: int) -> Issue | _NoIssue:
        return self._brief.issues[row] if row < len(self._brief.issues) else self._none

    def _group_row(self, key: object) -> int:
        if key is self._none:
            return len(self._brief.issues)
        for row, issue in enumerate(self._brief.issues):
            if issue is key:
                return row
        return -1

    def _issue_id(self, key: object) -> str | None:
        return key.id if isinstance(key, Issue) else None

    def _grouped(self) -> dict[str | None, list[Position]]:
        if self._groups is None:
            groups: dict[str | None, list[Position]] = {}
            for p in self._brief.positions:
                groups.setdefault(p.issue_id, []).append(p)
            self._groups = groups
        return self._groups

    def positions_on(self, issue_id: str | None) -> list[Position]:
        return list(self._grouped().get(issue_id, ()))

    def _regroup(self) -> None:
        self._groups = None

    def _child_row(self, position: Position) -> int:
        return self.positions_on(position.issue_id).index(position)

    def _group_index_of(self, issue_id: str | None, column: int = 0) -> QModelIndex:
        if issue_id is None:
            return self.index(len(self._brief.issues), column)
        for row, issue in enumerate(self._brief.issues):
            if issue.id == issue_id:
                return self.index(row, column)
        return QModelIndex()

    def issue_index(self, issue_id: str | None, column: int = 0) -> QModelIndex:
        return self._group_index_of(issue_id, column)

    def position_index(self, position_id: str, column: int = 0) -> QModelIndex:
        position = self._brief.position(position_id)
        parent = self._group_index_of(position.issue_id)
        return self.index(self._child_row(position), column, parent)

    # -- structure

    def index(self, row: int, column: int = 0, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # `_group_key`, `_issue_id` and `_grouped` written out: views and the filter proxy ask
        # for indexes some 1,800 times before the first paint (start-up time, issue 5).
        if row < 0 or not 0 <= column < len(self.COLUMNS):
            return QModelIndex()
        issues = self._brief.issues
        if not parent.isValid():
            return self.createIndex(row, column) if row <= len(issues) else QModelIndex()
        if parent.internalPointer() is not None:
            return QModelIndex()
        group = parent.row()
        key = issues[group] if group < len(issues) else self._none
        groups = self._groups if self._groups is not None else self._grouped()
        if row < len(groups.get(key.id if key is not self._none else None, ())):
            return self.createIndex(row, column, key)
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalPointer() is None:
            return QModelIndex()
        row = self._group_row(index.internalPointer())
        return self.createIndex(row, 0) if row >= 0 else QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._brief.issues) + 1
        if parent.column() != 0 or parent.internalPointer() is not None:
            return 0
        return len(self._grouped().get(self._issue_id(self._group_key(parent.row())), ()))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.COLUMNS)

    HEADER_TIPS = ("Issues with the positions taken on them", "Quotes backing it", "Suggested, accepted or rejected")

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("AnalysisModel", self.COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("AnalysisModel", self.HEADER_TIPS[section])
        return None

    def object_at(self, index: Index) -> Issue | Position | None:
        """The issue or position of `index`; None for the "no issue" group."""
        if not index.isValid():
            return None
        key = index.internalPointer()
        if key is None:
            group = self._group_key(index.row())
            return group if isinstance(group, Issue) else None
        positions = self._grouped().get(self._issue_id(key), ())  # not copied: views ask thousands of times
        return positions[index.row()] if index.row() < len(positions) else None

    # -- data

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        # Views ask every role of every cell on each layout pass (alignment, background, size
        # hint...); the roles this model never serves are answered before any lookup.
        if role not in _SERVED_ROLES or not index.isValid():
            return None
        if index.internalPointer() is None:
            key = self._group_key(index.row())
            if isinstance(key, Issue):
                return self._issue_data(key, index.column(), role)
            return self._none_data(index.column(), role)
        obj = self.object_at(index)
        return self._position_data(obj, index.column(), role) if isinstance(obj, Position) else None

    def _status_data(self, status: Status, role: int):  # type: ignore[no-untyped-def]
        # The status shows as an icon whose shape differs (tick, cross, dotted ring), plus
        # italics for suggestions and strike-through for rejections: never colour alone.
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return _tr(STATUS_LABELS[status])
        if role == Qt.ItemDataRole.DecorationRole:
            return icon({Status.ACCEPTED: "accept", Status.REJECTED: "reject"}.get(status, "suggested"))
        return None

    def _common(self, status: Status, role: int):  # type: ignore[no-untyped-def]
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(status is Status.SUGGESTED)
            font.setStrikeOut(status is Status.REJECTED)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            # A colour, not a QBrush: views take either, and making the first QBrush also makes
            # Python classes for QGradient's enums (~180 presets; start-up time, issue 5).
            if status is Status.REJECTED:
                return QColor(colours().faint)
            if status is Status.SUGGESTED:
                return QColor(colours().muted)
        if role == Role.STATUS:
            return status
        return None

    def _issue_data(self, issue: Issue, column: int, role: int):  # type: ignore[no-untyped-def]
        if role == Role.OBJECT:
            return issue
        if role == Role.ID:
            return issue.id
        if role == Role.KIND:
            return "issue"
        if role == Role.SEARCH:
            return " ".join([issue.label, issue.description, *issue.keywords])
        if role == Role.ACTOR_ID:
            return None
        if column == 0:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return issue.label
            if role == Qt.ItemDataRole.ToolTipRole:
                return issue.description or issue.label
            if role == Qt.ItemDataRole.DecorationRole:
                return icon("issue")
        elif column == 1:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(len(self.positions_on(issue.id)))
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate("AnalysisModel", "Positions on this issue")
        elif column == 2:
            value = self._status_data(issue.status, role)
            if value is not None:
                return value
        return self._common(issue.status, role)

    def _none_data(self, column: int, role: int):  # type: ignore[no-untyped-def]
        if role == Role.KIND:
            return "group"
        if column == 0 and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("AnalysisModel", "Not on any issue")
        if column == 1 and role == Qt.ItemDataRole.DisplayRole:
            return str(len(self.positions_on(None)))
        if column == 0 and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Role.SEARCH:
            return ""
        return None

    def _position_data(self, position: Position, column: int, role: int):  # type: ignore[no-untyped-def]
        if role == Role.OBJECT:
            return position
        if role == Role.ID:
            return position.id
        if role == Role.KIND:
            return "position"
        if role == Role.ACTOR_ID:
            return position.actor_id
        if role == Role.SEARCH:
            _, actor_name = self._actor(position.actor_id)
            return f"{actor_name} {position.stance} " + " ".join(e.quote for e in position.evidence)
        if column == 0:
            if role == Qt.ItemDataRole.EditRole:
                return position.stance
            if role in _ACTOR_ROLES:  # the actor is looked up for these only, not for the font or status
                actor_row, actor_name = self._actor(position.actor_id)
                if role == Qt.ItemDataRole.DisplayRole:
                    return f"{actor_name}: {position.stance}"
                if role == Qt.ItemDataRole.ToolTipRole:
                    quotes = "\n".join(f"\u201c{e.quote}\u201d" for e in position.evidence[:3])
                    return f"{actor_name}: {position.stance}\n\n{quotes}".strip()
                if role == Qt.ItemDataRole.DecorationRole and actor_row >= 0:
                    return swatch(actor_colour(actor_row).name())
                if role == Role.COLOUR and actor_row >= 0:
                    return actor_colour(actor_row)
        elif column == 1:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(len(position.evidence))
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate("AnalysisModel", "Quotes backing this position")
        elif column == 2:
            value = self._status_data(position.status, role)
            if value is not None:
                return value
        return self._common(position.status, role)

    def _actor(self, actor_id: str) -> tuple[int, str]:
        for row, actor in enumerate(self._brief.actors):
            if actor.id == actor_id:
                return row, actor.name
        return -1, "?"

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Issues and positions are dragged into the outline, and their labels edited in column 0."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.object_at(index) is None:
            return _FLAGS_GROUP
        return _FLAGS_OBJECT_LABEL if index.column() == 0 else _FLAGS_OBJECT

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [ANALYSIS_MIME]

    def mimeData(self, indexes) -> QMimeData:  # type: ignore[no-untyped-def]
        """Issues and positions dragged into the outline, as `[["position", id], ...]`."""
        found = []
        for index in indexes:
            obj = self.object_at(index)
            entry = ["position" if isinstance(obj, Position) else "issue", obj.id] if obj is not None else None
            if entry is not None and entry not in found:
                found.append(entry)
        mime = QMimeData()
        mime.setData(ANALYSIS_MIME, QByteArray(json.dumps(found).encode()))
        mime.setText("\n".join(str(index.data()) for index in indexes if index.column() == 0))
        return mime

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # type: ignore[no-untyped-def]
        obj = self.object_at(index)
        if role != Qt.ItemDataRole.EditRole or index.column() != 0 or obj is None:
            return False
        text = " ".join(str(value).split())
        if not text:
            return False
        if isinstance(obj, Position) and text != obj.stance:
            self.edit_requested.emit("stance", obj.id, text)
        elif isinstance(obj, Issue) and text != obj.label:
            self.edit_requested.emit("label", obj.id, text)
        return True

    # -- mutators (called by commands only)

    def insert_issue(self, row: int, issue: Issue) -> None:
        if not issue.label.strip():
            raise RuleError("an issue needs a label")
        if any(i.id == issue.id for i in self._brief.issues):
            raise RuleError(f"the issue {issue.label!r} is already in the brief")
        row = max(0, min(row, len(self._brief.issues)))
        self.beginInsertRows(QModelIndex(), row, row)
        self._brief.issues.insert(row, issue)
        self._regroup()
        self.endInsertRows()

    def take_issue(self, issue_id: str) -> tuple[int, Issue]:
        issue = self._brief.issue(issue_id)
        if self.positions_on(issue_id):
            raise RuleError(f"positions are recorded on {issue.label!r}; remove them first")
        row = self._brief.issues.index(issue)
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._brief.issues[row]
        self._regroup()
        self.endRemoveRows()
        return row, issue

    def insert_position(self, position: Position, at: int | None = None) -> None:
        """Insert `position` at index `at` of `brief.positions` (default: the end)."""
        self._brief.actor(position.actor_id)
        if position.issue_id is not None:
            self._brief.issue(position.issue_id)
        for excerpt in position.evidence:
            self._brief.source(excerpt.source_id)
        if any(p.id == position.id for p in self._brief.positions):
            raise RuleError("this position is already in the brief")
        at = len(self._brief.positions) if at is None else max(0, min(at, len(self._brief.positions)))
        row = sum(1 for p in self._brief.positions[:at] if p.issue_id == position.issue_id)
        parent = self._group_index_of(position.issue_id)
        self.beginInsertRows(parent, row, row)
        self._brief.positions.insert(at, position)
        self._regroup()
        self.endInsertRows()
        self._group_changed(position.issue_id)

    def take_position(self, position_id: str) -> tuple[int, Position]:
        position = self._brief.position(position_id)
        at = self._brief.positions.index(position)
        parent = self._group_index_of(position.issue_id)
        row = self._child_row(position)
        self.beginRemoveRows(parent, row, row)
        del self._brief.positions[at]
        self._regroup()
        self.endRemoveRows()
        self._group_changed(position.issue_id)
        return at, position

    def set_status(self, obj_id: str, status: Status) -> Status:
        try:
            obj: Issue | Position = self._brief.position(obj_id)
            first = self.position_index(obj_id, 0)
        except BriefError:
            obj = self._brief.issue(obj_id)
            first = self.issue_index(obj_id, 0)
        old, obj.status = obj.status, status
        self.dataChanged.emit(first, first.siblingAtColumn(2))
        return old

    def set_stance(self, position_id: str, stance: str) -> str:
        position = self._brief.position(position_id)
        old, position.stance = position.stance, stance
        self._position_changed(position_id)
        return old

    def set_label(self, issue_id: str, label: str) -> str:
        if not label.strip():
            raise RuleError("an issue needs a label")
        issue = self._brief.issue(issue_id)
        old, issue.label = issue.label, label
        index = self.issue_index(issue_id)
        self.dataChanged.emit(index, index)
        return old

    def set_actor_of(self, position_id: str, actor_id: str) -> str:
        position = self._brief.position(position_id)
        self._brief.actor(actor_id)
        old, position.actor_id = position.actor_id, actor_id
        self._position_changed(position_id)
        return old

    def add_evidence(self, position_id: str, excerpt: Excerpt, at: int | None = None) -> None:
        position = self._brief.position(position_id)
        self._brief.source(excerpt.source_id)
        position.evidence.insert(len(position.evidence) if at is None else at, excerpt)
        self._position_changed(position_id)

    def remove_evidence(self, position_id: str, excerpt_id: str) -> tuple[int, Excerpt]:
        position = self._brief.position(position_id)
        for at, excerpt in enumerate(position.evidence):
            if excerpt.id == excerpt_id:
                del position.evidence[at]
                self._position_changed(position_id)
                return at, excerpt
        raise RuleError("that quote is not evidence of this position")

    def add_paragraph(self, issue_id: str, ref: ParagraphRef, at: int | None = None) -> bool:
        """Tag a paragraph to an issue, at index `at` of its paragraphs (default: the end); False if it was tagged."""
        issue = self._brief.issue(issue_id)
        self._brief.source(ref.source_id)
        if ref in issue.paragraphs:
            return False
        issue.paragraphs.insert(len(issue.paragraphs) if at is None else at, ref)
        index = self.issue_index(issue_id)
        self.dataChanged.emit(index, index.siblingAtColumn(2))
        return True

    def remove_paragraph(self, issue_id: str, ref: ParagraphRef) -> int:
        """Untag a paragraph from an issue; return where it was in the issue's paragraphs."""
        issue = self._brief.issue(issue_id)
        at = issue.paragraphs.index(ref)
        del issue.paragraphs[at]
        index = self.issue_index(issue_id)
        self.dataChanged.emit(index, index.siblingAtColumn(2))
        return at

    def set_issue_terms(
        self, issue_id: str, paragraphs: list[ParagraphRef], keywords: list[str]
    ) -> tuple[list[ParagraphRef], list[str]]:
        """Set an issue's tagged paragraphs and keywords at once; return the old ones."""
        issue = self._brief.issue(issue_id)
        old = issue.paragraphs, issue.keywords
        issue.paragraphs, issue.keywords = list(paragraphs), list(keywords)
        index = self.issue_index(issue_id)
        self.dataChanged.emit(index, index.siblingAtColumn(2))
        return old

    def refresh(self) -> None:
        """Tell views that actor names or colours may have changed."""
        for row in range(self.rowCount()):
            parent = self.index(row, 0)
            n = self.rowCount(parent)
            if n:
                self.dataChanged.emit(self.index(0, 0, parent), self.index(n - 1, 2, parent))

    def _position_changed(self, position_id: str) -> None:
        first = self.position_index(position_id, 0)
        self.dataChanged.emit(first, first.siblingAtColumn(2))

    def _group_changed(self, issue_id: str | None) -> None:
        index = self._group_index_of(issue_id, 1)
        if index.isValid():
            self.dataChanged.emit(index, index)
