"""What a preview runs: the runner's statements (settings, function registrations, the tables) and the one query,
each statement remembering where it came from so Flink's errors point back at the user's input."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from typing import Any

from hlink.flink.versions import FlinkVersion
from hlink.models import Datasource, Job, JobDatasource, Udf
from hlink.services.artifacts.udfs import udfs_called_in
from hlink.services.catalog.ddl import create_table, literal, quote, table_specs
from hlink.services.errors import NotFound, ValidationFailed
from hlink.services.jobs.lifecycle import invalid
from hlink.services.jobs.script import Origin, Script, job_settings
from hlink.services.sqltext import Piece, SqlRefused, place, placed, preview_query, sink_query

#: the job settings a preview keeps: what changes its rows (the planner's table.* options, the parallelism);
#: never checkpoints (the collect sink would hold rows back until a checkpoint), restarts or restore points
_KEPT = ("table.", "parallelism.default")
_POSITION = re.compile(r"line (\d+), column (\d+)")


@dataclass
class Plan:
    """A preview's script: ``script.statements`` end with the query; ``field`` is where its errors belong."""

    script: Script
    query: Piece
    field: str
    cluster_id: int
    parallelism: int
    pipeline: str
    udfs: list[Udf]

    def locate(self, index: int, reason: str) -> ValidationFailed:
        """Flink's error on runner argument ``index`` (the first is the mode) as a refusal at its place."""
        at = index - 1
        if at == len(self.script.statements) - 1 and not self.field.startswith("jobDsVOS"):
            error: dict[str, Any] = {"message": placed(self.query, reason), "field": self.field}
            found = _POSITION.search(reason)
            if found is not None:
                error["line"], error["column"] = place(self.query, int(found.group(1)), int(found.group(2)))
            return invalid(error)
        error = self.script.locate(at, reason)
        if str(error.get("field")).startswith("jobDsVOS[None]"):  # the datasource named on its own
            error["field"] = "datasourceId"
        return invalid(error)


def pipeline_name() -> str:
    """The preview's Flink job name: hlink's previews are recognised by it (and by their chosen job id)."""
    return f"hlink-preview-{secrets.token_hex(6)}"


async def plan(
    job_id: int | None,
    datasource_id: int | None,
    sql: str | None,
    cluster_id: int | None,
    version: FlinkVersion | None = None,
) -> Plan:
    """The statements of one preview; input that cannot be previewed is refused naming the field, before
    anything is sent to Flink. ``version`` (the cluster's) names the settings' keys."""
    if job_id is None and datasource_id is None:
        raise ValidationFailed({"jobId": "name a job (jobId) or a datasource (datasourceId) to preview"})
    query: Piece | None = None
    if sql is not None:
        try:
            query = preview_query(sql)
        except SqlRefused as refused:
            raise ValidationFailed({"sql": str(refused)}) from None
    job = await Job.get_or_none(id=job_id) if job_id is not None else None
    if job_id is not None and job is None:
        raise NotFound("job", job_id)
    datasource = await Datasource.get_or_none(id=datasource_id) if datasource_id is not None else None
    if datasource_id is not None and datasource is None:
        raise NotFound("datasource", datasource_id)
    cluster = cluster_id if cluster_id is not None else (job.cluster_id if job else None)
    if cluster is None:
        raise ValidationFailed({"clusterId": "name the cluster to preview on (a datasource belongs to none)"})
    if job is not None and job.job_type != 0:
        raise ValidationFailed({"jobId": f"job {job.id} is a JAR job: only SQL jobs' queries can be previewed"})
    name = pipeline_name()
    tables: list[tuple[Datasource, str]] = []
    field = "sql"
    mappings = await JobDatasource.filter(job_id=job.id).order_by("sort", "id") if job else []
    known = {d.id: d for d in await Datasource.filter(id__in=[m.datasource_id for m in mappings])}
    for m in mappings:
        tables.append((known[m.datasource_id], m.ds_type))
    if datasource is not None and datasource.id not in known:
        tables.append(
            (datasource, datasource.ds_type if datasource.ds_type in ("source", "side", "sink") else "source")
        )
    if query is None and datasource is not None:
        query = Piece(f"SELECT * FROM {quote(datasource.table_name)}", 1, 1)
        field = "datasourceId"
    elif query is None and job is not None:
        sinks = [(i, m) for i, m in enumerate(mappings) if m.ds_type == "sink" and (m.run_sql or "").strip()]
        if not sinks:
            raise ValidationFailed({"jobId": f"job {job.id} has no sink query to preview; give sql"})
        index, sink = sinks[0]
        field = f"jobDsVOS[{index}].runSql"
        try:
            query = sink_query(sink.run_sql or "", known[sink.datasource_id].table_name)
        except SqlRefused as refused:
            raise ValidationFailed({field: str(refused)}) from None
    assert query is not None
    settings: dict[str, str] = {}
    if job is not None:
        kept = job_settings(job, name, version=version) if version else job_settings(job, name)
        settings = {k: v for k, v in kept.items() if k.startswith(_KEPT)}
    settings.setdefault("parallelism.default", "1")
    settings.update({"pipeline.name": name, "restart-strategy.type": "none"})
    script = Script(settings=settings)
    for key, value in settings.items():
        script.add(f"SET {literal(key)} = {literal(value)}", Origin("setting"))
    script.udfs = await udfs_called_in(query.sql)
    for udf in script.udfs:
        script.add(
            f"CREATE TEMPORARY FUNCTION {quote(udf.udf_name)} AS {literal(udf.udf_class)} LANGUAGE JAVA",
            Origin("function", table=udf.udf_name),
        )
    for i, spec in enumerate(await table_specs(tables)):
        origin = Origin("table", mapping=i, table=spec.table_name)
        if i >= len(mappings):  # the datasource named beside the job (or alone)
            origin = Origin("table", table=spec.table_name)
        script.add(create_table(spec), origin)
    mapping = int(field[len("jobDsVOS[") : field.index("]")]) if field.startswith("jobDsVOS[") else None
    script.add(query.sql, Origin("sql", mapping=mapping, table=None, piece=query))
    return Plan(
        script=script,
        query=query,
        field=field,
        cluster_id=cluster,
        parallelism=int(settings["parallelism.default"]),
        pipeline=name,
        udfs=script.udfs,
    )
