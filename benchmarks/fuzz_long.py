"""A long fuzz run over every importer, the .brief loader and the Word template checker.

    .venv/bin/python benchmarks/fuzz_long.py [--examples 2000] [--seconds 600] [--targets txt,html,...]
                                             [--seed 1] [--failures DIR] [--json]

The inputs are those of tests/reliability/test_fuzz_inputs.py (hypothesis strategies
that mutate small valid files, generate HTML and text), without its CI limits. Each
input runs in the fuzz worker (`reliability_harness.Sandbox`): a hang past
``--timeout`` seconds, a memory blow-up past 1 GB, a network attempt, or any exception
other than a typed `BriefError` with a one-line message is a failure. Each target
stops after ``--examples`` inputs or ``--seconds`` seconds, whichever comes first.

Prints, per target, the inputs tried and the failures by kind; failing inputs are
written to ``--failures`` (default: a temp folder) so they can be replayed. Exits 1
when anything failed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "reliability"))
sys.path.insert(0, str(ROOT / "tests" / "data" / "hostile"))

from reliability_harness import FUZZ_TARGETS, Sandbox, strategy  # noqa: E402

BATCH = 25  # inputs per hypothesis run; the clock is checked between runs


@dataclass
class TargetResult:
    target: str
    tried: int = 0
    seconds: float = 0.0
    failures: Counter = field(default_factory=Counter)  # type: ignore[type-arg]
    examples: list[str] = field(default_factory=list)  # "kind: detail -> file"

    @property
    def failed(self) -> int:
        return sum(self.failures.values())


def fuzz_target(
    sandbox: Sandbox,
    target: str,
    examples: int,
    seconds: float,
    seed: int = 1,
    timeout: float = 20.0,
    failures_dir: Path | None = None,
) -> TargetResult:
    """Run up to `examples` inputs (or `seconds`) through `target`; never raises on a failing input."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as with_seed

    result = TargetResult(target)
    started = time.monotonic()

    def run_one(data: bytes) -> None:
        if result.tried >= examples:
            return
        result.tried += 1
        outcome = sandbox.run(target, data, timeout=timeout)
        if outcome.good:
            return
        result.failures[outcome.kind] += 1
        saved = ""
        if failures_dir is not None:
            failures_dir.mkdir(parents=True, exist_ok=True)
            path = failures_dir / f"{target}-{hashlib.sha256(data).hexdigest()[:12]}.bin"
            path.write_bytes(data)
            saved = f" -> {path}"
        if len(result.examples) < 20:
            result.examples.append(f"{outcome.kind}: {outcome.detail[:200]}{saved}")

    batch_no = 0
    while result.tried < examples and time.monotonic() - started < seconds:
        batch = min(BATCH, examples - result.tried)
        test = settings(
            max_examples=batch,
            deadline=None,
            database=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )(given(strategy(target))(run_one))
        with_seed(seed * 100_003 + batch_no)(test)()
        batch_no += 1
    result.seconds = time.monotonic() - started
    return result


def run(
    targets: list[str], examples: int, seconds: float, seed: int, timeout: float, failures_dir: Path | None
) -> list[TargetResult]:
    results = []
    with Sandbox() as sandbox:
        for target in targets:
            results.append(fuzz_target(sandbox, target, examples, seconds, seed, timeout, failures_dir))
    return results


def format_table(results: list[TargetResult]) -> str:
    lines = [f"{'target':10} {'inputs':>8} {'failures':>9} {'seconds':>8}  kinds"]
    for r in results:
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(r.failures.items())) or "-"
        lines.append(f"{r.target:10} {r.tried:8d} {r.failed:9d} {r.seconds:8.1f}  {kinds}")
        lines.extend(f"    {example}" for example in r.examples)
    total, failed = sum(r.tried for r in results), sum(r.failed for r in results)
    lines.append(f"{'total':10} {total:8d} {failed:9d}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=2000, help="inputs per target (default 2000)")
    parser.add_argument("--seconds", type=float, default=600, help="time per target (default 600)")
    parser.add_argument("--targets", default=",".join(FUZZ_TARGETS), help="comma-separated: " + ",".join(FUZZ_TARGETS))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds one input may take (default 20)")
    parser.add_argument(
        "--failures", type=Path, default=None, help="folder for failing inputs (default: a temp folder)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    targets = [t.strip() for t in args.targets.split(",") if t.strip()]
    unknown = sorted(set(targets) - set(FUZZ_TARGETS))
    if unknown:
        parser.error(f"unknown target(s): {', '.join(unknown)}")
    failures_dir = args.failures or Path(tempfile.mkdtemp(prefix="briefcomposer-fuzz-failures-"))
    results = run(targets, args.examples, args.seconds, args.seed, args.timeout, failures_dir)
    if args.json:
        data = [
            {"target": r.target, "inputs": r.tried, "failures": r.failed, "kinds": dict(r.failures),
             "seconds": round(r.seconds, 1), "examples": r.examples}
            for r in results
        ]  # fmt: skip
        sys.stdout.write(json.dumps(data, indent=1) + "\n")
    else:
        sys.stdout.write(format_table(results) + "\n")
    return 1 if any(r.failed for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
