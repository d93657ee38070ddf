"""Regenerate the screenshots in docs/ with ``briefcomposer gui --sample --screenshot``.

    .venv/bin/python tools/make_screenshots.py [--out docs]

Writes ``screenshot.png`` (the system's light palette) and ``screenshot-dark.png``
(``BRIEFCOMPOSER_THEME=dark``), each 1400x900, from a fresh home folder so that no
recent file, recovery copy or setting of the person running it shows. Runs offscreen
when there is no display. Exits non-zero if any screenshot failed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SHOTS = {
    "screenshot.png": {},
    "screenshot-dark.png": {"BRIEFCOMPOSER_THEME": "dark"},
}


def make(target: Path, extra_env: dict[str, str]) -> bool:
    with tempfile.TemporaryDirectory(prefix="briefcomposer-shot-") as home:
        env = {
            **os.environ,
            "BRIEFCOMPOSER_HOME": home,
            "XDG_CONFIG_HOME": str(Path(home) / "config"),
            "LANG": "en_GB.UTF-8",
            **extra_env,
        }
        if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        if "BRIEFCOMPOSER_THEME" not in extra_env:  # the light one, even from a dark-themed shell
            env.pop("BRIEFCOMPOSER_THEME", None)
        done = subprocess.run(
            [sys.executable, "-m", "briefcomposer", "gui", "--sample", "--screenshot", str(target)],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
    ok = done.returncode == 0 and target.is_file()
    shown = target.relative_to(ROOT) if target.is_relative_to(ROOT) else target
    sys.stdout.write(f"{'wrote' if ok else 'FAILED'} {shown}\n")
    if not ok:
        sys.stderr.write(done.stderr[-2000:])
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="folder for the PNG files (default: docs/)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    results = [make((args.out / name).resolve(), env) for name, env in SHOTS.items()]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
