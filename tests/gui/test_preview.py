"""The preview follows the Word output: marking, numbering, quotes with citations."""

from __future__ import annotations

from briefcomposer.core.model import BulletItem, QuoteItem
from briefcomposer.gui.preview import brief_html


def test_marking_top_and_bottom_and_escaping(brief, source):
    brief.sections[0].items.append(QuoteItem(excerpt=source.excerpt(3, 0, 58)))
    html = brief_html(brief)
    assert html.count("OFFICIAL-SENSITIVE") == 2
    assert "contested &amp; &lt;unresolved&gt;" in html
    assert "(A. Writer, \u00b64)" in html


def test_paragraphs_are_numbered_across_sections(brief, source):
    brief.sections[2].items.append(QuoteItem(excerpt=source.excerpt(1, 0, 6)))
    brief.sections[2].items.append(BulletItem(text="A bullet"))
    html = brief_html(brief)
    assert "1.</td>" in html
    assert "2.</td>" in html
    assert "3.</td>" not in html  # bullets and tables are not numbered


def test_missing_marking_is_flagged(brief):
    brief.marking = None
    assert "[NO MARKING CHOSEN]" in brief_html(brief)


def test_empty_section_shows_its_guidance(brief):
    assert "Short lines." in brief_html(brief)
