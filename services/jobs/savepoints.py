"""A job's savepoints and retained checkpoints: kept as rows, chosen as restore points, pruned to a retention
count through Flink (which knows the savepoint's storage), oldest first."""

from __future__ import annotations

import logging
from enum import StrEnum

from flink.client import FlinkClient
from flink.errors import FlinkError
from models import Job, JobRun, Savepoint
from services.actor import stamp_new
from services.errors import NotFound, ValidationFailed
from services.jobs.script import Restore
from services.jobs.submission import cluster_of
from services.runtime import Runtime

log = logging.getLogger("hlink.savepoints")


class RestoreFrom(StrEnum):
    """Where a restart resumes (Dinky's restart modes)."""

    LATEST = "latest"  # the newest completed savepoint or retained checkpoint of this job
    SAVEPOINT = "savepoint"  # a savepoint of this job the user chose
    NONE = "none"  # fresh state


async def restore_point(job: Job, mode: RestoreFrom, savepoint_id: int | None = None) -> Restore | None:
    """The restore point a restart of ``job`` names; a chosen savepoint must be one of this job's."""
    if mode is RestoreFrom.NONE:
        return None
    if mode is RestoreFrom.SAVEPOINT:
        if savepoint_id is None:
            raise ValidationFailed({"savepointId": "name the savepoint to restore from (one of the job's)"})
        chosen = await Savepoint.get_or_none(id=savepoint_id, job_id=job.id)
        if chosen is None:
            raise NotFound("savepoint", savepoint_id)  # of this job
        return Restore(chosen.path, job.allow_nrs == 1)
    newest = await Savepoint.filter(job_id=job.id).order_by("-id").first()
    return Restore(newest.path, job.allow_nrs == 1) if newest else None


async def keep(
    runtime: Runtime, job: Job, run: JobRun | None, path: str, kind: str, flink_job_id: str | None = None
) -> Savepoint:
    """Record a savepoint Flink wrote (``kind``: triggered, stop, checkpoint) of Flink job ``flink_job_id``
    (the job's current one when not given), then prune the oldest."""
    savepoint = await Savepoint.create(
        job_id=job.id,
        run_id=run.id if run else None,
        flink_job_id=flink_job_id or job.flink_job_id,
        path=path,
        kind=kind,
        **stamp_new(),
    )
    dispose_later(runtime, job)
    return savepoint


#: how long one job's disposals may take in their side task (each waits for Flink up to two minutes)
DISPOSAL_BOUND = 600.0


def dispose_later(runtime: Runtime, job: Job) -> None:
    """Prune the job's savepoints in a side task (services/background.py): a disposal Flink takes minutes over
    holds up no request, stop or reconcile cycle. One already under way for the job is not started twice; what
    it leaves beyond the retention goes at the job's next savepoint."""
    runtime.side.spawn(("dispose", job.id), lambda: prune(runtime, job), DISPOSAL_BOUND)


async def prune(runtime: Runtime, job: Job) -> list[str]:
    """Dispose of the job's savepoints beyond the newest ``runtime.savepoint_retention`` through Flink, and
    forget them; one Flink cannot dispose of (or a cluster that does not answer) is kept for the next time."""
    old = await Savepoint.filter(job_id=job.id).order_by("-id").offset(runtime.savepoint_retention)
    if not old:
        return []
    client = runtime.flink.client((await cluster_of(job)).address)
    disposed: list[str] = []
    for savepoint in old:
        try:
            operation = await client.dispose_savepoint(savepoint.path)
        except FlinkError as error:
            log.warning("job %s: savepoint %s not disposed of: %s", job.id, savepoint.path, error.message)
            continue
        if operation.failure and "not exist" not in operation.failure.lower():  # already gone counts as gone
            log.warning("job %s: savepoint %s not disposed of: %s", job.id, savepoint.path, operation.failure)
            continue
        await Savepoint.filter(id=savepoint.id).delete()
        disposed.append(savepoint.path)
    return disposed


async def retained_checkpoint(
    runtime: Runtime, client: FlinkClient, job: Job, jid: str, run: JobRun | None
) -> Savepoint | None:
    """After a cancel: keep the newest checkpoint of Flink job ``jid`` when the job retains checkpoints."""
    if not job.checkpoint_interval or job.checkpoint_cleanup_mode != 0:
        return None
    try:
        latest = (await client.checkpoints(jid)).get("latest", {}).get("completed") or {}
    except FlinkError:
        return None
    path = latest.get("external_path")
    return await keep(runtime, job, run, path, "checkpoint", jid) if path else None
