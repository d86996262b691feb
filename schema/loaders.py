"""Per-operation DataLoaders: each edge of the graph costs one SQL statement per operation, not per row, and an
edge with a ``limit`` reads at most that many rows per parent (a window in SQL, not every child sliced after).
An operation's own loaders read only the columns it asks for (schema/selection.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Hashable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, TypeVar

from graphql import FragmentDefinitionNode, OperationDefinitionNode
from pypika_tortoise.analytics import RowNumber
from pypika_tortoise.enums import Order
from pypika_tortoise.queries import Query, Table
from strawberry.dataloader import DataLoader
from strawberry.extensions import SchemaExtension
from tortoise.models import Model
from tortoise.queryset import QuerySet

from hlink.models import (
    Cluster,
    Column,
    Datasource,
    DatasourceProperties,
    Jar,
    Job,
    JobDatasource,
    JobRun,
    JobUpgrade,
    JobVersion,
    Operation,
    Savepoint,
)
from hlink.schema.selection import Selection, selection_of
from hlink.services.artifacts.udfs import jobs_calling

K = TypeVar("K", bound=Hashable)
M = TypeVar("M", bound=Model)


def by_key(model: type[M], column: str = "id") -> Callable[[Sequence[Any]], Awaitable[list[M | None]]]:
    """Batch: one row per key (or None), in one ``WHERE column IN (...)``."""

    async def load(keys: Sequence[Any]) -> list[M | None]:
        rows = await narrowed(model.filter(**{f"{column}__in": list(keys)}), model)
        found = {getattr(r, column): r for r in rows}
        return [found.get(k) for k in keys]

    return load


def grouped(
    model: type[M], column: str, order: Iterable[str] = ("id",)
) -> Callable[[Sequence[Any]], Awaitable[list[list[M]]]]:
    """Batch: every row per key, in one ``WHERE column IN (...)``."""

    async def load(keys: Sequence[Any]) -> list[list[M]]:
        groups: dict[Any, list[M]] = defaultdict(list)
        for row in await narrowed(model.filter(**{f"{column}__in": list(keys)}).order_by(*order), model):
            groups[getattr(row, column)].append(row)
        return [groups.get(k, []) for k in keys]

    return load


#: a key of a limited edge: the parent's key and how many children at most
Limited = tuple[Any, int]


def limited(
    model: type[M], column: str, order: Iterable[str] = ("id",)
) -> Callable[[Sequence[Limited]], Awaitable[list[list[M]]]]:
    """Batch: the first ``limit`` rows per key, in one statement per distinct limit (ROW_NUMBER over the key,
    which SQLite and PostgreSQL both have)."""

    async def load(keys: Sequence[Limited]) -> list[list[M]]:
        table = Table(model._meta.db_table)
        rank = RowNumber().over(table[column])
        for name in order:
            rank = rank.orderby(table[name.lstrip("-")], order=Order.desc if name.startswith("-") else Order.asc)
        by_limit: dict[int, set[Any]] = defaultdict(set)
        for key, limit in keys:
            by_limit[limit].add(key)
        groups: dict[Limited, list[M]] = defaultdict(list)
        for limit, values in by_limit.items():
            if limit <= 0:
                continue
            ranked = (
                Query.from_(table).select(table.star, rank.as_("hlink_rank")).where(table[column].isin(list(values)))
            )
            sql = Query.from_(ranked).select("*").where(ranked.hlink_rank <= limit).get_sql()
            rows: list[M] = await model.raw(sql)
            for row in rows:
                groups[(getattr(row, column), limit)].append(row)
        return [groups.get(k, []) for k in keys]

    return load


async def _jobs_by_udf(keys: Sequence[Limited]) -> list[list[Job]]:
    calls = await jobs_calling([name for name, _ in keys])
    chosen = {k: sorted(calls.get(k[0].lower(), ()))[: k[1]] for k in keys}
    ids = set().union(*chosen.values()) if chosen else set()
    jobs = {j.id: j for j in await Job.filter(id__in=list(ids))} if ids else {}
    return [[jobs[i] for i in chosen[k] if i in jobs] for k in keys]


async def _versions(keys: Sequence[tuple[int, int]]) -> list[JobVersion | None]:
    """Batch: one version per (job id, number), in one query."""
    rows = await JobVersion.filter(job_id__in={j for j, _ in keys}, number__in={n for _, n in keys})
    found = {(v.job_id, v.number): v for v in rows}
    return [found.get(k) for k in keys]


@dataclass
class Loaders:
    """One set per request, so cached rows never outlive the request that read them."""

    cluster: DataLoader[int, Cluster | None] = field(default_factory=lambda: DataLoader(by_key(Cluster)))
    job: DataLoader[int, Job | None] = field(default_factory=lambda: DataLoader(by_key(Job)))
    runs_by_job: DataLoader[Limited, list[JobRun]] = field(
        default_factory=lambda: DataLoader(limited(JobRun, "job_id", ("-id",)))
    )
    versions_by_job: DataLoader[Limited, list[JobVersion]] = field(
        default_factory=lambda: DataLoader(limited(JobVersion, "job_id", ("-number",)))
    )
    version: DataLoader[tuple[int, int], JobVersion | None] = field(default_factory=lambda: DataLoader(_versions))
    upgrades_by_job: DataLoader[Limited, list[JobUpgrade]] = field(
        default_factory=lambda: DataLoader(limited(JobUpgrade, "job_id", ("-id",)))
    )
    savepoints_by_job: DataLoader[int, list[Savepoint]] = field(
        default_factory=lambda: DataLoader(grouped(Savepoint, "job_id", ("-id",)))
    )
    operations_by_job: DataLoader[Limited, list[Operation]] = field(
        default_factory=lambda: DataLoader(limited(Operation, "job_id", ("-id",)))
    )
    savepoint: DataLoader[int, Savepoint | None] = field(default_factory=lambda: DataLoader(by_key(Savepoint)))
    datasource: DataLoader[int, Datasource | None] = field(default_factory=lambda: DataLoader(by_key(Datasource)))
    jar_by_name: DataLoader[str, Jar | None] = field(default_factory=lambda: DataLoader(by_key(Jar, "res_uname")))
    jobs_by_cluster: DataLoader[Limited, list[Job]] = field(
        default_factory=lambda: DataLoader(limited(Job, "cluster_id", ("-id",)))
    )
    jars_by_cluster: DataLoader[Limited, list[Jar]] = field(
        default_factory=lambda: DataLoader(limited(Jar, "cluster_id", ("-id",)))
    )
    jobs_by_jar: DataLoader[Limited, list[Job]] = field(default_factory=lambda: DataLoader(limited(Job, "use_jar")))
    jobs_by_udf: DataLoader[Limited, list[Job]] = field(default_factory=lambda: DataLoader(_jobs_by_udf))
    mappings_by_job: DataLoader[int, list[JobDatasource]] = field(
        default_factory=lambda: DataLoader(grouped(JobDatasource, "job_id", ("sort", "id")))
    )
    mappings_by_datasource: DataLoader[Limited, list[JobDatasource]] = field(
        default_factory=lambda: DataLoader(limited(JobDatasource, "datasource_id"))
    )
    columns_by_datasource: DataLoader[int, list[Column]] = field(
        default_factory=lambda: DataLoader(grouped(Column, "datasource_id", ("sort", "id")))
    )
    properties: DataLoader[int, DatasourceProperties | None] = field(
        default_factory=lambda: DataLoader(by_key(DatasourceProperties, "datasource_id"))
    )


class Running:
    """What one operation holds while it runs: its own loaders (so rows read with its columns never serve another
    operation, such as a second one on the same WebSocket) and what it selects."""

    def __init__(self) -> None:
        self.loaders = Loaders()
        self.selection = Selection()


_operation: ContextVar[Running | None] = ContextVar("graphql_operation", default=None)


@contextmanager
def per_operation() -> Iterator[Running]:
    """Run an operation with loaders of its own."""
    mark = _operation.set(Running())
    try:
        yield _operation.get()  # type: ignore[misc]
    finally:
        _operation.reset(mark)


def current_operation() -> Running | None:
    """The running operation's own state, if it has one (operations through :func:`per_operation`)."""
    return _operation.get()


def reads(model: type[Model]) -> tuple[str, ...] | None:
    """The columns the running operation reads of ``model``; None: whole rows."""
    operation = _operation.get()
    return operation.selection.columns.get(model) if operation is not None else None


def asked(*path: str) -> bool:
    """Whether the running operation selects the field at this path of field names from the root (False outside
    an operation of its own)."""
    operation = _operation.get()
    return operation is not None and path in operation.selection.asked


def narrowed(query: QuerySet[M], model: type[M]) -> QuerySet[M]:
    """The query reading only the columns the running operation asks of ``model``."""
    columns = reads(model)
    return query.only(*columns) if columns else query


class ReadColumns(SchemaExtension):
    """Works out, once per operation and before it runs, the columns the operation's loaders read
    (schema/selection.py); an operation without loaders of its own (a subscription) reads whole rows."""

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        operation = _operation.get()
        document = context.graphql_document
        if operation is not None and document is not None:
            fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
            chosen = [
                d
                for d in document.definitions
                if isinstance(d, OperationDefinitionNode)
                and context.operation_name in (None, d.name.value if d.name else None)
            ]
            if len(chosen) == 1:
                operation.selection = selection_of(context.schema._schema, chosen[0], fragments)
        yield
