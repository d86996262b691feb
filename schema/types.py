"""The connected graph: clusters, jobs, datasources, columns, UDFs, jars and dictionary entries."""

from __future__ import annotations

import dataclasses
import typing
from datetime import datetime
from enum import Enum
from typing import Any, TypeVar

import strawberry
from tortoise.models import Model

import models
from resolvers.context import Info
from schema import budget
from schema.enums import (
    CheckpointCleanupMode,
    CheckpointMode,
    ClusterType,
    JobStatus,
    JobType,
    RestartStrategy,
    SchemaType,
    StateBackend,
    StructureType,
    TimeType,
    described,
)
from schema.lifecycle import ClusterOverview, FlinkJSON, JobRun, Savepoint, SavepointOperation, Validation
from schema.scalars import Long
from services import paging
from services.artifacts.jars import size_text
from services.catalog.datasources import ROOT, masked
from services.catalog.ddl import ddl_of
from services.catalog.secrets import mask_sql, shown
from services.clusters.overview import cluster_live
from services.errors import DomainError, ValidationFailed
from services.jobs.definitions import STATUS_NAMES, TYPE_NAMES
from services.jobs.monitoring import job_view
from services.jobs.script import build_script
from services.jobs.submission import pipeline_name

T = TypeVar("T")
K = TypeVar("K")


_ENUM_FIELDS: dict[type, dict[str, type[Enum]]] = {}


def _enum_fields(cls: type) -> dict[str, type[Enum]]:
    """The fields of a GraphQL type declared as enums (stored as their values), cached per type."""
    if cls not in _ENUM_FIELDS:
        hints = typing.get_type_hints(cls)
        _ENUM_FIELDS[cls] = {n: h for n, h in hints.items() if isinstance(h, type) and issubclass(h, Enum)}
    return _ENUM_FIELDS[cls]


def from_row(cls: type[T], row: Model, **overrides: Any) -> T:
    """A GraphQL object from a stored row: same-named attributes, the row kept privately for edges."""
    budget.spend()
    enums = _enum_fields(cls)
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if getattr(f, "base_resolver", None) is not None:
            continue  # an edge, resolved on demand
        if f.name in overrides:
            values[f.name] = overrides[f.name]
        elif f.name == "row":
            values["row"] = row
        elif f.name == "id":
            values["id"] = strawberry.ID(str(row.pk))
        elif f.name in enums:
            values[f.name] = enums[f.name](getattr(row, f.name))
        else:
            values[f.name] = shown(f.name, getattr(row, f.name))  # credentials a field may carry, masked
    return cls(**values)


#: how many items a nested list answers unless asked for fewer or more (up to the page cap)
NESTED_LIMIT = 20


def capped(key: K, limit: int) -> tuple[K, int]:
    """The key of a limited edge (its loader reads at most ``limit`` rows); a limit outside 0..page cap is
    refused."""
    if not 0 <= limit <= paging.PAGE_CAP:
        raise ValidationFailed({"limit": f"must be between 0 and {paging.PAGE_CAP}, got {limit}"})
    return key, limit


def rows_to(cls: type[T], rows: list[Any]) -> list[T]:
    return [from_row(cls, r) for r in rows if r is not None]


@described(
    "What a datasource is to a job.",
    SOURCE="A table jobs read from (Kafka).",
    SINK="A table jobs write to (MySQL, Kafka, HBase).",
    SIDE="A dimension table jobs look up (MySQL, Oracle, HTTP, Redis).",
    UDF="The dictionary's fourth kind, kept as the original lists it.",
)
class DsType(Enum):
    SOURCE = "source"
    SINK = "sink"
    SIDE = "side"
    UDF = "udf"


@described(
    "The role a datasource plays in a job's mapping.",
    SOURCE="Read from.",
    SIDE="Looked up (a dimension table).",
    SINK="Written to, with the sink's SQL.",
)
class Role(Enum):
    SOURCE = "source"
    SIDE = "side"
    SINK = "sink"


@strawberry.interface(description="Who created and last changed a row, and when.")
class Audited:
    create_by: str | None
    create_time: datetime
    modify_by: str | None
    modify_time: datetime


@strawberry.type(description="A registered Flink session cluster.")
class Cluster(Audited):
    row: strawberry.Private[models.Cluster]
    id: strawberry.ID
    name: str
    address: str
    type: ClusterType = strawberry.field(description="What kind of cluster it is (REST: type 0 to 3).")
    remark: str | None
    del_flag: int

    @strawberry.field(description="Jobs that run on this cluster, newest first, at most `limit`.")
    async def jobs(self, info: Info, limit: int = NESTED_LIMIT) -> list[Job]:
        return rows_to(Job, await info.context.loaders.jobs_by_cluster.load(capped(self.row.id, limit)))

    @strawberry.field(description="Jars uploaded for this cluster, at most `limit`.")
    async def jars(self, info: Info, limit: int = NESTED_LIMIT) -> list[Jar]:
        return rows_to(Jar, await info.context.loaders.jars_by_cluster.load(capped(self.row.id, limit)))

    @strawberry.field(description="Live figures asked of Flink now: version, task managers, slots, job counts.")
    async def overview(self, info: Info) -> ClusterOverview:
        return ClusterOverview.of(await cluster_live(info.context.runtime, self.row))


@strawberry.type(description="A column; nested columns (ROW, ARRAY<ROW>) have children.")
class Column(Audited):
    row: strawberry.Private[models.Column]
    id: strawberry.ID
    virtual_id: str
    virtual_pid: str
    level: int
    name: str
    flink_type: str | None
    basic_type: str | None
    join_key: int
    event_time: int
    comment: str | None

    @strawberry.field(description="The columns nested directly under this one.")
    async def children(self, info: Info) -> list[Column]:
        return rows_to(Column, await info.context.loaders.children(self.row.datasource_id, self.row.virtual_id))


@strawberry.type(description="One filled field of the connector form (secrets come back masked).")
class ConnectorProperty:
    field_name: str
    field_value: str | None
    label: str | None
    type: str | None
    required: bool | None


@strawberry.type(description="A job that maps this datasource, and in which role: the impact of changing it.")
class DatasourceUsage:
    role: Role
    job: Job


@strawberry.type(description="A table to Flink: an alias, a column tree and connector properties.")
class Datasource(Audited):
    row: strawberry.Private[models.Datasource]
    id: strawberry.ID
    ds_name: str
    ds_type: DsType
    table_name: str
    table_type: str | None
    schema_type: SchemaType
    structure_type: StructureType
    schema_file: str | None
    ddl_enable: int
    ds_version: int

    @strawberry.field(description="The user's own CREATE TABLE (used when ddlEnable is 1), secrets masked.")
    def ds_ddl(self) -> str | None:
        return mask_sql(self.row.ds_ddl) if self.row.ds_ddl else self.row.ds_ddl

    @strawberry.field(description="The top-level columns; nested ones hang under Column.children.")
    async def columns(self, info: Info) -> list[Column]:
        return rows_to(Column, await info.context.loaders.children(self.row.id, ROOT))

    @strawberry.field(description="Every column, flat, in stored order.")
    async def all_columns(self, info: Info) -> list[Column]:
        return rows_to(Column, await info.context.loaders.columns_by_datasource.load(self.row.id))

    @strawberry.field(description="The filled connector form.")
    async def properties(self, info: Info) -> list[ConnectorProperty]:
        stored = await info.context.loaders.properties.load(self.row.id)
        budget.spend(len(stored.json_value) if stored else 0)
        return [
            ConnectorProperty(
                field_name=str(p.get("fieldName")),
                field_value=p.get("fieldValue"),
                label=p.get("label"),
                type=p.get("type"),
                required=p.get("required"),
            )
            for p in masked(stored.json_value if stored else [])
        ]

    @strawberry.field(
        description="The CREATE TABLE Flink gets: generated from columns and properties, or the user's own "
        "(dsDdl) when ddlEnable is 1. Secrets are masked here as in properties."
    )
    async def ddl(self, info: Info) -> str:
        columns = await info.context.loaders.columns_by_datasource.load(self.row.id)
        stored = await info.context.loaders.properties.load(self.row.id)
        return ddl_of(self.row, columns, masked(stored.json_value if stored else []))

    @strawberry.field(description="Which jobs use this datasource, and in which role, at most `limit`.")
    async def jobs(self, info: Info, limit: int = NESTED_LIMIT) -> list[DatasourceUsage]:
        mappings = await info.context.loaders.mappings_by_datasource.load(capped(self.row.id, limit))
        jobs = await info.context.loaders.job.load_many([m.job_id for m in mappings])
        return [
            DatasourceUsage(role=Role(m.ds_type), job=from_row(Job, j))
            for m, j in zip(mappings, jobs, strict=True)
            if j is not None
        ]


@strawberry.type(description="One entry of a job's mapping: a datasource in a role; sinks carry their SQL.")
class JobMapping:
    row: strawberry.Private[models.JobDatasource]
    id: strawberry.ID
    role: Role
    run_sql: str | None

    @strawberry.field
    async def datasource(self, info: Info) -> Datasource:
        ds = await info.context.loaders.datasource.load(self.row.datasource_id)
        assert ds is not None  # the foreign key guarantees it
        return from_row(Datasource, ds)


@strawberry.type(description="A feature job (SQL or JAR) and its Flink settings.")
class Job(Audited):
    row: strawberry.Private[models.Job]
    id: strawberry.ID
    job_name: str
    job_code: str | None
    job_desc: str | None
    job_type: JobType = strawberry.field(description="What the job runs (REST: jobType 0 SQL, 1 JAR).")
    job_status: JobStatus = strawberry.field(
        description="The job's status as the documented API counts it (REST: jobStatus 0, 1, 2, 3 or 9)."
    )
    flink_state: str | None = strawberry.field(
        description="Flink's own state name beside jobStatus; UNKNOWN while the cluster does not answer."
    )
    status_time: datetime | None = strawberry.field(
        description="When the state last changed on Flink's word (hlink's own states, such as UNKNOWN, leave it)."
    )
    flink_job_id: str | None
    cluster_type: ClusterType
    computing_unit: int | None
    parallelism: int
    use_jar: str | None
    entry_class: str | None
    program: str | None
    allow_nrs: int
    savepoint_path: str | None
    state_savepoints_dir: str | None
    checkpoint_interval: Long
    checkpoint_mode: CheckpointMode
    checkpoint_timeout: Long | None
    checkpoint_max_cuncurrency: int | None
    min_pause_between_checkpoints: Long | None
    checkpoint_cleanup_mode: CheckpointCleanupMode
    checkpoint_statebackend_type: StateBackend
    checkpoint_statebackend_path: str | None
    restart_strategy: RestartStrategy
    restart_attempts: int | None
    delay_interval: int | None
    failure_rate: int | None
    failure_interval: int | None
    time_type: TimeType
    enable_minibatch_optimization: int
    table_exec_minibatch_allowlatency: Long | None
    table_exec_minibatch_size: Long | None
    table_optimizer_agg_phase_strategy: int
    table_optimizer_distinct_agg_split_enabled: int
    version: str | None

    @strawberry.field(
        description="The status in words (not running, running, ...), as REST's jobStatusName.",
        deprecation_reason="jobStatus is an enum now",
    )
    def job_status_name(self) -> str:
        return STATUS_NAMES[self.job_status]

    @strawberry.field(
        description="The type in words (SQL, JAR), as REST's jobTypeName.", deprecation_reason="jobType is an enum now"
    )
    def job_type_name(self) -> str:
        return TYPE_NAMES[self.job_type]

    @strawberry.field(description="The cluster the job runs on.")
    async def cluster(self, info: Info) -> Cluster | None:
        if self.row.cluster_id is None:
            return None
        found = await info.context.loaders.cluster.load(self.row.cluster_id)
        return from_row(Cluster, found) if found else None

    @strawberry.field(description="The whole mapping, in order, optionally of one role.")
    async def mappings(self, info: Info, role: Role | None = None) -> list[JobMapping]:
        return await _mappings(self.row, info, role)

    @strawberry.field(description="The datasources the job reads.")
    async def sources(self, info: Info) -> list[Datasource]:
        return await self._datasources(info, Role.SOURCE)

    @strawberry.field(description="The dimension tables the job looks up.")
    async def side_tables(self, info: Info) -> list[Datasource]:
        return await self._datasources(info, Role.SIDE)

    @strawberry.field(description="The sinks the job writes, each with its SQL.")
    async def sinks(self, info: Info) -> list[JobMapping]:
        return await _mappings(self.row, info, Role.SINK)

    @strawberry.field(description="The last validation by the cluster's planner: the job graph, or Flink's error.")
    def validation(self) -> Validation:
        return Validation.of(self.row)

    @strawberry.field(description="Every submission to Flink, newest first.")
    async def runs(self, info: Info, limit: int = 20) -> list[JobRun]:
        return [JobRun.of(r) for r in await info.context.loaders.runs_by_job.load(capped(self.row.id, limit))]

    @strawberry.field(description="Savepoints and retained checkpoints, newest first; restart uses the newest.")
    async def savepoints(self, info: Info) -> list[Savepoint]:
        return [Savepoint.of(r) for r in await info.context.loaders.savepoints_by_job.load(self.row.id)]

    @strawberry.field(
        description="Savepoints and stops asked of Flink, newest first: those under way, and how each ended."
    )
    async def operations(self, info: Info, limit: int = 20) -> list[SavepointOperation]:
        rows = await info.context.loaders.operations_by_job.load(capped(self.row.id, limit))
        written = await info.context.loaders.savepoint.load_many([r.savepoint_id or 0 for r in rows])  # 0: none
        return [SavepointOperation.of(r, s) for r, s in zip(rows, written, strict=True)]

    @strawberry.field(
        description="The statement script a SQL job runs (UDF jar paths as placeholders, secrets masked)."
    )
    async def script(self) -> str | None:
        if self.row.job_type != 0:
            return None
        try:
            return mask_sql((await build_script(self.row, pipeline_name(self.row), mask=True)).text())
        except DomainError:
            return None

    @strawberry.field(description="Flink's own view of the job's latest Flink job (state, timings, vertices).")
    async def flink_view(self, info: Info) -> FlinkJSON | None:
        try:
            return typing.cast(FlinkJSON, await job_view(info.context.runtime, self.row.id))
        except DomainError:
            return None

    @strawberry.field(description="The jar a JAR job runs.")
    async def jar(self, info: Info) -> Jar | None:
        if not self.row.use_jar:
            return None
        found = await info.context.loaders.jar_by_name.load(self.row.use_jar)
        return from_row(Jar, found) if found else None

    async def _datasources(self, info: Info, role: Role) -> list[Datasource]:
        rows = await info.context.loaders.mappings_by_job.load(self.row.id)
        ids = [m.datasource_id for m in rows if m.ds_type == role.value]
        return rows_to(Datasource, await info.context.loaders.datasource.load_many(ids))


async def _mappings(job: models.Job, info: Info, role: Role | None) -> list[JobMapping]:
    rows = await info.context.loaders.mappings_by_job.load(job.id)
    return [from_row(JobMapping, m, role=Role(m.ds_type)) for m in rows if role is None or m.ds_type == role.value]


@strawberry.type(description="A jar uploaded for JAR jobs.")
class Jar(Audited):
    row: strawberry.Private[models.Jar]
    id: strawberry.ID
    entry_class: str | None
    res_name: str
    res_uname: str = strawberry.field(description="The stored name; a JAR job's useJar.")
    res_size: Long
    res_type: int
    status: int

    @strawberry.field
    def res_size_str(self) -> str:
        return size_text(self.res_size)

    @strawberry.field(description="The cluster the jar was uploaded for.")
    async def cluster(self, info: Info) -> Cluster | None:
        if self.row.cluster_id is None:
            return None
        found = await info.context.loaders.cluster.load(self.row.cluster_id)
        return from_row(Cluster, found) if found else None

    @strawberry.field(description="Jobs that run this jar, at most `limit`.")
    async def jobs(self, info: Info, limit: int = NESTED_LIMIT) -> list[Job]:
        return rows_to(Job, await info.context.loaders.jobs_by_jar.load(capped(self.row.res_uname, limit)))


@strawberry.type(description="A user-defined function from an uploaded jar.")
class Udf(Audited):
    row: strawberry.Private[models.Udf]
    id: strawberry.ID
    udf_name: str
    udf_class: str
    udf_type: str = strawberry.field(description="SCALA, TABLE, AGGREGATE or TABLEAGG")
    udf_desc: str | None
    jar_name: str
    udf_path: str
    delete_flag: int

    @strawberry.field(description="Jobs whose SQL calls this function, at most `limit`.")
    async def jobs(self, info: Info, limit: int = NESTED_LIMIT) -> list[Job]:
        return rows_to(Job, await info.context.loaders.jobs_by_udf.load(capped(self.row.udf_name, limit)))


@strawberry.type(description="One entry of a dictionary (the codes behind the forms).")
class DictEntry(Audited):
    row: strawberry.Private[models.DictEntry]
    id: strawberry.ID
    dict_type: str
    dict_name: str | None
    dict_label: str
    dict_value: str
    dict_sort: int
    is_default: str
    status: str
    css_class: str | None
    list_class: str | None
    remark: str | None


@strawberry.type(description="A help document.")
class HelpDoc:
    row: strawberry.Private[models.HelpDoc]
    doc_key: str
    title: str
    content: str
