"""Input types: the same fields, names and rules as the REST bodies (the services check them)."""

from __future__ import annotations

import strawberry

from schema.scalars import Long
from schema.types import DsType, Role


@strawberry.input(description="Fields of a cluster; on update, omitted fields stay as they are.")
class ClusterInput:
    name: str | None = None
    address: str | None = strawberry.field(default=None, description="The job manager's REST address.")
    type: int | None = None
    remark: str | None = None


@strawberry.input
class ClusterFilter:
    name: str | None = None
    address: str | None = None
    type: int | None = None
    remark: str | None = None


@strawberry.input(description='A column; parents are named by virtualPid ("0" or omitted at the top).')
class ColumnInput:
    name: str | None = None
    flink_type: str | None = None
    basic_type: str | None = None
    virtual_id: str | None = None
    virtual_pid: str | None = None
    join_key: int | None = None
    event_time: int | None = None
    comment: str | None = None


@strawberry.input(description="One filled field of the connector form; send the mask back to keep a secret.")
class PropertyInput:
    field_name: str
    field_value: str | None = None
    label: str | None = None
    type: str | None = None
    required: bool | None = None


@strawberry.input(description="Fields of a datasource; a given column or property list replaces the stored one.")
class DatasourceInput:
    ds_name: str | None = None
    ds_type: DsType | None = None
    table_name: str | None = None
    table_type: str | None = None
    schema_type: int | None = None
    structure_type: int | None = None
    schema_file: str | None = None
    ds_ddl: str | None = None
    ddl_enable: int | None = None
    ds_version: int | None = None
    columns: list[ColumnInput] | None = None
    properties: list[PropertyInput] | None = None


@strawberry.input
class DatasourceFilter:
    ds_type: DsType | None = None
    ds_name: str | None = None
    table_name: str | None = None
    table_type: str | None = None
    schema_type: int | None = None
    structure_type: int | None = None


@strawberry.input(description="A datasource mapped into a job in a role; sinks carry runSql.")
class MappingInput:
    ds_id: strawberry.ID
    role: Role
    run_sql: str | None = None


@strawberry.input(
    description="Fields of a job; on update, omitted fields stay and a given mapping replaces the stored one."
)
class JobInput:
    job_name: str | None = None
    job_code: str | None = None
    job_desc: str | None = None
    job_type: int | None = None
    cluster_id: strawberry.ID | None = None
    cluster_type: int | None = None
    computing_unit: int | None = None
    parallelism: int | None = None
    use_jar: str | None = None
    entry_class: str | None = None
    program: str | None = None
    allow_nrs: int | None = None
    savepoint_path: str | None = None
    state_savepoints_dir: str | None = None
    checkpoint_interval: Long | None = None
    checkpoint_mode: int | None = None
    checkpoint_timeout: Long | None = None
    checkpoint_max_cuncurrency: int | None = None
    min_pause_between_checkpoints: Long | None = None
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
    table_exec_minibatch_allowlatency: Long | None = None
    table_exec_minibatch_size: Long | None = None
    table_optimizer_agg_phase_strategy: int | None = None
    table_optimizer_distinct_agg_split_enabled: int | None = None
    version: str | None = None
    mappings: list[MappingInput] | None = None


@strawberry.input
class JobFilter:
    job_name: str | None = None
    job_code: str | None = None
    job_status: int | None = None
    job_type: int | None = None
    cluster_id: strawberry.ID | None = None
    flink_job_id: str | None = None


@strawberry.input
class JarFilter:
    cluster_id: strawberry.ID | None = None
    entry_class: str | None = None
    res_name: str | None = None
    res_type: int | None = None
    res_uname: str | None = None


@strawberry.input
class UdfFilter:
    udf_name: str | None = None
    udf_class: str | None = None
    udf_desc: str | None = None
