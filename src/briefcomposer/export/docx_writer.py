"""Export a brief to Word: the only module that imports docxtpl.

How an export runs (`export_docx`):

1. The brief must have a marking; the template file is read (size-capped) and
   refused if unsafe (`briefcomposer.export.safety`).
2. The template's Jinja tags (title block, header, footer) are rendered by docxtpl
   in a sandboxed Jinja environment with autoescape, in a child process with time
   and memory limits (`briefcomposer.export.render_child`). Only plain JSON goes in.
3. The body (sections, numbered paragraphs, bullets, quotes, the positions table,
   the sources) is built here from trusted code with lxml and inserted where the
   template's ``{{ body }}`` paragraph was. Numbering comes from the template's
   paragraph styles (Word numbering), never from typed digits.
4. Comments, tracked changes and hidden text left in the template are removed; core
   properties are set; the package is saved to memory and its markings verified
   (every header and footer in use shows the marking, and no marking is hidden by
   the template's formatting: `briefcomposer.export.visibility`), then written
   atomically and read back to check that the file on disk is the verified one.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import hashlib
import io
import json
import logging
import re
import threading
import unicodedata
import zipfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from lxml import etree

from briefcomposer.atomic import write_atomically
from briefcomposer.core.errors import TemplateError
from briefcomposer.core.model import Brief, Status
from briefcomposer.export import safety, visibility
from briefcomposer.export.context import BODY_MARKER, build_context, nbsp_cite

logger = logging.getLogger(__name__)

RENDER_TIMEOUT = 20.0  # seconds a template may take to render
RENDER_MEMORY = 1024 * 1024 * 1024  # address space the render process may add to its start-up size
MAX_OUTPUT_BYTES = 50 * 1024 * 1024
MAX_RENDERED_BYTES = 8 * 1024 * 1024  # unpacked; a long brief is well under 1 MB
DEFAULT_TEMPLATE = "uk-briefing-note"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W = f"{{{W}}}"

# Styles the body builder uses, by role: the Word style name (as in styles.xml) and its type.
REQUIRED_STYLES: dict[str, tuple[str, str]] = {
    "heading": ("heading 1", "paragraph"),
    "numbered": ("Numbered Paragraph", "paragraph"),
    "body": ("Body Text", "paragraph"),
    "bullet": ("List Bullet", "paragraph"),
    "quote": ("Quote", "paragraph"),
    "reference": ("Reference", "paragraph"),
    "caption": ("caption", "paragraph"),
    "table_text": ("Table Text", "paragraph"),
    "table_heading": ("Table Heading", "paragraph"),
    "table": ("Positions Table", "table"),
}
Progress = Callable[[int, int], None]


# ---------------------------------------------------------------- public API


def export_docx(
    brief: Brief,
    target: Path,
    template: Path | None = None,
    author: str = "",
    progress: Progress | None = None,
    shared: Sequence[Path] = (),
) -> Path:
    """Write `brief` as a Word file at `target` and return `target`.

    `template` is a .docx Word template; None means the Word template of the brief's
    structure, looked for among the built-in, the user's and the `shared` folders'
    (``uk-briefing-note.docx`` when it has none). `author` is the
    officer's name for the document properties. `progress(done, total)` is called as
    the export advances. Raises `TemplateError` with a one-line reason when the brief
    has no marking or the template cannot be used; `OSError` from reading the
    template or writing `target` passes through. A failed export leaves `target` as it was.
    """
    steps = 5
    report = progress or (lambda done, total: None)
    report(0, steps)
    target = Path(target)
    payload = export_bytes(brief, template, author, report=report, steps=steps, shared=shared)
    write_atomically(target, payload)
    # Read the file back: what is on disk must be exactly what was verified.
    if hashlib.sha256(target.read_bytes()).digest() != hashlib.sha256(payload).digest():
        raise TemplateError(f"{target.name} changed while it was being written; export it again")
    report(steps, steps)
    logger.info("Exported %s with %s", target.name, template.name if template else "the built-in template")
    return target


def suggested_filename(brief: Brief) -> str:
    """``2026-11-29 OFFICIAL-SENSITIVE Russia-NATO dialogue.docx``: date, marking, title.

    The title is made safe for Windows file names (dashes become hyphens, reserved
    characters are dropped); a missing date or marking is left out.
    """
    parts = []
    if brief.date:
        parts.append(brief.date.isoformat())
    if brief.marking is not None:
        parts.append(_safe_name_part(str(brief.marking)))
    parts.append(_safe_name_part(brief.title) or "Untitled brief")
    stem = " ".join(p for p in parts if p)[:150].rstrip(" .")
    return f"{stem}.docx"


def default_template(brief: Brief, shared: Sequence[Path] = ()) -> Path:
    """The Word template of the brief's structure (built-in, the user's or in a `shared` folder), else
    ``uk-briefing-note.docx``. Without the shared folders, a brief started from a team's template
    exported with the default look."""
    from briefcomposer.paths import bundled_dir
    from briefcomposer.structures.templates import find_template

    folder = bundled_dir("templates")
    if brief.template_id:
        try:
            path = find_template(brief.template_id, shared).word_template_path()
        except Exception:  # noqa: BLE001 - an unknown or broken structure falls back to the default look
            logger.info("No Word template for structure %r; using the default", brief.template_id)
            path = None
        if path is not None:
            return path
    return folder / f"{DEFAULT_TEMPLATE}.docx"


def warm_up() -> None:
    """Start the render process now, so the first export does not wait for it (optional)."""
    with _worker_lock:
        _get_worker()


# ---------------------------------------------------------------- the export pipeline


def export_bytes(
    brief: Brief,
    template: Path | None = None,
    author: str = "",
    *,
    in_process: bool = False,
    report: Progress | None = None,
    steps: int = 5,
    shared: Sequence[Path] = (),
) -> bytes:
    """The verified .docx bytes of `brief` (see `export_docx`).

    `in_process=True` renders the template's tags in this process (still sandboxed
    but unbounded): for built-in templates in benchmarks and tests only.
    """
    report = report or (lambda done, total: None)
    if brief.marking is None:
        raise TemplateError("the brief has no protective marking; choose one (OFFICIAL included) before exporting")
    path = Path(template) if template is not None else default_template(brief, shared)
    data = read_template(path)
    # Text typed or pasted into a brief may hold characters XML cannot carry (NUL, other
    # C0 controls); left in, they break the render ("invalid template") or python-docx.
    context = _clean_context(build_context(brief, author))
    report(1, steps)
    rendered = render_template(data, context) if in_process else render_bounded(data, context)
    problems = safety.package_problems(rendered, "the rendered document", max_ratio=None)
    if problems:
        raise TemplateError(problems[0])
    report(2, steps)
    payload = assemble(rendered, context, brief, author, shared)
    report(3, steps)
    verify_markings(payload, context["marking"])
    report(4, steps)
    return payload


def read_template(path: Path) -> bytes:
    """The bytes of a Word template, refused with `TemplateError` when unsafe."""
    if path.suffix.lower() in (".docm", ".dotm"):
        raise TemplateError(f"{path.name} is a macro-enabled Word file; save it as a plain .docx without macros")
    if path.stat().st_size > safety.MAX_PACKAGE_BYTES:
        raise TemplateError(f"{path.name} is too large to be a Word template")
    data = path.read_bytes()
    problems = safety.package_problems(data, path.name)
    if problems:
        raise TemplateError(problems[0])
    return data


_checked: set[str] = set()  # part sources that passed `jinja_problems` in this process


def render_template(data: bytes, context: Mapping[str, Any]) -> bytes:
    """Render the Jinja tags of a (safe) template in a sandbox; return the .docx bytes.

    Runs in the render process. Refuses, before rendering, templates whose tags reach
    for Python internals or names the context does not provide (`check.jinja_problems`).
    """
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError as JinjaError

    from briefcomposer.export.check import jinja_problems

    try:
        tpl = DocxTemplate(io.BytesIO(data))
        tpl.init_docx()
    except Exception as exc:  # noqa: BLE001 - python-docx reports a bad package in many ways
        raise TemplateError(f"the template cannot be opened as a Word document ({exc})") from None
    env = sandboxed_env()
    for part, source in template_sources(tpl):
        if source in _checked:
            continue
        errors = [p for p in jinja_problems(env, part, source) if p.severity == "error"]
        if errors:
            raise TemplateError(errors[0].message)
        if len(_checked) >= 64:
            _checked.clear()
        _checked.add(source)
    try:
        tpl.render(dict(context), jinja_env=env, autoescape=True)
        out = io.BytesIO()
        tpl.save(out)
    except JinjaError as exc:
        where = f" (line {exc.lineno})" if getattr(exc, "lineno", None) else ""
        raise TemplateError(f"the template's tags cannot be rendered{where}: {exc}") from None
    result = out.getvalue()
    with zipfile.ZipFile(io.BytesIO(result)) as zf:
        unpacked = sum(info.file_size for info in zf.infolist())
    if len(result) > MAX_OUTPUT_BYTES or unpacked > MAX_RENDERED_BYTES:
        raise TemplateError("the rendered document is far too large; the template's tags repeat or build huge text")
    return result


_env = None


def sandboxed_env():  # type: ignore[no-untyped-def]
    """The Jinja environment every template is rendered with: sandboxed, autoescaped, strict.

    One environment is shared (docxtpl only sets `autoescape`, to True); it keeps the
    last few compiled part sources, so a warm render process compiles a template once.
    """
    global _env
    if _env is None:
        from jinja2 import StrictUndefined
        from jinja2.sandbox import SandboxedEnvironment

        class _CachingSandbox(SandboxedEnvironment):
            compiled: dict = {}  # type: ignore[type-arg]  # noqa: RUF012 - one environment per process

            def from_string(self, source, globals=None, template_class=None):  # type: ignore[no-untyped-def]  # noqa: A002
                if globals is not None or template_class is not None or not isinstance(source, str):
                    return super().from_string(source, globals, template_class)
                template = self.compiled.get(source)
                if template is None:
                    if len(self.compiled) >= 64:
                        self.compiled.pop(next(iter(self.compiled)))
                    template = self.compiled[source] = super().from_string(source)
                return template

        _env = _CachingSandbox(autoescape=True, undefined=StrictUndefined)
    return _env


def template_sources(tpl) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """`(part name, Jinja source)` of the body, headers and footers, as docxtpl renders them.

    docxtpl starts each paragraph on a new line, so a Jinja line number is the
    paragraph's number plus one.
    """
    sources = [("word/document.xml", tpl.get_xml())]
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for _, part in tpl.get_headers_footers(uri):
            sources.append((str(part.partname).lstrip("/"), tpl.get_part_xml(part)))
    return [(name, re.sub(r"<w:p([ >])", r"\n<w:p\1", tpl.patch_xml(xml))) for name, xml in sources]


# ---------------------------------------------------------------- the bounded render


class _Worker:
    """A warm render process: spawn once, render many, restart after any failure."""

    def __init__(self) -> None:
        import multiprocessing

        from briefcomposer.export import render_child

        ctx = multiprocessing.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(
            target=render_child.serve, args=(child, RENDER_MEMORY), daemon=True, name="briefcomposer-render"
        )
        self.process.start()
        child.close()

    def call(self, request: Mapping[str, Any], data: bytes, timeout: float) -> tuple[bytes, bytes]:
        self.conn.send_bytes(json.dumps(request, ensure_ascii=False).encode("utf-8"))
        self.conn.send_bytes(data)
        if not self.conn.poll(timeout):
            raise TimeoutError
        reply = self.conn.recv_bytes(MAX_OUTPUT_BYTES + 16)
        return reply[:1], reply[1:]

    def close(self, kill: bool = False) -> None:
        if not kill:
            self.conn.close()  # EOF: the worker leaves its loop
            self.process.join(2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(2)
        self.conn.close()
        with contextlib.suppress(ValueError):  # still running after a kill: leave it to the OS
            self.process.close()


_worker: _Worker | None = None
_worker_lock = threading.Lock()


def _get_worker() -> _Worker:
    global _worker
    if _worker is None or not _worker.process.is_alive():
        if _worker is not None:
            _worker.close(kill=True)
        _worker = _Worker()
    return _worker


def _drop_worker(kill: bool) -> None:
    global _worker
    if _worker is not None:
        worker, _worker = _worker, None
        worker.close(kill=kill)


@atexit.register
def shutdown_worker() -> None:
    """Stop the render process (called at exit; safe to call at any time)."""
    with _worker_lock:
        _drop_worker(kill=False)


def render_bounded(data: bytes, context: Mapping[str, Any], timeout: float | None = None) -> bytes:
    """`render_template` in the render process, killed after `timeout` seconds (default `RENDER_TIMEOUT`)."""
    return _bounded({"op": "render", "context": dict(context)}, data, timeout)


def check_bounded(data: bytes, timeout: float | None = None) -> list[tuple[str, str]]:
    """`check.tag_problems` in the render process: `(message, severity)` pairs.

    Parsing untrusted Jinja can recurse deeply or take long, so it is bounded like rendering.
    """
    payload = _bounded({"op": "check"}, data, timeout)
    try:
        return [(str(m), str(s)) for m, s in json.loads(payload)]
    except (ValueError, TypeError) as exc:
        raise TemplateError(f"the template check gave an unreadable answer ({exc})") from None


def _bounded(request: Mapping[str, Any], data: bytes, timeout: float | None) -> bytes:
    from briefcomposer.export import render_child

    timeout = RENDER_TIMEOUT if timeout is None else timeout
    with _worker_lock:
        worker = _get_worker()
        try:
            status, payload = worker.call(request, data, timeout)
        except TimeoutError:
            _drop_worker(kill=True)
            raise TemplateError(
                f"rendering the template took longer than {timeout:g} seconds and was stopped; "
                "its tags may loop without end"
            ) from None
        except (EOFError, OSError) as exc:
            _drop_worker(kill=True)
            raise TemplateError(
                f"the template could not be rendered: the render process stopped ({type(exc).__name__}); "
                "the template may need too much memory"
            ) from None
        if status == render_child.OUT_OF_MEMORY:
            _drop_worker(kill=False)  # it exits by itself after running out of memory
        if status != render_child.OK:
            raise TemplateError(payload.decode("utf-8", "replace"))
    return payload


# ---------------------------------------------------------------- assembling the body


def assemble(
    rendered: bytes, context: Mapping[str, Any], brief: Brief, author: str, shared: Sequence[Path] = ()
) -> bytes:
    """Insert the body into the rendered template, clean it up, set properties; return bytes."""
    import docx

    doc = docx.Document(io.BytesIO(rendered))
    styles = resolve_styles(doc.styles.element)
    missing = [REQUIRED_STYLES[role][0] for role, sid in styles.items() if sid is None]
    if missing:
        raise TemplateError(f"the template lacks the style{'s' if len(missing) > 1 else ''} {', '.join(missing)}")
    body = doc.element.body
    marker = _find_marker(body)
    if marker is None:
        raise TemplateError("the template has no paragraph holding {{ body }}, where the brief's sections go")
    builder = _BodyBuilder(styles, _text_width(body))
    made = builder.build(context["sections"])
    for el in made:
        marker.addprevious(el)
    if marker.getparent().tag == f"{_W}tc" and (not made or made[-1].tag == f"{_W}tbl"):
        for child in list(marker):  # a table cell must end with a paragraph: keep the marker's, emptied
            if child.tag != f"{_W}pPr":
                marker.remove(child)
    else:
        marker.getparent().remove(marker)
    for part in _story_parts(doc):
        scrub(part.element)
    # The brief's own text may mention the marking; only the template's must show it.
    ours = {p for el in made for p in el.iter(f"{_W}p")}
    hidden = body_marking_problems(body, _document_view(doc), context["marking"], skip=ours)
    if hidden:
        raise TemplateError(f"marking check failed: {hidden[0]}")
    _drop_comment_parts(doc)
    _drop_leftovers(doc)
    _scrub_settings(doc)
    _set_properties(doc, brief, author, shared)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _document_view(doc) -> visibility.TextView:  # type: ignore[no-untyped-def]
    """How a reader sees the text of python-docx document `doc` (its styles, theme, page colour)."""
    theme = None
    for rel in doc.part.rels.values():
        if rel.reltype.rsplit("/", 1)[-1] == "theme" and not rel.is_external:
            with contextlib.suppress(etree.XMLSyntaxError):
                theme = etree.fromstring(rel.target_part.blob, safety._PARSER)
    return _text_view(doc.element, doc.styles.element, theme)


def resolve_styles(styles_el) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    """Role -> styleId of the template's style with the required name (case-insensitive), or None."""
    by_name: dict[tuple[str, str], str] = {}
    for style in styles_el.iterchildren(f"{_W}style"):
        name = style.find(f"{_W}name")
        if name is not None:
            key = (name.get(f"{_W}val", "").casefold(), style.get(f"{_W}type", "paragraph"))
            by_name.setdefault(key, style.get(f"{_W}styleId", ""))
    return {role: by_name.get((name.casefold(), kind)) for role, (name, kind) in REQUIRED_STYLES.items()}


def _find_marker(body):  # type: ignore[no-untyped-def]
    for p in body.iter(f"{_W}p"):
        if "".join(t.text or "" for t in p.iter(f"{_W}t")).strip() == BODY_MARKER:
            return p
    return None


def _text_width(body) -> int:  # type: ignore[no-untyped-def]
    sect = body.find(f"{_W}sectPr")
    try:
        size, margins = sect.find(f"{_W}pgSz"), sect.find(f"{_W}pgMar")
        return int(size.get(f"{_W}w")) - int(margins.get(f"{_W}left")) - int(margins.get(f"{_W}right"))
    except (AttributeError, TypeError, ValueError):
        return 9638  # A4 with 2 cm margins


_BAD_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _clean(text: str) -> str:
    return _BAD_XML_CHARS.sub("", unicodedata.normalize("NFC", text))


def _clean_context(value: Any) -> Any:
    """`value` with `_clean` applied to every string in it (the context is plain JSON-like data)."""
    if isinstance(value, str):
        return _clean(value)
    if isinstance(value, dict):
        return {key: _clean_context(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_clean_context(item) for item in value]
    return value


def _el(tag: str, parent=None, **attrs: str):  # type: ignore[no-untyped-def]
    name = f"{_W}{tag}"
    el = etree.Element(name) if parent is None else etree.SubElement(parent, name)
    for key, value in attrs.items():
        el.set(f"{_W}{key}", value)
    return el


class _BodyBuilder:
    """Builds the WordprocessingML of the body from the context's sections."""

    def __init__(self, styles: Mapping[str, str | None], width: int) -> None:
        self.styles = styles
        self.width = width
        self.tables = 0

    def build(self, sections: list[dict[str, Any]]) -> list:  # type: ignore[type-arg]
        out: list = []  # type: ignore[type-arg]
        for section in sections:
            out.append(self.paragraph("heading", [(section["heading"], False)], page_break=section["page_break"]))
            for item in section["items"]:
                made = self.item(item)
                if out[-1].tag == f"{_W}tbl" and made[0].tag == f"{_W}p":
                    _el("spacing", made[0].find(f"{_W}pPr"), before="160")  # air between a table and text
                out.extend(made)
        return out

    def paragraph(self, role: str, runs: list[tuple[str, bool]], page_break: bool = False):  # type: ignore[no-untyped-def]
        p = _el("p")
        ppr = _el("pPr", p)
        _el("pStyle", ppr, val=self.styles[role] or "")
        if page_break:
            _el("pageBreakBefore", ppr)
        for text, bold in runs:
            if not text:
                continue
            r = _el("r", p)
            if bold:
                rpr = _el("rPr", r)
                _el("b", rpr)
                _el("bCs", rpr)
            self._text(r, text)
        return p

    @staticmethod
    def _text(r, text: str) -> None:  # type: ignore[no-untyped-def]
        for n, line in enumerate(_clean(text).split("\n")):
            if n:
                _el("br", r)
            for m, chunk in enumerate(line.split("\t")):
                if m:
                    _el("tab", r)
                if chunk:
                    t = _el("t", r)
                    t.text = chunk
                    if chunk != chunk.strip():
                        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")

    def item(self, item: dict[str, Any]) -> list:  # type: ignore[type-arg]
        kind = item["kind"]
        text_role = "numbered" if item.get("numbered", True) else "body"
        if kind == "text":
            return [self.paragraph(text_role, [(item["text"], False)])]
        if kind == "bullet":
            return [self.paragraph("bullet", [(item["text"], False)])]
        if kind == "quote":
            quoted = f"\u201c{item['text']}\u201d"
            cite = f" {nbsp_cite(item['cite'])}" if item["cite"] else ""
            if item["comment"]:
                return [
                    self.paragraph(text_role, [(item["comment"], False)]),
                    self.paragraph("quote", [(quoted, False), (cite, False)]),
                ]
            return [self.paragraph("quote", [(quoted, False), (cite, False)])]
        if kind == "position":
            who = item["actor"] + (f" ({item['issue']})" if item["issue"] else "")
            cite = f" {nbsp_cite(item['cite'])}" if item["cite"] else ""
            return [self.paragraph(text_role, [(who + ":", True), (f" {item['stance']}{cite}", False)])]
        if kind == "issue":
            rest = f" {item['description']}" if item["description"] else ""
            return [self.paragraph(text_role, [(item["label"] + ("." if rest else ""), True), (rest, False)])]
        if kind == "reference":
            label = f"[{item['number']}]\t" if item["number"] else "\t"
            return [self.paragraph("reference", [(label + item["text"], False)])]
        if kind == "table":
            self.tables += 1
            caption = f"Table {self.tables}: positions of those involved on each issue, with sources in brackets"
            return [self.paragraph("caption", [(caption, False)]), self.table(item)]
        raise TemplateError(f"unknown item kind {kind!r}")  # a bug in build_context, not the template

    def table(self, item: dict[str, Any]):  # type: ignore[no-untyped-def]
        columns = item["columns"]
        first = min(2268, self.width // (len(columns) + 1) + 400)
        rest = (self.width - first) // max(len(columns), 1)
        widths = [first] + [rest] * len(columns)
        tbl = _el("tbl")
        tpr = _el("tblPr", tbl)
        _el("tblStyle", tpr, val=self.styles["table"] or "")
        _el("tblW", tpr, w=str(sum(widths)), type="dxa")
        _el("tblLayout", tpr, type="fixed")
        _el(
            "tblLook",
            tpr,
            val="04A0",
            firstRow="1",
            lastRow="0",
            firstColumn="1",
            lastColumn="0",
            noHBand="0",
            noVBand="1",
        )
        grid = _el("tblGrid", tbl)
        for width in widths:
            _el("gridCol", grid, w=str(width))
        header = ["Who"] + columns
        self._row(tbl, widths, [[(h, False)] for h in header], header=True)
        for row in item["rows"]:
            cells = [[(row["actor"], True)]]
            for cell in row["cells"]:
                if cell["stance"]:
                    cite = f" {nbsp_cite(cell['cite'])}" if cell["cite"] else ""
                    cells.append([(cell["stance"], False), (cite, False)])
                else:
                    cells.append([("\u2013", False)])
            self._row(tbl, widths, cells, header=False)
        return tbl

    def _row(self, tbl, widths: list[int], cells: list[list[tuple[str, bool]]], header: bool) -> None:  # type: ignore[no-untyped-def]
        tr = _el("tr", tbl)
        trpr = _el("trPr", tr)
        _el("cantSplit", trpr)
        if header:
            _el("tblHeader", trpr)
        for width, runs in zip(widths, cells, strict=True):
            tc = _el("tc", tr)
            tcpr = _el("tcPr", tc)
            _el("tcW", tcpr, w=str(width), type="dxa")
            tc.append(self.paragraph("table_heading" if header else "table_text", runs))


# ---------------------------------------------------------------- clean-up and properties


_REMOVE = {
    f"{_W}{tag}"
    for tag in (
        "del", "moveFrom", "commentRangeStart", "commentRangeEnd", "commentReference",
        "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "trPrChange", "tcPrChange",
        "tblGridChange", "tblPrExChange", "numberingChange", "moveFromRangeStart", "moveFromRangeEnd",
        "moveToRangeStart", "moveToRangeEnd", "customXmlDelRangeStart", "customXmlDelRangeEnd",
        "customXmlInsRangeStart", "customXmlInsRangeEnd", "cellDel", "cellIns", "cellMerge",
    )
}  # fmt: skip
_UNWRAP = {f"{_W}ins", f"{_W}moveTo"}
_FALSE = {"0", "false", "off"}


def scrub(root) -> None:  # type: ignore[no-untyped-def]
    """Remove comments, tracked changes (accepting insertions) and hidden text from a story part."""
    for el in list(root.iter(*_REMOVE)):
        parent = el.getparent()
        if parent is None:
            continue
        if el.tag == f"{_W}commentReference" and parent.tag == f"{_W}r":
            run_parent = parent.getparent()
            if run_parent is not None:
                run_parent.remove(parent)
                continue
        if el.tag in (f"{_W}del", f"{_W}ins") and parent.tag == f"{_W}rPr":
            parent.remove(el)  # a paragraph mark inserted or deleted: keep the paragraph
            continue
        parent.remove(el)
    for el in list(root.iter(*_UNWRAP)):
        parent = el.getparent()
        if parent is None:
            continue
        if parent.tag in (f"{_W}rPr", f"{_W}trPr", f"{_W}tcPr"):
            parent.remove(el)
            continue
        index = parent.index(el)
        for child in reversed(list(el)):
            parent.insert(index, child)
        parent.remove(el)
    for vanish in list(root.iter(f"{_W}vanish")):
        rpr = vanish.getparent()
        if vanish.get(f"{_W}val", "true").lower() in _FALSE or rpr is None:
            continue
        owner = rpr.getparent()
        if owner is not None and owner.tag == f"{_W}r" and owner.getparent() is not None:
            owner.getparent().remove(owner)
        else:
            rpr.remove(vanish)  # hidden paragraph mark: show it rather than lose text


def _story_parts(doc) -> list:  # type: ignore[no-untyped-def,type-arg]
    from docx.opc.part import XmlPart

    parts = [doc.part]
    for rel in doc.part.rels.values():
        kind = rel.reltype.rsplit("/", 1)[-1]
        if not rel.is_external and isinstance(rel.target_part, XmlPart) and kind in _STORIES:
            parts.append(rel.target_part)
    return parts


_STORIES = ("header", "footer", "footnotes", "endnotes")
_COMMENT_RELS = ("comments", "commentsExtended", "commentsIds", "commentsExtensible", "people")


def _drop_comment_parts(doc) -> None:  # type: ignore[no-untyped-def]
    for r_id, rel in list(doc.part.rels.items()):
        if rel.reltype.rsplit("/", 1)[-1] in _COMMENT_RELS:
            doc.part.rels.pop(r_id)


# Parts a template carries that the brief does not show: custom properties (client,
# SharePoint metadata), the thumbnail of the template's first page, custom XML data and
# building blocks (Quick Parts) holding the template author's text.
_PACKAGE_LEFTOVERS = ("custom-properties", "thumbnail")
_DOCUMENT_LEFTOVERS = ("customXml", "glossaryDocument")
APP_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    b"<Application>briefcomposer</Application></Properties>"
)


def _drop_leftovers(doc) -> None:  # type: ignore[no-untyped-def]
    """Drop the template's leftover parts and replace its extended properties (company,
    manager, the path of the template on its author's disk) with the application name."""
    package = doc.part.package
    for r_id, rel in list(package.rels.items()):
        kind = rel.reltype.rsplit("/", 1)[-1]
        if kind in _PACKAGE_LEFTOVERS:
            package.rels.pop(r_id)
        elif kind == "extended-properties" and not rel.is_external:
            rel.target_part._blob = APP_XML  # a plain Part: python-docx does not model app.xml
    for r_id, rel in list(doc.part.rels.items()):
        if rel.reltype.rsplit("/", 1)[-1] in _DOCUMENT_LEFTOVERS:
            doc.part.rels.pop(r_id)


def _scrub_settings(doc) -> None:  # type: ignore[no-untyped-def]
    settings = doc.settings.element
    for tag in ("trackRevisions", "attachedTemplate", "removePersonalInformation"):
        for el in settings.findall(f"{_W}{tag}"):
            settings.remove(el)


def _set_properties(doc, brief: Brief, author: str, shared: Sequence[Path] = ()) -> None:  # type: ignore[no-untyped-def]
    props = doc.core_properties
    who = _clean(author or brief.sender or "").strip()
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.title = _clean(brief.title)
    props.subject = _clean(_structure_title(brief, shared))
    props.author = who
    props.last_modified_by = who
    props.keywords = _clean("; ".join(i.label for i in brief.issues if i.status is Status.ACCEPTED))
    props.category = _clean(str(brief.marking))
    props.content_status = _clean(str(brief.marking))
    props.comments = ""
    props.identifier = _clean(brief.reference)
    props.language = "en-GB"
    props.revision = 1
    props.created = now
    props.modified = now


def _structure_title(brief: Brief, shared: Sequence[Path] = ()) -> str:
    from briefcomposer.structures.templates import find_template

    try:
        return find_template(brief.template_id, shared).title if brief.template_id else "Briefing note"
    except Exception:  # noqa: BLE001 - the subject is a courtesy; an unknown structure must not stop an export
        return "Briefing note"


# ---------------------------------------------------------------- verification


_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def marking_problems(data: bytes, marking: str, body: bool = False) -> list[str]:
    """Where the saved document fails to show `marking` at the top and bottom of its pages.

    Checks each section's default, first-page and even-page header and footer that
    Word would use (first-page ones when the section has a title page, even-page ones
    when the document sets different odd and even pages); each must have a paragraph
    showing the marking where a reader can see it: text the template's formatting
    hides (hidden text, white or tiny type, a symbol font, through a style or not;
    see `visibility`) does not count. Inherited definitions are checked where they
    are defined. `body=True` also checks that every marking in the main text is
    visible (`body_marking_problems`); use it only on a template, where all the main
    text is the template's.
    """
    zf = zipfile.ZipFile(io.BytesIO(data))

    def parse(name: str):  # type: ignore[no-untyped-def]
        return etree.fromstring(zf.read(name), safety._PARSER)

    document = parse("word/document.xml")
    rels, kinds = {}, {}
    for rel in parse("word/_rels/document.xml.rels").iter(f"{_REL_NS}Relationship"):
        target = rel.get("Target", "")
        rels[rel.get("Id")] = target.lstrip("/") if target.startswith("/") else f"word/{target}"
        if rel.get("TargetMode") != "External":
            kinds.setdefault(rel.get("Type", "").rsplit("/", 1)[-1], rels[rel.get("Id")])
    try:
        even_pages = parse("word/settings.xml").find(f"{_W}evenAndOddHeaders") is not None
    except KeyError:
        even_pages = False
    view = _text_view(document, *(_parse_or_none(parse, kinds.get(kind)) for kind in ("styles", "theme")))
    wanted = _marking_pattern(marking)
    problems = body_marking_problems(document, view, marking) if body else []
    inherited: dict[tuple[str, str], str] = {}
    sections = list(document.iter(f"{_W}sectPr"))
    for n, sect in enumerate(sections, 1):
        title_page = (
            sect.find(f"{_W}titlePg") is not None
            and sect.find(f"{_W}titlePg").get(f"{_W}val", "1").lower() not in _FALSE
        )
        for kind in ("header", "footer"):
            defined = {
                ref.get(f"{_W}type", "default"): ref.get(f"{{{R}}}id") for ref in sect.iter(f"{_W}{kind}Reference")
            }
            for typ in ("default", "first", "even"):
                in_use = typ == "default" or (typ == "first" and title_page) or (typ == "even" and even_pages)
                label = {"default": "", "first": "first-page ", "even": "even-page "}[typ]
                where = f"the {label}{kind} of section {n}"
                r_id = defined.get(typ)
                if r_id is None:
                    if in_use and (kind, typ) not in inherited:
                        problems.append(f"{where} is missing, so those pages carry no marking")
                    continue
                name = rels.get(r_id, "word/")
                try:
                    part = parse(name)
                except (KeyError, etree.XMLSyntaxError):
                    problems.append(f"{where} cannot be read")
                    continue
                inherited[(kind, typ)] = name
                fields = visibility.field_results(part)
                hidden = None
                for p in part.iter(f"{_W}p"):
                    if not wanted.search(_normal("".join(t.text or "" for t in p.iter(f"{_W}t")))):
                        continue  # cannot show the marking: not worth resolving its formatting
                    text, shown, why = view.read(p, fields)
                    if wanted.search(_normal(shown)):
                        break
                    if hidden is None and why is not None and wanted.search(_normal(text)):
                        hidden = why
                else:
                    if hidden is not None:
                        problems.append(f"{where} hides the marking {marking}: {hidden}; {HIDDEN_FIX}")
                    else:
                        problems.append(f"{where} does not show the marking {marking}")
    return problems


HIDDEN_FIX = "the template must be corrected so that the marking can be seen"


def body_marking_problems(  # type: ignore[no-untyped-def]
    root,
    view: visibility.TextView,
    marking: str,
    skip: set | frozenset = frozenset(),  # type: ignore[type-arg]
) -> list[str]:
    """Markings in the main text (`root`: a ``w:document`` or ``w:body``) that a reader cannot see.

    A template need not repeat the marking in its main text, but where it does (the top
    of the first page, say) the marking must be visible, or the page looks unmarked.
    Paragraphs in `skip` (the ones the exporter wrote) are not looked at.
    """
    wanted = _marking_pattern(marking)
    fields = visibility.field_results(root)
    problems = []
    for p in root.iter(f"{_W}p"):
        if p in skip or not wanted.search(_normal("".join(t.text or "" for t in p.iter(f"{_W}t")))):
            continue
        text, shown, why = view.read(p, fields)
        if why is not None and wanted.search(_normal(text)) and not wanted.search(_normal(shown)):
            problems.append(f"the main text hides the marking {marking}: {why}; {HIDDEN_FIX}")
    return problems


def _marking_pattern(marking: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![A-Z-]){re.escape(marking)}(?![A-Z-])")


def _normal(text: str) -> str:
    return " ".join(text.split()).upper()


def _parse_or_none(parse, name: str | None):  # type: ignore[no-untyped-def]
    try:
        return parse(name) if name else None
    except (KeyError, etree.XMLSyntaxError):
        return None


def _text_view(document, styles, theme) -> visibility.TextView:  # type: ignore[no-untyped-def]
    background = document.find(f"{_W}background")
    colour = (background.get(f"{_W}color") or "").upper() if background is not None else ""
    return visibility.TextView(styles, theme, colour if re.fullmatch(r"[0-9A-F]{6}", colour) else None)


def verify_markings(data: bytes, marking: str) -> None:
    """Raise `TemplateError` unless every header and footer in use shows `marking` visibly."""
    problems = marking_problems(data, marking)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        if problems[0].endswith(HIDDEN_FIX):
            raise TemplateError(f"marking check failed: {problems[0]}{more}")
        raise TemplateError(f"marking check failed: {problems[0]}{more}; put {{{{ marking }}}} there in the template")


# ---------------------------------------------------------------- file names


_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_RESERVED = re.compile(r'[<>:"\\|?*]')
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _safe_name_part(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_DASHES)
    text = _CONTROL.sub(" ", text.replace("/", "-"))
    text = _RESERVED.sub("", text)
    return " ".join(text.split()).strip(" .")
