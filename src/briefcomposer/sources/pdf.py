"""PDF importer with pypdf.

Text is taken page by page, then:

- running headers and footers (a line among the first or last three of a page that
  recurs, digits aside, on at least half the pages) and page numbers are dropped;
- lines are joined into paragraphs: a blank line, or a line that ends a sentence and
  is clearly shorter than the text width, ends a paragraph; a short title-case line
  between paragraphs is a heading;
- a word hyphenated at a line end ("nego-" / "tiation") is joined when the next line
  starts with a lower-case letter.

Title and author come from the document information when they are real, else the
first short line. Encrypted files are opened when they need no password; files
without a text layer (scans) are refused with advice to run OCR.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from typing import Any

from briefcomposer.core.errors import SourceError
from briefcomposer.core.model import Source

from ._base import Draft, Problems, clean_paragraph, finish, is_sentence_end, looks_like_heading

logger = logging.getLogger(__name__)

MAX_PAGES = 1_000
_EDGE = 3  # lines at the top and the bottom of a page that may be running heads

_PAGE_NUMBER = re.compile(
    r"^[\W_]*(?:page\s+)?(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:of|/)\s*\d{1,4})?[\W_]*$", re.IGNORECASE
)
_DIGITS = re.compile(r"\d+")
_PLACEHOLDER_TITLES = frozenset({"", "untitled", "title", "document", "microsoft word"})


def load_pdf(data: bytes, problems: Problems, what: str, fallback_title: str | None = None) -> Source:
    """Make a `Source` from the bytes of a PDF file.

    Raises `SourceError` for damaged or password-protected files and files without text.
    """
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError, PdfStreamError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except (DependencyError, NotImplementedError) as exc:
                raise SourceError(
                    f"{what} uses encryption this program cannot open; save an unprotected copy."
                ) from exc
            if not opened:
                raise SourceError(f"{what} is password-protected; save an unprotected copy and import that.")
        pages = list(reader.pages)
    except SourceError:
        raise
    except (PdfReadError, PdfStreamError, FileNotDecryptedError, ValueError, KeyError, TypeError) as exc:
        raise SourceError(f"{what} is damaged or is not a PDF file.") from exc
    except Exception as exc:  # pypdf on a hostile file can raise almost anything
        logger.warning("pypdf could not open %s", what, exc_info=True)
        raise SourceError(f"{what} could not be read; it may be damaged.") from exc
    if not pages:
        raise SourceError(f"{what} has no pages.")
    if len(pages) > MAX_PAGES:
        problems.warn(f"the PDF has {len(pages):,} pages; only the first {MAX_PAGES:,} were imported")
        pages = pages[:MAX_PAGES]

    page_lines: list[list[str]] = []
    failed: list[int] = []
    for number, page in enumerate(pages, start=1):
        try:
            text = page.extract_text() or ""
        except Exception:  # one bad page should not lose the others
            logger.warning("Page %d of %s could not be read", number, what, exc_info=True)
            failed.append(number)
            text = ""
        # A page break is not a paragraph break: blank lines at either end go.
        page_lines.append(text.replace("\r\n", "\n").replace("\r", "\n").strip("\n").split("\n"))
    if failed:
        shown = ", ".join(str(n) for n in failed[:10]) + (" ..." if len(failed) > 10 else "")
        problems.warn(f"the text of page(s) {shown} could not be read")
    if not any(line.strip() for lines in page_lines for line in lines):
        raise SourceError(f"{what} has no text layer (it is probably a scan); run it through OCR first.")

    page_lines = _drop_running_lines(page_lines)
    draft = Draft()
    for text, heading in _paragraphs(page_lines):
        draft.add(text, heading)
    title, author = _info(reader)
    draft.title, draft.author = title, author
    if draft.title is None and draft.blocks:
        first = draft.blocks[0][0]
        if len(first.split()) <= 20 and not is_sentence_end(first):
            draft.title = first
            draft.blocks.pop(0)
    return finish(draft, problems, what, fallback_title=fallback_title)


def _info(reader: Any) -> tuple[str | None, str | None]:
    try:
        info = reader.metadata
        title = clean_paragraph(str(info.title or "")) if info else ""
        author = clean_paragraph(str(info.author or "")) if info else ""
    except Exception:  # a broken info dictionary is not worth failing the import
        logger.warning("Unreadable PDF document information", exc_info=True)
        return None, None
    if title.lower().startswith("microsoft word - "):
        title = re.sub(r"\.docx?$", "", title[len("microsoft word - ") :], flags=re.IGNORECASE)
    if title.lower() in _PLACEHOLDER_TITLES or re.search(r"\.(?:docx?|pdf|indd|tex)$", title, re.IGNORECASE):
        title = ""
    return title or None, author or None


def _running_key(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split()).lower())


def _drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers and lines repeated at the top or bottom of most pages."""
    edges: Counter[str] = Counter()
    for lines in pages:
        content = [line for line in lines if line.strip()]
        keys = {_running_key(line) for line in content[:_EDGE] + content[-_EDGE:]}
        edges.update(keys)
    threshold = max(2, (len(pages) + 1) // 2)
    running = {key for key, count in edges.items() if count >= threshold} if len(pages) >= 2 else set()
    out: list[list[str]] = []
    for lines in pages:
        indices = [i for i, line in enumerate(lines) if line.strip()]
        edge = set(indices[:_EDGE] + indices[-_EDGE:])
        kept = []
        for i, line in enumerate(lines):
            if i in edge and (_running_key(line) in running or _PAGE_NUMBER.match(line.strip())):
                continue
            kept.append(line)
        out.append(kept)
    return out


def _hyphenated(line: str) -> bool:
    return len(line) >= 2 and line[-1] in "-\u00ad" and line[-2].isalpha()


def _paragraphs(pages: list[list[str]]) -> list[tuple[str, bool]]:
    lines_all = [line.strip() for lines in pages for line in lines]
    lengths = sorted(len(line) for line in lines_all if len(line) > 20)
    width = lengths[int(len(lengths) * 0.8)] if lengths else 80
    out: list[tuple[str, bool]] = []
    parts: list[str] = []  # the lines of the paragraph being built; joined once, at the end

    def flush() -> None:
        text = "".join(parts).strip()
        if text:
            out.append((text, False))
        parts.clear()

    for line in lines_all:
        if not line:
            flush()
            continue
        if (not parts or is_sentence_end(parts[-1])) and looks_like_heading(line) and len(line) < width * 0.7:
            flush()
            out.append((line, True))
            continue
        if parts and _hyphenated(parts[-1]) and line[:1].islower():
            parts[-1] = parts[-1][:-1]  # "exam-" + "ine" -> "examine"
        elif parts:
            parts.append(" ")
        parts.append(line)
        if is_sentence_end(line) and len(line) < width * 0.85:
            flush()
    flush()
    # a "heading" that is not followed by a paragraph is text (e.g. a closing line)
    if out and out[-1][1]:
        out[-1] = (out[-1][0], False)
    return out
