"""Pages per second of the PDF reader on a generated multi-page PDF (prints figures; not a test).

    python benchmarks/bench_pdf.py [PAGES]

Each page has a title, a unit line, a ruled 6-column table of 30 rows (a continued table from
page 2 on) and a paragraph, written with reportlab and a CJK TrueType font when one is
installed. Prints pages/s and the process's peak resident memory.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from yusuan.readers import read_source

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
WIDTHS = [60, 130, 70, 70, 70, 70]
ROWS_PER_PAGE = 30


def font() -> str:
    if WQY.exists():
        pdfmetrics.registerFont(TTFont("WQY", str(WQY), subfontIndex=0))
        return "WQY"
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def draw_table(canvas: Canvas, top: float, rows: list[list[str]]) -> float:
    xs = [50]
    for width in WIDTHS:
        xs.append(xs[-1] + width)
    for r, row in enumerate(rows):
        y = top - (r + 1) * 18
        for c, text in enumerate(row):
            canvas.rect(xs[c], y, WIDTHS[c], 18)
            canvas.drawString(xs[c] + 3, y + 5, text)
    return top - len(rows) * 18


def write_pdf(path: Path, pages: int) -> None:
    name = font()
    canvas = Canvas(str(path), pagesize=A4)
    header = ["科目编码", "科目名称", "合计", "人员经费", "公用经费", "项目支出"]
    for page in range(pages):
        canvas.setFont(name, 10)
        canvas.drawString(50, 800, "一般公共预算支出表" if page == 0 else "续表")
        canvas.drawString(50, 786, "单位：万元")
        rows = [header] + [[f"2{page:03d}{r:02d}", f"行政单位离退休{r}", f"{page + r * 1.25:,.2f}",
                            "1,000.00", "", "0.50"] for r in range(ROWS_PER_PAGE)]
        canvas.setFont(name, 9)
        bottom = draw_table(canvas, 776, rows)
        canvas.setFont(name, 10)
        canvas.drawString(50, bottom - 20, f"本页说明：第{page + 1}页的支出按功能分类科目列示。")
        canvas.drawString(290, 30, f"- {page + 1} -")
        canvas.showPage()
    canvas.save()


def main() -> None:
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.pdf"
        write_pdf(path, pages)
        size = path.stat().st_size
        started = time.perf_counter()
        source = read_source(str(path))
        elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"pages: {pages}  file: {size / 1024:.0f} KiB  lines: {len(source.lines)}")
    print(f"read: {elapsed:.2f} s  = {pages / elapsed:.1f} pages/s")
    print(f"peak resident memory: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
