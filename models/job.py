"""A feature job (SQL or JAR) with its Flink settings, and its datasource mapping."""

from typing import TYPE_CHECKING

from tortoise import fields

from models.base import Audited

if TYPE_CHECKING:
    from models.cluster import Cluster
    from models.datasource import Datasource


class Job(Audited):
    job_name = fields.CharField(max_length=128)
    job_code = fields.CharField(max_length=64, null=True)
    job_desc = fields.TextField(null=True)
    job_type = fields.IntField(default=0)  # 0 SQL, 1 JAR
    job_status = fields.IntField(default=0)  # 0 not running, 1 running, 2 cancelled, 3 failed, 9 submitting
    flink_job_id = fields.CharField(max_length=64, null=True)
    cluster: fields.ForeignKeyNullableRelation["Cluster"] = fields.ForeignKeyField(
        "models.Cluster", related_name="jobs", null=True, on_delete=fields.RESTRICT, db_index=True
    )
    cluster_id: int | None
    cluster_type = fields.IntField(default=1)
    computing_unit = fields.IntField(null=True)
    parallelism = fields.IntField(default=1)
    # JAR jobs
    use_jar = fields.CharField(max_length=512, null=True)
    entry_class = fields.CharField(max_length=512, null=True)
    program = fields.TextField(null=True)
    # restore
    allow_nrs = fields.IntField(default=0)
    savepoint_path = fields.CharField(max_length=1024, null=True)
    state_savepoints_dir = fields.CharField(max_length=1024, null=True)
    # checkpointing
    checkpoint_interval = fields.BigIntField(default=0)
    checkpoint_mode = fields.IntField(default=0)
    checkpoint_timeout = fields.BigIntField(null=True)
    checkpoint_max_cuncurrency = fields.IntField(null=True)  # the document's spelling
    min_pause_between_checkpoints = fields.BigIntField(null=True)
    checkpoint_cleanup_mode = fields.IntField(default=0)
    checkpoint_statebackend_type = fields.IntField(default=0)
    checkpoint_statebackend_path = fields.CharField(max_length=1024, null=True)
    # restart strategy
    restart_strategy = fields.IntField(default=0)
    restart_attempts = fields.IntField(null=True)
    delay_interval = fields.IntField(null=True)
    failure_rate = fields.IntField(null=True)
    failure_interval = fields.IntField(null=True)
    # table options
    time_type = fields.IntField(default=1)
    enable_minibatch_optimization = fields.IntField(default=0)
    table_exec_minibatch_allowlatency = fields.BigIntField(null=True)
    table_exec_minibatch_size = fields.BigIntField(null=True)
    table_optimizer_agg_phase_strategy = fields.IntField(default=0)
    table_optimizer_distinct_agg_split_enabled = fields.IntField(default=0)
    del_flag = fields.IntField(default=1)
    version = fields.CharField(max_length=32, null=True)

    class Meta:
        table = "t_job"


class JobDatasource(Audited):
    """One datasource mapped into a job, in the role source, side or sink."""

    job: fields.ForeignKeyRelation[Job] = fields.ForeignKeyField(
        "models.Job", related_name="mappings", on_delete=fields.CASCADE, db_index=True
    )
    job_id: int
    datasource: fields.ForeignKeyRelation["Datasource"] = fields.ForeignKeyField(
        "models.Datasource", related_name="mappings", on_delete=fields.RESTRICT, db_index=True
    )
    datasource_id: int
    ds_type = fields.CharField(max_length=16)  # role: source, side, sink
    run_sql = fields.TextField(null=True)  # only on sink entries
    sort = fields.IntField(default=0)

    class Meta:
        table = "t_job_ds"
