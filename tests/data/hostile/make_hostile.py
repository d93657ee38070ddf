"""Write the hostile corpus: crafted files, each with the outcome expected of it.

Nothing here is committed as a binary: the files are made from code, in the test
session (into a tmp folder) or on demand::

    python tests/data/hostile/make_hostile.py [--small] OUT_DIR   # write the files, print a manifest

Each `Case` names a file, the target that opens it (an importer through
``sources.load``, the .brief loader, the template checker ``check_template`` or an
export with the file as Word template) and what must happen:

- ``refused``: a typed error (or, for the checker, an error-level problem) whose
  message matches `match`;
- ``ok``: a result, and none of `absent` in what was imported (the text of a source);
- ``bounded``: either, within the time and memory bounds of the fuzz worker.

Decisions recorded here (see also README "Reliability"):

- A .brief with 10^6 items, or one text of 100 MB, is refused while it is parsed
  (``storage.MAX_OBJECTS``, ``storage.MAX_TEXT_CHARS``), before it can use much memory.
- A .docm (macros) is refused as a source and as a template, even though macros are
  never run: a Word file with macros is not what a policy article or a template is.
- Web pages are imported without their scripts, frames, images and styles; nothing
  is fetched (the tests block the network and fail on any attempt).
"""

from __future__ import annotations

import io
import json
import re
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
sys.path.insert(0, str(REPO / "tests" / "reliability"))

from reliability_harness import make_docx, make_pdf  # noqa: E402


@dataclass(frozen=True)
class Case:
    name: str  # file name in the corpus folder
    target: str  # source:.ext, brief, template:.ext, export:.ext
    expect: str  # refused, ok, bounded
    match: str = ""  # regex the refusal message must match
    absent: tuple[str, ...] = ()  # strings the imported text must not hold
    note: str = ""
    make: Callable[[], bytes] = field(default=bytes, repr=False, compare=False)

    @cached_property
    def data(self) -> bytes:
        """The file's bytes, made on first use (the zip bombs and the 100 MB .brief take a moment)."""
        return self.make()


def judge(case: Case, kind: str, detail: str) -> bool:
    """Whether an outcome (`kind`, `detail`) is the one `case` expects."""
    if any(a in detail for a in case.absent):
        return False
    if case.expect == "refused":
        return kind == "refused" and re.search(case.match, detail, re.I) is not None
    if case.expect == "ok":
        return kind == "ok"
    return kind in ("ok", "refused")


# ---------------------------------------------------------------- zip helpers


def rezip(
    seed: bytes, replace: dict | None = None, add: dict | None = None, compress: int = zipfile.ZIP_DEFLATED
) -> bytes:  # type: ignore[type-arg]
    """`seed` (a zip) with parts replaced (bytes, or a function of the old bytes) and added."""
    replace, add = replace or {}, add or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(seed)) as src, zipfile.ZipFile(out, "w", compress) as dst:
        for info in src.infolist():
            blob = src.read(info)
            change = replace.get(info.filename, blob)
            dst.writestr(info.filename, change(blob) if callable(change) else change)
        for name, blob in add.items():
            dst.writestr(name, blob)
    return out.getvalue()


def zip_bomb(seed: bytes, megabytes: int = 90) -> bytes:
    """`seed` plus an XML part of `megabytes` MB that deflates about 1000 times."""
    out = io.BytesIO(seed)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as zf, zf.open("word/bomb.xml", "w", force_zip64=True) as fh:
        fh.write(b"<x>")
        chunk = b"<w/>" * (1 << 18)
        for _ in range(megabytes):
            fh.write(chunk)
        fh.write(b"</x>")
    return out.getvalue()


def many_parts(seed: bytes, count: int = 3000) -> bytes:
    return rezip(seed, add={f"word/p{n}.xml": b"<x/>" for n in range(count)})


XXE = b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
LAUGHS = (
    b'<!DOCTYPE w:document [<!ENTITY lol "lol">'
    + b"".join(b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;") * 10) for n in range(1, 10))
    + b"]>"
)


def with_doctype(doctype: bytes, entity: bytes):  # type: ignore[no-untyped-def]
    """A part rewrite: the DTD after the XML declaration, the entity inside the first <w:t>."""

    def change(blob: bytes) -> bytes:
        head, body = blob.split(b"?>", 1) if blob.startswith(b"<?xml") else (b'<?xml version="1.0"', blob)
        body = re.sub(rb"(<w:t(?: [^>]*)?>)", rb"\1" + entity, body, count=1)
        return head + b"?>" + doctype + body

    return change


MACRO_CT = {
    "[Content_Types].xml": lambda b: b.replace(
        b"</Types>", b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'
    ).replace(b"document.main+xml", b"document.macroEnabled.main+xml")
}
VBA = {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"Attribute VB_Name = AutoOpen\x00" * 20}


def _add_rel(target: str, kind: str = "hyperlink", mode: str = "External"):  # type: ignore[no-untyped-def]
    rel = (
        f'<Relationship Id="rId977" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" '
        f'Target="{target}" TargetMode="{mode}"/></Relationships>'
    ).encode()
    return {"word/_rels/document.xml.rels": lambda b: b.replace(b"</Relationships>", rel)}


def _add_paragraph(xml: bytes):  # type: ignore[no-untyped-def]
    """Put `xml` (WordprocessingML) before the first paragraph of the body."""
    return {"word/document.xml": lambda b: b.replace(b"<w:body>", b"<w:body><w:p>" + xml + b"</w:p>", 1)}


def _title_tag(tag: str):  # type: ignore[no-untyped-def]
    from xml.sax.saxutils import escape

    return {"word/document.xml": lambda b: b.replace(b"{{ title }}", escape(tag).encode())}


# ---------------------------------------------------------------- PDF helpers


def pdf_with(replacements: list[tuple[bytes, bytes]], seed: bytes | None = None) -> bytes:
    data = seed or make_pdf([["Dialogue matters", "", "Russia and NATO have kept few channels open."]])
    for old, new in replacements:
        assert old in data, old
        data = data.replace(old, new, 1)
    return data


def xref_loop_pdf() -> bytes:
    """Two xref sections whose /Prev entries point at each other, and a broken first offset."""
    base = make_pdf([["Dialogue matters", "", "Russia and NATO have kept few channels open."]])
    start = int(base.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    body = base[:start]
    xref1 = len(body)
    table = base[start:].split(b"trailer", 1)[0]
    trailer = base[start:].split(b"trailer\n", 1)[1].split(b"startxref", 1)[0].strip()
    out = body + table + b"trailer\n" + trailer[:-2] + b" /Prev %d >>\n" % (xref1 + 10**6)
    xref2 = len(out)
    out += table + b"trailer\n" + trailer[:-2] + b" /Prev %d >>\n" % xref2
    out = out.replace(b"/Prev %d" % (xref1 + 10**6), b"/Prev %d" % xref2)
    return out + b"startxref\n%d\n%%%%EOF\n" % xref2


def xobject_loop_pdf() -> bytes:
    """A page drawing a form XObject that draws itself, for ever."""
    form = b"BT /F1 11 Tf 72 700 Td (Loop) Tj ET /X1 Do"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 6 0 R >> /XObject << /X1 5 0 R >> >> >>",
        b"<< /Length 9 >>\nstream\n/X1 Do   \nendstream",
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 6 0 R >> "
        b"/XObject << /X1 5 0 R >> >> /Length %d >>\nstream\n" % len(form) + form + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(
        b"%010d 00000 n \n" % o for o in offsets
    )
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(make_pdf([["Secret title", "", "Secret text of the report."]]))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# ---------------------------------------------------------------- .brief helpers


def brief_json(items: int = 1, text: str = "t") -> bytes:
    head = (
        '{"app":"briefcomposer","format":1,"id":"b","meta":{"title":"x"},'
        '"sections":[{"id":"s","key":"k","heading":"h","items":['
    )
    item = '{"kind":"text","id":"i%d","text":"%s","boilerplate":false}'
    return (head + ",".join(item % (n, text) for n in range(items)) + "]}]}").encode()


def big_brief_string(megabytes: int = 100) -> bytes:
    return brief_json(1, "x" * (megabytes * 1024 * 1024))


# ---------------------------------------------------------------- HTML


HOSTILE_HTML = b"""<!DOCTYPE html><html><head><title>Hostile page</title>
<meta http-equiv="refresh" content="0; url=https://evil.example/refresh">
<base href="https://evil.example/">
<link rel="stylesheet" href="https://evil.example/style.css"><link rel="prefetch" href="//evil.example/p">
<style>@import url("https://evil.example/import.css"); body { background: url(https://evil.example/bg.png) }</style>
<script src="https://evil.example/app.js"></script>
<script>SCRIPTSECRET = 1; fetch("https://evil.example/beacon"); document.write("SCRIPTSECRET")</script>
</head><body onload="SCRIPTSECRET()">
<article><h1>Dialogue matters</h1>
<p>At the Munich Security Conference the Secretary General called for more dialogue with Russia.</p>
<img src="https://evil.example/pixel.gif" srcset="https://evil.example/2x.gif 2x" alt="IMAGESECRET">
<iframe src="https://evil.example/frame.html">FRAMESECRET</iframe>
<object data="https://evil.example/o.swf">OBJECTSECRET</object><embed src="https://evil.example/e.swf">
<svg><image href="https://evil.example/svg.png"/><script>SCRIPTSECRET</script></svg>
<p>The UK could play a significant role in new dialogue formats <a href="javascript:alert(1)">here</a>.</p>
<noscript><img src="https://evil.example/noscript.gif">NOSCRIPTSECRET</noscript>
<template>TEMPLATESECRET</template>
</article><form action="https://evil.example/post"><input value="FORMSECRET"></form></body></html>"""

XHTML_XXE = b"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY lol "lol">
<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Entities</title></head><body><article><h1>Entities</h1>
<p>Before the entity &xxe; after it, and laughs &lol2; here, in a paragraph long enough to be the article.</p>
<p>A second paragraph about Russia and NATO keeps the extractor happy with enough text to work with.</p>
</article></body></html>"""


# ---------------------------------------------------------------- the corpus


def cases(big: bool = True) -> list[Case]:
    """Every hostile case with its bytes. `big=False` leaves out the 100 MB .brief."""
    docx_seed = make_docx()
    template = (REPO / "templates" / "uk-briefing-note.docx").read_bytes()  # small and quick; the rest is lazy
    out: list[Case] = []

    def source(
        name: str, data: Callable[[], bytes], expect: str, match: str = "", absent: tuple[str, ...] = (), note: str = ""
    ) -> None:
        out.append(Case(name, f"source:{Path(name).suffix}", expect, match, absent, note, data))

    def tpl(name: str, data: Callable[[], bytes], match: str, note: str, export_match: str | None = None) -> None:
        suffix = Path(name).suffix
        out.append(Case(name, f"template:{suffix}", "refused", match, (), note, data))
        out.append(Case(name, f"export:{suffix}", "refused", export_match or match, (), note + " (export)", data))

    # Word files as sources
    source(
        "xxe.docx",
        lambda: rezip(docx_seed, {"word/document.xml": with_doctype(XXE, b"&xxe;")}),
        "refused",
        "document type declaration",
        ("root:",),
        "XXE reading /etc/passwd",
    )
    source(
        "billion-laughs.docx",
        lambda: rezip(docx_seed, {"word/document.xml": with_doctype(LAUGHS, b"&lol9;")}),
        "refused",
        "document type declaration",
        note="entity expansion",
    )
    source("zip-bomb.docx", lambda: zip_bomb(docx_seed), "refused", "unreasonable size", note="90 MB part, 1000:1")
    source("many-parts.docx", lambda: many_parts(docx_seed), "refused", "unreasonable size", note="3,000 parts")
    source(
        "traversal.docx",
        lambda: rezip(docx_seed, add={"../../evil.xml": b"<x/>"}),
        "refused",
        "outside",
        note="../ name",
    )
    source(
        "absolute.docx",
        lambda: rezip(docx_seed, add={"/etc/evil.xml": b"<x/>"}),
        "refused",
        "outside",
        note="/abs name",
    )
    source("macros.docm", lambda: rezip(docx_seed, MACRO_CT, VBA), "refused", "macros", note="vbaProject.bin")
    source(
        "macros-renamed.docx", lambda: rezip(docx_seed, MACRO_CT, VBA), "refused", "macros", note=".docm named .docx"
    )
    # web pages
    source(
        "scripts-frames-images.html",
        lambda: HOSTILE_HTML,
        "ok",
        absent=(
            "SCRIPTSECRET",
            "FRAMESECRET",
            "OBJECTSECRET",
            "NOSCRIPTSECRET",
            "TEMPLATESECRET",
            "FORMSECRET",
            "evil.example",
        ),
        note="nothing runs, nothing fetched",
    )
    source(
        "entities.xhtml", lambda: XHTML_XXE, "bounded", absent=("root:", "lollollol"), note="XXE and laughs in XHTML"
    )
    source(
        "nul-bytes.html",
        lambda: HOSTILE_HTML.replace(b"<p>At", b"<p>\x00\x01At\x00"),
        "ok",
        absent=("SCRIPTSECRET",),
        note="NUL bytes in a page",
    )
    # PDFs
    source(
        "page-tree-cycle.pdf",
        lambda: pdf_with([(b"/Kids [5 0 R]", b"/Kids [2 0 R]")]),
        "refused",
        "damaged",
        note="/Pages lists itself",
    )
    source(
        "page-tree-parent-cycle.pdf",
        lambda: pdf_with([(b"/Kids [5 0 R]", b"/Kids [5 0 R 2 0 R 1 0 R]")]),
        "bounded",
        note="/Kids holds its own ancestors",
    )
    source("xref-loop.pdf", lambda: xref_loop_pdf(), "bounded", note="/Prev chain that loops")
    source("xobject-loop.pdf", lambda: xobject_loop_pdf(), "bounded", note="form XObject drawing itself")
    source(
        "encrypted.pdf", lambda: encrypted_pdf(), "refused", "password", absent=("Secret text",), note="user password"
    )
    # text
    source(
        "invalid-utf8.txt",
        lambda: "Dialogue matters\n\nRussia \u2013 NATO caf\u00e9 ".encode() * 20 + b"\xff\xfe\xc3\x28 text.\n",
        "ok",
        note="damaged UTF-8 is replaced, with a warning",
    )
    source(
        "nul-bytes.txt",
        lambda: b"Dialogue\x00matters\n\n" + b"text\x00" * 200,
        "refused",
        "readable text",
        note="NUL bytes",
    )
    source(
        "utf16-lies.txt",
        lambda: b"\xff\xfe" + b"\x00\xd8" * 50,
        "refused",
        "damaged",
        note="BOM says UTF-16, bytes are not",
    )
    # templates (checker and export)
    tpl(
        "xxe-template.docx",
        lambda: rezip(template, {"word/styles.xml": with_doctype(XXE, b"")}),
        "DTD or entities",
        "XXE",
    )
    tpl(
        "billion-laughs-template.docx",
        lambda: rezip(template, {"word/document.xml": with_doctype(LAUGHS, b"&lol9;")}),
        "DTD or entities",
        "entity expansion",
    )
    tpl("zip-bomb-template.docx", lambda: zip_bomb(template, 60), "zip bomb", "60 MB part")
    tpl(
        "traversal-template.docx", lambda: rezip(template, add={"../evil.xml": b"<x/>"}), "unsafe part name", "../ name"
    )
    tpl("macros-template.docm", lambda: rezip(template, MACRO_CT, VBA), "macro-enabled", ".docm")
    tpl("macros-template.docx", lambda: rezip(template, MACRO_CT, VBA), "macro", ".docm named .docx")
    tpl(
        "remote-template.docx",
        lambda: rezip(template, _add_rel("https://evil.example/t.dotm", "attachedTemplate")),
        "external attachedTemplate",
        "remote attached template",
    )
    tpl(
        "javascript-link.docx",
        lambda: rezip(template, _add_rel("javascript:alert(1)")),
        "only http, https and mailto",
        "javascript: hyperlink",
    )
    tpl(
        "file-link.docx",
        lambda: rezip(template, _add_rel("file:///etc/passwd")),
        "only http, https and mailto",
        "file: link",
    )
    tpl(
        "unc-link.docx",
        lambda: rezip(template, _add_rel("\\\\evil.example\\share\\x")),
        "only http, https and mailto",
        "UNC link (leaks Windows credentials)",
    )
    dde = (
        b'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DDE</w:instrText></w:r>'
    )
    dde += b'<w:r><w:instrText xml:space="preserve">AUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc"'
    dde += b"</w:instrText></w:r>"
    dde += b'<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    tpl("dde-field.docx", lambda: rezip(template, _add_paragraph(dde)), "DDEAUTO field", "DDEAUTO split over two runs")
    include = b'<w:fldSimple w:instr=" INCLUDEPICTURE &quot;https://evil.example/p.png&quot; \\d"/>'
    tpl(
        "includepicture-field.docx", lambda: rezip(template, _add_paragraph(include)), "INCLUDEPICTURE field", "web bug"
    )
    escape = "{{ cycler.__init__.__globals__.os.popen('touch PWNED').read() }}"
    tpl(
        "jinja-globals.docx",
        lambda: rezip(template, _title_tag(escape)),
        "Python internals",
        "sandbox escape via globals",
    )

    def runtime_attr() -> bytes:
        return rezip(template, _title_tag("{{ title[title[:0] ~ '__cl' ~ 'ass__'] }}"))

    # The checker parses tags without running them, so it cannot see a name built at run
    # time; the sandbox stops it when the export renders.
    out.append(
        Case(
            "jinja-runtime-attr.docx", "template:.docx", "bounded", "", (), "attribute built at run time", runtime_attr
        )
    )
    out.append(
        Case(
            "jinja-runtime-attr.docx",
            "export:.docx",
            "refused",
            "unsafe",
            (),
            "attribute built at run time (export)",
            runtime_attr,
        )
    )
    out.append(
        Case(
            "jinja-loop.docx",
            "export:.docx",
            "refused",
            "longer than|memory",
            (),
            "nested 10^5 x 10^5 loop",
            lambda: rezip(
                template,
                _title_tag("{% for i in range(100000) %}{% for j in range(100000) %}{{ i }}{% endfor %}{% endfor %}"),
            ),
        )
    )
    out.append(
        Case(
            "jinja-recursion.docx",
            "export:.docx",
            "refused",
            "nest|recurs|cannot be rendered|longer than",
            (),
            "macro calling itself",
            lambda: rezip(template, _title_tag("{% macro m(n) %}{{ m(n) }}{% endmacro %}{{ m(1) }}")),
        )
    )
    out.append(
        Case(
            "jinja-memory.docx",
            "export:.docx",
            "refused",
            "memory|far too large",
            (),
            "4 GB string",
            lambda: rezip(template, _title_tag("{{ 'x' * 4000000000 }}")),
        )
    )
    # .brief files
    brief = [
        ("million-items.brief", lambda: brief_json(10**6), "refused", "more than 100,000 objects", "10^6 items"),
        (
            "invalid-utf8.brief",
            lambda: brief_json(1).replace(b'"x"', b'"\xff\xfe"'),
            "refused",
            "not UTF-8",
            "invalid UTF-8",
        ),
        ("nul-raw.brief", lambda: brief_json(1).replace(b'"x"', b'"a\x00b"'), "refused", "not valid JSON", "raw NUL"),
        (
            "deep-nesting.brief",
            lambda: b"[" * 100_000 + b"]" * 100_000,
            "refused",
            "nested too deeply|not a brief",
            "nesting",
        ),
        (
            "newer-format.brief",
            lambda: brief_json(1).replace(b'"format":1', b'"format":99'),
            "refused",
            "newer",
            "format 99",
        ),
        ("not-json.brief", lambda: b"\x00" * 64, "refused", "not", "NUL bytes only"),
    ]
    for name, data, expect, match, note in brief:
        out.append(Case(name, "brief", expect, match, (), note, data))
    out.append(
        Case(
            "nul-escaped.brief",
            "brief",
            "ok",
            "",
            (),
            "\\u0000 in a title loads (export drops it)",
            lambda: brief_json(1).replace(b'"x"', b'"a\\u0000b"'),
        )
    )
    if big:
        out.append(
            Case(
                "huge-string.brief",
                "brief",
                "refused",
                "a text of",
                (),
                "one 100 MB string",
                lambda: big_brief_string(100),
            )
        )
    return out


def write(folder: Path, big: bool = True) -> list[tuple[Case, Path]]:
    """Write every case into `folder`; return (case, path) pairs."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for case in cases(big):
        path = folder / case.name
        path.write_bytes(case.data)
        written.append((case, path))
    return written


def main(argv: list[str]) -> int:
    small = "--small" in argv  # leave out the 100 MB .brief
    args = [a for a in argv if a != "--small"]
    if len(args) != 1:
        sys.stderr.write("usage: python tests/data/hostile/make_hostile.py [--small] OUT_DIR\n")
        return 2
    manifest = []
    for case, path in write(Path(args[0]), big=not small):
        manifest.append(
            {"file": path.name, "target": case.target, "expect": case.expect, "match": case.match, "note": case.note}
        )
    sys.stdout.write(json.dumps(manifest, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
