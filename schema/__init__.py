"""What the graph exposes: the Strawberry schema, with limits on depth, tokens and aliases."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import Any

import strawberry
from graphql import GraphQLError, GraphQLObjectType, GraphQLSchema, ValidationContext, ValidationRule
from strawberry.extensions import (
    MaxTokensLimiter,
    ParserCache,
    ValidationCache,
)
from strawberry.extensions.add_validation_rules import AddValidationRules
from strawberry.extensions.max_aliases import create_validator as alias_validator
from strawberry.extensions.query_depth_limiter import create_validator as depth_validator
from strawberry.schema.config import StrawberryConfig
from strawberry.schema.schema import DEFAULT_ALLOWED_OPERATION_TYPES
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types import ExecutionContext, ExecutionResult
from strawberry.types.field import StrawberryField
from strawberry.types.graphql import OperationType

from hlink import logs
from hlink.schema import budget, loaders
from hlink.schema.codes import ErrorCodes, bad_input
from hlink.schema.cost import CostLimiter
from hlink.schema.execution import HlinkExecutionContext, mark_plain_leaf
from hlink.schema.glossary import describe
from hlink.schema.nul import NulGuard
from hlink.schema.scalars import SCALARS
from hlink.schema.signin import WebSocketSignIn
from hlink.schema.timing import Timing
from hlink.services.errors import DomainError
from hlink.services.policy import Policy

DEFINITION_BACKREF = GraphQLCoreConverter.DEFINITION_BACKREF
#: parsed and validated documents kept (a frontend sends the same few documents again and again)
DOCUMENT_CACHE = 256
SDL_PATH = Path(__file__).resolve().parent.parent / "schema.graphql"


log = logging.getLogger("hlink.graphql")
#: graphql-core quotes the input it could not read ("found: {...}", "got invalid value {...}"): it may hold secrets
_QUOTED_INPUT = re.compile(r"(;?\s*(found|got invalid value)\b).*", re.S)


def redacted(message: str) -> str:
    """An error message as logged: without the input it quotes."""
    return _QUOTED_INPUT.sub(r"\1 (the input is not logged)", message)


class HlinkSchema(strawberry.Schema):
    """Strawberry's schema, every field and argument described (schema/glossary.py), logging expected failures
    (bad input, a missing row, a role too small) as one line and only the unexpected ones with their traceback."""

    def __init__(self, *args: Any, policy: Policy, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: the app's limits: an operation's time (schema/budget.py), the page cap and column cap the cost counts
        self.policy = policy
        describe(self._schema)
        direct_resolvers(self._schema)

    async def execute(
        self,
        query: str | None,
        variable_values: dict[str, Any] | None = None,
        context_value: Any | None = None,
        root_value: Any | None = None,
        operation_name: str | None = None,
        allowed_operation_types: Iterable[OperationType] | None = None,
        operation_extensions: dict[str, Any] | None = None,
    ) -> ExecutionResult:
        """Strawberry's execute, without subscriptions: one answer cannot carry a stream, and Strawberry would run
        a subscription sent over plain HTTP as a query and fail inside it; now it is a clear 400 (they go over the
        WebSocket). The operation runs under its budget (schema/budget.py)."""
        given = DEFAULT_ALLOWED_OPERATION_TYPES if allowed_operation_types is None else allowed_operation_types
        allowed = set(given) - {OperationType.SUBSCRIPTION}
        try:
            with budget.bounded(self.policy.request_seconds), loaders.per_operation():
                return await super().execute(
                    query, variable_values, context_value, root_value, operation_name, allowed, operation_extensions
                )
        except budget.Overrun as overrun:  # the whole operation ends: no partial answer
            log.info("graphql: %s", overrun.message)
            code = {"code": "QUERY_TOO_COSTLY"}
            return ExecutionResult(data=None, errors=[GraphQLError(overrun.message, extensions=code)])

    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        """Expected failures logged as one line; unexpected ones with their traceback, and answered as an internal
        error with the request's id only (their text may hold internals: paths, SQL, values)."""
        unexpected = []
        for error in errors:
            cause = error.original_error
            if cause is None or isinstance(cause, DomainError | GraphQLError) or bad_input(error):
                log.info("graphql: %s", redacted(error.message))
            else:
                unexpected.append(error)
        super().process_errors(unexpected, execution_context)
        for error in unexpected:
            error.message = f"internal error (request {logs.request_id.get()}); the log has the details"


def direct_resolvers(schema: GraphQLSchema) -> None:
    """Each field without a resolver of its own reads its attribute in one call, and each object type checks an
    object of its own class at once. A page answers thousands of fields: Strawberry's generic path costs three
    calls per plain field (its field object, its default resolver) and, for types with an interface, a type-cast
    lookup per object, which nothing here uses (no ``strawberry.cast``); what each answers is unchanged."""
    for graphql_type in schema.type_map.values():
        if not isinstance(graphql_type, GraphQLObjectType):
            continue
        definition = (graphql_type.extensions or {}).get(DEFINITION_BACKREF)
        if definition is None:
            continue
        if graphql_type.is_type_of is not None and not definition.is_type_of:
            graphql_type.is_type_of = _own_class_first(definition.origin, graphql_type.is_type_of)
        for graphql_field in graphql_type.fields.values():
            field = (graphql_field.extensions or {}).get(DEFINITION_BACKREF)
            if isinstance(field, StrawberryField) and field.is_basic_field and field.default_resolver is getattr:
                graphql_field.resolve = _attribute(field.python_name)
                mark_plain_leaf(graphql_field, field.python_name)


def _attribute(name: str) -> Callable[..., Any]:
    def resolve(source: Any, _info: Any) -> Any:
        return getattr(source, name)

    return resolve


def _own_class_first(origin: type, general: Callable[..., Any]) -> Callable[..., Any]:
    def is_type_of(obj: Any, info: Any) -> Any:
        return type(obj) is origin or general(obj, info)

    return is_type_of


@cache
def _depth_rule(max_depth: int) -> type[ValidationRule]:
    limiter = depth_validator(max_depth, None)

    class DepthRule(limiter):  # type: ignore[valid-type,misc]
        """Strawberry's depth rule, which fails on a spread of a fragment the document does not define (a KeyError,
        an internal error); graphql-core's own rule reports that fragment instead."""

        def __init__(self, context: ValidationContext) -> None:
            try:
                super().__init__(context)
            except KeyError:
                ValidationRule.__init__(self, context)

    return DepthRule


@cache
def _alias_rule(max_aliases: int) -> type[ValidationRule]:
    return alias_validator(max_aliases)


class DepthLimit(AddValidationRules):
    """Strawberry's depth limiter with its rule made once per depth: the validation cache keys on the rules, so
    a rule made anew for each request would never let a document's validation be reused."""

    def __init__(self, max_depth: int) -> None:
        super().__init__([_depth_rule(max_depth)])


class AliasLimit(AddValidationRules):
    """Strawberry's alias limiter, its rule made once per limit (as :class:`DepthLimit`)."""

    def __init__(self, max_alias_count: int) -> None:
        super().__init__([_alias_rule(max_alias_count)])


@dataclass(frozen=True)
class Roots:
    """The root types, each merged from the resolvers of every subject (resolvers/ makes them: the types here
    know nothing of the resolvers)."""

    query: type
    mutation: type
    subscription: type


def build_schema(
    roots: Roots,
    policy: Policy | None = None,
    max_depth: int = 12,
    max_tokens: int = 5000,
    max_aliases: int = 30,
    max_cost: int = 1_000_000,
) -> strawberry.Schema:
    """The schema of these root types, with its guards against abusive documents, under ``policy`` (the
    embedded defaults without one: the committed SDL, a test)."""
    policy = policy or Policy()
    return HlinkSchema(
        policy=policy,
        execution_context_class=HlinkExecutionContext,
        query=roots.query,
        mutation=roots.mutation,
        subscription=roots.subscription,
        config=StrawberryConfig(scalar_map=SCALARS),
        extensions=[
            partial(DepthLimit, max_depth=max_depth),
            partial(MaxTokensLimiter, max_token_count=max_tokens),
            partial(AliasLimit, max_alias_count=max_aliases),
            partial(CostLimiter, max_cost=max_cost, policy=policy),
            NulGuard,
            loaders.ReadColumns,
            WebSocketSignIn,
            ErrorCodes,
            Timing,
            partial(ParserCache, maxsize=DOCUMENT_CACHE),
            partial(ValidationCache, maxsize=DOCUMENT_CACHE),
        ],
    )


def sdl(roots: Roots) -> str:
    """The schema in SDL, as committed to schema.graphql."""
    return build_schema(roots).as_str() + "\n"
