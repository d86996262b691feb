"""Live views from Flink: a cluster's figures, a job's Flink view and its exceptions."""

from __future__ import annotations

from typing import Any

from flink.errors import FlinkError, FlinkRejected, readable_cause
from models import Cluster, Job, JobRun
from services.errors import Conflict, Refused, Unavailable
from services.jobs import get_job
from services.runtime import Runtime
from services.submission import cluster_of


async def cluster_live(runtime: Runtime, cluster: Cluster) -> dict[str, Any]:
    """Version, task managers, slots and job counts; ``reachable`` false (with the reason) when it is down."""
    try:
        o = await runtime.client(cluster.address).overview()
    except FlinkError as error:
        return {"reachable": False, "error": error.message}
    return {
        "reachable": True,
        "flinkVersion": o.get("flink-version"),
        "flinkCommit": o.get("flink-commit"),
        "taskmanagers": o.get("taskmanagers"),
        "slotsTotal": o.get("slots-total"),
        "slotsAvailable": o.get("slots-available"),
        "jobsRunning": o.get("jobs-running"),
        "jobsFinished": o.get("jobs-finished"),
        "jobsCancelled": o.get("jobs-cancelled"),
        "jobsFailed": o.get("jobs-failed"),
    }


async def _flink_job(job_id: int) -> tuple[Job, str]:
    job = await get_job(job_id)
    if not job.flink_job_id:
        raise Conflict(f"job {job_id} has never run on Flink")
    return job, job.flink_job_id


async def job_view(runtime: Runtime, job_id: int) -> dict[str, Any]:
    """Flink's own view of the job's latest Flink job: state, timings, vertices."""
    job, jid = await _flink_job(job_id)
    try:
        return await runtime.client((await cluster_of(job)).address).job(jid)
    except FlinkRejected as error:
        if error.status == 404:
            raise Conflict(f"Flink no longer knows job {jid} (the cluster restarted?)") from None
        raise Refused(error.message) from None
    except FlinkError as error:
        raise Unavailable(f"the cluster of job {job_id} did not answer: {error.message}") from None


async def job_log(runtime: Runtime, job_id: int) -> dict[str, Any]:
    """The job's exceptions from Flink (readable cause first, the trace beside it) and how its runs ended."""
    job, jid = await _flink_job(job_id)
    runs = await JobRun.filter(job_id=job_id).order_by("-id").limit(20)
    answer: dict[str, Any] = {
        "flinkJobId": jid,
        "runs": [
            {"runId": r.id, "flinkJobId": r.flink_job_id, "finalState": r.final_state, "failure": r.failure}
            for r in runs
        ],
        "exceptions": [],
        "reachable": True,
    }
    try:
        history = await runtime.client((await cluster_of(job)).address).exceptions(jid)
    except FlinkError as error:
        return {**answer, "reachable": False, "error": error.message}
    for entry in (history.get("exceptionHistory") or {}).get("entries") or []:
        trace = str(entry.get("stacktrace") or "")
        answer["exceptions"].append(
            {
                "time": entry.get("timestamp"),
                "name": entry.get("exceptionName"),
                "task": entry.get("taskName"),
                "cause": readable_cause(trace),
                "stacktrace": trace,
            }
        )
    return answer
