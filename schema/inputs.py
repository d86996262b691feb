"""Input types: the same fields, names and rules as the REST bodies (the services check them)."""

from __future__ import annotations

import strawberry

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
)
from hlink.schema.scalars import Long
from hlink.schema.types import DsType, Role


@strawberry.input(description="Fields of a cluster; on update, omitted fields stay as they are.")
class ClusterInput:
    name: str | None = None
    address: str | None = strawberry.field(default=None, description="The job manager's REST address.")
    type: ClusterType | None = None
    remark: str | None = None
    addresses: list[str] | None = strawberry.field(
        default=None,
        description="Every job manager's REST address of a highly available cluster (`address`, if given, first).",
    )
    ha_type: HaType | None = strawberry.field(default=None, description="How its job managers elect a leader.")


@strawberry.input(description="Which clusters to list; text fields match a part.")
class ClusterFilter:
    name: str | None = None
    address: str | None = None
    type: ClusterType | None = None
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
    schema_type: SchemaType | None = None
    structure_type: StructureType | None = None
    schema_file: str | None = None
    ds_ddl: str | None = None
    ddl_enable: int | None = None
    ds_version: int | None = None
    columns: list[ColumnInput] | None = None
    properties: list[PropertyInput] | None = None


@strawberry.input(description="Which datasources to list; text fields match a part.")
class DatasourceFilter:
    ds_type: DsType | None = None
    ds_name: str | None = None
    table_name: str | None = None
    table_type: str | None = None
    schema_type: SchemaType | None = None
    structure_type: StructureType | None = None


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
    job_type: JobType | None = None
    cluster_id: strawberry.ID | None = None
    cluster_type: ClusterType | None = None
    computing_unit: int | None = None
    parallelism: int | None = None
    use_jar: str | None = None
    entry_class: str | None = None
    program: str | None = None
    allow_nrs: int | None = None
    savepoint_path: str | None = None
    state_savepoints_dir: str | None = None
    checkpoint_interval: Long | None = None
    checkpoint_mode: CheckpointMode | None = None
    checkpoint_timeout: Long | None = None
    checkpoint_max_cuncurrency: int | None = None
    min_pause_between_checkpoints: Long | None = None
    checkpoint_cleanup_mode: CheckpointCleanupMode | None = None
    checkpoint_statebackend_type: StateBackend | None = None
    checkpoint_statebackend_path: str | None = None
    restart_strategy: RestartStrategy | None = None
    restart_attempts: int | None = None
    delay_interval: int | None = None
    failure_rate: int | None = None
    failure_interval: int | None = None
    time_type: TimeType | None = None
    enable_minibatch_optimization: int | None = None
    table_exec_minibatch_allowlatency: Long | None = None
    table_exec_minibatch_size: Long | None = None
    table_optimizer_agg_phase_strategy: int | None = None
    table_optimizer_distinct_agg_split_enabled: int | None = None
    version: str | None = None
    mappings: list[MappingInput] | None = None


@strawberry.input(description="Which jobs to list; text fields match a part.")
class JobFilter:
    job_name: str | None = None
    job_code: str | None = None
    job_status: JobStatus | None = None
    job_type: JobType | None = None
    cluster_id: strawberry.ID | None = None
    flink_job_id: str | None = None


@strawberry.input(description="Which jars to list; text fields match a part.")
class JarFilter:
    cluster_id: strawberry.ID | None = None
    entry_class: str | None = None
    res_name: str | None = None
    res_type: int | None = None
    res_uname: str | None = None


@strawberry.input(description="Which functions to list; text fields match a part.")
class UdfFilter:
    udf_name: str | None = None
    udf_class: str | None = None
    udf_desc: str | None = None
