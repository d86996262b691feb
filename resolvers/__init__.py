"""The GraphQL glue: the root query, mutation and subscription resolvers by subject, gathered by :func:`roots`
for the schema (schema/ holds the types, the request context and its DataLoaders)."""

from __future__ import annotations

from functools import cache

from strawberry.tools import merge_types

from resolvers.access import AccessMutation, AccessQuery
from resolvers.alerts import AlertMutation, AlertQuery
from resolvers.lifecycle import LifecycleMutation, Subscription
from resolvers.mutations import Mutation
from resolvers.queries import Query
from resolvers.upgrade import UpgradeQuery
from schema import Roots


@cache
def roots() -> Roots:
    """Every subject's root fields, merged into the three root types (made once per process)."""
    return Roots(
        query=merge_types("Query", (Query, AccessQuery, AlertQuery, UpgradeQuery)),
        mutation=merge_types("Mutation", (Mutation, LifecycleMutation, AccessMutation, AlertMutation)),
        subscription=Subscription,
    )
