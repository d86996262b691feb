"""The lifecycle's holes of issue 18 closed, on the session's real Flink: an edit moving a running job to another
cluster, restore points after stops and cancels (NONE, LATEST), a stop whose savepoint cannot be written, an
admin's way out for a job whose cluster is gone, a JAR job whose file is missing, and status events that carry the
job's revision with a subscription that starts with the current state."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import httpx
import websockets

from hlink.flink.client import FlinkClient
from hlink.flink.local import LocalFlink
from hlink.models import AuditEntry, Job, JobRun, Operation, Savepoint
from hlink.models.status import STATUS_NAMES, JobStatus
from hlink.schema.enums import JobStatus as GraphJobStatus
from hlink.services.actor import SYSTEM, acting_as, stamp_new
from hlink.services.jobs import restore
from hlink.services.jobs.reconciler import reconcile_once
from hlink.services.jobs.states import now
from tests.conftest import gql
from tests.helpers import AUTH, add_cluster, envelope_fail, envelope_ok
from tests.jars import jar_bytes
from tests.test_access import bearer, make_user
from tests.test_flink_lifecycle import blackhole_job, flink_state

NOWHERE = "http://127.0.0.1:9"  # nothing listens: connections are refused


async def _running(client: httpx.AsyncClient, flink: LocalFlink, job: dict[str, Any], **params: Any) -> dict[str, Any]:
    run: dict[str, Any] = envelope_ok(await client.post(f"/jobs/run/{job['id']}", params=params))
    await flink_state(flink, run["flinkJobId"], "RUNNING")
    return run


async def _restored_from(flink: LocalFlink, jid: str) -> str | None:
    """What Flink itself says the job restored from (its checkpoint statistics)."""
    async with FlinkClient(flink.url) as raw:
        restored = (await raw.checkpoints(jid)).get("latest", {}).get("restored") or {}
    path = restored.get("external_path")
    return str(path) if path else None


async def test_an_edit_moving_a_running_job_to_another_cluster_is_refused_and_the_job_stays_tracked(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    job = await blackhole_job(client, pipeline, "stays", "hole_stays")
    run = await _running(client, flink, job)
    other = await add_cluster(client, "elsewhere", NOWHERE)
    before = await Job.get(id=job["id"])

    moved = envelope_fail(await client.post("/jobs/updateDO", json={"id": job["id"], "clusterId": other}), 409)
    assert "cancel it before moving" in moved["msg"], moved
    answer = await gql(
        client,
        "mutation($id: ID!, $c: ID!) { updateJob(id: $id, input: {clusterId: $c}) "
        "{ job { id } error { __typename ... on ConflictError { message } } } }",
        {"id": str(job["id"]), "c": str(other)},
    )
    assert answer["data"]["updateJob"]["error"]["__typename"] == "ConflictError", answer
    # an edit that does not move it is fine, and leaves the lifecycle's columns alone
    envelope_ok(await client.post("/jobs/updateDO", json={"id": job["id"], "jobDesc": "still here"}))
    row = await Job.get(id=job["id"])
    assert (row.cluster_id, row.job_status, row.flink_job_id, row.revision) == (
        pipeline["cluster"],
        1,
        run["flinkJobId"],
        before.revision,
    )

    await reconcile_once(client.app_state.runtime)  # type: ignore[attr-defined]
    row = await Job.get(id=job["id"])
    assert (row.job_status, row.flink_state) == (1, "RUNNING"), "still followed on its own cluster"
    # an admin cannot detach it either while its cluster answers and runs it
    detached = await gql(
        client,
        'mutation($id: ID!) { detachJob(id: $id, reason: "try") '
        "{ error { __typename ... on ConflictError { message } } } }",
        {"id": str(job["id"])},
    )
    error = detached["data"]["detachJob"]["error"]
    assert error["__typename"] == "ConflictError" and "Flink runs it" in error["message"], detached

    stopped = envelope_ok(await client.post(f"/jobs/cancel/{job['id']}"))
    assert stopped["savepoint"]["kind"] == "stop" and stopped["jobStatus"] == 2
    await flink_state(flink, run["flinkJobId"], "FINISHED")

    # idle, it moves: a compare-and-set that bumps the revision
    envelope_ok(await client.post("/jobs/updateDO", json={"id": job["id"], "clusterId": other}))
    row = await Job.get(id=job["id"])
    assert row.cluster_id == other and row.revision > before.revision


async def test_none_restores_nothing_and_latest_never_takes_an_older_runs_state(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    job = await blackhole_job(client, pipeline, "restores", "hole_restores")
    first = await _running(client, flink, job)
    older = envelope_ok(await client.get(f"/jobs/savepoint/{job['id']}"))["savepointPath"]
    # the job's configured starting point names that savepoint: a plain run after a stop takes the stop's instead
    envelope_ok(await client.post("/jobs/updateDO", json={"id": job["id"], "savepointPath": older}))
    stop = envelope_ok(await client.post(f"/jobs/cancel/{job['id']}"))["savepoint"]["savepointPath"]
    await flink_state(flink, first["flinkJobId"], "FINISHED")
    assert stop != older

    second = await _running(client, flink, job)
    assert second["restoredFrom"] == stop, second
    assert await _restored_from(flink, second["flinkJobId"]) == stop

    # a cancel without a savepoint, as asked: the job keeps no state of this run (no checkpointing)
    cancelled = envelope_ok(await client.post(f"/jobs/cancel/{job['id']}", params={"withSavepoint": "false"}))
    assert cancelled["savepoint"] is None and cancelled["jobStatus"] == 2, cancelled
    assert cancelled["operation"]["operationKind"] == "cancel" and cancelled["operation"]["status"] == "COMPLETED"
    assert "without a savepoint" in cancelled["note"], cancelled
    await flink_state(flink, second["flinkJobId"], "CANCELED")

    # LATEST (the default of a run and of a restart) finds nothing of the run it replaces: it refuses, naming the
    # choice, rather than re-processing from the older stop's state or skipping to fresh state
    for refused in (
        await client.post(f"/jobs/run/{job['id']}"),
        await client.post(f"/jobs/restart/{job['id']}", params={"restoreFrom": "latest"}),
    ):
        body = envelope_fail(refused, 409)
        assert "left no savepoint or checkpoint" in body["msg"] and "NONE" in body["msg"], body
    answer = await gql(
        client, "mutation($id: ID!) { runJob(id: $id) { run { id } error { __typename } } }", {"id": str(job["id"])}
    )
    assert answer["data"]["runJob"]["error"]["__typename"] == "ConflictError", answer
    assert await JobRun.filter(job_id=job["id"]).count() == 2, "nothing was submitted"

    # NONE: fresh state, although savepointPath names a savepoint
    fresh = await gql(
        client,
        "mutation($id: ID!) { runJob(id: $id, restoreFrom: NONE) { run { flinkJobId restoredFrom } "
        "error { __typename } } }",
        {"id": str(job["id"])},
    )
    run = fresh["data"]["runJob"]
    assert run["error"] is None and run["run"]["restoredFrom"] is None, fresh
    await flink_state(flink, run["run"]["flinkJobId"], "RUNNING")
    assert await _restored_from(flink, run["run"]["flinkJobId"]) is None, "Flink restored nothing"

    # the caller may name the older state: SAVEPOINT with its id
    chosen = await Savepoint.get(path=older)
    again = envelope_ok(
        await client.post(f"/jobs/restart/{job['id']}", params={"restoreFrom": "savepoint", "savepointId": chosen.id})
    )
    assert again["restoredFrom"] == older
    await flink_state(flink, again["flinkJobId"], "RUNNING")
    assert await _restored_from(flink, again["flinkJobId"]) == older
    envelope_ok(await client.post(f"/jobs/cancel/{job['id']}"))


async def test_latest_waits_for_the_stop_under_way_of_the_run_it_replaces(client: httpx.AsyncClient) -> None:
    """Flink may end a stopped job, and the reconciler see it idle, before the stop's savepoint is recorded: a run
    (or a restart's run) in that gap must not resume from the run's older savepoint (it would re-process data)."""
    cluster = await add_cluster(client, "gap", NOWHERE)
    job = envelope_ok(await client.post("/jobs/addDO", json={"jobName": "gap", "jobType": 1, "clusterId": cluster}))
    jid = "ab" * 16
    with acting_as(SYSTEM):
        run = await JobRun.create(
            job_id=job["id"],
            cluster_id=cluster,
            pipeline_name="gap",
            flink_job_id=jid,
            final_state="FINISHED",
            end_time=now(),
        )
        older = await Savepoint.create(
            job_id=job["id"], run_id=run.id, flink_job_id=jid, path="file:/sp/older", kind="triggered", **stamp_new()
        )
        stop = await Operation.create(
            job_id=job["id"],
            run_id=run.id,
            cluster_id=cluster,
            flink_job_id=jid,
            kind="stop",
            trigger_id="t" * 32,
            status="IN_PROGRESS",
            **stamp_new(),
        )
    refused = envelope_fail(await client.post(f"/jobs/run/{job['id']}"), 409)
    assert "still under way" in refused["msg"] and jid in refused["msg"], refused
    assert await JobRun.filter(job_id=job["id"]).count() == 1, "nothing was submitted"
    # the stop ends with its savepoint: LATEST is that one, not the older
    with acting_as(SYSTEM):
        written = await Savepoint.create(
            job_id=job["id"], run_id=run.id, flink_job_id=jid, path="file:/sp/stop", kind="stop", **stamp_new()
        )
    await Operation.filter(id=stop.id).update(status="COMPLETED", savepoint_id=written.id, finish_time=now())
    chosen = await restore.decide(await Job.get(id=job["id"]))
    assert chosen is not None and chosen.path == written.path != older.path, chosen


async def test_a_stop_whose_savepoint_cannot_be_written_leaves_the_job_running_until_a_cancel_is_asked(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any], tmp_path: Path
) -> None:
    job = await blackhole_job(client, pipeline, "unwritable", "hole_unwritable")
    run = await _running(client, flink, job)
    jid = run["flinkJobId"]
    envelope_ok(await client.get(f"/jobs/savepoint/{job['id']}"))  # all tasks run: the stop is taken at once
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")  # a savepoint folder below a file: even root cannot make it
    bad = f"file://{blocker}/savepoints"
    envelope_ok(await client.post("/jobs/updateDO", json={"id": job["id"], "stateSavepointsDir": bad}))

    refused = envelope_fail(await client.post(f"/jobs/cancel/{job['id']}"), 422)
    assert "stop with a savepoint" in refused["msg"] and "runs on" in refused["msg"], refused
    stop = await Operation.filter(job_id=job["id"], kind="stop").order_by("-id").first()
    assert stop is not None and stop.status == "FAILED" and stop.failure, stop
    assert stop.failure in refused["msg"]
    await flink_state(flink, jid, "RUNNING")  # never cancelled by hlink's own decision
    await reconcile_once(client.app_state.runtime)  # type: ignore[attr-defined]
    row = await Job.get(id=job["id"])
    assert (row.job_status, row.flink_state, row.flink_job_id) == (1, "RUNNING", jid)
    assert (await JobRun.get(id=run["runId"])).end_time is None

    # a restart stops first: refused the same way, the job still running
    envelope_fail(await client.post(f"/jobs/restart/{job['id']}"), 422)
    await flink_state(flink, jid, "RUNNING")

    # the caller asks for the cancel
    answer = await gql(
        client,
        "mutation($id: ID!) { cancelJob(id: $id, withSavepoint: false) { job { jobStatus flinkState } "
        "operation { kind status } note error { __typename } } }",
        {"id": str(job["id"])},
    )
    cancelled = answer["data"]["cancelJob"]
    assert cancelled["error"] is None, answer
    assert cancelled["job"] == {"jobStatus": "CANCELLED", "flinkState": "CANCELED"}
    assert cancelled["operation"] == {"kind": "CANCEL", "status": "COMPLETED"}
    await flink_state(flink, jid, "CANCELED")
    ended = await JobRun.get(id=run["runId"])
    assert ended.final_state == "CANCELED" and ended.end_time is not None


async def test_an_admin_detaches_a_job_whose_cluster_is_gone_and_a_developer_cannot(client: httpx.AsyncClient) -> None:
    cluster = await add_cluster(client, "gone", NOWHERE)
    job = envelope_ok(
        await client.post("/jobs/addDO", json={"jobName": "stranded", "jobType": 1, "clusterId": cluster})
    )
    jid = "ab" * 16
    await Job.filter(id=job["id"]).update(job_status=1, flink_state="RUNNING", flink_job_id=jid)
    run = await JobRun.create(job_id=job["id"], cluster_id=cluster, pipeline_name="stranded [x]", flink_job_id=jid)
    stop = await Operation.create(
        job_id=job["id"],
        run_id=run.id,
        cluster_id=cluster,
        flink_job_id=jid,
        kind="savepoint",  # asked before the cluster went: open for ever
        trigger_id="cd" * 16,
        status="PENDING",
    )
    # no other way out: cancel cannot reach the cluster, delete and the cluster's delete refuse
    envelope_fail(await client.post(f"/jobs/cancel/{job['id']}"), 503)
    envelope_fail(await client.delete("/jobs/removeDO", params={"id": job["id"]}), 409)
    envelope_fail(await client.delete("/cluster/delete", params={"id": cluster}), 409)

    detach = (
        "mutation($id: ID!, $r: String!) { detachJob(id: $id, reason: $r) "
        "{ job { jobStatus flinkState } error { __typename ... on ConflictError { message } } } }"
    )
    developer = bearer((await make_user(client, "devon", "DEVELOPER"))["secret"])
    body = {"query": detach, "variables": {"id": str(job["id"]), "r": "cluster decommissioned"}}
    denied = (await client.post("/graphql", json=body, headers=developer)).json()
    assert denied["data"]["detachJob"]["error"]["__typename"] == "ForbiddenError", denied
    blank = await gql(client, detach, {"id": str(job["id"]), "r": "  "})
    assert blank["data"]["detachJob"]["error"]["__typename"] == "ValidationError", blank
    assert (await Job.get(id=job["id"])).job_status == 1, "nothing changed"

    done = await gql(client, detach, {"id": str(job["id"]), "r": "cluster decommissioned"})
    assert done["data"]["detachJob"] == {"job": {"jobStatus": "NOT_RUNNING", "flinkState": "DETACHED"}, "error": None}
    closed = await JobRun.get(id=run.id)
    assert closed.final_state == "DETACHED" and closed.end_time is not None
    assert closed.failure == "detached by admin: cluster decommissioned", closed.failure
    failed = await Operation.get(id=stop.id)
    assert failed.status == "FAILED" and failed.failure == closed.failure
    trail = await AuditEntry.filter(action="job.detach", entity_id=str(job["id"])).values_list("actor", "outcome")
    assert ("devon", "denied") in trail and ("admin", "ok") in trail and ("admin", "reason") in trail, trail
    again = await gql(client, detach, {"id": str(job["id"]), "r": "twice"})
    assert again["data"]["detachJob"]["error"]["__typename"] == "ConflictError", "only an active job"

    envelope_ok(await client.delete("/jobs/removeDO", params={"id": job["id"]}))
    envelope_ok(await client.delete("/cluster/delete", params={"id": cluster}))


async def test_a_jar_job_whose_file_is_missing_is_saved_once_with_its_verdict(
    client: httpx.AsyncClient, flink: LocalFlink, storage_dir: Path
) -> None:
    cluster = await add_cluster(client, address=flink.url)
    params: dict[str, Any] = {"clusterId": cluster, "entryClass": "acme.Job", "resType": 0, "status": 0}
    up = envelope_ok(await client.post("/jars/upload", params=params, files={"jarfile": ("job.jar", jar_bytes())}))
    (storage_dir / "jars" / up["filename"]).unlink()  # the file went missing from storage
    body = {"jobName": "no file", "jobType": 1, "clusterId": cluster, "useJar": up["filename"]}
    saved = envelope_ok(await client.post("/jobs/addDO", json=body))
    assert saved["validationStatus"] == 2, saved
    assert "missing from hlink's storage" in json.dumps(saved), saved
    assert await Job.filter(job_name="no file").count() == 1, "saved once: the client heard it succeed"
    answer = await gql(
        client,
        "mutation($id: ID!) { validateJob(id: $id) { job { validation { status problem { field } } } "
        "error { __typename } } }",
        {"id": str(saved["id"])},
    )
    assert answer["data"]["validateJob"]["job"]["validation"] == {"status": "INVALID", "problem": {"field": "useJar"}}


def test_one_job_status_enum_names_the_codes() -> None:
    assert {s.name: s.value for s in JobStatus} == {s.name: s.value for s in GraphJobStatus}
    assert STATUS_NAMES == {0: "not running", 1: "running", 2: "cancelled", 3: "failed", 9: "submitting"}


async def test_a_job_status_subscription_starts_with_the_current_state_and_events_carry_the_revision(
    client: httpx.AsyncClient, served: str
) -> None:
    cluster = await add_cluster(client, "silent", NOWHERE)
    job = envelope_ok(await client.post("/jobs/addDO", json={"jobName": "watched", "jobType": 1, "clusterId": cluster}))
    await Job.filter(id=job["id"]).update(job_status=3, flink_state="FAILED", revision=41)
    query = "subscription($id: ID!) { jobStatus(id: $id) { jobId jobStatus flinkState revision } }"
    async with websockets.connect(f"ws://{served}/graphql", subprotocols=["graphql-transport-ws"]) as ws:  # type: ignore[list-item]
        await ws.send(json.dumps({"type": "connection_init", "payload": AUTH}))
        assert json.loads(await ws.recv())["type"] == "connection_ack"
        payload = {"query": query, "variables": {"id": str(job["id"])}}
        await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": payload}))

        async def event() -> dict[str, Any]:
            message = json.loads(await asyncio.wait_for(ws.recv(), 15))
            assert message["type"] == "next", message
            seen: dict[str, Any] = message["payload"]["data"]["jobStatus"]
            return seen

        current = await event()
        assert current == {"jobId": str(job["id"]), "jobStatus": "FAILED", "flinkState": "FAILED", "revision": 41}
        # a run on a cluster that does not answer: claimed (submitting), then released, each a revision on
        async with httpx.AsyncClient(base_url=f"http://{served}", headers=AUTH) as http:
            envelope_fail(await http.post(f"/jobs/run/{job['id']}"), 503)
        claimed, released = await event(), await event()
        assert (claimed["jobStatus"], claimed["revision"]) == ("SUBMITTING", 42), claimed
        assert (released["jobStatus"], released["revision"]) == ("FAILED", 43), released
    assert (await Job.get(id=job["id"])).revision == 43
