"""The brief model: plain dataclasses with string ids, no Qt, no docx, no file I/O.

A `Brief` holds its sources (full text), the actors, issues and positions found in
them (suggested by the analysis or made by the officer), the security marking,
and ordered `Section`s of items. Rules that involve several objects live in
`briefcomposer.core.brief_ops`.
"""

from __future__ import annotations

import datetime as dt
import enum
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from briefcomposer.core.errors import NotFoundError, RuleError, SpanError


def new_id() -> str:
    """Return a new random id: 12 hex digits, unique enough within one brief."""
    # The first 12 hex digits of a `uuid4()` are 48 random bits: these are the same. Importing
    # `uuid` (and the `platform` it loads) cost 1.4 ms of every start of the window (issue 5).
    return os.urandom(6).hex()


class Status(enum.Enum):
    """Where a suggestion stands with the officer."""

    SUGGESTED = "suggested"  # the values are stored in .brief files; never rename
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class ActorKind(enum.Enum):
    STATE = "state"  # stored in .brief files and printed by `analyse`; never rename
    ORGANISATION = "organisation"
    PERSON = "person"
    AUTHOR = "author"
    GROUP = "group"


# ---------------------------------------------------------------- sources


@dataclass(frozen=True)
class Excerpt:
    """A span of one source paragraph; `quote` keeps the text as it was when picked."""

    source_id: str
    paragraph: int
    start: int
    end: int
    quote: str
    id: str = field(default_factory=new_id)


@dataclass
class Source:
    """An imported article: metadata and its paragraphs (headings are paragraphs too).

    `headings` lists the indices of paragraphs that are headings in the original.
    `date` and `retrieved` are ISO dates (``YYYY-MM-DD``) or None when unknown; `date` may be given only
    to the month or the year (``YYYY-MM``, ``YYYY``) when that is all the source says.
    """

    title: str
    paragraphs: list[str]
    author: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    retrieved: str | None = None
    headings: list[int] = field(default_factory=list)
    id: str = field(default_factory=new_id)

    def excerpt(self, paragraph: int, start: int, end: int) -> Excerpt:
        """Return the excerpt `paragraphs[paragraph][start:end]`.

        Raises `SpanError` if the span is empty or outside the paragraph, or the
        paragraph does not exist.
        """
        text = self.paragraphs[paragraph] if 0 <= paragraph < len(self.paragraphs) else ""
        if not 0 <= start < end <= len(text):
            raise SpanError(paragraph, start, end)
        if not text[start:end].strip():
            raise SpanError(paragraph, start, end, "only white space is selected")
        return Excerpt(self.id, paragraph, start, end, text[start:end])

    def excerpt_of(self, paragraph: int, text: str) -> Excerpt:
        """Return the excerpt of the first occurrence of `text` in `paragraph`.

        Raises `SpanError` when `text` does not occur there.
        """
        body = self.paragraphs[paragraph] if 0 <= paragraph < len(self.paragraphs) else ""
        start = body.find(text) if text else -1
        if start < 0:
            raise SpanError(paragraph, 0, 0, "the text does not occur in the paragraph")
        return self.excerpt(paragraph, start, start + len(text))

    def is_current(self, excerpt: Excerpt) -> bool:
        """True when `excerpt.quote` still equals the text at its offsets."""
        if not 0 <= excerpt.paragraph < len(self.paragraphs):
            return False
        return self.paragraphs[excerpt.paragraph][excerpt.start : excerpt.end] == excerpt.quote


# ---------------------------------------------------------------- analysis objects


@dataclass
class Actor:
    """Someone who holds positions: a state, organisation, person, group or the author."""

    name: str
    kind: ActorKind = ActorKind.ORGANISATION
    aliases: list[str] = field(default_factory=list)
    id: str = field(default_factory=new_id)

    def names(self) -> list[str]:
        """The name followed by every alias, without duplicates."""
        return list(dict.fromkeys([self.name, *self.aliases]))


@dataclass(frozen=True)
class ParagraphRef:
    """A paragraph of a source: where an issue is discussed."""

    source_id: str
    paragraph: int


@dataclass
class Issue:
    """A topic the sources discuss, labelled like a heading in a brief."""

    label: str
    description: str = ""
    keywords: list[str] = field(default_factory=list)
    paragraphs: list[ParagraphRef] = field(default_factory=list)
    status: Status = Status.SUGGESTED
    id: str = field(default_factory=new_id)


@dataclass
class Position:
    """What `actor_id` holds on `issue_id`, in the officer's words, backed by `evidence`."""

    actor_id: str
    issue_id: str | None
    stance: str
    evidence: list[Excerpt] = field(default_factory=list)
    status: Status = Status.SUGGESTED
    id: str = field(default_factory=new_id)


# ---------------------------------------------------------------- marking


class Tier(enum.Enum):
    """UK Government Security Classifications tiers."""

    OFFICIAL = "OFFICIAL"
    SECRET = "SECRET"
    TOP_SECRET = "TOP SECRET"


HANDLING_INSTRUCTIONS = ("RECIPIENTS ONLY", "HOLD FOR EMBARGO", "NOT FOR ONWARD DISTRIBUTION")
DESCRIPTORS = ("PERSONAL DATA", "COMMERCIAL", "LEGAL PROFESSIONAL PRIVILEGE", "MARKET SENSITIVE")
NATIONAL_CAVEATS = ("UK EYES ONLY", "UK/US EYES ONLY", "UK/FVEY EYES ONLY")


@dataclass
class Marking:
    """A protective marking, rendered as one canonical capitalised string.

    `sensitive` is the -SENSITIVE flag and applies to OFFICIAL only. The string is
    the tier, then descriptors, national caveats and handling instructions, e.g.
    ``OFFICIAL-SENSITIVE RECIPIENTS ONLY`` or ``SECRET UK EYES ONLY``.
    """

    tier: Tier = Tier.OFFICIAL
    sensitive: bool = False
    descriptors: list[str] = field(default_factory=list)
    caveats: list[str] = field(default_factory=list)
    handling: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        head = self.tier.value + ("-SENSITIVE" if self.sensitive and self.tier is Tier.OFFICIAL else "")
        words = [head]
        for part in (*self.descriptors, *self.caveats, *self.handling):
            norm = " ".join(part.split()).upper()
            if norm and norm not in words:
                words.append(norm)
        return " ".join(words)

    @classmethod
    def parse(cls, text: str) -> Marking:
        """Build a marking from its canonical string; raises `RuleError` if no tier leads it."""
        rest = " ".join(text.split()).upper()
        for tier in sorted(Tier, key=lambda t: -len(t.value)):
            if rest.startswith(tier.value):
                rest = rest[len(tier.value) :]
                break
        else:
            raise RuleError(f"{text!r} is not a marking: it must start with OFFICIAL, SECRET or TOP SECRET")
        marking = cls(tier=tier)
        # "OFFICIAL SENSITIVE" is the usual mistyping of OFFICIAL-SENSITIVE, not a handling instruction.
        if rest.startswith(("-SENSITIVE", " SENSITIVE")) and rest[len("-SENSITIVE") :][:1] in ("", " ", "-"):
            if tier is not Tier.OFFICIAL:
                raise RuleError("only OFFICIAL takes the -SENSITIVE flag")
            marking.sensitive, rest = True, rest[len("-SENSITIVE") :]
        if rest.startswith("-"):  # "OFFICIAL-SENSITIVE-SENSITIVE", "OFFICIAL--SENSITIVE": a slip, not a marking
            raise RuleError(f"{text!r} is not a marking: only -SENSITIVE may follow OFFICIAL")
        rest = rest.strip()
        for known, bucket in (
            (DESCRIPTORS, marking.descriptors),
            (NATIONAL_CAVEATS, marking.caveats),
            (HANDLING_INSTRUCTIONS, marking.handling),
        ):
            for word in known:
                if word in rest:
                    bucket.append(word)
                    rest = rest.replace(word, " ")
        rest = " ".join(rest.split())
        if rest:
            marking.handling.append(rest)
        return marking


# ---------------------------------------------------------------- items and sections


@dataclass
class Item:
    """Base of everything a section holds. `kind` is stored in .brief files."""

    kind: ClassVar[str] = "item"
    id: str = field(default_factory=new_id, kw_only=True)


@dataclass
class TextItem(Item):
    """A paragraph in the officer's words. `boilerplate` text may hold Jinja2 placeholders."""

    kind: ClassVar[str] = "text"
    text: str = ""
    boilerplate: bool = False


@dataclass
class BulletItem(Item):
    kind: ClassVar[str] = "bullet"
    text: str = ""


@dataclass
class QuoteItem(Item):
    """A verbatim quote from a source, with an optional lead-in or comment."""

    kind: ClassVar[str] = "quote"
    excerpt: Excerpt = None  # type: ignore[assignment]  # always given; dataclass order needs a default
    comment: str = ""


@dataclass
class PositionItem(Item):
    kind: ClassVar[str] = "position"
    position_id: str = ""


@dataclass
class IssueItem(Item):
    kind: ClassVar[str] = "issue"
    issue_id: str = ""


@dataclass
class PositionTableItem(Item):
    """A table of accepted positions, actors by issues. Empty id lists mean "all"."""

    kind: ClassVar[str] = "table"
    actor_ids: list[str] = field(default_factory=list)
    issue_ids: list[str] = field(default_factory=list)


ITEM_TYPES: dict[str, type[Item]] = {
    cls.kind: cls for cls in (TextItem, BulletItem, QuoteItem, PositionItem, IssueItem, PositionTableItem)
}


@dataclass
class Section:
    """A titled part of the brief; `guidance` tells the officer what belongs here."""

    key: str
    heading: str
    guidance: str = ""
    word_limit: int | None = None
    items: list[Item] = field(default_factory=list)
    id: str = field(default_factory=new_id)


# ---------------------------------------------------------------- the brief


@dataclass
class Brief:
    """A briefing note under construction.

    `marking` is None until the officer chooses one; such a brief cannot be exported.
    `sender` is the brief's "From" line (``from`` is a Python keyword).
    """

    title: str = ""
    reference: str = ""
    to: str = ""
    sender: str = ""
    date: dt.date | None = None
    contact: str = ""
    template_id: str = ""
    marking: Marking | None = None
    sections: list[Section] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    id: str = field(default_factory=new_id)

    # -- look-ups: each raises NotFoundError for an unknown id

    def source(self, source_id: str) -> Source:
        return _find(self.sources, source_id, "source")

    def actor(self, actor_id: str) -> Actor:
        return _find(self.actors, actor_id, "actor")

    def issue(self, issue_id: str) -> Issue:
        return _find(self.issues, issue_id, "issue")

    def position(self, position_id: str) -> Position:
        return _find(self.positions, position_id, "position")

    def section(self, section_id: str) -> Section:
        return _find(self.sections, section_id, "section")

    def section_by_key(self, key: str) -> Section:
        for section in self.sections:
            if section.key == key:
                return section
        raise NotFoundError("section key", key)

    def locate_item(self, item_id: str) -> tuple[int, int]:
        """Return `(section_row, item_row)` of the item; raises `NotFoundError`."""
        for s_row, section in enumerate(self.sections):
            for i_row, item in enumerate(section.items):
                if item.id == item_id:
                    return s_row, i_row
        raise NotFoundError("item", item_id)

    def item(self, item_id: str) -> Item:
        s_row, i_row = self.locate_item(item_id)
        return self.sections[s_row].items[i_row]

    def iter_items(self) -> Iterator[tuple[Section, Item]]:
        for section in self.sections:
            for item in section.items:
                yield section, item

    def iter_excerpts(self) -> Iterator[Excerpt]:
        """Every excerpt the brief holds: quoted in sections and as position evidence."""
        for _, item in self.iter_items():
            if isinstance(item, QuoteItem):
                yield item.excerpt
        for position in self.positions:
            yield from position.evidence

    def actor_named(self, name: str) -> Actor | None:
        """The actor whose name or alias equals `name` (case-insensitive), or None."""
        wanted = name.casefold()
        for actor in self.actors:
            if any(n.casefold() == wanted for n in actor.names()):
                return actor
        return None

    def check(self) -> None:
        """Raise `RuleError` naming the first reference to an unknown object."""
        sources = {s.id for s in self.sources}
        actors = {a.id for a in self.actors}
        issues = {i.id for i in self.issues}
        positions = {p.id for p in self.positions}
        ids: set[str] = set()
        for kind, objs in (
            ("source", self.sources),
            ("actor", self.actors),
            ("issue", self.issues),
            ("position", self.positions),
            ("section", self.sections),
        ):
            for obj in objs:
                if obj.id in ids:
                    raise RuleError(f"the {kind} id {obj.id!r} is used twice")
                ids.add(obj.id)
        for position in self.positions:
            if position.actor_id not in actors:
                raise RuleError(f"position {position.id!r} names an unknown actor {position.actor_id!r}")
            if position.issue_id is not None and position.issue_id not in issues:
                raise RuleError(f"position {position.id!r} names an unknown issue {position.issue_id!r}")
        for issue in self.issues:
            for ref in issue.paragraphs:
                if ref.source_id not in sources:
                    raise RuleError(f"issue {issue.id!r} cites an unknown source {ref.source_id!r}")
        for excerpt in self.iter_excerpts():
            if excerpt.source_id not in sources:
                raise RuleError(f"an excerpt cites an unknown source {excerpt.source_id!r}")
        item_ids: set[str] = set()
        for _, item in self.iter_items():
            if item.id in item_ids:
                raise RuleError(f"the item id {item.id!r} is used twice")
            item_ids.add(item.id)
            if isinstance(item, PositionItem) and item.position_id not in positions:
                raise RuleError(f"an item shows an unknown position {item.position_id!r}")
            if isinstance(item, IssueItem) and item.issue_id not in issues:
                raise RuleError(f"an item shows an unknown issue {item.issue_id!r}")
            if isinstance(item, PositionTableItem):
                for actor_id in item.actor_ids:
                    if actor_id not in actors:
                        raise RuleError(f"a table names an unknown actor {actor_id!r}")
                for issue_id in item.issue_ids:
                    if issue_id not in issues:
                        raise RuleError(f"a table names an unknown issue {issue_id!r}")


def _find(objs: list, ident: str, what: str):  # type: ignore[no-untyped-def]
    for obj in objs:
        if obj.id == ident:
            return obj
    raise NotFoundError(what, ident)
