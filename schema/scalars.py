"""Scalars beyond GraphQL's 32-bit Int."""

from __future__ import annotations

from typing import Any, NewType

import strawberry
from strawberry.file_uploads import Upload
from strawberry.types.scalar import ScalarDefinition


def _parse_long(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(f"Long cannot represent {value!r}")
    number = int(value)
    if abs(number) > 2**63 - 1:
        raise ValueError("Long is a signed 64-bit integer")
    return number


def _parse_upload(value: Any) -> Any:
    """A file of a multipart request (the request's ``map`` puts it in the variables); anything else, such as a
    string sent in a JSON body, is bad input."""
    if not (hasattr(value, "filename") and hasattr(value, "read")):
        raise ValueError("Upload must be a file sent as a multipart request (see the GraphQL multipart request spec)")
    return value


Long = NewType("Long", int)

SCALARS: dict[object, ScalarDefinition] = {
    Long: strawberry.scalar(
        name="Long",
        description="A signed 64-bit integer (milliseconds, sizes, counts).",
        serialize=int,
        parse_value=_parse_long,
    ),
    Upload: strawberry.scalar(
        name="Upload",
        description="A file sent with the GraphQL multipart request.",
        parse_value=_parse_upload,
    ),
}
