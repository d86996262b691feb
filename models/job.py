"""A feature job (SQL or JAR) with its Flink settings, and its datasource mapping."""

from typing import TYPE_CHECKING, Any

from tortoise import fields

from hlink.masking import mask_arguments
from hlink.models.base import Audited
from hlink.models.sealed import SealedTextField

if TYPE_CHECKING:
    from hlink.models.cluster import Cluster
    from hlink.models.datasource import Datasource


class Job(Audited):
    job_name = fields.CharField(max_length=128)
    job_code = fields.CharField(max_length=64, null=True)
    job_desc = fields.TextField(null=True)
    job_type = fields.IntField(default=0)  # 0 SQL, 1 JAR
    job_status = fields.IntField(default=0)  # 0 not running, 1 running, 2 cancelled, 3 failed, 9 submitting
    # Flink's own state name beside the code (RUNNING, RESTARTING, FINISHED, ...); UNKNOWN while the cluster is silent
    flink_state = fields.CharField(max_length=32, null=True)
    #: when Flink last confirmed the state
    status_time = fields.DatetimeField(null=True)
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
    program = SealedTextField(null=True, masking=mask_arguments)  # --password x: stored sealed
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
    #: bumped by every lifecycle transition: each write is a compare-and-set on it (services/jobs/states.py)
    revision = fields.BigIntField(default=0)
    # the last validation by the cluster's planner: 0 never validated (or the cluster was down), 1 valid, 2 invalid
    validation_status = fields.IntField(default=0)
    validation_error: Any = fields.JSONField(null=True)  # {message, statement, line, column, role, table}
    validation_plan: Any = fields.JSONField(null=True)  # Flink's job graph: {name, type, nodes[]}
    validated_at = fields.DatetimeField(null=True)

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


class JobRun(Audited):
    """One submission of a job to Flink and how it ended."""

    job: fields.ForeignKeyRelation[Job] = fields.ForeignKeyField(
        "models.Job", related_name="runs", on_delete=fields.CASCADE, db_index=True
    )
    job_id: int
    cluster_id = fields.BigIntField(null=True)
    #: names the Flink job, so a submission interrupted by a restart of hlink is found again
    pipeline_name = fields.CharField(max_length=300)
    flink_job_id = fields.CharField(max_length=64, null=True, db_index=True)
    #: the Flink job id hlink chose for this submission and sent with the run request (``jobId``), written
    #: before the request leaves: whoever looks later asks Flink for exactly this id
    chosen_job_id = fields.CharField(max_length=32, null=True, db_index=True)
    #: refreshed by the process submitting while its request is in flight: a fence every replica sees (a
    #: submission whose heartbeat stopped was left behind by a dead process)
    heartbeat_at = fields.DatetimeField(null=True)
    restored_from = fields.CharField(max_length=1024, null=True)
    start_time = fields.DatetimeField(null=True)
    #: indexed: each reconcile cycle asks for the submissions released lately (Flink may still start them)
    end_time = fields.DatetimeField(null=True, db_index=True)
    final_state = fields.CharField(max_length=32, null=True)
    failure = fields.TextField(null=True)
    #: the number of the job's version this run started (t_job_version)
    version = fields.IntField(null=True)
    #: whether it ran its version's compiled plan (else the statement script)
    from_plan = fields.BooleanField(default=False)

    class Meta:
        table = "t_job_run"


class Savepoint(Audited):
    """A savepoint or retained checkpoint of a job: kept as history, newest first for restarts."""

    job: fields.ForeignKeyRelation[Job] = fields.ForeignKeyField(
        "models.Job", related_name="savepoints", on_delete=fields.CASCADE, db_index=True
    )
    job_id: int
    run: fields.ForeignKeyNullableRelation[JobRun] = fields.ForeignKeyField(
        "models.JobRun", related_name="savepoints", null=True, on_delete=fields.SET_NULL
    )
    run_id: int | None
    flink_job_id = fields.CharField(max_length=64, null=True)
    path = fields.CharField(max_length=1024)
    kind = fields.CharField(max_length=16)  # triggered, stop, checkpoint

    class Meta:
        table = "t_job_savepoint"


class Operation(Audited):
    """A savepoint or stop-with-savepoint asked of Flink, followed to completion however long it takes.

    hlink chooses the trigger id and writes the row before it asks, so an operation whose request or answer was
    lost (a crash, a dropped connection) is found again on Flink by that id; Flink deduplicates by it too.
    """

    job: fields.ForeignKeyRelation[Job] = fields.ForeignKeyField(
        "models.Job", related_name="operations", on_delete=fields.CASCADE, db_index=True
    )
    job_id: int
    run_id = fields.BigIntField(null=True)
    cluster_id = fields.BigIntField()
    flink_job_id = fields.CharField(max_length=64)
    kind = fields.CharField(max_length=16)  # savepoint, stop, restart
    #: 32 hex digits, chosen by hlink and sent with the request (Flink 1.15+ reads it)
    trigger_id = fields.CharField(max_length=32)
    target_dir = fields.CharField(max_length=1024, null=True)
    #: PENDING (asked, no answer yet), IN_PROGRESS (Flink took it), COMPLETED, FAILED
    status = fields.CharField(max_length=16, db_index=True)
    savepoint: fields.ForeignKeyNullableRelation[Savepoint] = fields.ForeignKeyField(
        "models.Savepoint", related_name="operations", null=True, on_delete=fields.SET_NULL
    )
    savepoint_id: int | None
    failure = fields.TextField(null=True)
    finish_time = fields.DatetimeField(null=True)
    #: a restart's restore point, as asked (latest, savepoint, none) and the savepoint it names: decided when its
    #: stop has ended, whichever process runs the job then
    restore_from = fields.CharField(max_length=16, null=True)
    restore_savepoint_id = fields.BigIntField(null=True)

    class Meta:
        table = "t_job_operation"
