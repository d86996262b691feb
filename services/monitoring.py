"""Live views from Flink: a cluster's figures, a job's Flink view and its exceptions."""

from __future__ import annotations

import asyncio
from typing import Any

from flink.errors import FlinkError, FlinkRejected, readable_cause
from models import Cluster, Job, JobRun
from services.errors import Conflict, Refused, Unavailable
from services.jobs import get_job
from services.runtime import Runtime
from services.submission import cluster_of

#: Flink's /overview figures under the dashboard's names (the document's ClusterOverviewWithVersion) ...
DASHBOARD_FIGURES = {
    "taskmanagers": "taskmanagers",
    "slotsTotal": "slots-total",
    "slotsAvailable": "slots-available",
    "jobsRunning": "jobs-running",
    "jobsFinished": "jobs-finished",
    "jobsCancelled": "jobs-cancelled",
    "jobsFailed": "jobs-failed",
}
#: ... and under /cluster/info's names (slotRunningCount, the slots in use, is computed)
INFO_FIGURES = {
    "taskManagerCount": "taskmanagers",
    "slotTotal": "slots-total",
    "slotAvailableCount": "slots-available",
    "jobCompleteCount": "jobs-finished",
    "jobCancelCount": "jobs-cancelled",
    "jobFailureCount": "jobs-failed",
}
COUNTS = (*DASHBOARD_FIGURES, *INFO_FIGURES, "slotRunningCount")


def _figures(overview: dict[str, Any]) -> dict[str, Any]:
    """Flink's /overview under both of the document's naming schemes; a figure Flink leaves out is None."""
    figures: dict[str, Any] = {
        "flinkVersion": overview.get("flink-version"),
        "flinkCommit": overview.get("flink-commit"),
        **{name: overview.get(key) for name, key in (DASHBOARD_FIGURES | INFO_FIGURES).items()},
    }
    total, available = figures["slotTotal"], figures["slotAvailableCount"]
    both = isinstance(total, int) and isinstance(available, int)
    figures["slotRunningCount"] = total - available if both else None
    return figures


async def cluster_live(runtime: Runtime, cluster: Cluster) -> dict[str, Any]:
    """Version, task managers, slots and job counts; ``reachable`` false (with the reason, and every figure
    None) when it is down."""
    try:
        overview = await runtime.client(cluster.address).overview()
    except FlinkError as error:
        return {"reachable": False, "error": error.message, **_figures({})}
    return {"reachable": True, **_figures(overview)}


async def clusters_summed(runtime: Runtime, clusters: list[Cluster]) -> dict[str, Any]:
    """Every registered cluster as one: the figures summed over the reachable ones, their distinct Flink
    versions (and commits) comma-separated; how many clusters there are and which did not answer."""
    lives = await asyncio.gather(*(cluster_live(runtime, c) for c in clusters))  # slow clusters in parallel
    up = [live for live in lives if live["reachable"]]

    def distinct(name: str) -> str | None:
        return ", ".join(sorted({str(live[name]) for live in up if live[name]})) or None

    return {
        "flinkVersion": distinct("flinkVersion"),
        "flinkCommit": distinct("flinkCommit"),
        **{name: sum(live[name] or 0 for live in up) for name in COUNTS},
        "clusterCount": len(clusters),
        "reachableCount": len(up),
        "unreachable": [
            {"id": c.id, "name": c.name, "error": live["error"]}
            for c, live in zip(clusters, lives, strict=True)
            if not live["reachable"]
        ],
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
