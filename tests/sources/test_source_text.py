"""Plain text, Markdown and pasted text: layout, clean-up, encodings and the sample."""

from __future__ import annotations

import pytest

from briefcomposer.core.errors import SourceError
from briefcomposer.sources import from_text, load, load_sample
from briefcomposer.sources._base import parse_date, repair_joined_names

ARTICLE = (
    "Dialogue Matters: Russia–NATO Relations\n"
    "Author: Sarah Lain\n"
    "Publisher: RUSI\n"
    "Date: 12 March 2015\n"
    "URL: https://rusi.org/commentary/dialogue-matters\n"
    "\n"
    "The first paragraph, which is the standfirst.\n"
    "\n"
    "A second paragraph\n"
    "wrapped over two lines.\n"
)


# -- the embedded sample ---------------------------------------------------------------


@pytest.fixture(scope="module")
def sample():
    return load_sample()


def test_sample_metadata(sample):
    assert (sample.title, sample.author, sample.publisher) == (
        "Dialogue Matters: Russia–NATO Relations",
        "Sarah Lain",
        "RUSI",
    )
    assert sample.retrieved is None


def test_sample_is_the_article_body_only(sample):
    # The file holds 8 body paragraphs between the image credit and the byline.
    assert len(sample.paragraphs) == 8
    assert sample.paragraphs[0].startswith("There has been much talk")
    assert sample.paragraphs[-1].startswith("And there is a particularly British angle")
    joined = "\n".join(sample.paragraphs)
    for junk in ("Main Image Credit", "View profile", "Explore our related content", "Associate Fellow"):
        assert junk not in joined
    assert "Sarah Lain" not in sample.paragraphs


def test_sample_repairs_lost_dashes_with_the_title_dash(sample):
    joined = "\n".join(sample.paragraphs)
    assert "RussiaNATO" not in joined
    assert "NATORussia" not in joined
    assert "What Russia–NATO dialogues" in joined
    assert joined.count("NATO–Russia Council") == 2
    assert "Russia-NATO relations" in joined  # a hyphen the text already had is left alone


def test_sample_keeps_words_and_trims_paragraph_ends(sample):
    for text in sample.paragraphs:
        assert text == text.strip()
        assert "\n" not in text
    assert sample.paragraphs[0].endswith("engage with Moscow.")
    assert "relations.\u00a0 As is often" in sample.paragraphs[1]  # inner spacing kept as written


# -- layout ----------------------------------------------------------------------------


def test_txt_header_and_paragraphs(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    source = load(path)
    assert source.title == "Dialogue Matters: Russia–NATO Relations"
    assert (source.author, source.publisher, source.date) == ("Sarah Lain", "RUSI", "2015-03-12")
    assert source.url == "https://rusi.org/commentary/dialogue-matters"
    assert source.retrieved is None
    assert source.paragraphs == [
        "The first paragraph, which is the standfirst.",
        "A second paragraph wrapped over two lines.",
    ]


@pytest.mark.parametrize(
    ("text", "title", "paragraphs"),
    [
        ("Title\n\nBody text.", "Title", ["Body text."]),
        ("\n\n  Title  \n\n\nBody text.\n\n\n", "Title", ["Body text."]),
        ("Author: A. Writer\nTitle\n\nBody.", "Title", ["Body."]),
        ("Title\r\n\r\nOne.\r\n\r\nTwo.\r\n", "Title", ["One.", "Two."]),
        ("Title\rOne.\r\rTwo.", "Title", ["One.", "Two."]),
        ("Title\n\nEnds with spaces.  \u00a0 \n\nNext.\t", "Title", ["Ends with spaces.", "Next."]),
        ("Title\n\nBy Jane Smith\n\nBody.", "Title", ["Body."]),
    ],
)
def test_from_text_layouts(text, title, paragraphs):
    source = from_text(text)
    assert (source.title, source.paragraphs) == (title, paragraphs)


def test_from_text_with_explicit_title_keeps_first_line_as_text():
    source = from_text("First paragraph.\n\nSecond paragraph.", title="Pasted")
    assert source.title == "Pasted"
    assert source.paragraphs == ["First paragraph.", "Second paragraph."]


def test_from_text_drops_first_line_equal_to_title():
    source = from_text("“Pasted” Title\n\nBody.", title='"Pasted" Title')
    assert source.paragraphs == ["Body."]


def test_long_first_line_is_a_paragraph_not_a_title():
    long_line = "This pasted text starts with a long paragraph " * 8
    source = from_text(long_line + "\n\nAnd more.")
    assert source.paragraphs[0] == long_line.strip()
    assert source.title.endswith("…")


@pytest.mark.parametrize("first", ["By 2030 the army will be smaller.", "By then, it was too late"])
def test_body_starting_with_by_is_not_a_byline(first):
    source = from_text(f"Title\n\n{first}\n\nMore.")
    assert source.paragraphs == [first, "More."]
    assert source.author is None


def test_byline_at_top_becomes_author():
    source = from_text("Title\nBy Jane Smith and John Doe\n\nBody.")
    assert source.author == "Jane Smith and John Doe"


@pytest.mark.parametrize(
    "junk",
    [
        "Main Image Credit Russian Foreign Minister meeting the Secretary General in 2014.",
        "Photo: Reuters / John Smith",
        "Image credit: Getty Images",
        "Share this article",
        "Share on X",
        "Share Tweet Email",
        "View profile",
        "Explore our related content",
        "Print",
    ],
)
def test_page_furniture_is_dropped(junk):
    source = from_text(f"Title\n\n{junk}\n\nReal paragraph one.\n\n{junk}\n\nReal paragraph two.")
    assert source.paragraphs == ["Real paragraph one.", "Real paragraph two."]


def test_trailing_byline_becomes_author():
    text = "Title\n\nBody one.\n\nBody two.\n\n\nJohn Smith\n\nSenior Research Fellow, International Security\n"
    source = from_text(text)
    assert source.paragraphs == ["Body one.", "Body two."]
    assert source.author == "John Smith"


def test_byline_does_not_override_header_author():
    source = from_text("Title\nAuthor: Header Name\n\nBody.\n\nJohn Smith\n\nAssociate Fellow\n\nView profile")
    assert source.author == "Header Name"
    assert source.paragraphs == ["Body."]


@pytest.mark.parametrize(
    "ending",
    [
        "The End",  # a short closing line without a role: text, not a byline
        "Conclusions and Next Steps",
        "United Kingdom",
    ],
)
def test_short_last_lines_without_byline_evidence_are_kept(ending):
    source = from_text(f"Title\n\nBody one.\n\n{ending}")
    assert source.paragraphs == ["Body one.", ending]


def test_interview_speaker_labels_are_not_metadata():
    text = "Title\nAuthor: Interviewer\n\nPaul Haenle: What do you think?\n\nEvan Medeiros: Date: unknown."
    source = from_text(text)
    assert source.paragraphs == ["Paul Haenle: What do you think?", "Evan Medeiros: Date: unknown."]
    assert source.author == "Interviewer"


def test_plain_text_headings_are_recorded():
    text = "Title\n\nA standfirst sentence.\n\nThe Second Lebanon War\n\nBody text here.\n\nWhat Happens Next?\n\nMore."
    source = from_text(text)
    assert [source.paragraphs[i] for i in source.headings] == ["The Second Lebanon War", "What Happens Next?"]


# -- joined names ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Russia–NATO Relations", "What RussiaNATO talks do", "What Russia–NATO talks do"),
        ("Russia-NATO Relations", "the NATORussia Council", "the NATO-Russia Council"),
        (None, "EUChina trade and USUK ties", "EU–China trade and US–UK ties"),
        (None, "the IndiaPakistan crisis; India-Pakistan talks", "the India-Pakistan crisis; India-Pakistan talks"),
        (None, "McDonald and iPhone and USAID and NATOs", "McDonald and iPhone and USAID and NATOs"),
        (None, "RussiaRussia and UKRAINE and UNESCO", "RussiaRussia and UKRAINE and UNESCO"),
        (None, "Russia–NATO already", "Russia–NATO already"),
    ],
)
def test_repair_joined_names(title, text, expected):
    assert repair_joined_names([text], title)[0] == [expected]


# -- dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2024-02-13", "2024-02-13"),
        ("2024-02-13T09:00:00+00:00", "2024-02-13"),
        ("13 February 2024", "2024-02-13"),
        ("13th Feb 2024", "2024-02-13"),
        ("February 13, 2024", "2024-02-13"),
        ("Tuesday, 13 February 2024", "2024-02-13"),
        ("13/02/2024", "2024-02-13"),
        ("D:20240213093000Z", "2024-02-13"),
        ("2023-12", "2023-12"),  # to the month, as ISO 8601 writes it: no day is invented
        ("December 2023", "2023-12"),
        ("Dec. 2023", "2023-12"),
        ("2023", "2023"),
        ("2024-02 (inferred: on the eve of the conference)", "2024-02"),  # a note after the date
        ("12 March 2015 [updated]", "2015-03-12"),
        ("2023 or later (inferred)", None),  # the note goes, but "2023 or later" is no date
        ("(2023)", None),
        ("2023-13", None),
        ("Smarch 2023", None),
        ("2024-02-30", None),
        ("soon", None),
        ("", None),
    ],
)
def test_parse_date(raw, iso):
    assert parse_date(raw) == iso


def test_unparseable_date_in_file_warns(tmp_path, problems):
    path = tmp_path / "a.txt"
    path.write_text("Title\nDate: next Tuesday\n\nBody.", encoding="utf-8")
    source = load(path, on_problem=problems.append)
    assert source.date is None
    assert problems
    assert "next Tuesday" in problems[0]


# -- encodings -------------------------------------------------------------------------

TEXT = "Russia’s “dialogue” – café\n\nSecond paragraph: 5 € only."


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-16-le", b""),  # no BOM: told apart by the NUL bytes
        ("cp1252", b""),
    ],
)
def test_encodings(tmp_path, encoding, bom):
    path = tmp_path / "enc.txt"
    path.write_bytes(bom + TEXT.encode(encoding))
    source = load(path)
    assert source.title == "Russia’s “dialogue” – café"
    assert source.paragraphs == ["Second paragraph: 5 € only."]


def test_utf8_with_a_damaged_byte_stays_utf8(tmp_path, problems):
    path = tmp_path / "damaged.txt"
    path.write_bytes("Title\n\nRussia’s “view”\n\nA bad byte: ".encode() + b"\x81.")
    source = load(path, on_problem=problems.append)
    assert source.paragraphs == ["Russia’s “view”", "A bad byte: \ufffd."]
    assert problems == ["some characters were not valid UTF-8 and were replaced with \ufffd"]


def test_quotes_are_stored_as_written(tmp_path):
    path = tmp_path / "q.txt"
    path.write_text('Title\n\n‘Single’ and "straight" and “curly”.', encoding="utf-8")
    assert load(path).paragraphs == ['‘Single’ and "straight" and “curly”.']


# -- Markdown --------------------------------------------------------------------------

MARKDOWN = """---
title: "Front Matter Title"
authors:
  - Noah Sylvia
  - Khem Rogaly
date: 2025-08-18
publisher: RUSI
url: https://example.org/article
---

A **standfirst** with a [link](https://example.org "t") and *emphasis* and snake_case_name.

## A Heading

Body with ![an image](pic.png) removed and `code` kept and a <br> tag.

- First item with __strong__ text
- Second item
  continued on a new line
1. Numbered item

> A quoted paragraph.

Setext Heading
--------------

***

[ref]: https://example.org/ref
Last paragraph with a [reference link][ref].
"""


def test_markdown(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    source = load(path)
    assert source.title == "Front Matter Title"
    assert (source.author, source.date, source.publisher, source.url) == (
        "Noah Sylvia and Khem Rogaly",
        "2025-08-18",
        "RUSI",
        "https://example.org/article",
    )
    assert source.paragraphs == [
        "A standfirst with a link and emphasis and snake_case_name.",
        "A Heading",
        "Body with removed and code kept and a tag.",
        "First item with strong text",
        "Second item continued on a new line",
        "Numbered item",
        "A quoted paragraph.",
        "Setext Heading",
        "Last paragraph with a reference link.",
    ]
    assert [source.paragraphs[i] for i in source.headings] == ["A Heading", "Setext Heading"]


def test_markdown_title_from_first_heading(tmp_path):
    path = tmp_path / "b.md"
    path.write_text("# The *Real* Title\n\nBody.\n", encoding="utf-8")
    source = load(path)
    assert (source.title, source.paragraphs, source.headings) == ("The Real Title", ["Body."], [])


def test_markdown_title_line_and_metadata(tmp_path):
    path = tmp_path / "c.md"
    path.write_text("# Title\nAuthor: Jane Smith\n\n## Part One\n\nText.\n", encoding="utf-8")
    source = load(path)
    assert (source.title, source.author, source.paragraphs, source.headings) == (
        "Title",
        "Jane Smith",
        ["Part One", "Text."],
        [0],
    )


def test_pasted_empty_text_is_refused():
    with pytest.raises(SourceError, match="empty"):
        from_text("  \n\n ")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Velmora will not join the talks.", "Velmora will not join the talks."),
        (
            "  Lena Osk said that Velmora would not join the talks before the spring summit.  ",
            "Lena Osk said that Velmora would not join\u2026",
        ),
    ],
)
def test_a_pasted_line_is_the_text_with_a_title_made_from_it(text, title):
    """One pasted line became the title over no text and was refused: "contains no text to import"."""
    source = from_text(text)
    assert source.paragraphs == [text.strip()]
    assert source.title == title
