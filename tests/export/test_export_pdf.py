"""LibreOffice renders every export within its page budget; PdfError when it cannot."""

from __future__ import annotations

import subprocess
import sys

import pytest
from export_helpers import BUILT_IN, make_brief, soffice_or_skip

from briefcomposer.core import brief_ops
from briefcomposer.core.model import Position, Status, TextItem
from briefcomposer.export.docx_writer import export_docx
from briefcomposer.export.pdf import PdfError, convert_to_pdf, find_soffice
from briefcomposer.structures.templates import find_template


def _pages(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def _sample_sized(name: str):
    """The fixture brief topped up to ~25 items and 10 accepted positions."""
    brief = make_brief(name)
    if name == "uk-briefing-note":
        background = brief.section_by_key("background").id
        brief_ops.add_item(
            brief,
            background,
            TextItem(
                text="Russia's links with the rest of Europe and North "
                "America are fraught; dialogue keeps open the channels "
                "that manage risk."
            ),
        )
    actor, issue = brief.actors[0].id, brief.issues[2].id
    for stance in ("Allies should coordinate any new format.", "Track II can complement official channels."):
        brief_ops.add_position(brief, Position(actor, issue, stance, status=Status.ACCEPTED))
    return brief


@pytest.mark.parametrize("name", BUILT_IN)
def test_export_fits_its_page_budget(tmp_path, name):
    soffice_or_skip()
    docx = export_docx(_sample_sized(name), tmp_path / f"{name}.docx")
    pdf = convert_to_pdf(docx, tmp_path / f"{name}.pdf")
    assert pdf.stat().st_size > 1000
    budget = find_template(name).page_budget
    assert 1 <= _pages(pdf) <= budget


def test_no_soffice_raises_pdf_error(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFCOMPOSER_SOFFICE", "")
    assert find_soffice() is None
    with pytest.raises(PdfError, match="LibreOffice is not installed"):
        convert_to_pdf(tmp_path / "x.docx", tmp_path / "x.pdf")


@pytest.mark.skipif(sys.platform == "win32", reason="uses a shell script as a fake soffice")
@pytest.mark.parametrize(
    ("script", "match"),
    [("sleep 30", "took longer than 1 seconds"), ("echo 'Error: source file could not be loaded' >&2", "could not")],
)
def test_hung_or_failing_soffice_raises_pdf_error(tmp_path, monkeypatch, script, match):
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\n{script}\n")
    fake.chmod(0o755)
    monkeypatch.setenv("BRIEFCOMPOSER_SOFFICE", str(fake))
    source = tmp_path / "in.docx"
    source.write_bytes(b"not used")
    target = tmp_path / "out.pdf"
    with pytest.raises(PdfError, match=match):
        convert_to_pdf(source, target, timeout=1)
    assert not target.exists()
