"""Plain text and Markdown importer, also used for pasted text.

Layout understood (the project's article files and text copied from web pages)::

    <title line>
    Author: ...            optional metadata lines, before or after the title
    Publisher: ...
    Date: 2024-02-13
    URL: https://...

    <paragraph>            paragraphs are separated by blank lines; the lines of a
                           paragraph are joined with a space
    ...
    Sarah Lain             a trailing byline (name, role, "View profile", ...) becomes
    Associate Fellow       the author, not paragraphs

Markdown adds YAML front matter, `#` and underlined headings, lists (one paragraph per
item), links (anchor text kept), emphasis and images (dropped).
"""

from __future__ import annotations

import logging
import re

from briefcomposer.core.model import Source

from ._base import (
    Draft,
    Problems,
    clean_paragraph,
    finish,
    fold,
    is_sentence_end,
    join_names,
    looks_like_heading,
    parse_date,
    truncate_text,
)

logger = logging.getLogger(__name__)

_META_LINE = re.compile(
    r"^\s*(author|authors|by|written by|publisher|published by|source|date|published|"
    r"url|link|original url|retrieved|accessed)[ \t]*:[ \t]*(\S.*)$",
    re.IGNORECASE,
)
_META_KEYS = {
    "author": "author",
    "authors": "author",
    "by": "author",
    "written by": "author",
    "publisher": "publisher",
    "published by": "publisher",
    "source": "publisher",
    "date": "date",
    "published": "date",
    "url": "url",
    "link": "url",
    "original url": "url",
}
_BYLINE = re.compile(r"^by\s+(\S.{0,150})$", re.IGNORECASE)  # on stripped lines
_URL = re.compile(r"^(https?://|www\.)\S+$", re.IGNORECASE)

# Web-page furniture that survives copy and paste, compared folded.
_JUNK_LINES = frozenset(
    fold(s)
    for s in (
        "View profile", "View full profile", "Explore our related content", "Related content",
        "Related articles", "Related", "Read more", "Read next", "Share", "Share this", "Share this article",
        "Share this page", "Share on X", "Share on Twitter", "Share on Facebook", "Share on LinkedIn",
        "Share on WhatsApp", "Share via email", "Email", "Print", "Print this page", "Copy link", "Tweet",
        "Facebook", "Twitter", "LinkedIn", "WhatsApp", "X", "Reddit", "Bluesky", "Subscribe", "Sign up",
        "Sign up for our newsletter", "Back to top", "Skip to main content", "Download PDF", "Download",
        "Listen to this article", "Advertisement", "Follow us", "Tags", "Topics", "Expert", "Experts",
        "Comments", "Leave a comment", "Cite this", "Permalink",
    )
)  # fmt: skip
_SHARE_WORDS = frozenset(
    [
        "share",
        "tweet",
        "email",
        "print",
        "facebook",
        "twitter",
        "linkedin",
        "whatsapp",
        "reddit",
        "copy",
        "link",
        "x",
        "on",
        "via",
        "this",
    ]
)
_IMAGE_CREDIT = re.compile(
    r"^(?:main |header |featured |cover |lead |top )?(?:image|photo|photograph|picture|illustration|graphic)"
    r"(?:\s+(?:credit|courtesy|source)s?\b|\s*:)"
    r"|^(?:credit|image credit|photo credit|photo credits)\s*:",
    re.IGNORECASE,
)
_ROLE_WORDS = re.compile(
    r"\b(fellow|director|professor|lecturer|researcher|analyst|editor|correspondent|associate|"
    r"chair|head|adviser|advisor|consultant|manager|officer|ambassador|president|minister|"
    r"secretary|deputy|senior|research|programme|program|visiting|emeritus|contributor|"
    r"journalist|author|writer|staff|intern|candidate)\b",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w’'.-]*|de|da|del|van|von|der|al|bin|el|la|le|du|dos|di|[A-Z]\.)$")


def _markdown():  # type: ignore[no-untyped-def]
    """The Markdown reader, imported when first needed: its two dozen patterns compile on
    import, time that plain text (the sample article, at start-up) need not spend (issue 5)."""
    from . import markdown

    return markdown


def load_text(
    text: str, problems: Problems, what: str, *, is_markdown: bool = False, title: str | None = None
) -> Source:
    """Make a `Source` from decoded text; `title` None means the first line is the title.

    Raises `SourceError` when nothing is left to import.
    """
    text = truncate_text(text, problems)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = text.lstrip("\ufeff")
    draft = Draft()
    # Front matter opens with "---"; the test spares plain text the Markdown reader's import.
    if is_markdown or (text.startswith("---") and _markdown().has_front_matter(text)):
        front, text = _markdown().split_front_matter(text)
        _apply_front_matter(draft, front, problems)
    lines = text.split("\n")
    body_start = _read_header(lines, draft, problems, title is None and draft.title is None)
    if title is not None:
        draft.title = title
    if is_markdown:
        blocks = _markdown().blocks(lines[body_start:])
        if draft.title is None and blocks and blocks[0][1]:
            draft.title = blocks.pop(0)[0]  # "# Title" with no separate title line
    else:
        blocks = [(p, False) for p in _paragraphs(lines[body_start:])]
    if draft.title and draft.title.startswith("#"):
        draft.title = _markdown().inline(draft.title.lstrip("#").strip())
    elif draft.title and is_markdown:
        draft.title = _markdown().inline(draft.title)
    blocks = _drop_furniture(blocks, draft)
    if not is_markdown:
        blocks = _mark_headings(blocks)
    for text_, heading in blocks:
        draft.add(text_, heading)
    if draft.title and len(draft.title) > 200:
        # A first line that is a whole paragraph: keep it as text, not as the title.
        draft.blocks.insert(0, (clean_paragraph(draft.title), False))
        draft.title = None
    return finish(draft, problems, what)


def _apply_front_matter(draft: Draft, front: dict[str, str | list[str]], problems: Problems) -> None:
    def first(*keys: str) -> str | list[str] | None:
        for key in keys:
            if front.get(key):
                return front[key]
        return None

    def as_text(value: str | list[str] | None) -> str | None:
        if isinstance(value, list):
            return join_names(value) or None
        return value or None

    draft.title = as_text(first("title", "headline"))
    draft.author = as_text(first("author", "authors", "by", "creator"))
    draft.publisher = as_text(first("publisher", "source", "site", "site_name", "organisation", "organization"))
    draft.url = as_text(first("url", "link", "canonical_url", "original_url", "source_url"))
    raw_date = as_text(first("date", "published", "date_published", "pubdate"))
    if raw_date:
        draft.date = parse_date(raw_date)
        if draft.date is None:
            problems.warn(f"the date {raw_date!r} was not understood and was left out")


def _read_header(lines: list[str], draft: Draft, problems: Problems, want_title: bool) -> int:
    """Read the title and the metadata lines at the top; return the index of the first
    body line."""
    i = 0
    seen_title = not want_title
    while i < len(lines):
        line = lines[i].strip()
        if not line:
            i += 1
            continue
        meta = _META_LINE.match(line)
        if meta and meta.group(1).lower() in ("retrieved", "accessed"):
            i += 1
            continue
        if meta:
            key = _META_KEYS[meta.group(1).lower()]
            value = meta.group(2).strip()
            if key == "date":
                parsed = parse_date(value)
                if parsed is None:
                    problems.warn(f"the date {value!r} was not understood and was left out")
                draft.date = draft.date or parsed
            elif getattr(draft, key) is None:
                setattr(draft, key, value)
            i += 1
            continue
        if seen_title:
            byline = _BYLINE.match(line)
            if byline and draft.author is None and _looks_like_byline(byline.group(1)):
                draft.author = byline.group(1)
                i += 1
                continue
            break
        # The title: the first line that is not metadata.
        draft.title = line
        seen_title = True
        i += 1
        # A title followed directly by body text (no blank line, no metadata) is a
        # hard-wrapped first paragraph, not a title: leave it to the body.
        nxt = lines[i].strip() if i < len(lines) else ""
        if nxt and not _META_LINE.match(nxt) and not _BYLINE.match(nxt) and is_sentence_end(line) and len(line) > 80:
            draft.title = None
            i -= 1
            seen_title = True
            break
    return i


def _looks_like_byline(value: str) -> bool:
    """ "Jane Smith and John Doe", "Sarah Lain, Associate Fellow"; not "2030, the army shrinks." """
    words = value.split()
    return (
        len(words) <= 12 and value[0].isupper() and not is_sentence_end(value) and not any(ch.isdigit() for ch in value)
    )


def _paragraphs(lines: list[str]) -> list[str]:
    """Blank-line separated paragraphs, their lines joined with a space."""
    out: list[str] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            out.append(" ".join(current))
            current = []
    if current:
        out.append(" ".join(current))
    return out


def is_junk(text: str) -> bool:
    """Page furniture copied with the article: share buttons, "View profile", image credits."""
    key = fold(text)
    if key in _JUNK_LINES:
        return True
    words = key.replace(",", " ").replace("|", " ").split()
    if words and len(words) <= 8 and all(w in _SHARE_WORDS for w in words) and "share" in words:
        return True
    return bool(_IMAGE_CREDIT.match(text)) and len(text.split()) <= 80


def _looks_like_name(text: str) -> bool:
    words = text.replace(",", " ").split()
    if not 2 <= len(words) <= 5 or is_sentence_end(text) or any(ch.isdigit() for ch in text):
        return False
    if _ROLE_WORDS.search(text):
        return False
    return all(_NAME_WORD.match(w) for w in words) and words[0][0].isupper()


def _looks_like_role(text: str) -> bool:
    return len(text.split()) <= 14 and not is_sentence_end(text) and bool(_ROLE_WORDS.search(text))


def _drop_furniture(blocks: list[tuple[str, bool]], draft: Draft) -> list[tuple[str, bool]]:
    """Drop image credits, share bars and similar lines, and turn a trailing byline
    ("Sarah Lain" / "Associate Fellow" / "View profile") into the author."""
    kept = [(t, h) for t, h in blocks if not is_junk(t)]
    dropped_any = len(kept) < len(blocks)
    # The tail: short lines after the last real paragraph.
    tail_start = len(kept)
    while tail_start > 0 and tail_start > len(kept) - 6:
        text = kept[tail_start - 1][0]
        if len(text.split()) > 14 or is_sentence_end(text):
            break
        tail_start -= 1
    tail = [t for t, _ in kept[tail_start:]]
    names = [t for t in tail if _looks_like_name(t)]
    roles = [t for t in tail if _looks_like_role(t)]
    # Never the whole text: a byline follows at least one real paragraph.
    if tail_start > 0 and names and len(names) + len(roles) == len(tail) and (roles or dropped_any):
        if draft.author is None:
            draft.author = join_names(names)
        kept = kept[:tail_start]
    return kept


def _mark_headings(blocks: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """In plain text a heading is a short title-case line between paragraphs; the first
    paragraph (the standfirst) and the last are never headings."""
    out = list(blocks)
    for i in range(1, len(out) - 1):
        text = out[i][0]
        if looks_like_heading(text):
            out[i] = (text, True)
    return out
