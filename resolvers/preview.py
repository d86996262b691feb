"""GraphQL glue of the data preview: one query that runs a bounded preview on Flink and answers its rows."""

from __future__ import annotations

import strawberry

from hlink.resolvers.convert import parse_id
from hlink.resolvers.mutations import attempt
from hlink.schema.context import Info
from hlink.schema.preview import Preview, PreviewPayload
from hlink.services.preview import previews


@strawberry.type
class PreviewQuery:
    @strawberry.field(
        description="The first rows of a job's sink query (jobId alone), of a datasource (datasourceId), or of an "
        "ad-hoc SELECT over the job's or the datasource's tables (sql), bounded by limit and seconds, through the "
        "cluster's job manager: nothing is written and no Flink job is left running. Developers only."
    )
    async def preview(
        self,
        info: Info,
        job_id: strawberry.ID | None = None,
        datasource_id: strawberry.ID | None = None,
        sql: str | None = None,
        limit: int | None = None,
        seconds: int | None = None,
        cluster_id: strawberry.ID | None = None,
    ) -> PreviewPayload:
        async def run() -> previews.PreviewResult:
            data = previews.PreviewInput(
                job_id=parse_id(job_id, "jobId") if job_id is not None else None,
                datasource_id=parse_id(datasource_id, "datasourceId") if datasource_id is not None else None,
                sql=sql,
                cluster_id=parse_id(cluster_id, "clusterId") if cluster_id is not None else None,
                limit=limit,
                seconds=seconds,
            )
            return await previews.preview(info.context.runtime, data)

        found, error = await attempt(run)
        return PreviewPayload(preview=Preview.of(found) if found else None, error=error)
