"""Two real `hlink serve` replicas on one PostgreSQL, reconciling one real Flink cluster through a counting proxy:
exactly one replica polls the cluster, and when it is killed (SIGKILL) the other takes over within a cycle."""

from __future__ import annotations

import asyncio
import json
import signal
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from hlink.flink.local import LocalFlink
from tests.conftest import DATABASES, fresh_postgres_database
from tests.helpers import AUTH, code_of, envelope_ok
from tests.proxy import Proxy
from tests.replicas import job_status_subscription, select_job, serve_replica, stop_replica

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif("postgres" not in DATABASES, reason="replicas share a PostgreSQL")


@pytest.fixture
async def replicas(pg_server: Any, tmp_path: Path) -> AsyncIterator[list[tuple[asyncio.subprocess.Process, str]]]:
    url = await fresh_postgres_database(pg_server, "hlink_replicas_lease")
    started = [await serve_replica(url, tmp_path / "a"), await serve_replica(url, tmp_path / "b")]
    try:
        yield started
    finally:
        for process, _ in started:  # only the processes this test started, by their handles
            await stop_replica(process)


async def _polled_by(proxy: Proxy, seconds: float) -> set[int]:
    proxy.pollers.clear()
    await asyncio.sleep(seconds)
    return set(proxy.pollers)


async def test_one_replica_reconciles_a_cluster_and_another_takes_over_when_it_dies(
    flink: LocalFlink, replicas: list[tuple[asyncio.subprocess.Process, str]]
) -> None:
    proxy = Proxy(flink.rest_port)
    address = await proxy.start()
    (first, a), (second, b) = replicas
    async with httpx.AsyncClient(timeout=60, headers=AUTH) as http:
        job = await select_job(http, b, address, "1", "leased")
        envelope_ok(await http.post(f"{a}/jobs/run/{job['id']}"))
        try:
            pollers = await _polled_by(proxy, 4)
            assert len(pollers) == 1 and pollers <= {first.pid, second.pid}, pollers
            holder = first if pollers == {first.pid} else second
            other = second if holder is first else first
            holder.send_signal(signal.SIGKILL)  # a process this test started
            await holder.wait()
            await asyncio.sleep(1.5)  # the dead replica's requests in flight are gone
            assert await _polled_by(proxy, 3) == {other.pid}, "the other replica took the cluster over"
            survivor = b if other is second else a
            envelope_ok(await http.post(f"{survivor}/jobs/cancel/{job['id']}"))
        finally:
            await proxy.stop()


async def test_a_subscriber_on_one_replica_sees_a_change_made_through_another(
    flink: LocalFlink, replicas: list[tuple[asyncio.subprocess.Process, str]]
) -> None:
    (_, a), (_, b) = replicas
    async with httpx.AsyncClient(timeout=60, headers=AUTH) as http:
        job = await select_job(http, a, flink.url, "2", "watched")
        async with job_status_subscription(b, job["id"]) as ws:
            loop = asyncio.get_running_loop()
            received = asyncio.create_task(asyncio.wait_for(ws.recv(), 10))
            started = loop.time()
            run = asyncio.create_task(http.post(f"{a}/jobs/run/{job['id']}"))  # the change, through replica A
            message = json.loads(await received)
            assert loop.time() - started < 2, "replica B's subscriber heard of it within 2 s"
            envelope_ok(await run)
            assert message["type"] == "next", message
            event = message["payload"]["data"]["jobStatus"]
            assert event["jobId"] == str(job["id"]) and event["flinkState"] == "SUBMITTING", event
        envelope_ok(await http.post(f"{b}/jobs/cancel/{job['id']}"))


async def test_twenty_simultaneous_runs_over_two_replicas_start_one_flink_job(
    flink: LocalFlink, replicas: list[tuple[asyncio.subprocess.Process, str]]
) -> None:
    (_, a), (_, b) = replicas
    async with httpx.AsyncClient(timeout=120, headers=AUTH) as http:
        job = await select_job(http, b, flink.url, "3", "raced")
        before = {j["jid"] for j in (await http.get(f"{flink.url}/jobs/overview")).json()["jobs"]}
        answers = await asyncio.gather(*(http.post(f"{(a, b)[i % 2]}/jobs/run/{job['id']}") for i in range(20)))
        statuses = sorted(code_of(r) for r in answers)
        assert statuses == [200] + [409] * 19, [r.text for r in answers if code_of(r) != 409]
        new = [j for j in (await http.get(f"{flink.url}/jobs/overview")).json()["jobs"] if j["jid"] not in before]
        winner = next(r for r in answers if code_of(r) == 200).json()["data"]
        assert [j["jid"] for j in new] == [winner["flinkJobId"]], "one Flink job, the one hlink tracks"
        envelope_ok(await http.post(f"{a}/jobs/cancel/{job['id']}"))


#: the submission grace of the slow-submission test's replicas: far shorter than the submission takes
SHORT_GRACE = 3


@pytest.fixture
async def impatient_replicas(
    pg_server: Any, tmp_path: Path
) -> AsyncIterator[list[tuple[asyncio.subprocess.Process, str]]]:
    url = await fresh_postgres_database(pg_server, "hlink_replicas_slow")
    env = {"HLINK_SUBMISSION_GRACE": str(SHORT_GRACE)}
    started = [await serve_replica(url, tmp_path / "a", env), await serve_replica(url, tmp_path / "b", env)]
    try:
        yield started
    finally:
        for process, _ in started:  # only the processes this test started, by their handles
            await stop_replica(process)


async def test_a_submission_slower_than_the_grace_on_two_replicas_leaves_one_tracked_flink_job(
    flink: LocalFlink, impatient_replicas: list[tuple[asyncio.subprocess.Process, str]]
) -> None:
    proxy = Proxy(flink.rest_port)
    address = await proxy.start()
    (_, a), (other, b) = impatient_replicas
    query = "query($id: ID!) { job(id: $id) { jobStatus flinkState flinkJobId } }"
    async with httpx.AsyncClient(timeout=120, headers=AUTH) as http:

        async def seen_by_b(job_id: int) -> dict[str, Any]:
            body = (await http.post(f"{b}/graphql", json={"query": query, "variables": {"id": str(job_id)}})).json()
            found: dict[str, Any] = body["data"]["job"]
            return found

        job = await select_job(http, a, address, "4", "slow")
        proxy.run_delay = SHORT_GRACE + 12  # longer than the grace and than a heartbeat's staleness
        loop = asyncio.get_running_loop()
        started = loop.time()
        run = asyncio.create_task(http.post(f"{a}/jobs/run/{job['id']}"))
        try:
            proxy.pollers.clear()
            while loop.time() - started < SHORT_GRACE + 8:  # replica B reconciles the cluster meanwhile
                assert (await seen_by_b(job["id"]))["jobStatus"] == "SUBMITTING", "fenced while in flight"
                await asyncio.sleep(0.5)
            assert other.pid in proxy.pollers, "replica B reconciled the cluster during the slow submission"
            answer = envelope_ok(await run)
            assert loop.time() - started > SHORT_GRACE + 12, "the submission was slower than the grace"
            jid = answer["flinkJobId"]
            ours = [
                j
                for j in (await http.get(f"{flink.url}/jobs/overview")).json()["jobs"]
                if j["name"].startswith("slow [hlink job ")
            ]
            assert [j["jid"] for j in ours] == [jid], "exactly one Flink job"
            for _ in range(60):  # and hlink tracks it, on either replica
                seen = await seen_by_b(job["id"])
                if (seen["jobStatus"], seen["flinkJobId"]) == ("RUNNING", jid):
                    break
                await asyncio.sleep(0.5)
            assert (seen["jobStatus"], seen["flinkJobId"]) == ("RUNNING", jid), seen
            envelope_ok(await http.post(f"{b}/jobs/cancel/{job['id']}"))
        finally:
            proxy.run_delay = 0
            await proxy.stop()
            if not run.done():
                await run


async def test_a_stalled_replica_hands_its_cluster_leases_to_the_other(
    flink: LocalFlink, replicas: list[tuple[asyncio.subprocess.Process, str]]
) -> None:
    proxy = Proxy(flink.rest_port)
    address = await proxy.start()
    (first, a), (second, b) = replicas
    async with httpx.AsyncClient(timeout=60, headers=AUTH) as http:
        job = await select_job(http, b, address, "5", "stalled")
        envelope_ok(await http.post(f"{a}/jobs/run/{job['id']}"))
        holder: asyncio.subprocess.Process | None = None
        try:
            pollers = await _polled_by(proxy, 4)
            assert len(pollers) == 1 and pollers <= {first.pid, second.pid}, pollers
            holder = first if pollers == {first.pid} else second
            other = second if holder is first else first
            holder.send_signal(signal.SIGSTOP)  # stalled, not dead: its database sessions stay open
            loop = asyncio.get_running_loop()
            stalled = loop.time()
            proxy.pollers.clear()
            while other.pid not in proxy.pollers:  # its lease session idles out, and the other takes over
                assert loop.time() - stalled < 40, "the stalled replica's leases were handed back"
                await asyncio.sleep(0.5)
            assert set(proxy.pollers) == {other.pid}, proxy.pollers
            survivor = b if other is second else a
            envelope_ok(await http.post(f"{survivor}/jobs/cancel/{job['id']}"))
        finally:
            if holder is not None:
                holder.send_signal(signal.SIGCONT)  # a process this test started, stopped by its handle later
            await proxy.stop()
