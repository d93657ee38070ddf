""" "Preview in Word layout": the real .docx, laid out by LibreOffice, drawn as page images.

The brief is exported exactly as "Export to Word" would, converted to PDF by LibreOffice
(`export.pdf.convert_to_pdf`, killed after a timeout) and drawn page by page with
poppler's ``pdftoppm``. Runs in a worker `Job`; QImage (not QPixmap) is safe off the GUI thread.
"""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage

from briefcomposer.core.model import Brief

logger = logging.getLogger(__name__)

MAX_PAGES = 40
DPI = 96
RENDER_TIMEOUT_S = 60


translate = QCoreApplication.translate  # literal calls, so that pyside6-lupdate finds them


def find_pdftoppm() -> str | None:
    return shutil.which("pdftoppm")


def unavailable_reason() -> str | None:
    """Why the Word layout preview cannot run here, or None when it can."""
    try:
        from briefcomposer.export.pdf import find_soffice
    except ImportError:
        return translate("word_layout", "Preview in Word layout is not available in this installation.")
    if find_soffice() is None:
        return translate(
            "word_layout", "Preview in Word layout needs LibreOffice, which was not found on this computer."
        )
    if find_pdftoppm() is None:
        return translate(
            "word_layout",
            "Preview in Word layout needs pdftoppm (poppler-utils), which was not found on this computer.",
        )
    return None


def render_pages(
    brief: Brief,
    progress: Callable[[int, int], None],
    template: Path | None = None,
    author: str = "",
    timeout: float = 120,
    cancel: threading.Event | None = None,
    shared: Sequence[Path] = (),
) -> list[QImage]:
    """Export `brief` to Word, lay it out with LibreOffice and return its pages as images.

    Raises `PdfError` when LibreOffice or pdftoppm is missing, hangs past `timeout`
    or fails, `PdfCancelled` as soon as `cancel` is set while LibreOffice runs (it is
    killed), and `TemplateError` when the brief cannot be exported.
    """
    import subprocess  # here, not at the top: the window imports this module at start-up (issue 5)

    from briefcomposer.export.docx_writer import export_docx
    from briefcomposer.export.pdf import PdfError, convert_to_pdf

    pdftoppm = find_pdftoppm()
    if pdftoppm is None:
        raise PdfError("pdftoppm (poppler-utils) is not installed, so the pages cannot be drawn")
    steps = 4
    with tempfile.TemporaryDirectory(prefix="briefcomposer-layout-") as tmp:
        work = Path(tmp)
        progress(0, steps)
        docx = export_docx(brief, work / "brief.docx", template=template, author=author, shared=shared)
        progress(1, steps)
        pdf = convert_to_pdf(docx, work / "brief.pdf", timeout=timeout, cancel=cancel)
        progress(2, steps)
        command = [pdftoppm, "-png", "-r", str(DPI), "-l", str(MAX_PAGES), str(pdf), str(work / "page")]
        try:
            done = subprocess.run(command, capture_output=True, timeout=RENDER_TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            raise PdfError(f"pdftoppm took longer than {RENDER_TIMEOUT_S} seconds to draw the pages") from None
        except OSError as exc:
            raise PdfError(f"pdftoppm could not be started: {exc.strerror or exc}") from None
        pages = sorted(work.glob("page*.png"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
        if done.returncode != 0 or not pages:
            detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise PdfError(f"pdftoppm could not draw the pages: {detail[-1] if detail else done.returncode}")
        progress(3, steps)
        images = []
        for page in pages:
            image = QImage(str(page))
            if image.isNull():
                raise PdfError(f"{page.name} could not be read")
            images.append(image)
        progress(steps, steps)
    logger.info("Word layout: %d pages", len(images))
    return images
