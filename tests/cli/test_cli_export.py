"""`briefcomposer export` and `templates check`, run in a subprocess as an officer would."""

from __future__ import annotations

import datetime as dt
import shutil

import docx
import pytest
from test_cli import run

from briefcomposer import storage
from briefcomposer.compose import brief_from_sources
from briefcomposer.core.model import Marking
from briefcomposer.sources import load_sample
from briefcomposer.structures import find_template

SENSITIVE = Marking(sensitive=True)


def _brief_file(tmp_path, marking: Marking | None = SENSITIVE):
    brief = brief_from_sources(find_template("uk-briefing-note"), [load_sample()], draft=True)
    brief.marking, brief.title, brief.date = marking, "Russia–NATO dialogue", dt.date(2026, 11, 29)
    path = tmp_path / "desk.brief"
    storage.save(brief, path)
    return path


def _marking_everywhere(path) -> set[str]:
    document = docx.Document(str(path))
    texts = set()
    for section in document.sections:
        for part in (section.header, section.footer):
            texts.add(" ".join(p.text for p in part.paragraphs if p.text.strip()))
    return texts


def test_export_sample_writes_a_word_brief(tmp_path):
    target = tmp_path / "sample.docx"
    out = run("export", "--sample", "--author", "A. Officer", "-o", str(target))
    assert out.returncode == 0, out.stderr
    document = docx.Document(str(target))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:3] == ["Summary", "Background", "Key issues"]
    assert "Sources" in headings
    assert document.core_properties.author == "A. Officer"
    assert all("OFFICIAL" in t for t in _marking_everywhere(target))


def test_export_brief_with_suggested_name_next_to_it(tmp_path):
    path = _brief_file(tmp_path)
    out = run("export", str(path))
    assert out.returncode == 0, out.stderr
    expected = tmp_path / "2026-11-29 OFFICIAL-SENSITIVE Russia-NATO dialogue.docx"
    assert expected.is_file(), [p.name for p in tmp_path.iterdir()]
    assert all("OFFICIAL-SENSITIVE" in t for t in _marking_everywhere(expected))


@pytest.mark.parametrize("template", ["ministerial-submission", "lines-to-take", "meeting-brief"])
def test_export_through_each_built_in_template(tmp_path, template):
    target = tmp_path / f"{template}.docx"
    out = run("export", "--sample", "--template", template, "-o", str(target))
    assert out.returncode == 0, out.stderr
    assert docx.Document(str(target)).paragraphs


def test_brief_without_marking_is_refused_and_nothing_written(tmp_path):
    path = _brief_file(tmp_path, marking=None)
    target = tmp_path / "out.docx"
    out = run("export", str(path), "-o", str(target))
    assert out.returncode == 1
    assert "marking" in out.stderr
    assert not target.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--template", "no-such-template"), "no template named"),
        (("--template", "{tmp}/missing.docx"), "no Word template"),
        (("-o", "{tmp}/no/such/folder/out.docx"), "No such file"),
    ],
)
def test_export_failures_exit_1_with_a_reason(tmp_path, args, message):
    path = _brief_file(tmp_path)
    full = ["export", str(path), *(a.format(tmp=tmp_path) for a in args)]
    if "-o" not in full:
        full += ["-o", str(tmp_path / "out.docx")]
    out = run(*full)
    assert out.returncode == 1
    assert message in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_failed_export_keeps_the_previous_file(tmp_path):
    path = _brief_file(tmp_path, marking=None)
    target = tmp_path / "out.docx"
    target.write_bytes(b"previous export")
    assert run("export", str(path), "-o", str(target)).returncode == 1
    assert target.read_bytes() == b"previous export"


def test_templates_check_passes_built_ins_and_fails_broken_files(tmp_path):
    from briefcomposer.paths import bundled_dir

    good = run("templates", "check", str(bundled_dir("templates") / "uk-briefing-note.docx"))
    assert good.returncode == 0, good.stdout + good.stderr
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"this is not a zip")
    bad = run("templates", "check", str(broken))
    assert bad.returncode == 1
    assert "error" in bad.stdout


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_export_pdf_through_libreoffice(tmp_path):
    target = tmp_path / "s.docx"
    out = run("export", "--sample", "--pdf", "-o", str(target))
    assert out.returncode == 0, out.stderr
    assert target.with_suffix(".pdf").read_bytes().startswith(b"%PDF")


def test_export_pdf_without_libreoffice_says_so(tmp_path):
    target = tmp_path / "s.docx"
    # BRIEFCOMPOSER_SOFFICE naming no file means "LibreOffice is not installed"
    out = run("export", "--sample", "--pdf", "-o", str(target), env={"BRIEFCOMPOSER_SOFFICE": str(tmp_path / "none")})
    assert out.returncode == 1
    assert "LibreOffice is not installed" in out.stderr
    assert target.is_file()  # the .docx was still written
