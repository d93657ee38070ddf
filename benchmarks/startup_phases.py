"""Where the start-up of ``briefcomposer gui --sample --screenshot`` goes, phase by phase (issue 5).

    .venv/bin/python benchmarks/startup_phases.py [--runs 9]

`bench_gui.py` gives the goal's figure (whole process against a bare PySide6 window); this
splits both processes into phases so that the gap can be read: each phase's median over
`--runs` alternating starts, in ms of wall time, from the moment the parent starts the
child to the moment the child has exited. The app runs from a small runner that wraps the
functions which bound each phase (nothing in the app is changed), with the sample's
analysis in the user cache as on every start after the first. Offscreen when there is no
display. A benchmark: it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

# Each child writes (label, time.time()) marks to the file named by STARTUP_MARKS as it goes.
_MARKS = textwrap.dedent(
    """
    import atexit, json, os, sys, time
    _marks = [("started", time.time())]
    def mark(label):
        _marks.append((label, time.time()))
    def _dump():
        mark("exit")
        with open(os.environ["STARTUP_MARKS"], "w") as f:
            json.dump(_marks, f)
    atexit.register(_dump)
    """
)

BARE = _MARKS + textwrap.dedent(
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow
    mark("PySide6 imported")
    app = QApplication(sys.argv[:1])
    w = QMainWindow()
    w.resize(1400, 900)
    w.show()
    mark("window shown")
    QTimer.singleShot(0, app.quit)
    sys.exit(app.exec())
    """
)

APP = _MARKS + textwrap.dedent(
    """
    import importlib.abc, importlib.machinery

    def wrap(owner, name, before, after):
        real = getattr(owner, name)
        def wrapper(*args, **kwargs):
            if before:
                mark(before)
            try:
                return real(*args, **kwargs)
            finally:
                mark(after)
        setattr(owner, name, wrapper)

    def patch(module):
        if module.__name__ == "briefcomposer.cli":
            wrap(module, "_import_before_qt", None, "core modules imported")
            wrap(module, "_skip_pyside_source_scan", None, "PySide6 package imported")
        elif module.__name__ == "briefcomposer.gui.app":
            mark("Qt modules and gui.app imported")
            wrap(module, "create_app", None, "QApplication and theme")
            wrap(module, "window_image", "window painted", "window grabbed")
            wrap(module, "write_png", None, "PNG written")
        elif module.__name__ == "briefcomposer.gui.main_window":
            mark("our GUI modules and their Qt classes imported")
            cls = module.MainWindow
            wrap(cls, "__init__", "window: start", "window built with the sample")
            wrap(cls, "setVisible", None, "show(): layout and polish")

    class Hook(importlib.abc.MetaPathFinder):
        def find_spec(self, fullname, path, target=None):
            if fullname not in ("briefcomposer.cli", "briefcomposer.gui.app", "briefcomposer.gui.main_window"):
                return None
            spec = importlib.machinery.PathFinder.find_spec(fullname, path)
            if spec is None or spec.loader is None:
                return spec
            real_exec = spec.loader.exec_module
            def exec_module(module):
                real_exec(module)
                patch(module)
            spec.loader.exec_module = exec_module
            return spec

    sys.meta_path.insert(0, Hook())
    from briefcomposer.cli import main
    mark("command line imported")
    sys.exit(main(["gui", "--sample", "--screenshot", os.environ["STARTUP_SHOT"]]))
    """
)


def _run(script: Path, env: dict[str, str], marks_file: Path) -> list[tuple[str, float]]:
    started = time.time()
    subprocess.run([sys.executable, str(script)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ended = time.time()
    marks = json.loads(marks_file.read_text("utf-8"))
    marks[0] = ["python started, runner read", marks[0][1]]
    timeline = [("(process start)", started), *[(label, t) for label, t in marks], ("process ended", ended)]
    return [(timeline[n][0], 1000 * (timeline[n][1] - timeline[n - 1][1])) for n in range(1, len(timeline))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="startup-phases-") as tmp:
        home = Path(tmp)
        env = dict(os.environ)
        if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode cached, as an installed app has it
        env.update(
            BRIEFCOMPOSER_HOME=str(home),
            PYTHONPYCACHEPREFIX=str(home / "pycache"),
            XDG_CONFIG_HOME=str(home / "config"),
            STARTUP_MARKS=str(home / "marks.json"),
            STARTUP_SHOT=str(home / "shot.png"),
        )
        scripts = {"bare window": home / "bare.py", "app": home / "app.py"}
        scripts["bare window"].write_text(BARE, "utf-8")
        scripts["app"].write_text(APP, "utf-8")
        results: dict[str, list[list[tuple[str, float]]]] = {name: [] for name in scripts}
        for script in scripts.values():  # warm the file and bytecode caches (and the analysis cache)
            _run(script, env, home / "marks.json")
        for _ in range(args.runs):
            for name, script in scripts.items():
                results[name].append(_run(script, env, home / "marks.json"))
    totals = {}
    for name, runs in results.items():
        labels = [label for label, _ in runs[0]]
        print(f"{name} (median of {args.runs} starts, ms of wall time per phase)")
        for n, label in enumerate(labels):
            print(f"  {statistics.median(run[n][1] for run in runs):7.1f}  {label}")
        totals[name] = statistics.median(sum(ms for _, ms in run) for run in runs)
        print(f"  {totals[name]:7.1f}  whole process")
    print(f"ratio {totals['app'] / totals['bare window']:.2f}x (goal <= 2x)")


if __name__ == "__main__":
    main()
