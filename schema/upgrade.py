"""GraphQL types of the upgrade preview (issue 20): the verdict on moving a job to another version."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry

from hlink import models
from hlink.schema import budget
from hlink.schema.enums import described
from hlink.schema.scalars import Long
from hlink.services.jobs import heldstate, preview, verdict


@described(
    "What an upgrade would do to the state of the job's operators.",
    COMPATIBLE="Every stateful operator keeps its state and meaning: the upgrade carries all of it.",
    PARTIAL="Some state would be dropped (a stateful operator removed) or start empty (a stateful one added).",
    INCOMPATIBLE="A stateful operator's state cannot be carried: its key, accumulators or state changed.",
    UNKNOWN="Cannot be judged: a function's jar changed, a JAR job, or a version without a compiled plan.",
)
class UpgradeVerdict(Enum):
    COMPATIBLE = "COMPATIBLE"
    PARTIAL = "PARTIAL"
    INCOMPATIBLE = "INCOMPATIBLE"
    UNKNOWN = "UNKNOWN"


@described(
    "How one operator (plan node) differs between the two versions' plans.",
    UNCHANGED="Paired, same state layout and meaning (or, holding no state, the same node).",
    CHANGED="Paired, but its state layout or meaning changed (or, holding no state, what it computes).",
    ADDED="Only in the new version's plan: a stateful one starts empty.",
    REMOVED="Only in the old version's plan: a stateful one's state would be dropped.",
)
class OperatorChange(Enum):
    UNCHANGED = "UNCHANGED"
    CHANGED = "CHANGED"
    ADDED = "ADDED"
    REMOVED = "REMOVED"


@strawberry.type(description="One operator (plan node) of either version's plan, paired with its counterpart.")
class UpgradeOperator:
    name: str = strawberry.field(description="The node's description in the plan (or its type), secrets masked.")
    type: str = strawberry.field(description="The node's versioned type, e.g. stream-exec-group-aggregate_1.")
    change: OperatorChange = strawberry.field(description="How it differs between the two plans.")
    stateful: bool = strawberry.field(description="Whether it holds state (the plan lists state for it).")
    reason: str = strawberry.field(description="Why it is judged so: what changed, or why nothing did.")
    from_id: int | None = strawberry.field(description="Its node id in the old version's plan (null: added).")
    to_id: int | None = strawberry.field(description="Its node id in the new version's plan (null: removed).")

    @classmethod
    def of(cls, operator: verdict.Operator) -> UpgradeOperator:
        return cls(
            name=operator.name,
            type=operator.type,
            change=OperatorChange(operator.change.value),
            stateful=operator.stateful,
            reason=operator.reason,
            from_id=operator.from_id,
            to_id=operator.to_id,
        )


@strawberry.type(
    description="One operator's state in the restore point an upgrade would use, read from the savepoint's "
    "metadata, with the operator of each version's job that has its operator id."
)
class RestoredOperatorState:
    operator_id: str = strawberry.field(
        description="The operator id the state is kept under (32 hex digits: the murmur3 hash of its uid)."
    )
    name: str = strawberry.field(
        description="The plan node of either version with this operator id (its description, secrets masked), "
        "else what the savepoint names it."
    )
    uid: str | None = strawberry.field(description="The operator's uid as the savepoint records it (Flink 2.x only).")
    state_bytes: Long = strawberry.field(description="The size of its state in the restore point, in bytes.")
    keyed: bool = strawberry.field(description="Whether it holds keyed state (an aggregate's, a join's).")
    operator_state: bool = strawberry.field(description="Whether it holds operator state (a source's splits).")
    from_id: int | None = strawberry.field(
        description="The plan node of the version compared from that has this operator id (null: none)."
    )
    to_id: int | None = strawberry.field(
        description="The plan node of the new version that would take the state (null: none of its nodes)."
    )
    carried: bool = strawberry.field(
        description="Whether the new version's job has an operator with this id; false: the state would be dropped."
    )

    @classmethod
    def of(cls, held: heldstate.HeldState) -> RestoredOperatorState:
        return cls(
            operator_id=held.operator_id,
            name=held.name,
            uid=held.uid,
            state_bytes=Long(held.state_bytes),
            keyed=held.keyed,
            operator_state=held.operator_state,
            from_id=held.from_id,
            to_id=held.to_id,
            carried=held.carried,
        )


@strawberry.type(
    description="The verdict on running another version of a job in place of the one it runs, judged from the "
    "stored versions, their compiled plans and the restore point's metadata: nothing stops or starts."
)
class UpgradePreview:
    job_id: strawberry.ID = strawberry.field(description="The job.")
    from_version: int | None = strawberry.field(
        description="The version compared from: the one the job runs, else its last run's, else the one before "
        "(null: no earlier version, no state to carry)."
    )
    to_version: int = strawberry.field(description="The version compared to (the newest by default).")
    verdict: UpgradeVerdict = strawberry.field(description="Whether the state can be carried.")
    reasons: list[str] = strawberry.field(description="Why: one line per stateful change or outside cause.")
    diff: str = strawberry.field(
        description="A unified diff of the two versions' scripts (settings, functions, DDL, SQL), secrets masked."
    )
    operators: list[UpgradeOperator] = strawberry.field(
        description="Every operator of both plans: the new plan's in its order, then those removed."
    )
    restore_point: str | None = strawberry.field(
        description="The savepoint or checkpoint read: the one an upgrade would resume from, or for a running "
        "job its newest savepoint or checkpoint (the upgrade's stop writes a newer one with the same operators); "
        "null: none (fresh state, or nothing written yet)."
    )
    restore_point_note: str | None = strawberry.field(
        description="Which restore point that is, or why there is none (null: not read, e.g. a JAR job)."
    )
    restore_state: list[RestoredOperatorState] = strawberry.field(
        description="The operators that hold state in the restore point, each matched to the versions' "
        "operators; one the new version lacks (carried false) makes the verdict at least PARTIAL."
    )

    @classmethod
    def of(cls, found: preview.Preview) -> UpgradePreview:
        return cls(
            job_id=strawberry.ID(str(found.job_id)),
            from_version=found.from_version,
            to_version=found.to_version,
            verdict=UpgradeVerdict(found.verdict.value),
            reasons=found.reasons,
            diff=found.diff,
            operators=[UpgradeOperator.of(o) for o in found.operators],
            restore_point=found.restore.path if found.restore else None,
            restore_point_note=found.restore.note if found.restore else None,
            restore_state=[RestoredOperatorState.of(h) for h in found.restore.held] if found.restore else [],
        )


@described(
    "Where an upgrade or rollback is: each status is written before the call to Flink it leads to.",
    PENDING="Judged and written; nothing stopped yet.",
    STOPPING="The running Flink job is being stopped with a savepoint (the rollback point).",
    SUBMITTING="The new version is being run from the upgrade's savepoint (NO_CLAIM).",
    OBSERVING="The new version runs: stable once running, checkpointed and not restarted for stableSeconds.",
    STABLE="Done: the new version runs and held for stableSeconds.",
    ROLLING_BACK="The new version failed: it is cancelled and the version it replaced runs again.",
    ROLLED_BACK="Done: the version it replaced runs again from the upgrade's savepoint; the reason is kept.",
    FAILED="Ended without moving the job (its stop failed, the job changed meanwhile, a rollback that could not run).",
)
class UpgradeStatus(Enum):
    PENDING = "PENDING"
    STOPPING = "STOPPING"
    SUBMITTING = "SUBMITTING"
    OBSERVING = "OBSERVING"
    STABLE = "STABLE"
    ROLLING_BACK = "ROLLING_BACK"
    ROLLED_BACK = "ROLLED_BACK"
    FAILED = "FAILED"


@described(
    "What an upgrade row was asked as.",
    UPGRADE="To another (usually newer) version, asked by upgradeJob.",
    ROLLBACK="To an older version from the latest state, asked by rollbackJob.",
)
class UpgradeKind(Enum):
    UPGRADE = "upgrade"
    ROLLBACK = "rollback"


@strawberry.type(
    description="One upgrade or rollback of a job: judged before anything stopped, then driven through its "
    "statuses by whichever hlink process looks next."
)
class JobUpgrade:
    id: strawberry.ID = strawberry.field(description="The upgrade's id.")
    kind: UpgradeKind = strawberry.field(description="Upgrade or rollback.")
    status: UpgradeStatus = strawberry.field(description="Where it is.")
    from_version: int | None = strawberry.field(description="The version the job ran (null: it ran none).")
    to_version: int = strawberry.field(description="The version it moves the job to.")
    verdict: UpgradeVerdict = strawberry.field(description="The verdict judged before anything stopped.")
    reasons: list[str] = strawberry.field(description="The verdict's reasons.")
    restore_from: str = strawberry.field(description="latest (the stop's savepoint), savepoint or none (fresh).")
    allow_dropping_state: bool = strawberry.field(description="Whether state the new version lacks may be dropped.")
    stable_seconds: int = strawberry.field(description="How long the new version must hold before it is STABLE.")
    from_flink_job_id: str | None = strawberry.field(description="The Flink job it replaced.")
    flink_job_id: str | None = strawberry.field(description="The new version's Flink job.")
    rollback_flink_job_id: str | None = strawberry.field(description="The Flink job of the version run again.")
    savepoint_id: strawberry.ID | None = strawberry.field(
        description="The savepoint the stop wrote: the new version's restore point and the rollback point (kept "
        "from the retention while the upgrade is open)."
    )
    reason: str | None = strawberry.field(description="Why it failed or rolled back (secrets masked).")
    create_time: datetime = strawberry.field(description="When it was asked.")
    created_by: str | None = strawberry.field(description="Who asked.")
    step_time: datetime = strawberry.field(description="When its current status was written.")
    finish_time: datetime | None = strawberry.field(description="When it ended.")

    @classmethod
    def of(cls, row: models.JobUpgrade) -> JobUpgrade:
        budget.spend()
        return cls(
            id=strawberry.ID(str(row.id)),
            kind=UpgradeKind(row.kind),
            status=UpgradeStatus(row.status),
            from_version=row.from_version,
            to_version=row.to_version,
            verdict=UpgradeVerdict(row.verdict),
            reasons=[r for r in row.verdict_reasons.splitlines() if r],
            restore_from=row.restore_from,
            allow_dropping_state=row.allow_dropping_state,
            stable_seconds=row.stable_seconds,
            from_flink_job_id=row.from_flink_job_id,
            flink_job_id=row.flink_job_id,
            rollback_flink_job_id=row.rollback_flink_job_id,
            savepoint_id=strawberry.ID(str(row.savepoint_id)) if row.savepoint_id else None,
            reason=row.reason,
            create_time=row.create_time,
            created_by=row.create_by,
            step_time=row.step_time,
            finish_time=row.finish_time,
        )
