"""The bounds on .brief files: real briefs load, absurd ones are refused quickly and cheaply.

Decision (issue 6): a .brief with more than `storage.MAX_OBJECTS` JSON objects (10^6
items) or a text longer than `storage.MAX_TEXT_CHARS` (a 100 MB string) is refused
with `ProjectFormatError` while it is parsed, so refusing it costs little more memory
than the file's own bytes. Anything a real brief holds stays far inside both.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import make_hostile
import pytest

from briefcomposer import storage
from briefcomposer.core.errors import ProjectFormatError
from briefcomposer.core.model import Brief, Section, Source, TextItem


def test_a_large_real_brief_is_well_inside_the_bounds(tmp_path):
    paragraphs = [f"Paragraph {n} of a long report. " * 30 for n in range(5_000)]  # an importer's maximum
    brief = Brief(
        title="Long",
        sources=[Source("Report", paragraphs) for _ in range(4)],
        sections=[Section(f"s{n}", f"S{n}", items=[TextItem(text="x" * 2000) for _ in range(200)]) for n in range(20)],
    )
    path = tmp_path / "long.brief"
    storage.save(brief, path)
    assert storage.load(path) == brief


@pytest.mark.parametrize(
    ("items", "text", "match"),
    [
        (storage.MAX_OBJECTS, "t", "more than 100,000 objects"),
        (1, "x" * (storage.MAX_TEXT_CHARS + 1), "a text of 5,000,001 characters"),
    ],
)
def test_briefs_beyond_the_bounds_are_refused(items, text, match):
    with pytest.raises(ProjectFormatError, match=match) as info:
        storage.loads(make_hostile.brief_json(items, text))
    assert "\n" not in str(info.value)


def test_text_at_the_bound_loads():
    brief = storage.loads(make_hostile.brief_json(1, "x" * storage.MAX_TEXT_CHARS))
    assert len(brief.sections[0].items[0].text) == storage.MAX_TEXT_CHARS


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is enforced on Linux")
def test_refusing_a_million_items_is_quick_and_cheap(tmp_path):
    """Refused within a 512 MB address space (the interpreter included); loading took ~800 MB."""
    path = tmp_path / "million.brief"
    path.write_bytes(make_hostile.brief_json(10**6))  # 62 MB
    code = textwrap.dedent(
        f"""
        import resource, time
        resource.setrlimit(resource.RLIMIT_AS, (512 * 1024 * 1024, resource.getrlimit(resource.RLIMIT_AS)[1]))
        from briefcomposer import storage
        from briefcomposer.core.errors import ProjectFormatError
        started = time.monotonic()
        try:
            storage.load({str(path)!r})
        except ProjectFormatError as exc:
            print("refused", time.monotonic() - started)
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    word, seconds = done.stdout.split()
    assert word == "refused"
    assert float(seconds) < 60  # ~1 s here; generous for loaded CI machines (loading took ~8 s)
