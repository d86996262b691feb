"""The REST description as Swagger 2.0, as the original's Springfox served it at ``/v2/api-docs`` and knife4j's
``doc.html`` read it: the OpenAPI 3.1 description (rest/openapi.py, served at ``/v3/api-docs``) written down in
2.0's terms. Where 2.0 cannot say what 3.1 does (a value or null, one of several shapes) it keeps the first
shape and marks nullable values ``x-nullable``."""

from __future__ import annotations

import functools
from typing import Any

from hlink.rest.contract import Schema
from hlink.rest.openapi import document

#: JSON Schema keywords a Swagger 2.0 Schema Object takes
KEPT = frozenset(
    {
        "$ref", "format", "title", "description", "default", "multipleOf", "maximum", "exclusiveMaximum",
        "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems",
        "uniqueItems", "maxProperties", "minProperties", "required", "enum", "type", "items", "allOf",
        "properties", "additionalProperties", "readOnly", "example",
    }
)  # fmt: skip
#: a parameter's own keywords beside its schema's (2.0 writes a query parameter's type on the parameter)
PARAMETER_KEYWORDS = frozenset(
    {
        "type", "format", "items", "default", "maximum", "minimum", "maxLength", "minLength", "pattern",
        "maxItems", "minItems", "uniqueItems", "enum", "multipleOf",
    }
)  # fmt: skip


def schema_2(schema: Schema) -> Schema:
    """A JSON Schema (2020-12, as OpenAPI 3.1 uses it) as a Swagger 2.0 Schema Object."""
    if not isinstance(schema, dict):
        return {}
    schema = dict(schema)
    nullable = False
    for key in ("anyOf", "oneOf"):
        if key in schema:
            variants = schema.pop(key)
            shapes = [s for s in variants if s != {"type": "null"}]
            nullable = nullable or len(shapes) < len(variants)
            described = {"description": schema["description"]} if "description" in schema else {}
            schema = {**(shapes[0] if shapes else {}), **described}
    kind = schema.get("type")
    if isinstance(kind, list):
        kinds = [k for k in kind if k != "null"]
        nullable = nullable or len(kinds) < len(kind)
        schema["type"] = kinds[0] if kinds else "object"
    elif kind == "null":
        schema.pop("type")
        nullable = True
    if "const" in schema:
        schema["enum"] = [schema.pop("const")]
    out: Schema = {k: v for k, v in schema.items() if k in KEPT}
    if "items" in out:
        out["items"] = schema_2(out["items"])
    if "properties" in out:
        out["properties"] = {name: schema_2(s) for name, s in out["properties"].items()}
    if isinstance(out.get("additionalProperties"), dict):
        out["additionalProperties"] = schema_2(out["additionalProperties"])
    if "allOf" in out:
        out["allOf"] = [schema_2(s) for s in out["allOf"]]
    if "enum" in out and None in out["enum"]:
        out["enum"] = [v for v in out["enum"] if v is not None]
        nullable = True
    if nullable:
        out["x-nullable"] = True
    return out


def _parameter(p: Schema) -> Schema:
    schema = schema_2(p.get("schema", {}))
    out: Schema = {"name": p["name"], "in": p["in"], "required": bool(p.get("required"))}
    if "description" in p:
        out["description"] = p["description"]
    out.update({k: v for k, v in schema.items() if k in PARAMETER_KEYWORDS})
    out.setdefault("type", "string")
    if out["type"] == "object":
        out["type"] = "string"
    if out["type"] == "array":
        out.setdefault("items", {"type": "string"})
        out["items"] = {k: v for k, v in out["items"].items() if k in PARAMETER_KEYWORDS}
        out["collectionFormat"] = "multi"  # jobIds=1&jobIds=2, as Spring bound them
    return out


def _body(request_body: Schema) -> tuple[list[Schema], list[str]]:
    """The parameters a 3.1 requestBody becomes, and what the operation consumes."""
    content = request_body.get("content", {})
    if "application/json" in content:
        schema = schema_2(content["application/json"]["schema"])
        return [{"name": "body", "in": "body", "required": True, "schema": schema}], ["application/json"]
    form = content.get("multipart/form-data", {}).get("schema", {})
    parts = [
        {"name": name, "in": "formData", "required": name in form.get("required", []), "type": "file"}
        | ({"description": s["description"]} if "description" in s else {})
        for name, s in form.get("properties", {}).items()
    ]
    return parts, ["multipart/form-data"]


def _responses(responses: Schema) -> tuple[Schema, list[str]]:
    out: Schema = {}
    produces: list[str] = []
    for status, answer in responses.items():
        content = answer.get("content", {})
        one: Schema = {"description": answer.get("description", "")}
        for media, body in content.items():
            if media not in produces:
                produces.append(media)
            if "schema" not in one:
                is_file = body.get("schema", {}).get("format") == "binary"
                one["schema"] = (
                    schema_2(body.get("schema", {})) if not is_file else {"type": "string", "format": "binary"}
                )
        out[status] = one
    return out, produces


def _operation(op: Schema) -> Schema:
    parameters = [_parameter(p) for p in op.get("parameters", [])]
    consumes: list[str] = []
    if "requestBody" in op:
        more, consumes = _body(op["requestBody"])
        parameters += more
    responses, produces = _responses(op["responses"])
    out: Schema = {
        "tags": op["tags"],
        "summary": op["summary"],
        "operationId": op["operationId"],
        "parameters": parameters,
        "responses": responses,
        "produces": produces or ["application/json"],
    }
    if consumes:
        out["consumes"] = consumes
    for key in ("description", "security"):
        if key in op:
            out[key] = op[key]
    return out


@functools.cache
def document_2() -> Schema:
    """The Swagger 2.0 description (built once)."""
    three: dict[str, Any] = document()
    return {
        "swagger": "2.0",
        "info": three["info"],
        "basePath": "/",
        "tags": three["tags"],
        "securityDefinitions": {
            "bearer": {
                "type": "apiKey",
                "name": "Authorization",
                "in": "header",
                "description": "Bearer <an hlink token>: `hlink token create`, or POST /auth/login",
            }
        },
        "security": three["security"],
        "paths": {
            path: {method: _operation(op) for method, op in item.items()} for path, item in three["paths"].items()
        },
    }
