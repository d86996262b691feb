"""Submissions under a Flink job id hlink chose (services/jobs/submission.py), on the session's real Flink clusters
(both versions): Flink runs the job under that id and refuses a second one; a lost answer is settled by asking
Flink for it; a submission in flight on a live process is fenced by its heartbeat however long it takes; one
whose process stopped beating is released at the next cycle; and a Flink job that starts under the id of a
submission hlink had given up is cancelled, never left untracked."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
import pytest

from hlink.flink.client import RunRequest
from hlink.flink.errors import FlinkRejected, FlinkUnavailable
from hlink.flink.local import LocalFlink
from hlink.flink.sqlrunner import RUNNER_CLASS
from hlink.models import Job, JobRun
from hlink.models.status import NOT_RUNNING, RUNNING, SUBMITTING
from hlink.runtime import Runtime
from hlink.services.jobs import submission
from hlink.services.jobs.reconciler import reconcile_once
from hlink.services.jobs.states import Change, Event, apply, now
from hlink.services.jobs.submission import new_job_id, prepare
from tests.helpers import envelope_fail, envelope_ok
from tests.test_flink_lifecycle import blackhole_job, flink_state


def _runtime(client: httpx.AsyncClient) -> Runtime:
    runtime: Runtime = client.app_state.runtime  # type: ignore[attr-defined]
    return runtime


async def _overview(flink: LocalFlink) -> dict[str, str]:
    async with httpx.AsyncClient(base_url=flink.url) as http:
        return {j["jid"]: j["state"] for j in (await http.get("/jobs/overview")).json()["jobs"]}


async def _claimed(job_id: int, cluster: int, heartbeat_age: float, age: float = 0) -> JobRun:
    """What another process leaves while it submits: the job claimed, its run with a chosen id and a heartbeat
    ``heartbeat_age`` seconds old, made ``age`` seconds ago."""
    job = await Job.get(id=job_id)
    assert await apply(job, Change(Event.CLAIM, SUBMITTING, "SUBMITTING", flink_job_id=None), None)
    run = await JobRun.create(
        job_id=job_id,
        cluster_id=cluster,
        pipeline_name=submission.pipeline_name(job),
        chosen_job_id=new_job_id(),
        heartbeat_at=now() - timedelta(seconds=heartbeat_age),
    )
    if age:
        await JobRun.filter(id=run.id).update(create_time=run.create_time - timedelta(seconds=age))
    return await JobRun.get(id=run.id)


async def _send(runtime: Runtime, run: JobRun) -> str:
    """The run request of ``run`` reaching Flink (late, after whoever sent it is gone)."""
    job = await Job.get(id=run.job_id)
    sent = await prepare(runtime, job, run.pipeline_name, None, run.chosen_job_id)
    return await sent.client.run(sent.jar_id, sent.request)


async def test_flink_runs_a_submission_under_the_chosen_id_and_refuses_a_second_one(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    runtime = _runtime(client)
    flink_client = runtime.flink.client(flink.url)
    runner = await runtime.flink.ensure_jar(flink_client, await runtime.flink.runner([]))
    statements = [
        "CREATE TABLE s (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '1')",
        "CREATE TABLE k (id BIGINT) WITH ('connector' = 'blackhole')",
        "INSERT INTO k SELECT id FROM s",
    ]
    chosen = new_job_id()
    request = RunRequest(entry_class=RUNNER_CLASS, program_args=statements, job_id=chosen)
    assert await flink_client.run(runner, request) == chosen, f"Flink {flink.version} honours jobId"
    try:
        await flink_state(flink, chosen, "RUNNING")
        with pytest.raises(FlinkRejected):  # the same id again: refused, never a second job
            await flink_client.run(runner, request)
        assert [jid for jid, state in (await _overview(flink)).items() if jid == chosen] == [chosen]
        assert (await _overview(flink))[chosen] == "RUNNING"
    finally:
        await flink_client.cancel(chosen)


async def test_a_lost_answer_flink_acts_on_late_is_found_by_its_chosen_id(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    job = await blackhole_job(client, pipeline, "late", "hole_late")

    async def lost(runtime: Any, sub: Any, call: Any) -> Any:  # the request went out; Flink has not acted yet
        raise FlinkUnavailable("the connection dropped", maybe_sent=True)

    monkeypatch.setattr("hlink.services.jobs.lifecycle.with_jar_retry", lost)
    refused = envelope_fail(await client.post(f"/jobs/run/{job['id']}"), 503)
    monkeypatch.undo()
    run = await JobRun.get(job_id=job["id"])
    assert f"asks Flink for job {run.chosen_job_id}" in refused["msg"], refused
    envelope_fail(await client.post(f"/jobs/run/{job['id']}"), 409)  # never submitted twice
    runtime = _runtime(client)
    await reconcile_once(runtime)
    detail = envelope_ok(await client.get(f"/jobs/{job['id']}"))
    assert (detail["jobStatus"], detail["flinkState"]) == (SUBMITTING, "UNCONFIRMED"), "kept within the grace"

    jid = await _send(runtime, run)  # Flink starts it now
    assert jid == run.chosen_job_id
    await flink_state(flink, jid, "RUNNING")
    await reconcile_once(runtime)
    detail = envelope_ok(await client.get(f"/jobs/{job['id']}"))
    assert (detail["jobStatus"], detail["flinkState"], detail["flinkJobId"]) == (RUNNING, "RUNNING", jid), detail
    assert (await JobRun.get(id=run.id)).flink_job_id == jid
    envelope_ok(await client.post(f"/jobs/cancel/{job['id']}"))


async def test_a_submission_in_flight_is_fenced_past_the_grace_while_its_process_beats(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    job = await blackhole_job(client, pipeline, "in flight", "hole_fence")
    runtime = _runtime(client)
    runtime.submission_grace = 1.0
    run = await _claimed(job["id"], pipeline["cluster"], heartbeat_age=0, age=600)  # older than any grace
    await reconcile_once(runtime)
    stored = await Job.get(id=job["id"])
    assert (stored.job_status, stored.flink_state) == (SUBMITTING, "SUBMITTING"), "a live submitter is fenced"
    assert (await JobRun.get(id=run.id)).end_time is None

    jid = await _send(runtime, run)  # its answer, however late: found by the id
    await flink_state(flink, jid, "RUNNING")
    await reconcile_once(runtime)
    stored = await Job.get(id=job["id"])
    assert (stored.job_status, stored.flink_job_id) == (RUNNING, jid)
    envelope_ok(await client.post(f"/jobs/cancel/{job['id']}"))


async def test_a_submission_whose_process_stopped_beating_is_released_at_the_next_cycle_and_a_late_job_cancelled(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    job = await blackhole_job(client, pipeline, "left behind", "hole_dead")
    runtime = _runtime(client)
    assert runtime.submission_grace >= 300, "the production grace: the release does not wait for it"
    run = await _claimed(job["id"], pipeline["cluster"], heartbeat_age=30)
    cycle = await reconcile_once(runtime)
    assert cycle.changed == [job["id"]], cycle
    stored = await Job.get(id=job["id"])
    assert (stored.job_status, stored.flink_state) == (NOT_RUNNING, None)
    released = await JobRun.get(id=run.id)
    assert released.final_state == "NOT_SUBMITTED" and "no heartbeat" in (released.failure or ""), released.failure

    # the dead process's request reached Flink after all, and Flink starts it: cancelled, never untracked
    jid = await _send(runtime, run)
    await flink_state(flink, jid, "RUNNING")
    await reconcile_once(runtime)
    await flink_state(flink, jid, "CANCELED")
    cancelled = await JobRun.get(id=run.id)
    assert (cancelled.flink_job_id, cancelled.final_state) == (jid, "CANCELED"), cancelled
    assert "after the submission was released" in (cancelled.failure or ""), cancelled.failure
    assert (await Job.get(id=job["id"])).job_status == NOT_RUNNING


async def test_an_answer_arriving_after_the_job_moved_on_cancels_its_flink_job(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    job = await blackhole_job(client, pipeline, "stalled", "hole_stall")
    runtime = _runtime(client)
    real_retry = submission.with_jar_retry

    async def stalled(rt: Any, sub: Any, call: Any) -> Any:
        # this process stalls past its heartbeat before the request leaves: a replica's reconciler (here the
        # same process, looking as another would) releases the submission
        runtime.submitting.discard(job["id"])
        await JobRun.filter(job_id=job["id"]).update(heartbeat_at=now() - timedelta(minutes=1))
        await reconcile_once(runtime)
        assert (await Job.get(id=job["id"])).job_status == NOT_RUNNING
        return await real_retry(rt, sub, call)  # then the request leaves and Flink accepts it

    monkeypatch.setattr("hlink.services.jobs.lifecycle.with_jar_retry", stalled)
    refused = envelope_fail(await client.post(f"/jobs/run/{job['id']}"), 409)
    run = await JobRun.get(job_id=job["id"])
    assert f"the Flink job {run.chosen_job_id} was cancelled" in refused["msg"], refused
    await flink_state(flink, str(run.chosen_job_id), "CANCELED")
    assert (run.flink_job_id, run.final_state) == (run.chosen_job_id, "CANCELED"), run
    stored = await Job.get(id=job["id"])
    assert (stored.job_status, stored.flink_job_id) == (NOT_RUNNING, None)
