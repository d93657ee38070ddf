"""Refuse dangerous Word files before anything parses or renders them.

A department template arrives by e-mail or from a shared folder, so it is
untrusted. `package_problems` looks at the zip container and every XML part with
bounded reads and a parser that resolves no entities and loads no DTD:

- not a zip, too big, too many parts, unsafe part names (``../``, absolute,
  backslashes, drive letters);
- zip bombs: declared sizes and compression ratios are checked before a byte is
  inflated, and each part is read with a cap in case the sizes lie;
- macros and active content: ``.docm``/``.dotm``, ``vbaProject.bin``, macro-enabled
  or ActiveX/OLE content types, external relationships other than hyperlinks
  (a remote ``attachedTemplate`` is a known phishing trick);
- XML with a DTD or entity declarations (billion laughs, XXE) and malformed XML;
- links that are not ``http``, ``https`` or ``mailto`` (``javascript:``, ``file:``,
  UNC paths), and Word fields that run programs or fetch files when the document is
  opened or updated (``DDE``, ``DDEAUTO``, ``INCLUDETEXT``, ``INCLUDEPICTURE``, ``LINK``,
  ``IMPORT``), whose targets would travel into every exported brief.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import PurePosixPath

from lxml import etree

MAX_PACKAGE_BYTES = 25 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_PART_BYTES = 40 * 1024 * 1024
MAX_PARTS = 2000
MAX_RATIO = 200  # Word XML deflates 5-20x; a bomb deflates 1000x
RATIO_FLOOR = 1024 * 1024  # small parts may compress as they like

WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_FORBIDDEN_CT = re.compile(r"macroEnabled|vbaProject|vbaData|activeX|oleObject|ms-office\.vba", re.I)
_FORBIDDEN_NAME = re.compile(r"(^|/)(vbaProject\.bin|vbaData\.xml|activeX\d*\.(xml|bin)|oleObject\d*\.bin)$", re.I)
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.I)
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
)
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"


def package_problems(data: bytes, name: str = "template", max_ratio: int | None = MAX_RATIO) -> list[str]:
    """One-line descriptions of what makes `data` unsafe to open; empty when it is safe.

    `max_ratio` None skips the compression-ratio test (for documents rendered here,
    where repeated text compresses well; the size caps still apply).

    Stops at the first problem of a kind that makes further checks pointless
    (not a zip, a bomb); otherwise reports every problem found.
    """
    lower = name.lower()
    if lower.endswith((".docm", ".dotm")):
        return [f"{name} is a macro-enabled Word file; save it as a plain .docx without macros"]
    if len(data) > MAX_PACKAGE_BYTES:
        return [f"{name} is {len(data) // 1024 // 1024} MB; a Word template should be far smaller"]
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError, OSError) as exc:
        return [f"{name} is not a Word .docx file (not a valid zip package: {exc})"]
    if len(infos) > MAX_PARTS:
        return [f"{name} has {len(infos)} parts; refusing a package this large"]
    problems: list[str] = []
    total = 0
    for info in infos:
        part = info.filename
        total += info.file_size
        if not _safe_name(part):
            problems.append(f"{name}: unsafe part name {part!r} (absolute path or '..')")
        if _FORBIDDEN_NAME.search(part):
            problems.append(f"{name} contains macros or active content ({part}); remove them and save as .docx")
        if info.file_size > MAX_PART_BYTES or (
            max_ratio is not None
            and info.file_size > RATIO_FLOOR
            and info.file_size > max_ratio * max(info.compress_size, 1)
        ):
            return [f"{name} looks like a zip bomb: {part} inflates to {info.file_size // 1024 // 1024} MB"]
        if info.flag_bits & 0x1:
            problems.append(f"{name}: the part {part} is encrypted")
    if total > MAX_UNPACKED_BYTES:
        return [f"{name} looks like a zip bomb: it inflates to {total // 1024 // 1024} MB"]
    if problems:
        return problems

    unpacked = 0
    for info in infos:
        part = info.filename
        if info.is_dir():
            continue
        try:
            with zf.open(info) as fh:
                blob = fh.read(info.file_size + 1)
        except (
            zipfile.BadZipFile,
            NotImplementedError,
            OSError,
            EOFError,
            ValueError,
            RuntimeError,
            zlib.error,
        ) as exc:
            return [f"{name}: cannot read the part {part} ({exc})"]
        unpacked += len(blob)
        if len(blob) > info.file_size or unpacked > MAX_UNPACKED_BYTES:
            return [f"{name} looks like a zip bomb: {part} inflates beyond its declared size"]
        if part.lower().endswith((".xml", ".rels")):
            problems.extend(_xml_problems(name, part, blob))
    if problems:
        return problems
    problems.extend(_package_semantics(name, zf))
    return problems


def _safe_name(part: str) -> bool:
    if not part or part.startswith(("/", "\\")) or "\\" in part or "\x00" in part:
        return False
    if re.match(r"^[A-Za-z]:", part):
        return False
    return all(seg not in ("..", ".") for seg in PurePosixPath(part).parts)


def _xml_problems(name: str, part: str, blob: bytes) -> list[str]:
    text = blob
    if blob.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = blob.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            return [f"{name}: {part} is not readable text"]
    if _DTD.search(text):
        return [f"{name}: {part} declares a DTD or entities, which Word files never need (refused: entity attacks)"]
    try:
        root = etree.fromstring(blob, _PARSER)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno else "-"
        msg = (str(exc.msg if hasattr(exc, "msg") else exc).splitlines() or ["unreadable"])[0]
        return [f"{name}: {part} line {line}: malformed XML ({msg})"]
    return _field_problems(name, part, root)


SAFE_LINK = re.compile(r"^(https?://|mailto:)", re.I)
_ACTIVE_FIELDS = frozenset({"DDE", "DDEAUTO", "INCLUDETEXT", "INCLUDEPICTURE", "LINK", "IMPORT", "INCLUDE"})
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _field_codes(root) -> list[str]:  # type: ignore[no-untyped-def]
    """The instructions of every field in a story part: simple fields and complex ones,
    whose instruction Word may split over several runs."""
    codes = [el.get(f"{_W}instr", "") for el in root.iter(f"{_W}fldSimple")]
    current: list[str] | None = None
    for el in root.iter(f"{_W}fldChar", f"{_W}instrText"):
        if el.tag == f"{_W}instrText":
            if current is None:
                current = []
            current.append(el.text or "")
        elif el.get(f"{_W}fldCharType") == "begin":
            if current is not None:
                codes.append("".join(current))
            current = []
        elif el.get(f"{_W}fldCharType") in ("separate", "end") and current is not None:
            codes.append("".join(current))
            current = None
    if current is not None:
        codes.append("".join(current))
    return codes


def _field_problems(name: str, part: str, root) -> list[str]:  # type: ignore[no-untyped-def]
    problems = []
    for code in _field_codes(root):
        words = code.split()
        keyword = words[0].upper() if words else ""
        if keyword in _ACTIVE_FIELDS:
            problems.append(f"{name}: {part} has a {keyword} field, which can run programs or fetch files; refused")
        elif keyword == "HYPERLINK":
            if any(w.lower() == "\\l" for w in words[1:]):
                continue  # a link to a bookmark in the document itself
            target = next((w.strip('"') for w in words[1:] if not re.fullmatch(r"\\[a-zA-Z]", w)), "")
            if target and not SAFE_LINK.match(target):
                problems.append(
                    f"{name}: {part} links to {target[:60]!r}; only http, https and mailto links are allowed"
                )
    return problems


def _package_semantics(name: str, zf: zipfile.ZipFile) -> list[str]:
    problems = []
    try:
        types = etree.fromstring(zf.read("[Content_Types].xml"), _PARSER)
    except KeyError:
        return [f"{name} is not a Word .docx file ([Content_Types].xml is missing)"]
    main = None
    for el in types:
        content_type = el.get("ContentType", "")
        if _FORBIDDEN_CT.search(content_type):
            problems.append(f"{name} declares macro or active content ({content_type}); save it as a plain .docx")
        if el.tag == f"{_CT_NS}Override" and el.get("PartName") == "/word/document.xml":
            main = content_type
    if main is not None and main != WORD_MAIN and not problems:
        problems.append(f"{name} is not a plain Word document (main part is {main}); save it as .docx")
    for info in zf.infolist():
        if not info.filename.endswith(".rels"):
            continue
        rels = etree.fromstring(zf.read(info), _PARSER)
        for rel in rels.iter(f"{_REL_NS}Relationship"):
            if rel.get("TargetMode") == "External" and rel.get("Type") != _HYPERLINK:
                kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
                problems.append(f"{name}: {info.filename} links to an external {kind} ({rel.get('Target')!r}); refused")
            elif rel.get("TargetMode") == "External" and not SAFE_LINK.match((rel.get("Target") or "").strip()):
                target = (rel.get("Target") or "")[:60]
                problems.append(
                    f"{name}: {info.filename} links to {target!r}; only http, https and mailto links are allowed"
                )
    return problems
