"""An exported .docx holds only what the brief shows, and links only to the web or mail.

Every export (each built-in template, and a template left full of comments, tracked
changes, hidden text and properties) is unzipped and every part is searched for:
text of deleted items, issues, positions and sources; source paragraphs nobody quoted;
suggested and rejected positions; the template's comments, revisions, hidden text,
author, company, custom properties, thumbnail and custom XML; "python-docx"; and the
file paths of this machine (temp folder, home, working folder, the project).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from reliability_harness import SAFE_LINK, build_brief, dirty_template, leak_checks, machine_paths

from briefcomposer.core import brief_ops
from briefcomposer.core.model import QuoteItem, Source
from briefcomposer.export import docx_writer, safety
from briefcomposer.export.docx_writer import export_docx

BUILT_IN = ("uk-briefing-note", "ministerial-submission", "lines-to-take", "meeting-brief")
_LINK = re.compile(SAFE_LINK, re.I)


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def _check_export(path: Path, tmp_path: Path) -> int:
    """Assert every leak check (`reliability_harness.leak_checks`) passes; return how many ran."""
    checks, problems = leak_checks(path, machine_paths(tmp_path))
    assert problems == []
    return checks


@pytest.fixture(scope="module", autouse=True)
def _in_process_render():
    """Render the built-in and crafted templates in this process (same code, no spawn)."""
    real = docx_writer.render_bounded
    docx_writer.render_bounded = lambda data, context, timeout=None: docx_writer.render_template(data, context)
    yield
    docx_writer.render_bounded = real


@pytest.mark.parametrize("template_id", BUILT_IN)
def test_export_holds_only_what_the_brief_shows(tmp_path, template_id):
    brief = build_brief(template_id, with_deleted=True)
    assert any("UNQUOTEDSECRET" in p for s in brief.sources for p in s.paragraphs)  # it is there to leak
    out = export_docx(brief, tmp_path / "brief.docx", author="Alex Officer")
    assert _check_export(out, tmp_path) > 50
    core = _parts(out)["docProps/core.xml"].decode()
    assert "<dc:creator>Alex Officer</dc:creator>" in core
    assert "<cp:lastModifiedBy>Alex Officer</cp:lastModifiedBy>" in core


def test_template_leftovers_do_not_reach_the_export(tmp_path):
    template = tmp_path / "dirty.docx"
    template.write_bytes(dirty_template())
    assert sum(b"TEMPLATESECRET" in blob for blob in _parts(template).values()) >= 6  # it is there to leak
    out = export_docx(build_brief(with_deleted=True), tmp_path / "brief.docx", template=template)
    _check_export(out, tmp_path)
    document = _parts(out)["word/document.xml"].decode()
    assert "Inserted and kept" in document  # insertions are accepted
    assert "Commented" in document  # the commented text stays; the comment goes
    assert _parts(out)["docProps/app.xml"] == docx_writer.APP_XML  # only the application name


def test_author_is_never_python_docx(tmp_path):
    brief = build_brief()
    brief.sender = ""
    out = export_docx(brief, tmp_path / "brief.docx")
    core = _parts(out)["docProps/core.xml"].decode()
    assert "python-docx" not in core.lower()
    assert "<dc:creator" not in core or re.search(r"<dc:creator>\s*</dc:creator>|<dc:creator/>", core)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.cookie)",
        "file:///etc/passwd",
        "\\\\evil.example\\share\\x.docx",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "https://rusi.org/ok",
        "mailto:press@example.org",
    ],
)
def test_source_urls_never_become_other_links(tmp_path, url):
    brief = build_brief()
    source = Source(title="Linked source", paragraphs=["Words worth quoting here."], url=url)
    brief_ops.add_source(brief, source)
    brief_ops.add_item(brief, brief.sections[0].id, QuoteItem(excerpt=source.excerpt_of(0, "worth quoting")))
    out = export_docx(brief, tmp_path / "brief.docx")
    parts = _parts(out)
    for name, blob in parts.items():
        if name.endswith(".rels"):
            for target in re.findall(rb'Target="([^"]*)"[^>]*TargetMode="External"', blob):
                assert _LINK.match(target.decode()), f"{name} links to {target!r}"
        if name.startswith("word/") and name.endswith(".xml"):
            for instr in re.findall(rb'instr="([^"]*)"|<w:instrText[^>]*>([^<]*)<', blob):
                code = b"".join(instr).decode()
                assert "HYPERLINK" not in code.upper() or _LINK.search(code.split('"')[1] if '"' in code else "")
            assert b"<w:hyperlink" not in blob or url.startswith(("https:", "mailto:"))


def test_rendered_bytes_pass_the_package_checks_for_every_template(tmp_path):
    """The exporter re-checks its own output with the template safety checks: links included."""
    for template_id in BUILT_IN:
        data = docx_writer.export_bytes(build_brief(template_id), in_process=True)
        assert safety.package_problems(data, "export", max_ratio=None) == []
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            assert all(not n.startswith(("/", "..")) for n in zf.namelist())
