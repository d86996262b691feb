"""Benchmark: submitting a SQL job through hlink against submitting the same runner jar directly, and the cost
of one reconciliation cycle over 1,000 jobs on one cluster.

1. run → RUNNING, on Flink 2.3.0 and on Flink 1.20.5: hlink's POST /jobs/run/{id} (build the script from the
   database, the runner jar already on the cluster, submit) against a bare httpx POST /jars/{id}/run of the very
   same request, each followed by polling Flink until the job is RUNNING, taken in turns after one unmeasured
   warm-up of each; medians side by side and their ratio. Needs Java: it installs (once) and starts each Flink
   in .hlink-test/bench/flink-<version> on a free port, and stops it afterwards.
2. reconcile: 1,000 running jobs on one cluster; the cluster's /jobs/overview is served from memory (this
   measures hlink's side: Flink calls per cycle and milliseconds), for a cycle where nothing changed and one
   where every job changed state.

Run: .venv/bin/python -m bench.lifecycle [--runs N] [--versions 2.3.0,1.20.5]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from hlink import database
from hlink.app import create_app
from hlink.config import load_settings
from hlink.flink.client import FlinkClient
from hlink.flink.local import LocalFlink, free_port, progress_to_stderr
from hlink.models import Cluster, Job
from hlink.runtime import Runtime
from hlink.services.access.accounts import bootstrap_admin, create_token
from hlink.services.actor import SYSTEM, acting_as
from hlink.services.artifacts.storage import Storage
from hlink.services.jobs.reconciler import reconcile_once
from hlink.services.jobs.submission import pipeline_name, prepare

ROOT = Path(__file__).resolve().parent.parent


async def until_running(http: httpx.AsyncClient, jid: str) -> None:
    while (await http.get(f"/jobs/{jid}")).json().get("state") != "RUNNING":  # noqa: ASYNC110 - polling Flink
        await asyncio.sleep(0.01)


Times = dict[str, list[float]]


async def _token() -> str:
    """A token of the admin's (one database serves both versions: the admin exists from the first)."""
    with acting_as(SYSTEM):
        return (await create_token("admin", "bench")).secret


async def submissions(flink: LocalFlink, runs: int) -> tuple[Times, Times]:
    """(hlink, direct) times of each run: ``answered`` (the run request's answer), ``running`` (RUNNING seen)."""
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
    hlink_times: Times = {"answered": [], "running": []}
    direct_times: Times = {"answered": [], "running": []}
    src, dst = (f"{name}_{flink.version.replace('.', '_')}" for name in ("src", "dst"))  # one database, both versions
    async with (
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url="http://hlink",
            headers={"Authorization": f"Bearer {token}"},
        ) as api,
        httpx.AsyncClient(base_url=flink.url, timeout=60) as http,
    ):
        cluster = (await api.post("/cluster/add", params={"name": "b", "address": flink.url, "type": 1})).json()
        ids = []
        for table, ds_type, connector in ((src, "source", "datagen"), (dst, "sink", "blackhole")):
            body = {
                "dsName": table,
                "dsType": ds_type,
                "tableName": table,
                "tableType": connector,
                "dsSchemaColumnVOS": [{"name": "id", "flinkType": "BIGINT"}, {"name": "v", "flinkType": "STRING"}],
            }
            ids.append((await api.post("/ds/addDO", json=body)).json()["data"])
        job_body = {
            "jobName": "bench",
            "jobType": 0,
            "clusterId": cluster["data"]["id"],
            "jobDsVOS": [
                {"dsId": ids[0], "dsType": "source"},
                {"dsId": ids[1], "dsType": "sink", "runSql": f"SELECT id, v FROM {src}"},
            ],
        }
        job_id = (await api.post("/jobs/addDO", json=job_body)).json()["data"]["id"]
        runtime: Runtime = app.state.runtime
        for attempt in range(runs + 1):  # the first of each is a warm-up (runner built and uploaded, classes loaded)
            start = time.perf_counter()
            answer = (await api.post(f"/jobs/run/{job_id}")).json()
            answered = time.perf_counter() - start
            await until_running(http, answer["data"]["flinkJobId"])
            if attempt:
                hlink_times["answered"].append(answered)
                hlink_times["running"].append(time.perf_counter() - start)
            await api.post(f"/jobs/cancel/{job_id}")

            job = await Job.get(id=job_id)
            submission = await prepare(runtime, job, pipeline_name(job))
            body = submission.request.body()
            start = time.perf_counter()
            jid = (await http.post(f"/jars/{submission.jar_id}/run", json=body)).json()["jobid"]
            answered = time.perf_counter() - start
            await until_running(http, jid)
            if attempt:
                direct_times["answered"].append(answered)
                direct_times["running"].append(time.perf_counter() - start)
            await http.patch(f"/jobs/{jid}", params={"mode": "cancel"})
            # the next run starts on a quiet cluster, as hlink's did (its cancel waits for the stop to finish)
            while (await http.get(f"/jobs/{jid}")).json().get("state") != "CANCELED":  # noqa: ASYNC110
                await asyncio.sleep(0.01)
        await runtime.close()
    return hlink_times, direct_times


async def reconcile(jobs: int = 1000) -> dict[str, Any]:
    address = "http://flink.bench:8081"
    cluster = await Cluster.create(name="bench", address=address)
    ids = [f"{i:032x}" for i in range(jobs)]
    await Job.bulk_create(
        [
            Job(job_name=f"j{i}", cluster_id=cluster.id, job_status=1, flink_state="RUNNING", flink_job_id=jid)
            for i, jid in enumerate(ids)
        ]
    )
    state: dict[str, Any] = {"now": "RUNNING", "calls": 0}

    def overview(request: httpx.Request) -> httpx.Response:
        state["calls"] += 1
        listed = [{"jid": j, "name": f"j{i}", "state": state["now"], "start-time": 1} for i, j in enumerate(ids)]
        return httpx.Response(200, json={"jobs": listed})

    runtime = Runtime.create(Storage(Path(tempfile.mkdtemp(prefix="hlink-bench-")), 0), None)
    runtime.flink._clients[address] = FlinkClient(address, transport=httpx.MockTransport(overview))
    start = time.perf_counter()
    await reconcile_once(runtime)
    steady = time.perf_counter() - start
    state["now"] = "RESTARTING"  # every job changes state (code stays running): one write per job
    start = time.perf_counter()
    cycle = await reconcile_once(runtime)
    changed = time.perf_counter() - start
    await runtime.close()
    await database.disconnect()
    return {
        "jobs": jobs,
        "flink_calls": state["calls"],
        "steady_ms": steady * 1000,
        "changed_ms": changed * 1000,
        "changed_jobs": len(cycle.changed),
    }


async def main(runs: int, versions: list[str]) -> None:
    url = f"sqlite://{tempfile.mkdtemp(prefix='hlink-bench-')}/bench.sqlite3"
    await database.migrate(url)
    await database.connect(url)
    for version in versions:
        flink = LocalFlink(ROOT / ".hlink-test" / "bench" / f"flink-{version}", rest_port=free_port(), version=version)
        flink.start(progress_to_stderr)
        try:
            hlink_times, direct_times = await submissions(flink, runs)
        finally:
            flink.stop()
        for measure, what in (("running", "run → RUNNING"), ("answered", "run request answered")):
            h, d = statistics.median(hlink_times[measure]), statistics.median(direct_times[measure])
            print(f"Flink {version}: {what}, median of {runs}:")
            print(f"  through hlink (POST /jobs/run)     {h * 1000:8.0f} ms")
            print(f"  runner jar direct (POST /jars/run) {d * 1000:8.0f} ms")
            print(f"  ratio hlink / direct               {h / d:8.2f}x")
    r = await reconcile()
    await database.disconnect()
    print(f"reconciliation cycle, {r['jobs']} jobs on one cluster:")
    print(f"  Flink calls per cycle              {r['flink_calls'] / 2:8.0f}")
    print(f"  nothing changed                    {r['steady_ms']:8.0f} ms")
    print(f"  every job changed ({r['changed_jobs']})          {r['changed_ms']:8.0f} ms")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--versions", default="2.3.0,1.20.5", help="comma-separated Flink versions from PyPI")
    arguments = parser.parse_args()
    asyncio.run(main(arguments.runs, [v.strip() for v in arguments.versions.split(",") if v.strip()]))
