"""A job's upgrades and rollbacks: one row per request to move a running job to another version, driven through its
states (services/jobs/upgrades.py) by whichever process looks next, each state written before the call to Flink it
leads to."""

from __future__ import annotations

from tortoise import fields

from hlink.models.base import Audited
from hlink.models.job import Job, Savepoint


class JobUpgrade(Audited):
    """One upgrade (or rollback) of a job from the version it runs to another: its verdict as judged before
    anything stopped, the savepoint it stopped with (its rollback point), and where it is."""

    job: fields.ForeignKeyRelation[Job] = fields.ForeignKeyField(
        "models.Job", related_name="upgrades", on_delete=fields.CASCADE, db_index=True
    )
    job_id: int
    #: upgrade, or rollback (the same machine, asked as a rollback to an older version)
    kind = fields.CharField(max_length=16)
    #: PENDING, STOPPING, SUBMITTING, OBSERVING, ROLLING_BACK while open; STABLE, ROLLED_BACK, FAILED at the end
    status = fields.CharField(max_length=16, db_index=True)
    #: the job's id while the upgrade is open, null once it ended: unique, so one upgrade at a time per job
    open_job_id = fields.BigIntField(null=True, unique=True)
    cluster_id = fields.BigIntField()
    from_version = fields.IntField(null=True)
    to_version = fields.IntField()
    #: COMPATIBLE, PARTIAL, INCOMPATIBLE or UNKNOWN, judged before anything stopped; its reasons one per line
    verdict = fields.CharField(max_length=16)
    verdict_reasons = fields.TextField()
    #: latest (the stop's savepoint), savepoint (restore_savepoint_id), none (the new version starts fresh)
    restore_from = fields.CharField(max_length=16)
    restore_savepoint_id = fields.BigIntField(null=True)
    allow_dropping_state = fields.BooleanField(default=False)
    stable_seconds = fields.IntField()
    #: the Flink job it replaces (null: the job ran nothing when asked)
    from_flink_job_id = fields.CharField(max_length=64, null=True)
    #: the savepoint the stop wrote: the new version restores from it, a rollback too (kept from retention)
    savepoint: fields.ForeignKeyNullableRelation[Savepoint] = fields.ForeignKeyField(
        "models.Savepoint", related_name="upgrades", null=True, on_delete=fields.SET_NULL
    )
    savepoint_id: int | None
    #: the Flink job of the new version, then (rolling back) of the version run again
    flink_job_id = fields.CharField(max_length=64, null=True)
    rollback_flink_job_id = fields.CharField(max_length=64, null=True)
    #: when its current status was written (a step's runs are those claimed since)
    step_time = fields.DatetimeField()
    #: when the new version was first seen RUNNING with every task running
    running_since = fields.DatetimeField(null=True)
    #: why it failed or rolled back (secrets masked)
    reason = fields.TextField(null=True)
    finish_time = fields.DatetimeField(null=True)

    class Meta:
        table = "t_job_upgrade"
