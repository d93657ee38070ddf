"""The hostile corpus (tests/data/hostile/make_hostile.py): each file meets its expected fate.

Every case runs in the fuzz worker, so a file that loops is a failed case, not a hung
run, and any network connection attempted while it is opened fails it too. Web pages
are also imported, analysed and exported here in the test process, with the network
blocked, to show that nothing in them runs or is fetched at any stage.
"""

from __future__ import annotations

import io
import json
import socket
import zipfile

import make_hostile
import pytest
from make_hostile import HOSTILE_HTML, XHTML_XXE, Case
from reliability_harness import build_brief, run_target

from briefcomposer import analysis, sources
from briefcomposer.core import brief_ops
from briefcomposer.core.model import QuoteItem
from briefcomposer.export.docx_writer import export_bytes

CASES = make_hostile.cases(big=True)


def _id(case: Case) -> str:
    return f"{case.name}-{case.target.split(':')[0]}"


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_hostile_file_meets_its_expected_fate(sandbox, case):
    outcome = sandbox.run(case.target, case.data, timeout=60)
    assert make_hostile.judge(case, outcome.kind, outcome.detail), f"{case.note}: expected {case.expect}, got {outcome}"


def test_corpus_covers_the_issue():
    names = " ".join(c.name for c in CASES)
    for wanted in ("xxe", "billion-laughs", "zip-bomb", "traversal", "macros.docm", "scripts-frames-images.html",
                   "page-tree-cycle.pdf", "xref-loop.pdf", "encrypted.pdf", "million-items.brief", "huge-string.brief",
                   "invalid-utf8", "nul-bytes", "jinja-globals", "jinja-loop"):  # fmt: skip
        assert wanted in names
    assert {c.target.split(":")[0] for c in CASES} == {"source", "template", "export", "brief"}


def test_corpus_script_writes_every_file_and_a_manifest(tmp_path, capsys):
    assert make_hostile.main(["--small", str(tmp_path)]) == 0
    manifest = json.loads(capsys.readouterr().out)
    assert {m["file"] for m in manifest} == {p.name for p in tmp_path.iterdir()}
    assert all(m["expect"] in ("refused", "ok", "bounded") for m in manifest)


def test_network_guard_is_live(no_network):
    with pytest.raises(PermissionError):
        socket.create_connection(("evil.example", 80), timeout=1)
    with socket.socket() as sock, pytest.raises(PermissionError):
        sock.connect(("192.0.2.1", 80))
    assert len(no_network) == 2
    no_network.clear()


@pytest.mark.parametrize(("name", "page"), [("page.html", HOSTILE_HTML), ("page.xhtml", XHTML_XXE)])
def test_web_page_import_analysis_and_export_run_nothing_and_fetch_nothing(tmp_path, no_network, name, page):
    path = tmp_path / name
    path.write_bytes(page)
    source = sources.load(path, on_problem=lambda message: None)
    suggestions = analysis.suggest(source)
    brief = build_brief()
    brief_ops.add_source(brief, source)
    section = brief.sections[0]
    brief_ops.add_item(brief, section.id, QuoteItem(excerpt=source.excerpt(0, 0, min(20, len(source.paragraphs[0])))))
    for actor in suggestions.actors[:3]:
        if brief.actor_named(actor.name) is None:
            brief_ops.add_actor(brief, actor)
    data = export_bytes(brief, in_process=True)
    text = " ".join([source.title, *source.paragraphs])
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        exported = b" ".join(zf.read(n) for n in zf.namelist())
    for secret in ("SCRIPTSECRET", "FRAMESECRET", "OBJECTSECRET", "NOSCRIPTSECRET", "TEMPLATESECRET", "FORMSECRET",
                   "evil.example", "root:x:", "lollollol"):  # fmt: skip
        assert secret not in text
        assert secret.encode() not in exported
    assert no_network == []


def test_control_characters_in_a_brief_are_dropped_on_export(tmp_path):
    """NUL and other C0 controls (a hand-edited .brief, a paste) once failed the export with a
    ValueError from lxml, or a TemplateError blaming the template; now they are left out."""
    brief = build_brief()
    bad = "a\x00b\x01c\x0bd\ufffe"
    brief.title = brief.reference = brief.sender = "Title " + bad
    brief.sections[0].heading = "Heading " + bad
    brief.actors[0].name = "Actor " + bad
    data = export_bytes(brief, in_process=True)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    assert b"Title abcd" in parts["word/document.xml"]
    assert b"Title abcd" in parts["docProps/core.xml"]
    assert not any(b"\x00" in blob or b"&#0;" in blob or b"\x01" in blob for blob in parts.values())


@pytest.mark.parametrize("attempt", ["connect", "resolve", "program"])
def test_fuzz_worker_catches_an_importer_reaching_out(tmp_path, monkeypatch, attempt):
    """The worker's guard sees connections, name look-ups and programs, even when the code hides the error."""
    import subprocess

    def sneaky_load(path, on_problem=None):  # type: ignore[no-untyped-def]
        try:
            if attempt == "connect":
                socket.create_connection(("192.0.2.1", 80), timeout=1)
            elif attempt == "resolve":
                socket.getaddrinfo("evil.example", 80)
            else:
                subprocess.run(["true"], check=False)
        except OSError:
            pass  # hidden from the caller
        raise RuntimeError("the import goes on as if nothing had happened")

    monkeypatch.setattr(sources, "load", sneaky_load)
    outcome = run_target("txt", b"Title\n\nText.", tmp_path)
    assert outcome.kind == "network", outcome
