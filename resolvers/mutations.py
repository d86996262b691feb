"""Root mutation resolvers: create, update and delete every entity; uploads of jars and UDF jars."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar, cast

import strawberry
from strawberry.file_uploads import Upload

from hlink.resolvers.convert import datasource_input, job_input, parse_id, to_service
from hlink.schema.context import Info
from hlink.schema.enums import SchemaType, StructureType
from hlink.schema.errors import MutationError, to_graphql
from hlink.schema.forms import AnalysedColumn
from hlink.schema.inputs import ClusterInput, DatasourceInput, JobInput
from hlink.schema.payloads import (
    ClusterPayload,
    DatasourcePayload,
    DeletePayload,
    JarPayload,
    JobPayload,
    SchemaAnalysisPayload,
    UdfPayload,
)
from hlink.schema.types import Cluster, Datasource, Jar, Job, Udf, from_row
from hlink.services.artifacts import jars, udfs
from hlink.services.artifacts.storage import Upload as StoredUpload
from hlink.services.catalog import datasources
from hlink.services.catalog.schema_analysis import analyse_upload
from hlink.services.clusters import registry as clusters
from hlink.services.errors import DomainError
from hlink.services.jobs import definitions as jobs
from hlink.services.jobs import lifecycle

R = TypeVar("R")


async def attempt(action: Callable[[], Awaitable[R]]) -> tuple[R | None, MutationError | None]:
    """Run a service call; an expected failure becomes the payload's typed error."""
    try:
        return await action(), None
    except DomainError as error:
        return None, to_graphql(error)


async def _deleted(key: strawberry.ID, delete: Callable[[int], Awaitable[Any]]) -> DeletePayload:
    async def run() -> strawberry.ID:
        await delete(parse_id(key, "id"))
        return key

    deleted, error = await attempt(run)
    return DeletePayload(deleted_id=deleted, error=error)


@strawberry.type
class Mutation:
    @strawberry.mutation
    async def create_cluster(self, info: Info, input: ClusterInput) -> ClusterPayload:
        allowed = info.context.policy.clusters
        row, error = await attempt(lambda: clusters.create_cluster(to_service(clusters.ClusterInput, input), allowed))
        return ClusterPayload(cluster=from_row(Cluster, row) if row else None, error=error)

    @strawberry.mutation
    async def update_cluster(self, info: Info, id: strawberry.ID, input: ClusterInput) -> ClusterPayload:
        allowed = info.context.policy.clusters
        row, error = await attempt(
            lambda: clusters.update_cluster(parse_id(id, "id"), to_service(clusters.ClusterInput, input), allowed)
        )
        return ClusterPayload(cluster=from_row(Cluster, row) if row else None, error=error)

    @strawberry.mutation(description="Refused (Conflict) while jobs still run on the cluster.")
    async def delete_cluster(self, id: strawberry.ID) -> DeletePayload:
        return await _deleted(id, clusters.delete_cluster)

    @strawberry.mutation
    async def create_datasource(self, info: Info, input: DatasourceInput) -> DatasourcePayload:
        most = info.context.policy.max_columns
        row, error = await attempt(lambda: datasources.create_datasource(datasource_input(input), most))
        return DatasourcePayload(datasource=from_row(Datasource, row) if row else None, error=error)

    @strawberry.mutation
    async def update_datasource(self, info: Info, id: strawberry.ID, input: DatasourceInput) -> DatasourcePayload:
        most = info.context.policy.max_columns
        row, error = await attempt(
            lambda: datasources.update_datasource(parse_id(id, "id"), datasource_input(input), most)
        )
        return DatasourcePayload(datasource=from_row(Datasource, row) if row else None, error=error)

    @strawberry.mutation(description="Refused (Conflict) while a job maps the datasource.")
    async def delete_datasource(self, id: strawberry.ID) -> DeletePayload:
        return await _deleted(id, datasources.delete_datasource)

    @strawberry.mutation(
        description="Create a job and validate it on its cluster; a job that does not validate is kept as a draft."
    )
    async def create_job(self, info: Info, input: JobInput) -> JobPayload:
        row, error = await attempt(lambda: lifecycle.save_new(info.context.runtime, job_input(input)))
        return JobPayload(job=from_row(Job, row) if row else None, error=error)

    @strawberry.mutation(description="Update a job; it is validated again when it has a cluster.")
    async def update_job(self, info: Info, id: strawberry.ID, input: JobInput) -> JobPayload:
        row, error = await attempt(
            lambda: lifecycle.save_changed(info.context.runtime, parse_id(id, "id"), job_input(input))
        )
        return JobPayload(job=from_row(Job, row) if row else None, error=error)

    @strawberry.mutation(description="Refused (Conflict) while the job runs on Flink.")
    async def delete_job(self, id: strawberry.ID) -> DeletePayload:
        return await _deleted(id, jobs.delete_job)

    @strawberry.mutation(description="Upload a job jar (multipart request).")
    async def upload_jar(
        self,
        info: Info,
        file: Upload,
        cluster_id: strawberry.ID | None = None,
        entry_class: str | None = None,
    ) -> JarPayload:
        storage = info.context.storage
        row, error = await attempt(
            lambda: jars.upload_jar(
                storage,
                cast(StoredUpload, file),
                parse_id(cluster_id, "clusterId") if cluster_id else None,
                entry_class,
            )
        )
        return JarPayload(jar=from_row(Jar, row) if row else None, error=error)

    @strawberry.mutation(description="Refused (Conflict) while a job runs the jar.")
    async def delete_jar(self, info: Info, id: strawberry.ID) -> DeletePayload:
        storage = info.context.storage
        return await _deleted(id, lambda key: jars.delete_jar(storage, key))

    @strawberry.mutation(description="Upload a UDF jar with the function's class, name and type (multipart request).")
    async def upload_udf(
        self,
        info: Info,
        file: Upload,
        udf_name: str,
        udf_class: str,
        udf_type: str = "SCALA",
        udf_desc: str | None = None,
    ) -> UdfPayload:
        storage = info.context.storage
        row, error = await attempt(
            lambda: udfs.upload_udf(storage, cast(StoredUpload, file), udf_class, udf_name, udf_type, udf_desc)
        )
        return UdfPayload(udf=from_row(Udf, row) if row else None, error=error)

    @strawberry.mutation(
        description="Read a JSON Schema, JSON sample or Avro schema (multipart) into proposed columns."
    )
    async def analyze_schema(
        self,
        info: Info,
        file: Upload,
        schema_type: SchemaType = SchemaType.JSON,
        structure_type: StructureType = StructureType.NESTED,
    ) -> SchemaAnalysisPayload:
        storage = info.context.storage
        result, error = await attempt(
            lambda: analyse_upload(storage, cast(StoredUpload, file), schema_type.value, structure_type.value)
        )
        if result is None:
            return SchemaAnalysisPayload(error=error)
        kept, columns = result
        return SchemaAnalysisPayload(schema_file=kept, columns=[AnalysedColumn.of(c) for c in columns])

    @strawberry.mutation
    async def update_udf(self, id: strawberry.ID, udf_desc: str | None) -> UdfPayload:
        row, error = await attempt(lambda: udfs.update_udf(parse_id(id, "id"), udf_desc))
        return UdfPayload(udf=from_row(Udf, row) if row else None, error=error)

    @strawberry.mutation(description="Refused (Conflict) while a job's SQL calls the function.")
    async def delete_udf(self, info: Info, id: strawberry.ID) -> DeletePayload:
        storage = info.context.storage
        return await _deleted(id, lambda key: udfs.delete_udf(storage, key))
