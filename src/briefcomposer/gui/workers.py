"""Long work (import, analysis, export, PDF conversion) off the GUI thread.

A `Job` runs a function in `QThreadPool.globalInstance()`. The function receives a
`progress(done, total)` callback, which raises `Cancelled` once `cancel()` was called,
so cancelling takes effect at the next progress step. Results come back as signals,
delivered in the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

logger = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside a job's function when the user cancelled it."""


class JobSignals(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    cancelled = Signal()
    finished = Signal()  # after any of the three above


class Job(QRunnable):
    """`fn(progress)` run in the thread pool; connect to `signals` before `start()`."""

    def __init__(self, fn: Callable[[Callable[[int, int], None]], object], name: str = "job") -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python keeps the job alive while the GUI holds it
        self.signals = JobSignals()
        self.name = name
        self._fn = fn
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancel_event(self) -> threading.Event:
        """Set by `cancel()`: for work that waits on something else (LibreOffice) and polls it."""
        return self._cancel

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled
        self.signals.progressed.emit(done, total)

    def run(self) -> None:
        try:
            result = self._fn(self._progress)
        except Cancelled:
            logger.info("Job %s cancelled", self.name)
            self.signals.cancelled.emit()
        except BaseException as exc:  # noqa: BLE001  # any failure is reported to the GUI thread
            if self._cancel.is_set():
                self.signals.cancelled.emit()
            else:
                logger.info("Job %s failed: %s", self.name, exc, exc_info=True)
                self.signals.failed.emit(exc)
        else:
            if self._cancel.is_set():
                self.signals.cancelled.emit()
            else:
                self.signals.succeeded.emit(result)
        self.signals.finished.emit()

    def start(self, pool: QThreadPool | None = None) -> None:
        (pool or QThreadPool.globalInstance()).start(self)
