"""Root query resolvers: pages with filters, lookups by id, dictionaries and helpers."""

from __future__ import annotations

from typing import Any, TypeVar

import strawberry
from tortoise.models import Model

from hlink import models
from hlink.resolvers import lifecycle
from hlink.resolvers.convert import parse_id, to_service
from hlink.schema.context import Info
from hlink.schema.forms import ConnectorForm, TypeList
from hlink.schema.inputs import ClusterFilter, DatasourceFilter, JarFilter, JobFilter, UdfFilter
from hlink.schema.loaders import reads
from hlink.schema.payloads import JobBatch, Page
from hlink.schema.types import (
    Cluster,
    Datasource,
    DictEntry,
    DsType,
    HelpDoc,
    Jar,
    Job,
    Udf,
    from_row,
    prefetch_jobs,
    rows_to,
)
from hlink.services import reference
from hlink.services.artifacts import jars, udfs
from hlink.services.catalog import connectors, datasources
from hlink.services.catalog.schema_analysis import BASIC_TYPES, FLINK_SQL_TYPES
from hlink.services.clusters import registry as clusters
from hlink.services.errors import NotFound
from hlink.services.jobs import definitions as jobs
from hlink.services.paging import Page as RowPage
from hlink.services.paging import Window, window
from hlink.services.snowflake import next_id

T = TypeVar("T")


def _page(cls: type[T], page: RowPage[Any]) -> Page[T]:
    return Page(items=rows_to(cls, page.items), total_count=page.total, limit=page.limit, offset=page.offset)


def _window(info: Info, limit: int, offset: int) -> Window:
    """The page asked for, checked against the app's page cap (HLINK_PAGE_CAP)."""
    return window(limit, offset, info.context.policy.page_cap)


async def _one(cls: type[T], loader: Any, key: strawberry.ID) -> T | None:
    row: Model | None = await loader.load(parse_id(key, "id"))
    return from_row(cls, row) if row else None


@strawberry.type
class Query:
    @strawberry.field(description="Jobs, newest first.")
    async def jobs(self, info: Info, filter: JobFilter | None = None, limit: int = 20, offset: int = 0) -> Page[Job]:
        flt = to_service(jobs.JobFilter, filter)
        page = _page(Job, await jobs.list_jobs(flt, _window(info, limit, offset), reads(models.Job)))
        await prefetch_jobs(page.items, info)
        return page

    @strawberry.field
    async def job(self, info: Info, id: strawberry.ID) -> Job | None:
        return await _one(Job, info.context.loaders.job, id)

    @strawberry.field(
        description="A batch of lifecycle actions (runJobs, cancelJobs, restartJobs) by its id: each job's outcome "
        "so far; one still under way reads done false."
    )
    async def job_batch(self, id: strawberry.ID) -> JobBatch | None:
        return await lifecycle.job_batch(id)

    @strawberry.field(description="Datasources, newest first.")
    async def datasources(
        self, info: Info, filter: DatasourceFilter | None = None, limit: int = 20, offset: int = 0
    ) -> Page[Datasource]:
        flt = to_service(datasources.DatasourceFilter, filter)
        return _page(Datasource, await datasources.list_datasources(flt, _window(info, limit, offset)))

    @strawberry.field
    async def datasource(self, info: Info, id: strawberry.ID) -> Datasource | None:
        return await _one(Datasource, info.context.loaders.datasource, id)

    @strawberry.field(description="Is this alias a valid SQL identifier that no other datasource uses?")
    async def table_name_available(self, table_name: str, ds_id: strawberry.ID | None = None) -> bool:
        return await datasources.check_table_name(table_name, parse_id(ds_id, "dsId") if ds_id else None)

    @strawberry.field(description="Clusters, newest first.")
    async def clusters(
        self, info: Info, filter: ClusterFilter | None = None, limit: int = 20, offset: int = 0
    ) -> Page[Cluster]:
        flt = to_service(clusters.ClusterFilter, filter)
        return _page(Cluster, await clusters.list_clusters(flt, _window(info, limit, offset)))

    @strawberry.field
    async def cluster(self, info: Info, id: strawberry.ID) -> Cluster | None:
        return await _one(Cluster, info.context.loaders.cluster, id)

    @strawberry.field(description="Uploaded jars, newest first.")
    async def jars(self, info: Info, filter: JarFilter | None = None, limit: int = 20, offset: int = 0) -> Page[Jar]:
        return _page(Jar, await jars.list_jars(to_service(jars.JarFilter, filter), _window(info, limit, offset)))

    @strawberry.field
    async def jar(self, id: strawberry.ID) -> Jar | None:
        try:
            return from_row(Jar, await jars.get_jar(parse_id(id, "id")))
        except NotFound:
            return None

    @strawberry.field(description="User-defined functions, newest first.")
    async def udfs(self, info: Info, filter: UdfFilter | None = None, limit: int = 20, offset: int = 0) -> Page[Udf]:
        return _page(Udf, await udfs.list_udfs(to_service(udfs.UdfFilter, filter), _window(info, limit, offset)))

    @strawberry.field
    async def udf(self, id: strawberry.ID) -> Udf | None:
        try:
            return from_row(Udf, await udfs.get_udf(parse_id(id, "id")))
        except NotFound:
            return None

    @strawberry.field(description="The connector form of a role and connector; null when hlink has none.")
    def connector_form(self, ds_type: DsType, table_type: str) -> ConnectorForm | None:
        form = connectors.form_of(ds_type.value, table_type)
        return ConnectorForm.of(form) if form else None

    @strawberry.field(description="Every connector form hlink has, optionally of one role.")
    def connector_forms(self, ds_type: DsType | None = None) -> list[ConnectorForm]:
        return [ConnectorForm.of(f) for f in connectors.FORMS if ds_type is None or f.ds_type == ds_type.value]

    @strawberry.field(description="The types a column may have (the original's /ds/getTypeList).")
    def type_list(self) -> TypeList:
        return TypeList(flink_sql_types=list(FLINK_SQL_TYPES), basic_types=list(BASIC_TYPES))

    @strawberry.field(description="Dictionary entries: one dictionary's, or every dictionary's.")
    async def dictionary(self, dict_type: str | None = None) -> list[DictEntry]:
        if dict_type is not None:
            return rows_to(DictEntry, await reference.dictionary(dict_type))
        grouped = await reference.dictionaries()
        return rows_to(DictEntry, [e for entries in grouped.values() for e in entries])

    @strawberry.field
    async def help_doc(self, key: str) -> HelpDoc | None:
        try:
            return from_row(HelpDoc, await reference.help_doc(key))
        except NotFound:
            return None

    @strawberry.field(description="A new snowflake id, for a column's virtualId.")
    def snowflake_id(self) -> str:
        return next_id()
