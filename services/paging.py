"""Limit/offset pages with a total count and a hard cap on the page size."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields, is_dataclass
from typing import Any, Generic, TypeVar

from tortoise.models import Model
from tortoise.queryset import QuerySet

from hlink.services.checks import Checks, camel

M = TypeVar("M", bound=Model)

#: the largest page anyone may ask for (HLINK_PAGE_CAP sets it at start-up)
PAGE_CAP = 500
#: the longest text filter (a LIKE pattern beyond it only costs the database, SQLite refuses 50,000)
MAX_FILTER = 256


@dataclass
class Page(Generic[M]):
    items: list[M]
    total: int
    limit: int
    offset: int


def check_window(limit: int, offset: int, *, limit_field: str = "limit", offset_field: str = "offset") -> None:
    """Refuse a page size outside 1..PAGE_CAP or a negative offset."""
    checks = Checks()
    checks.in_range(limit_field, limit, 1, PAGE_CAP)
    checks.in_range(offset_field, offset, 0)
    checks.done()


async def paginate(query: QuerySet[M], limit: int, offset: int, columns: Sequence[str] | None = None) -> Page[M]:
    """One count and one select: the rows of the window (only ``columns`` of them when given: partial rows, for
    reading only) and how many match in all."""
    check_window(limit, offset)
    total = await query.count()
    window = query.only(*columns) if columns else query
    items = await window.offset(offset).limit(limit) if total > offset else []
    return Page(items=list(items), total=total, limit=limit, offset=offset)


def check_filter(flt: Any, model: type[Model]) -> None:
    """Refuse text filters longer than their column (nothing longer can be stored) or than :data:`MAX_FILTER`
    or holding a NUL, and numbers outside their column's range (PostgreSQL refuses to compare an int4 column
    with one), each under its API name, before any query is made."""
    assert is_dataclass(flt)
    checks = Checks()
    for f in fields(flt):
        value = getattr(flt, f.name)
        column = model._meta.fields_map.get(f.name)
        if isinstance(value, str):
            limit = min(getattr(column, "max_length", None) or MAX_FILTER, MAX_FILTER)
            checks.max_length(camel(f.name), value, limit)
            if "\x00" in value:  # nothing stored holds one (PostgreSQL text cannot)
                checks.add(camel(f.name), "must not contain a NUL character")
        elif isinstance(value, int) and not isinstance(value, bool):
            bounds = getattr(column, "constraints", {})
            if "ge" in bounds and "le" in bounds:
                checks.in_range(camel(f.name), value, bounds["ge"], bounds["le"])
    checks.done()
