"""Batches as stored rows: each job's outcome outlives the request, what a request's wait or a dead process left
is finished by the reconciler acting as the user who asked, and a batch is refused whole to a viewer."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx

from hlink.flink.local import LocalFlink
from hlink.models import AuditEntry, Job, JobBatch, JobBatchItem
from hlink.runtime import Runtime
from hlink.services.access import accounts
from hlink.services.actor import SYSTEM, Actor, Role, acting_as
from hlink.services.jobs import batches
from hlink.services.jobs.reconciler import reconcile_once
from hlink.services.jobs.states import now
from tests.helpers import envelope_fail, envelope_ok, wait_flink_state
from tests.test_flink_lifecycle import blackhole_job

BATCH = """query($id: ID!) { jobBatch(id: $id) { action status createdBy finishTime outcomes {
  jobId done batchId job { id jobStatus } error { __typename ... on NotFoundError { message entity key }
  ... on ConflictError { message } ... on ForbiddenError { message } } } } }"""


def _runtime(client: httpx.AsyncClient) -> Runtime:
    runtime: Runtime = client.app_state.runtime  # type: ignore[attr-defined]
    return runtime


async def gql(client: httpx.AsyncClient, query: str, variables: dict[str, Any], **kw: Any) -> dict[str, Any]:
    answer = await client.post("/graphql", json={"query": query, "variables": variables}, **kw)
    body: dict[str, Any] = answer.json()
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data


async def _user(name: str, role: Role) -> tuple[Actor, dict[str, str]]:
    with acting_as(SYSTEM):
        user, issued = await accounts.create_user(name, role)
    return Actor(user.name, role, user.id), {"Authorization": f"Bearer {issued.secret}"}


async def test_a_batch_is_stored_and_each_failure_read_back_as_the_action_answered_it(
    client: httpx.AsyncClient,
) -> None:
    idle = envelope_ok(await client.post("/jobs/addDO", json={"jobName": "idle one"}))["id"]
    failed = envelope_ok(await client.post("/jobs/cancelBatch", params={"jobIds": [idle, 999997, idle]}))
    assert {int(k): v["code"] for k, v in failed.items()} == {idle: 409, 999997: 404}, failed
    batch = await JobBatch.filter(action="stop").order_by("-id").first()
    assert batch is not None and batch.status == "DONE" and batch.finish_time is not None
    items = await JobBatchItem.filter(batch_id=batch.id).order_by("position")
    assert [(i.job_id, i.status) for i in items] == [(idle, "FAILED"), (999997, "FAILED")]

    # read back later, from the rows alone: the same typed errors as the action gave
    seen = (await gql(client, BATCH, {"id": batch.id}))["jobBatch"]
    assert (seen["action"], seen["status"], seen["createdBy"]) == ("stop", "DONE", "admin"), seen
    first, missing = seen["outcomes"]
    assert first["error"]["__typename"] == "ConflictError" and first["done"] and first["batchId"] == str(batch.id)
    assert missing["error"] == {
        "__typename": "NotFoundError",
        "message": "job 999997 does not exist",
        "entity": "job",
        "key": "999997",
    }, missing
    assert (await gql(client, BATCH, {"id": 987654}))["jobBatch"] is None


async def test_a_viewers_batch_is_refused_whole_and_nothing_is_stored(client: httpx.AsyncClient) -> None:
    idle = envelope_ok(await client.post("/jobs/addDO", json={"jobName": "not yours"}))["id"]
    _, viewer = await _user("batch_viewer", Role.VIEWER)
    before = await JobBatch.all().count()
    envelope_fail(await client.post("/jobs/runBatch", params={"jobIds": [idle]}, headers=viewer), 403)
    mutation = "mutation($ids: [ID!]!) { runJobs(ids: $ids) { jobId error { __typename } } }"
    ran = await gql(client, mutation, {"ids": [str(idle)]}, headers=viewer)
    assert ran["runJobs"] == [{"jobId": str(idle), "error": {"__typename": "ForbiddenError"}}], ran
    assert await JobBatch.all().count() == before
    assert await AuditEntry.filter(action="job.batch.run", outcome="denied").count() == 2


async def test_a_batch_whose_asker_was_disabled_is_not_finished_in_their_name(client: httpx.AsyncClient) -> None:
    idle = envelope_ok(await client.post("/jobs/addDO", json={"jobName": "orphaned batch"}))["id"]
    developer, _ = await _user("gone_developer", Role.DEVELOPER)
    with acting_as(developer):  # what a process that died at once leaves: the rows, nothing done
        batch = await batches.begin(batches.Action.CANCEL, [idle])
    await JobBatch.filter(id=batch.id).update(create_time=now() - timedelta(minutes=5))
    with acting_as(SYSTEM):
        await accounts.update_user("gone_developer", disabled=True)
    await reconcile_once(_runtime(client))
    await _runtime(client).side.idle()
    item = await JobBatchItem.get(batch_id=batch.id)
    assert (item.status, item.error_kind) == ("FAILED", "Forbidden"), item.error_message
    assert "disabled" in (item.error_message or "")
    assert (await JobBatch.get(id=batch.id)).status == "DONE"


async def test_a_batch_left_by_a_dead_process_is_finished_by_the_reconciler_as_its_asker(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    jobs = [await blackhole_job(client, pipeline, f"left {i}", f"hole_left{i}") for i in range(2)]
    developer, _ = await _user("batch_developer", Role.DEVELOPER)
    with acting_as(developer):  # the rows a process leaves when it dies right after writing them
        batch = await batches.begin(batches.Action.RUN, [j["id"] for j in jobs])
    await JobBatch.filter(id=batch.id).update(create_time=now() - timedelta(minutes=2))
    # and one item its worker held when it died: its lease ran out
    await JobBatchItem.filter(batch_id=batch.id, position=1).update(
        status="WORKING", attempt=1, lease_until=now() - timedelta(seconds=1)
    )
    runtime = _runtime(client)
    await reconcile_once(runtime)
    await runtime.side.idle()
    items = await JobBatchItem.filter(batch_id=batch.id).order_by("position")
    assert [i.status for i in items] == ["DONE", "DONE"], [(i.status, i.error_message) for i in items]
    assert (await JobBatch.get(id=batch.id)).status == "DONE"
    for job in jobs:
        row = await Job.get(id=job["id"])
        assert row.flink_job_id, row
        await wait_flink_state(flink.url, row.flink_job_id, "RUNNING")
        # each run was the asker's, checked and audited in their name, never the system's
        assert await AuditEntry.filter(action="job.run", entity_id=str(job["id"]), actor=developer.name).exists()
    ended = envelope_ok(await client.post("/jobs/cancelBatch", params={"jobIds": [j["id"] for j in jobs]}))
    assert ended == {}, ended


async def test_a_batch_goes_on_after_its_request_answered(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    jobs = [await blackhole_job(client, pipeline, f"later {i}", f"hole_later{i}") for i in range(2)]
    ids = [j["id"] for j in jobs]
    runtime = _runtime(client)
    runtime.batch_wait = 0.0  # the request answers at once: the batch's work is still to do
    try:
        answer = await client.post("/jobs/runBatch", params={"jobIds": ids})
    finally:
        runtime.batch_wait = 120.0
    assert envelope_ok(answer) == {}
    assert "still under way" in answer.json()["msg"], answer.text
    batch = await JobBatch.filter(action="run").order_by("-id").first()
    assert batch is not None and str(batch.id) in answer.json()["msg"]
    await runtime.side.idle()  # the side task the request left finishes it
    seen = (await gql(client, BATCH, {"id": batch.id}))["jobBatch"]
    assert seen["status"] == "DONE" and all(o["done"] and o["error"] is None for o in seen["outcomes"]), seen
    for job_id in ids:
        row = await Job.get(id=job_id)
        assert row.flink_job_id
        await wait_flink_state(flink.url, row.flink_job_id, "RUNNING")
    assert envelope_ok(await client.post("/jobs/cancelBatch", params={"jobIds": ids})) == {}
