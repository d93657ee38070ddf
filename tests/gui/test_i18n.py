"""Translations: the committed .ts lists every string the interface shows, and .qm files load."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from briefcomposer.gui import app as app_module
from briefcomposer.paths import bundled_dir

TS = bundled_dir("resources") / "i18n" / "briefcomposer_en_GB.ts"
GUI = Path(app_module.__file__).parent
BIN = Path(sys.executable).parent


def _tool(name: str) -> str | None:
    found = BIN / name
    return str(found) if found.is_file() else shutil.which(name)


def _messages(ts: Path) -> set[tuple[str, str]]:
    text = ts.read_text("utf-8")
    found = set()
    for context in re.findall(r"<context>(.*?)</context>", text, re.S):
        name = re.search(r"<name>(.*?)</name>", context, re.S).group(1)
        found.update((name, source) for source in re.findall(r"<source>(.*?)</source>", context, re.S))
    return found


def test_committed_ts_names_the_runtime_contexts():
    messages = _messages(TS)
    assert ("MainWindow", "&amp;Save") in messages
    assert ("commands", "Add section: %s") in messages
    assert ("messages", "The PDF could not be made: %s.") in messages
    assert "" not in {context for context, _ in messages}  # every string has the context tr() uses


@pytest.mark.skipif(_tool("pyside6-lupdate") is None, reason="pyside6-lupdate is not installed")
def test_committed_ts_is_up_to_date(tmp_path):
    fresh = tmp_path / "fresh.ts"
    files = sorted(str(p) for p in GUI.rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), "-no-obsolete", *files, "-ts", str(fresh)], check=True, capture_output=True
    )
    missing = _messages(fresh) - _messages(TS)
    assert not missing, f"run pyside6-lupdate (see resources/i18n/README.md): {sorted(missing)[:5]}"


@pytest.mark.skipif(_tool("pyside6-lrelease") is None, reason="pyside6-lrelease is not installed")
def test_a_built_qm_translates_the_window(qapp, tmp_path):
    ts = tmp_path / "briefcomposer_fr.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS><TS version="2.1" language="fr">'
        "<context><name>MainWindow</name><message><source>&amp;Save</source>"
        "<translation>&amp;Enregistrer</translation></message></context></TS>",
        "utf-8",
    )
    subprocess.run([_tool("pyside6-lrelease"), str(ts)], check=True, capture_output=True)
    try:
        loaded = app_module.install_translators(qapp, QLocale("fr_FR"), tmp_path)
        assert any(t.filePath().endswith("briefcomposer_fr.qm") for t in loaded)
        assert QCoreApplication.translate("MainWindow", "&Save") == "&Enregistrer"
    finally:
        app_module.install_translators(qapp, QLocale("en_GB"), tmp_path / "none")
    assert QCoreApplication.translate("MainWindow", "&Save") == "&Save"
