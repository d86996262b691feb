"""Where a run takes its state from, decided here and only here: the faces pass the caller's choice
(:class:`RestoreFrom`, with a savepoint id), :func:`decide` turns it into one explicit value (a
:class:`~services.jobs.script.Restore`, or ``None`` for fresh state), and the run and its submission carry that
value as it is: the run row records it (``restored_from``), and the submission sends it to Flink.

The rules:

- ``NONE``: fresh state, whatever the job's ``savepointPath`` says.
- ``SAVEPOINT`` with a savepoint id: that savepoint, which must be one of the job's.
- ``LATEST`` (the default of a run and of a restart): the newest savepoint or retained checkpoint of the run being
  replaced, the job's last run that Flink started. A job that never ran starts from its ``savepointPath`` (its
  configured starting point) when it has one. While that run's stop is still under way, the run is refused (its
  savepoint is not recorded yet). When the run being replaced left no state while older state exists
  (an older run's savepoint, the ``savepointPath``), nothing is guessed: the run is refused and the caller
  chooses, an older savepoint by its id or fresh state, since either silently re-processes or skips data.
"""

from __future__ import annotations

from enum import StrEnum

from tortoise.expressions import Q

from hlink.models import Job, JobRun, Operation, Savepoint
from hlink.services.errors import Conflict, NotFound, ValidationFailed
from hlink.services.jobs.operations import OPEN, Kind
from hlink.services.jobs.script import Restore


class RestoreFrom(StrEnum):
    """What a run or restart resumes from (Dinky's restart modes)."""

    LATEST = "latest"  # the newest savepoint or retained checkpoint of the run being replaced
    SAVEPOINT = "savepoint"  # a savepoint of this job the caller chose
    NONE = "none"  # fresh state


def parse(mode: str | None) -> RestoreFrom:
    """The caller's ``restoreFrom`` as a face received it (either face's spelling), LATEST when not given."""
    if mode is None or mode == "":
        return RestoreFrom.LATEST
    try:
        return RestoreFrom(mode.lower())
    except ValueError:
        names = ", ".join(m.value for m in RestoreFrom)
        raise ValidationFailed({"restoreFrom": f"must be one of {names}; got {mode!r}"}) from None


async def last_run(job: Job) -> JobRun | None:
    """The run a new one replaces: the job's newest run that Flink started (a refused submission ran nothing)."""
    return await JobRun.filter(job_id=job.id, flink_job_id__not_isnull=True).order_by("-id").first()


async def decide(job: Job, mode: RestoreFrom = RestoreFrom.LATEST, savepoint_id: int | None = None) -> Restore | None:
    """The restore point of the next run of ``job`` (``None``: fresh state), by the rules above; raises
    :class:`ValidationFailed` or :class:`NotFound` for a savepoint that is not named or not the job's, and
    :class:`Conflict` when LATEST finds nothing of the run being replaced but older state exists."""
    allow = job.allow_nrs == 1
    if mode is RestoreFrom.NONE:
        return None
    if mode is RestoreFrom.SAVEPOINT:
        if savepoint_id is None:
            raise ValidationFailed({"savepointId": "name the savepoint to restore from (one of the job's)"})
        chosen = await Savepoint.get_or_none(id=savepoint_id, job_id=job.id)
        if chosen is None:
            raise NotFound("savepoint", savepoint_id)  # of this job
        return Restore(chosen.path, allow)
    replaced = await last_run(job)
    if replaced is None:  # never ran: the configured starting point
        return Restore(job.savepoint_path, allow) if job.savepoint_path else None
    ending = Operation.filter(
        job_id=job.id,
        flink_job_id=replaced.flink_job_id,
        kind__in=[Kind.STOP.value, Kind.CANCEL.value],
        status__in=list(OPEN),
    )
    if await ending.exists():
        # Flink may have ended the job (and the reconciler seen it) before the stop's savepoint is recorded:
        # its state is not known yet, and an older savepoint would re-process data
        raise Conflict(
            f"the stop of job {job.id}'s run (Flink job {replaced.flink_job_id}) is still under way: its "
            "savepoint is the state to resume from; run the job when the stop has ended"
        )
    own = (
        await Savepoint.filter(Q(run_id=replaced.id) | Q(flink_job_id=replaced.flink_job_id), job_id=job.id)
        .order_by("-id")
        .first()
    )
    if own is not None:
        return Restore(own.path, allow)
    if job.savepoint_path or await Savepoint.filter(job_id=job.id).exists():
        raise Conflict(
            f"the last run of job {job.id} (Flink job {replaced.flink_job_id}) left no savepoint or checkpoint, "
            "and restoring older state would re-process data: choose restoreFrom SAVEPOINT with a savepointId "
            "(one of the job's savepoints), or NONE for fresh state"
        )
    return None


async def would_resume(job: Job) -> tuple[str | None, str]:
    """The restore point an upgrade of ``job`` with ``restoreFrom`` LATEST would use as far as hlink has it, for
    the upgrade preview to read (``None``: none stored), with a line saying which it is. A running job's upgrade
    resumes from the savepoint its stop writes, not written yet: its newest savepoint of the running Flink job
    holds the same operators (``services/jobs/heldstate.py`` asks Flink for a checkpoint when there is none)."""
    if job.job_status in (1, 9) and job.flink_job_id:
        own = await Savepoint.filter(job_id=job.id, flink_job_id=job.flink_job_id).order_by("-id").first()
        if own is not None:
            return own.path, f"savepoint {own.id} of the running Flink job (the upgrade's stop writes a newer one)"
        return None, "the running Flink job has no savepoint kept yet"
    try:
        chosen = await decide(job, RestoreFrom.LATEST)
    except (Conflict, NotFound, ValidationFailed) as refused:
        return None, f"no restore point: {refused.message}"
    if chosen is None:
        return None, "no restore point: the new version would start from fresh state"
    return chosen.path, "the restore point of the job's next run (restoreFrom latest)"
