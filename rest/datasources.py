"""/ds: datasources with their columns and connector properties, and the alias check."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import tzinfo
from typing import Any

import anyio
from starlette.requests import Request
from starlette.responses import Response

from hlink.models import Datasource
from hlink.rest.artifacts import storage_of, uploaded_file
from hlink.rest.contract import BY_ID, PAGED, ApiRoute, Body, Fields, Operation, Schema
from hlink.rest.envelope import ok, paged_answer, refusal
from hlink.rest.inputs import FORM_KINDS, body_id, doc, json_body, policy_of, read_params
from hlink.rest.schemas import BOOLEAN, INTEGER, OBJECT, array, nullable, some_of
from hlink.rest.views import column_input_vo, ds_vo
from hlink.rest.viewschemas import FORM, NOTHING, SCHEMA_ANALYSIS, TYPE_LIST, ds_schema, page_of
from hlink.services.catalog import connectors, datasources
from hlink.services.catalog.schema_analysis import BASIC_TYPES, FLINK_SQL_TYPES, analyse_upload
from hlink.services.checks import IDENTIFIER, Checks

RENAMES = {"columns": "dsSchemaColumnVOS"}
#: what saving checks (services.catalog.datasources), for the description
CONNECTOR_NAMES = sorted({name for names in datasources.CONNECTORS.values() for name in names})
ALIAS_RULE: Schema = {"pattern": IDENTIFIER.pattern, "maxLength": 128}
VERSION = Datasource._meta.fields_map["ds_version"].constraints
DS_SCHEMAS: dict[str, Schema] = {
    "dsType": {"enum": list(datasources.DS_TYPES)},
    "tableType": {"enum": CONNECTOR_NAMES},
    "tableName": ALIAS_RULE,
    "schemaType": {"enum": [0, 1]},
    "structureType": {"enum": [0, 1]},
    "ddlEnable": {"enum": [0, 1]},
    "dsVersion": {"minimum": VERSION["ge"], "maximum": VERSION["le"]},
}
#: the filled connector form: the form's fields (/ds/getFieldTemplete) with their fieldValue
FORM_VALUES = nullable(some_of(jsonValue=nullable(array(OBJECT))))
NEW_DS = Body(
    datasources.DatasourceInput,
    RENAMES,
    extra={"jsonFieldVO": FORM_VALUES},
    skip=frozenset({"properties"}),
    required=frozenset({"dsName", "dsType", "tableName"}),
    schemas=DS_SCHEMAS,
)
CHANGED_DS = Body(
    datasources.DatasourceInput,
    RENAMES,
    extra={"jsonFieldVO": FORM_VALUES, "id": INTEGER},
    skip=frozenset({"properties"}),
    required=frozenset({"id"}),
    schemas=DS_SCHEMAS,
)
LIST = Fields(datasources.DatasourceFilter, frozenset({"dsType"}), {"dsType": DS_SCHEMAS["dsType"]})


@dataclass
class AliasParams:
    """/ds/checkTableName: the document puts tableName in a GET's body; clients send it as a parameter."""

    table_name: str | None = field(default=None, metadata=doc("the alias to check (or the request body)", **ALIAS_RULE))
    ds_id: int | None = field(default=None, metadata=doc("the datasource being edited, which may keep its alias"))


@dataclass
class FormParams:
    """/ds/getFieldTemplete: which connector form."""

    ds_type: str = field(metadata=doc("source, sink or side", enum=list(datasources.CONNECTORS)))
    table_type: str = field(metadata=doc("the connector", enum=CONNECTOR_NAMES))


@dataclass
class AnalysisParams:
    """/ds/schemaAnalysisDO: how to read the uploaded schema file."""

    schema_type: int = field(metadata=doc("0 JSON (a JSON Schema or a sample), 1 Avro", enum=[0, 1]))
    structure_type: int = field(
        metadata=doc("0 flat, 1 nested (objects and arrays of objects get child columns)", enum=[0, 1])
    )


ALIAS, FORM_OF, ANALYSIS = Fields(AliasParams), Fields(FormParams), Fields(AnalysisParams)


def _read_ds(body: Any, declared: Body[datasources.DatasourceInput]) -> datasources.DatasourceInput:
    checks = Checks()
    data = declared.read(body, checks)
    form = body.get("jsonFieldVO") if isinstance(body, dict) else None
    if form is not None:
        if not isinstance(form, dict) or not isinstance(form.get("jsonValue", []), list):
            checks.add("jsonFieldVO", "must be an object whose jsonValue is a list of fields")
        else:
            data.properties = form.get("jsonValue") or []
    checks.done()
    return data


async def _detail(ds_id: int, zone: tzinfo) -> dict[str, Any]:
    ds = await datasources.get_datasource(ds_id)
    return ds_vo(ds, zone, await datasources.columns_of(ds_id), await datasources.properties_of(ds_id))


async def add(request: Request) -> Response:
    """The new datasource's id, as the original answered."""
    ds = await datasources.create_datasource(_read_ds(await json_body(request), NEW_DS), policy_of(request).max_columns)
    return ok(ds.id)


async def modify(request: Request) -> Response:
    body = await json_body(request)
    ds_id = body_id(body)
    await datasources.update_datasource(ds_id, _read_ds(body, CHANGED_DS), policy_of(request).max_columns)
    return ok(await _detail(ds_id, policy_of(request).zone))


async def remove(request: Request) -> Response:
    q = await read_params(request)
    ds_id = BY_ID.read(q).id
    q.done()
    await datasources.delete_datasource(ds_id)
    return ok()


async def listing(request: Request) -> Response:
    return await paged_answer(request, LIST, datasources.list_datasources, ds_vo)


async def detail(request: Request) -> Response:
    q = await read_params(request)
    ds_id = BY_ID.read(q).id
    q.done()
    return ok(await _detail(ds_id, policy_of(request).zone))


async def check_table_name(request: Request) -> Response:
    # the document places tableName in the body of a GET; clients send it as a query parameter
    q = await read_params(request)
    params = ALIAS.read(q)
    q.done()
    name, ds_id = params.table_name, params.ds_id
    form = request.headers.get("content-type", "").split(";")[0].strip().lower() in FORM_KINDS
    if name is None and not form and (raw := (await request.body()).strip()):
        name = raw.decode("utf-8", "replace").strip().strip('"')
    if await datasources.check_table_name(name, ds_id):
        return ok(True, "the alias is free")
    # a taken alias is refused with code 1, as the original's page expects
    return refusal(1, None, f"the alias {name!r} is already taken")


async def field_template(request: Request) -> Response:
    """The connector form of a dsType and tableType (the original's field attributes)."""
    q = await read_params(request)
    params = FORM_OF.read(q)
    q.done()
    return ok(connectors.form_fields(connectors.get_form(params.ds_type, params.table_type)))


async def type_list(request: Request) -> Response:
    return ok({"flinkSQLTypes": list(FLINK_SQL_TYPES), "basicTypes": list(BASIC_TYPES)})


async def schema_analysis(request: Request) -> Response:
    """A JSON Schema, JSON sample or Avro schema (multipart ``file``) as columns; the file is kept in storage."""
    q = await read_params(request)
    params = ANALYSIS.read(q)
    q.done()
    upload = await uploaded_file(request, "file")
    storage = storage_of(request)
    kept, columns = await analyse_upload(storage, upload, params.schema_type, params.structure_type)
    # the file's content, as the original answered (its page puts it into the datasource's schemaFile)
    content = await anyio.Path(storage.resolve(kept)).read_text(encoding="utf-8", errors="replace")
    return ok({"schemaFile": content, "dsSchemaColumnVOS": [column_input_vo(c) for c in columns]})


routes = [
    ApiRoute(
        "/ds/getFieldTemplete",
        field_template,
        "GET",
        Operation(
            "The connector form of a dsType and tableType",
            "datasources",
            "获取自定义字段模版",
            query=(FORM_OF,),
            data=FORM,
            errors=(404,),
        ),
    ),
    ApiRoute(
        "/ds/getTypeList",
        type_list,
        "GET",
        Operation("The column types (flinkSQLTypes, basicTypes)", "datasources", "获取支持的数据类型", data=TYPE_LIST),
    ),
    ApiRoute(
        "/ds/schemaAnalysisDO",
        schema_analysis,
        "POST",
        Operation(
            "A JSON Schema, JSON sample or Avro schema file as columns (flat or nested)",
            "datasources",
            "上传schema文件",
            "The file is kept in the storage folder (schemas/); schemaFile is its content.",
            query=(ANALYSIS,),
            files={"file": "schema.json"},
            data=SCHEMA_ANALYSIS,
        ),
    ),
    ApiRoute(
        "/ds/addDO",
        add,
        "POST",
        Operation(
            "Create a datasource with its columns and connector properties",
            "datasources",
            "新增动作",
            "jsonFieldVO.jsonValue holds the filled connector form; saving checks it against the form.",
            body=NEW_DS,
            data=INTEGER,
            errors=(409,),
        ),
    ),
    ApiRoute(
        "/ds/modifyDO",
        modify,
        "PUT",
        Operation(
            "Update a datasource; lists given replace the stored columns or properties",
            "datasources",
            "修改动作",
            "A secret sent back masked (******) keeps the stored value.",
            body=CHANGED_DS,
            data=ds_schema(detail=True),
            errors=(404, 409),
        ),
    ),
    ApiRoute(
        "/ds/removeDO",
        remove,
        "DELETE",
        Operation(
            "Delete a datasource (not one a job maps)",
            "datasources",
            "删除动作",
            query=(BY_ID,),
            data=NOTHING,
            errors=(404, 409),
        ),
    ),
    ApiRoute(
        "/ds/list",
        listing,
        "GET",
        Operation(
            "Datasources of a dsType, paged and filtered",
            "datasources",
            "列表查询",
            query=(LIST, PAGED),
            data=page_of(ds_schema(detail=False)),
        ),
    ),
    ApiRoute(
        "/ds/get",
        detail,
        "GET",
        Operation(
            "A datasource with its columns, filled form (secrets masked) and DDL",
            "datasources",
            "数据源明细",
            query=(BY_ID,),
            data=ds_schema(detail=True),
            errors=(404,),
        ),
    ),
    ApiRoute(
        "/ds/checkTableName",
        check_table_name,
        "GET",
        Operation(
            "Whether a table alias is valid and free: data true, or a refusal with code 1 when it is taken",
            "datasources",
            "校验表的别名",
            query=(ALIAS,),
            data=BOOLEAN,
            errors=(1,),
        ),
    ),
]
