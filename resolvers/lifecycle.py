"""GraphQL glue of the job lifecycle: validate, run, cancel, restart, savepoint (single and batch), live status."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Awaitable, Callable

import strawberry

from hlink.models import Job as JobRow
from hlink.models import JobRun as JobRunRow
from hlink.models import Operation as OperationRow
from hlink.models import Savepoint as SavepointRow
from hlink.resolvers.convert import parse_id
from hlink.resolvers.mutations import attempt
from hlink.schema.context import Info
from hlink.schema.errors import to_graphql
from hlink.schema.lifecycle import JobRun, JobStatusEvent, RestoreFrom, Savepoint, SavepointOperation
from hlink.schema.payloads import JobBatch, JobOutcome, JobPayload, RunPayload, SavepointPayload, StopPayload
from hlink.schema.types import Job, from_row
from hlink.services.errors import DomainError
from hlink.services.jobs import batches, detach, lifecycle, restore
from hlink.services.jobs.definitions import get_job
from hlink.services.jobs.states import event_of


async def _job(job_id: int) -> Job:
    return from_row(Job, await get_job(job_id))


async def _run_payload(action: Callable[[], Awaitable[JobRunRow]]) -> RunPayload:
    run, error = await attempt(action)
    if run is None:
        return RunPayload(error=error)
    return RunPayload(run=JobRun.of(run), job=await _job(run.job_id))


async def _batch(info: Info, ids: list[strawberry.ID], action: batches.Action) -> list[JobOutcome]:
    """Each id's outcome (services/jobs/batches.py); an id that is not one is reported like any other failure,
    and a batch refused whole (a viewer's, too many jobs) answers its error for every id."""
    outcomes: list[JobOutcome] = []
    job_ids: list[int] = []
    for key in dict.fromkeys(ids):
        try:
            job_ids.append(parse_id(key, "ids"))
        except DomainError as error:
            outcomes.append(JobOutcome(job_id=key, error=to_graphql(error)))
    if not job_ids:
        return outcomes
    try:
        report = await batches.run_batch(info.context.runtime, action, job_ids)
    except DomainError as error:
        return outcomes + [JobOutcome(job_id=strawberry.ID(str(i)), error=to_graphql(error)) for i in job_ids]
    return outcomes + await outcomes_of(report)


async def outcomes_of(report: batches.Report) -> list[JobOutcome]:
    """A stored batch's outcomes as GraphQL shows them (the job as it is now beside each)."""
    batch_id = strawberry.ID(str(report.batch.id))
    answer: list[JobOutcome] = []
    for o in report.outcomes:
        key = strawberry.ID(str(o.job_id))
        if o.error is not None:
            answer.append(JobOutcome(job_id=key, error=to_graphql(o.error), batch_id=batch_id))
            continue
        row = await JobRow.get_or_none(id=o.job_id)
        job = from_row(Job, row) if row is not None else None
        answer.append(JobOutcome(job_id=key, job=job, done=o.done, batch_id=batch_id))
    return answer


async def job_batch(batch_id: strawberry.ID) -> JobBatch | None:
    """A batch by its id, as it stands (viewers may read it)."""
    report = await batches.read(parse_id(batch_id, "id"))
    if report is None:
        return None
    b = report.batch
    return JobBatch(
        id=strawberry.ID(str(b.id)),
        action=b.action,
        status=b.status,
        created_by=b.create_by,
        create_time=b.create_time,
        finish_time=b.finish_time,
        outcomes=await outcomes_of(report),
    )


def _restore_point(mode: RestoreFrom, savepoint_id: strawberry.ID | None) -> tuple[restore.RestoreFrom, int | None]:
    chosen = parse_id(savepoint_id, "savepointId") if savepoint_id is not None else None
    return restore.RestoreFrom[mode.name], chosen


@strawberry.type
class LifecycleMutation:
    @strawberry.mutation(description="Plan the job on its cluster (nothing runs); the verdict is stored with the job.")
    async def validate_job(self, info: Info, id: strawberry.ID) -> JobPayload:
        async def validate() -> JobRow:
            job = await get_job(parse_id(id, "id"))
            await lifecycle.validate(info.context.runtime, job)
            return job

        row, error = await attempt(validate)
        return JobPayload(job=from_row(Job, row) if row else None, error=error)

    @strawberry.mutation(
        description="Submit the job to its cluster from the restore point named (by default the newest savepoint or "
        "retained checkpoint of its last run); refused while it is submitting or running."
    )
    async def run_job(
        self,
        info: Info,
        id: strawberry.ID,
        restore_from: RestoreFrom = RestoreFrom.LATEST,
        savepoint_id: strawberry.ID | None = None,
    ) -> RunPayload:
        async def run() -> JobRunRow:
            mode, chosen = _restore_point(restore_from, savepoint_id)
            return await lifecycle.run_job(info.context.runtime, parse_id(id, "id"), mode, chosen)

        return await _run_payload(run)

    @strawberry.mutation(
        description="Stop with a savepoint; a stop that fails leaves the job running (the error says why). With "
        "withSavepoint false: cancel without a savepoint (a retained checkpoint is kept)."
    )
    async def cancel_job(self, info: Info, id: strawberry.ID, with_savepoint: bool = True) -> StopPayload:
        stopped, error = await attempt(
            lambda: lifecycle.cancel_job(info.context.runtime, parse_id(id, "id"), with_savepoint)
        )
        if stopped is None:
            return StopPayload(error=error)
        return StopPayload(
            job=from_row(Job, stopped.job),
            savepoint=Savepoint.of(stopped.savepoint) if stopped.savepoint else None,
            note=stopped.note,
            operation=await _operation(stopped.operation),
        )

    @strawberry.mutation(
        description="Stop the job, then run it from the restore point named: by default its newest savepoint or "
        "retained checkpoint; a restore point that does not exist is refused before anything stops."
    )
    async def restart_job(
        self,
        info: Info,
        id: strawberry.ID,
        restore_from: RestoreFrom = RestoreFrom.LATEST,
        savepoint_id: strawberry.ID | None = None,
    ) -> RunPayload:
        async def restart() -> JobRunRow:
            mode, chosen = _restore_point(restore_from, savepoint_id)
            return await lifecycle.restart_job(info.context.runtime, parse_id(id, "id"), mode, chosen)

        return await _run_payload(restart)

    @strawberry.mutation(
        description="Write a savepoint of a running job; each job keeps its newest HLINK_SAVEPOINT_RETENTION."
    )
    async def trigger_savepoint(self, info: Info, id: strawberry.ID) -> SavepointPayload:
        row, error = await attempt(lambda: lifecycle.trigger_savepoint(info.context.runtime, parse_id(id, "id")))
        operation = await _operation(row)
        return SavepointPayload(savepoint=operation.savepoint if operation else None, operation=operation, error=error)

    @strawberry.mutation(
        description="Run several jobs (a stored batch: what is not done within HLINK_BATCH_WAIT goes on, "
        "see jobBatch); each gets its own result."
    )
    async def run_jobs(self, info: Info, ids: list[strawberry.ID]) -> list[JobOutcome]:
        return await _batch(info, ids, batches.Action.RUN)

    @strawberry.mutation(description="Cancel several jobs (withSavepoint as for one); each gets its own result.")
    async def cancel_jobs(self, info: Info, ids: list[strawberry.ID], with_savepoint: bool = True) -> list[JobOutcome]:
        return await _batch(info, ids, batches.Action.STOP if with_savepoint else batches.Action.CANCEL)

    @strawberry.mutation(
        description="Admin only, audited: let go of an active job whose cluster cannot be asked (gone, silent). The "
        "job reads not running (flinkState DETACHED), its open run is closed and its open operations fail, with "
        "the reason; it can then be deleted. Refused while the cluster answers and runs the Flink job."
    )
    async def detach_job(self, info: Info, id: strawberry.ID, reason: str) -> JobPayload:
        row, error = await attempt(lambda: detach.detach_job(info.context.runtime, parse_id(id, "id"), reason))
        return JobPayload(job=from_row(Job, row) if row else None, error=error)

    @strawberry.mutation(description="Restart several jobs; each gets its own result.")
    async def restart_jobs(self, info: Info, ids: list[strawberry.ID]) -> list[JobOutcome]:
        return await _batch(info, ids, batches.Action.RESTART)


@strawberry.type
class Subscription:
    @strawberry.subscription(
        description="A job's status changes as they happen (all jobs when id is omitted). With an id, the first "
        "event is the job's current state; each event carries the job's revision, so a gap says one was missed."
    )
    async def job_status(self, info: Info, id: strawberry.ID | None = None) -> AsyncGenerator[JobStatusEvent, None]:
        job_id = parse_id(id, "id") if id is not None else None
        subscription = info.context.runtime.events.subscribe(job_id)  # before the read: no change falls between
        try:
            seen = -1
            if job_id is not None:
                job = await get_job(job_id)  # a job that does not exist is an error, not a silence for ever
                seen = job.revision
                yield JobStatusEvent.of(event_of(job))
            async for event in subscription:
                if job_id is not None and event.upgrade_status is None:  # an upgrade's move may keep the revision
                    if event.revision <= seen:  # said already (the current state), or older than what was said
                        continue
                    seen = event.revision
                yield JobStatusEvent.of(event)
        finally:
            await subscription.aclose()


async def _operation(row: OperationRow | None) -> SavepointOperation | None:
    if row is None:
        return None
    savepoint = await SavepointRow.get_or_none(id=row.savepoint_id) if row.savepoint_id else None
    return SavepointOperation.of(row, savepoint)
