"""/jobs run, cancel, restart and savepoint (single and batch), the Flink views, and /dashboard/clusterInfo."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from models import Cluster, JobRun, Savepoint
from rest.envelope import ok
from rest.inputs import Query, required_int
from rest.views import cluster_vo, plain
from services import lifecycle, monitoring
from services.clusters import all_clusters, get_cluster
from services.errors import ValidationFailed
from services.jobs import get_job
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


async def _stopped_vo(stopped: lifecycle.Stopped) -> dict[str, Any]:
    return {
        "jobId": stopped.job.id,
        "jobStatus": stopped.job.job_status,
        "flinkState": stopped.job.flink_state,
        "savepoint": _savepoint_vo(stopped.savepoint),
        "note": stopped.note,
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
        done = sum(o.error is None for o in outcomes)
        return ok(
            {"results": results, "succeeded": done, "failed": len(outcomes) - done}, f"{done} of {len(outcomes)} done"
        )

    return endpoint


async def _savepoint_data(s: Savepoint) -> dict[str, Any] | None:
    return _savepoint_vo(s)


async def overview(request: Request) -> Response:
    return ok(await monitoring.job_view(_runtime(request), required_int(request.path_params, "jobId")))


async def log(request: Request) -> Response:
    return ok(await monitoring.job_log(_runtime(request), required_int(request.path_params, "jobId")))


async def _cluster_info(runtime: Runtime, cluster: Cluster) -> dict[str, Any]:
    return {**cluster_vo(cluster), **await monitoring.cluster_live(runtime, cluster)}


async def cluster_info(request: Request) -> Response:
    cluster = await get_cluster(required_int(request.query_params, "clusterId"))
    return ok(await _cluster_info(_runtime(request), cluster))


async def dashboard(request: Request) -> Response:
    """One cluster (clusterId) or every registered cluster with its live figures."""
    q = Query(request.query_params)
    cluster_id = q.integer("clusterId")
    q.done()
    runtime = _runtime(request)
    if cluster_id is not None:
        return ok(await _cluster_info(runtime, await get_cluster(cluster_id)))
    return ok([await _cluster_info(runtime, c) for c in await all_clusters()])


routes = [
    Route("/jobs/run/{jobId}", _single(lifecycle.run_job, _run_vo), methods=["POST"]),
    Route("/jobs/runBatch", _batch(lifecycle.run_job, _run_vo), methods=["POST"]),
    Route("/jobs/cancel/{jobId}", _single(lifecycle.cancel_job, _stopped_vo), methods=["POST"]),
    Route("/jobs/cancelBatch", _batch(lifecycle.cancel_job, _stopped_vo), methods=["POST"]),
    Route("/jobs/restart/{jobId}", _single(lifecycle.restart_job, _run_vo), methods=["POST"]),
    Route("/jobs/restartBatch", _batch(lifecycle.restart_job, _run_vo), methods=["POST"]),
    Route("/jobs/savepoint/{jobId}", _single(lifecycle.trigger_savepoint, _savepoint_data), methods=["GET"]),
    Route("/jobs/overview/{jobId}", overview, methods=["GET"]),
    Route("/jobs/{jobId}/log", log, methods=["GET"]),
    Route("/dashboard/clusterInfo", dashboard, methods=["GET"]),
    Route("/cluster/info", cluster_info, methods=["GET"]),
]
