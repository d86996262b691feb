"""The README's first command: `hlink serve` on an empty SQLite serves GraphiQL and both faces."""

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from flink.local import free_port

ROOT = Path(__file__).resolve().parent.parent


def test_serve_on_embedded_defaults(tmp_path, flink):
    """The serve command brings up the local Flink (here: finds the session's running) and registers it."""
    port = free_port()
    env = {
        **os.environ,
        "HLINK_DATA_DIR": str(tmp_path / "data"),
        "HLINK_PORT": str(port),
        "HLINK_FLINK_DIR": str(flink.root),
        "HLINK_LOCAL_FLINK_PORT": str(flink.rest_port),
    }
    env.pop("HLINK_DATABASE_URL", None)
    server = subprocess.Popen(
        [sys.executable, "cli.py", "serve", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        page = httpx.get(f"{base}/graphql", headers={"Accept": "text/html"})
        assert page.status_code == 200 and "graphiql" in page.text.lower()
        added = httpx.post(
            f"{base}/cluster/add", params={"name": "local", "address": "http://127.0.0.1:8081", "type": 1}
        )
        assert added.json()["success"] is True, added.text
        query = "{ clusters { totalCount items { name address } } }"
        answer = httpx.post(f"{base}/graphql", json={"query": query}).json()
        assert answer["data"]["clusters"]["totalCount"] == 2
        assert {(c["name"], c["address"]) for c in answer["data"]["clusters"]["items"]} == {
            ("local", flink.url),
            ("local", "http://127.0.0.1:8081"),
        }
        assert (tmp_path / "data" / "hlink.sqlite3").is_file()
    finally:
        server.terminate()  # only the process this test started, by its handle
        output = server.communicate(timeout=30)[0]
    assert "Traceback" not in output, output
