"""Faults while saving a .brief or exporting a .docx or PDF: nothing is lost.

For every fault (disk full, I/O error, permission denied, file locked, read-only file
system, folder deleted) the caller gets an `OSError` with a `strerror` it can show (or
a typed `BriefError`), the file already on disk is byte for byte what it was, no
temporary file is left behind, the brief in memory is unchanged and it can still be
saved elsewhere. Faults are injected at the file-system call; on Linux a real 64 kB
tmpfs (full, then remounted read-only) is used too when the test may mount one.

LibreOffice missing, hanging (with a child of its own), crashing or producing nothing:
`PdfError`, within the time limit, the old PDF untouched, no process left running.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from reliability_harness import build_brief

from briefcomposer import atomic, storage
from briefcomposer.core.errors import BriefError, TemplateError
from briefcomposer.core.model import TextItem
from briefcomposer.export import docx_writer
from briefcomposer.export.pdf import PdfError, convert_to_pdf

# ---------------------------------------------------------------- the two writers


def _save(brief, target: Path) -> None:  # type: ignore[no-untyped-def]
    storage.save(brief, target)


def _export(brief, target: Path) -> None:  # type: ignore[no-untyped-def]
    docx_writer.export_docx(brief, target)


WRITERS = {"save": (_save, ".brief"), "export": (_export, ".docx")}


@pytest.fixture(scope="module", autouse=True)
def _in_process_render():
    """Render in this process: the faults are about writing, and spawning is slow."""
    real = docx_writer.render_bounded
    docx_writer.render_bounded = lambda data, context, timeout=None: docx_writer.render_template(data, context)
    yield
    docx_writer.render_bounded = real


def _leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def _assert_nothing_lost(brief, before: bytes, target: Path, old: bytes, elsewhere: Path, writer) -> None:  # type: ignore[no-untyped-def]
    assert target.read_bytes() == old, "the file on disk changed"
    assert storage.dumps(brief) == before, "the brief in memory changed"
    writer(brief, elsewhere)  # still savable elsewhere
    assert elsewhere.stat().st_size > 0


# ---------------------------------------------------------------- injected faults


class _FailingFile:
    """A file whose write fails like a full disk, after the first `ok` bytes."""

    def __init__(self, fh, ok: int = 100) -> None:  # type: ignore[no-untyped-def]
        self._fh, self._ok = fh, ok

    def write(self, data) -> int:  # type: ignore[no-untyped-def]
        if len(data) > self._ok:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self._ok -= len(data)
        return self._fh.write(data)

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self._fh, name)

    def __enter__(self) -> _FailingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._fh.close()


def _raiser(code: int, message: str | None = None, kind: type[OSError] = OSError):  # type: ignore[no-untyped-def]
    def fail(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise kind(code, message or os.strerror(code))

    return fail


def _inject(monkeypatch, fault: str, target: Path) -> None:  # type: ignore[no-untyped-def]
    if fault == "disk full on write":
        real = os.fdopen
        monkeypatch.setattr(atomic.os, "fdopen", lambda fd, *a, **k: _FailingFile(real(fd, *a, **k)))
    elif fault == "disk full on fsync":
        monkeypatch.setattr(atomic.os, "fsync", _raiser(errno.ENOSPC))
    elif fault == "I/O error on fsync":
        monkeypatch.setattr(atomic.os, "fsync", _raiser(errno.EIO))
    elif fault == "permission denied":
        monkeypatch.setattr(atomic.tempfile, "mkstemp", _raiser(errno.EACCES, kind=PermissionError))
    elif fault == "file locked by another program":
        # what Windows reports when Word holds the file open (a sharing violation)
        message = "The process cannot access the file because it is being used by another process"
        monkeypatch.setattr(atomic.os, "replace", _raiser(errno.EACCES, message, PermissionError))
    elif fault == "read-only file system":
        monkeypatch.setattr(atomic.os, "replace", _raiser(errno.EROFS))
    elif fault == "folder deleted":
        shutil.rmtree(target.parent)
    else:  # pragma: no cover
        raise AssertionError(fault)


FAULTS = {  # the fault and what its message says
    "disk full on write": "No space left",
    "disk full on fsync": "No space left",
    "I/O error on fsync": "Input/output error",
    "permission denied": "Permission denied",
    "file locked by another program": "being used by another process",
    "read-only file system": "Read-only file system",
    "folder deleted": "No such file or directory",
}


@pytest.mark.parametrize("fault", sorted(FAULTS))
@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_fault_while_writing_loses_nothing(tmp_path, monkeypatch, kind, fault):
    writer, suffix = WRITERS[kind]
    folder = tmp_path / "shared"
    folder.mkdir()
    target = folder / f"work{suffix}"
    brief = build_brief()
    writer(brief, target)
    old = target.read_bytes()
    brief.title = "Changed since the last save"
    before = storage.dumps(brief)

    _inject(monkeypatch, fault, target)
    with pytest.raises(OSError, match=FAULTS[fault]) as info:
        writer(brief, target)
    assert info.value.strerror, "the message needs the system's reason"
    monkeypatch.undo()

    if fault == "folder deleted":
        assert isinstance(info.value, FileNotFoundError)
        assert storage.dumps(brief) == before
        writer(brief, tmp_path / f"elsewhere{suffix}")
        return
    assert _leftovers(folder, {target.name}) == [], "a temporary file was left behind"
    _assert_nothing_lost(brief, before, target, old, tmp_path / f"elsewhere{suffix}", writer)


def test_file_replaced_by_another_program_during_save_is_never_mixed(tmp_path, monkeypatch):
    """Another program writes the file while we save: the result is one whole version (ours).

    Noticing that the file changed since it was opened is the document's job (see the report).
    """
    target = tmp_path / "work.brief"
    storage.save(build_brief(), target)
    real_fsync = os.fsync

    def competitor_writes(fd: int) -> None:
        target.write_bytes(b'{"app": "briefcomposer", "format": 1, "id": "theirs"')  # half-written by them
        real_fsync(fd)

    monkeypatch.setattr(atomic.os, "fsync", competitor_writes)
    brief = build_brief()
    brief.title = "Ours"
    storage.save(brief, target)
    monkeypatch.undo()
    assert storage.load(target).title == "Ours"


def test_export_detects_a_file_changed_while_it_was_written(tmp_path, monkeypatch):
    target = tmp_path / "brief.docx"
    real_replace = os.replace

    def replace_then_tamper(src, dst) -> None:  # type: ignore[no-untyped-def]
        real_replace(src, dst)
        Path(dst).write_bytes(b"PK\x03\x04 tampered")

    monkeypatch.setattr(atomic.os, "replace", replace_then_tamper)
    with pytest.raises(TemplateError, match="changed while it was being written"):
        docx_writer.export_docx(build_brief(), target)


def test_template_deleted_before_export_is_a_clear_error(tmp_path):
    template = tmp_path / "t.docx"
    shutil.copy(docx_writer.default_template(build_brief()), template)
    template.unlink()
    with pytest.raises(FileNotFoundError) as info:
        docx_writer.export_docx(build_brief(), tmp_path / "out.docx", template=template)
    assert info.value.strerror
    assert not (tmp_path / "out.docx").exists()


# ---------------------------------------------------------------- a real small file system


@pytest.fixture
def tiny_fs(tmp_path):
    """A 64 kB tmpfs (Linux, root, mount allowed), else the test is skipped."""
    if not sys.platform.startswith("linux") or shutil.which("mount") is None:
        pytest.skip("needs Linux mount")
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def _big(brief):  # type: ignore[no-untyped-def]
    # ~200 kB that does not compress (the .docx is a zip): more than the disk holds
    brief.sections[0].items.append(TextItem(text=" ".join(os.urandom(50).hex() for _ in range(2000))))
    return brief


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_real_full_disk_loses_nothing(tmp_path, tiny_fs, kind):
    writer, suffix = WRITERS[kind]
    target = tiny_fs / f"work{suffix}"
    brief = build_brief()
    writer(brief, target)
    old = target.read_bytes()
    _big(brief)
    before = storage.dumps(brief)
    with pytest.raises(OSError, match="No space left") as info:
        writer(brief, target)
    assert info.value.errno == errno.ENOSPC
    assert info.value.strerror
    assert _leftovers(tiny_fs, {target.name}) == []
    _assert_nothing_lost(brief, before, target, old, tmp_path / f"elsewhere{suffix}", writer)


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_real_read_only_file_system_loses_nothing(tmp_path, tiny_fs, kind):
    writer, suffix = WRITERS[kind]
    target = tiny_fs / f"work{suffix}"
    brief = build_brief()
    writer(brief, target)
    old = target.read_bytes()
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_fs)], check=True, capture_output=True)
    brief.title = "Changed"
    before = storage.dumps(brief)
    with pytest.raises(OSError, match="Read-only file system") as info:
        writer(brief, target)
    assert info.value.errno == errno.EROFS
    assert info.value.strerror
    _assert_nothing_lost(brief, before, target, old, tmp_path / f"elsewhere{suffix}", writer)


# ---------------------------------------------------------------- LibreOffice


@pytest.fixture
def docx_file(tmp_path) -> Path:
    path = tmp_path / "brief.docx"
    docx_writer.export_docx(build_brief(), path)
    return path


def _fake_soffice(tmp_path: Path, monkeypatch, body: str) -> Path:  # type: ignore[no-untyped-def]
    script = tmp_path / "soffice"
    script.write_text(
        "#!/bin/sh\n"
        'outdir=""; prev=""\n'
        'for arg in "$@"; do [ "$prev" = "--outdir" ] && outdir="$arg"; prev="$arg"; done\n' + body + "\n"
    )
    script.chmod(0o755)
    monkeypatch.setenv("BRIEFCOMPOSER_SOFFICE", str(script))
    return script


SOFFICE_FAULTS = [
    ("hangs", "sleep 60", "took longer than 1 seconds"),
    ("crashes", "kill -SEGV $$", "could not convert"),
    ("fails quietly", "exit 1", "could not convert"),
    ("reports success, writes nothing", "exit 0", "could not convert"),
    ("writes an empty PDF", ': > "$outdir/in.pdf"', "could not convert"),
    ("floods its output", "head -c 3000000 /dev/zero; exit 0", "could not convert"),
]


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for soffice")
@pytest.mark.parametrize(("case", "body", "match"), SOFFICE_FAULTS, ids=[c[0] for c in SOFFICE_FAULTS])
def test_libreoffice_faults_give_pdf_error_in_time(tmp_path, monkeypatch, docx_file, case, body, match):
    _fake_soffice(tmp_path, monkeypatch, body)
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"%PDF- the previous export")
    started = time.monotonic()
    with pytest.raises(PdfError, match=match) as info:
        convert_to_pdf(docx_file, target, timeout=1)
    assert time.monotonic() - started < 10
    assert "\n" not in str(info.value)
    assert target.read_bytes() == b"%PDF- the previous export"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_hung_libreoffice_is_killed_with_its_children(tmp_path, monkeypatch, docx_file):
    pidfile = tmp_path / "child.pid"
    _fake_soffice(tmp_path, monkeypatch, f"sleep 60 & echo $! > {pidfile}; sleep 60")
    with pytest.raises(PdfError, match="took longer"):
        convert_to_pdf(docx_file, tmp_path / "brief.pdf", timeout=1)
    child = int(pidfile.read_text())
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and _running(child):
        time.sleep(0.05)
    assert not _running(child), "soffice's child process was left running"


def _running(pid: int) -> bool:
    with contextlib.suppress(FileNotFoundError, ProcessLookupError):
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        return state != "Z"
    return False


@pytest.mark.parametrize("setting", ["", "/nowhere/soffice"])
def test_missing_libreoffice_gives_pdf_error(tmp_path, monkeypatch, docx_file, setting):
    monkeypatch.setenv("BRIEFCOMPOSER_SOFFICE", setting)
    with pytest.raises(PdfError, match="not installed"):
        convert_to_pdf(docx_file, tmp_path / "brief.pdf")


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for soffice")
def test_fake_libreoffice_that_works_writes_the_pdf(tmp_path, monkeypatch, docx_file):
    """The fake is faithful enough: when it writes a PDF, the conversion succeeds."""
    _fake_soffice(tmp_path, monkeypatch, 'printf "%%PDF-1.4 fake" > "$outdir/in.pdf"')
    out = convert_to_pdf(docx_file, tmp_path / "brief.pdf", timeout=10)
    assert out.read_bytes() == b"%PDF-1.4 fake"


def test_errors_are_brief_errors_or_os_errors():
    """What the GUI catches: every failure above is a BriefError (PdfError, TemplateError) or an OSError."""
    assert issubclass(PdfError, BriefError)
    assert issubclass(TemplateError, BriefError)
