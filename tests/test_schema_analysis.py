"""Schema analysis: JSON Schema, JSON samples and Avro schemas into column trees, and every error it gives."""

from __future__ import annotations

import json
from typing import Any

import pytest

from hlink.services.catalog.datasources import ColumnInput
from hlink.services.catalog.schema_analysis import (
    AVRO,
    FLAT,
    JSON,
    MAX_COLUMNS,
    MAX_DEPTH,
    NESTED,
    SchemaProblem,
    analyse,
)
from hlink.services.errors import ValidationFailed


def run(document: Any, schema_type: int = JSON, structure: int = NESTED) -> list[ColumnInput]:
    return analyse(json.dumps(document).encode(), schema_type, structure)


def tree(columns: list[ColumnInput]) -> dict[str, Any]:
    """name → flinkType for leaves, name → {children} for parents, checking ids, parents and levels."""
    by_id = {c.virtual_id: c for c in columns}
    assert len(by_id) == len(columns)

    def node(c: ColumnInput) -> Any:
        kids = [k for k in columns if k.virtual_pid == c.virtual_id]
        for k in kids:
            assert k.level == (c.level or 0) + 1
        return {str(k.name): node(k) for k in kids} if kids else c.flink_type

    top = [c for c in columns if c.virtual_pid == "0"]
    assert all(c.level == 1 for c in top)
    return {str(c.name): node(c) for c in top}


ORDER_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
        "id": {"type": "integer", "description": "order id"},
        "amount": {"type": "number"},
        "paid": {"type": ["boolean", "null"]},
        "placed": {"type": "string", "format": "date-time"},
        "day": {"type": "string", "format": "date"},
        "at": {"type": "string", "format": "time"},
        "blob": {"type": "string", "contentEncoding": "base64"},
        "state": {"enum": ["new", "paid"]},
        "user": {
            "type": "object",
            "properties": {"name": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string"}}},
        },
        "lines": {"type": "array", "items": {"$ref": "#/$defs/line"}},
        "attrs": {"type": "object", "additionalProperties": {"type": "integer"}},
        "note": {"anyOf": [{"type": "string"}, {"type": "null"}]},
    },
    "$defs": {"line": {"type": "object", "properties": {"sku": {"type": "string"}, "qty": {"type": "integer"}}}},
}


def test_json_schema_nested_becomes_a_tree_with_flink_types() -> None:
    columns = run(ORDER_SCHEMA)
    assert tree(columns) == {
        "id": "BIGINT",
        "amount": "DOUBLE",
        "paid": "BOOLEAN",
        "placed": "TIMESTAMP(3)",
        "day": "DATE",
        "at": "TIME(3)",
        "blob": "BYTES",
        "state": "STRING",
        "user": {"name": "STRING", "tags": "ARRAY<STRING>"},
        "lines": {"sku": "STRING", "qty": "BIGINT"},
        "attrs": "MAP<STRING, BIGINT>",
        "note": "STRING",
    }
    by_name = {c.name: c for c in columns}
    assert by_name["id"].comment == "order id" and by_name["id"].basic_type == "long"
    assert by_name["user"].flink_type == "ROW<`name` STRING, `tags` ARRAY<STRING>>"
    assert by_name["user"].basic_type == "object"
    assert by_name["lines"].flink_type == "ARRAY<ROW<`sku` STRING, `qty` BIGINT>>"
    assert all(c.virtual_id and c.virtual_id.isdigit() for c in columns)  # snowflake ids


def test_flat_structure_writes_whole_types_inline() -> None:
    columns = run(ORDER_SCHEMA, structure=FLAT)
    assert [c.name for c in columns] == list(ORDER_SCHEMA["properties"])
    assert all(c.virtual_pid == "0" and c.level == 1 for c in columns)
    assert {c.name: c.flink_type for c in columns}["lines"] == "ARRAY<ROW<`sku` STRING, `qty` BIGINT>>"


def test_json_sample_infers_and_merges_array_elements() -> None:
    sample = {
        "id": 7,
        "score": 1.5,
        "ok": True,
        "name": "x",
        "missing": None,
        "big": 2**70,
        "empty": [],
        "user": {"name": "a", "tags": ["p", "q"]},
        "events": [{"kind": "click", "n": 1}, {"kind": "view", "n": 2.5, "extra": {"a": 1}}],
        "free": {},
    }
    assert tree(run(sample)) == {
        "id": "BIGINT",
        "score": "DOUBLE",
        "ok": "BOOLEAN",
        "name": "STRING",
        "missing": "STRING",
        "big": "DECIMAL(38, 0)",
        "empty": "ARRAY<STRING>",
        "user": {"name": "STRING", "tags": "ARRAY<STRING>"},
        "events": {"kind": "STRING", "n": "DOUBLE", "extra": {"a": "BIGINT"}},
        "free": "MAP<STRING, STRING>",
    }


ORDER_AVRO = {
    "type": "record",
    "name": "Order",
    "namespace": "acme",
    "fields": [
        {"name": "id", "type": "long", "doc": "order id"},
        {"name": "qty", "type": "int"},
        {"name": "ratio", "type": "float"},
        {"name": "price", "type": {"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}},
        {"name": "day", "type": {"type": "int", "logicalType": "date"}},
        {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
        {"name": "at_us", "type": {"type": "long", "logicalType": "timestamp-micros"}},
        {"name": "clock", "type": {"type": "int", "logicalType": "time-millis"}},
        {"name": "uid", "type": {"type": "string", "logicalType": "uuid"}},
        {"name": "note", "type": ["null", "string"], "default": None},
        {"name": "state", "type": {"type": "enum", "name": "State", "symbols": ["NEW", "PAID"]}},
        {"name": "hash", "type": {"type": "fixed", "name": "Hash", "size": 16}},
        {"name": "user", "type": {"type": "record", "name": "User", "fields": [{"name": "name", "type": "string"}]}},
        {"name": "buyer", "type": "User"},
        {
            "name": "lines",
            "type": {
                "type": "array",
                "items": {"type": "record", "name": "Line", "fields": [{"name": "sku", "type": "string"}]},
            },
        },
        {"name": "attrs", "type": {"type": "map", "values": "double"}},
        {"name": "again", "type": "acme.State"},
    ],
}


def test_avro_records_arrays_maps_enums_unions_and_logical_types() -> None:
    assert tree(run(ORDER_AVRO, AVRO)) == {
        "id": "BIGINT",
        "qty": "INT",
        "ratio": "FLOAT",
        "price": "DECIMAL(10, 2)",
        "day": "DATE",
        "at": "TIMESTAMP(3)",
        "at_us": "TIMESTAMP(6)",
        "clock": "TIME(3)",
        "uid": "STRING",
        "note": "STRING",
        "state": "STRING",
        "hash": "BYTES",
        "user": {"name": "STRING"},
        "buyer": {"name": "STRING"},
        "lines": {"sku": "STRING"},
        "attrs": "MAP<STRING, DOUBLE>",
        "again": "STRING",
    }


def deep(levels: int) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string"}
    for _ in range(levels):
        schema = {"type": "object", "properties": {"a": schema}}
    return schema


def problem(document: Any, schema_type: int = JSON, raw: bytes | None = None) -> str:
    with pytest.raises(SchemaProblem) as error:
        analyse(raw if raw is not None else json.dumps(document).encode(), schema_type, NESTED)
    message = error.value.fields["file"]
    assert message == (f"{error.value.place}: " if error.value.place else "") + error.value.problem
    return message


OBJ = "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"$schema": OBJ, "type": "array", "items": {"type": "string"}}, "/: the root must be an object schema"),
        ({"$schema": OBJ, "type": "object"}, "/: the root must be an object schema with properties"),
        ({"$schema": OBJ, "properties": {"a": {"$ref": "other.json#/x"}}}, "/properties/a: only local $ref"),
        ({"$schema": OBJ, "properties": {"a": {"$ref": "#/$defs/nope"}}}, "/properties/a: $ref '#/$defs/nope' points"),
        ({"$schema": OBJ, "properties": {"a": {"$ref": "#/$defs/s"}}, "$defs": {"s": 3}}, "is not a schema"),
        (
            {
                "$schema": OBJ,
                "properties": {"a": {"$ref": "#/$defs/n"}},
                "$defs": {"n": {"type": "object", "properties": {"next": {"$ref": "#/$defs/n"}}}},
            },
            "/$defs/n/properties/next: $ref '#/$defs/n' is recursive",
        ),
        (
            {"$schema": OBJ, "properties": {"a": {"anyOf": [{"type": "string"}, {"type": "integer"}]}}},
            "/properties/a/anyOf: only a single type",
        ),
        ({"$schema": OBJ, "properties": {"a": {"oneOf": {"type": "string"}}}}, "/properties/a/oneOf: must be a list"),
        ({"$schema": OBJ, "properties": {"a": {"allOf": [{"type": "string"}]}}}, "/properties/a/allOf: allOf is not"),
        ({"$schema": OBJ, "properties": {"a": {"type": ["string", "integer"]}}}, "/properties/a/type: a column has"),
        ({"$schema": OBJ, "properties": {"a": {"description": "?"}}}, "/properties/a: has no type"),
        (
            {"$schema": OBJ, "properties": {"a": {"type": "array", "items": [{"type": "string"}]}}},
            "/properties/a/items: tuple-typed arrays",
        ),
        ({"$schema": OBJ, "properties": {"a": {"type": "null"}}}, "/properties/a/type: a column cannot be only null"),
        ({"$schema": OBJ, "properties": {"a": {"type": "date"}}}, "/properties/a/type: unknown type 'date'"),
        ({"$schema": OBJ, "properties": {"a": "string"}}, "/properties/a: must be a schema"),
        ({"$schema": OBJ, "type": "object", "properties": []}, "/properties: must be an object of property schemas"),
        ({"$schema": OBJ, "properties": {"": {"type": "string"}}}, "/properties/: a field needs a non-empty name"),
        ({"$schema": OBJ, "properties": {"x" * 257: {"type": "string"}}}, "longer than 256 characters"),
        ({"$schema": OBJ, **deep(MAX_DEPTH + 2)}, f"nests deeper than {MAX_DEPTH} levels"),
    ],
)
def test_json_schema_errors_name_the_place(document: Any, expected: str) -> None:
    assert expected in problem(document)


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ([{"a": 1}], "$: the root of a JSON sample must be an object"),
        ("text", "$: the root of a JSON sample must be an object"),
        ({}, "$: the sample object has no fields"),
        ({"a": [1, "x"]}, "$.a[1]: mixes BIGINT and STRING in one array"),
        ({"a": [{"b": [1]}, {"b": [{"c": 1}]}]}, "$.a[1].b[]: mixes BIGINT and ROW<`c` BIGINT> in one array"),
        ({"a": [[1], {"b": 2}]}, "$.a[1]: mixes ARRAY<BIGINT> and ROW<`b` BIGINT>"),
        ({"": 1}, "$.: a field needs a non-empty name"),
        ({"a": 1, "A": 2}, "$.A: a field named 'A' appears twice (names are compared without case)"),
    ],
)
def test_sample_errors_name_the_place(document: Any, expected: str) -> None:
    assert expected in problem(document)


def test_sample_too_deep_and_too_wide() -> None:
    nested: Any = 1
    for _ in range(MAX_DEPTH + 2):
        nested = {"a": nested}
    assert f"nests deeper than {MAX_DEPTH} levels" in problem(nested)
    assert f"more than {MAX_COLUMNS} columns" in problem({f"c{i}": i for i in range(MAX_COLUMNS + 1)})


def avro(*fields: Any, **record: Any) -> dict[str, Any]:
    return {"type": "record", "name": "R", "fields": list(fields), **record}


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"type": "array", "items": "string"}, "the root of an Avro schema must be a record"),
        (avro({"name": "a", "type": ["null", "string", "int"]}), "R.a: a union can become a column only as one type"),
        (avro({"name": "a", "type": "null"}), "R.a: a column cannot be only null"),
        (avro({"name": "a", "type": "Missing"}), "R.a: unknown type 'Missing'"),
        (avro({"name": "me", "type": ["null", "R"]}), "R.me<1>: type 'R' is recursive"),
        (
            avro({"name": "a", "type": {"type": "bytes", "logicalType": "decimal", "precision": 40}}),
            "R.a: a decimal needs a precision of 1 to 38",
        ),
        (
            avro({"name": "a", "type": {"type": "record", "fields": [{"name": "b", "type": "int"}]}}),
            "R.a: a record needs a name",
        ),
        (avro({"name": "a", "type": {"type": "record", "name": "E", "fields": []}}), "R.aE: a record needs a list"),
        (avro({"name": "a"}), "R.fields[0]: a field needs a name and a type"),
        (avro({"name": "a", "type": {"type": "array"}}), "R.a: an array needs items"),
        (avro({"name": "a", "type": {"type": "map"}}), "R.a: a map needs values"),
        (avro({"name": "a", "type": {"type": "enum", "symbols": ["X"]}}), "R.a: a enum needs a name"),
        (avro({"name": "a", "type": 3}), "R.a: must be a type name, a union (list) or a type object"),
        (avro({"name": "a", "type": {"logicalType": "x"}}), "R.a: has no type"),
        (avro({"name": "", "type": "int"}), "R.: a field needs a non-empty name"),
        (avro({"name": "a", "type": "int"}, {"name": "a", "type": "long"}), "R.a: a field named 'a' appears twice"),
    ],
)
def test_avro_errors_name_the_place(document: Any, expected: str) -> None:
    assert expected in problem(document, AVRO)


def test_file_level_errors() -> None:
    assert problem(None, raw=b"\xff\xfe\x00junk") == "byte 0: the file is not UTF-8 text"
    assert problem(None, raw=b"  \n ") == "the file is empty"
    assert problem(None, raw=b'{\n  "a": 1,\n  "b" 2\n}') == "line 3, column 7: not valid JSON: Expecting ':' delimiter"
    with pytest.raises(ValidationFailed) as bad_type:
        analyse(b"{}", 7, NESTED)
    assert bad_type.value.fields == {"schemaType": "must be 0 (json) or 1 (avro)"}
    with pytest.raises(ValidationFailed) as bad_structure:
        analyse(b"{}", JSON, 2)
    assert bad_structure.value.fields == {"structureType": "must be 0 (flat) or 1 (nested)"}
