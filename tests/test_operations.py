"""Savepoints and stops as operations followed to completion however long they take, on the session's real Flink
clusters (both versions): a request answers "in progress" after HLINK_OPERATION_WAIT, and the reconciler records
the end; a request whose answer was lost is found again on Flink by the trigger id hlink chose."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import anyio
import httpx

from flink.client import FlinkClient
from flink.local import LocalFlink
from models import Job, JobRun, Operation, Savepoint
from services.jobs import operations
from services.jobs.reconciler import reconcile_once
from services.jobs.states import now
from tests.conftest import gql
from tests.helpers import add_cluster, envelope_ok
from tests.test_flink_lifecycle import blackhole_job, flink_state
from tests.test_savepoints import on_disk

#: each record of the slow job takes this long, and a savepoint waits for the record in hand
RECORD_MS = 12000


async def _slow_jar_job(client: httpx.AsyncClient, flink: LocalFlink, jar: Path) -> dict[str, Any]:
    """A JAR job whose every record takes RECORD_MS: a savepoint taken now completes only when the first ends."""
    cluster = await add_cluster(client, address=flink.url)
    content = await anyio.Path(jar).read_bytes()
    params: dict[str, Any] = {"clusterId": cluster, "entryClass": "demo.DemoJob", "resType": 0, "status": 0}
    uploaded = envelope_ok(await client.post("/jars/upload", params=params, files={"jarfile": ("slow.jar", content)}))
    body = {
        "jobName": "slow",
        "jobType": 1,
        "clusterId": cluster,
        "useJar": uploaded["filename"],
        "entryClass": "demo.DemoJob",
        "program": str(RECORD_MS),
        "parallelism": 1,
    }
    job: dict[str, Any] = envelope_ok(await client.post("/jobs/addDO", json=body))
    return job


async def _reconciled_until(client: httpx.AsyncClient, operation_id: int, within: float = 90) -> Operation:
    """Run reconcile cycles (as the service's loop does) until the operation has ended."""
    runtime = client.app_state.runtime  # type: ignore[attr-defined]
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while True:
        await reconcile_once(runtime)
        row = await Operation.get(id=operation_id)
        if row.status not in operations.OPEN:
            return row
        assert loop.time() < deadline, f"operation {operation_id} is still {row.status}"
        await asyncio.sleep(0.5)


async def test_a_savepoint_and_a_stop_slower_than_the_request_are_recorded_when_flink_completes_them(
    client: httpx.AsyncClient, flink: LocalFlink, java_jars: dict[str, Path]
) -> None:
    runtime = client.app_state.runtime  # type: ignore[attr-defined]
    runtime.operation_wait = 1.0
    job = await _slow_jar_job(client, flink, java_jars["job"])
    run = envelope_ok(await client.post(f"/jobs/run/{job['id']}"))
    await flink_state(flink, run["flinkJobId"], "RUNNING")

    pending = envelope_ok(await client.get(f"/jobs/savepoint/{job['id']}"))
    assert pending["status"] in ("PENDING", "IN_PROGRESS") and pending["savepointPath"] is None, pending
    assert await Savepoint.filter(job_id=job["id"]).count() == 0
    done = await _reconciled_until(client, pending["operationId"])
    assert done.status == "COMPLETED" and done.savepoint_id is not None, done.failure
    written = await Savepoint.get(id=done.savepoint_id)
    assert written.kind == "triggered" and written.flink_job_id == run["flinkJobId"] and on_disk(written.path)

    stopping = envelope_ok(await client.post(f"/jobs/cancel/{job['id']}"))
    assert stopping["operation"]["status"] in ("PENDING", "IN_PROGRESS"), stopping
    assert stopping["jobStatus"] == 1 and stopping["savepoint"] is None and "stopping" in stopping["note"]
    # a restart while the stop is under way is refused, and a second stop joins the first
    restart = await client.post(f"/jobs/restart/{job['id']}")
    assert restart.status_code == 409 and "still stopping" in restart.json()["msg"], restart.text
    assert await Operation.filter(job_id=job["id"], kind="stop").count() == 1

    query = "query($id: ID!) { job(id: $id) { operations { kind status savepoint { kind path } } } }"
    seen = (await gql(client, query, {"id": str(job["id"])}))["data"]["job"]["operations"]
    assert [(o["kind"], o["status"]) for o in seen][1] == ("SAVEPOINT", "COMPLETED"), seen
    assert seen[0]["kind"] == "STOP" and seen[0]["status"] in ("PENDING", "IN_PROGRESS"), seen

    stopped = await _reconciled_until(client, stopping["operation"]["operationId"])
    assert stopped.status == "COMPLETED", stopped.failure
    await flink_state(flink, run["flinkJobId"], "FINISHED")
    row = await Job.get(id=job["id"])
    assert (row.job_status, row.flink_state) == (2, "CANCELED")
    ended = await JobRun.get(flink_job_id=run["flinkJobId"])
    assert ended.final_state == "FINISHED" and ended.end_time is not None
    newest = await Savepoint.filter(job_id=job["id"]).order_by("-id").first()
    assert newest is not None and newest.kind == "stop" and newest.id == stopped.savepoint_id


async def test_an_operation_whose_answer_was_lost_is_found_by_its_trigger_id_and_one_never_sent_fails(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    job = await blackhole_job(client, pipeline, "lost answers", "hole_lost")
    run = envelope_ok(await client.post(f"/jobs/run/{job['id']}"))
    jid = run["flinkJobId"]
    await flink_state(flink, jid, "RUNNING")
    envelope_ok(await client.get(f"/jobs/savepoint/{job['id']}"))  # all tasks run: savepoints are taken now

    def pending(trigger: str) -> dict[str, Any]:
        return {
            "job_id": job["id"],
            "run_id": None,
            "cluster_id": pipeline["cluster"],
            "flink_job_id": jid,
            "kind": "savepoint",
            "trigger_id": trigger,
            "status": "PENDING",
        }

    # the row was written and the request reached Flink, but its answer was lost with the process
    lost = await Operation.create(**pending(uuid.uuid4().hex))
    async with FlinkClient(flink.url) as raw:
        await raw.trigger_savepoint(jid, trigger_id=lost.trigger_id)
    found = await _reconciled_until(client, lost.id)
    assert found.status == "COMPLETED" and found.savepoint_id is not None
    assert (await Savepoint.get(id=found.savepoint_id)).flink_job_id == jid

    # the row was written and the process died before the request: Flink never knew it
    never = await Operation.create(**pending(uuid.uuid4().hex))
    await reconcile_once(client.app_state.runtime)  # type: ignore[attr-defined]
    assert (await Operation.get(id=never.id)).status == "PENDING", "a request may still be on its way"
    await Operation.filter(id=never.id).update(modify_time=now() - timedelta(seconds=60))
    failed = await _reconciled_until(client, never.id)
    assert failed.status == "FAILED" and failed.failure == "Flink never received the request"
    assert (await Job.get(id=job["id"])).job_status == 1, "a failed savepoint leaves the job running"
    envelope_ok(await client.post(f"/jobs/cancel/{job['id']}"))


async def test_simultaneous_stops_of_one_job_make_one_stop(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    job = await blackhole_job(client, pipeline, "stopped at once", "hole_once")
    run = envelope_ok(await client.post(f"/jobs/run/{job['id']}"))
    await flink_state(flink, run["flinkJobId"], "RUNNING")
    envelope_ok(await client.get(f"/jobs/savepoint/{job['id']}"))  # all tasks run: a stop is taken at once
    answers = await asyncio.gather(*(client.post(f"/jobs/cancel/{job['id']}") for _ in range(4)))
    assert {a.status_code for a in answers} <= {200, 409} and 200 in {a.status_code for a in answers}, [
        a.text for a in answers
    ]
    assert await Operation.filter(job_id=job["id"], kind="stop").count() == 1, "the others joined the first"
    await flink_state(flink, run["flinkJobId"], "FINISHED")  # a second stop-with-savepoint would fail the job
    row = await Job.get(id=job["id"])
    assert (row.job_status, row.flink_state) == (2, "CANCELED")
