"""build_context: a pure, JSON-like dict; citations, omitted sections, boilerplate, tables."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from export_helpers import TRICKY, make_brief

from briefcomposer.core import brief_ops
from briefcomposer.core.model import PositionTableItem, TextItem
from briefcomposer.export.context import BODY_MARKER, CONTEXT_KEYS, build_context, citation


def test_context_has_every_documented_key_and_is_json(brief):
    context = build_context(brief, author="Alex Officer")
    assert set(context) == CONTEXT_KEYS
    assert json.loads(json.dumps(context)) == context
    assert context["marking"] == "OFFICIAL-SENSITIVE"
    assert context["date"] == "29 November 2026"
    assert context["date_iso"] == "2026-11-29"
    assert context["sender"] == "Alex Officer, Russia Unit"
    assert context["author"] == "Alex Officer"
    assert context["body"] == BODY_MARKER


def test_context_does_not_change_the_brief(brief):
    before = repr(brief)
    build_context(brief)
    assert repr(brief) == before


def test_importing_context_loads_no_docx_or_qt():
    code = (
        "import sys, briefcomposer.export, briefcomposer.export.context\n"
        "bad = [m for m in ('docx', 'docxtpl', 'PySide6', 'lxml') if m in sys.modules]\n"
        "print(','.join(bad))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_sections_keep_order_and_empty_ones_are_left_out(brief):
    context = build_context(brief)
    keys = [s["key"] for s in context["sections"]]
    assert keys == [
        "summary", "background", "key-issues", "positions", "uk-objectives",
        "lines-to-take", "defensive-lines", "sources", "contact",
    ]  # fmt: skip
    brief.section_by_key("uk-objectives").items.clear()
    assert "uk-objectives" not in [s["key"] for s in build_context(brief)["sections"]]


def test_boilerplate_is_rendered_and_dropped_when_empty(brief):
    contact = next(s for s in build_context(brief)["sections"] if s["key"] == "contact")
    assert contact["items"] == [
        {
            "kind": "text",
            "text": "Alex Officer, Russia Unit, alex.officer@fcdo.gov.uk, 020 7008 1234",
            "numbered": False,
        }
    ]
    brief.sender = brief.contact = ""
    assert "contact" not in [s["key"] for s in build_context(brief)["sections"]]


def test_quotes_cite_source_number_and_paragraph(brief):
    background = next(s for s in build_context(brief)["sections"] if s["key"] == "background")
    quotes = [i for i in background["items"] if i["kind"] == "quote"]
    assert quotes[0]["cite"] == "[1, para 5]"
    assert quotes[0]["text"] == "stop talking past each other, and start talking with each other"
    assert quotes[0]["current"] is True
    assert quotes[1]["cite"] == "[2, para 2]"


def test_sources_are_numbered_in_order_of_first_citation(brief):
    sources = build_context(brief)["sources"]
    assert [(s["number"], s["author"]) for s in sources] == [(1, "Sarah Lain"), (2, "")]
    assert sources[0]["date"] == "12 March 2015"
    assert sources[0]["retrieved"] == "27 November 2026"
    listing = next(s for s in build_context(brief)["sections"] if s["key"] == "sources")["items"]
    assert [i["number"] for i in listing] == [1, 2]


def test_citation_format():
    from export_helpers import sample_source

    assert citation(sample_source()) == (
        "Sarah Lain, \u2018Dialogue Matters: Russia\u2013NATO Relations\u2019, RUSI, 12 March 2015. "
        "https://rusi.org/explore-our-research/publications/commentary/dialogue-matters-russia-nato-relations "
        "(retrieved 27 November 2026)."
    )


@pytest.mark.parametrize(
    ("date", "shown"),
    [("2015-03-12", "12 March 2015"), ("2015-03", "March 2015"), ("2015", "2015"), ("spring 2015", "spring 2015")],
)
def test_a_source_dated_to_the_month_or_year_is_cited_so(date, shown):
    from export_helpers import sample_source

    source = sample_source()
    source.date = date
    assert f"RUSI, {shown}. https://" in citation(source)


def test_table_shows_accepted_positions_only(brief):
    positions = next(s for s in build_context(brief)["sections"] if s["key"] == "positions")
    table = positions["items"][0]
    assert table["kind"] == "table"
    assert table["columns"] == ["Dialogue with Russia", "NATO enlargement", "UK role"]
    actors = [row["actor"] for row in table["rows"]]
    assert actors == ["NATO", "Russia", "United Kingdom", "Alexander Grushko", "Jens Stoltenberg", "Sarah Lain (RUSI)"]
    stances = [c["stance"] for row in table["rows"] for c in row["cells"]]
    assert "Suggested only: not shown." not in stances
    assert "Rejected: not shown." not in stances
    russia = table["rows"][1]["cells"]
    assert russia[0]["cite"] == "[1, para 6]"
    assert russia[2] == {"stance": "", "cite": ""}


def test_table_without_accepted_positions_is_left_out(brief):
    for position in brief.positions:
        position.status = position.status.SUGGESTED
    positions = next(s for s in build_context(brief)["sections"] if s["key"] == "positions")
    assert [i["kind"] for i in positions["items"]] == ["position"]


def test_sources_section_added_when_structure_has_none():
    brief = make_brief("ministerial-submission")
    keys = [s["key"] for s in build_context(brief)["sections"]]
    assert keys[-3:] == ["sources", "annexes", "contact"]  # before the first annex


def test_sources_go_before_annexes():
    brief = make_brief("meeting-brief")
    brief.sections = [s for s in brief.sections if s.key != "sources"]
    keys = [s["key"] for s in build_context(brief)["sections"]]
    assert keys[-2:] == ["sources", "annex-biographies"]


def test_annexes_start_a_page_and_are_not_numbered():
    annex = build_context(make_brief("meeting-brief"))["sections"][-1]
    assert annex["page_break"] is True
    assert {i["numbered"] for i in annex["items"]} == {False}


def test_text_is_passed_through_unescaped(brief):
    # escaping is the renderer's job; the context holds the officer's text as typed
    texts = [i.get("text") for s in build_context(brief)["sections"] for i in s["items"]]
    assert TRICKY in texts


@pytest.mark.parametrize("text", ["", "   ", ", ", " - "])
def test_blank_text_items_are_left_out(brief, text):
    brief_ops.add_item(brief, brief.section_by_key("summary").id, TextItem(text=text))
    summary = build_context(brief)["sections"][0]
    assert len(summary["items"]) == 2


def test_marking_none_gives_empty_marking(brief):
    brief.marking = None
    assert build_context(brief)["marking"] == ""


def test_filtered_table_limits_actors_and_issues(brief):
    table = brief.section_by_key("positions").items[0]
    assert isinstance(table, PositionTableItem)
    table.issue_ids = [brief.issues[1].id]
    positions = next(s for s in build_context(brief)["sections"] if s["key"] == "positions")
    assert positions["items"][0]["columns"] == ["NATO enlargement"]
