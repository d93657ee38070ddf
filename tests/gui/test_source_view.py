"""The source view with a long source: actor mentions are highlighted around what is visible,
and scrolling brings the highlights along (issue 5: no stall with 200,000 words)."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from briefcomposer.core.model import Source
from briefcomposer.gui.views import source_view


def _highlighted_paragraphs(view) -> set[int]:  # noqa: ANN001
    doc = view.document()
    return {doc.findBlock(s.cursor.selectionStart()).blockNumber() for s in view.extraSelections()}


def _shown_long_source(qtbot, window, n: int):  # noqa: ANN001, ANN202
    """The view of a source of `n` paragraphs, each naming actors, added to `window` and shown."""
    paragraphs = [f"Paragraph {k}: Russia and NATO met again, and Moscow said little." for k in range(n)]
    source = Source(title="Long", paragraphs=paragraphs)
    window.add_source(source)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    return window.source_pane.view_of(source.id)


def test_long_source_highlights_actors_near_the_visible_text_and_follows_scrolling(qtbot, window):
    view = _shown_long_source(qtbot, window, 2000)
    qtbot.waitUntil(lambda: 0 in _highlighted_paragraphs(view), timeout=3000)  # once laid out
    first = _highlighted_paragraphs(view)
    assert max(first) < 2 * source_view.HIGHLIGHT_MARGIN + 100  # not all 2,000 paragraphs
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: 1999 in _highlighted_paragraphs(view), timeout=3000)
    assert 0 not in _highlighted_paragraphs(view)


def test_evidence_and_quotes_are_highlighted_wherever_they_are(qtbot, window):
    paragraphs = [f"Paragraph {n}: nothing to see." for n in range(1000)]
    source = Source(title="Long", paragraphs=paragraphs)
    window.add_source(source)
    view = window.source_pane.view_of(source.id)
    cursor = QTextCursor(view.document())
    cursor.setPosition(view._doc_pos(900, 0))
    cursor.setPosition(view._doc_pos(900, 9), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    window.quote_selection()
    view.verticalScrollBar().setValue(0)
    view.rehighlight()
    assert 900 in _highlighted_paragraphs(view)  # the quote, far below the visible text


def test_short_source_highlights_everything(window):
    view = window.source_pane.current_view()
    assert len(view.source.paragraphs) <= 4 * source_view.HIGHLIGHT_MARGIN
    assert _highlighted_paragraphs(view) >= {1, 2}


def test_the_visible_paragraphs_are_those_of_the_viewport(qtbot, window):
    """Found from the scroll bars' page steps, not from `viewport()` (3.7 ms of the start-up; issue 5)."""
    view = _shown_long_source(qtbot, window, 500)

    def by_viewport() -> tuple[int, int]:
        rect = view.viewport().rect()
        top = view.cursorForPosition(rect.topLeft()).blockNumber()
        return top, max(top, view.cursorForPosition(rect.bottomRight()).blockNumber())

    for size, scroll in (((1200, 800), 0.0), ((1200, 800), 0.5), ((800, 500), 0.5), ((1400, 900), 1.0)):
        window.resize(*size)
        qtbot.wait(20)
        bar = view.verticalScrollBar()
        bar.setValue(int(bar.maximum() * scroll))
        assert (view.horizontalScrollBar().pageStep(), bar.pageStep()) == view.viewport().size().toTuple()
        by_viewport()  # the first hit test lays the document out down to there, and can answer too far
        assert view._visible_paragraphs() == by_viewport(), (size, scroll)


def test_document_positions_are_those_of_the_paragraphs_text(window):
    """Kept from the build, not looked up block by block (issue 5)."""
    view = window.source_pane.current_view()
    document = view.document()
    for n, text in enumerate(view.source.paragraphs):
        block = document.findBlockByNumber(n)
        assert view._doc_pos(n, 0) == block.position() + view._prefix[n]
        assert block.text()[view._prefix[n] :] == text
