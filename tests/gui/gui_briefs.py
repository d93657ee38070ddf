"""The small brief the GUI tests share: conftest.py's `source` and `brief` fixtures, and the
state machines (which cannot take fixtures), build it here."""

from __future__ import annotations

import datetime as dt

from briefcomposer.core.model import (
    Actor,
    ActorKind,
    Brief,
    Issue,
    Marking,
    ParagraphRef,
    Position,
    PositionTableItem,
    Section,
    Source,
    Status,
    TextItem,
)

PARAGRAPHS = [
    "Dialogue matters",
    "Russia says NATO expansion threatens its security. The UK wants more dialogue with Moscow.",
    "NATO Secretary General Jens Stoltenberg called for 'more dialogue' with Russia.",
    "Missile defence in Europe remains contested & <unresolved>.",
]


def make_source() -> Source:
    """The source of `make_brief`: four short paragraphs, the first a heading."""
    return Source(
        title="Dialogue matters", paragraphs=list(PARAGRAPHS), author="A. Writer", publisher="RUSI", headings=[0]
    )


def make_brief(source: Source) -> Brief:
    """Three sections, `source`, three actors, two issues (one suggested), three positions."""
    russia = Actor("Russia", ActorKind.STATE, aliases=["Moscow"])
    nato = Actor("NATO", ActorKind.ORGANISATION)
    uk = Actor("United Kingdom", ActorKind.STATE, aliases=["UK"])
    expansion = Issue("NATO expansion", status=Status.ACCEPTED, paragraphs=[ParagraphRef(source.id, 1)])
    missile = Issue("Missile defence")
    positions = [
        Position(russia.id, expansion.id, "opposes expansion", [source.excerpt(1, 0, 49)]),
        Position(nato.id, expansion.id, "wants more dialogue", [source.excerpt(2, 0, 40)], status=Status.ACCEPTED),
        Position(uk.id, None, "wants dialogue with Moscow", [source.excerpt(1, 50, 89)]),
    ]
    sections = [
        Section(
            "summary",
            "Summary",
            guidance="Two or three sentences.",
            word_limit=5,
            items=[TextItem(text="A first paragraph.")],
        ),
        Section("positions", "Positions", guidance="Who holds which position.", items=[PositionTableItem()]),
        Section("empty", "Lines to take", guidance="Short lines."),
    ]
    return Brief(
        title="Russia and NATO",
        reference="REF/1",
        date=dt.date(2026, 11, 29),
        marking=Marking.parse("OFFICIAL-SENSITIVE"),
        template_id="uk-briefing-note",
        sections=sections,
        sources=[source],
        actors=[russia, nato, uk],
        issues=[expansion, missile],
        positions=positions,
    )
