"""Savepoints and stops as operations: one row per request to Flink, followed to completion however long it takes.

hlink chooses the trigger id and writes the row before it asks Flink, so nothing Flink does is lost with a
request's answer or with the process: the request path follows an operation for ``HLINK_OPERATION_WAIT``
seconds, and the reconciler of the operation's cluster follows every open one on each cycle after that (on
whichever replica holds the cluster). Flink runs one operation per trigger id, and ending an operation is a
compare-and-set on its status and trigger id, so two followers never record one twice.

What a completed operation leads to is done here, once, for both followers: its savepoint is kept (and the
oldest beyond the retention disposed of), and a stop ends the job's run and marks the job cancelled. A stop
that cannot write a savepoint fails and leaves the job running as it was: the caller asked for a graceful stop,
and only a cancel the caller asks for (:attr:`Kind.CANCEL`) ends a job without one, keeping a retained
checkpoint when there is one. A request Flink never received is sent again (the same trigger id, so Flink runs
it once) for a while before it fails.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from datetime import timedelta
from enum import StrEnum

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from hlink.flink.client import FlinkClient
from hlink.flink.errors import FlinkError, FlinkRejected, FlinkUnavailable
from hlink.masking import mask_sql
from hlink.models import Cluster, Job, JobRun, JobUpgrade, Operation, Savepoint
from hlink.runtime import Runtime
from hlink.services.actor import stamp_new
from hlink.services.errors import Conflict, DomainError, Refused, Unavailable
from hlink.services.jobs import savepoints
from hlink.services.jobs.states import cancelled, now, settle
from hlink.services.jobs.submission import cluster_of

log = logging.getLogger("hlink.operations")


class Kind(StrEnum):
    """What an operation asks of Flink."""

    SAVEPOINT = "savepoint"  # write a savepoint, the job runs on
    STOP = "stop"  # write a savepoint, then finish the job
    CANCEL = "cancel"  # cancel the job without a savepoint (asked for): a retained checkpoint is kept
    RESTART = "restart"  # a stop, then a run from the restore point asked (services/jobs/restarts.py)


class Status(StrEnum):
    """Where an operation is."""

    PENDING = "PENDING"  # asked; Flink's answer has not been seen yet
    IN_PROGRESS = "IN_PROGRESS"  # Flink took it
    # a cancel: recorded before the cancel is sent, so a crash or a silent cluster in between leaves it to the
    # next follower, never a job left running that the user cancelled (rows of older versions: a stop that wrote
    # no savepoint and was cancelled instead)
    CANCELLING = "CANCELLING"
    COMPLETED = "COMPLETED"  # Flink wrote the savepoint
    FAILED = "FAILED"  # Flink could not, or never got the request


OPEN = (Status.PENDING, Status.IN_PROGRESS, Status.CANCELLING)
#: a pending operation Flink does not know after this long never reached it (a request takes milliseconds)
NOT_RECEIVED_AFTER = timedelta(seconds=30)
#: a request Flink never received is sent again (each time NOT_RECEIVED_AFTER passes) while younger than this
RESEND_WITHIN = timedelta(seconds=120)
#: a request refused at the connection (nothing reached Flink) is tried this often, a moment apart, before the
#: operation fails and the caller hears 503
SEND_TRIES = 3
#: a job that has just started refuses savepoints until all its tasks run: asked again for this long
STARTING_WINDOW = timedelta(seconds=10)
_STARTING = "not all required tasks are currently running"


def _trigger_id() -> str:
    return uuid.uuid4().hex


def _client(runtime: Runtime, address: str) -> FlinkClient:
    return runtime.flink.client(address)


async def begin(runtime: Runtime, job: Job, kind: Kind) -> Operation:
    """Write the operation, then ask Flink. Answers the row: IN_PROGRESS, or FAILED with Flink's refusal (a
    cancel: CANCELLING, its cancel sent by the first follower). Raises :class:`Unavailable` when the cluster did
    not answer (the row stays PENDING when the request may have arrived, to be looked up by its trigger id)."""
    assert job.flink_job_id is not None
    cluster = await cluster_of(job)
    run = await JobRun.filter(job_id=job.id, flink_job_id=job.flink_job_id).order_by("-id").first()
    try:
        operation = await Operation.create(
            job_id=job.id,
            run_id=run.id if run else None,
            cluster_id=cluster.id,
            flink_job_id=job.flink_job_id,
            kind=kind.value,
            trigger_id=_trigger_id(),
            target_dir=job.state_savepoints_dir or None,
            status=(Status.CANCELLING if kind is Kind.CANCEL else Status.PENDING).value,
            **stamp_new(),
        )
    except IntegrityError:  # one open stop per Flink job (a unique index): a simultaneous stop got there first
        joined = await open_stop(job)
        if joined is None:
            raise Conflict(f"job {job.id} was being stopped; look at its state again") from None
        return joined
    if kind is not Kind.CANCEL:
        await _send(runtime, cluster.endpoint, operation)
    return operation


async def _send(runtime: Runtime, address: str, operation: Operation) -> None:
    client = _client(runtime, address)
    for attempt in range(1, SEND_TRIES + 1):
        try:
            if operation.kind == Kind.STOP:
                await client.stop(operation.flink_job_id, operation.target_dir, trigger_id=operation.trigger_id)
            else:
                await client.trigger_savepoint(operation.flink_job_id, operation.target_dir, operation.trigger_id)
            break
        except FlinkRejected as error:
            await finish(runtime, operation, None, error.message)
            return
        except FlinkUnavailable as error:
            what = f"the cluster of job {operation.job_id} did not answer: {error.message}"
            if error.maybe_sent:
                raise Unavailable(
                    f"{what}; hlink asks Flink for operation {operation.id} and records its result"
                ) from None
            if attempt == SEND_TRIES:  # nothing reached Flink: the operation ends here, the job runs on as it was
                await finish(runtime, operation, None, f"{what} (tried {SEND_TRIES} times)")
                raise Unavailable(what) from None
            await asyncio.sleep(0.5 * attempt)  # nothing reached Flink: the same trigger id, again
    if await _update(operation, status=Status.IN_PROGRESS.value):
        operation.status = Status.IN_PROGRESS.value


async def _update(operation: Operation, **values: object) -> bool:
    """A compare-and-set on the operation's status and trigger id: ``False`` when another follower moved it."""
    written = await Operation.filter(id=operation.id, trigger_id=operation.trigger_id, status=operation.status).update(
        **values
    )
    return bool(written)


async def follow(runtime: Runtime, operation: Operation, within: float) -> Operation:
    """Look at an open operation until it ends or ``within`` seconds have passed; answers it as it now is."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    delay = 0.1
    while operation.status in OPEN:
        if await step(runtime, operation):
            break
        if loop.time() + delay > deadline:
            break
        await asyncio.sleep(delay)
        delay = min(delay * 2, 1.0)
    return await Operation.get(id=operation.id)


async def step(runtime: Runtime, operation: Operation) -> bool:
    """One look at an open operation on Flink, recording its end; ``True`` once it has ended (here or by
    another follower). A cluster that does not answer is asked again next time."""
    if operation.kind == Kind.RESTART:
        from hlink.services.jobs import restarts  # restarts build on the operations here: imported late

        return await restarts.advance(runtime, operation)
    if operation.status == Status.CANCELLING:
        try:
            await _cancel_instead(runtime, operation)
        except Unavailable:
            return False  # asked again next time
        return True  # ended (a refusal, recorded FAILED with Flink's reason, goes on to the caller)
    cluster = await _address(operation)
    if cluster is None:
        return await finish(runtime, operation, None, "its cluster was deleted")
    client = _client(runtime, cluster)
    try:
        ended = await client.operation(operation.flink_job_id, operation.trigger_id)
    except FlinkUnavailable:
        return False
    except FlinkRejected as error:
        if error.status != 404:
            return False
        return await _unknown(runtime, client, operation)
    if ended is None:
        if operation.status == Status.PENDING and await _update(operation, status=Status.IN_PROGRESS.value):
            operation.status = Status.IN_PROGRESS.value
        return False
    if ended.failure and _STARTING in ended.failure.lower() and now() - operation.create_time < STARTING_WINDOW:
        return await _again(runtime, cluster, operation)
    return await finish(runtime, operation, ended.location, ended.failure)


async def _address(operation: Operation) -> str | None:
    """The address of the operation's cluster (``None`` once the cluster is gone)."""
    row = await Cluster.get_or_none(id=operation.cluster_id).only("id", "address", "addresses", "ha_type")
    return row.endpoint if row else None


async def _again(runtime: Runtime, address: str, operation: Operation) -> bool:
    """The job was still starting: ask again under a new trigger id (the old one has ended on Flink)."""
    fresh = _trigger_id()
    if not await _update(operation, trigger_id=fresh, status=Status.PENDING.value):
        return True  # another follower moved it: its look decides
    operation.trigger_id, operation.status = fresh, Status.PENDING.value
    await asyncio.sleep(0.5)
    try:
        await _send(runtime, address, operation)
    except Unavailable:
        return False
    return operation.status not in OPEN


async def _unknown(runtime: Runtime, client: FlinkClient, operation: Operation) -> bool:
    """Flink does not know the trigger id: a request that never arrived (after a grace period), or a result
    Flink has forgotten, in which case the job's checkpoint history may still name the savepoint."""
    if operation.status == Status.PENDING:
        if now() - operation.modify_time < NOT_RECEIVED_AFTER:
            return False
        if now() - operation.create_time < RESEND_WITHIN:  # sent again under its trigger id: Flink runs it once
            if not await _update(operation, modify_time=now()):
                return True  # another follower moved it: its look decides
            operation.modify_time = now()
            log.info("operation %s: Flink never received it; sent again", operation.id)
            try:
                await _send(runtime, await _address(operation) or "", operation)
            except Unavailable:
                return False
            return operation.status not in OPEN
        return await finish(runtime, operation, None, "Flink never received the request")
    since = int(operation.create_time.timestamp() * 1000)
    try:
        location = await client.savepoint_since(operation.flink_job_id, since)
    except FlinkError:
        location = None
    if location:
        return await finish(runtime, operation, location, None)
    return await finish(runtime, operation, None, "Flink no longer knows the operation (its job manager restarted?)")


async def finish(runtime: Runtime, operation: Operation, location: str | None, failure: str | None) -> bool:
    """End an open operation: its savepoint kept with it in one commit, then what it leads to (the retention's
    disposal, and for a stop the end of the job's run). A stop without a savepoint fails and changes nothing:
    the job runs on as Flink has it. ``True`` also when another follower ended it first."""
    savepoint: Savepoint | None = None
    async with in_transaction():
        values: dict[str, object] = {
            "status": (Status.COMPLETED if location else Status.FAILED).value,
            "failure": None if location else (failure or "Flink gave no reason"),
            "finish_time": now(),
        }
        if not await _update(operation, **values):
            return True
        if location:
            kind = "stop" if operation.kind == Kind.STOP else "triggered"
            savepoint = await savepoints.record(
                operation.job_id, operation.run_id, operation.flink_job_id, location, kind
            )
            await Operation.filter(id=operation.id).update(savepoint_id=savepoint.id)
    for name, value in values.items():
        setattr(operation, name, value)
    operation.savepoint_id = savepoint.id if savepoint else None
    log.info("operation %s (%s of job %s) %s", operation.id, operation.kind, operation.job_id, operation.status)
    job = await Job.get_or_none(id=operation.job_id)
    if job is None:
        return True
    if savepoint is not None:
        savepoints.dispose_later(runtime, job)
    if operation.kind == Kind.STOP and savepoint is not None:
        await _stopped(runtime, job, operation, savepoint)
    return True


async def _cancel_instead(runtime: Runtime, operation: Operation) -> None:
    """A cancel (its operation CANCELLING): cancel the Flink job, keeping a retained checkpoint, then end the
    operation (COMPLETED; FAILED for an older version's stop cancelled instead) and the job's run. Raises
    :class:`Unavailable` when the cluster did not answer (the operation stays CANCELLING, and the reconciler tries
    again), :class:`Refused` when Flink
    refused (the operation ends FAILED with Flink's reason; the reconciler keeps showing the job as Flink has it)."""
    jid = operation.flink_job_id
    job = await Job.get_or_none(id=operation.job_id)
    run = await JobRun.get_or_none(id=operation.run_id) if operation.run_id else None
    address = await _address(operation)
    checkpoint: Savepoint | None = None
    if address is not None and job is not None:
        client = _client(runtime, address)
        try:
            await client.cancel(jid)
        except FlinkRejected as error:
            if error.status not in (404, 409):  # gone already, or ended meanwhile (another terminal state)
                refusal = f"Flink refused to cancel job {job.id}: {mask_sql(error.message)}"
                await _update(operation, status=Status.FAILED.value, failure=refusal, finish_time=now())
                raise Refused(refusal) from None
        except FlinkUnavailable as error:
            raise Unavailable(f"the cluster of job {job.id} did not answer: {error.message}") from None
    # the cancel is idempotent, so two followers may both send it; only the one that ends the operation keeps
    # the checkpoint and ends the run (two would keep it twice, and the retention dispose of a kept path)
    ended = Status.COMPLETED if operation.kind == Kind.CANCEL else Status.FAILED
    if not await _update(operation, status=ended.value, finish_time=now()):
        return  # another follower ended it
    operation.status = ended.value
    log.info("operation %s (%s of job %s): cancelled", operation.id, operation.kind, operation.job_id)
    if job is not None:
        if address is not None:
            checkpoint = await savepoints.retained_checkpoint(runtime, _client(runtime, address), job, jid, run)
        await _stopped(runtime, job, operation, checkpoint)


async def _stopped(runtime: Runtime, job: Job, operation: Operation, savepoint: Savepoint | None) -> None:
    """A stop ended (with its savepoint, or cancelled instead keeping ``savepoint``, a retained checkpoint, when
    there was one): the run ends and the job reads cancelled (unless a later run has claimed it meanwhile)."""
    jid = operation.flink_job_id
    final = "FINISHED" if savepoint is not None and savepoint.kind == "stop" else "CANCELED"
    await JobRun.filter(job_id=job.id, flink_job_id=jid, end_time__isnull=True).update(
        final_state=final, end_time=now()
    )

    await settle(job.id, cancelled(jid), runtime.events)


async def open_stop(job: Job, kind: Kind = Kind.STOP) -> Operation | None:
    """The stop (or cancel) of the job's current Flink job still under way, if any (a second one joins it)."""
    return (
        await Operation.filter(
            job_id=job.id, flink_job_id=job.flink_job_id or "", kind=kind.value, status__in=list(OPEN)
        )
        .order_by("-id")
        .first()
    )


#: how long one cluster's follow-ups may take in their side task (a look at Flink is a call or two; a restart's
#: run is a submission, jar uploads included)
FOLLOW_BOUND = 600.0


def follow_cluster_later(runtime: Runtime, cluster_id: int) -> None:
    """The reconciler's part, in a side task (services/background.py): one look at every open operation on the
    cluster, never holding up the cycle; skipped while the previous look at that cluster still runs."""
    runtime.side.spawn(("follow", cluster_id), lambda: follow_cluster(runtime, cluster_id), FOLLOW_BOUND)


async def follow_cluster(runtime: Runtime, cluster_id: int) -> None:
    """One look at every open operation on the cluster."""
    for operation in await Operation.filter(cluster_id=cluster_id, status__in=list(OPEN)):
        try:
            await step(runtime, operation)
        except DomainError as error:  # expected (Flink refused a cancel): recorded on the operation already
            log.info("operation %s: %s", operation.id, error.message)
        except Exception:  # one operation's trouble must not stop the others
            log.exception("following operation %s failed", operation.id)
    from hlink.services.jobs import upgrades  # upgrades build on the operations here: imported late

    await upgrades.follow_cluster(runtime, cluster_id)


async def clusters_with_open_operations() -> set[int]:
    """The clusters the reconciler must visit for their open operations and upgrades, whatever their jobs' states."""
    rows = await Operation.filter(status__in=list(OPEN)).values_list("cluster_id", flat=True)
    upgrading = await JobUpgrade.filter(open_job_id__not_isnull=True).values_list("cluster_id", flat=True)
    return {int(str(i)) for i in [*rows, *upgrading]}
