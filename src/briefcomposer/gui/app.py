"""Start the desktop application: `run()` is what ``briefcomposer gui`` calls."""

from __future__ import annotations

import gc
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QStandardPaths, QTimer, QTranslator, qVersion
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from briefcomposer import __version__
from briefcomposer.paths import bundled_dir, user_data_dir

logger = logging.getLogger(__name__)

_window = None  # the main window, for the crash handler
_translators: list[QTranslator] = []


def load_stylesheet(dark: bool = False) -> str:
    """The light stylesheet, with the dark overrides on top when `dark`."""
    from briefcomposer.gui.theme import stylesheet

    return stylesheet(dark)


def crash_report(exc_type, exc, tb) -> str:  # type: ignore[no-untyped-def]
    import platform
    import traceback

    lines = "".join(traceback.format_exception(exc_type, exc, tb))
    return (
        f"Brief Composer {__version__}\nPython {platform.python_version()} \u00b7 Qt {qVersion()} \u00b7 "
        f"{platform.platform()}\n\n{lines}"
    )


def _excepthook(exc_type, exc, tb) -> None:  # type: ignore[no-untyped-def]
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    logger.critical("Unexpected error", exc_info=(exc_type, exc, tb))
    report = crash_report(exc_type, exc, tb)
    try:
        if _window is not None:
            _window.show_crash(report)
    except Exception:  # noqa: BLE001  # the crash handler itself must never raise
        logger.exception("The crash dialog failed")
        sys.__excepthook__(exc_type, exc, tb)


LOG_NAME = "briefcomposer.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3


class RotatingLogHandler(logging.FileHandler):
    """A log file that rolls over, as ``logging.handlers.RotatingFileHandler`` does.

    Before a record would take the file to `max_bytes`, the file becomes ``<name>.1``, the
    older ``.1`` ... become ``.2`` ..., and only `backups` of them are kept. Written here
    because ``logging.handlers`` imports socket, pickle and queue for its other handlers:
    4.3 ms of every start of the window (issue 5).
    """

    def __init__(self, path: Path, max_bytes: int, backups: int, encoding: str = "utf-8") -> None:
        super().__init__(path, mode="a", encoding=encoding)
        self.max_bytes = max_bytes
        self.backups = backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._should_roll_over(record):
                self._roll_over()
            super().emit(record)
        except Exception:  # noqa: BLE001  # as every logging handler does: report, never raise
            self.handleError(record)

    def _should_roll_over(self, record: logging.LogRecord) -> bool:
        if self.max_bytes <= 0 or not os.path.isfile(self.baseFilename):  # never a device or a pipe
            return False
        if self.stream is None:
            self.stream = self._open()
        self.stream.seek(0, 2)
        return self.stream.tell() + len(f"{self.format(record)}\n") >= self.max_bytes

    def _roll_over(self) -> None:
        if self.stream:
            self.stream.close()
            self.stream = None  # type: ignore[assignment]
        if self.backups > 0:  # with none, as the standard handler, the file goes on growing
            for n in range(self.backups - 1, 0, -1):
                older = f"{self.baseFilename}.{n}"
                if os.path.exists(older):
                    os.replace(older, f"{self.baseFilename}.{n + 1}")
            if os.path.exists(self.baseFilename):
                os.replace(self.baseFilename, f"{self.baseFilename}.1")
        self.stream = self._open()


def _setup_logging() -> None:
    """Also log INFO and above to a rotating file in the user's data folder (once per process).

    Handlers set up already (the command line's, on stderr) keep showing what they showed:
    they take the root logger's level as their own before the root opens to INFO for the file.
    """
    root = logging.getLogger()
    if any(isinstance(h, logging.FileHandler) and Path(h.baseFilename).name == LOG_NAME for h in root.handlers):
        return
    if os.environ.get("BRIEFCOMPOSER_HOME"):
        folder = user_data_dir()
    else:
        folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingLogHandler(folder / LOG_NAME, LOG_MAX_BYTES, LOG_BACKUPS)
    except OSError:
        if root.handlers:  # the messages go there already
            return
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    for existing in root.handlers:
        if existing.level == logging.NOTSET:
            existing.setLevel(root.level)
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)


def install_translators(
    app: QApplication, locale: QLocale | None = None, folder: Path | None = None
) -> list[QTranslator]:
    """Translate the interface into `locale` (default: the system's) where a .qm file exists.

    Ours is ``resources/i18n/briefcomposer_<locale>.qm``, built from the committed .ts
    files with ``pyside6-lrelease``; Qt's own (``qtbase_<locale>.qm``) translates its
    standard buttons. Returns the translators installed; none is not an error.
    """
    global _translators
    for old in _translators:
        app.removeTranslator(old)
    _translators = []
    locale = locale or QLocale()
    folder = folder or bundled_dir("resources") / "i18n"
    for name, where in (
        ("briefcomposer", str(folder)),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", where, ".qm"):
            app.installTranslator(translator)
            _translators.append(translator)
            logger.info("Translation loaded: %s", translator.filePath())
    return list(_translators)


# Read by Qt once, when it first wants its GUI thread pool (Qt 6.11: `QT_NO_GUI_THREADPOOL`).
SERIAL_FILLS_ENV = "QT_NO_GUI_THREADPOOL"


def create_app(argv: list[str] | None = None) -> QApplication:
    # Qt's raster engine hands every fill of 96 or more scan lines to a pool of threads and waits
    # for them: each scroll bar's gradient groove (500-800 lines, a few pixels wide) became some
    # thirty tasks, and the first paint started the pool's threads. Filled on the GUI thread,
    # the pixels are the same and the start-up spends less (issue 5). Set before any painting.
    os.environ.setdefault(SERIAL_FILLS_ENV, "1")
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("briefcomposer")
    app.setApplicationDisplayName("Brief Composer")
    app.setOrganizationName("briefcomposer")
    app.setApplicationVersion(__version__)
    app.setStyle("Fusion")
    from briefcomposer.gui.theme import apply_theme

    apply_theme(app)  # light or dark, as the system's palette is
    if not _translators:
        install_translators(app)
    return app


GC_UNFREEZE_MS = 30_000


def _collect_from_now_on() -> None:
    """Turn the cyclic garbage collector back on, past the objects the start-up made.

    Nearly all of them (modules, classes, the window and its panes) live as long as the
    process, yet the collector's first pass after the start walked all 38,000 of them and
    took 12 ms, before the window's first screenful was done (issue 5). Frozen, it skips
    them. They are thawed some time later, once the start is over: the brief opened at
    start-up can become garbage when another replaces it, and must be collectable then.
    """
    gc.freeze()
    gc.enable()
    QTimer.singleShot(GC_UNFREEZE_MS, gc.unfreeze)


SCREENSHOT_SIZE = (1400, 900)
SCREENSHOT_TIMEOUT_S = 90


def run(
    path: Path | None = None, sample: bool = False, argv: list[str] | None = None, screenshot: Path | None = None
) -> int:
    """Show the composer window with the brief at `path`, the sample, or a new brief.

    With no `path`, unsaved work left by a crash is offered first; failing that, the
    sample opens when asked for or when there is no recent brief (a new user sees the
    whole idea at once). `screenshot` opens the window at 1400x900, waits for loading
    and painting to finish, saves a PNG there and quits, asking nothing and saving no
    settings. Returns the application's exit code.
    """
    global _window
    from briefcomposer.gui.main_window import MainWindow
    from briefcomposer.gui.recovery import list_recoveries
    from briefcomposer.gui.settings import Settings

    app = create_app(argv)
    _setup_logging()
    settings = Settings()
    # The sample is built with the window when nothing else can take its place (a recovery
    # to offer, a file to open) and its analysis is cached: one set of panes, not two.
    wants_sample = path is None and (sample or not settings.recent_files)
    early_sample = wants_sample and (screenshot is not None or not list_recoveries())
    window = MainWindow(settings, sample=early_sample)
    _window = window
    sys.excepthook = _excepthook
    if screenshot is not None:
        window.resize(*SCREENSHOT_SIZE)
    window.show()
    # The command line turns the cyclic garbage collector off while the window is built
    # (`cli.cmd_gui`); back on once the first events, painting the window, have run.
    QTimer.singleShot(0, _collect_from_now_on)
    if path is not None:
        if not window.offer_recovery(only_for=Path(path)):
            window.load_path(Path(path))
    else:
        recovered = screenshot is None and window.offer_recovery()
        if not recovered and wants_sample and not window.showing_sample:
            window.open_sample(ask=False)
    if screenshot is not None:
        _take_screenshot(window, Path(screenshot))
    try:
        return app.exec()
    finally:
        sys.excepthook = sys.__excepthook__
        _window = None
        # Written now rather than when the settings object is destroyed: the command line
        # exits without collecting the window and what it holds (`cli.cmd_gui`).
        settings.sync()


def window_image(window: QWidget) -> QImage | QPixmap:
    """`window` as it was last painted, for a screenshot, in device pixels.

    Offscreen (no display), that is a copy of the window's backing store: reading it takes a few
    milliseconds, where `QWidget.grab()` paints every widget a second time (tens of
    milliseconds at start-up, issue 5). Updates still pending are painted first. The store is
    read as the image it is: the offscreen screen's `grabWindow` gave a scaled window
    (`QT_SCALE_FACTOR=1.5`) as its top-left two thirds. On a real screen other windows may cover
    ours, so there the widgets are rendered with `grab()`.
    """
    handle = window.windowHandle()
    if QGuiApplication.platformName() == "offscreen" and handle is not None and handle.isExposed():
        QApplication.processEvents()  # posted update requests paint into the backing store now
        store = window.backingStore()
        device = store.paintDevice() if store is not None else None
        if isinstance(device, QImage) and not device.isNull():
            return device.copy()
    return window.grab()


def write_png(image: QImage | QPixmap, target: Path) -> bool:
    """Save `image` as an RGB PNG at `target`; False (and the reason logged) when it cannot be written.

    Written here rather than with ``QImage.save``: Qt's PNG writer tries libpng's five row filters
    on every row, and at 1400x900 that took 26 ms of each ``--screenshot`` start against 10 ms for
    unfiltered rows deflated at zlib's fastest level, and made a larger file (425 against 356 KB
    for the sample window; issue 5). A window has no transparency to keep, so three bytes a pixel.
    The pixels are painted straight into the PNG's rows, each after its filter byte: converting
    the image to RGB first and copying it row by row took 3.5 ms more.
    """
    import struct
    import zlib

    width, height = image.width(), image.height()
    if image.isNull() or width == 0 or height == 0:
        logger.error("There is no image to save to %s", target)
        return False
    row = width * 3
    raw = bytearray((row + 1) * height)  # each row starts with its filter type, 0: none
    rows = QImage(memoryview(raw)[1:], width, height, row + 1, QImage.Format.Format_RGB888)
    rows.setDevicePixelRatio(image.devicePixelRatio())  # a high-DPI grab is copied pixel for pixel
    painter = QPainter(rows)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
    if isinstance(image, QPixmap):
        painter.drawPixmap(0, 0, image)
    else:
        painter.drawImage(0, 0, image)
    painter.end()
    del painter, rows  # `raw` alone holds the pixels from here

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB, no interlace
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", _deflate(raw)) + chunk(b"IEND", b"")
    try:
        Path(target).write_bytes(data)
    except OSError as exc:
        logger.error("Could not save the screenshot to %s: %s", target, exc)
        return False
    return True


def _deflate(data: bytearray) -> bytes:
    """`zlib.compress(data, 1)`, the two halves compressed on two threads: the same bytes once inflated.

    zlib lets go of the GIL while it compresses, and each half is a raw deflate stream of its own (the
    first ends on a sync flush, so the second can follow it); the zlib header and the Adler-32 of the
    whole make one zlib stream of them. At 1400x900 this takes 7.3 ms against 9.7 (issue 5; the
    whole start 2.4 ms shorter, paired median of 20 interleaved starts on two cores). Written
    here because neither the standard library nor Qt compresses on more than one thread.
    """
    import struct
    import threading
    import zlib

    half = len(data) // 2
    parts = [b"", b""]

    def first() -> None:
        packer = zlib.compressobj(1, zlib.DEFLATED, -15)
        parts[0] = packer.compress(memoryview(data)[:half]) + packer.flush(zlib.Z_SYNC_FLUSH)

    helper = threading.Thread(target=first, name="png-deflate")
    helper.start()
    packer = zlib.compressobj(1, zlib.DEFLATED, -15)
    parts[1] = packer.compress(memoryview(data)[half:]) + packer.flush()
    helper.join()
    return b"\x78\x01" + parts[0] + parts[1] + struct.pack(">I", zlib.adler32(data))  # 78 01: deflate, fastest


def _take_screenshot(window, target: Path) -> None:  # type: ignore[no-untyped-def]
    """Once background loading has finished and the panes have painted, save `window` and quit."""
    import time

    deadline = time.monotonic() + SCREENSHOT_TIMEOUT_S

    def wait_for_jobs() -> None:
        if window._jobs and time.monotonic() < deadline:  # noqa: SLF001
            QTimer.singleShot(50, wait_for_jobs)
            return
        preview = window.preview_pane
        if preview.timer.isActive():  # a change waits for the typing delay: show it now
            preview.timer.stop()
            preview.refresh()
        settle(3)

    def settle(rounds: int) -> None:
        # Delayed item layouts (wrapped outline rows) run from zero-time timers, and each
        # pass can schedule one more: let a few rounds of them run, then shoot.
        QApplication.processEvents()
        QTimer.singleShot(0, (lambda: settle(rounds - 1)) if rounds > 1 else shoot)

    def shoot() -> None:
        window.resize(*SCREENSHOT_SIZE)
        saved = write_png(window_image(window), target)
        if saved:
            logger.info("Screenshot saved to %s", target)
        QApplication.exit(0 if saved else 1)

    QTimer.singleShot(0, wait_for_jobs)
