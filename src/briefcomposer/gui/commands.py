"""Undoable edits. Each command calls Qt model methods, never the core directly.

Commands are built with ids, not rows, wherever rows could shift between redo and
undo; `redo()` records where things were so that `undo()` restores the same order.
Nothing changes before `push()`, which calls `redo()`.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QUndoCommand

from briefcomposer.core import brief_ops
from briefcomposer.core.errors import BriefError
from briefcomposer.core.model import (
    Actor,
    ActorKind,
    Excerpt,
    Issue,
    Item,
    Marking,
    ParagraphRef,
    Position,
    PositionTableItem,
    Section,
    Source,
    Status,
)

if TYPE_CHECKING:
    from briefcomposer.gui.document import Document


translate = QCoreApplication.translate  # literal calls, so that pyside6-lupdate finds them


def tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


def _shorten(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "\u2026"


class MergeId(enum.IntEnum):
    ITEM_TEXT = 1001
    STANCE = 1002
    METADATA = 1003
    ISSUE_LABEL = 1004
    SECTION_HEADING = 1005


def describe_position(doc: Document, position: Position) -> str:
    """``Russia on missile defence`` (or ``Russia: stance`` when the position is on no issue)."""
    try:
        actor = doc.brief.actor(position.actor_id).name
    except KeyError:
        actor = "?"
    if position.issue_id is not None:
        try:
            return f"{actor} on {_shorten(doc.brief.issue(position.issue_id).label)}"
        except KeyError:
            pass
    return f"{actor}: {_shorten(position.stance, 30)}"


class _Command(QUndoCommand):
    def __init__(self, doc: Document, text: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        self._doc = doc
        self._sealed = False

    def seal(self) -> None:
        """Take no more edits into this step (`Document.seal_merges`)."""
        self._sealed = True

    def _merge_id(self, merge_id: int) -> int:
        # Qt asks `id()` of the step on top at each push: -1 means it merges with nothing.
        return -1 if self._sealed else merge_id


# ---------------------------------------------------------------- sections


class AddSectionCommand(_Command):
    """Add a section at `row` (default: the end)."""

    def __init__(self, doc: Document, section: Section, row: int | None = None) -> None:
        super().__init__(doc, translate("commands", "Add section: %s") % _shorten(section.heading))
        self._section, self._row = section, row

    def redo(self) -> None:
        row = len(self._doc.brief.sections) if self._row is None else self._row
        self._row = self._doc.outline.insert_section(row, self._section)

    def undo(self) -> None:
        self._doc.outline.take_section(self._section.id)


class RemoveSectionCommand(_Command):
    """Remove a section with its items; undo puts it back at the same row."""

    def __init__(self, doc: Document, section_id: str) -> None:
        super().__init__(
            doc, translate("commands", "Remove section: %s") % _shorten(doc.brief.section(section_id).heading)
        )
        self._section_id = section_id
        self._row, self._section = 0, None

    def redo(self) -> None:
        self._row, self._section = self._doc.outline.take_section(self._section_id)

    def undo(self) -> None:
        assert self._section is not None
        self._doc.outline.insert_section(self._row, self._section)


class MoveSectionCommand(_Command):
    """Move a section to `row` (counted after it has left its place)."""

    def __init__(self, doc: Document, section_id: str, row: int) -> None:
        super().__init__(
            doc, translate("commands", "Move section: %s") % _shorten(doc.brief.section(section_id).heading)
        )
        self._section_id, self._row = section_id, row
        self._old: int | None = None

    def redo(self) -> None:
        self._old = self._doc.outline.move_section(self._section_id, self._row)

    def undo(self) -> None:
        assert self._old is not None
        self._doc.outline.move_section(self._section_id, self._old)


class RenameSectionCommand(_Command):
    """Rename a section; consecutive renames of one section merge into one step."""

    def __init__(self, doc: Document, section_id: str, heading: str) -> None:
        super().__init__(doc, translate("commands", "Rename section: %s") % _shorten(heading))
        self._section_id, self._new = section_id, heading
        self._old: str | None = None

    def redo(self) -> None:
        old = self._doc.outline.set_heading(self._section_id, self._new)
        if self._old is None:
            self._old = old

    def undo(self) -> None:
        assert self._old is not None
        self._doc.outline.set_heading(self._section_id, self._old)

    def id(self) -> int:
        return self._merge_id(MergeId.SECTION_HEADING)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, RenameSectionCommand) or other._section_id != self._section_id:
            return False
        self._new = other._new
        self.setText(other.text())
        self.setObsolete(self._new == self._old)
        return True


class SetWordLimitCommand(_Command):
    """Set or clear (`limit` None) a section's word limit; raises `RuleError` first if it is not positive."""

    def __init__(self, doc: Document, section_id: str, limit: int | None) -> None:
        heading = _shorten(doc.brief.section(section_id).heading)
        if limit is not None and limit < 1:
            from briefcomposer.core.errors import RuleError

            raise RuleError("a word limit must be a positive whole number")
        if limit is None:
            text = translate("commands", "Clear word limit: %s") % heading
        else:
            text = translate("commands", "Set word limit: %s (%d words)") % (heading, limit)
        super().__init__(doc, text)
        self._section_id, self._new = section_id, limit
        self._old: int | None = None

    def redo(self) -> None:
        self._old = self._doc.outline.set_word_limit(self._section_id, self._new)

    def undo(self) -> None:
        self._doc.outline.set_word_limit(self._section_id, self._old)


# ---------------------------------------------------------------- outline items


class InsertItemCommand(_Command):
    """Put a new item (paragraph, quote, position) into a section."""

    def __init__(self, doc: Document, section_id: str, row: int | None, item: Item, text: str = "") -> None:
        super().__init__(doc, text or translate("commands", "Add %s") % item.kind)
        self._section_id, self._row, self._item = section_id, row, item

    def _section_row(self) -> int:
        return [s.id for s in self._doc.brief.sections].index(self._section_id)

    def redo(self) -> None:
        s_row = self._section_row()
        row = len(self._doc.brief.sections[s_row].items) if self._row is None else self._row
        self._doc.outline.insert_item(s_row, row, self._item)

    def undo(self) -> None:
        s_row, i_row = self._doc.brief.locate_item(self._item.id)
        self._doc.outline.take_item(s_row, i_row)


def _item_name(doc: Document, item: Item) -> str:
    """An item as a step's name says it: "paragraph “A first paragraph…”", "the positions table"."""
    if isinstance(item, PositionTableItem):
        return translate("commands", "the positions table")
    kinds = {
        "text": translate("commands", "paragraph"),
        "bullet": translate("commands", "bullet"),
        "quote": translate("commands", "quote"),
        "position": translate("commands", "position"),
        "issue": translate("commands", "issue"),
    }
    try:
        words = _shorten(brief_ops.item_text(doc.brief, item), 32)
    except BriefError:
        words = ""
    kind = kinds.get(item.kind, item.kind)
    return f"{kind} \u201c{words}\u201d" if words else kind


class RemoveItemCommand(_Command):
    def __init__(self, doc: Document, item_id: str) -> None:
        # Named by what goes, not "Remove text": the history and Undo say which paragraph.
        super().__init__(doc, translate("commands", "Remove %s") % _item_name(doc, doc.brief.item(item_id)))
        self._item_id = item_id
        self._where: tuple[int, int] | None = None
        self._item: Item | None = None

    def redo(self) -> None:
        self._where = self._doc.brief.locate_item(self._item_id)
        self._item = self._doc.outline.take_item(*self._where)

    def undo(self) -> None:
        assert self._where is not None
        assert self._item is not None
        self._doc.outline.insert_item(*self._where, self._item)


class MoveItemCommand(_Command):
    """Move an item to `row` of the section at `section_row` (row counted after it left)."""

    def __init__(self, doc: Document, item_id: str, section_row: int, row: int) -> None:
        s_row, i_row = doc.brief.locate_item(item_id)
        what = _item_name(doc, doc.brief.item(item_id))
        if s_row != section_row:
            where = translate("commands", "Move %s to %s") % (what, doc.brief.sections[section_row].heading)
        elif row < i_row:
            where = translate("commands", "Move %s up") % what
        else:
            where = translate("commands", "Move %s down") % what
        super().__init__(doc, where)
        self._item_id, self._to = item_id, (section_row, row)
        self._from: tuple[int, int] | None = None

    def redo(self) -> None:
        self._from = self._doc.outline.move_item(self._item_id, *self._to)

    def undo(self) -> None:
        assert self._from is not None
        self._doc.outline.move_item(self._item_id, *self._from)


class EditItemTextCommand(_Command):
    """Change an item's text (a quote's comment); consecutive edits of one item merge."""

    def __init__(self, doc: Document, item_id: str, text: str, boilerplate: bool | None = None) -> None:
        """`boilerplate`: the flag to give the item (a cancelled edit's), else the usual rule's."""
        super().__init__(doc, translate("commands", "Edit %s") % _item_name(doc, doc.brief.item(item_id)))
        self._item_id, self._new = item_id, text
        self._old: tuple[str, bool] | None = None  # the text and the boilerplate flag (an edit may clear it)
        self._new_flag: bool | None = boilerplate  # the flag the edit left: a redo puts back that state exactly

    def redo(self) -> None:
        old = self._doc.outline.set_item_text(self._item_id, self._new, self._new_flag)
        if self._old is None:
            self._old = old
            self._new_flag = self._flag()

    def _flag(self) -> bool:
        return bool(getattr(self._doc.brief.item(self._item_id), "boilerplate", False))

    def undo(self) -> None:
        assert self._old is not None
        self._doc.outline.set_item_text(self._item_id, *self._old)

    def id(self) -> int:
        return self._merge_id(MergeId.ITEM_TEXT)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditItemTextCommand) or other._item_id != self._item_id:
            return False
        self._new, self._new_flag = other._new, self._flag()  # `other` has been done: the brief shows the result
        self.setObsolete((self._new, self._new_flag) == self._old)
        return True


class SetTableActorsCommand(_Command):
    def __init__(self, doc: Document, item_id: str, actor_ids: list[str]) -> None:
        super().__init__(doc, translate("commands", "Choose table actors"))
        self._item_id, self._new = item_id, list(actor_ids)
        self._old: list[str] = []

    def redo(self) -> None:
        self._old = self._doc.outline.set_table_actors(self._item_id, self._new)

    def undo(self) -> None:
        self._doc.outline.set_table_actors(self._item_id, self._old)


# ---------------------------------------------------------------- issues and positions


class SetStatusCommand(_Command):
    """Accept, reject or restore a suggested position or issue."""

    VERBS = {
        Status.ACCEPTED: QT_TRANSLATE_NOOP("commands", "Accept"),
        Status.REJECTED: QT_TRANSLATE_NOOP("commands", "Reject"),
        Status.SUGGESTED: QT_TRANSLATE_NOOP("commands", "Restore"),
    }

    def __init__(self, doc: Document, obj_id: str, status: Status) -> None:
        verb = tr(self.VERBS[status])
        try:
            position = doc.brief.position(obj_id)
            text = translate("commands", "%s position: %s") % (verb, describe_position(doc, position))
        except KeyError:
            text = translate("commands", "%s issue: %s") % (verb, _shorten(doc.brief.issue(obj_id).label))
        super().__init__(doc, text)
        self._obj_id, self._new = obj_id, status
        self._old: Status | None = None

    def redo(self) -> None:
        self._old = self._doc.analysis.set_status(self._obj_id, self._new)

    def undo(self) -> None:
        assert self._old is not None
        self._doc.analysis.set_status(self._obj_id, self._old)


class EditStanceCommand(_Command):
    def __init__(self, doc: Document, position_id: str, stance: str) -> None:
        super().__init__(
            doc, translate("commands", "Edit position: %s") % describe_position(doc, doc.brief.position(position_id))
        )
        self._position_id, self._new = position_id, stance
        self._old: str | None = None

    def redo(self) -> None:
        old = self._doc.analysis.set_stance(self._position_id, self._new)
        if self._old is None:
            self._old = old

    def undo(self) -> None:
        assert self._old is not None
        self._doc.analysis.set_stance(self._position_id, self._old)

    def id(self) -> int:
        return self._merge_id(MergeId.STANCE)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditStanceCommand) or other._position_id != self._position_id:
            return False
        self._new = other._new
        self.setObsolete(self._new == self._old)
        return True


class RenameIssueCommand(_Command):
    def __init__(self, doc: Document, issue_id: str, label: str) -> None:
        super().__init__(doc, translate("commands", "Rename issue: %s") % _shorten(label))
        self._issue_id, self._new = issue_id, label
        self._old: str | None = None

    def redo(self) -> None:
        old = self._doc.analysis.set_label(self._issue_id, self._new)
        if self._old is None:
            self._old = old

    def undo(self) -> None:
        assert self._old is not None
        self._doc.analysis.set_label(self._issue_id, self._old)

    def id(self) -> int:
        return self._merge_id(MergeId.ISSUE_LABEL)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, RenameIssueCommand) or other._issue_id != self._issue_id:
            return False
        self._new = other._new
        self.setObsolete(self._new == self._old)
        return True


class AddIssueCommand(_Command):
    """Add an issue, optionally tagged with the paragraph it came from."""

    def __init__(self, doc: Document, issue: Issue) -> None:
        super().__init__(doc, translate("commands", "Add issue: %s") % _shorten(issue.label))
        self._issue = issue

    def redo(self) -> None:
        self._doc.analysis.insert_issue(len(self._doc.brief.issues), self._issue)

    def undo(self) -> None:
        self._doc.analysis.take_issue(self._issue.id)


class AddPositionCommand(_Command):
    """Add a position; with `new_actor` the actor is added first (one undo step)."""

    def __init__(self, doc: Document, position: Position, new_actor: Actor | None = None) -> None:
        actor = new_actor.name if new_actor else doc.brief.actor(position.actor_id).name
        issue = ""
        if position.issue_id:
            issue = translate("commands", " on %s") % _shorten(doc.brief.issue(position.issue_id).label)
        super().__init__(doc, translate("commands", "Add position: %s%s") % (actor, issue))
        self._position, self._actor = position, new_actor

    def redo(self) -> None:
        if self._actor is not None:
            self._doc.actors.insert_actor(len(self._doc.brief.actors), self._actor)
        self._doc.analysis.insert_position(self._position)

    def undo(self) -> None:
        self._doc.analysis.take_position(self._position.id)
        if self._actor is not None:
            self._doc.actors.take_actor(self._actor.id)


class AddEvidenceCommand(_Command):
    def __init__(self, doc: Document, position_id: str, excerpt: Excerpt) -> None:
        super().__init__(
            doc, translate("commands", "Add evidence: %s") % describe_position(doc, doc.brief.position(position_id))
        )
        self._position_id, self._excerpt = position_id, excerpt

    def redo(self) -> None:
        self._doc.analysis.add_evidence(self._position_id, self._excerpt)

    def undo(self) -> None:
        self._doc.analysis.remove_evidence(self._position_id, self._excerpt.id)


class RemoveEvidenceCommand(_Command):
    def __init__(self, doc: Document, position_id: str, excerpt_id: str) -> None:
        super().__init__(
            doc, translate("commands", "Remove evidence: %s") % describe_position(doc, doc.brief.position(position_id))
        )
        self._position_id, self._excerpt_id = position_id, excerpt_id
        self._at, self._excerpt = 0, None

    def redo(self) -> None:
        self._at, self._excerpt = self._doc.analysis.remove_evidence(self._position_id, self._excerpt_id)

    def undo(self) -> None:
        assert self._excerpt is not None
        self._doc.analysis.add_evidence(self._position_id, self._excerpt, self._at)


class TagParagraphCommand(_Command):
    """Tag a source paragraph to an issue (where the issue is discussed)."""

    def __init__(self, doc: Document, issue_id: str, ref: ParagraphRef) -> None:
        label = _shorten(doc.brief.issue(issue_id).label)
        super().__init__(doc, translate("commands", "Tag \u00b6%d to issue: %s") % (ref.paragraph + 1, label))
        self._issue_id, self._ref = issue_id, ref
        self._added = False

    def redo(self) -> None:
        self._added = self._doc.analysis.add_paragraph(self._issue_id, self._ref)

    def undo(self) -> None:
        if self._added:
            self._doc.analysis.remove_paragraph(self._issue_id, self._ref)


# ---------------------------------------------------------------- actors


class AddActorCommand(_Command):
    def __init__(self, doc: Document, actor: Actor) -> None:
        super().__init__(doc, translate("commands", "Add actor: %s") % actor.name)
        self._actor = actor

    def redo(self) -> None:
        self._doc.actors.insert_actor(len(self._doc.brief.actors), self._actor)

    def undo(self) -> None:
        self._doc.actors.take_actor(self._actor.id)


class RenameActorCommand(_Command):
    def __init__(self, doc: Document, actor_id: str, name: str) -> None:
        super().__init__(doc, translate("commands", "Rename actor: %s to %s") % (doc.brief.actor(actor_id).name, name))
        self._actor_id, self._new = actor_id, name
        self._old = ""

    def redo(self) -> None:
        self._old = self._doc.actors.rename(self._actor_id, self._new)

    def undo(self) -> None:
        self._doc.actors.rename(self._actor_id, self._old)


class SetActorKindCommand(_Command):
    def __init__(self, doc: Document, actor_id: str, kind: ActorKind) -> None:
        super().__init__(doc, translate("commands", "Set kind of %s") % doc.brief.actor(actor_id).name)
        self._actor_id, self._new = actor_id, kind
        self._old = kind

    def redo(self) -> None:
        self._old = self._doc.actors.set_kind(self._actor_id, self._new)

    def undo(self) -> None:
        self._doc.actors.set_kind(self._actor_id, self._old)


class MergeActorsCommand(_Command):
    """Merge `drop_id` into `keep_id`: its names become aliases and its positions move over."""

    def __init__(self, doc: Document, keep_id: str, drop_id: str) -> None:
        keep, drop = doc.brief.actor(keep_id), doc.brief.actor(drop_id)
        super().__init__(doc, translate("commands", "Merge %s into %s") % (drop.name, keep.name))
        if keep_id == drop_id:
            from briefcomposer.core.errors import RuleError

            raise RuleError("an actor cannot be merged with itself")
        self._keep_id, self._drop_id = keep_id, drop_id
        self._old_aliases: list[str] = []
        self._moved: list[str] = []
        self._tables: list[tuple[str, list[str]]] = []
        self._row, self._actor = 0, None

    def redo(self) -> None:
        brief = self._doc.brief
        keep, drop = brief.actor(self._keep_id), brief.actor(self._drop_id)
        aliases = [n for n in dict.fromkeys([*keep.aliases, *drop.names()]) if n != keep.name]
        self._old_aliases = self._doc.actors.set_aliases(self._keep_id, aliases)
        self._moved = [p.id for p in brief.positions if p.actor_id == self._drop_id]
        for position_id in self._moved:
            self._doc.analysis.set_actor_of(position_id, self._keep_id)
        self._tables = []
        for _, item in brief.iter_items():
            if isinstance(item, PositionTableItem) and self._drop_id in item.actor_ids:
                new = list(dict.fromkeys(self._keep_id if a == self._drop_id else a for a in item.actor_ids))
                self._tables.append((item.id, self._doc.outline.set_table_actors(item.id, new)))
        self._row, self._actor = self._doc.actors.take_actor(self._drop_id)

    def undo(self) -> None:
        assert self._actor is not None
        self._doc.actors.insert_actor(self._row, self._actor)
        for item_id, ids in self._tables:
            self._doc.outline.set_table_actors(item_id, ids)
        for position_id in self._moved:
            self._doc.analysis.set_actor_of(position_id, self._drop_id)
        self._doc.actors.set_aliases(self._keep_id, self._old_aliases)


# ---------------------------------------------------------------- sources


class AddSourceCommand(_Command):
    """Add a source with what its analysis found: new actors, issues and positions, and what it adds
    to actors and issues the brief holds already (`aliases`: an actor's aliases with the new names;
    `issue_terms`: an issue's paragraphs and keywords with the new source's), as `merge_into` found.
    """

    def __init__(
        self,
        doc: Document,
        source: Source,
        actors: list[Actor] = (),  # type: ignore[assignment]
        issues: list[Issue] = (),  # type: ignore[assignment]
        positions: list[Position] = (),  # type: ignore[assignment]
        aliases: dict[str, list[str]] | None = None,
        issue_terms: dict[str, tuple[list[ParagraphRef], list[str]]] | None = None,
    ) -> None:
        super().__init__(doc, translate("commands", "Import source: %s") % _shorten(source.title))
        self._source = source
        self._actors, self._issues, self._positions = list(actors), list(issues), list(positions)
        self._aliases, self._issue_terms = dict(aliases or {}), dict(issue_terms or {})
        self._old_aliases: dict[str, list[str]] = {}
        self._old_terms: dict[str, tuple[list[ParagraphRef], list[str]]] = {}

    def redo(self) -> None:
        doc = self._doc
        doc.sources.insert_source(len(doc.brief.sources), self._source)
        for actor_id, aliases in self._aliases.items():
            self._old_aliases[actor_id] = doc.actors.set_aliases(actor_id, aliases)
        for issue_id, (paragraphs, keywords) in self._issue_terms.items():
            self._old_terms[issue_id] = doc.analysis.set_issue_terms(issue_id, paragraphs, keywords)
        for actor in self._actors:
            doc.actors.insert_actor(len(doc.brief.actors), actor)
        for issue in self._issues:
            doc.analysis.insert_issue(len(doc.brief.issues), issue)
        for position in self._positions:
            doc.analysis.insert_position(position)

    def undo(self) -> None:
        doc = self._doc
        for position in reversed(self._positions):
            doc.analysis.take_position(position.id)
        for issue in reversed(self._issues):
            doc.analysis.take_issue(issue.id)
        for actor in reversed(self._actors):
            doc.actors.take_actor(actor.id)
        for issue_id, (paragraphs, keywords) in self._old_terms.items():
            doc.analysis.set_issue_terms(issue_id, paragraphs, keywords)
        for actor_id, aliases in self._old_aliases.items():
            doc.actors.set_aliases(actor_id, aliases)
        doc.sources.take_source(self._source.id)


class RemoveSourceCommand(_Command):
    """Remove a source with the suggestions that rest on it, as one step.

    Refused (`RuleError`, raised before anything changes) while the brief quotes the
    source or an accepted position cites it: that is the officer's work. Suggested
    and rejected positions citing only this source go with it, their other evidence
    stays; issues forget its paragraphs, and suggested issues that rested on it and are
    left with nothing go too (a suggestion that never cited it stays).
    """

    def __init__(self, doc: Document, source_id: str) -> None:
        brief = doc.brief
        source = brief.source(source_id)
        super().__init__(doc, translate("commands", "Remove source: %s") % _shorten(source.title))
        from briefcomposer.core.brief_ops import check_source_removable

        check_source_removable(brief, source_id)  # the rule lives in the core; raises RuleError
        self._source_id = source_id
        self._undo_steps: list[tuple[str, object]] = []

    def redo(self) -> None:
        from briefcomposer.core.brief_ops import issue_left_empty, shown_issue_ids

        doc, brief, sid = self._doc, self._doc.brief, self._source_id
        steps: list[tuple[str, object]] = []
        touched: set[str | None] = set()  # as `brief_ops.remove_source`: issues that lose something here
        for position in [p for p in brief.positions if any(e.source_id == sid for e in p.evidence)]:
            if all(e.source_id == sid for e in position.evidence):
                touched.add(position.issue_id)
                steps.append(("position", doc.analysis.take_position(position.id)))
            else:
                for excerpt in [e for e in position.evidence if e.source_id == sid]:
                    at, _ = doc.analysis.remove_evidence(position.id, excerpt.id)
                    steps.append(("evidence", (position.id, at, excerpt)))
        shown = shown_issue_ids(brief)
        for issue in list(brief.issues):
            for ref in [r for r in issue.paragraphs if r.source_id == sid]:
                touched.add(issue.id)
                at = doc.analysis.remove_paragraph(issue.id, ref)
                steps.append(("paragraph", (issue.id, at, ref)))
            if issue.id in touched and issue_left_empty(brief, issue, shown):
                steps.append(("issue", doc.analysis.take_issue(issue.id)))
        steps.append(("source", doc.sources.take_source(sid)))
        self._undo_steps = steps

    def undo(self) -> None:
        doc = self._doc
        for kind, data in reversed(self._undo_steps):
            if kind == "source":
                row, source = data  # type: ignore[misc]
                doc.sources.insert_source(row, source)
            elif kind == "issue":
                row, issue = data  # type: ignore[misc]
                doc.analysis.insert_issue(row, issue)
            elif kind == "paragraph":
                issue_id, at, ref = data  # type: ignore[misc]
                doc.analysis.add_paragraph(issue_id, ref, at)
            elif kind == "evidence":
                position_id, at, excerpt = data  # type: ignore[misc]
                doc.analysis.add_evidence(position_id, excerpt, at)
            else:
                at, position = data  # type: ignore[misc]
                doc.analysis.insert_position(position, at)


# ---------------------------------------------------------------- metadata

FIELD_LABELS = {
    "title": QT_TRANSLATE_NOOP("commands", "title"),
    "reference": QT_TRANSLATE_NOOP("commands", "reference"),
    "to": QT_TRANSLATE_NOOP("commands", "recipient"),
    "sender": QT_TRANSLATE_NOOP("commands", "sender"),
    "date": QT_TRANSLATE_NOOP("commands", "date"),
    "contact": QT_TRANSLATE_NOOP("commands", "contact"),
    "marking": QT_TRANSLATE_NOOP("commands", "marking"),
}


class SetMetadataCommand(_Command):
    """Change one metadata field; typing into the same field merges into one step."""

    def __init__(self, doc: Document, field: str, value: object) -> None:
        super().__init__(doc, translate("commands", "Edit %s") % tr(FIELD_LABELS.get(field, field)))
        self._field, self._new = field, value
        self._old: object = ...

    def redo(self) -> None:
        old = self._doc.set_metadata(self._field, self._new)
        if self._old is ...:
            self._old = old

    def undo(self) -> None:
        self._doc.set_metadata(self._field, self._old)

    def id(self) -> int:
        return self._merge_id(MergeId.METADATA)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetMetadataCommand) or other._field != self._field:
            return False
        self._new = other._new
        self.setObsolete(_same(self._new, self._old))
        return True


def _same(a: object, b: object) -> bool:
    if isinstance(a, Marking) and isinstance(b, Marking):
        return str(a) == str(b)
    return a == b
