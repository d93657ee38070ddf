"""A positions table with many issues splits into tables that fit A4 portrait."""

from __future__ import annotations

from briefcomposer.core.model import Actor, Brief, Issue, Position, PositionTableItem, Section, Source, Status
from briefcomposer.export.context import MAX_TABLE_ISSUES, build_context


def _brief(issue_count: int) -> Brief:
    source = Source("S", ["p"])
    actors = [Actor("Russia"), Actor("NATO")]
    issues = [Issue(f"Issue {n}") for n in range(issue_count)]
    positions = [
        Position(actors[n % 2].id, issue.id, f"stance {n}", [source.excerpt(0, 0, 1)], Status.ACCEPTED)
        for n, issue in enumerate(issues)
    ]
    section = Section("positions", "Positions", items=[PositionTableItem()])
    return Brief(sources=[source], actors=actors, issues=issues, positions=positions, sections=[section])


def _tables(brief: Brief) -> list[dict]:
    (section,) = [s for s in build_context(brief)["sections"] if s["key"] == "positions"]
    return [i for i in section["items"] if i["kind"] == "table"]


def test_few_issues_make_one_table():
    (table,) = _tables(_brief(2))
    assert table["columns"] == ["Issue 0", "Issue 1"]
    assert [r["actor"] for r in table["rows"]] == ["Russia", "NATO"]


def test_many_issues_split_and_keep_only_actors_with_a_stance():
    tables = _tables(_brief(MAX_TABLE_ISSUES + 1))
    assert [t["columns"] for t in tables] == [
        [f"Issue {n}" for n in range(MAX_TABLE_ISSUES)],
        [f"Issue {MAX_TABLE_ISSUES}"],
    ]
    # the last issue is held by one actor only: the other gets no empty row
    assert [r["actor"] for r in tables[1]["rows"]] == [("Russia", "NATO")[MAX_TABLE_ISSUES % 2]]
    stances = [c["stance"] for t in tables for r in t["rows"] for c in r["cells"] if c["stance"]]
    assert sorted(stances) == sorted(f"stance {n}" for n in range(MAX_TABLE_ISSUES + 1))
