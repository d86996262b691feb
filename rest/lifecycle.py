"""/jobs run, cancel, restart and savepoint (single and batch), the Flink views, and /dashboard/clusterInfo."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import tzinfo
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from hlink.models import JobRun, Operation, Savepoint
from hlink.rest.contract import ApiRoute, Fields
from hlink.rest.contract import Operation as Described
from hlink.rest.envelope import ok, status_of
from hlink.rest.inputs import Query, doc, read_params, required_int
from hlink.rest.schemas import OBJECT, STRING
from hlink.rest.views import cluster_info_vo, plain
from hlink.rest.viewschemas import BATCH_FAILURES, CLUSTER_INFO, CLUSTERS_SUMMED, RUN_VO, SAVEPOINT_DATA, STOPPED_VO
from hlink.runtime import Runtime
from hlink.services.clusters import overview as cluster_overview
from hlink.services.clusters.registry import all_clusters, get_cluster
from hlink.services.jobs import batches, lifecycle, monitoring
from hlink.services.jobs import restore as restores
from hlink.services.jobs.definitions import get_job
from hlink.services.jobs.restore import RestoreFrom


@dataclass
class Batch:
    """The jobs a batch action names."""

    job_ids: list[int] = field(
        metadata=doc("job ids: repeated (jobIds=1&jobIds=2), bracketed (jobIds[]=1) or comma-separated", maxItems=100)
    )


@dataclass
class Restart:
    """Where a run or restart resumes (services/jobs/restore.py decides it)."""

    restore_from: str | None = field(
        default=None,
        metadata=doc(
            "latest (the default: the newest savepoint or retained checkpoint of the run being replaced; refused "
            "when that run left none and older state exists), savepoint (savepointId's) or none (fresh state)",
            enum=[m.value for m in RestoreFrom],
        ),
    )
    savepoint_id: int | None = field(
        default=None, metadata=doc("the savepoint to restore from (restoreFrom=savepoint)")
    )


@dataclass
class Cancel:
    """How a job is stopped."""

    with_savepoint: str | None = field(
        default=None,
        metadata=doc(
            "true (the default): stop with a savepoint, and a stop that fails leaves the job running; false: "
            "cancel without a savepoint (a retained checkpoint is kept)",
            enum=["true", "false"],
        ),
    )


def _with_savepoint(q: Query) -> bool:
    """``withSavepoint`` (true by default)."""
    asked = CANCEL.read(q).with_savepoint
    if asked is None or asked.lower() == "true":
        return True
    if asked.lower() == "false":
        return False
    q.checks.add("withSavepoint", f"must be true or false, got {asked!r}")
    return True


@dataclass
class ClusterId:
    """Which cluster."""

    cluster_id: int | None = None


BATCH, RESTART, CANCEL = Fields(Batch), Fields(Restart), Fields(Cancel)
ONE_CLUSTER, ANY_CLUSTER = Fields(ClusterId, frozenset({"clusterId"})), Fields(ClusterId)


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


def _savepoint_vo(s: Savepoint | None, zone: tzinfo) -> dict[str, Any] | None:
    if s is None:
        return None
    return {"savepointPath": s.path, "kind": s.kind, "createTime": plain(s, zone)["createTime"]}


def _operation_vo(o: Operation | None) -> dict[str, Any] | None:
    if o is None:
        return None
    return {"operationId": o.id, "operationKind": o.kind, "status": o.status, "failure": o.failure}


async def _stopped_vo(stopped: lifecycle.Stopped, zone: tzinfo) -> dict[str, Any]:
    return {
        "jobId": stopped.job.id,
        "jobStatus": stopped.job.job_status,
        "flinkState": stopped.job.flink_state,
        "savepoint": _savepoint_vo(stopped.savepoint, zone),
        "note": stopped.note,
        "operation": _operation_vo(stopped.operation),
    }


def _single(action: Callable[[Runtime, int], Awaitable[Any]], view: Callable[[Any, tzinfo], Awaitable[Any]]) -> Any:
    async def endpoint(request: Request) -> Response:
        runtime = _runtime(request)
        done = await action(runtime, required_int(request.path_params, "jobId"))
        return ok(await view(done, runtime.policy.zone))

    return endpoint


def _batch(action: batches.Action | None) -> Any:
    """A batch endpoint; ``None``: the cancel batch, a stop or a cancel as ``withSavepoint`` says."""

    async def endpoint(request: Request) -> Response:
        q = await read_params(request)
        ids = BATCH.read(q).job_ids
        chosen = action or (batches.Action.STOP if _with_savepoint(q) else batches.Action.CANCEL)
        q.done()
        return _batch_answer(await batches.run_batch(_runtime(request), chosen, ids))

    return endpoint


def _batch_answer(report: batches.Report) -> Response:
    """A batch as the original answered it: success, and ``data`` a map of job id to that job's failed answer
    (the envelope a single call would have given), empty when every job succeeded. Jobs still under way when the
    request's wait ran out are said in ``msg`` (the batch goes on; each job's state tells how it ends)."""
    outcomes = report.outcomes
    failed = {
        str(o.job_id): {"code": status_of(o.error), "data": None, "msg": o.error.message, "success": False}
        for o in outcomes
        if o.error is not None
    }
    done = sum(o.done and o.error is None for o in outcomes)
    msg = f"{done} of {len(outcomes)} done"
    if report.under_way:
        msg += f"; {report.under_way} still under way (batch {report.batch.id}), each job's state tells how it ends"
    return ok(failed, msg)


async def _restore_point(request: Request) -> tuple[RestoreFrom, int | None]:
    q = await read_params(request)
    asked = RESTART.read(q)
    q.done()
    return restores.parse(asked.restore_from), asked.savepoint_id


async def run(request: Request) -> Response:
    """Run one job; ``restoreFrom`` (latest, savepoint with ``savepointId``, none) names the restore point."""
    mode, savepoint_id = await _restore_point(request)
    job_id = required_int(request.path_params, "jobId")
    return ok(await _run_vo(await lifecycle.run_job(_runtime(request), job_id, mode, savepoint_id)))


async def restart(request: Request) -> Response:
    """Restart one job; ``restoreFrom`` (latest, savepoint with ``savepointId``, none) names the restore point."""
    mode, savepoint_id = await _restore_point(request)
    job_id = required_int(request.path_params, "jobId")
    run = await lifecycle.restart_job(_runtime(request), job_id, mode, savepoint_id)
    return ok(await _run_vo(run))


async def cancel(request: Request) -> Response:
    """Stop one job with a savepoint, or without one when ``withSavepoint=false``."""
    q = await read_params(request)
    with_savepoint = _with_savepoint(q)
    q.done()
    job_id = required_int(request.path_params, "jobId")
    runtime = _runtime(request)
    return ok(await _stopped_vo(await lifecycle.cancel_job(runtime, job_id, with_savepoint), runtime.policy.zone))


async def _savepoint_data(o: Operation, zone: tzinfo) -> dict[str, Any]:
    """The savepoint written (its path), or the operation still under way: ``status`` says which."""
    written = await Savepoint.get_or_none(id=o.savepoint_id) if o.savepoint_id else None
    return {**(_savepoint_vo(written, zone) or {"savepointPath": None}), **(_operation_vo(o) or {})}


async def overview(request: Request) -> Response:
    return ok(await monitoring.job_view(_runtime(request), required_int(request.path_params, "jobId")))


async def log(request: Request) -> Response:
    return ok(await monitoring.log_text(_runtime(request), required_int(request.path_params, "jobId")))


async def _one_cluster(runtime: Runtime, cluster_id: int) -> dict[str, Any]:
    cluster = await get_cluster(cluster_id)
    return cluster_info_vo(cluster, runtime.policy.zone, await cluster_overview.cluster_live(runtime.flink, cluster))


async def cluster_info(request: Request) -> Response:
    q = await read_params(request)
    cluster_id = ONE_CLUSTER.read(q).cluster_id
    q.done()
    assert cluster_id is not None  # required
    return ok(await _one_cluster(_runtime(request), cluster_id))


async def dashboard(request: Request) -> Response:
    """One cluster's figures (clusterId), or without it one object: the figures summed over every cluster."""
    q = await read_params(request)
    cluster_id = ANY_CLUSTER.read(q).cluster_id
    q.done()
    runtime = _runtime(request)
    if cluster_id is not None:
        return ok(await _one_cluster(runtime, cluster_id))
    return ok(await cluster_overview.clusters_summed(runtime.flink, await all_clusters()))


FLINK = "Asks the job's Flink cluster: 503 when it does not answer, 422 when it refuses (Flink's cause in msg)."
BATCHED = (
    "Each job in turn, as the original: success, and data a map of job id to that job's failed answer (its code "
    "and msg), empty when every job succeeded."
)
LIFECYCLE = (404, 409, 422)


def _described(summary: str, original: str, data: Any, batch: bool = False, **more: Any) -> Described:
    if batch:
        return Described(summary, "jobs", original, BATCHED, (BATCH, *more.get("query", ())), data=BATCH_FAILURES)
    return Described(summary, "jobs", original, FLINK, data=data, errors=LIFECYCLE, **more)


routes = [
    ApiRoute(
        "/jobs/run/{jobId:int}",
        run,
        "POST",
        _described("Start a job on its cluster from a restore point", "启动作业", RUN_VO, query=(RESTART,)),
    ),
    ApiRoute(
        "/jobs/runBatch",
        _batch(batches.Action.RUN),
        "POST",
        _described("Start many jobs", "批量启动作业", RUN_VO, batch=True),
    ),
    ApiRoute(
        "/jobs/cancel/{jobId:int}",
        cancel,
        "POST",
        _described(
            "Stop a job with a savepoint (withSavepoint=false: cancel without one)",
            "取消作业",
            STOPPED_VO,
            query=(CANCEL,),
        ),
    ),
    ApiRoute(
        "/jobs/cancelBatch",
        _batch(None),
        "POST",
        _described(
            "Stop many jobs (withSavepoint as for one)", "批量停止作业", STOPPED_VO, batch=True, query=(CANCEL,)
        ),
    ),
    ApiRoute(
        "/jobs/restart/{jobId:int}",
        restart,
        "POST",
        _described("Stop a job and start it again from a restore point", "重启作业", RUN_VO, query=(RESTART,)),
    ),
    ApiRoute(
        "/jobs/restartBatch",
        _batch(batches.Action.RESTART),
        "POST",
        _described("Restart many jobs from their newest savepoints", "批量重启作业", RUN_VO, batch=True),
    ),
    ApiRoute(
        "/jobs/savepoint/{jobId:int}",
        _single(lifecycle.trigger_savepoint, _savepoint_data),
        "GET",
        _described("Trigger a savepoint of a running job", "触发作业保存点", SAVEPOINT_DATA, changes=True),
    ),
    ApiRoute(
        "/jobs/overview/{jobId:int}",
        overview,
        "GET",
        _described("Flink's view of the job (state, timings, vertices)", "获取作业视图", OBJECT),
    ),
    ApiRoute(
        "/jobs/{jobId:int}/log",
        log,
        "GET",
        _described(
            "The job's log as text: how its runs ended and Flink's exceptions (empty for a job that never ran)",
            "作业日志",
            STRING,
        ),
    ),
    ApiRoute(
        "/dashboard/clusterInfo",
        dashboard,
        "GET",
        Described(
            "One cluster's live figures (clusterId), or every cluster's summed",
            "dashboard",
            "集群总览接口",
            "A cluster that does not answer reads reachable false, its figures null.",
            (ANY_CLUSTER,),
            data={"anyOf": [CLUSTER_INFO, CLUSTERS_SUMMED]},
            errors=(404,),
        ),
    ),
    ApiRoute(
        "/cluster/info",
        cluster_info,
        "GET",
        Described(
            "A cluster with its live figures (task managers, slots, job counts)",
            "clusters",
            "单个集群详细信息查询",
            "A cluster that does not answer reads reachable false, its figures null.",
            (ONE_CLUSTER,),
            data=CLUSTER_INFO,
            errors=(404,),
        ),
    ),
]
