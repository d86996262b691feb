"""Highly available clusters (issue 23): hlink follows a job manager failover on a real ZooKeeper and a real
Flink 2.3 and 1.20 standalone HA cluster (two job managers, one task manager), without failing, losing or
resubmitting the job.

The cluster is this module's own, one per version, in ``<test root>/flink-<version>-ha``, with nothing shared
with the session's clusters of the same version: its venv is a copy of the session's installation (``cp -a``,
once; no symbolic link through which anything could write into the session's folder), its own configuration,
logs, pid files and work folders, every port chosen free or by the system (none of Flink's fixed defaults), a
ZooKeeper of its own (Debian's package, our own process on a free port, its data in the folder) and a ZooKeeper
cluster id naming the folder; no environment variable of this process is changed, and only the processes this
module starts are killed, by their pids.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator

import anyio
import httpx
import pytest

from hlink.flink.client import FlinkClient
from hlink.flink.local import LocalFlink, free_port, progress_to_stderr
from hlink.flink.zookeeper import LocalZooKeeper
from hlink.models import JobRun, Operation
from hlink.models.status import CANCELLED, RUNNING, SUBMITTING
from hlink.services.jobs.reconciler import reconcile_once
from tests.conftest import DATABASES, FLINK_VERSIONS, TEST_ROOT, gql
from tests.helpers import envelope_ok
from tests.test_flink_lifecycle import add_ds
from tests.test_upgrade_verdict import offsets, printed, wait_rows
from tests.test_versions import job_body, save

pytestmark = pytest.mark.parametrize("database_url", DATABASES[:1], indirect=True)

KEY = "SUBSTRING(name, 1, 1)"  # 16 keys: datagen's hex characters
COUNT = f"SELECT COUNT(*) AS id, {KEY} AS name FROM gen_ha GROUP BY {KEY}"
CLUSTER = """query($id: ID!) { cluster(id: $id) { address addresses haType
  overview { reachable activeAddress taskmanagers } } }"""


def _own_venv(cluster: LocalFlink, shared: LocalFlink) -> None:
    """The session's installation of the version, copied (once) into the HA cluster's folder."""
    marker = cluster.venv / ".flink-version"
    if cluster.venv.is_symlink():
        cluster.venv.unlink()  # an older layout linked to the session's folder: never again
    if marker.exists() and marker.read_text().strip() == cluster.version and cluster.pyflink() is not None:
        return
    shutil.rmtree(cluster.venv, ignore_errors=True)
    cluster.root.mkdir(parents=True, exist_ok=True)
    subprocess.run(["cp", "-a", str(shared.venv), str(cluster.venv)], check=True)


@pytest.fixture(scope="module", params=FLINK_VERSIONS, ids=lambda v: f"flink-{v}")
def ha_flink(request: pytest.FixtureRequest) -> Iterator[LocalFlink]:
    """A ZooKeeper and an HA Flink cluster of this module's own: two job managers and one task manager."""
    version = str(request.param)
    shared = LocalFlink(TEST_ROOT / f"flink-{version}", version=version)
    shared.install(progress_to_stderr)  # nothing to do once the session (or an earlier run) installed it
    root = (TEST_ROOT / f"flink-{version}-ha").resolve()
    zookeeper = LocalZooKeeper(root / "zookeeper")
    cluster = LocalFlink(root, rest_port=free_port(), version=version, standby_rest_port=free_port())
    cluster.stop()  # what an interrupted earlier run left running (only processes of this folder)
    zookeeper.stop()
    for leftover in (cluster.log_dir, cluster.work_dir, cluster.pid_dir, cluster.conf_dir, zookeeper.root):
        shutil.rmtree(leftover, ignore_errors=True)
    _own_venv(cluster, shared)
    zookeeper = LocalZooKeeper(root / "zookeeper", port=free_port())
    zookeeper.start()
    cluster.ha_quorum = zookeeper.quorum
    try:
        cluster.start(progress_to_stderr)
        yield cluster
    finally:
        cluster.stop()
        zookeeper.stop()


async def _flink_says(urls: list[str], jid: str, want: str, within: float = 90) -> float:
    """Wait until a job manager lists the job in state ``want`` (asking each in turn); answers when."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    async with httpx.AsyncClient(timeout=2) as http:
        while True:
            for url in urls:
                try:
                    response = await http.get(f"{url}/jobs/overview")
                except httpx.HTTPError:
                    continue
                if response.status_code == 200:
                    states = {j["jid"]: j["state"] for j in response.json()["jobs"]}
                    if states.get(jid) == want:
                        return time.monotonic()
            assert loop.time() < deadline, f"no job manager lists job {jid} {want}"
            await asyncio.sleep(0.2)


async def _flink_jobs(urls: list[str]) -> set[str]:
    """Every Flink job id the cluster knows (asked of the first job manager that answers)."""
    async with httpx.AsyncClient(timeout=5) as http:
        for url in urls:
            try:
                response = await http.get(f"{url}/jobs/overview")
            except httpx.HTTPError:
                continue
            if response.status_code == 200:
                return {j["jid"] for j in response.json()["jobs"]}
    raise AssertionError("no job manager answers")


async def _checkpointed(urls: list[str], jid: str, within: float = 60) -> None:
    """Wait until a checkpoint completes that started after now (the state a failover restores)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    since = int(time.time() * 1000)
    async with httpx.AsyncClient(timeout=5) as http:
        while True:
            for url in urls:
                try:
                    answer = (await http.get(f"{url}/jobs/{jid}/checkpoints")).json()
                except (httpx.HTTPError, ValueError):
                    continue
                latest = (answer.get("latest") or {}).get("completed") or {}
                if int(latest.get("trigger_timestamp") or 0) >= since:
                    return
            assert loop.time() < deadline, f"no checkpoint of job {jid} completed"
            await asyncio.sleep(0.3)


async def _status(client: httpx.AsyncClient, job_id: int) -> tuple[int, str, str]:
    detail = envelope_ok(await client.get(f"/jobs/{job_id}"))
    return detail["jobStatus"], detail["flinkState"], detail["flinkJobId"]


async def _failover(
    client: httpx.AsyncClient,
    ha: LocalFlink,
    job_id: int,
    jid: str,
    prefix: str,
    before_kill: Callable[[str], Awaitable[None]] | None = None,
) -> str:
    """Kill the leading job manager (SIGKILL) under the running job: hlink shows it UNKNOWN (its code still
    running, never failed or lost), then RUNNING again under the same Flink job id with its counts restored from
    the latest checkpoint. Prints the time from the kill to hlink's RUNNING and to Flink's own. Answers the
    killed job manager's address."""
    runtime = client.app_state.runtime  # type: ignore[attr-defined]
    await _checkpointed(ha.urls, jid)
    leading = ha.leading_port()
    assert leading is not None, "a job manager leads"
    survivors = [url for url in ha.urls if not url.endswith(f":{leading}")]
    mark = offsets(ha)
    if before_kill is not None:
        await before_kill(f"http://127.0.0.1:{leading}")
    os.kill(ha.jobmanager_pids()[leading], signal.SIGKILL)  # a process of this module's own cluster
    killed = time.monotonic()
    flink_back = asyncio.create_task(_flink_says(survivors, jid, "RUNNING"))
    seen: list[tuple[int, str, str]] = []
    hlink_back = None
    while hlink_back is None:
        await reconcile_once(runtime)
        status = await _status(client, job_id)
        if not seen or seen[-1] != status:
            seen.append(status)
        if status == (RUNNING, "RUNNING", jid) and any(s[1] == "UNKNOWN" for s in seen):
            hlink_back = time.monotonic()
        assert time.monotonic() - killed < 90, f"hlink did not show the job RUNNING again: {seen}"
        await asyncio.sleep(0.25)
    flink_time = await flink_back - killed
    print(
        f"\nFlink {ha.version}: job manager {leading} killed; Flink lists the job RUNNING after {flink_time:.1f} s, "
        f"hlink shows it RUNNING after {hlink_back - killed:.1f} s; hlink showed {[s[:2] for s in seen]}"
    )
    # never failed or lost: UNKNOWN with the running code, then what the new leader says (INITIALIZING while it
    # sets the recovered job up, which the documented codes count as submitting), always the same Flink job
    assert seen[0] == (RUNNING, "UNKNOWN", jid), seen
    assert all(flink_job == jid for _, _, flink_job in seen), seen
    assert {(code, state) for code, state, _ in seen} <= {
        (RUNNING, "UNKNOWN"),
        (SUBMITTING, "INITIALIZING"),
        (SUBMITTING, "CREATED"),
        (RUNNING, "RECONCILING"),
        (RUNNING, "RESTARTING"),
        (RUNNING, "RUNNING"),
    }, seen
    # the counts go on from the checkpoint: each key updated (+U), none inserted anew (+I) as after a fresh start
    after = await wait_rows(ha, prefix, mark, 16)
    assert not [r for r in after if r[0] == "+I"], f"keys counted anew after the failover: {after[:10]}"
    # one run, still open, of the one Flink job: nothing was submitted again
    runs = await JobRun.filter(job_id=job_id)
    assert [(r.flink_job_id, r.end_time) for r in runs] == [(jid, None)]
    assert await _flink_jobs(survivors) == {jid}
    return f"http://127.0.0.1:{leading}"


@pytest.mark.flink_lines
async def test_a_running_job_follows_two_job_manager_failovers(client: httpx.AsyncClient, ha_flink: LocalFlink) -> None:
    runtime = client.app_state.runtime  # type: ignore[attr-defined]
    runtime.ha_recovery = 120.0
    first, second = ha_flink.urls
    # registered over REST with both addresses (the original's address first), read back over GraphQL
    params = {"name": "ha", "address": first, "addresses": f"{first},{second}", "type": "1", "haType": "ZOOKEEPER"}
    added = envelope_ok(await client.post("/cluster/add", params=params))
    assert (added["address"], added["addresses"], added["haType"]) == (first, [first, second], "ZOOKEEPER")
    cluster = int(added["id"])
    shown = (await gql(client, CLUSTER, {"id": str(cluster)}))["data"]["cluster"]
    assert (shown["address"], shown["addresses"], shown["haType"]) == (first, [first, second], "ZOOKEEPER")
    assert shown["overview"]["reachable"] and shown["overview"]["activeAddress"] == first

    source = await add_ds(client, "gen_ha", "source", "datagen", **{"rows-per-second": "50"})
    prefix = f"ha{uuid.uuid4().hex[:8]}"
    counts = await add_ds(client, "counts_ha", "sink", "print", **{"print-identifier": prefix})
    job = await save(client, job_body(cluster, source, counts, COUNT, checkpointInterval=1000))
    start = offsets(ha_flink)
    jid = envelope_ok(await client.post(f"/jobs/run/{job['id']}"))["flinkJobId"]
    await _flink_says(ha_flink.urls, jid, "RUNNING")
    await wait_rows(ha_flink, prefix, start, 16)
    await reconcile_once(runtime)
    assert await _status(client, job["id"]) == (RUNNING, "RUNNING", jid)

    # the leader dies: hlink follows the new one
    killed = await _failover(client, ha_flink, job["id"], jid, prefix)
    shown = (await gql(client, CLUSTER, {"id": str(cluster)}))["data"]["cluster"]["overview"]
    assert shown["reachable"] and shown["activeAddress"] != killed, shown
    # a savepoint asked after the failover is made by the new leader
    savepoint = envelope_ok(await client.get(f"/jobs/savepoint/{job['id']}"))["savepointPath"]
    assert savepoint and await anyio.Path(savepoint.removeprefix("file:")).exists(), savepoint

    # the killed job manager comes back as a standby; then the other one dies: the same again
    await asyncio.to_thread(ha_flink.start_jobmanager, int(killed.rsplit(":", 1)[1]), 180.0)
    # this time a savepoint is in flight when the leader dies: its trigger id is asked of the new leader, which
    # does not know it (Flink keeps operation results in the leader's memory): it ends, never hangs
    in_flight = await Operation.create(
        job_id=job["id"],
        cluster_id=cluster,
        flink_job_id=jid,
        kind="savepoint",
        trigger_id=uuid.uuid4().hex,
        status="IN_PROGRESS",
    )

    async def trigger(leader: str) -> None:
        async with FlinkClient(leader) as raw:
            await raw.trigger_savepoint(jid, trigger_id=in_flight.trigger_id)

    await _failover(client, ha_flink, job["id"], jid, prefix, before_kill=trigger)
    for _ in range(60):
        await reconcile_once(runtime)
        await runtime.side.idle()
        settled = await Operation.get(id=in_flight.id)
        if settled.status not in ("PENDING", "IN_PROGRESS"):
            break
        await asyncio.sleep(0.5)
    print(f"the savepoint in flight across the failover ended {settled.status}: {settled.failure}")
    assert settled.status == "COMPLETED" or "no longer knows the operation" in (settled.failure or ""), settled.failure
    # a stop asked after the second failover goes to the new leader: the job ends with its savepoint
    stopped = envelope_ok(await client.post(f"/jobs/cancel/{job['id']}"))
    assert stopped["jobStatus"] == CANCELLED, stopped
    stop = await Operation.filter(job_id=job["id"], kind="stop").order_by("-id").first()
    assert stop is not None and stop.status == "COMPLETED", stop and stop.failure
    [run] = await JobRun.filter(job_id=job["id"])
    assert run.flink_job_id == jid and run.end_time is not None, (run.final_state, run.failure)
    assert printed(ha_flink, prefix), "the job printed its counts"
