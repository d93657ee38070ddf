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


def _select(view, start: tuple[int, int], end: tuple[int, int]) -> None:  # noqa: ANN001
    cursor = QTextCursor(view.document())
    cursor.setPosition(view._doc_pos(*start))
    cursor.setPosition(view._doc_pos(*end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def test_a_drag_from_the_end_of_a_paragraph_quotes_the_words_of_the_next(window):
    """Started just after a paragraph's last character, or on its full stop, a drag into the next
    paragraph was clipped to the first: "Select some text within one paragraph first", or a quote "."."""
    view = window.source_pane.current_view()
    ends = len(view.source.paragraphs[1])
    for start in (ends, ends - 1):
        _select(view, (1, start), (2, 20))
        excerpt = view.selected_excerpt()
        assert excerpt.paragraph == 2
        assert excerpt.quote == view.source.paragraphs[2][:20].strip()
    _select(view, (1, 0), (2, 20))  # words on both sides: the first paragraph's, as before
    paragraph, start, end, trimmed = view.selection_span()
    assert (paragraph, start, end, trimmed) == (1, 0, ends, True)
    _select(view, (1, 3), (1, 9))
    assert view.selection_span()[3] is False


def test_a_second_flash_lasts_its_whole_time(qtbot, window, monkeypatch):
    """Each flash had a timer of its own: the first one's ended the second after a moment."""
    monkeypatch.setattr(source_view.SourceTextView, "FLASH_MS", 400)
    view = window.source_pane.current_view()
    window.source_pane.show_span(view.source.id, 1, 0, 10)
    qtbot.wait(250)
    window.source_pane.show_span(view.source.id, 2, 0, 10)
    qtbot.wait(300)  # past the first flash's time, within the second's
    assert view._flash
    assert view.document().findBlock(view._flash[0].cursor.selectionStart()).blockNumber() == 2
    qtbot.waitUntil(lambda: not view._flash, timeout=2000)


def test_names_and_titles_show_as_typed_in_the_legend_and_tooltips(window):
    """An actor "R&D <Lab>" showed as "R&D" in the legend (the rest taken for HTML); a title with a tag
    became a rich-text tooltip."""
    from PySide6.QtGui import QTextDocument

    pane = window.source_pane
    window.doc.actors.rename(window.doc.brief.actors[0].id, "R&D <Lab>")
    pane.rehighlight()
    legend = QTextDocument()
    legend.setHtml(pane.legend.text())
    assert "\u25cf R&D <Lab>" in legend.toPlainText()
    window.add_source(Source(title="<b>Velmora</b> & Kystposten", paragraphs=["Lena Osk spoke."]))
    tip = QTextDocument()
    tip.setHtml(pane.tabs.tabToolTip(1))
    assert tip.toPlainText() == "<b>Velmora</b> & Kystposten"
