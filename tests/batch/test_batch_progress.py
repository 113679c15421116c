"""A batch shows a bar on a terminal (files done of all, the page being read) and clears it;
piped, stderr stays silent (tests/batch/test_batch_cli.py)."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

from batchfiles import ENV, add_bad_files, copy_real_files


def run_on_terminal(*args: str) -> tuple[str, str, int]:
    """stdout piped, stderr a pseudo-terminal: (stdout, what the terminal showed, exit status)."""
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 200, 0, 0))
    process = subprocess.Popen([sys.executable, "-m", "yusuan.cli", *args], env=ENV,
                               stdout=subprocess.PIPE, stderr=terminal)
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    stdout = process.stdout.read() if process.stdout else b""
    process.wait(300)
    os.close(controller)
    return stdout.decode(), shown.decode(errors="replace"), process.returncode


def test_a_terminal_sees_the_bar_and_the_pages(tmp_path: Path) -> None:
    good = copy_real_files(tmp_path / "in")
    add_bad_files(tmp_path / "in")
    stdout, shown, status = run_on_terminal("check", str(tmp_path / "in"), "--jobs", "1")
    total = len(good) + 2
    assert status == 2
    assert f"] {total}/{total} 个文件" in shown
    assert "[" + "#" * 20 + "]" in shown
    assert "政府办公厅_2026年部门预算.pdf 第 1/" in shown  # a PDF's pages as it is read
    assert shown.rstrip(" ").endswith("\r") and "\n" not in shown  # cleared, no line left
    assert stdout.startswith("文件") and "yusuan：[" not in stdout


def test_a_single_pdf_on_a_terminal_counts_its_pages(tmp_path: Path) -> None:
    good = copy_real_files(tmp_path / "in")
    _stdout, shown, status = run_on_terminal("check", str(good["corpus/政府办公厅_2026年部门预算.pdf"]))
    assert status in (0, 1)
    assert "yusuan：正在读取 政府办公厅_2026年部门预算.pdf 第 1/" in shown


def test_ocr_of_a_scan_counts_its_pages_on_a_terminal(tmp_path: Path) -> None:
    """A scan of two pages (the OCR test's page twice) read by OCR shows each page."""
    import pypdfium2
    import pytest
    from PIL import Image

    from yusuan.readers import ocr

    if not ocr.available():
        pytest.skip("the ocr extra is not installed")
    from readers.test_ocr import scanned_pdf

    scanned_pdf(tmp_path / "page.pdf")
    pypdfium2.PdfDocument(str(tmp_path / "page.pdf"))[0].render(scale=150 / 72).to_pil() \
        .save(tmp_path / "page.png")
    image = Image.open(tmp_path / "page.png").convert("L")
    image.save(tmp_path / "scan.pdf", save_all=True, append_images=[image.copy()], resolution=150)
    _stdout, shown, status = run_on_terminal("text", str(tmp_path / "scan.pdf"))
    assert status == 0
    assert "yusuan：正在读取 scan.pdf 第 1/2 页" in shown
    assert "yusuan：正在读取 scan.pdf 第 2/2 页" in shown
