"""Real `hlink serve` replicas for the tests (and the chaos benchmark): started on a free port and stopped by the
process handle they return; a SELECT job made through one of them."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import websockets

from hlink.flink.local import free_port
from tests.helpers import ADMIN_TOKEN, AUTH, SECRET_KEY, envelope_ok

ROOT = Path(__file__).resolve().parent.parent


def log_of(data: Path) -> Path:
    """Where :func:`serve_replica` keeps what the replica with the data folder ``data`` prints."""
    return data.parent / f"{data.name}.log"


async def serve_replica(
    url: str,
    data: Path,
    extra_env: dict[str, str] | None = None,
    launcher: list[str] | None = None,
    log_level: str = "warning",
) -> tuple[asyncio.subprocess.Process, str]:
    """Start one `hlink serve` on a free port, on the database ``url``, with its data folder ``data`` (its
    storage shared with every replica beside it); answers the process and its base URL once /health answers.
    ``launcher`` replaces ``cli.py`` (a script that wraps it)."""
    port = free_port()
    env = {
        **os.environ,
        "HLINK_DATABASE_URL": url,
        "HLINK_DATA_DIR": str(data),
        "HLINK_STORAGE_DIR": str(data.parent / "shared-storage"),
        "HLINK_PORT": str(port),
        "HLINK_LOCAL_FLINK": "0",
        "HLINK_RECONCILE_SECONDS": "1",
        "HLINK_ADMIN_TOKEN": ADMIN_TOKEN,
        "HLINK_SECRET_KEY": SECRET_KEY,
        **(extra_env or {}),
    }
    env.pop("HLINK_RUNNER_JAR", None)
    # what it prints is kept beside its folder (the test's temporary folder): read by tests, and when one fails
    output = os.open(log_of(data), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        process = await asyncio.create_subprocess_exec(
            sys.executable, *(launcher or ["cli.py"]), "serve", "--log-level", log_level, cwd=ROOT, env=env,
            stdout=output, stderr=output,
        )  # fmt: skip
    finally:
        os.close(output)  # the replica holds its own copy
    base = f"http://127.0.0.1:{port}"
    async with httpx.AsyncClient() as http:
        for _ in range(300):
            with contextlib.suppress(httpx.TransportError):
                if (await http.get(f"{base}/health", timeout=1)).status_code == 200:
                    return process, base
            await asyncio.sleep(0.1)
    process.kill()
    raise AssertionError("hlink serve did not come up")


async def select_job(
    http: httpx.AsyncClient, base: str, address: str, suffix: str, name: str, rows: int | None = None
) -> Any:
    """Through replica ``base``: a cluster at ``address``, a datagen source (unbounded, else ``rows`` rows), a
    blackhole sink, a SELECT job."""
    cluster = envelope_ok(await http.post(f"{base}/cluster/add", params={"name": name, "address": address, "type": 1}))
    columns = [{"name": "id", "flinkType": "BIGINT", "virtualId": "1", "virtualPid": "0", "level": 1}]
    ids = []
    for table, kind, connector in ((f"src{suffix}", "source", "datagen"), (f"dst{suffix}", "sink", "blackhole")):
        body: dict[str, Any] = {
            "dsName": table,
            "dsType": kind,
            "tableName": table,
            "tableType": connector,
            "dsSchemaColumnVOS": columns,
        }
        if kind == "source" and rows is not None:
            body["jsonFieldVO"] = {"jsonValue": [{"fieldName": "number-of-rows", "fieldValue": str(rows)}]}
        ids.append(envelope_ok(await http.post(f"{base}/ds/addDO", json=body)))
    mapping = [
        {"dsId": ids[0], "dsType": "source"},
        {"dsId": ids[1], "dsType": "sink", "runSql": f"SELECT id FROM src{suffix}"},
    ]
    body = {"jobName": name, "clusterId": cluster["id"], "jobDsVOS": mapping}
    return envelope_ok(await http.post(f"{base}/jobs/addDO", json=body))


async def stop_replica(process: asyncio.subprocess.Process) -> None:
    """Stop a replica this test started, by its handle: SIGTERM, SIGKILL after 30 s."""
    if process.returncode is None:
        with contextlib.suppress(ProcessLookupError):  # it may have exited just now
            process.terminate()
        try:
            await asyncio.wait_for(process.wait(), 30)
        except TimeoutError:
            process.kill()
            await process.wait()


@contextlib.asynccontextmanager
async def job_status_subscription(base: str, job_id: object) -> AsyncIterator[Any]:
    """A signed-in graphql-transport-ws connection to replica ``base``, subscribed to one job's status."""
    query = "subscription($id: ID!) { jobStatus(id: $id) { jobId jobStatus flinkState } }"
    async with websockets.connect(
        base.replace("http://", "ws://") + "/graphql",
        subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
    ) as ws:
        await ws.send(json.dumps({"type": "connection_init", "payload": AUTH}))
        assert json.loads(await ws.recv())["type"] == "connection_ack"
        payload = {"query": query, "variables": {"id": str(job_id)}}
        await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": payload}))
        # the first event is the job's current state: the subscription is registered on the replica
        first = json.loads(await asyncio.wait_for(ws.recv(), 10))
        assert first["type"] == "next" and first["payload"]["data"]["jobStatus"]["jobId"] == str(job_id), first
        yield ws
