"""Markdown to paragraphs: enough of CommonMark for articles saved as .md.

Headings become heading paragraphs, each list item a paragraph, links their anchor
text; emphasis, images, HTML tags, rules and reference definitions are dropped. Code
blocks are kept as text. Front matter is read with a small YAML subset parser (no
PyYAML): ``key: value`` lines and ``- item`` lists.
"""

from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)

_FRONT = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
# The patterns avoid lazy or nested quantifiers that backtrack quadratically on hostile
# input (long runs of spaces, unclosed markers): each scan stops at its closing character.
_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:(.*)$")
_ITEM = re.compile(r"^[ \t]*-[ \t]+(.*)$")

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t](.*))?$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_BULLET = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_REF_DEF = re.compile(r"^ {0,3}\[[^\[\]]{1,500}\]:[ \t]*\S")
_TABLE_SEP = re.compile(r"^\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?$")  # on stripped lines

_IMAGE = re.compile(r"!\[[^\[\]]{0,500}\]\([^()]{0,2000}\)|!\[[^\[\]]{0,500}\]\[[^\[\]]{0,200}\]")
_LINK = re.compile(r"\[([^\[\]]{1,500})\]\((?:[^()\s]|\([^()\s]{0,500}\)){0,2000}(?:[ \t]+\"[^\"]{0,500}\")?\)")
_REF_LINK = re.compile(r"\[([^\[\]]{1,500})\]\[[^\[\]]{0,200}\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]{1,2000})>")
_TAG = re.compile(r"</?[A-Za-z][\w-]{0,50}(?:\s[^<>]{0,1000})?/?>")
_CODE = re.compile(r"(?<!`)(`{1,3})([^`]{1,1000})\1(?!`)")
_STRONG = re.compile(r"\*\*([^*\s](?:[^*]{0,1000}[^*\s])?)\*\*|(?<!\w)__([^_\s](?:[^_]{0,1000}[^_\s])?)__(?!\w)")
_EM_STAR = re.compile(r"(?<![\w*])\*([^*\s](?:[^*]{0,1000}[^*\s])?)\*(?![\w*])")
_EM_UNDERSCORE = re.compile(r"(?<![\w_])_([^_\s](?:[^_]{0,1000}[^_\s])?)_(?![\w_])")
_STRIKE = re.compile(r"~~([^~\s](?:[^~]{0,1000}[^~\s])?)~~")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_FOOTNOTE = re.compile(r"\[\^[^\[\]]{1,100}\]")
_SPACES = re.compile(r"[ \t]{2,}")


def has_front_matter(text: str) -> bool:
    return bool(_FRONT.match(text))


def split_front_matter(text: str) -> tuple[dict[str, str | list[str]], str]:
    """The front matter as a flat dict (keys lower-cased) and the rest of the text."""
    m = _FRONT.match(text)
    if not m:
        return {}, text
    data: dict[str, str | list[str]] = {}
    key: str | None = None
    for line in m.group(1).split("\n"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _ITEM.match(line)
        if item and key is not None:
            value = _unquote(item.group(1))
            current = data.get(key)
            data[key] = [*current, value] if isinstance(current, list) else [value]
            continue
        kv = _KEY.match(line)
        if kv:
            key = kv.group(1).lower()
            value = kv.group(2).strip()
            if value.startswith("[") and value.endswith("]"):
                data[key] = [_unquote(v) for v in value[1:-1].split(",") if v.strip()]
            elif value and value not in ("|", ">"):
                data[key] = _unquote(value)
            else:
                data[key] = []
        else:
            key = None
    return data, text[m.end() :]


def _closing_hashes(text: str) -> str:
    """Drop the optional closing "##" of a heading line."""
    text = text.strip()
    bare = text.rstrip("#")
    if bare != text and (not bare or bare[-1] in " \t"):
        return bare.strip()
    return text


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def inline(text: str) -> str:
    """Inline Markdown to plain text."""
    text = _CODE.sub(lambda m: m.group(2).strip(), text)
    text = _IMAGE.sub("", text)
    for _ in range(3):  # links inside emphasis inside links
        text = _LINK.sub(r"\1", text)
        text = _REF_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _FOOTNOTE.sub("", text)
    text = _TAG.sub("", text)
    for _ in range(3):  # nested emphasis: ***word***
        text = _STRONG.sub(lambda m: m.group(1) or m.group(2), text)
        text = _EM_STAR.sub(r"\1", text)
        text = _EM_UNDERSCORE.sub(r"\1", text)
        text = _STRIKE.sub(r"\1", text)
    text = _ESCAPE.sub(r"\1", text)
    text = text.replace("&nbsp;", "\u00a0").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    return _SPACES.sub(" ", text).strip()  # Markdown renders runs of spaces as one


def blocks(lines: list[str]) -> list[tuple[str, bool]]:
    """Paragraphs of Markdown `lines` as (plain text, is_heading) in order."""
    out: list[tuple[str, bool]] = []
    current: list[str] = []
    fence: str | None = None

    def flush() -> None:
        if current:
            text = inline(" ".join(s.strip() for s in current))
            if text:
                out.append((text, False))
            current.clear()

    for raw in lines:
        line = raw.rstrip()
        if fence is not None:
            if line.lstrip().startswith(fence):
                fence = None
                flush()
            elif line.strip():
                current.append(line)
            continue
        if m := _FENCE.match(line):
            flush()
            fence = m.group(1)
            continue
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        if _QUOTE.match(line):
            line = _QUOTE.sub("", line)
            while _QUOTE.match(line):
                line = _QUOTE.sub("", line)
            stripped = line.strip()
            if not stripped:
                flush()
                continue
        if m := _ATX.match(line):
            flush()
            text = inline(_closing_hashes(m.group(2) or ""))
            if text:
                out.append((text, True))
            continue
        if current and len(current) == 1 and _SETEXT.match(line) and not _BULLET.match(current[0]):
            text = inline(current[0].strip())
            current.clear()
            if text:
                out.append((text, True))
            continue
        if _RULE.match(line) or _REF_DEF.match(line) or _TABLE_SEP.match(stripped):
            flush()
            continue
        if m := _BULLET.match(line):
            flush()
            current.append(m.group(1))
            continue
        if stripped.startswith("|") and stripped.endswith("|"):
            flush()
            cells = [inline(c) for c in stripped.strip("|").split("|")]
            row = " | ".join(c for c in cells if c)
            if row:
                out.append((row, False))
            continue
        current.append(line)
    flush()
    return out
