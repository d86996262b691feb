"""The schemas of the answers' ``data``: the view objects of rest/views.py and the lifecycle's, derived from the
stored models and input dataclasses they are made of. tests/test_fuzz_rest.py holds live answers to them."""

from __future__ import annotations

from hlink.models import (
    Cluster,
    Column,
    Datasource,
    DictEntry,
    HelpDoc,
    Jar,
    Job,
    JobDatasource,
    JobRun,
    Operation,
    Udf,
)
from hlink.models import Savepoint as SavepointRow
from hlink.rest.contract import Schema
from hlink.rest.schemas import (
    BOOLEAN,
    INTEGER,
    NULL,
    OBJECT,
    STRING,
    TIME_TEXT,
    array,
    column,
    model_fields,
    nullable,
    object_of,
    record,
    row,
    some_of,
)
from hlink.rest.views import QUERY_ECHO
from hlink.services.catalog.datasources import ColumnInput

#: the query fields every view object echoes as null (rest.views.QUERY_ECHO)
ECHO: dict[str, Schema] = {key: NULL for key in QUERY_ECHO}
TIME = TIME_TEXT
#: ok() with nothing to say: an empty object
NOTHING: Schema = {"type": "object", "maxProperties": 0}
SNOWFLAKE: Schema = {"type": "string", "pattern": "^[0-9]+$", "description": "a 64-bit id as text"}


def _pick(columns: dict[str, Schema], *keys: str) -> Schema:
    return record(**{key: columns[key] for key in keys})


MAPPING_VO = _pick(model_fields(JobDatasource), "id", "jobId", "dsId", "dsType", "runSql")
NAME: Schema = nullable(STRING)


def job_schema(detail: bool) -> Schema:
    """rest.views.job_vo; a list row leaves out the job graph (validationPlan)."""
    schema = row(
        Job,
        clusterName=NAME,
        clusterTypeName=NAME,
        jobStatusName=NAME,
        jobTypeName=NAME,
        jobDsVOS=array(MAPPING_VO),
        **ECHO,
    )
    schema["required"] = sorted([*schema["required"], "clusterName", "jobDsVOS", *ECHO])
    if not detail:
        schema["required"].remove("validationPlan")
    return schema


COLUMN_VO = row(Column)
JSON_FIELD_VO = record(id=nullable(INTEGER), dsId=INTEGER, jsonValue=array(OBJECT))


def ds_schema(detail: bool) -> Schema:
    """rest.views.ds_vo; the detail view adds the columns, the filled form and the generated DDL."""
    if not detail:
        return row(Datasource)
    schema = row(Datasource, dsSchemaColumnVOS=array(COLUMN_VO), jsonFieldVO=JSON_FIELD_VO, **ECHO)
    schema["required"] = sorted([*schema["required"], "dsSchemaColumnVOS", "jsonFieldVO", *ECHO])
    return schema


CLUSTER_VO = row(Cluster)
#: rest.views.cluster_info_vo: the cluster and its live figures (every figure null when it is unreachable)
CLUSTER_INFO = row(Cluster, reachable=BOOLEAN, error=STRING, activeAddress=nullable(STRING), flinkVersion=NAME, **ECHO)
CLUSTER_INFO["required"] = sorted([*CLUSTER_INFO["required"], "reachable"])
#: services.clusters.overview.clusters_summed
CLUSTERS_SUMMED = some_of(flinkVersion=NAME, clusterCount=INTEGER, reachableCount=INTEGER, unreachable=array(OBJECT))
JAR_VO = row(Jar, resSizeStr=STRING)
UDF_VO = row(Udf)
DICT_ENTRY = row(DictEntry)
DICTIONARIES: Schema = {"type": "object", "additionalProperties": array(DICT_ENTRY)}
HELP_CONTENT = column(HelpDoc, "content")
COLUMN_PROPOSAL = object_of(ColumnInput, exclude=frozenset(f"res{i}" for i in range(1, 6)))
COLUMN_PROPOSAL["required"] = sorted(COLUMN_PROPOSAL["properties"])
SCHEMA_ANALYSIS = record(schemaFile=STRING, dsSchemaColumnVOS=array(COLUMN_PROPOSAL))
TYPE_LIST = record(flinkSQLTypes=array(STRING), basicTypes=array(STRING))
FORM = array(some_of(label=NAME, fieldName=STRING, type=NAME, required=BOOLEAN, sequence=INTEGER))
UPLOADED = record(filename=STRING, status=STRING, id=INTEGER)
SIGNED_IN = record(token=STRING, expiresAt=nullable(TIME), user=STRING)


def page_of(item: Schema) -> Schema:
    """rest.envelope.ipage: the document's IPage."""
    return record(records=array(item), total=INTEGER, size=INTEGER, current=INTEGER, pages=INTEGER, searchCount=BOOLEAN)


# the lifecycle's answers (rest/lifecycle.py)
RUN_VO = record(
    jobId=INTEGER,
    runId=INTEGER,
    flinkJobId=column(JobRun, "flink_job_id"),
    jobStatus=column(Job, "job_status"),
    flinkState=column(Job, "flink_state"),
    restoredFrom=column(JobRun, "restored_from"),
)
SAVEPOINT_VO = record(savepointPath=column(SavepointRow, "path"), kind=column(SavepointRow, "kind"), createTime=TIME)
OPERATION_FIELDS: dict[str, Schema] = {
    "operationId": INTEGER,
    "operationKind": column(Operation, "kind"),
    "status": column(Operation, "status"),
    "failure": column(Operation, "failure"),
}
STOPPED_VO = record(
    jobId=INTEGER,
    jobStatus=column(Job, "job_status"),
    flinkState=column(Job, "flink_state"),
    savepoint=nullable(SAVEPOINT_VO),
    note=NAME,
    operation=nullable(record(**OPERATION_FIELDS)),
)
#: a savepoint written (its path), or the operation still under way
SAVEPOINT_DATA: Schema = {
    "type": "object",
    "properties": {"savepointPath": NAME, "kind": STRING, "createTime": TIME, **OPERATION_FIELDS},
    "required": sorted(["savepointPath", *OPERATION_FIELDS]),
}


#: a batch action's data: job id → that job's failed answer (the envelope a single call would have given)
BATCH_FAILURES: Schema = {
    "type": "object",
    "additionalProperties": record(code=INTEGER, data=NULL, msg=STRING, success={**BOOLEAN, "const": False}),
    "propertyNames": {"pattern": "^-?[0-9]+$"},
    "description": "job id → that job's failed answer; empty when every job succeeded",
}
