"""Jobs on the session's real Flink cluster, driven through the REST paths with the document's field names."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import anyio
import httpx
import pytest

from hlink.flink.local import LocalFlink
from hlink.models import Cluster, Job, JobRun
from hlink.runtime import Runtime
from hlink.services.jobs.reconciler import reconcile_once
from hlink.services.jobs.submission import pipeline_name, prepare
from tests.helpers import add_cluster, code_of, envelope_fail, envelope_ok, job_log, wait_flink_state

pytestmark = pytest.mark.flink_lines  # what hlink says to Flink differs by line


def column(name: str, flink_type: str, i: int) -> dict[str, Any]:
    return {"name": name, "flinkType": flink_type, "virtualId": f"c{i}", "virtualPid": "0", "level": 1}


def props(**options: str) -> dict[str, Any]:
    return {"jsonValue": [{"fieldName": k, "fieldValue": v} for k, v in options.items()]}


async def add_ds(client: httpx.AsyncClient, table: str, ds_type: str, connector: str, **options: str) -> int:
    body = {
        "dsName": table,
        "dsType": ds_type,
        "tableName": table,
        "tableType": connector,
        "dsSchemaColumnVOS": [column("id", "BIGINT", 1), column("name", "STRING", 2)],
        "jsonFieldVO": props(**options),
    }
    return int(envelope_ok(await client.post("/ds/addDO", json=body)))


async def add_job(
    client: httpx.AsyncClient, name: str, cluster: int, source: int, sink: int, sql: str, **s: Any
) -> Any:
    body = {
        "jobName": name,
        "jobType": 0,
        "clusterId": cluster,
        "parallelism": 1,
        "jobDsVOS": [{"dsId": source, "dsType": "source"}, {"dsId": sink, "dsType": "sink", "runSql": sql}],
        **s,
    }
    return envelope_ok(await client.post("/jobs/addDO", json=body))


async def flink_state(flink: LocalFlink, jid: str, want: str, within: float = 60) -> dict[str, Any]:
    """Poll Flink itself until the job reaches ``want``."""
    return await wait_flink_state(flink.url, jid, want, within)


async def blackhole_job(client: httpx.AsyncClient, pipeline: dict[str, Any], name: str, table: str) -> Any:
    """A job copying the pipeline's datagen source into a new blackhole sink ``table``."""
    sink = await add_ds(client, table, "sink", "blackhole")
    sql = f"INSERT INTO {table} SELECT id, name FROM gen_t"
    return await add_job(client, name, pipeline["cluster"], pipeline["source"], sink, sql)


async def test_sql_job_runs_savepoints_stops_and_restarts_from_its_savepoint(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    job = await add_job(
        client,
        "features",
        pipeline["cluster"],
        pipeline["source"],
        pipeline["sink"],
        "INSERT INTO out_t SELECT id, name FROM gen_t",
        checkpointInterval=1000,
    )
    assert job["validationStatus"] == 1, job["validationError"]
    assert job["validationPlan"]["nodes"], job["validationPlan"]

    run = envelope_ok(await client.post(f"/jobs/run/{job['id']}"))
    jid = run["flinkJobId"]
    await flink_state(flink, jid, "RUNNING")
    await reconcile_once(client.app_state.runtime)  # type: ignore[attr-defined]
    detail = envelope_ok(await client.get(f"/jobs/{job['id']}"))
    assert (detail["jobStatus"], detail["flinkState"], detail["flinkJobId"]) == (1, "RUNNING", jid)

    await asyncio.sleep(2.5)  # a few checkpoints commit the filesystem sink's files
    triggered = envelope_ok(await client.get(f"/jobs/savepoint/{job['id']}"))
    assert triggered["kind"] == "triggered"
    assert await anyio.Path(triggered["savepointPath"].removeprefix("file:")).exists()

    stopped = envelope_ok(await client.post(f"/jobs/cancel/{job['id']}"))
    assert stopped["jobStatus"] == 2 and stopped["savepoint"]["kind"] == "stop", stopped
    stop_path = stopped["savepoint"]["savepointPath"]
    assert stop_path != triggered["savepointPath"]

    restarted = envelope_ok(await client.post(f"/jobs/restart/{job['id']}"))
    assert restarted["restoredFrom"] == stop_path
    await flink_state(flink, restarted["flinkJobId"], "RUNNING")
    async with httpx.AsyncClient(base_url=flink.url) as http:
        for _ in range(50):
            restored = (await http.get(f"/jobs/{restarted['flinkJobId']}/checkpoints")).json()["latest"]["restored"]
            if restored:
                break
            await asyncio.sleep(0.2)
    assert restored["external_path"] == stop_path, restored

    rows = [
        line
        for f in pipeline["out"].rglob("*")
        if f.is_file() and not f.name.startswith(".")
        for line in f.read_text().splitlines()
    ]
    assert rows and all(len(r.split(",")) == 2 for r in rows), rows[:5]

    final = envelope_ok(await client.post(f"/jobs/cancel/{job['id']}"))
    log = await job_log(client, job["id"])
    assert [r["finalState"] for r in log["runs"]] == ["FINISHED", "FINISHED"], final["note"]


async def test_invalid_sql_is_refused_with_line_and_column(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    sql = "INSERT INTO out_t\nSELECT id, nme FROM gen_t"
    job = await add_job(client, "typo", pipeline["cluster"], pipeline["source"], pipeline["sink"], sql)
    assert job["validationStatus"] == 2
    error = job["validationError"]
    assert (error["field"], error["line"], error["column"]) == ("jobDsVOS[1].runSql", 2, 12), error
    assert "nme" in error["message"]
    body = envelope_fail(await client.post(f"/jobs/run/{job['id']}"), 400)
    assert body["data"]["fields"]["jobDsVOS[1].runSql"].startswith("line 2, column 12: ")
    detail = envelope_ok(await client.get(f"/jobs/{job['id']}"))
    assert detail["jobStatus"] == 0


async def test_a_job_is_saved_as_a_draft_when_its_cluster_is_down(client: httpx.AsyncClient, flink: LocalFlink) -> None:
    cluster = await add_cluster(client, address="http://127.0.0.1:9")
    source = await add_ds(client, "gen_d", "source", "datagen")
    sink = await add_ds(client, "out_d", "sink", "blackhole")
    job = await add_job(client, "draft", cluster, source, sink, "INSERT INTO out_d SELECT * FROM gen_d")
    assert job["validationStatus"] == 0 and "does not answer" in job["validationError"]["message"]
    body = envelope_fail(await client.post(f"/jobs/run/{job['id']}"), 503)
    assert "did not answer" in body["msg"]
    assert envelope_ok(await client.get(f"/jobs/{job['id']}"))["jobStatus"] == 0


async def test_two_simultaneous_runs_give_one_flink_job(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    job = await blackhole_job(client, pipeline, "twice", "hole_t")
    first, second = await asyncio.gather(client.post(f"/jobs/run/{job['id']}"), client.post(f"/jobs/run/{job['id']}"))
    assert sorted([code_of(first), code_of(second)]) == [200, 409]
    async with httpx.AsyncClient(base_url=flink.url) as http:
        names = [j["name"] for j in (await http.get("/jobs/overview")).json()["jobs"] if j["state"] == "RUNNING"]
    assert sum(f"[hlink job {job['id']} " in n for n in names) == 1, names
    envelope_ok(await client.post(f"/jobs/cancel/{job['id']}"))


async def test_reconciler_follows_flink_and_never_fails_a_job_for_a_silent_cluster(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    runtime = client.app_state.runtime  # type: ignore[attr-defined]
    job = await blackhole_job(client, pipeline, "watched", "hole_r")
    jid = envelope_ok(await client.post(f"/jobs/run/{job['id']}"))["flinkJobId"]
    await flink_state(flink, jid, "RUNNING")

    # the cluster stops answering (its row made to point at a closed port: the API refuses an address change
    # under running jobs): the state becomes unknown, the job is not failed
    refused = await client.put("/cluster/update", params={"id": pipeline["cluster"], "address": "http://127.0.0.1:9"})
    envelope_fail(refused, 409)
    await Cluster.filter(id=pipeline["cluster"]).update(address="http://127.0.0.1:9")
    cycle = await reconcile_once(runtime)
    assert job["id"] in cycle.unknown
    detail = envelope_ok(await client.get(f"/jobs/{job['id']}"))
    assert (detail["jobStatus"], detail["flinkState"]) == (1, "UNKNOWN")
    await Cluster.filter(id=pipeline["cluster"]).update(address=flink.url)
    await reconcile_once(runtime)
    assert envelope_ok(await client.get(f"/jobs/{job['id']}"))["flinkState"] == "RUNNING"

    # cancelled behind hlink's back, through Flink's own REST API
    async with httpx.AsyncClient(base_url=flink.url) as http:
        assert (await http.patch(f"/jobs/{jid}", params={"mode": "cancel"})).status_code == 202
    await flink_state(flink, jid, "CANCELED")
    await reconcile_once(runtime)
    detail = envelope_ok(await client.get(f"/jobs/{job['id']}"))
    assert (detail["jobStatus"], detail["flinkState"]) == (2, "CANCELED")


async def test_batch_run_reports_each_job(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    blackhole = await add_ds(client, "hole_b", "sink", "blackhole")
    ids = [
        (
            await add_job(
                client,
                f"batch {i}",
                pipeline["cluster"],
                pipeline["source"],
                blackhole,
                "INSERT INTO hole_b SELECT id, name FROM gen_t",
            )
        )["id"]
        for i in range(3)
    ]
    # as the original: success, and a map of job id to that job's failed answer
    failed = envelope_ok(await client.post("/jobs/runBatch", params={"jobIds": [*ids, 999999]}))
    assert list(failed) == ["999999"] and failed["999999"]["code"] == 404, failed
    assert failed["999999"]["success"] is False and "999999" in failed["999999"]["msg"]
    for job_id in ids:
        await flink_state(flink, envelope_ok(await client.get(f"/jobs/{job_id}"))["flinkJobId"], "RUNNING")
    assert envelope_ok(await client.post("/jobs/cancelBatch", params={"jobIds": ids})) == {}


async def test_cluster_info_has_live_figures(client: httpx.AsyncClient, flink: LocalFlink) -> None:
    cluster = await add_cluster(client, address=flink.url)
    info = envelope_ok(await client.get("/cluster/info", params={"clusterId": cluster}))
    assert info["reachable"] and info["flinkVersion"] == flink.version and info["slotsTotal"] == 4
    down = await add_cluster(client, name="down", address="http://127.0.0.1:9")
    board = envelope_ok(await client.get("/dashboard/clusterInfo"))  # one object: the sum over the clusters
    assert (board["clusterCount"], board["reachableCount"]) == (2, 1)
    assert [u["id"] for u in board["unreachable"]] == [down]
    assert board["taskManagerCount"] == info["taskmanagers"] and board["slotTotal"] == info["slotsTotal"]


async def test_a_submission_interrupted_by_a_restart_is_found_by_its_pipeline_name(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    runtime = client.app_state.runtime  # type: ignore[attr-defined]
    job_id = (await blackhole_job(client, pipeline, "interrupted", "hole_i"))["id"]
    # what a previous hlink process did before it died: claimed the job, wrote the run, submitted to Flink
    job = await Job.get(id=job_id)
    run = await JobRun.create(job_id=job_id, cluster_id=pipeline["cluster"], pipeline_name=pipeline_name(job))
    await Job.filter(id=job_id).update(job_status=9)
    submission = await prepare(runtime, job, run.pipeline_name)
    jid = await submission.client.run(submission.jar_id, submission.request)

    await reconcile_once(runtime)
    job = await Job.get(id=job_id)
    assert job.flink_job_id == jid and job.job_status in (1, 9)
    assert (await JobRun.get(id=run.id)).flink_job_id == jid
    # a run request now is refused: the job is on Flink already, not submitted twice
    envelope_fail(await client.post(f"/jobs/run/{job_id}"), 409)
    envelope_ok(await client.post(f"/jobs/cancel/{job_id}"))

    # a stale submission that never reached Flink is given up, so the job can run again
    stale = await JobRun.create(job_id=job_id, cluster_id=pipeline["cluster"], pipeline_name="never submitted")
    await JobRun.filter(id=stale.id).update(create_time=stale.create_time - timedelta(minutes=10))
    await Job.filter(id=job_id).update(job_status=9, flink_job_id=None)
    await reconcile_once(runtime)
    job = await Job.get(id=job_id)
    assert job.job_status == 0
    assert (await JobRun.get(id=stale.id)).final_state == "NOT_SUBMITTED"


async def test_a_cluster_that_lost_the_runner_jar_gets_it_again(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    job = await blackhole_job(client, pipeline, "lost jar", "hole_l")
    assert job["validationStatus"] == 1
    async with httpx.AsyncClient(base_url=flink.url) as http:
        for jar in (await http.get("/jars")).json()["files"]:
            assert (await http.delete(f"/jars/{jar['id']}")).status_code == 200
        assert (await http.get("/jars")).json()["files"] == []
        run = envelope_ok(await client.post(f"/jobs/run/{job['id']}"))
        assert any("hlink-sql-runner" in f["name"] for f in (await http.get("/jars")).json()["files"])
    await flink_state(flink, run["flinkJobId"], "RUNNING")
    envelope_ok(await client.post(f"/jobs/cancel/{job['id']}"))

    # a restarted hlink (a fresh runtime) finds the runner the cluster holds instead of uploading another
    runtime = client.app_state.runtime  # type: ignore[attr-defined]
    fresh = Runtime.create(runtime.storage, runtime.flink.runner_jar)
    async with httpx.AsyncClient(base_url=flink.url) as http:
        before = sorted(f["id"] for f in (await http.get("/jars")).json()["files"])
        assert await fresh.flink.ensure_jar(fresh.flink.client(flink.url), await fresh.flink.runner()) in before
        assert sorted(f["id"] for f in (await http.get("/jars")).json()["files"]) == before
    await fresh.close()


async def test_several_sinks_run_as_one_flink_job(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    hole = await add_ds(client, "hole_s", "sink", "blackhole")
    shown = await add_ds(client, "shown_s", "sink", "print")
    body = {
        "jobName": "fan out",
        "jobType": 0,
        "clusterId": pipeline["cluster"],
        "jobDsVOS": [
            {"dsId": pipeline["source"], "dsType": "source"},
            {"dsId": hole, "dsType": "sink", "runSql": "INSERT INTO hole_s SELECT id, name FROM gen_t"},
            {"dsId": shown, "dsType": "sink", "runSql": "INSERT INTO shown_s SELECT id, UPPER(name) FROM gen_t;"},
        ],
    }
    job = envelope_ok(await client.post("/jobs/addDO", json=body))
    descriptions = " ".join(n["description"] for n in job["validationPlan"]["nodes"])
    assert "hole_s" in descriptions and "shown_s" in descriptions
    listed = envelope_ok(await client.get("/jobs/list"))["records"]
    assert listed[0]["validationStatus"] == 1 and "validationPlan" not in listed[0]  # the graph is for the detail
    run = envelope_ok(await client.post(f"/jobs/run/{job['id']}"))
    seen = await flink_state(flink, run["flinkJobId"], "RUNNING")
    sinks = " ".join(v["name"] for v in seen["vertices"])
    assert "hole_s" in sinks and "shown_s" in sinks
    envelope_ok(await client.post(f"/jobs/cancel/{job['id']}"))


async def test_a_job_failing_on_flink_is_recorded_with_flinks_reason(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    runtime = client.app_state.runtime  # type: ignore[attr-defined]
    hole = await add_ds(client, "hole_f", "sink", "blackhole")
    sql = "INSERT INTO hole_f SELECT CAST(name AS BIGINT), name FROM gen_t"  # random strings are not numbers
    job = await add_job(client, "doomed", pipeline["cluster"], pipeline["source"], hole, sql)
    assert job["validationStatus"] == 1, job["validationError"]
    jid = envelope_ok(await client.post(f"/jobs/run/{job['id']}"))["flinkJobId"]
    await flink_state(flink, jid, "FAILED")
    cycle = await reconcile_once(runtime)
    assert job["id"] in cycle.changed
    detail = envelope_ok(await client.get(f"/jobs/{job['id']}"))
    assert (detail["jobStatus"], detail["flinkState"]) == (3, "FAILED")
    log = await job_log(client, job["id"])
    assert log["runs"][0]["finalState"] == "FAILED"
    failure = log["runs"][0]["failure"]
    assert failure and "\tat " not in failure and len(failure) < 2000, failure
    assert log["exceptions"] and log["exceptions"][0]["cause"]
