"""Analyses kept on disk by source content, so a source seen before is analysed in milliseconds.

`cached_suggest(source)` returns what `analysis.suggest(source)` would, reading it from
the user cache folder when the same text was analysed before by the same analyser. The
key is a BLAKE2b digest of the analyser (the code of ``analysis/`` and the gazetteer in
``resources/``) and of what the analysis reads from the source (paragraphs, headings,
author), so any change to either misses. Entries are rebuilt with fresh ids and
excerpts taken from `source` again, so cached suggestions are never shared between
briefs and every quote is verbatim by construction. A damaged or foreign entry is a
miss, never an error; writing is atomic and best effort (a read-only disk only costs
speed). The folder keeps the newest `MAX_ENTRIES` entries.

Why by hand: the standard library's ``functools`` caches live in memory only, and the
point is the second start of the app (issue 5's start-up goal), which is a new process.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from pathlib import Path

try:
    # hashlib's BLAKE2 without hashlib, which loads OpenSSL for its other hashes: 2 to 3 ms of
    # each start of the window, which looks its sample up here (issue 5).
    from _blake2 import blake2b
except ImportError:  # a Python without CPython's built-in hash modules
    from hashlib import blake2b

from briefcomposer.analysis import Suggestions
from briefcomposer.core.errors import SpanError
from briefcomposer.core.model import Actor, ActorKind, Issue, ParagraphRef, Position, Source, Status

logger = logging.getLogger(__name__)

FORMAT = 1
MAX_ENTRIES = 200
_fingerprint: str | None = None


def analyser_fingerprint() -> str:
    """A digest of the analysis code, the gazetteer and the position model: changes whenever one does."""
    global _fingerprint
    if _fingerprint is None:
        from briefcomposer import analysis
        from briefcomposer.paths import bundled_dir

        digest = blake2b(f"format {FORMAT}".encode(), digest_size=32)
        files = sorted(Path(analysis.__file__).parent.glob("*.py"))
        files += sorted((bundled_dir("resources") / "gazetteer").glob("*"))
        files += sorted((bundled_dir("resources") / "models").glob("*"))
        for path in files:
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
        _fingerprint = digest.hexdigest()
    return _fingerprint


def source_key(source: Source) -> str:
    """The cache key of `source` for the current analyser."""
    digest = blake2b(analyser_fingerprint().encode(), digest_size=32)
    # everything `analysis.suggest` reads of the source: the title names issues, the publisher an unsigned piece's actor
    what = {
        "paragraphs": source.paragraphs,
        "headings": sorted(source.headings),
        "author": source.author,
        "title": source.title,
        "publisher": source.publisher,
    }
    digest.update(json.dumps(what, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()


def shipped_folder() -> Path:
    """The analyses that ship with the app: the embedded sample's, read after the user cache.

    A new user's very first start shows the sample with its suggestions; analysing it took
    0.25 s of that start (issue 5). The entry is named by its key like any other, so it is only
    read while the analyser is the one that wrote it: any change to the analysis code, the
    gazetteer or the model makes it a miss (the sample is analysed as before), and a test
    asks for it to be written again with ``python tools/ship_sample_analysis.py``.
    """
    from briefcomposer.paths import bundled_dir

    return bundled_dir("resources") / "analyses"


def _entries(source: Source, folder: Path | None) -> list[Path]:
    """Where the analysis of `source` may be: `folder` when given, else the user cache, then what ships."""
    name = f"{source_key(source)}.json"
    if folder is not None:
        return [folder / name]
    return [_folder(None) / name, shipped_folder() / name]


def is_cached(source: Source, folder: Path | None = None) -> bool:
    """True when the analysis of `source` is in the cache (it may still prove unusable)."""
    return any(path.is_file() for path in _entries(source, folder))


def _folder(folder: Path | None) -> Path:
    if folder is not None:
        return folder
    from briefcomposer.paths import user_cache_dir

    return user_cache_dir() / "analyses"


def cached_suggest(source: Source, folder: Path | None = None) -> Suggestions:
    """`analysis.suggest(source)`, from the cache in `folder` (default: the user cache) when possible."""
    from briefcomposer.analysis import suggest

    entries = _entries(source, folder)
    for n, path in enumerate(entries):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            found = _decode(data, source)
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError, SpanError) as exc:
            if not isinstance(exc, FileNotFoundError):
                logger.info("Analysis cache entry %s unusable (%s); analysing again", path.name, exc)
        else:
            if n == 0:
                with contextlib.suppress(OSError):
                    os.utime(path)  # recently used: kept longest
            return found
    suggestions = suggest(source)
    _store(entries[0], suggestions, source)
    return suggestions


def fresh_entry(source: Source) -> str:
    """A cache entry for `source` analysed now, as text: what ships for the sample (see `shipped_folder`)."""
    from briefcomposer.analysis import suggest

    return json.dumps(_encode(suggest(source), source), ensure_ascii=False, indent=1) + "\n"


def _encode(suggestions: Suggestions, source: Source) -> dict:
    actors = {a.id: n for n, a in enumerate(suggestions.actors)}
    issues = {i.id: n for n, i in enumerate(suggestions.issues)}
    return {
        "format": FORMAT,
        "actors": [{"name": a.name, "kind": a.kind.value, "aliases": a.aliases} for a in suggestions.actors],
        "issues": [
            {"label": i.label, "keywords": i.keywords, "paragraphs": [r.paragraph for r in i.paragraphs]}
            for i in suggestions.issues
        ],
        "positions": [
            {
                "actor": actors[p.actor_id],
                "issue": issues.get(p.issue_id) if p.issue_id else None,
                "stance": p.stance,
                "evidence": [[e.paragraph, e.start, e.end] for e in p.evidence],
            }
            for p in suggestions.positions
        ],
    }


def _decode(data: dict, source: Source) -> Suggestions:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not an analysis of this format")
    actors = [Actor(str(a["name"]), ActorKind(a["kind"]), [str(x) for x in a["aliases"]]) for a in data["actors"]]
    issues = [
        Issue(
            str(i["label"]),
            keywords=[str(k) for k in i["keywords"]],
            paragraphs=[ParagraphRef(source.id, int(p)) for p in i["paragraphs"]],
        )
        for i in data["issues"]
    ]
    positions = []
    for p in data["positions"]:
        issue = p["issue"]
        positions.append(
            Position(
                actors[int(p["actor"])].id,
                issues[int(issue)].id if issue is not None else None,
                str(p["stance"]),
                [source.excerpt(int(para), int(start), int(end)) for para, start, end in p["evidence"]],
                Status.SUGGESTED,
            )
        )
    return Suggestions(actors, issues, positions)


def _store(path: Path, suggestions: Suggestions, source: Source) -> None:
    from briefcomposer.atomic import write_atomically

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, json.dumps(_encode(suggestions, source), ensure_ascii=False).encode("utf-8"))
        _prune(path.parent)
    except OSError as exc:
        logger.info("Could not keep the analysis in the cache: %s", exc)


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[MAX_ENTRIES:]:
        with contextlib.suppress(OSError):
            old.unlink()
