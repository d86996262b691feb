"""Per-request DataLoaders: each edge of the graph costs one SQL statement per request, not per row."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader
from tortoise.models import Model

from models import (
    Cluster,
    Column,
    Datasource,
    DatasourceProperties,
    Jar,
    Job,
    JobDatasource,
    JobRun,
    JobVersion,
    Operation,
    Savepoint,
)
from services.artifacts.udfs import jobs_calling

K = TypeVar("K", bound=Hashable)
M = TypeVar("M", bound=Model)


def by_key(model: type[M], column: str = "id") -> Callable[[Sequence[Any]], Awaitable[list[M | None]]]:
    """Batch: one row per key (or None), in one ``WHERE column IN (...)``."""

    async def load(keys: Sequence[Any]) -> list[M | None]:
        rows = await model.filter(**{f"{column}__in": list(keys)})
        found = {getattr(r, column): r for r in rows}
        return [found.get(k) for k in keys]

    return load


def grouped(
    model: type[M], column: str, order: Iterable[str] = ("id",)
) -> Callable[[Sequence[Any]], Awaitable[list[list[M]]]]:
    """Batch: every row per key, in one ``WHERE column IN (...)``."""

    async def load(keys: Sequence[Any]) -> list[list[M]]:
        groups: dict[Any, list[M]] = defaultdict(list)
        for row in await model.filter(**{f"{column}__in": list(keys)}).order_by(*order):
            groups[getattr(row, column)].append(row)
        return [groups.get(k, []) for k in keys]

    return load


async def _jobs_by_udf(names: Sequence[str]) -> list[list[Job]]:
    calls = await jobs_calling(list(names))
    ids = set().union(*calls.values()) if calls else set()
    jobs = {j.id: j for j in await Job.filter(id__in=list(ids)).order_by("id")} if ids else {}
    return [[jobs[i] for i in sorted(calls[n.lower()]) if i in jobs] for n in names]


@dataclass
class Loaders:
    """One set per request, so cached rows never outlive the request that read them."""

    cluster: DataLoader[int, Cluster | None] = field(default_factory=lambda: DataLoader(by_key(Cluster)))
    job: DataLoader[int, Job | None] = field(default_factory=lambda: DataLoader(by_key(Job)))
    runs_by_job: DataLoader[int, list[JobRun]] = field(
        default_factory=lambda: DataLoader(grouped(JobRun, "job_id", ("-id",)))
    )
    versions_by_job: DataLoader[int, list[JobVersion]] = field(
        default_factory=lambda: DataLoader(grouped(JobVersion, "job_id", ("-number",)))
    )
    savepoints_by_job: DataLoader[int, list[Savepoint]] = field(
        default_factory=lambda: DataLoader(grouped(Savepoint, "job_id", ("-id",)))
    )
    operations_by_job: DataLoader[int, list[Operation]] = field(
        default_factory=lambda: DataLoader(grouped(Operation, "job_id", ("-id",)))
    )
    savepoint: DataLoader[int, Savepoint | None] = field(default_factory=lambda: DataLoader(by_key(Savepoint)))
    datasource: DataLoader[int, Datasource | None] = field(default_factory=lambda: DataLoader(by_key(Datasource)))
    jar_by_name: DataLoader[str, Jar | None] = field(default_factory=lambda: DataLoader(by_key(Jar, "res_uname")))
    jobs_by_cluster: DataLoader[int, list[Job]] = field(
        default_factory=lambda: DataLoader(grouped(Job, "cluster_id", ("-id",)))
    )
    jars_by_cluster: DataLoader[int, list[Jar]] = field(
        default_factory=lambda: DataLoader(grouped(Jar, "cluster_id", ("-id",)))
    )
    jobs_by_jar: DataLoader[str, list[Job]] = field(default_factory=lambda: DataLoader(grouped(Job, "use_jar")))
    jobs_by_udf: DataLoader[str, list[Job]] = field(default_factory=lambda: DataLoader(_jobs_by_udf))
    mappings_by_job: DataLoader[int, list[JobDatasource]] = field(
        default_factory=lambda: DataLoader(grouped(JobDatasource, "job_id", ("sort", "id")))
    )
    mappings_by_datasource: DataLoader[int, list[JobDatasource]] = field(
        default_factory=lambda: DataLoader(grouped(JobDatasource, "datasource_id"))
    )
    columns_by_datasource: DataLoader[int, list[Column]] = field(
        default_factory=lambda: DataLoader(grouped(Column, "datasource_id", ("sort", "id")))
    )
    properties: DataLoader[int, DatasourceProperties | None] = field(
        default_factory=lambda: DataLoader(by_key(DatasourceProperties, "datasource_id"))
    )
