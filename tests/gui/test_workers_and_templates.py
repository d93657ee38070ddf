"""Background jobs, save-as-template and autosave on focus loss."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from briefcomposer.gui.commands import SetMetadataCommand
from briefcomposer.gui.dialogs.simple_dialogs import SaveTemplateDialog
from briefcomposer.gui.recovery import list_recoveries
from briefcomposer.gui.workers import Job


def test_job_reports_progress_and_result(qtbot):
    job = Job(lambda progress: (progress(1, 2), progress(2, 2), 42)[-1])
    steps = []
    job.signals.progressed.connect(lambda done, total: steps.append((done, total)))
    with qtbot.waitSignal(job.signals.succeeded, timeout=5000) as blocker:
        job.start()
    assert blocker.args == [42]
    qtbot.waitUntil(lambda: steps == [(1, 2), (2, 2)])


def test_job_cancel_takes_effect_at_the_next_step(qtbot):
    go = threading.Event()

    def work(progress):
        progress(0, 2)
        go.wait(5)
        progress(1, 2)  # raises Cancelled
        return "not reached"

    job = Job(work)
    results = []
    job.signals.succeeded.connect(results.append)
    with qtbot.waitSignal(job.signals.cancelled, timeout=5000):
        job.start()
        job.cancel()
        go.set()
    assert results == []


def test_job_failure_is_reported(qtbot):
    def work(progress):
        raise OSError("disk full")

    job = Job(work)
    with qtbot.waitSignal(job.signals.failed, timeout=5000) as blocker:
        job.start()
    assert str(blocker.args[0]) == "disk full"


def test_save_as_template_writes_a_user_template(window, monkeypatch):
    from briefcomposer.structures.templates import list_templates

    monkeypatch.setattr(
        SaveTemplateDialog, "ask", classmethod(lambda cls, parent, title="": ("russia-brief", "Russia brief", "Mine"))
    )
    window.save_template_action.trigger()
    names = {t.name: t for t in list_templates()}
    assert "russia-brief" in names
    assert [s.heading for s in names["russia-brief"].sections] == ["Summary", "Positions", "Lines to take"]


def test_save_as_template_keeps_the_officers_words_as_written(window, monkeypatch, shown):
    """Braces in the officer's own paragraph no longer make a template that is written, reported as
    saved and then never listed; paragraphs and bullets come back in order, as plain text."""
    from briefcomposer.core.model import BulletItem, TextItem
    from briefcomposer.structures.templates import list_templates, new_brief

    items = [TextItem(text="Use the form {{ x }} for Velmora."), BulletItem(text="Write {{ brief.to }} here.")]
    window.doc.brief.sections[0].items[:] = items
    monkeypatch.setattr(
        SaveTemplateDialog, "ask", classmethod(lambda cls, parent, title="": ("velmora-brief", "Velmora", ""))
    )
    window.save_template_action.trigger()
    problems = []
    names = {t.name: t for t in list_templates(on_problem=problems.append)}
    assert shown.errors == []
    assert problems == []
    again = new_brief(names["velmora-brief"])
    assert [(i.kind, i.text, getattr(i, "boilerplate", False)) for i in again.sections[0].items] == [
        ("text", "Use the form {{ x }} for Velmora.", False),
        ("bullet", "Write {{ brief.to }} here.", False),
    ]


def test_focus_loss_autosaves(window):
    window.doc.push(SetMetadataCommand(window.doc, "title", "Typed, then switched window"))
    window._on_application_state_changed(Qt.ApplicationState.ApplicationInactive)
    from briefcomposer import storage
    from briefcomposer.gui.recovery import recovery_dir

    copies = list(recovery_dir().glob("*.brief"))  # this window's own: not offered (`list_recoveries`)
    assert [storage.load(p).title for p in copies] == ["Typed, then switched window"]
    assert list_recoveries() == []
