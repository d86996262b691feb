"""Typed errors that mutation payloads carry for expected failures."""

from __future__ import annotations

from typing import Annotated

import strawberry

from hlink.services.errors import DomainError, Forbidden, NotFound, Refused, Unauthorized, Unavailable, ValidationFailed


@strawberry.type(description="An id that names nothing stored.")
class NotFoundError:
    message: str
    entity: str
    key: str


@strawberry.type(description="One field's problem; field uses the API's camelCase path, e.g. jobDsVOS[0].dsId.")
class FieldError:
    field: str
    message: str


@strawberry.type(description="Input that breaks a rule, with a message per field.")
class ValidationError:
    message: str
    fields: list[FieldError]


@strawberry.type(description="Well-formed input that clashes with what is stored: a taken alias, a row still in use.")
class ConflictError:
    message: str


@strawberry.type(description="The job's Flink cluster did not answer; nothing changed on it.")
class UnavailableError:
    message: str


@strawberry.type(description="The Flink cluster answered but refused the action; message is Flink's readable cause.")
class RefusedError:
    message: str


@strawberry.type(description="The acting user's role is too small for the action, or no one is signed in.")
class ForbiddenError:
    message: str = strawberry.field(description="Which role the action needs.")


GraphError = NotFoundError | ValidationError | ConflictError | UnavailableError | RefusedError | ForbiddenError
MutationError = Annotated[
    GraphError, strawberry.union("MutationError", description="An expected failure of a mutation, typed by its cause.")
]


# the services name fields as the REST document does; the graph's inputs call these lists otherwise
_GRAPH_NAMES = (("jobDsVOS", "mappings"), ("dsSchemaColumnVOS", "columns"), ("jsonFieldVO.jsonValue", "properties"))


def graph_field(name: str) -> str:
    """A REST field path (jobDsVOS[1].runSql) as the graph names it (mappings[1].runSql)."""
    for rest_name, graph_name in _GRAPH_NAMES:
        if name.startswith(rest_name):
            rest = name[len(rest_name) :]
            return graph_name + (rest.replace(".dsType", ".role") if graph_name == "mappings" else rest)
    return name


def to_graphql(error: DomainError) -> GraphError:
    """The typed error for a domain failure."""
    if isinstance(error, NotFound):
        return NotFoundError(message=error.message, entity=error.entity, key=str(error.key))
    if isinstance(error, ValidationFailed):
        fields = [FieldError(field=graph_field(k), message=v) for k, v in error.fields.items()]
        summary = "; ".join(f"{f.field}: {f.message}" for f in fields)
        return ValidationError(message=f"invalid input: {summary}", fields=fields)
    if isinstance(error, Unavailable):
        return UnavailableError(message=error.message)
    if isinstance(error, Refused):
        return RefusedError(message=error.message)
    if isinstance(error, Forbidden | Unauthorized):
        return ForbiddenError(message=error.message)
    return ConflictError(message=error.message)
