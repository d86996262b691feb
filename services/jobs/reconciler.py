"""Status follows Flink: one /jobs/overview call per cluster per cycle, mapped onto the jobs hlink runs there.

A cluster that does not answer makes its jobs' state UNKNOWN (their code stays what Flink last said) until it
answers again; it never makes a job failed. A job left ``submitting`` by an interrupted hlink is found again by
its pipeline name instead of being submitted twice.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import timedelta

from tortoise.expressions import Q

from flink.client import FlinkJob
from flink.errors import FlinkError, readable_cause
from models import Cluster, Job, JobRun
from services.jobs.definitions import ACTIVE
from services.jobs.status import (
    FAILED,
    NOT_RUNNING,
    SUBMITTING,
    TERMINAL,
    UNKNOWN,
    code_of,
    now,
    set_status,
)
from services.runtime import Runtime

log = logging.getLogger("hlink.reconciler")
#: a submission older than this that Flink does not know was lost with the process that made it
SUBMISSION_GRACE = timedelta(seconds=60)
LOST = "LOST"


@dataclass
class Cycle:
    """What one reconciliation cycle did."""

    clusters: int = 0
    changed: list[int] = field(default_factory=list)
    unknown: list[int] = field(default_factory=list)


async def reconcile_once(runtime: Runtime) -> Cycle:
    """Poll every cluster that has jobs hlink believes active (or whose state is unknown) once."""
    cycle = Cycle()
    jobs = await Job.filter(Q(job_status__in=ACTIVE) | Q(flink_state=UNKNOWN), cluster_id__not_isnull=True)
    by_cluster: dict[int, list[Job]] = {}
    for job in jobs:
        if job.id not in runtime.submitting:
            by_cluster.setdefault(int(job.cluster_id or 0), []).append(job)
    clusters = {c.id: c for c in await Cluster.filter(id__in=list(by_cluster))}
    for cluster_id, group in by_cluster.items():
        cluster = clusters.get(cluster_id)
        if cluster is None:
            continue
        cycle.clusters += 1  # one Flink call each
        try:
            flink_jobs = await runtime.flink.client(cluster.address).jobs()
        except FlinkError as error:
            for job in group:
                if job.flink_state != UNKNOWN:
                    await set_status(
                        runtime.events, job, job.job_status, UNKNOWN, confirmed=False, message=error.message
                    )
                    cycle.unknown.append(job.id)
            continue
        await _apply(runtime, cluster, group, flink_jobs, cycle)
    return cycle


async def _apply(
    runtime: Runtime, cluster: Cluster, group: list[Job], flink_jobs: list[FlinkJob], cycle: Cycle
) -> None:
    by_id = {j.jid: j for j in flink_jobs}
    # the newest Flink job of each name (names carry a random token, so they name one submission)
    by_name = {j.name: j for j in sorted(flink_jobs, key=lambda j: j.start_time or 0)}
    confirmed: list[int] = []
    for job in group:
        seen = by_id.get(job.flink_job_id or "")
        if seen is None and job.job_status == SUBMITTING:
            seen = await _interrupted_submission(runtime, job, by_name, cycle)
            if seen is None:
                continue
        if seen is None:
            if job.flink_job_id:  # the cluster answered and no longer knows the job (it restarted without HA)
                await _close_run(job, LOST, f"Flink at {cluster.address} no longer knows job {job.flink_job_id}")
                await set_status(runtime.events, job, FAILED, LOST, message="lost by the cluster")
                cycle.changed.append(job.id)
            continue
        if (job.job_status, job.flink_state, job.flink_job_id) == (code_of(seen.state), seen.state, seen.jid):
            confirmed.append(job.id)
            continue
        failure = None
        if seen.state in TERMINAL:
            failure = await _failure(runtime, cluster, seen) if seen.state == "FAILED" else None
            await _close_run(job, seen.state, failure)
        await set_status(runtime.events, job, code_of(seen.state), seen.state, flink_job_id=seen.jid, message=failure)
        cycle.changed.append(job.id)
    if confirmed:
        await Job.filter(id__in=confirmed).update(status_time=now())


async def _interrupted_submission(
    runtime: Runtime, job: Job, by_name: dict[str, FlinkJob], cycle: Cycle
) -> FlinkJob | None:
    run = await JobRun.filter(job_id=job.id).order_by("-id").first()
    if run is None:
        return None
    seen = by_name.get(run.pipeline_name)
    if seen is not None:
        run.flink_job_id, run.start_time = seen.jid, run.start_time or now()
        await run.save(update_fields=["flink_job_id", "start_time"])
        return seen
    if run.create_time and now() - run.create_time > SUBMISSION_GRACE:
        await _close_run(job, "NOT_SUBMITTED", "the submission was interrupted before Flink accepted it")
        await set_status(runtime.events, job, NOT_RUNNING, None, message="submission interrupted")
        cycle.changed.append(job.id)
    return None


async def _close_run(job: Job, state: str, failure: str | None) -> None:
    run = await JobRun.filter(job_id=job.id).order_by("-id").first()
    if run is not None and run.end_time is None:
        run.final_state, run.end_time, run.failure = state, now(), failure or run.failure
        await run.save(update_fields=["final_state", "end_time", "failure"])


async def _failure(runtime: Runtime, cluster: Cluster, seen: FlinkJob) -> str | None:
    """Flink's root exception of a failed job, readable."""
    try:
        history = await runtime.flink.client(cluster.address).exceptions(seen.jid)
    except FlinkError:
        return None
    entries = history.get("exceptionHistory", {}).get("entries") or []
    trace = history.get("root-exception") or (entries[0].get("stacktrace") if entries else None)
    return readable_cause(str(trace)) if trace else None


async def reconcile_forever(runtime: Runtime, interval: float) -> None:
    """The background loop of the service (cancelled on shutdown); a failing cycle is logged, never fatal."""
    while True:
        try:
            await reconcile_once(runtime)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("reconciliation cycle failed")
        await asyncio.sleep(interval)
