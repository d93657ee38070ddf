"""How long a Word export takes, against python-docx alone (and pandoc when installed).

    .venv/bin/python benchmarks/bench_export.py [--runs 20]

For each built-in template, a sample-sized brief (~25 items, a positions table,
quotes; the export tests' fixture) is exported:

- baseline: python-docx alone writes a document with the same paragraphs, styles
  and table to memory (no template, no checks);
- core: the export pipeline in this process (safety checks, sandboxed docxtpl render
  of the title block, body insertion, clean-up, marking verification), to memory;
- bounded: `export_docx` as the application calls it: the render runs in the warm
  render process (time and memory limits), the file is written atomically and read back;
- cold: the first bounded export of the run, which starts the render process;
- pandoc: the same content as Markdown through ``pandoc -o x.docx``, if pandoc is on PATH.

Medians are printed; ratios are against the baseline. No timing is asserted anywhere.
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "export"))  # the tests' hand-built sample brief

TEMPLATES = ("uk-briefing-note", "ministerial-submission", "lines-to-take", "meeting-brief")


def _median_ms(func, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def python_docx_alone(context: dict) -> bytes:
    """The same paragraphs written with python-docx's default template and styles."""
    import docx

    doc = docx.Document()
    doc.add_paragraph(context["title"], style="Title")
    for label, key in (("Reference", "reference"), ("To", "to"), ("From", "sender"), ("Date", "date")):
        doc.add_paragraph(f"{label}\t{context[key]}")
    for section in doc.sections:
        section.header.paragraphs[0].text = context["marking"]
        section.footer.paragraphs[0].text = context["marking"]
    for section in context["sections"]:
        doc.add_heading(section["heading"], level=1)
        for item in section["items"]:
            kind = item["kind"]
            if kind == "table":
                table = doc.add_table(rows=1, cols=len(item["columns"]) + 1, style="Table Grid")
                for cell, text in zip(table.rows[0].cells, ["Who", *item["columns"]], strict=True):
                    cell.text = text
                for row in item["rows"]:
                    cells = table.add_row().cells
                    cells[0].text = row["actor"]
                    for cell, value in zip(cells[1:], row["cells"], strict=True):
                        cell.text = f"{value['stance']} {value['cite']}".strip()
            elif kind == "bullet":
                doc.add_paragraph(item["text"], style="List Bullet")
            elif kind == "quote":
                if item["comment"]:
                    doc.add_paragraph(item["comment"], style="List Number")
                doc.add_paragraph(f"\u201c{item['text']}\u201d {item['cite']}", style="Quote")
            elif kind == "position":
                p = doc.add_paragraph(style="List Number")
                p.add_run(item["actor"] + ":").bold = True
                p.add_run(f" {item['stance']} {item['cite']}")
            elif kind == "issue":
                doc.add_paragraph(item["label"], style="List Number")
            else:
                doc.add_paragraph(item["text"], style="List Number" if item.get("numbered") else None)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def markdown(context: dict) -> str:
    lines = [f"# {context['title']}", ""]
    for section in context["sections"]:
        lines += [f"## {section['heading']}", ""]
        for item in section["items"]:
            if item["kind"] == "table":
                lines.append("| Who | " + " | ".join(item["columns"]) + " |")
                lines.append("|---" * (len(item["columns"]) + 1) + "|")
                for row in item["rows"]:
                    cells = [f"{c['stance']} {c['cite']}".strip() or "-" for c in row["cells"]]
                    lines.append(f"| {row['actor']} | " + " | ".join(cells) + " |")
            elif item["kind"] == "bullet":
                lines.append(f"- {item['text']}")
            elif item["kind"] == "quote":
                lines.append(f"> {item['text']} {item['cite']}")
            else:
                lines.append("1. " + (item.get("text") or item.get("stance") or item.get("label", "")))
            lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args(argv)

    from export_helpers import make_brief

    from briefcomposer.export import docx_writer
    from briefcomposer.export.context import build_context

    pandoc = shutil.which("pandoc")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        docx_writer.export_docx(make_brief(), folder / "cold.docx")
        cold = (time.perf_counter() - start) * 1000
        print(f"cold bounded export (starts the render process): {cold:.0f} ms")
        header = f"{'template':24} {'baseline':>9} {'core':>9} {'ratio':>6} {'bounded':>9} {'ratio':>6}"
        print(header + (f" {'pandoc':>8}" if pandoc else ""))
        for name in TEMPLATES:
            brief = make_brief(name)
            context = build_context(brief)
            base = _median_ms(lambda c=context: python_docx_alone(c), args.runs)
            core = _median_ms(lambda b=brief: docx_writer.export_bytes(b, in_process=True), args.runs)
            target = folder / f"{name}.docx"
            bounded = _median_ms(lambda b=brief, t=target: docx_writer.export_docx(b, t), args.runs)
            line = f"{name:24} {base:7.1f}ms {core:7.1f}ms {core / base:5.2f}x {bounded:7.1f}ms {bounded / base:5.2f}x"
            if pandoc:
                md = folder / "in.md"
                md.write_text(markdown(context), "utf-8")
                cmd = [pandoc, str(md), "-o", str(folder / "pandoc.docx")]
                line += f" {_median_ms(lambda c=cmd: subprocess.run(c, check=True), max(3, args.runs // 4)):6.1f}ms"
            print(line)
        if not pandoc:
            print("pandoc: not installed, no comparison")
        docx_writer.shutdown_worker()
        # the first thing a new user runs: import, analyse the sample, draft, export, in a new process
        cmd = [sys.executable, "-m", "briefcomposer", "export", "--sample", "-o", str(folder / "cli.docx")]
        whole = _median_ms(lambda: subprocess.run(cmd, check=True, capture_output=True), 3)
        bare = [sys.executable, "-c", "import io, docx; docx.Document().save(io.BytesIO())"]
        python = _median_ms(lambda: subprocess.run(bare, check=True, capture_output=True), 3)
        print(
            f"whole `briefcomposer export --sample` process: {whole:.0f} ms "
            f"(a process that only imports python-docx and saves an empty document: {python:.0f} ms)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
