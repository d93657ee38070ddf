"""HTML for the live preview, laid out like the Word output.

Marking at top and bottom, the title and metadata block, headings, continuous
paragraph numbering, quotes with citations, the positions table and a list of
sources. Pure: a `Brief` in, a string out (Qt only renders it).

The body is made from the sections the Word export lays out (`export.context.lay_out`),
paragraph by paragraph as `docx_writer` writes them: the same numbering, citations
([1, para 4]), sources and table captions. Made on its own, the preview numbered quotes
that Word sets unnumbered, cited "(Author, ¶4)" and listed the sources in another
order (issue 5). Only an empty section differs: Word leaves it out, the preview shows
its guidance.
"""

from __future__ import annotations

from typing import Any

from briefcomposer.core.model import Brief

# as the Word output does: the preview is made from the same laid-out sections
from briefcomposer.export.context import MAX_TABLE_ISSUES, NO_ISSUE, lay_out, nbsp_cite
from briefcomposer.structures.templates import format_date


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
p.quote { margin: 0 0 6px 28px; font-style: italic; }
p.reference { margin: 0 0 4px 0; }
p.caption { margin: 6px 0 2px 0; color: #505a5f; font-size: 9pt; font-weight: bold; }
.cite { color: #505a5f; font-size: 9pt; font-style: normal; }
.empty { color: #8a8f94; font-style: italic; }
table.positions { border-collapse: collapse; margin: 4px 0 8px 0; }
table.positions th { background: #e8edf2; text-align: left; padding: 2px 3px; border: 1px solid #b1b4b6; }
table.positions th { font-size: small; }
table.positions td { padding: 2px 3px; border: 1px solid #b1b4b6; vertical-align: top; font-size: small; }
"""


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


def _cited(text: str, cite: str) -> str:
    return escape(text) + (f' <span class="cite">{escape(nbsp_cite(cite))}</span>' if cite else "")


def _tables(table: dict[str, Any], per_table: int, who: int) -> str:
    """A positions table of the Word output (actors down, at most three issues across) as HTML,
    split again into tables of `per_table` issues where the preview is narrow (see `table_layout`)."""
    out = []
    for first in range(0, len(table["columns"]), per_table):
        columns = table["columns"][first : first + per_table]
        width = (100 - who) // len(columns)
        head = "".join(f'<th width="{width}%">{escape(label)}</th>' for label in columns)
        rows = [f'<table class="positions" width="100%"><tr><th width="{who}%">Who</th>{head}</tr>']
        for row in table["rows"]:
            cells = row["cells"][first : first + per_table]
            if not any(c["stance"] for c in cells):
                continue  # as Word: an actor with nothing on these issues has no row
            tds = "".join(f"<td>{_cited(c['stance'], c['cite']) if c['stance'] else chr(0x2013)}</td>" for c in cells)
            rows.append(f"<tr><td><b>{escape(row['actor'])}</b></td>{tds}</tr>")
        rows.append("</table>")
        out.append("".join(rows))
    return "".join(out)


def _paragraphs(item: dict[str, Any], layout: tuple[int, int], tables: list[int]) -> list[tuple[str, str]]:
    """The paragraphs the Word output makes of a laid-out item (`export.context`), as (role, HTML):
    the same roles, text and citations as `docx_writer.BodyBuilder.item`."""
    kind = item["kind"]
    role = "numbered" if item.get("numbered", True) else "body"
    if kind == "text":
        return [(role, escape(item["text"]))]
    if kind == "bullet":
        return [("bullet", escape(item["text"]))]
    if kind == "quote":
        quote = ("quote", _cited(f"\u201c{item['text']}\u201d", item["cite"]))
        return [(role, escape(item["comment"])), quote] if item["comment"] else [quote]
    if kind == "position":
        who = item["actor"] + (f" ({item['issue']})" if item["issue"] else "")
        return [(role, f"<b>{escape(who)}:</b> {_cited(item['stance'], item['cite'])}")]
    if kind == "issue":
        rest = f" {escape(item['description'])}" if item["description"] else ""
        return [(role, f"<b>{escape(item['label'])}{'.' if rest else ''}</b>{rest}")]
    if kind == "reference":
        label = f"[{item['number']}]&nbsp; " if item["number"] else ""
        return [("reference", label + escape(item["text"]))]
    if kind == "table":
        tables[0] += 1
        caption = f"Table {tables[0]}: positions of those involved on each issue, with sources in brackets"
        per_table, who = max(1, min(layout[0], MAX_TABLE_ISSUES)), layout[1]
        return [("caption", escape(caption)), ("table", _tables(item, per_table, who))]
    return []


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
    number, tables = 0, [0]
    laid_out, _ = lay_out(brief)
    for section, laid in laid_out:
        anchor = f'<a name="{section_anchor(section.id)}"></a>' if section is not None else ""
        out.append(f"<h2>{anchor}{escape(laid['heading'])}</h2>")
        if not laid["items"]:  # Word leaves the section out; here it shows what belongs in it
            guidance = section.guidance if section is not None else ""
            out.append(f'<p class="empty">{escape(guidance or "Nothing here yet.")}</p>')
            continue
        for item in laid["items"]:
            for role, html in _paragraphs(item, layout, tables):
                if role == "numbered":
                    number += 1
                    out.append(
                        f'<table width="100%"><tr><td class="num" width="28">{number}.</td>'
                        f'<td><p class="body">{html}</p></td></tr></table>'
                    )
                elif role == "bullet":
                    out.append(f"<ul><li>{html}</li></ul>")
                elif role == "table":
                    out.append(html)
                else:
                    out.append(f'<p class="{role}">{html}</p>')
    out.append("<hr/>" + marking + "</body></html>")
    return "".join(out)
