"""Optional PDF conversion through LibreOffice (``soffice --headless``).

LibreOffice is not a dependency: `find_soffice` returns None when it is absent and
`convert_to_pdf` raises `PdfError`. soffice's exit code is not reliable (it exits 0
when a conversion fails), so success is judged by the PDF it leaves behind. Each
conversion uses its own throw-away LibreOffice profile, so it neither clashes with
an open LibreOffice nor with a parallel conversion.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from briefcomposer.atomic import write_atomically
from briefcomposer.core.errors import BriefError

if TYPE_CHECKING:
    import subprocess

# subprocess is imported where a conversion runs: the window imports this module at start-up
# (is LibreOffice there?) and importing subprocess costs it ~8 ms (issue 5).

logger = logging.getLogger(__name__)

_CANDIDATES = (
    "/usr/bin/soffice",
    "/usr/local/bin/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)


class PdfCancelled(BriefError):
    """The conversion was cancelled; LibreOffice was stopped."""

    def __init__(self, path: object = None) -> None:
        self.path = path
        super().__init__("The PDF conversion was cancelled")


class PdfError(BriefError):
    """A PDF could not be made: LibreOffice is missing, hung or failed."""

    def __init__(self, message: str, path: object = None) -> None:
        self.path = path
        super().__init__(message)


def find_soffice() -> str | None:
    """The path of LibreOffice's ``soffice`` program, or None when it is not installed.

    ``BRIEFCOMPOSER_SOFFICE`` overrides the search (an empty value means "none").
    """
    override = os.environ.get("BRIEFCOMPOSER_SOFFICE")
    if override is not None:
        return override if override and Path(override).is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((c for c in _CANDIDATES if Path(c).is_file()), None)


def convert_to_pdf(docx: Path, target_pdf: Path, timeout: float = 120, cancel: threading.Event | None = None) -> Path:
    """Convert `docx` to `target_pdf` with LibreOffice and return `target_pdf`.

    Raises `PdfError` when LibreOffice is absent, runs past `timeout` seconds (it is
    killed) or produces no PDF. When `cancel` is set while LibreOffice runs, its whole
    process group is killed at once and `PdfCancelled` is raised. `target_pdf` is
    replaced atomically; a failure leaves it untouched.
    """
    import subprocess

    soffice = find_soffice()
    if soffice is None:
        raise PdfError("LibreOffice is not installed, so no PDF can be made (install it, or export to Word only)")
    docx, target_pdf = Path(docx), Path(target_pdf)
    if not docx.is_file():
        raise PdfError(f"{docx.name} does not exist", docx)
    with tempfile.TemporaryDirectory(prefix="briefcomposer-pdf-") as tmp:
        work = Path(tmp)
        profile = (work / "profile").as_uri()
        source = work / "in.docx"  # a plain name: soffice mangles some characters in paths
        shutil.copyfile(docx, source)
        command = [
            soffice,
            "--headless",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            f"-env:UserInstallation={profile}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ]
        kwargs: dict = {}
        if sys.platform == "win32":
            kwargs["creationflags"] = getattr(subprocess, "CREATE_NO_WINDOW", 0)
        else:
            kwargs["start_new_session"] = True  # so a hang can be killed with all its children
        if cancel is not None and cancel.is_set():
            raise PdfCancelled(docx)
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)
        out, err = _wait(proc, docx, timeout, cancel)
        produced = work / "in.pdf"
        if not produced.is_file() or produced.stat().st_size == 0:
            detail = (err or out).decode("utf-8", "replace").strip().splitlines()
            reason = detail[-1] if detail else f"exit code {proc.returncode}"
            raise PdfError(f"LibreOffice could not convert {docx.name}: {reason}", docx)
        write_atomically(target_pdf, produced.read_bytes())
    logger.info("Converted %s to PDF", docx.name)
    return target_pdf


def _wait(
    proc: subprocess.Popen,  # type: ignore[type-arg]
    docx: Path,
    timeout: float,
    cancel: threading.Event | None,
) -> tuple[bytes, bytes]:
    """Wait for LibreOffice, polling `cancel` every 0.1 s; kill it on timeout or cancel."""
    import subprocess

    deadline = time.monotonic() + timeout
    while True:
        step = 0.1 if cancel is not None else max(deadline - time.monotonic(), 0)
        try:
            return proc.communicate(timeout=min(step, max(deadline - time.monotonic(), 0)))
        except subprocess.TimeoutExpired:
            pass
        if cancel is not None and cancel.is_set():
            _kill(proc)
            logger.info("PDF conversion of %s cancelled", docx.name)
            raise PdfCancelled(docx)
        if time.monotonic() >= deadline:
            _kill(proc)
            raise PdfError(f"LibreOffice took longer than {timeout:g} seconds to convert {docx.name}", docx)


def _kill(proc: subprocess.Popen) -> None:  # type: ignore[type-arg]
    import subprocess

    if sys.platform != "win32":
        import signal

        with contextlib.suppress(OSError):
            os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        proc.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.communicate(timeout=10)
