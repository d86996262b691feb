"""Benchmark: a stateful upgrade through hlink (upgradeJob, request to STABLE) against the same steps done directly
on Flink's REST (stop with a savepoint, wait for it, run the new version's very request from it, wait until it
runs every task and has completed a checkpoint), on Flink 2.3.0 and on Flink 1.20.5.

Both sides run the same statement count (datagen → GROUP BY → blackhole, checkpointed every 500 ms) and move
from one version to the next each round (a filter after the aggregate: COMPATIBLE); hlink's upgrade asks
``stableSeconds: 0``, so STABLE means what the direct side waits for: RUNNING, every task running, a checkpoint
completed since the restore. Taken in turns after one unmeasured warm-up of each; medians side by side and their
ratio. It installs (once) and starts each Flink in .hlink-test/bench/flink-<version> on a free port.

Run: .venv/bin/python -m bench.upgrade [--runs N] [--versions 2.3.0,1.20.5]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from bench.lifecycle import ROOT, _token
from hlink import database
from hlink.app import create_app
from hlink.config import load_settings
from hlink.flink.local import LocalFlink, free_port, progress_to_stderr
from hlink.models import Job
from hlink.runtime import Runtime
from hlink.services.access.accounts import bootstrap_admin
from hlink.services.jobs.script import Restore
from hlink.services.jobs.submission import new_job_id, pipeline_name, prepare
from hlink.services.jobs.versions import newest

COUNT = "SELECT COUNT(*) AS id, v FROM {src} GROUP BY v"
UPGRADE = (
    "mutation($id: ID!) { upgradeJob(id: $id, stableSeconds: 0) { upgrade { id status reason } error { __typename } } }"
)
STATUS = "query($id: ID!) { job(id: $id) { upgrades(limit: 1) { status reason } } }"


async def until_checkpointed(http: httpx.AsyncClient, jid: str) -> None:
    """Until the job runs every task and has completed a checkpoint (polling Flink, as the direct side would)."""
    while True:
        job = (await http.get(f"/jobs/{jid}")).json()
        tasks_run = job.get("state") == "RUNNING" and all(v["status"] == "RUNNING" for v in job.get("vertices", []))
        if tasks_run and ((await http.get(f"/jobs/{jid}/checkpoints")).json().get("counts") or {}).get("completed"):
            return
        await asyncio.sleep(0.01)


async def stop_with_savepoint(http: httpx.AsyncClient, jid: str) -> str:
    trigger = (await http.post(f"/jobs/{jid}/stop", json={"drain": False})).json()["request-id"]
    while True:
        answer = (await http.get(f"/jobs/{jid}/savepoints/{trigger}")).json()
        if answer["status"]["id"] == "COMPLETED":
            return str(answer["operation"]["location"])
        await asyncio.sleep(0.01)


async def upgrades(flink: LocalFlink, runs: int) -> tuple[list[float], list[float]]:
    settings = load_settings(
        {
            "HLINK_DATA_DIR": tempfile.mkdtemp(prefix="hlink-bench-"),
            "HLINK_FLINK_DIR": str(flink.root),
            "HLINK_LOCAL_FLINK": "0",
            "HLINK_RECONCILE_SECONDS": "0",
        }
    )
    app = create_app(settings, manage_database=False)
    token = await bootstrap_admin() or await _token()
    hlink_times: list[float] = []
    direct_times: list[float] = []
    src, dst = (f"{name}_{flink.version.replace('.', '_')}" for name in ("usrc", "udst"))
    async with (
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url="http://hlink",
            headers={"Authorization": f"Bearer {token}"},
        ) as api,
        httpx.AsyncClient(base_url=flink.url, timeout=60) as http,
    ):
        cluster = (await api.post("/cluster/add", params={"name": f"u{src}", "address": flink.url, "type": 1})).json()
        ids = []
        for table, ds_type, connector in ((src, "source", "datagen"), (dst, "sink", "blackhole")):
            columns = [{"name": "id", "flinkType": "BIGINT"}, {"name": "v", "flinkType": "STRING"}]
            body: dict[str, object] = {"dsName": table, "dsType": ds_type, "tableName": table, "tableType": connector}
            if ds_type == "source":
                body["jsonFieldVO"] = {"jsonValue": [{"fieldName": "fields.v.length", "fieldValue": "1"}]}
            ids.append((await api.post("/ds/addDO", json={**body, "dsSchemaColumnVOS": columns})).json()["data"])

        def job_body(threshold: int) -> dict[str, object]:
            sql = f"SELECT id, v FROM ({COUNT.format(src=src)}) WHERE id > {-threshold}"
            return {
                "jobName": "bench-upgrade",
                "jobType": 0,
                "clusterId": cluster["data"]["id"],
                "checkpointInterval": 500,
                "jobDsVOS": [{"dsId": ids[0], "dsType": "source"}, {"dsId": ids[1], "dsType": "sink", "runSql": sql}],
            }

        job_id = (await api.post("/jobs/addDO", json=job_body(0))).json()["data"]["id"]
        runtime: Runtime = app.state.runtime
        hlink_jid = (await api.post(f"/jobs/run/{job_id}")).json()["data"]["flinkJobId"]
        await until_checkpointed(http, hlink_jid)
        # the direct side: the same version's request, run straight on Flink
        job = await Job.get(id=job_id)
        direct = await prepare(runtime, job, pipeline_name(job), chosen=new_job_id(), pinned=1)
        direct_jid = (await http.post(f"/jars/{direct.jar_id}/run", json=direct.request.body())).json()["jobid"]
        await until_checkpointed(http, direct_jid)
        for attempt in range(runs + 1):  # the first of each is a warm-up
            await api.post("/jobs/updateDO", json={**job_body(attempt + 1), "id": job_id})
            version = await newest(job_id)
            assert version is not None and version.plan, "the new version compiled"
            start = time.perf_counter()
            answer = (await api.post("/graphql", json={"query": UPGRADE, "variables": {"id": str(job_id)}})).json()
            upgrade = answer["data"]["upgradeJob"]["upgrade"]
            assert upgrade and upgrade["status"] == "STABLE", answer
            if attempt:
                hlink_times.append(time.perf_counter() - start)

            start = time.perf_counter()
            path = await stop_with_savepoint(http, direct_jid)
            job = await Job.get(id=job_id)
            submission = await prepare(
                runtime, job, pipeline_name(job), Restore(path), new_job_id(), pinned=version.number
            )
            direct_jid = (await http.post(f"/jars/{submission.jar_id}/run", json=submission.request.body())).json()[
                "jobid"
            ]
            await until_checkpointed(http, direct_jid)
            if attempt:
                direct_times.append(time.perf_counter() - start)
        await api.post(f"/jobs/cancel/{job_id}")
        await http.patch(f"/jobs/{direct_jid}", params={"mode": "cancel"})
        await runtime.close()
    return hlink_times, direct_times


async def main(runs: int, versions: list[str]) -> None:
    url = f"sqlite://{tempfile.mkdtemp(prefix='hlink-bench-')}/bench.sqlite3"
    await database.migrate(url)
    await database.connect(url)
    for flink_version in versions:
        root = Path(ROOT) / ".hlink-test" / "bench" / f"flink-{flink_version}"
        flink = LocalFlink(root, rest_port=free_port(), version=flink_version)
        flink.start(progress_to_stderr)
        try:
            hlink_times, direct_times = await upgrades(flink, runs)
        finally:
            flink.stop()
        h, d = statistics.median(hlink_times), statistics.median(direct_times)
        print(f"Flink {flink_version}: upgrade → running and checkpointed, median of {runs}:")
        print(f"  through hlink (upgradeJob → STABLE)        {h * 1000:8.0f} ms")
        print(f"  direct (stop with savepoint, run, observe) {d * 1000:8.0f} ms")
        print(f"  ratio hlink / direct                       {h / d:8.2f}x")
    await database.disconnect()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--versions", default="2.3.0,1.20.5", help="comma-separated Flink versions from PyPI")
    arguments = parser.parse_args()
    asyncio.run(main(arguments.runs, [v.strip() for v in arguments.versions.split(",") if v.strip()]))
