"""A template cannot hide the protective marking through its formatting.

Each hostile template is the built-in briefing note with one change to its styles,
headers or main text; the export must refuse it and `templates check` must report it
as an error. Formatting that leaves the marking readable still exports, and the file
read back shows it.
"""

from __future__ import annotations

import re

import docx
import pytest
from export_helpers import BUILT_IN, craft_template, make_brief, validate

from briefcomposer.core.errors import TemplateError
from briefcomposer.export.check import check_template
from briefcomposer.export.docx_writer import export_docx, marking_problems

HEADERS = ("word/header1.xml", "word/header2.xml", "word/header3.xml")
FOOTERS = ("word/footer1.xml", "word/footer2.xml", "word/footer3.xml")
CHAR_STYLE = (
    b'<w:style w:type="character" w:styleId="MarkingText"><w:name w:val="Marking Text"/>'
    b"<w:rPr><w:vanish/></w:rPr></w:style>"
)
FIELD = (  # the marking as the shown result of a field that Word recalculates to nothing
    b'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> IF 1 = 2 x </w:instrText>'
    b'</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{{ marking }}</w:t></w:r>'
    b'<w:r><w:fldChar w:fldCharType="end"/></w:r>'
)
BODY_MARKING = b'<w:p><w:pPr><w:pStyle w:val="Marking"/></w:pPr><w:r>RPR<w:t>{{ marking }}</w:t></w:r></w:p>'


def style(style_id: str = "Marking", rpr: bytes = b"", ppr: bytes = b""):  # type: ignore[no-untyped-def]
    """A styles.xml change: `rpr` appended to the style's run properties, `ppr` put
    first in its paragraph properties (both created when missing)."""

    def change(blob: bytes) -> bytes:
        match = re.search(rb'<w:style [^>]*w:styleId="' + style_id.encode() + rb'"[^>]*>.*?</w:style>', blob, re.S)
        assert match, style_id
        text = match.group(0)
        if rpr:
            text = (
                text.replace(b"</w:rPr>", rpr + b"</w:rPr>")
                if b"<w:rPr>" in text
                else text.replace(b"</w:style>", b"<w:rPr>" + rpr + b"</w:rPr></w:style>")
            )
        if ppr:
            text = (
                text.replace(b"<w:pPr>", b"<w:pPr>" + ppr)
                if b"<w:pPr>" in text
                else text.replace(b"<w:rPr>", b"<w:pPr>" + ppr + b"</w:pPr><w:rPr>")
            )
        return blob[: match.start()] + text + blob[match.end() :]

    return {"word/styles.xml": change}


def line_height(twentieths: int):  # type: ignore[no-untyped-def]
    """A styles.xml change: the Marking style's lines exactly `twentieths` of a point high."""

    def change(blob: bytes) -> bytes:
        old = b'<w:spacing w:after="0"/><w:jc w:val="center"/>'
        assert blob.count(old) == 1
        return blob.replace(
            old, b'<w:spacing w:after="0" w:line="%d" w:lineRule="exact"/><w:jc w:val="center"/>' % twentieths
        )

    return {"word/styles.xml": change}


def in_parts(parts, old: bytes, new: bytes):  # type: ignore[no-untyped-def]
    def change(blob: bytes) -> bytes:
        assert old in blob
        return blob.replace(old, new)

    return dict.fromkeys(parts, change)


def with_char_style() -> dict:  # type: ignore[type-arg]
    """The header and footer markings in a hidden character style."""
    changes = in_parts(HEADERS + FOOTERS, b"<w:r><w:t>{{ marking }}", b'<w:r><w:rPr><w:rStyle w:val="MarkingText"/>'
                       b"</w:rPr><w:t>{{ marking }}")  # fmt: skip
    changes["word/styles.xml"] = lambda blob: blob.replace(b"</w:styles>", CHAR_STYLE + b"</w:styles>")
    return changes


def body_marking(rpr: bytes) -> dict:  # type: ignore[type-arg]
    """A marking paragraph at the top of the main text, with run properties `rpr`."""
    return in_parts(["word/document.xml"], b"<w:body>", b"<w:body>" + BODY_MARKING.replace(b"RPR", rpr))


HOSTILE = {
    # name: (template changes, what the message says)
    "hidden style": (style(rpr=b"<w:vanish/>"), "the Word style 'Marking' makes it hidden text"),
    "hidden base style": (style("Normal", rpr=b"<w:vanish/>"), "the Word style 'Normal' makes it hidden text"),
    "hidden by default": (
        {"word/styles.xml": lambda b: b.replace(b"<w:rPrDefault><w:rPr>", b"<w:rPrDefault><w:rPr><w:vanish/>")},
        "the template's default formatting makes it hidden text",
    ),
    "special hidden style": (style(rpr=b"<w:specVanish/>"), "makes it hidden text"),
    "web-hidden style": (style(rpr=b"<w:webHidden/>"), "hides it in Web Layout view"),
    "hidden character style": (with_char_style(), "the Word style 'Marking Text' makes it hidden text"),
    "white style": (style(rpr=b'<w:color w:val="FFFFFF"/>'), "makes it white on a white background"),
    "near-white style": (style(rpr=b'<w:color w:val="F2F2F2"/>'), "too faint to read"),
    "background theme colour": (
        style(rpr=b'<w:color w:val="000000" w:themeColor="background1"/>'),
        "makes it white on a white background",
    ),
    "black on black highlight": (
        style(rpr=b'<w:color w:val="000000"/><w:highlight w:val="black"/>'),
        "colour 000000 on a colour 000000 background",
    ),
    "white on white shading": (
        style(rpr=b'<w:color w:val="FFFFFF"/>', ppr=b'<w:shd w:val="clear" w:color="auto" w:fill="000000"/>')
        | in_parts(HEADERS, b"<w:pStyle", b'<w:shd w:val="clear" w:color="auto" w:fill="FFFFFF"/><w:pStyle'),
        "white on a white background",
    ),
    "1 pt style": (style(rpr=b'<w:sz w:val="2"/><w:szCs w:val="2"/>'), "sets it in 1 pt type"),
    "tiny superscript": (style(rpr=b'<w:sz w:val="16"/><w:vertAlign w:val="superscript"/>'), "too small to read"),
    "symbol font": (style(rpr=b'<w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/>'), "the font Wingdings"),
    "squeezed letters": (style(rpr=b'<w:spacing w:val="-200"/>'), "squeezes its letters"),
    "1 pt exact line": (line_height(20), "exact line height of 1 pt"),
    "7 pt exact line": (line_height(140), "exact line height of 7 pt"),
    "squeezed width": (style(rpr=b'<w:w w:val="10"/>'), "squeezes it to 10% of its width"),
    "white and tiny run": (
        in_parts(
            HEADERS,
            b"<w:r><w:t>{{ marking }}",
            b'<w:r><w:rPr><w:color w:val="FFFFFF"/><w:sz w:val="2"/></w:rPr><w:t>{{ marking }}',
        ),  # fmt: skip
        "formatting applied directly to the text sets it in 1 pt type",
    ),
    "field result": (
        in_parts(HEADERS + FOOTERS, b"<w:r><w:t>{{ marking }}</w:t></w:r>", FIELD),
        "the result of a Word field",
    ),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_export_refuses_a_template_that_hides_the_marking(tmp_path, name):
    changes, reason = HOSTILE[name]
    template = craft_template(tmp_path / "t.docx", replace=changes)
    target = tmp_path / "out.docx"
    with pytest.raises(TemplateError, match="marking check failed") as caught:
        export_docx(make_brief(), target, template=template)
    message = str(caught.value)
    assert "hides the marking OFFICIAL-SENSITIVE: " in message
    assert reason in message
    assert message.count("(and ") <= 1  # one sentence naming the first place, with a count of the others
    assert not target.exists()


@pytest.mark.parametrize("name", HOSTILE)
def test_template_check_reports_a_hidden_marking_as_an_error(tmp_path, name):
    changes, reason = HOSTILE[name]
    problems = check_template(craft_template(tmp_path / "t.docx", replace=changes))
    hidden = [p for p in problems if "hides {{ marking }}" in p.message]
    assert hidden, problems
    assert all(p.severity == "error" for p in hidden)
    assert reason in hidden[0].message


def test_every_hidden_header_and_footer_is_named(tmp_path):
    template = craft_template(tmp_path / "t.docx", replace=style(rpr=b"<w:vanish/>"))
    problems = [p.message for p in check_template(template)]
    assert [m.split(" hides ")[0] for m in problems] == [
        "the header of section 1",
        "the first-page header of section 1",
        "the even-page header of section 1",
        "the footer of section 1",
        "the first-page footer of section 1",
        "the even-page footer of section 1",
    ]


def test_hidden_marking_in_the_main_text_is_refused(tmp_path):
    template = craft_template(tmp_path / "t.docx", replace=body_marking(b'<w:rPr><w:color w:val="FFFFFF"/></w:rPr>'))
    with pytest.raises(TemplateError, match="the main text hides the marking OFFICIAL-SENSITIVE: .* white"):
        export_docx(make_brief(), tmp_path / "out.docx", template=template)
    (problem,) = check_template(template)
    assert problem.severity == "error"
    assert problem.message.startswith("the main text hides {{ marking }}: ")


def test_visible_marking_in_the_main_text_exports(tmp_path):
    template = craft_template(tmp_path / "t.docx", replace=body_marking(b""))
    assert check_template(template) == []
    out = export_docx(make_brief(), tmp_path / "out.docx", template=template)
    assert docx.Document(str(out)).paragraphs[0].text == "OFFICIAL-SENSITIVE"
    assert validate(out) == ""


READABLE = {
    "grey footer style": style(rpr=b'<w:color w:val="505A5F"/>'),
    "hidden text turned off on the run": style(rpr=b"<w:vanish/>")
    | in_parts(
        HEADERS + FOOTERS, b"<w:r><w:t>{{ marking }}", b'<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>{{ marking }}'
    ),  # fmt: skip
    "automatic colour on black shading": style(ppr=b'<w:shd w:val="clear" w:color="auto" w:fill="000000"/>'),
    "white on red shading": style(
        rpr=b'<w:color w:val="FFFFFF"/>', ppr=b'<w:shd w:val="clear" w:color="auto" w:fill="C00000"/>'
    ),
    "8 pt": style(rpr=b'<w:sz w:val="16"/><w:szCs w:val="16"/>'),
    "exact 12 pt line": line_height(240),
}


@pytest.mark.parametrize("name", READABLE)
def test_readable_marking_formatting_still_exports(tmp_path, name):
    template = craft_template(tmp_path / "t.docx", replace=READABLE[name])
    assert check_template(template) == []
    out = export_docx(make_brief(), tmp_path / "out.docx", template=template)
    assert marking_problems(out.read_bytes(), "OFFICIAL-SENSITIVE") == []
    assert validate(out) == ""


def test_brief_text_mentioning_the_marking_is_not_taken_for_one(tmp_path):
    """The brief's own paragraphs are the exporter's, not the template's: a hidden-looking
    style there does not stop the export, and the real markings are still checked."""
    template = craft_template(tmp_path / "t.docx", replace=style("Heading1", rpr=b"<w:vanish/>"))
    brief = make_brief()
    brief.sections[0].heading = "Handling OFFICIAL-SENSITIVE material"
    export_docx(brief, tmp_path / "out.docx", template=template)


@pytest.mark.parametrize("name", BUILT_IN)
def test_built_in_markings_are_visible(tmp_path, name):
    out = export_docx(make_brief(name), tmp_path / "out.docx")
    assert marking_problems(out.read_bytes(), "OFFICIAL-SENSITIVE") == []
