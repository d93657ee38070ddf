"""Issue 6 at the window: a full disk at the file-system call, a refused recovery copy,
Cancel that stops LibreOffice at once, and a preview and source view that fetch nothing."""

from __future__ import annotations

import errno
import os
import shutil
import socket
import stat
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QFileDialog, QMessageBox

from briefcomposer import atomic, storage
from briefcomposer.core.model import Source, TextItem
from briefcomposer.gui.commands import SetMetadataCommand
from briefcomposer.gui.main_window import MainWindow

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="the fake soffice is a shell script")


def _edit_title(window, title):
    window.doc.push(SetMetadataCommand(window.doc, "title", title))


def _fill_disk(monkeypatch):  # noqa: ANN202
    """`atomic.os.replace` fails as a full disk would, until `.off()`; records the targets."""

    class DiskFull:
        def __init__(self) -> None:
            self.tried: list[str] = []

        def off(self) -> None:
            monkeypatch.setattr(atomic.os, "replace", real)

    real = os.replace

    def replace(src, dst):  # noqa: ANN001, ANN202
        state.tried.append(str(dst))
        raise OSError(errno.ENOSPC, "No space left on device", str(dst))

    state = DiskFull()
    monkeypatch.setattr(atomic.os, "replace", replace)
    return state


@pytest.fixture(name="disk_full")
def disk_full_fixture(monkeypatch):
    return _fill_disk(monkeypatch)


# ---------------------------------------------------------------- disk full at os.replace


def test_disk_full_during_save_keeps_file_and_work_and_save_as_works(window, tmp_path, monkeypatch, shown):
    path = tmp_path / "work.brief"
    assert window.write_to(path)
    before = path.read_bytes()
    _edit_title(window, "Unsaved edit")
    fault = _fill_disk(monkeypatch)
    assert not window.save()
    text, _ = shown.errors[-1]
    assert text == "The brief was not saved. The disk is full, so work.brief could not be written."
    assert path.read_bytes() == before  # the previous file is intact
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # no temp file left behind
    assert window.isWindowModified()
    assert window.doc.brief.title == "Unsaved edit"

    assert fault.tried == [str(path)]
    fault.off()  # the officer saves on another disk
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(elsewhere / "copy"), "")))
    assert window.save_as()
    assert storage.load(elsewhere / "copy.brief").title == "Unsaved edit"
    assert not window.isWindowModified()
    assert window.doc.path == elsewhere / "copy.brief"


def test_disk_full_during_export_explains_and_the_app_goes_on(qtbot, window, tmp_path, disk_full, shown):
    pytest.importorskip("briefcomposer.export.docx_writer")
    target = tmp_path / "brief.docx"
    target.write_bytes(b"the previous export")
    _edit_title(window, "Exported title")
    job = window.start_export(target)
    with qtbot.waitSignal(job.signals.finished, timeout=60_000):
        pass
    assert disk_full.tried == [str(target)]
    assert shown.errors[-1][0] == "The disk is full, so brief.docx could not be written."
    assert target.read_bytes() == b"the previous export"
    assert window.isWindowModified()
    disk_full.off()
    job = window.start_export(target)
    with qtbot.waitSignal(job.signals.finished, timeout=60_000):
        pass
    import docx

    assert "Exported title" in [p.text for p in docx.Document(str(target)).paragraphs]


# ---------------------------------------------------------------- recovery copies storage refuses


@pytest.mark.parametrize(
    "content",
    [b"{not json at all", b'{"format": 999, "brief": {}}', b"\x00\xff" * 64],
    ids=["corrupt", "newer-format", "binary"],
)
@pytest.mark.parametrize("discard", [True, False], ids=["discard", "keep"])
def test_a_recovery_copy_that_cannot_be_loaded_is_explained_and_can_be_discarded(
    qtbot, settings, shown, content, discard
):
    from briefcomposer.gui.recovery import list_recoveries, recovery_dir

    folder = recovery_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "broken.brief").write_bytes(content)
    (folder / "broken.json").write_text('{"title": "Budget note", "saved_at": "2026-11-29T09:00:00"}')
    answers = iter(
        [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Yes if discard else QMessageBox.StandardButton.No]
    )

    def question(parent, title, text, *args, **kwargs):  # noqa: ANN001, ANN202
        shown.questions.append(text)
        return next(answers)

    window = MainWindow(settings)
    qtbot.addWidget(window)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(QMessageBox, "question", staticmethod(question))
        assert window.offer_recovery() is False  # nothing restored, nothing crashed
    assert len(shown.questions) == 2
    assert "Budget note" in shown.questions[1]
    assert "cannot be restored: This file cannot be opened as a brief." in shown.questions[1]
    assert [e.title for e in list_recoveries()] == ([] if discard else ["Budget note"])


def test_a_recovery_copy_too_large_for_storage_is_refused_not_loaded(qtbot, settings, shown, monkeypatch):
    from briefcomposer.gui.recovery import list_recoveries, recovery_dir, release, write_recovery
    from briefcomposer.storage import project

    brief = storage.loads(storage.dumps(MainWindow(settings).doc.brief))
    write_recovery(brief, None, "left-by-a-crash")
    release("left-by-a-crash")  # the program that wrote it has gone
    monkeypatch.setattr(project, "MAX_FILE_BYTES", 10)  # as if the copy were 200 MB
    shown.answer = QMessageBox.StandardButton.Yes  # restore? yes; then discard? yes
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert window.offer_recovery() is False
    assert "too large" in shown.questions[-1]
    assert list_recoveries() == []
    assert not any(recovery_dir().glob("*.brief"))


# ---------------------------------------------------------------- Cancel stops LibreOffice


def _sleeping_soffice(tmp_path: Path, monkeypatch) -> Path:
    """A soffice that records its pid, then sleeps as a hung LibreOffice would."""
    pid_file = tmp_path / "soffice.pid"
    script = tmp_path / "soffice"
    script.write_text(f"#!/bin/sh\necho $$ > {pid_file}\nsleep 30 &\nwait\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("BRIEFCOMPOSER_SOFFICE", str(script))
    return pid_file


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


@posix_only
def test_convert_to_pdf_cancel_kills_libreoffice_at_once(tmp_path, monkeypatch):
    from briefcomposer.export.pdf import PdfCancelled, convert_to_pdf

    pid_file = _sleeping_soffice(tmp_path, monkeypatch)
    docx = tmp_path / "in.docx"
    docx.write_bytes(b"not really a docx")
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    started = time.monotonic()
    with pytest.raises(PdfCancelled):
        convert_to_pdf(docx, tmp_path / "out.pdf", timeout=60, cancel=cancel)
    assert time.monotonic() - started < 3
    assert _gone(int(pid_file.read_text()))
    assert not (tmp_path / "out.pdf").exists()


@posix_only
@pytest.mark.parametrize("what", ["export-pdf", "word-layout"])
def test_cancel_stops_libreoffice_during_pdf_export_and_word_layout(qtbot, window, tmp_path, monkeypatch, shown, what):
    pytest.importorskip("briefcomposer.export.docx_writer")
    if what == "word-layout" and shutil.which("pdftoppm") is None:
        pytest.skip("needs pdftoppm")
    pid_file = _sleeping_soffice(tmp_path, monkeypatch)
    target = tmp_path / "out.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    job = window.export_pdf() if what == "export-pdf" else window.preview_word_layout()
    assert job is not None
    qtbot.waitUntil(pid_file.exists, timeout=30_000)  # LibreOffice is running
    started = time.monotonic()
    with qtbot.waitSignal(job.signals.cancelled, timeout=10_000):
        job.cancel()  # what the progress dialog's Cancel button does
    assert time.monotonic() - started < 3  # at once, not after the 120 s timeout
    assert _gone(int(pid_file.read_text()))
    assert not target.exists()
    assert shown.errors == []
    assert window.word_layout_dialog is None
    _edit_title(window, "Still working")
    assert window.doc.brief.title == "Still working"


# ---------------------------------------------------------------- nothing is fetched

HOSTILE = (
    '<img src="http://198.51.100.7/track.png"> <script>alert(1)</script> '
    '<a href="file:///etc/passwd">passwd</a> <img src="file:///etc/hostname"> '
    "<iframe src='https://example.com/'></iframe> ![x](http://198.51.100.7/md.png)"
)


@pytest.fixture
def no_network(monkeypatch):
    """Every socket connection is refused and recorded."""
    tried: list[object] = []

    def connect(self, address):  # noqa: ANN001, ANN202
        tried.append(address)
        raise OSError(errno.ENETUNREACH, "network blocked by the test")

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect)
    monkeypatch.setattr(socket, "create_connection", lambda address, *a, **k: connect(None, address))
    return tried


def test_preview_and_source_view_fetch_nothing(qtbot, window, no_network):
    source = Source(title="Hostile <b>page</b>", paragraphs=[HOSTILE, "Plain text."], url="http://198.51.100.7/")
    window.add_source(source)
    section = window.doc.brief.sections[0]
    window.doc.outline.insert_item(0, len(section.items), TextItem(text=HOSTILE))
    _edit_title(window, '<img src="http://198.51.100.7/title.png">')
    browser = window.preview_pane.browser
    refused: list[str] = []
    browser.refused.connect(refused.append)
    window.preview_pane.refresh()
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.source_pane.show_span(source.id, 0)
    window.grab()  # lays out and paints both views
    qtbot.wait(50)

    assert no_network == []
    assert refused == []  # the brief's text is escaped, so the preview asks for nothing
    assert HOSTILE.split(">")[0] + ">" in browser.toPlainText()  # shown as text, not run
    assert "<img" not in browser.toHtml().replace("&lt;img", "")
    assert not browser.openLinks()
    assert not browser.openExternalLinks()
    view = window.source_pane.view_of(source.id)
    assert view is not None
    assert HOSTILE in view.toPlainText()
    assert "<img" not in view.toHtml().replace("&lt;img", "")

    # The second lock: even a resource asked for directly is refused, file: and http: alike.
    for url in ("http://198.51.100.7/a.png", "file:///etc/hostname", "https://example.com/"):
        assert browser.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(url)) is None
    assert len(refused) == 3
    browser.setHtml('<p><img src="http://198.51.100.7/b.png"><img src="file:///etc/hostname"></p>')
    browser.grab()
    assert "http://198.51.100.7/b.png" in refused
    assert "file:///etc/hostname" in refused
    assert no_network == []
