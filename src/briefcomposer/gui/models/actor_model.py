"""The actors of a brief, one row each, with their legend colour."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal

from briefcomposer.core.errors import RuleError
from briefcomposer.core.model import Actor, ActorKind, Brief
from briefcomposer.gui.icons import actor_colour, swatch
from briefcomposer.gui.models.roles import Role

Index = QModelIndex | QPersistentModelIndex

KIND_LABELS = {
    ActorKind.STATE: "State",
    ActorKind.ORGANISATION: "Organisation",
    ActorKind.PERSON: "Person",
    ActorKind.AUTHOR: "Author",
    ActorKind.GROUP: "Group",
}

_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable


class ActorModel(QAbstractListModel):
    """The only writer of `brief.actors`."""

    rename_requested = Signal(str, str)  # actor id, new name

    def __init__(self, brief: Brief, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._brief = brief

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._brief.actors)

    def actor_at(self, index: Index) -> Actor | None:
        if not index.isValid() or index.row() >= len(self._brief.actors):
            return None
        return self._brief.actors[index.row()]

    def row_of(self, actor_id: str) -> int:
        for row, actor in enumerate(self._brief.actors):
            if actor.id == actor_id:
                return row
        return -1

    def positions_of(self, actor_id: str) -> int:
        return sum(1 for p in self._brief.positions if p.actor_id == actor_id)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        actor = self.actor_at(index)
        if actor is None:
            return None
        kind = QCoreApplication.translate("ActorKind", KIND_LABELS[actor.kind])
        if role == Qt.ItemDataRole.DisplayRole:
            n = self.positions_of(actor.id)
            return f"{actor.name}  \u00b7  {kind.lower()}" + (f"  \u00b7  {n}" if n else "")
        if role == Qt.ItemDataRole.EditRole:
            return actor.name
        if role == Qt.ItemDataRole.DecorationRole:
            return swatch(actor_colour(index.row()).name())
        if role == Qt.ItemDataRole.ToolTipRole:
            aliases = ", ".join(actor.aliases)
            also = QCoreApplication.translate("ActorModel", "Also called: %s") % aliases if aliases else ""
            return f"{actor.name} ({kind})\n{also}".strip()
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{actor.name}, {kind}"
        if role == Role.OBJECT:
            return actor
        if role == Role.ID:
            return actor.id
        if role == Role.KIND:
            return "actor"
        if role == Role.COLOUR:
            return actor_colour(index.row())
        if role == Role.SEARCH:
            return " ".join(actor.names())
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _FLAGS  # combined once: `|` on PySide's enum flags is Python code (issue 5)

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # type: ignore[no-untyped-def]
        actor = self.actor_at(index)
        name = " ".join(str(value).split())
        if role != Qt.ItemDataRole.EditRole or actor is None or not name:
            return False
        if name != actor.name:
            self.rename_requested.emit(actor.id, name)
        return True

    # -- mutators (called by commands only)

    def insert_actor(self, row: int, actor: Actor) -> None:
        if not actor.name.strip():
            raise RuleError("an actor needs a name")
        if any(a.id == actor.id for a in self._brief.actors):
            raise RuleError(f"the actor {actor.name!r} is already in the brief")
        row = max(0, min(row, len(self._brief.actors)))
        self.beginInsertRows(QModelIndex(), row, row)
        self._brief.actors.insert(row, actor)
        self.endInsertRows()
        self._all_changed()

    def take_actor(self, actor_id: str) -> tuple[int, Actor]:
        if any(p.actor_id == actor_id for p in self._brief.positions):
            raise RuleError("this actor still holds positions")
        row = self.row_of(actor_id)
        if row < 0:
            raise RuleError("no such actor")
        self.beginRemoveRows(QModelIndex(), row, row)
        actor = self._brief.actors.pop(row)
        self.endRemoveRows()
        self._all_changed()
        return row, actor

    def rename(self, actor_id: str, name: str) -> str:
        if not name.strip():
            raise RuleError("an actor needs a name")
        actor = self._brief.actor(actor_id)
        old, actor.name = actor.name, name
        self._row_changed(actor_id)
        return old

    def set_kind(self, actor_id: str, kind: ActorKind) -> ActorKind:
        actor = self._brief.actor(actor_id)
        old, actor.kind = actor.kind, kind
        self._row_changed(actor_id)
        return old

    def set_aliases(self, actor_id: str, aliases: list[str]) -> list[str]:
        actor = self._brief.actor(actor_id)
        old, actor.aliases = actor.aliases, list(aliases)
        self._row_changed(actor_id)
        return old

    def refresh(self) -> None:
        self._all_changed()

    def _row_changed(self, actor_id: str) -> None:
        index = self.index(self.row_of(actor_id), 0)
        self.dataChanged.emit(index, index)

    def _all_changed(self) -> None:
        if self._brief.actors:  # colours follow rows, so every row may have changed
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._brief.actors) - 1, 0))
