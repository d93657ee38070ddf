"""The preview follows the Word output: marking, numbering, quotes with citations."""

from __future__ import annotations

import pytest

from briefcomposer.core.model import BulletItem, QuoteItem, Section
from briefcomposer.gui.preview import brief_html, escape


def test_marking_top_and_bottom_and_escaping(brief, source):
    brief.sections[0].items.append(QuoteItem(excerpt=source.excerpt(3, 0, 58)))
    html = brief_html(brief)
    assert html.count("OFFICIAL-SENSITIVE") == 2
    assert "contested &amp; &lt;unresolved&gt;" in html
    assert "[1,\u00a0para\u00a04]" in html  # cited as in Word, on one line
    assert "[1]&nbsp; A. Writer, \u2018Dialogue matters\u2019, RUSI." in html  # and listed under Sources


def test_paragraphs_are_numbered_across_sections(brief, source):
    brief.sections[2].items.append(QuoteItem(excerpt=source.excerpt(1, 0, 6), comment="As the author puts it:"))
    brief.sections[2].items.append(QuoteItem(excerpt=source.excerpt(1, 0, 6)))
    brief.sections[2].items.append(BulletItem(text="A bullet"))
    html = brief_html(brief)
    assert "1.</td>" in html
    assert '2.</td><td><p class="body">As the author puts it:</p>' in html
    assert "3.</td>" not in html  # quotes (after their lead-in), bullets and tables are not numbered


def test_missing_marking_is_flagged(brief):
    brief.marking = None
    assert "[NO MARKING CHOSEN]" in brief_html(brief)


def test_empty_section_shows_its_guidance(brief):
    assert "Short lines." in brief_html(brief)


def test_positions_table_has_actors_down_and_issues_across_like_word(brief):
    from briefcomposer.core.model import Issue, Position, Status

    brief.positions[0].status = Status.ACCEPTED
    html = brief_html(brief)
    assert '<th width="25%">Who</th><th width="75%">NATO expansion</th>' in html
    assert "<td><b>Russia</b></td><td>opposes expansion" in html
    for n in range(3):  # more than three issues split into a second table, as in Word
        issue = Issue(f"Issue {n}", status=Status.ACCEPTED)
        brief.issues.append(issue)
        brief.positions.append(Position(brief.actors[0].id, issue.id, f"view {n}", [], status=Status.ACCEPTED))
    html = brief_html(brief)
    assert html.count('<table class="positions"') == 2
    assert "<td>\u2013</td>" in html  # an actor with nothing on an issue


def test_a_sources_date_is_written_as_in_word(brief, source):
    brief.sections[0].items.append(QuoteItem(excerpt=source.excerpt(3, 0, 58)))
    brief.sections.append(Section("sources", "Sources"))
    source.date = "2015-03"
    assert "RUSI, March 2015" in brief_html(brief)
    source.date = "2015-03-12"
    assert "RUSI, 12 March 2015" in brief_html(brief)


def test_a_narrow_preview_splits_the_positions_table_rather_than_break_words(brief):
    from briefcomposer.core.model import Issue, Position, Status
    from briefcomposer.gui.preview import table_layout

    for n in range(2):
        issue = Issue(f"Counter-narcotics cooperation {n}", status=Status.ACCEPTED)
        brief.issues.append(issue)
        brief.positions.append(Position(brief.actors[0].id, issue.id, f"view {n}", [], status=Status.ACCEPTED))
    assert table_layout(brief, None) == (3, 25)  # the Word layout
    assert table_layout(brief, 200)[0] == 3
    issues, who = table_layout(brief, 40)
    assert issues == 1
    # "Counter-narcotics" (17 characters) fits its column, and "United Kingdom" the "Who" column
    assert (100 - who) / 100 * 40 - 2 >= len("Counter-narcotics")
    assert who / 100 * 40 >= len("Kingdom")
    assert brief_html(brief, 40).count('<table class="positions"') == 3  # one issue a table
    assert brief_html(brief, 200).count('<table class="positions"') == 1


def test_contact_is_not_numbered_and_empty_boilerplate_is_left_out_as_in_word(brief):
    from briefcomposer.core.model import TextItem

    brief.sections.append(
        Section(
            "contact",
            "Contact",
            guidance="Who wrote this.",
            items=[TextItem(text="{{ brief.sender }}, {{ brief.contact }}", boilerplate=True)],
        )
    )
    html = brief_html(brief)
    assert "Who wrote this." in html  # neither field is set: the section shows its guidance
    assert '<td><p class="body">,</p>' not in html
    brief.sender = "A. Officer"
    html = brief_html(brief)
    assert '<p class="body">A. Officer</p>' in html
    assert "2.</td>" not in html  # only the summary's paragraph is numbered


@pytest.mark.parametrize(
    "text",
    ["", "plain", "Cuts of 5% & more <are> planned.", "\"quoted\" and 'single'", "&amp; again", "\u201cé\u201d"],
)
def test_escape_is_what_the_standard_library_returns(text):
    import html

    assert escape(text) == html.escape(text)


def test_the_preview_follows_the_section_made_current_in_the_outline(qtbot, sample, settings, activate):
    """Clicking a section further down the outline left the preview at the top of the brief."""
    from briefcomposer.gui.main_window import MainWindow

    window = MainWindow(settings, sample)
    qtbot.addWidget(window)
    activate(window)
    browser, outline = window.preview_pane.browser, window.brief_pane.outline_view
    bar = browser.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)

    def heading_top(row: int) -> int:
        """Where the section's heading is in the preview's viewport, in pixels from its top."""
        found = browser.document().find(sample.sections[row].heading)
        assert not found.isNull()
        return browser.cursorRect(found).top()

    row = len(sample.sections) // 2
    assert heading_top(row) > browser.viewport().height()  # out of sight below
    outline.setCurrentIndex(window.doc.outline.index(row, 0))
    assert 0 <= heading_top(row) < 40  # at the top
    bar.setValue(0)  # scrolled back by hand: another row of the same section leaves it there
    if sample.sections[row].items:
        outline.setCurrentIndex(window.doc.outline.index(0, 0, window.doc.outline.index(row, 0)))
        assert bar.value() == 0
    outline.setCurrentIndex(window.doc.outline.index(0, 0))
    assert 0 <= heading_top(0) < 40  # and back up


def _preview_paragraphs(html: str) -> list[tuple[str, str]]:
    """(role, plain text) of each paragraph of the preview's body, in order."""
    import html as html_module
    import re

    found = []
    pattern = (
        r'<td class="num" width="28">\d+\.</td><td><p class="body">(.*?)</p>'
        r'|<p class="(quote|reference|caption)">(.*?)</p>'
    )
    for numbered, role, text in re.findall(pattern, html, re.S):
        plain = html_module.unescape(re.sub(r"<[^>]+>", "", numbered or text))
        found.append(("numbered" if numbered else role, " ".join(plain.split())))
    return found


def _word_paragraphs(data: bytes) -> list[tuple[str, str]]:
    import io

    import docx

    roles = {"Numbered Paragraph": "numbered", "Quote": "quote", "Reference": "reference", "Caption": "caption"}
    document = docx.Document(io.BytesIO(data))
    return [(roles[p.style.name], " ".join(p.text.split())) for p in document.paragraphs if p.style.name in roles]


def test_the_preview_reads_as_the_word_output_paragraph_by_paragraph(brief, source):
    """Numbering, quotes, positions, issues, citations, sources and table captions: the same text in the
    same order as the exported .docx read back (the preview used to number quotes that Word sets
    unnumbered, cite "(Author, \u00b64)" and list sources in another order)."""
    from briefcomposer.core.model import IssueItem, PositionItem, PositionTableItem, Source, Status, TextItem
    from briefcomposer.export.docx_writer import export_bytes

    second = Source(title="Velmora review", paragraphs=["Kystposten says the talks stalled."], author="Mara Quist")
    brief.sources.append(second)
    for position in brief.positions:
        position.status = Status.ACCEPTED
    summary = brief.sections[0]
    summary.items[:] = [
        TextItem(text="First, in the officer's words."),
        QuoteItem(excerpt=second.excerpt(0, 0, 10)),  # the second source cited first: it is [1]
        TextItem(text="..."),  # says nothing: left out of both
        QuoteItem(excerpt=source.excerpt(3, 0, 58), comment="The author sees it so:"),
        PositionItem(position_id=brief.positions[1].id),
        IssueItem(issue_id=brief.issues[0].id),
        TextItem(text="Last."),
    ]
    brief.issues[0].description = ""
    brief.sections[2].items.append(PositionTableItem())
    brief.sections.append(Section("sources", "Sources"))
    preview = _preview_paragraphs(brief_html(brief))
    word = _word_paragraphs(export_bytes(brief, in_process=True))
    assert preview == word
    assert [role for role, _ in preview].count("numbered") >= 5
    assert ("quote", "\u201cKystposten\u201d [1, para 1]") in preview
    assert [text[:3] for role, text in preview if role == "reference"] == ["[1]", "[2]"]


def test_the_sample_preview_reads_as_its_word_output(sample):
    from briefcomposer.export.docx_writer import export_bytes

    preview = _preview_paragraphs(brief_html(sample))
    assert preview == _word_paragraphs(export_bytes(sample, in_process=True))
    assert len(preview) > 5
