"""The on-disk analysis cache: same suggestions as a fresh analysis, fresh ids, damage ignored."""

from __future__ import annotations

import json
import os

import pytest

from briefcomposer import suggestion_cache
from briefcomposer.analysis import suggest, to_json
from briefcomposer.sources import load_sample
from briefcomposer.suggestion_cache import cached_suggest, is_cached, source_key


def shape(source, suggestions) -> dict:
    """`to_json` with issue ids (fresh on every analysis) replaced by the issues' positions."""
    out = to_json(source, suggestions)
    number = {issue["id"]: n for n, issue in enumerate(out["issues"])}
    for issue in out["issues"]:
        issue["id"] = number[issue["id"]]
    for position in out["positions"]:
        position["issue"] = number.get(position["issue"])
    return out


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "analyses"


def test_a_hit_gives_what_a_fresh_analysis_gives(folder):
    source = load_sample()
    assert not is_cached(source, folder)
    first = cached_suggest(source, folder)
    assert is_cached(source, folder)
    second = cached_suggest(source, folder)
    assert shape(source, second) == shape(source, suggest(source)) == shape(source, first)
    assert second.positions, "the sample has positions"


def test_a_hit_has_fresh_ids_and_verbatim_excerpts(folder):
    source = load_sample()
    first = cached_suggest(source, folder)
    second = cached_suggest(source, folder)
    assert {a.id for a in first.actors}.isdisjoint(a.id for a in second.actors)
    assert {p.id for p in first.positions}.isdisjoint(p.id for p in second.positions)
    actor_ids = {a.id for a in second.actors}
    issue_ids = {i.id for i in second.issues}
    for position in second.positions:
        assert position.actor_id in actor_ids
        assert position.issue_id is None or position.issue_id in issue_ids
        for excerpt in position.evidence:
            assert excerpt.source_id == source.id
            assert source.is_current(excerpt)


def test_the_key_follows_the_text_and_the_analyser(monkeypatch):
    source = load_sample()
    key = source_key(source)
    edited = load_sample()
    edited.paragraphs[0] += " One more sentence."
    assert source_key(edited) != key
    assert source_key(load_sample()) == key  # ids do not matter, the text does
    # the title names issues and the publisher speaks for an unsigned piece: both are read by the analysis
    retitled = load_sample()
    retitled.title += " (revised)"
    assert source_key(retitled) != key
    republished = load_sample()
    republished.publisher = "Kystposten"
    assert source_key(republished) != key
    monkeypatch.setattr(suggestion_cache, "_fingerprint", "another analyser")
    assert source_key(source) != key


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"not json",
        b"[]",
        json.dumps({"format": 99}).encode(),
        json.dumps({"format": 1, "actors": [], "issues": [], "positions": [{"actor": 5}]}).encode(),
        json.dumps(
            {
                "format": 1,
                "actors": [{"name": "A", "kind": "state", "aliases": []}],
                "issues": [],
                "positions": [{"actor": 0, "issue": None, "stance": "s", "evidence": [[0, 5, 999999]]}],
            }
        ).encode(),
    ],
)
def test_a_damaged_entry_is_analysed_again_and_replaced(folder, damage):
    source = load_sample()
    folder.mkdir(parents=True)
    entry = folder / f"{source_key(source)}.json"
    entry.write_bytes(damage)
    result = cached_suggest(source, folder)
    assert shape(source, result) == shape(source, suggest(source))
    assert json.loads(entry.read_text("utf-8"))["format"] == suggestion_cache.FORMAT


def test_the_folder_keeps_the_newest_entries(folder, monkeypatch):
    monkeypatch.setattr(suggestion_cache, "MAX_ENTRIES", 2)
    sources = [load_sample() for _ in range(3)]
    for n, source in enumerate(sources):
        source.paragraphs[0] += f" Variant {n}."
        cached_suggest(source, folder)
        entry = folder / f"{source_key(source)}.json"
        os.utime(entry, (1_000_000 + n, 1_000_000 + n))  # a clear order, whatever the clock's resolution
    cached_suggest(load_sample(), folder)
    assert len(list(folder.glob("*.json"))) == 2
    assert is_cached(load_sample(), folder)
    assert is_cached(sources[2], folder)
    assert not is_cached(sources[0], folder)


def test_an_unwritable_cache_costs_only_speed(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    source = load_sample()
    result = cached_suggest(source, blocker / "analyses")
    assert shape(source, result) == shape(source, suggest(source))


def test_the_default_folder_is_under_the_user_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("BRIEFCOMPOSER_HOME", str(tmp_path))
    monkeypatch.setattr(suggestion_cache, "shipped_folder", lambda: tmp_path / "nothing ships")
    source = load_sample()
    cached_suggest(source)
    assert (tmp_path / "cache" / "analyses" / f"{source_key(source)}.json").is_file()


def test_the_sample_analysis_that_ships_is_the_current_analysers():
    """Written by ``tools/ship_sample_analysis.py``: run it after changing the analysis, the gazetteer or the model."""
    source = load_sample()
    shipped = sorted(suggestion_cache.shipped_folder().glob("*.json"))
    assert [p.name for p in shipped] == [f"{source_key(source)}.json"], "run python tools/ship_sample_analysis.py"
    assert shipped[0].read_text("utf-8") == suggestion_cache.fresh_entry(source)


def test_a_new_user_gets_the_samples_analysis_from_what_ships(monkeypatch, tmp_path):
    monkeypatch.setenv("BRIEFCOMPOSER_HOME", str(tmp_path))
    source = load_sample()
    assert is_cached(source)
    assert shape(source, cached_suggest(source)) == shape(source, suggest(source))
    assert not (tmp_path / "cache").exists()  # nothing to keep: it ships
    # another text, or another analyser, misses it
    edited = load_sample()
    edited.paragraphs[0] += " One more sentence."
    assert not is_cached(edited)
    monkeypatch.setattr(suggestion_cache, "_fingerprint", "another analyser")
    assert not is_cached(source)


def test_a_damaged_shipped_entry_is_analysed_and_kept_in_the_user_cache(monkeypatch, tmp_path):
    shipped = tmp_path / "ships"
    shipped.mkdir()
    monkeypatch.setattr(suggestion_cache, "shipped_folder", lambda: shipped)
    monkeypatch.setenv("BRIEFCOMPOSER_HOME", str(tmp_path / "home"))
    source = load_sample()
    (shipped / f"{source_key(source)}.json").write_text("not json")
    result = cached_suggest(source)
    assert shape(source, result) == shape(source, suggest(source))
    assert (tmp_path / "home" / "cache" / "analyses" / f"{source_key(source)}.json").is_file()
    assert (shipped / f"{source_key(source)}.json").read_text() == "not json"  # what ships is never written


def test_the_users_entry_is_read_before_what_ships(monkeypatch, tmp_path):
    shipped = tmp_path / "ships"
    shipped.mkdir()
    monkeypatch.setattr(suggestion_cache, "shipped_folder", lambda: shipped)
    monkeypatch.setenv("BRIEFCOMPOSER_HOME", str(tmp_path / "home"))
    source = load_sample()
    cached_suggest(source)  # into the user cache
    # an entry that decodes but differs: only read if the user's were not
    (shipped / f"{source_key(source)}.json").write_text(
        json.dumps({"format": suggestion_cache.FORMAT, "actors": [], "issues": [], "positions": []})
    )
    assert cached_suggest(source).positions
    (tmp_path / "home" / "cache" / "analyses" / f"{source_key(source)}.json").unlink()
    assert not cached_suggest(source).positions
