"""The Flink ``CREATE TABLE`` of a datasource, generated from its column tree and connector properties."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from hlink.masking import mask_sql
from hlink.models import Column, Datasource, DatasourceProperties
from hlink.services.catalog.connectors import connector_options, form_of, watermark_delay
from hlink.services.catalog.datasources import ROOT, masked, table_columns
from hlink.services.sqltext import quote as quote

#: the processing-time attribute added to sources and side tables (FOR SYSTEM_TIME AS OF s.proctime)
PROCTIME = "proctime"


def literal(value: str) -> str:
    """A Flink SQL string literal."""
    return "'" + value.replace("'", "''") + "'"


@dataclass(frozen=True)
class TableSpec:
    """What the DDL needs of one datasource, read once from the database."""

    table_name: str
    role: str  # source, side, sink
    connector: str
    columns: tuple[Column, ...]
    options: tuple[tuple[str, str], ...]
    own_ddl: str | None = None  # the user's DDL, when ddlEnable is on
    watermark_delay: int = 5  # seconds the watermark lags an event-time column


def column_type(column: Column, children: Mapping[str, list[Column]]) -> str:
    """The Flink type of a column; nested children fold into ROW<...> (inside ARRAY<...> for arrays)."""
    kids = children.get(column.virtual_id, [])
    declared = (column.flink_type or "STRING").strip()
    if not kids:
        return declared
    row = "ROW<" + ", ".join(f"{quote(k.name)} {column_type(k, children)}" for k in kids) + ">"
    return f"ARRAY<{row}>" if declared.upper().startswith("ARRAY") else row


def _tree(columns: Iterable[Column]) -> dict[str, list[Column]]:
    children: dict[str, list[Column]] = {}
    for c in sorted(columns, key=lambda c: (c.sort, c.id or 0)):
        children.setdefault(c.virtual_pid or ROOT, []).append(c)
    return children


def options_of(
    ds_type: str, connector: str, properties: Iterable[Mapping[str, Any]], primary_key: bool = False
) -> tuple[tuple[str, str], ...]:
    """The WITH options of a datasource: its connector form's values under today's option keys."""
    return tuple(connector_options(form_of(ds_type, connector), connector, properties, primary_key).items())


def primary_key(top: Iterable[Column], role: str) -> list[Column]:
    """The key columns: a side table's join key, a sink's key columns (the sink then writes upserts)."""
    return [c for c in top if c.join_key == 1] if role in ("side", "sink") else []


def create_table(spec: TableSpec) -> str:
    """The CREATE TABLE statement for one datasource in one role."""
    if spec.own_ddl:
        return spec.own_ddl.strip().rstrip(";")
    children = _tree(spec.columns)
    top = children.get(ROOT, [])
    lines = [f"  {quote(c.name)} {column_type(c, children)}" for c in top]
    names = {c.name.lower() for c in top}
    if spec.role in ("source", "side") and PROCTIME not in names:
        lines.append(f"  {quote(PROCTIME)} AS PROCTIME()")
    event = next((c for c in top if c.event_time == 1), None)
    if event is not None and spec.role == "source":
        lines.append(
            f"  WATERMARK FOR {quote(event.name)} AS {quote(event.name)} - INTERVAL "
            f"{literal(str(spec.watermark_delay))} SECOND"
        )
    keys = primary_key(top, spec.role)
    if keys:
        lines.append(f"  PRIMARY KEY ({', '.join(quote(k.name) for k in keys)}) NOT ENFORCED")
    with_lines = ",\n".join(f"  {literal(k)} = {literal(v)}" for k, v in spec.options)
    return f"CREATE TABLE {quote(spec.table_name)} (\n" + ",\n".join(lines) + f"\n) WITH (\n{with_lines}\n)"


def spec_of(ds: Datasource, role: str, columns: Iterable[Column], properties: Any) -> TableSpec:
    """What the DDL needs of a datasource, from its columns and its filled form (a list of field dicts)."""
    props = [p for p in (properties or []) if isinstance(p, dict)]
    columns = tuple(table_columns(list(columns)))  # a tree the original stored: its root's children
    connector = (ds.table_type or "").strip()
    keyed = bool(primary_key((c for c in columns if c.virtual_pid == ROOT), role))
    return TableSpec(
        table_name=ds.table_name,
        role=role,
        connector=connector,
        columns=columns,
        options=options_of(role, connector, props, keyed),
        own_ddl=ds.ds_ddl if ds.ddl_enable == 1 and ds.ds_ddl else None,
        watermark_delay=watermark_delay(props),
    )


def ddl_of(ds: Datasource, columns: Iterable[Column], properties: Any) -> str:
    """The datasource's CREATE TABLE in its own role, as shown: generated, or the user's own when ddlEnable is
    1, secrets masked (in the options and in any URL)."""
    return mask_sql(create_table(spec_of(ds, ds.ds_type, columns, properties)))


async def table_specs(tables: list[tuple[Datasource, str]], *, mask: bool = False) -> list[TableSpec]:
    """The specs of several (datasource, role) pairs in two queries; secrets masked if asked (for display)."""
    ids = list({ds.id for ds, _ in tables})
    columns: dict[int, list[Column]] = {i: [] for i in ids}
    for column in await Column.filter(datasource_id__in=ids).order_by("sort", "id"):
        columns[column.datasource_id].append(column)
    forms = {p.datasource_id: p.json_value for p in await DatasourceProperties.filter(datasource_id__in=ids)}
    return [
        spec_of(ds, role, columns[ds.id], masked(forms.get(ds.id) or []) if mask else forms.get(ds.id))
        for ds, role in tables
    ]
