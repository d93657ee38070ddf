"""HTML importer on small pages written here: furniture removal, metadata, fallbacks."""

from __future__ import annotations

import socket

import pytest

from briefcomposer.core.errors import SourceError
from briefcomposer.sources import load

PARAS = [
    f"<p>Paragraph {n} of the article explains the policy in some detail, with enough words to count.</p>"
    for n in range(1, 7)
]
BODY = "".join(PARAS)

PAGE = f"""<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>The Article Title | Example Institute</title>
<meta name="author" content="Jane Smith">
<meta property="article:published_time" content="2024-05-01T10:00:00Z">
<meta property="og:site_name" content="Example Institute">
<link rel="canonical" href="https://example.org/analysis/article">
<link rel="stylesheet" href="https://cdn.example.org/site.css">
<script src="https://cdn.example.org/tracker.js"></script>
</head><body>
<header class="site-header"><nav><a href="/">Home</a><a href="/about">About</a></nav></header>
<main><article>
  <header><p class="kicker">Commentary</p><h1>The Article Title</h1>
  <p class="standfirst">A standfirst that sums up the argument of the article in one sentence.</p>
  <p class="byline">By Jane Smith</p><ul class="share"><li><a href="#">Share on X</a></li></ul></header>
  <div class="content">
    <img src="https://images.example.org/lead.jpg" alt="Lead image">
    {"".join(PARAS[:3])}
    <h2>A Section Heading</h2>
    <aside class="pull-quote"><p>A pull quote repeating the text.</p></aside>
    {"".join(PARAS[3:])}
    <figure><img src="https://images.example.org/chart.png"><figcaption>Chart: a caption</figcaption></figure>
  </div>
  <footer class="article-footer"><p>Jane Smith is a fellow.</p></footer>
</article>
<aside class="related"><h2>Related analysis</h2><ul><li><a href="/x">More</a></li></ul></aside>
</main>
<footer><p>© Example Institute</p></footer>
<div class="cookie-banner"><p>We use cookies.</p><button>Accept</button></div>
</body></html>"""


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the HTML importer tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_page_article_and_metadata(tmp_path, no_network, problems):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    source = load(path, on_problem=problems.append)
    assert source.title == "The Article Title"
    assert (source.author, source.date, source.publisher, source.url) == (
        "Jane Smith",
        "2024-05-01",
        "Example Institute",
        "https://example.org/analysis/article",
    )
    assert source.retrieved is None
    assert source.paragraphs[0].startswith("A standfirst that sums up")
    assert "A Section Heading" in source.paragraphs
    assert [source.paragraphs[i] for i in source.headings] == ["A Section Heading"]
    joined = "\n".join(source.paragraphs)
    for furniture in ("pull quote", "Chart:", "cookies", "Related analysis", "Share on X", "is a fellow", "Home"):
        assert furniture not in joined
    assert sum(p.startswith("Paragraph ") for p in source.paragraphs) == 6
    assert problems == []


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # JSON-LD only
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "LD Title", '
            '"datePublished": "2023-01-02", "author": [{"@type": "Person", "name": "A One"}, '
            '{"@type": "Person", "name": "B Two"}], "publisher": {"@type": "Organization", "name": "LD Pub"}}</script>',
            ("LD Title", "A One and B Two", "2023-01-02", "LD Pub"),
        ),
        # <title> with a site suffix, and a <time> element
        ("<title>Plain Title - Some Site</title>", ("Plain Title", None, "2022-03-04", None)),
        # unparseable JSON-LD is ignored
        ('<title>T</title><script type="application/ld+json">{not json</script>', ("T", None, "2022-03-04", None)),
    ],
)
def test_metadata_fallbacks(tmp_path, head, expected):
    page = f"<html><head>{head}</head><body><div><time datetime='2022-03-04'>4 March</time>{BODY}</div></body></html>"
    path = tmp_path / "p.htm"
    path.write_text(page, encoding="utf-8")
    source = load(path)
    assert (source.title, source.author, source.date, source.publisher) == expected


@pytest.mark.parametrize(
    ("encoding", "declared"),
    [("cp1252", "windows-1252"), ("cp1252", "iso-8859-1"), ("utf-8", "utf-8"), ("utf-16", None)],
)
def test_page_encodings(tmp_path, encoding, declared):
    meta = f'<meta charset="{declared}">' if declared else ""
    page = f"<html><head>{meta}<title>Café – “quoted”</title></head><body><h1>Café – “quoted”</h1>{BODY}</body></html>"
    path = tmp_path / "enc.html"
    path.write_bytes(page.encode(encoding))
    source = load(path)
    assert source.title == "Café – “quoted”"
    assert len(source.paragraphs) == 6


def test_page_without_article_text_is_refused(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>", encoding="utf-8")
    with pytest.raises(SourceError, match="no text"):
        load(path)


def test_short_page_uses_fallback(tmp_path, problems):
    path = tmp_path / "short.html"
    path.write_text("<html><body><h1>Short</h1><p>Only one short line.</p></body></html>", encoding="utf-8")
    source = load(path, on_problem=problems.append)
    assert source.title == "Short"
    assert source.paragraphs == ["Only one short line."]


def test_html_sniffed_without_extension(tmp_path):
    path = tmp_path / "saved_page"
    path.write_text(PAGE, encoding="utf-8")
    assert load(path).title == "The Article Title"


def test_xhtml_with_xml_declaration(tmp_path):
    page = (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
        f"<head><title>X</title></head><body><article><h1>XHTML Title</h1>{BODY}</article></body></html>"
    )
    path = tmp_path / "page.xhtml"
    path.write_text(page, encoding="utf-8")
    source = load(path)
    assert source.title == "XHTML Title"
    assert len(source.paragraphs) == 6


def test_site_name_h1_outside_the_article_is_not_the_title(tmp_path):
    page = (
        '<html><head><meta property="og:title" content="The Real Title"></head><body>'
        f'<h1 class="logo">Site Name</h1><article><h2>Subtitle</h2>{BODY}</article></body></html>'
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    assert load(path).title == "The Real Title"


def test_excerpts_of_related_articles_are_not_a_standfirst(tmp_path):
    page = (
        f"<html><body><h1>Title</h1>{BODY}<ul><li><p class='excerpt'>A teaser for another article "
        "somewhere else on the site.</p></li></ul></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    source = load(path)
    assert not source.paragraphs[0].startswith("A teaser")


def test_source_error_carries_the_path(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    with pytest.raises(SourceError) as info:
        load(path)
    assert info.value.path == path


def test_list_items_with_paragraphs_and_loose_text(tmp_path):
    items = (
        "<ul><li><p>First paragraph of item one, long enough to be kept by the extractor.</p>"
        "<p>Second paragraph of item one, also long enough to be kept.</p></li>"
        "<li>A plain item with <b>bold</b> words in it and nothing else at all.</li></ul>"
    )
    page = f"<html><body><article><h1>Lists</h1>{''.join(PARAS[:3])}{items}{''.join(PARAS[3:])}</article></body></html>"
    path = tmp_path / "lists.html"
    path.write_text(page, encoding="utf-8")
    paragraphs = load(path).paragraphs
    assert paragraphs[3:6] == [
        "First paragraph of item one, long enough to be kept by the extractor.",
        "Second paragraph of item one, also long enough to be kept.",
        "A plain item with bold words in it and nothing else at all.",
    ]
