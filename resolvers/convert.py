"""GraphQL inputs → the services' input dataclasses (same field names; ids and enums unwrapped)."""

from __future__ import annotations

import dataclasses
import typing
from enum import Enum
from typing import Any, TypeVar

from hlink.services.catalog import datasources
from hlink.services.checks import ASCII_INTEGER, camel
from hlink.services.errors import ValidationFailed
from hlink.services.jobs import definitions as jobs

T = TypeVar("T")


def parse_id(value: Any, field: str) -> int:
    """A GraphQL ID as the integer key, or a ValidationFailed naming the field."""
    text = str(value).strip()
    if not ASCII_INTEGER.fullmatch(text):  # int() also reads other scripts' digits, which must not name a row
        raise ValidationFailed({field: f"is not a valid id: {value!r}"})
    number = int(text)
    if number < 1 or number > 2**63 - 1:
        raise ValidationFailed({field: f"is not a valid id: {value!r}"})
    return number


def to_service(cls: type[T], data: Any, **overrides: Any) -> T:
    """Copy the fields ``cls`` shares with the GraphQL input; IDs given for integer keys become ints."""
    hints = typing.get_type_hints(cls)
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in overrides:
            values[f.name] = overrides[f.name]
            continue
        value = getattr(data, f.name, None) if data is not None else None
        if isinstance(value, Enum):
            value = value.value
        if isinstance(value, str) and int in typing.get_args(hints[f.name]):
            value = parse_id(value, camel(f.name))
        values[f.name] = value
    return cls(**values)


def job_input(data: Any) -> jobs.JobInput:
    mappings = None
    if data.mappings is not None:
        mappings = [
            jobs.MappingInput(ds_id=parse_id(m.ds_id, f"mappings[{i}].dsId"), ds_type=m.role.value, run_sql=m.run_sql)
            for i, m in enumerate(data.mappings)
        ]
    return to_service(jobs.JobInput, data, mappings=mappings)


def datasource_input(data: Any) -> datasources.DatasourceInput:
    columns = None if data.columns is None else [to_service(datasources.ColumnInput, c) for c in data.columns]
    properties = None
    if data.properties is not None:
        properties = [{camel(k): v for k, v in dataclasses.asdict(p).items() if v is not None} for p in data.properties]
    return to_service(datasources.DatasourceInput, data, columns=columns, properties=properties)
