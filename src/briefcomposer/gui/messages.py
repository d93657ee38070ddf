"""Plain sentences for errors, with the technical detail on demand.

Lower layers raise `BriefError` subclasses carrying data; this module decides what
the officer reads. `show_error` is the one way the GUI reports an explained failure
(tests replace it so nothing blocks).
"""

from __future__ import annotations

import errno
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from briefcomposer.core.errors import (
    AnalysisError,
    BriefError,
    NotFoundError,
    ProjectFormatError,
    RuleError,
    SourceError,
    SpanError,
    StructureError,
    TemplateError,
)

logger = logging.getLogger(__name__)


translate = QCoreApplication.translate  # literal calls, so that pyside6-lupdate finds them


def explain(exc: BaseException, path: Path | None = None) -> tuple[str, str]:
    """Return `(sentence, detail)` for `exc`: the sentence for everyone, the detail on demand."""
    name = path.name if path else ""
    detail = str(exc)
    if isinstance(exc, ProjectFormatError):
        return translate("messages", "This file cannot be opened as a brief."), detail
    if isinstance(exc, SourceError):
        # The importers say what is wrong in a sentence ("“empty.txt” is empty."): that is what
        # the officer reads, not only behind "Show Details" (issue 5).
        if detail.endswith((".", "?", "!")):
            return detail, ""
        return translate("messages", "This file could not be imported as a source."), detail
    if type(exc).__name__ == "PdfError":  # export.pdf is optional: matched by name, not imported
        reason = detail.rstrip(".")
        return translate("messages", "The PDF could not be made: %s.") % reason, ""
    if isinstance(exc, TemplateError):
        return translate("messages", "The Word template cannot be used."), detail
    if isinstance(exc, StructureError):
        return translate("messages", "The brief structure template cannot be used."), detail
    if isinstance(exc, SpanError):
        return translate("messages", "Select some text within one paragraph first."), detail
    if isinstance(exc, AnalysisError):
        return translate("messages", "The source could not be analysed."), detail
    if isinstance(exc, NotFoundError):
        return translate("messages", "That part of the brief no longer exists."), detail
    if isinstance(exc, RuleError):
        return detail[:1].upper() + detail[1:] + ("" if detail.endswith(".") else "."), ""
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return translate("messages", "The disk is full, so %s could not be written.") % (
            name or translate("messages", "the file")
        ), detail
    if isinstance(exc, OSError) and exc.errno == errno.EROFS:
        return translate("messages", "%s is on a read-only disk.") % (name or translate("messages", "The file")), detail
    if isinstance(exc, PermissionError):
        return translate("messages", "You do not have permission to write %s.") % (
            name or translate("messages", "this file")
        ), detail
    if isinstance(exc, FileNotFoundError):
        return translate("messages", "The file or folder %s does not exist.") % (name or ""), detail
    if isinstance(exc, OSError):
        return translate("messages", "Could not use the file %s.") % name if name else translate(
            "messages", "A file could not be used."
        ), (exc.strerror or detail)
    if isinstance(exc, BriefError):
        return detail, ""
    return translate("messages", "Something went wrong."), f"{type(exc).__name__}: {detail}"


def show_error(parent: QWidget | None, text: str, detail: str = "", title: str = "") -> None:
    """Show `text` in a warning box; `detail` goes behind the "Show Details..." button."""
    from PySide6.QtWidgets import QMessageBox  # here, not at start-up (0.8 ms; issue 5)

    logger.info("Error shown: %s (%s)", text, detail)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        title or translate("messages", "Brief Composer"),
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    if detail:
        box.setDetailedText(detail)
    box.exec()


def show_exception(parent: QWidget | None, exc: BaseException, path: Path | None = None, lead: str = "") -> None:
    """Explain `exc` with `show_error`; `lead` replaces the generic sentence when given."""
    text, detail = explain(exc, path)
    show_error(parent, f"{lead} {text}".strip() if lead else text, detail)
