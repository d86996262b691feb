"""A batch of lifecycle actions as rows of its own, driven to its end whatever happens to the request.

The batch and one item per job are written before any job is touched. Workers take items one at a time by a
compare-and-set on the item's ``attempt`` (so two never hold one), run the single action as the caller would have
(its role check and audit included), and write the outcome: DONE, or FAILED with the failure as that action
answered it. The request works the batch a few jobs at once for ``HLINK_BATCH_WAIT`` seconds and answers
what is done; the rest goes on in a side task of this process, and the reconciler of every replica finishes
what a process left behind (an item still PENDING a while after the batch began, or WORKING past its lease),
acting as the user who asked, with no more than the role they had then and have now.

An item taken again after its worker died may find its action half done (a run claimed, a stop begun): each
single action is an operation of its own that the reconciler follows, so running it again answers what it finds
(a conflict saying the job runs, say), never a second Flink job.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from tortoise.expressions import F, Q
from tortoise.transactions import in_transaction

from hlink.models import JobBatch, JobBatchItem, User
from hlink.runtime import Runtime
from hlink.services.access.audit import record
from hlink.services.access.roles import require
from hlink.services.actor import Actor, Role, acting_as, stamp_new
from hlink.services.errors import DomainError, Forbidden, Unauthorized, ValidationFailed, describe, revive
from hlink.services.jobs.states import now

log = logging.getLogger("hlink.batches")
#: the most jobs one batch may name
MAX_BATCH = 100
#: jobs one worker set takes on at once (each action is a few Flink calls; more would crowd the cluster)
WORKERS = 4
#: how long a worker holds an item before another may take it: longer than any single action takes (a
#: submission's timeouts and the operation wait included)
LEASE = timedelta(minutes=15)
#: a PENDING item of a batch this old is taken by any replica (the process that began it may be gone)
PICK_UP_AFTER = timedelta(seconds=60)
#: the longest one side task works on batches
BOUND = 3600.0


class Action(StrEnum):
    """What a batch does to each of its jobs."""

    RUN = "run"
    STOP = "stop"  # with a savepoint
    CANCEL = "cancel"  # without one
    RESTART = "restart"


class Status(StrEnum):
    """An item's state: PENDING -> WORKING -> DONE | FAILED (WORKING again when its lease ran out)."""

    PENDING = "PENDING"
    WORKING = "WORKING"
    DONE = "DONE"
    FAILED = "FAILED"


OPEN, DONE = "OPEN", "DONE"


@dataclass(frozen=True)
class Outcome:
    """One job's result in a batch: done, failed with the action's error, or still under way (``done`` false)."""

    job_id: int
    error: DomainError | None = None
    done: bool = True


@dataclass(frozen=True)
class Report:
    """A batch as it stands: its row and each job's outcome, in the order the caller named them."""

    batch: JobBatch
    outcomes: list[Outcome]

    @property
    def under_way(self) -> int:
        return sum(not o.done for o in self.outcomes)


def _action(runtime: Runtime, action: Action) -> Callable[[int], Awaitable[object]]:
    # lifecycle's actions drive the reconciler, which finishes batches: imported late
    from hlink.services.jobs import lifecycle

    if action is Action.RUN:
        return lambda job_id: lifecycle.run_job(runtime, job_id)
    if action is Action.RESTART:
        return lambda job_id: lifecycle.restart_job(runtime, job_id)
    with_savepoint = action is Action.STOP
    return lambda job_id: lifecycle.cancel_job(runtime, job_id, with_savepoint)


async def begin(action: Action, job_ids: list[int]) -> JobBatch:
    """Write the batch and its items (one per distinct job, in order); nothing is done to a job yet."""
    wanted = list(dict.fromkeys(job_ids))
    if not wanted:
        raise ValidationFailed({"jobIds": "name at least one job"})
    if len(wanted) > MAX_BATCH:
        raise ValidationFailed({"jobIds": f"name at most {MAX_BATCH} jobs in one batch, got {len(wanted)}"})
    try:
        actor = require(Role.DEVELOPER)  # fail closed: a batch is a change, whatever its jobs' own checks say
    except (Unauthorized, Forbidden) as error:
        await record(f"job.batch.{action.value}", "denied", "batch", None, error.message)
        raise
    async with in_transaction():
        batch = await JobBatch.create(
            action=action.value, status=OPEN, actor_role=int(actor.role), actor_user_id=actor.user_id, **stamp_new()
        )
        await JobBatchItem.bulk_create(
            [
                JobBatchItem(batch_id=batch.id, job_id=job_id, position=i, status=Status.PENDING.value, **stamp_new())
                for i, job_id in enumerate(wanted)
            ]
        )
    await record(f"job.batch.{action.value}", "ok", "batch", batch.id, f"{len(wanted)} job(s)")
    return batch


async def run_batch(runtime: Runtime, action: Action, job_ids: list[int]) -> Report:
    """Begin a batch and work it for up to ``runtime.batch_wait`` seconds; what is not done by then goes on
    in a side task (and, should this process die, on whichever replica looks next)."""
    batch = await begin(action, job_ids)
    key = ("batch", batch.id)
    runtime.side.spawn(key, lambda: work(runtime, batch), BOUND)  # the task keeps the caller's actor (context)
    await runtime.side.wait(key, runtime.batch_wait)
    return await report(batch.id)


async def work(runtime: Runtime, batch: JobBatch, stale_only: bool = False) -> None:
    """Take the batch's items until none is left to take, ``WORKERS`` at once, then close it if all are done."""
    act = _action(runtime, Action(batch.action))

    async def worker() -> None:
        while (item := await _take(batch.id, stale_only)) is not None:
            await _do(item, act)

    await asyncio.gather(*(worker() for _ in range(WORKERS)))
    await _close_if_done(batch.id)


async def _take(batch_id: int, stale_only: bool) -> JobBatchItem | None:
    """The next item this worker may hold (a compare-and-set on its attempt): PENDING ones (only those of an
    old batch when ``stale_only``), or WORKING ones whose worker's lease ran out."""
    while True:
        at = now()
        free = Q(status=Status.WORKING.value, lease_until__lt=at)
        if not stale_only or await JobBatch.exists(id=batch_id, create_time__lt=at - PICK_UP_AFTER):
            free |= Q(status=Status.PENDING.value)
        item = await JobBatchItem.filter(Q(batch_id=batch_id) & free).order_by("position").first()
        if item is None:
            return None
        taken = await JobBatchItem.filter(id=item.id, attempt=item.attempt, status=item.status).update(
            status=Status.WORKING.value, attempt=F("attempt") + 1, lease_until=at + LEASE
        )
        if taken:
            item.attempt += 1
            return item


async def _do(item: JobBatchItem, act: Callable[[int], Awaitable[object]]) -> None:
    values: dict[str, object]
    try:
        await act(item.job_id)
        values = {"status": Status.DONE.value}
    except DomainError as error:
        kind, message, detail = describe(error)
        values = {"status": Status.FAILED.value, "error_kind": kind, "error_message": message, "error_detail": detail}
    except Exception as error:  # a bug: the item fails with its type, never its text (it may hold secrets)
        log.exception("batch %s, job %s: the action failed unexpectedly", item.batch_id, item.job_id)
        values = {
            "status": Status.FAILED.value,
            "error_kind": "Conflict",
            "error_message": f"the action failed unexpectedly ({type(error).__name__}); look at the job again",
        }
    # written only by the worker still holding it (another may have taken it after the lease)
    await JobBatchItem.filter(id=item.id, attempt=item.attempt, status=Status.WORKING.value).update(
        **values, finish_time=now(), lease_until=None
    )


async def _close_if_done(batch_id: int) -> None:
    left = await JobBatchItem.filter(
        batch_id=batch_id, status__in=[Status.PENDING.value, Status.WORKING.value]
    ).exists()
    if not left:
        await JobBatch.filter(id=batch_id, status=OPEN).update(status=DONE, finish_time=now())


async def report(batch_id: int) -> Report:
    """The batch and each job's outcome as stored."""
    batch = await JobBatch.get(id=batch_id)
    outcomes: list[Outcome] = []
    for item in await JobBatchItem.filter(batch_id=batch_id).order_by("position"):
        if item.status == Status.FAILED.value:
            detail = item.error_detail if isinstance(item.error_detail, dict) else None
            error = revive(item.error_kind or "Conflict", item.error_message or "failed", detail)
            outcomes.append(Outcome(item.job_id, error))
        else:
            outcomes.append(Outcome(item.job_id, done=item.status == Status.DONE.value))
    return Report(batch, outcomes)


async def read(batch_id: int) -> Report | None:
    """A batch as it stands, for anyone who may read jobs; ``None`` when there is none of that id."""
    require(Role.VIEWER)
    if not await JobBatch.exists(id=batch_id):
        return None
    return await report(batch_id)


async def _asker(batch: JobBatch) -> Actor | None:
    """Who a later replica acts as: the user who asked, with the lesser of their role then and now; ``None``
    when that user is gone or disabled (the batch's items then fail, fail closed)."""
    if batch.actor_user_id is None:
        return Actor(batch.create_by or "system", Role(batch.actor_role))
    user = await User.get_or_none(id=batch.actor_user_id)
    if user is None or user.disabled:
        return None
    return Actor(user.name, min(Role(batch.actor_role), Role.named(user.role)), user.id)


async def finish_left(runtime: Runtime) -> None:
    """The reconciler's part: every open batch with an item a process left behind is worked on here."""
    for batch in await JobBatch.filter(status=OPEN).order_by("id"):
        actor = await _asker(batch)
        if actor is None:
            await _fail_left(batch, "the user who asked for this batch is gone or disabled")
            continue
        with acting_as(actor):  # the items act as the asker, never as the system the cycle acts as
            await work(runtime, batch, stale_only=True)


async def _fail_left(batch: JobBatch, why: str) -> None:
    left = Q(status=Status.PENDING.value) | Q(status=Status.WORKING.value, lease_until__lt=now())
    await JobBatchItem.filter(Q(batch_id=batch.id) & left).update(
        status=Status.FAILED.value, error_kind="Forbidden", error_message=why, finish_time=now()
    )
    await _close_if_done(batch.id)


def finish_left_later(runtime: Runtime) -> None:
    """Start :func:`finish_left` in a side task unless it still runs (each reconcile cycle asks)."""
    runtime.side.spawn("batches", lambda: finish_left(runtime), BOUND)
