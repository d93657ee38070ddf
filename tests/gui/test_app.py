"""`gui.app.run()`, the entry point the command line calls."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from briefcomposer.gui import app as app_module
from briefcomposer.gui.main_window import MainWindow


def test_run_shows_the_sample_and_restores_the_excepthook(qtbot, monkeypatch, settings):
    monkeypatch.setattr(app_module, "_setup_logging", lambda: None)  # no log file from a test
    seen = {}
    monkeypatch.setattr(MainWindow, "__init__", _with_settings(MainWindow.__init__, settings))

    def fake_exec(self=None):
        window = app_module._window
        seen["hook"] = sys.excepthook is app_module._excepthook
        qtbot.waitUntil(lambda: bool(window.doc.brief.sources), timeout=30_000)
        seen["title"] = window.windowTitle()
        seen["style"] = bool(QApplication.instance().styleSheet())
        QThreadPool.globalInstance().waitForDone(10_000)
        window.doc.undo_stack.setClean()
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    try:
        assert app_module.run(sample=True) == 0
    finally:
        QApplication.instance().setStyleSheet("")
    assert seen["hook"]
    assert seen["style"]
    assert "Dialogue Matters" in seen["title"]
    assert sys.excepthook is sys.__excepthook__


def _with_settings(init, settings):
    def patched(self, s=None, brief=None, path=None, sample=False):
        init(self, settings, brief, path, sample)

    return patched


def test_crash_report_names_versions():
    try:
        raise ValueError("boom")
    except ValueError:
        report = app_module.crash_report(*sys.exc_info())
    assert "Brief Composer" in report
    assert "ValueError: boom" in report


def test_the_objects_frozen_at_start_up_are_thawed_once_the_start_is_over(qtbot, monkeypatch):
    """Frozen for good, the brief opened at start-up could never be collected once replaced."""
    monkeypatch.setattr(app_module, "GC_UNFREEZE_MS", 10)
    gc.disable()
    try:
        app_module._collect_from_now_on()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
        qtbot.waitUntil(lambda: gc.get_freeze_count() == 0, timeout=2000)
    finally:
        gc.unfreeze()
        gc.enable()


def test_qt_calls_do_not_leak_references_to_none(qapp):
    """PySide6 6.12.0 lost a reference to None per void call; Python 3.11 then aborts.

    pyproject.toml excludes that release; this guards the pin.
    """
    import sys

    from PySide6.QtWidgets import QLabel

    label = QLabel("x")
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.update()
    assert abs(sys.getrefcount(None) - before) < 100


def test_screenshot_opens_the_sample_for_a_new_user_saves_a_png_and_quits(qtbot, monkeypatch, tmp_path):
    from PySide6.QtGui import QImage

    monkeypatch.setattr(app_module, "_setup_logging", lambda: None)
    seen = {}
    take = app_module._take_screenshot

    def spy(window, target):
        seen["window"] = window
        take(window, target)

    monkeypatch.setattr(app_module, "_take_screenshot", spy)
    target = tmp_path / "shot.png"
    gc.disable()  # as the command line does while the window is built
    try:
        assert app_module.run(screenshot=target) == 0  # no --sample: there is no recent brief
        assert gc.isenabled()  # back on once the window showed
        assert gc.get_freeze_count() > 0  # past the start-up's objects
        # What was saved is the whole window, as its widgets paint it (offscreen, it is read
        # from what was painted rather than painted again).
        painted = seen["window"].grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    finally:
        gc.unfreeze()
        gc.enable()
        QApplication.instance().setStyleSheet("")
    window = seen["window"]
    qtbot.addWidget(window)
    assert window.doc.brief.sources  # the sample, analysed
    assert not window._jobs
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1400, 900)
    assert image.convertToFormat(QImage.Format.Format_RGB32) == painted
    window.doc.undo_stack.setClean()


@pytest.mark.parametrize("width", [1, 37, 64])  # odd widths pad each row of the RGB image
def test_write_png_reads_back_pixel_for_pixel(qapp, tmp_path, width):
    from PySide6.QtGui import QColor, QImage

    image = QImage(width, 23, QImage.Format.Format_ARGB32)
    for y in range(image.height()):
        for x in range(width):
            image.setPixelColor(x, y, QColor((x * 7) % 256, (y * 11) % 256, (x * y) % 256))
    target = tmp_path / "shot.png"
    assert app_module.write_png(image, target)
    back = QImage(str(target))
    assert not back.isNull()
    assert not back.hasAlphaChannel()
    assert back.convertToFormat(QImage.Format.Format_RGB32) == image.convertToFormat(QImage.Format.Format_RGB32)


@pytest.mark.parametrize("ratio", [1.0, 2.0, 1.5])
def test_write_png_writes_a_high_dpi_pixmap_pixel_for_pixel(qapp, tmp_path, ratio):
    """A window grabbed on a high-DPI screen is a pixmap of device pixels: all of them are written."""
    from PySide6.QtGui import QColor, QImage, QPixmap

    image = QImage(30, 20, QImage.Format.Format_RGB32)
    for y in range(image.height()):
        for x in range(image.width()):
            image.setPixelColor(x, y, QColor((x * 9) % 256, (y * 13) % 256, 200))
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(ratio)
    target = tmp_path / "shot.png"
    assert app_module.write_png(pixmap, target)
    back = QImage(str(target))
    assert (back.width(), back.height()) == (30, 20)
    assert back.convertToFormat(QImage.Format.Format_RGB32) == image


@pytest.mark.parametrize("size", [0, 1, 2, 5, 300_001])
def test_deflate_inflates_to_what_it_was_given(size):
    import random
    import zlib

    data = bytearray(random.Random(size).choice(b"aab\x00\xff") for _ in range(size))
    packed = app_module._deflate(data)  # noqa: SLF001
    assert zlib.decompress(packed) == data  # zlib also checks the header and the Adler-32


def test_write_png_reports_what_it_cannot_write(qapp, tmp_path, caplog):
    from PySide6.QtGui import QImage

    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(0)
    assert not app_module.write_png(image, tmp_path / "no-such-folder" / "shot.png")
    assert "Could not save the screenshot" in caplog.text
    assert not app_module.write_png(QImage(), tmp_path / "empty.png")
    assert not (tmp_path / "empty.png").exists()


def test_a_new_user_sees_the_sample_with_the_window_from_the_analysis_that_ships(qtbot, settings):
    """No analysis in the user cache: the first start ever opens the sample at once, as later ones do (issue 5)."""
    from briefcomposer.paths import user_cache_dir

    window = MainWindow(settings, sample=True)
    qtbot.addWidget(window)
    assert window.showing_sample
    assert not window._jobs  # noqa: SLF001  # nothing analysed in the background
    assert window.doc.brief.positions
    assert not (user_cache_dir() / "analyses").exists()


def test_the_sample_opens_with_the_window_once_its_analysis_is_cached(qtbot, settings, monkeypatch, tmp_path):
    from briefcomposer import suggestion_cache
    from briefcomposer.sources import load_sample
    from briefcomposer.suggestion_cache import cached_suggest, is_cached

    # what ships is for another analyser (say one changed since): the sample is analysed in the background
    monkeypatch.setattr(suggestion_cache, "shipped_folder", lambda: tmp_path / "nothing ships")
    assert not is_cached(load_sample())  # a fresh user cache
    cold = MainWindow(settings, sample=True)
    qtbot.addWidget(cold)
    assert not cold.showing_sample
    assert not cold.doc.brief.sources

    cached_suggest(load_sample())
    warm = MainWindow(settings, sample=True)
    qtbot.addWidget(warm)
    assert warm.showing_sample
    brief = warm.doc.brief
    assert [s.title for s in brief.sources] == [load_sample().title]
    assert brief.positions
    assert brief.issues
    assert brief.actors
    assert warm.analysis_pane.tree.model().rowCount() > 0


def test_the_cached_sample_without_the_composer_still_starts_from_the_users_blank_brief(qtbot, settings, monkeypatch):
    """The blank brief the sample falls back on is made only when needed (issue 5), still with the user's defaults."""
    from briefcomposer.sources import load_sample
    from briefcomposer.suggestion_cache import cached_suggest

    cached_suggest(load_sample())
    settings.user_name = "A. Officer"
    monkeypatch.setitem(sys.modules, "briefcomposer.compose", None)  # `sample_brief` cannot compose the brief
    window = MainWindow(settings, sample=True)
    qtbot.addWidget(window)
    assert window.showing_sample
    brief = window.doc.brief
    assert brief.sender == "A. Officer"
    assert brief.template_id == "uk-briefing-note"
    assert [s.title for s in brief.sources] == [load_sample().title]
    assert brief.positions


def test_logging_goes_to_a_rotating_file_once(monkeypatch):
    import logging

    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", [])
    monkeypatch.setattr(root, "level", logging.WARNING)
    app_module._setup_logging()
    app_module._setup_logging()  # once per process, however often asked
    (handler,) = root.handlers
    try:
        assert isinstance(handler, app_module.RotatingLogHandler)
        assert (handler.max_bytes, handler.backups) == (app_module.LOG_MAX_BYTES, app_module.LOG_BACKUPS)
        assert handler.baseFilename.endswith("briefcomposer.log")
        assert root.level == logging.INFO
    finally:
        handler.close()


def test_logging_keeps_the_command_lines_stderr_handler_as_it_was_and_adds_the_file(monkeypatch):
    import logging

    root = logging.getLogger()
    ours = logging.StreamHandler()  # as the command line's basicConfig leaves it
    monkeypatch.setattr(root, "handlers", [ours])
    monkeypatch.setattr(root, "level", logging.WARNING)
    app_module._setup_logging()
    try:
        assert root.handlers[0] is ours
        assert ours.level == logging.WARNING  # stderr still shows warnings only
        (file_handler,) = root.handlers[1:]
        assert isinstance(file_handler, app_module.RotatingLogHandler)
        assert file_handler.level == logging.INFO
        assert root.level == logging.INFO
    finally:
        for handler in root.handlers[1:]:
            handler.close()


def test_the_log_file_rolls_over_as_the_standard_rotating_handler_does(tmp_path):
    import logging
    from logging.handlers import RotatingFileHandler

    def write(handler: logging.Handler, count: int) -> None:
        handler.setFormatter(logging.Formatter("%(message)s"))
        for n in range(count):
            handler.handle(logging.makeLogRecord({"msg": f"record {n:03d} " + "x" * 40}))
        handler.close()

    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    ours.mkdir()
    theirs.mkdir()
    (ours / "a.log").write_text("left by the last run\n", "utf-8")
    (theirs / "a.log").write_text("left by the last run\n", "utf-8")
    write(app_module.RotatingLogHandler(ours / "a.log", 300, 3), 40)
    write(RotatingFileHandler(theirs / "a.log", maxBytes=300, backupCount=3, encoding="utf-8"), 40)
    names = sorted(p.name for p in ours.iterdir())
    assert names == ["a.log", "a.log.1", "a.log.2", "a.log.3"]
    assert names == sorted(p.name for p in theirs.iterdir())
    for name in names:
        assert (ours / name).read_text("utf-8") == (theirs / name).read_text("utf-8")


def _screenshot_in_a_child(shot: Path, **env: str):  # type: ignore[no-untyped-def]
    """`briefcomposer gui --sample --screenshot SHOT` in a child process, offscreen, with `env` added."""
    import os
    import subprocess

    out = subprocess.run(
        [sys.executable, "-m", "briefcomposer", "gui", "--sample", "--screenshot", str(shot)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
        timeout=180,
    )
    assert out.returncode == 0, out.stderr
    return out


def test_the_window_started_from_the_command_line_writes_its_log_file(tmp_path):
    """`briefcomposer gui` set up a stderr handler first, which used to stop the log file."""
    import os

    home = Path(os.environ["BRIEFCOMPOSER_HOME"])
    shot = tmp_path / "shot.png"
    out = _screenshot_in_a_child(shot, XDG_CONFIG_HOME=str(tmp_path / "config"))
    assert shot.is_file()
    log = (home / "data" / "briefcomposer.log").read_text("utf-8")
    assert f"Screenshot saved to {shot}" in log
    assert "INFO" not in out.stderr  # the command line still shows warnings only


def test_a_scaled_window_is_saved_whole_in_device_pixels(tmp_path):
    """At 150% (`QT_SCALE_FACTOR`), offscreen, the screenshot was the window's top-left two thirds."""
    from PySide6.QtGui import QImage

    shot = tmp_path / "shot.png"
    _screenshot_in_a_child(shot, QT_SCALE_FACTOR="1.5")
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (2100, 1350)  # 1400x900 at 150%: all of it


def test_a_start_with_the_analysis_cached_leaves_out_what_the_first_paint_does_not_use(tmp_path):
    """Modules dropped from the start-up (issue 5) stay dropped: each cost 1 to 4 ms of it."""
    import os
    import subprocess

    home = tmp_path / "home"  # empty: the sample's analysis is the one that ships
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "BRIEFCOMPOSER_HOME": str(home),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    code = (
        "import sys\n"
        "from briefcomposer.cli import main\n"
        f"assert main(['gui', '--sample', '--screenshot', {str(tmp_path / 'shot.png')!r}]) == 0\n"
        "print(' '.join(sorted(sys.modules)))\n"
        "import PySide6.QtWidgets\n"
        "print(' '.join(sorted(vars(PySide6.QtWidgets))))\n"  # the classes PySide made (it makes each on first use)
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=180)
    assert out.returncode == 0, out.stderr
    modules, qt_classes = out.stdout.splitlines()[-2:]
    loaded = set(modules.split())
    assert "yake_rust" not in loaded  # the analysis came from what ships, nothing was analysed
    assert loaded.isdisjoint({"logging.handlers", "socket", "pickle", "uuid", "platform", "html", "hashlib"})
    # Qt's dialogs are made where they open; QWizard would mean that Python was handed a plain QWidget
    # (a viewport, say), which makes PySide create every QtWidgets class (3.7 ms)
    assert "QTreeView" in qt_classes.split()
    assert set(qt_classes.split()).isdisjoint({"QMessageBox", "QFileDialog", "QDockWidget", "QUndoView", "QWizard"})


def test_an_error_box_is_made_when_first_shown(qapp, monkeypatch):
    """`messages.show_error` imports QMessageBox where it shows one, not at start-up (issue 5)."""
    from PySide6.QtWidgets import QMessageBox

    from briefcomposer.gui import messages

    monkeypatch.undo()  # the real show_error, not the recording one every GUI test gets
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.text(), box.detailedText())))
    messages.show_error(None, "It failed.", "the detail")
    assert shown == [("It failed.", "the detail")]


def test_pyside_does_not_read_the_source_of_modules_imported_before_it_or_of_ours(tmp_path):
    """PySide6's import hook read the source of 66 modules at each start (7 ms; issue 5)."""
    import os
    import subprocess

    code = (
        "import sys\n"
        "from briefcomposer import cli\n"
        "cli._import_before_qt()\n"
        "cli._skip_pyside_source_scan()\n"
        "feature = sys.modules['shibokensupport.feature']\n"
        "read = []\n"
        "scan = feature._mod_uses_pyside\n"
        "feature._mod_uses_pyside = lambda module: read.append(module.__name__) or scan(module)\n"
        "import logging, typing, zlib\n"
        "import briefcomposer.gui.app, briefcomposer.gui.main_window\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "window = briefcomposer.gui.main_window.MainWindow()\n"
        "print(' '.join(read))\n"
        "verdicts = sys.modules['__feature__'].pyside_feature_dict\n"
        "print(verdicts['logging'], verdicts['briefcomposer.core.model'], verdicts['briefcomposer.gui.main_window'])\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=180)
    assert out.returncode == 0, out.stderr
    read, verdicts = out.stdout.splitlines()[-2:]
    read_ours = [name for name in read.split() if not name.startswith("PySide6")]
    assert not [name for name in read_ours if name not in sys.builtin_module_names]  # those have no source
    assert verdicts == "-1 -1 0"  # what the hook itself would have found


_PAINT_A_SCROLL_BAR = """
import os, sys
from PySide6.QtWidgets import QApplication, QScrollBar
if sys.argv[1] == "ours":
    from briefcomposer.gui.app import create_app
    app = create_app([])
else:
    app = QApplication([])
before = len(os.listdir("/proc/self/task"))
bar = QScrollBar()
bar.resize(14, 700)  # the groove's gradient: one fill of 700 scan lines
bar.grab()
print(before, len(os.listdir("/proc/self/task")))
"""


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts threads in /proc")
def test_painting_starts_no_threads_for_big_fills(tmp_path):
    """Qt hands each fill of 96 scan lines or more to a pool of threads, started by the first
    paint: the window fills on its own thread, with the same pixels (start-up time, issue 5)."""
    import os
    import subprocess

    env = {k: v for k, v in os.environ.items() if k != app_module.SERIAL_FILLS_ENV}
    env["QT_QPA_PLATFORM"] = "offscreen"
    counts = {}
    for who in ("qt", "ours"):
        out = subprocess.run(
            [sys.executable, "-c", _PAINT_A_SCROLL_BAR, who], capture_output=True, text=True, env=env, timeout=60
        )
        assert out.returncode == 0, out.stderr
        counts[who] = [int(n) for n in out.stdout.split()]
    before, after = counts["qt"]
    assert after > before  # Qt's own default, which this test would miss otherwise
    before, after = counts["ours"]
    assert after == before


def test_create_app_keeps_the_users_choice_of_thread_pool(qapp, monkeypatch):
    monkeypatch.setenv(app_module.SERIAL_FILLS_ENV, "0")
    try:
        app_module.create_app([])
        assert os.environ[app_module.SERIAL_FILLS_ENV] == "0"
        monkeypatch.delenv(app_module.SERIAL_FILLS_ENV)
        app_module.create_app([])
        assert os.environ[app_module.SERIAL_FILLS_ENV] == "1"
    finally:
        qapp.setStyleSheet("")  # create_app applies the theme
