"""Start the desktop application: `run()` is what ``briefcomposer gui`` calls."""

from __future__ import annotations

import logging
import logging.handlers
import platform
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QStandardPaths, qVersion
from PySide6.QtWidgets import QApplication

from briefcomposer import __version__
from briefcomposer.paths import bundled_dir

logger = logging.getLogger(__name__)

_window = None  # the main window, for the crash handler


def load_stylesheet() -> str:
    path = bundled_dir("resources") / "app.qss"
    try:
        return path.read_text("utf-8")
    except OSError:
        logger.warning("No stylesheet at %s", path)
        return ""


def crash_report(exc_type, exc, tb) -> str:  # type: ignore[no-untyped-def]
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


def _setup_logging() -> None:
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / "briefcomposer.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if not root.handlers:
        root.addHandler(handler)
        root.setLevel(logging.INFO)


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("briefcomposer")
    app.setApplicationDisplayName("Brief Composer")
    app.setOrganizationName("briefcomposer")
    app.setApplicationVersion(__version__)
    app.setStyle("Fusion")
    app.setStyleSheet(load_stylesheet())
    return app


def run(path: Path | None = None, sample: bool = False, argv: list[str] | None = None) -> int:
    """Show the composer window with the brief at `path`, the sample, or a new brief.

    Returns the application's exit code.
    """
    global _window
    from briefcomposer.gui.main_window import MainWindow

    app = create_app(argv)
    _setup_logging()
    window = MainWindow()
    _window = window
    sys.excepthook = _excepthook
    window.show()
    if path is not None:
        window.load_path(Path(path))
    elif not window.offer_recovery() and sample:
        window.open_sample(ask=False)
    try:
        return app.exec()
    finally:
        sys.excepthook = sys.__excepthook__
        _window = None
