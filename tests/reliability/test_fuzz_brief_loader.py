"""Fuzz the .brief loader: the only outcomes are a brief or a ProjectFormatError."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefcomposer import storage
from briefcomposer.core.errors import ProjectFormatError
from briefcomposer.core.model import Actor, Brief, Position, Section, Source, TextItem

_json = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)


def _valid() -> dict:
    source = Source("t", ["alpha beta gamma"])
    actor = Actor("Russia")
    brief = Brief(
        title="x",
        sources=[source],
        actors=[actor],
        positions=[Position(actor.id, None, "s", [source.excerpt(0, 0, 5)])],
        sections=[Section("a", "A", items=[TextItem(text="t")])],
    )
    return json.loads(storage.dumps(brief))


def _paths(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for n, value in enumerate(data):
            yield from _paths(value, (*prefix, n))


VALID = _valid()
PATHS = [p for p in _paths(VALID) if p]


def _load(data: bytes) -> None:
    try:
        storage.loads(data)
    except ProjectFormatError as exc:
        message = str(exc)
    else:
        return
    assert message
    assert "\n" not in message


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PATHS), _json)
def test_replacing_any_value_gives_brief_or_typed_error(path, value):
    data = json.loads(json.dumps(VALID))
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    _load(json.dumps(data).encode())


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_give_typed_error(data):
    _load(data)


@settings(max_examples=200, deadline=None)
@given(_json)
def test_arbitrary_json_gives_typed_error(value):
    _load(json.dumps({"app": "briefcomposer", "format": 1, "meta": value, "id": "x"}).encode())
