"""Live views of a job from Flink: its Flink view and its exceptions."""

from __future__ import annotations

from typing import Any

from hlink.flink.errors import FlinkError, FlinkRejected, readable_cause
from hlink.masking import mask_sql
from hlink.models import Job, JobRun
from hlink.runtime import Runtime
from hlink.services.errors import Conflict, Refused, Unavailable
from hlink.services.jobs.definitions import get_job
from hlink.services.jobs.submission import cluster_of


async def _flink_job(job_id: int) -> tuple[Job, str]:
    job = await get_job(job_id)
    if not job.flink_job_id:
        raise Conflict(f"job {job_id} has never run on Flink")
    return job, job.flink_job_id


async def job_view(runtime: Runtime, job_id: int) -> dict[str, Any]:
    """Flink's own view of the job's latest Flink job: state, timings, vertices."""
    job, jid = await _flink_job(job_id)
    try:
        return await runtime.flink.client((await cluster_of(job)).endpoint).job(jid)
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
            {
                "runId": r.id,
                "flinkJobId": r.flink_job_id,
                "finalState": r.final_state,
                "failure": mask_sql(r.failure) if r.failure else r.failure,
            }
            for r in runs
        ],
        "exceptions": [],
        "reachable": True,
    }
    try:
        history = await runtime.flink.client((await cluster_of(job)).endpoint).exceptions(jid)
    except FlinkError as error:
        return {**answer, "reachable": False, "error": error.message}
    for entry in (history.get("exceptionHistory") or {}).get("entries") or []:
        trace = mask_sql(str(entry.get("stacktrace") or ""))  # Flink quotes statements, secrets included
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


async def log_text(runtime: Runtime, job_id: int) -> str:
    """The job's log as the original's page showed it, as text: how each run ended and Flink's exceptions of
    the latest one (their traces, secrets masked). Empty for a job that never ran, without asking Flink."""
    job = await get_job(job_id)
    if not job.flink_job_id:
        return ""
    found = await job_log(runtime, job_id)
    lines = [
        f"run {r['runId']} (Flink job {r['flinkJobId'] or '-'}): {r['finalState'] or 'running'}"
        + (f": {r['failure']}" if r["failure"] else "")
        for r in found["runs"]
    ]
    if not found["reachable"]:
        lines.append(f"the cluster did not answer: {found['error']}")
    for e in found["exceptions"]:
        lines.append(f"{e['time']} {e['name']} ({e['task'] or 'job'}): {e['cause']}\n{e['stacktrace']}")
    return "\n".join(lines)
