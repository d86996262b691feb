"""The OpenAPI 3.1 description of the REST layer, built from the Starlette route table (rest/routes.py) and the
:class:`rest.contract.Operation` each route carries; served at ``/v3/api-docs`` (rest/swagger2.py writes it as
Swagger 2.0 for ``/v2/api-docs``, as the original served it)."""

from __future__ import annotations

import functools
import mimetypes
import re
from collections.abc import Iterable, Mapping
from typing import Any

from starlette.convertors import IntegerConvertor
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute

from hlink.rest.contract import ApiRoute, Body, Fields, Operation, Schema
from hlink.rest.inputs import is_required
from hlink.rest.routes import routes
from hlink.rest.schemas import (
    BOOLEAN,
    INTEGER,
    STRING,
    dataclass_fields,
    described,
    nullable,
    object_of,
    of_hint,
    record,
)
from hlink.services.checks import camel

VERSION = "1.0.0"
TITLE = "hlink REST API (Hlink实时特征加工服务)"
DESCRIPTION = """The REST compatibility layer of hlink: the paths, methods, parameter names and envelope of the
original Hlink service. Every JSON answer is the envelope `{code, data, msg, success}`. A refusal (invalid
input, not found, in use, refused by Flink, a silent cluster) is answered HTTP 200 with `success` false and its
code in `code`, as the original's clients expect; a missing or bad token is HTTP 401. A 400 names each bad
field in `data.fields`. The query parameters may also be sent as an x-www-form-urlencoded body or as multipart
fields, as the original's Spring service read them; `""` for an optional number is not given. Every path but
`POST /auth/login` needs `Authorization: Bearer <token>` (`hlink token create`, or `data.token` of
`POST /auth/login`), or the token in the `_haiabao_token_` cookie that `POST /auth/login` sets."""
#: the original's groups (its Swagger tags), in its order
TAGS = [
    ("jobs", "作业管理: jobs, their Flink settings and datasource mapping, and their lifecycle on Flink"),
    ("dict", "字典: dictionaries and snowflake ids"),
    ("dashboard", "总览: cluster figures"),
    ("datasources", "数据源管理: datasources, their columns and connector forms"),
    ("files", "文件上传下载操作接口: downloads from the storage folder"),
    ("jars", "文件管理: jars for JAR jobs"),
    ("udf", "自定义函数: UDF jars"),
    ("docs", "辅助文档接口: help documents"),
    ("clusters", "集群管理: Flink clusters"),
    ("access", "Signing in (not in the original, which had no accounts)"),
]
#: the HTTP statuses beside 200 (the doors' own answers)
REASONS = {
    401: "No token, or an unknown, expired or revoked one (or, signing in, a wrong name or password)",
    403: "A form or multipart post from a foreign page, or a cross-site request signed in by the cookie",
    404: "No such path: an id in the path that is not digits",
    413: "The body is larger than the limit (HLINK_MAX_UPLOAD_MB for uploads), cut off while it streamed",
    503: "The database did not answer, or the request ran out of time (HLINK_REQUEST_TIMEOUT)",
}
#: the codes of refusals answered HTTP 200
REFUSALS = (
    "code 400 invalid input (data.fields names each bad field), 403 the user's role is too small, 404 nothing "
    "stored has that id or key, 409 it clashes with what is stored (a taken alias, a row in use, a job in the "
    "wrong state), 413 an upload over HLINK_MAX_UPLOAD_MB, 422 Flink refused (its cause in msg), 429 too many "
    "failed sign-ins, 503 the cluster did not answer"
)
FIELD_ERRORS = nullable(record(fields={"type": "object", "additionalProperties": STRING}))
PARAM = re.compile(r"{([^}:]+)(?::[^}]+)?}")


def _answer(status: int, data: Schema) -> Schema:
    """The envelope of one status."""
    return {
        "type": "object",
        "properties": {
            "code": {**INTEGER, "const": status},
            "data": data,
            "msg": STRING,
            "success": {**BOOLEAN, "const": status == 200},
        },
        "required": ["code", "data", "msg", "success"],
    }


def _json(schema: Schema, status: int) -> Schema:
    return {"description": REASONS[status], "content": {"application/json": {"schema": schema}}}


def _present(schema: Schema) -> Schema:
    """A value that must be there: never null, and a string not blank (services.checks.Checks.required)."""
    kind = schema.get("type")
    if isinstance(kind, list):
        kinds = [k for k in kind if k != "null"]
        schema = {**schema, "type": kinds[0] if len(kinds) == 1 else kinds}
    if schema.get("type") == "string":
        schema = {"minLength": 1, "pattern": r"\S", **schema}
    return schema


def _query(fields: Fields[Any]) -> list[Schema]:
    out = []
    for f, hint in dataclass_fields(fields.cls):
        name = camel(f.name)
        required = name in fields.required or is_required(f)
        schema = {**described(of_hint(hint), f), **fields.schemas.get(name, {})}
        # a query parameter is absent (or empty: rest.inputs.Query reads "" as absent), never null
        schema = _present(schema) if required else {**schema, "type": _present(schema)["type"]}
        parameter: Schema = {"name": name, "in": "query", "required": required, "schema": schema}
        if "description" in schema:
            parameter["description"] = schema.pop("description")
        if schema.get("type") == "array":
            parameter.update(style="form", explode=True)
        out.append(parameter)
    return out


def _path(route: ApiRoute) -> list[Schema]:
    out = []
    for name, convertor in route.param_convertors.items():
        if isinstance(convertor, IntegerConvertor):  # [0-9]+: a negative id matches no path
            schema: Schema = {**INTEGER, "minimum": 0}
        else:  # one path segment
            schema = {"type": "string", "minLength": 1, "pattern": "^[^/]+$"}
        out.append({"name": name, "in": "path", "required": True, "schema": schema})
    return out


def _body(body: Body[Any]) -> Schema:
    schema = object_of(body.cls, body.renames, exclude=body.skip)
    properties = schema["properties"]
    properties.update(body.extra)
    for name, keywords in body.schemas.items():
        properties[name] = {**properties[name], **keywords}
    for name in body.required:
        properties[name] = _present(properties[name])
    if body.required:
        schema["required"] = sorted(body.required)
    return {"required": True, "content": {"application/json": {"schema": schema}}}


def _files(files: Mapping[str, str]) -> Schema:
    properties: dict[str, Schema] = {}
    encoding: dict[str, Schema] = {}
    for name, example in files.items():
        media = mimetypes.guess_type(example)[0] or "application/octet-stream"
        properties[name] = {
            "type": "string",
            "format": "binary",
            "contentMediaType": media,
            "description": f"the file, named like {example}",
        }
        disposition = f'form-data; name="{name}"; filename="{example}"'
        encoding[name] = {
            "contentType": media,
            "headers": {"Content-Disposition": {"schema": STRING, "example": disposition}},
        }
    schema = {"type": "object", "properties": properties, "required": sorted(files)}
    return {"required": True, "content": {"multipart/form-data": {"schema": schema, "encoding": encoding}}}


def _statuses(route: ApiRoute) -> tuple[list[int], list[int]]:
    """The codes a path may answer in a refusal (HTTP 200, as the original), and the HTTP statuses beside 200:
    401 (no token), and the doors' own answers: 403 a foreign page's form post or cookie, 413 a body over its
    limit, 503 the time limit or a database that does not answer, 404 a path id that is not digits. Refusals:
    the path's own, those every path may (403 a role too small on a change, 503 a silent cluster), 400
    wherever there is input to get wrong, 413 with a body."""
    op = route.operation
    changes = route.method != "GET" if op.changes is None else op.changes
    has_body = op.body is not None or bool(op.files)
    has_input = bool(op.query or route.param_convertors or has_body)
    refusals = {503, *op.errors}
    refusals |= {400} if has_input else set()
    refusals |= {403} if changes else set()
    refusals |= {413} if has_body else set()
    statuses = {401, 403, 503} | ({413} if has_body else set())
    if any(isinstance(c, IntegerConvertor) for c in route.param_convertors.values()):
        statuses.add(404)  # an id that is not digits matches no path: the router's own 404
    return sorted(refusals - {401}), sorted(statuses)


def _refused(codes: list[int]) -> Schema:
    """A refusal answered HTTP 200: success false and its code in the envelope."""
    data: Schema = {"anyOf": [FIELD_ERRORS, {"type": "null"}]} if {400, 413} & set(codes) else {"type": "null"}
    return {
        "type": "object",
        "properties": {
            "code": {**INTEGER, "enum": codes},
            "data": data,
            "msg": STRING,
            "success": {**BOOLEAN, "const": False},
        },
        "required": ["code", "data", "msg", "success"],
    }


def _responses(route: ApiRoute) -> Schema:
    op = route.operation
    refusals, statuses = _statuses(route)
    out: Schema = {}
    if op.download:
        binary = {"type": "string", "format": "binary"}
        out["200"] = {
            "description": "The file, or a refusal: " + REFUSALS,
            "content": {"*/*": {"schema": binary}, "application/json": {"schema": _refused(refusals)}},
        }
    elif op.text:
        out["200"] = {
            "description": "The text, or a refusal: " + REFUSALS,
            "content": {"text/plain": {"schema": op.data}, "application/json": {"schema": _refused(refusals)}},
        }
    else:
        answers = {"anyOf": [_answer(200, op.data), _refused(refusals)]}
        out["200"] = {
            "description": "Done (success true), or a refusal (success false): " + REFUSALS,
            "content": {"application/json": {"schema": answers}},
        }
    for status in statuses:
        data: Schema = FIELD_ERRORS if status == 413 else {"type": "null"}
        out[str(status)] = _json(_answer(status, data), status)
    return out


def operation_object(route: ApiRoute) -> Schema:
    """One path and method's Operation Object."""
    op: Operation = route.operation
    out: Schema = {
        "tags": [op.tag],
        "summary": f"{op.summary} ({op.original})" if op.original else op.summary,
        "operationId": _operation_id(route),
        "parameters": _path(route) + [p for fields in op.query for p in _query(fields)],
        "responses": _responses(route),
    }
    if op.description:
        out["description"] = op.description
    if op.body is not None:
        out["requestBody"] = _body(op.body)
    elif op.files:
        out["requestBody"] = _files(op.files)
    if op.public:
        out["security"] = []
    return out


def _operation_id(route: ApiRoute) -> str:
    words = re.findall(r"[A-Za-z0-9]+", PARAM.sub(r"by \1", route.path))
    return route.method.lower() + "".join(w[:1].upper() + w[1:] for w in words)


def openapi_path(path: str) -> str:
    """A Starlette path as OpenAPI writes it: ``/jobs/{jobId:int}`` → ``/jobs/{jobId}``."""
    return PARAM.sub(r"{\1}", path)


def build(routes: Iterable[BaseRoute]) -> Schema:
    """The OpenAPI 3.1 document of ``routes``; every one must be an :class:`ApiRoute`."""
    paths: dict[str, Schema] = {}
    for route in routes:
        if not isinstance(route, ApiRoute):
            raise TypeError(f"{route!r} carries no Operation: declare it with rest.contract.ApiRoute")
        paths.setdefault(openapi_path(route.path), {})[route.method.lower()] = operation_object(route)
    return {
        "openapi": "3.1.0",
        "info": {"title": TITLE, "version": VERSION, "description": DESCRIPTION},
        "tags": [{"name": name, "description": text} for name, text in TAGS],
        "security": [{"bearer": []}],
        "paths": paths,
        "components": {
            "securitySchemes": {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "an hlink token (hlk_...): `hlink token create`, or POST /auth/login",
                }
            }
        },
    }


@functools.cache
def document() -> Schema:
    """The description of rest/routes.py (built once: the routes do not change while hlink runs)."""
    return build(routes)


async def api_docs(request: Request) -> Response:
    """GET /v3/api-docs: the OpenAPI 3.1 description, no token needed (/v2/api-docs is Swagger 2.0)."""
    return JSONResponse(document())
