"""100 concurrent uploads to a freshly started server: every report is the CLI's report
(`yusuan check --format json`) of the same file, byte for byte but the shown file name."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from docbuilder import culture_bureau, labour_bureau, render, urban_bureau
from web_server import SEED, Server, get_json, start_server, stop_server, upload, wait_for_job

UPLOADS = 100


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The five seeds and three generated disclosures, one of them with a misprinted figure."""
    if not SEED.exists():
        pytest.skip("the seed documents (../shared/seeds) are not beside this checkout")
    folder = tmp_path_factory.mktemp("documents")
    generated = {
        "culture.txt": render(culture_bureau()),
        "labour-pipe.txt": render(labour_bureau(), layout="pipe"),
        "urban-misprint.txt": render(urban_bureau(), layout="aligned").replace("合计", "总计", 1),
        "culture-misprint.txt": render(culture_bureau()).replace("公用经费57.09万元", "公用经费59.09万元", 1),
    }
    for name, text in generated.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [*sorted(SEED.parent.glob("*.txt")), *(folder / name for name in generated)]


def cli_report(path: Path) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-m", "yusuan.cli", "check", str(path), "--format", "json"],
                          capture_output=True, timeout=120, check=False)
    assert done.returncode in (0, 1), done.stderr.decode(errors="replace")
    report = json.loads(done.stdout)
    report["source"]["path"] = path.name
    return report  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    root = tmp_path_factory.mktemp("fresh")
    server = start_server(root / "data", root / "server.log", args=("--max-upload-mb", "4"))
    yield server
    stop_server(server)


def test_100_concurrent_uploads_match_the_cli(fresh: Server, documents: list[Path]) -> None:
    def check(i: int) -> tuple[Path, dict[str, Any]]:
        path = documents[i % len(documents)]
        status, _headers, body = upload(f"{fresh.url}/api/check?wait=30", [(path.name, path.read_bytes())])
        assert status in (200, 202), body
        job = json.loads(body)["jobs"][0]
        if status == 202:  # a busy machine: wait on (the server holds an upload 30 s, under the client's 60 s)
            job = {**job, **wait_for_job(fresh.url, job["id"], seconds=300)}
        assert job["state"] == "done", job
        status, report = get_json(fresh.url + job["links"]["json"])
        assert status == 200
        return path, report

    with ThreadPoolExecutor(UPLOADS) as pool:
        served = list(pool.map(check, range(UPLOADS)))
        expected = dict(zip(documents, pool.map(cli_report, documents), strict=True))
    assert sum(1 for report in expected.values() if report["findings"]) >= 5
    for path, report in served:
        assert report == expected[path], path.name
