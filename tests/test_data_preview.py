"""Data previews (issue 21) on real Flink 2.3 and 1.20 clusters: a job's GROUP BY, a datagen datasource, an
ad-hoc filtered SELECT, the time limit on a slow source, bad SQL placed before anything runs, viewers refused,
the limits per cluster, nothing written to the production sink, no Flink job left after any preview, the
reconciler cancelling a preview job whose time is up, a preview beside the running job leaving it alone, and
the live subscription streaming rows through the job manager. (hlink killed with SIGKILL mid-preview:
tests/test_preview_kills.py.)"""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta
from typing import Any

import httpx
import pytest
import websockets

from hlink.flink.client import RunRequest
from hlink.flink.local import LocalFlink
from hlink.flink.sqlrunner import RUNNER_CLASS
from hlink.models import AuditEntry, Job, JobRun, Preview
from hlink.runtime import Runtime
from hlink.services.jobs.reconciler import reconcile_once
from hlink.services.jobs.states import now
from hlink.services.jobs.submission import new_job_id
from tests.helpers import AUTH, envelope_ok, wait_flink_state
from tests.test_access import bearer, make_user
from tests.test_flink_lifecycle import add_ds, add_job
from tests.test_versions import rows_in

pytestmark = pytest.mark.flink_lines  # the runner's preview mode talks to each line's job manager

PREVIEW = """query($job: ID, $ds: ID, $sql: String, $limit: Int, $seconds: Int, $cluster: ID) {
  preview(jobId: $job, datasourceId: $ds, sql: $sql, limit: $limit, seconds: $seconds, clusterId: $cluster) {
    preview { columns { name type } rows truncated reason updating changes { kind row } flinkJobId seconds }
    error { __typename ... on ValidationError { message fields { field message } } ... on RefusedError { message }
            ... on ForbiddenError { message } }
  }
}"""
GROUPED = "SELECT MOD(id, 5) AS id, CAST(COUNT(*) AS STRING) AS name FROM gen_t GROUP BY MOD(id, 5)"


async def preview(client: httpx.AsyncClient, headers: dict[str, str] | None = None, **variables: Any) -> dict[str, Any]:
    response = await client.post("/graphql", json={"query": PREVIEW, "variables": variables}, headers=headers)
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()
    assert "errors" not in answer, answer
    found: dict[str, Any] = answer["data"]["preview"]
    return found


async def flink_jobs(flink: LocalFlink) -> dict[str, dict[str, Any]]:
    async with httpx.AsyncClient(base_url=flink.url, timeout=10) as http:
        return {j["jid"]: j for j in (await http.get("/jobs/overview")).json()["jobs"]}


async def none_left(flink: LocalFlink, within: float = 30) -> None:
    """No preview job of hlink's is anything but ended on the cluster (they are named hlink-preview-...)."""
    deadline = asyncio.get_running_loop().time() + within
    while True:
        live = [
            (j["name"], j["state"])
            for j in (await flink_jobs(flink)).values()
            if j["name"].startswith("hlink-preview-") and j["state"] not in ("CANCELED", "FINISHED", "FAILED")
        ]
        if not live:
            return
        assert asyncio.get_running_loop().time() < deadline, f"preview jobs still running: {live}"
        await asyncio.sleep(0.3)


async def test_a_jobs_group_by_is_previewed_with_a_limit_writing_nothing_and_leaving_nothing(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    made = await add_job(client, "grouped", pipeline["cluster"], pipeline["source"], pipeline["sink"], GROUPED)
    job_id = int(made["id"])
    before = await Job.get(id=job_id)
    found = await preview(client, job=str(job_id), limit=2)
    assert found["error"] is None, found
    rows = found["preview"]
    assert [c["name"] for c in rows["columns"]] == ["id", "name"]
    assert (rows["reason"], rows["truncated"], len(rows["rows"])) == ("LIMIT", True, 2)
    # three groups (MOD of a random BIGINT by 2: -1, 0, 1) never reach the limit: the result table when time is up
    sql = "SELECT MOD(id, 2) AS k, COUNT(*) AS n FROM gen_t GROUP BY MOD(id, 2)"
    found = await preview(client, job=str(job_id), sql=sql, limit=10, seconds=4)
    assert found["error"] is None, found
    rows = found["preview"]
    assert (rows["reason"], rows["truncated"], rows["updating"]) == ("TIME", True, True)
    assert sorted(r[0] for r in rows["rows"]) == [-1, 0, 1], "one row per group: its updates applied"
    assert sum(r[1] for r in rows["rows"]) > 3, rows["rows"]
    assert rows["changes"][0]["kind"] == "+I" and {"-U", "+U"} <= {c["kind"] for c in rows["changes"]}
    job = (await flink_jobs(flink))[rows["flinkJobId"]]
    assert job["name"].startswith("hlink-preview-")
    await none_left(flink)
    assert rows_in(pipeline["out"]) == [], "the production sink got no row"
    assert await JobRun.filter(job_id=job_id).count() == 0, "a preview makes no run"
    after = await Job.get(id=job_id)
    assert (after.job_status, after.revision, after.flink_job_id) == (before.job_status, before.revision, None)
    audit = await AuditEntry.filter(action="preview.run").order_by("-id").first()
    assert audit is not None and audit.outcome == "ok" and audit.actor == "admin"
    assert await Preview.filter(flink_job_id=rows["flinkJobId"], ended_at__isnull=True).count() == 0


async def test_a_datagen_datasource_and_an_ad_hoc_filtered_select_are_previewed(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    cluster, source = str(pipeline["cluster"]), str(pipeline["source"])
    found = await preview(client, ds=source, cluster=cluster, limit=5)
    assert found["error"] is None, found
    rows = found["preview"]
    assert [(c["name"], c["type"]) for c in rows["columns"]][:2] == [("id", "BIGINT"), ("name", "STRING")]
    assert len(rows["rows"]) == 5 and rows["reason"] == "LIMIT" and rows["updating"] is False
    assert all(isinstance(r[0], int) and isinstance(r[1], str) for r in rows["rows"])

    sql = "SELECT id, name\nFROM gen_t\nWHERE id > 0 AND CHAR_LENGTH(name) > 3"
    found = await preview(client, ds=source, cluster=cluster, sql=sql, limit=20)
    assert found["error"] is None, found
    rows = found["preview"]
    assert len(rows["rows"]) == 20 and all(r[0] > 0 and len(r[1]) > 3 for r in rows["rows"]), rows["rows"]

    # a bounded query ends by itself: all its rows, not truncated
    ended = await preview(
        client, ds=source, cluster=cluster, sql="SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS t(x, y)"
    )
    assert ended["error"] is None, ended
    assert ended["preview"]["rows"] == [[1, "a"], [2, "b"]]
    assert (ended["preview"]["reason"], ended["preview"]["truncated"]) == ("ENDED", False)
    await none_left(flink)


async def test_the_time_limit_stops_a_slow_source(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    slow = await add_ds(client, "slow_t", "source", "datagen", **{"rows-per-second": "1"})
    started = asyncio.get_running_loop().time()
    found = await preview(client, ds=str(slow), cluster=str(pipeline["cluster"]), limit=100, seconds=3)
    took = asyncio.get_running_loop().time() - started
    assert found["error"] is None, found
    rows = found["preview"]
    assert (rows["reason"], rows["truncated"]) == ("TIME", True)
    assert len(rows["rows"]) < 10, "one row a second for three seconds"
    assert took < 20, f"a 3 s preview answered after {took:.1f} s"
    await none_left(flink)


async def test_bad_sql_is_refused_with_its_place_before_anything_runs(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    made = await add_job(
        client, "plain", pipeline["cluster"], pipeline["source"], pipeline["sink"], "SELECT * FROM gen_t"
    )
    job_id = str(made["id"])
    before = set(await flink_jobs(flink))
    found = await preview(client, job=job_id, sql="SELECT id,\n  nope FROM gen_t")
    error = found["error"]
    assert found["preview"] is None and error["__typename"] == "ValidationError", found
    assert error["fields"][0]["field"] == "sql"
    assert "line 2, column 3" in error["fields"][0]["message"] and "nope" in error["fields"][0]["message"]
    for sql in ("INSERT INTO out_t SELECT * FROM gen_t", "SELECT 1; SELECT 2", "CREATE TABLE x (a INT)"):
        refused = (await preview(client, job=job_id, sql=sql))["error"]
        assert refused["__typename"] == "ValidationError" and refused["fields"][0]["field"] == "sql", refused
    bounds = (await preview(client, job=job_id, limit=1001, seconds=181))["error"]
    assert {f["field"] for f in bounds["fields"]} == {"limit", "seconds"}, bounds
    assert set(await flink_jobs(flink)) == before, "no Flink job started"


async def test_a_viewer_is_refused_and_the_limit_per_cluster_answers_a_clear_refusal(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    viewer = await make_user(client, "vera", "VIEWER")
    cluster, source = str(pipeline["cluster"]), str(pipeline["source"])
    denied = await preview(client, headers=bearer(viewer["secret"]), ds=source, cluster=cluster)
    assert denied["error"]["__typename"] == "ForbiddenError", denied
    audit = await AuditEntry.filter(action="preview.run").order_by("-id").first()
    assert audit is not None and (audit.actor, audit.outcome) == ("vera", "denied")

    runtime: Runtime = client.app_state.runtime  # type: ignore[attr-defined]
    runtime.preview_per_cluster = 1
    slow = await add_ds(client, "slow_t", "source", "datagen", **{"rows-per-second": "1"})
    first = asyncio.create_task(preview(client, ds=str(slow), cluster=cluster, seconds=4))
    async with asyncio.timeout(30):
        while not await Preview.filter(ended_at__isnull=True).exists():  # noqa: ASYNC110 - a row, not an event
            await asyncio.sleep(0.05)  # the first holds the cluster's slot
    second = await preview(client, ds=source, cluster=cluster)
    assert second["error"]["__typename"] == "RefusedError", second
    assert "at most 1" in second["error"]["message"]
    assert (await first)["preview"]["reason"] == "TIME"
    again = await preview(client, ds=source, cluster=cluster, limit=1)
    assert again["error"] is None, "the slot is free once the first preview ended"
    await none_left(flink)


async def test_the_reconciler_cancels_a_preview_job_whose_time_is_up(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    """What a dead hlink leaves: a preview's row and its Flink job still running after its time."""
    runtime: Runtime = client.app_state.runtime  # type: ignore[attr-defined]
    flink_client = runtime.flink.client(flink.url)
    jid = new_job_id()
    runner = await runtime.flink.ensure_jar(flink_client, await runtime.flink.runner())
    statements = [
        "SET 'pipeline.name' = 'hlink-preview-left'",
        "CREATE TABLE g (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '1')",
        "CREATE TABLE b (id BIGINT) WITH ('connector' = 'blackhole')",
        "INSERT INTO b SELECT id FROM g",
    ]
    await flink_client.run(runner, RunRequest(entry_class=RUNNER_CLASS, program_args=statements, job_id=jid))
    row = await Preview.create(
        cluster_id=pipeline["cluster"],
        flink_job_id=jid,
        pipeline_name="hlink-preview-left",
        deadline=now() + timedelta(hours=1),
    )
    await reconcile_once(runtime)
    assert (await flink_jobs(flink))[jid]["state"] == "RUNNING", "its time is not up: left alone"
    await Preview.filter(id=row.id).update(deadline=now() - timedelta(seconds=5))
    await reconcile_once(runtime)
    async with asyncio.timeout(30):
        while (await flink_jobs(flink))[jid]["state"] != "CANCELED":  # noqa: ASYNC110 - Flink's state, polled
            await asyncio.sleep(0.2)
    await reconcile_once(runtime)
    assert not await Preview.filter(id=row.id).exists(), "the row goes once its job has ended"


async def test_a_cancelled_request_cancels_its_preview_job(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    slow = await add_ds(client, "slow_t", "source", "datagen", **{"rows-per-second": "1"})
    asked = asyncio.create_task(preview(client, ds=str(slow), cluster=str(pipeline["cluster"]), seconds=120))
    async with asyncio.timeout(60):
        while True:
            row = await Preview.filter(ended_at__isnull=True).first()
            if row is not None and (await flink_jobs(flink)).get(row.flink_job_id, {}).get("state") == "RUNNING":
                break
            await asyncio.sleep(0.2)
    asked.cancel()
    with pytest.raises(asyncio.CancelledError):
        await asked
    async with asyncio.timeout(20):  # far sooner than its 120 s: the request's end cancelled it
        while (await flink_jobs(flink))[row.flink_job_id]["state"] != "CANCELED":  # noqa: ASYNC110
            await asyncio.sleep(0.2)
    assert (await Preview.get(id=row.id)).ended_at is not None


async def test_a_preview_while_the_job_runs_leaves_the_running_job_alone(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    """The job runs into its filesystem sink; a preview of its own query runs beside it on the same cluster: the
    job keeps its Flink job id, its state, hlink's status and revision, and its sink keeps receiving rows."""
    runtime: Runtime = client.app_state.runtime  # type: ignore[attr-defined]
    made = await add_job(
        client, "running", pipeline["cluster"], pipeline["source"], pipeline["sink"], "SELECT id, name FROM gen_t",
        checkpointInterval=1000,  # the filesystem sink commits its files on checkpoints
    )  # fmt: skip
    job_id = int(made["id"])
    jid = envelope_ok(await client.post(f"/jobs/run/{job_id}"))["flinkJobId"]
    await wait_flink_state(flink.url, jid, "RUNNING")
    await reconcile_once(runtime)
    before = await Job.get(id=job_id)
    assert (before.job_status, before.flink_state, before.flink_job_id) == (1, "RUNNING", jid)

    async def written(more_than: int) -> int:
        deadline = asyncio.get_running_loop().time() + 60
        while len(rows_in(pipeline["out"])) <= more_than:  # files a checkpoint commits
            if asyncio.get_running_loop().time() > deadline:
                live = [(j["name"], j["state"]) for j in (await flink_jobs(flink)).values() if j["state"] == "RUNNING"]
                pytest.fail(f"no more than {more_than} rows in the sink within 60 s; running on the cluster: {live}")
            await asyncio.sleep(0.2)
        return len(rows_in(pipeline["out"]))

    try:
        first = await written(0)
        asked = asyncio.create_task(preview(client, job=str(job_id), limit=1000, seconds=5))
        async with asyncio.timeout(60):  # the preview's Flink job runs beside the job's
            while True:
                row = await Preview.filter(ended_at__isnull=True).first()
                if row is not None and (await flink_jobs(flink)).get(row.flink_job_id, {}).get("state") == "RUNNING":
                    break
                await asyncio.sleep(0.2)
        assert (await flink_jobs(flink))[jid]["state"] == "RUNNING"
        await reconcile_once(runtime)  # a cycle sees both: the preview's job is not taken for the job's
        during = await written(first)
        found = await asked
        assert found["error"] is None, found
        rows = found["preview"]
        assert (rows["reason"], rows["flinkJobId"]) == ("TIME", row.flink_job_id) and rows["rows"], rows
        assert rows["flinkJobId"] != jid
        await none_left(flink)
        assert (await flink_jobs(flink))[row.flink_job_id]["state"] == "CANCELED", "the preview's job is gone"

        await reconcile_once(runtime)
        assert (await flink_jobs(flink))[jid]["state"] == "RUNNING", "the job's Flink job runs on"
        after = await Job.get(id=job_id)
        seen = (after.job_status, after.flink_state, after.flink_job_id, after.revision)
        assert seen == (1, "RUNNING", jid, before.revision), "hlink's status and revision untouched"
        detail = envelope_ok(await client.get(f"/jobs/{job_id}"))
        assert (detail["jobStatus"], detail["flinkState"], detail["flinkJobId"]) == (1, "RUNNING", jid)
        assert await JobRun.filter(job_id=job_id).count() == 1, "the preview made no run"
        await written(during)  # the sink keeps receiving the job's rows after the preview
        stopped = envelope_ok(await client.post(f"/jobs/cancel/{job_id}"))
        assert stopped["jobStatus"] == 2, stopped
    finally:  # a failure leaves no job holding the shared cluster's slots for the tests after
        if (await flink_jobs(flink))[jid]["state"] == "RUNNING":
            async with httpx.AsyncClient(base_url=flink.url, timeout=10) as http:
                await http.patch(f"/jobs/{jid}", params={"mode": "cancel"})


LIVE = """subscription($ds: ID, $cluster: ID, $sql: String, $limit: Int, $seconds: Int) {
  previewRows(datasourceId: $ds, clusterId: $cluster, sql: $sql, limit: $limit, seconds: $seconds) {
    changes { kind row }
    done { preview { rows reason flinkJobId updating changes { kind row } }
           error { __typename ... on RefusedError { message } } }
  }
}"""


async def live_preview(served: str, headers: dict[str, str], **variables: Any) -> list[tuple[float, dict[str, Any]]]:
    """Every event of one previewRows subscription, with when it arrived, until its last (``done``)."""
    loop = asyncio.get_running_loop()
    events: list[tuple[float, dict[str, Any]]] = []
    async with websockets.connect(f"ws://{served}/graphql", subprotocols=["graphql-transport-ws"]) as ws:  # type: ignore[list-item]
        await ws.send(json.dumps({"type": "connection_init", "payload": headers}))
        assert json.loads(await ws.recv())["type"] == "connection_ack"
        await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": LIVE, "variables": variables}}))
        async with asyncio.timeout(90):
            while True:
                message = json.loads(await ws.recv())
                assert message["type"] == "next", message
                event = message["payload"]["data"]["previewRows"]
                events.append((loop.time(), event))
                if event["done"] is not None:
                    return events


async def test_a_live_preview_streams_its_rows_as_they_arrive_through_the_job_manager(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any], served: str
) -> None:
    cluster = str(pipeline["cluster"])
    slow = await add_ds(client, "slow_t", "source", "datagen", **{"rows-per-second": "5"})
    # about six seconds of rows after the job starts, however long a loaded machine takes to plan and start it
    events = await live_preview(served, AUTH, ds=str(slow), cluster=cluster, limit=30, seconds=90)
    *arriving, (ended_at, last) = events
    final = last["done"]["preview"]
    assert last["done"]["error"] is None and final["reason"] == "LIMIT", last
    assert last["changes"] == []
    live = [(at, e) for at, e in arriving if e["changes"]]
    sizes = [len(e["changes"]) for _, e in live]
    assert len(live) >= 3, f"rows arrived in a few events, not all at the end: {sizes} of {len(final['rows'])}"
    assert ended_at - live[0][0] > 2, "the first rows came seconds before the end"
    streamed = [c["row"] for _, e in live for c in e["changes"]]
    assert all(c["kind"] == "+I" for _, e in live for c in e["changes"])
    assert streamed == final["rows"], "the rows as they arrived, then the rest: the answer's, in order"
    await none_left(flink)
    left = sorted(p.name for p in flink.log_dir.iterdir() if "hlink-preview-" in p.name)
    assert not left, f"the live files are deleted with the preview: {left}"
    assert await Preview.filter(flink_job_id=final["flinkJobId"]).count() == 0

    # an updating query streams its changes (-U, +U), together the answer's first changes
    grouped = "SELECT MOD(id, 2) AS k, COUNT(*) AS n FROM slow_t GROUP BY MOD(id, 2)"
    events = await live_preview(served, AUTH, ds=str(slow), cluster=cluster, sql=grouped, limit=12, seconds=12)
    final = events[-1][1]["done"]["preview"]
    assert final is not None and final["updating"], events[-1]
    changes = [c for _, e in events[:-1] for c in e["changes"]]
    assert changes == final["changes"] and {"-U", "+U"} <= {c["kind"] for c in changes}, changes
    await none_left(flink)

    viewer = await make_user(client, "vera", "VIEWER")
    ((_, refused),) = await live_preview(served, bearer(viewer["secret"]), ds=str(slow), cluster=cluster, seconds=3)
    assert refused["done"]["error"]["__typename"] == "ForbiddenError" and refused["changes"] == [], refused

    # the subscriber leaving mid-preview cancels its Flink job at once, far sooner than its 120 s
    async with websockets.connect(f"ws://{served}/graphql", subprotocols=["graphql-transport-ws"]) as ws:  # type: ignore[list-item]
        await ws.send(json.dumps({"type": "connection_init", "payload": AUTH}))
        assert json.loads(await ws.recv())["type"] == "connection_ack"
        variables = {"ds": str(slow), "cluster": cluster, "seconds": 120}
        await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": LIVE, "variables": variables}}))
        async with asyncio.timeout(60):
            while True:
                row = await Preview.filter(ended_at__isnull=True).first()
                if row is not None and (await flink_jobs(flink)).get(row.flink_job_id, {}).get("state") == "RUNNING":
                    break
                await asyncio.sleep(0.2)
    async with asyncio.timeout(20):
        while (await flink_jobs(flink))[row.flink_job_id]["state"] != "CANCELED":  # noqa: ASYNC110 - Flink's state
            await asyncio.sleep(0.2)
    await none_left(flink)
