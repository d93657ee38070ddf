"""Fuzz every importer, the .brief loader and the Word template checker.

Each input runs in the fuzz worker (`reliability_harness.Sandbox`): a hang past the
time bound, a memory blow-up past the worker's address-space cap, an attempt to open a
network connection, or any exception other than a typed `BriefError` with a one-line
message fails the test. Inputs are mutations of small valid files (byte edits, and for
Word packages edits of the XML tree and the zip) plus generated HTML and text.

The example counts keep the whole folder fast in CI; ``benchmarks/fuzz_long.py`` runs
the same targets for as long as you like.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from reliability_harness import strategy

# A failing input is a whole .docx; hypothesis warns that its repr is long when it
# reports it, and that warning (an error here) would hide the failure itself.
pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")

SCALE = float(os.environ.get("BRIEFCOMPOSER_FUZZ_SCALE", "1"))
EXAMPLES = {"txt": 80, "md": 80, "html": 60, "docx": 60, "pdf": 80, "brief": 40, "template": 40}
TIMEOUT = 20.0  # seconds; every valid input of these sizes is handled in well under one


def _fuzz(target: str):  # type: ignore[no-untyped-def]
    @settings(
        max_examples=max(1, int(EXAMPLES[target] * SCALE)),
        deadline=None,
        phases=[Phase.explicit, Phase.reuse, Phase.generate],  # no shrinking: a hang would take TIMEOUT per step
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    )
    @given(data=strategy(target))
    def test(sandbox, data):  # type: ignore[no-untyped-def]
        outcome = sandbox.run(target, data, timeout=TIMEOUT)
        assert outcome.good, f"{target}: {outcome.kind}: {outcome.detail}"

    test.__name__ = f"test_fuzz_{target}_gives_result_or_typed_error"
    test.__doc__ = f"Mutated {target} inputs: a result or a typed one-line error, within time and memory bounds."
    return test


test_fuzz_txt_gives_result_or_typed_error = _fuzz("txt")
test_fuzz_md_gives_result_or_typed_error = _fuzz("md")
test_fuzz_html_gives_result_or_typed_error = _fuzz("html")
test_fuzz_docx_gives_result_or_typed_error = _fuzz("docx")
test_fuzz_pdf_gives_result_or_typed_error = _fuzz("pdf")
test_fuzz_brief_gives_result_or_typed_error = _fuzz("brief")
test_fuzz_template_checker_gives_problems_or_typed_error = _fuzz("template")
