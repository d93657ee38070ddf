"""GUI fixtures: a small brief, settings in tmp_path, and dialogs that never block."""

from __future__ import annotations

import copy

import pytest
from gui_briefs import make_brief, make_source
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QMessageBox

from briefcomposer.core.model import (
    Brief,
    Source,
)


@pytest.fixture
def source() -> Source:
    return make_source()


@pytest.fixture
def brief(source: Source) -> Brief:
    """Three sections, one source, three actors, two issues (one suggested), three positions."""
    return make_brief(source)


@pytest.fixture
def settings(tmp_path):
    from briefcomposer.gui.settings import Settings

    return Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def doc(qtbot, brief):
    from briefcomposer.gui.document import Document

    return Document(brief)


class Shown:
    """What the patched dialogs were asked, and what they answer."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []
        self.questions: list[str] = []
        self.answer = QMessageBox.StandardButton.Discard
        self.about: list[str] = []
        self.conflicts: list[str] = []  # files that changed on disk before a save (answer: cancel)
        self.word_limits: list[tuple[str, int | None]] = []  # (heading, current limit) asked about
        self.word_limit_answer: int | None = None  # None: cancelled; 0: no limit


@pytest.fixture(autouse=True)
def shown(monkeypatch) -> Shown:
    """No dialog ever blocks a test: errors and questions are recorded instead."""
    from briefcomposer.gui import messages
    from briefcomposer.gui.dialogs.crash_dialog import CrashDialog
    from briefcomposer.gui.dialogs.simple_dialogs import ConflictDialog, ExportDoneDialog, WordLimitDialog

    record = Shown()
    monkeypatch.setattr(
        messages, "show_error", lambda parent, text, detail="", title="": record.errors.append((text, detail))
    )

    def question(parent, title, text, *args, **kwargs):  # noqa: ANN001, ANN202
        record.questions.append(text)
        return record.answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda parent, title, text: record.about.append(text)))
    monkeypatch.setattr(ExportDoneDialog, "ask", classmethod(lambda cls, parent, path: None))
    monkeypatch.setattr(ConflictDialog, "ask", classmethod(lambda cls, parent, name: record.conflicts.append(name)))
    monkeypatch.setattr(CrashDialog, "ask", classmethod(lambda cls, parent, report, saved_to="": None))

    def word_limit(cls, parent, heading, limit):  # noqa: ANN001, ANN202
        record.word_limits.append((heading, limit))
        return record.word_limit_answer

    monkeypatch.setattr(WordLimitDialog, "ask", classmethod(word_limit))
    return record


_SAMPLE: list[Brief] = []


@pytest.fixture
def sample(qtbot) -> Brief:
    """The sample brief (analysed once per session; each test gets its own copy)."""
    if not _SAMPLE:
        from briefcomposer.gui.main_window import sample_brief
        from briefcomposer.structures.templates import find_template, new_brief

        _SAMPLE.append(sample_brief(lambda template=None: new_brief(template or find_template("uk-briefing-note"))))
    return copy.deepcopy(_SAMPLE[0])


@pytest.fixture
def window(qtbot, settings, brief):
    from briefcomposer.gui.main_window import MainWindow

    w = MainWindow(settings, brief)
    qtbot.addWidget(w)
    yield w
    QThreadPool.globalInstance().waitForDone(30_000)  # no job may outlive its window


@pytest.fixture
def activate(qtbot):
    """`activate(widget)` shows it as the active window: shortcuts reach the active window only."""
    from PySide6.QtWidgets import QApplication

    def activate(widget) -> None:  # noqa: ANN001
        widget.resize(1200, 800)
        widget.show()
        qtbot.waitExposed(widget)
        widget.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)

    return activate
