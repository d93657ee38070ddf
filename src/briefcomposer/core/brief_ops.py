"""Operations on a `Brief` whose rules span several objects.

Every function changes the brief in place and returns what an undo needs to put
it back (the removed object and where it was). They raise `NotFoundError` for an
unknown id and `RuleError` when the operation breaks a rule; in both cases the
brief is left unchanged.
"""

from __future__ import annotations

import re

from briefcomposer.core.errors import RuleError
from briefcomposer.core.model import (
    Actor,
    Brief,
    BulletItem,
    Excerpt,
    Issue,
    IssueItem,
    Item,
    Position,
    PositionItem,
    PositionTableItem,
    QuoteItem,
    Section,
    Source,
    Status,
    TextItem,
)

# ---------------------------------------------------------------- sections


def add_section(brief: Brief, section: Section, row: int | None = None) -> int:
    """Insert `section` at `row` (default: the end); return the row used."""
    if any(s.id == section.id for s in brief.sections):
        raise RuleError(f"the section {section.heading!r} is already in the brief")
    if any(s.key == section.key for s in brief.sections):
        raise RuleError(f"a section with the key {section.key!r} is already in the brief")
    row = len(brief.sections) if row is None else _clamp(row, len(brief.sections))
    brief.sections.insert(row, section)
    return row


def remove_section(brief: Brief, section_id: str) -> tuple[int, Section]:
    """Remove a section with its items; return its row and the section."""
    section = brief.section(section_id)
    row = brief.sections.index(section)
    del brief.sections[row]
    return row, section


def move_section(brief: Brief, section_id: str, row: int) -> int:
    """Move a section to `row` (counted after it has left its place); return its old row."""
    section = brief.section(section_id)
    old = brief.sections.index(section)
    del brief.sections[old]
    brief.sections.insert(_clamp(row, len(brief.sections)), section)
    return old


# ---------------------------------------------------------------- items


def add_item(brief: Brief, section_id: str, item: Item, row: int | None = None) -> int:
    """Insert `item` into a section at `row` (default: the end); return the row used.

    The item's references (position, issue, excerpt source) must exist in the brief.
    """
    section = brief.section(section_id)
    if any(i.id == item.id for _, i in brief.iter_items()):
        raise RuleError("this item is already in the brief")
    _check_item_refs(brief, item)
    row = len(section.items) if row is None else _clamp(row, len(section.items))
    section.items.insert(row, item)
    return row


def remove_item(brief: Brief, item_id: str) -> tuple[str, int, Item]:
    """Remove an item; return `(section_id, row, item)` so an undo can put it back."""
    s_row, i_row = brief.locate_item(item_id)
    section = brief.sections[s_row]
    item = section.items.pop(i_row)
    return section.id, i_row, item


def move_item(brief: Brief, item_id: str, section_id: str, row: int) -> tuple[str, int]:
    """Move an item to `row` of section `section_id`.

    `row` counts positions after the item has left its old place. Returns the old
    `(section_id, row)`. Raises `NotFoundError` if either id is unknown.
    """
    target = brief.section(section_id)
    s_row, i_row = brief.locate_item(item_id)
    source = brief.sections[s_row]
    item = source.items.pop(i_row)
    target.items.insert(_clamp(row, len(target.items)), item)
    return source.id, i_row


# ---------------------------------------------------------------- sources and excerpts


def add_source(brief: Brief, source: Source) -> None:
    if any(s.id == source.id for s in brief.sources):
        raise RuleError(f"the source {source.title!r} is already in the brief")
    brief.sources.append(source)


def check_source_removable(brief: Brief, source_id: str) -> None:
    """Raise `RuleError` while the officer's work rests on the source.

    That is: a section quotes it, or an accepted position (or one a section shows)
    cites it. Suggestions citing it do not block removal; they go with the source.
    """
    source = brief.source(source_id)
    quotes = sum(1 for _, i in brief.iter_items() if isinstance(i, QuoteItem) and i.excerpt.source_id == source_id)
    if quotes:
        raise RuleError(
            f"the source \u201c{source.title}\u201d is quoted {quotes} time(s) in the brief; remove those quotes first"
        )
    shown = {i.position_id for _, i in brief.iter_items() if isinstance(i, PositionItem)}
    kept = [
        p
        for p in brief.positions
        if any(e.source_id == source_id for e in p.evidence) and (p.status is Status.ACCEPTED or p.id in shown)
    ]
    if kept:
        raise RuleError(
            f"the source \u201c{source.title}\u201d is the evidence of {len(kept)} accepted position(s); "
            "remove that evidence first"
        )


def remove_source(brief: Brief, source_id: str) -> Source:
    """Remove a source with the suggestions that rest only on it (see `check_source_removable`).

    Other positions lose their evidence from it; issues forget its paragraphs, and the
    suggested issues that rested on it (`issue_left_empty`) go too.
    """
    check_source_removable(brief, source_id)
    source = brief.source(source_id)
    touched: set[str | None] = set()  # issues that lose a paragraph or a position with the source
    for position in list(brief.positions):
        if position.evidence and all(e.source_id == source_id for e in position.evidence):
            brief.positions.remove(position)
            touched.add(position.issue_id)
        else:
            position.evidence = [e for e in position.evidence if e.source_id != source_id]
    shown = shown_issue_ids(brief)
    for issue in list(brief.issues):
        if any(r.source_id == source_id for r in issue.paragraphs):
            touched.add(issue.id)
            issue.paragraphs = [r for r in issue.paragraphs if r.source_id != source_id]
        if issue.id in touched and issue_left_empty(brief, issue, shown):
            brief.issues.remove(issue)
    brief.sources.remove(source)
    return source


def shown_issue_ids(brief: Brief) -> set[str]:
    """The issues with a place in a section: an issue item, or a positions table limited to them."""
    shown: set[str] = set()
    for _, item in brief.iter_items():
        if isinstance(item, IssueItem):
            shown.add(item.issue_id)
        elif isinstance(item, PositionTableItem):
            shown.update(item.issue_ids)
    return shown


def issue_left_empty(brief: Brief, issue: Issue, shown: set[str]) -> bool:
    """True for a suggested issue with no paragraph, no position and no place in a section.

    Removing a source takes such an issue with it when the source was what it rested on; a
    suggestion that never cited the source stays, whatever it holds.
    """
    return (
        issue.status is Status.SUGGESTED
        and not issue.paragraphs
        and issue.id not in shown
        and not any(p.issue_id == issue.id for p in brief.positions)
    )


def pick_excerpt(brief: Brief, source_id: str, paragraph: int, start: int, end: int) -> Excerpt:
    """Return the excerpt of a span of one of the brief's sources (`SpanError` if bad)."""
    return brief.source(source_id).excerpt(paragraph, start, end)


def quote_excerpt(brief: Brief, section_id: str, excerpt: Excerpt, row: int | None = None) -> QuoteItem:
    """Quote `excerpt` into a section; return the new item."""
    item = QuoteItem(excerpt=excerpt)
    add_item(brief, section_id, item, row)
    return item


# ---------------------------------------------------------------- actors, issues, positions


def add_actor(brief: Brief, actor: Actor) -> None:
    if not actor.name.strip():
        raise RuleError("an actor needs a name")
    if any(a.id == actor.id for a in brief.actors):
        raise RuleError(f"the actor {actor.name!r} is already in the brief")
    brief.actors.append(actor)


def add_issue(brief: Brief, issue: Issue) -> None:
    if not issue.label.strip():
        raise RuleError("an issue needs a label")
    if any(i.id == issue.id for i in brief.issues):
        raise RuleError(f"the issue {issue.label!r} is already in the brief")
    brief.issues.append(issue)


def add_position(brief: Brief, position: Position) -> None:
    brief.actor(position.actor_id)
    if position.issue_id is not None:
        brief.issue(position.issue_id)
    for excerpt in position.evidence:
        brief.source(excerpt.source_id)
    if any(p.id == position.id for p in brief.positions):
        raise RuleError("this position is already in the brief")
    brief.positions.append(position)


def add_evidence(brief: Brief, position_id: str, excerpt: Excerpt) -> None:
    position = brief.position(position_id)
    brief.source(excerpt.source_id)
    position.evidence.append(excerpt)


def passages(brief: Brief, excerpts: list[Excerpt]) -> list[tuple[str, int, int, int]]:
    """`excerpts` as the passages they make in their sources: (source id, paragraph, start, end), one for each
    run of excerpts that follow one another in a paragraph with nothing but spaces between them (a position's
    adjacent sentences are one passage to show); any other excerpt is a passage of its own."""
    out: list[tuple[str, int, int, int]] = []
    for e in excerpts:
        if out:
            source_id, paragraph, start, end = out[-1]
            if source_id == e.source_id and paragraph == e.paragraph and end <= e.start:
                text = next((s.paragraphs for s in brief.sources if s.id == source_id), [])
                if paragraph < len(text) and not text[paragraph][end : e.start].strip():
                    out[-1] = (source_id, paragraph, start, e.end)
                    continue
        out.append((e.source_id, e.paragraph, e.start, e.end))
    return out


def set_status(brief: Brief, obj_id: str, status: Status) -> Status:
    """Accept or reject a suggested position or issue (or restore it); return the old status."""
    try:
        obj: Position | Issue = brief.position(obj_id)
    except KeyError:
        obj = brief.issue(obj_id)
    old, obj.status = obj.status, status
    return old


def accept(brief: Brief, obj_id: str) -> Status:
    return set_status(brief, obj_id, Status.ACCEPTED)


def reject(brief: Brief, obj_id: str) -> Status:
    """Reject a suggestion. It stays in the brief, marked, so re-analysis does not bring it back."""
    return set_status(brief, obj_id, Status.REJECTED)


def merge_actors(brief: Brief, keep_id: str, drop_id: str) -> Actor:
    """Merge actor `drop_id` into `keep_id`: names become aliases, positions move over.

    Returns the dropped actor. Raises `RuleError` when both ids are the same.
    """
    if keep_id == drop_id:
        raise RuleError("an actor cannot be merged with itself")
    keep, drop = brief.actor(keep_id), brief.actor(drop_id)
    keep.aliases = [n for n in dict.fromkeys([*keep.aliases, *drop.names()]) if n != keep.name]
    for position in brief.positions:
        if position.actor_id == drop_id:
            position.actor_id = keep_id
    for _, item in brief.iter_items():
        if isinstance(item, PositionTableItem) and drop_id in item.actor_ids:
            item.actor_ids = list(dict.fromkeys(keep_id if a == drop_id else a for a in item.actor_ids))
    brief.actors.remove(drop)
    return drop


def remove_position(brief: Brief, position_id: str) -> Position:
    """Remove a position that no item of the brief shows."""
    position = brief.position(position_id)
    if any(isinstance(i, PositionItem) and i.position_id == position_id for _, i in brief.iter_items()):
        raise RuleError("this position is shown in the brief; remove it from its section first")
    brief.positions.remove(position)
    return position


# ---------------------------------------------------------------- text and counts

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def item_text(brief: Brief, item: Item) -> str:
    """The plain text an item shows in the brief (for word counts, previews and search)."""
    if isinstance(item, (TextItem, BulletItem)):
        return item.text
    if isinstance(item, QuoteItem):
        return f"{item.comment} {item.excerpt.quote}".strip()
    if isinstance(item, PositionItem):
        position = brief.position(item.position_id)
        return f"{brief.actor(position.actor_id).name}: {position.stance}"
    if isinstance(item, IssueItem):
        issue = brief.issue(item.issue_id)
        return f"{issue.label}. {issue.description}".strip(" .") if issue.description else issue.label
    if isinstance(item, PositionTableItem):
        return " ".join(p.stance for p in table_positions(brief, item))
    raise RuleError(f"unknown item kind {item.kind!r}")


def section_words(brief: Brief, section: Section) -> int:
    return sum(count_words(item_text(brief, item)) for item in section.items)


def table_positions(brief: Brief, table: PositionTableItem) -> list[Position]:
    """Accepted positions that a positions table shows, in brief order."""
    actors = set(table.actor_ids)
    issues = set(table.issue_ids)
    return [
        p
        for p in brief.positions
        if p.status is Status.ACCEPTED and (not actors or p.actor_id in actors) and (not issues or p.issue_id in issues)
    ]


def _check_item_refs(brief: Brief, item: Item) -> None:
    if isinstance(item, PositionItem):
        brief.position(item.position_id)
    elif isinstance(item, IssueItem):
        brief.issue(item.issue_id)
    elif isinstance(item, QuoteItem):
        if item.excerpt is None:
            raise RuleError("a quote needs an excerpt")
        brief.source(item.excerpt.source_id)
    elif isinstance(item, PositionTableItem):
        for actor_id in item.actor_ids:
            brief.actor(actor_id)
        for issue_id in item.issue_ids:
            brief.issue(issue_id)


def _clamp(row: int, size: int) -> int:
    return max(0, min(row, size))
