"""Issue 5, end to end: the sample, accept, pick by the drag-and-drop path, metadata and marking,
undo and redo every step, save, reopen, export, and read the .docx back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFileDialog

from briefcomposer import storage
from briefcomposer.core.model import QuoteItem, Status
from briefcomposer.gui.main_window import MainWindow
from briefcomposer.gui.models.roles import EXCERPT_MIME


def _select(view, paragraph: int, start: int, end: int) -> None:  # noqa: ANN001
    cursor = QTextCursor(view.document())
    cursor.setPosition(view._doc_pos(paragraph, start))
    cursor.setPosition(view._doc_pos(paragraph, end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def test_sample_to_docx_with_every_step_undone_and_redone(qtbot, settings, sample, tmp_path, monkeypatch, shown):
    pytest.importorskip("briefcomposer.export.docx_writer")
    import docx

    window = MainWindow(settings, sample)
    qtbot.addWidget(window)
    doc = window.doc
    states = [storage.dumps(doc.brief)]
    names = []

    def step(name: str) -> None:
        states.append(storage.dumps(doc.brief))
        names.append(name)
        assert states[-1] != states[-2], f"{name} changed nothing"
        assert doc.undo_stack.count() == len(names), f"{name} is not exactly one undo step"

    # 1. Accept one suggested position from the issues tree (its issue is accepted with it).
    suggested = next(p for p in doc.brief.positions if p.status is Status.SUGGESTED)
    window.analysis_pane.select(suggested.id)
    window.accept_action.trigger()
    assert doc.brief.position(suggested.id).status is Status.ACCEPTED
    step("accept a position")

    # 2. Accept all that remains on an issue that still has suggestions.
    issue = next(
        i for i in doc.brief.issues if any(p.status is Status.SUGGESTED for p in doc.analysis.positions_on(i.id))
    )
    window.analysis_pane.select(issue.id)
    window.accept_all_action.trigger()
    assert all(p.status is Status.ACCEPTED for p in doc.analysis.positions_on(issue.id))
    step("accept all on an issue")

    # 3. Pick a span into a section by the drag-and-drop path: the source view's mime data
    #    dropped on the outline model, which pushes the command (queued, as after a real drop).
    view = window.source_pane.current_view()
    text = sample.sources[0].paragraphs[2]
    start = text.index("dialogue")
    _select(view, 2, start, start + 40)
    mime = view.createMimeDataFromSelection()
    assert mime.hasFormat(EXCERPT_MIME)
    keys = [s.key for s in doc.brief.sections]
    target = keys.index("background") if "background" in keys else 0
    before = len(doc.brief.sections[target].items)
    model = doc.outline
    assert not model.dropMimeData(mime, Qt.DropAction.CopyAction, 0, 0, model.index(target, 0))
    qtbot.waitUntil(lambda: len(doc.brief.sections[target].items) == before + 1)
    picked = doc.brief.sections[target].items[0]
    assert isinstance(picked, QuoteItem)
    assert picked.excerpt.quote == text[start : start + 40].strip()
    step("quote by drag and drop")

    # 4. Metadata: typing the title is one step, so is the recipient.
    form = window.brief_pane.metadata
    title = form.edits["title"]
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Russia and NATO: talking again")
    assert doc.brief.title == "Russia and NATO: talking again"
    step("type the title")
    qtbot.keyClicks(form.edits["to"], "PS/Secretary of State")
    step("type the recipient")

    # 5. Marking: the tier, then a handling caveat; choices in a row merge into one step,
    #    as typing does.
    form.tier_combo.setCurrentIndex(form.tier_combo.findText("SECRET"))
    assert str(doc.brief.marking) == "SECRET"
    form._extra_actions["UK EYES ONLY"].setChecked(True)
    assert str(doc.brief.marking) == "SECRET UK EYES ONLY"
    assert form.marking_preview.text() == "SECRET UK EYES ONLY"
    step("choose the marking")

    # Undo each step, comparing the whole brief with how it was; then redo them all.
    for n in range(len(names), 0, -1):
        window.undo_action.trigger()
        assert storage.dumps(doc.brief) == states[n - 1], f"undo of {names[n - 1]}"
    assert form.edits["title"].text() == sample.title  # the form follows
    for n in range(1, len(names) + 1):
        window.redo_action.trigger()
        assert storage.dumps(doc.brief) == states[n], f"redo of {names[n - 1]}"
    assert window.isWindowModified()

    # Save, reopen in a new window: the same brief.
    path = tmp_path / "talking.brief"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))
    assert window.save()
    assert not window.isWindowModified()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    assert again.load_path(path)
    assert storage.dumps(again.doc.brief) == states[-1]
    assert again.brief_pane.metadata.marking_preview.text() == "SECRET UK EYES ONLY"

    # Export from the reopened window and read the .docx back.
    out = tmp_path / "talking.docx"
    job = again.start_export(out)
    with qtbot.waitSignal(job.signals.finished, timeout=60_000):
        pass
    assert shown.errors == []
    document = docx.Document(str(out))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    texts = "\n".join(t for _, t in paragraphs)
    assert "Russia and NATO: talking again" in texts
    headings = [t for s, t in paragraphs if s.startswith("Heading")]
    section_headings = [s.heading for s in again.doc.brief.sections]
    assert len(headings) >= 4
    assert set(headings) <= set(section_headings)
    assert section_headings[target] in headings  # where the quote went
    assert picked.excerpt.quote in texts
    header = "\n".join(p.text for s in document.sections for p in s.header.paragraphs)
    assert "SECRET UK EYES ONLY" in header + texts
