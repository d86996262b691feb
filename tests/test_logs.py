"""Logs (issue 13, 5) of a real `hlink serve`: timestamped JSON lines (HLINK_LOG_FORMAT=json), each with its
request id and acting user; every lifecycle transition one line with the job and Flink job; an expected client
error one line, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx

from tests.helpers import AUTH, add_cluster, envelope_fail, envelope_ok
from tests.replicas import log_of, serve_replica, stop_replica


async def test_log_lines_are_json_with_request_ids_users_and_transitions(tmp_path: Path) -> None:
    log_file = log_of(tmp_path / "data")
    env = {"HLINK_LOG_FORMAT": "json"}
    url = f"sqlite://{tmp_path / 'logs.sqlite3'}"
    process, base = await serve_replica(url, tmp_path / "data", env, log_level="info")
    try:
        async with httpx.AsyncClient(base_url=base, headers=AUTH, timeout=30) as http:
            missing = await http.get("/jobs/999", headers={"X-Request-Id": "req-abc"})
            envelope_fail(missing, 404)
            assert missing.headers["x-request-id"] == "req-abc"
            assert len((await http.get("/health")).headers["x-request-id"]) == 16, "made when none is given"
            cluster = await add_cluster(http, "down", "http://127.0.0.1:9")
            job = envelope_ok(await http.post("/jobs/addDO", json={"jobName": "l", "jobType": 1, "clusterId": cluster}))
            await http.post(f"/jobs/run/{job['id']}", headers={"X-Request-Id": "req-run"})
    finally:
        await stop_replica(process)
    lines: list[dict[str, Any]] = []
    for raw in log_file.read_text().splitlines():
        if raw.startswith("{"):
            lines.append(json.loads(raw))
    assert lines and all(line["time"].endswith("+00:00") and line["level"] for line in lines)
    mine = [line for line in lines if line["request_id"] == "req-abc"]
    assert any("404 job 999 does not exist" in line["message"] for line in mine), mine
    assert not any("error" in line for line in mine), "an expected error is one line, no traceback"
    run = [line for line in lines if line["request_id"] == "req-run"]
    claim = f"job {job['id']}: claim, 0 - -> 9 SUBMITTING"
    assert any(line["message"].startswith(claim) and line["user"] == "admin" for line in run), run
    assert any(line["message"].startswith(f"job {job['id']}: refused") for line in run), run
    assert any(line["message"].startswith("job.run job " + str(job["id"])) for line in run), run
    assert "Traceback" not in log_file.read_text()
