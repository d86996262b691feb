"""The connected graph: clusters, jobs, datasources, columns, UDFs, jars and dictionary entries."""

from __future__ import annotations

import dataclasses
import typing
from datetime import datetime
from enum import Enum
from functools import partial
from typing import Any, TypeVar

import strawberry
from tortoise.models import Model

from hlink import models
from hlink.masking import mask_sql, shown, shows_masked
from hlink.schema import budget
from hlink.schema.context import Info
from hlink.schema.enums import (
    CheckpointCleanupMode,
    CheckpointMode,
    ClusterType,
    HaType,
    JobStatus,
    JobType,
    RestartStrategy,
    SchemaType,
    StateBackend,
    StructureType,
    TimeType,
    described,
)
from hlink.schema.lifecycle import (
    ClusterOverview,
    FlinkJSON,
    JobRun,
    JobVersion,
    Savepoint,
    SavepointOperation,
    Validation,
)
from hlink.schema.loaders import asked
from hlink.schema.scalars import Long
from hlink.schema.upgrade import JobUpgrade
from hlink.services.artifacts.jars import size_text
from hlink.services.catalog.datasources import ROOT, masked
from hlink.services.catalog.ddl import ddl_of
from hlink.services.clusters.overview import cluster_live
from hlink.services.errors import DomainError, ValidationFailed
from hlink.services.jobs.definitions import STATUS_NAMES, TYPE_NAMES
from hlink.services.jobs.monitoring import job_view
from hlink.services.jobs.script import build_script
from hlink.services.jobs.submission import pipeline_name
from hlink.services.jobs.versions import running_number

T = TypeVar("T")
K = TypeVar("K")


#: the types whose stored fields read off their rows when asked (:func:`_readable`)
_READABLE: set[type] = set()
_ID, _PLAIN = object(), object()


class _Read:
    """A stored field read off the object's row when first asked, then kept on the object (a page makes
    thousands of objects and asks a few fields of each; the rows may hold only the columns asked for,
    schema/selection.py). A non-data descriptor: the kept value, or one the dataclass's __init__ set, wins."""

    __slots__ = ("how", "name")

    def __init__(self, name: str, how: Any) -> None:
        self.name, self.how = name, how

    def __get__(self, made: Any, owner: type | None = None) -> Any:
        if made is None:
            return self
        row = made.__dict__["row"]
        if self.how is _PLAIN:
            value = getattr(row, self.name)
        elif self.how is _ID:
            value = strawberry.ID(str(row.pk))
        else:
            value = self.how(getattr(row, self.name))
        made.__dict__[self.name] = value
        return value


def _readable(cls: type) -> None:
    """Give a type's stored fields (edges, resolved on demand, left out) their :class:`_Read`: its primary key as an
    ID, an enum made from the stored value, or the same-named attribute (masked where it may carry credentials).
    Done once per type, after Strawberry has made it (a class attribute set before would read as a default)."""
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        defaulted = f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
        if getattr(f, "base_resolver", None) is not None or defaulted or f.name == "row":
            continue  # an edge, resolved on demand, or what the resolvers attach (prefetched rows)
        hint = hints.get(f.name)
        how: Any = _ID if f.name == "id" else None
        if how is None and isinstance(hint, type) and issubclass(hint, Enum):
            how = hint
        elif how is None:
            how = partial(shown, f.name) if shows_masked(f.name) else _PLAIN
        setattr(cls, f.name, _Read(f.name, how))
    _READABLE.add(cls)


def from_row(cls: type[T], row: Model, **overrides: Any) -> T:
    """A GraphQL object from a stored row: its stored fields are the row's same-named attributes (with the
    credentials a field may carry masked), read when asked (:class:`_Read`), the row kept privately for edges;
    ``overrides`` set fields outright. Each object counts against the request's budget."""
    budget.spend()
    if cls not in _READABLE:
        _readable(cls)
    made = cls.__new__(cls)
    made.__dict__["row"] = row
    if overrides:
        made.__dict__.update(overrides)
    return made


#: how many items a nested list answers unless asked for fewer or more (up to the page cap)
NESTED_LIMIT = 20


def capped(key: K, limit: int, info: Info) -> tuple[K, int]:
    """The key of a limited edge (its loader reads at most ``limit`` rows); a limit outside 0..the app's page cap
    (HLINK_PAGE_CAP) is refused."""
    cap = info.context.policy.page_cap
    if not 0 <= limit <= cap:
        raise ValidationFailed({"limit": f"must be between 0 and {cap}, got {limit}"})
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
    ha_type: HaType = strawberry.field(description="How its job managers elect a leader.")

    @strawberry.field(description="Every job manager's REST address, `address` first.")
    def addresses(self) -> list[str]:
        return self.row.endpoints

    @strawberry.field(description="Jobs that run on this cluster, newest first, at most `limit`.")
    async def jobs(self, info: Info, limit: int = NESTED_LIMIT) -> list[Job]:
        return rows_to(Job, await info.context.loaders.jobs_by_cluster.load(capped(self.row.id, limit, info)))

    @strawberry.field(description="Jars uploaded for this cluster, at most `limit`.")
    async def jars(self, info: Info, limit: int = NESTED_LIMIT) -> list[Jar]:
        return rows_to(Jar, await info.context.loaders.jars_by_cluster.load(capped(self.row.id, limit, info)))

    @strawberry.field(description="Live figures asked of Flink now: version, task managers, slots, job counts.")
    async def overview(self, info: Info) -> ClusterOverview:
        return ClusterOverview.of(await cluster_live(info.context.runtime.flink, self.row))


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

    # a plain field, made with the column from the datasource's rows (:func:`column_tree`): a page holds
    # thousands of columns, and a field without a resolver costs the executor a fraction of one with
    children: list[Column] = strawberry.field(
        default_factory=list, description="The columns nested directly under this one."
    )


def column_tree(rows: list[models.Column]) -> dict[str, list[Column]]:
    """A datasource's columns as GraphQL objects under their parents' virtual ids (``ROOT``: the top level), each
    made once with its children attached, so a page of nested columns resolves without awaiting per column."""
    made = [from_row(Column, r) for r in rows]
    under: dict[str, list[Column]] = {}
    for column in made:
        under.setdefault(column.virtual_pid, []).append(column)
    for column in made:
        column.children = under.get(column.virtual_id, [])
    return under


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
    #: the column tree when the page read it beforehand (:func:`prefetch_jobs`)
    tree: strawberry.Private[dict[str, list[Column]] | None] = None

    @strawberry.field(description="The user's own CREATE TABLE (used when ddlEnable is 1), secrets masked.")
    def ds_ddl(self) -> str | None:
        return mask_sql(self.row.ds_ddl) if self.row.ds_ddl else self.row.ds_ddl

    @strawberry.field(description="The top-level columns; nested ones hang under Column.children.")
    def columns(self, info: Info) -> list[Column]:
        if self.tree is not None:
            return self.tree.get(ROOT, [])
        # not read beforehand: an awaitable, which the executor awaits (Strawberry types a resolver by its result)
        return typing.cast(list[Column], self._columns(info))

    async def _columns(self, info: Info) -> list[Column]:
        rows = await info.context.loaders.columns_by_datasource.load(self.row.id)
        return column_tree(rows).get(ROOT, [])

    @strawberry.field(description="Every column, flat, in stored order.")
    async def all_columns(self, info: Info) -> list[Column]:
        rows = await info.context.loaders.columns_by_datasource.load(self.row.id)
        return _in_order(rows, column_tree(rows))

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
        mappings = await info.context.loaders.mappings_by_datasource.load(capped(self.row.id, limit, info))
        jobs = await info.context.loaders.job.load_many([m.job_id for m in mappings])
        return [
            DatasourceUsage(role=Role(m.ds_type), job=from_row(Job, j))
            for m, j in zip(mappings, jobs, strict=True)
            if j is not None
        ]


def _in_order(rows: list[models.Column], tree: dict[str, list[Column]]) -> list[Column]:
    """The tree's columns in the rows' stored order."""
    by_id = {c.virtual_id: c for level in tree.values() for c in level}
    return [by_id[r.virtual_id] for r in rows if r.virtual_id in by_id]


@strawberry.type(description="One entry of a job's mapping: a datasource in a role; sinks carry their SQL.")
class JobMapping:
    row: strawberry.Private[models.JobDatasource]
    id: strawberry.ID
    role: Role
    run_sql: str | None
    #: read with the mapping (:func:`_mappings`), batched across the page's jobs: a plain field
    datasource: Datasource


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
    #: edges the page read beforehand for all its jobs (:func:`prefetch_jobs`), by field name
    ready: strawberry.Private[dict[str, Any] | None] = None

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
    def cluster(self, info: Info) -> Cluster | None:
        if self.ready is not None and "cluster" in self.ready:
            return typing.cast(Cluster | None, self.ready["cluster"])
        # not read beforehand: an awaitable, which the executor awaits (Strawberry types a resolver by its result)
        return typing.cast(Cluster | None, self._cluster(info))

    async def _cluster(self, info: Info) -> Cluster | None:
        if self.row.cluster_id is None:
            return None
        found = await info.context.loaders.cluster.load(self.row.cluster_id)
        return from_row(Cluster, found) if found else None

    @strawberry.field(description="The whole mapping, in order, optionally of one role.")
    def mappings(self, info: Info, role: Role | None = None) -> list[JobMapping]:
        if self.ready is not None and "mappings" in self.ready:
            made: list[JobMapping] = self.ready["mappings"]
            return [m for m in made if role is None or m.role is role]
        return typing.cast(list[JobMapping], _mappings(self.row, info, role))  # awaited, as cluster's

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
        return [JobRun.of(r) for r in await info.context.loaders.runs_by_job.load(capped(self.row.id, limit, info))]

    @strawberry.field(
        description="Every version of what the job runs, newest first: each saved change that changed what runs."
    )
    async def versions(self, info: Info, limit: int = 20) -> list[JobVersion]:
        rows = await info.context.loaders.versions_by_job.load(capped(self.row.id, limit, info))
        return [JobVersion.of(v) for v in rows]

    @strawberry.field(description="The version the job's Flink job runs (the one its run started); null while idle.")
    async def running_version(self, info: Info) -> JobVersion | None:
        # the current run is the job's newest while it is active (a claim makes a new one)
        number = running_number(self.row, await info.context.loaders.runs_by_job.load((self.row.id, 1)))
        found = await info.context.loaders.version.load((self.row.id, number)) if number is not None else None
        return JobVersion.of(found) if found else None

    @strawberry.field(
        description="Every upgrade and rollback of the job, newest first: its verdict, savepoint, status and reason."
    )
    async def upgrades(self, info: Info, limit: int = 20) -> list[JobUpgrade]:
        rows = await info.context.loaders.upgrades_by_job.load(capped(self.row.id, limit, info))
        return [JobUpgrade.of(u) for u in rows]

    @strawberry.field(description="Savepoints and retained checkpoints, newest first; restart uses the newest.")
    async def savepoints(self, info: Info) -> list[Savepoint]:
        return [Savepoint.of(r) for r in await info.context.loaders.savepoints_by_job.load(self.row.id)]

    @strawberry.field(
        description="Savepoints and stops asked of Flink, newest first: those under way, and how each ended."
    )
    async def operations(self, info: Info, limit: int = 20) -> list[SavepointOperation]:
        rows = await info.context.loaders.operations_by_job.load(capped(self.row.id, limit, info))
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
    """The job's mapping with each datasource's row (batched across the page's jobs by the loaders), so that
    ``JobMapping.datasource`` resolves without awaiting per mapping."""
    rows = [
        m for m in await info.context.loaders.mappings_by_job.load(job.id) if role is None or m.ds_type == role.value
    ]
    sources = await info.context.loaders.datasource.load_many([m.datasource_id for m in rows])
    return [
        from_row(JobMapping, m, role=Role(m.ds_type), datasource=from_row(Datasource, ds))
        for m, ds in zip(rows, sources, strict=True)
        if ds is not None  # the foreign key guarantees it
    ]


async def prefetch_jobs(jobs: list[Job], info: Info) -> list[Job]:
    """A page's edges read for all its jobs at once, as far as the operation asks for them under the page
    (``jobs { items { cluster, mappings { datasource { columns } } } }``), so that they resolve without an await
    per job, mapping and datasource: the same loaders, the same statements, the same objects."""
    wants_cluster = asked("jobs", "items", "cluster")
    wants_mappings = asked("jobs", "items", "mappings")
    if not jobs or not (wants_cluster or wants_mappings):
        return jobs
    loaders = info.context.loaders
    for job in jobs:
        job.ready = {}
    if wants_cluster:
        keys = list({j.row.cluster_id for j in jobs if j.row.cluster_id is not None})
        clusters = {k: r for k, r in zip(keys, await loaders.cluster.load_many(keys), strict=True) if r}
        for job in jobs:
            found = clusters.get(job.row.cluster_id) if job.row.cluster_id is not None else None
            typing.cast(dict[str, Any], job.ready)["cluster"] = from_row(Cluster, found) if found else None
    if wants_mappings:
        mappings = await loaders.mappings_by_job.load_many([j.row.id for j in jobs])
        keys = list({m.datasource_id for rows in mappings for m in rows})
        sources = {k: r for k, r in zip(keys, await loaders.datasource.load_many(keys), strict=True) if r}
        columns: dict[int, list[models.Column]] | None = None
        if asked("jobs", "items", "mappings", "datasource", "columns"):
            columns = dict(zip(keys, await loaders.columns_by_datasource.load_many(keys), strict=True))
        for job, rows in zip(jobs, mappings, strict=True):
            made = []
            for m in rows:
                source = sources.get(m.datasource_id)
                if source is None:  # the foreign key guarantees it
                    continue
                datasource = from_row(Datasource, source)
                if columns is not None:
                    datasource.tree = column_tree(columns[m.datasource_id])
                made.append(from_row(JobMapping, m, role=Role(m.ds_type), datasource=datasource))
            typing.cast(dict[str, Any], job.ready)["mappings"] = made
    return jobs


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
        return rows_to(Job, await info.context.loaders.jobs_by_jar.load(capped(self.row.res_uname, limit, info)))


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
        return rows_to(Job, await info.context.loaders.jobs_by_udf.load(capped(self.row.udf_name, limit, info)))


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
