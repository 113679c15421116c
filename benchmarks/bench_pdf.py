"""Pages per second of the PDF reader on a generated multi-page PDF (prints figures; not a test).

    python benchmarks/bench_pdf.py [PAGES]        (default 2000 pages)
    python benchmarks/bench_pdf.py --measure MODE FILE   (one run on a PDF of your own)
    python benchmarks/bench_pdf.py --write FILE [PAGES]  (only write the generated PDF)

Each page has a title, a unit line, a ruled 6-column table of 31 rows (a continued table from
page 2 on) and a paragraph, written with reportlab and a CJK TrueType font when one is
installed. Three runs, each in a fresh process so its peak memory is its own: "floor" is
pypdfium2's own text-layer extraction of every page (the physical limit), "read" is
read_source alone; "extract+check" is yusuan.pipeline.read_document and yusuan.rules.run_rules,
what `yusuan check` does. Prints pages/s by wall clock and by CPU time (the machine may be
busy), the CPU time as a multiple of the floor's, and each run's peak resident memory (and
above the memory its imports take).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # reportlab is imported where the PDF is written: a measured run (a child
    # process) does not carry its 7 MiB in its peak memory, as `yusuan check` would not
    from reportlab.pdfgen.canvas import Canvas

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
WIDTHS = [60, 130, 70, 70, 70, 70]
ROWS_PER_PAGE = 30


def font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont

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
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

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


def peak_mib() -> float:
    """Peak resident memory of this process (VmHWM: unlike ru_maxrss it starts afresh at exec)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(mode: str, path: str) -> dict[str, float]:
    """One run in this process: times, lines and peak memory (called in a child process)."""
    from yusuan.pipeline import read_document
    from yusuan.readers import pdf as pdf_reader
    from yusuan.readers import read_source
    from yusuan.rules import run_rules

    pdf_reader.MAX_PDF_PAGES = 10**6  # the bound refuses more than 1,000 pages: measured past it

    base = peak_mib()
    wall, cpu = time.perf_counter(), time.process_time()
    if mode == "floor":
        import pypdfium2

        pdf = pypdfium2.PdfDocument(path)
        for page in pdf:
            page.get_textpage().get_text_range()
        lines = 0
        pdf.close()
    elif mode == "read":
        lines = len(read_source(path).lines)
    else:
        document = read_document(path)
        run_rules(document)
        lines = len(document.source.lines)
    return {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
            "lines": lines, "peak": peak_mib(), "base": base}


def run_child(mode: str, path: Path) -> dict[str, float]:
    output = subprocess.run([sys.executable, __file__, "--measure", mode, str(path)],
                            check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Pages/s and peak memory of the PDF reader.")
    parser.add_argument("pages", nargs="?", type=int, default=2000)
    parser.add_argument("--measure", nargs=2, metavar=("MODE", "FILE"),
                        help="one run (floor, read or extract+check) on FILE; prints JSON")
    parser.add_argument("--write", metavar="FILE", type=Path,
                        help="write the generated PDF of PAGES pages to FILE and stop")
    return parser.parse_args()


def main() -> None:
    args = arguments()
    if args.measure:
        print(json.dumps(measure(*args.measure)))
        return
    pages = args.pages
    if args.write:
        write_pdf(args.write, pages)
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.pdf"
        write_pdf(path, pages)
        print(f"pages: {pages}  file: {path.stat().st_size / 1024:.0f} KiB")
        floor = 0.0
        for mode in ("floor", "read", "extract+check"):
            result = run_child(mode, path)
            floor = floor or result["cpu"]
            print(f"{mode:>13}: {result['wall']:6.2f} s = {pages / result['wall']:5.1f} pages/s "
                  f"(CPU {pages / result['cpu']:5.1f} pages/s, {result['cpu'] / floor:4.1f}x the "
                  f"floor), {result['lines']:.0f} lines, "
                  f"peak memory {result['peak']:.0f} MiB ({result['peak'] - result['base']:.0f} "
                  "MiB above imports)")


if __name__ == "__main__":
    main()
