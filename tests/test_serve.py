"""The README's first command: `hlink serve` on an empty SQLite serves GraphiQL and both faces."""

import os
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from hlink.flink.local import free_port
from tests.helpers import envelope_ok as ok

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def serving(data: Path, **settings: str) -> Iterator[str]:
    """`hlink serve` in a process of its own on a free port, until the block ends; yields its address."""
    port = free_port()
    env = {**os.environ, "HLINK_DATA_DIR": str(data), "HLINK_PORT": str(port), **settings}
    for inherited in ("HLINK_DATABASE_URL", "HLINK_RUNNER_JAR"):
        env.pop(inherited, None)
    server = subprocess.Popen(
        [sys.executable, "-m", "hlink.cli", "serve", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()  # only the process this test started, by its handle
        output = server.communicate(timeout=30)[0]
    assert "Traceback" not in output, output


def test_serve_on_embedded_defaults(tmp_path, flink):
    """The serve command brings up the local Flink (here: finds the session's running) and registers it."""
    settings = {
        "HLINK_FLINK_DIR": str(flink.root),
        "HLINK_LOCAL_FLINK_PORT": str(flink.rest_port),
        "HLINK_LOCAL_FLINK_VERSION": flink.version,
    }
    with serving(tmp_path / "data", **settings) as base:
        page = httpx.get(f"{base}/graphql", headers={"Accept": "text/html"})
        assert page.status_code == 200 and "graphiql" in page.text.lower(), "the GraphiQL page needs no token"
        anonymous = httpx.post(f"{base}/cluster/add", params={"name": "x", "address": "http://127.0.0.1:1", "type": 1})
        assert anonymous.status_code == 401 and anonymous.json()["success"] is False
        http = httpx.Client(headers=admin_auth(tmp_path / "data"))
        added = http.post(f"{base}/cluster/add", params={"name": "mine", "address": "http://127.0.0.1:8081", "type": 1})
        assert added.json()["success"] is True, added.text
        query = "{ clusters { totalCount items { name address } } }"
        answer = http.post(f"{base}/graphql", json={"query": query}).json()
        assert answer["data"]["clusters"]["totalCount"] == 2
        assert {(c["name"], c["address"]) for c in answer["data"]["clusters"]["items"]} == {
            ("local", flink.url),
            ("mine", "http://127.0.0.1:8081"),
        }
        assert (tmp_path / "data" / "hlink.sqlite3").is_file()


def admin_auth(data: Path) -> dict[str, str]:
    """The first start made the admin: its token is in a file only its owner reads."""
    token_file = data / "admin.token"
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    token = token_file.read_text().strip()
    assert token.startswith("hlk_")
    return {"Authorization": f"Bearer {token}"}


def wait_running(flink_url: str, jid: str) -> None:
    for _ in range(200):
        if httpx.get(f"{flink_url}/jobs/{jid}").json().get("state") == "RUNNING":
            return
        time.sleep(0.2)
    raise AssertionError(f"Flink job {jid} did not reach RUNNING")


def test_serve_without_a_local_flink_runs_a_select_job_on_a_cluster_started_separately(tmp_path, flink):
    """The issue's 'done when': no local Flink, a separately started cluster registered, the original's form."""
    data = tmp_path / "data"
    with serving(data, HLINK_LOCAL_FLINK="0", HLINK_FLINK_DIR=str(tmp_path / "no-flink")) as base:
        http = httpx.Client(headers=admin_auth(data))
        assert (data / "runner" / "hlink-sql-runner.jar").is_file(), "command 1 builds the runner"
        assert not (tmp_path / "no-flink").exists(), "and installs no Flink"
        cluster = ok(http.post(f"{base}/cluster/add", params={"name": "ours", "address": flink.url, "type": 1}))
        columns = [
            {"name": "user_id", "flinkType": "BIGINT", "virtualId": "1", "virtualPid": "0", "level": 1},
            {"name": "page", "flinkType": "STRING", "virtualId": "2", "virtualPid": "0", "level": 1},
        ]
        common = {"dsSchemaColumnVOS": columns}
        values = {"jsonValue": [{"fieldName": "rows-per-second", "fieldValue": "5"}]}
        source = ok(
            http.post(
                f"{base}/ds/addDO",
                json={
                    "dsName": "clicks",
                    "dsType": "source",
                    "tableName": "clicks",
                    "tableType": "datagen",
                    "jsonFieldVO": values,
                    **common,
                },
            )
        )
        sink = ok(
            http.post(
                f"{base}/ds/addDO",
                json={"dsName": "shown", "dsType": "sink", "tableName": "shown", "tableType": "blackhole", **common},
            )
        )
        job = ok(
            http.post(
                f"{base}/jobs/addDO",
                json={
                    "jobName": "clicks shown",
                    "jobType": 0,
                    "clusterId": cluster["id"],
                    "parallelism": 1,
                    "jobDsVOS": [
                        {"dsId": source, "dsType": "source"},
                        {"dsId": sink, "dsType": "sink", "runSql": "SELECT user_id, UPPER(page) FROM clicks"},
                    ],
                },
                timeout=60,
            )
        )
        assert job["validationStatus"] == 1, job["validationError"]
        before = {j["jid"] for j in httpx.get(f"{flink.url}/jobs/overview").json()["jobs"]}
        run = ok(http.post(f"{base}/jobs/run/{job['id']}", timeout=60))
        wait_running(flink.url, run["flinkJobId"])
        savepoint = ok(http.get(f"{base}/jobs/savepoint/{job['id']}", timeout=60))
        assert savepoint["savepointPath"]
        stopped = ok(http.post(f"{base}/jobs/cancel/{job['id']}", timeout=60))
        assert stopped["savepoint"]["kind"] == "stop"
        restarted = ok(http.post(f"{base}/jobs/restart/{job['id']}", timeout=60))
        assert restarted["restoredFrom"] == stopped["savepoint"]["savepointPath"]
        wait_running(flink.url, restarted["flinkJobId"])
        new = [j for j in httpx.get(f"{flink.url}/jobs/overview").json()["jobs"] if j["jid"] not in before]
        assert {j["jid"] for j in new} == {run["flinkJobId"], restarted["flinkJobId"]}, new
        running = [j["jid"] for j in new if j["state"] == "RUNNING"]
        assert running == [restarted["flinkJobId"]], "exactly one Flink job is left running"
        ok(http.post(f"{base}/jobs/cancel/{job['id']}", timeout=60))


def test_sigterm_ends_serve_within_seconds_while_a_request_hangs(tmp_path):
    """A request whose body never comes (a client that stalls mid-upload) keeps uvicorn's graceful shutdown waiting
    for it; hlink gives it a few seconds (SHUTDOWN_GRACE), then the process ends."""
    import signal
    import socket

    port = free_port()
    env = {**os.environ, "HLINK_DATA_DIR": str(tmp_path), "HLINK_PORT": str(port), "HLINK_LOCAL_FLINK": "0"}
    for inherited in ("HLINK_DATABASE_URL", "HLINK_RUNNER_JAR"):
        env.pop(inherited, None)
    server = subprocess.Popen(
        [sys.executable, "-m", "hlink.cli", "serve", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        for _ in range(300):
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        token = (tmp_path / "admin.token").read_text().strip()
        stalled = socket.create_connection(("127.0.0.1", port))
        head = (
            f"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
            'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query": '
        )
        stalled.sendall(head.encode())
        time.sleep(0.5)  # the request is in the app, waiting for the rest of its body
        started = time.monotonic()
        server.send_signal(signal.SIGTERM)  # only the process this test started, by its handle
        server.wait(timeout=20)
        assert time.monotonic() - started < 8
        stalled.close()
    finally:
        if server.poll() is None:
            server.kill()
        server.communicate(timeout=30)
