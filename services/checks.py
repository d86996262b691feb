"""Collecting per-field validation errors, reported all at once under the API's field names."""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from services.errors import ValidationFailed

IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class Checks:
    """Accumulates field errors; :meth:`done` raises them together."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def add(self, field: str, message: str) -> None:
        """Record an error for ``field`` (the first one per field wins)."""
        self.errors.setdefault(field, message)

    def required(self, field: str, value: Any) -> bool:
        """A value that is present and, for strings, not blank."""
        if value is None or (isinstance(value, str) and not value.strip()):
            self.add(field, "is required")
            return False
        return True

    def max_length(self, field: str, value: str | None, limit: int) -> None:
        if value is not None and len(value) > limit:
            self.add(field, f"must be at most {limit} characters")

    def one_of(self, field: str, value: Any, allowed: Collection[Any]) -> None:
        if value is not None and value not in allowed:
            shown = ", ".join(str(a) for a in allowed)
            self.add(field, f"must be one of {shown}, got {value!r}")

    def in_range(self, field: str, value: int | None, low: int, high: int | None = None) -> None:
        if value is None:
            return
        if value < low or (high is not None and value > high):
            bound = f"between {low} and {high}" if high is not None else f"at least {low}"
            self.add(field, f"must be {bound}, got {value}")

    def identifier(self, field: str, value: str | None) -> None:
        if value is not None and value.strip() and not IDENTIFIER.match(value):
            self.add(field, "must be a SQL identifier: a letter or _ followed by letters, digits or _")

    def done(self) -> None:
        """Raise :class:`ValidationFailed` when any error was recorded."""
        if self.errors:
            raise ValidationFailed(dict(self.errors))
