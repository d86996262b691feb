"""How a job becomes what Flink runs: its settings as configuration keys, and a SQL job's statement script.

The script is, in order: ``SET`` lines for the settings, the UDF registrations, a ``CREATE TABLE`` per mapped
datasource, then the user's statements from each sink entry. The SQL runner takes one statement per program
argument; every statement remembers where it came from, so Flink's errors point back at the user's input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from hlink.flink.versions import NEWEST, FlinkVersion
from hlink.models import Datasource, Job, JobDatasource, Udf
from hlink.services.artifacts.udfs import udfs_called_in
from hlink.services.catalog.ddl import create_table, literal, quote, table_specs
from hlink.services.checks import Checks
from hlink.services.sqltext import Piece, SqlRefused, place, placed, sink_statement

_CHECKPOINT_MODES = {0: "EXACTLY_ONCE", 1: "AT_LEAST_ONCE"}
_RETENTION = {0: "RETAIN_ON_CANCELLATION", 1: "DELETE_ON_CANCELLATION"}
_POSITION = re.compile(r"line (\d+), column (\d+)")


@dataclass(frozen=True)
class Restore:
    """Where a run restores from, and whether state the job no longer has may be dropped."""

    path: str
    allow_non_restored: bool = False


def job_settings(
    job: Job,
    pipeline_name: str,
    restore: Restore | None = None,
    *,
    version: FlinkVersion = NEWEST,
) -> dict[str, str]:
    """The job's Flink settings as configuration keys of the cluster's version (the same for SQL and JAR jobs)."""
    s: dict[str, str] = {"pipeline.name": pipeline_name, "parallelism.default": str(job.parallelism or 1)}
    if job.checkpoint_interval and job.checkpoint_interval > 0:
        s["execution.checkpointing.interval"] = f"{job.checkpoint_interval} ms"
        s["execution.checkpointing.mode"] = _CHECKPOINT_MODES.get(job.checkpoint_mode, "EXACTLY_ONCE")
        s["execution.checkpointing.externalized-checkpoint-retention"] = _RETENTION.get(
            job.checkpoint_cleanup_mode, "RETAIN_ON_CANCELLATION"
        )
        if job.checkpoint_timeout:
            s["execution.checkpointing.timeout"] = f"{job.checkpoint_timeout} ms"
        if job.checkpoint_max_cuncurrency:
            s["execution.checkpointing.max-concurrent-checkpoints"] = str(job.checkpoint_max_cuncurrency)
        if job.min_pause_between_checkpoints:
            s["execution.checkpointing.min-pause"] = f"{job.min_pause_between_checkpoints} ms"
    # MEMORY keeps checkpoints on the job manager; FS and ROCKSDB write them to the checkpoint directory
    s["state.backend.type"] = "rocksdb" if job.checkpoint_statebackend_type == 2 else "hashmap"
    if job.checkpoint_statebackend_type == 0:
        s["execution.checkpointing.storage"] = "jobmanager"
    elif job.checkpoint_statebackend_path:
        s["execution.checkpointing.dir"] = job.checkpoint_statebackend_path
    if job.state_savepoints_dir:
        s["execution.checkpointing.savepoint-dir"] = job.state_savepoints_dir
    if job.restart_strategy == 1:
        s["restart-strategy.type"] = "fixed-delay"
        s["restart-strategy.fixed-delay.attempts"] = str(job.restart_attempts or 3)
        s["restart-strategy.fixed-delay.delay"] = f"{job.delay_interval or 10} s"
    elif job.restart_strategy == 2:
        s["restart-strategy.type"] = "failure-rate"
        s["restart-strategy.failure-rate.max-failures-per-interval"] = str(job.failure_rate or 1)
        s["restart-strategy.failure-rate.failure-rate-interval"] = f"{job.failure_interval or 1} min"
        s["restart-strategy.failure-rate.delay"] = f"{job.delay_interval or 10} s"
    else:
        s["restart-strategy.type"] = "none"
    if job.enable_minibatch_optimization == 1:
        s["table.exec.mini-batch.enabled"] = "true"
        s["table.exec.mini-batch.allow-latency"] = f"{job.table_exec_minibatch_allowlatency or 1} s"
        s["table.exec.mini-batch.size"] = str(job.table_exec_minibatch_size or 1000)
    s["table.optimizer.agg-phase-strategy"] = "TWO_PHASE" if job.table_optimizer_agg_phase_strategy == 1 else "AUTO"
    if job.table_optimizer_distinct_agg_split_enabled == 1:
        s["table.optimizer.distinct-agg.split.enabled"] = "true"
    s.update(run_settings(pipeline_name, restore))
    return version.keys(s)


def run_settings(pipeline_name: str, restore: Restore | None) -> dict[str, str]:
    """The settings of one run, not of a version: its Flink job's name and its restore point."""
    s = {"pipeline.name": pipeline_name}
    if restore is not None:
        s["execution.state-recovery.path"] = restore.path
        s["execution.state-recovery.ignore-unclaimed-state"] = "true" if restore.allow_non_restored else "false"
    return s


@dataclass(frozen=True)
class Origin:
    """Where a statement of the script came from."""

    kind: str  # setting, function, table, sql
    mapping: int | None = None  # index in the job's mapping (jobDsVOS)
    table: str | None = None
    piece: Piece | None = None


@dataclass
class Script:
    """A SQL job's statements, one per runner argument, each with its origin."""

    statements: list[str] = field(default_factory=list)
    origins: list[Origin] = field(default_factory=list)
    settings: dict[str, str] = field(default_factory=dict)
    #: the UDFs the statements call, whose jars go with the job
    udfs: list[Udf] = field(default_factory=list)

    def add(self, sql: str, origin: Origin) -> None:
        self.statements.append(sql)
        self.origins.append(origin)

    def text(self) -> str:
        """The whole script as a user reads it."""
        return "".join(s + ";\n\n" for s in self.statements).rstrip() + "\n"

    def locate(self, index: int, reason: str) -> dict[str, Any]:
        """Flink's error on statement ``index``, placed in the user's input (the sink's runSql or a table)."""
        error: dict[str, Any] = {"message": reason, "statement": index, "line": None, "column": None}
        if not 0 <= index < len(self.origins):
            return {**error, "field": "jobDsVOS"}
        origin = self.origins[index]
        error["table"] = origin.table
        if origin.kind == "sql" and origin.piece is not None:
            error["field"] = f"jobDsVOS[{origin.mapping}].runSql"
            found = _POSITION.search(reason)
            if found:
                error["line"], error["column"] = place(origin.piece, int(found.group(1)), int(found.group(2)))
                error["message"] = placed(origin.piece, reason)
        elif origin.kind == "table":
            error["field"] = f"jobDsVOS[{origin.mapping}].dsId"
        elif origin.kind == "function":
            error["field"] = "udf"
        else:
            error["field"] = "settings"
        return error


async def build_script(
    job: Job,
    pipeline_name: str,
    restore: Restore | None = None,
    *,
    mask: bool = False,
    version: FlinkVersion = NEWEST,
) -> Script:
    """The statement script of a SQL job; a job that cannot make one is refused naming the field."""
    mappings = await JobDatasource.filter(job_id=job.id).order_by("sort", "id")
    checks = Checks()
    if not any(m.ds_type == "source" for m in mappings):
        checks.add("jobDsVOS", "a SQL job needs at least one source")
    sinks = [m for m in mappings if m.ds_type == "sink"]
    if not sinks:
        checks.add("jobDsVOS", "a SQL job needs at least one sink with its runSql")
    datasources = {d.id: d for d in await Datasource.filter(id__in=[m.datasource_id for m in mappings])}
    for i, m in enumerate(mappings):
        if m.ds_type == "sink" and not (m.run_sql or "").strip():
            checks.add(f"jobDsVOS[{i}].runSql", "every sink needs the SQL that fills it")
        elif m.ds_type == "sink":
            try:  # a row saved before the rules of runSql were checked on save
                sink_statement(m.run_sql or "", datasources[m.datasource_id].table_name)
            except SqlRefused as refused:
                checks.add(f"jobDsVOS[{i}].runSql", str(refused))
    checks.done()
    script = Script(settings=job_settings(job, pipeline_name, restore, version=version))
    for key, value in script.settings.items():
        script.add(f"SET {literal(key)} = {literal(value)}", Origin("setting"))
    user_sql = "\n".join(m.run_sql or "" for m in sinks)
    # the functions' classes travel in the job's jar (flink/sqlrunner.bundle says why not USING JAR)
    script.udfs = await udfs_called_in(user_sql)
    for udf in script.udfs:
        script.add(
            f"CREATE TEMPORARY FUNCTION {quote(udf.udf_name)} AS {literal(udf.udf_class)} LANGUAGE JAVA",
            Origin("function", table=udf.udf_name),
        )
    specs = await table_specs([(datasources[m.datasource_id], m.ds_type) for m in mappings], mask=mask)
    for i, spec in enumerate(specs):
        script.add(create_table(spec), Origin("table", mapping=i, table=spec.table_name))
    for i, m in enumerate(mappings):
        if m.ds_type == "sink":
            table = datasources[m.datasource_id].table_name
            piece = sink_statement(m.run_sql or "", table)  # checked when saved
            script.add(piece.sql, Origin("sql", mapping=i, table=table, piece=piece))
    return script
