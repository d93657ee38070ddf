"""export_docx: what the .docx holds, validated, reopened with python-docx."""

from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from export_helpers import BUILT_IN, TRICKY, craft_template, make_brief, paragraphs, validate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefcomposer.core.errors import TemplateError
from briefcomposer.core.model import Marking, Tier
from briefcomposer.export.docx_writer import export_docx, marking_problems, suggested_filename

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """Every built-in template exported once: name -> path."""
    folder = tmp_path_factory.mktemp("exported")
    return {name: export_docx(make_brief(name), folder / f"{name}.docx", author="Alex Officer") for name in BUILT_IN}


@pytest.mark.parametrize("name", BUILT_IN)
def test_every_built_in_export_validates(exported, name):
    assert validate(exported[name]) == ""


def test_briefing_note_paragraphs_have_real_styles(exported):
    got = paragraphs(exported["uk-briefing-note"])
    assert got[:8] == [
        ("Brief Type", "Briefing note"),
        ("Title", "Russia\u2013NATO dialogue"),
        ("Metadata", "Reference\tEUR-2026-0142"),
        ("Metadata", "To\tMinister for Europe"),
        ("Metadata", "From\tAlex Officer, Russia Unit"),
        ("Metadata", "Date\t29 November 2026"),
        ("Metadata", "Contact\talex.officer@fcdo.gov.uk, 020 7008 1234"),
        ("Title Block Rule", ""),
    ]
    headings = [text for style, text in got if style == "Heading 1"]
    assert headings == [
        "Summary", "Background", "Key issues", "Positions", "UK objectives", "Lines to take",
        "Defensive lines / Q&A", "Sources", "Contact",
    ]  # fmt: skip
    assert ("Numbered Paragraph", TRICKY) in got
    assert (
        "Quote",
        "\u201cstop talking past each other, and start talking with each other\u201d [1,\u00a0para\u00a05]",
    ) in got
    assert ("List Bullet", "Hold to NATO's open-door policy.") in got
    assert ("Numbered Paragraph", "Dialogue with Russia") in got
    assert (
        "Numbered Paragraph",
        "United Kingdom (UK role): Could play a significant role in new dialogue formats. [1,\u00a0para\u00a010]",
    ) in got
    assert ("Body Text", "Alex Officer, Russia Unit, alex.officer@fcdo.gov.uk, 020 7008 1234") in got
    references = [text for style, text in got if style == "Reference"]
    assert references[0].startswith("[1]\tSarah Lain, \u2018Dialogue Matters")
    assert (
        references[1]
        == "[2]\t\u2018NATO\u2013Russia Council: a short history & <notes>\u2019, House of Commons Library, 2 May 2024."
    )
    assert not any("{{" in text or "{%" in text or "[[briefcomposer" in text for _, text in got)


def test_numbering_comes_from_word_numbering_not_typed_digits(exported):
    document = docx.Document(str(exported["uk-briefing-note"]))
    numbered = [p for p in document.paragraphs if p.style.name == "Numbered Paragraph"]
    assert len(numbered) >= 10
    assert not any(p.text[:1].isdigit() for p in numbered)
    style_numpr = document.styles["Numbered Paragraph"].element.find(f"{W}pPr/{W}numPr")
    num_id = style_numpr.find(f"{W}numId").get(f"{W}val")
    numbering = document.part.numbering_part.element
    num = next(n for n in numbering.findall(f"{W}num") if n.get(f"{W}numId") == num_id)
    abstract_id = num.find(f"{W}abstractNumId").get(f"{W}val")
    abstract = next(a for a in numbering.findall(f"{W}abstractNum") if a.get(f"{W}abstractNumId") == abstract_id)
    assert abstract.find(f"{W}lvl/{W}numFmt").get(f"{W}val") == "decimal"
    # one list for the whole brief: numbering continues across sections
    assert not any(p._p.find(f"{W}pPr/{W}numPr") is not None for p in numbered)
    bullets = document.styles["List Bullet"].element.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val")
    assert bullets != num_id


def test_positions_table(exported):
    document = docx.Document(str(exported["uk-briefing-note"]))
    (table,) = document.tables
    assert table.style.name == "Positions Table"
    header = [c.text for c in table.rows[0].cells]
    assert header == ["Who", "Dialogue with Russia", "NATO enlargement", "UK role"]
    assert table.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None
    russia = [c.text for c in table.rows[2].cells]
    assert russia == [
        "Russia",
        "The West does not engage as much as Moscow thinks it should. [1,\u00a0para\u00a06]",
        "\u2013",
        "\u2013",
    ]
    assert {p.style.name for row in table.rows[1:] for c in row.cells for p in c.paragraphs} == {"Table Text"}


@pytest.mark.parametrize("name", BUILT_IN)
def test_marking_in_every_header_and_footer(exported, name):
    document = docx.Document(str(exported[name]))
    for section in document.sections:
        assert section.different_first_page_header_footer
        for hf in (
            section.header, section.first_page_header, section.even_page_header,
            section.footer, section.first_page_footer, section.even_page_footer,
        ):  # fmt: skip
            assert not hf.is_linked_to_previous
            shown = [p for p in hf.paragraphs if p.text == "OFFICIAL-SENSITIVE"]
            assert shown, hf
            style = shown[0].style
            assert style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
            assert style.font.all_caps
            assert style.font.bold


def test_core_properties(exported):
    props = docx.Document(str(exported["uk-briefing-note"])).core_properties
    assert props.title == "Russia\u2013NATO dialogue"
    assert props.subject == "UK briefing note"
    assert props.author == "Alex Officer"
    assert props.last_modified_by == "Alex Officer"
    assert props.category == "OFFICIAL-SENSITIVE"
    assert props.keywords == "Dialogue with Russia; NATO enlargement; UK role"
    assert props.language == "en-GB"
    assert props.created.date() >= dt.date(2026, 1, 2)


def test_no_comments_or_leftovers_in_package(exported):
    with zipfile.ZipFile(exported["uk-briefing-note"]) as zf:
        names = zf.namelist()
        document = zf.read("word/document.xml")
    assert not any("comments" in n for n in names)
    assert b"python-docx" not in zipfile.ZipFile(exported["uk-briefing-note"]).read("docProps/core.xml")
    assert b"<w:vanish" not in document
    assert b"<w:ins " not in document


def test_no_marking_cannot_be_exported(tmp_path):
    brief = make_brief()
    brief.marking = None
    target = tmp_path / "out.docx"
    with pytest.raises(TemplateError, match="OFFICIAL included"):
        export_docx(brief, target)
    assert not target.exists()


def test_failed_export_leaves_the_old_file(tmp_path, brief):
    target = tmp_path / "out.docx"
    target.write_bytes(b"the previous export")
    bad = craft_template(
        tmp_path / "bad.docx", replace={"word/header1.xml": lambda b: b.replace(b"{{ marking }}", b"")}
    )
    with pytest.raises(TemplateError, match="header of section 1 does not show the marking"):
        export_docx(brief, target, template=bad)
    assert target.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.docx", "out.docx"]  # no temporary file left


def test_marking_check_finds_unused_template_parts_ok(tmp_path, brief):
    """A template with only a default header and footer is fine: no other is in use."""

    def only_default(blob: bytes) -> bytes:
        blob = re.sub(rb'<w:(header|footer)Reference w:type="(first|even)" r:id="rId\d+"/>', b"", blob)
        return blob.replace(b"<w:titlePg/>", b"")

    plain = craft_template(tmp_path / "plain.docx", replace={"word/document.xml": only_default})
    out = export_docx(brief, tmp_path / "out.docx", template=plain)
    assert marking_problems(out.read_bytes(), "OFFICIAL-SENSITIVE") == []


def test_each_marking_is_shown_verbatim(tmp_path):
    marking = Marking(tier=Tier.SECRET, caveats=["UK EYES ONLY"])
    out = export_docx(make_brief(marking=marking), tmp_path / "s.docx")
    header = docx.Document(str(out)).sections[0].header
    assert [p.text for p in header.paragraphs] == ["SECRET UK EYES ONLY"]


def test_progress_is_reported(tmp_path, brief):
    calls = []
    export_docx(brief, tmp_path / "p.docx", progress=lambda done, total: calls.append((done, total)))
    assert calls[0] == (0, 5)
    assert calls[-1] == (5, 5)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_template_defaults_to_structure_then_briefing_note(tmp_path):
    brief = make_brief("lines-to-take")
    got = paragraphs(export_docx(brief, tmp_path / "l.docx"))
    assert got[0] == ("Brief Type", "Lines to take")
    brief.template_id = "no-such-structure"
    got = paragraphs(export_docx(brief, tmp_path / "d.docx"))
    assert got[0] == ("Brief Type", "Briefing note")


def test_template_leftovers_are_removed(tmp_path, brief):
    """Comments, tracked changes and hidden text in a template do not reach the brief."""
    extra = (
        b'<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Kept</w:t></w:r>'
        b'<w:ins w:id="1" w:author="a" w:date="2026-01-01T00:00:00Z">'
        b'<w:r><w:t xml:space="preserve"> inserted</w:t></w:r></w:ins>'
        b'<w:del w:id="2" w:author="a" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>deleted</w:delText></w:r></w:del>'
        b'<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r><w:commentRangeEnd w:id="0"/>'
        b'<w:r><w:commentReference w:id="0"/></w:r></w:p>'
    )
    comments = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b'<w:comment w:id="0" w:author="Reviewer"><w:p><w:r><w:t>Secret remark</w:t></w:r></w:p></w:comment>'
        b"</w:comments>"
    )
    rel = (
        b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'comments" Target="comments.xml"/></Relationships>'
    )
    ct = (
        b'<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        b'wordprocessingml.comments+xml"/></Types>'
    )
    template = craft_template(
        tmp_path / "t.docx",
        replace={
            "word/document.xml": lambda b: b.replace(b"<w:sectPr>", extra + b"<w:sectPr>"),
            "word/_rels/document.xml.rels": lambda b: b.replace(b"</Relationships>", rel),
            "[Content_Types].xml": lambda b: b.replace(b"</Types>", ct),
        },
        add={"word/comments.xml": comments},
    )
    out = export_docx(brief, tmp_path / "out.docx", template=template)
    assert paragraphs(out)[-1] == ("Normal", "Kept inserted")
    with zipfile.ZipFile(out) as zf:
        assert "word/comments.xml" not in zf.namelist()
        assert b"Secret remark" not in b"".join(zf.read(n) for n in zf.namelist())
    assert validate(out) == ""


@pytest.mark.parametrize(
    ("title", "marking", "expected"),
    [
        (
            "Russia\u2013NATO dialogue",
            Marking(sensitive=True),
            "2026-11-29 OFFICIAL-SENSITIVE Russia-NATO dialogue.docx",
        ),
        ("Q&A: what? <now>/later", Marking(), "2026-11-29 OFFICIAL Q&A what now-later.docx"),
        (
            "  Trailing dots...  ",
            Marking(tier=Tier.SECRET, caveats=["UK/US EYES ONLY"]),
            "2026-11-29 SECRET UK-US EYES ONLY Trailing dots.docx",
        ),
        ("", Marking(), "2026-11-29 OFFICIAL Untitled brief.docx"),
        ('Line\nbreak\t"quoted" \u2014 em', None, "2026-11-29 Line break quoted - em.docx"),
    ],
)
def test_suggested_filename(brief, title, marking, expected):
    brief.title, brief.marking = title, marking
    assert suggested_filename(brief) == expected


GOLDEN = Path(__file__).with_name("data") / "uk-briefing-note.document.xml"


def test_briefing_note_body_matches_golden_xml(exported):
    """The default template's document.xml, pretty-printed; BRIEFCOMPOSER_REGOLD=1 rewrites it."""
    from lxml import etree

    with zipfile.ZipFile(exported["uk-briefing-note"]) as zf:
        got = etree.tostring(etree.fromstring(zf.read("word/document.xml")), pretty_print=True, encoding="unicode")
    if os.environ.get("BRIEFCOMPOSER_REGOLD") == "1":
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(got, "utf-8")
    assert got == GOLDEN.read_text("utf-8")


def test_body_marker_in_a_table_cell(tmp_path, brief):
    """A department may put {{ body }} in a layout table; the cell must still end with a paragraph."""

    def in_cell(blob: bytes) -> bytes:
        start = blob.index(b'<w:p><w:pPr><w:pStyle w:val="BodyText"/></w:pPr><w:r><w:t>{{ body }}')
        end = blob.index(b"</w:p>", start) + len(b"</w:p>")
        cell = (
            b'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="9638"/></w:tblGrid>'
            b'<w:tr><w:tc><w:tcPr><w:tcW w:w="9638" w:type="dxa"/></w:tcPr>'
            + blob[start:end]
            + b"</w:tc></w:tr></w:tbl>"
        )
        return blob[:start] + cell + b"<w:p/>" + blob[end:]

    template = craft_template(tmp_path / "t.docx", replace={"word/document.xml": in_cell})
    positions = brief.section_by_key("positions")
    positions.items = positions.items[:1]
    brief.sections = [positions]  # the body ends with the positions table
    for position in brief.positions:
        position.evidence = []  # nothing cited, so no Sources section follows
    out = export_docx(brief, tmp_path / "out.docx", template=template)
    assert validate(out) == ""
    cell = docx.Document(str(out)).tables[0].cell(0, 0)._tc
    assert [el.tag.split("}")[1] for el in cell] == ["tcPr", "p", "p", "tbl", "p"]


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), min_size=1, max_size=80
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT)
def test_any_text_survives_export(text):
    """Whatever an officer types (markup, emoji, control characters) comes out as typed, minus
    the characters XML cannot hold, and the file stays valid."""
    import io
    import unicodedata

    from hypothesis import assume

    from briefcomposer.export.docx_writer import export_bytes

    assume(text.strip(" \t\n,.;:-\u2013\u2014"))
    brief = make_brief()
    brief.section_by_key("summary").items[0].text = text
    document = docx.Document(io.BytesIO(export_bytes(brief)))
    expected = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", unicodedata.normalize("NFC", text.strip()))
    numbered = [p.text for p in document.paragraphs if p.style.name == "Numbered Paragraph"]
    assert numbered[0] == expected


def test_a_brief_from_a_shared_folders_structure_exports_with_that_structures_word_look(tmp_path):
    """The export looked for the brief's structure in the built-in and user folders only: a brief
    started from a team's template exported with the briefing note's look and subject."""
    import json
    import shutil

    from briefcomposer.paths import bundled_dir

    team = tmp_path / "team"
    team.mkdir()
    submission = json.loads((bundled_dir("templates") / "ministerial-submission.json").read_text("utf-8"))
    submission.update(name="velmora-submission", title="Velmora desk submission")
    submission.pop("word_template", None)
    (team / "velmora-submission.json").write_text(json.dumps(submission), "utf-8")
    shutil.copy(bundled_dir("templates") / "ministerial-submission.docx", team / "velmora-submission.docx")
    brief = make_brief("ministerial-submission")
    brief.template_id = "velmora-submission"
    ours = export_docx(brief, tmp_path / "team.docx", shared=[team])
    theirs = export_docx(brief, tmp_path / "theirs.docx", template=team / "velmora-submission.docx")
    assert paragraphs(ours) == paragraphs(theirs)
    assert docx.Document(str(ours)).core_properties.subject == "Velmora desk submission"
    default = export_docx(brief, tmp_path / "default.docx")  # without the folder: the default look
    assert paragraphs(default) != paragraphs(ours)
