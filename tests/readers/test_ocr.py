"""OCR of a scanned page: a table drawn with a real CJK font, rotated and noised, saved as an
image-only PDF. The OCR test is skipped unless the `ocr` extra (rapidocr_onnxruntime) is installed."""

from __future__ import annotations

from pathlib import Path

import pytest

from yusuan.readers import ocr, read_source

NOTO = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")

needs_ocr = pytest.mark.skipif(not ocr.available(), reason="the ocr extra is not installed")

ROWS = [["科目编码", "科目名称", "合计", "项目支出"],
        ["208", "社会保障和就业支出", "172.68", "0.00"],
        ["2080501", "行政单位离退休", "9.00", ""],
        ["210", "卫生健康支出", "1,813.70", "504.00"]]


def scanned_pdf(path: Path) -> None:
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    font_file = NOTO if NOTO.exists() else WQY
    if not font_file.exists():
        pytest.skip("no CJK font installed")
    font = ImageFont.truetype(str(font_file), 28)
    image = Image.new("L", (1400, 700), 255)
    draw = ImageDraw.Draw(image)
    draw.text((100, 60), "一般公共预算支出表", font=font, fill=0)
    draw.text((100, 110), "单位：万元", font=font, fill=0)
    xs = [100, 300, 700, 950, 1200]
    for r, row in enumerate(ROWS):
        y = 170 + r * 60
        for c, text in enumerate(row):
            draw.rectangle((xs[c], y, xs[c + 1], y + 60), outline=0, width=2)
            if text:
                draw.text((xs[c] + 12, y + 14), text, font=font, fill=0)
    image = image.rotate(0.7, fillcolor=255, resample=Image.Resampling.BICUBIC)
    noisy = np.asarray(image).astype(np.int16) + np.random.default_rng(7).normal(0, 18, (700, 1400))
    Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8)).save(path, resolution=150)


@needs_ocr
def test_scanned_table_is_read_by_ocr(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    scanned_pdf(path)
    source = read_source(str(path))
    assert [line.text for line in source.lines] == [
        "一般公共预算支出表",
        "单位：万元",
        *("\t".join(row) for row in ROWS),
    ]
    assert {line.page for line in source.lines} == {1}
    assert source.notes == []
    # every line says it was read by OCR, with the engine's confidence in it
    assert all(line.origin is not None and line.origin.read_by == "ocr" for line in source.lines)
    assert all(0 < line.origin.confidence <= 1 for line in source.lines if line.origin)


def test_boxes_to_lines_groups_rows_and_columns() -> None:
    boxes = [ocr.Box(10, 90, 100, 20, "项目"), ocr.Box(200, 260, 101, 20, "金额"),
             ocr.Box(10, 60, 130, 20, "合计"), ocr.Box(190, 262, 132, 20, "1.00"),
             ocr.Box(10, 300, 60, 20, "政府性基金预算支出表")]
    assert ocr.boxes_to_lines(boxes) == ["政府性基金预算支出表", "项目\t金额", "合计\t1.00"]


@needs_ocr
def test_ocr_writes_nothing_under_the_home_folder(tmp_path: Path) -> None:
    """onnxruntime keeps a device id and a telemetry cache under ~/.cache unless told not to."""
    import os
    import subprocess
    import sys

    path = tmp_path / "scan.pdf"
    scanned_pdf(path)
    home = tmp_path / "home"
    home.mkdir()
    env = {key: value for key, value in os.environ.items()
           if key not in ("ORT_DISABLE_TELEMETRY", "XDG_CACHE_HOME")}
    result = subprocess.run([sys.executable, "-m", "yusuan.cli", "text", str(path)],
                            capture_output=True, text=True, timeout=300, check=False,
                            env={**env, "HOME": str(home), "PYTHONIOENCODING": "utf-8"})
    assert result.returncode == 0, result.stderr
    assert "卫生健康支出" in result.stdout
    # yusuan's files there are its own kept between runs (yusuan/kept): regular expressions'
    # programs and dataclasses' compiled methods
    kept = home / ".cache" / "yusuan"
    assert [path for path in home.rglob("*") if path not in (home / ".cache", kept)
            and not (path.parent == kept and path.name.startswith(
                ("regex-programs-", "dataclass-code-")))] == []


@needs_ocr
def test_ocr_out_of_memory_is_not_called_damage(tmp_path: Path) -> None:
    """In a process limited to 1 GB of address space (as the web app's workers may be), the OCR
    models cannot allocate their arrays: say so, not that the file is damaged."""
    import os
    import resource
    import subprocess
    import sys

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    path = tmp_path / "scan.pdf"
    scanned_pdf(path)
    result = subprocess.run([sys.executable, "-m", "yusuan.cli", "text", str(path)],
                            capture_output=True, text=True, timeout=300, check=False,
                            preexec_fn=limit, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    if result.returncode == 0:
        pytest.skip("OCR fits in 1 GB of address space on this machine")
    assert result.returncode == 2
    assert "OCR 识别失败" in result.stderr and "损坏" not in result.stderr, result.stderr
