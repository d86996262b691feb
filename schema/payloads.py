"""Mutation payloads: the entity on success, a typed error on an expected failure."""

from __future__ import annotations

from datetime import datetime
from typing import Generic, TypeVar

import strawberry

from hlink.schema.errors import MutationError
from hlink.schema.forms import AnalysedColumn
from hlink.schema.lifecycle import JobRun, Savepoint, SavepointOperation
from hlink.schema.types import Cluster, Datasource, Jar, Job, Udf
from hlink.schema.upgrade import JobUpgrade

T = TypeVar("T")


@strawberry.type(description="A cluster saved, or why not.")
class ClusterPayload:
    cluster: Cluster | None = None
    error: MutationError | None = None


@strawberry.type(description="A datasource saved, or why not.")
class DatasourcePayload:
    datasource: Datasource | None = None
    error: MutationError | None = None


@strawberry.type(description="A job saved, or why not.")
class JobPayload:
    job: Job | None = None
    error: MutationError | None = None


@strawberry.type(description="A submission: the run (its Flink job id) and the job's new status.")
class RunPayload:
    run: JobRun | None = None
    job: Job | None = None
    error: MutationError | None = None


@strawberry.type(
    description="An upgrade or rollback: the row that drives it (its status as it stands when the request's wait "
    "ended; it goes on) and the job, or why it was refused before anything stopped."
)
class UpgradePayload:
    upgrade: JobUpgrade | None = None
    job: Job | None = None
    error: MutationError | None = None


@strawberry.type(
    description="A stop: with the savepoint it wrote, a note on why the job was cancelled instead, or the stop "
    "still under way (its operation open)."
)
class StopPayload:
    job: Job | None = None
    savepoint: Savepoint | None = None
    note: str | None = None
    operation: SavepointOperation | None = strawberry.field(default=None, description="The stop, as an operation.")
    error: MutationError | None = None


@strawberry.type(description="A savepoint: written, or still under way (its operation open).")
class SavepointPayload:
    savepoint: Savepoint | None = None
    operation: SavepointOperation | None = strawberry.field(
        default=None, description="The savepoint request, as an operation."
    )
    error: MutationError | None = None


@strawberry.type(description="One job's result in a batch action; one failure does not stop the rest.")
class JobOutcome:
    job_id: strawberry.ID
    job: Job | None = None
    error: MutationError | None = None
    done: bool = strawberry.field(
        default=True,
        description="False while the batch still works on this job (the request's wait ran out): read "
        "jobBatch(id: batchId) later; the batch goes on even if hlink restarts.",
    )
    batch_id: strawberry.ID | None = strawberry.field(
        default=None, description="The batch this outcome belongs to (null for an id that could not be read)."
    )


@strawberry.type(
    description="A batch of lifecycle actions, stored before any job is touched and finished by whichever "
    "replica looks next if its request's wait ran out or its process died."
)
class JobBatch:
    id: strawberry.ID
    action: str = strawberry.field(description="run, stop (with a savepoint), cancel (without one) or restart.")
    status: str = strawberry.field(description="OPEN while a job in it has no outcome yet, then DONE.")
    created_by: str | None = strawberry.field(description="Who asked for it (the batch acts as them).")
    create_time: datetime
    finish_time: datetime | None = strawberry.field(description="When its last job got its outcome.")
    outcomes: list[JobOutcome] = strawberry.field(description="Each job's outcome, in the order they were named.")


@strawberry.type(description="Schema analysis: the kept file and the proposed columns (parents before children).")
class SchemaAnalysisPayload:
    schema_file: str | None = None
    columns: list[AnalysedColumn] | None = None
    error: MutationError | None = None


@strawberry.type(description="A jar uploaded, or why not.")
class JarPayload:
    jar: Jar | None = None
    error: MutationError | None = None


@strawberry.type(description="A function saved, or why not.")
class UdfPayload:
    udf: Udf | None = None
    error: MutationError | None = None


@strawberry.type(description="A row deleted, or why not.")
class DeletePayload:
    deleted_id: strawberry.ID | None = None
    error: MutationError | None = None


@strawberry.type(description="A page of rows and how many match in all.")
class Page(Generic[T]):
    items: list[T]
    total_count: int
    limit: int
    offset: int
