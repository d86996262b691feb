"""A data preview in flight on a cluster (services/preview/): not a job, no run row, no status event. The row is
what every replica sees of it: the Flink job id and name hlink chose, who asked and until when it may run, so
the concurrency limits hold across replicas and whichever replica reconciles the cluster cancels a preview job
a dead process left behind once its time is up."""

from __future__ import annotations

from tortoise import fields

from hlink.models.base import Audited


class Preview(Audited):
    """One preview: live while ``ended_at`` is empty and its ``deadline`` is ahead (``create_by`` is who asked)."""

    cluster_id = fields.BigIntField(db_index=True)
    #: the Flink job id hlink chose for the preview's job (32 hex digits)
    flink_job_id = fields.CharField(max_length=32, unique=True)
    #: the Flink job's name: ``hlink-preview-<token>``
    pipeline_name = fields.CharField(max_length=128)
    #: when its time is up (its seconds and a margin for the submission): past it the reconciler cancels its job
    deadline = fields.DatetimeField(db_index=True)
    #: when the request that ran it ended (its Flink job cancelled, or the cancel left to the reconciler)
    ended_at = fields.DatetimeField(null=True)

    class Meta:
        table = "t_preview"
