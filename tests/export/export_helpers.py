"""Helpers for the export tests: briefs built by hand with the core API, sized like the
sample analysis (the RUSI commentary), crafted templates, the validator and LibreOffice."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefcomposer.core import brief_ops
from briefcomposer.core.model import (
    Actor,
    ActorKind,
    Brief,
    BulletItem,
    Issue,
    IssueItem,
    Marking,
    Position,
    PositionItem,
    QuoteItem,
    Source,
    Status,
    TextItem,
)
from briefcomposer.paths import sample_path
from briefcomposer.structures.templates import find_template, new_brief

REPO = Path(__file__).resolve().parents[2]
VALIDATOR = REPO.parent / "shared" / "ooxml" / "validate_docx.py"
BUILT_IN = ("uk-briefing-note", "ministerial-submission", "lines-to-take", "meeting-brief")
TRICKY = 'Cuts of 5% & more <are> planned: \u201cquoted\u201d, \u2018single\u2019 and "straight" \U0001f642'
DATE = dt.date(2026, 11, 29)


def sample_source() -> Source:
    paragraphs = [line.strip() for line in sample_path().read_text("utf-8").splitlines() if line.strip()]
    return Source(
        title="Dialogue Matters: Russia\u2013NATO Relations",
        paragraphs=paragraphs,
        author="Sarah Lain",
        publisher="RUSI",
        date="2015-03-12",
        url="https://rusi.org/explore-our-research/publications/commentary/dialogue-matters-russia-nato-relations",
        retrieved="2026-11-27",
    )


def _para(source: Source, needle: str) -> int:
    return next(n for n, p in enumerate(source.paragraphs) if needle in p)


def make_brief(template_id: str = "uk-briefing-note", *, marking: Marking | None = None) -> Brief:
    """A full brief for `template_id`: ~25 items, 10 positions (8 accepted), one table, quotes."""
    brief = new_brief(find_template(template_id), today=DATE)
    brief.title = "Russia\u2013NATO dialogue"
    brief.reference = "EUR-2026-0142"
    brief.to = "Minister for Europe"
    brief.sender = "Alex Officer, Russia Unit"
    brief.contact = "alex.officer@fcdo.gov.uk, 020 7008 1234"
    brief.marking = marking or Marking(sensitive=True)
    src = sample_source()
    brief_ops.add_source(brief, src)
    other = Source(
        title="NATO\u2013Russia Council: a short history & <notes>",
        paragraphs=["One.", "Two paragraphs."],
        publisher="House of Commons Library",
        date="2024-05-02",
    )
    brief_ops.add_source(brief, other)

    actors = {
        "nato": Actor("NATO", ActorKind.ORGANISATION),
        "russia": Actor("Russia", ActorKind.STATE, aliases=["Moscow"]),
        "uk": Actor("United Kingdom", ActorKind.STATE, aliases=["UK"]),
        "grushko": Actor("Alexander Grushko", ActorKind.PERSON),
        "stoltenberg": Actor("Jens Stoltenberg", ActorKind.PERSON),
        "author": Actor("Sarah Lain (RUSI)", ActorKind.AUTHOR),
    }
    for actor in actors.values():
        brief_ops.add_actor(brief, actor)
    issues = {
        "dialogue": Issue("Dialogue with Russia", status=Status.ACCEPTED),
        "enlargement": Issue("NATO enlargement", status=Status.ACCEPTED),
        "uk-role": Issue("UK role", status=Status.ACCEPTED),
    }
    for issue in issues.values():
        brief_ops.add_issue(brief, issue)

    def ev(needle: str, text: str):  # type: ignore[no-untyped-def]
        return src.excerpt_of(_para(src, needle), text)

    stances = [
        (
            "stoltenberg",
            "dialogue",
            "The Alliance needs more dialogue, as well as defence, with Russia.",
            ev("Munich Security Conference", "more dialogue"),
        ),
        (
            "nato",
            "dialogue",
            "Keep channels open so that Europe's security architecture stays in place.",
            ev("Since the height", "maintain channels for dialogue"),
        ),
        (
            "russia",
            "dialogue",
            "The West does not engage as much as Moscow thinks it should.",
            ev("rhetorical mismatch", "Russia\u2019s criticism of the West"),
        ),
        (
            "grushko",
            "enlargement",
            "NATO expansion harms Russia's security.",
            ev("Grushko highlighted", "NATO expansion"),
        ),
        ("nato", "enlargement", "Enlargement is for applicants and members to decide.", None),
        (
            "author",
            "dialogue",
            "Broaden formats to Track II and more public platforms.",
            ev("obvious conclusion", "Track II dialogue"),
        ),
        (
            "uk",
            "uk-role",
            "Could play a significant role in new dialogue formats.",
            ev("British angle", "significant role"),
        ),
        (
            "author",
            "uk-role",
            "UK policy towards Russia has been more absent than that of European partners.",
            ev("British angle", "more absent policy towards Russia"),
        ),
        ("russia", "uk-role", "Suggested only: not shown.", None),
        ("uk", None, "Rejected: not shown.", None),
    ]
    for n, (actor, issue, stance, excerpt) in enumerate(stances):
        status = Status.ACCEPTED if n < 8 else (Status.SUGGESTED if n == 8 else Status.REJECTED)
        position = Position(
            actors[actor].id, issues[issue].id if issue else None, stance, [excerpt] if excerpt else [], status=status
        )
        brief_ops.add_position(brief, position)

    fill = _FILLERS.get(template_id, _fill_generic)
    fill(brief, src, other, ev)
    brief.check()
    return brief


def _add(brief: Brief, key: str, *items) -> None:  # type: ignore[no-untyped-def]
    section = brief.section_by_key(key)
    for item in items:
        brief_ops.add_item(brief, section.id, item)


def _fill_briefing_note(brief: Brief, src: Source, other: Source, ev) -> None:  # type: ignore[no-untyped-def]
    _add(
        brief,
        "summary",
        TextItem(
            text="Relations between Russia and NATO are at a low. Dialogue continues only through back "
            "channels and high-level contacts whose results are rarely public."
        ),
        TextItem(
            text="A RUSI commentary argues for broader, more public and Track II formats, and sees a role "
            "for the UK. This note sets out the positions and suggests lines to take."
        ),
    )
    _add(
        brief,
        "background",
        TextItem(
            text="The NATO\u2013Russia Council suspended practical cooperation in 2014 after the annexation "
            "of Crimea; political channels stayed open but have rarely been used."
        ),
        TextItem(
            text="RUSI recently hosted Ambassador Alexander Grushko and Sir Malcolm Rifkind in a rare "
            "public discussion of Russia\u2013NATO relations, at the request of the Russian Embassy."
        ),
        QuoteItem(
            excerpt=src.excerpt_of(
                _para(src, "Munich Security Conference"),
                "stop talking past each other, and start talking with each other",
            ),
            comment="At the Munich Security Conference the NATO Secretary General said both sides should",
        ),
        TextItem(text=TRICKY),
        QuoteItem(excerpt=other.excerpt(1, 0, 15)),
    )
    issue_ids = [i.id for i in brief.issues]
    _add(
        brief,
        "key-issues",
        IssueItem(issue_id=issue_ids[0]),
        TextItem(
            text="Russia blames the West for the lack of engagement, yet often declines invitations itself; "
            "the narrow formats of current contact feed that perception."
        ),
        IssueItem(issue_id=issue_ids[1]),
        TextItem(
            text="NATO enlargement remains the standard Russian grievance and will not be resolved by "
            "discussion; dialogue can acknowledge it and move on to other areas."
        ),
        IssueItem(issue_id=issue_ids[2]),
    )
    uk_position = next(p for p in brief.positions if p.stance.startswith("Could play"))
    _add(brief, "positions", PositionItem(position_id=uk_position.id))
    _add(
        brief,
        "uk-objectives",
        BulletItem(text="Keep channels with Moscow open to reduce the risk of miscalculation."),
        BulletItem(text="Shape any new dialogue formats with Allies rather than follow them."),
        BulletItem(text="Hold to NATO's open-door policy."),
    )
    _add(
        brief,
        "lines-to-take",
        BulletItem(text="The UK supports dialogue with Russia where it serves our security and that of our Allies."),
        BulletItem(text="Dialogue is not a reward; it is how we avoid misunderstanding and manage risk."),
        BulletItem(text="NATO enlargement is a matter for NATO members and applicants alone."),
        BulletItem(text="We will work with Allies on practical ways to make dialogue more effective."),
    )
    _add(
        brief,
        "defensive-lines",
        TextItem(
            text="Q: Is the UK softening its stance on Russia? A: No. Our position on Ukraine is unchanged; "
            "talking is not agreeing."
        ),
        TextItem(text="Q: Will the UK host Track II talks? A: We keep all options under review with Allies."),
    )


def _fill_generic(brief: Brief, src: Source, other: Source, ev) -> None:  # type: ignore[no-untyped-def]
    spec = {s.key: s for s in find_template(brief.template_id).sections}
    quoted = False
    for section in brief.sections:
        if section.key in ("sources", "contact", "timing"):
            continue
        if section.key.startswith("annex"):
            _add(
                brief,
                section.key,
                TextItem(
                    text="Alexander Grushko: Deputy Foreign Minister, formerly Russia's Permanent "
                    "Representative to NATO. Career diplomat; last met UK officials in 2025."
                ),
                TextItem(
                    text="Jens Stoltenberg: former NATO Secretary General. Argued for 'more dialogue' "
                    "with Russia alongside defence."
                ),
            )
            continue
        if spec[section.key].bullets:
            _add(
                brief,
                section.key,
                BulletItem(text=f"{section.heading}: the UK supports dialogue where it serves our security."),
                BulletItem(text="Dialogue is not a reward; it is how we avoid misunderstanding & manage risk."),
            )
        else:
            _add(
                brief,
                section.key,
                TextItem(
                    text=f"{section.heading}: relations between Russia and NATO are at a low; dialogue "
                    "continues mainly through back channels."
                ),
            )
        if not quoted and "background" in section.key:
            _add(
                brief,
                section.key,
                QuoteItem(
                    excerpt=src.excerpt_of(_para(src, "Munich Security Conference"), "more dialogue"), comment=TRICKY
                ),
            )
            quoted = True


_FILLERS = {"uk-briefing-note": _fill_briefing_note}


# ---------------------------------------------------------------- helpers


def validate(path: Path) -> str:
    """The validator's report; skips the test when the validator is not next to the project."""
    if not VALIDATOR.is_file():
        pytest.skip(f"the OOXML validator is not at {VALIDATOR}")
    done = subprocess.run([sys.executable, str(VALIDATOR), str(path)], capture_output=True, text=True, timeout=120)
    assert done.returncode in (0, 1), done.stderr
    return done.stdout if done.returncode else ""


def soffice_or_skip() -> str:
    from briefcomposer.export.pdf import find_soffice

    found = find_soffice()
    if found is None or shutil.which("pdfinfo") is None:
        pytest.skip("LibreOffice (soffice) and poppler (pdfinfo) are needed")
    return found


def built_in_template(name: str = "uk-briefing-note") -> Path:
    return REPO / "templates" / f"{name}.docx"


def craft_template(
    target: Path,
    base: str = "uk-briefing-note",
    replace: dict | None = None,  # type: ignore[type-arg]
    add: dict[str, bytes] | None = None,
) -> Path:
    """A copy of a built-in template with parts changed: `replace` maps a part name to new
    bytes, a function of the old bytes, or None (drop the part); `add` adds parts."""
    import zipfile

    replace = replace or {}
    with zipfile.ZipFile(built_in_template(base)) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info)
            change = replace.get(info.filename, blob)
            if change is None:
                continue
            dst.writestr(info.filename, change(blob) if callable(change) else change)
        for name, blob in (add or {}).items():
            dst.writestr(name, blob)
    return target


def with_title_tag(target: Path, tag: str, base: str = "uk-briefing-note") -> Path:
    """A built-in template whose ``{{ title }}`` paragraph holds `tag` instead."""
    from xml.sax.saxutils import escape

    def swap(blob: bytes) -> bytes:
        assert b"{{ title }}" in blob
        return blob.replace(b"{{ title }}", escape(tag).encode("utf-8"))

    return craft_template(target, base, {"word/document.xml": swap})


def paragraphs(path: Path) -> list[tuple[str, str]]:
    """(style name, text) of every body paragraph, tables left out."""
    import docx

    return [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs]
