"""GraphQL glue of upgrades: the preview of moving a job to another version (a query, no side effects)."""

from __future__ import annotations

import strawberry

from hlink.resolvers.convert import parse_id
from hlink.schema.upgrade import UpgradePreview
from hlink.services.jobs import preview


@strawberry.type
class UpgradeQuery:
    @strawberry.field(
        description="What running another version of a job would do to its state: the diff, every operator of "
        "both plans paired up, and the verdict. Judged from the stored versions: no Flink job stops or starts."
    )
    async def upgrade_preview(self, job_id: strawberry.ID, to_version: int | None = None) -> UpgradePreview:
        return UpgradePreview.of(await preview.upgrade_preview(parse_id(job_id, "jobId"), to_version))
