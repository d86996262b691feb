"""The lifecycle state machine: its table, compare-and-set writes, and the races and faults it settles, on the
session's real Flink clusters (both versions) with real faults: a restart forced inside a reconcile cycle, a
lost submission answer, a cluster that accepts connections and never answers."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from hlink.flink.client import FlinkClient, RunRequest
from hlink.flink.errors import FlinkUnavailable
from hlink.flink.local import LocalFlink
from hlink.models import Job, JobRun
from hlink.models.status import ANY, CANCELLED, FAILED, IDLE, NOT_RUNNING, RUNNING, SUBMITTING
from hlink.services.jobs import submission
from hlink.services.jobs.reconciler import reconcile_once
from hlink.services.jobs.states import TRANSITIONS, Change, Event, IllegalTransition, allowed, apply
from tests.conftest import DATABASES
from tests.helpers import add_cluster, envelope_fail, envelope_ok
from tests.proxy import Proxy
from tests.statements import StatementCounter
from tests.test_flink_lifecycle import add_ds, add_job, blackhole_job, flink_state

pytestmark = pytest.mark.databases  # races settled by the database (the tests without one: the first database)


def test_the_table_allows_exactly_the_documented_moves() -> None:
    assert set(TRANSITIONS) == set(Event), "every event has its row"
    assert allowed(Event.CLAIM, NOT_RUNNING, SUBMITTING) and allowed(Event.CLAIM, FAILED, SUBMITTING)
    assert not allowed(Event.CLAIM, RUNNING, SUBMITTING) and not allowed(Event.CLAIM, SUBMITTING, SUBMITTING)
    assert {c for c in ANY if allowed(Event.REFUSED, SUBMITTING, c)} == IDLE
    assert not any(allowed(Event.LOST, c, FAILED) for c in IDLE), "only an active job can be lost"
    assert not allowed(Event.OBSERVED, CANCELLED, RUNNING), "the reconciler never revives a stopped job"
    assert allowed(Event.CANCELLED, NOT_RUNNING, CANCELLED), "a stop the reconciler saw end first"


async def test_two_writers_of_one_revision_one_wins_and_an_illegal_move_is_refused(
    client: httpx.AsyncClient,
) -> None:
    cluster = await add_cluster(client, address="http://127.0.0.1:9")
    job = await Job.create(job_name="cas", cluster_id=cluster)
    first, second = await Job.get(id=job.id), await Job.get(id=job.id)
    claim = Change(Event.CLAIM, SUBMITTING, "SUBMITTING", flink_job_id=None)
    results = await asyncio.gather(apply(first, claim, None), apply(second, claim, None))
    assert sorted(results) == [False, True]
    stored = await Job.get(id=job.id)
    assert (stored.job_status, stored.revision) == (SUBMITTING, 1)
    with pytest.raises(IllegalTransition):
        await apply(stored, Change(Event.CLAIM, SUBMITTING, "SUBMITTING"), None)
    assert (await Job.get(id=job.id)).revision == 1


async def _running(client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any], table: str) -> Any:
    job = await blackhole_job(client, pipeline, f"job {table}", table)
    run = envelope_ok(await client.post(f"/jobs/run/{job['id']}"))
    await flink_state(flink, run["flinkJobId"], "RUNNING")
    return job, run


async def test_a_restart_inside_a_reconcile_cycle_leaves_the_new_run_tracked(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    job, first = await _running(client, flink, pipeline, "hole_race")
    runtime = client.app_state.runtime  # type: ignore[attr-defined]
    flink_client = runtime.flink.client(flink.url)
    listing = flink_client.jobs
    restarted: dict[str, Any] = {}

    async def a_restart_in_the_window() -> Any:
        # the cycle has read the job's row (revision, Flink job id); a restart lands before it writes
        restarted.update(envelope_ok(await client.post(f"/jobs/restart/{job['id']}")))
        return await listing()

    monkeypatch.setattr(flink_client, "jobs", a_restart_in_the_window)
    cycle = await reconcile_once(runtime, poll_timeout=120)  # the restart inside the call takes its time
    monkeypatch.setattr(flink_client, "jobs", listing)
    assert job["id"] in cycle.raced and job["id"] not in cycle.changed, cycle
    new = restarted["flinkJobId"]
    detail = envelope_ok(await client.get(f"/jobs/{job['id']}"))
    assert detail["flinkJobId"] == new and detail["jobStatus"] in (RUNNING, SUBMITTING), detail
    runs = {r.flink_job_id: r for r in await JobRun.filter(job_id=job["id"])}
    assert runs[new].end_time is None, "the new run is not closed by the stale cycle"
    assert runs[first["flinkJobId"]].final_state == "FINISHED"

    await flink_state(flink, new, "RUNNING")
    await reconcile_once(runtime)  # the next cycle decides from fresh rows
    detail = envelope_ok(await client.get(f"/jobs/{job['id']}"))
    assert (detail["jobStatus"], detail["flinkState"], detail["flinkJobId"]) == (RUNNING, "RUNNING", new)
    envelope_ok(await client.post(f"/jobs/cancel/{job['id']}"))


async def test_a_claim_forgets_the_previous_flink_job_and_an_unexpected_fault_releases_the_job(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    job, _ = await _running(client, flink, pipeline, "hole_fault")
    envelope_ok(await client.post(f"/jobs/cancel/{job['id']}"))
    seen: dict[str, Any] = {}

    async def broken(*args: Any, **kwargs: Any) -> Any:
        stored = await Job.get(id=job["id"])
        seen.update(status=stored.job_status, flink_job_id=stored.flink_job_id)
        raise KeyError("a fault of hlink's own")

    monkeypatch.setattr("hlink.services.jobs.lifecycle.prepare", broken)
    answer = envelope_fail(await client.post(f"/jobs/run/{job['id']}"), 500)
    assert answer["msg"] == "internal error: KeyError", answer
    assert seen == {"status": SUBMITTING, "flink_job_id": None}, "the claim forgot the previous run's Flink job"
    stored = await Job.get(id=job["id"])
    assert (stored.job_status, stored.flink_state) == (CANCELLED, "CANCELED"), "released, not stuck submitting"
    newest = await JobRun.filter(job_id=job["id"]).order_by("-id").first()
    assert newest is not None and newest.final_state == "REJECTED" and "KeyError" in (newest.failure or "")


async def test_a_lost_submission_answer_is_settled_at_once_by_the_chosen_job_id(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    job = await blackhole_job(client, pipeline, "lost answer", "hole_lost")
    async with httpx.AsyncClient(base_url=flink.url) as http:
        before = {j["jid"] for j in (await http.get("/jobs/overview")).json()["jobs"]}
    real_retry = submission.with_jar_retry

    async def answer_lost(runtime: Any, sub: Any, call: Any) -> Any:
        await real_retry(runtime, sub, call)  # Flink accepts and runs the job ...
        raise FlinkUnavailable("the connection dropped", maybe_sent=True)  # ... and its answer is lost

    monkeypatch.setattr("hlink.services.jobs.lifecycle.with_jar_retry", answer_lost)
    answer = envelope_ok(await client.post(f"/jobs/run/{job['id']}"))  # hlink asked Flink for the id it chose
    monkeypatch.undo()
    run = await JobRun.get(job_id=job["id"])
    assert run.chosen_job_id and answer["flinkJobId"] == run.chosen_job_id == run.flink_job_id, answer
    async with httpx.AsyncClient(base_url=flink.url) as http:
        new = [j for j in (await http.get("/jobs/overview")).json()["jobs"] if j["jid"] not in before]
    assert [j["jid"] for j in new] == [run.chosen_job_id], "exactly one Flink job, under the id hlink chose"
    await flink_state(flink, run.chosen_job_id, "RUNNING")
    envelope_ok(await client.post(f"/jobs/cancel/{job['id']}"))


@pytest.fixture
async def silent_cluster() -> AsyncIterator[str]:
    """A real TCP server on the loopback that accepts connections and never answers."""
    held: list[asyncio.StreamWriter] = []

    async def hold(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        held.append(writer)
        await reader.read()  # until the client gives up

    server = await asyncio.start_server(hold, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.close()
        for writer in held:
            writer.close()
        await server.wait_closed()


async def test_a_silent_cluster_delays_no_other_and_its_jobs_read_unknown(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any], silent_cluster: str
) -> None:
    job, _ = await _running(client, flink, pipeline, "hole_silent")
    silent = await add_cluster(client, name="silent", address=silent_cluster)
    stuck = await Job.create(
        job_name="on the silent cluster",
        cluster_id=silent,
        job_status=RUNNING,
        flink_state="RUNNING",
        flink_job_id="0" * 32,
    )
    await Job.filter(id=job["id"]).update(flink_state="RESTARTING")  # a change the cycle must write back
    runtime = client.app_state.runtime  # type: ignore[attr-defined]
    started = time.monotonic()
    cycle = await reconcile_once(runtime, poll_timeout=1.5)
    assert time.monotonic() - started < 4, "the silent cluster cost its own timeout, not more"
    assert cycle.unknown == [stuck.id] and cycle.changed == [job["id"]], cycle
    assert (await Job.get(id=stuck.id)).flink_state == "UNKNOWN"
    assert (await Job.get(id=stuck.id)).job_status == RUNNING, "unknown, never failed"
    detail = envelope_ok(await client.get(f"/jobs/{job['id']}"))
    assert (detail["jobStatus"], detail["flinkState"]) == (RUNNING, "RUNNING")
    with StatementCounter() as counter:
        unchanged = await reconcile_once(runtime, poll_timeout=1.5)
    assert unchanged.changed == [] and unchanged.unknown == []
    assert counter.writes() == 0, counter.statements  # unchanged jobs cost no writes
    envelope_ok(await client.post(f"/jobs/cancel/{job['id']}"))


@pytest.mark.parametrize(
    ("error", "maybe_sent"),
    [
        (httpx.ReadTimeout("read"), True),
        (httpx.RemoteProtocolError("dropped"), True),
        (httpx.ReadError("reset"), True),
        (httpx.WriteTimeout("write"), True),
        (httpx.ConnectError("refused"), False),
        (httpx.ConnectTimeout("connect"), False),
        (httpx.PoolTimeout("pool"), False),
    ],
)
async def test_a_post_whose_answer_is_lost_may_have_reached_flink(error: httpx.HTTPError, maybe_sent: bool) -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        raise error

    async with FlinkClient("http://flink.test:8081", transport=httpx.MockTransport(fail)) as flink_client:
        with pytest.raises(FlinkUnavailable) as raised:
            await flink_client.run("x.jar", RunRequest(entry_class="E"))
    assert raised.value.maybe_sent is maybe_sent


async def test_an_edit_or_a_delete_racing_a_claim_never_undoes_it(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    cluster = await add_cluster(client, address="http://127.0.0.1:9")
    job = await Job.create(job_name="edited", cluster_id=cluster)
    stale = await Job.get(id=job.id)  # what an edit or a delete read before the claim
    claimed = await Job.get(id=job.id)
    assert await apply(claimed, Change(Event.CLAIM, SUBMITTING, "SUBMITTING", flink_job_id=None), None)

    async def stale_read(*args: Any) -> Job:
        return stale

    monkeypatch.setattr("hlink.services.jobs.definitions.get_or_404", stale_read)
    envelope_ok(await client.post("/jobs/updateDO", json={"id": job.id, "jobName": "renamed", "parallelism": 3}))
    stored = await Job.get(id=job.id)
    assert (stored.job_name, stored.parallelism) == ("renamed", 3)
    assert (stored.job_status, stored.revision) == (SUBMITTING, claimed.revision), "the claim stands"
    envelope_fail(await client.delete("/jobs/removeDO", params={"id": job.id}), 409)
    assert await Job.exists(id=job.id), "a claimed job is not deleted under its submission"


async def test_a_submitting_job_with_no_submission_in_progress_is_released(
    client: httpx.AsyncClient, flink: LocalFlink
) -> None:
    cluster = await add_cluster(client, address=flink.url)
    job = await Job.create(job_name="stranded", cluster_id=cluster, job_status=SUBMITTING, flink_state="SUBMITTING")
    cycle = await reconcile_once(client.app_state.runtime)  # type: ignore[attr-defined]
    assert cycle.changed == [job.id]
    stored = await Job.get(id=job.id)
    assert (stored.job_status, stored.flink_state) == (NOT_RUNNING, None)


def test_the_readme_shows_the_codes_table() -> None:
    """The README's lifecycle table is the code's: one row per event, each leaving the codes TRANSITIONS says."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    names = {event.value for event in Event}
    rows = [(e, src) for e, src in re.findall(r"^\| `(\w+)` \| ([^|]+) \|", readme, re.M) if e in names]
    shown = {e: ANY if src.strip() == "any" else {int(c) for c in src.split(",")} for e, src in rows}
    assert shown == {event.value: TRANSITIONS[event][0] for event in Event}


@pytest.mark.parametrize("database_url", DATABASES[:1], indirect=True)  # no race: one database
async def test_jobs_a_restarted_job_manager_forgot_are_recorded_as_lost_with_the_reason(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    job, run = await _running(client, flink, pipeline, "hole_jm")
    # the fault: the cluster (standalone, no high availability) restarts under the running job
    await asyncio.to_thread(flink.stop)
    await asyncio.to_thread(flink.start)
    cycle = await reconcile_once(client.app_state.runtime)  # type: ignore[attr-defined]
    assert job["id"] in cycle.changed, cycle
    detail = envelope_ok(await client.get(f"/jobs/{job['id']}"))
    assert (detail["jobStatus"], detail["flinkState"]) == (FAILED, "LOST"), detail
    lost = await JobRun.get(job_id=job["id"], flink_job_id=run["flinkJobId"])
    assert lost.final_state == "LOST" and f"no longer knows job {run['flinkJobId']}" in (lost.failure or "")
    # and it runs again on the restarted cluster (its jars are uploaded again)
    again = envelope_ok(await client.post(f"/jobs/run/{job['id']}"))
    await flink_state(flink, again["flinkJobId"], "RUNNING")
    envelope_ok(await client.post(f"/jobs/cancel/{job['id']}"))


@pytest.mark.parametrize("database_url", DATABASES[:1], indirect=True)  # no race: one database
async def test_a_cluster_that_stops_answering_reads_unknown_then_its_true_state_again(
    client: httpx.AsyncClient, flink: LocalFlink, pipeline: dict[str, Any]
) -> None:
    proxy = Proxy(flink.rest_port)
    address = await proxy.start()
    try:
        proxied = await add_cluster(client, name="proxied", address=address)
        sink = await add_ds(client, "hole_proxy", "sink", "blackhole")
        sql = "SELECT id, name FROM gen_t"
        job = await add_job(client, "behind a proxy", proxied, pipeline["source"], sink, sql)
        run = envelope_ok(await client.post(f"/jobs/run/{job['id']}"))
        await flink_state(flink, run["flinkJobId"], "RUNNING")
        runtime = client.app_state.runtime  # type: ignore[attr-defined]
        await reconcile_once(runtime, poll_timeout=2)

        proxy.pause()  # the connection is taken, nothing answers
        cycle = await reconcile_once(runtime, poll_timeout=1)
        assert cycle.unknown == [job["id"]], cycle
        detail = envelope_ok(await client.get(f"/jobs/{job['id']}"))
        assert (detail["jobStatus"], detail["flinkState"]) == (RUNNING, "UNKNOWN"), "unknown, never failed"

        proxy.resume()
        cycle = await reconcile_once(runtime, poll_timeout=2)
        assert cycle.changed == [job["id"]], cycle
        detail = envelope_ok(await client.get(f"/jobs/{job['id']}"))
        assert (detail["jobStatus"], detail["flinkState"], detail["flinkJobId"]) == (
            RUNNING,
            "RUNNING",
            run["flinkJobId"],
        )
        envelope_ok(await client.post(f"/jobs/cancel/{job['id']}"))
    finally:
        await proxy.stop()
