"""/ds: datasources with their columns and connector properties, and the alias check."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from rest.artifacts import storage_of, uploaded_file
from rest.envelope import ok, paged_answer
from rest.inputs import Query, body_id, json_body, read_dataclass, required_int
from rest.views import column_input_vo, ds_vo
from services.catalog import connectors, datasources
from services.catalog.schema_analysis import BASIC_TYPES, FLINK_SQL_TYPES, analyse_upload
from services.checks import Checks

RENAMES = {"columns": "dsSchemaColumnVOS"}


def _read_ds(body: Any) -> datasources.DatasourceInput:
    checks = Checks()
    data = read_dataclass(datasources.DatasourceInput, body, checks, renames=RENAMES)
    form = body.get("jsonFieldVO") if isinstance(body, dict) else None
    if form is not None:
        if not isinstance(form, dict) or not isinstance(form.get("jsonValue", []), list):
            checks.add("jsonFieldVO", "must be an object whose jsonValue is a list of fields")
        else:
            data.properties = form.get("jsonValue") or []
    checks.done()
    return data


async def _detail(ds_id: int) -> dict[str, Any]:
    ds = await datasources.get_datasource(ds_id)
    return ds_vo(ds, await datasources.columns_of(ds_id), await datasources.properties_of(ds_id))


async def add(request: Request) -> Response:
    ds = await datasources.create_datasource(_read_ds(await json_body(request)))
    return ok(await _detail(ds.id))


async def modify(request: Request) -> Response:
    body = await json_body(request)
    ds_id = body_id(body)
    await datasources.update_datasource(ds_id, _read_ds(body))
    return ok(await _detail(ds_id))


async def remove(request: Request) -> Response:
    await datasources.delete_datasource(required_int(request.query_params, "id"))
    return ok()


async def listing(request: Request) -> Response:
    q = Query(request.query_params)
    q.text("dsType", required=True)
    return await paged_answer(q, datasources.DatasourceFilter, datasources.list_datasources, ds_vo)


async def detail(request: Request) -> Response:
    return ok(await _detail(required_int(request.query_params, "id")))


async def check_table_name(request: Request) -> Response:
    # the document places tableName in the body of a GET; clients send it as a query parameter
    q = Query(request.query_params)
    name = q.text("tableName")
    ds_id = q.integer("dsId")
    q.done()
    if name is None and (raw := (await request.body()).strip()):
        name = raw.decode("utf-8", "replace").strip().strip('"')
    free = await datasources.check_table_name(name, ds_id)
    return ok(free, "the alias is free" if free else f"the alias {name!r} is already taken")


async def field_template(request: Request) -> Response:
    """The connector form of a dsType and tableType (the original's field attributes)."""
    q = Query(request.query_params)
    ds_type, table_type = q.text("dsType", required=True), q.text("tableType", required=True)
    q.done()
    return ok(connectors.form_fields(connectors.get_form(ds_type, table_type)))


async def type_list(request: Request) -> Response:
    return ok({"flinkSQLTypes": list(FLINK_SQL_TYPES), "basicTypes": list(BASIC_TYPES)})


async def schema_analysis(request: Request) -> Response:
    """A JSON Schema, JSON sample or Avro schema (multipart ``file``) as columns; the file is kept in storage."""
    q = Query(request.query_params)
    schema_type, structure_type = q.integer("schemaType", required=True), q.integer("structureType", required=True)
    q.done()
    assert schema_type is not None and structure_type is not None
    upload = await uploaded_file(request, "file")
    kept, columns = await analyse_upload(storage_of(request), upload, schema_type, structure_type)
    return ok({"schemaFile": kept, "dsSchemaColumnVOS": [column_input_vo(c) for c in columns]})


routes = [
    Route("/ds/getFieldTemplete", field_template, methods=["GET"]),
    Route("/ds/getTypeList", type_list, methods=["GET"]),
    Route("/ds/schemaAnalysisDO", schema_analysis, methods=["POST"]),
    Route("/ds/addDO", add, methods=["POST"]),
    Route("/ds/modifyDO", modify, methods=["PUT"]),
    Route("/ds/removeDO", remove, methods=["DELETE"]),
    Route("/ds/list", listing, methods=["GET"]),
    Route("/ds/get", detail, methods=["GET"]),
    Route("/ds/checkTableName", check_table_name, methods=["GET"]),
]
