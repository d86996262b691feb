"""Validate, run, cancel, restart and savepoint jobs on their Flink cluster; every run and savepoint is kept.

Flink is never awaited inside a database transaction: each step writes its rows, then talks to Flink, then
writes what Flink answered.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tortoise.transactions import in_transaction

from hlink.flink.errors import FlinkError, FlinkRejected, FlinkUnavailable
from hlink.masking import mask_sql
from hlink.models import Job, JobRun, JobUpgrade, Operation, Savepoint
from hlink.models.status import ACTIVE, IDLE, STATUS_NAMES, SUBMITTING, SUBMITTING_STATE, TERMINAL, UNCONFIRMED
from hlink.runtime import Runtime
from hlink.services.access.audit import guarded
from hlink.services.actor import Role, stamp_new
from hlink.services.errors import Conflict, DomainError, NotFound, Refused, Unavailable, ValidationFailed
from hlink.services.jobs import operations, restarts, versions
from hlink.services.jobs.definitions import JobInput, create_job, get_job, update_job
from hlink.services.jobs.preview import upgrade_preview
from hlink.services.jobs.reconciler import flink_failure
from hlink.services.jobs.restore import RestoreFrom, decide
from hlink.services.jobs.script import Restore
from hlink.services.jobs.states import (
    SETTLE_TRIES,
    Change,
    Event,
    accepted,
    announce,
    apply,
    event_of,
    now,
    released,
    settle,
)
from hlink.services.jobs.submission import (
    Submission,
    cluster_of,
    disown,
    heartbeat,
    known_to_flink,
    new_job_id,
    pipeline_name,
    prepare,
    with_jar_retry,
)
from hlink.services.jobs.verdict import Verdict
from hlink.services.metrics import SUBMISSIONS

log = logging.getLogger("hlink.lifecycle")
NEVER, VALID, INVALID = 0, 1, 2


class Unconfirmed(Unavailable):
    """A submission whose answer was lost and whose job Flink does not know yet: Flink may still start it; the
    reconciler asks Flink for its chosen job id."""


@dataclass(frozen=True)
class Validation:
    """The planner's verdict on a job: its job graph, or Flink's error placed in the user's input."""

    status: int  # NEVER (cluster did not answer), VALID, INVALID
    error: dict[str, Any] | None
    plan: dict[str, Any] | None


def _located(submission: Submission | None, error: FlinkRejected) -> dict[str, Any]:
    """Flink's error placed in the user's input; Flink quotes statements, so secrets in them are masked."""
    error = FlinkRejected(mask_sql(error.message), status=error.status, statement=error.statement)
    script = submission.script if submission is not None else None
    if script is not None and error.statement is not None:
        return script.locate(error.statement, error.message)
    if script is not None:  # failed when the statement set was planned: find the table the message names
        for index, origin in enumerate(script.origins):
            if origin.kind == "table" and origin.table and f"(table {origin.table})" in error.message:
                return script.locate(index, error.message)
    jar_job = submission is not None and submission.script is None
    return {"message": error.message, "field": "entryClass" if jar_job else "jobDsVOS"}


def invalid(error: dict[str, Any]) -> ValidationFailed:
    """The refusal of a job that does not validate, naming the field (and line and column) at fault."""
    where = f"line {error['line']}, column {error['column']}: " if error.get("line") else ""
    return ValidationFailed({error.get("field") or "job": where + str(error["message"])})


async def _store(job: Job, verdict: Validation) -> Validation:
    job.validation_status, job.validation_error, job.validation_plan = verdict.status, verdict.error, verdict.plan
    job.validated_at = now()
    await Job.filter(id=job.id).update(
        validation_status=verdict.status,
        validation_error=verdict.error,
        validation_plan=verdict.plan,
        validated_at=job.validated_at,
    )
    return verdict


@guarded("job.validate", Role.DEVELOPER, "job", key="job")
async def validate(runtime: Runtime, job: Job) -> Validation:
    """Plan the job on its cluster (nothing runs) and store the verdict with the job: always a verdict, never an
    error after a save (a client retrying a save it heard fail would make the job twice)."""
    submission: Submission | None = None
    try:
        submission = await prepare(runtime, job, pipeline_name(job))
        plan = await with_jar_retry(runtime, submission, submission.client.plan)
    except ValidationFailed as error:
        field, message = next(iter(error.fields.items()))
        return await _store(job, Validation(INVALID, {"message": message, "field": field}, None))
    except NotFound as error:  # what the job names is gone: its jar's file from storage, its cluster
        if error.entity == "file":
            missing = {"message": f"the file of jar {job.use_jar!r} is missing from hlink's storage", "field": "useJar"}
        else:
            missing = {"message": error.message, "field": "clusterId" if error.entity == "cluster" else "job"}
        return await _store(job, Validation(INVALID, missing, None))
    except FlinkUnavailable as error:
        return await _store(job, Validation(NEVER, {"message": error.message, "field": "clusterId"}, None))
    except FlinkRejected as error:
        return await _store(job, Validation(INVALID, _located(submission, error), None))
    return await _store(job, Validation(VALID, None, plan))


async def validate_saved(runtime: Runtime, job: Job) -> None:
    """After a save: the job's version recorded (a new one when what it runs changed), then validated when the
    job has a cluster; a job that does not validate stays a draft."""
    await versions.record(runtime, job)
    if job.cluster_id is not None:
        await validate(runtime, job)


async def save_new(runtime: Runtime, data: JobInput) -> Job:
    """A new job (without a code of its own, one with the time in the policy's zone), then
    :func:`validate_saved`: what both faces' create does. Refused before anything is saved, never after."""
    job = await create_job(data, runtime.policy.zone)
    await validate_saved(runtime, job)
    return job


async def save_changed(runtime: Runtime, job_id: int, data: JobInput) -> Job:
    """The job's given settings changed, then :func:`validate_saved`: what both faces' update does."""
    job = await update_job(job_id, data)
    await validate_saved(runtime, job)
    return job


async def _claim(job: Job, cluster_id: int, restore: Restore | None) -> JobRun | None:
    """The claim and its run row in one transaction (one commit): a compare-and-set on the job's revision, so
    of two simultaneous runs exactly one wins; ``None`` when another writer changed the job first. The run
    carries the Flink job id the submission will run under, and its first heartbeat."""
    async with in_transaction():
        change = Change(Event.CLAIM, SUBMITTING, SUBMITTING_STATE, flink_job_id=None, confirmed=False)
        if not await apply(job, change, None):
            return None
        return await JobRun.create(
            job_id=job.id,
            cluster_id=cluster_id,
            pipeline_name=pipeline_name(job),
            chosen_job_id=new_job_id(),
            heartbeat_at=now(),
            restored_from=restore.path if restore else None,
            **stamp_new(),
        )


@guarded("job.run", Role.DEVELOPER, "job", key="job_id")
async def run_job(
    runtime: Runtime,
    job_id: int,
    restore_from: RestoreFrom = RestoreFrom.LATEST,
    savepoint_id: int | None = None,
    *,
    version: int | None = None,
    allow_dropping_state: bool = False,
) -> JobRun:
    """Submit a job once: a job that is submitting or running is refused, even for simultaneous requests on
    several replicas (the claim is a compare-and-set); the claim forgets the previous run's Flink job id. The
    restore point is the one ``restore_from`` names (services/jobs/restore.py decides it), recorded on the run.
    ``version``: a stored version to run instead of the definition as it is (an upgrade's, a rollback's), with
    the state of operators it no longer has dropped when ``allow_dropping_state``."""
    job = await get_job(job_id)
    if version is None:
        await _not_upgrading(job_id)
    for _ in range(SETTLE_TRIES):
        if job.job_status not in IDLE:
            raise Conflict(f"job {job_id} is already {STATUS_NAMES.get(job.job_status, 'active')} on Flink")
        cluster = await cluster_of(job)  # read again each time: a move to another cluster bumps the revision
        restore = await decide(job, restore_from, savepoint_id)
        if restore is not None and allow_dropping_state:
            restore = Restore(restore.path, allow_non_restored=True)
        previous = (job.job_status, job.flink_state)
        run = await _claim(job, cluster.id, restore)
        if run is not None:
            break
        job = await get_job(job_id)  # another writer changed the job: look again
    else:
        raise Conflict(f"job {job_id} kept changing while it was claimed; try again")
    runtime.events.publish(event_of(job))
    runtime.submitting.add(job_id)
    try:
        try:
            async with heartbeat(run.id):  # the fence: every replica sees the submission is in flight
                jid = await _submit(runtime, job, run, restore, previous, version)
        except Unconfirmed:
            SUBMISSIONS.labels("unconfirmed").inc()
            raise
        except BaseException:
            SUBMISSIONS.labels("refused").inc()
            raise
        SUBMISSIONS.labels("accepted").inc()
        state = await _state_of(runtime, cluster.endpoint, jid)
        run.flink_job_id, run.start_time = jid, now()
        ended = ["flink_job_id", "start_time"]
        if state in TERMINAL:  # ended at once (a restore that fails, say): no later cycle looks at an idle job
            run.final_state, run.end_time = state, now()
            failure = await flink_failure(runtime, cluster.endpoint, jid) if state == "FAILED" else None
            if failure:
                run.failure = failure
            ended += ["final_state", "end_time", "failure"]
        # what Flink answered, in one commit; the job's row first, then the run's, as every writer locks them
        # (another replica's reconciler may be recording the same Flink job found by its name: no deadlock)
        async with in_transaction():
            settled = await settle(job_id, accepted(jid, state), None) if await _open(run) else None
            await run.save(update_fields=ended)
        announce(runtime.events, settled)
        if not await Job.exists(id=job_id, flink_job_id=jid):
            # the job moved on (released after this process stalled, then claimed again, or deleted): the Flink
            # job this answer names is tracked by no one, so it is cancelled, never left running
            why = f"Flink accepted it as job {jid} after the job had moved on; hlink cancelled it"
            await disown(runtime.flink.client(cluster.endpoint), run, jid, why)
            raise Conflict(f"job {job_id} changed while it was submitted; the Flink job {jid} was cancelled")
        return run
    finally:
        runtime.submitting.discard(job_id)


async def _open(run: JobRun) -> bool:
    """Whether the submission is still the job's: a run that was given up (released) is closed, and the job may
    have been claimed again since, by a run whose outcome this one must never write."""
    return await JobRun.exists(id=run.id, end_time__isnull=True)


async def _submit(
    runtime: Runtime, job: Job, run: JobRun, restore: Restore | None, previous: tuple[int, Any], pinned: int | None
) -> str:
    submission: Submission | None = None

    async def settled(run_values: dict[str, Any], decide: Callable[[Job], Change | None]) -> None:
        # the run row and the job's transition commit together: a crash between them would strand the job
        for name, value in run_values.items():
            setattr(run, name, value)
        async with in_transaction():  # the job's row first, then the run's (the order every writer keeps)
            result = await settle(job.id, decide, None) if await _open(run) else None
            if run_values:
                await run.save(update_fields=list(run_values))
        announce(runtime.events, result)
        if result is None:
            log.warning("job %s: its submission's outcome could not be written (the job changed or is gone)", job.id)

    async def refuse(error: DomainError, state: str) -> DomainError:
        ended = {"final_state": state, "failure": error.message, "end_time": now()}
        await settled(ended, released(previous, Event.REFUSED, None, error.message))
        return error

    async def unconfirmed(cause: str) -> Unconfirmed:
        # Flink may still start it: never released blindly, never sent again; the reconciler asks for its id
        message = (
            f"the submission of job {job.id} got no answer ({cause}); hlink asks Flink for job "
            f"{run.chosen_job_id} and records what it finds"
        )
        await settled({}, released(previous, Event.UNCONFIRMED, UNCONFIRMED, message))
        return Unconfirmed(message)

    submitted = False

    try:
        submission = await prepare(runtime, job, run.pipeline_name, restore, run.chosen_job_id, pinned)
        submitted = True
        jid = await with_jar_retry(runtime, submission, submission.client.run)
    except ValidationFailed as error:
        raise await refuse(error, "REJECTED") from None
    except FlinkRejected as error:
        located = _located(submission, error)
        if error.statement is not None or str(located.get("field", "")).startswith("jobDsVOS["):
            await _store(job, Validation(INVALID, located, None))
            raise await refuse(invalid(located), "REJECTED") from None
        raise await refuse(Refused(f"Flink refused job {job.id}: {mask_sql(error.message)}"), "REJECTED") from None
    except FlinkUnavailable as error:
        if submitted and error.maybe_sent:
            # the answer was lost: Flink knows the job under the id hlink chose, or it does not (yet)
            if submission is not None and run.chosen_job_id:
                if await known_to_flink(submission.client, run.chosen_job_id) is not None:
                    return run.chosen_job_id
            raise await unconfirmed(error.message) from None
        unavailable = Unavailable(f"the cluster of job {job.id} did not answer: {error.message}")
        raise await refuse(unavailable, "NOT_SUBMITTED") from None
    except Exception as error:  # anything else (a fault of hlink's own): the job must not stay submitting
        if submitted:  # the request may have gone out and Flink may run the job: find it by its name
            await unconfirmed(f"{type(error).__name__}: {error}")
            raise
        reason = error if isinstance(error, DomainError) else DomainError(f"{type(error).__name__}: {error}")
        await refuse(reason, "REJECTED")
        raise
    return jid


async def _state_of(runtime: Runtime, address: str, jid: str) -> str:
    try:
        return str((await runtime.flink.client(address).job(jid)).get("state", "INITIALIZING"))
    except FlinkError:
        return "INITIALIZING"


async def _active(job_id: int) -> tuple[Job, str]:
    job = await get_job(job_id)
    if job.job_status not in ACTIVE or not job.flink_job_id:
        raise Conflict(f"job {job_id} is {STATUS_NAMES.get(job.job_status, 'not running')}, not running on Flink")
    return job, job.flink_job_id


@dataclass(frozen=True)
class Stopped:
    """How a stop went: with a savepoint (its path), cancelled as asked (a retained checkpoint, when one was
    kept), or still under way (``operation`` open: Flink is writing the savepoint, or the cancel is being sent,
    and its end is recorded when it comes)."""

    job: Job
    savepoint: Savepoint | None
    note: str | None
    operation: Operation | None = None


@guarded("job.cancel", Role.DEVELOPER, "job", key="job_id")
async def cancel_job(runtime: Runtime, job_id: int, with_savepoint: bool = True) -> Stopped:
    """Stop with a savepoint (``with_savepoint``, the default), or cancel without one when the caller asks for it
    (a retained checkpoint is kept). A stop that cannot write its savepoint is refused and the job runs on: it
    never turns into a cancel by itself. Either is an operation followed for ``HLINK_OPERATION_WAIT`` seconds
    here, and to its end by the reconciler; a second one of the same kind while one is under way joins it."""
    job, _ = await _active(job_id)
    kind = operations.Kind.STOP if with_savepoint else operations.Kind.CANCEL
    # a cancel under way is joined by either; a stop under way by a stop (a cancel asked then overrides it)
    operation = await operations.open_stop(job, operations.Kind.CANCEL)
    if operation is None and with_savepoint:
        operation = await operations.open_stop(job)
    operation = operation or await operations.begin(runtime, job, kind)
    operation = await operations.follow(runtime, operation, runtime.operation_wait)
    job = await get_job(job_id)
    note: str | None
    runs_on = job.job_status in ACTIVE and job.flink_job_id == operation.flink_job_id
    if operation.kind == operations.Kind.STOP and operation.status == operations.Status.FAILED and runs_on:
        raise Refused(
            f"the stop with a savepoint of job {job_id} failed: {operation.failure}; the job runs on "
            f"(operation {operation.id}); to end it without a savepoint, cancel with withSavepoint false"
        )
    if operation.status == operations.Status.CANCELLING:
        note = (
            f"stopping: the job is being cancelled without a savepoint (operation {operation.id}), and reads "
            "cancelled once Flink has done it"
        )
        return Stopped(job, None, note, operation)
    if operation.status in operations.OPEN:
        note = (
            f"stopping: Flink is still writing the savepoint (operation {operation.id}); the job reads cancelled "
            "once it has ended"
        )
        return Stopped(job, None, note, operation)
    savepoint = await _savepoint_of(operation)
    if savepoint is None:  # the stop wrote none: cancelled (a retained checkpoint may have been kept)
        savepoint = await Savepoint.filter(
            job_id=job_id, flink_job_id=operation.flink_job_id, kind="checkpoint"
        ).first()
    note = None
    if savepoint is None or savepoint.kind != "stop":
        kept = f"its retained checkpoint {savepoint.path} is kept" if savepoint else "no checkpoint was retained"
        note = operation.failure or f"cancelled without a savepoint, as asked; {kept}"
    return Stopped(job, savepoint, note, operation)


async def _savepoint_of(operation: Operation) -> Savepoint | None:
    return await Savepoint.get_or_none(id=operation.savepoint_id) if operation.savepoint_id else None


@guarded("job.restart", Role.DEVELOPER, "job", key="job_id")
async def restart_job(
    runtime: Runtime, job_id: int, restore_from: RestoreFrom = RestoreFrom.LATEST, savepoint_id: int | None = None
) -> JobRun:
    """Stop the job with a savepoint (a stop that fails refuses the restart, and the job runs on), then run it
    from the restore point it names (services/jobs/restore.py): LATEST, the default, is the stop's savepoint; a
    savepoint of the job's; or none. A restore point that cannot be had, or an edited version that cannot use the
    running version's state (its upgrade verdict INCOMPATIBLE), is refused before anything stops. A
    running job's restart is an operation (services/jobs/restarts.py) followed here for
    ``HLINK_OPERATION_WAIT`` seconds and to its end by the reconciler: one still under way then is answered
    :class:`restarts.RestartUnderWay`."""
    job = await get_job(job_id)
    await _not_upgrading(job_id)
    if job.job_status not in ACTIVE or restore_from is not RestoreFrom.LATEST:
        await decide(job, restore_from, savepoint_id)  # LATEST of an active job: the stop is still to write it
    if job.job_status not in ACTIVE:
        return await run_job(runtime, job_id, restore_from, savepoint_id)
    if not job.flink_job_id:
        raise Conflict(f"job {job_id} is submitting; restart it once it runs")
    if restore_from is not RestoreFrom.NONE:
        await _judged(job_id)  # before anything stops: state the new version cannot use refuses the restart
    restart = await restarts.begin(job, restore_from, savepoint_id)
    restart = await operations.follow(runtime, restart, runtime.operation_wait)
    if restart.status == operations.Status.FAILED:
        raise Refused(f"the restart of job {job_id} failed: {restart.failure}")
    if restart.status in operations.OPEN:
        raise restarts.RestartUnderWay(
            f"job {job_id} is still stopping; its restart goes on (operation {restart.id}) and runs it once the "
            "stop has ended",
            restart,
        )
    newest = await JobRun.filter(job_id=job_id).order_by("-id").first()
    assert newest is not None  # the restart completed: it ran the job
    return newest


async def _not_upgrading(job_id: int) -> None:
    """A run or restart asked while an upgrade of the job is under way would race its steps: refused."""
    upgrade = await JobUpgrade.get_or_none(open_job_id=job_id)
    if upgrade is not None:
        raise Conflict(
            f"job {job_id} is being upgraded to version {upgrade.to_version} (upgrade {upgrade.id}, "
            f"{upgrade.status}); run or restart it once the upgrade has ended"
        )


async def _judged(job_id: int) -> None:
    """Refuse restarting a running job into an edited version whose verdict (services/jobs/preview.py) is
    INCOMPATIBLE: Flink would refuse the state, or worse, read it under another meaning. PARTIAL and UNKNOWN go
    on as the original's restart did; a job without versions has nothing to judge."""
    try:
        judged = await upgrade_preview(job_id)
    except ValidationFailed:
        return
    if judged.verdict is Verdict.INCOMPATIBLE:
        reasons = "; ".join(judged.reasons) or "its stateful operators changed"
        raise Refused(
            f"job {job_id} was not restarted: version {judged.to_version} cannot use the state of version "
            f"{judged.from_version} it runs (verdict INCOMPATIBLE: {reasons}); the job runs on. Restart with "
            "restoreFrom none to start it fresh, or edit it back"
        )


@guarded("job.savepoint", Role.DEVELOPER, "job", key="job_id")
async def trigger_savepoint(runtime: Runtime, job_id: int) -> Operation:
    """Write a savepoint of a running job and keep it (earlier ones are kept too, up to the retention). Answers
    the operation: completed with its savepoint, or still under way after ``HLINK_OPERATION_WAIT`` seconds (the
    reconciler records its end)."""
    job, _ = await _active(job_id)
    operation = await operations.begin(runtime, job, operations.Kind.SAVEPOINT)
    operation = await operations.follow(runtime, operation, runtime.operation_wait)
    if operation.status == operations.Status.FAILED:
        raise Refused(f"the savepoint of job {job_id} failed: {operation.failure}")
    return operation
