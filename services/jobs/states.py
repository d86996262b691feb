"""The job lifecycle as one state machine: its states, the transitions between them in one table, and the one way
a job's status is written, a compare-and-set on the job's revision.

A job's state is its documented code (the API's jobStatus) with Flink's state name beside it (``flinkState``):
Flink's own names, or hlink's while Flink has not said (``SUBMITTING``, ``UNCONFIRMED``, ``UNKNOWN``, ``LOST``,
``DETACHED``).

Every write names its event. The table says from which codes an event may move a job and to which; a write
succeeds only if the job's revision is still the one its writer read, and bumps it. A writer that loses
re-reads and decides again (:func:`settle`), or, like the reconciler, leaves the decision to its next look.
Process memory is never the truth: several replicas may write the same job. What decides an event written from
more than one place (accepted, released, cancelled, detached) sits here, next to the table it obeys.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Final

from hlink.models import Job
from hlink.models.status import (
    ACTIVE,
    ANY,
    CANCELLED,
    DETACHED,
    FAILED,
    IDLE,
    NOT_RUNNING,
    RUNNING,
    STATE_CODES,
    SUBMITTING,
)
from hlink.services.events import Events, JobEvent


class Event(StrEnum):
    """What happened to a job: the name of a transition."""

    CLAIM = "claim"
    ACCEPTED = "accepted"
    REFUSED = "refused"
    UNCONFIRMED = "unconfirmed"
    OBSERVED = "observed"
    UNREACHABLE = "unreachable"
    LOST = "lost"
    RELEASED = "released"
    CANCELLED = "cancelled"
    DETACHED = "detached"


#: event: (the codes it may leave, the codes it may reach)
TRANSITIONS: Final[dict[Event, tuple[frozenset[int], frozenset[int]]]] = {
    # a run request takes an idle job (and forgets the Flink job id of its previous run)
    Event.CLAIM: (IDLE, frozenset({SUBMITTING})),
    # Flink answered the submission with a job id: the code of the state Flink reports
    Event.ACCEPTED: (frozenset({SUBMITTING}), ANY),
    # the submission started no Flink job (refused, never sent): back to the code it had
    Event.REFUSED: (frozenset({SUBMITTING}), IDLE),
    # the submission's answer was lost: it stays submitting until the cluster is asked by pipeline name
    Event.UNCONFIRMED: (frozenset({SUBMITTING}), frozenset({SUBMITTING})),
    # the reconciler saw the job on Flink (or found an unconfirmed submission by its name)
    Event.OBSERVED: (ACTIVE, ANY),
    # the cluster did not answer: state UNKNOWN, code kept
    Event.UNREACHABLE: (ACTIVE, ACTIVE),
    # the cluster answered and no longer knows the job
    Event.LOST: (ACTIVE, frozenset({FAILED})),
    # an unconfirmed submission that Flink did not know within the grace period
    Event.RELEASED: (frozenset({SUBMITTING}), frozenset({NOT_RUNNING})),
    # the user stopped it; the reconciler may have seen the stop end (FINISHED, CANCELED) first
    Event.CANCELLED: (ANY, frozenset({CANCELLED})),
    # an admin let go of a job whose cluster cannot be asked (services/jobs/detach.py)
    Event.DETACHED: (ACTIVE, frozenset({NOT_RUNNING})),
}

_KEEP: Final = object()
log = logging.getLogger("hlink.lifecycle")

#: what decides whether an event is written to the job as it is read now (``None``: nothing, it moved on)
Decide = Callable[[Job], "Change | None"]


def accepted(jid: str, state: str) -> Decide:
    """ACCEPTED: Flink took the submission; its job id and state are recorded, unless the job has moved on
    (another replica's reconciler found it by its pipeline name first, or a later run claimed it)."""

    def decide(job: Job) -> Change | None:
        if job.job_status != SUBMITTING or job.flink_job_id not in (None, jid):
            return None
        return Change(Event.ACCEPTED, code_of(state), state, flink_job_id=jid)

    return decide


def released(to: tuple[int, str | None], event: Event, state: str | None, message: str) -> Decide:
    """REFUSED (the submission started no Flink job: back to ``to``) or UNCONFIRMED (its outcome is unknown: it
    stays submitting, to be looked up by its chosen id): unless a later run claimed the job."""

    def decide(job: Job) -> Change | None:
        if job.job_status != SUBMITTING or job.flink_job_id is not None:
            return None
        if event is Event.UNCONFIRMED:
            return Change(event, SUBMITTING, state, confirmed=False, message=message)
        return Change(event, to[0], to[1], confirmed=False, message=message)

    return decide


def cancelled(jid: str) -> Decide:
    """CANCELLED: a stop of Flink job ``jid`` ended; the reconciler may have written the stop's FINISHED first,
    which is fine, and a job that runs another Flink job by now is left alone."""

    def decide(job: Job) -> Change | None:
        if job.flink_job_id != jid:
            return None
        return Change(Event.CANCELLED, CANCELLED, "CANCELED")

    return decide


def detached(seen: str | None, message: str) -> Decide:
    """DETACHED: an admin lets go of an active job whose cluster cannot be asked, unless it moved on meanwhile
    (another Flink job, or no longer active)."""

    def decide(job: Job) -> Change | None:
        if job.job_status not in ACTIVE or job.flink_job_id != seen:
            return None
        return Change(Event.DETACHED, NOT_RUNNING, DETACHED, confirmed=False, message=message)

    return decide


class IllegalTransition(RuntimeError):
    """A writer asked for a move the table does not allow: a bug in hlink, never the user's doing."""


def code_of(flink_state: str) -> int:
    """The documented code of one of Flink's state names (an unknown name counts as running)."""
    return STATE_CODES.get(flink_state, RUNNING)


def now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Change:
    """One transition to write: the event, the code and state name it leads to, and what comes with it."""

    event: Event
    status: int
    flink_state: str | None
    #: the Flink job id to record; ``None`` forgets it (a claim); left out, it stays
    flink_job_id: object = _KEEP
    #: whether Flink itself said so now (stamps ``status_time``)
    confirmed: bool = True
    message: str | None = None


def allowed(event: Event, before: int, after: int) -> bool:
    """Whether the table lets ``event`` move a job from code ``before`` to code ``after``."""
    sources, targets = TRANSITIONS[event]
    return before in sources and after in targets


async def apply(job: Job, change: Change, events: Events | None) -> bool:
    """Write ``change`` if the job's revision is still ``job.revision`` (one conditional UPDATE) and tell
    subscribers; ``False`` when another writer got there first (``job`` is then left as it was)."""
    if not allowed(change.event, job.job_status, change.status):
        raise IllegalTransition(f"job {job.id}: {change.event} cannot move code {job.job_status} to {change.status}")
    values: dict[str, object] = {"job_status": change.status, "flink_state": change.flink_state}
    if change.flink_job_id is not _KEEP:
        values["flink_job_id"] = change.flink_job_id
    if change.confirmed:
        values["status_time"] = now()
    written = await Job.filter(id=job.id, revision=job.revision).update(**values, revision=job.revision + 1)
    if not written:
        return False
    before = (job.job_status, job.flink_state, job.flink_job_id)
    log.info(
        "job %s: %s, %s %s -> %s %s (Flink job %s)",
        job.id,
        change.event.value,
        job.job_status,
        job.flink_state or "-",
        change.status,
        change.flink_state or "-",
        values.get("flink_job_id", job.flink_job_id) or "-",
    )
    for name, value in values.items():
        setattr(job, name, value)
    job.revision += 1
    if events is not None and (job.job_status, job.flink_state, job.flink_job_id) != before:
        events.publish(event_of(job, change.message))
    return True


def event_of(job: Job, message: str | None = None, upgrade: tuple[int, str] | None = None) -> JobEvent:
    """The status event of ``job`` as it now is, with its revision (and the move of an upgrade of it)."""
    upgrade_id, upgrade_status = upgrade or (None, None)
    return JobEvent(
        job.id,
        job.job_status,
        job.flink_state,
        job.flink_job_id,
        message,
        revision=job.revision,
        upgrade_id=upgrade_id,
        upgrade_status=upgrade_status,
    )


def announce(events: Events, settled: tuple[Job, Change | None] | None) -> None:
    """Tell subscribers what :func:`settle` wrote, once its transaction has committed."""
    if settled is None:
        return
    job, change = settled
    if change is not None:
        events.publish(event_of(job, change.message))


#: how often a writer that lost re-reads and decides again before it gives up (each loss means progress by another)
SETTLE_TRIES = 8


async def settle(job_id: int, decide: Decide, events: Events | None) -> tuple[Job, Change | None] | None:
    """Read the job, ``decide`` what to write (``None``: nothing), write it with :func:`apply`; when another
    writer got there first, read again and decide again. Answers the job and what was written, or ``None``
    when the job is gone or others kept winning."""
    for _ in range(SETTLE_TRIES):
        job = await Job.get_or_none(id=job_id)
        if job is None:
            return None
        change = decide(job)
        if change is None or await apply(job, change, events):
            return job, change
    return None
