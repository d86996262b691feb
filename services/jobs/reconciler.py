"""Status follows Flink: one /jobs/overview call per cluster per cycle, mapped onto the jobs hlink runs there.

Clusters are asked concurrently, each within its own timeout, so a silent cluster delays no other. A cluster
that does not answer makes its jobs' state UNKNOWN (their code stays what Flink last said) until it answers
again; it never makes a job failed. A submission whose outcome is unknown (hlink crashed, the answer was lost)
is found again by the Flink job id hlink chose for it (services/jobs/submission.py) instead of being submitted
twice. One Flink does not know is left alone while its submitter's heartbeat is fresh (in flight, however long
it takes); it is released at once when the heartbeat stopped (a dead process), and after the grace period when
its answer was lost. A Flink job that starts later under a released submission's id is cancelled.

Every write is a compare-and-set on the revision read at the start of the cycle (services/jobs/states.py): a
job that another writer changed meanwhile (a restart, a cancel, another replica) is left to the next cycle,
which decides from fresh rows. A run is closed by its Flink job id, never as "the newest". A cluster's changes
are decided first (Flink asked for what they need: failure reasons) and then written in one transaction, so a
cycle costs a commit per cluster that changed, not per job, and Flink is never awaited inside it.

The active jobs are read by one query that a partial index serves (``ACTIVE_JOBS``, migration 22), so a cycle
reads the few active rows, not the table. Alert rules are evaluated here, by the replica holding the cluster's
lease, over that cluster's jobs (services/alerts/incidents.py): a failure opens its incidents in the commit of
its transition.

The cycle also follows the savepoints and stops still under way on the clusters it holds (services/jobs/
operations.py), so one that outlasts its request is recorded however long it takes, by whichever replica. That
follow-up, alert delivery and savepoint disposal run in side tasks of their own (services/background.py), and
each cluster's share of a cycle is bounded, so neither a silent alert receiver nor a slow cluster holds up the
status of any other cluster's jobs.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from hlink.flink.client import FlinkJob
from hlink.flink.errors import FlinkError, readable_cause
from hlink.masking import mask_sql
from hlink.models import Cluster, Job, JobRun
from hlink.models.status import ACTIVE, FAILED, LOST, NOT_RUNNING, SUBMITTING, TERMINAL, UNCONFIRMED, UNKNOWN
from hlink.runtime import Runtime
from hlink.services.actor import SYSTEM, acting_as
from hlink.services.alerts import incidents
from hlink.services.jobs import batches, operations
from hlink.services.jobs.states import Change, Event, announce, apply, code_of, now
from hlink.services.jobs.submission import HEARTBEAT_STALE, clusters_with_released_submissions, disown, submitter_alive
from hlink.services.metrics import RECONCILE_SECONDS, count_jobs

log = logging.getLogger("hlink.reconciler")
#: how long one cluster may take to list its jobs before its jobs read UNKNOWN for this cycle (a job manager
#: answers /jobs/overview in milliseconds; the cycle lasts as long as its slowest cluster, at most this)
POLL_TIMEOUT = 1.5
#: the most one cluster's jobs may take of a cycle once its job list has come (writes, Flink's failure reasons):
#: a cluster slow to answer those calls delays no other, and what it did not get to waits for the next cycle
CLUSTER_SHARE = 10.0
#: how long one alert delivery pass (incidents notified, with retries) may take in its side task
ALERTS_BOUND = 120.0
#: the active jobs, in the terms of the partial index that serves them (migration 22, ``idx_t_job_active``): the
#: constants are in the text, never parameters, so the planner can prove the index's predicate from the query
#: (PostgreSQL and SQLite alike); and only the columns a cycle and the alert rules read, never whole rows
ACTIVE_JOBS = (
    'SELECT "id", "revision", "job_status", "flink_state", "flink_job_id", "cluster_id", "status_time", '
    '"modify_time" FROM "t_job" WHERE ("job_status" IN ('
    + ", ".join(str(int(code)) for code in sorted(ACTIVE))
    + f""") OR "flink_state" = '{UNKNOWN}') AND "cluster_id" IS NOT NULL"""
)


@dataclass
class Cycle:
    """What one reconciliation cycle did."""

    clusters: int = 0
    changed: list[int] = field(default_factory=list)
    unknown: list[int] = field(default_factory=list)
    #: jobs another writer changed between this cycle's read and its write (decided again next cycle)
    raced: list[int] = field(default_factory=list)


async def reconcile_once(runtime: Runtime, poll_timeout: float = POLL_TIMEOUT) -> Cycle:
    """Poll every cluster that has jobs hlink believes active (or whose state is unknown) once, concurrently.
    The cycle and the side work it starts (operations it drives on, a restart's run) are hlink's own: they act
    as the system, whoever called (roles fail closed without an actor); a batch's jobs act as who asked."""
    with acting_as(SYSTEM):
        cycle = await _reconcile_once(runtime, poll_timeout)
        batches.finish_left_later(runtime)  # the batches a request or a dead process left unfinished
        return cycle


@dataclass
class _Visits:
    """Which clusters a cycle visits beside those with active jobs, and for what (each is asked once a cycle)."""

    operations: set[int]
    hooks: list[set[int]]
    alerts: incidents.Watch

    def all(self, released: set[int]) -> set[int]:
        return self.operations | released | set().union(*self.hooks) | self.alerts.clusters()


async def _reconcile_once(runtime: Runtime, poll_timeout: float) -> Cycle:
    cycle = Cycle()
    jobs: list[Job] = await Job.raw(ACTIVE_JOBS)
    # the data previews' clean-up among the hooks (services/preview/slots.py)
    hooked = [await hook.clusters() for hook in runtime.cluster_hooks]
    visits = _Visits(await operations.clusters_with_open_operations(), hooked, await incidents.Watch.start())
    # Flink may start a released submission late: its cluster is visited for a while
    visit = visits.all(await clusters_with_released_submissions(runtime.submission_grace))
    by_cluster: dict[int, list[Job]] = {cluster_id: [] for cluster_id in visit}
    for job in jobs:
        if job.id not in runtime.submitting:
            by_cluster.setdefault(int(job.cluster_id or 0), []).append(job)
    ours = await runtime.leases.held(list(by_cluster))  # another replica reconciles the rest
    clusters = await Cluster.filter(id__in=list(ours)).only("id", "address", "addresses", "ha_type")
    cycle.clusters = len(clusters)
    done = await asyncio.gather(
        *(_cluster(runtime, c, by_cluster[c.id], cycle, poll_timeout, visits) for c in clusters)
    )
    # the rules over the jobs of the clusters this replica holds, as the cycle left them (a cluster whose part
    # failed is left to the next cycle: its rows may say what was rolled back)
    reviewed = {c.id for c, ok in zip(clusters, done, strict=True) if ok}
    await visits.alerts.review([job for cluster_id in reviewed for job in by_cluster[cluster_id]], reviewed)
    return cycle


async def _cluster(
    runtime: Runtime, cluster: Cluster, group: list[Job], cycle: Cycle, poll_timeout: float, visits: _Visits
) -> bool:
    """One cluster's part of the cycle; whatever goes wrong in it is logged and touches no other cluster.
    Answers whether it all went through."""
    try:
        try:
            async with asyncio.timeout(poll_timeout):
                flink_jobs = await runtime.flink.client(cluster.endpoint).jobs()
        except (FlinkError, TimeoutError) as error:
            reason = error.message if isinstance(error, FlinkError) else f"no answer within {poll_timeout:.1f} s"
            runtime.answering_since.pop(cluster.id, None)  # a failover, perhaps: recovery counts from the answer
            unknown = [
                _Write(
                    job,
                    Change(Event.UNREACHABLE, job.job_status, UNKNOWN, confirmed=False, message=reason),
                    cycle.unknown,
                )
                for job in group
                if job.flink_state != UNKNOWN
            ]
            await _commit(runtime, unknown, cycle, visits.alerts)
            return True
        runtime.answering_since.setdefault(cluster.id, time.time())
        async with asyncio.timeout(CLUSTER_SHARE):
            await _commit(runtime, await _decide(runtime, cluster, group, flink_jobs, cycle), cycle, visits.alerts)
            for hook, wanted in zip(runtime.cluster_hooks, visits.hooks, strict=True):
                if cluster.id in wanted:  # the hook has work there (asked once, for every cluster, above)
                    await hook.visit(runtime, cluster.id, cluster.endpoint, flink_jobs)
        if cluster.id in visits.operations:
            # savepoints and stops, however long they take: in a side task, never holding up the cycle
            operations.follow_cluster_later(runtime, cluster.id)
        return True
    except TimeoutError:
        log.warning(
            "the jobs on %s took more than %.0f s of this cycle: the rest waits for the next",
            cluster.address,
            CLUSTER_SHARE,
        )
    except Exception:
        log.exception("reconciling the jobs on %s failed", cluster.address)
    return False


@dataclass
class _Write:
    """One transition the cycle decided, with the update of its run that goes in the same commit."""

    job: Job
    change: Change
    #: the cycle's list it counts in once written
    into: list[int]
    run_update: tuple[Q, dict[str, object]] | None = None


async def _commit(runtime: Runtime, writes: list[_Write], cycle: Cycle, watch: incidents.Watch) -> None:
    """One cluster's transitions in one transaction, each still a compare-and-set (a job another writer changed
    meanwhile is left to the next cycle), with the incidents they open; subscribers hear of them once it has
    committed. Nothing in it waits for Flink: what the writes need from Flink was asked before."""
    if not writes:
        return
    written: list[_Write] = []
    raced: list[int] = []
    async with in_transaction():
        for write in sorted(writes, key=lambda w: w.job.id):  # one lock order, as every writer of several jobs
            if not await apply(write.job, write.change, None):
                raced.append(write.job.id)
                continue
            if write.run_update is not None:
                await JobRun.filter(write.run_update[0]).update(**write.run_update[1])
            written.append(write)
        await watch.opened_by([(w.job, _failure_of(w)) for w in written])
    cycle.raced += raced
    for write in written:
        announce(runtime.events, (write.job, write.change))
        write.into.append(write.job.id)


def _failure_of(write: _Write) -> str | None:
    """What the run records about the transition (an incident's detail): the failure on it, else the message."""
    failure = write.run_update[1].get("failure") if write.run_update is not None else None
    return str(failure) if failure else write.change.message


async def _decide(
    runtime: Runtime, cluster: Cluster, group: list[Job], flink_jobs: list[FlinkJob], cycle: Cycle
) -> list[_Write]:
    """The transitions the cluster's job list calls for (asking Flink for failure reasons meanwhile)."""
    by_id = {j.jid: j for j in flink_jobs}
    # the newest Flink job of each name (names carry a random token, so they name one submission)
    by_name = {j.name: j for j in sorted(flink_jobs, key=lambda j: j.start_time or 0)}
    await _disown_strays(runtime, cluster, group, flink_jobs)
    writes: list[_Write] = []
    for job in group:
        seen = by_id.get(job.flink_job_id or "")
        if seen is None and job.job_status == SUBMITTING and not job.flink_job_id:
            writes += await _unconfirmed(runtime, cluster, job, by_id, by_name, cycle)
            continue
        if seen is None:
            if job.flink_job_id and _recovering(runtime, cluster, job):
                if job.flink_state != UNKNOWN:
                    why = f"Flink at {cluster.address} does not list job {job.flink_job_id} yet: recovering it?"
                    change = Change(Event.UNREACHABLE, job.job_status, UNKNOWN, confirmed=False, message=why)
                    writes.append(_Write(job, change, cycle.unknown))
                continue
            if job.flink_job_id:  # the cluster answered and no longer knows the job (it restarted without HA)
                why = f"Flink at {cluster.address} no longer knows job {job.flink_job_id}"
                change = Change(Event.LOST, FAILED, LOST, message="lost by the cluster")
                writes.append(_Write(job, change, cycle.changed, _closing(job.id, job.flink_job_id, LOST, why)))
            continue
        if (job.job_status, job.flink_state) == (code_of(seen.state), seen.state):
            continue  # unchanged: no write
        failure = await flink_failure(runtime, cluster.endpoint, seen.jid) if seen.state == "FAILED" else None
        if seen.state == "FAILED" and failure is None and _reason_pending(seen):
            continue  # Flink lists the job FAILED before it serves the reason: the next cycle records both
        change = Change(Event.OBSERVED, code_of(seen.state), seen.state, message=failure)
        closing = _closing(job.id, seen.jid, seen.state, failure) if seen.state in TERMINAL else None
        writes.append(_Write(job, change, cycle.changed, closing))
    return writes


def _recovering(runtime: Runtime, cluster: Cluster, job: Job) -> bool:
    """Whether a job a highly available cluster does not list may still be recovered by its (new) leader: for
    HLINK_HA_RECOVERY_SECONDS after the cluster answered again and after Flink last confirmed the job's state.
    A cluster without HA that does not list a job has lost it (it restarted, its jobs gone)."""
    if not cluster.highly_available:
        return False
    since = runtime.answering_since.get(cluster.id, time.time())
    if job.status_time is not None:
        since = max(since, job.status_time.timestamp())
    return time.time() - since < runtime.ha_recovery


async def _disown_strays(runtime: Runtime, cluster: Cluster, group: list[Job], flink_jobs: list[FlinkJob]) -> None:
    """Flink jobs running under the chosen id of a submission hlink released (Flink acted on the request after
    its submitter had died or given up): cancelled, so none runs untracked."""
    tracked = {job.flink_job_id for job in group}
    live = [j.jid for j in flink_jobs if j.state not in TERMINAL and j.jid not in tracked]
    if not live:
        return
    client = runtime.flink.client(cluster.endpoint)
    for run in await JobRun.filter(chosen_job_id__in=live, final_state="NOT_SUBMITTED"):
        why = f"Flink started it as job {run.chosen_job_id} after the submission was released; hlink cancelled it"
        await disown(client, run, str(run.chosen_job_id), why)


async def _unconfirmed(
    runtime: Runtime, cluster: Cluster, job: Job, by_id: dict[str, FlinkJob], by_name: dict[str, FlinkJob], cycle: Cycle
) -> list[_Write]:
    """A submission the job row holds no Flink job id for: find its Flink job by the open run's chosen job id
    (by its pipeline name for a run claimed before hlink chose ids), or release the job when the submission was
    left behind (at once without an open run)."""
    run = await JobRun.filter(job_id=job.id, end_time__isnull=True).order_by("-id").first()
    if run is None:
        reason = "no submission of this job is in progress"
        return [_Write(job, Change(Event.RELEASED, NOT_RUNNING, None, confirmed=False, message=reason), cycle.changed)]
    seen = by_id.get(run.flink_job_id or run.chosen_job_id or "")
    if seen is None and not run.chosen_job_id:  # claimed by an hlink that did not choose ids: only the name tells
        seen = by_name.get(run.pipeline_name)
    if seen is not None:
        # found: recorded as the reconciler records any job, its run ended too when Flink's job has (it may have
        # finished or failed before hlink came back, and no later cycle looks at a job that is not active)
        failure = await flink_failure(runtime, cluster.endpoint, seen.jid) if seen.state == "FAILED" else None
        if seen.state == "FAILED" and failure is None and _reason_pending(seen):
            return []  # as in _decide: found again by its name next cycle, with the reason
        change = Change(Event.OBSERVED, code_of(seen.state), seen.state, flink_job_id=seen.jid, message=failure)
        found: dict[str, object] = {"flink_job_id": seen.jid, "start_time": run.start_time or now()}
        if seen.state in TERMINAL:
            found.update(final_state=seen.state, end_time=now(), **({"failure": failure} if failure else {}))
        return [_Write(job, change, cycle.changed, (Q(id=run.id), found))]
    why = _left_behind(job, run, timedelta(seconds=runtime.submission_grace))
    if why is not None:
        change = Change(Event.RELEASED, NOT_RUNNING, None, confirmed=False, message=why)
        ended = {"final_state": "NOT_SUBMITTED", "end_time": now(), "failure": why}
        return [_Write(job, change, cycle.changed, (Q(id=run.id), ended))]
    return []


def _left_behind(job: Job, run: JobRun, grace: timedelta) -> str | None:
    """Why a submission Flink does not know is given up, or ``None`` while it may still start a Flink job."""
    if run.chosen_job_id and job.flink_state != UNCONFIRMED:
        if submitter_alive(run):
            return None  # in flight on a live process (jar uploads, Flink running the jar's main()): fenced
        return (
            f"the process submitting it stopped (no heartbeat for {HEARTBEAT_STALE.seconds} s) and Flink knew "
            f"no job {run.chosen_job_id}"
        )
    # the answer was lost (or the run was claimed by an hlink that did not choose ids): Flink may still act on the
    # request, so it is given up only once older than any submission takes; a job Flink starts later is cancelled
    if run.create_time and now() - run.create_time > grace:
        what = f"job {run.chosen_job_id}" if run.chosen_job_id else f"job named {run.pipeline_name!r}"
        return f"Flink knew no {what} {grace.seconds} s after its submission"
    return None


def _closing(job_id: int, flink_job_id: str, state: str, failure: str | None) -> tuple[Q, dict[str, object]]:
    """The update ending the run of that Flink job (only that one: a newer run of the job is not touched)."""
    values: dict[str, object] = {"final_state": state, "end_time": now()}
    if failure:
        values["failure"] = failure
    return Q(job_id=job_id, flink_job_id=flink_job_id, end_time__isnull=True), values


#: how long after a job ended the reconciler waits for Flink's reason before it records the failure without one.
#: Flink's job list (/jobs/overview) says FAILED about a second before /jobs/<id>/exceptions has the entry (the
#: job's graph is archived after its status changes): written in that second, the run would keep no reason
REASON_WAIT_MS = 30_000


def _reason_pending(seen: FlinkJob) -> bool:
    """Whether Flink ended the job so recently that its exception history may not be served yet."""
    return seen.end_time is not None and time.time() * 1000 - seen.end_time < REASON_WAIT_MS


async def flink_failure(runtime: Runtime, address: str, jid: str) -> str | None:
    """Flink's root exception of a failed job, readable."""
    try:
        history = await runtime.flink.client(address).exceptions(jid)
    except FlinkError:
        return None
    entries = history.get("exceptionHistory", {}).get("entries") or []
    trace = history.get("root-exception") or (entries[0].get("stacktrace") if entries else None)
    return mask_sql(readable_cause(str(trace))) if trace else None  # kept on the run and shown: secrets masked


async def reconcile_forever(runtime: Runtime, interval: float, poll_timeout: float = POLL_TIMEOUT) -> None:
    """The background loop of the service (cancelled on shutdown); a failing cycle is logged, never fatal."""
    while True:
        try:
            with RECONCILE_SECONDS.time():
                await reconcile_once(runtime, poll_timeout)
            await count_jobs()  # hlink_jobs in /metrics
            # the incidents the cycles opened and resolved, notified (once, whichever replica) in a side task: a
            # silent receiver holds up no cycle
            runtime.side.spawn("alerts", partial(incidents.notify, runtime.policy.alert_receivers), ALERTS_BOUND)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("reconciliation cycle failed")
        await asyncio.sleep(interval)
