"""JSON Schemas (as OpenAPI 3.1 uses them) derived from the code: type hints, the input dataclasses the handlers
parse with, and the stored models the view objects are made of (as rest/views.plain makes them)."""

from __future__ import annotations

import datetime
import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import Field, fields, is_dataclass
from typing import Any

from tortoise.fields import Field as ModelField
from tortoise.models import Model

from hlink.rest.contract import ANY, Schema
from hlink.rest.inputs import INT64
from hlink.rest.views import HIDDEN, RENAMED
from hlink.services.checks import camel

#: what rest/inputs.py reads as an integer: 64 bits
INTEGER: Schema = {"type": "integer", "format": "int64", "minimum": -INT64, "maximum": INT64}
STRING: Schema = {"type": "string"}
BOOLEAN: Schema = {"type": "boolean"}
NULL: Schema = {"type": "null"}
OBJECT: Schema = {"type": "object"}
#: a time as the original wrote it (rest.views.plain): yyyy-MM-dd HH:mm:ss in its zone (HLINK_TIME_ZONE)
TIME_TEXT: Schema = {
    "type": "string",
    "pattern": r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$",
    "description": "yyyy-MM-dd HH:mm:ss in HLINK_TIME_ZONE (GMT+8 by default)",
}


def nullable(schema: Schema) -> Schema:
    """``schema`` or null."""
    kind = schema.get("type")
    if isinstance(kind, str) and kind != "null":
        return {**schema, "type": [kind, "null"]}
    if isinstance(kind, list):
        return schema if "null" in kind else {**schema, "type": [*kind, "null"]}
    return schema if not schema else {"anyOf": [schema, NULL]}


def optional_hint(hint: Any) -> tuple[Any, bool]:
    """``X | None`` → (X, True); anything else → (hint, False)."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = typing.get_args(hint)
        if len(args) == 2 and type(None) in args:
            return next(a for a in args if a is not type(None)), True
    return hint, False


def of_hint(hint: Any, items_nullable: bool = False) -> Schema:
    """The schema of a type hint as rest/inputs.py reads it; ``items_nullable`` for list items read_dataclass
    skips when null."""
    inner, optional = optional_hint(hint)
    if optional:
        return nullable(of_hint(inner, items_nullable))
    if hint is int:
        return dict(INTEGER)
    if hint is str:
        return dict(STRING)
    if hint is bool:
        return dict(BOOLEAN)
    if hint is float:
        return {"type": "number"}
    origin = typing.get_origin(hint)
    if origin is list:
        (item,) = typing.get_args(hint)
        items = of_hint(item)
        return {"type": "array", "items": nullable(items) if items_nullable else items}
    if origin is dict or hint is dict:
        return dict(OBJECT)
    if is_dataclass(hint):
        return object_of(hint)  # type: ignore[arg-type]
    return dict(ANY)


def dataclass_fields(cls: type[Any]) -> Iterator[tuple[Field[Any], Any]]:
    """Each field of a dataclass with its resolved type hint."""
    hints = typing.get_type_hints(cls)
    for f in fields(cls):
        yield f, hints[f.name]


def described(schema: Schema, f: Field[Any]) -> Schema:
    """``schema`` with the description and keywords of the field's metadata (rest.contract.doc)."""
    meta: Mapping[str, Any] = f.metadata
    out = {**schema, **meta.get("schema", {})}
    if meta.get("description"):
        out["description"] = meta["description"]
    return out


def object_of(
    cls: type[Any],
    renames: Mapping[str, str] | None = None,
    required: frozenset[str] = frozenset(),
    exclude: frozenset[str] = frozenset(),
) -> Schema:
    """A JSON object keyed like ``read_dataclass`` reads ``cls``: camelCase names, or ``renames``; null
    values are allowed (read as absent), unknown keys ignored (as Jackson did)."""
    properties: dict[str, Schema] = {}
    for f, hint in dataclass_fields(cls):
        if f.name in exclude:
            continue
        key = (renames or {}).get(f.name, camel(f.name))
        properties[key] = described(of_hint(hint, items_nullable=True), f)
    schema: Schema = {"type": "object", "properties": properties}
    if required:
        schema["required"] = sorted(required)
    return schema


def _field_schema(f: ModelField[Any]) -> Schema:
    kind = getattr(f, "field_type", None)
    schema: Schema
    if kind is bool:
        schema = dict(BOOLEAN)
    elif kind is int:
        schema = dict(INTEGER)
    elif kind is float:
        schema = {"type": "number"}
    elif kind is datetime.datetime:
        schema = dict(TIME_TEXT)
    elif kind is str:
        schema = dict(STRING)
    else:  # JSON fields: whatever was stored
        return dict(ANY)
    return nullable(schema) if f.null else schema


def model_fields(model: type[Model]) -> dict[str, Schema]:
    """The stored columns of a model as rest.views.plain shows them: camelCase (or renamed), our own columns
    left out, times as ISO 8601 text. A foreign key is its id column (``cluster_id``), whether or not Tortoise
    has resolved relations yet."""
    meta = model._meta
    out: dict[str, Schema] = {}
    for name in sorted(meta.db_fields):
        f = meta.fields_map.get(name)
        if f is not None and name not in HIDDEN:
            out[RENAMED.get(name, camel(name))] = _field_schema(f)
    for name in sorted(meta.fk_fields):
        fk = meta.fields_map[name]
        column = getattr(fk, "source_field", None) or f"{name}_id"
        if column not in HIDDEN:
            id_schema = dict(INTEGER)
            out[RENAMED.get(column, camel(column))] = nullable(id_schema) if fk.null else id_schema
    return out


def column(model: type[Model], name: str) -> Schema:
    """The schema of one stored column of ``model``."""
    return _field_schema(model._meta.fields_map[name])


def row(model: type[Model], **extra: Schema) -> Schema:
    """A view object made by rest.views.plain (every stored column present), with ``extra`` keys."""
    columns = model_fields(model)
    return {"type": "object", "properties": {**columns, **extra}, "required": sorted(columns)}


def record(**properties: Schema) -> Schema:
    """An object with these keys, all present."""
    return {"type": "object", "properties": properties, "required": sorted(properties)}


def some_of(**properties: Schema) -> Schema:
    """An object with some of these keys."""
    return {"type": "object", "properties": properties}


def array(items: Schema) -> Schema:
    """A JSON array of ``items``."""
    return {"type": "array", "items": items}
