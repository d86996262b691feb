"""Stored rows as the document's view objects (camelCase, its field names)."""

from __future__ import annotations

import dataclasses
from datetime import datetime, tzinfo
from typing import Any

from tortoise.models import Model

from hlink.masking import mask_sql, shown
from hlink.models import Cluster, Column, Datasource, DatasourceProperties, Jar, Job, JobDatasource, Udf
from hlink.services import clock
from hlink.services.artifacts.jars import size_text
from hlink.services.catalog.datasources import ColumnInput, masked, shown_properties
from hlink.services.catalog.ddl import ddl_of
from hlink.services.checks import camel
from hlink.services.jobs.definitions import STATUS_NAMES, TYPE_NAMES

CLUSTER_TYPE_NAMES = {0: "local", 1: "standalone", 2: "yarn", 3: "yarnPer"}
# columns that are ours, not the document's
HIDDEN = {"table_key", "sort"}
# our relation names → the document's
RENAMED = {"datasource_id": "dsId"}
#: the document's view objects double as query objects, so their answers carry the paging fields and the custom
#: parameters too; Jackson wrote them as null (no answer is a page request, and no custom parameter is stored)
QUERY_ECHO: dict[str, Any] = {"curPage": None, "pageSize": None, "parms": None}


def plain(row: Model, zone: tzinfo) -> dict[str, Any]:
    """Every stored column of a row, camelCased; times as the original wrote them (``yyyy-MM-dd HH:mm:ss`` in
    ``zone``: HLINK_TIME_ZONE, the policy's)."""
    out: dict[str, Any] = {}
    for name in row._meta.db_fields:
        if name in HIDDEN:
            continue
        value = shown(name, getattr(row, name))  # credentials a field may carry, masked
        out[RENAMED.get(name, camel(name))] = clock.text(value, zone) if isinstance(value, datetime) else value
    return out


def mapping_vo(m: JobDatasource) -> dict[str, Any]:
    return {"id": m.id, "jobId": m.job_id, "dsId": m.datasource_id, "dsType": m.ds_type, "runSql": m.run_sql}


def job_vo(
    job: Job,
    zone: tzinfo,
    cluster: Cluster | None,
    mappings: list[JobDatasource] | None = None,
    detail: bool = True,
    running: int | None = None,
    newest_savepoint: str | None = None,
) -> dict[str, Any]:
    """The jobVO: the job, its cluster's name and type, names of its codes, and its mapping when given; a list
    row (``detail`` false) leaves out the job graph. ``version`` (the document's reserved field) is the number
    of the version the job's Flink job runs (``running``), null while it runs nothing. ``savepointPath``
    follows the job's newest savepoint, as the original kept it (services.jobs.savepoints.newest_paths)."""
    vo = plain(job, zone)
    vo["version"] = str(running) if running is not None else None
    if newest_savepoint:
        vo["savepointPath"] = newest_savepoint
    vo.update(
        clusterName=cluster.name if cluster else None,
        clusterTypeName=CLUSTER_TYPE_NAMES.get(job.cluster_type),
        jobStatusName=STATUS_NAMES.get(job.job_status),
        jobTypeName=TYPE_NAMES.get(job.job_type),
    )
    vo.update(QUERY_ECHO)
    if mappings is not None:
        vo["jobDsVOS"] = [mapping_vo(m) for m in mappings]
    if not detail:  # a list row: the job graph (often kilobytes) is for the detail view
        vo.pop("validationPlan", None)
    return vo


def column_vo(c: Column, zone: tzinfo) -> dict[str, Any]:
    return plain(c, zone)


def column_input_vo(c: ColumnInput) -> dict[str, Any]:
    """A column the schema analysis proposes, with the dsSchemaColumnVOS field names."""
    return {camel(k): v for k, v in dataclasses.asdict(c).items() if not k.startswith("res")}


def ds_vo(
    ds: Datasource, zone: tzinfo, columns: list[Column] | None = None, props: DatasourceProperties | None = None
) -> dict[str, Any]:
    """The dsVO; with columns and properties (secrets masked) for the detail view."""
    vo = plain(ds, zone)
    vo["dsDdl"] = mask_sql(ds.ds_ddl) if ds.ds_ddl else ds.ds_ddl  # the user's own, secrets masked
    if columns is not None:
        # the generated DDL (or the user's own when ddlEnable is 1); secrets masked as in jsonFieldVO
        vo["dsDdl"] = ddl_of(ds, columns, masked(props.json_value) if props else [])
        vo["dsSchemaColumnVOS"] = [column_vo(c, zone) for c in columns]
        vo["jsonFieldVO"] = {"id": props.id if props else None, "dsId": ds.id, "jsonValue": shown_properties(ds, props)}
        vo.update(QUERY_ECHO)
    return vo


def cluster_vo(c: Cluster, zone: tzinfo) -> dict[str, Any]:
    return plain(c, zone)


def cluster_info_vo(c: Cluster, zone: tzinfo, live: dict[str, Any]) -> dict[str, Any]:
    """/cluster/info: the cluster with its live figures (services.clusters.overview.cluster_live)."""
    return {**cluster_vo(c, zone), **QUERY_ECHO, **live}


def jar_vo(j: Jar, zone: tzinfo) -> dict[str, Any]:
    vo = plain(j, zone)
    vo["resSizeStr"] = size_text(j.res_size)
    return vo


def udf_vo(u: Udf, zone: tzinfo) -> dict[str, Any]:
    return plain(u, zone)
