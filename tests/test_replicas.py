"""Two real `hlink serve` replicas on one PostgreSQL, reconciling one real Flink cluster through a counting proxy:
exactly one replica polls the cluster, and when it is killed (SIGKILL) the other takes over within a cycle."""

from __future__ import annotations

import asyncio
import json
import signal
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest

from hlink.flink.local import LocalFlink
from tests.conftest import DATABASES, fresh_postgres_database
from tests.helpers import AUTH, code_of, envelope_ok
from tests.proxy import Proxy
from tests.replicas import job_status_subscription, log_of, select_job, serve_replica, stop_replica

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
            # in flight once Flink's proxy holds the run request (A claimed the job before it sent it): B reading
            # earlier may rightly see the job before its claim
            await asyncio.wait_for(proxy.run_held.wait(), 60)
            held = loop.time()
            proxy.pollers.clear()
            while loop.time() - held < SHORT_GRACE + 8:  # replica B reconciles the cluster meanwhile
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


@pytest.fixture
async def logged_replicas(pg_server: Any, tmp_path: Path) -> AsyncIterator[tuple[str, list[tuple[Any, str, Path]]]]:
    """Two replicas whose logs (at info level) the test reads, and their database's URL."""
    url = await fresh_postgres_database(pg_server, "hlink_replicas_alerts")
    started: list[tuple[Any, str, Path]] = []
    try:
        for name in ("a", "b"):
            process, base = await serve_replica(url, tmp_path / name, log_level="info")
            started.append((process, base, log_of(tmp_path / name)))
        yield url, started
    finally:
        for process, _, _ in started:  # only the processes this test started, by their handles
            await stop_replica(process)


async def test_an_alert_is_evaluated_by_the_lease_holder_alone_and_delivered_once(
    flink: LocalFlink, logged_replicas: tuple[str, list[tuple[Any, str, Path]]]
) -> None:
    url, [(first, a, log_a), (second, b, log_b)] = logged_replicas
    received: list[dict[str, Any]] = []
    came = asyncio.Event()

    async def receive(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        length = next(int(h.split(b":")[1]) for h in head.split(b"\r\n") if h.lower().startswith(b"content-length"))
        received.append(json.loads(await reader.readexactly(length)))
        came.set()
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(receive, "127.0.0.1", 0)
    hook = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}/hook"
    proxy = Proxy(flink.rest_port)
    address = await proxy.start()
    try:
        async with httpx.AsyncClient(timeout=60, headers=AUTH) as http:

            async def gql(base: str, query: str, variables: dict[str, Any]) -> dict[str, Any]:
                body = (await http.post(f"{base}/graphql", json={"query": query, "variables": variables})).json()
                assert "errors" not in body, body
                return dict(body["data"])

            channel = await gql(
                a,
                'mutation($u: String!) { createAlertChannel(name: "ops", kind: WEBHOOK, url: $u) { channel { id } } }',
                {"u": hook},
            )
            await gql(
                b,
                'mutation($c: ID!) { createAlertRule(name: "lost jobs", channelId: $c) { rule { id } } }',
                {"c": channel["createAlertChannel"]["channel"]["id"]},
            )
            cluster = envelope_ok(
                await http.post(f"{b}/cluster/add", params={"name": "c", "address": address, "type": 1})
            )["id"]
            made = envelope_ok(
                await http.post(f"{a}/jobs/addDO", json={"jobName": "gone", "jobType": 1, "clusterId": cluster})
            )
            job = int(made["id"])
            # the job runs, as far as hlink knows, a Flink job its cluster does not know: both replicas see it
            # active, the lease holder's next cycle finds it lost
            conn = await asyncpg.connect(url)
            try:
                await conn.execute(
                    "UPDATE t_job SET job_status = 1, flink_state = 'RUNNING', flink_job_id = $1 WHERE id = $2",
                    "e" * 32,
                    job,
                )
            finally:
                await conn.close()
            await asyncio.wait_for(came.wait(), 30)
            # both replicas cycle a few more times (the open incident keeps the cluster visited): nothing more
            proxy.pollers.clear()
            loop = asyncio.get_running_loop()
            started = loop.time()
            while len(proxy.pollers) < 4:
                assert loop.time() - started < 30, "the cluster is still reconciled"
                await asyncio.sleep(0.2)
            assert len(set(proxy.pollers)) == 1 and set(proxy.pollers) <= {first.pid, second.pid}, proxy.pollers
            assert [(r["status"], r["kind"], r["job"]["id"]) for r in received] == [("firing", "lost", job)], received
            holder, other = (log_a, log_b) if set(proxy.pollers) == {first.pid} else (log_b, log_a)
            opened = f"job {job}: rule lost jobs opens an incident (lost)"
            lost = f"job {job}: lost, 1 RUNNING -> 3 LOST"
            assert lost in holder.read_text() and opened in holder.read_text(), holder.read_text()[-3000:]
            assert lost not in other.read_text() and "opens an incident" not in other.read_text(), (
                "the other replica wrote and evaluated nothing of it"
            )
            incidents = await gql(a, "{ alertIncidents { kind notified } }", {})
            assert incidents["alertIncidents"] == [{"kind": "lost", "notified": "opened"}], incidents
    finally:
        await proxy.stop()
        server.close()
        await server.wait_closed()
