"""GraphQL glue of the data preview: a query that runs a bounded preview on Flink and answers its rows, and a
subscription that runs the same preview and streams its changes as they arrive."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Callable
from typing import Any

import strawberry

from hlink.resolvers.convert import parse_id
from hlink.resolvers.mutations import attempt
from hlink.schema.context import Info
from hlink.schema.preview import Preview, PreviewEvent, PreviewPayload
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
        data = _input(job_id, datasource_id, sql, limit, seconds, cluster_id)
        found, error = await attempt(lambda: previews.preview(info.context.runtime, data()))
        return PreviewPayload(preview=Preview.of(found) if found else None, error=error)


@strawberry.type
class PreviewSubscription:
    @strawberry.subscription(
        description="The preview query's preview, live: its changes as they arrive (read through the cluster's "
        "job manager about twice a second), then a last event with the whole answer. Developers only."
    )
    async def preview_rows(
        self,
        info: Info,
        job_id: strawberry.ID | None = None,
        datasource_id: strawberry.ID | None = None,
        sql: str | None = None,
        limit: int | None = None,
        seconds: int | None = None,
        cluster_id: strawberry.ID | None = None,
    ) -> AsyncGenerator[PreviewEvent, None]:
        data = _input(job_id, datasource_id, sql, limit, seconds, cluster_id)
        # bounded by the preview itself: it keeps at most its limit of changes (and 2 MiB of them)
        arrived: asyncio.Queue[list[dict[str, Any]]] = asyncio.Queue()
        streamed = 0
        got: asyncio.Future[list[dict[str, Any]]] | None = None

        async def deliver(changes: list[dict[str, Any]]) -> None:
            arrived.put_nowait(changes)

        ran = asyncio.ensure_future(attempt(lambda: previews.preview(info.context.runtime, data(), deliver)))
        try:
            while not ran.done():
                got = asyncio.ensure_future(arrived.get())
                await asyncio.wait({got, ran}, return_when=asyncio.FIRST_COMPLETED)
                if got.done():
                    streamed += len(got.result())
                    yield PreviewEvent.of(got.result())
                else:
                    got.cancel()
            while not arrived.empty():
                changes = arrived.get_nowait()
                streamed += len(changes)
                yield PreviewEvent.of(changes)
            found, error = ran.result()
            if found is not None and (rest := previews.kept_changes(found)[streamed:]):
                yield PreviewEvent.of(rest)  # the last ones, whose file the preview's end deleted before it was read
            yield PreviewEvent(
                changes=[], done=PreviewPayload(preview=Preview.of(found) if found else None, error=error)
            )
        finally:  # the subscriber left: the request's end cancels the preview's Flink job (slots.finish)
            if got is not None:
                got.cancel()
            if not ran.done():
                ran.cancel()
                await asyncio.gather(ran, return_exceptions=True)


def _input(
    job_id: strawberry.ID | None,
    datasource_id: strawberry.ID | None,
    sql: str | None,
    limit: int | None,
    seconds: int | None,
    cluster_id: strawberry.ID | None,
) -> Callable[[], previews.PreviewInput]:
    """What to preview, parsed when called (inside :func:`attempt`, so a bad id is a typed error)."""

    def parsed() -> previews.PreviewInput:
        return previews.PreviewInput(
            job_id=parse_id(job_id, "jobId") if job_id is not None else None,
            datasource_id=parse_id(datasource_id, "datasourceId") if datasource_id is not None else None,
            sql=sql,
            cluster_id=parse_id(cluster_id, "clusterId") if cluster_id is not None else None,
            limit=limit,
            seconds=seconds,
        )

    return parsed
