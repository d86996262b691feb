"""What hlink stores (Tortoise ORM models; the schema itself comes from migrations/)."""

from models.account import AuditEntry, Token, User
from models.alert import AlertChannel, AlertIncident, AlertRule
from models.artifact import Jar, Udf
from models.cluster import Cluster
from models.datasource import Column, Datasource, DatasourceProperties
from models.job import Job, JobDatasource, JobRun, Operation, Savepoint
from models.reference import DictEntry, HelpDoc
from models.version import JobVersion

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
    "JobDatasource",
    "JobRun",
    "JobVersion",
    "Operation",
    "Savepoint",
    "Token",
    "Udf",
    "User",
]
