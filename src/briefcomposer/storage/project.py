"""Serialise a `Brief` to the .brief JSON format and back, checking everything on the way in.

The reader is written by hand rather than with a schema library because each
failure must name where the file is wrong in words an officer can pass on
(``sections[2].items[0]: unknown item kind 'video'``), and because loading must
refuse cross-references that a schema cannot see (a position naming an unknown
actor).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path
from typing import Any

from briefcomposer.atomic import write_atomically
from briefcomposer.core.errors import BriefError, ProjectFormatError
from briefcomposer.core.model import (
    ITEM_TYPES,
    Actor,
    ActorKind,
    Brief,
    BulletItem,
    Excerpt,
    Issue,
    IssueItem,
    Item,
    Marking,
    ParagraphRef,
    Position,
    PositionItem,
    PositionTableItem,
    QuoteItem,
    Section,
    Source,
    Status,
    TextItem,
    Tier,
)

logger = logging.getLogger(__name__)

FORMAT = 1
MAGIC = "briefcomposer"
MAX_FILE_BYTES = 200 * 1024 * 1024  # far above any real brief; refuses files that would exhaust memory
# A real brief holds a few thousand JSON objects (items, excerpts, actors...) and no
# text longer than a source (the importers keep at most 5,000,000 characters). Files
# beyond these are refused while they are parsed, before they can use much memory:
# 10^6 items would otherwise take ~8 s and ~800 MB to load.
MAX_OBJECTS = 100_000
MAX_TEXT_CHARS = 5_000_000


# ---------------------------------------------------------------- writing


def dumps(brief: Brief) -> bytes:
    """The brief as .brief bytes (UTF-8 JSON, stable key order, newline at the end)."""
    data = {
        "app": MAGIC,
        "format": FORMAT,
        "id": brief.id,
        "meta": {
            "title": brief.title,
            "reference": brief.reference,
            "to": brief.to,
            "sender": brief.sender,
            "date": brief.date.isoformat() if brief.date else None,
            "contact": brief.contact,
            "template_id": brief.template_id,
        },
        "marking": _marking_out(brief.marking),
        "sources": [_source_out(s) for s in brief.sources],
        "actors": [
            {"id": a.id, "name": a.name, "kind": a.kind.value, "aliases": list(a.aliases)} for a in brief.actors
        ],
        "issues": [
            {
                "id": i.id,
                "label": i.label,
                "description": i.description,
                "keywords": list(i.keywords),
                "paragraphs": [[r.source_id, r.paragraph] for r in i.paragraphs],
                "status": i.status.value,
            }
            for i in brief.issues
        ],
        "positions": [
            {
                "id": p.id,
                "actor": p.actor_id,
                "issue": p.issue_id,
                "stance": p.stance,
                "evidence": [_excerpt_out(e) for e in p.evidence],
                "status": p.status.value,
            }
            for p in brief.positions
        ],
        "sections": [
            {
                "id": s.id,
                "key": s.key,
                "heading": s.heading,
                "guidance": s.guidance,
                "word_limit": s.word_limit,
                "items": [_item_out(i) for i in s.items],
            }
            for s in brief.sections
        ],
    }
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _marking_out(marking: Marking | None) -> dict | None:
    if marking is None:
        return None
    return {
        "tier": marking.tier.value,
        "sensitive": marking.sensitive,
        "descriptors": list(marking.descriptors),
        "caveats": list(marking.caveats),
        "handling": list(marking.handling),
    }


def _source_out(s: Source) -> dict:
    return {
        "id": s.id,
        "title": s.title,
        "author": s.author,
        "publisher": s.publisher,
        "date": s.date,
        "url": s.url,
        "retrieved": s.retrieved,
        "headings": list(s.headings),
        "paragraphs": list(s.paragraphs),
    }


def _excerpt_out(e: Excerpt) -> dict:
    return {
        "id": e.id,
        "source": e.source_id,
        "paragraph": e.paragraph,
        "start": e.start,
        "end": e.end,
        "quote": e.quote,
    }


def _item_out(item: Item) -> dict:
    out: dict[str, Any] = {"kind": item.kind, "id": item.id}
    if isinstance(item, TextItem):
        out.update(text=item.text, boilerplate=item.boilerplate)
    elif isinstance(item, BulletItem):
        out.update(text=item.text)
    elif isinstance(item, QuoteItem):
        out.update(excerpt=_excerpt_out(item.excerpt), comment=item.comment)
    elif isinstance(item, PositionItem):
        out.update(position=item.position_id)
    elif isinstance(item, IssueItem):
        out.update(issue=item.issue_id)
    elif isinstance(item, PositionTableItem):
        out.update(actors=list(item.actor_ids), issues=list(item.issue_ids))
    else:  # pragma: no cover - every kind in ITEM_TYPES is handled above
        raise TypeError(f"cannot save item kind {item.kind!r}")
    return out


def save(brief: Brief, path: Path) -> None:
    """Write the brief to `path` atomically: the old file survives any failure.

    Raises `OSError` (e.g. `PermissionError`, `FileNotFoundError` for a missing folder).
    """
    write_atomically(Path(path), dumps(brief))
    logger.info("Saved %s", Path(path).name)


# ---------------------------------------------------------------- reading


class _Reader:
    """Typed access to decoded JSON that fails with the path of the bad value."""

    def __init__(self, data: Any, where: str = "") -> None:
        self.data, self.where = data, where

    def fail(self, msg: str) -> ProjectFormatError:
        return ProjectFormatError(f"{self.where or 'the file'}: {msg}" if self.where else msg)

    def _at(self, key: str | int) -> str:
        return f"{self.where}[{key}]" if isinstance(key, int) else (f"{self.where}.{key}" if self.where else key)

    def obj(self, key: str) -> _Reader:
        value = self._get(key)
        if not isinstance(value, dict):
            raise _Reader(None, self._at(key)).fail("expected an object")
        return _Reader(value, self._at(key))

    def items(self, key: str) -> list[_Reader]:
        value = self._get(key, [])
        if not isinstance(value, list):
            raise _Reader(None, self._at(key)).fail("expected a list")
        return [_Reader(v, f"{self._at(key)}[{n}]") for n, v in enumerate(value)]

    def _get(self, key: str, default: Any = ...) -> Any:
        if not isinstance(self.data, dict):
            raise self.fail("expected an object")
        if key not in self.data:
            if default is ...:
                raise self.fail(f"{key!r} is missing")
            return default
        return self.data[key]

    def str(self, key: str, default: Any = ..., optional: bool = False) -> Any:
        value = self._get(key, default)
        if value is None and optional:
            return None
        if not isinstance(value, str):
            raise _Reader(None, self._at(key)).fail("expected text")
        return value

    def int(self, key: str, optional: bool = False, minimum: int = 0) -> Any:
        value = self._get(key, None if optional else ...)
        if value is None and optional:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            raise _Reader(None, self._at(key)).fail(f"expected a whole number of at least {minimum}")
        return value

    def bool(self, key: str, default: bool = False) -> bool:
        value = self._get(key, default)
        if not isinstance(value, bool):
            raise _Reader(None, self._at(key)).fail("expected true or false")
        return value

    def strs(self, key: str) -> list[str]:
        value = self._get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _Reader(None, self._at(key)).fail("expected a list of text")
        return list(value)

    def enum(self, key: str, kind: type, default: Any = ...) -> Any:
        value = self._get(key, default)
        if isinstance(value, kind):
            return value
        try:
            return kind(value)
        except ValueError:
            allowed = ", ".join(repr(m.value) for m in kind)
            raise _Reader(None, self._at(key)).fail(f"{value!r} is not one of {allowed}") from None


def loads(data: bytes | str) -> Brief:
    """Rebuild a brief from .brief bytes; raise `ProjectFormatError` if they are not a usable brief."""
    if isinstance(data, bytes):
        if len(data) > MAX_FILE_BYTES:
            raise ProjectFormatError("the file is too large to be a brief")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ProjectFormatError("this is not a brief: the file is not UTF-8 text") from None
    else:
        text = data
    try:
        raw = json.loads(text, object_hook=_Limits().check)
    except _TooBig as exc:
        raise ProjectFormatError(f"this brief is too large to open: {exc}") from None
    except RecursionError:
        raise ProjectFormatError("this is not a brief: the JSON is nested too deeply") from None
    except ValueError as exc:
        raise ProjectFormatError(f"this is not a brief: the file is not valid JSON ({exc})") from None
    if not isinstance(raw, dict) or raw.get("app") != MAGIC:
        raise ProjectFormatError("this is not a brief: it was not saved by briefcomposer")
    fmt = raw.get("format")
    if not isinstance(fmt, int) or isinstance(fmt, bool) or fmt < 1:
        raise ProjectFormatError("the file has no valid format version")
    if fmt > FORMAT:
        raise ProjectFormatError(
            f"this brief was saved by a newer version of briefcomposer (format {fmt}); "
            "update briefcomposer to open it. The file has not been changed."
        )
    try:
        brief = _brief_in(_Reader(raw))
        brief.check()
    except ProjectFormatError:
        raise
    except BriefError as exc:
        raise ProjectFormatError(f"the brief is inconsistent: {exc}") from None
    except RecursionError:
        raise ProjectFormatError("the brief is nested too deeply") from None
    return brief


class _TooBig(Exception):
    """Raised inside `json.loads` to stop parsing a file beyond `MAX_OBJECTS` or `MAX_TEXT_CHARS`."""


class _Limits:
    """A `json.loads` object hook that counts objects and measures the text in them."""

    def __init__(self) -> None:
        self.objects = 0

    def check(self, obj: dict) -> dict:
        self.objects += 1
        if self.objects > MAX_OBJECTS:
            raise _TooBig(f"it holds more than {MAX_OBJECTS:,} objects")
        for value in obj.values():
            texts = value if isinstance(value, list) else (value,)
            for text in texts:
                if isinstance(text, str) and len(text) > MAX_TEXT_CHARS:
                    raise _TooBig(f"it holds a text of {len(text):,} characters (at most {MAX_TEXT_CHARS:,})")
        return obj


def load(path: Path) -> Brief:
    """Read a .brief file. Raises `ProjectFormatError` (with `.path`) or `OSError`."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ProjectFormatError(f"{path.name} is too large to be a brief ({size // 2**20} MB)", path)
    try:
        return loads(path.read_bytes())
    except ProjectFormatError as exc:
        raise ProjectFormatError(f"{path.name}: {exc}", path) from None


def _brief_in(r: _Reader) -> Brief:
    meta = r.obj("meta")
    date_text = meta.str("date", None, optional=True)
    try:
        date = dt.date.fromisoformat(date_text) if date_text else None
    except ValueError:
        raise meta.fail(f"the date {date_text!r} is not a date (YYYY-MM-DD)") from None
    brief = Brief(
        id=r.str("id"),
        title=meta.str("title", ""),
        reference=meta.str("reference", ""),
        to=meta.str("to", ""),
        sender=meta.str("sender", ""),
        date=date,
        contact=meta.str("contact", ""),
        template_id=meta.str("template_id", ""),
    )
    if r.data.get("marking") is not None:
        m = r.obj("marking")
        brief.marking = Marking(
            tier=m.enum("tier", Tier),
            sensitive=m.bool("sensitive"),
            descriptors=m.strs("descriptors"),
            caveats=m.strs("caveats"),
            handling=m.strs("handling"),
        )
    brief.sources = [_source_in(s) for s in r.items("sources")]
    brief.actors = [
        Actor(id=a.str("id"), name=a.str("name"), kind=a.enum("kind", ActorKind), aliases=a.strs("aliases"))
        for a in r.items("actors")
    ]
    brief.issues = [_issue_in(i) for i in r.items("issues")]
    brief.positions = [
        Position(
            id=p.str("id"),
            actor_id=p.str("actor"),
            issue_id=p.str("issue", None, optional=True),
            stance=p.str("stance"),
            evidence=[_excerpt_in(e) for e in p.items("evidence")],
            status=p.enum("status", Status, Status.SUGGESTED),
        )
        for p in r.items("positions")
    ]
    brief.sections = [
        Section(
            id=s.str("id"),
            key=s.str("key"),
            heading=s.str("heading"),
            guidance=s.str("guidance", ""),
            word_limit=s.int("word_limit", optional=True, minimum=1),
            items=[_item_in(i) for i in s.items("items")],
        )
        for s in r.items("sections")
    ]
    sources = {s.id: s for s in brief.sources}
    for excerpt in brief.iter_excerpts():
        source = sources.get(excerpt.source_id)
        if source is not None and not 0 <= excerpt.paragraph < len(source.paragraphs):
            raise r.fail(
                f"an excerpt cites paragraph {excerpt.paragraph + 1} of {source.title!r}, which has no such paragraph"
            )
    return brief


def _source_in(s: _Reader) -> Source:
    paragraphs = s.strs("paragraphs")
    headings = s._get("headings", [])
    if not isinstance(headings, list) or not all(
        isinstance(h, int) and not isinstance(h, bool) and 0 <= h < len(paragraphs) for h in headings
    ):
        raise s.fail("headings must list paragraph numbers of this source")
    return Source(
        id=s.str("id"),
        title=s.str("title"),
        paragraphs=paragraphs,
        author=s.str("author", None, optional=True),
        publisher=s.str("publisher", None, optional=True),
        date=s.str("date", None, optional=True),
        url=s.str("url", None, optional=True),
        retrieved=s.str("retrieved", None, optional=True),
        headings=list(headings),
    )


def _issue_in(i: _Reader) -> Issue:
    refs = []
    raw = i._get("paragraphs", [])
    if not isinstance(raw, list):
        raise i.fail("paragraphs must be a list")
    for pair in raw:
        if (
            not isinstance(pair, list)
            or len(pair) != 2
            or not isinstance(pair[0], str)
            or not isinstance(pair[1], int)
            or isinstance(pair[1], bool)
            or pair[1] < 0
        ):
            raise i.fail("paragraphs must be [source id, paragraph number] pairs")
        refs.append(ParagraphRef(pair[0], pair[1]))
    return Issue(
        id=i.str("id"),
        label=i.str("label"),
        description=i.str("description", ""),
        keywords=i.strs("keywords"),
        paragraphs=refs,
        status=i.enum("status", Status, Status.SUGGESTED),
    )


def _excerpt_in(e: _Reader) -> Excerpt:
    start, end = e.int("start"), e.int("end")
    if end <= start:
        raise e.fail("an excerpt must end after it starts")
    return Excerpt(
        id=e.str("id"),
        source_id=e.str("source"),
        paragraph=e.int("paragraph"),
        start=start,
        end=end,
        quote=e.str("quote"),
    )


def _item_in(i: _Reader) -> Item:
    kind = i.str("kind")
    if kind not in ITEM_TYPES:
        raise i.fail(f"unknown item kind {kind!r}")
    ident = i.str("id")
    if kind == "text":
        return TextItem(id=ident, text=i.str("text"), boilerplate=i.bool("boilerplate"))
    if kind == "bullet":
        return BulletItem(id=ident, text=i.str("text"))
    if kind == "quote":
        return QuoteItem(id=ident, excerpt=_excerpt_in(i.obj("excerpt")), comment=i.str("comment", ""))
    if kind == "position":
        return PositionItem(id=ident, position_id=i.str("position"))
    if kind == "issue":
        return IssueItem(id=ident, issue_id=i.str("issue"))
    return PositionTableItem(id=ident, actor_ids=i.strs("actors"), issue_ids=i.strs("issues"))
