"""What the graph exposes: the Strawberry schema, with limits on depth, tokens and aliases."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import strawberry
from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types

from resolvers.access import AccessMutation, AccessQuery
from resolvers.lifecycle import LifecycleMutation, Subscription
from resolvers.mutations import Mutation
from resolvers.queries import Query
from schema.cost import CostLimiter
from schema.scalars import SCALARS

SDL_PATH = Path(__file__).resolve().parent.parent / "schema.graphql"


def build_schema(
    max_depth: int = 12, max_tokens: int = 5000, max_aliases: int = 30, max_cost: int = 1_000_000
) -> strawberry.Schema:
    """The schema with its guards against abusive documents."""
    return strawberry.Schema(
        query=merge_types("Query", (Query, AccessQuery)),
        mutation=merge_types("Mutation", (Mutation, LifecycleMutation, AccessMutation)),
        subscription=Subscription,
        config=StrawberryConfig(scalar_map=SCALARS),
        extensions=[
            partial(QueryDepthLimiter, max_depth=max_depth),
            partial(MaxTokensLimiter, max_token_count=max_tokens),
            partial(MaxAliasesLimiter, max_alias_count=max_aliases),
            partial(CostLimiter, max_cost=max_cost),
        ],
    )


def sdl() -> str:
    """The schema in SDL, as committed to schema.graphql."""
    return build_schema().as_str() + "\n"
