"""The render process: docxtpl runs here, away from the application, with limits.

A Word template is untrusted, so its Jinja tags are rendered in a child process
started with the ``spawn`` method (the same on Windows and POSIX). The parent sends
the request as JSON and the template bytes; the child answers with a status byte
and the rendered .docx or a one-line error. Nothing is unpickled on either side.

On POSIX the child caps its own address space (`RLIMIT_AS`) so a template that
builds huge strings fails with a MemoryError instead of exhausting the machine;
everywhere the parent kills the child when it runs past its time limit. The child
serves several renders (a warm worker) until the parent closes the pipe or a
render runs out of memory, after which it exits and the parent starts a fresh one.

``python -m briefcomposer.export.render_child TEMPLATE.docx CONTEXT.json OUT.docx``
renders once, in the foreground, for debugging a template.
"""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path
from typing import Any

OK, FAILED, OUT_OF_MEMORY = b"K", b"E", b"M"


def limit_memory(budget: int) -> None:
    """Cap this process's address space at what it uses now plus `budget` bytes (POSIX only)."""
    try:
        import resource
    except ImportError:  # Windows: the parent's timeout is the only bound
        return
    used = 0
    with contextlib.suppress(OSError, ValueError, IndexError):
        pages = int(Path("/proc/self/statm").read_text().split()[0])
        used = pages * resource.getpagesize()
    limit = (used or 512 * 1024 * 1024) + budget
    with contextlib.suppress(ValueError, OSError):  # macOS does not enforce RLIMIT_AS
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def render_once(template: bytes, context: dict[str, Any]) -> tuple[bytes, bytes]:
    """Render one template; return `(status, payload)` as sent to the parent."""
    from briefcomposer.export.docx_writer import render_template

    return _run(lambda: render_template(template, context))


def check_once(template: bytes) -> tuple[bytes, bytes]:
    """Parse a template's tags for `check_template`; the payload is JSON ``[[message, severity], ...]``."""
    from briefcomposer.export.check import tag_problems

    return _run(lambda: json.dumps([[p.message, p.severity] for p in tag_problems(template)]).encode("utf-8"))


def _run(job) -> tuple[bytes, bytes]:  # type: ignore[no-untyped-def]
    from briefcomposer.core.errors import TemplateError

    try:
        return OK, job()
    except TemplateError as exc:
        return FAILED, str(exc).encode("utf-8", "replace")
    except MemoryError:
        return OUT_OF_MEMORY, b"the template needs more memory than a brief can (it builds huge text)"
    except RecursionError:
        return FAILED, b"the template nests too deeply to render"
    except Exception as exc:  # noqa: BLE001 - any failure of untrusted input becomes a message
        return FAILED, f"the template cannot be rendered: {type(exc).__name__}: {exc}".encode("utf-8", "replace")


def serve(conn, memory_budget: int) -> None:  # type: ignore[no-untyped-def]
    """Worker loop until EOF or running out of memory.

    In: a JSON request (``{"op": "render", "context": {...}}`` or ``{"op": "check"}``)
    and the template bytes. Out: one status byte and the payload (the .docx, the
    problems as JSON, or a one-line error).
    """
    # Import the heavy modules before the memory cap, so the cap bounds rendering only.
    import docxtpl  # noqa: F401
    from jinja2 import sandbox  # noqa: F401

    from briefcomposer.export import docx_writer  # noqa: F401

    limit_memory(memory_budget)
    try:
        while True:
            try:
                request = conn.recv_bytes()
                template = conn.recv_bytes()
            except (EOFError, OSError):
                return
            try:
                job = json.loads(request)
                if job.get("op") == "check":
                    status, payload = check_once(template)
                else:
                    status, payload = render_once(template, job["context"])
            except MemoryError:
                status, payload = OUT_OF_MEMORY, b"the template needs more memory than a brief can"
            try:
                conn.send_bytes(status + payload)
            except MemoryError:
                conn.send_bytes(OUT_OF_MEMORY + b"the rendered document is too large")
                return
            if status == OUT_OF_MEMORY:
                return  # start afresh: memory may be fragmented or exhausted
    finally:
        conn.close()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 3:
        sys.stderr.write("usage: python -m briefcomposer.export.render_child TEMPLATE.docx CONTEXT.json OUT.docx\n")
        return 2
    template, context, out = (Path(a) for a in args)
    status, payload = render_once(template.read_bytes(), json.loads(context.read_text("utf-8")))
    if status != OK:
        sys.stderr.write(payload.decode("utf-8", "replace") + "\n")
        return 1
    out.write_bytes(payload)
    return 0


if __name__ == "__main__":
    sys.exit(main())
