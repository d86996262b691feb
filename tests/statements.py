"""Counting the SQL statements the ORM sends (tests and benchmarks)."""

from __future__ import annotations

from typing import Any

from tortoise import connections


class StatementCounter:
    """Counts the statements of the default connection while entered (a context manager)."""

    METHODS = ("execute_query", "execute_query_dict", "execute_insert", "execute_many", "execute_script")

    def __init__(self) -> None:
        self.statements: list[str] = []
        self._originals: dict[str, Any] = {}
        self._cls: Any = None

    def __enter__(self) -> StatementCounter:
        self._cls = type(connections.get("default"))
        for name in self.METHODS:
            self._originals[name] = getattr(self._cls, name)
            setattr(self._cls, name, self._wrap(self._originals[name]))
        return self

    def __exit__(self, *exc: object) -> None:
        for name, original in self._originals.items():
            setattr(self._cls, name, original)

    def _wrap(self, original: Any) -> Any:
        counter = self

        async def wrapper(self: Any, query: str, *args: Any, **kwargs: Any) -> Any:
            counter.statements.append(query)
            return await original(self, query, *args, **kwargs)

        return wrapper

    def reset(self) -> None:
        self.statements.clear()

    def writes(self) -> int:
        """How many of the counted statements were UPDATEs."""
        return sum(1 for s in self.statements if s.lstrip().upper().startswith("UPDATE"))
