"""Start a brief from a structure template and sources: analyse them and, optionally, draft.

Used by ``briefcomposer new``, ``briefcomposer export --sample`` and the GUI's
"New from template". Imports no Qt.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Sequence

from briefcomposer.core import brief_ops
from briefcomposer.core.model import (
    ActorKind,
    Brief,
    BulletItem,
    IssueItem,
    PositionItem,
    PositionTableItem,
    QuoteItem,
    Section,
    Source,
    Status,
    TextItem,
)
from briefcomposer.structures import StructureTemplate, new_brief

logger = logging.getLogger(__name__)

# Section keys of the built-in structures, by the part of a draft they receive.
SUMMARY_KEYS = ("summary", "issue", "top-lines")
BACKGROUND_KEYS = ("background", "background-usable")
ISSUE_KEYS = ("key-issues", "argument", "points-to-make")
POSITION_KEYS = ("positions", "argument", "points-to-make")
LINE_KEYS = ("lines-to-take", "recommendation")

DRAFT_PARTY_POSITIONS = 8  # positions of the parties: what fits the table of a three-page brief
DRAFT_AUTHOR_POSITIONS = 4  # the author's own conclusions, drafted as lines to take


def brief_from_sources(
    template: StructureTemplate,
    sources: Sequence[Source],
    analyse: bool = True,
    draft: bool = False,
    today: dt.date | None = None,
) -> Brief:
    """A new brief from `template` holding `sources`.

    With `analyse`, each source's suggested actors, issues and positions are added
    (as suggestions). With `draft` as well, the strongest suggestions are accepted
    and placed into the template's sections, giving a first draft to edit.
    """
    brief = new_brief(template, today=today)
    for source in sources:
        brief_ops.add_source(brief, source)
        if analyse:
            from briefcomposer import analysis  # lazily: the analysis loads keyphrase models
            from briefcomposer.suggestion_cache import cached_suggest

            analysis.merge_into(brief, source, cached_suggest(source))
    if sources and not brief.title:
        brief.title = sources[0].title
    if draft and sources:
        draft_brief(brief)
    return brief


def _first_section(brief: Brief, keys: Sequence[str]) -> Section | None:
    for key in keys:
        for section in brief.sections:
            if section.key == key:
                return section
    return None


def _in_sentence(label: str, source: Source) -> str:
    """A heading-style label as it reads mid-sentence: "Missile defence" -> "missile defence".

    The first word is lowered only when the source itself writes it in lower case, so
    proper nouns and acronyms ("Russia", "NATO") keep their capitals.
    """
    first, _, rest = label.partition(" ")
    lowered = first[:1].lower() + first[1:]
    if first[:1].isupper() and not first.isupper() and any(lowered in p.split() for p in source.paragraphs):
        return f"{lowered} {rest}".strip()
    return label


def _join(words: list[str]) -> str:
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else "".join(words)


_RECOMMENDS = re.compile(
    r"\b(?:should|must|ought to|needs? to|need for|important|essential|vital|crucial|imperative|pressing|"
    r"requires?|reminder|it is time|the answer|the key|would be (?:wise|better|prudent))\b",
    re.IGNORECASE,
)


def draft_brief(brief: Brief) -> None:
    """Accept the leading suggestions and lay them into the brief's sections."""
    source = brief.sources[0]
    authors = {a.id for a in brief.actors if a.kind is ActorKind.AUTHOR}
    open_positions = [p for p in brief.positions if p.status is not Status.REJECTED]
    # The publishing institution is not a party to the issue: "RUSI hosted the Ambassador" is how the
    # article came about, not a position for the table.
    publisher = (source.publisher or "").casefold()
    outlets = {a.id for a in brief.actors if publisher and publisher in {n.casefold() for n in a.names()}}
    party = [p for p in open_positions if p.actor_id not in authors | outlets][:DRAFT_PARTY_POSITIONS]
    # Lines to take come from the author's recommendations and judgements first, then any other claim,
    # each group in the article's order.
    mine = [p for p in open_positions if p.actor_id in authors]
    own = sorted(mine, key=lambda p: not _RECOMMENDS.search(p.stance))[:DRAFT_AUTHOR_POSITIONS]
    own.sort(key=mine.index)
    positions = party + own
    used_issues = {p.issue_id for p in positions}
    issues = [i for i in brief.issues if i.status is not Status.REJECTED and i.id in used_issues]
    for issue in issues:
        issue.status = Status.ACCEPTED
    for position in positions:
        position.status = Status.ACCEPTED

    summary = _first_section(brief, SUMMARY_KEYS)
    if summary is not None:
        by = f" by {source.author}" if source.author else ""
        outlet = f" ({source.publisher})" if source.publisher else ""
        topics = _join([_in_sentence(i.label, source) for i in issues[:4]])
        text = f"‘{source.title}’{by}{outlet} argues the case summarised below."
        if topics:
            text = f"‘{source.title}’{by}{outlet} discusses {topics}."
        summary.items.insert(0, TextItem(text=text))

    background = _first_section(brief, BACKGROUND_KEYS)
    if background is not None and source.paragraphs:
        lead = next((n for n, p in enumerate(source.paragraphs) if p.strip() and n not in source.headings), None)
        if lead is not None:
            text = source.paragraphs[lead]
            stripped = text.strip()
            start = text.index(stripped)
            background.items.append(QuoteItem(excerpt=source.excerpt(lead, start, start + len(stripped))))

    issue_section = _first_section(brief, ISSUE_KEYS)
    if issue_section is not None:
        issue_section.items.extend(IssueItem(issue_id=i.id) for i in issues)

    position_section = _first_section(brief, POSITION_KEYS)
    if position_section is not None:
        tables = [i for i in position_section.items if isinstance(i, PositionTableItem)]
        if tables and party:  # the table shows the parties; the author's view goes to the lines
            tables[0].actor_ids = list(dict.fromkeys(p.actor_id for p in party))
        elif not tables:
            position_section.items.extend(PositionItem(position_id=p.id) for p in party or own)

    lines = _first_section(brief, LINE_KEYS)
    if lines is not None:
        lines.items.extend(BulletItem(text=p.stance) for p in own)
    brief.check()
