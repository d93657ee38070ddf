"""The .brief file: round trips, atomic saves and every kind of bad file."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefcomposer import atomic, storage
from briefcomposer.core.errors import ProjectFormatError
from briefcomposer.core.model import (
    Actor,
    ActorKind,
    Brief,
    BulletItem,
    Issue,
    IssueItem,
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


def full_brief(text: str = "Russia sees NATO & the West <differently>.") -> Brief:
    source = Source(
        title="Dialogue Matters",
        paragraphs=[text or "x", "Second paragraph."],
        author="Sarah Lain",
        publisher="RUSI",
        date="2016-02-20",
        url="https://example.org/a",
        retrieved="2026-11-29",
        headings=[1],
    )
    russia = Actor("Russia", ActorKind.STATE, ["Moscow"])
    issue = Issue(
        "NATO enlargement", "Open door policy", ["enlargement"], [ParagraphRef(source.id, 0)], Status.ACCEPTED
    )
    position = Position(russia.id, issue.id, text or "stance", [source.excerpt(1, 0, 6)], Status.ACCEPTED)
    rejected = Position(russia.id, None, "Rejected one", [], Status.REJECTED)
    sections = [
        Section("summary", "Summary", "Say what matters", 120, [TextItem(text=text), BulletItem(text="bullet")]),
        Section(
            "positions",
            "Positions",
            "",
            None,
            [
                PositionTableItem(actor_ids=[russia.id], issue_ids=[issue.id]),
                PositionItem(position_id=position.id),
                IssueItem(issue_id=issue.id),
                QuoteItem(excerpt=source.excerpt(1, 7, 16), comment="As the author puts it"),
                TextItem(text="Dear {{ brief.to }}", boilerplate=True),
            ],
        ),
    ]
    return Brief(
        title="Russia–NATO dialogue",
        reference="REF/2026/001",
        to="Head of Policy",
        sender="A. Officer",
        date=dt.date(2026, 11, 29),
        contact="020 7946 0000",
        template_id="uk-briefing-note",
        marking=Marking(Tier.OFFICIAL, True, ["PERSONAL DATA"], ["UK EYES ONLY"], ["RECIPIENTS ONLY"]),
        sections=sections,
        sources=[source],
        actors=[russia],
        issues=[issue],
        positions=[position, rejected],
    )


def test_save_then_load_gives_equal_brief(tmp_path):
    brief = full_brief()
    target = tmp_path / "a.brief"
    storage.save(brief, target)
    assert storage.load(target) == brief
    assert json.loads(target.read_text("utf-8"))["format"] == storage.FORMAT


def test_brief_without_marking_round_trips():
    brief = Brief(title="No marking yet")
    assert storage.loads(storage.dumps(brief)) == brief


# Arbitrary text: quotes, &<>, emoji, control characters, right-to-left, surrogates excluded (not text).
_TEXT = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=200)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_round_trip_of_arbitrary_text(text):
    brief = full_brief(text)
    assert storage.loads(storage.dumps(brief)) == brief


@pytest.mark.parametrize(
    "text",
    ["‘quoted’ & “double” <b>", "emoji 🇬🇧🛰️", "control \x00\x07\x1b", "עברית العربية", "tab\tnew\nline\r\n"],
)
def test_round_trip_of_awkward_text(text):
    brief = full_brief(text)
    assert storage.loads(storage.dumps(brief)) == brief


def test_save_replaces_atomically_and_leaves_no_temp_files(tmp_path):
    target = tmp_path / "a.brief"
    storage.save(full_brief(), target)
    storage.save(full_brief("changed"), target)
    assert [p.name for p in tmp_path.iterdir()] == ["a.brief"]
    assert storage.load(target).sources[0].paragraphs[0] == "changed"


def test_failed_save_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "a.brief"
    storage.save(full_brief("old"), target)
    before = target.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space"):
        storage.save(full_brief("new"), target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["a.brief"]


@pytest.mark.parametrize(
    "name", ["b" * 249 + ".brief", "\U0001f600" * 60 + ".brief"], ids=["255 bytes", "60 emoji (246 bytes)"]
)
def test_save_to_the_longest_file_names_works_with_a_short_temp_file(tmp_path, monkeypatch, name):
    target = tmp_path / name
    try:
        target.write_bytes(b"")  # the name is valid on this file system
        target.unlink()
    except OSError as exc:
        pytest.skip(f"this file system refuses the name: {exc}")
    temp_names = []
    real_replace = os.replace

    def replace(src, dst):
        temp_names.append(os.path.basename(src))
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", replace)
    brief = full_brief()
    storage.save(brief, target)
    assert storage.load(target) == brief
    assert [p.name for p in tmp_path.iterdir()] == [name]
    [temp] = temp_names  # short whatever the target's name, and recognisable if a crash leaves it
    assert temp.startswith(atomic.TEMP_PREFIX)
    assert temp.endswith(atomic.TEMP_SUFFIX)
    assert len(temp) <= 32


def test_save_into_missing_folder_raises_oserror(tmp_path):
    with pytest.raises(FileNotFoundError):
        storage.save(full_brief(), tmp_path / "gone" / "a.brief")


def _symlink_or_skip(link, target) -> None:
    try:
        link.symlink_to(target)
    except (OSError, NotImplementedError) as exc:  # Windows without the symlink privilege
        pytest.skip(f"cannot make a symbolic link here: {exc}")


def test_save_through_a_symlink_replaces_the_linked_file_and_keeps_the_link(tmp_path):
    team = tmp_path / "team"
    team.mkdir()
    real = team / "real.brief"
    storage.save(full_brief("old"), real)
    link = tmp_path / "link.brief"
    _symlink_or_skip(link, real)
    storage.save(full_brief("new"), link)
    assert link.is_symlink(), "the link was replaced by a copy"
    assert storage.load(real).sources[0].paragraphs[0] == "new", "the linked file was not updated"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.brief", "team"]
    assert [p.name for p in team.iterdir()] == ["real.brief"]  # the temp file went next to the real file


def test_save_through_a_loop_of_links_raises_oserror_and_keeps_the_links(tmp_path):
    first, second = tmp_path / "first.brief", tmp_path / "second.brief"
    _symlink_or_skip(first, second)
    second.symlink_to(first)
    with pytest.raises(OSError, match=re.escape(os.strerror(errno.ELOOP))):
        storage.save(full_brief(), first)
    assert first.is_symlink()
    assert second.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["first.brief", "second.brief"]


def test_save_over_a_read_only_file_is_refused_and_changes_nothing(tmp_path):
    target = tmp_path / "locked.brief"
    storage.save(full_brief("old"), target)
    before = target.read_bytes()
    target.chmod(0o444)  # on Windows: the read-only attribute
    try:
        with pytest.raises(PermissionError):
            storage.save(full_brief("new"), target)
        assert target.read_bytes() == before
        assert [p.name for p in tmp_path.iterdir()] == ["locked.brief"]
    finally:
        target.chmod(0o644)


def test_save_over_a_file_this_user_may_not_write_is_refused(tmp_path, monkeypatch):
    """Another user's file in a folder this user may write: `os.access` says no (faked: root is told yes)."""
    target = tmp_path / "theirs.brief"
    storage.save(full_brief("old"), target)
    before = target.read_bytes()
    real_access = os.access
    monkeypatch.setattr(atomic.os, "access", lambda path, mode, **kw: mode != os.W_OK and real_access(path, mode, **kw))
    with pytest.raises(PermissionError):
        storage.save(full_brief("new"), target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["theirs.brief"]


def _mutated(change) -> bytes:
    data = json.loads(storage.dumps(full_brief()))
    change(data)
    return json.dumps(data).encode()


BAD_FILES = [
    (b"", "not valid JSON"),
    (b"\xff\xfe\x00garbage", "not UTF-8"),
    (b"PK\x03\x04 a zip file", "not valid JSON"),
    (b"[1, 2, 3]", "not saved by briefcomposer"),
    (b'{"some": "json"}', "not saved by briefcomposer"),
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply|not valid JSON|not saved"),
    (_mutated(lambda d: d.update(format=2)), "newer version"),
    (_mutated(lambda d: d.update(format="1")), "format version"),
    (_mutated(lambda d: d["positions"][0].update(actor="ghost")), "unknown actor"),
    (_mutated(lambda d: d["positions"][0].update(issue="ghost")), "unknown issue"),
    (_mutated(lambda d: d["sections"][1]["items"][1].update(position="ghost")), "unknown position"),
    (_mutated(lambda d: d["sections"][1]["items"][0].update(kind="video")), "unknown item kind"),
    (_mutated(lambda d: d["sections"][1]["items"][3]["excerpt"].update(source="ghost")), "unknown source"),
    (_mutated(lambda d: d["sections"][1]["items"][3]["excerpt"].update(paragraph=99)), "no such paragraph"),
    (_mutated(lambda d: d["sections"][1]["items"][3]["excerpt"].update(end=0)), "end after it starts"),
    (_mutated(lambda d: d["actors"][0].update(kind="alien")), "not one of"),
    (_mutated(lambda d: d["positions"][0].update(status="maybe")), "not one of"),
    (_mutated(lambda d: d["meta"].update(date="29/11/2026")), "not a date"),
    (_mutated(lambda d: d["marking"].update(tier="RESTRICTED")), "not one of"),
    (_mutated(lambda d: d["sources"][0].update(paragraphs="text")), "list of text"),
    (_mutated(lambda d: d["sources"][0].update(headings=[7])), "headings"),
    (_mutated(lambda d: d["sections"][0].update(word_limit=-5)), "whole number"),
    (_mutated(lambda d: d.pop("meta")), "'meta' is missing"),
    (_mutated(lambda d: d["actors"].append(dict(d["actors"][0]))), "used twice"),
]


@pytest.mark.parametrize(("data", "message"), BAD_FILES)
def test_bad_file_raises_typed_error_with_message(data, message):
    with pytest.raises(ProjectFormatError, match=message) as info:
        storage.loads(data)
    assert "\n" not in str(info.value)


def test_load_names_the_file_in_its_error(tmp_path):
    path = tmp_path / "broken.brief"
    path.write_bytes(b"not json")
    with pytest.raises(ProjectFormatError, match="broken.brief") as info:
        storage.load(path)
    assert info.value.path == path


def test_newer_format_file_is_left_untouched(tmp_path):
    path = tmp_path / "future.brief"
    data = _mutated(lambda d: d.update(format=99))
    path.write_bytes(data)
    with pytest.raises(ProjectFormatError, match="newer version"):
        storage.load(path)
    assert path.read_bytes() == data


def test_every_past_format_still_loads(data_dir):
    files = sorted((data_dir / "projects").glob("*.brief"))
    assert files, "tests/data/projects must keep a file of every past format"
    for path in files:
        brief = storage.load(path)
        assert brief.sections
        assert brief.sources
