"""Unusable input raises SourceError with a clear one-line message; partial input warns."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefcomposer.core.errors import SourceError
from briefcomposer.core.model import Source
from briefcomposer.sources import (
    FILE_FILTER,
    MAX_FILE_BYTES,
    MAX_PARAGRAPH_CHARS,
    MAX_PARAGRAPHS,
    SUPPORTED_SUFFIXES,
    from_text,
    load,
)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b"  \n\n\t ", "is empty"),
        ("bom.txt", b"\xef\xbb\xbf\n\n", "contains no text"),
        ("binary.txt", bytes(range(256)) * 40, "does not contain readable text"),
        ("elf.txt", b"\x7fELF\x02\x01\x01\x00" + b"\x00\x10" * 500, "does not contain readable text"),
        ("png.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00\xff" * 300, "does not contain readable text"),
        ("bad16.txt", b"\xff\xfe" + b"\x00\xd8", "damaged"),
        ("archive.txt", b"PK\x03\x04" + b"\x00" * 100, "compressed"),
        ("noext", bytes(range(256)) * 4, "does not contain readable text"),
        ("old.rtf", b"{\\rtf1\\ansi hello}", "Rich Text"),
        ("empty.html", b"<html><body></body></html>", "no text"),
    ],
)
def test_unusable_files_raise_source_error(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(SourceError, match=message) as info:
        load(path)
    assert "\n" not in str(info.value)
    assert info.value.path is None or Path(info.value.path) == path


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(SourceError, match="not found"):
        load(tmp_path / "gone.txt")
    with pytest.raises(SourceError, match="folder"):
        load(tmp_path)


def test_file_over_size_limit_is_refused_unread(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: takes no disk space
        handle.truncate(MAX_FILE_BYTES + 1)
    assert MAX_FILE_BYTES == 50 * 2**20
    with pytest.raises(SourceError, match="50 MB"):
        load(path)


def test_text_over_char_limit_is_cut_with_warning(tmp_path, monkeypatch, problems):
    from briefcomposer.sources import _base

    monkeypatch.setattr(_base, "MAX_TEXT_CHARS", 2_000)
    path = tmp_path / "long.txt"
    path.write_text("Title\n\n" + "A paragraph of words.\n\n" * 500, encoding="utf-8")
    source = load(path, on_problem=problems.append)
    assert 50 < len(source.paragraphs) < 100
    assert any("only the first" in p for p in problems)


def test_too_many_paragraphs_are_dropped_with_warning(tmp_path, problems):
    path = tmp_path / "many.txt"
    path.write_text("Title\n\n" + "".join(f"Paragraph {n}.\n\n" for n in range(MAX_PARAGRAPHS + 10)), "utf-8")
    source = load(path, on_problem=problems.append)
    assert len(source.paragraphs) == MAX_PARAGRAPHS
    assert problems == [
        f"the text has {MAX_PARAGRAPHS + 10:,} paragraphs; only the first {MAX_PARAGRAPHS:,} were imported"
    ]


def test_overlong_paragraph_is_split_at_spaces(tmp_path, problems):
    words = "word " * (MAX_PARAGRAPH_CHARS * 3 // 10)  # 1.5 times the limit
    path = tmp_path / "wall.txt"
    path.write_text("Title\n\n" + words, encoding="utf-8")
    source = load(path, on_problem=problems.append)
    assert len(source.paragraphs) == 2
    assert all(len(p) <= MAX_PARAGRAPH_CHARS for p in source.paragraphs)
    assert " ".join(source.paragraphs) == words.strip()
    assert len(problems) == 1
    assert "split" in problems[0]


def test_warnings_are_logged_not_raised_by_default(tmp_path, caplog):
    path = tmp_path / "nodate.txt"
    path.write_text("Title\nDate: someday\n\nBody.", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="briefcomposer.sources"):
        source = load(path)
    assert source.paragraphs == ["Body."]
    assert "someday" in caplog.text


def test_unknown_extension_is_read_as_text_if_it_decodes(tmp_path):
    path = tmp_path / "notes.log"
    path.write_text("Title\n\nBody.", encoding="utf-8")
    assert load(path).paragraphs == ["Body."]


# -- the public names ------------------------------------------------------------------


def test_file_filter_lists_every_supported_suffix():
    first = FILE_FILTER.split(";;")[0]
    assert all(f"*{suffix}" in first for suffix in SUPPORTED_SUFFIXES)
    assert FILE_FILTER.endswith("All files (*)")


def test_import_is_cheap():
    code = (
        "import sys, briefcomposer.sources as s; s.SUPPORTED_SUFFIXES; "
        "heavy = [m for m in ('trafilatura', 'pypdf', 'docx', 'lxml', 'PySide6') if m in sys.modules]; "
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "[]"


# -- anything at all -------------------------------------------------------------------

SUFFIXES = [".txt", ".md", ".html", ".docx", ".pdf", ""]
PREFIXES = [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"<html><body><p>", b"\xef\xbb\xbf", b"\xff\xfe", b"Title\n\n"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prefix=st.sampled_from(PREFIXES), data=st.binary(max_size=2_000), suffix=st.sampled_from(SUFFIXES))
def test_load_arbitrary_bytes_gives_source_or_source_error(prefix, data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(prefix + data)
        try:
            source = load(path, on_problem=lambda message: None)
        except SourceError as exc:
            message = str(exc)
        else:
            message = None
        if message is not None:
            assert message
            assert "\n" not in message
        else:
            assert isinstance(source, Source)
            assert source.title
            assert source.paragraphs
            assert all(p == p.strip() and p for p in source.paragraphs)
            assert all(0 <= i < len(source.paragraphs) for i in source.headings)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=2_000), title=st.none() | st.text(max_size=50))
def test_from_text_arbitrary_text_gives_source_or_source_error(text, title):
    try:
        source = from_text(text, title=title)
    except SourceError:
        return
    assert source.paragraphs
    assert all(p.strip() == p for p in source.paragraphs)


@pytest.mark.skipif(os.name != "posix", reason="file permissions")
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("Title\n\nBody.", encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who can read anything")
        with pytest.raises(SourceError, match="permission"):
            load(path)
    finally:
        path.chmod(0o600)


def test_unassigned_and_private_characters_count_as_binary_only_in_number():
    """Each one is counted, though each distinct character is looked up once (issue 5)."""
    from briefcomposer.sources._base import _looks_binary

    text = "Plain words. " * 40
    assert not _looks_binary(text + "\ue000\ue001")  # a private-use icon or two: still text
    assert not _looks_binary(text + "\ue000" * 5)  # 1 % or less
    assert _looks_binary(text + "\ue000" * 6)
    assert _looks_binary(text + "\ue000\ue001\U000f0000\u0378" * 2)  # distinct ones add up
    assert _looks_binary("".join(chr(0xE000 + n) for n in range(600)))
