"""What keeping a corpus adds to checking it: `yusuan db add` split into reading and checking
(the pipeline) and writing the records (DuckDB, and PostgreSQL when a URL is given), by CPU
time, with the rows written per document and the DuckDB file's size (prints figures; not a
test).

    python benchmarks/bench_store.py [FOLDER_OR_FILES...] [--postgres URL]
                                     (default ../shared/corpus)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from yusuan.errors import InputError
from yusuan.pipeline import read_document
from yusuan.rules import run_rules
from yusuan.store.add import write_records
from yusuan.store.connect import open_database
from yusuan.store.files import disclosure_files
from yusuan.store.records import document_records

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def main(argv: list[str]) -> None:
    postgres = None
    if "--postgres" in argv:
        at = argv.index("--postgres")
        postgres, argv = argv[at + 1], argv[:at] + argv[at + 2:]
    files = disclosure_files(argv or [str(CORPUS)])
    folder = Path(tempfile.mkdtemp(prefix="yusuan-bench-store-"))
    targets = {"duckdb": str(folder / "corpus.duckdb")}
    if postgres:
        targets["postgres"] = postgres
    databases = {name: open_database(target) for name, target in targets.items()}
    check_cpu, write_cpu = 0.0, dict.fromkeys(databases, 0.0)
    rows = documents = 0
    for path in files:
        start = time.process_time()
        try:
            document = read_document(str(path))
        except InputError:
            continue
        findings = run_rules(document)
        records = document_records(document, findings, str(path), "bench", "now")
        check_cpu += time.process_time() - start
        documents += 1
        rows += sum(len(v) for v in records.values())
        for name, database in databases.items():
            start = time.process_time()
            write_records(database, document.source.sha256, records, replace=False)
            write_cpu[name] += time.process_time() - start
    for database in databases.values():
        database.close()
    size = (folder / "corpus.duckdb").stat().st_size
    print(f"{documents} documents ({len(files)} files), {rows} rows, "
          f"{rows / max(documents, 1):.0f} rows per document")
    print(f"read and check: {check_cpu:.1f} s CPU, {check_cpu / max(documents, 1):.2f} s per document")
    for name, cpu in write_cpu.items():
        print(f"write to {name}: {cpu:.2f} s CPU, {cpu / max(documents, 1) * 1000:.0f} ms per "
              f"document ({cpu / max(check_cpu, 1e-9) * 100:.1f}% of reading and checking)")
    print(f"DuckDB file: {size / 1e6:.1f} MB, {size / max(documents, 1) / 1e3:.0f} kB per document")


if __name__ == "__main__":
    main(sys.argv[1:])
