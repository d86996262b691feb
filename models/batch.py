"""A batch of lifecycle actions (run, stop, cancel, restart of many jobs) and one row per job in it: written before
any job is touched, so what a request could not finish (its wait ran out, its process died) is finished by
whichever replica looks next, and every job's outcome outlives the request (services/jobs/batches.py)."""

from __future__ import annotations

from typing import Any

from tortoise import fields

from hlink.models.base import Audited


class JobBatch(Audited):
    """One batch request: the action, who asked (acted as again by whichever replica finishes it), and whether
    every job in it has its outcome."""

    #: run, stop (with a savepoint), cancel (without one), restart
    action = fields.CharField(max_length=16)
    #: OPEN while a job in it has no outcome yet, then DONE
    status = fields.CharField(max_length=16, db_index=True)
    #: the acting user's role when the batch was asked (a later replica acts with the lesser of it and the user's
    #: role then); the user's id, none for hlink's own actors (the command line)
    actor_role = fields.IntField()
    actor_user_id = fields.BigIntField(null=True)
    finish_time = fields.DatetimeField(null=True)

    class Meta:
        table = "t_job_batch"


class JobBatchItem(Audited):
    """One job of a batch: PENDING, WORKING (a worker holds it until ``lease_until``), DONE or FAILED with the
    failure as the single action would have answered it."""

    batch: fields.ForeignKeyRelation[JobBatch] = fields.ForeignKeyField(
        "models.JobBatch", related_name="items", on_delete=fields.CASCADE, db_index=True
    )
    batch_id: int
    job_id = fields.BigIntField()
    #: the order the caller named the jobs in (the answer keeps it)
    position = fields.IntField()
    status = fields.CharField(max_length=16, db_index=True)
    #: bumped by every claim: the compare-and-set that lets one worker at a time hold the item
    attempt = fields.IntField(default=0)
    lease_until = fields.DatetimeField(null=True)
    #: the failure's kind (services/errors.py), its message and its details (fields, entity and key)
    error_kind = fields.CharField(max_length=32, null=True)
    error_message = fields.TextField(null=True)
    error_detail: Any = fields.JSONField(null=True)
    finish_time = fields.DatetimeField(null=True)

    class Meta:
        table = "t_job_batch_item"
        unique_together = (("batch", "job_id"),)
