"""The GraphQL glue: the root query, mutation and subscription resolvers by subject, gathered by :func:`roots`
for the schema (schema/ holds the types, the request context and its DataLoaders)."""

from __future__ import annotations

from functools import cache

from strawberry.tools import merge_types

from hlink.resolvers.access import AccessMutation, AccessQuery
from hlink.resolvers.alerts import AlertMutation, AlertQuery
from hlink.resolvers.lifecycle import LifecycleMutation, Subscription
from hlink.resolvers.mutations import Mutation
from hlink.resolvers.preview import PreviewQuery, PreviewSubscription
from hlink.resolvers.queries import Query
from hlink.resolvers.upgrade import UpgradeMutation, UpgradeQuery
from hlink.schema import Roots


@cache
def roots() -> Roots:
    """Every subject's root fields, merged into the three root types (made once per process)."""
    return Roots(
        query=merge_types("Query", (Query, AccessQuery, AlertQuery, UpgradeQuery, PreviewQuery)),
        mutation=merge_types("Mutation", (Mutation, LifecycleMutation, AccessMutation, AlertMutation, UpgradeMutation)),
        subscription=merge_types("Subscription", (Subscription, PreviewSubscription)),
    )
