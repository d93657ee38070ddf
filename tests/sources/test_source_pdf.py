"""PDF importer on small PDFs written by hand (see conftest.make_pdf) and by pypdf's writer."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter

from briefcomposer.core.errors import SourceError
from briefcomposer.sources import load

PAGES = [
    [
        "The government has announced a new defence review which will exam-",
        "ine the structure of the armed forces and report next year to Parliament.",
        "Ministers expect it to recommend deep cuts.",
        "Critics argue that the review is driven by the Treasury rather than by any",
        "assessment of the threats facing the country, and that its timetable is far too short.",
    ],
    [
        "The Future Force",
        "Allies were not consulted. The opposition has called for a",
        "cross-party commission instead.",
        "Officials say the review will publish its terms of reference within a month",
        "and will take evidence from industry, the services and academic experts.",
    ],
    [
        "A final report is due in the spring. Until then, procurement decisions on",
        "frigates and armoured vehicles have been paused, which has alarmed suppli-",
        "ers in Scotland and the North East who depend on continuous orders.",
        "The Treasury declined to comment.",
    ],
]


def _with_running_lines(pages):
    return [["Defence Review 2025 - Briefing", *lines, f"Page {n} of {len(pages)}", "OFFICIAL"] for n, lines in
            enumerate(pages, start=1)]  # fmt: skip


def test_pdf_paragraphs_headers_and_hyphenation(pdf_file, problems):
    source = load(pdf_file(_with_running_lines(PAGES), title="Defence Review", author="Jane Smith"), problems.append)
    assert (source.title, source.author, source.date) == ("Defence Review", "Jane Smith", None)
    assert source.paragraphs == [
        "The government has announced a new defence review which will examine the structure of the armed forces "
        "and report next year to Parliament. Ministers expect it to recommend deep cuts.",
        "Critics argue that the review is driven by the Treasury rather than by any assessment of the threats "
        "facing the country, and that its timetable is far too short.",
        "The Future Force",
        "Allies were not consulted. The opposition has called for a cross-party commission instead.",
        "Officials say the review will publish its terms of reference within a month and will take evidence from "
        "industry, the services and academic experts. A final report is due in the spring. Until then, procurement "
        "decisions on frigates and armoured vehicles have been paused, which has alarmed suppliers in Scotland and "
        "the North East who depend on continuous orders. The Treasury declined to comment.",
    ]
    assert source.headings == [2]
    assert problems == []


def test_pdf_title_from_first_line_when_no_metadata(pdf_file):
    pages = [["A Title Line", *PAGES[0]], PAGES[1]]
    source = load(pdf_file(pages))
    assert source.title == "A Title Line"
    assert source.paragraphs[0].startswith("The government")


@pytest.mark.parametrize("meta_title", ["Microsoft Word - report.docx", "untitled", "draft.pdf"])
def test_pdf_placeholder_titles_are_ignored(pdf_file, meta_title):
    source = load(pdf_file([["Real Title", *PAGES[0]]], title=meta_title))
    expected = "report" if meta_title.startswith("Microsoft") else "Real Title"
    assert source.title == expected


def _encrypted(tmp_path, pdf_bytes, user_password: str) -> object:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(PAGES))))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def test_encrypted_pdf_with_password_is_refused(tmp_path, pdf_bytes):
    with pytest.raises(SourceError, match="password-protected"):
        load(_encrypted(tmp_path, pdf_bytes, "secret"))


def test_encrypted_pdf_without_user_password_opens(tmp_path, pdf_bytes):
    source = load(_encrypted(tmp_path, pdf_bytes, ""))
    assert any("Treasury" in p for p in source.paragraphs)


def test_pdf_without_text_layer_is_refused(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    writer.add_blank_page(width=612, height=792)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(SourceError, match="no text layer.*OCR"):
        load(path)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.4\n%garbage that is not a pdf at all\n", "damaged|no pages|could not be read"),
        (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF", "damaged|no pages"),
        (b"not a pdf", "not a valid PDF"),
    ],
)
def test_damaged_pdf_is_refused(tmp_path, data, message):
    path = tmp_path / "bad.pdf"
    path.write_bytes(data)
    with pytest.raises(SourceError, match=message):
        load(path)


def test_truncated_pdf_is_refused_or_partial(tmp_path, problems, pdf_bytes):
    data = pdf_bytes(PAGES)
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) * 2 // 3])
    try:
        source = load(path, on_problem=problems.append)
    except SourceError as exc:
        source, message = None, str(exc)
    if source is None:
        assert "damaged" in message or "could not be read" in message
    else:
        assert source.paragraphs


def test_pdf_named_txt_is_read_as_pdf(tmp_path, problems, pdf_bytes):
    path = tmp_path / "report.txt"
    path.write_bytes(pdf_bytes(PAGES))
    source = load(path, on_problem=problems.append)
    assert any("Treasury" in p for p in source.paragraphs)
    assert problems[0] == "the file is named .txt but is a PDF file; it was read as one"
