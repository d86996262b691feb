"""Collecting per-field validation errors, reported all at once under the API's field names."""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from hlink.services.errors import ValidationFailed

#: an integer in ASCII digits: int() also reads Arabic-Indic, fullwidth and other digits ("\u0661" is 1)
ASCII_INTEGER = re.compile(r"-?[0-9]+")
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
#: Flink SQL's reserved words: an alias among them would need backticks in every query
RESERVED = frozenset(
    {
        "ALL",
        "ALTER",
        "AND",
        "ANY",
        "ARRAY",
        "AS",
        "ASYMMETRIC",
        "AT",
        "AUTHORIZATION",
        "AVG",
        "BEGIN",
        "BETWEEN",
        "BIGINT",
        "BINARY",
        "BLOB",
        "BOOLEAN",
        "BOTH",
        "BY",
        "CALL",
        "CASCADED",
        "CASE",
        "CAST",
        "CEIL",
        "CHAR",
        "CHARACTER",
        "CHECK",
        "CLOB",
        "CLOSE",
        "COALESCE",
        "COLLATE",
        "COLLECT",
        "COLUMN",
        "COMMIT",
        "CONDITION",
        "CONNECT",
        "CONSTRAINT",
        "CONVERT",
        "COUNT",
        "CREATE",
        "CROSS",
        "CUBE",
        "CURRENT",
        "CURSOR",
        "CYCLE",
        "DATE",
        "DAY",
        "DEC",
        "DECIMAL",
        "DECLARE",
        "DEFAULT",
        "DELETE",
        "DESCRIBE",
        "DISTINCT",
        "DOUBLE",
        "DROP",
        "DYNAMIC",
        "EACH",
        "ELEMENT",
        "ELSE",
        "END",
        "ESCAPE",
        "EVERY",
        "EXCEPT",
        "EXEC",
        "EXECUTE",
        "EXISTS",
        "EXPLAIN",
        "EXTERNAL",
        "EXTRACT",
        "FALSE",
        "FETCH",
        "FILTER",
        "FLOAT",
        "FLOOR",
        "FOR",
        "FOREIGN",
        "FROM",
        "FULL",
        "FUNCTION",
        "FUSION",
        "GET",
        "GLOBAL",
        "GRANT",
        "GROUP",
        "GROUPING",
        "HAVING",
        "HOLD",
        "HOUR",
        "IDENTITY",
        "IN",
        "INNER",
        "INOUT",
        "INSERT",
        "INT",
        "INTEGER",
        "INTERSECT",
        "INTERVAL",
        "INTO",
        "IS",
        "JOIN",
        "LAG",
        "LANGUAGE",
        "LARGE",
        "LATERAL",
        "LEAD",
        "LEADING",
        "LEFT",
        "LIKE",
        "LIMIT",
        "LOCAL",
        "LOCALTIME",
        "LOCALTIMESTAMP",
        "LOWER",
        "MATCH",
        "MAX",
        "MEMBER",
        "MERGE",
        "METHOD",
        "MIN",
        "MINUTE",
        "MOD",
        "MODULE",
        "MONTH",
        "MULTISET",
        "NATIONAL",
        "NATURAL",
        "NCHAR",
        "NCLOB",
        "NEW",
        "NEXT",
        "NO",
        "NONE",
        "NOT",
        "NULL",
        "NULLIF",
        "NUMERIC",
        "OF",
        "OFFSET",
        "OLD",
        "ON",
        "ONLY",
        "OPEN",
        "OR",
        "ORDER",
        "OUT",
        "OUTER",
        "OVER",
        "OVERLAPS",
        "OVERLAY",
        "PARAMETER",
        "PARTITION",
        "PERCENT",
        "PERIOD",
        "POSITION",
        "POWER",
        "PRECISION",
        "PREPARE",
        "PRIMARY",
        "PROCEDURE",
        "RANGE",
        "RANK",
        "READS",
        "REAL",
        "RECURSIVE",
        "REF",
        "REFERENCES",
        "RELEASE",
        "RESET",
        "RESULT",
        "RETURN",
        "RETURNS",
        "REVOKE",
        "RIGHT",
        "ROLLBACK",
        "ROLLUP",
        "ROW",
        "ROWS",
        "SAVEPOINT",
        "SCOPE",
        "SCROLL",
        "SEARCH",
        "SECOND",
        "SELECT",
        "SENSITIVE",
        "SESSION_USER",
        "SET",
        "SHOW",
        "SIMILAR",
        "SMALLINT",
        "SOME",
        "SPECIFIC",
        "SQL",
        "START",
        "STATIC",
        "STREAM",
        "SUBSTRING",
        "SUM",
        "SYMMETRIC",
        "SYSTEM",
        "SYSTEM_TIME",
        "SYSTEM_USER",
        "TABLE",
        "TABLESAMPLE",
        "THEN",
        "TIME",
        "TIMESTAMP",
        "TINYINT",
        "TO",
        "TRAILING",
        "TRANSLATE",
        "TREAT",
        "TRIGGER",
        "TRIM",
        "TRUE",
        "TRUNCATE",
        "UNION",
        "UNIQUE",
        "UNKNOWN",
        "UNNEST",
        "UPDATE",
        "UPPER",
        "UPSERT",
        "USER",
        "USING",
        "VALUE",
        "VALUES",
        "VARBINARY",
        "VARCHAR",
        "VARYING",
        "WHEN",
        "WHENEVER",
        "WHERE",
        "WINDOW",
        "WITH",
        "WITHIN",
        "WITHOUT",
        "YEAR",
    }
)


def camel(name: str) -> str:
    """snake_case → the API's camelCase field name."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


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
            self.add(field, f"must be at most {limit} characters, got {len(value)}")

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
        elif value is not None and value.upper() in RESERVED:
            self.add(field, f"{value!r} is a Flink SQL reserved word; every query would need it in backticks")

    def done(self) -> None:
        """Raise :class:`ValidationFailed` when any error was recorded."""
        if self.errors:
            raise ValidationFailed(dict(self.errors))
