"""hlink killed with SIGKILL in the middle of a submission, again and again, at each point of it (tests/killer.py):
before the run request leaves, after Flink accepted it, before the answer is written. After each kill a plain
`hlink serve` is started on the same database; within a bounded time the job is no longer submitting, each run
request that reached Flink made exactly one Flink job (under the id hlink chose), which hlink tracks with Flink's
state, and a request that never left is released with its reason at the next cycle once the dead process's
heartbeat is stale, not after HLINK_SUBMISSION_GRACE. Then a new run works and makes exactly one more Flink job.

Real processes throughout: the replicas are `hlink serve` subprocesses, one at a time (a restart), on SQLite and on
PostgreSQL, against the session's real Flink clusters. Every Flink job a test starts is stopped before it ends.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest

from hlink.flink.local import LocalFlink
from hlink.services.jobs.submission import HEARTBEAT_STALE
from tests.conftest import DATABASES, FLINK_VERSIONS, empty_database
from tests.helpers import AUTH, envelope_ok
from tests.killer import KILL_POINTS
from tests.replicas import select_job, serve_replica, stop_replica

T = TypeVar("T")
Process = asyncio.subprocess.Process
ROUNDS = 2
#: the production grace: a submission left by a dead process is settled once its heartbeat is stale, never
#: waiting for this; a job Flink accepted is found by its chosen id at the first look
GRACE = 300
#: how soon after a restart a submission left by a dead process is settled: its heartbeat's staleness
#: (services/jobs/submission.HEARTBEAT_STALE, from its last beat before the kill) and a cycle or two
SETTLED_WITHIN = HEARTBEAT_STALE.seconds + 15
TERMINAL = {"FINISHED", "CANCELED", "FAILED"}
JOB = """query($id: ID!) { job(id: $id) { jobStatus flinkState flinkJobId
  runs(limit: 100) { flinkJobId pipelineName finalState failure endTime } } }"""


async def until(probe: Callable[[], Awaitable[T | None]], within: float, what: str) -> T:
    """``probe()`` again every half second until it answers something, at most ``within`` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while True:
        found = await probe()
        if found is not None:
            return found
        assert loop.time() < deadline, f"not within {within:.0f} s: {what}"
        await asyncio.sleep(0.5)


@contextlib.asynccontextmanager
async def replica(url: str, data: Path, kill_at: str | None = None) -> AsyncIterator[tuple[Process, str]]:
    """A plain `hlink serve`, or with ``kill_at`` one that kills itself at that point of a submission; stopped
    (by its handle) on the way out unless it died."""
    env = {"HLINK_SUBMISSION_GRACE": str(GRACE)}
    if kill_at is None:
        process, base = await serve_replica(url, data, env)
    else:
        process, base = await serve_replica(url, data, {**env, "HLINK_TEST_KILL_AT": kill_at}, ["tests/killer.py"])
    try:
        yield process, base
    finally:
        await stop_replica(process)


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The replicas' data folder, shared by this module's tests (each has a database of its own): `hlink serve`
    compiles the SQL runner there once."""
    return tmp_path_factory.mktemp("kills") / "data"


class Story:
    """One job on one database, run through killed and restarted replicas, and its jobs on Flink."""

    def __init__(self, http: httpx.AsyncClient, flink: LocalFlink, name: str) -> None:
        self.http, self.flink, self.name = http, flink, name
        self.job_id = 0

    async def create(self, base: str, rows: int | None = None) -> None:
        self.job_id = (await select_job(self.http, base, self.flink.url, "", self.name, rows))["id"]

    async def job(self, base: str) -> dict[str, Any]:
        """The job as hlink has it (GraphQL): its state and every run, newest first."""
        answer = await self.http.post(f"{base}/graphql", json={"query": JOB, "variables": {"id": str(self.job_id)}})
        body = answer.json()
        assert answer.status_code == 200 and not body.get("errors"), body
        job: dict[str, Any] = body["data"]["job"]
        return job

    async def flink_jobs(self) -> dict[str, dict[str, Any]]:
        """This story's jobs on Flink (the job's name begins each of its pipeline names), by Flink job id."""
        jobs = (await self.http.get(f"{self.flink.url}/jobs/overview")).json()["jobs"]
        return {j["jid"]: j for j in jobs if j["name"].startswith(f"{self.name} [hlink job ")}

    async def killed_run(self, base: str, process: Process) -> None:
        """A run request through a killer replica: it dies by SIGKILL without answering."""
        try:
            answer = await self.http.post(f"{base}/jobs/run/{self.job_id}")
        except (httpx.RemoteProtocolError, httpx.ReadError):
            pass  # the connection dropped with the process
        else:
            pytest.fail(f"the killer replica answered: {answer.status_code} {answer.text}")
        assert await asyncio.wait_for(process.wait(), 30) == -signal.SIGKILL

    async def settled(self, base: str) -> dict[str, Any]:
        """The job once it is no longer submitting (jobStatus SUBMITTING), within :data:`SETTLED_WITHIN` of the
        restart: a request that never reached Flink is released once the dead process's heartbeat is stale, one
        Flink accepted is found by its chosen id."""

        async def probe() -> dict[str, Any] | None:
            job = await self.job(base)
            return job if job["jobStatus"] != "SUBMITTING" else None

        return await until(probe, SETTLED_WITHIN, f"job {self.job_id} leaves submitting within {SETTLED_WITHIN} s")

    async def running(self, base: str, jid: str) -> dict[str, Any]:
        """Wait until Flink runs ``jid`` and hlink's job tracks it as running; answers hlink's job."""

        async def probe() -> dict[str, Any] | None:
            job = await self.job(base)
            flink_state = (await self.flink_jobs()).get(jid, {}).get("state")
            seen = (job["jobStatus"], job["flinkState"], job["flinkJobId"], flink_state)
            return job if seen == ("RUNNING", "RUNNING", jid, "RUNNING") else None

        return await until(probe, 60, f"Flink runs {jid} and hlink's job {self.job_id} tracks it as RUNNING")

    async def recovered(self, base: str, point: str) -> None:
        """After the restart the killed run's outcome is what Flink says; a running job is stopped again."""
        job = await self.settled(base)
        run = job["runs"][0]
        named = [j for j in (await self.flink_jobs()).values() if j["name"] == run["pipelineName"]]
        if point == "before-request":  # nothing reached Flink: released, with the reason on the run
            assert named == [], named
            assert (job["jobStatus"], job["flinkState"], job["flinkJobId"]) == ("NOT_RUNNING", None, None), job
            assert (run["flinkJobId"], run["finalState"]) == (None, "NOT_SUBMITTED"), run
            assert run["endTime"] and "no heartbeat" in run["failure"], run
            return
        assert len(named) == 1, f"one Flink job for the run {run['pipelineName']!r}: {named}"
        jid = named[0]["jid"]
        job = await self.running(base, jid)
        assert (job["runs"][0]["flinkJobId"], job["runs"][0]["endTime"]) == (jid, None), job["runs"][0]
        await self.cancel(base)

    async def fresh_run(self, base: str) -> None:
        """A run request on the restarted replica: exactly one more Flink job, the one hlink tracks; then stopped."""
        before = set(await self.flink_jobs())
        jid = envelope_ok(await self.http.post(f"{base}/jobs/run/{self.job_id}"))["flinkJobId"]
        assert set(await self.flink_jobs()) - before == {jid}
        await self.running(base, jid)
        await self.cancel(base)

    async def cancel(self, base: str) -> None:
        """Stop the job; it reads cancelled once the stop has ended (the answer may come before)."""
        envelope_ok(await self.http.post(f"{base}/jobs/cancel/{self.job_id}"))

        async def probe() -> dict[str, Any] | None:
            job = await self.job(base)
            return job if (job["jobStatus"], job["flinkState"]) == ("CANCELLED", "CANCELED") else None

        await until(probe, 60, f"job {self.job_id} reads cancelled")

    async def one_flink_job_per_run(self, base: str, runs: int) -> None:
        """The story's Flink jobs are exactly its runs' (one each, for the runs that reached Flink), all ended,
        and every run is closed with its final state."""

        async def ended() -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]]] | None:
            jobs, rows = await self.flink_jobs(), (await self.job(base))["runs"]
            done = all(j["state"] in TERMINAL for j in jobs.values()) and all(r["endTime"] for r in rows)
            return (jobs, rows) if done else None

        jobs, rows = await until(ended, 30, f"the Flink jobs and runs of {self.name!r} have ended")
        assert len(rows) == runs, rows
        assert sorted(jobs) == sorted(r["flinkJobId"] for r in rows if r["flinkJobId"]), (jobs, rows)
        assert len({j["name"] for j in jobs.values()}) == len(jobs), jobs
        assert all(r["finalState"] for r in rows), rows

    async def leave_flink_clean(self) -> None:
        """Whatever happened, no Flink job of this story keeps running on the shared cluster."""
        with contextlib.suppress(httpx.HTTPError):
            for jid, job in (await self.flink_jobs()).items():
                if job["state"] not in TERMINAL:
                    await self.http.patch(f"{self.flink.url}/jobs/{jid}", params={"mode": "cancel"})


@pytest.mark.parametrize("point", KILL_POINTS)
@pytest.mark.parametrize("kind", DATABASES)
async def test_submissions_killed_at_one_point_leave_one_flink_job_per_run(
    flink: LocalFlink, kind: str, point: str, request: pytest.FixtureRequest, tmp_path: Path, data: Path
) -> None:
    if point == "before-request" and flink.version != FLINK_VERSIONS[0]:
        pytest.skip("nothing reaches Flink: hlink's release does not depend on its version (tested on the first)")
    url = await empty_database(kind, request, tmp_path, f"hlink_kill_{point.replace('-', '_')}")
    async with httpx.AsyncClient(timeout=60, headers=AUTH) as http:
        story = Story(http, flink, f"killed {point} {kind}")
        try:
            for turn in range(ROUNDS):
                async with replica(url, data, point) as (killer, base):
                    if turn == 0:
                        await story.create(base)
                    await story.killed_run(base, killer)
                async with replica(url, data) as (_, base):
                    await story.recovered(base, point)
                    if turn + 1 == ROUNDS:
                        await story.fresh_run(base)
                        await story.one_flink_job_per_run(base, ROUNDS + 1)
        finally:
            await story.leave_flink_clean()


@pytest.mark.parametrize("kind", DATABASES)
async def test_a_killed_submission_whose_flink_job_ended_before_the_restart_is_recorded_ended(
    flink: LocalFlink, kind: str, request: pytest.FixtureRequest, tmp_path: Path, data: Path
) -> None:
    if flink.version != FLINK_VERSIONS[0]:
        pytest.skip("the reconciler's bookkeeping, whatever the version: tested on the first")
    url = await empty_database(kind, request, tmp_path, "hlink_kill_ended")
    async with httpx.AsyncClient(timeout=60, headers=AUTH) as http:
        story = Story(http, flink, f"ended {kind}")
        try:
            async with replica(url, data, "after-accepted") as (killer, base):
                await story.create(base, rows=10)  # a bounded source: the Flink job finishes by itself
                await story.killed_run(base, killer)

            async def finished() -> str | None:
                jobs = await story.flink_jobs()
                return next((jid for jid, j in jobs.items() if j["state"] == "FINISHED"), None)

            jid = await until(finished, 60, "Flink finished the bounded job while no hlink ran")
            async with replica(url, data) as (_, base):
                job = await story.settled(base)
                assert (job["jobStatus"], job["flinkState"], job["flinkJobId"]) == ("NOT_RUNNING", "FINISHED", jid), job
                run = job["runs"][0]
                assert (run["flinkJobId"], run["finalState"]) == (jid, "FINISHED") and run["endTime"], run
                await story.one_flink_job_per_run(base, 1)
        finally:
            await story.leave_flink_clean()


@pytest.mark.parametrize("kind", DATABASES)
async def test_a_restart_killed_between_its_stop_and_its_run_ends_with_the_job_running(
    flink: LocalFlink, kind: str, request: pytest.FixtureRequest, tmp_path: Path, data: Path
) -> None:
    if flink.version != FLINK_VERSIONS[0]:
        pytest.skip("the restart's bookkeeping, whatever the version: tested on the first")
    url = await empty_database(kind, request, tmp_path, "hlink_kill_restart")
    query = "query($id: ID!) { job(id: $id) { operations { kind status } } }"
    async with httpx.AsyncClient(timeout=60, headers=AUTH) as http:
        story = Story(http, flink, f"restarted {kind}")
        try:
            async with replica(url, data) as (_, base):
                await story.create(base)
                first = envelope_ok(await http.post(f"{base}/jobs/run/{story.job_id}"))["flinkJobId"]
                await story.running(base, first)
            # the stop completes, then the process dies just before the run request leaves
            async with replica(url, data, "before-request") as (killer, base):
                try:
                    answer = await http.post(f"{base}/jobs/restart/{story.job_id}")
                except (httpx.RemoteProtocolError, httpx.ReadError):
                    pass
                else:
                    pytest.fail(f"the killer replica answered: {answer.status_code} {answer.text}")
                assert await asyncio.wait_for(killer.wait(), 60) == -signal.SIGKILL
            assert (await story.flink_jobs())[first]["state"] == "FINISHED", "the stop had ended"
            async with replica(url, data) as (_, base):  # the next replica drives the restart to its end

                async def restarted() -> str | None:
                    live = [jid for jid, j in (await story.flink_jobs()).items() if j["state"] == "RUNNING"]
                    return live[0] if len(live) == 1 and live[0] != first else None

                jid = await until(restarted, SETTLED_WITHIN + 30, "the restart ran the job again")
                job = await story.running(base, jid)
                assert job["runs"][0]["flinkJobId"] == jid
                body = await http.post(f"{base}/graphql", json={"query": query, "variables": {"id": str(story.job_id)}})
                kinds = [(o["kind"], o["status"]) for o in body.json()["data"]["job"]["operations"]]
                assert ("RESTART", "COMPLETED") in kinds and ("STOP", "COMPLETED") in kinds, kinds
                await story.cancel(base)
                await story.one_flink_job_per_run(base, 3)  # the first run, the killed one, the restart's
        finally:
            await story.leave_flink_clean()
