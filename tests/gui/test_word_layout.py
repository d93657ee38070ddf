""" "Preview in Word layout": LibreOffice lays out the real .docx, pdftoppm draws the pages."""

from __future__ import annotations

import shutil
import stat
import sys
import textwrap
from pathlib import Path

import pytest

from briefcomposer.export.pdf import find_soffice

pytestmark = pytest.mark.skipif(
    sys.platform == "win32" or shutil.which("pdftoppm") is None, reason="needs pdftoppm and a POSIX shell"
)

# Stands in for soffice: writes a two-page PDF where LibreOffice would (`--outdir`/in.pdf).
FAKE_SOFFICE = textwrap.dedent(
    """\
    #!{python}
    import sys
    from pathlib import Path

    args = sys.argv[1:]
    outdir = Path(args[args.index("--outdir") + 1])
    pages = 2
    objects = ["<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{{3 + 2 * n}} 0 R" for n in range(pages))
    objects.append(f"<< /Type /Pages /Kids [{{kids}}] /Count {{pages}} >>")
    font = 3 + 2 * pages
    for n in range(pages):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {{4 + 2 * n}} 0 R "
            f"/Resources << /Font << /F1 {{font}} 0 R >> >> >>"
        )
        text = f"BT /F1 24 Tf 72 760 Td (Page {{n + 1}}) Tj ET"
        objects.append(f"<< /Length {{len(text)}} >>\\nstream\\n{{text}}\\nendstream")
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = b"%PDF-1.4\\n"
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{{n}} 0 obj\\n{{body}}\\nendobj\\n".encode()
    xref = len(out)
    out += f"xref\\n0 {{len(objects) + 1}}\\n0000000000 65535 f \\n".encode()
    out += "".join(f"{{o:010d}} 00000 n \\n" for o in offsets).encode()
    out += f"trailer\\n<< /Size {{len(objects) + 1}} /Root 1 0 R >>\\nstartxref\\n{{xref}}\\n%%EOF\\n".encode()
    (outdir / "in.pdf").write_bytes(out)
    """
)


def install(tmp_path: Path, monkeypatch, text: str) -> None:
    script = tmp_path / "soffice"
    script.write_text(text)
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("BRIEFCOMPOSER_SOFFICE", str(script))


def test_action_is_disabled_with_the_reason_when_libreoffice_is_missing(window, monkeypatch, shown):
    monkeypatch.setenv("BRIEFCOMPOSER_SOFFICE", "")
    window.update_word_layout_action()
    assert not window.word_layout_action.isEnabled()
    assert "needs LibreOffice" in window.word_layout_action.toolTip()
    assert window.preview_pane.word_layout_button.defaultAction() is window.word_layout_action
    assert window.preview_word_layout() is None  # even when called directly
    assert "needs LibreOffice" in shown.errors[-1][0]


def test_pages_are_shown_from_a_worker(qtbot, window, tmp_path, monkeypatch, shown):
    install(tmp_path, monkeypatch, FAKE_SOFFICE.format(python=sys.executable))
    window.update_word_layout_action()
    assert window.word_layout_action.isEnabled()
    job = window.preview_word_layout()
    assert job is not None
    with qtbot.waitSignal(job.signals.finished, timeout=30_000):
        pass
    dialog = window.word_layout_dialog
    assert not shown.errors
    assert dialog is not None
    assert len(dialog.pages) == 2
    assert dialog.page_labels[1].accessibleName() == "Page 2 of 2"
    assert dialog.pages[0].width() == pytest.approx(595 / 72 * 96, abs=2)  # A4 at 96 dpi
    width = dialog.page_labels[0].pixmap().width()
    dialog.set_zoom_step(1)
    assert dialog.page_labels[0].pixmap().width() > width
    started = []
    monkeypatch.setattr(window, "run_job", lambda job, label, done: started.append(job))
    dialog.refresh_button.click()  # lays out the brief as it is now
    assert len(started) == 1


def test_hanging_libreoffice_times_out_and_cancel_leaves_no_window(qtbot, window, tmp_path, monkeypatch, shown):
    import briefcomposer.gui.main_window as main_window

    install(tmp_path, monkeypatch, "#!/bin/sh\nsleep 30\n")
    monkeypatch.setattr(main_window, "PDF_TIMEOUT_S", 1)
    job = window.preview_word_layout()
    with qtbot.waitSignal(job.signals.finished, timeout=20_000):
        pass
    assert shown.errors[-1][0].startswith("The PDF could not be made: LibreOffice took longer than 1 seconds")
    assert window.word_layout_dialog is None

    job = window.preview_word_layout()
    job.cancel()  # the officer pressed Cancel: the result, when it comes, is dropped
    with qtbot.waitSignal(job.signals.cancelled, timeout=20_000):
        pass
    assert window.word_layout_dialog is None
    assert len(shown.errors) == 1


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice is not installed")
def test_real_libreoffice_lays_out_the_brief(qtbot, window, shown):
    job = window.preview_word_layout()
    with qtbot.waitSignal(job.signals.finished, timeout=90_000):
        pass
    assert not shown.errors
    pages = window.word_layout_dialog.pages
    assert 1 <= len(pages) <= 3
    assert pages[0].height() > pages[0].width()  # portrait A4
