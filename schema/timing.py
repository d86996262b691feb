"""GraphQL operations timed for /metrics, by operation type (query, mutation, subscription)."""

from __future__ import annotations

import time
from collections.abc import Iterator

from strawberry.extensions import SchemaExtension

from hlink.services.metrics import GRAPHQL_SECONDS


class Timing(SchemaExtension):
    """Observes each operation's duration in ``hlink_graphql_operation_duration_seconds``."""

    def on_operation(self) -> Iterator[None]:
        started = time.perf_counter()
        yield
        kind = self.execution_context.operation_type
        GRAPHQL_SECONDS.labels(kind.value if kind is not None else "unknown").observe(time.perf_counter() - started)
