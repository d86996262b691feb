"""No NUL character in any text a GraphQL operation brings: PostgreSQL's text cannot hold one (it would fail deep in
a write as an internal error), and no name, SQL or option needs one. The REST layer refuses them as it reads its
inputs (rest/inputs.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import GraphQLError, StringValueNode, Visitor, visit
from strawberry.extensions import SchemaExtension

NUL = "\x00"


class _Strings(Visitor):
    """Finds a string literal holding a NUL in a document."""

    def __init__(self) -> None:
        super().__init__()
        self.found = False

    def enter_string_value(self, node: StringValueNode, *_: Any) -> None:
        self.found = self.found or NUL in node.value


def holds_nul(value: Any) -> bool:
    """Whether a variable's value (JSON: text, lists, objects) holds a NUL in any text or key."""
    if isinstance(value, str):
        return NUL in value
    if isinstance(value, dict):
        return any(holds_nul(k) or holds_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(holds_nul(v) for v in value)
    return False


class NulGuard(SchemaExtension):
    """Refuses an operation whose variables or literals hold a NUL with BAD_USER_INPUT, before anything runs."""

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        if context.result is None and context.graphql_document is not None:
            strings = _Strings()
            visit(context.graphql_document, strings)
            where = [name for name, value in (context.variables or {}).items() if holds_nul(value)]
            if strings.found or where:
                place = f"variable ${where[0]}" if where else "a text in the document"
                # raised, not set as the result: Strawberry's subscriptions ignore a result set here
                raise GraphQLError(
                    f"{place} holds a NUL character, which no text may contain", extensions={"code": "BAD_USER_INPUT"}
                )
        yield
