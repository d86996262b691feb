"""The Flink ``CREATE TABLE`` of a datasource, generated from its column tree and connector properties."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from models import Column, Datasource, DatasourceProperties
from services.datasources import ROOT

#: the processing-time attribute added to sources and side tables (FOR SYSTEM_TIME AS OF s.proctime)
PROCTIME = "proctime"
#: event-time columns get a watermark this many seconds behind, unless the form's watermark_delay says otherwise
DEFAULT_WATERMARK_DELAY = 5
#: form fields that steer the DDL itself rather than becoming a connector option
_DDL_FIELDS = frozenset({"watermark_delay"})


def quote(identifier: str) -> str:
    """A Flink SQL identifier in backticks: reserved words and odd names stay names."""
    return "`" + identifier.replace("`", "``") + "`"


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


def options_of(connector: str, properties: Iterable[Mapping[str, Any]]) -> tuple[tuple[str, str], ...]:
    """The WITH options: 'connector' first, then every filled form field under its option key."""
    options: dict[str, str] = {"connector": connector}
    for prop in properties:
        name, value = str(prop.get("fieldName") or ""), prop.get("fieldValue")
        if not name or value is None or str(value) == "" or name in _DDL_FIELDS:
            continue
        options[name] = str(value)
    return tuple(options.items())


def _watermark_delay(properties: Iterable[Mapping[str, Any]]) -> int:
    for prop in properties:
        value = str(prop.get("fieldValue") or "")
        if prop.get("fieldName") == "watermark_delay" and value.isdigit():
            return int(value)
    return DEFAULT_WATERMARK_DELAY


def create_table(spec: TableSpec, properties: Iterable[Mapping[str, Any]] = ()) -> str:
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
            f"{literal(str(_watermark_delay(properties)))} SECOND"
        )
    keys = [c for c in top if c.join_key == 1]
    if keys and spec.role == "side":
        lines.append(f"  PRIMARY KEY ({', '.join(quote(k.name) for k in keys)}) NOT ENFORCED")
    with_lines = ",\n".join(f"  {literal(k)} = {literal(v)}" for k, v in spec.options)
    return f"CREATE TABLE {quote(spec.table_name)} (\n" + ",\n".join(lines) + f"\n) WITH (\n{with_lines}\n)"


async def table_spec(ds: Datasource, role: str) -> tuple[TableSpec, list[dict[str, Any]]]:
    """Read a datasource's columns and properties into a spec (and the raw properties)."""
    columns = await Column.filter(datasource_id=ds.id).order_by("sort", "id")
    props_row = await DatasourceProperties.get_or_none(datasource_id=ds.id)
    properties = [p for p in (props_row.json_value if props_row else []) if isinstance(p, dict)]
    connector = (ds.table_type or "").strip()
    spec = TableSpec(
        table_name=ds.table_name,
        role=role,
        connector=connector,
        columns=tuple(columns),
        options=options_of(connector, properties),
        own_ddl=ds.ds_ddl if ds.ddl_enable == 1 and ds.ds_ddl else None,
    )
    return spec, properties
