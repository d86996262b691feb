"""Datasources: a table alias, a column tree and connector properties, written in one transaction."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, TypeVar

from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from hlink.masking import MASK, mask_value
from hlink.models import Column, Datasource, DatasourceProperties, Job, JobDatasource
from hlink.services import sizes
from hlink.services.access.audit import guarded
from hlink.services.actor import Role, stamp_change, stamp_new
from hlink.services.catalog.connectors import check_form, filled_form, flatten_form, form_of
from hlink.services.catalog.flinktypes import BadType, parse_type
from hlink.services.checks import Checks
from hlink.services.errors import Conflict
from hlink.services.paging import Page, Window, check_filter, paginate
from hlink.services.records import apply, get_or_404, given
from hlink.services.snowflake import next_id
from hlink.services.sqltext import SqlRefused, table_ddl

DS_TYPES = ("source", "sink", "side", "udf")
#: connectors per role (dictionaries dc_type_source / dc_type_side / dc_type_sink)
CONNECTORS = {
    "source": ("kafka", "datagen", "filesystem"),
    "side": ("kafka", "mysql", "oracle", "http", "redis", "jdbc"),
    "sink": ("kafka", "mysql", "oracle", "hbase", "jdbc", "print", "blackhole", "filesystem"),
}
ROOT = "0"


@dataclass
class ColumnInput:
    name: str | None = None
    flink_type: str | None = None
    basic_type: str | None = None
    virtual_id: str | None = None
    virtual_pid: str | None = None
    level: int | None = None
    join_key: int | None = None
    event_time: int | None = None
    comment: str | None = None
    res1: str | None = None
    res2: str | None = None
    res3: str | None = None
    res4: str | None = None
    res5: str | None = None


@dataclass
class DatasourceInput:
    ds_name: str | None = None
    ds_type: str | None = None
    table_name: str | None = None
    table_type: str | None = None
    schema_type: int | None = None
    structure_type: int | None = None
    schema_file: str | None = None
    ds_ddl: str | None = None
    ddl_enable: int | None = None
    ds_version: int | None = None
    #: None keeps the stored columns; a list replaces them
    columns: list[ColumnInput] | None = None
    #: the filled connector form (jsonFieldVO.jsonValue); None keeps the stored one
    properties: list[dict[str, Any]] | None = field(default=None)


@dataclass
class DatasourceFilter:
    ds_type: str | None = None
    ds_name: str | None = None
    table_name: str | None = None
    table_type: str | None = None
    schema_type: int | None = None
    structure_type: int | None = None


def masked(properties: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The properties as shown: secret values masked, credentials inside URLs too."""
    shown = []
    for p in properties:
        value = p.get("fieldValue")
        if isinstance(value, str) and value:
            p = {**p, "fieldValue": mask_value(str(p.get("fieldName", "")), value)}
        shown.append(p)
    return shown


def shown_properties(ds: Datasource, props: DatasourceProperties | None) -> list[dict[str, Any]]:
    """The detail view's jsonFieldVO.jsonValue: the connector's form filled with the stored values, secrets
    masked."""
    return filled_form(form_of(ds.ds_type, ds.table_type), masked(props.json_value) if props else [])


def _restore_secrets(new: list[dict[str, Any]], old: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An update that sends back a value as it was shown (masked) keeps the stored one."""
    stored = {str(p.get("fieldName")): p.get("fieldValue") for p in old}
    restored = []
    for p in new:
        name, value = str(p.get("fieldName")), p.get("fieldValue")
        before = stored.get(name)
        if isinstance(value, str) and isinstance(before, str) and MASK in value and value == mask_value(name, before):
            p = {**p, "fieldValue": before}
        restored.append(p)
    return restored


def _check_properties(checks: Checks, properties: list[dict[str, Any]]) -> list[dict[str, Any]]:
    clean: list[dict[str, Any]] = []
    seen: set[str] = set()
    for i, prop in enumerate(flatten_form(properties)):
        where = f"jsonFieldVO.jsonValue[{i}]"
        if not isinstance(prop, dict):
            checks.add(where, "must be an object with fieldName and fieldValue")
            continue
        name = prop.get("fieldName")
        if not isinstance(name, str) or not name.strip():
            checks.add(f"{where}.fieldName", "is required")
            continue
        if name in seen:
            checks.add(f"{where}.fieldName", f"{name!r} appears twice")
        seen.add(name)
        value = prop.get("fieldValue")
        if value is not None and not isinstance(value, str):
            if isinstance(value, bool) or not isinstance(value, int | float):
                checks.add(f"{where}.fieldValue", "must be a string or a number")
                continue
            value = str(value)
        clean.append({**prop, "fieldValue": value})
    return clean


#: a column of a tree, sent or stored
N = TypeVar("N", ColumnInput, Column)


def _original_root(columns: list[N]) -> N | None:
    """The original's wrapper: one top-level ROW node named ``root`` (at level 0) holding the table's columns."""
    top = [c for c in columns if (c.virtual_pid or ROOT) == ROOT]
    if len(top) != 1:
        return None
    node = top[0]
    is_row = (node.flink_type or "ROW").strip().upper().startswith("ROW")
    wraps = node.level == 0 or (node.name or "").strip().lower() == "root"
    held = any(c.virtual_pid == node.virtual_id for c in columns)
    return node if is_row and wraps and held else None


def table_columns(columns: list[N]) -> list[N]:
    """The table's columns of a tree: in a tree the original stored or sent, the children of its ``root`` ROW
    node (moved to the top, one level up), else the tree as it is. Stored rows are copied, never changed."""
    root = _original_root(columns)
    if root is None:
        return columns
    out: list[N] = []
    for c in columns:
        if c is root:
            continue
        if c.virtual_pid == root.virtual_id or c.level is not None:
            c = copy.copy(c)
            if c.virtual_pid == root.virtual_id:
                c.virtual_pid = ROOT
            if c.level is not None:
                c.level = max(1, c.level - 1) if root.level != 0 else c.level
        out.append(c)
    return out


def _check_columns(checks: Checks, columns: list[ColumnInput], ds_type: str | None) -> list[ColumnInput]:
    """Validate the tree (ids, parents, no cycles), fill missing virtualIds and derive levels. The original's
    ``root`` wrapper is dropped: its children are the table's columns."""
    columns = table_columns(columns)
    for c in columns:
        if not c.virtual_id:
            c.virtual_id = next_id()
        if not c.virtual_pid:
            c.virtual_pid = ROOT
    by_id: dict[str, ColumnInput] = {}
    parents = {c.virtual_pid for c in columns}
    for i, c in enumerate(columns):
        where = f"dsSchemaColumnVOS[{i}]"
        checks.required(f"{where}.name", c.name)
        checks.max_length(f"{where}.name", c.name, 256)
        if checks.required(f"{where}.flinkType", c.flink_type) and c.flink_type is not None:
            try:  # checked against Flink's type grammar: the type is pasted into the CREATE TABLE
                parse_type(c.flink_type, allow_bare=c.virtual_id in parents)
            except BadType as error:
                checks.add(f"{where}.flinkType", f"is not a Flink SQL type: {error}")
        checks.one_of(f"{where}.joinKey", c.join_key, (0, 1))
        checks.one_of(f"{where}.eventTime", c.event_time, (0, 1))
        assert c.virtual_id is not None
        if c.virtual_id == ROOT or len(c.virtual_id) > 32:
            checks.add(f"{where}.virtualId", "must be a non-zero id of at most 32 characters")
        if c.virtual_id in by_id:
            checks.add(f"{where}.virtualId", f"{c.virtual_id} appears twice")
        by_id[c.virtual_id] = c
    siblings: set[tuple[str, str]] = set()
    for i, c in enumerate(columns):
        where = f"dsSchemaColumnVOS[{i}]"
        assert c.virtual_pid is not None and c.virtual_id is not None
        if c.virtual_pid != ROOT and c.virtual_pid not in by_id:
            checks.add(f"{where}.virtualPid", f"names no column ({c.virtual_pid})")
            continue
        depth, pid, seen = 1, c.virtual_pid, {c.virtual_id}
        while pid != ROOT and pid in by_id:
            if pid in seen:
                checks.add(f"{where}.virtualPid", "makes a cycle")
                break
            seen.add(pid)
            depth += 1
            pid = by_id[pid].virtual_pid or ROOT
        c.level = depth
        key = (c.virtual_pid, (c.name or "").lower())
        if c.name and key in siblings:
            checks.add(f"{where}.name", f"{c.name!r} appears twice at the same level")
        siblings.add(key)
    if ds_type == "side" and columns:
        keys = [c for c in columns if c.join_key == 1 and c.virtual_pid == ROOT]
        if len(keys) != 1:
            checks.add("dsSchemaColumnVOS", f"a side table needs exactly one top-level join key, found {len(keys)}")
    return columns


def _check(
    data: DatasourceInput, current: Datasource | None, max_columns: int
) -> tuple[list[ColumnInput] | None, list[dict[str, Any]] | None]:
    checks = Checks()
    creating = current is None
    for name, value in (("dsName", data.ds_name), ("dsType", data.ds_type), ("tableName", data.table_name)):
        if creating or value is not None:
            checks.required(name, value)
    checks.max_length("dsName", data.ds_name, 128)
    checks.max_length("tableName", data.table_name, 128)
    checks.identifier("tableName", data.table_name)
    checks.one_of("dsType", data.ds_type, DS_TYPES)
    ds_type = data.ds_type if data.ds_type is not None else (current.ds_type if current else None)
    table_type = data.table_type if data.table_type is not None else (current.table_type if current else None)
    if ds_type in CONNECTORS:
        if creating or data.table_type is not None or data.ds_type is not None:
            if checks.required("tableType", table_type):
                checks.one_of("tableType", table_type, CONNECTORS[ds_type])
    checks.one_of("schemaType", data.schema_type, (0, 1))
    checks.one_of("structureType", data.structure_type, (0, 1))
    checks.one_of("ddlEnable", data.ddl_enable, (0, 1))
    version = Datasource._meta.fields_map["ds_version"].constraints  # what the column holds (int4)
    checks.in_range("dsVersion", data.ds_version, version["ge"], version["le"])
    if data.ds_ddl and data.ds_ddl.strip():
        try:
            table_ddl(data.ds_ddl)
        except SqlRefused as refused:
            checks.add("dsDdl", str(refused))
    if data.columns is not None and len(data.columns) > max_columns:  # what every read is priced by
        checks.add("dsSchemaColumnVOS", f"has {len(data.columns)} columns; at most {max_columns} (HLINK_MAX_COLUMNS)")
        checks.done()
    if data.properties is not None and len(data.properties) > sizes.MAX_PROPERTIES:
        checks.add("jsonFieldVO.jsonValue", f"has {len(data.properties)} fields; at most {sizes.MAX_PROPERTIES}")
        checks.done()
    columns = _check_columns(checks, data.columns, ds_type) if data.columns is not None else None
    properties = _check_properties(checks, data.properties) if data.properties is not None else None
    checks.done()
    return columns, properties


async def _alias_taken(table_name: str, exclude_id: int | None) -> bool:
    query = Datasource.filter(table_key=table_name.lower())
    if exclude_id is not None:
        query = query.exclude(id=exclude_id)
    return await query.exists()


async def check_table_name(table_name: str | None, ds_id: int | None = None) -> bool:
    """True when ``table_name`` is a valid alias no other datasource uses (case-insensitive)."""
    checks = Checks()
    checks.required("tableName", table_name)
    checks.max_length("tableName", table_name, 128)
    checks.identifier("tableName", table_name)
    checks.done()
    assert table_name is not None
    return not await _alias_taken(table_name, ds_id)


def _column_rows(ds_id: int, columns: list[ColumnInput]) -> list[Column]:
    stamp = stamp_new()
    return [Column(datasource_id=ds_id, sort=i, **given(c), **stamp) for i, c in enumerate(columns)]


async def _write(ds: Datasource, columns: list[ColumnInput] | None, properties: list[dict[str, Any]] | None) -> None:
    await ds.save()
    if columns is not None:
        await Column.filter(datasource_id=ds.id).delete()
        await Column.bulk_create(_column_rows(ds.id, columns))
    if properties is not None:
        updated = await DatasourceProperties.filter(datasource_id=ds.id).update(json_value=properties, **stamp_change())
        if not updated:
            await DatasourceProperties.create(datasource_id=ds.id, json_value=properties, **stamp_new())


def _check_connector_form(ds_type: str | None, table_type: str | None, properties: list[dict[str, Any]]) -> None:
    """The properties against the connector's form: required fields, choices, numbers in range."""
    form = form_of(ds_type, table_type)
    if form is not None:
        checks = Checks()
        check_form(checks, form, properties)
        checks.done()


@guarded("datasource.create", Role.DEVELOPER, "datasource")
async def create_datasource(data: DatasourceInput, max_columns: int) -> Datasource:
    """Create a datasource with its columns (at most ``max_columns``, HLINK_MAX_COLUMNS) and properties, all or
    nothing."""
    columns, properties = _check(data, None, max_columns)
    _check_connector_form(data.ds_type, data.table_type, properties or [])
    assert data.table_name is not None
    if await _alias_taken(data.table_name, None):
        raise Conflict(f"table alias {data.table_name!r} is already taken")
    ds = Datasource(**given(data, skip=("columns", "properties")), table_key=data.table_name.lower(), **stamp_new())
    try:
        async with in_transaction():
            await _write(ds, columns or [], properties or [])
    except IntegrityError:  # a concurrent create took the alias between the check and the insert
        raise Conflict(f"table alias {data.table_name!r} is already taken") from None
    return ds


@guarded("datasource.update", Role.DEVELOPER, "datasource", key="ds_id")
async def update_datasource(ds_id: int, data: DatasourceInput, max_columns: int) -> Datasource:
    """Change the given fields; a given column list (at most ``max_columns``) or property list replaces the
    stored one."""
    ds = await get_or_404(Datasource, ds_id, "datasource")
    columns, properties = _check(data, ds, max_columns)
    if data.table_name is not None and await _alias_taken(data.table_name, ds_id):
        raise Conflict(f"table alias {data.table_name!r} is already taken")
    stored = await DatasourceProperties.get_or_none(datasource_id=ds_id)
    if properties is not None:
        properties = _restore_secrets(properties, stored.json_value if stored else [])
    if properties is not None or data.ds_type is not None or data.table_type is not None:
        _check_connector_form(
            data.ds_type or ds.ds_type,
            data.table_type if data.table_type is not None else ds.table_type,
            properties if properties is not None else (stored.json_value if stored else []),
        )
    apply(ds, {**given(data, skip=("columns", "properties")), **stamp_change()})
    if data.table_name is not None:
        ds.table_key = data.table_name.lower()
    try:
        async with in_transaction():
            await _write(ds, columns, properties)
    except IntegrityError:
        raise Conflict(f"table alias {data.table_name!r} is already taken") from None
    return ds


@guarded("datasource.delete", Role.DEVELOPER, "datasource", key="ds_id")
async def delete_datasource(ds_id: int) -> None:
    """Delete a datasource no job maps; its columns and properties go with it."""
    ds = await get_or_404(Datasource, ds_id, "datasource")
    job_ids = await JobDatasource.filter(datasource_id=ds_id).values_list("job_id", flat=True)
    if job_ids:
        names = await Job.filter(id__in=list(job_ids)).limit(5).values_list("job_name", flat=True)
        raise Conflict(f"datasource {ds_id} is used by jobs ({', '.join(map(str, names))}); unmap it first")
    await ds.delete()


async def get_datasource(ds_id: int) -> Datasource:
    return await get_or_404(Datasource, ds_id, "datasource")


async def columns_of(ds_id: int) -> list[Column]:
    """Every column of a datasource, in stored order."""
    return await Column.filter(datasource_id=ds_id).order_by("sort", "id")


async def properties_of(ds_id: int) -> DatasourceProperties | None:
    return await DatasourceProperties.get_or_none(datasource_id=ds_id)


def _filtered(flt: DatasourceFilter) -> QuerySet[Datasource]:
    check_filter(flt, Datasource)
    query = Datasource.all()
    if flt.ds_type:
        query = query.filter(ds_type=flt.ds_type)
    if flt.ds_name:
        query = query.filter(ds_name__icontains=flt.ds_name)
    if flt.table_name:
        query = query.filter(table_name__icontains=flt.table_name)
    if flt.table_type:
        query = query.filter(table_type=flt.table_type)
    if flt.schema_type is not None:
        query = query.filter(schema_type=flt.schema_type)
    if flt.structure_type is not None:
        query = query.filter(structure_type=flt.structure_type)
    return query.order_by("-id")


async def list_datasources(flt: DatasourceFilter, window: Window) -> Page[Datasource]:
    """A page of datasources, newest first."""
    if flt.ds_type is not None:
        checks = Checks()
        checks.one_of("dsType", flt.ds_type, DS_TYPES)
        checks.done()
    return await paginate(_filtered(flt), window)
