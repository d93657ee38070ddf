"""The sources of a brief, one row each."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from briefcomposer.core.errors import RuleError
from briefcomposer.core.model import Brief, Source
from briefcomposer.export.context import source_date
from briefcomposer.gui.models.roles import Role

Index = QModelIndex | QPersistentModelIndex


def source_caption(source: Source) -> str:
    """``Author, Title (Publisher, date)`` as far as known."""
    parts = [source.title]
    if source.author:
        parts.insert(0, source.author)
    tail = ", ".join(p for p in (source.publisher, source_date(source.date)) if p)
    return ", ".join(parts) + (f" ({tail})" if tail else "")


class SourceModel(QAbstractListModel):
    """The only writer of `brief.sources`."""

    def __init__(self, brief: Brief, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._brief = brief

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._brief.sources)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if not index.isValid() or index.row() >= len(self._brief.sources):
            return None
        source = self._brief.sources[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return source.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return source_caption(source)
        if role == Role.OBJECT:
            return source
        if role == Role.ID:
            return source.id
        if role == Role.KIND:
            return "source"
        return None

    def insert_source(self, row: int, source: Source) -> None:
        if any(s.id == source.id for s in self._brief.sources):
            raise RuleError(f"the source {source.title!r} is already in the brief")
        row = max(0, min(row, len(self._brief.sources)))
        self.beginInsertRows(QModelIndex(), row, row)
        self._brief.sources.insert(row, source)
        self.endInsertRows()

    def take_source(self, source_id: str) -> tuple[int, Source]:
        source = self._brief.source(source_id)
        if any(e.source_id == source_id for e in self._brief.iter_excerpts()):
            raise RuleError(f"the source {source.title!r} is quoted in the brief; remove those quotes first")
        row = self._brief.sources.index(source)
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._brief.sources[row]
        self.endRemoveRows()
        return row, source
