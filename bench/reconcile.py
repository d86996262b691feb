"""Benchmark: one reconciliation cycle over 100 clusters of 100 running jobs each, 5 of the clusters silent.

Each cluster's ``/jobs/overview`` is served from memory (hlink's own cost is measured: reading the jobs, asking
the clusters concurrently, deciding, writing); a silent cluster accepts the request and never answers, so it
costs its poll timeout. Three cycles, side by side: nothing changed; 10% of the jobs changed state; the next
cycle with nothing new. It prints each cycle's time, Flink calls and writes. The goal (issue 11): a cycle under
2 s, with writes only for the jobs that changed.

Run: .venv/bin/python -m bench.reconcile [--clusters 100] [--jobs 100] [--silent 5]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from hlink import database
from hlink.flink.client import FlinkClient
from hlink.models import Cluster, Job
from hlink.runtime import Runtime
from hlink.services.artifacts.storage import Storage
from hlink.services.jobs.reconciler import POLL_TIMEOUT, reconcile_once
from tests.statements import StatementCounter


async def main(clusters: int, jobs: int, silent: int) -> None:
    url = f"sqlite://{tempfile.mkdtemp(prefix='hlink-bench-')}/bench.sqlite3"
    await database.migrate(url)
    await database.connect(url)
    runtime = Runtime.create(Storage(Path(tempfile.mkdtemp(prefix="hlink-bench-")), 0), None)
    states: dict[str, str] = {}
    calls = {"n": 0}
    never = asyncio.Event()
    rows = []
    for c in range(clusters):
        address = f"http://flink-{c}.bench:8081"
        cluster = await Cluster.create(name=f"c{c}", address=address)
        ids = [f"{c:016x}{j:016x}" for j in range(jobs)]
        states.update(dict.fromkeys(ids, "RUNNING"))
        rows += [
            Job(job_name=f"j{c}-{j}", cluster_id=cluster.id, job_status=1, flink_state="RUNNING", flink_job_id=jid)
            for j, jid in enumerate(ids)
        ]

        def overview(request: httpx.Request, ids: list[str] = ids) -> httpx.Response:
            calls["n"] += 1
            listed = [{"jid": j, "name": j, "state": states[j], "start-time": 1} for j in ids]
            return httpx.Response(200, json={"jobs": listed})

        async def hangs(request: httpx.Request) -> httpx.Response:
            calls["n"] += 1
            await never.wait()
            raise AssertionError("a silent cluster never answers")

        handler: Any = hangs if c < silent else overview
        runtime.flink._clients[address] = FlinkClient(address, transport=httpx.MockTransport(handler))
    await Job.bulk_create(rows, batch_size=1000)
    print(f"{clusters} clusters x {jobs} jobs, {silent} silent (poll timeout {POLL_TIMEOUT:.1f} s):")
    changed_ids = [jid for i, jid in enumerate(states) if i % 10 == 0 and i >= silent * jobs]
    for label, change in (("nothing changed", []), ("10% of the jobs changed", changed_ids), ("nothing new", [])):
        for jid in change:
            states[jid] = "RESTARTING"
        calls["n"] = 0
        with StatementCounter() as counter:
            started = time.perf_counter()
            cycle = await reconcile_once(runtime)
            took = time.perf_counter() - started
        writes = counter.writes()
        print(
            f"  {label:26} {took * 1000:7.0f} ms   Flink calls {calls['n']:4}   job writes {writes:5}   "
            f"changed {len(cycle.changed):5}   unknown {len(cycle.unknown):4}"
        )
    never.set()
    await runtime.close()
    await database.disconnect()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clusters", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=100)
    parser.add_argument("--silent", type=int, default=5)
    a = parser.parse_args()
    asyncio.run(main(a.clusters, a.jobs, a.silent))
