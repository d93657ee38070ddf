"""Word (.docx) importer with python-docx.

Paragraphs in body order (tables give one paragraph per row, cells joined with " | ",
content controls are entered); "Heading N" and outline-level paragraphs are headings;
a "Title" paragraph is the title. Title and author come from the core properties when
they are real (not Word's or python-docx's defaults), else from the first "Title" or
heading paragraph, else the first short line.

Before python-docx sees the file, the zip is checked: at most `MAX_PARTS` parts and
`MAX_UNPACKED_BYTES` unpacked, no large part compressed more than `MAX_RATIO` times
(zip bombs), no part name that climbs out of the package (``../``, absolute names),
no macros, and no XML part may hold a DTD (entity expansion and external entities, XXE).
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
import zlib
from typing import Any

from briefcomposer.core.errors import SourceError
from briefcomposer.core.model import Source

from ._base import Draft, Problems, clean_paragraph, finish

logger = logging.getLogger(__name__)

MAX_PARTS = 2_000
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # all parts together, as declared in the zip
MAX_XML_PART_BYTES = 100 * 1024 * 1024  # one XML part
# Word XML deflates 5-20 times; a bomb of repeated elements 1000 times. Parts under
# RATIO_FLOOR may compress as they like.
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024
_MACRO_PART = re.compile(r"(^|/)(vbaProject\.bin|vbaData\.xml)$", re.IGNORECASE)

_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_PLACEHOLDER_TITLES = frozenset({"", "word document", "document", "document1", "untitled", "title", "microsoft word"})
_PLACEHOLDER_AUTHORS = frozenset(
    {"", "python-docx", "microsoft office user", "windows user", "user", "administrator", "admin", "author", "unknown"}
)
_HEADING_STYLE = re.compile(r"^(?:heading|überschrift|titre|titolo|título|kop)\s*(\d)$", re.IGNORECASE)


def check_package(data: bytes, what: str) -> None:
    """Refuse a .docx that is not a Word package, is a zip bomb, has unsafe part names,
    macros or a DTD.

    Raises `SourceError`.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise SourceError(f"{what} is damaged or is not a Word document.") from exc
    with archive:
        infos = archive.infolist()
        names = {info.filename for info in infos}
        if "[Content_Types].xml" not in names or not any(n.startswith("word/") for n in names):
            raise SourceError(f"{what} is not a Word document (it is some other kind of zip file).")
        if len(infos) > MAX_PARTS or sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
            raise SourceError(f"{what} unpacks to an unreasonable size; it may be damaged or malicious.")
        if any(i.file_size > RATIO_FLOOR and i.file_size > MAX_RATIO * max(i.compress_size, 1) for i in infos):
            raise SourceError(f"{what} unpacks to an unreasonable size; it may be damaged or malicious.")
        if not all(_safe_part_name(name) for name in names):
            raise SourceError(f"{what} holds a part whose name points outside the document; refused.")
        if any(_MACRO_PART.search(name) for name in names):
            raise SourceError(f"{what} contains macros; save a copy as a plain .docx (without macros) and import that.")
        for info in infos:
            if not info.filename.lower().endswith((".xml", ".rels")):
                continue
            if info.file_size > MAX_XML_PART_BYTES:
                raise SourceError(f"{what} unpacks to an unreasonable size; it may be damaged or malicious.")
            try:
                part = archive.read(info)
            except (zipfile.BadZipFile, NotImplementedError, OSError, ValueError, EOFError, zlib.error) as exc:
                raise SourceError(f"{what} is damaged (part {info.filename} cannot be unpacked).") from exc
            if part.startswith((b"\xff\xfe", b"\xfe\xff")):
                part = part.decode("utf-16", errors="replace").encode("utf-8")
            if _DTD.search(part):
                raise SourceError(f"{what} contains a document type declaration, which Word never writes; refused.")
            if info.filename == "[Content_Types].xml" and re.search(rb"macroEnabled|vbaProject", part, re.IGNORECASE):
                raise SourceError(
                    f"{what} contains macros; save a copy as a plain .docx (without macros) and import that."
                )


def _safe_part_name(name: str) -> bool:
    """False for names no Word package holds: absolute, drive letters, backslashes, ``..``, NUL."""
    if not name or name.startswith("/") or "\\" in name or "\x00" in name or re.match(r"^[A-Za-z]:", name):
        return False
    return all(segment not in ("..", ".") for segment in name.split("/"))


def load_docx(data: bytes, problems: Problems, what: str, fallback_title: str | None = None) -> Source:
    """Make a `Source` from the bytes of a .docx file.

    Raises `SourceError` for damaged, protected, hostile or empty documents.
    """
    check_package(data, what)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise SourceError(f"{what} is damaged or is not a Word document.") from exc
    except Exception as exc:  # lxml or python-docx choking on a hostile part must not crash the app
        logger.warning("python-docx could not open %s", what, exc_info=True)
        raise SourceError(f"{what} could not be read; it may be damaged.") from exc

    draft = Draft()
    title_from_style: str | None = None
    try:
        for text, style, level in _iter_blocks(document):
            if style == "title" and title_from_style is None:
                title_from_style = text
                continue
            draft.add(text, heading=level is not None)
    except Exception as exc:  # a malformed part deep in the body
        logger.warning("Reading the body of %s failed", what, exc_info=True)
        if not draft.blocks:
            raise SourceError(f"{what} could not be read; it may be damaged.") from exc
        problems.warn("part of the document could not be read; the import stops where the damage starts")

    title, author = _core_properties(document, problems)
    draft.title = title or title_from_style
    if title and title_from_style and title_from_style != title:
        draft.blocks.insert(0, (title_from_style, True))  # the visible title differs: keep it as text
    draft.author = author
    if draft.title is None and draft.blocks:
        first, heading = draft.blocks[0]
        if heading or len(first.split()) <= 20:
            draft.title = first
            draft.blocks.pop(0)
    return finish(draft, problems, what, fallback_title=fallback_title)


def _core_properties(document: Any, problems: Problems) -> tuple[str | None, str | None]:
    try:
        props = document.core_properties
        title = clean_paragraph(props.title or "")
        author = clean_paragraph(props.author or "")
    except Exception:  # malformed docProps/core.xml: the body is still worth having
        logger.warning("Unreadable core properties", exc_info=True)
        problems.warn("the document properties (title, author) could not be read")
        return None, None
    if title.lower() in _PLACEHOLDER_TITLES or title.lower().startswith("microsoft word - "):
        title = ""
    if author.lower() in _PLACEHOLDER_AUTHORS:
        author = ""
    return title or None, author or None


def _iter_blocks(document: Any):  # type: ignore[no-untyped-def]
    """(text, style key, heading level or None) for each paragraph of the body in order."""
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = document.element.body
    p_tag, tbl_tag, sdt_tag, content_tag = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")

    def walk(container: Any):  # type: ignore[no-untyped-def]
        for child in container.iterchildren():
            if child.tag == p_tag:
                paragraph = Paragraph(child, document)
                text = clean_paragraph(paragraph.text)
                if text:
                    yield (text, *_style(paragraph))
            elif child.tag == tbl_tag:
                for row in Table(child, document).rows:
                    cells: list[str] = []
                    for cell in row.cells:
                        text = clean_paragraph(" ".join(p.text for p in cell.paragraphs))
                        if text and (not cells or cells[-1] != text):  # merged cells repeat
                            cells.append(text)
                    if cells:
                        yield (" | ".join(cells), "", None)
            elif child.tag == sdt_tag:
                content = child.find(content_tag)
                if content is not None:
                    yield from walk(content)

    yield from walk(body)


def _style(paragraph: Any) -> tuple[str, int | None]:
    name = ""
    try:
        style = paragraph.style
        name = (style.name or "") if style is not None else ""
    except (KeyError, ValueError, AttributeError):
        name = ""
    lowered = name.strip().lower()
    if lowered == "title":
        return "title", None
    if m := _HEADING_STYLE.match(lowered):
        return "heading", int(m.group(1))
    outline = paragraph._p.find(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}outlineLvl")
    if outline is not None:
        value = outline.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val", "")
        if value.isdigit() and int(value) < 9:
            return "heading", int(value) + 1
    return lowered, None
