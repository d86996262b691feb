"""What hlink stores (Tortoise ORM models; the schema itself comes from migrations/)."""

from hlink.models.account import AuditEntry, Token, User
from hlink.models.alert import AlertChannel, AlertIncident, AlertRule
from hlink.models.artifact import Jar, Udf
from hlink.models.batch import JobBatch, JobBatchItem
from hlink.models.cluster import Cluster
from hlink.models.datasource import Column, Datasource, DatasourceProperties
from hlink.models.job import Job, JobDatasource, JobRun, Operation, Savepoint
from hlink.models.preview import Preview
from hlink.models.reference import DictEntry, HelpDoc
from hlink.models.upgrade import JobUpgrade
from hlink.models.version import JobVersion

__all__ = [
    "AlertChannel",
    "AlertIncident",
    "AlertRule",
    "AuditEntry",
    "Cluster",
    "Column",
    "Datasource",
    "DatasourceProperties",
    "DictEntry",
    "HelpDoc",
    "Jar",
    "Job",
    "JobBatch",
    "JobBatchItem",
    "JobDatasource",
    "JobRun",
    "JobUpgrade",
    "JobVersion",
    "Operation",
    "Preview",
    "Savepoint",
    "Token",
    "Udf",
    "User",
]
