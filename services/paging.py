"""Limit/offset pages with a total count and a hard cap on the page size."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from tortoise.models import Model
from tortoise.queryset import QuerySet

from services.checks import Checks

M = TypeVar("M", bound=Model)

#: the largest page anyone may ask for (HLINK_PAGE_CAP sets it at start-up)
PAGE_CAP = 500


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


async def paginate(query: QuerySet[M], limit: int, offset: int) -> Page[M]:
    """One count and one select: the rows of the window and how many match in all."""
    check_window(limit, offset)
    total = await query.count()
    items = await query.offset(offset).limit(limit) if total > offset else []
    return Page(items=list(items), total=total, limit=limit, offset=offset)
