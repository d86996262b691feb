"""Upgrades as a state machine of their own (issue 20), on real Flink 2.3 and 1.20 clusters with a stateful count
whose rows the test reads from the print sink in the task managers' stdout: a compatible upgrade resumes every
key's count and ends STABLE; an incompatible one is refused with the running job untouched; a version that fails
at run time is rolled back and resumes from the upgrade's savepoint; two upgrades asked at once run one."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx
import pytest

from hlink.flink.local import LocalFlink
from hlink.models import Job, JobRun, JobUpgrade, Savepoint
from hlink.services.jobs.reconciler import reconcile_once
from hlink.services.jobs.upgrades import OPEN
from tests.conftest import gql
from tests.test_flink_lifecycle import add_ds, flink_state
from tests.test_upgrade_verdict import offsets, printed, wait_rows
from tests.test_versions import job_body, save, with_sql

#: the Flink tests run on every line: each restores into plans compiled by its line's planner
LINES = pytest.mark.flink_lines

KEY = "SUBSTRING(name, 1, 1)"  # 16 keys: datagen's hex characters
COUNT = f"SELECT COUNT(*) AS id, {KEY} AS name FROM gen_t GROUP BY {KEY}"
UPGRADE = """mutation($id: ID!, $stable: Int!, $drop: Boolean!) {
  upgradeJob(id: $id, stableSeconds: $stable, allowDroppingState: $drop) {
    upgrade { id status fromVersion toVersion verdict reasons savepointId reason flinkJobId rollbackFlinkJobId }
    job { id jobStatus }
    error { __typename ... on RefusedError { message } ... on ConflictError { message } }
  }
}"""
UPGRADES = """query($id: ID!) { job(id: $id) { runningVersion { number }
  upgrades { id kind status fromVersion toVersion verdict savepointId reason } } }"""


async def upgrade(client: httpx.AsyncClient, job_id: int, stable: int = 2, drop: bool = False) -> dict[str, Any]:
    answer = await gql(client, UPGRADE, {"id": str(job_id), "stable": stable, "drop": drop})
    assert "errors" not in answer, answer
    payload: dict[str, Any] = answer["data"]["upgradeJob"]
    return payload


async def ended(client: httpx.AsyncClient, upgrade_id: int, within: float = 180.0) -> JobUpgrade:
    """The upgrade once it has ended, followed by the reconciler as a deployment's would (bounded)."""
    runtime = client.app_state.runtime  # type: ignore[attr-defined]
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while loop.time() < deadline:
        row = await JobUpgrade.get(id=upgrade_id)
        if row.status not in OPEN:
            return row
        await reconcile_once(runtime)
        await runtime.side.idle()
        await asyncio.sleep(0.5)
    raise AssertionError(f"upgrade {upgrade_id} did not end within {within} s: {row.status}")


async def counting_job(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> tuple[dict[str, Any], int, str, dict[str, Any]]:
    """A running count over 16 keys into a print sink (checkpointed each second); its body, sink, prefix, run."""
    prefix = f"up{uuid.uuid4().hex[:8]}"
    counts = await add_ds(client, "counts_t", "sink", "print", **{"print-identifier": prefix})
    body = job_body(pipeline["cluster"], pipeline["source"], counts, COUNT, checkpointInterval=1000)
    job = await save(client, body)
    start = offsets(flink)
    run = (await client.post(f"/jobs/run/{job['id']}")).json()["data"]
    await flink_state(flink, run["flinkJobId"], "RUNNING")
    await wait_rows(flink, prefix, start, 16)
    return {**body, "id": job["id"]}, counts, prefix, run


def resumed(before: list[tuple[str, int, str]], after: list[tuple[str, int, str]]) -> None:
    """No key inserted anew after the restore, and each key's first update counts on from where it was."""
    assert not [r for r in after if r[0] == "+I"], f"keys inserted anew after the restore: {after[:10]}"
    last = {k: c for _, c, k in before}
    firsts: dict[str, int] = {}
    for kind, c, k in after:
        if kind == "+U":
            firsts.setdefault(k, c)
    assert firsts and all(firsts[k] > last[k] for k in firsts if k in last), (last, firsts)


@LINES
async def test_a_compatible_upgrade_resumes_every_count_and_ends_stable(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    body, counts, prefix, first = await counting_job(client, flink, pipeline)
    job_id = body.pop("id")
    await save(client, with_sql(body, counts, f"SELECT id, name FROM ({COUNT}) WHERE id > 0"), job_id)
    before = printed(flink, prefix)
    mark = offsets(flink)

    payload = await upgrade(client, job_id)
    assert payload["error"] is None, payload
    row = await ended(client, int(payload["upgrade"]["id"]))
    assert (row.status, row.from_version, row.to_version, row.verdict) == ("STABLE", 1, 2, "COMPATIBLE"), row.reason
    assert row.open_job_id is None and row.savepoint_id is not None
    stop = await Savepoint.get(id=row.savepoint_id)
    assert (stop.kind, stop.flink_job_id) == ("stop", first["flinkJobId"])
    await flink_state(flink, row.flink_job_id or "", "RUNNING")
    run = await JobRun.get(job_id=job_id, flink_job_id=row.flink_job_id)
    assert (run.version, run.restored_from) == (2, stop.path)
    resumed(before, await wait_rows(flink, prefix, mark, 16))

    seen = (await gql(client, UPGRADES, {"id": str(job_id)}))["data"]["job"]
    assert seen["runningVersion"] == {"number": 2}
    assert [(u["kind"], u["status"], u["savepointId"]) for u in seen["upgrades"]] == [
        ("UPGRADE", "STABLE", str(row.savepoint_id))
    ]
    assert (await client.post(f"/jobs/cancel/{job_id}")).json()["data"]["jobStatus"] == 2


@LINES
async def test_an_incompatible_upgrade_is_refused_with_the_running_job_untouched(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    body, counts, _, first = await counting_job(client, flink, pipeline)
    job_id = body.pop("id")
    await save(client, with_sql(body, counts, "SELECT COUNT(*) AS id, name FROM gen_t GROUP BY name"), job_id)
    runs = await JobRun.filter(job_id=job_id).count()

    refused = await upgrade(client, job_id)
    assert refused["upgrade"] is None and refused["error"]["__typename"] == "RefusedError", refused
    assert "INCOMPATIBLE" in refused["error"]["message"] and "grouping key" in refused["error"]["message"]
    # PARTIAL without allowDroppingState is refused the same way: another aggregate starts empty
    hole = await add_ds(client, "hole_t", "sink", "blackhole")
    extra = {"dsId": hole, "dsType": "sink", "runSql": "SELECT MAX(id) AS id, name FROM gen_t GROUP BY name"}
    await save(client, {**body, "jobDsVOS": [*body["jobDsVOS"], extra]}, job_id)
    partial = await upgrade(client, job_id)
    assert partial["error"]["__typename"] == "RefusedError" and "PARTIAL" in partial["error"]["message"], partial

    await flink_state(flink, first["flinkJobId"], "RUNNING")
    job = await Job.get(id=job_id)
    assert (job.flink_job_id, job.job_status) == (first["flinkJobId"], 1)
    assert await JobRun.filter(job_id=job_id).count() == runs, "nothing was stopped or run"
    assert not await JobUpgrade.filter(job_id=job_id).exists()
    assert (await client.post(f"/jobs/cancel/{job_id}", params={"withSavepoint": "false"})).json()["success"]


@LINES
async def test_a_version_that_fails_at_run_time_is_rolled_back_from_the_upgrades_savepoint(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    body, counts, prefix, first = await counting_job(client, flink, pipeline)
    job_id = body.pop("id")
    # plans and validates; fails at the first key that is a letter (CAST throws at run time)
    failing = f"SELECT id, name FROM ({COUNT}) WHERE CAST(name AS BIGINT) >= 0"
    await save(client, with_sql(body, counts, failing), job_id)

    payload = await upgrade(client, job_id)
    assert payload["error"] is None, payload
    row = await ended(client, int(payload["upgrade"]["id"]))
    assert row.status == "ROLLED_BACK", (row.status, row.reason)
    assert row.reason and "version 2" in row.reason, row.reason
    assert row.flink_job_id and row.rollback_flink_job_id not in (None, row.flink_job_id, first["flinkJobId"])
    before = printed(flink, prefix)
    mark = offsets(flink)
    await flink_state(flink, row.rollback_flink_job_id or "", "RUNNING")
    stop = await Savepoint.get(id=row.savepoint_id)
    again = await JobRun.get(job_id=job_id, flink_job_id=row.rollback_flink_job_id)
    assert (again.version, again.restored_from) == (1, stop.path), "version 1 ran again from the upgrade's savepoint"
    after = await wait_rows(flink, prefix, mark, 16)
    assert not [r for r in after if r[0] == "+I"], f"keys inserted anew after the rollback: {after[:10]}"
    assert max(c for _, c, _ in after) > max(c for _, c, _ in before[:16]), "the counts went on"
    seen = (await gql(client, UPGRADES, {"id": str(job_id)}))["data"]["job"]
    assert seen["runningVersion"] == {"number": 1}
    assert (await client.post(f"/jobs/cancel/{job_id}")).json()["success"]


@LINES
async def test_two_upgrades_asked_at_once_run_one(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    body, counts, _, _ = await counting_job(client, flink, pipeline)
    job_id = body.pop("id")
    await save(client, with_sql(body, counts, f"SELECT id, name FROM ({COUNT}) WHERE id > 0"), job_id)
    answers = await asyncio.gather(upgrade(client, job_id), upgrade(client, job_id))
    started = [a for a in answers if a["upgrade"] is not None]
    refused = [a for a in answers if a["upgrade"] is None]
    assert len(started) == 1 and len(refused) == 1, answers
    assert refused[0]["error"]["__typename"] == "ConflictError", refused
    row = await ended(client, int(started[0]["upgrade"]["id"]))
    assert row.status == "STABLE", row.reason
    assert await JobUpgrade.filter(job_id=job_id).count() == 1
    running = [j for j in await flink_jobs_of(flink) if j == row.flink_job_id]
    assert running, "the upgrade's Flink job runs"
    assert (await client.post(f"/jobs/cancel/{job_id}")).json()["success"]


async def flink_jobs_of(flink: LocalFlink) -> list[str]:
    async with httpx.AsyncClient(base_url=flink.url) as http:
        overview = (await http.get("/jobs/overview")).json()["jobs"]
    return [j["jid"] for j in overview if j["state"] == "RUNNING"]


async def test_viewers_read_upgrades_and_may_not_upgrade_or_roll_back(client: httpx.AsyncClient) -> None:
    from tests.test_access import bearer, make_user

    viewer = bearer((await make_user(client, "uvera", "VIEWER"))["secret"])
    source = await add_ds(client, "vsrc_t", "source", "datagen")
    sink = await add_ds(client, "vdst_t", "sink", "blackhole")
    job = await save(client, job_body(None, source, sink, "SELECT * FROM vsrc_t"))
    for mutation in ("upgradeJob(id: $id)", "rollbackJob(id: $id, toVersion: 1)"):
        document = f"mutation($id: ID!) {{ {mutation} {{ upgrade {{ id }} error {{ __typename }} }} }}"
        answer = await client.post(
            "/graphql", json={"query": document, "variables": {"id": str(job["id"])}}, headers=viewer
        )
        payload = next(iter(answer.json()["data"].values()))
        assert payload == {"upgrade": None, "error": {"__typename": "ForbiddenError"}}, answer.text
    seen = await client.post("/graphql", json={"query": UPGRADES, "variables": {"id": str(job["id"])}}, headers=viewer)
    assert seen.json()["data"]["job"]["upgrades"] == [], seen.text
    assert not await JobUpgrade.filter(job_id=job["id"]).exists()
