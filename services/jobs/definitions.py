"""Jobs: Flink settings and the datasource mapping, written in one transaction."""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import tzinfo

from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from hlink.models import Cluster, Datasource, Jar, Job, JobDatasource
from hlink.models.status import ACTIVE, NOT_RUNNING
from hlink.models.status import STATUS_NAMES as STATUS_NAMES
from hlink.services import clock
from hlink.services.access.audit import guarded
from hlink.services.actor import Role, stamp_change, stamp_new
from hlink.services.checks import Checks
from hlink.services.errors import Conflict
from hlink.services.paging import Page, Window, check_filter, paginate
from hlink.services.records import apply, get_or_404, given
from hlink.services.sqltext import SqlRefused, sink_statement

ROLES = ("source", "side", "sink")
TYPE_NAMES = {0: "SQL", 1: "JAR"}


@dataclass
class MappingInput:
    ds_id: int | None = None
    ds_type: str | None = None  # the role: source, side or sink
    run_sql: str | None = None


@dataclass
class JobInput:
    job_name: str | None = None
    job_code: str | None = None
    job_desc: str | None = None
    job_type: int | None = None
    cluster_id: int | None = None
    cluster_type: int | None = None
    computing_unit: int | None = None
    parallelism: int | None = None
    use_jar: str | None = None
    entry_class: str | None = None
    program: str | None = None
    allow_nrs: int | None = None
    savepoint_path: str | None = None
    state_savepoints_dir: str | None = None
    checkpoint_interval: int | None = None
    checkpoint_mode: int | None = None
    checkpoint_timeout: int | None = None
    checkpoint_max_cuncurrency: int | None = None
    min_pause_between_checkpoints: int | None = None
    checkpoint_cleanup_mode: int | None = None
    checkpoint_statebackend_type: int | None = None
    checkpoint_statebackend_path: str | None = None
    restart_strategy: int | None = None
    restart_attempts: int | None = None
    delay_interval: int | None = None
    failure_rate: int | None = None
    failure_interval: int | None = None
    time_type: int | None = None
    enable_minibatch_optimization: int | None = None
    table_exec_minibatch_allowlatency: int | None = None
    table_exec_minibatch_size: int | None = None
    table_optimizer_agg_phase_strategy: int | None = None
    table_optimizer_distinct_agg_split_enabled: int | None = None
    version: str | None = None
    #: None keeps the stored mapping; a list replaces it
    mappings: list[MappingInput] | None = None


@dataclass
class JobFilter:
    job_name: str | None = None
    job_code: str | None = None
    job_status: int | None = None
    job_type: int | None = None
    cluster_id: int | None = None
    flink_job_id: str | None = None


# (API field name, allowed values) of the settings that take a dictionary code
_CODES: tuple[tuple[str, str, tuple[int, ...]], ...] = (
    ("job_type", "jobType", (0, 1)),
    ("cluster_type", "clusterType", (0, 1, 2, 3)),
    ("allow_nrs", "allowNrs", (0, 1)),
    ("checkpoint_mode", "checkpointMode", (0, 1)),
    ("checkpoint_cleanup_mode", "checkpointCleanupMode", (0, 1)),
    ("checkpoint_statebackend_type", "checkpointStatebackendType", (0, 1, 2)),
    ("restart_strategy", "restartStrategy", (0, 1, 2)),
    ("time_type", "timeType", (0, 1, 2)),
    ("enable_minibatch_optimization", "enableMinibatchOptimization", (0, 1)),
    ("table_optimizer_agg_phase_strategy", "tableOptimizerAggPhaseStrategy", (0, 1)),
    ("table_optimizer_distinct_agg_split_enabled", "tableOptimizerDistinctAggSplitEnabled", (0, 1)),
)
# settings that count something: never negative
_COUNTS = (
    ("computing_unit", "computingUnit"),
    ("checkpoint_interval", "checkpointInterval"),
    ("checkpoint_timeout", "checkpointTimeout"),
    ("checkpoint_max_cuncurrency", "checkpointMaxCuncurrency"),
    ("min_pause_between_checkpoints", "minPauseBetweenCheckpoints"),
    ("restart_attempts", "restartAttempts"),
    ("delay_interval", "delayInterval"),
    ("failure_rate", "failureRate"),
    ("failure_interval", "failureInterval"),
    ("table_exec_minibatch_allowlatency", "tableExecMinibatchAllowlatency"),
    ("table_exec_minibatch_size", "tableExecMinibatchSize"),
)


async def _check(data: JobInput, current: Job | None) -> None:
    checks = Checks()
    if current is None or data.job_name is not None:
        checks.required("jobName", data.job_name)
    checks.max_length("jobName", data.job_name, 128)
    checks.max_length("jobCode", data.job_code, 64)
    for attr, api, allowed in _CODES:
        checks.one_of(api, getattr(data, attr), allowed)
    for attr, api in _COUNTS:
        # at most what the column holds: PostgreSQL refuses a number beyond its int4 or int8
        checks.in_range(api, getattr(data, attr), 0, Job._meta.fields_map[attr].constraints["le"])
    checks.in_range("parallelism", data.parallelism, 1, 4096)
    if data.cluster_id is not None and not await Cluster.exists(id=data.cluster_id):
        checks.add("clusterId", f"cluster {data.cluster_id} does not exist")
    if data.use_jar and not await Jar.exists(res_uname=data.use_jar):
        checks.add("useJar", f"no uploaded jar is stored as {data.use_jar!r}")
    if data.mappings is not None:
        await _check_mappings(checks, data.mappings)
    _check_minibatch(checks, data, current)
    checks.done()


def _check_minibatch(checks: Checks, data: JobInput, current: Job | None) -> None:
    """Mini-batch needs its latency and size (the document: both must be positive when it is on)."""

    def effective(attr: str) -> int | None:
        value = getattr(data, attr)
        return value if value is not None else getattr(current, attr, None)

    if effective("enable_minibatch_optimization") != 1:
        return
    for attr, api in (
        ("table_exec_minibatch_allowlatency", "tableExecMinibatchAllowlatency"),
        ("table_exec_minibatch_size", "tableExecMinibatchSize"),
    ):
        if not effective(attr):
            checks.add(api, "must be above 0 when enableMinibatchOptimization is 1")


async def _check_mappings(checks: Checks, mappings: list[MappingInput]) -> None:
    ids = {m.ds_id for m in mappings if m.ds_id is not None}
    rows = await Datasource.filter(id__in=list(ids)).values_list("id", "ds_type", "table_name") if ids else []
    kinds = {ds_id: kind for ds_id, kind, _ in rows}
    tables = {ds_id: table for ds_id, _, table in rows}
    seen: set[int] = set()
    for i, m in enumerate(mappings):
        where = f"jobDsVOS[{i}]"
        if checks.required(f"{where}.dsId", m.ds_id):
            assert m.ds_id is not None
            if m.ds_id not in kinds:
                checks.add(f"{where}.dsId", f"datasource {m.ds_id} does not exist")
            elif m.ds_type in ROLES and kinds[m.ds_id] != m.ds_type:
                checks.add(f"{where}.dsType", f"datasource {m.ds_id} is a {kinds[m.ds_id]}, not a {m.ds_type}")
            if m.ds_id in seen:
                checks.add(f"{where}.dsId", f"datasource {m.ds_id} is mapped twice")
            seen.add(m.ds_id)
        if checks.required(f"{where}.dsType", m.ds_type):
            checks.one_of(f"{where}.dsType", m.ds_type, ROLES)
        if m.run_sql and m.ds_type in ("source", "side"):
            checks.add(f"{where}.runSql", "only sink entries carry SQL")
        elif m.run_sql and m.ds_type == "sink" and m.ds_id in tables:
            try:
                sink_statement(m.run_sql, tables[m.ds_id])
            except SqlRefused as refused:
                checks.add(f"{where}.runSql", str(refused))


def _mapping_rows(job_id: int, mappings: list[MappingInput]) -> list[JobDatasource]:
    stamp = stamp_new()
    return [
        JobDatasource(
            job_id=job_id,
            datasource_id=m.ds_id,
            ds_type=m.ds_type,
            run_sql=m.run_sql if m.ds_type == "sink" else None,
            sort=i,
            **stamp,
        )
        for i, m in enumerate(mappings)
    ]


@guarded("job.create", Role.DEVELOPER, "job")
async def create_job(data: JobInput, zone: tzinfo) -> Job:
    """Create a job with its datasource mapping, all or nothing. It starts as not running; without a code of
    its own it gets one with the time in ``zone`` (HLINK_TIME_ZONE)."""
    await _check(data, None)
    job = Job(**given(data, skip=("mappings",)), job_status=NOT_RUNNING, **stamp_new())
    job.job_code = (job.job_code or "").strip() or new_job_code(job.job_type, zone)
    async with in_transaction():
        await job.save()
        if data.mappings:
            await JobDatasource.bulk_create(_mapping_rows(job.id, data.mappings))
    return job


def new_job_code(job_type: int | None, zone: tzinfo) -> str:
    """The original's job code: S (SQL) or J (JAR), the time as yyyyMMddHHmmss in ``zone``, and 4 digits."""
    prefix = "J" if job_type == 1 else "S"
    return f"{prefix}{clock.now_local(zone):%Y%m%d%H%M%S}{secrets.randbelow(10_000):04d}"


@guarded("job.update", Role.DEVELOPER, "job", key="job_id")
async def update_job(job_id: int, data: JobInput) -> Job:
    """Change the given settings; a given mapping list replaces the stored mapping. Moving a job to another
    cluster is refused while it is active on Flink (its Flink job would run on untracked), and is a
    compare-and-set on the job's revision (bumped), so a run claiming the job meanwhile wins or sees the move."""
    job = await get_or_404(Job, job_id, "job")
    await _check(data, job)
    values = {**given(data, skip=("mappings",)), **stamp_change()}
    moves = data.cluster_id is not None and data.cluster_id != job.cluster_id
    if moves and job.job_status in ACTIVE:
        raise Conflict(
            f"job {job_id} is {STATUS_NAMES[job.job_status]} on cluster {job.cluster_id}; cancel it before moving "
            "it to another cluster"
        )
    async with in_transaction():
        if moves:
            moved = (
                await Job.filter(id=job_id, revision=job.revision)
                .exclude(job_status__in=list(ACTIVE))
                .update(**values, revision=job.revision + 1)
            )
            if not moved:
                raise Conflict(f"job {job_id} changed while it was being moved (a run?); look at it again")
            apply(job, {**values, "revision": job.revision + 1})
        else:
            apply(job, values)
            # only the given settings: the lifecycle's columns (status, Flink job id, revision) are the state
            # machine's, and a concurrent run or reconciliation may have moved them since this row was read
            await job.save(update_fields=list(values))
        if data.mappings is not None:
            await JobDatasource.filter(job_id=job_id).delete()
            await JobDatasource.bulk_create(_mapping_rows(job_id, data.mappings))
    return job


@guarded("job.delete", Role.DEVELOPER, "job", key="job_id")
async def delete_job(job_id: int) -> None:
    """Delete a job that is not running on Flink; its mapping goes with it."""
    job = await get_or_404(Job, job_id, "job")
    if job.job_status in ACTIVE:
        raise Conflict(f"job {job_id} is {STATUS_NAMES[job.job_status]} on Flink; cancel it first")
    # a compare-and-set on the revision: a run claiming the job meanwhile keeps it
    if not await Job.filter(id=job_id, revision=job.revision).exclude(job_status__in=list(ACTIVE)).delete():
        raise Conflict(f"job {job_id} changed while it was being deleted (a run?); look at it again")


async def get_job(job_id: int) -> Job:
    return await get_or_404(Job, job_id, "job")


async def mappings_of(job_id: int) -> list[JobDatasource]:
    """The job's datasource mapping, in the order it was given."""
    return await JobDatasource.filter(job_id=job_id).order_by("sort", "id")


async def mappings_of_jobs(job_ids: Iterable[int]) -> dict[int, list[JobDatasource]]:
    """The datasource mappings of many jobs in one query (a page of the list), each job's in the order given;
    every asked job has an entry, empty when it maps nothing."""
    ids = list(dict.fromkeys(job_ids))
    grouped: dict[int, list[JobDatasource]] = {job_id: [] for job_id in ids}
    if ids:
        for m in await JobDatasource.filter(job_id__in=ids).order_by("job_id", "sort", "id"):
            grouped[m.job_id].append(m)
    return grouped


async def clusters_of_jobs(jobs: Iterable[Job]) -> dict[int, Cluster]:
    """The clusters of many jobs in one query, by id."""
    ids = list({j.cluster_id for j in jobs if j.cluster_id})
    return {c.id: c for c in await Cluster.filter(id__in=ids)} if ids else {}


def _filtered(flt: JobFilter) -> QuerySet[Job]:
    check_filter(flt, Job)
    query = Job.all()
    if flt.job_name:
        query = query.filter(job_name__icontains=flt.job_name)
    if flt.job_code:
        query = query.filter(job_code=flt.job_code)
    if flt.job_status is not None:
        query = query.filter(job_status=flt.job_status)
    if flt.job_type is not None:
        query = query.filter(job_type=flt.job_type)
    if flt.cluster_id is not None:
        query = query.filter(cluster_id=flt.cluster_id)
    if flt.flink_job_id:
        query = query.filter(flink_job_id=flt.flink_job_id)
    return query.order_by("-id")


async def list_jobs(flt: JobFilter, window: Window, columns: Sequence[str] | None = None) -> Page[Job]:
    """A page of jobs, newest first (``columns``: only those, as partial rows)."""
    return await paginate(_filtered(flt), window, columns)
