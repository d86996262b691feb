"""Builders of the document's request bodies, filled in."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx

from hlink.config import Settings, load_settings
from hlink.models import Token
from hlink.services.jobs.states import now

#: the first admin's token in every test database and replica (HLINK_ADMIN_TOKEN for `hlink serve`)
ADMIN_TOKEN = "hlk_tests-admin-0123456789abcdefghij"
AUTH = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
#: the key every test app and replica seals secrets with (HLINK_SECRET_KEY); replicas must share one
SECRET_KEY = "0Xk3vS8i3mNq5G3mZr2yq0w9cQm4l6vT1b7u5e8Hd2c="


def envelope_ok(response: httpx.Response) -> Any:
    """Assert a successful envelope and return its data."""
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["success"] is True and body["code"] == 200, body
    return body["data"]


#: the answers whose HTTP status is their code: a bad token, and the doors' own (a foreign page's form post,
#: a body cut off at its limit, the time limit, a path or method that does not exist)
HTTP_KEPT = frozenset({401, 405, 500})


def envelope_fail(response: httpx.Response, status: int, http: int | None = None) -> dict[str, Any]:
    """Assert a failed envelope with the code ``status`` and return the body. A REST path's refusal is HTTP 200
    (as the original answered it), a bad token 401; ``http`` names another HTTP status (a door's answer)."""
    expected = http if http is not None else (status if status in HTTP_KEPT else 200)
    assert response.status_code == expected, (expected, response.text)
    body: dict[str, Any] = response.json()
    assert body["success"] is False and body["code"] == status and body["msg"], body
    return body


def code_of(response: httpx.Response) -> int:
    """The envelope's code (a refusal is HTTP 200 with its code there)."""
    code: int = response.json()["code"]
    return code


async def job_log(client: httpx.AsyncClient, job_id: int) -> dict[str, Any]:
    """A job's runs and Flink's exceptions (services.jobs.monitoring.job_log: what /jobs/{jobId}/log writes as
    text), after asserting that /jobs/{jobId}/log answers text naming every run."""
    from hlink.services.jobs import monitoring

    text = envelope_ok(await client.get(f"/jobs/{job_id}/log"))
    found = await monitoring.job_log(client.app_state.runtime, job_id)  # type: ignore[attr-defined]
    assert isinstance(text, str) and all(f"run {r['runId']} " in text for r in found["runs"]), text[:500]
    return found


async def add_cluster(client: httpx.AsyncClient, name: str = "", address: str = "http://127.0.0.1:8081") -> int:
    """A cluster; without a name the first is "local" and the next "local 2", "local 3" ... (names are unique)."""
    if not name:
        taken = {c["name"] for c in envelope_ok(await client.get("/cluster/check/list"))}
        name = next(n for n in ("local", *(f"local {i}" for i in range(2, 1000))) if n not in taken)
    data = envelope_ok(await client.post("/cluster/add", params={"address": address, "name": name, "type": "1"}))
    return int(data["id"])


def prop(name: str, value: str, label: str = "", required: bool = False) -> dict[str, Any]:
    """One filled form field as the document's jsonValue entries look."""
    return {"fieldName": name, "fieldValue": value, "label": label or name, "required": required, "type": "inputfield"}


def form_values(ds_type: str, table_type: str) -> list[dict[str, Any]]:
    """A valid filled connector form for the connectors the tests use."""
    if (ds_type, table_type) == ("side", "mysql"):
        return [
            prop("url", "jdbc:mysql://db:3306/f", "URL", True),
            prop("table", "users", "Table", True),
            prop("user", "feature", "User", True),
            prop("password", "s3cret", "Password", True),
        ]
    if (ds_type, table_type) == ("source", "kafka"):
        return [prop("bootstrap_servers", "k:9092"), prop("connector_topic", "t"), prop("group_id", "g")]
    if table_type == "datagen":
        return [prop("rows-per-second", "5", "Rows per second")]
    return []


def ds_body(table: str, ds_type: str = "source", table_type: str = "datagen", **extra: Any) -> dict[str, Any]:
    """The document's /ds/addDO example, filled in: a nested column tree and connector properties."""
    body: dict[str, Any] = {
        "curPage": 0,
        "dsName": f"{table} stream",
        "dsSchemaColumnVOS": [
            {
                "name": "id",
                "flinkType": "BIGINT",
                "basicType": "long",
                "virtualId": f"{table}1",
                "virtualPid": "0",
                "level": 1,
                "joinKey": 1 if ds_type == "side" else 0,
                "eventTime": 0,
                "comment": "key",
            },
            {
                "name": "user",
                "flinkType": "ROW<name STRING, tags ARRAY<STRING>>",
                "virtualId": f"{table}2",
                "virtualPid": "0",
                "level": 1,
            },
            {"name": "name", "flinkType": "STRING", "virtualId": f"{table}3", "virtualPid": f"{table}2", "level": 2},
            {
                "name": "tags",
                "flinkType": "ARRAY<STRING>",
                "virtualId": f"{table}4",
                "virtualPid": f"{table}2",
                "level": 2,
            },
        ],
        "dsType": ds_type,
        "dsVersion": 0,
        "id": 0,
        "pageSize": 0,
        "parms": {},
        "schemaFile": "",
        "schemaType": 0,
        "structureType": 1,
        "tableName": table,
        "tableType": table_type,
        "jsonFieldVO": {"jsonValue": form_values(ds_type, table_type)},
    }
    body.update(extra)
    return body


async def created_ds(client: httpx.AsyncClient, body: dict[str, Any], **request: Any) -> dict[str, Any]:
    """POST /ds/addDO (which answers the new id, as the original) and the new datasource's detail."""
    ds_id = envelope_ok(await client.post("/ds/addDO", json=body, **request))
    assert isinstance(ds_id, int), ds_id
    detail: dict[str, Any] = envelope_ok(await client.get("/ds/get", params={"id": ds_id}))
    return detail


async def add_ds(client: httpx.AsyncClient, table: str, ds_type: str = "source", table_type: str = "datagen") -> int:
    return int(envelope_ok(await client.post("/ds/addDO", json=ds_body(table, ds_type, table_type))))


def job_body(cluster_id: int, mappings: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    """The document's /jobs/addDO example, filled in."""
    body: dict[str, Any] = {
        "allowNrs": 0,
        "checkpointCleanupMode": 0,
        "checkpointInterval": 60000,
        "checkpointMaxCuncurrency": 1,
        "checkpointMode": 0,
        "checkpointStatebackendPath": "",
        "checkpointStatebackendType": 0,
        "checkpointTimeout": 600000,
        "clusterId": cluster_id,
        "clusterName": "",
        "clusterType": 1,
        "clusterTypeName": "",
        "computingUnit": 1,
        "curPage": 0,
        "delayInterval": 10,
        "enableMinibatchOptimization": 0,
        "entryClass": "",
        "failureInterval": 0,
        "failureRate": 0,
        "jobDesc": "orders enriched with users",
        "jobDsVOS": mappings,
        "jobName": "enrich orders",
        "jobType": 0,
        "jobTypeName": "",
        "minPauseBetweenCheckpoints": 1000,
        "pageSize": 0,
        "parallelism": 2,
        "parms": {},
        "program": "",
        "restartAttempts": 3,
        "restartStrategy": 1,
        "savepointPath": "",
        "stateSavepointsDir": "",
        "tableExecMinibatchAllowlatency": 0,
        "tableExecMinibatchSize": 0,
        "tableOptimizerAggPhaseStrategy": 0,
        "tableOptimizerDistinctAggSplitEnabled": 0,
        "timeType": 1,
        "useJar": "",
    }
    body.update(extra)
    return body


async def wait_flink_state(flink_url: str, jid: str, want: str, within: float = 60) -> dict[str, Any]:
    """Poll Flink itself (not hlink) until its job ``jid`` reaches ``want``; returns Flink's job view."""
    async with httpx.AsyncClient(base_url=flink_url, timeout=10) as http:
        deadline = asyncio.get_running_loop().time() + within
        while True:
            job: dict[str, Any] = (await http.get(f"/jobs/{jid}")).json()
            if job.get("state") == want:
                return job
            assert asyncio.get_running_loop().time() < deadline, f"job {jid} is {job.get('state')}, not {want}"
            await asyncio.sleep(0.3)


def failures_allowed(client: Any) -> int:
    """The failed sign-ins the app behind the tests' ``client`` allows a name (HLINK_LOGIN_MAX_FAILURES)."""
    return int(client.app_state.runtime.policy.login_max_failures)


def app_settings(database_url: str, data_dir: Path, **extra: str) -> Settings:
    """The settings of a test's own app on the session's database: no local Flink, no background reconciler, the
    tests' sealing key; ``extra`` adds HLINK_* variables (``HLINK_CORS_ORIGINS="..."``)."""
    return load_settings(
        {
            "HLINK_DATABASE_URL": database_url,
            "HLINK_DATA_DIR": str(data_dir),
            "HLINK_SECRET_KEY": SECRET_KEY,
            "HLINK_LOCAL_FLINK": "0",
            "HLINK_RECONCILE_SECONDS": "0",
            **extra,
        }
    )


class Unexpected(logging.Handler):
    """Collects errors logged with a traceback: something that failed unexpectedly while a request ran."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.seen: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info:
            self.seen.append(f"{record.name}: {record.getMessage()} {record.exc_info[1]!r}")


@contextlib.contextmanager
def unexpected_errors(*loggers: str) -> Iterator[Unexpected]:
    """An :class:`Unexpected` listening to ``loggers`` for the duration."""
    handler = Unexpected()
    for name in loggers:
        logging.getLogger(name).addHandler(handler)
    try:
        yield handler
    finally:
        for name in loggers:
            logging.getLogger(name).removeHandler(handler)


async def token_just_used() -> None:
    """Mark the tests' token as used now: hlink writes a token's last use at most once a minute, and a statement
    count must not depend on whether that minute has passed."""
    await Token.filter(label="bootstrap").update(last_used_at=now())
