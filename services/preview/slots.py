"""Previews in flight as rows (t_preview): the concurrency limits, counted across replicas, and the reconciler's
look at them (a hook the reconciler calls for every cluster it holds, see :class:`Sweep`).

A preview is admitted by writing its row first and counting after: of two requests racing for the last slot at
least one sees the other, so the limit is never exceeded (both may be refused, never both admitted). A row
counts while its request runs and its time is ahead. Its Flink job is cancelled by the runner at its time, by
the request when it ends or is cancelled, and, when the process died meanwhile, by the reconciler of whichever
replica holds the cluster at the first cycle after its deadline (after a restart too: the row is the truth).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta

from tortoise.expressions import Q

from hlink.flink.client import FlinkClient, FlinkJob
from hlink.flink.errors import FlinkError, FlinkRejected
from hlink.models import Preview
from hlink.models.status import TERMINAL
from hlink.runtime import Runtime
from hlink.services.actor import acting
from hlink.services.errors import Refused
from hlink.services.jobs.states import now

log = logging.getLogger("hlink.preview")


def _live() -> Q:
    return Q(ended_at__isnull=True, deadline__gt=now())


async def admit(runtime: Runtime, cluster_id: int, flink_job_id: str, pipeline: str, deadline: datetime) -> Preview:
    """The preview's row, or :class:`Refused` when its user or its cluster already runs as many as allowed."""
    row = await Preview.create(
        cluster_id=cluster_id,
        flink_job_id=flink_job_id,
        pipeline_name=pipeline,
        deadline=deadline,
        create_by=acting()[:64],
        modify_by=acting()[:64],
    )
    user = await Preview.filter(_live(), create_by=row.create_by).count()
    cluster = await Preview.filter(_live(), cluster_id=cluster_id).count()
    if user > runtime.preview_per_user or cluster > runtime.preview_per_cluster:
        await Preview.filter(id=row.id).delete()
        if user > runtime.preview_per_user:
            raise Refused(
                f"{row.create_by} already runs {user - 1} previews (at most {runtime.preview_per_user} at once); "
                "wait for one to end"
            )
        raise Refused(
            f"cluster {cluster_id} already runs {cluster - 1} previews (at most {runtime.preview_per_cluster} at "
            "once); try again when one has ended"
        )
    return row


async def finish(client: FlinkClient, row: Preview) -> None:
    """The request is over (answered, failed or cancelled): the preview's Flink job is cancelled unless it has
    ended, and the row goes once Flink says it has; otherwise the reconciler looks again next cycle."""
    ended = False
    try:
        state = str((await client.job(row.flink_job_id)).get("state") or "")
        ended = state in TERMINAL
        if not ended:
            await client.cancel(row.flink_job_id)
    except FlinkRejected as error:
        ended = error.status == 404 and row.deadline < now()  # never started, and the runner's time is over
    except FlinkError as error:
        log.warning("preview %s: its Flink job %s was not cancelled: %s", row.id, row.flink_job_id, error.message)
    if ended:
        await Preview.filter(id=row.id).delete()
    else:
        await Preview.filter(id=row.id).update(ended_at=now())


async def finish_shielded(client: FlinkClient, row: Preview) -> None:
    """:func:`finish`, carried out even when the request's task is being cancelled."""
    task = asyncio.ensure_future(finish(client, row))
    try:
        await asyncio.shield(task)
    except asyncio.CancelledError:
        await asyncio.wait({task}, timeout=15)
        raise


class Sweep:
    """The reconciler's hook (``runtime.cluster_hooks``): which clusters have previews, and one look at a
    cluster's previews once its job list has come: a preview job past its time, or whose request ended, is
    cancelled; a row whose job has ended (or never started before its time was up) is deleted."""

    async def clusters(self) -> set[int]:
        return {int(str(i)) for i in await Preview.all().distinct().values_list("cluster_id", flat=True)}

    async def visit(self, runtime: Runtime, cluster_id: int, address: str, flink_jobs: list[FlinkJob]) -> None:
        rows = await Preview.filter(cluster_id=cluster_id)
        if not rows:
            return
        by_id = {j.jid: j for j in flink_jobs}
        at = now()
        client = runtime.flink.client(address)
        for row in rows:
            seen = by_id.get(row.flink_job_id)
            live = seen is not None and seen.state not in TERMINAL
            if live and (row.ended_at is not None or row.deadline <= at):
                try:
                    await client.cancel(row.flink_job_id)
                    log.warning("preview %s: its Flink job %s outlived its time; cancelled", row.id, row.flink_job_id)
                except FlinkError as error:
                    log.warning("preview %s: Flink job %s not cancelled: %s", row.id, row.flink_job_id, error.message)
            elif not live and (seen is not None or row.deadline <= at - timedelta(seconds=1)):
                await Preview.filter(id=row.id).delete()
