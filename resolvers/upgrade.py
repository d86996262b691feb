"""GraphQL glue of upgrades: the preview of moving a job to another version (a query, no side effects), and the
upgrade and rollback mutations that move it (services/jobs/upgrades.py)."""

from __future__ import annotations

import strawberry

from hlink.models import JobUpgrade as JobUpgradeRow
from hlink.resolvers.convert import parse_id
from hlink.resolvers.mutations import attempt
from hlink.schema.context import Info
from hlink.schema.errors import MutationError
from hlink.schema.lifecycle import RestoreFrom
from hlink.schema.payloads import UpgradePayload
from hlink.schema.types import Job, from_row
from hlink.schema.upgrade import JobUpgrade, UpgradePreview
from hlink.services.jobs import preview, restore, upgrades
from hlink.services.jobs.definitions import get_job


@strawberry.type
class UpgradeQuery:
    @strawberry.field(
        description="What running another version of a job would do to its state: the diff, every operator of "
        "both plans paired up, the state the restore point holds (read from its metadata by one call of the SQL "
        "runner on the job's cluster) and the verdict. No Flink job stops or starts."
    )
    async def upgrade_preview(self, info: Info, job_id: strawberry.ID, to_version: int | None = None) -> UpgradePreview:
        found = await preview.upgrade_preview(parse_id(job_id, "jobId"), to_version, info.context.runtime)
        return UpgradePreview.of(found)


async def _payload(row: JobUpgradeRow | None, error: MutationError | None) -> UpgradePayload:
    if row is None:
        return UpgradePayload(error=error)
    return UpgradePayload(upgrade=JobUpgrade.of(row), job=from_row(Job, await get_job(row.job_id)))


@strawberry.type
class UpgradeMutation:
    @strawberry.mutation(
        description="Developers, audited: move a job to another version (the newest by default), judged before "
        "anything stops: refused when the verdict is INCOMPATIBLE (unless restoreFrom NONE, a fresh start), or "
        "PARTIAL or UNKNOWN without allowDroppingState. Then stop with a savepoint, run the version from it, "
        "observe it; STABLE once it ran stableSeconds with a checkpoint and no restart, else rolled back to the "
        "version it replaced from the upgrade's savepoint. Answers the upgrade after HLINK_OPERATION_WAIT "
        "seconds at most; it goes on, followed by the reconciler (Job.upgrades, jobStatus events)."
    )
    async def upgrade_job(
        self,
        info: Info,
        id: strawberry.ID,
        to_version: int | None = None,
        restore_from: RestoreFrom = RestoreFrom.LATEST,
        savepoint_id: strawberry.ID | None = None,
        allow_dropping_state: bool = False,
        stable_seconds: int = 30,
    ) -> UpgradePayload:
        async def start() -> JobUpgradeRow:
            chosen = parse_id(savepoint_id, "savepointId") if savepoint_id is not None else None
            return await upgrades.upgrade_job(
                info.context.runtime,
                parse_id(id, "id"),
                to_version,
                restore.RestoreFrom[restore_from.name],
                chosen,
                allow_dropping_state,
                stable_seconds,
            )

        return await _payload(*await attempt(start))

    @strawberry.mutation(
        description="Developers, audited: run an older version (by default the one before the version the job "
        "runs) from the job's latest state, through the same judgement and states as upgradeJob."
    )
    async def rollback_job(
        self, info: Info, id: strawberry.ID, to_version: int | None = None, stable_seconds: int = 30
    ) -> UpgradePayload:
        async def start() -> JobUpgradeRow:
            return await upgrades.rollback_job(info.context.runtime, parse_id(id, "id"), to_version, stable_seconds)

        return await _payload(*await attempt(start))
