"""Every top-level GraphQL error carries ``extensions.code``, as frontends (Apollo's conventions) expect: the
kind of failure, for a program to act on, beside the message meant for people."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from graphql import GraphQLError
from starlette.responses import JSONResponse
from strawberry.extensions import SchemaExtension

from hlink.services.errors import DomainError


def code_of(error: GraphQLError) -> str:
    """The code of one error: a domain failure's kind, a document that does not validate, or an internal error."""
    cause = error.original_error
    if cause is None:
        return "GRAPHQL_VALIDATION_FAILED"  # parse, validation and variable errors carry no original error
    if isinstance(cause, GraphQLError):
        return code_of(cause)
    if isinstance(cause, DomainError):
        return cause.code
    if bad_input(error):
        return "BAD_USER_INPUT"
    return "INTERNAL_SERVER_ERROR"


#: the code of a request refused before GraphQL ran (by the gate, the body or the time limit), by its status
HTTP_CODES = {
    401: "UNAUTHENTICATED",
    403: "FORBIDDEN",
    413: "BAD_USER_INPUT",
    429: "TOO_MANY_REQUESTS",
    503: "UNAVAILABLE",
}


def refusal(status: int, message: str, headers: Mapping[str, str] | None = None) -> JSONResponse:
    """Such a refusal in GraphQL's shape (``errors`` with ``extensions.code``), with its HTTP status."""
    code = HTTP_CODES.get(status, "INTERNAL_SERVER_ERROR")
    body = {"data": None, "errors": [{"message": message, "extensions": {"code": code}}]}
    return JSONResponse(body, status_code=status, headers=headers)


def bad_input(error: GraphQLError) -> bool:
    """A value a scalar refused while the variables were read (a Long out of range, a string sent as an Upload):
    such errors have no path, unlike a resolver's."""
    return error.path is None and isinstance(error.original_error, ValueError | TypeError | OverflowError)


class ErrorCodes(SchemaExtension):
    """Adds ``extensions.code`` to every error of a result (a code set earlier, e.g. QUERY_TOO_COSTLY, stays)."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        errors = list(getattr(result, "errors", None) or []) + list(self.execution_context.pre_execution_errors or [])
        for error in errors:
            if not (error.extensions or {}).get("code"):
                error.extensions = {**(error.extensions or {}), "code": code_of(error)}
