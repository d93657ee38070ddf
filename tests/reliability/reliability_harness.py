"""Shared machinery of the reliability suite, also used by benchmarks/fuzz_long.py and
tools/reliability_report.py.

- `Sandbox`: a spawned worker process that runs one input through one target (an
  importer, the .brief loader, the template checker, an export) and reports the
  outcome. The parent waits at most `timeout` seconds, so a hang is a reported
  failure, not a stuck test run; the worker caps its own address space, so a memory
  blow-up is a reported failure, not a swapping machine; it refuses every network
  connection and, for importers, every new program (an audit hook), so an attempt is a
  reported failure too (kind ``network``).
- Seeds and hypothesis strategies that mutate them, one per target (`STRATEGIES`).
- `build_brief`: a brief with every kind of item, for exports.

Acceptable outcomes are ``ok`` (a result) and ``refused`` (a typed `BriefError` with a
non-empty one-line message). Anything else (``crash``, ``hang``, ``memory``,
``network``, ``died``, ``bad-message``) is a failure.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import sys
import tempfile
import time
import traceback
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[2]
GOOD = ("ok", "refused")
SUFFIX = {
    "txt": ".txt",
    "md": ".md",
    "html": ".html",
    "docx": ".docx",
    "pdf": ".pdf",
    "brief": ".brief",
    "template": ".docx",
    "export": ".docx",
    "source": ".txt",
}
FUZZ_TARGETS = ("txt", "md", "html", "docx", "pdf", "brief", "template")
MEMORY_BUDGET = 1024 * 1024 * 1024  # address space a target may add to the worker's start-up size


@dataclass(frozen=True)
class Outcome:
    kind: str  # ok, refused, crash, hang, memory, network, died, bad-message
    detail: str = ""

    @property
    def good(self) -> bool:
        return self.kind in GOOD


# ---------------------------------------------------------------- running a target


_network_attempts: list[str] = []
_NETWORK_EVENTS = (
    "socket.connect",
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyname_ex",
    "socket.gethostbyaddr",
    "socket.sendto",
    "urllib.Request",
    "http.client.connect",
    "ftplib.connect",
    "smtplib.connect",
    "webbrowser.open",
    "subprocess.Popen",
    "os.system",
    "os.exec",
    "os.posix_spawn",
    "os.spawn",
    "os.fork",
    "os.startfile",
)
_guard = {"on": False, "allow_subprocess": True}


def _audit(event: str, args: tuple) -> None:
    if not _guard["on"] or event not in _NETWORK_EVENTS:
        return
    if event.startswith(("subprocess", "os.")) and _guard["allow_subprocess"]:
        return
    _network_attempts.append(f"{event} {str(args)[:120]}")
    raise PermissionError(f"blocked by the reliability suite: {event}")


_hook_installed = False


def install_guard() -> None:
    """Install (once per process) the audit hook behind `guarded`."""
    global _hook_installed
    if not _hook_installed:
        sys.addaudithook(_audit)
        _hook_installed = True


@contextlib.contextmanager
def guarded(allow_subprocess: bool = True):  # type: ignore[no-untyped-def]
    """Refuse and record every network connection (and, unless allowed, every new program) inside.

    Yields the list of attempts. The audit hook sees calls from C extensions and every
    Python library alike, which monkeypatching `socket.socket.connect` alone does not.
    """
    install_guard()
    _network_attempts.clear()
    _guard.update(on=True, allow_subprocess=allow_subprocess)
    try:
        yield _network_attempts
    finally:
        _guard["on"] = False


def one_line(message: str) -> bool:
    return bool(message.strip()) and "\n" not in message and "\r" not in message


def run_target(target: str, data: bytes, workdir: Path) -> Outcome:
    """Run `data` through `target` in this process and classify the outcome."""
    from briefcomposer.core.errors import BriefError

    base, _, suffix = target.partition(":")  # "source:.docm": the importers with a file named input.docm
    path = workdir / f"input{suffix or SUFFIX[base]}"
    path.write_bytes(data)
    try:
        # Importers and the .brief loader must not start programs either; the checker and the
        # export start their render process (multiprocessing), which is how they are bounded.
        with guarded(allow_subprocess=base in ("template", "export")) as attempts:
            outcome = _run(base, path)
    except BriefError as exc:
        message = str(exc)
        outcome = Outcome("refused", message) if one_line(message) else Outcome("bad-message", repr(message))
    except MemoryError:
        outcome = Outcome("memory", "MemoryError")
    except RecursionError:
        outcome = Outcome("crash", "RecursionError")
    except Exception as exc:  # noqa: BLE001 - every other exception is the failure being looked for
        if attempts:
            return Outcome("network", attempts[0])
        tb = traceback.format_exception(type(exc), exc, exc.__traceback__)
        where = next((line.strip() for line in reversed(tb) if "/briefcomposer/" in line), "")
        outcome = Outcome("crash", f"{type(exc).__name__}: {str(exc)[:200]} at {where}")
    if attempts:  # a blocked attempt that the code under test caught and hid is still a failure
        return Outcome("network", attempts[0])
    return outcome


def _run(target: str, path: Path) -> Outcome:
    if target == "brief":
        from briefcomposer import storage

        brief = storage.load(path)
        return Outcome("ok", f"{len(brief.sections)} sections")
    if target == "template":
        from briefcomposer.export.check import check_template

        problems = check_template(path)
        bad = [p.message for p in problems if not one_line(p.message)]
        if bad:
            return Outcome("bad-message", repr(bad[0]))
        errors = [p.message for p in problems if p.severity == "error"]
        return Outcome("refused", errors[0]) if errors else Outcome("ok", f"{len(problems)} warnings")
    if target == "export":
        from briefcomposer.export import docx_writer

        docx_writer.RENDER_TIMEOUT = float(os.environ.get("BRIEFCOMPOSER_TEST_RENDER_TIMEOUT", "5"))
        out = docx_writer.export_docx(build_brief(), path.with_name("out.docx"), template=path)
        return Outcome("ok", out.name)
    from briefcomposer import sources

    warnings: list[str] = []
    source = sources.load(path, on_problem=warnings.append)
    if not (source.title and source.paragraphs and all(p and p == p.strip() for p in source.paragraphs)):
        return Outcome("crash", "a Source with an empty title or unstripped paragraphs")
    if not all(0 <= i < len(source.paragraphs) for i in source.headings):
        return Outcome("crash", "a heading index outside the paragraphs")
    if not all(one_line(w) for w in warnings):
        return Outcome("bad-message", repr(warnings))
    text = " | ".join([source.title, *(source.author or "", source.url or ""), *source.paragraphs])
    return Outcome("ok", f"{len(source.paragraphs)} paragraphs: {text[:5000]}")


def _limit_memory(budget: int) -> None:
    with contextlib.suppress(ImportError, OSError, ValueError):
        import resource

        used = int(Path("/proc/self/statm").read_text().split()[0]) * resource.getpagesize()
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        resource.setrlimit(resource.RLIMIT_AS, (used + budget, hard))


def _serve(conn, budget: int) -> None:  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    # import the heavy modules before the memory cap, so the cap bounds the target only
    import docx  # noqa: F401
    import pypdf  # noqa: F401
    import trafilatura  # noqa: F401

    from briefcomposer import sources, storage  # noqa: F401
    from briefcomposer.export import check, docx_writer  # noqa: F401

    _limit_memory(budget)
    install_guard()
    logging.disable(logging.CRITICAL)  # the importers' warnings are expected here; outcomes carry what matters
    with tempfile.TemporaryDirectory(prefix="bc-fuzz-") as tmp:
        workdir = Path(tmp)
        try:
            while True:
                try:
                    target = conn.recv_bytes().decode()
                    data = conn.recv_bytes()
                except (EOFError, OSError):
                    return
                try:
                    outcome = run_target(target, data, workdir)
                except MemoryError:
                    outcome = Outcome("memory", "MemoryError")
                conn.send_bytes(json.dumps([outcome.kind, outcome.detail]).encode())
        finally:
            docx_writer.shutdown_worker()


class Sandbox:
    """A worker process running targets one input at a time; replaced after a hang or death."""

    def __init__(self, budget: int = MEMORY_BUDGET) -> None:
        self.budget = budget
        self._process = None
        self._conn = None

    def _start(self) -> None:
        import multiprocessing

        ctx = multiprocessing.get_context("spawn")
        self._conn, child = ctx.Pipe()
        # not a daemon: the template checker starts a render process of its own
        self._process = ctx.Process(target=_serve, args=(child, self.budget), name="bc-fuzz-worker")
        self._process.start()
        child.close()

    def run(self, target: str, data: bytes, timeout: float = 20.0) -> Outcome:
        if self._process is None or not self._process.is_alive():
            self.close()
            self._start()
        assert self._conn is not None
        started = time.monotonic()
        try:
            self._conn.send_bytes(target.encode())
            self._conn.send_bytes(data)
            if not self._conn.poll(timeout):
                self.close(kill=True)
                return Outcome("hang", f"no answer after {timeout:g} s")
            kind, detail = json.loads(self._conn.recv_bytes())
        except (EOFError, OSError) as exc:
            code = self._process.exitcode if self._process else None
            self.close(kill=True)
            return Outcome("died", f"the worker stopped ({type(exc).__name__}, exit code {code})")
        if kind == "ok" and time.monotonic() - started > timeout:
            return Outcome("hang", f"took {time.monotonic() - started:.1f} s")
        return Outcome(kind, detail)

    def close(self, kill: bool = False) -> None:
        if self._process is None:
            return
        if self._conn is not None:
            self._conn.close()
        if kill:
            _kill_tree(self._process.pid)
        self._process.join(10)
        if self._process.is_alive():
            self._process.kill()
            self._process.join(5)
        self._process, self._conn = None, None

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _kill_tree(pid: int) -> None:
    """Kill `pid` and its children (the render process of a template check)."""
    import signal

    with contextlib.suppress(OSError, ValueError):
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        for child in children:
            with contextlib.suppress(OSError, ValueError):
                os.kill(int(child), signal.SIGKILL)
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)


# ---------------------------------------------------------------- seeds


def make_pdf(pages: list[list[str]], title: str | None = None) -> bytes:
    """A small PDF written by hand: page i shows the lines `pages[i]`."""

    def esc(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    objects: list[bytes] = [b"", b""]
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for lines in pages:
        ops = ["BT", "/F1 11 Tf", "14 TL", "72 760 Td"] + [f"({esc(line)}) Tj T*" for line in lines] + ["ET"]
        stream = "\n".join(ops).encode("cp1252")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>" % content
        )
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    if title:
        objects.append(b"<< /Title (%s) >>" % esc(title).encode("cp1252"))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    trailer = b"<< /Size %d /Root 1 0 R" % (len(objects) + 1)
    if title:
        trailer += b" /Info %d 0 R" % len(objects)
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def make_docx(paragraphs: list[tuple[str, str | None]] | None = None, title: str = "Dialogue matters") -> bytes:
    """A small .docx made with python-docx: (text, style) pairs, a table, core properties."""
    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = "Sarah Lain"
    for text, style in paragraphs or [
        ("Dialogue matters", "Title"),
        ("Background", "Heading 1"),
        ("Russia and NATO have kept few channels open since 2014.", None),
        ("Relations are at their lowest point since the Cold War.", None),
    ]:
        document.add_paragraph(text, style=style)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Actor", "Position"
    table.cell(1, 0).text, table.cell(1, 1).text = "NATO", "Open door"
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


HTML_SEED = b"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Dialogue matters | RUSI</title>
<meta name="author" content="Sarah Lain"><meta property="og:site_name" content="RUSI">
<meta name="date" content="2015-03-12"><link rel="canonical" href="https://rusi.org/dialogue">
<script>document.write('<img src=https://evil.example/x.png>')</script></head>
<body><nav><a href="/">Home</a></nav><article><h1>Dialogue Matters: Russia-NATO Relations</h1>
<p class="standfirst">Dialogue between Russia and NATO has suffered since the crisis in Ukraine began.</p>
<p>At the Munich Security Conference, NATO's Secretary General called for more dialogue with Russia.</p>
<h2>The British angle</h2><p>The UK could play a significant role in new dialogue formats.</p>
<ul><li>Track II dialogue</li><li>Military-to-military contact</li></ul>
<table><tr><td>NATO</td><td>open door</td></tr></table></article><footer>Copyright</footer></body></html>"""

TEXT_SEED = (
    "Dialogue Matters: Russia\u2013NATO Relations\nBy Sarah Lain\n12 March 2015\n\n"
    "At the Munich Security Conference, NATO\u2019s Secretary General called for more dialogue.\n\n"
    "The British Angle\n\nThe UK could play a significant role in new dialogue formats.\n"
).encode()

MD_SEED = (
    b"---\ntitle: Dialogue matters\nauthor: Sarah Lain\ndate: 2015-03-12\n---\n\n# Dialogue matters\n\n"
    b"At the *Munich* conference, [NATO](https://nato.int) called for **more dialogue**.\n\n"
    b"## The British angle\n\n- Track II\n- Military contact\n\n> A quote.\n\n```\ncode\n```\n\n"
    b"| a | b |\n|---|---|\n| 1 | 2 |\n"
)


def brief_seed() -> bytes:
    from briefcomposer import storage

    return storage.dumps(build_brief())


def template_seed(name: str = "uk-briefing-note") -> bytes:
    return (REPO / "templates" / f"{name}.docx").read_bytes()


# ---------------------------------------------------------------- mutations


_TOKENS = [
    b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\xc3\x28", b"\xed\xa0\x80", b"<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>",
    b"&e;", b"<", b">", b"&", b"]]>", b"<![CDATA[", b"{{", b"}}", b"{%", b"%}", b"{%p for x in sections %}",
    b"{{ title.__class__ }}", b"%PDF-1.7", b"obj", b"endobj", b"stream", b"endstream", b" 0 R", b"<<", b">>",
    b"/Kids [1 0 R]", b"/Parent 2 0 R", b"/Prev 0", b"xref", b"trailer", b"PK\x03\x04", b"<script>", b"<iframe src=",
    b"<p>", b"</p>", b"<h1>", b"\r\n", b"\n\n", b"\t", b" " * 64, b"-" * 40, b"#" * 7, "\u2028".encode(),
    b"9" * 40, b"-1", b"4294967296", b"\"", b"\\", b"null", b"[", b"]", b"{", b"}",
]  # fmt: skip


@st.composite
def mutated(draw, seed: bytes, max_ops: int = 6) -> bytes:  # type: ignore[no-untyped-def]
    """`seed` with a few byte-level edits: flips, inserts of random or interesting bytes, cuts, copies."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, max_ops))):
        op = draw(st.sampled_from(["flip", "insert", "token", "delete", "copy", "truncate"]))
        at = draw(st.integers(0, len(data)))
        if op == "flip" and data:
            data[min(at, len(data) - 1)] = draw(st.integers(0, 255))
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif op == "token":
            data[at:at] = draw(st.sampled_from(_TOKENS))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif op == "copy" and data:
            start = draw(st.integers(0, len(data) - 1))
            data[at:at] = data[start : start + draw(st.integers(1, 256))]
        elif op == "truncate":
            del data[max(at, 1) :]
    return bytes(data)


@st.composite
def mutated_xml(draw, blob: bytes) -> bytes:  # type: ignore[no-untyped-def]
    """An XML part with an element removed, copied or moved, or text or an attribute replaced."""
    from lxml import etree

    root = etree.fromstring(blob)
    for _ in range(draw(st.integers(1, 4))):
        elements = list(root.iter())
        el = elements[draw(st.integers(0, len(elements) - 1))]
        op = draw(st.sampled_from(["remove", "copy", "text", "attr", "move"]))
        parent = el.getparent()
        if op == "remove" and parent is not None:
            parent.remove(el)
        elif op == "copy" and parent is not None:
            from copy import deepcopy

            for _ in range(draw(st.integers(1, 3))):
                parent.insert(parent.index(el), deepcopy(el))
        elif op == "move" and parent is not None:
            target = elements[draw(st.integers(0, len(elements) - 1))]
            if el not in target.iterancestors() and target is not el:
                target.append(el)
        elif op == "text":
            el.text = draw(st.sampled_from(["", "{{ title }}", "{{ body }}", "{{ marking }}", "{%p endfor %}", "x"]))
            el.text += draw(st.text(max_size=20).map(lambda t: "".join(c for c in t if c.isprintable())))
        elif op == "attr" and el.attrib:
            key = draw(st.sampled_from(sorted(el.attrib.keys())))
            el.set(key, draw(st.sampled_from(["", "0", "-1", "999999999", "x", "../x", "rId999", "http://evil"])))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


@st.composite
def mutated_package(draw, seed: bytes) -> bytes:  # type: ignore[no-untyped-def]
    """A Word package with parts changed (structurally or byte by byte), dropped or added."""
    with zipfile.ZipFile(io.BytesIO(seed)) as zf:
        parts = {info.filename: zf.read(info) for info in zf.infolist()}
    for _ in range(draw(st.integers(1, 3))):
        if not parts:
            break
        name = draw(st.sampled_from(sorted(parts)))
        op = draw(st.sampled_from(["xml", "xml", "xml", "bytes", "drop", "add"]))
        if op == "xml" and name.endswith((".xml", ".rels")):
            try:
                parts[name] = draw(mutated_xml(parts[name]))
            except Exception:  # noqa: BLE001 - an earlier edit broke the XML: edit the bytes instead
                parts[name] = draw(mutated(parts[name], max_ops=3))
        elif op == "bytes":
            parts[name] = draw(mutated(parts[name], max_ops=3))
        elif op == "drop":
            parts.pop(name, None)
        elif op == "add":
            parts[draw(st.sampled_from(["word/extra.xml", "customXml/item1.xml", "word/media/x.bin"]))] = draw(
                st.binary(max_size=64)
            )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, blob in parts.items():
            zf.writestr(name, blob)
    return out.getvalue()


_TAGS = ["p", "div", "article", "main", "h1", "h2", "li", "ul", "table", "tr", "td", "span", "section", "aside",
         "nav", "script", "style", "iframe", "img", "object", "svg", "template", "noscript", "header", "footer",
         "blockquote", "pre", "br", "meta", "title", "time", "a"]  # fmt: skip
_ATTRS = ["class", "id", "role", "hidden", "aria-hidden", "src", "href", "content", "name", "property", "datetime"]


@st.composite
def html_documents(draw) -> bytes:  # type: ignore[no-untyped-def]
    """Random HTML: nested tags (article furniture, scripts, frames) with random text and attributes."""
    words = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)

    def element(depth: int) -> str:
        tag = draw(st.sampled_from(_TAGS))
        values = ["standfirst", "byline", "x", "main", "true", "https://evil.example/", "2015-03-12"]
        attrs = "".join(
            f' {draw(st.sampled_from(_ATTRS))}="{draw(st.sampled_from(values))}"'
            for _ in range(draw(st.integers(0, 2)))
        )
        inner = draw(words)
        if depth < 3:
            inner += "".join(element(depth + 1) for _ in range(draw(st.integers(0, 3))))
        close = draw(st.booleans())
        return f"<{tag}{attrs}>{inner}" + (f"</{tag}>" if close else "")

    head = draw(st.sampled_from(["", "<!DOCTYPE html>", '<?xml version="1.0" encoding="utf-8"?>', "<html>"]))
    body = "".join(element(0) for _ in range(draw(st.integers(1, 5))))
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"]))
    return (head + body).encode(encoding, errors="replace")


def text_inputs() -> st.SearchStrategy[bytes]:
    encoded = st.tuples(
        st.text(max_size=400), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252"])
    ).map(lambda t: t[0].encode(t[1], errors="replace"))
    return st.one_of(encoded, st.binary(max_size=600), mutated(TEXT_SEED))


def _strategies() -> dict[str, st.SearchStrategy[bytes]]:
    docx_seed = make_docx()
    pdf_seed = make_pdf(
        [
            ["Dialogue matters", "", "Russia and NATO have kept few channels open.", "2"],
            ["The British angle", "", "The UK could play a role in new formats.", "3"],
        ],
        "Dialogue",
    )
    return {
        "txt": text_inputs(),
        "md": st.one_of(text_inputs(), mutated(MD_SEED)),
        "html": st.one_of(html_documents(), mutated(HTML_SEED)),
        "docx": st.one_of(mutated_package(docx_seed), mutated(docx_seed, max_ops=2)),
        "pdf": st.one_of(mutated(pdf_seed), st.binary(max_size=300).map(lambda b: b"%PDF-1.4\n" + b)),
        "brief": st.deferred(lambda: mutated(brief_seed())),
        "template": st.one_of(
            mutated_package(template_seed()),
            mutated_package(template_seed("meeting-brief")),
            mutated(template_seed(), max_ops=2),
        ),
    }


_cache: dict[str, st.SearchStrategy[bytes]] = {}


def strategy(target: str) -> st.SearchStrategy[bytes]:
    if not _cache:
        _cache.update(_strategies())
    return _cache[target]


# ---------------------------------------------------------------- a brief with everything in it


def build_brief(template_id: str = "uk-briefing-note", *, with_deleted: bool = False) -> Any:
    """A brief for `template_id`: a source with quoted and unquoted paragraphs, actors,
    issues, positions (accepted, suggested, rejected), and items of every kind.

    With `with_deleted`, items holding the word ``DELETEDSECRET`` are added and then removed,
    and a position, an issue and a source holding it are removed too.
    """
    import datetime as dt

    from briefcomposer.core import brief_ops
    from briefcomposer.core.model import (
        Actor,
        BulletItem,
        Issue,
        IssueItem,
        Marking,
        Position,
        PositionItem,
        PositionTableItem,
        QuoteItem,
        Source,
        Status,
        TextItem,
    )
    from briefcomposer.structures.templates import find_template, new_brief

    brief = new_brief(find_template(template_id), today=dt.date(2026, 11, 29))
    brief.title = "Russia\u2013NATO dialogue"
    brief.reference = "EUR-2026-0142"
    brief.to = "Minister for Europe"
    brief.sender = "Alex Officer"
    brief.contact = "alex.officer@example.gov.uk"
    brief.marking = Marking(sensitive=True)
    source = Source(
        title="Dialogue Matters",
        paragraphs=[
            "At Munich the Secretary General called for more dialogue with Russia.",
            "UNQUOTEDSECRET paragraph that nobody quoted and must never reach the export.",
            "The UK could play a significant role in new formats.",
        ],
        author="Sarah Lain",
        publisher="RUSI",
        date="2015-03-12",
        url="https://rusi.org/dialogue",
    )
    brief_ops.add_source(brief, source)
    nato, uk = Actor("NATO"), Actor("United Kingdom")
    for actor in (nato, uk):
        brief_ops.add_actor(brief, actor)
    issue = Issue("Dialogue with Russia", description="Channels", status=Status.ACCEPTED)
    brief_ops.add_issue(brief, issue)
    accepted = Position(
        nato.id, issue.id, "More dialogue.", [source.excerpt_of(0, "more dialogue")], status=Status.ACCEPTED
    )
    brief_ops.add_position(brief, accepted)
    brief_ops.add_position(brief, Position(uk.id, issue.id, "SUGGESTEDSECRET stance.", status=Status.SUGGESTED))
    brief_ops.add_position(brief, Position(uk.id, None, "REJECTEDSECRET stance.", status=Status.REJECTED))
    content = [s for s in brief.sections if s.key not in ("sources",)]
    for n, section in enumerate(content):
        brief_ops.add_item(brief, section.id, TextItem(text=f"{section.heading}: relations are at a low ({n})."))
        if n == 0:
            brief_ops.add_item(
                brief,
                section.id,
                QuoteItem(excerpt=source.excerpt_of(2, "could play a significant role"), comment="As RUSI says:"),
            )
            brief_ops.add_item(brief, section.id, PositionItem(position_id=accepted.id))
            brief_ops.add_item(brief, section.id, IssueItem(issue_id=issue.id))
            brief_ops.add_item(brief, section.id, PositionTableItem())
            brief_ops.add_item(brief, section.id, BulletItem(text="Keep channels open."))
    if with_deleted:
        section = content[-1]
        doomed = [TextItem(text="DELETEDSECRET paragraph."), BulletItem(text="DELETEDSECRET bullet.")]
        doomed.append(QuoteItem(excerpt=source.excerpt_of(1, "UNQUOTEDSECRET"), comment="DELETEDSECRET comment"))
        for item in doomed:
            brief_ops.add_item(brief, section.id, item)
        gone_issue = Issue("DELETEDSECRET issue", status=Status.ACCEPTED)
        brief_ops.add_issue(brief, gone_issue)
        gone = Position(nato.id, gone_issue.id, "DELETEDSECRET stance.", status=Status.ACCEPTED)
        brief_ops.add_position(brief, gone)
        other = Source(title="DELETEDSECRET source", paragraphs=["DELETEDSECRET text."])
        brief_ops.add_source(brief, other)
        for item in doomed:
            brief_ops.remove_item(brief, item.id)
        brief_ops.remove_position(brief, gone.id)
        brief.issues.remove(gone_issue)
        brief_ops.remove_source(brief, other.id)
    brief.check()
    return brief


# ---------------------------------------------------------------- a template with things left in it

_CT = "application/vnd.openxmlformats-officedocument"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def dirty_template(secret: str = "TEMPLATESECRET") -> bytes:
    """The default template with `secret` in every place an export must not carry over:
    a comment, a tracked deletion, hidden text, core and extended properties (author,
    company, a template path on the author's disk), custom properties, a thumbnail and a
    custom XML part."""
    import re

    s = secret.encode()
    body = (
        b'<w:p><w:commentRangeStart w:id="7"/><w:r><w:t>Commented</w:t></w:r><w:commentRangeEnd w:id="7"/>'
        b'<w:r><w:commentReference w:id="7"/></w:r></w:p>'
        b'<w:p><w:del w:id="8" w:author="'
        + s
        + b' reviewer" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>'
        + s
        + b' deleted</w:delText></w:r></w:del><w:ins w:id="9" w:author="'
        + s
        + b' reviewer" '
        b'w:date="2026-01-01T00:00:00Z"><w:r><w:t>Inserted and kept</w:t></w:r></w:ins></w:p>'
        b"<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>" + s + b" hidden</w:t></w:r></w:p>"
    )
    comments = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments ' + _W_NS.encode() + b">"
        b'<w:comment w:id="7" w:author="'
        + s
        + b' commenter" w:initials="TS"><w:p><w:r><w:t>'
        + s
        + b" comment</w:t></w:r></w:p></w:comment></w:comments>"
    )
    core = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties '
        b'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        b'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>' + s + b" author</dc:creator>"
        b"<cp:lastModifiedBy>" + s + b"</cp:lastModifiedBy><dc:description>" + s + b"</dc:description>"
        b"</cp:coreProperties>"
    )
    app = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties '
        b'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        b"<Template>C:\\Users\\jbloggs\\AppData\\Roaming\\Microsoft\\Templates\\" + s + b".dotx</Template>"
        b"<Company>" + s + b" company</Company><Manager>" + s + b"</Manager></Properties>"
    )
    custom = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties '
        b'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        b'<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Client"><vt:lpwstr>'
        + s
        + b"</vt:lpwstr></property></Properties>"
    )
    package_rels = (
        f'<Relationship Id="rId90" Type="{_RT}/custom-properties" Target="docProps/custom.xml"/>'
        '<Relationship Id="rId91" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
        'thumbnail" Target="docProps/thumbnail.jpeg"/></Relationships>'
    ).encode()
    doc_rels = (
        f'<Relationship Id="rId92" Type="{_RT}/comments" Target="comments.xml"/>'
        f'<Relationship Id="rId93" Type="{_RT}/customXml" Target="../customXml/item1.xml"/></Relationships>'
    ).encode()
    types = (
        f'<Override PartName="/word/comments.xml" ContentType="{_CT}.wordprocessingml.comments+xml"/>'
        f'<Override PartName="/docProps/custom.xml" ContentType="{_CT}.custom-properties+xml"/>'
        '<Default Extension="jpeg" ContentType="image/jpeg"/></Types>'
    ).encode()

    def into_body(blob: bytes) -> bytes:
        return re.sub(rb"(<w:p>(?:(?!<w:p>).)*?\{\{ body \}\})", body.replace(b"\\", b"\\\\") + rb"\1", blob, count=1)

    from make_hostile import rezip

    return rezip(
        template_seed(),
        {
            "word/document.xml": into_body,
            "docProps/core.xml": core,
            "docProps/app.xml": app,
            "_rels/.rels": lambda b: b.replace(b"</Relationships>", package_rels),
            "word/_rels/document.xml.rels": lambda b: b.replace(b"</Relationships>", doc_rels),
            "[Content_Types].xml": lambda b: b.replace(b"</Types>", types),
        },
        {
            "word/comments.xml": comments,
            "docProps/custom.xml": custom,
            "docProps/thumbnail.jpeg": b"\xff\xd8\xff\xe0" + s + b" thumbnail",
            "customXml/item1.xml": b"<data><client>" + s + b"</client></data>",
        },
    )


# ---------------------------------------------------------------- SIGKILL during save

KILL_CHILD = r"""
import sys
from pathlib import Path
from briefcomposer import storage
from briefcomposer.core.model import Brief, Section, Source, TextItem
target = Path(sys.argv[1])
def version(n):
    text = ("version %d " % n) * 20000  # ~200 kB, so the kill often lands mid-write
    return Brief(title="v%d" % n, sources=[Source("s", [text])],
                 sections=[Section("a", "A", items=[TextItem(text=text)])], id="b")
briefs = [version(0), version(1)]
sys.stdout.write("ready\n"); sys.stdout.flush()
n = 0
while True:
    n += 1
    storage.save(briefs[n % 2], target)
"""


@dataclass
class KillReport:
    tried: int = 0
    survived: int = 0  # kills after which the file loaded, whole, as the old or the new version
    before_first_save: int = 0  # kills that landed before any file existed: nothing to damage
    failures: list[str] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)


def kill_during_save(folder: Path, kills: int, seed: int = 20261129, max_delay: float = 0.03) -> KillReport:
    """Start a child saving a brief in a loop and SIGKILL it at a random moment, `kills` times.

    After every kill the .brief must load and be either version 0 or version 1, never a
    mix. Returns the figures; failures are described, not raised.
    """
    import random
    import signal
    import subprocess

    from briefcomposer import storage
    from briefcomposer.core.errors import BriefError

    target = folder / "work.brief"
    rng = random.Random(seed)
    report = KillReport()
    for _ in range(kills):
        with subprocess.Popen([sys.executable, "-c", KILL_CHILD, str(target)], stdout=subprocess.PIPE) as child:
            assert child.stdout is not None
            if child.stdout.readline() != b"ready\n":
                report.failures.append("the child did not start")
                continue
            time.sleep(rng.uniform(0, max_delay))
            child.send_signal(signal.SIGKILL)
            child.wait()
        report.tried += 1
        if not target.exists():
            report.before_first_save += 1
            continue
        try:
            brief = storage.load(target)
        except (BriefError, OSError) as exc:
            report.failures.append(f"kill {report.tried}: the file does not load: {exc}")
            continue
        if brief.title not in {"v0", "v1"} or brief.sources[0].paragraphs[0] != f"version {brief.title[1]} " * 20000:
            report.failures.append(f"kill {report.tried}: a mix of versions")
            continue
        report.survived += 1
    report.leftovers = [p.name for p in folder.iterdir() if p.name != target.name]
    return report


# ---------------------------------------------------------------- leak checks

LEAK_SECRETS = ("DELETEDSECRET", "UNQUOTEDSECRET", "SUGGESTEDSECRET", "REJECTEDSECRET", "TEMPLATESECRET")
_REVISIONS = (
    rb"<w:(ins|del|delText|moveFrom|moveTo|rPrChange|pPrChange|sectPrChange|tblPrChange|commentReference|"
    rb"commentRangeStart|vanish)\b"
)
_LEFTOVER_PARTS = frozenset({"word/comments.xml", "word/commentsExtended.xml", "word/people.xml", "docProps/custom.xml",
                             "docProps/thumbnail.jpeg", "word/glossary/document.xml"})  # fmt: skip
SAFE_LINK = r"^(https?://|mailto:)"


def machine_paths(*extra: Path) -> list[str]:
    """Paths of this machine that must never appear in an export."""
    paths = {tempfile.gettempdir(), os.getcwd(), str(REPO), *(str(p) for p in extra)}
    home = Path.home()
    if home != Path(home.anchor):
        paths.add(str(home))
    return sorted(p for p in paths if len(p) > 1)


def leak_checks(path: Path, paths: list[str]) -> tuple[int, list[str]]:
    """Run every leak check on the .docx at `path`: (checks run, problems found)."""
    import re

    from briefcomposer.export import safety

    checks, problems = 0, []

    def check(ok: bool, problem: str) -> None:
        nonlocal checks
        checks += 1
        if not ok:
            problems.append(problem)

    with zipfile.ZipFile(path) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    for name, blob in parts.items():
        lowered = blob.lower()
        for secret in LEAK_SECRETS:
            check(secret.encode() not in blob, f"{secret} in {name}")
        check(b"python-docx" not in lowered, f"python-docx in {name}")
        for where in paths:
            check(where.encode() not in blob, f"the path {where} in {name}")
        found = re.search(rb"file:/|[a-z]:\\\\users|\\\\\\\\[a-z0-9.-]+\\\\", lowered)
        check(found is None, f"a file path ({found.group(0) if found else b''!r}) in {name}")
        if name.startswith("word/") and name.endswith(".xml"):
            found = re.search(_REVISIONS, blob)
            check(found is None, f"{found.group(0) if found else b''!r} left in {name}")
        if name.endswith(".rels"):
            for target in re.findall(rb'Target="([^"]*)"[^>]*TargetMode="External"', blob):
                check(re.match(SAFE_LINK, target.decode(), re.I) is not None, f"{name} links to {target!r}")
    names = set(parts)
    check(not names & _LEFTOVER_PARTS, f"template leftovers: {sorted(names & _LEFTOVER_PARTS)}")
    check(not any(n.startswith("customXml/") for n in names), "custom XML parts left in")
    settings = parts.get("word/settings.xml", b"")
    check(b"trackRevisions" not in settings and b"attachedTemplate" not in settings, "settings keep revisions")
    found = safety.package_problems(path.read_bytes(), path.name, max_ratio=None)
    check(found == [], f"the export fails the package checks: {found[:1]}")
    return checks, problems
