"""Fixtures of the export tests; the helpers live in export_helpers.py."""

from __future__ import annotations

import pytest
from export_helpers import make_brief

from briefcomposer.core.model import Brief
from briefcomposer.export import docx_writer


@pytest.fixture
def brief() -> Brief:
    return make_brief()


@pytest.fixture(scope="session", autouse=True)
def _stop_render_worker():
    """Stop the warm render process when the export tests are done."""
    yield
    docx_writer.shutdown_worker()
