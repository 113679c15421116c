"""The JSON API and pages against a real server: a seed, a burst of 20, an oversize upload,
a file of the wrong type and a file that is no disclosure."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

from web_server import MAX_UPLOAD_MB, SEED, Server, get, get_json, upload, wait_for_job


def test_seed_is_checked(server: Server) -> None:
    status, _headers, body = upload(f"{server.url}/api/check?wait=60", [(SEED.name, SEED.read_bytes())])
    assert status == 200, body
    job = json.loads(body)["jobs"][0]
    assert job["state"] == "done" and job["name"] == SEED.name
    assert job["document"]["department"] == "武汉市武昌区医疗保障局"
    status, check = get_json(server.url + job["links"]["json"])
    assert status == 200 and check["schema"] == "yusuan.check/1"
    assert check["summary"] == job["summary"]
    assert check["source"]["path"] == SEED.name
    for fmt, marker in (("sarif", b'"version": "2.1.0"'), ("csv", b"severity,category,rule"),
                        ("html", b'<li class="finding')):
        status, _headers, body = get(server.url + job["links"][fmt])
        assert status == 200 and marker in body, fmt


def test_burst_of_twenty(server: Server) -> None:
    data = SEED.read_bytes()

    def one(i: int) -> dict:
        status, _headers, body = upload(f"{server.url}/api/check", [(f"seed-{i}.txt", data)])
        assert status in (200, 202), body
        return json.loads(body)["jobs"][0]

    with ThreadPoolExecutor(20) as pool:
        jobs = list(pool.map(one, range(20)))
    assert len({job["id"] for job in jobs}) == 20
    status, _headers, page = get(f"{server.url}/jobs?ids=" + ",".join(job["id"] for job in jobs))
    assert status == 200 and page.count(b'class="job"') == 20
    status, _headers, page = get(f"{server.url}/jobs/{jobs[-1]['id']}")
    assert status == 200 and (b"<progress" in page or b'<li class="finding' in page)
    finished = [wait_for_job(server.url, job["id"], seconds=120) for job in jobs]
    assert {job["state"] for job in finished} == {"done"}
    assert len({json.dumps(job["summary"], sort_keys=True) for job in finished}) == 1


def test_many_files_in_one_request(server: Server) -> None:
    data = SEED.read_bytes()
    status, _headers, body = upload(f"{server.url}/api/check?wait=60", [("a.txt", data), ("b.txt", data)])
    assert status == 200
    assert [job["name"] for job in json.loads(body)["jobs"]] == ["a.txt", "b.txt"]


def test_oversize_upload_is_refused(server: Server) -> None:
    big = b"x" * int((MAX_UPLOAD_MB + 0.5) * 1024 * 1024)
    status, _headers, body = upload(f"{server.url}/api/check", [("big.txt", big)])
    assert status == 413
    assert "larger than the limit" in json.loads(body)["error"]
    status, headers, body = upload(f"{server.url}/upload", [("big.txt", big)])
    assert status == 413 and headers["content-type"].startswith("text/html")
    assert "big.txt is larger than the limit" in body.decode()


def test_wrong_type_is_refused(server: Server) -> None:
    status, _headers, body = upload(f"{server.url}/api/check", [("tool.exe", b"MZ\x90\x00")])
    assert status == 415
    assert "not accepted" in json.loads(body)["error"]


def test_non_disclosure_fails_readably(server: Server) -> None:
    text = "今天天气很好，我们去公园散步。\n没有表格，也没有数字。\n".encode()
    status, _headers, body = upload(f"{server.url}/api/check?wait=30", [("note.txt", text)])
    job = json.loads(body)["jobs"][0]
    assert job["state"] == "failed"
    assert "note.txt 不像是一份预算或决算公开文件" in job["error"]
    status, _headers, page = get(f"{server.url}/jobs/{job['id']}")
    assert status == 422 and "note.txt 不像是一份预算或决算公开文件" in page.decode()
    status, error = get_json(server.url + job["links"]["json"])
    assert status == 422 and "不像是" in error["error"]


def test_damaged_pdf_fails_readably(server: Server) -> None:
    _status, _headers, body = upload(f"{server.url}/api/check?wait=30", [("broken.pdf", b"%PDF-1.4\nnot really")])
    job = json.loads(body)["jobs"][0]
    assert job["state"] == "failed" and job["error"]
    assert "input.pdf" not in job["error"]


def test_user_file_name_is_never_a_path(server: Server) -> None:
    status, _headers, body = upload(f"{server.url}/api/check?wait=60",
                                    [("../../escape 名字.txt", SEED.read_bytes())])
    job = json.loads(body)["jobs"][0]
    assert job["name"] == "escape 名字.txt"
    stored = {path.name for path in server.data_dir.rglob("*")}
    assert not any("escape" in name for name in stored)
    assert not (server.data_dir.parent / "escape 名字.txt").exists()
    status, headers, _body = get(f"{server.url}/jobs/{job['id']}/download/csv")
    assert status == 200 and "attachment" in headers["content-disposition"]


def test_unknown_jobs_and_openapi(server: Server) -> None:
    assert get_json(f"{server.url}/api/jobs/{'0' * 32}")[0] == 404
    assert get_json(f"{server.url}/api/jobs/..%2F..%2Fetc")[0] == 404
    status, _headers, page = get(f"{server.url}/jobs/nope")
    assert status == 404 and b"<html" in page
    status, schema = get_json(f"{server.url}/openapi.json")
    assert status == 200
    assert {"/api/check", "/api/jobs/{job_id}", "/api/jobs/{job_id}/result"} <= set(schema["paths"])


def test_upload_page_redirects_to_the_report(server: Server) -> None:
    status, _headers, page = get(server.url + "/")
    assert status == 200 and b'type="file"' in page
    status, headers, _body = upload(f"{server.url}/upload", [(SEED.name, SEED.read_bytes())])
    assert status == 303 and headers["location"].startswith("/jobs/")
    job_id = headers["location"].split("/")[2]
    wait_for_job(server.url, job_id)
    status, _headers, page = get(f"{server.url}/jobs/{job_id}")
    assert status == 200
    html = page.decode()
    assert '<li class="finding' in html and f"/jobs/{job_id}/download/sarif" in html
    status, _headers, english = get(f"{server.url}/jobs/{job_id}?lang=en")
    assert b"Findings" in english
    status, headers, _body = upload(f"{server.url}/upload", [("a.txt", SEED.read_bytes()),
                                                            ("b.txt", SEED.read_bytes())])
    assert status == 303 and headers["location"].startswith("/jobs?ids=")
    status, _headers, page = get(server.url + headers["location"])
    assert status == 200 and page.count(b'class="job"') == 2
