"""The built-in Word templates: rebuilt from tools/build_templates.py, byte for byte."""

from __future__ import annotations

import importlib.util
import sys
import zipfile

import pytest
from export_helpers import BUILT_IN, REPO, built_in_template, validate

from briefcomposer.structures.templates import find_template


def _builder():
    spec = importlib.util.spec_from_file_location("build_templates", REPO / "tools" / "build_templates.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_templates", module)  # dataclasses look their module up
    spec.loader.exec_module(sys.modules["build_templates"])
    return sys.modules["build_templates"]


def test_committed_templates_equal_the_build_script_output():
    built = _builder().built_templates()
    assert sorted(built) == sorted(f"{name}.docx" for name in BUILT_IN)
    for name, data in built.items():
        assert (REPO / "templates" / name).read_bytes() == data, f"{name} is stale: run tools/build_templates.py"


def test_build_is_deterministic():
    builder = _builder()
    assert builder.built_templates() == builder.built_templates()


@pytest.mark.parametrize("name", BUILT_IN)
def test_template_validates_and_has_fixed_dates(name):
    path = built_in_template(name)
    assert validate(path) == ""
    with zipfile.ZipFile(path) as zf:
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = zf.read("docProps/core.xml")
    assert b"2026-01-01T00:00:00Z" in core
    assert b"python-docx" not in core


@pytest.mark.parametrize("name", BUILT_IN)
def test_each_structure_names_its_word_template(name):
    structure = find_template(name)
    assert structure.word_template_path() == built_in_template(name)


@pytest.mark.parametrize(
    ("name", "headings"),
    [
        ("lines-to-take", ["Top lines", "Lines to take", "If pressed", "Background (not for use)", "Sources"]),
        (
            "meeting-brief",
            [
                "Objectives",
                "Points to make",
                "Background (may be used)",
                "Background (not for disclosure)",
                "Sources",
                "Annex A: Biographies",
            ],
        ),
    ],
)
def test_new_structures(name, headings):
    structure = find_template(name)
    assert [s.heading for s in structure.sections] == headings
    assert structure.marking == "OFFICIAL"
