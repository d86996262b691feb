"""A task manager is killed (SIGKILL) under running jobs: each job restarts per its restart strategy or fails, and
hlink's status follows Flink's.

The fault runs on a Flink cluster of this module's own (one per tested version), so the session's shared clusters
never lose a task manager: its folder is ``<test root>/taskmanager-faults-<version>``, whose ``venv`` is a symbolic
link to the session's installation of that version (``<test root>/flink-<version>/venv``, installed there first
when missing), so no second 330 MB download happens. Faster heartbeats (4 s) make Flink notice the loss quickly.
Only the processes this module starts are killed, by their pids (SIGKILL for the fault, ``LocalFlink.stop`` at
the end). One database is enough here (the fault is Flink's; the reconciler's writes are the same code on both).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from hlink.flink.local import LocalFlink, free_port, progress_to_stderr
from hlink.models import JobRun
from hlink.models.status import FAILED, RUNNING
from hlink.services.jobs.reconciler import reconcile_once
from tests.conftest import DATABASES, FLINK_VERSIONS, TEST_ROOT
from tests.helpers import add_cluster, envelope_ok
from tests.test_flink_lifecycle import add_ds, add_job

#: a dead task manager is noticed within 4 s (besides the lost connection, which Flink usually notices at once)
FAST_HEARTBEATS = {"heartbeat.interval": "1000", "heartbeat.timeout": "4000", "taskmanager.numberOfTaskSlots": "2"}
#: the restarting job's delay between attempts: the window in which Flink says RESTARTING
DELAY_SECONDS = 5

pytestmark = pytest.mark.parametrize("database_url", DATABASES[:1], indirect=True)


@pytest.fixture(scope="module", params=FLINK_VERSIONS, ids=lambda v: f"flink-{v}")
def own_flink(request: pytest.FixtureRequest) -> Iterator[LocalFlink]:
    """A Flink cluster of this module's own, sharing the session's installation of its version."""
    version = str(request.param)
    shared = LocalFlink(TEST_ROOT / f"flink-{version}", version=version)
    shared.install(progress_to_stderr)  # nothing to do once the session (or an earlier run) installed it
    cluster = LocalFlink(
        TEST_ROOT / f"taskmanager-faults-{version}",
        rest_port=free_port(),
        version=version,
        extra_settings=FAST_HEARTBEATS,
    )
    cluster.stop()  # what an interrupted earlier run left running (only processes of this folder)
    for leftover in (cluster.log_dir, cluster.work_dir, cluster.pid_dir):
        shutil.rmtree(leftover, ignore_errors=True)
    cluster.root.mkdir(parents=True, exist_ok=True)
    if cluster.venv.is_symlink():
        cluster.venv.unlink()  # made again: the session's folder may have moved (HLINK_TEST_FLINK_ROOT)
    shutil.rmtree(cluster.venv, ignore_errors=True)
    cluster.venv.symlink_to(shared.venv.resolve(), target_is_directory=True)
    cluster.start(progress_to_stderr)
    try:
        yield cluster
    finally:
        ours = cluster.role_pids("standalonesession") + cluster.taskmanager_pids()
        cluster.stop()
        assert not [pid for pid in ours if _alive(pid)], "stop() ends every process, each task manager too"


def _alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (a zombie left for its parent to reap has no command line)."""
    try:
        return bool(Path(f"/proc/{pid}/cmdline").read_bytes())
    except OSError:
        return False


async def _tasks_running(flink: LocalFlink, jid: str, within: float = 60) -> None:
    """Wait until Flink runs the job and every task of it (deployed on a task manager, not waiting for a slot)."""
    async with httpx.AsyncClient(base_url=flink.url, timeout=10) as http:
        deadline = asyncio.get_running_loop().time() + within
        while True:
            job = (await http.get(f"/jobs/{jid}")).json()
            if job.get("state") == "RUNNING" and all(v["status"] == "RUNNING" for v in job["vertices"]):
                return
            assert asyncio.get_running_loop().time() < deadline, f"job {jid}: {job.get('state')}, {job['vertices']}"
            await asyncio.sleep(0.3)


async def _says(flink: LocalFlink, jid: str, want: str, within: float = 30) -> None:
    """Wait until Flink's job list (``/jobs/overview``, what the reconciler reads) gives the job state ``want``."""
    async with httpx.AsyncClient(base_url=flink.url, timeout=10) as http:
        deadline = asyncio.get_running_loop().time() + within
        while True:
            states = {j["jid"]: j["state"] for j in (await http.get("/jobs/overview")).json()["jobs"]}
            if states.get(jid) == want:
                return
            assert asyncio.get_running_loop().time() < deadline, f"job {jid} is {states.get(jid)}, not {want}"
            await asyncio.sleep(0.1)


async def _status(client: httpx.AsyncClient, job_id: int) -> tuple[int, str, str]:
    detail = envelope_ok(await client.get(f"/jobs/{job_id}"))
    return detail["jobStatus"], detail["flinkState"], detail["flinkJobId"]


async def _reconciled(client: httpx.AsyncClient, job_id: int, want: tuple[int, str], within: float = 15) -> str:
    """Reconcile until hlink shows the job as ``want`` (code, Flink state); answers its Flink job id."""
    runtime = client.app_state.runtime  # type: ignore[attr-defined]
    deadline = asyncio.get_running_loop().time() + within
    while True:
        await reconcile_once(runtime)
        status = await _status(client, job_id)
        if status[:2] == want:
            return status[2]
        assert asyncio.get_running_loop().time() < deadline, f"hlink shows {status}, not {want}"
        await asyncio.sleep(0.5)


async def test_a_killed_task_manager_restarts_a_job_per_its_strategy_and_fails_one_without_restarts(
    client: httpx.AsyncClient, own_flink: LocalFlink
) -> None:
    runtime = client.app_state.runtime  # type: ignore[attr-defined]
    cluster = await add_cluster(client, name="faulty", address=own_flink.url)
    source = await add_ds(client, "gen_tm", "source", "datagen", **{"rows-per-second": "20"})
    jobs: dict[str, Any] = {}
    for name, strategy in (
        ("steady", {"restartStrategy": 1, "restartAttempts": 100, "delayInterval": DELAY_SECONDS}),
        ("fragile", {"restartStrategy": 0}),
    ):
        sink = await add_ds(client, f"hole_{name}", "sink", "blackhole")
        sql = f"INSERT INTO hole_{name} SELECT id, name FROM gen_tm"
        jobs[name] = await add_job(client, name, cluster, source, sink, sql, **strategy)
        assert jobs[name]["validationStatus"] == 1, jobs[name]["validationError"]
    steady, fragile = jobs["steady"]["id"], jobs["fragile"]["id"]
    jid = {name: envelope_ok(await client.post(f"/jobs/run/{job['id']}"))["flinkJobId"] for name, job in jobs.items()}
    for name in jobs:
        await _tasks_running(own_flink, jid[name])
    await reconcile_once(runtime)
    assert await _status(client, steady) == (RUNNING, "RUNNING", jid["steady"])
    assert await _status(client, fragile) == (RUNNING, "RUNNING", jid["fragile"])

    # the fault: the cluster's only task manager, which runs both jobs, dies
    [victim] = own_flink.taskmanager_pids()
    os.kill(victim, signal.SIGKILL)  # a process of this module's own cluster

    # a fixed-delay strategy with attempts left: Flink restarts the job; hlink says so, and keeps it running
    await _says(own_flink, jid["steady"], "RESTARTING")
    await reconcile_once(runtime)
    assert await _status(client, steady) == (RUNNING, "RESTARTING", jid["steady"])

    # no restart strategy: Flink fails the job; hlink records it failed and closes its run (with Flink's reason:
    # checked last). The first look comes as soon as Flink's job list says FAILED: Flink serves the job's
    # exception history a moment (about a second) later, and the reason must not be lost in between.
    await _says(own_flink, jid["fragile"], "FAILED")
    assert await _reconciled(client, fragile, (FAILED, "FAILED")) == jid["fragile"]
    [run] = await JobRun.filter(job_id=fragile)
    assert (run.flink_job_id, run.final_state) == (jid["fragile"], "FAILED") and run.end_time is not None

    # a new task manager: the restarting job runs again, the same Flink job in the same (still open) run
    await asyncio.to_thread(own_flink.start_taskmanager, "replacement")
    await _tasks_running(own_flink, jid["steady"])
    assert await _reconciled(client, steady, (RUNNING, "RUNNING")) == jid["steady"]
    [open_run] = await JobRun.filter(job_id=steady)
    assert (open_run.flink_job_id, open_run.end_time, open_run.final_state) == (jid["steady"], None, None)
    async with httpx.AsyncClient(base_url=own_flink.url) as http:
        history = (await http.get(f"/jobs/{jid['steady']}/exceptions")).json()
    assert history["exceptionHistory"]["entries"], "Flink restarted the job after the loss"
    # the failed job stays failed: the new task manager does not revive it
    await reconcile_once(runtime)
    assert await _status(client, fragile) == (FAILED, "FAILED", jid["fragile"])
    envelope_ok(await client.post(f"/jobs/cancel/{steady}"))

    # the failed job's run keeps Flink's reason, readable
    failure = (await JobRun.get(id=run.id)).failure
    assert failure and "\tat " not in failure, f"the run of the failed job keeps Flink's reason: {failure}"
