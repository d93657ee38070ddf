"""The command line, run as the officer runs it: in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefcomposer import __version__, storage


def run(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "briefcomposer", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=full_env,
        timeout=180,
    )


def test_version_and_help():
    out = run("--version")
    assert out.returncode == 0
    assert out.stdout.strip() == f"briefcomposer {__version__}"
    out = run("--help")
    assert out.returncode == 0
    for command in ("gui", "new", "analyse", "export", "templates"):
        assert command in out.stdout


def test_templates_list_shows_built_ins_with_origin():
    out = run("templates", "list")
    assert out.returncode == 0, out.stderr
    rows = {line.split()[0]: line for line in out.stdout.splitlines()[1:]}
    assert "built-in" in rows["uk-briefing-note"]
    assert "built-in" in rows["ministerial-submission"]
    data = json.loads(run("templates", "list", "--json").stdout)
    by_name = {d["name"]: d for d in data}
    assert by_name["uk-briefing-note"]["origin"] == "built-in"
    assert by_name["uk-briefing-note"]["title"] == "UK briefing note"


def test_templates_list_includes_shared_folder(tmp_path):
    shared = tmp_path / "team"
    shared.mkdir()
    (shared / "desk-note.json").write_text(
        json.dumps({"name": "desk-note", "title": "Desk note", "sections": [{"key": "a", "heading": "A"}]})
    )
    out = run("templates", "list", "--templates-dir", str(shared))
    assert "desk-note" in out.stdout
    assert "shared folder" in out.stdout


def test_new_from_sample_writes_a_brief_that_loads_back_equal(tmp_path):
    target = tmp_path / "x.brief"
    out = run("new", "--sample", "--template", "uk-briefing-note", "-o", str(target))
    assert out.returncode == 0, out.stderr
    brief = storage.load(target)
    assert storage.loads(storage.dumps(brief)) == brief
    assert brief.template_id == "uk-briefing-note"
    assert brief.sources[0].title.startswith("Dialogue Matters")
    assert brief.actors
    assert brief.positions
    assert [s.key for s in brief.sections][0] == "summary"


def test_new_refuses_to_overwrite_without_force(tmp_path):
    target = tmp_path / "x.brief"
    target.write_text("keep me")
    out = run("new", "--sample", "--no-analyse", "-o", str(target))
    assert out.returncode == 1
    assert target.read_text() == "keep me"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("new", "--template", "nope", "--sample", "-o", "{tmp}/a.brief"), "no template named 'nope'"),
        (("new", "-o", "{tmp}/a.brief"), "--source"),
        (("new", "--source", "{tmp}/missing.txt", "-o", "{tmp}/a.brief"), "missing.txt"),
        (("export", "{tmp}/broken.brief", "-o", "{tmp}/a.docx"), "not valid JSON"),
        (("new", "--sample", "--no-analyse", "-o", "{tmp}/no/such/dir/a.brief"), "No such file"),
    ],
)
def test_errors_exit_1_with_one_line(tmp_path, args, message):
    (tmp_path / "broken.brief").write_text("{not json")
    out = run(*(a.format(tmp=tmp_path) for a in args))
    assert out.returncode == 1, out.stdout + out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert lines[0].startswith("briefcomposer: error: ")
    assert message in lines[0]
    assert "Traceback" not in out.stderr


def test_debug_shows_the_traceback(tmp_path):
    (tmp_path / "broken.brief").write_text("{not json")
    out = run("--debug", "export", str(tmp_path / "broken.brief"), "-o", str(tmp_path / "a.docx"))
    assert out.returncode == 1
    assert "Traceback" in out.stderr


@pytest.mark.parametrize("args", [("frobnicate",), ("new",), ("templates",), ("export", "--bogus")])
def test_usage_errors_exit_2(args):
    assert run(*args).returncode == 2


def test_analyse_sample_prints_the_documented_json_shape():
    out = run("analyse", "--sample")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) == {"source", "paragraphs", "actors", "issues", "positions"}
    assert set(data["source"]) == {"title", "author", "publisher", "date", "url"}
    names = {a["name"] for a in data["actors"]}
    issue_ids = {i["id"] for i in data["issues"]}
    for position in data["positions"]:
        assert position["actor"] in names
        assert position["issue"] is None or position["issue"] in issue_ids
        for evidence in position["evidence"]:
            assert evidence in data["paragraphs"][position["paragraph"]]
    assert run("analyze", "--sample").returncode == 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Windows and macOS always have a screen session")
def test_gui_without_a_display_says_so_in_one_line():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = subprocess.run(
        [sys.executable, "-m", "briefcomposer", "gui", "--sample"], capture_output=True, text=True, env=env, timeout=60
    )
    assert out.returncode == 1
    assert out.stderr.strip().splitlines() == [out.stderr.strip()]
    assert "no display" in out.stderr
    assert "briefcomposer export --sample" in out.stderr
