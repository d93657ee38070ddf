"""Fixtures for the importer tests: small PDFs written by hand, .docx files built with python-docx."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(pages: list[list[str]], title: str | None = None, author: str | None = None) -> bytes:
    """A PDF whose page i shows the lines `pages[i]`, top to bottom; "" leaves a blank line."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_id = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for lines in pages:
        ops = ["BT", "/F1 11 Tf", "14 TL", "72 760 Td"]
        for line in lines:
            ops.append(f"({_escape(line)}) Tj T*" if line else "T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("cp1252")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, content, font)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    objects[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    info = None
    if title or author:
        fields = []
        if title:
            fields.append(b"/Title (%s)" % _escape(title).encode("cp1252"))
        if author:
            fields.append(b"/Author (%s)" % _escape(author).encode("cp1252"))
        info = add(b"<< " + b" ".join(fields) + b" >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    trailer = b"<< /Size %d /Root %d 0 R" % (len(objects) + 1, catalog)
    if info:
        trailer += b" /Info %d 0 R" % info
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


@pytest.fixture
def pdf_file(tmp_path: Path) -> Callable[..., Path]:
    """`pdf_file(pages, title=None, author=None, name="doc.pdf")` writes a PDF and returns its path."""

    def write(pages: list[list[str]], title: str | None = None, author: str | None = None, name: str = "doc.pdf"):
        path = tmp_path / name
        path.write_bytes(make_pdf(pages, title=title, author=author))
        return path

    return write


@pytest.fixture
def pdf_bytes() -> Callable[..., bytes]:
    """`make_pdf` itself, for tests that need the bytes (conftest modules are not importable)."""
    return make_pdf


@pytest.fixture
def problems() -> list[str]:
    """Pass `problems.append` as `on_problem` and inspect the warnings."""
    return []
