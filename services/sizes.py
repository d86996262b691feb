"""The largest lists stored, by kind: what the GraphQL cost estimate prices a list without a ``limit`` at.

A datasource's columns and properties are capped on save (HLINK_MAX_COLUMNS, the policy's ``max_columns``, and
:data:`MAX_PROPERTIES`); a job's mapping and savepoints grow with use, so the estimate reads the largest there
are. Read at most every :data:`TTL` seconds per process (a few grouped counts), never more than the caps.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

from tortoise import connections

from hlink.models import Column, JobDatasource, Savepoint

#: connector properties a datasource may have (a connector form has a few dozen fields)
MAX_PROPERTIES = 200
#: seconds the counts are kept: a list saved larger meanwhile is still bounded by the answer's own budget
TTL = 5.0


@dataclass(frozen=True)
class Sizes:
    """The largest list of each kind: columns of one datasource, mappings and savepoints of one job."""

    columns: int
    mappings: int
    savepoints: int
    properties: int = MAX_PROPERTIES


_cached: tuple[float, Sizes] | None = None


def _largest(model: type[Column] | type[JobDatasource] | type[Savepoint], column: str) -> str:
    table = model._meta.db_table
    return f'(SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM "{table}" GROUP BY "{column}") AS {table}_sizes)'


#: one statement for the three
_SQL = (
    f"SELECT {_largest(Column, 'datasource_id')} AS columns, {_largest(JobDatasource, 'job_id')} AS mappings,"
    f" {_largest(Savepoint, 'job_id')} AS savepoints"
)


async def largest(max_columns: int) -> Sizes:
    """The current sizes (the counts cached for :data:`TTL` seconds); columns at most ``max_columns``
    (HLINK_MAX_COLUMNS: none is saved beyond it, a larger count is from before it was lowered)."""
    global _cached
    if _cached is None or time.monotonic() - _cached[0] > TTL:  # two callers refreshing at once is harmless
        row = (await connections.get("default").execute_query_dict(_SQL))[0]
        counts = {k: int(v or 0) for k, v in row.items()}
        _cached = (time.monotonic(), Sizes(counts["columns"], counts["mappings"], counts["savepoints"]))
    return replace(_cached[1], columns=min(_cached[1].columns, max_columns))


def forget() -> None:
    """Drop the cached counts (tests, and after a save that may have grown a list)."""
    global _cached
    _cached = None
