"""PostgreSQL is restarted under load: two real `hlink serve` replicas reconnect by themselves and lose nothing.

The server is this module's own (tests/pg.py), restarted in fast mode (every session is disconnected, open
transactions are rolled back) and kept down for two seconds, while writes keep arriving through both replicas.
Afterwards both replicas answer again within a bound without being restarted, every write they confirmed is
stored whole, the reconciler's per-cluster lease is taken again (exactly one replica polls the cluster), the job
running across the restart is still followed, a job run after it reaches RUNNING, and status events still cross
replicas (LISTEN reconnects). Requests during the outage may fail, but each gets an answer (its connection is not
dropped), the envelope of an unavailable database: 503. What the replicas print is kept in the test's
temporary folder (a.log, b.log). One Flink version is enough: the fault is the database's.

A second test ends the listening session at the worst moment, between the reconnect and its LISTEN.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
from collections.abc import AsyncGenerator, AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import asyncpg
import httpx
import pytest

from hlink.flink.local import LocalFlink
from hlink.services.events import CHANNEL, JobEvent, SharedEvents
from tests.conftest import DATABASES, FLINK_VERSIONS, fresh_postgres_database
from tests.helpers import AUTH, envelope_ok
from tests.pg import PostgresServer
from tests.proxy import Proxy
from tests.replicas import job_status_subscription, serve_replica, stop_replica

pytestmark = pytest.mark.skipif("postgres" not in DATABASES, reason="the fault is PostgreSQL's")
#: how long the database stays down, and how soon after it is back each replica must answer a write again
DOWN_SECONDS = 2.0
RECOVERY_BOUND = 15.0
#: a request that gets no answer within this long hangs: a failure of the test, not a clean one
REQUEST_TIMEOUT = 10.0
WRITERS = 4
COLUMNS = [{"name": "id", "flinkType": "BIGINT", "virtualId": "1", "virtualPid": "0", "level": 1}]


@pytest.fixture
def own_pg() -> Iterator[PostgresServer]:
    """A PostgreSQL server of this test's own: the session's server is never restarted."""
    server = PostgresServer.start()
    try:
        yield server
    finally:
        server.stop()


Replica = tuple[asyncio.subprocess.Process, str]


@pytest.fixture
async def replicas(own_pg: PostgresServer, tmp_path: Path) -> AsyncIterator[tuple[str, list[Replica]]]:
    url = await fresh_postgres_database(own_pg, "hlink_pg_restart")
    started: list[Replica] = []
    try:
        for name in ("a", "b"):
            started.append(await serve_replica(url, tmp_path / name))
        yield url, started
    finally:
        for process, _ in started:  # only the processes this test started, by their handles
            await stop_replica(process)


@dataclass
class Write:
    """One datasource write under load and what became of it."""

    replica: str
    table: str
    started: float
    #: the HTTP status, or None when no answer came (a dropped connection, or none within REQUEST_TIMEOUT)
    status: int | None = None
    body: Any = None

    @property
    def confirmed(self) -> bool:
        return self.status == 200 and isinstance(self.body, dict) and self.body.get("success") is True


def _ds(table: str, kind: str, connector: str) -> dict[str, Any]:
    """A datasource of one BIGINT column: its row and its column are written in one transaction."""
    return {"dsName": table, "dsType": kind, "tableName": table, "tableType": connector, "dsSchemaColumnVOS": COLUMNS}


async def _write(http: httpx.AsyncClient, base: str, table: str) -> Write:
    loop = asyncio.get_running_loop()
    write = Write(base, table, loop.time())
    try:
        response = await http.post(f"{base}/ds/addDO", json=_ds(table, "sink", "blackhole"), timeout=REQUEST_TIMEOUT)
    except httpx.HTTPError as error:
        write.body = repr(error)
        return write
    write.status = response.status_code
    try:
        write.body = response.json()
    except ValueError:
        write.body = response.text
    return write


async def _load(http: httpx.AsyncClient, bases: list[str], done: asyncio.Event, writes: list[Write]) -> None:
    """Writers that keep creating datasources through every replica in turn until ``done``."""
    numbers = itertools.count()

    async def writer() -> None:
        while not done.is_set():
            n = next(numbers)
            writes.append(await _write(http, bases[n % len(bases)], f"load_{n}"))
            await asyncio.sleep(0.02)

    await asyncio.gather(*(writer() for _ in range(WRITERS)))


async def _answers_again(http: httpx.AsyncClient, base: str, since: float) -> float:
    """Seconds from ``since`` until the replica confirms a write again (bounded by RECOVERY_BOUND)."""
    loop = asyncio.get_running_loop()
    for n in itertools.count():
        if (await _write(http, base, f"probe_{base.rsplit(':', 1)[1]}_{n}")).confirmed:
            return loop.time() - since
        assert loop.time() - since < RECOVERY_BOUND, f"{base} does not answer {RECOVERY_BOUND:.0f} s after the restart"
        await asyncio.sleep(0.2)
    raise AssertionError("unreachable")


async def _job(http: httpx.AsyncClient, base: str, cluster: int, suffix: str) -> Any:
    """Through replica ``base``: a datagen source, a blackhole sink, a SELECT job on ``cluster``."""
    ids = []
    for table, kind, connector in ((f"src{suffix}", "source", "datagen"), (f"dst{suffix}", "sink", "blackhole")):
        ids.append(envelope_ok(await http.post(f"{base}/ds/addDO", json=_ds(table, kind, connector))))
    mapping = [
        {"dsId": ids[0], "dsType": "source"},
        {"dsId": ids[1], "dsType": "sink", "runSql": f"SELECT id FROM src{suffix}"},
    ]
    body = {"jobName": f"job{suffix}", "clusterId": cluster, "jobDsVOS": mapping}
    return envelope_ok(await http.post(f"{base}/jobs/addDO", json=body))


async def _shown(http: httpx.AsyncClient, base: str, job_id: int, state: str, within: float = 20) -> dict[str, Any]:
    """Wait until replica ``base`` shows the job in Flink state ``state`` (the replicas' reconcilers write it)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while True:
        detail: dict[str, Any] = envelope_ok(await http.get(f"{base}/jobs/{job_id}"))
        if detail["flinkState"] == state:
            return detail
        assert loop.time() < deadline, f"job {job_id} reads {detail['flinkState']}, not {state}"
        await asyncio.sleep(0.3)


async def _pollers(proxy: Proxy, within: float) -> set[int]:
    """The hlink processes that asked the cluster for its jobs in a window of ``within`` seconds."""
    proxy.pollers.clear()
    await asyncio.sleep(within)
    return set(proxy.pollers)


def _clean(write: Write) -> bool:
    """A failure answered as it should be: the envelope, with ``success`` false and the status as its code, of a
    dependency that is unavailable (503), saying so."""
    body = write.body
    return (
        write.status == 503
        and isinstance(body, dict)
        and (body.get("code"), body.get("success")) == (503, False)
        and "database" in str(body.get("msg"))
    )


@pytest.mark.parametrize("flink", FLINK_VERSIONS[:1], indirect=True, ids=lambda v: f"flink-{v}")
async def test_a_postgresql_restart_under_load_loses_nothing_and_every_replica_reconnects(
    flink: LocalFlink, own_pg: PostgresServer, replicas: tuple[str, list[Replica]]
) -> None:
    url, [(first, a), (second, b)] = replicas
    pids = {first.pid, second.pid}
    proxy = Proxy(flink.rest_port)
    address = await proxy.start()
    flink_jobs: list[str] = []
    loop = asyncio.get_running_loop()
    async with httpx.AsyncClient(timeout=60, headers=AUTH) as http:
        try:
            params: dict[str, str | int] = {"name": "proxied", "address": address, "type": 1}
            cluster = envelope_ok(await http.post(f"{a}/cluster/add", params=params))["id"]
            before = await _job(http, b, cluster, "1")
            flink_jobs.append(envelope_ok(await http.post(f"{a}/jobs/run/{before['id']}"))["flinkJobId"])
            await _shown(http, b, before["id"], "RUNNING")
            polling = await _pollers(proxy, 3)
            assert len(polling) == 1 and polling <= pids, f"one replica reconciles the cluster: {polling}"

            # the fault, under load: writers keep creating datasources through both replicas
            writes: list[Write] = []
            done = asyncio.Event()
            load = asyncio.create_task(_load(http, [a, b], done, writes))
            await asyncio.sleep(1.5)
            outage = loop.time()
            await asyncio.to_thread(own_pg.restart, DOWN_SECONDS)
            back = loop.time()
            # both replicas answer again by themselves (neither is restarted)
            recovered = await asyncio.gather(_answers_again(http, a, back), _answers_again(http, b, back))
            await asyncio.sleep(2)  # more load after the recovery
            done.set()
            await load
            assert [w for w in writes if w.started < outage and w.confirmed], "writes succeeded before the restart"
            assert [w for w in writes if w.started > back + max(recovered) and w.confirmed], "and after it"

            # every confirmed write is stored, whole (its column with it); no datasource is stored half-written
            connection = await asyncpg.connect("postgresql://" + url.split("://", 1)[1])
            try:
                rows = await connection.fetch(
                    "SELECT d.id, d.table_name, count(c.id) AS columns FROM t_ds d "
                    "LEFT JOIN t_ds_column c ON c.datasource_id = d.id GROUP BY d.id, d.table_name"
                )
            finally:
                await connection.close()
            stored = {r["table_name"]: (r["id"], r["columns"]) for r in rows}
            confirmed = [w for w in writes if w.confirmed]
            lost = [w.table for w in confirmed if stored.get(w.table) != (int(w.body["data"]), 1)]
            assert not lost, f"confirmed writes missing or changed: {lost}"
            assert all(columns == 1 for _, columns in stored.values()), "no datasource without its column"

            # the reconciler's lease is taken again: a replica polls the cluster again, exactly one
            polling = set()
            while not polling:
                assert loop.time() - back < RECOVERY_BOUND, "no replica polls the cluster again"
                polling = await _pollers(proxy, 1)
            polling = await _pollers(proxy, 3)
            assert len(polling) == 1 and polling <= pids, f"one replica reconciles the cluster again: {polling}"
            detail = await _shown(http, a, before["id"], "RUNNING")
            assert detail["flinkJobId"] == flink_jobs[0], "the job running across the restart is the same"

            # a job run after the restart: a subscriber on B hears the change made through A, and it runs
            after = await _job(http, a, cluster, "2")
            async with job_status_subscription(b, after["id"]) as ws:
                heard = asyncio.create_task(asyncio.wait_for(ws.recv(), 10))
                asked = loop.time()
                run = envelope_ok(await http.post(f"{a}/jobs/run/{after['id']}"))
                flink_jobs.append(run["flinkJobId"])
                message = json.loads(await heard)
                assert loop.time() - asked < 5, "replica B's subscriber heard of it within 5 s"
                assert message["type"] == "next", message
                event = message["payload"]["data"]["jobStatus"]
                assert event["jobId"] == str(after["id"]) and event["flinkState"] == "SUBMITTING", event
            await _shown(http, b, after["id"], "RUNNING")
            for job in (before, after):
                envelope_ok(await http.post(f"{b}/jobs/cancel/{job['id']}"))
            flink_jobs.clear()

            # last, how the requests during the outage failed: each got an answer (its connection was not dropped),
            # an envelope saying the database is unavailable (503), not an internal error
            unanswered = [(w.table, w.body) for w in writes if w.status is None]
            assert not unanswered, f"{len(unanswered)} of {len(writes)} requests got no answer: {unanswered[:3]}"
            unclean = sorted({(w.status, str(w.body)[:200]) for w in writes if not w.confirmed and not _clean(w)})
            assert not unclean, f"failures that do not read 503 'database unavailable': {unclean}"
        finally:
            await proxy.stop()
            for jid in flink_jobs:  # what a failed assertion left running on the session's cluster
                with contextlib.suppress(httpx.HTTPError):
                    await http.patch(f"{flink.url}/jobs/{jid}", params={"mode": "cancel"})


async def test_the_status_listener_keeps_trying_whatever_a_reconnect_raises(
    pg_server: PostgresServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The session the database ends between hlink's connect and its LISTEN (a restart at the wrong moment:
    asyncpg raises InterfaceError, not a PostgresError) leaves the watcher alive, listening again a second later."""
    url = f"{pg_server.url}/postgres"
    events = SharedEvents(url)
    await events.start()
    connect = asyncpg.connect
    ended: list[Any] = []

    async def ended_before_the_listen(*args: Any, **kwargs: Any) -> Any:
        connection = await connect(*args, **kwargs)
        if not ended:
            ended.append(connection)
            await connection.close()
        return connection

    try:
        monkeypatch.setattr(asyncpg, "connect", ended_before_the_listen)
        await events._listener.close()  # the listening session ends, as in a restart
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 5
        while not (ended and events._listener is not None and not events._listener.is_closed()):
            assert events._watch is not None and not events._watch.done(), "the watcher died"
            assert loop.time() < deadline, "not listening again within 5 s"
            await asyncio.sleep(0.1)
        monkeypatch.undo()
        subscription = cast("AsyncGenerator[JobEvent, None]", events.subscribe(7))

        async def first() -> JobEvent:
            return await anext(subscription)

        heard = asyncio.create_task(first())  # the subscriber's queue was registered by subscribe()
        other = await asyncpg.connect("postgresql://" + url.split("://", 1)[1])
        try:
            payload = {
                "job_id": 7,
                "job_status": 1,
                "flink_state": "RUNNING",
                "flink_job_id": None,
                "revision": 3,
                "origin": "x",
            }
            await other.execute("SELECT pg_notify($1, $2)", CHANNEL, json.dumps(payload))
        finally:
            await other.close()
        event = await asyncio.wait_for(heard, 5)
        assert (event.job_id, event.flink_state, event.revision) == (7, "RUNNING", 3)
        await subscription.aclose()
    finally:
        await events.close()
