"""What the graph exposes: the Strawberry schema, with limits on depth, tokens and aliases."""

from __future__ import annotations

import logging
import re
from functools import partial
from pathlib import Path

import strawberry
from graphql import GraphQLError
from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from resolvers.access import AccessMutation, AccessQuery
from resolvers.lifecycle import LifecycleMutation, Subscription
from resolvers.mutations import Mutation
from resolvers.queries import Query
from schema.cost import CostLimiter
from schema.scalars import SCALARS
from schema.signin import WebSocketSignIn
from services.errors import DomainError

SDL_PATH = Path(__file__).resolve().parent.parent / "schema.graphql"


log = logging.getLogger("hlink.graphql")
#: graphql-core quotes the input it could not read ("found: {...}", "got invalid value {...}"): it may hold secrets
_QUOTED_INPUT = re.compile(r"(;?\s*(found|got invalid value)\b).*", re.S)


def redacted(message: str) -> str:
    """An error message as logged: without the input it quotes."""
    return _QUOTED_INPUT.sub(r"\1 (the input is not logged)", message)


class HlinkSchema(strawberry.Schema):
    """Strawberry's schema, logging expected failures (bad input, a missing row, a role too small) as one line
    and only the unexpected ones with their traceback."""

    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        unexpected = []
        for error in errors:
            cause = error.original_error
            if cause is None or isinstance(cause, DomainError | GraphQLError):
                log.info("graphql: %s", redacted(error.message))
            else:
                unexpected.append(error)
        super().process_errors(unexpected, execution_context)


def build_schema(
    max_depth: int = 12, max_tokens: int = 5000, max_aliases: int = 30, max_cost: int = 1_000_000
) -> strawberry.Schema:
    """The schema with its guards against abusive documents."""
    return HlinkSchema(
        query=merge_types("Query", (Query, AccessQuery)),
        mutation=merge_types("Mutation", (Mutation, LifecycleMutation, AccessMutation)),
        subscription=Subscription,
        config=StrawberryConfig(scalar_map=SCALARS),
        extensions=[
            partial(QueryDepthLimiter, max_depth=max_depth),
            partial(MaxTokensLimiter, max_token_count=max_tokens),
            partial(MaxAliasesLimiter, max_alias_count=max_aliases),
            partial(CostLimiter, max_cost=max_cost),
            WebSocketSignIn,
        ],
    )


def sdl() -> str:
    """The schema in SDL, as committed to schema.graphql."""
    return build_schema().as_str() + "\n"
