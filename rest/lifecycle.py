"""/jobs run, cancel, restart and savepoint (single and batch), the Flink views, and /dashboard/clusterInfo."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from models import JobRun, Operation, Savepoint
from rest.envelope import envelope, ok, status_of
from rest.inputs import Query, required_int
from rest.views import cluster_info_vo, plain
from services.clusters import overview as cluster_overview
from services.clusters.registry import all_clusters, get_cluster
from services.errors import ValidationFailed
from services.jobs import lifecycle, monitoring
from services.jobs.definitions import get_job
from services.jobs.savepoints import RestoreFrom
from services.runtime import Runtime


def _runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


async def _run_vo(run: JobRun) -> dict[str, Any]:
    job = await get_job(run.job_id)
    return {
        "jobId": job.id,
        "runId": run.id,
        "flinkJobId": run.flink_job_id,
        "jobStatus": job.job_status,
        "flinkState": job.flink_state,
        "restoredFrom": run.restored_from,
    }


def _savepoint_vo(s: Savepoint | None) -> dict[str, Any] | None:
    return None if s is None else {"savepointPath": s.path, "kind": s.kind, "createTime": plain(s)["createTime"]}


def _operation_vo(o: Operation | None) -> dict[str, Any] | None:
    if o is None:
        return None
    return {"operationId": o.id, "operationKind": o.kind, "status": o.status, "failure": o.failure}


async def _stopped_vo(stopped: lifecycle.Stopped) -> dict[str, Any]:
    return {
        "jobId": stopped.job.id,
        "jobStatus": stopped.job.job_status,
        "flinkState": stopped.job.flink_state,
        "savepoint": _savepoint_vo(stopped.savepoint),
        "note": stopped.note,
        "operation": _operation_vo(stopped.operation),
    }


def _single(action: Callable[[Runtime, int], Awaitable[Any]], view: Callable[[Any], Awaitable[Any]]) -> Any:
    async def endpoint(request: Request) -> Response:
        return ok(await view(await action(_runtime(request), required_int(request.path_params, "jobId"))))

    return endpoint


def _batch(action: Callable[[Runtime, int], Awaitable[Any]], view: Callable[[Any], Awaitable[Any]]) -> Any:
    async def endpoint(request: Request) -> Response:
        q = Query(request.query_params)
        ids = q.ints("jobIds")
        q.done()
        if not ids:
            raise ValidationFailed({"jobIds": "give at least one job id"})
        runtime = _runtime(request)
        outcomes = await lifecycle.for_each(ids, lambda job_id: action(runtime, job_id))
        results = [
            {
                "jobId": o.job_id,
                "success": o.error is None,
                "msg": o.error.message if o.error else "success",
                "data": None if o.error else await view(o.value),
            }
            for o in outcomes
        ]
        return _batch_answer(outcomes, {"results": results})

    return endpoint


def _batch_answer(outcomes: list[lifecycle.Outcome], data: dict[str, Any]) -> Response:
    """A batch's envelope: success only when every job succeeded. All done: 200. Some failed: 207 (Multi-Status;
    the per-job results say which). All failed: their common error status (404, 409 ...), 422 when they differ.
    ``data`` holds the per-job results and the counts in every case."""
    failed = [o for o in outcomes if o.error is not None]
    done = len(outcomes) - len(failed)
    data = {**data, "succeeded": done, "failed": len(failed)}
    msg = f"{done} of {len(outcomes)} done"
    if not failed:
        return envelope(200, data, msg, True)
    errors = [o.error for o in failed if o.error is not None]
    more = f" (and {len(failed) - 1} more)" if len(failed) > 1 else ""
    msg += f"; job {failed[0].job_id}: {errors[0].message}{more}"
    if done:
        return envelope(207, data, msg, False)
    statuses = {status_of(e) for e in errors}
    return envelope(statuses.pop() if len(statuses) == 1 else 422, data, msg, False)


async def restart(request: Request) -> Response:
    """Restart one job; ``restoreFrom`` (latest, savepoint with ``savepointId``, none) names the restore point."""
    q = Query(request.query_params)
    mode = q.text("restoreFrom") or RestoreFrom.LATEST.value
    savepoint_id = q.integer("savepointId")
    q.done()
    if mode not in {m.value for m in RestoreFrom}:
        raise ValidationFailed({"restoreFrom": f"must be one of latest, savepoint, none; got {mode!r}"})
    job_id = required_int(request.path_params, "jobId")
    run = await lifecycle.restart_job(_runtime(request), job_id, RestoreFrom(mode), savepoint_id)
    return ok(await _run_vo(run))


async def _savepoint_data(o: Operation) -> dict[str, Any]:
    """The savepoint written (its path), or the operation still under way: ``status`` says which."""
    written = await Savepoint.get_or_none(id=o.savepoint_id) if o.savepoint_id else None
    return {**(_savepoint_vo(written) or {"savepointPath": None}), **(_operation_vo(o) or {})}


async def overview(request: Request) -> Response:
    return ok(await monitoring.job_view(_runtime(request), required_int(request.path_params, "jobId")))


async def log(request: Request) -> Response:
    return ok(await monitoring.job_log(_runtime(request), required_int(request.path_params, "jobId")))


async def _one_cluster(runtime: Runtime, cluster_id: int) -> dict[str, Any]:
    cluster = await get_cluster(cluster_id)
    return cluster_info_vo(cluster, await cluster_overview.cluster_live(runtime, cluster))


async def cluster_info(request: Request) -> Response:
    return ok(await _one_cluster(_runtime(request), required_int(request.query_params, "clusterId")))


async def dashboard(request: Request) -> Response:
    """One cluster's figures (clusterId), or without it one object: the figures summed over every cluster."""
    q = Query(request.query_params)
    cluster_id = q.integer("clusterId")
    q.done()
    runtime = _runtime(request)
    if cluster_id is not None:
        return ok(await _one_cluster(runtime, cluster_id))
    return ok(await cluster_overview.clusters_summed(runtime, await all_clusters()))


routes = [
    Route("/jobs/run/{jobId:int}", _single(lifecycle.run_job, _run_vo), methods=["POST"]),
    Route("/jobs/runBatch", _batch(lifecycle.run_job, _run_vo), methods=["POST"]),
    Route("/jobs/cancel/{jobId:int}", _single(lifecycle.cancel_job, _stopped_vo), methods=["POST"]),
    Route("/jobs/cancelBatch", _batch(lifecycle.cancel_job, _stopped_vo), methods=["POST"]),
    Route("/jobs/restart/{jobId:int}", restart, methods=["POST"]),
    Route("/jobs/restartBatch", _batch(lifecycle.restart_job, _run_vo), methods=["POST"]),
    Route("/jobs/savepoint/{jobId:int}", _single(lifecycle.trigger_savepoint, _savepoint_data), methods=["GET"]),
    Route("/jobs/overview/{jobId:int}", overview, methods=["GET"]),
    Route("/jobs/{jobId:int}/log", log, methods=["GET"]),
    Route("/dashboard/clusterInfo", dashboard, methods=["GET"]),
    Route("/cluster/info", cluster_info, methods=["GET"]),
]
