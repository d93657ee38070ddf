"""check_template: what a department's template gets wrong, with locations."""

from __future__ import annotations

import re

import pytest
from export_helpers import BUILT_IN, built_in_template, craft_template, make_brief, paragraphs, with_title_tag

from briefcomposer.export.check import check_template
from briefcomposer.export.docx_writer import export_docx


@pytest.mark.parametrize("name", BUILT_IN)
def test_built_in_templates_have_no_problems(name):
    assert check_template(built_in_template(name)) == []


def test_syntax_error_is_reported_with_its_paragraph(tmp_path):
    problems = check_template(with_title_tag(tmp_path / "t.docx", "{{ title | }}"))
    assert [p.severity for p in problems] == ["error"]
    assert problems[0].message.startswith("word/document.xml, paragraph 2 ('{{ title | }}")
    assert "Jinja syntax error" in problems[0].message


def test_unknown_variable_is_reported(tmp_path):
    (problem,) = check_template(with_title_tag(tmp_path / "t.docx", "{{ minister }}"))
    assert problem.severity == "error"
    assert problem.message.startswith("word/document.xml, paragraph 2 ('{{ minister }}")
    assert problem.message.endswith(
        "the tag uses 'minister', which the exporter does not provide (see templates/README.md)"
    )


def test_loop_variables_are_not_reported(tmp_path):
    tag = "{% for s in sections %}{{ s.heading }}{% endfor %}"
    assert check_template(with_title_tag(tmp_path / "t.docx", tag)) == []


def _split_title(blob: bytes) -> bytes:
    """Word's habit: one tag typed in several goes ends up in several runs."""
    return blob.replace(
        b"<w:t>{{ title }}</w:t></w:r>", b"<w:t>{{ ti</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>tle }}</w:t></w:r>"
    )


def test_tag_split_across_runs_is_a_warning_and_still_exports(tmp_path):
    template = craft_template(tmp_path / "t.docx", replace={"word/document.xml": _split_title})
    (problem,) = check_template(template)
    assert problem.severity == "warning"
    assert "split the tag '{{ title }}' across 2 runs" in problem.message
    out = export_docx(make_brief(), tmp_path / "out.docx", template=template)
    assert paragraphs(out)[1] == ("Title", "Russia\u2013NATO dialogue")


def test_tag_split_across_paragraphs_is_an_error(tmp_path):
    def split(blob: bytes) -> bytes:
        return blob.replace(
            b"<w:t>{{ title }}</w:t></w:r></w:p>", b"<w:t>{{ title</w:t></w:r></w:p><w:p><w:r><w:t>}}</w:t></w:r></w:p>"
        )

    problems = check_template(craft_template(tmp_path / "t.docx", replace={"word/document.xml": split}))
    assert problems
    assert problems[0].severity == "error"
    assert any("starts or ends in another paragraph" in p.message for p in problems)


def test_missing_styles_are_reported(tmp_path):
    def drop(blob: bytes) -> bytes:
        return re.sub(rb'<w:style w:type="paragraph" w:styleId="Quote">.*?</w:style>', b"", blob)

    problems = check_template(craft_template(tmp_path / "t.docx", replace={"word/styles.xml": drop}))
    assert [p.message for p in problems] == [
        "word/styles.xml: the paragraph style 'Quote', which the exporter uses, is missing"
    ]


def test_header_without_marking_is_reported(tmp_path):
    template = craft_template(
        tmp_path / "t.docx", replace={"word/footer2.xml": lambda b: b.replace(b"{{ marking }}", b"OFFICIAL")}
    )
    (problem,) = check_template(template)
    assert problem.message == "the first-page footer of section 1 does not show {{ marking }}"


def test_missing_body_paragraph_is_reported(tmp_path):
    template = craft_template(
        tmp_path / "t.docx", replace={"word/document.xml": lambda b: b.replace(b"{{ body }}", b"Body goes here")}
    )
    (problem,) = check_template(template)
    assert "no paragraph holds {{ body }}" in problem.message


def test_paragraph_tag_sharing_a_paragraph_is_a_warning(tmp_path):
    template = craft_template(
        tmp_path / "t.docx",
        replace={"word/document.xml": lambda b: b.replace(b"{%p if reference %}", b"Ref: {%p if reference %}", 1)},
    )
    (problem,) = check_template(template)
    assert problem.severity == "warning"
    assert "removes its whole paragraph" in problem.message


def test_errors_come_before_warnings(tmp_path):
    def both(blob: bytes) -> bytes:
        return _split_title(blob).replace(b"{{ date }}", b"{{ when }}")

    problems = check_template(craft_template(tmp_path / "t.docx", replace={"word/document.xml": both}))
    assert [p.severity for p in problems] == ["error", "warning"]
    assert str(problems[0]).startswith("error: word/document.xml, paragraph")
