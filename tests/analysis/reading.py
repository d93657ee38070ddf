"""A tiny reader of the corpus plain-text format, used until `briefcomposer.sources` exists.

Title line; "Author:", "Publisher:", "Date:" lines; a blank line; one paragraph per
line. The embedded sample has no header: its page furniture and byline are dropped.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefcomposer.core.model import Source

_JUNK = re.compile(
    r"^(Main Image Credit|View profile|Explore our related content|Associate Fellow|Senior|Research Fellow)"
)


def read_article(path: Path) -> Source:
    try:
        from briefcomposer import sources  # the real importer, once it exists

        return sources.load(path)
    except (ImportError, AttributeError):
        pass
    lines = path.read_text(encoding="utf-8").split("\n")
    title, meta, body = lines[0].strip(), {}, []
    for line in lines[1:]:
        key, _, value = line.partition(":")
        if not body and key in ("Author", "Publisher", "Date") and value:
            meta[key.lower()] = value.strip()
        elif line.strip():
            body.append(line.strip())
    return Source(
        title=title, paragraphs=body, author=meta.get("author"), publisher=meta.get("publisher"), date=meta.get("date")
    )


def read_sample() -> Source:
    try:
        from briefcomposer import sources

        return sources.load_sample()
    except (ImportError, AttributeError):
        pass
    from briefcomposer.paths import sample_path

    lines = [ln.strip() for ln in sample_path().read_text(encoding="utf-8").split("\n")]
    body = [ln for ln in lines[1:] if ln and not _JUNK.match(ln)]
    author = None
    if body and len(body[-1].split()) <= 4 and not body[-1].endswith("."):
        author = body.pop()  # the byline after the article
    body = [ln.replace("RussiaNATO", "Russia–NATO").replace("NATORussia", "NATO–Russia") for ln in body]
    return Source(title=lines[0], paragraphs=body, author=author, publisher="RUSI")
