"""What Flink says about jobs and clusters, as graph types: runs, savepoints, validation, live figures, events."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any

import strawberry
from strawberry.scalars import JSON

from hlink import models
from hlink.models.status import UNKNOWN
from hlink.schema import budget
from hlink.schema.enums import JobStatus, described
from hlink.schema.errors import graph_field
from hlink.schema.scalars import Long
from hlink.services.events import JobEvent


@strawberry.type(description="One submission of a job to Flink and how it ended.")
class JobRun:
    id: strawberry.ID
    flink_job_id: str | None
    pipeline_name: str = strawberry.field(description="The Flink job's name; hlink finds the job again by it.")
    restored_from: str | None = strawberry.field(description="The savepoint or checkpoint the run started from.")
    start_time: datetime | None
    end_time: datetime | None
    final_state: str | None = strawberry.field(description="Flink's final state, or REJECTED / NOT_SUBMITTED / LOST.")
    failure: str | None = strawberry.field(description="Flink's readable cause when the run failed or was refused.")
    create_by: str | None

    @classmethod
    def of(cls, row: models.JobRun) -> JobRun:
        budget.spend()
        return cls(
            id=strawberry.ID(str(row.id)),
            flink_job_id=row.flink_job_id,
            pipeline_name=row.pipeline_name,
            restored_from=row.restored_from,
            start_time=row.start_time,
            end_time=row.end_time,
            final_state=row.final_state,
            failure=row.failure,
            create_by=row.create_by,
        )


@described(
    "How a savepoint came to be.",
    TRIGGERED="Asked for while the job ran on.",
    STOP="Written as the job stopped.",
    CHECKPOINT="A retained checkpoint, found on Flink.",
)
class SavepointKind(Enum):
    TRIGGERED = "triggered"
    STOP = "stop"
    CHECKPOINT = "checkpoint"


@strawberry.enum(description="Where a run or restart resumes.")
class RestoreFrom(Enum):
    LATEST = strawberry.enum_value(
        "latest",
        description="The newest savepoint or retained checkpoint of the run being replaced (a job that never ran: "
        "its savepointPath); refused when that run left none and older state exists, so the caller chooses.",
    )
    SAVEPOINT = strawberry.enum_value("savepoint", description="A savepoint of the job's, named by savepointId.")
    NONE = strawberry.enum_value("none", description="Fresh state: no restore, whatever savepointPath says.")


@strawberry.type(
    description="A savepoint (or retained checkpoint) of a job, newest first; each job keeps the newest "
    "HLINK_SAVEPOINT_RETENTION, older ones are disposed of through Flink."
)
class Savepoint:
    id: strawberry.ID
    path: str
    kind: SavepointKind
    flink_job_id: str | None
    run_id: strawberry.ID | None
    create_time: datetime
    create_by: str | None

    @classmethod
    def of(cls, row: models.Savepoint) -> Savepoint:
        budget.spend()
        return cls(
            id=strawberry.ID(str(row.id)),
            path=row.path,
            kind=SavepointKind(row.kind),
            flink_job_id=row.flink_job_id,
            run_id=strawberry.ID(str(row.run_id)) if row.run_id else None,
            create_time=row.create_time,
            create_by=row.create_by,
        )


@strawberry.enum(description="What an operation asks of Flink.")
class OperationKind(Enum):
    SAVEPOINT = strawberry.enum_value("savepoint", description="Write a savepoint; the job runs on.")
    STOP = strawberry.enum_value("stop", description="Write a savepoint, then finish the job.")
    CANCEL = strawberry.enum_value("cancel", description="Cancel the job without a savepoint, as the caller asked.")
    RESTART = strawberry.enum_value(
        "restart", description="A stop, then a run from the restore point asked, driven to its end by hlink."
    )


@strawberry.enum(description="Where an operation is.")
class OperationStatus(Enum):
    PENDING = strawberry.enum_value("PENDING", description="Asked of Flink; its answer has not been seen yet.")
    IN_PROGRESS = strawberry.enum_value("IN_PROGRESS", description="Flink took it and is writing the savepoint.")
    CANCELLING = strawberry.enum_value(
        "CANCELLING",
        description="A cancel: hlink is cancelling the job (a crash or a silent cluster leaves it to the next look).",
    )
    COMPLETED = strawberry.enum_value("COMPLETED", description="Flink wrote the savepoint.")
    FAILED = strawberry.enum_value("FAILED", description="Flink could not, or never received the request.")


@strawberry.type(
    description="A savepoint or stop asked of Flink, followed to completion however long it takes: the request "
    "answers after HLINK_OPERATION_WAIT seconds at most, and hlink records the end when it comes."
)
class SavepointOperation:
    id: strawberry.ID = strawberry.field(description="The operation's id.")
    kind: OperationKind = strawberry.field(description="Savepoint or stop.")
    status: OperationStatus = strawberry.field(description="Where it is.")
    flink_job_id: str = strawberry.field(description="The Flink job it concerns.")
    trigger_id: str = strawberry.field(description="The trigger id hlink chose and Flink knows it by.")
    savepoint: Savepoint | None = strawberry.field(description="The savepoint written, once completed.")
    failure: str | None = strawberry.field(description="Why it failed (a failed stop leaves the job running).")
    create_time: datetime = strawberry.field(description="When it was asked.")
    finish_time: datetime | None = strawberry.field(description="When it ended.")

    @classmethod
    def of(cls, row: models.Operation, savepoint: models.Savepoint | None) -> SavepointOperation:
        return cls(
            id=strawberry.ID(str(row.id)),
            kind=OperationKind(row.kind),
            status=OperationStatus(row.status),
            flink_job_id=row.flink_job_id,
            trigger_id=row.trigger_id,
            savepoint=Savepoint.of(savepoint) if savepoint else None,
            failure=row.failure,
            create_time=row.create_time,
            finish_time=row.finish_time,
        )


@strawberry.enum(description="The planner's verdict.")
class ValidationStatus(Enum):
    NOT_VALIDATED = strawberry.enum_value(0, description="Never checked, or the cluster did not answer.")
    VALID = strawberry.enum_value(1, description="The planner accepted the script.")
    INVALID = strawberry.enum_value(2, description="The planner refused it; problem says where and why.")


@strawberry.type(description="Flink's error, placed in the user's input: field, and line and column in its SQL.")
class PlanProblem:
    message: str
    field: str | None = None
    line: int | None = None
    column: int | None = None
    table: str | None = None


@strawberry.type(description="One operator chain of the job graph.")
class PlanNode:
    id: str
    description: str
    parallelism: int | None
    inputs: list[str]


@strawberry.type(description="The job graph Flink's planner made of the job: what will run, with what parallelism.")
class JobGraph:
    name: str | None
    type: str | None
    nodes: list[PlanNode]


@strawberry.type(description="The last validation by the cluster's planner (on save, or validateJob).")
class Validation:
    status: ValidationStatus
    validated_at: datetime | None
    problem: PlanProblem | None
    graph: JobGraph | None

    @classmethod
    def of(cls, job: models.Job) -> Validation:
        e: dict[str, Any] | None = job.validation_error
        plan: dict[str, Any] | None = job.validation_plan
        return cls(
            status=ValidationStatus(job.validation_status),
            validated_at=job.validated_at,
            problem=PlanProblem(
                message=str(e.get("message")),
                field=graph_field(str(e["field"])) if e.get("field") else None,
                line=e.get("line"),
                column=e.get("column"),
                table=e.get("table"),
            )
            if e
            else None,
            graph=JobGraph(
                name=plan.get("name"),
                type=plan.get("type"),
                nodes=[
                    PlanNode(
                        id=str(n.get("id")),
                        description=str(n.get("description", "")),
                        parallelism=n.get("parallelism"),
                        inputs=[str(i.get("id")) for i in n.get("inputs") or []],
                    )
                    for n in plan.get("nodes") or []
                ],
            )
            if plan
            else None,
        )


@strawberry.type(description="A cluster's live figures, asked of Flink now.")
class ClusterOverview:
    reachable: bool
    error: str | None = None
    active_address: str | None = strawberry.field(
        default=None,
        description="The job manager address hlink asks now: the one that answered last. A standby job manager "
        "relays to the elected leader, so with several this is the one in use, the leader once the old one fails.",
    )
    flink_version: str | None = None
    taskmanagers: int | None = None
    slots_total: int | None = None
    slots_available: int | None = None
    jobs_running: int | None = None
    jobs_finished: int | None = None
    jobs_cancelled: int | None = None
    jobs_failed: int | None = None

    @classmethod
    def of(cls, live: dict[str, Any]) -> ClusterOverview:
        return cls(
            reachable=bool(live.get("reachable")),
            error=live.get("error"),
            active_address=live.get("activeAddress"),
            flink_version=live.get("flinkVersion"),
            taskmanagers=live.get("taskmanagers"),
            slots_total=live.get("slotsTotal"),
            slots_available=live.get("slotsAvailable"),
            jobs_running=live.get("jobsRunning"),
            jobs_finished=live.get("jobsFinished"),
            jobs_cancelled=live.get("jobsCancelled"),
            jobs_failed=live.get("jobsFailed"),
        )


@strawberry.type(description="A job's status changed.")
class JobStatusEvent:
    job_id: strawberry.ID
    job_status: JobStatus = strawberry.field(description="The job's new status.")
    flink_state: str | None = strawberry.field(description=f"Flink's state name; {UNKNOWN} while the cluster is silent")
    flink_job_id: str | None
    message: str | None
    revision: Long = strawberry.field(
        description="The job's revision after the change: each change bumps it, so a gap means one was missed."
    )
    upgrade_id: strawberry.ID | None = strawberry.field(
        default=None, description="The upgrade or rollback whose move this is (null: the job's own change)."
    )
    upgrade_status: str | None = strawberry.field(
        default=None,
        description="The upgrade's new status (PENDING, STOPPING, SUBMITTING, OBSERVING, STABLE, ROLLING_BACK, "
        "ROLLED_BACK, FAILED); the job's revision may be unchanged by it.",
    )

    @classmethod
    def of(cls, event: JobEvent) -> JobStatusEvent:
        return cls(
            job_id=strawberry.ID(str(event.job_id)),
            job_status=JobStatus(event.job_status),
            flink_state=event.flink_state,
            flink_job_id=event.flink_job_id,
            message=event.message,
            revision=Long(event.revision),
            upgrade_id=strawberry.ID(str(event.upgrade_id)) if event.upgrade_id is not None else None,
            upgrade_status=event.upgrade_status,
        )


#: Flink's own JSON, passed through (a job's Flink view)
FlinkJSON = JSON


@strawberry.type(
    description="One version of a job: what a saved change of it runs, immutable and numbered (secrets masked)."
)
class JobVersion:
    number: int = strawberry.field(description="1 for the first version, one more for each change.")
    create_time: datetime = strawberry.field(description="When the change that made it was saved.")
    created_by: str | None = strawberry.field(description="Who saved it.")
    changes: str = strawberry.field(description="What changed since the version before, one line per change.")
    flink_version: str | None = strawberry.field(
        description="The cluster's Flink version the script is written for (null: the cluster did not answer)."
    )
    script: str | None = strawberry.field(description="A SQL version's statement script, secrets masked.")
    settings: JSON = strawberry.field(description="Its Flink settings, without those of one run.")
    udfs: JSON = strawberry.field(description="The functions its SQL calls: name, className and jar sha256.")
    jar: JSON | None = strawberry.field(description="A JAR version's jar: name, sha256, entryClass, program.")
    plan: JSON | None = strawberry.field(
        description="Its compiled plan (FLIP-190, Flink's JSON), secrets masked; null until compiled."
    )
    plan_error: str | None = strawberry.field(description="Why the planner could not compile it.")
    compiled_at: datetime | None = strawberry.field(description="When its plan was compiled.")

    @classmethod
    def of(cls, row: models.JobVersion) -> JobVersion:
        from hlink.services.jobs.versions import masked_plan

        return cls(
            number=row.number,
            create_time=row.create_time,
            created_by=row.create_by,
            changes=row.changes,
            flink_version=row.flink_version,
            script=row.script,
            settings=row.settings,
            udfs=row.udfs,
            jar=row.jar,
            plan=masked_plan(row.plan),
            plan_error=row.plan_error,
            compiled_at=row.compiled_at,
        )
