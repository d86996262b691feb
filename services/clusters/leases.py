"""Which clusters this replica reconciles: on PostgreSQL, one session-level advisory lock per cluster, so each
cluster's reconciler runs in exactly one replica at a time; when that replica dies its session ends, the locks
go with it, and another replica takes them at its next cycle. On SQLite (one process) every cluster is ours."""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger("hlink.leases")
#: the first key of hlink's cluster locks (the second is the cluster's id)
NAMESPACE = 0x686C6E6B


class Leases:
    """Every cluster is this process's (SQLite: hlink runs as one process)."""

    async def held(self, cluster_ids: list[int]) -> set[int]:
        """The clusters among ``cluster_ids`` this replica reconciles now."""
        return set(cluster_ids)

    async def close(self) -> None:
        """Give up the leases."""


class AdvisoryLeases(Leases):
    """PostgreSQL advisory locks held on a connection of this replica's own."""

    def __init__(self, database_url: str) -> None:
        self._dsn = "postgresql://" + database_url.split("://", 1)[1]
        self._connection: Any = None
        self._held: set[int] = set()

    async def held(self, cluster_ids: list[int]) -> set[int]:
        import asyncpg

        try:
            if self._connection is None or self._connection.is_closed():
                self._held.clear()  # a new session holds nothing
                self._connection = await asyncpg.connect(self._dsn, timeout=5)
            # the session is alive, so the locks it took are still its own
            await self._connection.fetchval("SELECT 1", timeout=5)
            for cluster_id in set(cluster_ids) - self._held:
                if await self._connection.fetchval("SELECT pg_try_advisory_lock($1, $2)", NAMESPACE, cluster_id):
                    self._held.add(cluster_id)
        except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError) as error:
            log.warning("the reconciler's leases are lost until the database answers again: %s", error)
            await self.close()
            return set()
        return self._held & set(cluster_ids)

    async def close(self) -> None:
        self._held.clear()
        if self._connection is not None:
            connection, self._connection = self._connection, None
            try:
                await connection.close(timeout=5)
            except Exception:  # a connection already broken has nothing left to close
                connection.terminate()


def leases_for(database_url: str) -> Leases:
    """Advisory locks on PostgreSQL, every cluster on SQLite."""
    if database_url.startswith(("postgres://", "postgresql://", "asyncpg://")):
        return AdvisoryLeases(database_url)
    return Leases()
