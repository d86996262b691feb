"""A restart as an operation (kind ``restart`` in t_job_operation) driven to its end: the stop, then the run.

The row is written before anything stops, with the restore point as asked, and every look decides the next step
from what is stored, never from a process's memory: the job still runs the Flink job the restart names → its
stop is begun (or, under way, looked at); the job is idle and no run has started since the restart began → it
runs, from the restore point decided now (so ``latest`` is the stop's own savepoint); the job runs another Flink
job, or a run since the restart began has started on Flink → done. The request follows it for
``HLINK_OPERATION_WAIT`` seconds, and the reconciler of the job's cluster follows it on after that, on whichever
replica holds the cluster: a restart interrupted between its stop and its run (a timeout, a crash) still ends
with the job running. The run is a claim like any other (a compare-and-set), so two followers never run it twice.
"""

from __future__ import annotations

import logging
import uuid
from datetime import timedelta

from hlink.models import Job, JobRun, Operation
from hlink.models.status import ACTIVE
from hlink.runtime import Runtime
from hlink.services.actor import stamp_new
from hlink.services.errors import Conflict, DomainError, Unavailable
from hlink.services.jobs import operations
from hlink.services.jobs.operations import OPEN, Kind, Status
from hlink.services.jobs.restore import RestoreFrom
from hlink.services.jobs.states import now
from hlink.services.jobs.submission import cluster_of

log = logging.getLogger("hlink.restarts")
#: a restart that could not run its job this long after it began (its cluster silent throughout) is failed
GIVE_UP_AFTER = timedelta(minutes=30)


class RestartUnderWay(Conflict):
    """The restart goes on after the request's wait (its stop is still under way); it carries the operation."""

    def __init__(self, message: str, operation: Operation) -> None:
        super().__init__(message)
        self.operation = operation


async def begin(job: Job, restore_from: RestoreFrom, savepoint_id: int | None) -> Operation:
    """Write the restart of the job's current Flink job (nothing is asked of Flink yet)."""
    assert job.flink_job_id is not None
    cluster = await cluster_of(job)
    run = await JobRun.filter(job_id=job.id, flink_job_id=job.flink_job_id).order_by("-id").first()
    return await Operation.create(
        job_id=job.id,
        run_id=run.id if run else None,
        cluster_id=cluster.id,
        flink_job_id=job.flink_job_id,
        kind=Kind.RESTART.value,
        trigger_id=uuid.uuid4().hex,  # never sent: the restart's own steps carry Flink's ids
        status=Status.PENDING.value,
        restore_from=restore_from.value,
        restore_savepoint_id=savepoint_id,
        **stamp_new(),
    )


async def advance(runtime: Runtime, restart: Operation) -> bool:
    """One look at an open restart: take its next step; ``True`` once it has ended."""
    job = await Job.get_or_none(id=restart.job_id)
    if job is None:
        return await _end(restart, Status.FAILED, "the job was deleted")
    if job.job_status in ACTIVE:
        if job.flink_job_id != restart.flink_job_id:
            # runs anew (this restart's run, or another's), or a submission is in flight that settles first
            return await _end(restart, Status.COMPLETED) if job.flink_job_id else False
        return await _stop(runtime, job, restart)
    if await JobRun.filter(job_id=job.id, create_time__gte=restart.create_time, flink_job_id__isnull=False).exists():
        return await _end(restart, Status.COMPLETED)  # its run started (and has ended since)
    if now() - restart.create_time > GIVE_UP_AFTER:
        return await _end(restart, Status.FAILED, f"the job could not be run within {GIVE_UP_AFTER}")
    from hlink.services.jobs.lifecycle import Unconfirmed, run_job  # lifecycle follows restarts: imported late

    try:
        mode = RestoreFrom(restart.restore_from or RestoreFrom.LATEST.value)
        await run_job(runtime, job.id, mode, restart.restore_savepoint_id)
    except (Unconfirmed, Conflict):
        return False  # Flink may run it, or another follower claimed the run: the next look sees which
    except Unavailable as error:
        log.info("restart %s of job %s: not run yet: %s", restart.id, job.id, error.message)
        return False
    except DomainError as error:
        return await _end(restart, Status.FAILED, error.message)
    return await _end(restart, Status.COMPLETED)


async def _stop(runtime: Runtime, job: Job, restart: Operation) -> bool:
    """The job still runs the Flink job the restart names: its stop is begun, or looked at while under way (a
    cancel under way is joined instead: a stop sent beside it races it, and Flink may then fail the job)."""
    cancel = await operations.open_stop(job, Kind.CANCEL)
    stop = cancel or (
        await Operation.filter(job_id=job.id, flink_job_id=restart.flink_job_id, kind=Kind.STOP.value)
        .order_by("-id")
        .first()
    )
    if stop is not None and stop.status in OPEN:
        await operations.step(runtime, stop)
    elif stop is not None and stop.create_time >= restart.create_time and stop.status == Status.FAILED:
        # it ended and the job still runs: nothing stopped it, so nothing may run beside it
        return await _end(restart, Status.FAILED, f"the job could not be stopped: {stop.failure}")
    else:
        try:
            await operations.begin(runtime, job, Kind.STOP)
        except Unavailable as error:
            latest = await Operation.filter(job_id=job.id, kind=Kind.STOP.value).order_by("-id").first()
            if latest is not None and latest.create_time >= restart.create_time and latest.status == Status.FAILED:
                # the stop never reached Flink: nothing changed, and the restart ends here with the reason
                await _end(restart, Status.FAILED, error.message)
                raise
            return False  # it may have reached Flink: looked up by its trigger id next time
    if restart.status == Status.PENDING and await _moved(restart, Status.IN_PROGRESS):
        restart.status = Status.IN_PROGRESS.value
    return False


async def _moved(restart: Operation, status: Status, failure: str | None = None) -> bool:
    values: dict[str, object] = {"status": status.value}
    if status not in OPEN:
        values.update(failure=failure, finish_time=now())
    written = await Operation.filter(id=restart.id, status__in=list(OPEN)).update(**values)
    return bool(written)


async def _end(restart: Operation, status: Status, failure: str | None = None) -> bool:
    """End the restart (a compare-and-set: another follower may have ended it first, which is fine)."""
    if await _moved(restart, status, failure):
        restart.status = status.value
        log.info("restart %s of job %s: %s %s", restart.id, restart.job_id, status.value, failure or "")
    return True
