"""A job's savepoints and retained checkpoints: kept as rows (``services/jobs/restore.py`` chooses restore points
among them), pruned to a retention count through Flink (which knows the savepoint's storage), oldest first."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from hlink.flink.client import FlinkClient
from hlink.flink.errors import FlinkError
from hlink.models import Job, JobRun, JobUpgrade, Savepoint
from hlink.runtime import Runtime
from hlink.services.actor import stamp_new
from hlink.services.jobs.submission import cluster_of

log = logging.getLogger("hlink.savepoints")


async def record(job_id: int, run_id: int | None, flink_job_id: str | None, path: str, kind: str) -> Savepoint:
    """The one writer of savepoint rows: a savepoint or retained checkpoint Flink wrote at ``path`` (``kind``:
    triggered, stop, checkpoint) of Flink job ``flink_job_id``, in the caller's transaction if it has one."""
    return await Savepoint.create(
        job_id=job_id, run_id=run_id, flink_job_id=flink_job_id, path=path, kind=kind, **stamp_new()
    )


async def keep(
    runtime: Runtime, job: Job, run: JobRun | None, path: str, kind: str, flink_job_id: str | None = None
) -> Savepoint:
    """Record a savepoint Flink wrote of Flink job ``flink_job_id`` (the job's current one when not given), then
    prune the oldest."""
    savepoint = await record(job.id, run.id if run else None, flink_job_id or job.flink_job_id, path, kind)
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
    kept = await rollback_points(job.id)
    old = [s for s in old if s.id not in kept]
    if not old:
        return []
    client = runtime.flink.client((await cluster_of(job)).endpoint)
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


async def rollback_points(job_id: int) -> set[int]:
    """The job's savepoints that an upgrade still open would roll back to (services/jobs/upgrades.py): kept."""
    rows = await JobUpgrade.filter(
        job_id=job_id, open_job_id__not_isnull=True, savepoint_id__not_isnull=True
    ).values_list("savepoint_id", flat=True)
    return {int(str(i)) for i in rows}


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


async def newest_paths(job_ids: Iterable[int]) -> dict[int, str]:
    """Each job's newest kept savepoint's path (one query): what the original kept as the job's savepointPath."""
    ids = list(set(job_ids))
    if not ids:
        return {}
    newest: dict[int, str] = {}
    for job_id, path in await Savepoint.filter(job_id__in=ids).order_by("-id").values_list("job_id", "path"):
        newest.setdefault(job_id, path)
    return newest
