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
import pytest

from hlink.flink.client import FlinkClient
from hlink.flink.local import LocalFlink
from hlink.models import Cluster, Job, JobRun, Operation, Savepoint
from hlink.services.jobs import operations
from hlink.services.jobs.reconciler import reconcile_once
from hlink.services.jobs.states import now
from tests.conftest import DATABASES, gql
from tests.helpers import add_cluster, code_of, envelope_fail, envelope_ok
from tests.proxy import Proxy
from tests.test_flink_lifecycle import blackhole_job, flink_state
from tests.test_savepoints import on_disk

# what hlink says to Flink differs by line, and open stops are kept unique by the database's index (the tests
# without a race run on the first database only)
pytestmark = [pytest.mark.flink_lines, pytest.mark.databases]

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
        await runtime.side.idle()  # the cycle's follow-ups run beside it
        row = await Operation.get(id=operation_id)
        if row.status not in operations.OPEN:
            return row
        assert loop.time() < deadline, f"operation {operation_id} is still {row.status}"
        await asyncio.sleep(0.5)


@pytest.mark.parametrize("database_url", DATABASES[:1], indirect=True)  # no race: one database
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
    # a restart while the stop is under way joins it and goes on as an operation of its own (a second stop would
    # join the first too): the request answers that it goes on
    restart = await client.post(f"/jobs/restart/{job['id']}")
    assert "its restart goes on" in envelope_fail(restart, 409)["msg"], restart.text
    assert await Operation.filter(job_id=job["id"], kind="stop").count() == 1

    query = "query($id: ID!) { job(id: $id) { operations { kind status savepoint { kind path } } } }"
    seen = (await gql(client, query, {"id": str(job["id"])}))["data"]["job"]["operations"]
    assert [(o["kind"], o["status"]) for o in seen][2] == ("SAVEPOINT", "COMPLETED"), seen
    assert seen[1]["kind"] == "STOP" and seen[1]["status"] in ("PENDING", "IN_PROGRESS"), seen
    assert seen[0]["kind"] == "RESTART" and seen[0]["status"] in ("PENDING", "IN_PROGRESS"), seen
    restarting = await Operation.get(job_id=job["id"], kind="restart")

    stopped = await _reconciled_until(client, stopping["operation"]["operationId"])
    assert stopped.status == "COMPLETED", stopped.failure
    await flink_state(flink, run["flinkJobId"], "FINISHED")
    ended = await JobRun.get(flink_job_id=run["flinkJobId"])
    assert ended.final_state == "FINISHED" and ended.end_time is not None
    newest = await Savepoint.filter(job_id=job["id"]).order_by("-id").first()
    assert newest is not None and newest.kind == "stop" and newest.id == stopped.savepoint_id
    # then the restart runs the job from the stop's savepoint, followed to its end by the reconciler
    restarted = await _reconciled_until(client, restarting.id)
    assert restarted.status == "COMPLETED", restarted.failure
    again = await JobRun.filter(job_id=job["id"]).order_by("-id").first()
    assert again is not None and again.flink_job_id and again.restored_from == newest.path, again
    await flink_state(flink, again.flink_job_id, "RUNNING")
    async with httpx.AsyncClient(base_url=flink.url) as http:  # the slow job's stop would take its time
        await http.patch(f"/jobs/{again.flink_job_id}", params={"mode": "cancel"})


@pytest.mark.parametrize("database_url", DATABASES[:1], indirect=True)  # no race: one database
async def test_an_operation_whose_answer_was_lost_is_found_by_its_trigger_id_and_one_never_sent_is_sent_again(
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

    # the row was written and the process died before the request: Flink never knew it, and is asked again under
    # the same trigger id (it runs one operation per trigger id)
    never = await Operation.create(**pending(uuid.uuid4().hex))
    await reconcile_once(client.app_state.runtime)  # type: ignore[attr-defined]
    await client.app_state.runtime.side.idle()  # type: ignore[attr-defined]
    assert (await Operation.get(id=never.id)).status == "PENDING", "a request may still be on its way"
    await Operation.filter(id=never.id).update(modify_time=now() - timedelta(seconds=60))
    resent = await _reconciled_until(client, never.id)
    assert resent.status == "COMPLETED" and resent.trigger_id == never.trigger_id and resent.savepoint_id is not None

    # one Flink still never received after RESEND_WITHIN fails, and the job runs on
    gone = await Operation.create(**pending(uuid.uuid4().hex))
    long_ago = now() - operations.RESEND_WITHIN - timedelta(seconds=60)
    await Operation.filter(id=gone.id).update(create_time=long_ago, modify_time=long_ago)
    failed = await _reconciled_until(client, gone.id)
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
    assert {code_of(a) for a in answers} <= {200, 409} and 200 in {code_of(a) for a in answers}, [
        a.text for a in answers
    ]
    assert await Operation.filter(job_id=job["id"], kind="stop").count() == 1, "the others joined the first"
    await flink_state(flink, run["flinkJobId"], "FINISHED")  # a second stop-with-savepoint would fail the job
    row = await Job.get(id=job["id"])
    assert (row.job_status, row.flink_state) == (2, "CANCELED")


@pytest.mark.parametrize("database_url", DATABASES[:1], indirect=True)  # no race: one database
async def test_a_cancel_survives_a_crash_and_a_silent_cluster(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    """A cancel (asked for: withSavepoint false) records CANCELLING before it sends the cancel: a process that dies
    then, or a cluster that stops answering, leaves the cancel to the reconciler, never a job running that the user
    cancelled."""
    job = await blackhole_job(client, pipeline, "cancel instead", "hole_instead")
    run = envelope_ok(await client.post(f"/jobs/run/{job['id']}"))
    jid = run["flinkJobId"]
    await flink_state(flink, jid, "RUNNING")
    proxy = Proxy(flink.rest_port)
    await Cluster.filter(id=pipeline["cluster"]).update(address=await proxy.start())
    try:
        # what a crash leaves right after a cancel was asked: the row says CANCELLING, nothing was sent
        stop = await Operation.create(
            job_id=job["id"],
            run_id=run["runId"],
            cluster_id=pipeline["cluster"],
            flink_job_id=jid,
            kind="cancel",
            trigger_id=uuid.uuid4().hex,
            status="CANCELLING",
        )
        proxy.pause()  # and the cluster goes silent
        await reconcile_once(client.app_state.runtime)  # type: ignore[attr-defined]
        await client.app_state.runtime.side.idle()  # type: ignore[attr-defined]
        assert (await Operation.get(id=stop.id)).status == "CANCELLING"
        seen = await gql(
            client, "query($id: ID!) { job(id: $id) { operations { status failure } } }", {"id": job["id"]}
        )
        assert seen["data"]["job"]["operations"][0] == {"status": "CANCELLING", "failure": None}, seen
        runtime = client.app_state.runtime  # type: ignore[attr-defined]
        runtime.operation_wait = 1.0  # the restart joins the cancel, tries it once (10 s), then answers
        again = await client.post(f"/jobs/restart/{job['id']}")
        runtime.operation_wait = 60.0
        assert "its restart goes on" in envelope_fail(again, 409)["msg"], again.text
        await flink_state(flink, jid, "RUNNING")  # nothing reached Flink
        restart = await Operation.get(job_id=job["id"], kind="restart")
        # it joined the cancel: a stop with a savepoint sent beside it races the cancel, and Flink fails the job
        assert not await Operation.filter(job_id=job["id"], kind="stop").exists()

        proxy.resume()
        ended = await _reconciled_until(client, stop.id)
        assert ended.status == "COMPLETED" and ended.failure is None, ended.failure
        await flink_state(flink, jid, "CANCELED")
        assert (await JobRun.get(id=run["runId"])).end_time is not None
        # and the restart, an operation of its own, goes on to run the job once the stop has ended
        restarted = await _reconciled_until(client, restart.id)
        assert restarted.status == "COMPLETED", restarted.failure
        row = await Job.get(id=job["id"])
        assert row.job_status in (1, 9) and row.flink_job_id not in (None, jid), row
        await flink_state(flink, str(row.flink_job_id), "RUNNING")
        envelope_ok(await client.post(f"/jobs/cancel/{job['id']}"))
    finally:
        await Cluster.filter(id=pipeline["cluster"]).update(address=flink.url)
        await proxy.stop()


async def test_a_stop_that_never_reached_flink_changes_nothing_and_leaves_no_operation_open(
    client: httpx.AsyncClient,
) -> None:
    cluster = await add_cluster(client, address="http://127.0.0.1:9")  # nothing listens: connections are refused
    job = envelope_ok(await client.post("/jobs/addDO", json={"jobName": "far", "jobType": 1, "clusterId": cluster}))
    await Job.filter(id=job["id"]).update(job_status=1, flink_state="RUNNING", flink_job_id="ab" * 16)
    for _ in range(2):  # the second is refused the same way: no stop of the first is left waiting
        answer = await client.post(f"/jobs/cancel/{job['id']}")
        assert "did not answer" in envelope_fail(answer, 503)["msg"], answer.text
    rows = [str(s) for s in await Operation.filter(job_id=job["id"]).values_list("status", flat=True)]
    assert rows == ["FAILED", "FAILED"], rows
    assert (await Job.get(id=job["id"])).job_status == 1, "nothing changed: the job runs on as Flink has it"
    restart = await client.post(f"/jobs/restart/{job['id']}")
    envelope_fail(restart, 503)  # not 409 "still stopping"
