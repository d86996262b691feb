"""Limit/offset pages with a total count and a hard cap on the page size (HLINK_PAGE_CAP, the policy's page_cap,
passed by each face)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields, is_dataclass
from typing import Any, Generic, TypeVar

from tortoise.models import Model
from tortoise.queryset import QuerySet

from hlink.services.checks import Checks, camel

M = TypeVar("M", bound=Model)

#: the longest text filter (a LIKE pattern beyond it only costs the database, SQLite refuses 50,000)
MAX_FILTER = 256


@dataclass
class Page(Generic[M]):
    items: list[M]
    total: int
    limit: int
    offset: int


@dataclass(frozen=True)
class Window:
    """A page asked for, checked (:func:`window`): ``limit`` rows from row ``offset``."""

    limit: int
    offset: int


def window(limit: int, offset: int, cap: int, *, limit_field: str = "limit", offset_field: str = "offset") -> Window:
    """The window, refused for a page size outside 1..``cap`` (HLINK_PAGE_CAP) or a negative offset, each under
    the name the caller asked with."""
    checks = Checks()
    checks.in_range(limit_field, limit, 1, cap)
    checks.in_range(offset_field, offset, 0)
    checks.done()
    return Window(limit, offset)


async def paginate(query: QuerySet[M], window: Window, columns: Sequence[str] | None = None) -> Page[M]:
    """One count and one select: the rows of the window (only ``columns`` of them when given: partial rows, for
    reading only) and how many match in all."""
    total = await query.count()
    rows = query.only(*columns) if columns else query
    items = await rows.offset(window.offset).limit(window.limit) if total > window.offset else []
    return Page(items=list(items), total=total, limit=window.limit, offset=window.offset)


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
