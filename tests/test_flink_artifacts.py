"""JAR jobs and UDF jars on the session's real Flink, compiled by the test set-up (tests/java)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import anyio
import httpx
import pytest

from hlink.flink.local import LocalFlink
from tests.helpers import add_cluster, envelope_fail, envelope_ok, job_log
from tests.test_flink_lifecycle import add_ds, add_job, flink_state

pytestmark = pytest.mark.flink_lines  # what hlink says to Flink differs by line


async def test_jar_job_runs_with_its_arguments_and_is_cancelled(
    client: httpx.AsyncClient, flink: LocalFlink, java_jars: dict[str, Path]
) -> None:
    cluster = await add_cluster(client, address=flink.url)
    content = await anyio.Path(java_jars["job"]).read_bytes()
    jar = envelope_ok(
        await client.post(
            "/jars/upload",
            params={"clusterId": cluster, "entryClass": "demo.DemoJob", "resType": 0, "status": 0},
            files={"jarfile": ("demo-job.jar", content, "application/java-archive")},
        )
    )
    body = {
        "jobName": "counter",
        "jobType": 1,
        "clusterId": cluster,
        "useJar": jar["filename"],
        "entryClass": "demo.DemoJob",
        "program": "20",
        "parallelism": 2,
    }
    job = envelope_ok(await client.post("/jobs/addDO", json=body))
    assert job["validationStatus"] == 1, job["validationError"]

    run = envelope_ok(await client.post(f"/jobs/run/{job['id']}"))
    seen = await flink_state(flink, run["flinkJobId"], "RUNNING")
    assert seen["name"].startswith(f"counter [hlink job {job['id']} ")
    assert {v["parallelism"] for v in seen["vertices"]} == {2}
    overview = envelope_ok(await client.get(f"/jobs/overview/{job['id']}"))
    assert overview["jid"] == run["flinkJobId"]

    stopped = envelope_ok(await client.post(f"/jobs/cancel/{job['id']}"))
    assert (stopped["jobStatus"], stopped["flinkState"]) == (2, "CANCELED"), stopped
    # on Flink, a stop with a savepoint ends the job FINISHED (and its run says so); a plain cancel CANCELED
    ended = "FINISHED" if stopped["savepoint"] and stopped["savepoint"]["kind"] == "stop" else "CANCELED"
    await flink_state(flink, run["flinkJobId"], ended)
    assert (await job_log(client, job["id"]))["runs"][0]["finalState"] == ended


async def test_jar_job_with_a_wrong_entry_class_is_refused_with_flinks_reason(
    client: httpx.AsyncClient, flink: LocalFlink, java_jars: dict[str, Path]
) -> None:
    cluster = await add_cluster(client, address=flink.url)
    content = await anyio.Path(java_jars["job"]).read_bytes()
    jar = envelope_ok(
        await client.post("/jars/upload", params={"clusterId": cluster}, files={"jarfile": ("j.jar", content)})
    )
    body = {
        "jobName": "wrong",
        "jobType": 1,
        "clusterId": cluster,
        "useJar": jar["filename"],
        "entryClass": "demo.Nope",
    }
    job = envelope_ok(await client.post("/jobs/addDO", json=body))
    # Flink's own sentence, not the bare class name of the innermost ClassNotFoundException
    sentence = "The program's entry point class 'demo.Nope' was not found in the jar file."
    assert job["validationStatus"] == 2 and job["validationError"]["message"] == sentence, job["validationError"]
    answer = await client.post(f"/jobs/run/{job['id']}")
    assert envelope_fail(answer, 422)["msg"].endswith(sentence), answer.text
    assert envelope_ok(await client.get(f"/jobs/{job['id']}"))["jobStatus"] == 0


async def test_sql_job_calls_a_udf_from_an_uploaded_jar(
    client: httpx.AsyncClient, flink: LocalFlink, java_jars: dict[str, Path], tmp_path: Path
) -> None:
    cluster = await add_cluster(client, address=flink.url)
    content = await anyio.Path(java_jars["udf"]).read_bytes()
    envelope_ok(
        await client.post(
            "/ds/udf/upload",
            params={"udfClass": "demo.Tag", "udfName": "tag", "udfType": "SCALA", "udfDesc": "marks values"},
            files={"jarfile": ("tag.jar", content)},
        )
    )
    source = await add_ds(client, "gen_u", "source", "datagen", **{"rows-per-second": "50", "fields.name.length": "4"})
    out = tmp_path / "tagged"
    sink = await add_ds(client, "out_u", "sink", "filesystem", path=f"file://{out}", format="csv")
    job = await add_job(
        client,
        "tagged",
        cluster,
        source,
        sink,
        "INSERT INTO out_u SELECT id, tag(name) FROM gen_u",
        checkpointInterval=500,
    )
    assert job["validationStatus"] == 1, job["validationError"]
    run = envelope_ok(await client.post(f"/jobs/run/{job['id']}"))
    await flink_state(flink, run["flinkJobId"], "RUNNING")
    await asyncio.sleep(2)
    envelope_ok(await client.post(f"/jobs/cancel/{job['id']}"))
    rows = [
        line
        for f in out.rglob("*")
        if f.is_file() and not f.name.startswith(".")
        for line in f.read_text().splitlines()
    ]
    assert rows and all(r.split(",")[1].startswith("udf:") for r in rows), rows[:5]
