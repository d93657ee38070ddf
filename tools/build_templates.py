"""Build the built-in Word templates in `templates/` from code.

    python tools/build_templates.py            # (re)write templates/*.docx
    python tools/build_templates.py --check    # exit 1 if a committed file differs

Every part is written here as plain WordprocessingML, so each byte of a built-in
template can be reviewed and rebuilt. The output is deterministic: parts are
stored (not deflated, so no zlib version can change a byte) in a fixed order with
a fixed timestamp, and the core properties carry fixed dates. A test compares the
committed files with this script's output.

Each template owns the look of a brief: A4, 2 cm margins, Arial 12 pt (GOV.UK
accessibility guidance), the heading, numbered-paragraph, bullet, quote and table
styles the exporter uses, and header and footer (default, first page and even
pages) showing the protective marking. The document body holds only the title
block, written with docxtpl tags, and the ``{{ body }}`` paragraph where the
exporter inserts the sections. See templates/README.md for the tag vocabulary.
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "templates"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
FIXED_DATE = "2026-01-01T00:00:00Z"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"

# A4 in twentieths of a point, 2 cm margins: the text is 9638 twips wide.
PAGE_W, PAGE_H, MARGIN = 11906, 16838, 1134
TEXT_W = PAGE_W - 2 * MARGIN
GREY = "505A5F"  # GOV.UK secondary text colour, 7:1 contrast on white


# ---------------------------------------------------------------- paragraphs


def run(text: str, rpr: str = "") -> str:
    space = ' xml:space="preserve"' if text != text.strip() else ""
    props = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f"<w:r>{props}<w:t{space}>{escape(text)}</w:t></w:r>"


def para(style: str, *runs: str, ppr: str = "") -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{ppr}</w:pPr>{"".join(runs)}</w:p>'


def tab() -> str:
    return "<w:r><w:tab/></w:r>"


def field(instr: str, shown: str) -> str:
    return f'<w:fldSimple w:instr=" {instr} ">{run(shown)}</w:fldSimple>'


def meta_line(label: str, var: str) -> list[str]:
    """A title-block line, left out by docxtpl when the value is empty."""
    return [
        para("Metadata", run(f"{{%p if {var} %}}")),
        para("Metadata", run(label, "<w:b/><w:bCs/>"), tab(), run(f"{{{{ {var} }}}}")),
        para("Metadata", run("{%p endif %}")),
    ]


# ---------------------------------------------------------------- the four templates


@dataclass
class Look:
    name: str
    title: str  # core-properties title of the template file itself
    kicker: str  # the kind of document, above or beside the title
    title_block: list[str]


def _briefing_note() -> Look:
    block = [para("BriefType", run("Briefing note")), para("Title", run("{{ title }}"))]
    for label, var in (("Reference", "reference"), ("To", "to"), ("From", "sender"), ("Date", "date")):
        block += meta_line(label, var)
    block += meta_line("Contact", "contact")
    block.append(para("TitleBlockRule"))
    return Look("uk-briefing-note", "UK briefing note", "Briefing note", block)


def _submission() -> Look:
    block = [para("BriefType", run("Submission"))]
    for label, var in (("From", "sender"), ("To", "to"), ("Date", "date"), ("Reference", "reference")):
        block += meta_line(label, var)
    block.append(para("TitleBlockRule"))
    block.append(para("Title", run("{{ title }}")))
    return Look("ministerial-submission", "Ministerial submission", "Submission", block)


def _lines_to_take() -> Look:
    block = [
        para("BriefType", run("Lines to take")),
        para("Title", run("{{ title }}")),
        para(
            "Metadata",
            run("{{ date }}"),
            run("{% if sender %}"),
            run(" \N{EM DASH} "),
            run("{{ sender }}"),
            run("{% endif %}"),
            run("{% if reference %}"),
            run(" \N{EM DASH} "),
            run("{{ reference }}"),
            run("{% endif %}"),
        ),
        para("TitleBlockRule"),
    ]
    return Look("lines-to-take", "Lines to take", "Lines to take", block)


def _meeting_brief() -> Look:
    block = [para("BriefType", run("Meeting brief")), para("Title", run("{{ title }}"))]
    for label, var in (("For", "to"), ("Date", "date"), ("From", "sender"), ("Reference", "reference")):
        block += meta_line(label, var)
    block += meta_line("Contact", "contact")
    block.append(para("TitleBlockRule"))
    return Look("meeting-brief", "Meeting brief", "Meeting brief", block)


LOOKS = [_briefing_note(), _submission(), _lines_to_take(), _meeting_brief()]


# ---------------------------------------------------------------- parts


def document_xml(look: Look) -> str:
    refs = "".join(
        f'<w:{kind}Reference w:type="{typ}" r:id="rId{n}"/>'
        for kind, start in (("header", 10), ("footer", 20))
        for n, typ in zip(range(start, start + 3), ("default", "first", "even"), strict=True)
    )
    sect = (
        f"<w:sectPr>{refs}"
        f'<w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/>'
        f'<w:pgMar w:top="{MARGIN}" w:right="{MARGIN}" w:bottom="{MARGIN}" w:left="{MARGIN}" '
        'w:header="567" w:footer="567" w:gutter="0"/>'
        '<w:cols w:space="708"/><w:titlePg/><w:docGrid w:linePitch="360"/></w:sectPr>'
    )
    body = "".join(look.title_block) + para("BodyText", run("{{ body }}"))
    return f'{XML_DECL}<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}{sect}</w:body></w:document>'


def header_xml() -> str:
    return f'{XML_DECL}<w:hdr xmlns:w="{W_NS}" xmlns:r="{R_NS}">{para("Marking", run("{{ marking }}"))}</w:hdr>'


def footer_xml() -> str:
    page = para("Footer", run("Page "), field("PAGE", "1"), run(" of "), field("NUMPAGES", "1"))
    return f'{XML_DECL}<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}">{page}{para("Marking", run("{{ marking }}"))}</w:ftr>'


def _style(kind: str, sid: str, name: str, body: str, based: str | None = "Normal", extra: str = "") -> str:
    based_on = f'<w:basedOn w:val="{based}"/>' if based else ""
    return f'<w:style w:type="{kind}" w:styleId="{sid}"{extra}><w:name w:val="{name}"/>{based_on}{body}</w:style>'


def _border(side: str, size: int, color: str, space: int = 1) -> str:
    return f'<w:{side} w:val="single" w:sz="{size}" w:space="{space}" w:color="{color}"/>'


def styles_xml() -> str:
    defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        '<w:rFonts w:ascii="Arial" w:eastAsia="Arial" w:hAnsi="Arial" w:cs="Arial"/>'
        '<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        '<w:spacing w:after="120" w:line="252" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    cell_mar = (
        '<w:tblCellMar><w:top w:w="{v}" w:type="dxa"/><w:left w:w="{h}" w:type="dxa"/>'
        '<w:bottom w:w="{v}" w:type="dxa"/><w:right w:w="{h}" w:type="dxa"/></w:tblCellMar>'
    )
    small = '<w:sz w:val="22"/><w:szCs w:val="22"/>'
    styles = [
        _style("paragraph", "Normal", "Normal", "<w:qFormat/><w:pPr><w:widowControl/></w:pPr>", None, ' w:default="1"'),
        _style(
            "character",
            "DefaultParagraphFont",
            "Default Paragraph Font",
            '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>',
            None,
            ' w:default="1"',
        ),
        _style(
            "table",
            "TableNormal",
            "Normal Table",
            '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
            '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/>' + cell_mar.format(v=0, h=108) + "</w:tblPr>",
            None,
            ' w:default="1"',
        ),
        _style(
            "numbering",
            "NoList",
            "No List",
            '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>',
            None,
            ' w:default="1"',
        ),
        _style(
            "paragraph",
            "Title",
            "Title",
            '<w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/>'
            '<w:pPr><w:keepNext/><w:spacing w:before="0" w:after="120" w:line="240" w:lineRule="auto"/>'
            '<w:outlineLvl w:val="9"/></w:pPr>'
            '<w:rPr><w:b/><w:bCs/><w:kern w:val="28"/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr>',
        ),
        _style(
            "paragraph",
            "BriefType",
            "Brief Type",
            '<w:next w:val="Title"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:after="40"/></w:pPr>'
            f'<w:rPr><w:b/><w:bCs/><w:caps/><w:color w:val="{GREY}"/></w:rPr>',
        ),
        _style(
            "paragraph",
            "Metadata",
            "Metadata",
            '<w:qFormat/><w:pPr><w:keepNext/><w:tabs><w:tab w:val="left" w:pos="1701"/></w:tabs>'
            '<w:spacing w:after="0"/><w:ind w:left="1701" w:hanging="1701"/></w:pPr>',
        ),
        _style(
            "paragraph",
            "TitleBlockRule",
            "Title Block Rule",
            "<w:pPr><w:pBdr>" + _border("bottom", 8, "000000", 4) + "</w:pBdr>"
            '<w:spacing w:after="240" w:line="120" w:lineRule="exact"/></w:pPr>'
            '<w:rPr><w:sz w:val="8"/><w:szCs w:val="8"/></w:rPr>',
        ),
        _style(
            "paragraph",
            "Heading1",
            "heading 1",
            '<w:next w:val="NumberedParagraph"/><w:uiPriority w:val="9"/><w:qFormat/>'
            '<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/>'
            '<w:outlineLvl w:val="0"/></w:pPr>'
            '<w:rPr><w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>',
        ),
        _style(
            "paragraph",
            "Heading2",
            "heading 2",
            '<w:next w:val="NumberedParagraph"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/>'
            '<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="180" w:after="60"/>'
            '<w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr>',
        ),
        _style("paragraph", "BodyText", "Body Text", "<w:qFormat/>"),
        _style(
            "paragraph",
            "NumberedParagraph",
            "Numbered Paragraph",
            '<w:qFormat/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>',
        ),
        _style(
            "paragraph",
            "ListBullet",
            "List Bullet",
            '<w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/>'
            '</w:numPr><w:spacing w:after="60"/></w:pPr>',
        ),
        _style(
            "paragraph",
            "Quote",
            "Quote",
            '<w:next w:val="NumberedParagraph"/><w:uiPriority w:val="29"/><w:qFormat/>'
            "<w:pPr><w:keepLines/><w:pBdr>" + _border("left", 18, "B1B4B6", 8) + "</w:pBdr>"
            '<w:ind w:left="794" w:right="567"/></w:pPr>',
        ),
        _style(
            "paragraph",
            "Reference",
            "Reference",
            '<w:qFormat/><w:pPr><w:spacing w:after="60"/><w:ind w:left="567" w:hanging="567"/></w:pPr>'
            f"<w:rPr>{small}</w:rPr>",
        ),
        _style(
            "paragraph",
            "Caption",
            "caption",
            '<w:next w:val="Normal"/><w:uiPriority w:val="35"/><w:qFormat/>'
            '<w:pPr><w:keepNext/><w:spacing w:before="60" w:after="60"/></w:pPr>'
            f"<w:rPr><w:b/><w:bCs/>{small}</w:rPr>",
        ),
        _style(
            "paragraph",
            "TableText",
            "Table Text",
            f'<w:qFormat/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr>{small}</w:rPr>',
        ),
        _style(
            "paragraph",
            "TableHeading",
            "Table Heading",
            "<w:qFormat/><w:pPr><w:keepNext/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr>",
            "TableText",
        ),
        _style(
            "paragraph",
            "Marking",
            "Marking",
            '<w:qFormat/><w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr>'
            "<w:rPr><w:b/><w:bCs/><w:caps/></w:rPr>",
        ),
        _style(
            "paragraph",
            "Header",
            "header",
            '<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:tabs>'
            f'<w:tab w:val="center" w:pos="{TEXT_W // 2}"/><w:tab w:val="right" w:pos="{TEXT_W}"/></w:tabs>'
            '<w:spacing w:after="0"/></w:pPr>',
        ),
        _style(
            "paragraph",
            "Footer",
            "footer",
            '<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:spacing w:after="60"/>'
            f'<w:jc w:val="center"/></w:pPr><w:rPr><w:color w:val="{GREY}"/>{small}</w:rPr>',
        ),
        _style(
            "table",
            "PositionsTable",
            "Positions Table",
            '<w:uiPriority w:val="59"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            "<w:tblPr><w:tblBorders>"
            + "".join(
                _border(side, 4, "808080", 0) for side in ("top", "left", "bottom", "right", "insideH", "insideV")
            )
            + "</w:tblBorders>"
            + cell_mar.format(v=40, h=85)
            + "</w:tblPr>"
            '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr>'
            '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="E8E8E8"/></w:tcPr></w:tblStylePr>',
            "TableNormal",
        ),
    ]
    return (
        f'{XML_DECL}<w:styles xmlns:w="{W_NS}" xmlns:r="{R_NS}">{defaults}'
        '<w:latentStyles w:defLockedState="0" w:defUIPriority="99" w:defSemiHidden="0" '
        'w:defUnhideWhenUsed="0" w:defQFormat="0" w:count="376"/>'
        f"{''.join(styles)}</w:styles>"
    )


def numbering_xml() -> str:
    numbered = (
        '<w:abstractNum w:abstractNumId="0"><w:nsid w:val="4252434E"/><w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="NumberedParagraph"/>'
        '<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr>'
        "</w:lvl></w:abstractNum>"
    )
    bullets = (
        '<w:abstractNum w:abstractNumId="1"><w:nsid w:val="42524342"/><w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:pStyle w:val="ListBullet"/>'
        '<w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="851" w:hanging="284"/></w:pPr>'
        '<w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial" w:hint="default"/></w:rPr>'
        "</w:lvl></w:abstractNum>"
    )
    nums = (
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    )
    return f'{XML_DECL}<w:numbering xmlns:w="{W_NS}" xmlns:r="{R_NS}">{numbered}{bullets}{nums}</w:numbering>'


def settings_xml() -> str:
    return (
        f'{XML_DECL}<w:settings xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:zoom w:percent="100"/>'
        '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
        'w:val="15"/></w:compat><w:themeFontLang w:val="en-GB"/></w:settings>'
    )


def core_xml(look: Look) -> str:
    return (
        f"{XML_DECL}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(look.title)}</dc:title><dc:creator>briefcomposer</dc:creator>"
        "<cp:lastModifiedBy>briefcomposer</cp:lastModifiedBy><cp:revision>1</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{FIXED_DATE}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{FIXED_DATE}</dcterms:modified></cp:coreProperties>'
    )


def app_xml() -> str:
    return (
        f'{XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>briefcomposer</Application></Properties>"
    )


def content_types_xml() -> str:
    overrides = [
        ("/word/document.xml", f"{CT}.document.main+xml"),
        ("/word/styles.xml", f"{CT}.styles+xml"),
        ("/word/numbering.xml", f"{CT}.numbering+xml"),
        ("/word/settings.xml", f"{CT}.settings+xml"),
        *((f"/word/header{n}.xml", f"{CT}.header+xml") for n in (1, 2, 3)),
        *((f"/word/footer{n}.xml", f"{CT}.footer+xml") for n in (1, 2, 3)),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
    ]
    body = "".join(f'<Override PartName="{p}" ContentType="{c}"/>' for p, c in overrides)
    return (
        f'{XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{body}</Types>'
    )


def rels_xml(rels: list[tuple[str, str, str]]) -> str:
    body = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>' for i, t, target in rels)
    return f'{XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}</Relationships>'


def build(look: Look) -> bytes:
    """The bytes of one template, the same on every run and platform."""
    doc_rels = [
        ("rId1", f"{REL}/styles", "styles.xml"),
        ("rId2", f"{REL}/numbering", "numbering.xml"),
        ("rId3", f"{REL}/settings", "settings.xml"),
        *((f"rId{10 + k}", f"{REL}/header", f"header{k + 1}.xml") for k in range(3)),
        *((f"rId{20 + k}", f"{REL}/footer", f"footer{k + 1}.xml") for k in range(3)),
    ]
    parts = [
        ("[Content_Types].xml", content_types_xml()),
        (
            "_rels/.rels",
            rels_xml(
                [
                    ("rId1", f"{REL}/officeDocument", "word/document.xml"),
                    (
                        "rId2",
                        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                        "docProps/core.xml",
                    ),
                    ("rId3", f"{REL}/extended-properties", "docProps/app.xml"),
                ]
            ),
        ),
        ("docProps/core.xml", core_xml(look)),
        ("docProps/app.xml", app_xml()),
        ("word/document.xml", document_xml(look)),
        ("word/_rels/document.xml.rels", rels_xml(doc_rels)),
        ("word/styles.xml", styles_xml()),
        ("word/numbering.xml", numbering_xml()),
        ("word/settings.xml", settings_xml()),
        *((f"word/header{n}.xml", header_xml()) for n in (1, 2, 3)),
        *((f"word/footer{n}.xml", footer_xml()) for n in (1, 2, 3)),
    ]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            info.create_system = 0  # the same bytes whether built on Windows or POSIX
            zf.writestr(info, text.encode("utf-8"))
    return buf.getvalue()


def built_templates() -> dict[str, bytes]:
    """File name -> bytes of every built-in Word template."""
    return {f"{look.name}.docx": build(look) for look in LOOKS}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare with the committed files")
    parser.add_argument("--out", type=Path, default=TEMPLATES, help="folder to write to (default: templates/)")
    args = parser.parse_args(argv)
    stale = []
    for name, data in built_templates().items():
        target = args.out / name
        if args.check:
            if not target.is_file() or target.read_bytes() != data:
                stale.append(name)
        else:
            target.write_bytes(data)
    if stale:
        sys.stderr.write(f"out of date: {', '.join(stale)}; run tools/build_templates.py\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
