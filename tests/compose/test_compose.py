"""Starting a brief from a template and sources: suggestions and the first draft."""

from __future__ import annotations

import datetime as dt

import pytest

from briefcomposer import sources, storage
from briefcomposer.compose import _in_sentence, _join, brief_from_sources, draft_brief
from briefcomposer.core.model import (
    ActorKind,
    BulletItem,
    Excerpt,
    IssueItem,
    Position,
    PositionTableItem,
    QuoteItem,
    Source,
    Status,
)
from briefcomposer.structures import find_template


def test_new_brief_holds_sample_and_its_suggestions():
    sample = sources.load_sample()
    brief = brief_from_sources(find_template("uk-briefing-note"), [sample], today=dt.date(2026, 11, 29))
    assert brief.sources == [sample]
    assert brief.title == sample.title
    assert brief.positions
    assert all(p.status is Status.SUGGESTED for p in brief.positions)
    assert all(not s.items or isinstance(s.items[0], PositionTableItem) or s.key == "contact" for s in brief.sections)
    assert storage.loads(storage.dumps(brief)) == brief


def test_draft_lays_suggestions_into_sections():
    brief = brief_from_sources(find_template("uk-briefing-note"), [sources.load_sample()], draft=True)
    authors = {a.id for a in brief.actors if a.kind is ActorKind.AUTHOR}
    accepted = [p for p in brief.positions if p.status is Status.ACCEPTED]
    assert any(p.actor_id not in authors for p in accepted)
    assert isinstance(brief.section_by_key("background").items[0], QuoteItem)
    assert all(isinstance(i, IssueItem) for i in brief.section_by_key("key-issues").items)
    (table,) = [i for i in brief.section_by_key("positions").items if isinstance(i, PositionTableItem)]
    assert table.actor_ids
    assert not authors & set(table.actor_ids)
    lines = brief.section_by_key("lines-to-take").items
    assert lines
    assert all(isinstance(i, BulletItem) for i in lines)
    brief.check()


def test_without_analysis_only_the_sources_are_added():
    brief = brief_from_sources(find_template("ministerial-submission"), [sources.load_sample()], analyse=False)
    assert brief.sources
    assert not brief.positions
    assert not brief.actors


def test_summary_names_the_issues_in_running_text():
    brief = brief_from_sources(find_template("uk-briefing-note"), [sources.load_sample()], draft=True)
    summary = brief.section_by_key("summary").items[0].text
    assert summary.startswith("‘Dialogue Matters")
    assert " and " in summary
    assert "NATO" in summary  # acronyms keep their capitals


@pytest.mark.parametrize(
    ("label", "expected"),
    [("Missile defence", "missile defence"), ("Russia policy", "Russia policy"), ("NATO expansion", "NATO expansion")],
)
def test_labels_read_mid_sentence(label, expected):
    source = Source("t", ["Russia opposes missile defence and NATO expansion."])
    assert _in_sentence(label, source) == expected


@pytest.mark.parametrize(
    ("words", "text"), [([], ""), (["a"], "a"), (["a", "b"], "a and b"), (["a", "b", "c"], "a, b and c")]
)
def test_join(words, text):
    assert _join(words) == text


def test_lines_to_take_prefer_the_authors_recommendations():
    from briefcomposer.compose import brief_from_sources
    from briefcomposer.core.model import BulletItem, Source
    from briefcomposer.structures.templates import find_template

    source = Source(
        title="Ports and power",
        author="A. Writer",
        paragraphs=[
            "The harbour has been busy for decades and handles most of the region’s trade today.",
            "Shipping rates are higher than they were five years ago across the whole coast.",
            "The old quays are too shallow for the largest container ships now in service.",
            "Customs checks remain slow and add days to every delivery from the interior.",
            "Local firms have little access to credit for new cranes and warehouses.",
            "The government should open the port to every neighbour on equal terms.",
            "Ministers must publish the port contracts before the next budget.",
        ],
    )
    brief = brief_from_sources(find_template("uk-briefing-note"), [source], analyse=True, draft=True)
    lines = [i.text for s in brief.sections for i in s.items if isinstance(i, BulletItem)]
    assert len(lines) == 4, lines  # more of the author's claims than fit
    assert "The government should open the port to every neighbour on equal terms." in lines
    assert "Ministers must publish the port contracts before the next budget." in lines


def test_the_publisher_is_not_a_party_in_the_draft():
    # the sample's publisher (RUSI) hosted the event the article reports: that is how the article came about,
    # not a party's position; hosting is no position at all, and a position the publisher does hold (here one
    # the officer made) stays out of the draft's table of parties
    sample = sources.load_sample()
    brief = brief_from_sources(find_template("uk-briefing-note"), [sample])
    publisher = {a.id for a in brief.actors if sample.publisher in a.names()}
    assert publisher, "the sample names its publisher as an actor"
    assert not any(p.actor_id in publisher for p in brief.positions)  # "RUSI hosted both ..." is no position
    (rusi,) = publisher
    stance = "Dialogue with Russia must go on."
    brief.positions.insert(0, Position(rusi, None, stance, [Excerpt(sample.id, 1, 0, 9, sample.paragraphs[1][:9])]))
    draft_brief(brief)
    (table,) = [i for i in brief.section_by_key("positions").items if isinstance(i, PositionTableItem)]
    assert not publisher & set(table.actor_ids)
    accepted = [p for p in brief.positions if p.status is Status.ACCEPTED]
    assert not any(p.actor_id in publisher for p in accepted)
