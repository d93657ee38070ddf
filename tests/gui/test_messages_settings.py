"""Errors become plain sentences; settings round-trip through their typed properties."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefcomposer.core.errors import (
    ProjectFormatError,
    RuleError,
    SourceError,
    SpanError,
    StructureError,
    TemplateError,
)
from briefcomposer.gui.messages import explain


@pytest.mark.parametrize(
    ("exc", "sentence"),
    [
        (ProjectFormatError("made by a newer briefcomposer"), "This file cannot be opened as a brief."),
        (SourceError("empty file"), "This file could not be imported as a source."),
        (SourceError("\u201cnotes.txt\u201d is empty."), "\u201cnotes.txt\u201d is empty."),
        (SourceError("The pasted text contains no text to import."), "The pasted text contains no text to import."),
        (TemplateError("no Title style"), "The Word template cannot be used."),
        (StructureError("bad json"), "The brief structure template cannot be used."),
        (SpanError(0, 3, 3), "Select some text within one paragraph first."),
        (RuleError("an actor cannot be merged with itself"), "An actor cannot be merged with itself."),
        (PermissionError(13, "Permission denied"), "You do not have permission to write brief.brief."),
        (FileNotFoundError(2, "No such file"), "The file or folder brief.brief does not exist."),
        (ValueError("x"), "Something went wrong."),
    ],
)
def test_errors_become_sentences(exc, sentence):
    text, detail = explain(exc, Path("/tmp/brief.brief"))
    assert text == sentence


def test_detail_keeps_the_technical_message():
    assert explain(SourceError("the PDF is protected"))[1] == "the PDF is protected"


def test_settings_round_trip(settings, tmp_path):
    settings.user_name = "Jo"
    settings.template_folders = [tmp_path / "shared"]
    settings.word_template = tmp_path / "t.docx"
    for n in range(12):
        settings.add_recent_file(tmp_path / f"{n}.brief")
    settings.add_recent_file(tmp_path / "3.brief")
    assert settings.user_name == "Jo"
    assert settings.template_folders == [tmp_path / "shared"]
    assert settings.word_template == tmp_path / "t.docx"
    recent = settings.recent_files
    assert len(recent) == 10
    assert recent[0] == (tmp_path / "3.brief").resolve()
    settings.word_template = None
    assert settings.word_template is None
