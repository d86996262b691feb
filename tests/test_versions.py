"""Job versions (issue 20): one per saved change of what a job runs, compiled into a plan without a Flink job,
run from that plan, and an edit of a running job leaves its Flink job alone."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from tortoise import connections

from hlink.flink.local import LocalFlink
from hlink.flink.sqlrunner import EXECUTE_PLAN
from hlink.models import Job, JobRun, Savepoint
from hlink.services.jobs.reconciler import reconcile_once
from hlink.services.jobs.submission import pipeline_name, prepare
from hlink.services.jobs.versions import state_from_script
from tests.conftest import gql
from tests.test_flink_lifecycle import add_ds, flink_state

pytestmark = pytest.mark.flink_lines  # what hlink says to Flink differs by line

SECRET = "pl41n-s3cr3t"
VERSIONS = """query($id: ID!) { job(id: $id) {
  versions { number createdBy changes flinkVersion script plan planError }
  runningVersion { number }
} }"""


def job_body(cluster: int | None, source: int, sink: int, sql: str, **extra: Any) -> dict[str, Any]:
    return {
        "jobName": "versioned",
        "jobType": 0,
        "clusterId": cluster,
        "parallelism": 1,
        "jobDsVOS": [{"dsId": source, "dsType": "source"}, {"dsId": sink, "dsType": "sink", "runSql": sql}],
        **extra,
    }


def with_sql(body: dict[str, Any], sink: int, sql: str) -> dict[str, Any]:
    """``body`` with its sink's query replaced."""
    return {**body, "jobDsVOS": [*body["jobDsVOS"][:1], {"dsId": sink, "dsType": "sink", "runSql": sql}]}


async def versions(client: httpx.AsyncClient, job_id: int) -> dict[str, Any]:
    answer = await gql(client, VERSIONS, {"id": str(job_id)})
    assert "errors" not in answer, answer
    job: dict[str, Any] = answer["data"]["job"]
    return job


async def save(client: httpx.AsyncClient, body: dict[str, Any], job_id: int | None = None) -> dict[str, Any]:
    if job_id is None:
        response = await client.post("/jobs/addDO", json=body)
    else:
        response = await client.post("/jobs/updateDO", json={**body, "id": job_id})
    answer: dict[str, Any] = response.json()
    assert answer["success"], answer
    data: dict[str, Any] = answer["data"]
    return data


async def flink_jobs(flink: LocalFlink) -> list[tuple[str, str, int]]:
    """Every Flink job of the cluster: id, state and start time."""
    async with httpx.AsyncClient(base_url=flink.url) as http:
        jobs = (await http.get("/jobs/overview")).json()["jobs"]
        return sorted((j["jid"], j["state"], j["start-time"]) for j in jobs)


def rows_in(folder: Path) -> list[str]:
    return [
        line
        for f in folder.rglob("*")
        if f.is_file() and not f.name.startswith(".")
        for line in f.read_text().splitlines()
    ]


async def test_an_unchanged_save_makes_no_version_and_each_change_the_next_with_its_summary(
    client: httpx.AsyncClient,
) -> None:
    source = await add_ds(client, "gen_t", "source", "datagen")
    sink = await add_ds(client, "out_t", "sink", "blackhole")
    body = job_body(None, source, sink, "SELECT id, name FROM gen_t")
    job = await save(client, body)
    first = await versions(client, job["id"])
    assert [(v["number"], v["changes"], v["createdBy"]) for v in first["versions"]] == [(1, "first version", "admin")]
    assert first["versions"][0]["flinkVersion"] is None and first["versions"][0]["plan"] is None, "no cluster"
    assert (
        "INSERT INTO `out_t`" in first["versions"][0]["script"] or "INSERT INTO out_t" in first["versions"][0]["script"]
    )

    await save(client, body, job["id"])
    await save(client, {**body, "jobDesc": "a description runs nothing"}, job["id"])
    assert [v["number"] for v in (await versions(client, job["id"]))["versions"]] == [1], "nothing that runs changed"

    await save(client, {**body, "checkpointInterval": 5000}, job["id"])
    changed = with_sql({**body, "checkpointInterval": 5000}, sink, "SELECT id, name FROM gen_t WHERE id > 0")
    await save(client, changed, job["id"])
    listed = (await versions(client, job["id"]))["versions"]
    assert [v["number"] for v in listed] == [3, 2, 1], "newest first"
    assert "setting execution.checkpointing.interval: unset -> 5000 ms" in listed[1]["changes"], listed[1]
    assert listed[0]["changes"] == "query into out_t changed", listed[0]
    assert "WHERE id > 0" in listed[0]["script"]
    detail = (await client.get(f"/jobs/{job['id']}")).json()["data"]
    assert detail["version"] is None, "nothing runs"


async def test_a_version_is_compiled_without_a_flink_job_runs_from_its_plan_and_an_edit_leaves_it_running(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "secret-out"
    # a secret the plan copies: URL credentials in the sink's path (the filesystem connector takes them as a name)
    sink = await add_ds(client, "sec_t", "sink", "filesystem", path=f"file://{out}?password={SECRET}", format="csv")
    before = await flink_jobs(flink)
    body = job_body(
        pipeline["cluster"], pipeline["source"], sink, "SELECT id, name FROM gen_t", checkpointInterval=1000
    )
    job = await save(client, body)
    assert job["validationStatus"] == 1, job["validationError"]
    assert await flink_jobs(flink) == before, "compiling and validating start no Flink job"

    first = (await versions(client, job["id"]))["versions"]
    assert len(first) == 1 and first[0]["flinkVersion"] == flink.version, first
    plan = first[0]["plan"]
    assert plan and plan["nodes"] and first[0]["planError"] is None, first[0]["planError"]
    assert [n["id"] for n in plan["nodes"]] == list(range(1, len(plan["nodes"]) + 1)), "numbered from 1"
    types = [n["type"] for n in plan["nodes"]]
    assert any(t.startswith("stream-exec-sink") for t in types), types
    shown = json.dumps(first[0])
    assert SECRET not in shown and "******" in shown, "the plan is shown with its secret masked"
    raw = await connections.get("default").execute_query_dict('SELECT * FROM "t_job_version"')
    assert SECRET not in json.dumps(raw, default=str), "sealed at rest"
    assert str(raw[0]["plan"]).startswith("enc:v1:") and str(raw[0]["statements"]).startswith("enc:v1:")

    row = await Job.get(id=job["id"])
    runtime = client.app_state.runtime  # type: ignore[attr-defined]
    submission = await prepare(runtime, row, pipeline_name(row))
    args = submission.request.program_args
    assert args[0] == EXECUTE_PLAN and json.loads(args[-1])["nodes"], "a SQL run runs its version's plan"
    assert SECRET in args[-1], "only what is sent to Flink carries the secret"
    assert not any(a.lstrip().upper().startswith(("CREATE TABLE", "INSERT")) for a in args[1:-1])

    run = (await client.post(f"/jobs/run/{job['id']}")).json()["data"]
    jid = run["flinkJobId"]
    await flink_state(flink, jid, "RUNNING")
    started = await JobRun.get(flink_job_id=jid)
    assert (started.version, started.from_plan) == (1, True)
    await reconcile_once(runtime)
    assert (await client.get(f"/jobs/{job['id']}")).json()["data"]["version"] == "1"
    assert (await versions(client, job["id"]))["runningVersion"] == {"number": 1}

    # an edit of the running job: a new version, the Flink job untouched
    running = await flink_jobs(flink)
    edited = with_sql(body, sink, "SELECT id, name FROM gen_t WHERE id > 0")
    await save(client, edited, job["id"])
    after = await versions(client, job["id"])
    assert [v["number"] for v in after["versions"]] == [2, 1] and after["versions"][0]["plan"], after
    assert after["versions"][0]["changes"] == "query into sec_t changed"
    assert after["runningVersion"] == {"number": 1}, "the Flink job still runs version 1"
    assert await flink_jobs(flink) == running, "the edit started, stopped or changed no Flink job"
    detail = (await client.get(f"/jobs/{job['id']}")).json()["data"]
    assert (detail["version"], detail["flinkJobId"], detail["jobStatus"]) == ("1", jid, 1)

    # the first SQL again: version 3, compiled later by the same job manager, is the same plan as version 1's
    await save(client, body, job["id"])
    back = (await versions(client, job["id"]))["versions"]
    assert [v["number"] for v in back] == [3, 2, 1] and back[0]["plan"] == back[2]["plan"], "numbered alike"

    # the plan's job writes rows (committed on checkpoints) where the path says
    for _ in range(150):
        written = rows_in(out.parent)
        if written:
            break
        await asyncio.sleep(0.2)
    assert written and all(len(r.split(",")) == 2 for r in written), written[:5]
    stopped = (await client.post(f"/jobs/cancel/{job['id']}")).json()["data"]
    assert stopped["jobStatus"] == 2, stopped
    assert (await client.get(f"/jobs/{job['id']}")).json()["data"]["version"] is None


async def test_state_a_script_run_wrote_is_restored_by_the_script(client: httpx.AsyncClient) -> None:
    """Operator ids of a script run are hashed from the topology, a plan's from its uids: state written by a
    run of the script (every run before plans) is restored by the script, anything else by the plan."""
    source = await add_ds(client, "gen_t", "source", "datagen")
    sink = await add_ds(client, "out_t", "sink", "blackhole")
    job = await save(client, job_body(None, source, sink, "SELECT id, name FROM gen_t"))
    script_run = await JobRun.create(job_id=job["id"], pipeline_name="a", from_plan=False)
    plan_run = await JobRun.create(job_id=job["id"], pipeline_name="b", from_plan=True)
    await Savepoint.create(job_id=job["id"], run_id=script_run.id, path="file:/sp/old", kind="stop")
    await Savepoint.create(job_id=job["id"], run_id=plan_run.id, path="file:/sp/new", kind="stop")
    assert await state_from_script(job["id"], "file:/sp/old")
    assert not await state_from_script(job["id"], "file:/sp/new")
    assert not await state_from_script(job["id"], "file:/elsewhere"), "a path hlink did not record"
    assert not await state_from_script(job["id"], None), "a fresh start"
