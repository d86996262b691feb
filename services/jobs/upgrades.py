"""Upgrades and rollbacks (issue 20): a running job moved to another version as a state machine of its own.

An upgrade is judged before anything stops (services/jobs/preview.py): refused when the verdict is INCOMPATIBLE
(unless the new version starts fresh, ``restoreFrom: none``), or PARTIAL or UNKNOWN without
``allowDroppingState``. Otherwise it is a row (t_job_upgrade) that moves through its states, each written before
the call to Flink it leads to, so a crash or another replica resumes it from what is stored:

    PENDING ─→ STOPPING ─→ SUBMITTING ─→ OBSERVING ─→ STABLE
       │           │            │             │
       │           └→ FAILED    └──→ ROLLING_BACK ─→ ROLLED_BACK
       └→ SUBMITTING (the job ran nothing)           └→ FAILED

- STOPPING: the running Flink job is stopped with a savepoint (an operation, services/jobs/operations.py); a
  stop that fails ends the upgrade FAILED and the job runs on the version it ran.
- SUBMITTING: the new version runs from that savepoint (``NO_CLAIM``: the savepoint stays usable for a
  rollback), a claim like any run (a compare-and-set), so two followers never run it twice.
- OBSERVING: STABLE once the new Flink job is RUNNING, has completed a checkpoint since its restore (when the
  version checkpoints) and has not failed or restarted for ``stableSeconds``; it is rolled back when it fails,
  restarts, is refused, or is not stable within :data:`OBSERVE_LIMIT` after ``stableSeconds``.
- ROLLING_BACK: the new Flink job is cancelled (when it still runs) and the version it replaced runs again from
  the upgrade's savepoint; ROLLED_BACK once Flink took it, the reason kept.

The request follows an upgrade for ``HLINK_OPERATION_WAIT`` seconds and the reconciler of the job's cluster
follows it on (on whichever replica holds the cluster). ``open_job_id`` is unique: one upgrade at a time per
job, across replicas. A rollback (``rollbackJob``) is the same machine run towards an older version.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from enum import StrEnum
from typing import Any, Final

from tortoise.exceptions import IntegrityError

from hlink.flink.errors import FlinkError
from hlink.masking import mask_text
from hlink.models import Job, JobRun, JobUpgrade, JobVersion, Operation, Savepoint
from hlink.models.status import ACTIVE, IDLE, SUBMITTING
from hlink.runtime import Runtime
from hlink.services.access.audit import guarded
from hlink.services.actor import Role, stamp_new
from hlink.services.errors import Conflict, DomainError, Refused, Unavailable, ValidationFailed
from hlink.services.jobs import operations
from hlink.services.jobs.definitions import get_job
from hlink.services.jobs.lifecycle import Unconfirmed, run_job
from hlink.services.jobs.preview import upgrade_preview
from hlink.services.jobs.restore import RestoreFrom, decide
from hlink.services.jobs.states import event_of, now
from hlink.services.jobs.submission import cluster_of
from hlink.services.jobs.verdict import Verdict

log = logging.getLogger("hlink.upgrades")


class Kind(StrEnum):
    UPGRADE = "upgrade"
    ROLLBACK = "rollback"


class Status(StrEnum):
    """Where an upgrade is."""

    PENDING = "PENDING"  # written, judged; nothing stopped yet
    STOPPING = "STOPPING"  # the running Flink job is being stopped with a savepoint
    SUBMITTING = "SUBMITTING"  # the new version is being run from the upgrade's savepoint
    OBSERVING = "OBSERVING"  # the new version runs: stable, or rolled back
    STABLE = "STABLE"  # the new version runs, checkpointed, without a restart for stableSeconds
    ROLLING_BACK = "ROLLING_BACK"  # the new version failed: the version it replaced runs again
    ROLLED_BACK = "ROLLED_BACK"  # the version it replaced runs again from the upgrade's savepoint
    FAILED = "FAILED"  # ended without moving the job (its stop failed, the job changed meanwhile)


#: status: the statuses it may move to
TRANSITIONS: Final[dict[Status, frozenset[Status]]] = {
    Status.PENDING: frozenset({Status.STOPPING, Status.SUBMITTING, Status.FAILED}),
    Status.STOPPING: frozenset({Status.SUBMITTING, Status.FAILED}),
    Status.SUBMITTING: frozenset({Status.OBSERVING, Status.ROLLING_BACK, Status.FAILED}),
    Status.OBSERVING: frozenset({Status.STABLE, Status.ROLLING_BACK, Status.FAILED}),
    Status.ROLLING_BACK: frozenset({Status.ROLLED_BACK, Status.FAILED}),
}
OPEN: Final = frozenset(TRANSITIONS)
#: how long after ``stableSeconds`` a new version may take to be stable before it is rolled back
OBSERVE_LIMIT = timedelta(minutes=10)
#: a step waiting this long on a cluster that does not answer ends the upgrade (rolled back once it stopped)
GIVE_UP_AFTER = timedelta(minutes=30)
MAX_STABLE_SECONDS = 3600
#: how often a request looks at its upgrade at most (a look is a few Flink GETs: the stop, the job, its checkpoints)
POLL_CAP = 0.1
#: Flink states of a job that failed or is restarting: the new version did not hold
_TROUBLE = frozenset({"FAILING", "FAILED", "RESTARTING"})


@guarded("job.upgrade", Role.DEVELOPER, "job", key="job_id")
async def upgrade_job(
    runtime: Runtime,
    job_id: int,
    to_version: int | None = None,
    restore_from: RestoreFrom = RestoreFrom.LATEST,
    savepoint_id: int | None = None,
    allow_dropping_state: bool = False,
    stable_seconds: int = 30,
) -> JobUpgrade:
    """Judge, then move the job to ``to_version`` (the newest by default) through the upgrade's states; answers
    the upgrade as it stands after ``HLINK_OPERATION_WAIT`` seconds (the reconciler follows it on)."""
    return await _start(
        runtime, Kind.UPGRADE, job_id, to_version, restore_from, savepoint_id, allow_dropping_state, stable_seconds
    )


@guarded("job.rollback", Role.DEVELOPER, "job", key="job_id")
async def rollback_job(
    runtime: Runtime, job_id: int, to_version: int | None = None, stable_seconds: int = 30
) -> JobUpgrade:
    """Run an older version (by default the one before the version the job runs) from the job's latest state,
    through the same machine and the same judgement."""
    if to_version is None:
        judged = await upgrade_preview(job_id)
        running = judged.from_version
        older = (
            await JobVersion.filter(job_id=job_id, number__lt=running).order_by("-number").first() if running else None
        )
        if older is None:
            raise ValidationFailed({"toVersion": f"job {job_id} runs no version with an older one to roll back to"})
        to_version = older.number
    return await _start(runtime, Kind.ROLLBACK, job_id, to_version, RestoreFrom.LATEST, None, False, stable_seconds)


async def _start(
    runtime: Runtime,
    kind: Kind,
    job_id: int,
    to_version: int | None,
    restore_from: RestoreFrom,
    savepoint_id: int | None,
    allow_dropping_state: bool,
    stable_seconds: int,
) -> JobUpgrade:
    if not 0 <= stable_seconds <= MAX_STABLE_SECONDS:
        raise ValidationFailed({"stableSeconds": f"must be between 0 and {MAX_STABLE_SECONDS}; got {stable_seconds}"})
    job = await get_job(job_id)
    if job.job_status == SUBMITTING:
        raise Conflict(f"job {job_id} is submitting; upgrade it once it runs")
    judged = await upgrade_preview(job_id, to_version)
    active = job.job_status in ACTIVE and job.flink_job_id is not None
    if active and judged.from_version == judged.to_version:
        raise ValidationFailed({"toVersion": f"job {job_id} runs version {judged.to_version} already"})
    reasons = "; ".join(judged.reasons)
    fresh = restore_from is RestoreFrom.NONE
    if judged.verdict is Verdict.INCOMPATIBLE and not fresh:
        raise Refused(
            f"job {job_id} was not upgraded: version {judged.to_version} cannot use the state of version "
            f"{judged.from_version} (verdict INCOMPATIBLE: {reasons}); nothing was stopped. Upgrade with "
            "restoreFrom none to start it fresh"
        )
    if judged.verdict in (Verdict.PARTIAL, Verdict.UNKNOWN) and not (allow_dropping_state or fresh):
        raise Refused(
            f"job {job_id} was not upgraded: the verdict on version {judged.to_version} is {judged.verdict.value} "
            f"({reasons}); nothing was stopped. Ask again with allowDroppingState true to accept it"
        )
    if await operations.open_stop(job) or await operations.open_stop(job, operations.Kind.CANCEL):
        raise Conflict(f"job {job_id} is being stopped; upgrade it once the stop has ended")
    if await Operation.filter(job_id=job_id, kind=operations.Kind.RESTART.value, status__in=list(operations.OPEN)):
        raise Conflict(f"job {job_id} is being restarted; upgrade it once the restart has ended")
    if not active:
        await decide(job, restore_from, savepoint_id)  # a restore point that cannot be had is refused now
    cluster = await cluster_of(job)
    try:
        upgrade = await JobUpgrade.create(
            job_id=job_id,
            kind=kind.value,
            status=Status.PENDING.value,
            open_job_id=job_id,
            cluster_id=cluster.id,
            from_version=judged.from_version,
            to_version=judged.to_version,
            verdict=judged.verdict.value,
            verdict_reasons="\n".join(judged.reasons),
            restore_from=restore_from.value,
            restore_savepoint_id=savepoint_id,
            allow_dropping_state=allow_dropping_state,
            stable_seconds=stable_seconds,
            from_flink_job_id=job.flink_job_id if active else None,
            step_time=now(),
            **stamp_new(),
        )
    except IntegrityError:
        under_way = await JobUpgrade.get_or_none(open_job_id=job_id)
        which = f" (upgrade {under_way.id}, {under_way.status})" if under_way else ""
        raise Conflict(f"job {job_id} is being upgraded{which}; one upgrade at a time") from None
    _announce(runtime, job, upgrade)
    return await follow(runtime, upgrade, runtime.operation_wait)


async def open_upgrade(job_id: int) -> JobUpgrade | None:
    """The job's upgrade under way, if any (a run or restart asked meanwhile is refused)."""
    return await JobUpgrade.get_or_none(open_job_id=job_id)


async def follow(runtime: Runtime, upgrade: JobUpgrade, within: float) -> JobUpgrade:
    """Look at an open upgrade until it ends or ``within`` seconds have passed; answers it as it now is."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    delay = 0.05
    while upgrade.status in OPEN:
        if await advance(runtime, upgrade):
            break
        if loop.time() + delay > deadline:
            break
        await asyncio.sleep(delay)
        delay = min(delay * 2, POLL_CAP)
        upgrade = await JobUpgrade.get(id=upgrade.id)
    return await JobUpgrade.get(id=upgrade.id)


async def advance(runtime: Runtime, upgrade: JobUpgrade) -> bool:
    """Take the upgrade's next steps from what is stored; ``True`` once it has ended (here or elsewhere)."""
    for _ in range(len(Status)):  # each move may lead straight to the next step
        job = await Job.get_or_none(id=upgrade.job_id)
        if job is None:
            return await _move(runtime, None, upgrade, Status.FAILED, reason="the job was deleted")
        step = _STEPS.get(Status(upgrade.status))
        if step is None:
            return True
        moved = await step(runtime, job, upgrade)
        if moved is not None:
            return moved
        fresh = await JobUpgrade.get_or_none(id=upgrade.id)
        if fresh is None:
            return True
        upgrade = fresh
    return False


async def _pending(runtime: Runtime, job: Job, upgrade: JobUpgrade) -> bool | None:
    if upgrade.from_flink_job_id is None:
        if job.job_status in IDLE:
            return await _next(runtime, job, upgrade, Status.SUBMITTING)
        return await _move(runtime, job, upgrade, Status.FAILED, reason="the job was run before its upgrade began")
    if job.job_status in ACTIVE and job.flink_job_id == upgrade.from_flink_job_id:
        return await _next(runtime, job, upgrade, Status.STOPPING)
    why = f"the job changed before its upgrade began (it no longer runs Flink job {upgrade.from_flink_job_id})"
    return await _move(runtime, job, upgrade, Status.FAILED, reason=why)


async def _stopping(runtime: Runtime, job: Job, upgrade: JobUpgrade) -> bool | None:
    jid = upgrade.from_flink_job_id or ""
    if job.job_status in ACTIVE and job.flink_job_id == jid:
        stop = (
            await Operation.filter(
                job_id=job.id, flink_job_id=jid, kind=operations.Kind.STOP.value, create_time__gte=upgrade.create_time
            )
            .order_by("-id")
            .first()
        )
        if stop is not None and stop.status in operations.OPEN:
            await operations.step(runtime, stop)
        elif stop is not None and stop.status == operations.Status.FAILED:
            why = f"the stop with a savepoint failed: {stop.failure}; the job runs on version {upgrade.from_version}"
            return await _move(runtime, job, upgrade, Status.FAILED, reason=why)
        else:
            try:
                await operations.begin(runtime, job, operations.Kind.STOP)
            except Unavailable as error:
                log.info("upgrade %s: its stop is not sent yet: %s", upgrade.id, error.message)
        return await _waited(runtime, job, upgrade)
    savepoint = (
        await Savepoint.filter(job_id=job.id, flink_job_id=jid, kind="stop", create_time__gte=upgrade.create_time)
        .order_by("-id")
        .first()
    )
    if savepoint is None:
        why = "the job ended without the upgrade's savepoint (it failed or was stopped meanwhile); nothing was run"
        return await _move(runtime, job, upgrade, Status.FAILED, reason=why)
    return await _next(runtime, job, upgrade, Status.SUBMITTING, savepoint_id=savepoint.id)


async def _submitting(runtime: Runtime, job: Job, upgrade: JobUpgrade) -> bool | None:
    run = await _run_since(job, upgrade)
    if run is None:
        if job.job_status not in IDLE:
            why = "the job was run by someone else during its upgrade"
            return await _move(runtime, job, upgrade, Status.FAILED, reason=why)
        mode, chosen = _forward(upgrade)
        try:
            await run_job(
                runtime,
                job.id,
                mode,
                chosen,
                version=upgrade.to_version,
                allow_dropping_state=upgrade.allow_dropping_state,
            )
        except (Unconfirmed, Conflict):
            return False  # Flink may run it, or another follower claimed the run: the next look sees which
        except Unavailable as error:
            log.info("upgrade %s: version %s not run yet: %s", upgrade.id, upgrade.to_version, error.message)
            return await _waited(runtime, job, upgrade)
        except DomainError as error:
            why = f"version {upgrade.to_version} could not run: {error.message}"
            return await _next(runtime, job, upgrade, Status.ROLLING_BACK, reason=why)
        return None
    if run.flink_job_id is None:
        if run.end_time is None:
            return False  # in flight, or its answer was lost: settled by its chosen id
        why = f"version {upgrade.to_version} could not run: {run.failure or 'Flink did not take it'}"
        return await _next(runtime, job, upgrade, Status.ROLLING_BACK, reason=why)
    return await _next(runtime, job, upgrade, Status.OBSERVING, flink_job_id=run.flink_job_id)


def _forward(upgrade: JobUpgrade) -> tuple[RestoreFrom, int | None]:
    """The restore point of the new version's run: the upgrade's savepoint, fresh state when asked, or (the job
    ran nothing) the restore point asked."""
    if upgrade.restore_from == RestoreFrom.NONE.value:
        return RestoreFrom.NONE, None
    if upgrade.savepoint_id is not None:
        return RestoreFrom.SAVEPOINT, upgrade.savepoint_id
    return RestoreFrom(upgrade.restore_from), upgrade.restore_savepoint_id


async def _observing(runtime: Runtime, job: Job, upgrade: JobUpgrade) -> bool | None:
    jid = upgrade.flink_job_id or ""
    if job.flink_job_id != jid or job.job_status not in ACTIVE:
        run = await JobRun.filter(job_id=job.id, flink_job_id=jid).order_by("-id").first()
        if job.flink_job_id == jid and run is not None and run.final_state == "FAILED":
            why = f"version {upgrade.to_version} failed: {run.failure or 'Flink gave no reason'}"
            return await _next(runtime, job, upgrade, Status.ROLLING_BACK, reason=why)
        why = "the job was stopped or run again while its upgrade was observed"
        return await _move(runtime, job, upgrade, Status.FAILED, reason=why)
    client = runtime.flink.client((await cluster_of(job)).endpoint)
    try:
        seen = await client.job(jid)
        history = ((await client.exceptions(jid)).get("exceptionHistory") or {}).get("entries") or []
        counts = (await client.checkpoints(jid)).get("counts") or {}
    except FlinkError as error:
        log.info("upgrade %s: Flink job %s not looked at: %s", upgrade.id, jid, error.message)
        return await _waited(runtime, job, upgrade)
    state = str(seen.get("state") or "")
    if history or state in _TROUBLE:
        cause = _cause(history) or f"Flink job {jid} is {state}"
        why = f"version {upgrade.to_version} failed after it started: {cause}"
        return await _next(runtime, job, upgrade, Status.ROLLING_BACK, reason=why)
    running = state == "RUNNING" and all(v.get("status") == "RUNNING" for v in seen.get("vertices") or [])
    if running and upgrade.running_since is None:
        upgrade.running_since = now()
        await JobUpgrade.filter(id=upgrade.id, status=upgrade.status).update(running_since=upgrade.running_since)
    if running and upgrade.running_since is not None:
        version = await JobVersion.get_or_none(job_id=job.id, number=upgrade.to_version)
        checkpoints = bool(version and "execution.checkpointing.interval" in version.settings)
        checkpointed = not checkpoints or int(counts.get("completed") or 0) >= 1
        if checkpointed and now() - upgrade.running_since >= timedelta(seconds=upgrade.stable_seconds):
            return await _move(runtime, job, upgrade, Status.STABLE)
    if now() - upgrade.step_time > timedelta(seconds=upgrade.stable_seconds) + OBSERVE_LIMIT:
        why = f"version {upgrade.to_version} was not stable within {upgrade.stable_seconds} s + {OBSERVE_LIMIT}"
        return await _next(runtime, job, upgrade, Status.ROLLING_BACK, reason=why)
    return False


def _cause(history: list[dict[str, Any]]) -> str | None:
    """The first line of the newest failure in Flink's exception history (secrets masked)."""
    newest = max(history, key=lambda e: int(e.get("timestamp") or 0))
    text = str(newest.get("exceptionName") or "") + ": " + str(newest.get("stacktrace") or "").split("\n", 1)[0]
    return mask_text(text.strip(": ")) or None


async def _rolling_back(runtime: Runtime, job: Job, upgrade: JobUpgrade) -> bool | None:
    new = upgrade.flink_job_id
    if new and job.job_status in ACTIVE and job.flink_job_id == new:
        # the new version still runs (or restarts): cancelled, its state is what is in doubt
        cancel = await operations.open_stop(job, operations.Kind.CANCEL)
        try:
            cancel = cancel or await operations.begin(runtime, job, operations.Kind.CANCEL)
            await operations.step(runtime, cancel)
        except DomainError as error:
            log.info("upgrade %s: Flink job %s not cancelled yet: %s", upgrade.id, new, error.message)
        return await _waited(runtime, job, upgrade)
    run = await _run_since(job, upgrade)
    if run is not None and run.flink_job_id is not None:
        return await _move(runtime, job, upgrade, Status.ROLLED_BACK, rollback_flink_job_id=run.flink_job_id)
    if job.job_status == SUBMITTING or (run is not None and run.end_time is None):
        return False
    if run is not None:
        why = f"{upgrade.reason}; the rollback to version {upgrade.from_version} could not run: {run.failure}"
        return await _move(runtime, job, upgrade, Status.FAILED, reason=why)
    if job.job_status not in IDLE:
        why = f"{upgrade.reason}; the job was run by someone else during its rollback"
        return await _move(runtime, job, upgrade, Status.FAILED, reason=why)
    if upgrade.from_flink_job_id is None or upgrade.from_version is None:
        # it ran nothing before the upgrade: rolled back is stopped, as it was
        return await _move(runtime, job, upgrade, Status.ROLLED_BACK)
    try:
        await run_job(
            runtime,
            job.id,
            RestoreFrom.SAVEPOINT if upgrade.savepoint_id else RestoreFrom.LATEST,
            upgrade.savepoint_id,
            version=upgrade.from_version,
        )
    except (Unconfirmed, Conflict):
        return False
    except Unavailable as error:
        log.info("upgrade %s: the rollback not run yet: %s", upgrade.id, error.message)
        return await _waited(runtime, job, upgrade)
    except DomainError as error:
        why = f"{upgrade.reason}; the rollback to version {upgrade.from_version} could not run: {error.message}"
        return await _move(runtime, job, upgrade, Status.FAILED, reason=why)
    return None


async def _run_since(job: Job, upgrade: JobUpgrade) -> JobRun | None:
    """The job's newest run claimed since the upgrade's current status was written (its step's run)."""
    return await JobRun.filter(job_id=job.id, create_time__gte=upgrade.step_time).order_by("-id").first()


async def _waited(runtime: Runtime, job: Job, upgrade: JobUpgrade) -> bool | None:
    """A step that waits on a silent cluster gives up after :data:`GIVE_UP_AFTER`."""
    if now() - upgrade.step_time <= GIVE_UP_AFTER:
        return False
    why = f"its cluster did not answer for {GIVE_UP_AFTER} while it was {upgrade.status}"
    if upgrade.status in (Status.PENDING, Status.STOPPING, Status.ROLLING_BACK):
        return await _move(runtime, job, upgrade, Status.FAILED, reason=why)
    return await _next(runtime, job, upgrade, Status.ROLLING_BACK, reason=why)


_STEPS = {
    Status.PENDING: _pending,
    Status.STOPPING: _stopping,
    Status.SUBMITTING: _submitting,
    Status.OBSERVING: _observing,
    Status.ROLLING_BACK: _rolling_back,
}


async def _next(runtime: Runtime, job: Job, upgrade: JobUpgrade, to: Status, **values: Any) -> bool | None:
    """Move to an open status and look again at once; ``False`` when another follower moved it first."""
    return None if await _write(runtime, job, upgrade, to, **values) else False


async def _move(runtime: Runtime, job: Job | None, upgrade: JobUpgrade, to: Status, **values: Any) -> bool:
    """Move to a status (an end, when it is one); ``True`` once it has ended."""
    await _write(runtime, job, upgrade, to, **values)
    return to not in OPEN


async def _write(runtime: Runtime, job: Job | None, upgrade: JobUpgrade, to: Status, **values: Any) -> bool:
    """The one way an upgrade's status is written: a compare-and-set on its status, as the table allows."""
    if to not in TRANSITIONS.get(Status(upgrade.status), frozenset()):
        raise RuntimeError(f"upgrade {upgrade.id}: {upgrade.status} cannot move to {to}")
    values.update(status=to.value, step_time=now())
    if to not in OPEN:
        values.update(open_job_id=None, finish_time=now())
    if "reason" in values:
        values["reason"] = mask_text(str(values["reason"]))
    written = await JobUpgrade.filter(id=upgrade.id, status=upgrade.status).update(**values)
    if not written:
        return False
    log.info(
        "upgrade %s of job %s: %s -> %s %s", upgrade.id, upgrade.job_id, upgrade.status, to, values.get("reason") or ""
    )
    for name, value in values.items():
        setattr(upgrade, name, value)
    if job is not None:
        _announce(runtime, job, upgrade)
    return True


def _announce(runtime: Runtime, job: Job, upgrade: JobUpgrade) -> None:
    message = f"{upgrade.kind} {upgrade.id} to version {upgrade.to_version}: {upgrade.status}"
    if upgrade.reason:
        message += f" ({upgrade.reason})"
    runtime.events.publish(event_of(job, message, upgrade=(upgrade.id, upgrade.status)))


async def follow_cluster(runtime: Runtime, cluster_id: int) -> None:
    """The reconciler's part: one look at every open upgrade of a job on the cluster."""
    for upgrade in await JobUpgrade.filter(cluster_id=cluster_id, status__in=list(OPEN)):
        try:
            await advance(runtime, upgrade)
        except Exception:  # one upgrade's trouble must not stop the others
            log.exception("following upgrade %s failed", upgrade.id)
