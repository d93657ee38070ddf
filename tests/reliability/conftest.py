"""Fixtures of the reliability suite: the fuzz worker, the hostile corpus, a network guard."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "hostile"))

from reliability_harness import Sandbox, guarded  # noqa: E402

from briefcomposer.export import docx_writer  # noqa: E402


@pytest.fixture(scope="session")
def sandbox():
    """One worker process for the session; it is replaced whenever an input hangs or kills it."""
    os.environ.setdefault("BRIEFCOMPOSER_TEST_RENDER_TIMEOUT", "3")  # the Jinja loop bomb waits this long
    with Sandbox() as box:
        yield box


@pytest.fixture(scope="session", autouse=True)
def _stop_render_worker():
    yield
    docx_writer.shutdown_worker()


@pytest.fixture
def no_network(monkeypatch):
    """Any network connection (or name look-up) fails the test; yields the list of attempts.

    Two layers: `socket.socket.connect` and friends are patched to raise, and an audit hook
    catches the same calls from code that holds its own reference to them.
    """
    with guarded() as attempts:

        def refuse(name):  # type: ignore[no-untyped-def]
            def blocked(*args, **kwargs):  # type: ignore[no-untyped-def]
                attempts.append(f"{name}{args[1:2]!r}")
                raise PermissionError(f"network blocked by the test: {name}")

            return blocked

        for name in ("connect", "connect_ex", "sendto"):
            monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
        for name in ("create_connection", "getaddrinfo", "gethostbyname"):
            monkeypatch.setattr(socket, name, refuse(f"socket.{name}"))
        yield attempts
