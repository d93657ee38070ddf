"""A model-based test of the one undo stack: random valid edits, undos and redos on a real `Document`.

Every step is what the window can do (the same commands, macros and guards as main_window.py);
after each step the four Qt models must show the brief row for row (with Qt's own model tester
watching every signal), the brief must be consistent, and the stack's index must name the state
the brief is in: undo and redo give back exactly the brief that was there before.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import gui_briefs
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test
from PySide6.QtCore import QModelIndex, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtTest import QAbstractItemModelTester

from briefcomposer import storage
from briefcomposer.core.errors import RuleError
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
    PositionTableItem,
    QuoteItem,
    Section,
    Source,
    Status,
    TextItem,
    Tier,
)
from briefcomposer.gui.commands import (
    AddActorCommand,
    AddEvidenceCommand,
    AddIssueCommand,
    AddPositionCommand,
    AddSectionCommand,
    AddSourceCommand,
    EditItemTextCommand,
    EditStanceCommand,
    InsertItemCommand,
    MergeActorsCommand,
    MoveItemCommand,
    MoveSectionCommand,
    RemoveEvidenceCommand,
    RemoveItemCommand,
    RemoveSectionCommand,
    RemoveSourceCommand,
    RenameActorCommand,
    RenameIssueCommand,
    RenameSectionCommand,
    SetActorKindCommand,
    SetMetadataCommand,
    SetStatusCommand,
    SetTableActorsCommand,
    SetWordLimitCommand,
    TagParagraphCommand,
)
from briefcomposer.gui.document import Document
from briefcomposer.gui.models.roles import Role

SECOND = [
    "Velmora and Kystposten",
    "Lena Osk of Velmora wants a new fisheries accord with Kystposten.",
    "Tomas Brel doubts that Velmora will sign before the winter.",
]

NAMES = ["Lena Osk", "Tomas Brel", "Mara Quist", "Velmora", "Kystposten"]
WORDS = st.sampled_from([*NAMES, "A first paragraph.", "Short line", "More dialogue", "x"])
PICK = st.integers(0, 40)


def make_brief() -> Brief:
    """The `brief` fixture of conftest.py with a boilerplate paragraph more, as templates make them."""
    brief = gui_briefs.make_brief(gui_briefs.make_source())
    brief.sections[0].items.append(TextItem(text="For {{ brief.to }}.", boilerplate=True))
    return brief


# What views show of a cell, and what the filter proxy reads of a row's first cell: what a model
# must signal when it changes.
SHOWN_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)
FIRST_CELL_ROLES = (*SHOWN_ROLES, Role.SEARCH, Role.WORDS, Role.STATUS)


class Shown:
    """What a model's views show: cells read when the model says they changed, and at no other time.

    Cells are known by the core object of their row and their column. `check()` (after each
    step, as a view repaints after the event) re-reads the cells signalled since the last check;
    every other cell must still show what the model now gives.
    """

    def __init__(self, model) -> None:  # type: ignore[no-untyped-def]
        self.model = model
        self.cache: dict[tuple[int, int], tuple] = {}
        self.dirty: set[tuple[int, int]] = set()
        self.all_dirty = True
        model.dataChanged.connect(self._changed)
        model.rowsInserted.connect(self._inserted)
        for sig in (model.rowsMoved, model.layoutChanged, model.modelReset):
            sig.connect(self._everything)

    def _key(self, index) -> tuple[int, int]:  # type: ignore[no-untyped-def]
        obj = index.data(Role.OBJECT)
        return (id(obj) if obj is not None else -1, index.column())

    def _changed(self, top_left, bottom_right, roles=()) -> None:  # type: ignore[no-untyped-def]
        parent = top_left.parent()
        for row in range(top_left.row(), bottom_right.row() + 1):
            for column in range(top_left.column(), bottom_right.column() + 1):
                self.dirty.add(self._key(self.model.index(row, column, parent)))

    def _inserted(self, parent, first, last) -> None:  # type: ignore[no-untyped-def]
        for row in range(first, last + 1):
            for index in self._cells(self.model.index(row, 0, parent)):
                self.dirty.add(self._key(index))

    def _everything(self, *args) -> None:  # type: ignore[no-untyped-def]
        self.all_dirty = True

    def _cells(self, first):  # type: ignore[no-untyped-def]
        """The cells of the row of `first` and of every row below it."""
        parent = first.parent()
        for column in range(len(getattr(self.model, "COLUMNS", "1"))):  # list models hide columnCount
            yield self.model.index(first.row(), 0, parent).siblingAtColumn(column)
        for row in range(self.model.rowCount(first)):
            yield from self._cells(self.model.index(row, 0, first))

    def check(self) -> None:
        stale = []
        cache: dict[tuple[int, int], tuple] = {}
        for row in range(self.model.rowCount()):
            for index in self._cells(self.model.index(row, 0)):
                key = self._key(index)
                now = tuple(index.data(role) for role in (SHOWN_ROLES if key[1] else FIRST_CELL_ROLES))
                if not self.all_dirty and key not in self.dirty and key in self.cache and self.cache[key] != now:
                    stale.append((index.row(), index.column(), self.cache[key], now))
                cache[key] = now
        self.cache, self.dirty, self.all_dirty = cache, set(), False
        assert not stale, f"{type(self.model).__name__} changed without saying so: {stale}"


def pick(seq, n):  # type: ignore[no-untyped-def]
    return seq[n % len(seq)]


class UndoMachine(RuleBasedStateMachine):
    def __init__(self, tmp: Path) -> None:
        super().__init__()
        self.tmp = tmp
        self.doc = Document(make_brief())
        self.initial = copy.deepcopy(self.doc.brief)
        self.warnings: list[str] = []
        models = (self.doc.sources, self.doc.actors, self.doc.analysis, self.doc.outline)
        # Qt's tester checks every signal of the models for the whole run; its failures are warnings
        warn = QAbstractItemModelTester.FailureReportingMode.Warning
        self.testers = [QAbstractItemModelTester(model, warn) for model in models]
        self.previous_handler = qInstallMessageHandler(self._on_message)
        self.shown = [Shown(model) for model in models]
        for shown in self.shown:
            shown.check()
        # states[k]: the brief when the stack's index is k
        self.states = [copy.deepcopy(self.doc.brief)]
        self.clean_state: Brief | None = self.states[0]
        self.saves = 0
        self.add_source(suggest=True, known=True)  # a second source and its suggestions, as its first step

    def _on_message(self, kind, context, text) -> None:  # type: ignore[no-untyped-def]
        if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            self.warnings.append(text)

    @property
    def brief(self) -> Brief:
        return self.doc.brief

    @property
    def stack(self):  # type: ignore[no-untyped-def]
        return self.doc.undo_stack

    # -- pushing, as the window does

    def push(self, make) -> None:  # type: ignore[no-untyped-def]
        """Push the command `make()` builds; a `RuleError` while building is a refusal that changes nothing."""
        before = self.stack.index()
        try:
            command = make()
        except RuleError:
            assert self.brief == self.states[before]
            return
        self.doc.push(command)
        self._recorded(before)

    def macro(self, text: str, commands) -> None:  # type: ignore[no-untyped-def]
        """Push the commands `commands()` yields between beginMacro and endMacro, like the window's macros."""
        before = self.stack.index()
        self.stack.beginMacro(text)
        try:
            for command in commands():
                self.stack.push(command)
        finally:
            self.stack.endMacro()
        self._recorded(before)

    def _recorded(self, before: int) -> None:
        after = self.stack.index()
        assert before - 1 <= after <= before + 1
        if after < before:  # merged into the step before and undid it: the brief is as it was before that step
            assert self.brief == self.states[after]
        del self.states[after:]
        self.states.append(copy.deepcopy(self.brief))
        if self.stack.cleanIndex() < 0:
            self.clean_state = None

    def excerpt(self, s: int, p: int, a: int, b: int):  # type: ignore[no-untyped-def]
        """A span of a source as the source view selects it, or None for an empty or blank selection."""
        source = pick(self.brief.sources, s)
        paragraph = p % len(source.paragraphs)
        text = source.paragraphs[paragraph]
        start = a % len(text)
        end = start + 1 + b % (len(text) - start)
        if not text[start:end].strip():
            return None
        return source.excerpt(paragraph, start, end)

    def items(self, kinds=None):  # type: ignore[no-untyped-def]
        return [i for _, i in self.brief.iter_items() if kinds is None or isinstance(i, kinds)]

    # -- sections

    @rule(heading=WORDS, at=PICK)
    def add_section(self, heading, at):  # type: ignore[no-untyped-def]
        section = Section(key=self.doc.outline.unique_key(heading), heading=heading)
        row = at % (len(self.brief.sections) + 1)
        self.push(lambda: AddSectionCommand(self.doc, section, row))

    @precondition(lambda self: self.brief.sections)
    @rule(n=PICK)
    def remove_section(self, n):  # type: ignore[no-untyped-def]
        self.push(lambda: RemoveSectionCommand(self.doc, pick(self.brief.sections, n).id))

    @precondition(lambda self: len(self.brief.sections) > 1)
    @rule(n=PICK, to=PICK)
    def move_section(self, n, to):  # type: ignore[no-untyped-def]
        section = pick(self.brief.sections, n)
        row = to % len(self.brief.sections)
        if row != self.brief.sections.index(section):
            self.push(lambda: MoveSectionCommand(self.doc, section.id, row))

    @precondition(lambda self: self.brief.sections)
    @rule(n=PICK, heading=WORDS)
    def rename_section(self, n, heading):  # type: ignore[no-untyped-def]
        section = pick(self.brief.sections, n)
        if heading != section.heading:
            self.push(lambda: RenameSectionCommand(self.doc, section.id, heading))

    @precondition(lambda self: self.brief.sections)
    @rule(n=PICK, limit=st.one_of(st.none(), st.integers(1, 300)))
    def set_word_limit(self, n, limit):  # type: ignore[no-untyped-def]
        section = pick(self.brief.sections, n)
        if limit != section.word_limit:
            self.push(lambda: SetWordLimitCommand(self.doc, section.id, limit))

    # -- items

    @precondition(lambda self: self.brief.sections)
    @rule(n=PICK, at=st.one_of(st.none(), PICK), bullet=st.booleans())
    def add_paragraph(self, n, at, bullet):  # type: ignore[no-untyped-def]
        section = pick(self.brief.sections, n)
        row = None if at is None else at % (len(section.items) + 1)
        item = BulletItem() if bullet else TextItem()
        self.push(lambda: InsertItemCommand(self.doc, section.id, row, item))

    @precondition(lambda self: self.brief.sections and self.brief.sources)
    @rule(n=PICK, at=st.one_of(st.none(), PICK), s=PICK, p=PICK, a=PICK, b=PICK)
    def quote(self, n, at, s, p, a, b):  # type: ignore[no-untyped-def]
        excerpt = self.excerpt(s, p, a, b)
        if excerpt is None:
            return
        section = pick(self.brief.sections, n)
        row = None if at is None else at % (len(section.items) + 1)
        self.push(lambda: InsertItemCommand(self.doc, section.id, row, QuoteItem(excerpt=excerpt)))

    @precondition(lambda self: self.brief.sections and (self.brief.positions or self.brief.issues))
    @rule(n=PICK, s=PICK, at=st.one_of(st.none(), PICK))
    def put_in_brief(self, n, s, at):  # type: ignore[no-untyped-def]
        """MainWindow._put_in_brief: a suggestion is accepted in the same step."""
        obj = pick([*self.brief.positions, *self.brief.issues], n)
        section = pick(self.brief.sections, s)
        row = None if at is None else at % (len(section.items) + 1)

        def commands():  # type: ignore[no-untyped-def]
            if obj.status is not Status.ACCEPTED:
                yield from self.status_commands(obj, Status.ACCEPTED)
            item = PositionItem(position_id=obj.id) if isinstance(obj, Position) else IssueItem(issue_id=obj.id)
            yield InsertItemCommand(self.doc, section.id, row, item)

        self.macro("Add to brief", commands)

    @precondition(lambda self: self.items())
    @rule(n=PICK)
    def remove_item(self, n):  # type: ignore[no-untyped-def]
        self.push(lambda: RemoveItemCommand(self.doc, pick(self.items(), n).id))

    @precondition(lambda self: self.items())
    @rule(n=PICK, s=PICK, to=PICK)
    def move_item(self, n, s, to):  # type: ignore[no-untyped-def]
        """A drag, Move Up/Down or Move To: any place in any section (rows counted after the item left)."""
        item = pick(self.items(), n)
        s_row = s % len(self.brief.sections)
        old_s, old_i = self.brief.locate_item(item.id)
        size = len(self.brief.sections[s_row].items) - (1 if s_row == old_s else 0)
        row = to % (size + 1)
        if (s_row, row) != (old_s, old_i):
            self.push(lambda: MoveItemCommand(self.doc, item.id, s_row, row))

    @precondition(lambda self: self.items((TextItem, BulletItem, QuoteItem)))
    @rule(n=PICK, text=WORDS, back=st.booleans())
    def edit_item_text(self, n, text, back):  # type: ignore[no-untyped-def]
        """Typing in an item; with `back` the text typed is the one it had a step ago (merges to nothing)."""
        item = pick(self.items((TextItem, BulletItem, QuoteItem)), n)
        old = item.comment if isinstance(item, QuoteItem) else item.text
        if back and self.stack.index() > 0:
            previous = self.states[self.stack.index() - 1]
            try:
                was = previous.item(item.id)
                text = was.comment if isinstance(was, QuoteItem) else was.text
            except KeyError:
                pass
        if text != old:
            self.push(lambda: EditItemTextCommand(self.doc, item.id, text))

    @precondition(lambda self: self.items(PositionTableItem) and self.brief.actors)
    @rule(n=PICK, chosen=st.lists(PICK, max_size=3))
    def set_table_actors(self, n, chosen):  # type: ignore[no-untyped-def]
        item = pick(self.items(PositionTableItem), n)
        ids = list(dict.fromkeys(pick(self.brief.actors, c).id for c in chosen))
        self.push(lambda: SetTableActorsCommand(self.doc, item.id, ids))

    # -- issues and positions

    def status_commands(self, obj, status):  # type: ignore[no-untyped-def]
        """MainWindow._set_status: accepting a position accepts its issue too."""
        if isinstance(obj, Position) and status is Status.ACCEPTED and obj.issue_id:
            issue = self.brief.issue(obj.issue_id)
            if issue.status is not Status.ACCEPTED:
                yield SetStatusCommand(self.doc, issue.id, Status.ACCEPTED)
        yield SetStatusCommand(self.doc, obj.id, status)

    @precondition(lambda self: self.brief.positions or self.brief.issues)
    @rule(n=PICK, accept=st.booleans())
    def accept_or_reject(self, n, accept):  # type: ignore[no-untyped-def]
        obj = pick([*self.brief.positions, *self.brief.issues], n)
        status = Status.ACCEPTED if accept else Status.REJECTED
        commands = list(self.status_commands(obj, status))
        if len(commands) == 1:
            self.push(lambda: commands[0])
        else:
            self.macro("Accept position", lambda: commands)

    @precondition(lambda self: self.brief.issues)
    @rule(n=PICK)
    def accept_all(self, n):  # type: ignore[no-untyped-def]
        issue = pick(self.brief.issues, n)
        pending = [p for p in self.doc.analysis.positions_on(issue.id) if p.status is Status.SUGGESTED]

        def commands():  # type: ignore[no-untyped-def]
            if issue.status is not Status.ACCEPTED:
                yield SetStatusCommand(self.doc, issue.id, Status.ACCEPTED)
            for position in pending:
                yield SetStatusCommand(self.doc, position.id, Status.ACCEPTED)

        self.macro("Accept all", commands)

    @precondition(lambda self: self.brief.positions)
    @rule(n=PICK, stance=WORDS)
    def edit_stance(self, n, stance):  # type: ignore[no-untyped-def]
        position = pick(self.brief.positions, n)
        if stance != position.stance:
            self.push(lambda: EditStanceCommand(self.doc, position.id, stance))

    @precondition(lambda self: self.brief.issues)
    @rule(n=PICK, label=WORDS)
    def rename_issue(self, n, label):  # type: ignore[no-untyped-def]
        issue = pick(self.brief.issues, n)
        if label != issue.label:
            self.push(lambda: RenameIssueCommand(self.doc, issue.id, label))

    @precondition(lambda self: self.brief.sources)
    @rule(s=PICK, p=PICK, a=PICK, b=PICK)
    def new_issue(self, s, p, a, b):  # type: ignore[no-untyped-def]
        excerpt = self.excerpt(s, p, a, b)
        if excerpt is None:
            return
        ref = ParagraphRef(excerpt.source_id, excerpt.paragraph)
        issue = Issue(excerpt.quote.strip()[:60], paragraphs=[ref], status=Status.ACCEPTED)
        self.push(lambda: AddIssueCommand(self.doc, issue))

    @precondition(lambda self: self.brief.sources)
    @rule(s=PICK, p=PICK, a=PICK, b=PICK, actor=st.one_of(PICK, WORDS), issue=st.one_of(st.none(), PICK), stance=WORDS)
    def new_position(self, s, p, a, b, actor, issue, stance):  # type: ignore[no-untyped-def]
        """MainWindow.new_position: an accepted position, on a new actor (a name) or a known one (a number)."""
        excerpt = self.excerpt(s, p, a, b)
        if excerpt is None or (isinstance(actor, int) and not self.brief.actors):
            return
        new_actor = Actor(actor) if isinstance(actor, str) else None
        actor_id = new_actor.id if new_actor else pick(self.brief.actors, actor).id
        issue_id = None if issue is None or not self.brief.issues else pick(self.brief.issues, issue).id
        position = Position(actor_id, issue_id, stance, [excerpt], status=Status.ACCEPTED)
        self.push(lambda: AddPositionCommand(self.doc, position, new_actor))

    @precondition(lambda self: self.brief.positions and self.brief.sources)
    @rule(n=PICK, s=PICK, p=PICK, a=PICK, b=PICK)
    def add_evidence(self, n, s, p, a, b):  # type: ignore[no-untyped-def]
        excerpt = self.excerpt(s, p, a, b)
        if excerpt is not None:
            position = pick(self.brief.positions, n)
            self.push(lambda: AddEvidenceCommand(self.doc, position.id, excerpt))

    @precondition(lambda self: any(p.evidence for p in self.brief.positions))
    @rule(n=PICK, e=PICK)
    def remove_evidence(self, n, e):  # type: ignore[no-untyped-def]
        position = pick([p for p in self.brief.positions if p.evidence], n)
        excerpt = pick(position.evidence, e)
        self.push(lambda: RemoveEvidenceCommand(self.doc, position.id, excerpt.id))

    @precondition(lambda self: self.brief.issues and self.brief.sources)
    @rule(n=PICK, s=PICK, p=PICK)
    def tag_paragraph(self, n, s, p):  # type: ignore[no-untyped-def]
        issue = pick(self.brief.issues, n)
        source = pick(self.brief.sources, s)
        ref = ParagraphRef(source.id, p % len(source.paragraphs))
        self.push(lambda: TagParagraphCommand(self.doc, issue.id, ref))

    # -- actors

    @rule(name=WORDS, kind=st.sampled_from(ActorKind))
    def add_actor(self, name, kind):  # type: ignore[no-untyped-def]
        self.push(lambda: AddActorCommand(self.doc, Actor(name, kind)))

    @precondition(lambda self: self.brief.actors)
    @rule(n=PICK, name=WORDS)
    def rename_actor(self, n, name):  # type: ignore[no-untyped-def]
        actor = pick(self.brief.actors, n)
        if name != actor.name:
            self.push(lambda: RenameActorCommand(self.doc, actor.id, name))

    @precondition(lambda self: self.brief.actors)
    @rule(chosen=st.lists(PICK, min_size=1, max_size=3), kind=st.sampled_from(ActorKind))
    def set_actor_kind(self, chosen, kind):  # type: ignore[no-untyped-def]
        """MainWindow._on_kind_chosen: the selected actors not of that kind, in one macro."""
        actors = list({pick(self.brief.actors, c).id: pick(self.brief.actors, c) for c in chosen}.values())
        actors = [a for a in actors if a.kind is not kind]
        if actors:
            self.macro("Set actor kind", lambda: (SetActorKindCommand(self.doc, a.id, kind) for a in actors))

    @precondition(lambda self: len(self.brief.actors) > 1)
    @rule(keep=PICK, drop=PICK)
    def merge_actor(self, keep, drop):  # type: ignore[no-untyped-def]
        """MainWindow.merge_actors with one actor selected: merged into another chosen in a dialog."""
        dropped = pick(self.brief.actors, drop)
        kept = pick([a for a in self.brief.actors if a is not dropped], keep)
        self.push(lambda: MergeActorsCommand(self.doc, kept.id, dropped.id))

    @precondition(lambda self: len(self.brief.actors) > 2)
    @rule(chosen=st.lists(PICK, min_size=3, max_size=4))
    def merge_several(self, chosen):  # type: ignore[no-untyped-def]
        """MainWindow.merge_actors with several selected: the rest go into the first, in one macro."""
        actors = list({pick(self.brief.actors, c).id: pick(self.brief.actors, c) for c in chosen}.values())
        if len(actors) < 2:
            return
        keep, *drops = actors
        self.macro("Merge actors", lambda: (MergeActorsCommand(self.doc, keep.id, d.id) for d in drops))

    # -- sources

    @rule(suggest=st.booleans(), known=st.booleans())
    def add_source(self, suggest, known):  # type: ignore[no-untyped-def]
        """An import: the source and, with `suggest`, what its analysis found (new and known actors)."""
        source = Source(title="Kystposten", paragraphs=list(SECOND), publisher="Kystposten", headings=[0])
        actors, issues, positions = [], [], []
        if suggest:
            osk = Actor("Lena Osk", ActorKind.PERSON)
            fisheries = Issue("Fisheries accord", paragraphs=[ParagraphRef(source.id, 1)])
            actors, issues = [osk], [fisheries]
            positions = [Position(osk.id, fisheries.id, "wants an accord", [source.excerpt(1, 0, 20)])]
            if known and self.brief.actors:
                doubter = self.brief.actors[-1]
                positions.append(Position(doubter.id, None, "doubts it", [source.excerpt(2, 0, 10)]))
        self.push(lambda: AddSourceCommand(self.doc, source, actors, issues, positions))

    @precondition(lambda self: self.brief.sources)
    @rule(n=PICK)
    def remove_source(self, n):  # type: ignore[no-untyped-def]
        self.push(lambda: RemoveSourceCommand(self.doc, pick(self.brief.sources, n).id))

    # -- metadata

    @rule(field=st.sampled_from(["title", "reference", "to", "sender", "contact"]), text=WORDS)
    def edit_field(self, field, text):  # type: ignore[no-untyped-def]
        if text != getattr(self.brief, field):
            self.push(lambda: SetMetadataCommand(self.doc, field, text))

    @rule(day=st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)))
    def set_date(self, day):  # type: ignore[no-untyped-def]
        if day != self.brief.date:
            self.push(lambda: SetMetadataCommand(self.doc, "date", day))

    @rule(
        tier=st.one_of(st.none(), st.sampled_from(Tier)),
        sensitive=st.booleans(),
        extras=st.lists(st.sampled_from(["PERSONAL DATA", "UK EYES ONLY", "RECIPIENTS ONLY"]), unique=True),
    )
    def set_marking(self, tier, sensitive, extras):  # type: ignore[no-untyped-def]
        """BriefForm.marking_from_widgets and _on_marking_changed."""
        marking = None
        if tier is not None:
            marking = Marking(
                tier=tier,
                sensitive=sensitive and tier is Tier.OFFICIAL,
                descriptors=[w for w in extras if w == "PERSONAL DATA"],
                caveats=[w for w in extras if w == "UK EYES ONLY"],
                handling=[w for w in extras if w == "RECIPIENTS ONLY"],
            )
        old = self.brief.marking
        if (str(marking) if marking else None) != (str(old) if old else None):
            self.push(lambda: SetMetadataCommand(self.doc, "marking", marking))

    # -- undo, redo, save

    @precondition(lambda self: self.stack.canUndo())
    @rule()
    def undo(self) -> None:
        self.stack.undo()
        assert self.brief == self.states[self.stack.index()]

    @precondition(lambda self: self.stack.canRedo())
    @rule()
    def redo(self) -> None:
        self.stack.redo()
        assert self.brief == self.states[self.stack.index()]

    @rule()
    def save(self) -> None:
        """Save and load the file again, then mark the stack clean as MainWindow.save_to does."""
        self.saves += 1
        path = self.tmp / f"save-{self.saves}.brief"
        storage.save(self.brief, path)
        assert storage.load(path) == self.brief
        self.stack.setClean()
        self.clean_state = copy.deepcopy(self.brief)

    # -- invariants

    @invariant()
    def no_model_warnings(self) -> None:
        assert not self.warnings, self.warnings

    @invariant()
    def views_are_told(self) -> None:
        for shown in self.shown:
            shown.check()

    @invariant()
    def stack_names_the_state(self) -> None:
        assert len(self.states) == self.stack.count() + 1
        assert self.brief == self.states[self.stack.index()]
        assert self.doc.is_modified() == (self.stack.index() != self.stack.cleanIndex())
        if self.stack.isClean():
            assert self.brief == self.clean_state

    @invariant()
    def brief_is_consistent(self) -> None:
        brief = self.brief
        brief.check()
        excerpt_ids = [e.id for e in brief.iter_excerpts()]
        assert len(excerpt_ids) == len(set(excerpt_ids))
        sources = {s.id: s for s in brief.sources}
        for excerpt in brief.iter_excerpts():
            assert sources[excerpt.source_id].is_current(excerpt)
        for issue in brief.issues:
            for ref in issue.paragraphs:
                assert 0 <= ref.paragraph < len(sources[ref.source_id].paragraphs)
        keys = [s.key for s in brief.sections]
        assert len(keys) == len(set(keys))

    @invariant()
    def models_show_the_brief(self) -> None:
        brief, doc = self.brief, self.doc
        for model, objs in ((doc.sources, brief.sources), (doc.actors, brief.actors)):
            assert model.rowCount() == len(objs)
            assert [model.index(r, 0).data(Role.OBJECT) for r in range(len(objs))] == objs
            for r in range(len(objs)):
                assert model.index(r, 0).data(Role.OBJECT) is objs[r]
                assert model.index(r, 0).data() is not None
        analysis = doc.analysis
        groups = [*brief.issues, None]
        assert analysis.rowCount() == len(groups)
        for row, issue in enumerate(groups):
            parent = analysis.index(row, 0)
            assert parent.data(Role.OBJECT) is issue
            wanted = [p for p in brief.positions if p.issue_id == (issue.id if issue else None)]
            assert analysis.rowCount(parent) == len(wanted)
            assert parent.siblingAtColumn(1).data() == str(len(wanted))
            for r, position in enumerate(wanted):
                child = analysis.index(r, 0, parent)
                assert child.data(Role.OBJECT) is position
                assert child.parent() == parent
                assert child.data() == f"{brief.actor(position.actor_id).name}: {position.stance}"
                assert child.siblingAtColumn(1).data() == str(len(position.evidence))
        outline = doc.outline
        assert outline.rowCount() == len(brief.sections)
        for row, section in enumerate(brief.sections):
            parent = outline.index(row, 0)
            assert parent.data(Role.OBJECT) is section
            assert parent.data() == section.heading
            assert outline.rowCount(parent) == len(section.items)
            for r, item in enumerate(section.items):
                child = outline.index(r, 0, parent)
                assert child.data(Role.OBJECT) is item
                assert child.parent() == parent
                assert "no longer in the brief" not in child.data()
        assert outline.index(len(brief.sections), 0) == QModelIndex()

    def teardown(self) -> None:
        try:
            assert storage.loads(storage.dumps(self.brief)) == self.brief
            last = self.stack.index()
            while self.stack.canUndo():  # undo everything, one step at a time
                self.stack.undo()
                assert self.brief == self.states[self.stack.index()]
            assert self.brief == self.initial
            self.models_show_the_brief()
            while self.stack.canRedo():  # redo everything
                self.stack.redo()
                assert self.brief == self.states[self.stack.index()]
            self.models_show_the_brief()
            self.views_are_told()
            self.stack.setIndex(last)
            self.stack_names_the_state()
            self.no_model_warnings()
        finally:
            qInstallMessageHandler(self.previous_handler)
            for tester in self.testers:
                tester.deleteLater()
            self.doc.deleteLater()


def test_undo_stack_state_machine(qapp, tmp_path):
    run_state_machine_as_test(
        lambda: UndoMachine(tmp_path),
        settings=settings(
            max_examples=30,
            stateful_step_count=30,
            deadline=None,
            report_multiple_bugs=False,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
