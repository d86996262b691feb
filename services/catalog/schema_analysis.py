"""Schema analysis: a JSON Schema, a JSON sample or an Avro schema becomes a datasource's column tree.

Objects and records become ROW, arrays ARRAY, maps MAP<STRING, ...>; nested (structureType 1) keeps objects as
columns with children (what the DDL folds back into ROW / ARRAY<ROW>), flat (0) writes each top-level field's
whole type inline. Every error names the place in the file: a JSON pointer for JSON Schema (``/properties/a``),
a JSON path for samples (``$.a[0]``), a field path for Avro (``Order.items[]``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from hlink.services.access.audit import guarded
from hlink.services.actor import Role
from hlink.services.artifacts.storage import Storage, Upload
from hlink.services.catalog.datasources import ROOT, ColumnInput
from hlink.services.catalog.ddl import quote
from hlink.services.errors import ValidationFailed
from hlink.services.jsontext import MAX_JSON_DEPTH, depth_over, no_constant
from hlink.services.snowflake import next_id

JSON, AVRO = 0, 1
FLAT, NESTED = 0, 1
MAX_DEPTH = 32
MAX_COLUMNS = 5000
MAX_BYTES = 10 * 1024 * 1024
FIELD = "file"
#: /ds/getTypeList
FLINK_SQL_TYPES = (
    "STRING",
    "VARCHAR",
    "CHAR",
    "BOOLEAN",
    "TINYINT",
    "SMALLINT",
    "INT",
    "BIGINT",
    "FLOAT",
    "DOUBLE",
    "DECIMAL",
    "DATE",
    "TIME",
    "TIMESTAMP",
    "TIMESTAMP(3)",
    "TIMESTAMP_LTZ(3)",
    "BYTES",
    "BINARY",
    "VARBINARY",
    "ARRAY",
    "MAP",
    "MULTISET",
    "ROW",
)
BASIC_TYPES = (
    "string",
    "boolean",
    "int",
    "long",
    "float",
    "double",
    "decimal",
    "date",
    "time",
    "timestamp",
    "bytes",
    "object",
    "array",
    "map",
)


class SchemaProblem(ValidationFailed):
    """The file cannot become columns; the message names the place."""

    def __init__(self, place: str, problem: str) -> None:
        super().__init__({FIELD: f"{place}: {problem}" if place else problem})
        self.place = place
        self.problem = problem


@dataclass
class TypeNode:
    """A Flink type: a scalar, or a ROW / ARRAY / MAP of further types."""

    kind: str  # scalar, row, array, map
    flink: str = ""  # scalars: the Flink type
    basic: str = ""
    fields: list[tuple[str, TypeNode, str | None]] = field(default_factory=list)  # rows: (name, type, comment)
    item: TypeNode | None = None  # arrays: the element; maps: the value

    def sql(self) -> str:
        """The whole type, inline."""
        if self.kind == "row":
            return "ROW<" + ", ".join(f"{quote(n)} {t.sql()}" for n, t, _ in self.fields) + ">"
        if self.kind == "array":
            assert self.item is not None
            return f"ARRAY<{self.item.sql()}>"
        if self.kind == "map":
            assert self.item is not None
            return f"MAP<STRING, {self.item.sql()}>"
        return self.flink

    @property
    def basic_type(self) -> str:
        return {"row": "object", "array": "array", "map": "map"}.get(self.kind, self.basic)


def scalar(flink: str, basic: str) -> TypeNode:
    return TypeNode("scalar", flink, basic)


STRING = scalar("STRING", "string")

# -- JSON Schema --------------------------------------------------------------------------------------------

_JSON_FORMATS = {"date-time": ("TIMESTAMP(3)", "timestamp"), "date": ("DATE", "date"), "time": ("TIME(3)", "time")}


class _JsonSchema:
    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.resolving: list[str] = []

    def resolve(self, ref: str, place: str) -> tuple[dict[str, Any], str]:
        if not ref.startswith("#"):
            raise SchemaProblem(place, f"only local $ref ('#/...') can be followed, not {ref!r}")
        target: Any = self.document
        for part in [p for p in ref[1:].split("/") if p]:
            part = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(target, dict) or part not in target:
                raise SchemaProblem(place, f"$ref {ref!r} points at nothing")
            target = target[part]
        if not isinstance(target, dict):
            raise SchemaProblem(place, f"$ref {ref!r} is not a schema")
        return target, ref[1:] or "/"

    def type_of(self, schema: Any, place: str, depth: int) -> TypeNode:
        if depth > MAX_DEPTH:
            raise SchemaProblem(place, f"nests deeper than {MAX_DEPTH} levels")
        if not isinstance(schema, dict):
            raise SchemaProblem(place, "must be a schema (a JSON object)")
        if "$ref" in schema:
            ref = str(schema["$ref"])
            if ref in self.resolving:
                raise SchemaProblem(place, f"$ref {ref!r} is recursive; Flink types cannot recurse")
            target, where = self.resolve(ref, place)
            self.resolving.append(ref)
            try:
                return self.type_of(target, where, depth + 1)
            finally:
                self.resolving.pop()
        for combinator in ("anyOf", "oneOf"):
            if combinator in schema:
                options = schema[combinator]
                if not isinstance(options, list):
                    raise SchemaProblem(f"{place}/{combinator}", "must be a list of schemas")
                real = [(i, o) for i, o in enumerate(options) if not (isinstance(o, dict) and o.get("type") == "null")]
                if len(real) != 1:
                    raise SchemaProblem(
                        f"{place}/{combinator}", "only a single type (optionally with null) can become a column"
                    )
                i, only = real[0]
                return self.type_of(only, f"{place}/{combinator}/{i}", depth + 1)
        if "allOf" in schema:
            raise SchemaProblem(f"{place}/allOf", "allOf is not supported; merge the schemas into one object")
        kind = schema.get("type")
        if isinstance(kind, list):
            kinds = [k for k in kind if k != "null"]
            if len(kinds) != 1:
                raise SchemaProblem(f"{place}/type", f"a column has one type, not {kind}")
            kind = kinds[0]
        if kind is None:
            kind = "object" if "properties" in schema else "array" if "items" in schema else None
            if kind is None and "enum" in schema:
                kind = "string"
            if kind is None:
                raise SchemaProblem(place, "has no type")
        if kind == "object":
            return self.object_of(schema, place, depth)
        if kind == "array":
            items = schema.get("items")
            if items is None:
                return TypeNode("array", item=STRING)
            if isinstance(items, list):
                raise SchemaProblem(f"{place}/items", "tuple-typed arrays (a list of item schemas) are not supported")
            return TypeNode("array", item=self.type_of(items, f"{place}/items", depth + 1))
        if kind == "string":
            if schema.get("contentEncoding") == "base64":
                return scalar("BYTES", "bytes")
            flink, basic = _JSON_FORMATS.get(str(schema.get("format")), ("STRING", "string"))
            return scalar(flink, basic)
        if kind == "integer":
            return scalar("BIGINT", "long")
        if kind == "number":
            return scalar("DOUBLE", "double")
        if kind == "boolean":
            return scalar("BOOLEAN", "boolean")
        if kind == "null":
            raise SchemaProblem(f"{place}/type", "a column cannot be only null")
        raise SchemaProblem(f"{place}/type", f"unknown type {kind!r}")

    def object_of(self, schema: dict[str, Any], place: str, depth: int) -> TypeNode:
        properties = schema.get("properties")
        if properties is None:
            extra = schema.get("additionalProperties")
            value = (
                self.type_of(extra, f"{place}/additionalProperties", depth + 1) if isinstance(extra, dict) else STRING
            )
            return TypeNode("map", item=value)
        if not isinstance(properties, dict):
            raise SchemaProblem(f"{place}/properties", "must be an object of property schemas")
        if not properties:
            return TypeNode("map", item=STRING)
        fields = []
        seen: set[str] = set()
        for name, sub in properties.items():
            where = f"{place}/properties/{name}"
            _check_name(name, where, seen)
            comment = sub.get("description") if isinstance(sub, dict) else None
            fields.append((name, self.type_of(sub, where, depth + 1), str(comment) if comment else None))
        return TypeNode("row", fields=fields)


def from_json_schema(document: Any) -> TypeNode:
    """The row type a JSON Schema document describes; its root must be an object."""
    if not isinstance(document, dict):
        raise SchemaProblem("/", "the root must be an object schema")
    analyser = _JsonSchema(document)
    root = analyser.type_of(document, "", 0)
    if root.kind != "row":
        raise SchemaProblem("/", "the root must be an object schema with properties")
    return root


# -- JSON samples -------------------------------------------------------------------------------------------


def from_sample(value: Any, place: str = "$", depth: int = 0) -> TypeNode:
    """The type of a sample value; arrays take the merged type of their elements."""
    if depth > MAX_DEPTH:
        raise SchemaProblem(place, f"nests deeper than {MAX_DEPTH} levels")
    if isinstance(value, dict):
        if not value:
            return TypeNode("map", item=STRING)
        fields: list[tuple[str, TypeNode, str | None]] = []
        seen: set[str] = set()
        for name, sub in value.items():
            where = f"{place}.{name}"
            _check_name(name, where, seen)
            fields.append((name, from_sample(sub, where, depth + 1), None))
        return TypeNode("row", fields=fields)
    if isinstance(value, list):
        item: TypeNode | None = None
        for i, element in enumerate(value):
            if element is None:
                continue
            node = from_sample(element, f"{place}[{i}]", depth + 1)
            item = node if item is None else _merge(item, node, f"{place}[{i}]")
        return TypeNode("array", item=item or STRING)
    if isinstance(value, bool):
        return scalar("BOOLEAN", "boolean")
    if isinstance(value, int):
        return scalar("BIGINT", "long") if -(2**63) <= value < 2**63 else scalar("DECIMAL(38, 0)", "decimal")
    if isinstance(value, float):
        return scalar("DOUBLE", "double")
    return STRING  # strings, and nulls whose type the sample does not show


def _merge(a: TypeNode, b: TypeNode, place: str) -> TypeNode:
    """One type for two sample values in the same place (array elements)."""
    if a.kind == "row" and b.kind == "row":
        merged = dict((n, t) for n, t, _ in a.fields)
        for name, node in ((n, t) for n, t, _ in b.fields):
            merged[name] = _merge(merged[name], node, f"{place}.{name}") if name in merged else node
        return TypeNode("row", fields=[(n, t, None) for n, t in merged.items()])
    if a.kind == "array" and b.kind == "array":
        assert a.item is not None and b.item is not None
        return TypeNode("array", item=_merge(a.item, b.item, f"{place}[]"))
    if a.kind == b.kind == "map":
        return a
    if a.kind == b.kind == "scalar":
        if a.flink == b.flink:
            return a
        if {a.flink, b.flink} == {"BIGINT", "DOUBLE"}:
            return scalar("DOUBLE", "double")
    raise SchemaProblem(place, f"mixes {a.sql()} and {b.sql()} in one array")


# -- Avro ---------------------------------------------------------------------------------------------------

_AVRO_PRIMITIVES = {
    "boolean": ("BOOLEAN", "boolean"),
    "int": ("INT", "int"),
    "long": ("BIGINT", "long"),
    "float": ("FLOAT", "float"),
    "double": ("DOUBLE", "double"),
    "bytes": ("BYTES", "bytes"),
    "string": ("STRING", "string"),
}
_AVRO_LOGICAL = {
    "date": ("DATE", "date"),
    "time-millis": ("TIME(3)", "time"),
    "time-micros": ("TIME(3)", "time"),
    "timestamp-millis": ("TIMESTAMP(3)", "timestamp"),
    "timestamp-micros": ("TIMESTAMP(6)", "timestamp"),
    "local-timestamp-millis": ("TIMESTAMP(3)", "timestamp"),
    "local-timestamp-micros": ("TIMESTAMP(6)", "timestamp"),
    "uuid": ("STRING", "string"),
}


class _Avro:
    def __init__(self) -> None:
        self.named: dict[str, TypeNode] = {}
        self.defining: set[str] = set()

    def type_of(self, schema: Any, place: str, depth: int, namespace: str = "") -> TypeNode:
        if depth > MAX_DEPTH:
            raise SchemaProblem(place, f"nests deeper than {MAX_DEPTH} levels")
        if isinstance(schema, str):
            if schema in _AVRO_PRIMITIVES:
                return scalar(*_AVRO_PRIMITIVES[schema])
            if schema == "null":
                raise SchemaProblem(place, "a column cannot be only null")
            full = schema if "." in schema or not namespace else f"{namespace}.{schema}"
            for name in (full, schema):
                if name in self.defining:
                    raise SchemaProblem(place, f"type {schema!r} is recursive; Flink types cannot recurse")
                if name in self.named:
                    return self.named[name]
            raise SchemaProblem(place, f"unknown type {schema!r}")
        if isinstance(schema, list):
            real = [(i, s) for i, s in enumerate(schema) if s != "null"]
            if len(real) != 1:
                raise SchemaProblem(place, "a union can become a column only as one type with null")
            i, only = real[0]
            return self.type_of(only, f"{place}<{i}>", depth + 1, namespace)
        if not isinstance(schema, dict):
            raise SchemaProblem(place, "must be a type name, a union (list) or a type object")
        kind = schema.get("type")
        logical = schema.get("logicalType")
        if logical == "decimal":
            precision, scale = schema.get("precision"), schema.get("scale", 0)
            if not isinstance(precision, int) or not 1 <= precision <= 38 or not isinstance(scale, int):
                raise SchemaProblem(place, "a decimal needs a precision of 1 to 38 and an integer scale")
            return scalar(f"DECIMAL({precision}, {scale})", "decimal")
        if isinstance(logical, str) and logical in _AVRO_LOGICAL:
            return scalar(*_AVRO_LOGICAL[logical])
        if kind == "record":
            return self.record(schema, place, depth, namespace)
        if kind == "enum":
            self._register(schema, place, namespace, scalar("STRING", "string"))
            return scalar("STRING", "string")
        if kind == "fixed":
            node = scalar("BYTES", "bytes")
            self._register(schema, place, namespace, node)
            return node
        if kind == "array":
            if "items" not in schema:
                raise SchemaProblem(place, "an array needs items")
            return TypeNode("array", item=self.type_of(schema["items"], f"{place}[]", depth + 1, namespace))
        if kind == "map":
            if "values" not in schema:
                raise SchemaProblem(place, "a map needs values")
            return TypeNode("map", item=self.type_of(schema["values"], f"{place}{{}}", depth + 1, namespace))
        if kind is None:
            raise SchemaProblem(place, "has no type")
        return self.type_of(kind, place, depth + 1, namespace)

    def _register(self, schema: dict[str, Any], place: str, namespace: str, node: TypeNode) -> str:
        name = schema.get("name")
        if not isinstance(name, str) or not name:
            raise SchemaProblem(place, f"a {schema.get('type')} needs a name")
        ns = schema.get("namespace") if isinstance(schema.get("namespace"), str) else namespace
        full = name if "." in name or not ns else f"{ns}.{name}"
        self.named[full] = node
        self.named.setdefault(name, node)
        return full

    def record(self, schema: dict[str, Any], place: str, depth: int, namespace: str) -> TypeNode:
        name = schema.get("name")
        if not isinstance(name, str) or not name:
            raise SchemaProblem(place, "a record needs a name")
        ns = str(schema.get("namespace") or namespace)
        full = name if "." in name or not ns else f"{ns}.{name}"
        fields = schema.get("fields")
        if not isinstance(fields, list) or not fields:
            raise SchemaProblem(f"{place}{name}", "a record needs a list of fields")
        self.defining.update({full, name})
        node = TypeNode("row")
        seen: set[str] = set()
        try:
            for i, f in enumerate(fields):
                if not isinstance(f, dict) or not isinstance(f.get("name"), str) or "type" not in f:
                    raise SchemaProblem(f"{name}.fields[{i}]", "a field needs a name and a type")
                where = f"{name}.{f['name']}"
                _check_name(f["name"], where, seen)
                doc = f.get("doc")
                node.fields.append(
                    (f["name"], self.type_of(f["type"], where, depth + 1, ns), str(doc) if doc else None)
                )
        finally:
            self.defining.difference_update({full, name})
        self.named[full] = node
        self.named.setdefault(name, node)
        return node


def from_avro(document: Any) -> TypeNode:
    """The row type of an Avro schema (.avsc); its root must be a record."""
    if not isinstance(document, dict) or document.get("type") != "record":
        raise SchemaProblem("", "the root of an Avro schema must be a record")
    return _Avro().type_of(document, "", 0)


# -- columns ------------------------------------------------------------------------------------------------


def _check_name(name: Any, place: str, seen: set[str]) -> None:
    """A usable column name, not yet used among its siblings (compared without case, as hlink stores them)."""
    if not isinstance(name, str) or not name.strip():
        raise SchemaProblem(place, "a field needs a non-empty name")
    if len(name) > 256:
        raise SchemaProblem(place, "a field name is longer than 256 characters")
    if name.lower() in seen:
        raise SchemaProblem(place, f"a field named {name!r} appears twice (names are compared without case)")
    seen.add(name.lower())


def is_json_schema(document: Any) -> bool:
    """A JSON document that reads as a JSON Schema rather than a sample."""
    return isinstance(document, dict) and (
        "$schema" in document or (document.get("type") == "object" and isinstance(document.get("properties"), dict))
    )


def columns_of(root: TypeNode, structure_type: int) -> list[ColumnInput]:
    """The column tree: flat writes whole types inline, nested gives objects (and arrays of objects) children."""
    columns: list[ColumnInput] = []

    def add(name: str, node: TypeNode, comment: str | None, pid: str, level: int) -> None:
        if len(columns) >= MAX_COLUMNS:
            raise SchemaProblem("", f"more than {MAX_COLUMNS} columns")
        column = ColumnInput(
            name=name,
            flink_type=node.sql(),
            basic_type=node.basic_type,
            virtual_id=next_id(),
            virtual_pid=pid,
            level=level,
            join_key=0,
            event_time=0,
            comment=comment,
        )
        columns.append(column)
        if structure_type != NESTED:
            return
        row = node if node.kind == "row" else node.item if node.kind == "array" and node.item else None
        if row is not None and row.kind == "row":
            assert column.virtual_id is not None
            for child, sub, doc in row.fields:
                add(child, sub, doc, column.virtual_id, level + 1)

    for name, node, comment in root.fields:
        add(name, node, comment, ROOT, 1)
    return columns


def analyse(content: bytes, schema_type: int, structure_type: int) -> list[ColumnInput]:
    """Columns of an uploaded schema: JSON (a JSON Schema or a sample, told apart by content) or Avro."""
    if schema_type not in (JSON, AVRO):
        raise ValidationFailed({"schemaType": "must be 0 (json) or 1 (avro)"})
    if structure_type not in (FLAT, NESTED):
        raise ValidationFailed({"structureType": "must be 0 (flat) or 1 (nested)"})
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SchemaProblem(f"byte {error.start}", "the file is not UTF-8 text") from None
    if not text.strip():
        raise SchemaProblem("", "the file is empty")
    # a schema nests its types a few JSON levels each (properties, items ...): the type depth is checked later
    depth = 8 * MAX_JSON_DEPTH
    too_deep = f"nested too deeply (at most {depth} levels)"
    try:
        document = json.loads(text, parse_constant=no_constant)
    except json.JSONDecodeError as error:
        raise SchemaProblem(f"line {error.lineno}, column {error.colno}", f"not valid JSON: {error.msg}") from None
    except RecursionError:
        raise SchemaProblem("$", too_deep) from None
    except ValueError as error:
        raise SchemaProblem("$", f"not valid JSON: {error}") from None
    if depth_over(document, depth):
        raise SchemaProblem("$", too_deep)
    if schema_type == AVRO:
        root = from_avro(document)
    elif is_json_schema(document):
        root = from_json_schema(document)
    else:
        if not isinstance(document, dict):
            raise SchemaProblem("$", "the root of a JSON sample must be an object")
        root = from_sample(document)
        if root.kind != "row":
            raise SchemaProblem("$", "the sample object has no fields")
    return columns_of(root, structure_type)


@guarded("schema.analyse", Role.DEVELOPER, "schema")
async def analyse_upload(
    storage: Storage, upload: Upload | None, schema_type: int, structure_type: int
) -> tuple[str, list[ColumnInput]]:
    """Analyse an uploaded schema file and keep it in the storage folder (``schemas/``): its path and columns."""
    name, content = await storage.read_upload(upload, FIELD, MAX_BYTES)
    columns = analyse(content, schema_type, structure_type)
    return await storage.save_bytes("schemas", name, content), columns
