"""HTML for the live preview, laid out like the Word output.

Marking at top and bottom, the title and metadata block, headings, continuous
paragraph numbering, quotes with citations, the positions table and a list of
sources. Pure: a `Brief` in, a string out (Qt only renders it).
"""

from __future__ import annotations

from briefcomposer.core import brief_ops
from briefcomposer.core.errors import BriefError
from briefcomposer.core.model import (
    Brief,
    BulletItem,
    IssueItem,
    Item,
    PositionItem,
    PositionTableItem,
    QuoteItem,
    Source,
    Status,
    TextItem,
)

# as the Word output does
from briefcomposer.export.context import MAX_TABLE_ISSUES, NO_ISSUE, UNNUMBERED_SECTIONS, source_date
from briefcomposer.structures.templates import format_date, render_boilerplate, says_nothing


def escape(text: str) -> str:
    """`text` safe inside HTML and its attributes: what ``html.escape(text)`` returns.

    Not imported: the ``html`` module loads its table of 2,231 entity names with it, 0.9 ms
    of every start of the window, which only ever escapes (issue 5).
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;").replace("'", "&#x27;")


CSS = """
body { font-family: 'Liberation Sans', Arial, sans-serif; font-size: 10.5pt; color: #0b0c0c; }
.marking { text-align: center; font-weight: bold; letter-spacing: 1px; color: #0b0c0c; }
.marking-missing { text-align: center; color: #c3312f; font-weight: bold; }
p.title { font-size: 15pt; font-weight: bold; margin: 8px 0 6px 0; }
h2 { font-size: 11.5pt; margin: 14px 0 4px 0; color: #0b0c0c; }
td.meta-key { color: #505a5f; padding-right: 10px; font-weight: bold; }
td.num { color: #505a5f; padding-right: 8px; vertical-align: top; }
p.body { margin: 0 0 6px 0; }
.quote { font-style: italic; }
.cite { color: #505a5f; font-size: 9pt; }
.empty { color: #8a8f94; font-style: italic; }
table.positions { border-collapse: collapse; margin: 4px 0 8px 0; }
table.positions th { background: #e8edf2; text-align: left; padding: 2px 3px; border: 1px solid #b1b4b6; }
table.positions th { font-size: small; }
table.positions td { padding: 2px 3px; border: 1px solid #b1b4b6; vertical-align: top; font-size: small; }
"""


def _cite(brief: Brief, source_id: str, paragraph: int) -> str:
    try:
        source = brief.source(source_id)
    except BriefError:
        return ""
    who = (source.author or source.publisher or source.title).split(",")[0]
    return f"({escape(who)}, \u00b6{paragraph + 1})"


def _position_text(brief: Brief, position_id: str) -> str:
    position = brief.position(position_id)
    actor = brief.actor(position.actor_id).name
    cites = " ".join(sorted({_cite(brief, e.source_id, e.paragraph) for e in position.evidence}))
    html = f"<b>{escape(actor)}</b>: {escape(position.stance)}"
    return html + (f' <span class="cite">{cites}</span>' if cites else "")


def table_layout(brief: Brief, width_chars: int | None) -> tuple[int, int]:
    """(issues a table, percent of the width for the "Who" column) of the positions table in a preview
    `width_chars` average characters wide: the Word layout's three issues and a quarter for "Who" when it
    fits (or no width is given), else fewer issue columns and a wider "Who", so that no word of a label or
    a name breaks across lines ("Dialogu|e", "Stoltenb|erg"). A narrow preview splits the table into
    more, narrower tables, as Word splits it by three."""
    if width_chars is None:
        return MAX_TABLE_ISSUES, 25
    # each cell has padding and a border: about two characters
    names = max((len(w) for a in brief.actors for w in a.name.split()), default=6)
    who = min(40, max(25, round(100 * (min(names, 14) + 2) / max(width_chars, 1))))
    longest = max((len(w) for i in brief.issues for w in i.label.split()), default=8)
    longest = max(longest, len(NO_ISSUE), 6)
    for n in range(MAX_TABLE_ISSUES, 1, -1):
        if (100 - who) / 100 * width_chars / n - 2 >= longest:
            return n, who
    return 1, who


def _table(brief: Brief, item: PositionTableItem, layout: tuple[int, int] = (MAX_TABLE_ISSUES, 25)) -> str:
    """Actors down, issues across: the Word layout's positions table (three issues a table), in fewer
    columns where the preview is narrow (`layout`: see `table_layout`)."""
    positions = brief_ops.table_positions(brief, item)
    if not positions:
        return '<p class="empty">[Positions table: accept positions to fill it]</p>'
    order = {i.id: n for n, i in enumerate(brief.issues)}
    issue_ids: list[str | None] = list(dict.fromkeys(p.issue_id for p in positions))
    issue_ids.sort(key=lambda i: order.get(i, len(order)) if i is not None else len(order) + 1)
    actor_order = {a.id: n for n, a in enumerate(brief.actors)}
    actor_ids = sorted(dict.fromkeys(p.actor_id for p in positions), key=lambda a: actor_order.get(a, len(actor_order)))
    out = []
    per_table, who = max(1, min(layout[0], MAX_TABLE_ISSUES)), layout[1]
    for first in range(0, len(issue_ids), per_table):
        part = issue_ids[first : first + per_table]
        width = (100 - who) // len(part)
        head = "".join(
            f'<th width="{width}%">{escape(brief.issue(i).label if i is not None else NO_ISSUE)}</th>' for i in part
        )
        rows = [f'<table class="positions" width="100%"><tr><th width="{who}%">Who</th>{head}</tr>']
        for actor_id in actor_ids:
            cells = []
            for issue_id in part:
                held = [p for p in positions if p.actor_id == actor_id and p.issue_id == issue_id]
                stance = "; ".join(escape(p.stance.strip()) for p in held)
                cites = " ".join(sorted({_cite(brief, e.source_id, e.paragraph) for p in held for e in p.evidence}))
                cells.append(stance + (f' <span class="cite">{cites}</span>' if cites else "") if stance else "\u2013")
            if any(c != "\u2013" for c in cells):
                row = "".join(f"<td>{c}</td>" for c in cells)
                rows.append(f"<tr><td><b>{escape(brief.actor(actor_id).name)}</b></td>{row}</tr>")
        rows.append("</table>")
        out.append("".join(rows))
    return "".join(out)


def _item_html(brief: Brief, item: Item, layout: tuple[int, int] = (MAX_TABLE_ISSUES, 25)) -> tuple[str, bool]:
    """The HTML of an item and whether it takes a paragraph number ("" for boilerplate that comes out
    empty, which the Word output leaves out)."""
    if isinstance(item, TextItem):
        text = render_boilerplate(item.text, brief) if item.boilerplate else item.text
        if item.boilerplate and says_nothing(text):
            return "", False
        return escape(text), True
    if isinstance(item, BulletItem):
        return escape(item.text), False
    if isinstance(item, QuoteItem):
        lead = f"{escape(item.comment)} " if item.comment else ""
        cite = _cite(brief, item.excerpt.source_id, item.excerpt.paragraph)
        quote = f'<span class="quote">\u201c{escape(item.excerpt.quote)}\u201d</span>'
        return f'{lead}{quote} <span class="cite">{cite}</span>', True
    if isinstance(item, PositionItem):
        return _position_text(brief, item.position_id), True
    if isinstance(item, IssueItem):
        issue = brief.issue(item.issue_id)
        desc = f" {escape(issue.description)}" if issue.description else ""
        return f"<b>{escape(issue.label)}.</b>{desc}", True
    if isinstance(item, PositionTableItem):
        return _table(brief, item, layout), False
    return escape(brief_ops.item_text(brief, item)), True


def quoted_sources(brief: Brief) -> list[Source]:
    """Sources cited by the brief's quotes or accepted positions, in brief order."""
    used = {e.source_id for _, i in brief.iter_items() if isinstance(i, QuoteItem) for e in [i.excerpt]}
    used |= {e.source_id for p in brief.positions if p.status is Status.ACCEPTED for e in p.evidence}
    return [s for s in brief.sources if s.id in used]


def _source_line(source: Source) -> str:
    # the date as the Word output writes it ("12 March 2015", "March 2015")
    parts = [p for p in (source.author, f"\u2018{source.title}\u2019", source.publisher, source_date(source.date)) if p]
    line = ", ".join(escape(p) for p in parts)
    if source.url:
        line += f", {escape(source.url)}"
    return line


def section_anchor(section_id: str) -> str:
    """The name of the anchor at a section's heading in the preview."""
    return f"section-{section_id}"


def brief_html(brief: Brief, width_chars: int | None = None) -> str:
    """The preview of `brief` as an HTML page `width_chars` average characters wide (None: as wide as the
    Word layout's page)."""
    layout = table_layout(brief, width_chars)
    marking = (
        f'<p class="marking">{escape(str(brief.marking))}</p>'
        if brief.marking
        else '<p class="marking-missing">[NO MARKING CHOSEN]</p>'
    )
    out = [f"<html><head><style>{CSS}</style></head><body>", marking]
    out.append(f'<p class="title">{escape(brief.title) or "<span class=empty>Untitled brief</span>"}</p>')
    meta = [
        ("To", brief.to),
        ("From", brief.sender),
        ("Date", format_date(brief.date)),
        ("Reference", brief.reference),
        ("Contact", brief.contact),
    ]
    rows = "".join(f'<tr><td class="meta-key">{k}</td><td>{escape(v)}</td></tr>' for k, v in meta if v)
    if rows:
        out.append(f"<table>{rows}</table>")
    number = 0
    for section in brief.sections:
        out.append(f'<h2><a name="{section_anchor(section.id)}"></a>{escape(section.heading)}</h2>')
        items = list(section.items)
        if section.key == "sources":
            for source in quoted_sources(brief):
                out.append(f'<p class="body">\u2022 {_source_line(source)}</p>')
        # as the Word output: no paragraph numbers in the contact and sources sections and annexes
        numbering = section.key not in UNNUMBERED_SECTIONS and not section.key.startswith("annex")
        shown = []
        for item in items:
            try:
                html, numbered = _item_html(brief, item, layout)
            except BriefError:
                continue
            if html:
                shown.append((item, html, numbered and numbering))
        if not shown and section.key != "sources":
            out.append(f'<p class="empty">{escape(section.guidance or "Nothing here yet.")}</p>')
            continue
        for item, html, numbered in shown:
            if numbered:
                number += 1
                out.append(
                    f'<table width="100%"><tr><td class="num" width="28">{number}.</td>'
                    f'<td><p class="body">{html}</p></td></tr></table>'
                )
            elif isinstance(item, BulletItem):
                out.append(f"<ul><li>{html}</li></ul>")
            elif isinstance(item, PositionTableItem):
                out.append(html)
            else:
                out.append(f'<p class="body">{html}</p>')
    out.append("<hr/>" + marking + "</body></html>")
    return "".join(out)
