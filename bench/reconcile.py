"""Benchmark: reconciliation cycles over 10,000 running jobs on 100 clusters, on PostgreSQL (issue 19, item 6).

Flink is faked: each cluster's ``/jobs/overview`` is served from memory by an in-process HTTP transport, so
what is measured is hlink's own cost per cycle (the active-jobs query, the leases, asking the clusters
concurrently, deciding, the alert rules, writing). Beside the running jobs the table holds idle ones (finished
long ago), which the active-jobs query must not read (a partial index serves it). One alert rule is enabled, so
the rules' evaluation is part of every cycle; the reconciler holds its clusters through PostgreSQL advisory
locks, as a replica does (its lease session's statements are not counted below: one a cycle once held).

Cycles, side by side: a warm-up (the leases taken); nothing changed (median of several); 1% of the jobs changed
state (one on each cluster: a transaction per cluster); nothing new; 10% changed. It prints each cycle's time,
the SQL statements it sent, its transactions, Flink calls and job writes. Goal: a cycle under 1 s when nothing
changed. With ``--silent N``, N clusters take the request and never answer (a cycle then lasts their poll
timeout, 1.5 s). ``--database sqlite`` runs it on SQLite instead.

Run: .venv/bin/python -m bench.reconcile [--clusters 100] [--jobs 100] [--idle 10000] [--silent 0]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import statistics
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from cryptography.fernet import Fernet

from hlink import database
from hlink.flink.client import FlinkClient
from hlink.models import AlertChannel, AlertRule, Cluster, Job, sealed
from hlink.runtime import Runtime
from hlink.services.artifacts.storage import Storage
from hlink.services.clusters.leases import leases_for
from hlink.services.jobs import reconciler
from hlink.services.jobs.reconciler import POLL_TIMEOUT, Cycle, reconcile_once
from hlink.services.preview import slots
from tests.pg import PostgresServer
from tests.statements import StatementCounter

#: cycles whose median the "nothing changed" line shows
QUIET_CYCLES = 5
#: the statements of the last cycle measured
LAST: list[str] = []


@contextlib.asynccontextmanager
async def _database(kind: str) -> AsyncIterator[str]:
    if kind == "sqlite":
        yield f"sqlite://{tempfile.mkdtemp(prefix='hlink-bench-')}/bench.sqlite3"
        return
    server = PostgresServer.start()
    try:
        conn = await asyncpg.connect(f"{server.url}/postgres")
        try:
            await conn.execute('CREATE DATABASE "hlink_bench"')
        finally:
            await conn.close()
        yield f"{server.url}/hlink_bench"
    finally:
        server.stop()


@contextlib.contextmanager
def _counting_transactions() -> Iterator[list[int]]:
    """Counts the transactions the reconciler opens (it names ``in_transaction`` where it writes)."""
    count = [0]
    original = getattr(reconciler, "in_transaction")  # noqa: B009 - the name it imported, replaced while measured

    def counted(*args: Any, **kwargs: Any) -> Any:
        count[0] += 1
        return original(*args, **kwargs)

    setattr(reconciler, "in_transaction", counted)  # noqa: B010
    try:
        yield count
    finally:
        setattr(reconciler, "in_transaction", original)  # noqa: B010


async def _load(
    runtime: Runtime,
    clusters: int,
    jobs: int,
    idle: int,
    silent: int,
    states: dict[str, str],
    listings: dict[int, bytes],
) -> int:
    """The clusters with their fake Flink (each cluster's answer kept in ``listings`` until the states change), the
    running and the idle jobs, one alert rule."""
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
        rows += [
            Job(job_name=f"idle{c}-{j}", cluster_id=cluster.id, job_status=0, flink_state="FINISHED")
            for j in range(idle // clusters)
        ]

        def overview(request: httpx.Request, ids: list[str] = ids, c: int = c) -> httpx.Response:
            calls["n"] += 1
            if c not in listings:  # encoded once per change of the states: the fake's own cost stays small
                listed = [{"jid": j, "name": j, "state": states[j], "start-time": 1} for j in ids]
                listings[c] = json.dumps({"jobs": listed}).encode()
            return httpx.Response(200, content=listings[c], headers={"content-type": "application/json"})

        async def hangs(request: httpx.Request) -> httpx.Response:
            calls["n"] += 1
            await never.wait()
            raise AssertionError("a silent cluster never answers")

        handler: Any = hangs if c < silent else overview
        runtime.flink._clients[address] = FlinkClient(address, transport=httpx.MockTransport(handler))
    await Job.bulk_create(rows, batch_size=1000)
    sealed.configure(Fernet.generate_key())  # the channel's URL is sealed at rest
    channel = await AlertChannel.create(name="ops", kind="WEBHOOK", url="http://127.0.0.1:9/hook")
    await AlertRule.create(name="jobs", channel_id=channel.id, unknown_after=60)
    runtime.flink_calls = calls  # type: ignore[attr-defined]
    return len(rows)


async def _cycle(runtime: Runtime) -> tuple[float, float, int, int, int, int, Cycle]:
    calls: dict[str, int] = runtime.flink_calls  # type: ignore[attr-defined]
    calls["n"] = 0
    with StatementCounter() as counter, _counting_transactions() as transactions:
        started, cpu = time.perf_counter(), time.process_time()
        cycle = await reconcile_once(runtime)
        took, cpu = time.perf_counter() - started, time.process_time() - cpu
    LAST[:] = counter.statements
    return took, cpu, len(counter.statements), transactions[0], calls["n"], counter.writes(), cycle


def _line(
    label: str, took: float, cpu: float, statements: int, transactions: int, calls: int, writes: int, cycle: Cycle
) -> None:
    print(
        f"  {label:34} {took * 1000:6.0f} ms (CPU {cpu * 1000:5.0f} ms)   statements {statements:5}   "
        f"transactions {transactions:4}   "
        f"Flink calls {calls:4}   job writes {writes:5}   changed {len(cycle.changed):5}   "
        f"unknown {len(cycle.unknown):4}"
    )


async def main(kind: str, clusters: int, jobs: int, idle: int, silent: int) -> None:
    async with _database(kind) as url:
        await database.migrate(url)
        await database.connect(url)
        runtime = Runtime.create(Storage(Path(tempfile.mkdtemp(prefix="hlink-bench-")), 0), None)
        runtime.leases = leases_for(url)
        runtime.cluster_hooks.append(slots.Sweep())  # as the service registers it (the data previews' clean-up)
        states: dict[str, str] = {}
        listings: dict[int, bytes] = {}
        try:
            total = await _load(runtime, clusters, jobs, idle, silent, states, listings)
            if kind == "postgres":
                await asyncpg_analyze(url)
            print(
                f"{kind}: {clusters} clusters x {jobs} running jobs, {total - clusters * jobs} idle jobs beside, "
                f"{silent} clusters silent (poll timeout {POLL_TIMEOUT:.1f} s), one alert rule; Flink's REST is "
                "faked in memory (hlink's own cost is measured)"
            )
            _line("warm-up (leases taken)", *await _cycle(runtime))
            quiet = [await _cycle(runtime) for _ in range(QUIET_CYCLES)]
            quiet_statements = list(LAST)
            median = sorted(quiet, key=lambda r: r[0])[len(quiet) // 2]
            _line(f"nothing changed (median of {QUIET_CYCLES})", *median)
            running = [jid for i, jid in enumerate(states) if i >= silent * jobs]
            for label, share in (("1% changed (one job per cluster)", 100), ("nothing new", 0), ("10% changed", 10)):
                for jid in running[::share] if share else []:
                    states[jid] = "RESTARTING" if states[jid] == "RUNNING" else "RUNNING"
                listings.clear()
                _line(label, *await _cycle(runtime))
            print("  a quiet cycle's statements:")
            for statement in quiet_statements:
                print(f"    {' '.join(statement.split())[:110]}")
            spread = [r[0] * 1000 for r in quiet]
            print(f"  nothing-changed cycles: {', '.join(f'{t:.0f}' for t in spread)} ms "
                  f"(stdev {statistics.pstdev(spread):.0f} ms); CPU is this process's, the fake Flink's serving "
                  "included")  # fmt: skip
        finally:
            await runtime.close()
            await database.disconnect()


async def asyncpg_analyze(url: str) -> None:
    """Fresh statistics after the bulk load, as autovacuum would have them on a live database."""
    conn = await asyncpg.connect("postgresql://" + url.split("://", 1)[1])
    try:
        await conn.execute("ANALYZE")
    finally:
        await conn.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", choices=("postgres", "sqlite"), default="postgres")
    parser.add_argument("--clusters", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=100, help="running jobs per cluster")
    parser.add_argument("--idle", type=int, default=10_000, help="idle jobs beside, over all clusters")
    parser.add_argument("--silent", type=int, default=0)
    a = parser.parse_args()
    asyncio.run(main(a.database, a.clusters, a.jobs, a.idle, a.silent))
