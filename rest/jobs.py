"""/jobs: create, update, delete, list and detail (the Flink-backed paths come with the lifecycle)."""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from hlink.models import Cluster, Job
from hlink.rest.contract import BY_ID, PAGED, ApiRoute, Body, Fields, Operation, Schema
from hlink.rest.envelope import ipage, ok
from hlink.rest.inputs import body_id, json_body, policy_of, read_params, required_int
from hlink.rest.schemas import INTEGER
from hlink.rest.views import job_vo
from hlink.rest.viewschemas import NOTHING, job_schema, page_of
from hlink.services.checks import Checks
from hlink.services.jobs import definitions as jobs
from hlink.services.jobs import lifecycle, versions
from hlink.services.jobs.savepoints import newest_paths

RENAMES = {"mappings": "jobDsVOS"}
#: what saving checks (services.jobs.definitions): the codes a setting takes, the counts never negative
SETTINGS: dict[str, Schema] = {
    **{name: {"enum": list(codes)} for _, name, codes in jobs._CODES},
    **{name: {"minimum": 0, "maximum": Job._meta.fields_map[attr].constraints["le"]} for attr, name in jobs._COUNTS},
}
NEW_JOB = Body(jobs.JobInput, RENAMES, required=frozenset({"jobName"}), schemas=SETTINGS)
CHANGED_JOB = Body(jobs.JobInput, RENAMES, extra={"id": INTEGER}, required=frozenset({"id"}), schemas=SETTINGS)
FILTER = Fields(jobs.JobFilter)
SAVED = "The cluster's planner checks a SQL job on saving (validationStatus); a cluster that is down leaves it 0."


def _read_job(body: object, declared: Body[jobs.JobInput]) -> jobs.JobInput:
    checks = Checks()
    data = declared.read(body, checks)
    checks.done()
    return data


async def _detail(job_id: int, zone: tzinfo) -> dict[str, Any]:
    job = await jobs.get_job(job_id)
    cluster = await Cluster.get_or_none(id=job.cluster_id) if job.cluster_id else None
    running = (await versions.running_numbers([job]))[job.id]
    newest = await newest_paths([job_id])
    mappings = await jobs.mappings_of(job_id)
    return job_vo(job, zone, cluster, mappings, running=running, newest_savepoint=newest.get(job_id))


async def add(request: Request) -> Response:
    job = await lifecycle.save_new(request.app.state.runtime, _read_job(await json_body(request), NEW_JOB))
    return ok(await _detail(job.id, policy_of(request).zone))


async def update(request: Request) -> Response:
    body = await json_body(request)
    job = await lifecycle.save_changed(request.app.state.runtime, body_id(body), _read_job(body, CHANGED_JOB))
    return ok(await _detail(job.id, policy_of(request).zone))


async def remove(request: Request) -> Response:
    q = await read_params(request)
    job_id = BY_ID.read(q).id
    q.done()
    await jobs.delete_job(job_id)
    return ok()


async def listing(request: Request) -> Response:
    q = await read_params(request)
    flt = FILTER.read(q)
    policy = policy_of(request)
    page = await jobs.list_jobs(flt, q.window(policy.page_cap))
    # one query each for the page's clusters and mappings, whatever the page size
    clusters = await jobs.clusters_of_jobs(page.items)
    mappings = await jobs.mappings_of_jobs(j.id for j in page.items)
    running = await versions.running_numbers(page.items)
    newest = await newest_paths(j.id for j in page.items)
    records = [
        job_vo(
            j,
            policy.zone,
            clusters.get(j.cluster_id or 0),
            mappings[j.id],
            detail=False,
            running=running[j.id],
            newest_savepoint=newest.get(j.id),
        )
        for j in page.items
    ]
    return ok(ipage(page, records))


async def detail(request: Request) -> Response:
    return ok(await _detail(required_int(request.path_params, "jobId"), policy_of(request).zone))


routes = [
    ApiRoute(
        "/jobs/addDO",
        add,
        "POST",
        Operation(
            "Create a job (SQL or JAR) with its Flink settings and datasource mapping",
            "jobs",
            "新建作业",
            SAVED,
            body=NEW_JOB,
            data=job_schema(detail=True),
            errors=(404, 409),
        ),
    ),
    ApiRoute(
        "/jobs/updateDO",
        update,
        "POST",
        Operation(
            "Update a job; a jobDsVOS list replaces the mapping",
            "jobs",
            "作业信息更新",
            SAVED,
            body=CHANGED_JOB,
            data=job_schema(detail=True),
            errors=(404, 409),
        ),
    ),
    ApiRoute(
        "/jobs/removeDO",
        remove,
        "DELETE",
        Operation(
            "Delete a job (not a running one)", "jobs", "删除作业", query=(BY_ID,), data=NOTHING, errors=(404, 409)
        ),
    ),
    ApiRoute(
        "/jobs/list",
        listing,
        "GET",
        Operation(
            "Jobs, paged and filtered", "jobs", "作业列表查询", query=(FILTER, PAGED), data=page_of(job_schema(False))
        ),
    ),
    ApiRoute(
        "/jobs/{jobId:int}",
        detail,
        "GET",
        Operation("A job with its datasource mapping", "jobs", "作业详情查询", data=job_schema(True), errors=(404,)),
    ),
]
