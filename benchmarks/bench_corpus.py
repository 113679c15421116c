"""Documents/s, pages/s and peak memory of `yusuan check` over the real corpus (prints figures;
not a test).

    python benchmarks/bench_corpus.py [CORPUS]     (default ../shared/corpus)

Every file is read, recognised and checked in one fresh process (what `yusuan check` does, without
the report), so the peak resident memory is the corpus run's own. Files that are refused count as
documents (the time to refuse them is real). Prints the totals by wall clock and CPU time, and the
five slowest files; the floor beside the PDFs with a text layer is pypdfium2's own text extraction
of the same PDFs, in the same process, by CPU time, so the ratio shows what yusuan adds to reading
the text layer (scanned PDFs, read by OCR, are left out of it).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SUFFIXES = {".pdf", ".html", ".htm", ".xls", ".xlsx", ".docx", ".txt"}

WORKER = r"""
import json, resource, sys, time
from pathlib import Path
import pypdfium2
from yusuan.errors import InputError
from yusuan.pipeline import read_document
from yusuan.rules import run_rules

files = [Path(p) for p in json.loads(sys.argv[1])]
rows = []
for path in files:
    pages, floor, scan = 0, 0.0, False
    if path.suffix == ".pdf":
        start = time.process_time()
        pdf = pypdfium2.PdfDocument(str(path))
        chars = sum(len(page.get_textpage().get_text_range()) for page in pdf)
        pages = len(pdf)
        pdf.close()
        floor = time.process_time() - start
        scan = chars < 20 * pages  # read by OCR
    start, cpu = time.perf_counter(), time.process_time()
    try:
        run_rules(read_document(str(path)))
        status = "checked"
    except InputError:
        status = "refused"
    rows.append((str(path), time.perf_counter() - start, time.process_time() - cpu, status,
                 pages, floor, scan))
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"rows": rows, "peak_mib": peak}))
"""


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS
    files = sorted(str(p) for p in corpus.rglob("*") if p.suffix.lower() in SUFFIXES)
    out = subprocess.run([sys.executable, "-c", WORKER, json.dumps(files)], capture_output=True,
                         text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    rows = result["rows"]
    wall = sum(r[1] for r in rows)
    cpu = sum(r[2] for r in rows)
    text_pdfs = [r for r in rows if r[4] and not r[6]]
    pages = sum(r[4] for r in text_pdfs)
    pdf_cpu = sum(r[2] for r in text_pdfs)
    floor = sum(r[5] for r in text_pdfs)
    print(f"corpus: {len(rows)} files ({sum(r[3] == 'refused' for r in rows)} refused), "
          f"{sum(r[4] for r in rows)} PDF pages ({sum(r[6] for r in rows)} scanned PDFs, by OCR)")
    print(f"documents/s: {len(rows) / wall:.2f} wall, {len(rows) / cpu:.2f} CPU")
    print(f"PDF pages/s with a text layer, CPU time: {pages / pdf_cpu:.1f} (pypdfium2 text layer "
          f"alone: {pages / floor:.1f}; ratio {pdf_cpu / floor:.1f}x)")
    print(f"peak memory: {result['peak_mib']:.0f} MiB (one process, whole corpus)")
    print("slowest:")
    for path, seconds, _, status, *_ in sorted(rows, key=lambda r: -r[1])[:5]:
        print(f"  {seconds:6.2f} s  {status:8s} {Path(path).relative_to(corpus)}")


if __name__ == "__main__":
    main()
