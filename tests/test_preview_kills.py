"""A real `hlink serve` killed with SIGKILL while a preview's Flink job runs (issue 21), then a plain `hlink serve`
started again on the same database: the restarted process leaves the preview's job alone while its time is ahead,
the job is gone within a cycle after its time, and its ``t_preview`` row goes once the job has ended.

Two lines of defence end a preview whose hlink died: the SQL runner's own watchdog inside the job manager (at the
preview's seconds) and the reconciler of whichever replica holds the cluster (at the row's deadline, the seconds
plus a margin for the submission). Both are tested: the runner's alone, and the reconciler's with the row's
deadline brought before the runner's time (a runner that could not cancel). The cluster is registered through
the tests' proxy, so a cancel hlink sends is seen (the runner talks to its job manager directly). The bookkeeping
does not depend on the Flink line (the first)."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from hlink.flink.local import LocalFlink
from hlink.services.preview.previews import MARGIN_SECONDS
from tests.conftest import empty_database
from tests.helpers import AUTH, add_cluster
from tests.proxy import Proxy
from tests.test_flink_lifecycle import add_ds
from tests.test_submission_kills import TERMINAL, replica, until

PREVIEW = """query($ds: ID, $cluster: ID, $seconds: Int) {
  preview(datasourceId: $ds, clusterId: $cluster, seconds: $seconds) { preview { reason } error { __typename } } }"""
#: the replicas reconcile every second (tests/replicas.py); what a cancel and Flink's answer may take beside it
CYCLE, SLACK = 1.0, 5.0


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("preview-kills") / "data"


class Rows:
    """The ``t_preview`` rows of a replica's SQLite database, read and written beside the replicas."""

    def __init__(self, url: str) -> None:
        self.path = url.removeprefix("sqlite://")

    def _query(self, sql: str, *args: Any) -> list[tuple[Any, ...]]:
        with sqlite3.connect(self.path, timeout=10) as db:
            return db.execute(sql, args).fetchall()

    async def all(self) -> list[dict[str, Any]]:
        sql = 'SELECT "id", "flink_job_id", "deadline", "ended_at" FROM "t_preview"'
        return [
            {"id": i, "flink_job_id": j, "deadline": _utc(d), "ended_at": e, "stored": d}
            for i, j, d, e in await asyncio.to_thread(self._query, sql)
        ]

    async def bring_deadline(self, row: dict[str, Any], deadline: datetime) -> None:
        # written as the driver wrote it (SQLite compares these as text): str() of an aware or naive UTC datetime
        text = str(deadline if str(row["stored"]).endswith("+00:00") else deadline.replace(tzinfo=None))
        assert len(text) == len(str(row["stored"])), (text, row["stored"])
        await asyncio.to_thread(self._query, 'UPDATE "t_preview" SET "deadline" = ? WHERE "id" = ?', text, row["id"])


def _utc(stored: str) -> datetime:
    found = datetime.fromisoformat(stored)
    return found if found.tzinfo else found.replace(tzinfo=UTC)


async def flink_jobs(flink: LocalFlink) -> dict[str, dict[str, Any]]:
    async with httpx.AsyncClient(base_url=flink.url, timeout=10) as http:
        return {j["jid"]: j for j in (await http.get("/jobs/overview")).json()["jobs"]}


async def killed_mid_preview(flink: LocalFlink, url: str, data: Path, address: str, seconds: int) -> dict[str, Any]:
    """A replica asked for a preview of a one-row-a-second source, killed with SIGKILL once the preview's Flink job
    runs on the cluster; answers the preview's row as the dead process left it."""
    rows = Rows(url)
    async with replica(url, data) as (process, base):
        async with httpx.AsyncClient(base_url=base, headers=AUTH, timeout=60) as http:
            cluster = await add_cluster(http, address=address)
            source = await add_ds(http, "slow_t", "source", "datagen", **{"rows-per-second": "1"})
            variables = {"ds": str(source), "cluster": str(cluster), "seconds": seconds}
            asked = asyncio.create_task(http.post("/graphql", json={"query": PREVIEW, "variables": variables}))

            async def running() -> dict[str, Any] | None:
                assert not asked.done(), asked.result().text if asked.exception() is None else asked.exception()
                found = await rows.all()
                if found and (await flink_jobs(flink)).get(found[0]["flink_job_id"], {}).get("state") == "RUNNING":
                    return found[0]
                return None

            row = await until(running, 60, "the preview's Flink job runs")
            process.send_signal(signal.SIGKILL)  # a process this test started
            assert await asyncio.wait_for(process.wait(), 30) == -signal.SIGKILL
            with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
                await asked  # the connection dropped with the process
    (left,) = await rows.all()
    assert (left["id"], left["ended_at"]) == (row["id"], None), "the dead process ended nothing"
    assert (await flink_jobs(flink))[left["flink_job_id"]]["state"] == "RUNNING", "its job runs on without hlink"
    return left


async def polled_by(proxy: Proxy, pid: int, times: int) -> None:
    """The restarted replica has polled the cluster ``times`` more times (its reconciler's cycles)."""
    start = proxy.pollers.count(pid)

    async def polled() -> bool | None:
        return True if proxy.pollers.count(pid) >= start + times else None

    await until(polled, 30, f"replica {pid} polls the cluster {times} times")


async def row_dropped(rows: Rows, row_id: int) -> None:
    async def dropped() -> bool | None:
        return True if all(r["id"] != row_id for r in await rows.all()) else None

    await until(dropped, 3 * CYCLE + SLACK, f"preview row {row_id} is dropped")


async def test_the_reconciler_of_the_restarted_hlink_cancels_a_killed_previews_job_after_its_deadline(
    flink: LocalFlink, request: pytest.FixtureRequest, tmp_path: Path, data: Path
) -> None:
    url = await empty_database("sqlite", request, tmp_path, "hlink_kill_preview")
    rows = Rows(url)
    proxy = Proxy(flink.rest_port)
    address = await proxy.start()
    jid = ""
    try:
        row = await killed_mid_preview(flink, url, data, address, seconds=120)
        jid = row["flink_job_id"]
        async with replica(url, data) as (process, _):
            # its time (120 s and the margin) is ahead: the restarted reconciler sees the job and leaves it alone
            await polled_by(proxy, process.pid, 2)
            assert (await flink_jobs(flink))[jid]["state"] == "RUNNING"
            assert jid not in proxy.cancelled
            # a runner that could not cancel at its 120 s: the row's deadline, what the reconciler goes by, first
            deadline = datetime.now(UTC) + timedelta(seconds=3)
            await rows.bring_deadline(row, deadline)
            async with asyncio.timeout(3 + CYCLE + SLACK + 10):
                while (await flink_jobs(flink))[jid]["state"] == "RUNNING":  # noqa: ASYNC110 - Flink's state, polled
                    await asyncio.sleep(0.1)
            stopped_at = datetime.now(UTC)
            assert stopped_at >= deadline, (
                f"cancelled {(deadline - stopped_at).total_seconds():.1f} s before its deadline"
            )
            late = (stopped_at - deadline).total_seconds()
            assert late <= CYCLE + SLACK, f"cancelled {late:.1f} s after its deadline"
            assert proxy.cancelled == [jid], "hlink cancelled it (the runner's watchdog was 100 s away)"
            await row_dropped(rows, row["id"])
            assert (await flink_jobs(flink))[jid]["state"] == "CANCELED"
    finally:
        await _leave_clean(flink, jid)
        await proxy.stop()


async def test_a_killed_previews_job_is_ended_by_its_runner_at_its_time_and_its_row_dropped_after_a_restart(
    flink: LocalFlink, request: pytest.FixtureRequest, tmp_path: Path, data: Path
) -> None:
    url = await empty_database("sqlite", request, tmp_path, "hlink_kill_preview_runner")
    rows = Rows(url)
    proxy = Proxy(flink.rest_port)
    address = await proxy.start()
    seconds, jid = 20, ""
    try:
        row = await killed_mid_preview(flink, url, data, address, seconds=seconds)
        jid = row["flink_job_id"]
        async with replica(url, data) as (process, _):
            await polled_by(proxy, process.pid, 2)
            assert (await flink_jobs(flink))[jid]["state"] == "RUNNING", "left alone while its time is ahead"

            async def ended() -> dict[str, Any] | None:
                job = (await flink_jobs(flink))[jid]
                return job if job["state"] in TERMINAL else None

            job = await until(ended, seconds + SLACK, f"the preview's job ends at its {seconds} s")
            assert job["state"] == "CANCELED" and job["duration"] <= seconds * 1000, job
            assert datetime.now(UTC) < row["deadline"], "ended before the row's deadline: by the runner itself"
            assert jid not in proxy.cancelled, "the runner cancelled it, not hlink"
            await row_dropped(rows, row["id"])
            assert row["deadline"] - datetime.now(UTC) > timedelta(seconds=MARGIN_SECONDS / 2), "dropped long before"
    finally:
        await _leave_clean(flink, jid)
        await proxy.stop()


async def _leave_clean(flink: LocalFlink, jid: str) -> None:
    """Whatever happened, the preview's job does not keep running on the shared cluster."""
    if jid and (await flink_jobs(flink)).get(jid, {}).get("state") not in (*TERMINAL, None):
        async with httpx.AsyncClient(base_url=flink.url, timeout=10) as http:
            await http.patch(f"/jobs/{jid}", params={"mode": "cancel"})
