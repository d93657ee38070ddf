"""Lint a Word template before a brief is exported with it.

`check_template(path)` returns a list of `Problem`s, errors first. Nothing in the
template is rendered or executed: the package is checked for safety, the Jinja
tags are parsed (not run) and the styles and headers are read.

Errors (the export would fail): an unsafe package (macros, zip bomb, DTD,
malformed XML), Jinja syntax errors, tags naming a variable the context does not
provide or reaching for Python internals (``__class__``), tags split across
paragraphs, a missing ``{{ body }}`` paragraph, styles the exporter needs, a header
or footer without ``{{ marking }}``, a marking the template's formatting hides (hidden
text, white or tiny type, a symbol font: `visibility`), in a header, footer or the
main text.

Warnings (the export works): tags Word split across runs (docxtpl joins them), a
``{%p %}`` tag sharing its paragraph with text (the text is lost), comments and
tracked changes (removed on export).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from briefcomposer.export.context import CONTEXT_KEYS

ERROR, WARNING = "error", "warning"
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_OPEN = re.compile(r"\{[{%#]")
_CLOSE = re.compile(r"[}%#]\}")
_BODY_TAG = re.compile(r"\{\{-?\s*body\s*-?\}\}")
_BLOCK_TAG = re.compile(r"^\{%[ptrc]\s")
# filters that would let text break out of the Word XML, or are pointless in a brief
_REFUSED_FILTERS = {"safe", "xmlattr", "attr", "map", "pprint"}


@dataclass(frozen=True)
class Problem:
    """Something wrong with a template. `message` is one line and says where."""

    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        return f"{self.severity}: {self.message}"


def check_template(path: Path) -> list[Problem]:
    """Every problem found in the Word template at `path`, errors first.

    An empty list means the template can be used. Raises `OSError` when the file
    cannot be read.
    """
    from briefcomposer.export import safety

    path = Path(path)
    if path.stat().st_size > safety.MAX_PACKAGE_BYTES:
        return [Problem(f"{path.name} is too large to be a Word template")]
    data = path.read_bytes()
    unsafe = safety.package_problems(data, path.name)
    if unsafe:
        return [Problem(m) for m in unsafe]
    from briefcomposer.core.errors import TemplateError
    from briefcomposer.export.docx_writer import check_bounded

    problems: list[Problem] = []
    problems += _unreadable(_split_tag_problems, data, path.name)
    try:
        problems += [Problem(m, s) for m, s in check_bounded(data)]
    except TemplateError as exc:
        problems.append(Problem(str(exc)))
    problems += _unreadable(_style_and_marking_problems, data, path.name)
    problems += _unreadable(_leftover_problems, data, path.name)
    return sorted(problems, key=lambda p: p.severity != ERROR)


def _unreadable(step, data: bytes, name: str) -> list[Problem]:  # type: ignore[no-untyped-def]
    """`step(data)`, or one error when the package passed the safety checks but is not a
    readable Word document (a part its relationships name is missing, say)."""
    try:
        return step(data)
    except Exception as exc:  # noqa: BLE001 - python-docx and zipfile report a broken package in many ways
        detail = " ".join(str(exc).split())[:120]
        return [Problem(f"{name} cannot be opened as a Word document ({type(exc).__name__}: {detail})")]


# ---------------------------------------------------------------- Jinja tags


def jinja_problems(env, part: str, source: str) -> list[Problem]:  # type: ignore[no-untyped-def]
    """Parse (never run) one part's Jinja source and report what the exporter would refuse.

    `source` has one paragraph per line, as `docx_writer.template_sources` makes it.
    """
    try:
        return _jinja_problems(env, part, source)
    except RecursionError:
        return [Problem(f"{part}: the tags nest too deeply to be read")]


def _jinja_problems(env, part: str, source: str) -> list[Problem]:  # type: ignore[no-untyped-def]
    from jinja2 import TemplateSyntaxError, meta, nodes

    lines = source.split("\n")

    def where(lineno: int | None) -> str:
        if not lineno:
            return part
        text = re.sub(r"<[^>]+>", "", lines[lineno - 1]) if 0 < lineno <= len(lines) else ""
        text = " ".join(text.split())
        near = f" ('{text[:50]}')" if text else ""
        return f"{part}, paragraph {max(lineno - 1, 1)}{near}"

    try:
        tree = env.parse(source)
    except TemplateSyntaxError as exc:
        return [Problem(f"{where(exc.lineno)}: Jinja syntax error: {exc.message}")]
    problems = []
    for name in sorted(meta.find_undeclared_variables(tree) - CONTEXT_KEYS):
        node = next((n for n in tree.find_all(nodes.Name) if n.name == name), None)
        problems.append(
            Problem(
                f"{where(node.lineno if node else None)}: the tag uses {name!r}, which the exporter does not "
                "provide (see templates/README.md)"
            )
        )
    for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
        attr = node.attr if isinstance(node, nodes.Getattr) else getattr(node.arg, "value", None)
        if isinstance(attr, str) and attr.startswith("_"):
            problems.append(Problem(f"{where(node.lineno)}: the tag reaches for Python internals ({attr!r}); refused"))
    for node in tree.find_all(nodes.Filter):
        if node.name in _REFUSED_FILTERS:
            problems.append(Problem(f"{where(node.lineno)}: the filter {node.name!r} is not allowed in templates"))
    for node in tree.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
        problems.append(Problem(f"{where(node.lineno)}: templates cannot include or import other templates"))
    return problems


def tag_problems(data: bytes, name: str = "the template") -> list[Problem]:
    """Jinja problems of every part and a missing ``{{ body }}`` (runs in the render process)."""
    from briefcomposer.export.docx_writer import sandboxed_env, template_sources

    try:
        from docxtpl import DocxTemplate

        tpl = DocxTemplate(io.BytesIO(data))
        tpl.init_docx()
        sources = template_sources(tpl)
    except Exception as exc:  # noqa: BLE001 - python-docx reports a bad package in many ways
        return [Problem(f"{name} cannot be opened as a Word document ({exc})")]
    env = sandboxed_env()
    problems = [p for part, source in sources for p in jinja_problems(env, part, source)]
    if not any(_BODY_TAG.search(_plain(src)) for part, src in sources if part == "word/document.xml"):
        problems.append(Problem("word/document.xml: no paragraph holds {{ body }}, where the brief's sections go"))
    return problems


def _plain(xml: str) -> str:
    return re.sub(r"<[^>]+>", "", xml)


# ---------------------------------------------------------------- runs and paragraphs


def _split_tag_problems(data: bytes) -> list[Problem]:
    """Tags Word has cut into several runs (docxtpl joins them) or across paragraphs (it cannot)."""
    from lxml import etree

    from briefcomposer.export.safety import _PARSER

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    problems = []
    zf = zipfile.ZipFile(io.BytesIO(data))
    for part in sorted(n for n in zf.namelist() if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", n)):
        root = etree.fromstring(zf.read(part), _PARSER)
        for n, p in enumerate(root.iter(f"{w}p"), 1):
            runs = ["".join(t.text or "" for t in r.iter(f"{w}t")) for r in p.iter(f"{w}r")]
            text = "".join(runs)
            if "{" not in text and "}" not in text:
                continue
            opened, closed = len(_OPEN.findall(text)), len(_CLOSE.findall(text))
            if opened != closed:
                problems.append(
                    Problem(
                        f"{part}, paragraph {n} ('{text[:50]}'): a tag starts or ends in another paragraph; "
                        "keep each tag within one paragraph"
                    )
                )
                continue
            bounds, pos = [], 0
            for run in runs:
                bounds.append((pos, pos + len(run)))
                pos += len(run)
            for m in _TAG.finditer(text):
                spanned = [i for i, (a, b) in enumerate(bounds) if a < m.end() and b > m.start()]
                if len(spanned) > 1:
                    problems.append(
                        Problem(
                            f"{part}, paragraph {n}: Word split the tag {m.group(0)[:40]!r} across "
                            f"{len(spanned)} runs; docxtpl joins them, but retype it in one go to be sure",
                            WARNING,
                        )
                    )
                if _BLOCK_TAG.match(m.group(0)) and text.strip() != m.group(0).strip():
                    problems.append(
                        Problem(
                            f"{part}, paragraph {n}: {m.group(0)[:30]!r} removes its whole paragraph, "
                            "so the other text there is lost",
                            WARNING,
                        )
                    )
    return problems


# ---------------------------------------------------------------- styles, markings, left-overs


def _style_and_marking_problems(data: bytes) -> list[Problem]:
    import docx

    from briefcomposer.export.docx_writer import REQUIRED_STYLES, marking_problems, resolve_styles

    problems = []
    doc = docx.Document(io.BytesIO(data))
    for role, sid in resolve_styles(doc.styles.element).items():
        if sid is None:
            name, kind = REQUIRED_STYLES[role]
            problems.append(Problem(f"word/styles.xml: the {kind} style {name!r}, which the exporter uses, is missing"))
    # Render nothing: substitute a marking for the tag and reuse the exporter's check.
    probe = "OFFICIAL-SENSITIVE"
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            blob = src.read(info)
            if re.fullmatch(r"word/(header\d*|footer\d*|document)\.xml", info.filename):
                blob = re.sub(rb"\{\{-?\s*marking\s*-?\}\}", probe.encode(), blob)
            dst.writestr(info, blob)
    for message in marking_problems(buf.getvalue(), probe, body=True):
        problems.append(Problem(message.replace(f"the marking {probe}", "{{ marking }}")))
    return problems


def _leftover_problems(data: bytes) -> list[Problem]:
    zf = zipfile.ZipFile(io.BytesIO(data))
    names = set(zf.namelist())
    problems = []
    if "word/comments.xml" in names:
        problems.append(Problem("word/comments.xml: the template has comments; they are removed on export", WARNING))
    xml = zf.read("word/document.xml")
    if re.search(rb"<w:(ins|del|moveFrom|moveTo)\b", xml):
        problems.append(
            Problem(
                "word/document.xml: the template has tracked changes; insertions are accepted and deletions "
                "dropped on export",
                WARNING,
            )
        )
    if b"<w:vanish" in xml:
        problems.append(Problem("word/document.xml: the template has hidden text; it is removed on export", WARNING))
    return problems
