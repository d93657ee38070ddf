"""The shared corpus: every article file imports exactly; the two saved web pages match
their article files paragraph by paragraph. The corpus is read in place, never copied."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from briefcomposer.sources import load

HTML_PAGES = ["csis-2025-usmca-review-fortress-north-america", "defensepriorities-2024-israel-hizbullah-brink"]


def _expected(path: Path) -> dict:
    """The corpus layout: title, Author/Publisher/Date lines, a blank line, one paragraph a line."""
    lines = path.read_text(encoding="utf-8").split("\n")
    meta = dict(line.split(": ", 1) for line in lines[1:4])
    return {
        "title": lines[0],
        "author": meta["Author"],
        "publisher": meta["Publisher"],
        "date": meta["Date"],
        "paragraphs": [line for line in lines[5:] if line],
    }


def _articles(corpus: Path) -> list[Path]:
    found = sorted(corpus.glob("*.txt"))
    assert len(found) == 8
    return found


def test_corpus_articles_import_exactly(corpus_dir, problems):
    for path in _articles(corpus_dir):
        expected = _expected(path)
        source = load(path, on_problem=problems.append)
        assert source.title == expected["title"], path.name
        assert (source.author, source.publisher, source.date) == (
            expected["author"],
            expected["publisher"],
            expected["date"],
        ), path.name
        assert source.paragraphs == expected["paragraphs"], path.name
        assert source.url is None
        assert source.retrieved is None
    assert problems == []


def test_corpus_headings_found_in_plain_text(corpus_dir):
    source = load(corpus_dir / "rusi-2025-operation-sindoor-indian-deterrence.txt")
    headings = [source.paragraphs[i] for i in source.headings]
    assert headings == [
        "Losing the Narrative",
        "A Quiet Operational Success",
        "Restraint Under Fire",
        "Escalation, Managed",
        "The New Normal?",
        "International Stakes",
        "Sustaining Calibrated Deterrence",
        "Conclusion",
    ]


def _match_rate(expected: list[str], got: list[str]) -> float:
    """Share of paragraphs equal and in order (difflib ratio over whole paragraphs)."""
    matcher = difflib.SequenceMatcher(a=expected, b=got, autojunk=False)
    return matcher.ratio()


@pytest.mark.parametrize("slug", HTML_PAGES)
def test_html_page_matches_article_file(corpus_dir, slug, problems):
    # Measured: 31/31 (CSIS) and 23/23 (Defense Priorities) paragraphs equal, in order.
    expected = _expected(corpus_dir / f"{slug}.txt")
    source = load(corpus_dir / "html" / f"{slug}.html", on_problem=problems.append)
    assert problems == []
    assert source.title == expected["title"]
    assert (source.author, source.date) == (expected["author"], expected["date"])
    assert _match_rate(expected["paragraphs"], source.paragraphs) == 1.0
    assert source.paragraphs == expected["paragraphs"]


def test_html_headings_agree_with_plain_text_headings(corpus_dir):
    for slug in HTML_PAGES:
        from_html = load(corpus_dir / "html" / f"{slug}.html")
        from_txt = load(corpus_dir / f"{slug}.txt")
        assert from_html.headings == from_txt.headings, slug
        assert from_html.headings


def test_html_page_metadata_beyond_the_article_file(corpus_dir):
    source = load(corpus_dir / "html" / "defensepriorities-2024-israel-hizbullah-brink.html")
    assert source.publisher == "Defense Priorities"
    assert source.url == "https://www.defensepriorities.org/?p=3510"
    csis = load(corpus_dir / "html" / "csis-2025-usmca-review-fortress-north-america.html")
    assert csis.publisher == "Center for Strategic and International Studies"
    assert "deﬁning" in csis.paragraphs[2]  # ligatures written as entities are kept as characters
