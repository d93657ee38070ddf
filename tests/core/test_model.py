"""The core model and its rules: table-driven, no Qt."""

from __future__ import annotations

import subprocess
import sys

import pytest

from briefcomposer.core import brief_ops
from briefcomposer.core.errors import NotFoundError, RuleError, SpanError
from briefcomposer.core.model import (
    Actor,
    ActorKind,
    Brief,
    BulletItem,
    Issue,
    IssueItem,
    Marking,
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


@pytest.fixture
def source() -> Source:
    return Source(
        title="Dialogue",
        paragraphs=["Russia sees NATO enlargement as a mistake.", "Both sides agreed to talk & listen <more>."],
        author="A. Writer",
    )


@pytest.fixture
def brief(source) -> Brief:
    brief = Brief(title="Test")
    brief.sources.append(source)
    brief.sections += [Section(key="summary", heading="Summary"), Section(key="background", heading="Background")]
    russia = Actor("Russia", ActorKind.STATE, ["Moscow"])
    kremlin = Actor("the Kremlin", ActorKind.ORGANISATION)
    brief.actors += [russia, kremlin]
    issue = Issue("NATO enlargement", keywords=["enlargement"])
    brief.issues.append(issue)
    brief.positions.append(Position(russia.id, issue.id, "Enlargement is a mistake", [source.excerpt(0, 0, 41)]))
    brief.positions.append(Position(kremlin.id, issue.id, "NATO threatens Russia"))
    return brief


# ---------------------------------------------------------------- excerpts


@pytest.mark.parametrize(
    ("paragraph", "start", "end"),
    [(0, -1, 3), (0, 3, 3), (0, 5, 2), (0, 5, 999), (2, 0, 3), (-1, 0, 3), (0, 6, 7)],
)
def test_excerpt_rejects_empty_or_outside_span(source, paragraph, start, end):
    with pytest.raises(SpanError):
        source.excerpt(paragraph, start, end)


def test_excerpt_keeps_offsets_and_text(source):
    excerpt = source.excerpt(1, 26, 30)
    assert (excerpt.source_id, excerpt.paragraph, excerpt.start, excerpt.end) == (source.id, 1, 26, 30)
    assert excerpt.quote == "& li"
    assert source.is_current(excerpt)


def test_excerpt_of_finds_text_or_raises(source):
    assert source.excerpt_of(0, "NATO enlargement").start == 12
    with pytest.raises(SpanError):
        source.excerpt_of(0, "not there")


def test_edited_source_makes_excerpt_stale(source):
    excerpt = source.excerpt(0, 0, 6)
    source.paragraphs[0] = "Moscow sees it differently."
    assert not source.is_current(excerpt)


# ---------------------------------------------------------------- marking


@pytest.mark.parametrize(
    ("marking", "text"),
    [
        (Marking(), "OFFICIAL"),
        (Marking(sensitive=True), "OFFICIAL-SENSITIVE"),
        (Marking(sensitive=True, handling=["recipients only"]), "OFFICIAL-SENSITIVE RECIPIENTS ONLY"),
        (Marking(Tier.SECRET, caveats=["UK EYES ONLY"]), "SECRET UK EYES ONLY"),
        (Marking(Tier.SECRET, sensitive=True), "SECRET"),
        (
            Marking(Tier.TOP_SECRET, descriptors=["PERSONAL DATA"], caveats=["UK EYES ONLY"]),
            "TOP SECRET PERSONAL DATA UK EYES ONLY",
        ),
        (Marking(sensitive=True, descriptors=["commercial", "COMMERCIAL"]), "OFFICIAL-SENSITIVE COMMERCIAL"),
    ],
)
def test_marking_renders_canonical_string(marking, text):
    assert str(marking) == text


@pytest.mark.parametrize(
    "text",
    ["OFFICIAL", "OFFICIAL-SENSITIVE RECIPIENTS ONLY", "SECRET UK EYES ONLY", "TOP SECRET PERSONAL DATA UK EYES ONLY"],
)
def test_marking_parse_round_trips(text):
    assert str(Marking.parse(text)) == text


@pytest.mark.parametrize(
    "text", ["", "RESTRICTED", "SECRET-SENSITIVE", "SECRET SENSITIVE", "OFFICIAL-SENSITIVE-SENSITIVE", "OFFICIAL--X"]
)
def test_marking_parse_rejects_non_markings(text):
    with pytest.raises(RuleError):
        Marking.parse(text)


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("OFFICIAL SENSITIVE", "OFFICIAL-SENSITIVE"),
        ("official sensitive uk eyes only", "OFFICIAL-SENSITIVE UK EYES ONLY"),
    ],
)
def test_marking_parse_reads_the_usual_mistyping_of_official_sensitive(text, canonical):
    """It became OFFICIAL with the handling instruction "SENSITIVE" (and a doubled flag, "-SENSITIVE")."""
    assert str(Marking.parse(text)) == canonical


# ---------------------------------------------------------------- items and sections


def test_add_move_remove_items_keeps_order(brief):
    summary, background = brief.sections
    a, b, c = TextItem(text="a"), BulletItem(text="b"), TextItem(text="c")
    for item in (a, b, c):
        brief_ops.add_item(brief, summary.id, item)
    assert [i.id for i in summary.items] == [a.id, b.id, c.id]
    assert brief_ops.move_item(brief, a.id, summary.id, 2) == (summary.id, 0)
    assert [i.id for i in summary.items] == [b.id, c.id, a.id]
    brief_ops.move_item(brief, b.id, background.id, 0)
    assert [i.id for i in background.items] == [b.id]
    section_id, row, item = brief_ops.remove_item(brief, c.id)
    assert (section_id, row, item) == (summary.id, 0, c)
    assert [i.id for i in summary.items] == [a.id]


@pytest.mark.parametrize(
    "make_item",
    [
        lambda b: PositionItem(position_id="nope"),
        lambda b: IssueItem(issue_id="nope"),
        lambda b: PositionTableItem(actor_ids=["nope"]),
        lambda b: QuoteItem(excerpt=Source("x", ["abc"]).excerpt(0, 0, 2)),
    ],
)
def test_add_item_with_unknown_reference_is_refused(brief, make_item):
    with pytest.raises(NotFoundError):
        brief_ops.add_item(brief, brief.sections[0].id, make_item(brief))
    assert brief.sections[0].items == []


def test_add_same_item_twice_is_refused(brief):
    item = TextItem(text="x")
    brief_ops.add_item(brief, brief.sections[0].id, item)
    with pytest.raises(RuleError):
        brief_ops.add_item(brief, brief.sections[1].id, item)


def test_unknown_ids_raise_not_found(brief):
    with pytest.raises(NotFoundError, match="no item"):
        brief_ops.remove_item(brief, "missing")
    with pytest.raises(NotFoundError, match="no section"):
        brief_ops.move_item(brief, "x", "missing", 0)


def test_sections_add_move_remove(brief):
    extra = Section(key="annex", heading="Annex")
    assert brief_ops.add_section(brief, extra, 0) == 0
    with pytest.raises(RuleError):
        brief_ops.add_section(brief, Section(key="annex", heading="Again"))
    assert brief_ops.move_section(brief, extra.id, 5) == 0
    assert brief.sections[-1] is extra
    assert brief_ops.remove_section(brief, extra.id) == (2, extra)


def test_quote_excerpt_adds_quote_item(brief, source):
    excerpt = brief_ops.pick_excerpt(brief, source.id, 1, 0, 4)
    item = brief_ops.quote_excerpt(brief, brief.sections[1].id, excerpt)
    assert brief.sections[1].items == [item]
    assert brief_ops.item_text(brief, item) == "Both"


def test_remove_quoted_source_is_refused(brief, source):
    brief_ops.quote_excerpt(brief, brief.sections[0].id, source.excerpt(1, 0, 4))
    with pytest.raises(RuleError, match="quoted"):
        brief_ops.remove_source(brief, source.id)


# ---------------------------------------------------------------- suggestions and actors


def test_accept_and_reject_return_old_status(brief):
    position = brief.positions[0]
    assert brief_ops.accept(brief, position.id) is Status.SUGGESTED
    assert brief_ops.reject(brief, position.id) is Status.ACCEPTED
    assert position.status is Status.REJECTED
    assert brief_ops.accept(brief, brief.issues[0].id) is Status.SUGGESTED


def test_merge_actors_moves_positions_and_aliases(brief):
    russia, kremlin = brief.actors
    table = PositionTableItem(actor_ids=[russia.id, kremlin.id])
    brief_ops.add_item(brief, brief.sections[0].id, table)
    dropped = brief_ops.merge_actors(brief, russia.id, kremlin.id)
    assert dropped is kremlin
    assert brief.actors == [russia]
    assert russia.aliases == ["Moscow", "the Kremlin"]
    assert {p.actor_id for p in brief.positions} == {russia.id}
    assert table.actor_ids == [russia.id]
    brief.check()


def test_merge_actor_with_itself_is_refused(brief):
    with pytest.raises(RuleError):
        brief_ops.merge_actors(brief, brief.actors[0].id, brief.actors[0].id)


def test_actor_named_matches_aliases_case_insensitively(brief):
    assert brief.actor_named("moscow") is brief.actors[0]
    assert brief.actor_named("Paris") is None


def test_table_shows_only_accepted_positions(brief):
    table = PositionTableItem()
    assert brief_ops.table_positions(brief, table) == []
    brief_ops.accept(brief, brief.positions[1].id)
    assert brief_ops.table_positions(brief, table) == [brief.positions[1]]


@pytest.mark.parametrize(
    ("text", "words"),
    [("", 0), ("One two", 2), ("co-operation isn't hard", 3), ("NATO’s open-door policy, 2014.", 4)],
)
def test_count_words(text, words):
    assert brief_ops.count_words(text) == words


def test_check_finds_dangling_references(brief):
    brief.check()
    brief.positions[0].actor_id = "ghost"
    with pytest.raises(RuleError, match="unknown actor"):
        brief.check()


def test_core_imports_neither_qt_nor_docx():
    code = (
        "import sys, briefcomposer.core.model, briefcomposer.core.brief_ops, briefcomposer.storage, "
        "briefcomposer.structures, briefcomposer.cli\n"
        "bad = [m for m in ('PySide6', 'docx', 'docxtpl', 'yake', 'numpy') if m in sys.modules]\n"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_remove_source_takes_the_suggestions_resting_on_it(brief, source):
    other = Source("Other", ["Elsewhere."])
    brief.sources.append(other)
    russia = brief.actors[0]
    mixed = Position(russia.id, None, "both", [source.excerpt(0, 0, 6), other.excerpt(0, 0, 9)])
    brief.positions.append(mixed)
    assert brief_ops.remove_source(brief, source.id) is source
    assert brief.sources == [other]
    assert [p.stance for p in brief.positions] == ["NATO threatens Russia", "both"]
    assert [e.source_id for e in mixed.evidence] == [other.id]
    brief.check()


def test_remove_source_takes_only_the_suggested_issues_that_rested_on_it(brief, source):
    from briefcomposer import storage
    from briefcomposer.core.model import ParagraphRef

    other = Source("Other", ["Elsewhere."])
    brief.sources.append(other)
    lone = Issue("Fisheries accord")  # suggested, empty, and never about this source: it stays
    cited = Issue("Velmora border", paragraphs=[ParagraphRef(source.id, 1)])  # rested on it: it goes
    tabled = Issue("Coastal patrols", paragraphs=[ParagraphRef(source.id, 0)])  # rested on it, but a table names it
    brief.issues += [lone, cited, tabled]
    brief.sections[1].items.append(PositionTableItem(issue_ids=[tabled.id]))
    brief_ops.remove_source(brief, source.id)
    assert [i.label for i in brief.issues] == ["NATO enlargement", "Fisheries accord", "Coastal patrols"]
    brief.check()
    assert storage.loads(storage.dumps(brief)) == brief  # the file saved now opens again


def test_remove_source_refused_while_an_accepted_position_cites_it(brief, source):
    brief_ops.accept(brief, brief.positions[0].id)
    with pytest.raises(RuleError, match="accepted position"):
        brief_ops.remove_source(brief, source.id)
    assert source in brief.sources


def test_evidence_passages_join_adjacent_sentences_only():
    source = Source(title="t", paragraphs=["Osk spoke. She said no.  Brel replied. Osk left.", "Later."])
    brief = Brief(title="b")
    brief_ops.add_source(brief, source)
    pick = lambda p, a, b: brief_ops.pick_excerpt(brief, source.id, p, a, b)  # noqa: E731
    evidence = [pick(0, 0, 10), pick(0, 11, 23), pick(0, 39, 48), pick(1, 0, 6)]
    assert [e.quote for e in evidence] == ["Osk spoke.", "She said no.", "Osk left.", "Later."]
    assert brief_ops.passages(brief, evidence) == [
        (source.id, 0, 0, 23),  # two sentences with only spaces between: one passage
        (source.id, 0, 39, 48),  # "Brel replied." between: a passage of its own
        (source.id, 1, 0, 6),
    ]
