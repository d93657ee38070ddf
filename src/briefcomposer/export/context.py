"""Turn a `Brief` into the plain dict a Word template is rendered with.

`build_context` is pure: it reads the brief, changes nothing, imports no docx or
docxtpl, and returns only dicts, lists, strings, ints and bools, so the result can
be sent to the render process as JSON. Every key is documented in
templates/README.md; `CONTEXT_KEYS` lists the top-level ones.

Rules the exporter follows (documented for officers in templates/README.md):

- A section with nothing to show is left out. The ``sources`` section is shown
  whenever a source is cited or the officer wrote something there; when the
  structure has no ``sources`` section and something is cited, one is added at
  the end (before any annex).
- Sources are numbered [1], [2] ... in the order they are first cited (quotes,
  then position evidence); sources never cited follow, unnumbered in the text.
- Text items are numbered paragraphs except in the ``contact`` and ``sources``
  sections and annexes (keys starting ``annex``, which also start a new page);
  boilerplate is filled in with `render_boilerplate` and dropped when it comes out
  empty (e.g. ``{{ brief.sender }}, {{ brief.contact }}`` with neither set).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from briefcomposer.core import brief_ops
from briefcomposer.core.model import (
    Brief,
    BulletItem,
    Excerpt,
    IssueItem,
    Item,
    PositionItem,
    PositionTableItem,
    QuoteItem,
    Section,
    Source,
    TextItem,
)
from briefcomposer.structures.templates import format_date, render_boilerplate, says_nothing

BODY_MARKER = "[[briefcomposer:body]]"
"""What ``{{ body }}`` renders to: the exporter replaces that paragraph with the sections."""

CONTEXT_KEYS = frozenset(
    {
        "title",
        "reference",
        "to",
        "sender",
        "date",
        "date_iso",
        "contact",
        "marking",
        "author",
        "template_id",
        "body",
        "sections",
        "sources",
    }
)
UNNUMBERED_SECTIONS = frozenset({"contact", "sources"})
NO_ISSUE = "General"  # column heading for positions held on no particular issue


def build_context(brief: Brief, author: str = "") -> dict[str, Any]:
    """Return the template context of `brief`: a JSON-like dict (see templates/README.md).

    `author` is the officer exporting the brief (core properties); the marking is
    the canonical string, or ``""`` when none is chosen (such a brief cannot be exported).
    """
    laid_out, sources = lay_out(brief)
    return {
        "title": brief.title,
        "reference": brief.reference,
        "to": brief.to,
        "sender": brief.sender,
        "date": format_date(brief.date),
        "date_iso": brief.date.isoformat() if brief.date else "",
        "contact": brief.contact,
        "marking": str(brief.marking) if brief.marking is not None else "",
        "author": author,
        "template_id": brief.template_id,
        "body": BODY_MARKER,
        "sections": [s for _, s in laid_out if s["items"]],
        "sources": sources,
    }


def lay_out(brief: Brief) -> tuple[list[tuple[Section | None, dict[str, Any]]], list[dict[str, Any]]]:
    """Every section of `brief` as the Word output lays it out, each beside the brief's section it
    comes from (None for a "Sources" section the exporter adds), empty ones included; and the sources.

    `build_context` keeps the sections with something to show; the preview shows the empty ones
    with their guidance, and everything else exactly as here, so that the two cannot read
    differently (issue 5).
    """
    cites = _Citations(brief)
    sections = []
    for section in brief.sections:
        if section.key == "sources":
            continue  # filled in below, once every citation is known
        sections.append(_section(brief, section, cites))
    sources = cites.listing()

    laid_out: list[tuple[Section | None, dict[str, Any]]] = []
    sources_done = False
    for section in brief.sections:
        if section.key == "sources":
            laid_out.append((section, _sources_section(brief, section, cites, sources)))
            sources_done = True
        else:
            laid_out.append((section, sections.pop(0)))
    if not sources_done and sources and any(s["number"] for s in sources):
        extra = _sources_section(brief, None, cites, sources)
        annex = next((n for n, (_, s) in enumerate(laid_out) if s["key"].startswith("annex")), len(laid_out))
        laid_out.insert(annex, (None, extra))
    return laid_out, sources


# ---------------------------------------------------------------- sections and items


def _section(brief: Brief, section: Section, cites: _Citations) -> dict[str, Any]:
    numbered = section.key not in UNNUMBERED_SECTIONS and not section.key.startswith("annex")
    items: list[dict[str, Any]] = []
    for item in section.items:
        if isinstance(item, PositionTableItem):
            items += _tables(brief, item, cites)
        elif (d := _item(brief, item, cites, numbered)) is not None:
            items.append(d)
    return _section_dict(section.key, section.heading, items)


def _section_dict(key: str, heading: str, items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"key": key, "heading": heading, "page_break": key.startswith("annex"), "items": items}


def _sources_section(
    brief: Brief, section: Section | None, cites: _Citations, sources: list[dict[str, Any]]
) -> dict[str, Any]:
    items = []
    if section is not None:
        items = [d for item in section.items if (d := _item(brief, item, cites, False)) is not None]
    items += [{"kind": "reference", "number": s["number"], "text": s["citation"]} for s in sources]
    return _section_dict("sources", section.heading if section else "Sources", items)


def _item(brief: Brief, item: Item, cites: _Citations, numbered: bool) -> dict[str, Any] | None:
    if isinstance(item, TextItem):
        text = render_boilerplate(item.text, brief) if item.boilerplate else item.text
        if says_nothing(text):
            return None
        return {"kind": "text", "text": text.strip(), "numbered": numbered}
    if isinstance(item, BulletItem):
        return {"kind": "bullet", "text": item.text.strip()} if item.text.strip() else None
    if isinstance(item, QuoteItem):
        if item.excerpt is None:
            return None
        source = _source_or_none(brief, item.excerpt.source_id)
        return {
            "kind": "quote",
            "text": item.excerpt.quote.strip(),
            "comment": item.comment.strip(),
            "numbered": numbered,
            "source": cites.number(item.excerpt.source_id),
            "paragraph": item.excerpt.paragraph + 1,
            "cite": cites.cite([item.excerpt]),
            "current": source.is_current(item.excerpt) if source else False,
        }
    if isinstance(item, PositionItem):
        position = brief.position(item.position_id)
        return {
            "kind": "position",
            "actor": brief.actor(position.actor_id).name,
            "issue": brief.issue(position.issue_id).label if position.issue_id else "",
            "stance": position.stance.strip(),
            "cite": cites.cite(position.evidence),
            "numbered": numbered,
        }
    if isinstance(item, IssueItem):
        issue = brief.issue(item.issue_id)
        return {"kind": "issue", "label": issue.label, "description": issue.description.strip(), "numbered": numbered}
    if isinstance(item, PositionTableItem):
        tables = _tables(brief, item, cites)
        return tables[0] if tables else None
    return None


MAX_TABLE_ISSUES = 3  # issue columns per table: more do not fit A4 portrait at a readable size


def _tables(brief: Brief, table: PositionTableItem, cites: _Citations) -> list[dict[str, Any]]:
    """The positions table, split into tables of at most `MAX_TABLE_ISSUES` issue columns.

    Each part keeps only the actors who hold a position on one of its issues.
    """
    positions = brief_ops.table_positions(brief, table)
    if not positions:
        return []
    issue_ids: list[str | None] = list(dict.fromkeys(p.issue_id for p in positions))
    # issues in the brief's order, positions on no issue last
    order = {i.id: n for n, i in enumerate(brief.issues)}
    issue_ids.sort(key=lambda i: order.get(i, len(order)) if i is not None else len(order) + 1)
    actor_ids = list(dict.fromkeys(p.actor_id for p in positions))
    order = {a.id: n for n, a in enumerate(brief.actors)}
    actor_ids.sort(key=lambda a: order.get(a, len(order)))
    tables = []
    for first in range(0, len(issue_ids), MAX_TABLE_ISSUES):
        part = issue_ids[first : first + MAX_TABLE_ISSUES]
        rows = []
        for actor_id in actor_ids:
            cells = []
            for issue_id in part:
                held = [p for p in positions if p.actor_id == actor_id and p.issue_id == issue_id]
                evidence = [e for p in held for e in p.evidence]
                cells.append({"stance": "; ".join(p.stance.strip() for p in held), "cite": cites.cite(evidence)})
            if any(c["stance"] for c in cells):
                rows.append({"actor": brief.actor(actor_id).name, "cells": cells})
        columns = [brief.issue(i).label if i is not None else NO_ISSUE for i in part]
        tables.append({"kind": "table", "columns": columns, "rows": rows})
    return tables


# ---------------------------------------------------------------- sources


class _Citations:
    """Numbers sources in order of first citation and formats ``[1, para 4]`` references."""

    def __init__(self, brief: Brief) -> None:
        self._brief = brief
        self._numbers: dict[str, int] = {}

    def number(self, source_id: str) -> int:
        if source_id not in self._numbers:
            self._numbers[source_id] = len(self._numbers) + 1
        return self._numbers[source_id]

    def cite(self, excerpts: list[Excerpt]) -> str:
        """``[1, para 4]`` or ``[1, paras 2, 5; 2, para 1]``; ``""`` without excerpts."""
        by_source: dict[int, list[int]] = {}
        for excerpt in excerpts:
            paras = by_source.setdefault(self.number(excerpt.source_id), [])
            if excerpt.paragraph + 1 not in paras:
                paras.append(excerpt.paragraph + 1)
        parts = []
        for number, paras in sorted(by_source.items()):
            paras.sort()
            label = "para" if len(paras) == 1 else "paras"
            parts.append(f"{number}, {label} {', '.join(map(str, paras))}")
        return f"[{'; '.join(parts)}]" if parts else ""

    def listing(self) -> list[dict[str, Any]]:
        cited = sorted((s for s in self._brief.sources if s.id in self._numbers), key=lambda s: self._numbers[s.id])
        uncited = [s for s in self._brief.sources if s.id not in self._numbers]
        return [_source_dict(s, self._numbers.get(s.id, 0)) for s in [*cited, *uncited]]


def _source_dict(source: Source, number: int) -> dict[str, Any]:
    return {
        "number": number,
        "title": source.title,
        "author": source.author or "",
        "publisher": source.publisher or "",
        "date": source_date(source.date),
        "url": source.url or "",
        "retrieved": source_date(source.retrieved),
        "citation": citation(source),
    }


def nbsp_cite(cite: str) -> str:
    """``[1, para 5]`` kept on one line: a reference split over two lines is hard to read."""
    return cite.replace(", para", ",\u00a0para").replace("para ", "para\u00a0").replace("paras ", "paras\u00a0")


def citation(source: Source) -> str:
    """``Sarah Lain, ‘Dialogue Matters’, RUSI, 12 March 2015. https://… (retrieved 29 November 2026)``."""
    parts = [p for p in (source.author, f"\u2018{source.title}\u2019" if source.title else "", source.publisher) if p]
    date = source_date(source.date)
    if date:
        parts.append(date)
    text = ", ".join(parts) or "Untitled source"
    if source.url:
        text += f". {source.url}"
    retrieved = source_date(source.retrieved)
    if retrieved:
        text += f" (retrieved {retrieved})"
    return text + "."


def source_date(value: str | None) -> str:
    """A source's ISO date in GOV.UK style: ``12 March 2015``; to the month, ``March 2015``; a year as is."""
    if not value:
        return ""
    try:
        if re.fullmatch(r"\d{4}-\d{2}", value):
            return f"{dt.date.fromisoformat(value + '-01'):%B %Y}"
        if re.fullmatch(r"\d{4}", value):
            return value
        return format_date(dt.date.fromisoformat(value[:10]))
    except ValueError:
        return value  # a date the importer could not normalise is shown as found


def _source_or_none(brief: Brief, source_id: str) -> Source | None:
    return next((s for s in brief.sources if s.id == source_id), None)
