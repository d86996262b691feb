"""Flink SQL data types, parsed against Flink's type grammar before a column's type reaches any DDL.

A column's ``flinkType`` is pasted into a ``CREATE TABLE``; unchecked, it could close the column list and add
options or statements. This parser accepts exactly the type syntax of Flink's documentation (``DataTypes``' SQL
names): the atomic types with their lengths, precisions and time zones, ``ARRAY<t>`` / ``t ARRAY``,
``MULTISET<t>``, ``MAP<k, v>``, ``ROW<name t 'comment', ...>`` (or with parentheses), ``RAW('class',
'snapshot')``, ``INTERVAL`` ranges, and ``NULL`` / ``NOT NULL``; it answers the type written back in one
canonical spelling, or :class:`BadType` with the position of the first thing it could not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: how deeply types may nest (ROW inside ARRAY inside MAP ...): real schemas stay far below it
MAX_NESTING = 32
_TOKEN = re.compile(
    r"\s*(?:(?P<word>[A-Za-z_][A-Za-z0-9_$]*)|(?P<number>[0-9]+)|(?P<quoted>`(?:[^`]|``)+`)"
    r"|(?P<string>'(?:[^']|'')*')|(?P<symbol>[<>(),]))"
)
_NO_ARGUMENT = {"STRING", "BOOLEAN", "BYTES", "TINYINT", "SMALLINT", "INT", "INTEGER", "BIGINT", "FLOAT", "DATE"}
_LENGTH = {"CHAR", "VARCHAR", "BINARY", "VARBINARY", "TIME", "TIMESTAMP", "TIMESTAMP_LTZ"}
_DECIMAL = {"DECIMAL", "DEC", "NUMERIC"}
_INTERVAL_UNITS = {"YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND"}


class BadType(ValueError):
    """Not a Flink SQL type; the message says where and what was expected."""


@dataclass
class _Token:
    kind: str
    text: str
    at: int


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    position = 0
    while position < len(text):
        if not text[position:].strip():
            break
        found = _TOKEN.match(text, position)
        if found is None or found.lastgroup is None:
            raise BadType(f"unexpected {text[position:].strip()[:1]!r} at character {position + 1}")
        out.append(_Token(found.lastgroup, found.group(found.lastgroup), found.start(found.lastgroup)))
        position = found.end()
    return out


class _Parser:
    def __init__(self, text: str, allow_bare: bool) -> None:
        self.tokens = _tokens(text)
        self.index = 0
        self.allow_bare = allow_bare

    def peek(self, offset: int = 0) -> _Token | None:
        i = self.index + offset
        return self.tokens[i] if i < len(self.tokens) else None

    def word(self, offset: int = 0) -> str | None:
        token = self.peek(offset)
        return token.text.upper() if token is not None and token.kind == "word" else None

    def fail(self, expected: str) -> BadType:
        token = self.peek()
        found = f"{token.text!r} at character {token.at + 1}" if token else "the end"
        return BadType(f"expected {expected}, found {found}")

    def take(self, text: str) -> None:
        token = self.peek()
        if token is None or token.text.upper() != text:
            raise self.fail(repr(text))
        self.index += 1

    def accept(self, text: str) -> bool:
        token = self.peek()
        if token is not None and token.text.upper() == text:
            self.index += 1
            return True
        return False

    def number(self) -> str:
        token = self.peek()
        if token is None or token.kind != "number":
            raise self.fail("a number")
        self.index += 1
        return token.text

    def arguments(self, most: int) -> list[str]:
        """``(n)`` or ``(p, s)``: up to ``most`` numbers, when a parenthesis follows."""
        if not self.accept("("):
            return []
        values = [self.number()]
        while len(values) < most and self.accept(","):
            values.append(self.number())
        self.take(")")
        return values

    def nullability(self, written: str) -> str:
        if self.accept("NOT"):
            self.take("NULL")
            return f"{written} NOT NULL"
        if self.accept("NULL"):
            return f"{written} NULL"
        return written

    def parse(self) -> str:
        written = self.data_type(0)
        if self.peek() is not None:
            raise self.fail("the end of the type")
        return written

    def data_type(self, depth: int) -> str:
        if depth > MAX_NESTING:
            raise BadType(f"types nest deeper than {MAX_NESTING} levels")
        written = self.nullability(self.base(depth))
        while (suffix := self.word()) in ("ARRAY", "MULTISET"):  # the suffix forms: INT ARRAY, STRING MULTISET
            self.index += 1
            written = self.nullability(f"{written} {suffix}")
        return written

    def base(self, depth: int) -> str:
        name = self.word()
        if name is None:
            raise self.fail("a type name")
        self.index += 1
        if name in _NO_ARGUMENT:
            return name
        if name == "DOUBLE":
            return "DOUBLE PRECISION" if self.accept("PRECISION") else name
        if name in _LENGTH:
            sizes = self.arguments(1)
            written = f"{name}({sizes[0]})" if sizes else name
            if name in ("TIME", "TIMESTAMP"):
                written += self.zone(name)
            return written
        if name in _DECIMAL:
            sizes = self.arguments(2)
            return f"{name}({', '.join(sizes)})" if sizes else name
        if name in ("ARRAY", "MULTISET"):
            if self.bare():
                return name
            self.take("<")
            item = self.data_type(depth + 1)
            self.take(">")
            return f"{name}<{item}>"
        if name == "MAP":
            if self.bare():
                return name
            self.take("<")
            key = self.data_type(depth + 1)
            self.take(",")
            value = self.data_type(depth + 1)
            self.take(">")
            return f"MAP<{key}, {value}>"
        if name == "ROW":
            return self.row(depth)
        if name == "RAW":
            self.take("(")
            parts = [self.string()]
            if self.accept(","):
                parts.append(self.string())
            self.take(")")
            return f"RAW({', '.join(parts)})"
        if name == "INTERVAL":
            return self.interval()
        raise BadType(f"{name} is not a Flink SQL type")

    def bare(self) -> bool:
        """A composite type without its parameters: allowed only for a column whose nested columns give them."""
        token = self.peek()
        return self.allow_bare and (token is None or token.text not in ("<", "("))

    def zone(self, name: str) -> str:
        if self.accept("WITHOUT"):
            self.take("TIME")
            self.take("ZONE")
            return " WITHOUT TIME ZONE"
        if name == "TIMESTAMP" and self.accept("WITH"):
            local = self.accept("LOCAL")
            self.take("TIME")
            self.take("ZONE")
            return " WITH LOCAL TIME ZONE" if local else " WITH TIME ZONE"
        return ""

    def row(self, depth: int) -> str:
        if self.bare():
            return "ROW"
        opening = self.peek()
        close = {"<": ">", "(": ")"}.get(opening.text if opening is not None else "")
        if close is None:
            raise self.fail("'<' or '('")
        self.index += 1
        fields: list[str] = []
        while True:
            field = f"{self.field_name()} {self.data_type(depth + 1)}"
            token = self.peek()
            if token is not None and token.kind == "string":
                field += f" {self.string()}"
            fields.append(field)
            if self.accept(close):
                break
            self.take(",")
        return "ROW<" + ", ".join(fields) + ">"

    def field_name(self) -> str:
        token = self.peek()
        if token is None or token.kind not in ("word", "quoted"):
            raise self.fail("a field name")
        self.index += 1
        return token.text if token.kind == "quoted" else f"`{token.text}`"

    def string(self) -> str:
        token = self.peek()
        if token is None or token.kind != "string":
            raise self.fail("a quoted string")
        self.index += 1
        return token.text

    def interval(self) -> str:
        first = self.word()
        if first not in _INTERVAL_UNITS:
            raise self.fail("an interval unit (YEAR, MONTH, DAY, HOUR, MINUTE, SECOND)")
        self.index += 1
        written = f"INTERVAL {first}"
        sizes = self.arguments(1)
        written += f"({sizes[0]})" if sizes else ""
        if self.accept("TO"):
            last = self.word()
            if last not in _INTERVAL_UNITS:
                raise self.fail("an interval unit")
            self.index += 1
            written += f" TO {last}"
            sizes = self.arguments(1)
            written += f"({sizes[0]})" if sizes else ""
        return written


def parse_type(text: str, allow_bare: bool = False) -> str:
    """``text`` as a Flink SQL type in canonical spelling (field names in backticks), or :class:`BadType`.
    ``allow_bare`` accepts ROW, ARRAY, MAP and MULTISET without parameters (a column whose nested columns
    supply them)."""
    if not text.strip():
        raise BadType("the type is empty")
    return _Parser(text, allow_bare).parse()
