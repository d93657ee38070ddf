"""Word (.docx) importer: documents built with python-docx in tmp_path, and hostile packages."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from briefcomposer.core.errors import SourceError
from briefcomposer.sources import load


def _document(title: str | None = None, author: str | None = None):
    document = docx.Document()
    if title is not None:
        document.core_properties.title = title
    if author is not None:
        document.core_properties.author = author
    return document


def _save(document, tmp_path, name="doc.docx"):
    path = tmp_path / name
    document.save(path)
    return path


def test_paragraphs_headings_and_tables(tmp_path):
    document = _document(title="Defence Review", author="Jane Smith")
    document.add_paragraph("The review begins today.")
    document.add_heading("Background", level=1)
    document.add_paragraph("It was announced\tby the Prime Minister.")
    document.add_paragraph("")
    document.add_heading("Detail", level=2)
    table = document.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "Year", (0, 1): "Budget", (1, 0): "2025", (1, 1): "£60bn"}.items():
        table.cell(r, c).text = text
    document.add_paragraph("A list item", style="List Bullet")
    source = load(_save(document, tmp_path))
    assert (source.title, source.author) == ("Defence Review", "Jane Smith")
    assert source.paragraphs == [
        "The review begins today.",
        "Background",
        "It was announced by the Prime Minister.",
        "Detail",
        "Year | Budget",
        "2025 | £60bn",
        "A list item",
    ]
    assert source.headings == [1, 3]
    assert (source.date, source.url, source.retrieved) == (None, None, None)


@pytest.mark.parametrize(
    ("core_title", "first", "first_style", "title", "paragraphs"),
    [
        (None, "Styled Title", "Title", "Styled Title", ["Body."]),
        ("Word Document", "Styled Title", "Title", "Styled Title", ["Body."]),  # python-docx default title
        (None, "A Heading First", "Heading 1", "A Heading First", ["Body."]),
        (None, "A short first line", None, "A short first line", ["Body."]),
        ("Core Title", "Core Title", "Title", "Core Title", ["Body."]),
        ("Core Title", "Visible Title", "Title", "Core Title", ["Visible Title", "Body."]),
    ],
)
def test_title_sources(tmp_path, core_title, first, first_style, title, paragraphs):
    document = _document(title=core_title)
    document.add_paragraph(first, style=first_style)
    document.add_paragraph("Body.")
    source = load(_save(document, tmp_path))
    assert (source.title, source.paragraphs) == (title, paragraphs)


def test_python_docx_default_author_is_ignored(tmp_path):
    document = _document()  # python-docx writes author "python-docx"
    document.add_paragraph("Title")
    document.add_paragraph("Body.")
    assert load(_save(document, tmp_path)).author is None


def test_untitled_long_text_falls_back_to_file_name(tmp_path, problems):
    document = _document()
    document.add_paragraph("A first paragraph that is far too long to be a title, " * 3)
    source = load(_save(document, tmp_path, "my_report-2024.docx"), on_problem=problems.append)
    assert source.title == "my report 2024"
    assert len(source.paragraphs) == 1
    assert any("title" in p for p in problems)


def _rewrite(path, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = (replace or {}).get(info.filename, src.read(info))
            dst.writestr(info.filename, data)
        for name, data in (add or {}).items():
            dst.writestr(name, data)
    return buffer.getvalue()


@pytest.fixture
def plain_docx(tmp_path):
    document = _document(title="T")
    document.add_paragraph("Body.")
    return _save(document, tmp_path, "plain.docx")


XXE = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
)
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"
)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda p: _rewrite(p, replace={"word/document.xml": XXE}), "document type declaration"),
        (lambda p: _rewrite(p, replace={"word/document.xml": LAUGHS}), "document type declaration"),
        (lambda p: _rewrite(p, replace={"word/document.xml": XXE.decode().encode("utf-16")}), "document type"),
        (lambda p: p.read_bytes()[: len(p.read_bytes()) // 2], "damaged"),
        (lambda p: _rewrite(p, replace={"word/document.xml": b"<w:document"}), "damaged"),
        (lambda p: _zip_with({"readme.txt": b"hello"}), "compressed"),
        (lambda p: _zip_with({"[Content_Types].xml": b"<Types/>", "other.xml": b"<x/>"}), "not a Word document"),
        (lambda p: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "password-protected or an old-style"),
        (lambda p: b"just some text, not a zip", "not a valid DOCX"),
    ],
)
def test_hostile_or_damaged_docx_is_refused(tmp_path, plain_docx, mutate, message):
    path = tmp_path / "bad.docx"
    path.write_bytes(mutate(plain_docx))
    with pytest.raises(SourceError, match=message):
        load(path)


def test_zip_bomb_is_refused_before_unpacking(tmp_path, plain_docx, monkeypatch):
    from briefcomposer.sources import word

    monkeypatch.setattr(word, "MAX_UNPACKED_BYTES", 2**20)  # the real limit is 200 MB
    path = tmp_path / "bomb.docx"
    path.write_bytes(_rewrite(plain_docx, add={"word/media/bomb.bin": b"\0" * (2 * 2**20)}))
    assert path.stat().st_size < 50_000
    with pytest.raises(SourceError, match="unreasonable size"):
        load(path)


def _zip_with(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_old_doc_extension_is_explained(tmp_path):
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(SourceError, match="old-style"):
        load(path)
