"""Flink's job states mapped to the documented job status codes, and how a job's status is written."""

from __future__ import annotations

from datetime import UTC, datetime

from models import Job
from services.jobs.events import Events, JobEvent

NOT_RUNNING, RUNNING, CANCELLED, FAILED, SUBMITTING = 0, 1, 2, 3, 9
#: Flink's state names; the documented code beside them is what the API's jobStatus carries
STATE_CODES = {
    "INITIALIZING": SUBMITTING,
    "CREATED": SUBMITTING,
    "RUNNING": RUNNING,
    "RESTARTING": RUNNING,
    "FAILING": RUNNING,
    "CANCELLING": RUNNING,
    "RECONCILING": RUNNING,
    "SUSPENDED": RUNNING,
    "FINISHED": NOT_RUNNING,
    "CANCELED": CANCELLED,
    "FAILED": FAILED,
}
TERMINAL = frozenset({"FINISHED", "CANCELED", "FAILED"})
#: hlink's own state name while it submits (Flink has not answered yet)
SUBMITTING_STATE = "SUBMITTING"
#: the cluster did not answer: the job's state is unknown (its code stays what Flink last said)
UNKNOWN = "UNKNOWN"


def code_of(flink_state: str) -> int:
    return STATE_CODES.get(flink_state, RUNNING)


def now() -> datetime:
    return datetime.now(UTC)


async def set_status(
    events: Events,
    job: Job,
    status: int,
    flink_state: str | None,
    *,
    flink_job_id: str | None = None,
    confirmed: bool = True,
    message: str | None = None,
) -> None:
    """Write a job's status (and tell subscribers) when it changed."""
    changed = (job.job_status, job.flink_state) != (status, flink_state) or (
        flink_job_id is not None and flink_job_id != job.flink_job_id
    )
    job.job_status = status
    job.flink_state = flink_state
    update = ["job_status", "flink_state"]
    if flink_job_id is not None:
        job.flink_job_id = flink_job_id
        update.append("flink_job_id")
    if confirmed:
        job.status_time = now()
        update.append("status_time")
    await Job.filter(id=job.id).update(**{f: getattr(job, f) for f in update})
    if changed:
        events.publish(JobEvent(job.id, status, flink_state, job.flink_job_id, message))
