"""/jobs: create, update, delete, list and detail (the Flink-backed paths come with the lifecycle)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from models import Cluster
from rest.envelope import ipage, ok
from rest.inputs import Query, body_id, json_body, read_dataclass, required_int
from rest.views import job_vo
from services.checks import Checks
from services.jobs import definitions as jobs
from services.jobs import lifecycle

RENAMES = {"mappings": "jobDsVOS"}


def _read_job(body: object) -> jobs.JobInput:
    checks = Checks()
    data = read_dataclass(jobs.JobInput, body, checks, renames=RENAMES)
    checks.done()
    return data


async def _detail(job_id: int) -> dict[str, Any]:
    job = await jobs.get_job(job_id)
    cluster = await Cluster.get_or_none(id=job.cluster_id) if job.cluster_id else None
    return job_vo(job, cluster, await jobs.mappings_of(job_id))


async def add(request: Request) -> Response:
    job = await jobs.create_job(_read_job(await json_body(request)))
    await lifecycle.validate_saved(request.app.state.runtime, job)
    return ok(await _detail(job.id))


async def update(request: Request) -> Response:
    body = await json_body(request)
    job = await jobs.update_job(body_id(body), _read_job(body))
    await lifecycle.validate_saved(request.app.state.runtime, job)
    return ok(await _detail(job.id))


async def remove(request: Request) -> Response:
    await jobs.delete_job(required_int(request.query_params, "id"))
    return ok()


async def listing(request: Request) -> Response:
    q = Query(request.query_params)
    flt = q.read(jobs.JobFilter)
    limit, offset = q.window()
    page = await jobs.list_jobs(flt, limit, offset)
    # one query each for the page's clusters and mappings, whatever the page size
    clusters = await jobs.clusters_of_jobs(page.items)
    mappings = await jobs.mappings_of_jobs(j.id for j in page.items)
    records = [job_vo(j, clusters.get(j.cluster_id or 0), mappings[j.id], detail=False) for j in page.items]
    return ok(ipage(page, records))


async def detail(request: Request) -> Response:
    return ok(await _detail(required_int(request.path_params, "jobId")))


routes = [
    Route("/jobs/addDO", add, methods=["POST"]),
    Route("/jobs/updateDO", update, methods=["POST"]),
    Route("/jobs/removeDO", remove, methods=["DELETE"]),
    Route("/jobs/list", listing, methods=["GET"]),
    Route("/jobs/{jobId:int}", detail, methods=["GET"]),
]
