"""HTML importer for saved web pages: trafilatura finds the article, lxml the metadata.

Steps:

1. Decode (BOM, ``<meta charset>``, UTF-8, else Windows-1252) and parse with lxml.
2. Metadata from the page head: ``<h1>`` (else ``og:title``, else ``<title>``),
   ``meta name=author`` (else JSON-LD, ``article:author``), ``meta name=date`` (else
   ``article:published_time``, JSON-LD ``datePublished``, ``<time>``), ``og:site_name``,
   canonical link or ``og:url``.
3. The standfirst (``p.standfirst`` and similar classes) is kept aside, because
   trafilatura drops article headers.
4. Page furniture is removed with lxml: scripts, navigation, headers, footers, asides,
   figures with captions, forms, pull-quotes, share bars, cookie banners, bylines.
5. trafilatura (XML output, formatting kept to recover headings) extracts the main text
   from the cleaned tree; nothing is fetched, links and images are not followed.
6. If trafilatura finds nothing, a plain walk over ``<p>``, ``<h2>``-``<h6>`` and ``<li>``
   is used, with a warning.
"""

from __future__ import annotations

import copy
import json
import logging
import re
from typing import Any

from briefcomposer.core.errors import SourceError
from briefcomposer.core.model import Source

from ._base import Draft, Problems, collapse_spaces, finish, fold, join_names, parse_date

logger = logging.getLogger(__name__)

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)

_DROP_TAGS = (
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "form",
    "button", "input", "select", "textarea", "nav", "aside", "figure", "figcaption", "footer", "header",
    "dialog", "menu", "video", "audio", "picture", "img", "map",
)  # fmt: skip
_DROP_ROLES = frozenset(
    [
        "navigation",
        "banner",
        "contentinfo",
        "search",
        "complementary",
        "dialog",
        "alertdialog",
        "menu",
        "menubar",
        "toolbar",
    ]
)
# class or id words of page furniture inside an article
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(pull-?quote|pullquote|blockquote-pull|share|sharing|social|related|newsletter|cookie|"
    r"consent|breadcrumbs?|byline|kicker|eyebrow|dateline|tags|tag-list|author-bio|author-info|bio|"
    r"advert|advertisement|ad-slot|promo|subscribe|signup|skip-link|caption|sidebar|comments?|"
    r"disclaimer|paywall|popup|modal|toc|table-of-contents|print-only|sr-only|visually-hidden)(?:$|[\s_-])",
    re.IGNORECASE,
)
_STANDFIRST = re.compile(
    r"(?:^|[\s_-])(standfirst|dek|deck|subtitle|sub-title|summary|lede|lead|intro|excerpt|strapline|"
    r"subheadline|sub-headline|teaser)(?:$|[\s_-])",
    re.IGNORECASE,
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]{0,200}\?>")
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_SITE_SUFFIX = re.compile(r"\s+[|\u2013\u2014-]\s+[^|\u2013\u2014-]{2,80}$")


def load_html(data: bytes, problems: Problems, what: str) -> Source:
    """Make a `Source` from the bytes of a saved web page.

    Raises `SourceError` when the page cannot be parsed or holds no article text.
    """
    import lxml.html
    from lxml import etree

    text = _XML_DECLARATION.sub("", _decode(data), count=1)  # lxml refuses str with an encoding declaration
    # NUL and other C0 controls are not text (browsers drop or replace them); left in,
    # lxml refuses to edit the tree ("All strings must be XML compatible").
    text = _CONTROL_CHARS.sub("", text)
    try:
        parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, huge_tree=False)
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise SourceError(f"{what} is not a readable web page.") from exc
    draft = Draft()
    article = _article_root(root)
    _read_metadata(root, article, draft, problems)
    standfirst = _standfirst(article)
    _remove_furniture(root, article)
    blocks = _extract(root, problems, what)
    if not blocks:
        blocks = _fallback_blocks(article)
        if blocks:
            problems.warn("the article text could not be told apart from the rest of the page; check the paragraphs")
    if standfirst and not any(fold(standfirst) == fold(t) for t, _ in blocks[:3]):
        blocks.insert(0, (standfirst, False))
    if draft.title:
        blocks = [b for i, b in enumerate(blocks) if not (i < 3 and fold(b[0]) == fold(draft.title))]
    for block_text, heading in blocks:
        draft.add(block_text, heading)
    return finish(draft, problems, what)


def _decode(data: bytes) -> str:
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    declared = _CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        if name in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
            name = "cp1252"  # what browsers do
        try:
            return data.decode(name, errors="replace")
        except LookupError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


# -- metadata -------------------------------------------------------------------------


def _meta(root: Any, *names: str) -> str | None:
    for name in names:
        for attr in ("name", "property", "itemprop"):
            for el in root.iterfind(f".//meta[@{attr}]"):
                if (el.get(attr) or "").strip().lower() == name:
                    value = collapse_spaces(el.get("content") or "")
                    if value:
                        return value
    return None


def _json_ld(root: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for el in root.iterfind(".//script[@type]"):
        if (el.get("type") or "").strip().lower() != "application/ld+json" or not el.text:
            continue
        try:
            data = json.loads(el.text[:200_000])
        except ValueError:
            continue
        stack = [data]
        while stack and len(found) < 50:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item[:50])
            elif isinstance(item, dict):
                if "@graph" in item:
                    stack.append(item["@graph"])
                kind = item.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if any(isinstance(k, str) and k.endswith(("Article", "Posting", "Report")) for k in kinds):
                    found.append(item)
    return found


def _ld_names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items[:20]:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            names.append(item["name"])
        elif isinstance(item, str):
            names.append(item)
    return [collapse_spaces(n) for n in names if n.strip()]


def _read_metadata(root: Any, article: Any, draft: Draft, problems: Problems) -> None:
    ld = _json_ld(root)
    # An <h1> in the article is the title; a page-wide <h1> may be the site name.
    h1 = next((collapse_spaces(el.text_content()) for el in article.iter("h1") if el.text_content().strip()), None)
    any_h1 = next((collapse_spaces(el.text_content()) for el in root.iter("h1") if el.text_content().strip()), None)
    title_el = root.find(".//title")
    page_title = collapse_spaces(title_el.text_content()) if title_el is not None else ""
    ld_title = next((x["headline"] for x in ld if isinstance(x.get("headline"), str)), None)
    draft.title = (
        h1
        or _meta(root, "og:title", "twitter:title")
        or ld_title
        or any_h1
        or _SITE_SUFFIX.sub("", page_title[:300])
        or None
    )

    author = _meta(root, "author", "article:author", "dc.creator", "citation_author", "parsely-author")
    if author and author.lower().startswith(("http://", "https://")):
        author = None
    if not author:
        author = next((join_names(_ld_names(x["author"])) for x in ld if x.get("author")), None)
    draft.author = author or None

    raw_date = _meta(
        root, "date", "article:published_time", "citation_publication_date", "dc.date", "pubdate", "publish-date"
    )
    if not raw_date:
        raw_date = next((x["datePublished"] for x in ld if isinstance(x.get("datePublished"), str)), None)
    if not raw_date:
        time_el = root.find(".//time[@datetime]")
        raw_date = time_el.get("datetime") if time_el is not None else None
    if raw_date:
        draft.date = parse_date(raw_date)
        if draft.date is None:
            problems.warn(f"the page date {raw_date[:40]!r} was not understood and was left out")

    publisher = _meta(root, "og:site_name", "publisher", "citation_publisher", "dc.publisher")
    if not publisher:
        publisher = next((", ".join(_ld_names(x["publisher"])) for x in ld if x.get("publisher")), None)
    draft.publisher = publisher or None

    canonical = next(
        (el.get("href") for el in root.iterfind(".//link[@rel][@href]") if el.get("rel", "").lower() == "canonical"),
        None,
    )
    url = canonical or _meta(root, "og:url")
    if url and url.lower().startswith(("http://", "https://")):
        draft.url = url.strip()


# -- cleaning the page ----------------------------------------------------------------


def _article_root(root: Any) -> Any:
    """The `<article>` holding the `<h1>` (or the largest one), else `<main>`, else `<body>`."""
    articles = list(root.iter("article"))
    with_h1 = [a for a in articles if a.find(".//h1") is not None]
    if with_h1:
        return with_h1[0]
    if articles:
        return max(articles, key=lambda a: len(a.text_content()))
    main = root.find(".//main")
    if main is None:
        main = next((el for el in root.iter() if (el.get("role") or "").lower() == "main"), None)
    if main is not None:
        return main
    body = root.find(".//body")
    return body if body is not None else root


def _classes(el: Any) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}".strip()


def _standfirst(article: Any) -> str | None:
    """The standfirst in the article header (trafilatura drops headers): an element with
    a standfirst-like class before the first body paragraph, outside lists and asides."""
    for el in article.iter("p", "div", "h2"):
        classes = _classes(el)
        if el.tag == "p" and not _STANDFIRST.search(classes) and len(el.text_content().split()) >= 20:
            return None  # the body has begun
        if el.tag == "div" and el.find(".//p") is not None:
            continue
        if _STANDFIRST.search(classes) and not _FURNITURE.search(classes):
            if any(a.tag in ("li", "aside", "nav", "footer") for a in el.iterancestors()):
                continue
            text = collapse_spaces(el.text_content())
            if len(text.split()) >= 6:
                return text
    return None


def _remove_furniture(root: Any, article: Any) -> None:
    article_chars = max(len(article.text_content()), 1)
    around_article = set(article.iterancestors())
    doomed = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag in ("html", "body", "head", "title", "meta", "link"):
            continue
        if el is article:
            continue
        role = (el.get("role") or "").lower()
        hidden = el.get("hidden") is not None or (el.get("aria-hidden") or "").lower() == "true"
        if tag in _DROP_TAGS or role in _DROP_ROLES or hidden:
            # A header or footer that wraps the article itself (some sites) is kept.
            if el in around_article:
                continue
            doomed.append(el)
        elif _FURNITURE.search(_classes(el)) and len(el.text_content()) < article_chars * 0.4:
            if el not in around_article:
                doomed.append(el)
        elif tag == "h1" and article in el.iterancestors():
            doomed.append(el)  # the title is taken from metadata; keep it out of the body
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def _extract(root: Any, problems: Problems, what: str) -> list[tuple[str, bool]]:
    import trafilatura
    from lxml import etree

    try:
        xml = trafilatura.extract(
            copy.deepcopy(root),  # trafilatura prunes the tree it is given
            output_format="xml",
            include_formatting=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            include_tables=True,
            deduplicate=False,
            with_metadata=False,
            favor_recall=True,
        )
    except Exception as exc:  # a hostile page must not crash the app
        logger.warning("trafilatura failed on %s", what, exc_info=True)
        problems.warn(f"the page structure confused the text extractor ({type(exc).__name__})")
        return []
    if not xml:
        return []
    try:
        doc = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        logger.warning("trafilatura returned malformed XML for %s", what, exc_info=True)
        return []
    main = doc.find("main")
    if main is None:
        main = doc
    blocks: list[tuple[str, bool]] = []
    _walk(main, blocks)
    return blocks


def _text(el: Any) -> str:
    for lb in el.iter("lb"):
        lb.tail = " " + (lb.tail or "")  # a line break inside a paragraph reads as a space
    return collapse_spaces("".join(el.itertext()))


_BLOCK_TAGS = frozenset({"head", "p", "quote", "code", "list", "item", "table", "div", "main", "section"})


def _walk(el: Any, blocks: list[tuple[str, bool]]) -> None:
    for child in el:
        _walk_element(child, blocks)


def _walk_element(el: Any, blocks: list[tuple[str, bool]]) -> None:
    """Append the paragraphs of one element of trafilatura's XML output."""
    tag = el.tag
    if tag == "head":
        blocks.append((_text(el), True))
    elif tag in ("p", "quote", "code", "item"):
        if any(c.tag in _BLOCK_TAGS for c in el):
            _walk_mixed(el, blocks)
        else:
            blocks.append((_text(el), False))
    elif tag == "table":
        for row in el.iter("row"):
            cells = [_text(cell) for cell in row.iter("cell")]
            line = " | ".join(c for c in cells if c)
            if line:
                blocks.append((line, False))
    elif tag in ("list", "div", "main", "section"):
        _walk(el, blocks)
    elif tag not in ("graphic", "comments"):
        text = _text(el)
        if text:
            blocks.append((text, False))


def _walk_mixed(el: Any, blocks: list[tuple[str, bool]]) -> None:
    """An element holding both inline text and blocks (a list item with two paragraphs
    and loose words): each run of inline content is a paragraph of its own."""
    buffer: list[str] = [el.text or ""]

    def flush() -> None:
        text = collapse_spaces("".join(buffer))
        buffer.clear()
        if text:
            blocks.append((text, False))

    for child in el:
        if child.tag in _BLOCK_TAGS:
            flush()
            _walk_element(child, blocks)
        else:
            buffer.append(_text(child))
        buffer.append(child.tail or "")
    flush()


def _fallback_blocks(article: Any) -> list[tuple[str, bool]]:
    blocks: list[tuple[str, bool]] = []
    for el in article.iter("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote"):
        if el.tag == "li" and el.find(".//p") is not None:
            continue
        if el.tag == "blockquote" and el.find(".//p") is not None:
            continue
        text = collapse_spaces(el.text_content())
        if text:
            blocks.append((text, el.tag.startswith("h")))
    return blocks
