"""Print the reliability figures of issue 6: kills survived, fuzz failures, hostile files, leaks.

    .venv/bin/python tools/reliability_report.py [--kills 200] [--fuzz-examples 300] [--fuzz-seconds 60]
                                                 [--skip kills,fuzz,hostile,leaks] [--json]

- kills: a child saves a brief in a loop and is SIGKILLed at random moments
  (`reliability_harness.kill_during_save`, the logic of tests/reliability/
  test_kill_during_save.py); a kill is survived when the .brief then loads, whole, as
  the old or the new version. Kills that land before the first save are counted apart.
- fuzz: inputs tried and failures per target (benchmarks/fuzz_long.py).
- hostile: the files of tests/data/hostile/make_hostile.py that met their expected fate
  (refused with the expected message, or imported safely) out of the total.
- leaks: exports of every built-in template, and of a template full of comments,
  revisions and properties, from a brief with deleted items; leak checks passed / run.

Exits 1 when any figure shows a failure. Nothing here is timed against a budget.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "reliability"))
sys.path.insert(0, str(ROOT / "tests" / "data" / "hostile"))
sys.path.insert(0, str(ROOT / "benchmarks"))

SECTIONS = ("kills", "fuzz", "hostile", "leaks")
BUILT_IN = ("uk-briefing-note", "ministerial-submission", "lines-to-take", "meeting-brief")


def kills(count: int) -> dict:
    from reliability_harness import kill_during_save

    from briefcomposer.atomic import TEMP_PREFIX, TEMP_SUFFIX

    with tempfile.TemporaryDirectory(prefix="bc-kills-") as tmp:
        report = kill_during_save(Path(tmp), count)
    landed = report.tried - report.before_first_save
    stray = [n for n in report.leftovers if not (n.startswith(TEMP_PREFIX) and n.endswith(TEMP_SUFFIX))]
    return {
        "tried": report.tried,
        "after_a_save": landed,
        "survived": report.survived,
        "before_first_save": report.before_first_save,
        "failures": report.failures[:10],
        "stray_files": stray,
        "ok": not report.failures and not stray and report.survived == landed,
    }


def fuzz(examples: int, seconds: float) -> dict:
    from fuzz_long import run
    from reliability_harness import FUZZ_TARGETS

    failures_dir = Path(tempfile.mkdtemp(prefix="briefcomposer-fuzz-failures-"))
    results = run(list(FUZZ_TARGETS), examples, seconds, seed=1, timeout=20.0, failures_dir=failures_dir)
    targets = {r.target: {"inputs": r.tried, "failures": r.failed, "kinds": dict(r.failures)} for r in results}
    examples_seen = [e for r in results for e in r.examples][:10]
    return {
        "targets": targets,
        "inputs": sum(r.tried for r in results),
        "failures": sum(r.failed for r in results),
        "examples": examples_seen,
        "ok": not any(r.failed for r in results),
    }


def hostile() -> dict:
    import make_hostile
    from reliability_harness import Sandbox

    os.environ.setdefault("BRIEFCOMPOSER_TEST_RENDER_TIMEOUT", "3")
    passed, wrong = 0, []
    cases = make_hostile.cases(big=True)
    with Sandbox() as sandbox:
        for case in cases:
            outcome = sandbox.run(case.target, case.data, timeout=60)
            if make_hostile.judge(case, outcome.kind, outcome.detail):
                passed += 1
            else:
                wrong.append(
                    f"{case.name} ({case.target}): expected {case.expect}, got {outcome.kind}: {outcome.detail[:120]}"
                )
    refused = sum(1 for c in cases if c.expect == "refused")
    return {
        "handled": passed,
        "total": len(cases),
        "expected_refusals": refused,
        "files": len({c.name for c in cases}),
        "wrong": wrong,
        "ok": not wrong,
    }


def leaks() -> dict:
    from reliability_harness import build_brief, dirty_template, leak_checks, machine_paths

    from briefcomposer.export import docx_writer

    checks = passed = 0
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bc-leaks-") as tmp:
        folder = Path(tmp)
        dirty = folder / "dirty.docx"
        dirty.write_bytes(dirty_template())
        exports = [(t, None) for t in BUILT_IN] + [("uk-briefing-note", dirty)]
        try:
            for template_id, template in exports:
                out = folder / f"{template_id}-{'dirty' if template else 'built-in'}.docx"
                docx_writer.export_docx(build_brief(template_id, with_deleted=True), out, template=template)
                ran, found = leak_checks(out, machine_paths(folder))
                checks += ran
                passed += ran - len(found)
                problems += [f"{out.name}: {p}" for p in found]
        finally:
            docx_writer.shutdown_worker()
    return {"passed": passed, "checks": checks, "exports": len(exports), "problems": problems[:10], "ok": not problems}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=200, help="SIGKILLs during save (default 200)")
    parser.add_argument("--fuzz-examples", type=int, default=300, help="fuzz inputs per target (default 300)")
    parser.add_argument("--fuzz-seconds", type=float, default=60, help="fuzz time per target (default 60)")
    parser.add_argument("--skip", default="", help="comma-separated sections to skip: " + ",".join(SECTIONS))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    figures: dict[str, dict] = {}
    started = time.monotonic()
    if "kills" not in skip and hasattr(__import__("signal"), "SIGKILL"):
        figures["kills"] = kills(args.kills)
    if "fuzz" not in skip:
        figures["fuzz"] = fuzz(args.fuzz_examples, args.fuzz_seconds)
    if "hostile" not in skip:
        figures["hostile"] = hostile()
    if "leaks" not in skip:
        figures["leaks"] = leaks()
    if args.json:
        sys.stdout.write(json.dumps(figures, indent=1) + "\n")
    else:
        sys.stdout.write(_format(figures) + f"\n({time.monotonic() - started:.0f} s)\n")
    return 0 if all(f["ok"] for f in figures.values()) else 1


def _format(figures: dict[str, dict]) -> str:
    lines = []
    if "kills" in figures:
        k = figures["kills"]
        lines.append(
            f"Kills during save: {k['survived']} / {k['after_a_save']} survived "
            f"({k['tried']} tried, {k['before_first_save']} before the first save)"
        )
        lines += [f"    {f}" for f in k["failures"] + k["stray_files"]]
    if "fuzz" in figures:
        f = figures["fuzz"]
        lines.append(f"Fuzz: {f['inputs']} inputs, {f['failures']} failures")
        for target, t in f["targets"].items():
            kinds = ", ".join(f"{kind} {n}" for kind, n in t["kinds"].items())
            lines.append(f"    {target:9} {t['inputs']:6d} inputs {t['failures']:4d} failures {kinds}")
        lines += [f"    {e}" for e in f["examples"]]
    if "hostile" in figures:
        h = figures["hostile"]
        lines.append(
            f"Hostile files: {h['handled']} / {h['total']} handled as expected "
            f"({h['files']} files; {h['expected_refusals']} checks expect a refusal)"
        )
        lines += [f"    {w}" for w in h["wrong"]]
    if "leaks" in figures:
        leak = figures["leaks"]
        lines.append(f"Leak checks: {leak['passed']} / {leak['checks']} passed over {leak['exports']} exports")
        lines += [f"    {p}" for p in leak["problems"]]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
