"""A job's versions: every saved change of what it runs, immutable and numbered (issue 20)."""

from typing import Any

from tortoise import fields

from hlink.models.base import Audited
from hlink.models.job import Job
from hlink.models.sealed import SealedKeysField, SealedTextField


class JobVersion(Audited):
    """What one version of a job runs, as it would run: written once, never changed but for its compiled plan,
    which is added when the cluster's planner has made it (on save, or at the first run when the cluster was
    down)."""

    job: fields.ForeignKeyRelation[Job] = fields.ForeignKeyField(
        "models.Job", related_name="versions", on_delete=fields.CASCADE, db_index=True
    )
    job_id: int
    number = fields.IntField()
    job_type = fields.IntField()  # 0 SQL, 1 JAR
    #: the statement script with its secrets masked (what anyone may read, and what diffs compare)
    script = fields.TextField(null=True)
    #: the statements as they run, secrets and all: a JSON list, sealed whole at rest
    statements = SealedTextField(always=True, null=True)
    #: the Flink settings (no secrets in them), without those of one run (pipeline name, restore point)
    settings: Any = fields.JSONField()
    #: [{name, className, sha256}] of the functions the SQL calls
    udfs: Any = fields.JSONField()
    #: a JAR job's {name, sha256, entryClass, program}, its program sealed at rest (arguments may hold a password)
    jar: Any = SealedKeysField(keys=("program",), null=True)
    #: the cluster's Flink version the script is written for (its keys); null when the cluster did not answer
    flink_version = fields.CharField(max_length=32, null=True)
    #: what changed since the version before (one line per change)
    changes = fields.TextField()
    #: the compiled plan (FLIP-190) as JSON, sealed whole at rest (it copies connector options, passwords too)
    plan = SealedTextField(always=True, null=True)
    #: why the planner could not compile it (the SQL does not validate, say)
    plan_error = fields.TextField(null=True)
    compiled_at = fields.DatetimeField(null=True)

    class Meta:
        table = "t_job_version"
        unique_together = (("job", "number"),)
