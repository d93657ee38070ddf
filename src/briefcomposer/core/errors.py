"""Errors raised on purpose by briefcomposer.

Every error the program raises deliberately derives from `BriefError`, so the
command line and the GUI can tell an explained failure (show its message) from a
bug (show a crash report). Messages are one line, written for a policy officer.
"""

from __future__ import annotations


class BriefError(Exception):
    """Root of every error raised on purpose."""


class SpanError(BriefError, ValueError):
    """A span of a source paragraph that is empty or falls outside the paragraph."""

    def __init__(self, paragraph: int, start: int, end: int, detail: str = "") -> None:
        self.paragraph, self.start, self.end = paragraph, start, end
        msg = f"the selection {start}-{end} of paragraph {paragraph + 1} is empty or outside the text"
        super().__init__(f"{msg}: {detail}" if detail else msg)


class NotFoundError(BriefError, KeyError):
    """An id that names no object of the brief."""

    def __init__(self, what: str, ident: str) -> None:
        self.what, self.ident = what, ident
        super().__init__(f"no {what} with id {ident!r} in this brief")

    def __str__(self) -> str:  # KeyError would add quotes around the message
        return str(self.args[0])


class RuleError(BriefError, ValueError):
    """An operation that breaks a rule of the model (e.g. merging an actor into itself)."""


class SourceError(BriefError):
    """A source file that cannot be imported."""

    def __init__(self, message: str, path: object = None) -> None:
        self.path = path
        super().__init__(message)


class ProjectFormatError(BriefError):
    """A file that is not a .brief project, of a newer format, or inconsistent."""

    def __init__(self, message: str, path: object = None) -> None:
        self.path = path
        super().__init__(message)


class StructureError(BriefError):
    """A brief structure template that is missing, malformed or unknown."""


class TemplateError(BriefError):
    """A Word template that cannot be used to export a brief."""


class AnalysisError(BriefError):
    """The analysis of a source failed for a reason that can be explained."""
