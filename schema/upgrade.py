"""GraphQL types of the upgrade preview (issue 20): the verdict on moving a job to another version."""

from __future__ import annotations

from enum import Enum

import strawberry

from hlink.schema.enums import described
from hlink.services.jobs import preview, verdict


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
    description="The verdict on running another version of a job in place of the one it runs, judged from the "
    "stored versions and their compiled plans: nothing stops or starts."
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
        )
