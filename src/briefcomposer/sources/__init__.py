"""Source importers: article files (.txt, .md, .html, .docx, .pdf) and pasted text -> `Source`.

`load(path, on_problem)` picks the importer by extension (and by content for files
whose extension is unknown or wrong). Unusable input raises `SourceError` with a
one-line message; problems that leave a usable but partial import go to
`on_problem` as one-line strings (None: they are only logged).

Importing this package is cheap: trafilatura, pypdf and python-docx are imported by
the loader that needs them, when it runs.

Limits (see `_base`): files over 50 MB are refused unread; decoded text is cut at
5,000,000 characters, paragraphs are split at 10,000 characters and at most 5,000
paragraphs are kept, each with a warning.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path

from briefcomposer.core.errors import SourceError
from briefcomposer.core.model import Source

from ._base import MAX_FILE_BYTES, MAX_PARAGRAPH_CHARS, MAX_PARAGRAPHS, MAX_TEXT_CHARS, Problems, display_name

logger = logging.getLogger(__name__)

__all__ = [
    "FILE_FILTER",
    "MAX_FILE_BYTES",
    "MAX_PARAGRAPHS",
    "MAX_PARAGRAPH_CHARS",
    "MAX_TEXT_CHARS",
    "SUPPORTED_SUFFIXES",
    "from_text",
    "load",
    "load_sample",
]

SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".docx", ".pdf")
FILE_FILTER = (
    "Articles (*.txt *.md *.markdown *.html *.htm *.xhtml *.docx *.pdf);;"
    "Text (*.txt *.md *.markdown);;Web pages (*.html *.htm *.xhtml);;Word (*.docx);;PDF (*.pdf);;All files (*)"
)

_KINDS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}
_UNSUPPORTED = {
    ".doc": "is an old-style Word document; open it in Word and save it as .docx",
    ".rtf": "is a Rich Text file; open it in Word and save it as .docx",
    ".odt": "is an OpenDocument file; save it as .docx",
    ".pages": "is a Pages document; export it as .docx or PDF",
    ".epub": "is an e-book; copy the article text and paste it instead",
    ".mht": "is a web archive; save the page as HTML instead",
    ".mhtml": "is a web archive; save the page as HTML instead",
}


def load(path: Path | str, on_problem: Callable[[str], None] | None = None) -> Source:
    """Import the article file at `path`.

    `on_problem` receives one-line warnings when the import is partial (None: warnings
    are only logged). `retrieved` is left None for files; `url` is set when the file
    says where it came from. Raises `SourceError` for a missing, empty, over-size,
    damaged, protected or unreadable file.
    """
    path = Path(path)
    try:
        return _load(path, Problems(on_problem, path.name))
    except SourceError as exc:
        if exc.path is None:
            exc.path = path
        raise


def _load(path: Path, problems: Problems) -> Source:
    what = display_name(path)
    data = _read(path, what)
    kind = _kind(path, data, problems, what)
    logger.info("Importing %s as %s", path.name, kind)
    if kind in ("text", "markdown"):
        from ._base import decode_text
        from .text import load_text

        text = decode_text(data, what, problems)
        return load_text(text, problems, what, is_markdown=kind == "markdown")
    if kind == "html":
        from .html_page import load_html

        return load_html(data, problems, what)
    if kind == "docx":
        from .word import load_docx

        return load_docx(data, problems, what, fallback_title=_title_from_name(path))
    from .pdf import load_pdf

    return load_pdf(data, problems, what, fallback_title=_title_from_name(path))


def from_text(text: str, title: str | None = None) -> Source:
    """Make a `Source` from pasted text, cleaned as a .txt file is.

    `title` None means the first line is the title. Raises `SourceError` when the text
    has nothing to import.
    """
    from .text import load_text

    if not text.strip():
        raise SourceError("The pasted text is empty.")
    if title is None and len(text.strip().splitlines()) == 1:
        # One line is the text, titled by its first words, not a title over nothing: it was
        # refused as "no text to import" (issue 5).
        source = load_text(text, Problems(None, "pasted text"), "The pasted text", title="Pasted text")
        words = text.split()
        source.title = " ".join(words[:8]) + ("\u2026" if len(words) > 8 else "")
        return source
    return load_text(text, Problems(None, "pasted text"), "The pasted text", title=title)


def load_sample() -> Source:
    """The embedded sample article (RUSI, "Dialogue Matters: Russia–NATO Relations").

    Metadata comes from the .json file beside the text; the text is cleaned as any
    .txt file is (image credit, byline and "View profile" dropped, "RussiaNATO" repaired).
    """
    from briefcomposer.paths import sample_path

    path = sample_path()
    source = load(path)
    meta_path = path.with_suffix(".json")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        logger.warning("No usable metadata beside the sample at %s", meta_path, exc_info=True)
        meta = {}
    for key in ("title", "author", "publisher", "date", "url"):
        value = meta.get(key)
        if isinstance(value, str) and value.strip():
            setattr(source, key, value.strip())
    return source


def _read(path: Path, what: str) -> bytes:
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise SourceError(f"{what} is a folder, not a file.", path)
        if size > MAX_FILE_BYTES:
            raise SourceError(
                f"{what} is {size / 2**20:.0f} MB; files over {MAX_FILE_BYTES // 2**20} MB cannot be imported.", path
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as exc:
        raise SourceError(f"{what} was not found; it may have been moved or deleted.", path) from exc
    except PermissionError as exc:
        raise SourceError(f"You do not have permission to open {what}.", path) from exc
    except OSError as exc:
        raise SourceError(f"{what} could not be read: {exc.strerror or exc}.", path) from exc
    if len(data) > MAX_FILE_BYTES:
        raise SourceError(f"{what} is larger than {MAX_FILE_BYTES // 2**20} MB and cannot be imported.", path)
    if not data.strip():
        raise SourceError(f"{what} is empty.", path)
    return data


def _kind(path: Path, data: bytes, problems: Problems, what: str) -> str:
    suffix = path.suffix.lower()
    sniffed = _sniff(data)
    named = _KINDS.get(suffix)
    if sniffed == "ole":
        raise SourceError(
            f"{what} is password-protected or an old-style Office file; save an unprotected .docx copy.", path
        )
    if named is None and suffix in _UNSUPPORTED and sniffed in (None, "text"):
        raise SourceError(f"{what} {_UNSUPPORTED[suffix]}.", path)
    if sniffed in ("pdf", "docx", "zip") and named != sniffed:
        if sniffed == "zip":
            raise SourceError(f"{what} is a compressed (zip) file, not an article.", path)
        if named is not None:
            problems.warn(f"the file is named {suffix} but is a {sniffed.upper()} file; it was read as one")
        return sniffed
    if named == "pdf" or named == "docx":
        if sniffed != named:
            raise SourceError(f"{what} is not a valid {named.upper()} file; it may be damaged.", path)
        return named
    if named is not None:
        return named
    if sniffed == "html":
        return "html"
    return "text"  # unknown extension: text if it decodes (decode_text refuses binary)


def _sniff(data: bytes) -> str | None:
    head = data[:1024]
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"  # Office 97-2003 files, and password-protected Office 2007+ files
    if head.lstrip().startswith(b"%PDF-") or b"%PDF-" in head[:16]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in data[:65536] or b"[Content_Types].xml" in data[:65536] else "zip"
    lowered = head.lower().replace(b"\x00", b"")
    if b"<!doctype html" in lowered or b"<html" in lowered:
        return "html"
    return None


def _title_from_name(path: Path) -> str:
    return path.stem.replace("_", " ").replace("-", " ").strip() or path.name
