"""Scalars beyond GraphQL's 32-bit Int."""

from __future__ import annotations

from typing import Any, NewType

import strawberry
from strawberry.types.scalar import ScalarDefinition


def _parse_long(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(f"Long cannot represent {value!r}")
    number = int(value)
    if abs(number) > 2**63 - 1:
        raise ValueError("Long is a signed 64-bit integer")
    return number


Long = NewType("Long", int)

SCALARS: dict[object, ScalarDefinition] = {
    Long: strawberry.scalar(
        name="Long",
        description="A signed 64-bit integer (milliseconds, sizes, counts).",
        serialize=int,
        parse_value=_parse_long,
    )
}
