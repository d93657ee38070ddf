"""The brief's sections as top-level rows and their items as children."""

from __future__ import annotations

import json
import logging
import re

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

from briefcomposer.core import brief_ops
from briefcomposer.core.errors import BriefError, RuleError
from briefcomposer.core.model import (
    Brief,
    BulletItem,
    IssueItem,
    Item,
    PositionItem,
    PositionTableItem,
    QuoteItem,
    Section,
    TextItem,
)
from briefcomposer.gui.models.roles import ANALYSIS_MIME, EXCERPT_MIME, ITEM_MIME, SECTION_MIME, Role

logger = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex

KIND_LABELS = {
    "text": "Paragraph",
    "bullet": "Bullet",
    "quote": "Quote",
    "position": "Position",
    "issue": "Issue",
    "table": "Positions table",
}


# The brief form's labels of the fields boilerplate may show
_FIELD_LABELS = {
    "title": "Title",
    "reference": "Ref.",
    "to": "To",
    "sender": "From",
    "contact": "Contact",
    "date": "Date",
    "marking": "Marking",
}


def item_display_text(brief: Brief, item: Item) -> str:
    """What an item shows in the outline: its text, boilerplate filled in."""
    from briefcomposer.structures.templates import render_boilerplate, says_nothing

    try:
        if isinstance(item, TextItem) and item.boilerplate:
            text = render_boilerplate(item.text, brief)
            if not says_nothing(text):
                return text
            # every field it shows is empty: say where its words will come from, not show a blank row
            fields = [_FIELD_LABELS.get(m.group(1), m.group(1)) for m in re.finditer(r"brief\.(\w+)", item.text)]
            return QCoreApplication.translate("OutlineModel", "(filled in from the brief's details: %1)").replace(
                "%1", ", ".join(dict.fromkeys(fields))
            )
        if isinstance(item, QuoteItem):
            lead = f"{item.comment} " if item.comment else ""
            return f"{lead}\u201c{item.excerpt.quote}\u201d"
        if isinstance(item, PositionTableItem):
            n = len(brief_ops.table_positions(brief, item))
            return QCoreApplication.translate("OutlineModel", "Table of accepted positions (%n)", "", n)
        return brief_ops.item_text(brief, item)
    except BriefError:
        return QCoreApplication.translate("OutlineModel", "(refers to something no longer in the brief)")


def editable_text(item: Item) -> str | None:
    """The text an inline edit changes, or None if the item is not edited as text."""
    if isinstance(item, (TextItem, BulletItem)):
        return item.text
    if isinstance(item, QuoteItem):
        return item.comment
    return None


# The item flags, combined once: `|` on PySide's enum flags is Python code, and views ask for
# the flags of every row on each layout pass (start-up time, issue 5).
_FLAGS_SECTION = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsDropEnabled
    | Qt.ItemFlag.ItemIsDragEnabled
    | Qt.ItemFlag.ItemIsEditable
)
_FLAGS_ITEM = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
_FLAGS_EDITABLE_ITEM = _FLAGS_ITEM | Qt.ItemFlag.ItemIsEditable


class OutlineModel(QAbstractItemModel):
    """Sections and their items; the only writer of `brief.sections`.

    Edits and drops made in views are not applied here: they are announced with the
    `*_requested` signals so that the document pushes an undoable command.
    """

    edit_requested = Signal(str, str)  # item id, new text
    restore_requested = Signal(str, str, bool)  # item id, the text and boilerplate flag an edit took away
    rename_requested = Signal(str, str)  # section id, new heading
    section_move_requested = Signal(str, int)  # section id, row (counted after it left)
    move_requested = Signal(str, int, int)  # item id, section row, row
    excerpt_dropped = Signal(dict, int, int)  # {"source_id", "paragraph", "start", "end"}, section row, row
    analysis_dropped = Signal(str, str, int, int)  # "issue" or "position", its id, section row, row
    words_changed = Signal()

    def __init__(self, brief: Brief, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._brief = brief

    @property
    def brief(self) -> Brief:
        return self._brief

    # -- structure

    def index(self, row: int, column: int = 0, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row < len(self._brief.sections):
                return self.createIndex(row, 0)
            return QModelIndex()
        if parent.internalPointer() is not None:  # items have no children
            return QModelIndex()
        section = self._brief.sections[parent.row()]
        if row < len(section.items):
            return self.createIndex(row, 0, section)
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        section = index.internalPointer()
        if section is None:
            return QModelIndex()
        for row, s in enumerate(self._brief.sections):
            if s is section:
                return self.createIndex(row, 0)
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._brief.sections)
        if parent.column() != 0 or parent.internalPointer() is not None:
            return 0
        return len(self._brief.sections[parent.row()].items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def section_index(self, section_row: int) -> QModelIndex:
        return self.index(section_row, 0)

    def item_index(self, item_id: str) -> QModelIndex:
        s_row, i_row = self._brief.locate_item(item_id)
        return self.index(i_row, 0, self.index(s_row, 0))

    def section_at(self, index: Index) -> tuple[int, Section] | None:
        """The section of `index` (a section or one of its items) and its row."""
        if not index.isValid():
            return None
        if index.internalPointer() is None:
            return index.row(), self._brief.sections[index.row()]
        return self.section_at(self.parent(index))

    def item_at(self, index: Index) -> Item | None:
        if not index.isValid() or index.internalPointer() is None:
            return None
        return index.internalPointer().items[index.row()]

    # -- data

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if not index.isValid():
            return None
        section = index.internalPointer()
        if section is None:
            return self._section_data(self._brief.sections[index.row()], role)
        return self._item_data(section.items[index.row()], role)

    def _section_data(self, section: Section, role: int):  # type: ignore[no-untyped-def]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return section.heading
        if role == Qt.ItemDataRole.ToolTipRole:
            return section.guidance or None
        if role == Role.OBJECT:
            return section
        if role == Role.ID:
            return section.id
        if role == Role.KIND:
            return "section"
        if role == Role.WORDS:
            return self.section_words(section)
        if role == Role.LIMIT:
            return section.word_limit
        if role == Role.GUIDANCE:  # shown while the section is empty
            return section.guidance or QCoreApplication.translate(
                "OutlineModel", "Empty: drag a passage here, or add a paragraph (Ctrl+Shift+Return)."
            )
        if role == Role.SEARCH:
            return section.heading
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if section.word_limit:
                return f"{section.heading}, {self.section_words(section)} of {section.word_limit} words"
            return f"{section.heading}, {self.section_words(section)} words"
        return None

    def _item_data(self, item: Item, role: int):  # type: ignore[no-untyped-def]
        if role in (Qt.ItemDataRole.DisplayRole, Role.SEARCH, Qt.ItemDataRole.AccessibleTextRole):
            return item_display_text(self._brief, item)
        if role == Qt.ItemDataRole.EditRole:
            text = editable_text(item)
            return text if text is not None else item_display_text(self._brief, item)
        if role == Qt.ItemDataRole.ToolTipRole:
            if isinstance(item, QuoteItem):
                try:
                    source = self._brief.source(item.excerpt.source_id)
                except BriefError:
                    return None
                return f"{source.title}, \u00b6{item.excerpt.paragraph + 1}"
            return KIND_LABELS.get(item.kind)
        if role == Role.OBJECT:
            return item
        if role == Role.ID:
            return item.id
        if role == Role.KIND:
            return item.kind
        return None

    def section_words(self, section: Section) -> int:
        try:
            return brief_ops.section_words(self._brief, section)
        except BriefError:
            return 0

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        if index.internalPointer() is None:
            return _FLAGS_SECTION
        item = self.item_at(index)
        return _FLAGS_EDITABLE_ITEM if item is not None and editable_text(item) is not None else _FLAGS_ITEM

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # type: ignore[no-untyped-def]
        if role == Qt.ItemDataRole.EditRole and index.isValid() and index.internalPointer() is None:
            section = self._brief.sections[index.row()]
            heading = " ".join(str(value).split())
            if not heading:
                return False
            if heading != section.heading:
                self.rename_requested.emit(section.id, heading)
            return True
        item = self.item_at(index)
        if role != Qt.ItemDataRole.EditRole or item is None or editable_text(item) is None:
            return False
        if str(value) != editable_text(item):
            self.edit_requested.emit(item.id, str(value))
        return True

    def restore_text(self, index: Index, text: str, boilerplate: bool) -> None:
        """Ask for an item's text and boilerplate flag back as they were (an inline edit cancelled
        after what was typed had reached the brief). The text alone would leave boilerplate typed
        over and put back as plain text, its tags printed as typed."""
        item = self.item_at(index)
        if item is None or editable_text(item) is None:
            return
        if text != editable_text(item) or boilerplate != bool(getattr(item, "boilerplate", False)):
            self.restore_requested.emit(item.id, text, boilerplate)

    # -- drag and drop

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ITEM_MIME, SECTION_MIME, EXCERPT_MIME, ANALYSIS_MIME]

    def mimeData(self, indexes) -> QMimeData:  # type: ignore[no-untyped-def]
        ids = [self.item_at(i).id for i in indexes if self.item_at(i) is not None]  # type: ignore[union-attr]
        mime = QMimeData()
        sections = [self._brief.sections[i.row()] for i in indexes if i.isValid() and i.internalPointer() is None]
        if sections and not ids:  # dragging section headings reorders sections
            mime.setData(SECTION_MIME, QByteArray(json.dumps([s.id for s in sections]).encode()))
            mime.setText("\n".join(s.heading for s in sections))
            return mime
        mime.setData(ITEM_MIME, QByteArray(json.dumps(ids).encode()))
        mime.setText("\n\n".join(item_display_text(self._brief, self._brief.item(i)) for i in ids))
        return mime

    def canDropMimeData(self, data, action, row, column, parent) -> bool:  # type: ignore[no-untyped-def]
        if data.hasFormat(SECTION_MIME):
            return self._section_drop_row(row, parent) is not None
        ours = any(data.hasFormat(f) for f in (ITEM_MIME, EXCERPT_MIME, ANALYSIS_MIME))
        return ours and self._drop_target(row, parent) is not None

    def _section_drop_row(self, row: int, parent: Index) -> int | None:
        """Where dropped sections go, counted before they leave: a gap between sections,
        or the place of the section dropped on (or of the section of the item dropped on)."""
        if not self._brief.sections:
            return None
        if not parent.isValid():
            return row if 0 <= row <= len(self._brief.sections) else len(self._brief.sections)
        found = self.section_at(parent)
        return found[0] if found else None

    def _drop_target(self, row: int, parent: Index) -> tuple[int, int] | None:
        if not parent.isValid():
            if not self._brief.sections:
                return None
            if 0 <= row < len(self._brief.sections):  # between sections: the end of the one above
                s_row = max(row - 1, 0)
                return s_row, len(self._brief.sections[s_row].items)
            return len(self._brief.sections) - 1, len(self._brief.sections[-1].items)
        if parent.internalPointer() is None:
            items = self._brief.sections[parent.row()].items
            return parent.row(), row if 0 <= row <= len(items) else len(items)
        section_row = self.parent(parent).row()
        return section_row, parent.row()

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # type: ignore[no-untyped-def]
        if data.hasFormat(SECTION_MIME):
            return self._drop_sections(data, row, parent)
        target = self._drop_target(row, parent)
        if target is None:
            return False
        s_row, i_row = target
        if data.hasFormat(ITEM_MIME):
            try:
                ids = json.loads(bytes(data.data(ITEM_MIME).data()).decode())
            except ValueError:
                return False
            for item_id in ids:
                try:
                    old_s, old_i = self._brief.locate_item(item_id)
                except BriefError:
                    continue
                # `row` counts before the item leaves; move_item counts after
                row_after = i_row - 1 if old_s == s_row and old_i < i_row else i_row
                if (old_s, old_i) != (s_row, row_after):  # dropped where it was: no step to undo
                    self.move_requested.emit(item_id, s_row, row_after)
                i_row = row_after + 1
        elif data.hasFormat(EXCERPT_MIME):
            try:
                payload = json.loads(bytes(data.data(EXCERPT_MIME).data()).decode())
            except ValueError:
                return False
            self.excerpt_dropped.emit(payload, s_row, i_row)
        elif data.hasFormat(ANALYSIS_MIME):
            try:
                entries = json.loads(bytes(data.data(ANALYSIS_MIME).data()).decode())
            except ValueError:
                return False
            for n, (kind, obj_id) in enumerate(entries):
                self.analysis_dropped.emit(str(kind), str(obj_id), s_row, i_row + n)
        # The document applies the change through the undo stack, so the view must not
        # remove the dragged rows itself.
        return False

    def _drop_sections(self, data: QMimeData, row: int, parent: Index) -> bool:
        at = self._section_drop_row(row, parent)
        try:
            ids = json.loads(bytes(data.data(SECTION_MIME).data()).decode())
        except ValueError:
            return False
        if at is None:
            return False
        rows = [s.id for s in self._brief.sections]
        if parent.isValid() and ids and ids[0] in rows and rows.index(ids[0]) < at:
            # Dropped on a section further down: it takes that section's place, the gap below it,
            # as a drop on one further up takes the gap above. It landed one row short, and on
            # the next section did not move at all (issue 5).
            at += 1
        for section_id in ids:
            rows = [s.id for s in self._brief.sections]
            if section_id not in rows:
                continue
            old = rows.index(section_id)
            row_after = at - 1 if old < at else at
            if row_after != old:  # dropped where it was: no step to undo
                self.section_move_requested.emit(section_id, row_after)
            at = row_after + 1
        return False  # applied through the undo stack, like item moves

    # -- mutators (called by commands only)

    def insert_section(self, row: int, section: Section) -> int:
        """Insert `section` at `row`; return the row used. Raises `RuleError` first if invalid."""
        if any(s.id == section.id for s in self._brief.sections):
            raise RuleError(f"the section {section.heading!r} is already in the brief")
        if any(s.key == section.key for s in self._brief.sections):
            raise RuleError(f"a section with the key {section.key!r} is already in the brief")
        for item in section.items:
            brief_ops._check_item_refs(self._brief, item)  # noqa: SLF001
        row = max(0, min(row, len(self._brief.sections)))
        self.beginInsertRows(QModelIndex(), row, row)
        brief_ops.add_section(self._brief, section, row)
        self.endInsertRows()
        self.words_changed.emit()
        return row

    def take_section(self, section_id: str) -> tuple[int, Section]:
        """Remove a section with its items; return its row and the section."""
        row = self._brief.sections.index(self._brief.section(section_id))
        self.beginRemoveRows(QModelIndex(), row, row)
        _, section = brief_ops.remove_section(self._brief, section_id)
        self.endRemoveRows()
        self.words_changed.emit()
        return row, section

    def move_section(self, section_id: str, row: int) -> int:
        """Move a section to `row` (counted after it left); return its old row."""
        old = self._brief.sections.index(self._brief.section(section_id))
        row = max(0, min(row, len(self._brief.sections) - 1))
        if row == old:
            return old
        dest = row + 1 if row > old else row
        self.beginMoveRows(QModelIndex(), old, old, QModelIndex(), dest)
        brief_ops.move_section(self._brief, section_id, row)
        self.endMoveRows()
        return old

    def set_heading(self, section_id: str, heading: str) -> str:
        """Rename a section; return the old heading."""
        if not heading.strip():
            raise RuleError("a section needs a heading")
        section = self._brief.section(section_id)
        old, section.heading = section.heading, heading
        index = self.index(self._brief.sections.index(section), 0)
        self.dataChanged.emit(index, index)
        return old

    def set_word_limit(self, section_id: str, limit: int | None) -> int | None:
        """Set a section's word limit (None: no limit); return the old one. Raises `RuleError` if not positive."""
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
            raise RuleError("a word limit must be a positive whole number")
        section = self._brief.section(section_id)
        old, section.word_limit = section.word_limit, limit
        index = self.index(self._brief.sections.index(section), 0)
        self.dataChanged.emit(index, index, [Role.LIMIT, Qt.ItemDataRole.AccessibleTextRole])
        return old

    def unique_key(self, heading: str) -> str:
        """A section key made from `heading` that no section of the brief uses yet."""
        import re

        base = re.sub(r"[^a-z0-9]+", "-", heading.casefold()).strip("-") or "section"
        keys = {s.key for s in self._brief.sections}
        key, n = base, 2
        while key in keys:
            key, n = f"{base}-{n}", n + 1
        return key

    def insert_item(self, section_row: int, row: int, item: Item) -> None:
        """Insert `item` at `row` of the section at `section_row`; raise `BriefError` first if invalid."""
        section = self._brief.sections[section_row]
        if any(i.id == item.id for _, i in self._brief.iter_items()):
            raise RuleError("this item is already in the brief")
        brief_ops._check_item_refs(self._brief, item)  # noqa: SLF001  # the core's own check, before Qt is told
        row = max(0, min(row, len(section.items)))
        self.beginInsertRows(self.index(section_row, 0), row, row)
        section.items.insert(row, item)
        self.endInsertRows()
        self._section_changed(section_row)

    def take_item(self, section_row: int, row: int) -> Item:
        self.beginRemoveRows(self.index(section_row, 0), row, row)
        item = self._brief.sections[section_row].items.pop(row)
        self.endRemoveRows()
        self._section_changed(section_row)
        return item

    def move_item(self, item_id: str, section_row: int, row: int) -> tuple[int, int]:
        """Move an item to `row` of section `section_row` (counted after it left); return its old place."""
        old_s, old_i = self._brief.locate_item(item_id)
        target = self._brief.sections[section_row]
        size = len(target.items) - (1 if old_s == section_row else 0)
        row = max(0, min(row, size))
        if (old_s, old_i) == (section_row, row):
            return old_s, old_i
        dest = row + 1 if old_s == section_row and row > old_i else row
        self.beginMoveRows(self.index(old_s, 0), old_i, old_i, self.index(section_row, 0), dest)
        brief_ops.move_item(self._brief, item_id, target.id, row)
        self.endMoveRows()
        self._section_changed(old_s)
        if section_row != old_s:
            self._section_changed(section_row)
        return old_s, old_i

    def set_item_text(self, item_id: str, text: str, boilerplate: bool | None = None) -> tuple[str, bool]:
        """Set the editable text of an item (a quote's comment); return the old text and boilerplate flag.

        Boilerplate edited to text without placeholders becomes the officer's own text, unless
        `boilerplate` (an undo's) says what the flag is.
        """
        item = self._brief.item(item_id)
        was = isinstance(item, TextItem) and item.boilerplate
        if isinstance(item, (TextItem, BulletItem)):
            old, item.text = item.text, text
            if isinstance(item, TextItem):
                item.boilerplate = (item.boilerplate and "{" in text) if boilerplate is None else boilerplate
        elif isinstance(item, QuoteItem):
            old, item.comment = item.comment, text
        else:
            raise RuleError(f"a {KIND_LABELS.get(item.kind, item.kind).lower()} has no text to edit")
        index = self.item_index(item_id)
        self.dataChanged.emit(index, index)
        self._section_changed(self.parent(index).row())
        return old, was

    def set_table_actors(self, item_id: str, actor_ids: list[str]) -> list[str]:
        item = self._brief.item(item_id)
        assert isinstance(item, PositionTableItem)
        old, item.actor_ids = item.actor_ids, list(actor_ids)
        index = self.item_index(item_id)
        self.dataChanged.emit(index, index)
        self._section_changed(self.parent(index).row())  # the table's stances count in the section's words
        return old

    def refresh(self) -> None:
        """Tell views that texts may have changed (an actor renamed, a position edited)."""
        for s_row, section in enumerate(self._brief.sections):
            parent = self.index(s_row, 0)
            self.dataChanged.emit(parent, parent)
            if section.items:
                self.dataChanged.emit(self.index(0, 0, parent), self.index(len(section.items) - 1, 0, parent))
        self.words_changed.emit()

    def _section_changed(self, section_row: int) -> None:
        index = self.index(section_row, 0)
        self.dataChanged.emit(index, index, [Role.WORDS, Qt.ItemDataRole.AccessibleTextRole])
        self.words_changed.emit()


__all__ = ["IssueItem", "OutlineModel", "PositionItem", "item_display_text"]
