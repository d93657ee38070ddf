"""One open brief: the core `Brief`, its Qt models, its undo stack, its file path."""

from __future__ import annotations

import contextlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QUndoCommand, QUndoStack

from briefcomposer.core import brief_ops
from briefcomposer.core.errors import BriefError
from briefcomposer.core.model import Brief, Marking, Status
from briefcomposer.gui.models.actor_model import ActorModel
from briefcomposer.gui.models.analysis_model import AnalysisModel
from briefcomposer.gui.models.outline_model import OutlineModel
from briefcomposer.gui.models.source_model import SourceModel

logger = logging.getLogger(__name__)

METADATA_FIELDS = ("title", "reference", "to", "sender", "date", "contact", "marking")
WORDS_PER_PAGE = 420  # an A4 page of a briefing note in 12 pt Arial, headings and spacing included
WORDS_PER_HEADING = 20
WORDS_PER_TABLE_ROW = 18


@dataclass(frozen=True)
class DiskStamp:
    """What a file on disk looked like when this document last read or wrote it."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, path: Path) -> DiskStamp:
        """Raises `OSError` when the file cannot be read."""
        import hashlib  # here: it loads OpenSSL, 2 to 3 ms of a start that opens no file (issue 5)

        info = path.stat()
        return cls(info.st_size, info.st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest())


def _absolute(path: Path | str | None) -> Path | None:
    """`path` made absolute (not resolved: a link stays the name the officer chose). A relative
    path was kept as given, so a brief opened as "notes.brief" and restored after a crash was saved
    in the folder the app was started from next time (issue 5)."""
    return Path(os.path.abspath(path)) if path else None


class Document(QObject):
    """A brief being edited. Widgets read it and push commands onto `undo_stack`."""

    changed = Signal()  # anything in the brief changed (preview, highlights, counts)
    metadata_changed = Signal(str)  # a field of METADATA_FIELDS
    path_changed = Signal()

    def __init__(
        self, brief: Brief, path: Path | None = None, parent: QObject | None = None, recovery_key: str | None = None
    ) -> None:
        super().__init__(parent)
        self.brief = brief
        self._path = _absolute(path)
        # The name of this document's recovery copy (`gui.recovery`): its own, not the brief's id,
        # which a second window on the same file, a Save As copy or a hand-edited file shares.
        self.recovery_key = recovery_key or os.urandom(8).hex()
        self.undo_stack = QUndoStack(self)
        self.sources = SourceModel(brief, self)
        self.actors = ActorModel(brief, self)
        self.analysis = AnalysisModel(brief, self)
        self.outline = OutlineModel(brief, self)
        self._template_cache: object = ...
        self._disk_stamp: DiskStamp | None = None
        self.record_disk_stamp()
        for model in (self.sources, self.actors, self.analysis, self.outline):
            for sig in (model.rowsInserted, model.rowsRemoved, model.dataChanged, model.modelReset):
                sig.connect(self._emit_changed)
        self.outline.rowsMoved.connect(self._emit_changed)
        self.metadata_changed.connect(self._emit_changed)
        # Positions show actor names and items show positions: keep dependent views fresh.
        self.actors.dataChanged.connect(self._on_actors_changed)
        self.actors.rowsRemoved.connect(self._on_actors_changed)
        self.analysis.dataChanged.connect(self._on_analysis_changed)
        self.analysis.rowsInserted.connect(self._on_positions_changed)
        self.analysis.rowsRemoved.connect(self._on_positions_changed)
        self.metadata_changed.connect(self._on_metadata_changed)
        # Queued, every inline editor's edit: an open editor commits when it loses the focus, which
        # happens in the middle of another step. When the filter hides its row (a position rejected
        # while its stance is edited), an edit pushed at once changed the model again while the
        # filter was still removing that row, and the issues tree crashed laying itself out. When
        # Undo takes away the paragraph, section or actor being edited, the edit was pushed inside
        # the undo: the history read [Add, Edit] with both undone, and one Redo brought back both.
        # Pushed just after, the edit lands after the step, or finds its object gone and is dropped.
        queued = Qt.ConnectionType.QueuedConnection
        self.outline.edit_requested.connect(self._on_item_edit_requested, queued)
        self.outline.restore_requested.connect(self._on_item_edit_requested, queued)
        self.outline.rename_requested.connect(self._on_section_rename_requested, queued)
        self.analysis.edit_requested.connect(self._on_analysis_edit_requested, queued)
        self.actors.rename_requested.connect(self._on_actor_rename_requested, queued)

    # -- file

    @property
    def path(self) -> Path | None:
        return self._path

    def set_path(self, path: Path | None) -> None:
        self._path = _absolute(path)
        self.path_changed.emit()

    @property
    def disk_stamp(self) -> tuple[int, int, str] | None:
        """The file as this document last read or wrote it: (size, mtime_ns, sha256), or None."""
        stamp = self._disk_stamp
        return (stamp.size, stamp.mtime_ns, stamp.sha256) if stamp is not None else None

    def record_disk_stamp(self, stamp: DiskStamp | None = None) -> None:
        """Remember the file as it is now (call after opening or saving it), or as `stamp` when given."""
        self._disk_stamp = stamp
        if stamp is None and self._path is not None:
            try:
                self._disk_stamp = DiskStamp.of(self._path)
            except OSError:
                logger.info("Cannot read %s to remember it", self._path)

    def changed_on_disk(self) -> bool:
        """True when another program or window wrote the file since we read or wrote it.

        A touched file with the same content does not count; a deleted one does not
        either (saving simply writes it again).
        """
        if self._path is None or self._disk_stamp is None:
            return False
        try:
            info = self._path.stat()
        except FileNotFoundError:
            return False
        except OSError:
            return True
        old = self._disk_stamp
        if (info.st_size, info.st_mtime_ns) == (old.size, old.mtime_ns):
            return False
        try:
            now = DiskStamp.of(self._path)
        except OSError:
            return True
        if now.sha256 == old.sha256:
            self._disk_stamp = now
            return False
        return True

    @property
    def display_name(self) -> str:
        if self._path is not None:
            return self._path.name
        return self.brief.title or "Untitled brief"

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def suggested_stem(self) -> str:
        """A file name (no suffix) for Save As: the reference and title, filesystem-safe."""
        import re

        base = " ".join(p for p in (self.brief.reference, self.brief.title) if p) or "brief"
        stem = re.sub(r"[^\w\- ]+", "", base).strip().replace(" ", "-")
        return stem[:80] or "brief"

    # -- commands

    def push(self, command: QUndoCommand) -> None:
        self.undo_stack.push(command)

    @Slot()
    def seal_merges(self) -> None:
        """End the editing session of the step on top: the next edit of the same text is a step of
        its own. Edits of one paragraph (or heading, stance, label, field) in a row merge while its
        editor is open; two editing sessions merged too, and one Undo took both (issue 5). Called
        queued when an inline editor closes, after the edit it sent."""
        if self.undo_stack.index() > 0:
            top = self.undo_stack.command(self.undo_stack.index() - 1)
            if hasattr(top, "seal"):
                top.seal()

    def set_metadata(self, field: str, value: object) -> object:
        """Set one metadata field (used by `SetMetadataCommand`); return the old value."""
        if field not in METADATA_FIELDS:
            raise BriefError(f"unknown metadata field {field!r}")
        if field == "marking" and value is not None and not isinstance(value, Marking):
            raise BriefError("a marking must be a Marking")
        old = getattr(self.brief, field)
        setattr(self.brief, field, value)
        self.metadata_changed.emit(field)
        return old

    # -- derived values

    def template(self):  # type: ignore[no-untyped-def]
        """The structure template the brief was made from, or None if it is not installed."""
        if self._template_cache is ...:
            from briefcomposer.structures.folders import load_shared_folders
            from briefcomposer.structures.templates import list_templates

            templates = list_templates(load_shared_folders())
            self._template_cache = next((t for t in templates if t.name == self.brief.template_id), None)
        return self._template_cache

    def total_words(self) -> int:
        return sum(self.outline.section_words(s) for s in self.brief.sections)

    def page_estimate(self) -> float:
        """Roughly how many pages the Word output fills."""
        words = self.total_words()
        words += WORDS_PER_HEADING * (len(self.brief.sections) + 2)
        for _, item in self.brief.iter_items():
            if item.kind == "table":
                with contextlib.suppress(BriefError):
                    words += WORDS_PER_TABLE_ROW * (1 + len(brief_ops.table_positions(self.brief, item)))  # type: ignore[arg-type]
        return words / WORDS_PER_PAGE

    def page_budget(self) -> int | None:
        template = self.template()
        return getattr(template, "page_budget", None)

    def counts(self) -> dict[str, int]:
        b = self.brief
        return {
            "suggested": sum(1 for p in b.positions if p.status is Status.SUGGESTED),
            "accepted": sum(1 for p in b.positions if p.status is Status.ACCEPTED),
            "sources": len(b.sources),
        }

    # -- slots

    def _emit_changed(self, *args: object) -> None:
        self.changed.emit()

    def _on_actors_changed(self, *args: object) -> None:
        self.analysis.refresh()

    def _on_analysis_changed(self, *args: object) -> None:
        self.outline.refresh()

    def _on_positions_changed(self, *args: object) -> None:
        self.actors.refresh()
        self.outline.refresh()

    def _on_metadata_changed(self, field: str) -> None:
        self.outline.refresh()  # boilerplate shows metadata

    def _on_item_edit_requested(self, item_id: str, text: str, boilerplate: bool | None = None) -> None:
        from briefcomposer.gui.commands import EditItemTextCommand

        if not any(item.id == item_id for _, item in self.brief.iter_items()):
            return  # undone while its editor was open (the edit comes queued): nothing left to edit
        self.push(EditItemTextCommand(self, item_id, text, boilerplate))

    def _on_section_rename_requested(self, section_id: str, heading: str) -> None:
        from briefcomposer.gui.commands import RenameSectionCommand

        if not any(section.id == section_id for section in self.brief.sections):
            return  # as above
        self.push(RenameSectionCommand(self, section_id, heading))

    def _on_analysis_edit_requested(self, what: str, obj_id: str, text: str) -> None:
        from briefcomposer.gui.commands import EditStanceCommand, RenameIssueCommand

        objects = self.brief.positions if what == "stance" else self.brief.issues
        if not any(obj.id == obj_id for obj in objects):
            return  # undone while its editor was open (the edit comes queued): nothing left to edit
        self.push(EditStanceCommand(self, obj_id, text) if what == "stance" else RenameIssueCommand(self, obj_id, text))

    def _on_actor_rename_requested(self, actor_id: str, name: str) -> None:
        from briefcomposer.gui.commands import RenameActorCommand

        if not any(actor.id == actor_id for actor in self.brief.actors):
            return  # as above
        self.push(RenameActorCommand(self, actor_id, name))
