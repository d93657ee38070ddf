"""Issue 6 at the GUI: a killed session is restored, a file changed by someone else is not
overwritten unasked, and a missing, hanging or crashing LibreOffice only costs a message."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from briefcomposer import storage
from briefcomposer.gui.commands import SetMetadataCommand
from briefcomposer.gui.dialogs.simple_dialogs import ConflictDialog
from briefcomposer.gui.main_window import MainWindow

# ---------------------------------------------------------------- crash while editing

# The child runs the real entry point (`python -m briefcomposer gui FILE`); the only addition
# is a hook that types into the title field once the brief has opened, as an officer would.
CHILD = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from briefcomposer.gui import main_window

    load_path = main_window.MainWindow.load_path

    def type_title(window):
        edit = window.brief_pane.metadata.edits["title"]
        edit.setFocus()
        edit.selectAll()
        QTest.keyClicks(edit, "Edited before the crash")
        print("EDITED", window.doc.brief.title, flush=True)

    def patched(self, path):
        ok = load_path(self, path)
        QTimer.singleShot(100, lambda: type_title(self))
        return ok

    main_window.MainWindow.load_path = patched
    from briefcomposer.cli import main
    sys.exit(main(["gui", sys.argv[1]]))
    """
)


def test_killed_session_is_restored_at_next_start(qtbot, tmp_path, brief, settings, shown):
    path = tmp_path / "work.brief"
    storage.save(brief, path)
    home = Path(os.environ["BRIEFCOMPOSER_HOME"])  # the test's own home, shared with the child
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "BRIEFCOMPOSER_HOME": str(home),
        "BRIEFCOMPOSER_AUTOSAVE_SECONDS": "1",
        "PYTHONUNBUFFERED": "1",
    }
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        line = child.stdout.readline()  # type: ignore[union-attr]
        assert line.startswith("EDITED Edited before the crash"), child.stderr.read()  # type: ignore[union-attr]
        edited_at = time.monotonic()
        folder = home / "data" / "recovery"
        deadline = edited_at + 20
        while time.monotonic() < deadline:
            copies = sorted(folder.glob("*.brief")) if folder.is_dir() else []
            if copies and b"Edited before the crash" in copies[0].read_bytes():
                recovery = copies[0]
                break
            time.sleep(0.05)
        else:
            pytest.fail("no recovery copy was written")
        assert time.monotonic() - edited_at < 5  # one autosave interval (1 s here, 30 s by default)
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=10) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()  # type: ignore[union-attr]
        child.stderr.close()  # type: ignore[union-attr]
    assert storage.load(path).title == "Russia and NATO"  # the file itself was never saved

    shown.answer = QMessageBox.StandardButton.Yes
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert window.offer_recovery()
    assert "Edited before the crash" in shown.questions[0]
    assert window.doc.brief.title == "Edited before the crash"
    assert window.doc.path == path
    assert window.isWindowModified()
    assert window.save()
    assert storage.load(path).title == "Edited before the crash"
    assert not recovery.exists()


def test_autosave_interval_can_be_shortened_but_not_lengthened(monkeypatch):
    from briefcomposer.gui.settings import autosave_seconds

    monkeypatch.setenv("BRIEFCOMPOSER_AUTOSAVE_SECONDS", "2")
    assert autosave_seconds() == 2
    monkeypatch.setenv("BRIEFCOMPOSER_AUTOSAVE_SECONDS", "600")
    assert autosave_seconds() == 30
    monkeypatch.setenv("BRIEFCOMPOSER_AUTOSAVE_SECONDS", "soon")
    assert autosave_seconds() == 30


# ---------------------------------------------------------------- changed on disk


@pytest.fixture
def two_windows(qtbot, tmp_path, brief, settings):
    path = tmp_path / "shared.brief"
    storage.save(brief, path)
    windows = []
    for _ in range(2):
        w = MainWindow(settings)
        qtbot.addWidget(w)
        assert w.load_path(path)
        windows.append(w)
    return path, windows


def _edit_title(window, title):
    window.doc.push(SetMetadataCommand(window.doc, "title", title))


def test_two_windows_on_one_file_ask_before_overwriting(two_windows, monkeypatch):
    path, (first, second) = two_windows
    asked = []
    monkeypatch.setattr(ConflictDialog, "ask", classmethod(lambda cls, parent, name: asked.append(name) or None))
    _edit_title(first, "First's title")
    assert first.save()
    assert not asked  # nobody else had written it
    _edit_title(second, "Second's title")
    assert not second.save()  # cancelled
    assert asked == ["shared.brief"]
    assert storage.load(path).title == "First's title"
    assert second.isWindowModified()  # the work is still there, savable elsewhere

    monkeypatch.setattr(ConflictDialog, "ask", classmethod(lambda cls, parent, name: "overwrite"))
    assert second.save()
    assert storage.load(path).title == "Second's title"
    _edit_title(second, "Again")
    assert second.save()  # its own save is not a change by someone else


def test_changed_on_disk_save_as_keeps_both(two_windows, monkeypatch, tmp_path):
    path, (first, second) = two_windows
    path.write_bytes(path.read_bytes().replace(b"Russia and NATO", b"Edited elsewhere"))
    monkeypatch.setattr(ConflictDialog, "ask", classmethod(lambda cls, parent, name: "save_as"))
    other = tmp_path / "mine.brief"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(other), ""))
    _edit_title(second, "Mine")
    assert second.save()
    assert storage.load(path).title == "Edited elsewhere"
    assert storage.load(other).title == "Mine"
    assert second.doc.path == other


def test_touching_the_file_is_not_a_change(two_windows, monkeypatch):
    path, (first, _) = two_windows
    monkeypatch.setattr(ConflictDialog, "ask", classmethod(lambda cls, parent, name: pytest.fail("asked")))
    os.utime(path, (time.time() + 5, time.time() + 5))
    _edit_title(first, "Fine")
    assert first.save()


def test_watcher_notices_a_change_by_another_program(qtbot, two_windows):
    path, (first, _) = two_windows
    first.show()
    path.write_bytes(path.read_bytes().replace(b"Russia and NATO", b"Edited elsewhere"))
    qtbot.waitUntil(lambda: "changed by another program" in first.statusBar().currentMessage(), timeout=5000)


def test_deleted_file_is_saved_again_without_asking(two_windows, monkeypatch):
    path, (first, _) = two_windows
    monkeypatch.setattr(ConflictDialog, "ask", classmethod(lambda cls, parent, name: pytest.fail("asked")))
    path.unlink()
    _edit_title(first, "Back")
    assert first.save()
    assert storage.load(path).title == "Back"


# ---------------------------------------------------------------- LibreOffice missing, hanging, crashing


def fake_soffice(tmp_path: Path, body: str) -> Path:
    """An executable standing in for LibreOffice's soffice."""
    script = tmp_path / "soffice"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


@pytest.mark.skipif(sys.platform == "win32", reason="the fake soffice is a shell script")
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("sleep 30", "LibreOffice took longer than 1 seconds"),
        ("kill -SEGV $$", "LibreOffice could not convert"),
    ],
)
def test_pdf_export_with_a_broken_libreoffice_says_so_and_goes_on(
    qtbot, window, tmp_path, monkeypatch, shown, body, expected
):
    import briefcomposer.gui.main_window as main_window

    monkeypatch.setenv("BRIEFCOMPOSER_SOFFICE", str(fake_soffice(tmp_path, body)))
    monkeypatch.setattr(main_window, "PDF_TIMEOUT_S", 1)
    target = tmp_path / "out.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    started = time.monotonic()
    assert window.export_pdf() is not None
    qtbot.waitUntil(lambda: not window._jobs, timeout=20_000)
    assert time.monotonic() - started < 15
    assert not target.exists()
    text = shown.errors[-1][0]
    assert text.startswith("The PDF could not be made:")
    assert expected in text
    _edit_title(window, "Still working")  # the app goes on
    assert window.doc.brief.title == "Still working"


@pytest.mark.parametrize(
    ("error", "sentence"),
    [
        (OSError(28, "No space left on device"), "The disk is full, so work.brief could not be written."),
        (PermissionError(13, "Permission denied"), "You do not have permission to write work.brief."),
        (FileNotFoundError(2, "No such file or directory"), "The file or folder work.brief does not exist."),
    ],
)
def test_failed_save_explains_keeps_the_work_and_can_save_elsewhere(
    window, tmp_path, monkeypatch, shown, error, sentence
):
    import briefcomposer.storage as storage_module

    path = tmp_path / "work.brief"
    assert window.write_to(path)
    before = path.read_bytes()
    _edit_title(window, "Unsaved edit")
    real_save = storage_module.save

    def failing(brief, target):
        raise error

    monkeypatch.setattr(storage_module, "save", failing)
    assert not window.save()
    assert shown.errors[-1][0] == f"The brief was not saved. {sentence}"
    assert path.read_bytes() == before
    assert window.isWindowModified()
    assert window.doc.brief.title == "Unsaved edit"
    monkeypatch.setattr(storage_module, "save", real_save)
    elsewhere = tmp_path / "elsewhere.brief"
    assert window.write_to(elsewhere)
    assert storage.load(elsewhere).title == "Unsaved edit"
    assert not window.isWindowModified()
