"""The way out for a job whose cluster is gone: an admin detaches it. Cancel, delete and the cluster's delete all
refuse an active job, and a cluster that no longer answers can never end it, so without this the job would stay
"running" for ever. Detaching is audited, names its reason, and is refused while the cluster still answers and
runs the Flink job (cancel it then): hlink forgets a job only when Flink cannot be asked.
"""

from __future__ import annotations

import logging

from tortoise.transactions import in_transaction

from hlink.flink.errors import FlinkRejected, FlinkUnavailable
from hlink.models import Cluster, Job, JobRun, Operation
from hlink.models.status import ACTIVE, DETACHED, STATUS_NAMES, TERMINAL
from hlink.runtime import Runtime
from hlink.services.access.audit import guarded, record
from hlink.services.actor import Role, acting
from hlink.services.errors import Conflict, ValidationFailed
from hlink.services.jobs import operations
from hlink.services.jobs.definitions import get_job
from hlink.services.jobs.states import announce, detached, now
from hlink.services.jobs.states import settle as settle_job

log = logging.getLogger("hlink.lifecycle")
MAX_REASON = 500


async def _still_running(runtime: Runtime, job: Job) -> str | None:
    """What the job's cluster says of its Flink job when it answers and runs it; ``None`` when it cannot be
    asked (gone, silent) or no longer runs it."""
    cluster = await Cluster.get_or_none(id=job.cluster_id) if job.cluster_id else None
    if cluster is None:
        return None
    client = runtime.flink.client(cluster.endpoint)
    try:
        if job.flink_job_id is None:  # a submission without its answer: the cluster, if it answers, decides
            await client.overview()
            return "the cluster answers (the reconciler finds or releases this submission)"
        state = str((await client.job(job.flink_job_id)).get("state", ""))
    except FlinkUnavailable:
        return None
    except FlinkRejected as error:
        if error.status == 404:
            return None
        return f"the cluster answers ({error.message})"
    return None if state in TERMINAL else f"Flink runs it ({state})"


@guarded("job.detach", Role.ADMIN, "job", key="job_id")
async def detach_job(runtime: Runtime, job_id: int, reason: str) -> Job:
    """Let go of an active job whose cluster cannot be asked: the job reads not running (state DETACHED), its
    open run is closed with the reason, its open operations fail with it, all in one commit; it can then be
    deleted, or run again. Refused while the cluster answers and runs the Flink job."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed({"reason": "say why the job is detached (it is recorded)"})
    if len(reason) > MAX_REASON:
        raise ValidationFailed({"reason": f"at most {MAX_REASON} characters"})
    job = await get_job(job_id)
    if job.job_status not in ACTIVE:
        raise Conflict(f"job {job_id} is {STATUS_NAMES[job.job_status]}; only an active job is detached")
    running = await _still_running(runtime, job)  # Flink is asked before the transaction, never inside it
    if running is not None:
        raise Conflict(f"job {job_id} cannot be detached: {running}; cancel it instead")
    message = f"detached by {acting()}: {reason}"
    seen = job.flink_job_id

    async with in_transaction():  # the job's row first, then its run's and operations' (every writer's order)
        settled = await settle_job(job_id, detached(seen, message), None)
        if settled is None or settled[1] is None:
            raise Conflict(f"job {job_id} changed while it was being detached; look at it again")
        await JobRun.filter(job_id=job_id, end_time__isnull=True).update(
            final_state=DETACHED, end_time=now(), failure=message
        )
        await Operation.filter(job_id=job_id, status__in=list(operations.OPEN)).update(
            status=operations.Status.FAILED.value, failure=message, finish_time=now()
        )
    announce(runtime.events, settled)
    await record("job.detach", "reason", "job", job_id, message)  # the reason outlives the job's runs
    log.warning("job %s: %s (Flink job %s)", job_id, message, seen or "-")
    return settled[0]
