"""Fixtures for the analysis tests: the sample and the corpus articles as `Source`s."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reading import read_article, read_sample  # noqa: E402

EXPECTED = Path(__file__).resolve().parents[1] / "data" / "expected"


@pytest.fixture(scope="session")
def sample():
    return read_sample()


@pytest.fixture
def corpus_articles(corpus_dir):
    return {path.stem: read_article(path) for path in sorted(corpus_dir.glob("*.txt"))}


def annotations() -> list[dict]:
    out = []
    for path in sorted(EXPECTED.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if "article" in data:
            out.append(data)
    return out
