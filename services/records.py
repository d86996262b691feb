"""Small helpers shared by the entity services: fetch-or-NotFound and applying given fields."""

from __future__ import annotations

from dataclasses import fields as dc_fields
from typing import Any, TypeVar

from tortoise.models import Model

from hlink.services.errors import NotFound

M = TypeVar("M", bound=Model)


async def get_or_404(model: type[M], key: int, entity: str) -> M:
    """The row with primary key ``key``, or :class:`NotFound` naming the entity."""
    row = await model.get_or_none(id=key)
    if row is None:
        raise NotFound(entity, key)
    return row


def given(data: Any, *, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """The dataclass fields of ``data`` that were given (not None), minus ``skip``."""
    return {
        f.name: getattr(data, f.name)
        for f in dc_fields(data)
        if f.name not in skip and getattr(data, f.name) is not None
    }


def apply(row: Model, values: dict[str, Any]) -> None:
    """Set attributes on a row; None never overwrites (the original's update-by-id semantics)."""
    for name, value in values.items():
        setattr(row, name, value)
