"""Speed of the composer window (issue 5): prints figures against their goals.

    .venv/bin/python benchmarks/bench_gui.py [--runs 3] [--words 200000]

1. Start-up: whole-process time of ``briefcomposer gui --sample --screenshot OUT.png``
   against a bare PySide6 program that shows an empty QMainWindow and quits (goal: <= 2x); warm
   (the sample's analysis in the user cache, every start after the first) and cold (the very first
   start: an empty user cache, so the sample's analysis is the one that ships with the app);
   and, as the floor, our own window with an empty brief.
2. Edit to preview: the preview build (HTML) plus ``setHtml`` after one edit of the
   sample brief (goal: < 50 ms); the typing debounce is reported separately.
3. Stalls: with a 200,000-word source loaded, the longest gap of a 5 ms heartbeat
   QTimer while scrolling, selecting and editing: typing a title, typing a paragraph in its inline
   editor (its text reaches the brief at each pause), quoting and undoing (goal: < 100 ms).
4. Peak memory of the ``--sample --screenshot`` process (maxrss; goal: < 300 MB).

Runs offscreen when there is no display. This is a benchmark, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path("/work/shared/corpus")

# Our window with an empty brief and no screenshot: the floor of what the app's start-up can reach
# without showing fewer panes.
EMPTY = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from briefcomposer.gui.app import create_app
    from briefcomposer.gui.main_window import MainWindow
    from briefcomposer.gui.settings import Settings
    app = create_app([])
    w = MainWindow(Settings())
    w.resize(1400, 900)
    w.show()
    QTimer.singleShot(0, app.quit)
    sys.exit(app.exec())
    """
)

BARE = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication(sys.argv[:1])
    w = QMainWindow()
    w.resize(1400, 900)
    w.show()
    QTimer.singleShot(0, app.quit)
    sys.exit(app.exec())
    """
)


def qt_names_program() -> str:
    """BARE, after importing every name our start-up modules import from PySide6 (``Qt`` included).

    PySide6 builds a class (and each of its Python enums: the ``Qt`` namespace alone has 94) the
    first time a program imports it. This program pays that for the classes our window uses and
    nothing of our own: the part of the start-up that is PySide's, whatever our code does.
    """
    import ast
    import json

    listing = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, json; import briefcomposer.cli, briefcomposer.gui.app, briefcomposer.gui.main_window; "
            "print(json.dumps([m.__file__ for n, m in list(sys.modules.items()) "
            "if n.startswith('briefcomposer') and getattr(m, '__file__', None)]))",
        ],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        check=True,
    )
    wanted: dict[str, set[str]] = {}
    for file in json.loads(listing.stdout):
        for node in ast.parse(Path(file).read_text(encoding="utf-8")).body:  # module level: imported at start-up
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6."):
                wanted.setdefault(node.module or "", set()).update(a.name for a in node.names)
    imports = "".join(f"from {m} import {', '.join(sorted(n))}\n" for m, n in sorted(wanted.items()))
    return imports + BARE


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    env["BRIEFCOMPOSER_HOME"] = str(home)
    # An installed app has compiled bytecode; this checkout may run with PYTHONDONTWRITEBYTECODE,
    # which would make every start compile every module. Cache bytecode aside, for both programs.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    env["XDG_CONFIG_HOME"] = str(home / "config")
    return env


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time (s) and peak RSS (KiB on Linux) of one child process."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode != 0:
        print(f"  ! {' '.join(command[-4:])} exited {proc.returncode}: {err.strip()[-300:]}")
    return elapsed, usage.ru_maxrss


def bench_startup(runs: int) -> tuple[float, float, float, float, float, float]:
    """Median seconds of the app (warm, then cold) and of a bare window, and the app's peak RSS in MB.

    Warm: the sample's analysis is in the user cache, as on every start after the first.
    Cold: the user's analysis cache is emptied before each run, as on the very first start (the
    sample's analysis then comes from ``resources/analyses``, which ships with the app).
    """
    import shutil

    app_times, cold_times, bare_times, empty_times, qt_times, rss = [], [], [], [], [], []
    with tempfile.TemporaryDirectory(prefix="bench-gui-") as tmp:
        home = Path(tmp)
        env = _env(home)
        bare = home / "bare.py"
        bare.write_text(BARE)
        empty = home / "empty.py"
        empty.write_text(EMPTY)
        qt_names = home / "qt_names.py"
        qt_names.write_text(qt_names_program())
        shot = home / "shot.png"
        app = [sys.executable, "-m", "briefcomposer", "gui", "--sample", "--screenshot", str(shot)]
        _timed([sys.executable, str(bare)], env)  # warm the file cache for both
        _timed(app, env)
        for _ in range(runs):
            t, _ = _timed([sys.executable, str(bare)], env)
            bare_times.append(t)
            t, _ = _timed([sys.executable, str(empty)], env)
            empty_times.append(t)
            t, _ = _timed([sys.executable, str(qt_names)], env)
            qt_times.append(t)
            t, peak = _timed(app, env)
            app_times.append(t)
            rss.append(peak)
            shutil.rmtree(home / "cache", ignore_errors=True)
            t, peak = _timed(app, env)
            cold_times.append(t)
            rss.append(peak)
    return (
        statistics.median(app_times),
        statistics.median(cold_times),
        statistics.median(bare_times),
        statistics.median(empty_times),
        statistics.median(qt_times),
        max(rss) / 1024,
    )


class Heartbeat:
    """A 5 ms QTimer; `max_gap` is the longest time between two beats (an event-loop stall)."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._beat)
        self.last = 0.0
        self.max_gap = 0.0
        self.worst = ""
        self.phase = ""

    def _beat(self) -> None:
        now = time.perf_counter()
        if self.last:
            gap = now - self.last
            if gap > self.max_gap:
                self.max_gap, self.worst = gap, self.phase
        self.last = now

    def start(self) -> None:
        self.last, self.max_gap, self.worst = 0.0, 0.0, ""
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return self.max_gap


def _spin(app, seconds: float) -> None:  # type: ignore[no-untyped-def]
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)


def big_source(words: int):  # type: ignore[no-untyped-def]
    from briefcomposer.core.model import Source

    paragraphs: list[str] = []
    texts = [p.read_text("utf-8") for p in sorted(CORPUS.glob("*.txt")) if p.name != "README.md"]
    pool = [p.strip() for t in texts for p in t.split("\n\n") if len(p.split()) > 3]
    count = 0
    while count < words:
        for p in pool:
            paragraphs.append(" ".join(p.split()))
            count += len(p.split())
            if count >= words:
                break
    return Source(title="Everything, repeatedly", paragraphs=paragraphs, publisher="Corpus"), count


def bench_in_process(words: int) -> dict[str, object]:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication

    from briefcomposer.gui import main_window as mw
    from briefcomposer.gui.app import create_app
    from briefcomposer.gui.commands import SetMetadataCommand
    from briefcomposer.gui.preview import brief_html
    from briefcomposer.gui.settings import Settings
    from briefcomposer.structures.templates import find_template, new_brief

    app = create_app([sys.argv[0]])
    tmp = tempfile.mkdtemp(prefix="bench-gui-")
    settings = Settings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
    t0 = time.perf_counter()
    brief = mw.sample_brief(lambda template=None: new_brief(template or find_template("uk-briefing-note")))
    sample_s = time.perf_counter() - t0
    window = mw.MainWindow(settings, brief)
    window.resize(1400, 900)
    window.show()
    _spin(app, 0.5)
    out: dict[str, object] = {"sample_s": sample_s}

    # -- edit to preview (the sample)
    doc = window.doc
    assert doc is not None
    html_ms, total_ms, push_ms = [], [], []
    for n in range(30):
        t0 = time.perf_counter()
        doc.push(SetMetadataCommand(doc, "title", f"{brief.title} {n}"))
        t1 = time.perf_counter()
        brief_html(doc.brief)
        t2 = time.perf_counter()
        window.preview_pane.refresh()
        t3 = time.perf_counter()
        push_ms.append((t1 - t0) * 1000)
        html_ms.append((t2 - t1) * 1000)
        total_ms.append((t3 - t2) * 1000)
        app.processEvents()
    out["push_ms"] = statistics.median(push_ms)
    out["html_ms"] = statistics.median(html_ms)
    out["preview_ms"] = statistics.median(total_ms)
    out["preview_max_ms"] = max(total_ms)
    out["debounce_ms"] = window.preview_pane.timer.interval()

    # -- a 200,000-word source
    source, count = big_source(words)
    out["words"] = count
    out["paragraphs"] = len(source.paragraphs)
    beat = Heartbeat()
    beat.start()
    beat.phase = "load"
    t0 = time.perf_counter()
    window.add_source(source)
    app.processEvents()
    out["load_s"] = time.perf_counter() - t0
    _spin(app, 1.0)  # lazy work after the load shows up here
    out["load_stall_ms"] = beat.stop() * 1000

    view = window.source_pane.view_of(source.id)
    assert view is not None
    bar = view.verticalScrollBar()
    stalls: dict[str, float] = {}

    beat.start()
    beat.phase = "scroll"
    for step in range(60):
        bar.setValue(bar.maximum() * step // 60)
        _spin(app, 0.02)
    bar.setValue(bar.maximum())
    _spin(app, 0.1)
    stalls["scroll"] = beat.stop() * 1000

    beat.start()
    beat.phase = "select"
    document = view.document()
    for step in range(20):
        block = document.findBlockByNumber(len(source.paragraphs) * step // 20)
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
        view.ensureCursorVisible()
        _spin(app, 0.03)
    stalls["select"] = beat.stop() * 1000

    beat.start()
    beat.phase = "edit: typing a title"
    for n in range(10):  # metadata typing, then a quote from the big source
        doc.push(SetMetadataCommand(doc, "title", f"Typing {n}"))
        _spin(app, 0.03)
    _spin(app, mw.PREVIEW_DELAY_MS / 1000 + 0.2)  # the debounced preview refresh
    beat.phase = "edit: typing a paragraph"  # in its inline editor, which sends the text at each pause
    outline = window.brief_pane.outline_view
    outline.setCurrentIndex(doc.outline.index(0, 0, doc.outline.index(0, 0)))
    window.edit_item()
    editor = outline.itemDelegate().open_editor()
    assert editor is not None
    editor.moveCursor(QTextCursor.MoveOperation.End)
    for n, word in enumerate(
        ["and", "the", "UK", "will", "press", "for", "more", "dialogue", "with", "Moscow", "in", "the", "spring"]
    ):
        editor.insertPlainText(f" {word}")
        _spin(app, 0.6 if n % 4 == 3 else 0.05)  # a pause every four words
    window.commit_inline_edits()
    _spin(app, 0.3)
    block = document.findBlockByNumber(len(source.paragraphs) // 2)
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    beat.phase = "edit: quote from the big source"
    window.quote_selection()
    _spin(app, 0.6)  # the highlight timer and the preview refresh
    beat.phase = "edit: undo the quote"
    doc.undo_stack.undo()
    _spin(app, 0.6)
    stalls["edit"] = beat.stop() * 1000
    out["worst_edit"] = beat.worst
    out["stalls"] = stalls

    window.doc.undo_stack.setClean()
    window.close()
    QApplication.processEvents()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--skip-startup", action="store_true")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("BRIEFCOMPOSER_HOME", tempfile.mkdtemp(prefix="bench-gui-home-"))

    def verdict(ok: bool) -> str:
        return "ok" if ok else "MISSED"

    if not args.skip_startup:
        # An installed app has its byte-code written at install time (pip compiles it); a source tree under
        # PYTHONDONTWRITEBYTECODE would instead compile every changed module at each start (about 60 ms for
        # the main window alone), which no user waits for.
        import compileall

        compileall.compile_dir(ROOT / "src" / "briefcomposer", quiet=1)
        app_s, cold_s, bare_s, empty_s, qt_s, rss_mb = bench_startup(args.runs)
        ratio = app_s / bare_s
        print(f"start-up (median of {args.runs}): gui --sample --screenshot {app_s:.2f} s, bare window {bare_s:.2f} s")
        print(f"  ratio {ratio:.2f}x  (goal <= 2x)  {verdict(ratio <= 2)}")
        print(
            f"  first start ever (empty user cache): {cold_s:.2f} s, ratio {cold_s / bare_s:.2f}x  "
            f"{verdict(cold_s / bare_s <= 2)}"
        )
        print(f"  floor: our window with an empty brief, no screenshot: {empty_s:.2f} s, {empty_s / bare_s:.2f}x")
        print(
            f"  PySide's share: the bare window after importing the Qt classes our start-up imports: "
            f"{qt_s:.2f} s, {qt_s / bare_s:.2f}x"
        )
        print(f"peak memory with the sample: {rss_mb:.0f} MB  (goal < 300 MB)  {verdict(rss_mb < 300)}")
    r = bench_in_process(args.words)
    if not args.skip_startup:
        print(f"  building the sample brief in a process (its analysis read, not run) {float(r['sample_s']):.2f} s")  # type: ignore[arg-type]
    preview = float(r["preview_ms"])  # type: ignore[arg-type]
    print(
        f"edit to preview (sample, median of 30): {preview:.1f} ms build+setHtml "
        f"(html {float(r['html_ms']):.1f} ms, worst {float(r['preview_max_ms']):.1f} ms)  "  # type: ignore[arg-type]
        f"(goal < 50 ms)  {verdict(preview < 50)}"
    )
    push = float(r["push_ms"])  # type: ignore[arg-type]
    print(f"  + the edit command itself {push:.1f} ms; debounce {r['debounce_ms']} ms after the last keystroke")
    print(
        f"big source: {r['words']:,} words in {r['paragraphs']:,} paragraphs, loaded in {float(r['load_s']):.2f} s "  # type: ignore[arg-type]
        f"(longest stall while loading {float(r['load_stall_ms']):.0f} ms; not part of the goal)"  # type: ignore[arg-type]
    )
    stalls: dict[str, float] = r["stalls"]  # type: ignore[assignment]
    worst = max(stalls.values())
    detail = ", ".join(f"{k} {v:.0f} ms" for k, v in stalls.items())
    print(f"  longest event-loop stall: {worst:.0f} ms ({detail})  (goal < 100 ms)  {verdict(worst < 100)}")
    print(f"  worst editing step: {r['worst_edit']}")


if __name__ == "__main__":
    main()
